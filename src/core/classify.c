#include "giamngheo/classify.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/i18n.h"

gn_money gn_thresholds_line(const gn_thresholds *t, gn_area area)
{
	return area == GN_AREA_RURAL ? t->line_rural : t->line_urban;
}

static gn_money middle_max(const gn_thresholds *t, gn_area area)
{
	return area == GN_AREA_RURAL ? t->middle_rural_max : t->middle_urban_max;
}

gn_class gn_classify(const gn_thresholds *t, gn_area area, gn_money income, int deprivations)
{
	if (income <= gn_thresholds_line(t, area))
		return deprivations >= t->min_deprivations ? GN_CLASS_POOR : GN_CLASS_NEAR_POOR;
	if (income <= middle_max(t, area))
		return GN_CLASS_MIDDLE;
	return GN_CLASS_NOT_POOR;
}

bool gn_ind_status_counts(gn_ind_status s)
{
	return s == GN_IND_DEPRIVED || s == GN_IND_ADDRESSING;
}

int gn_count_deprivations(const gn_ind_status *st, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		c += gn_ind_status_counts(st[i]);
	return c;
}

gn_exit_gap gn_exit_gap_compute(const gn_thresholds *t, gn_area area, gn_money income,
				const gn_ind_status *st, size_t n)
{
	gn_exit_gap g = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (gn_ind_status_counts(st[i]))
			g.left++;
		if (st[i] != GN_IND_NOT_DEPRIVED)
			g.total++;
	}
	g.income = income;
	g.line = gn_thresholds_line(t, area);
	g.cls = gn_classify(t, area, income, g.left);
	g.shortfall = income <= g.line ? g.line - income + 1 : 0;
	g.to_resolve = g.left >= t->min_deprivations ? g.left - t->min_deprivations + 1 : 0;
	return g;
}

void gn_exit_gap_describe(const gn_exit_gap *g, char *buf, size_t size)
{
	char income[32], line[32], raise[32];
	gn_money_format(g->income, income, sizeof income);
	gn_money_format(g->line, line, sizeof line);
	gn_money_format(g->shortfall, raise, sizeof raise);
	switch (g->cls) {
	case GN_CLASS_POOR:
		snprintf(buf, size,
			 /* TRANSLATORS: deprivations left, deprivations at the start, income, line,
			    raise needed, number of deprivations still to resolve. */
			 _("%d of %d deprivations left; income %s ≤ %s line. Exits poverty when income "
			   "rises above the line (+%s) or when %d more deprivation(s) are resolved."),
			 g->left, g->total, income, line, raise, g->to_resolve);
		break;
	case GN_CLASS_NEAR_POOR:
		snprintf(buf, size,
			 _("Near-poor: %d deprivation(s) left; income %s ≤ %s line. Leaves near-poverty "
			   "when income rises above the line (+%s)."),
			 g->left, income, line, raise);
		break;
	case GN_CLASS_MIDDLE:
	case GN_CLASS_NOT_POOR:
		snprintf(buf, size, _("Not poor under this standard: income %s is above the %s line."),
			 income, line);
		break;
	}
}

static const char *const class_codes[] = { "poor", "near_poor", "middle", "not_poor" };
static const char *const status_codes[] = { "not_deprived", "deprived", "addressing", "resolved" };
static const char *const area_codes[] = { "urban", "rural" };

static int index_of(const char *const *codes, int n, const char *code)
{
	for (int i = 0; code && i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

const char *gn_class_code(gn_class c)
{
	return class_codes[c];
}

bool gn_class_from_code(const char *code, gn_class *out)
{
	int i = index_of(class_codes, 4, code);
	if (i >= 0)
		*out = (gn_class)i;
	return i >= 0;
}

const char *gn_class_label(gn_class c)
{
	switch (c) {
	case GN_CLASS_POOR:
		return _("poor");
	case GN_CLASS_NEAR_POOR:
		return _("near-poor");
	case GN_CLASS_MIDDLE:
		return _("middle living standard");
	case GN_CLASS_NOT_POOR:
		return _("not poor");
	}
	return "";
}

const char *gn_ind_status_code(gn_ind_status s)
{
	return status_codes[s];
}

bool gn_ind_status_from_code(const char *code, gn_ind_status *out)
{
	int i = index_of(status_codes, 4, code);
	if (i >= 0)
		*out = (gn_ind_status)i;
	return i >= 0;
}

const char *gn_ind_status_label(gn_ind_status s)
{
	switch (s) {
	case GN_IND_NOT_DEPRIVED:
		return _("not deprived");
	case GN_IND_DEPRIVED:
		return _("deprived");
	case GN_IND_ADDRESSING:
		return _("being addressed");
	case GN_IND_RESOLVED:
		return _("resolved");
	}
	return "";
}

char gn_ind_status_symbol(gn_ind_status s)
{
	static const char symbols[] = { '.', 'X', '~', '+' };
	return symbols[s];
}

const char *gn_area_code(gn_area a)
{
	return area_codes[a];
}

bool gn_area_from_code(const char *code, gn_area *out)
{
	int i = index_of(area_codes, 2, code);
	if (i >= 0)
		*out = (gn_area)i;
	return i >= 0;
}

const char *gn_area_label(gn_area a)
{
	return a == GN_AREA_RURAL ? _("rural") : _("urban");
}
