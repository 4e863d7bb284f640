#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"
#include "giamngheo/text.h"
#include "views.h"

gn_color_role gn_view_deadline_role(gn_deadline_status s)
{
	switch (s) {
	case GN_DL_UPCOMING:
		return GN_ROLE_UPCOMING;
	case GN_DL_DUE_SOON:
		return GN_ROLE_DUE_SOON;
	case GN_DL_TODAY:
		return GN_ROLE_TODAY;
	case GN_DL_OVERDUE:
		return GN_ROLE_OVERDUE;
	case GN_DL_ON_TIME:
		return GN_ROLE_ON_TIME;
	case GN_DL_LATE:
		return GN_ROLE_LATE;
	}
	return GN_ROLE_ROW;
}

const char *gn_view_read_error(gn_status st, const char *what_failed)
{
	return st == GN_ERR_FORBIDDEN ? gn_status_message(st) : what_failed;
}

void gn_view_span_fixed(gn_doc *d, gn_color_role role, const char *text, int cols)
{
	char *safe = gn_text_sanitize(text ? text : "");
	if (!safe)
		return;
	int used = 0;
	size_t bytes = gn_text_fit(safe, cols, &used);
	safe[bytes] = '\0';
	gn_doc_span(d, role, "%s%*s", safe, cols - used, "");
	free(safe);
}

void gn_view_column(gn_doc *d, gn_color_role role, const char *text, int cols)
{
	gn_view_span_fixed(d, role, text, cols - 1);
	gn_doc_span(d, GN_ROLE_ROW, " ");
}

void gn_view_span_right(gn_doc *d, gn_color_role role, const char *text, int cols)
{
	int pad = cols - gn_text_width(text ? text : "");
	gn_doc_span(d, role, "%*s", pad > 0 ? pad : 0, "");
	gn_view_span_fixed(d, role, text, pad > 0 ? cols - pad : cols);
}

gn_doc *gn_view_doc_new(gn_view *v)
{
	gn_doc *d = calloc(1, sizeof *d);
	if (d)
		d->cursor = -1;
	v->state = d;
	return d;
}

void gn_view_doc_free(gn_view *v)
{
	gn_doc *d = v->state;
	if (d)
		gn_doc_clear(d);
	free(d);
}

int gn_view_doc_act(gn_view *v, gn_app *app, gn_action a)
{
	gn_doc *d = v->state;
	if (!d)
		return GN_UI_IGNORED;
	if (a == GN_ACT_OPEN && gn_doc_selected(d)) {
		gn_app_push(app, &gn_view_household, gn_doc_selected(d));
		return GN_UI_REDRAW;
	}
	return gn_doc_act(d, a, LINES - GN_UI_CHROME_ROWS);
}

void gn_view_doc_draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	(void)app;
	gn_doc *d = v->state;
	if (d)
		gn_doc_draw(d, w, rows, cols);
}

void gn_view_doc_select(gn_doc *d, long long link)
{
	for (int i = 0; link && i < d->n; i++)
		if (d->lines[i].link == link) {
			d->cursor = i;
			return;
		}
}

bool gn_view_indicator_action(gn_action a, gn_ind_status *out)
{
	switch (a) {
	case GN_ACT_SET_DEPRIVED:
		*out = GN_IND_DEPRIVED;
		return true;
	case GN_ACT_SET_ADDRESSING:
		*out = GN_IND_ADDRESSING;
		return true;
	case GN_ACT_SET_RESOLVED:
		*out = GN_IND_RESOLVED;
		return true;
	case GN_ACT_SET_NOT_DEPRIVED:
		*out = GN_IND_NOT_DEPRIVED;
		return true;
	default:
		return false;
	}
}

bool gn_view_set_indicator(gn_app *app, long long household_id, long long indicator_id,
			   gn_ind_status status)
{
	int idx = -1;
	for (int i = 0; indicator_id && i < app->standard.n_indicators; i++)
		if (app->standard.indicators[i].id == indicator_id)
			idx = i;
	if (idx < 0) {
		gn_app_notice(app, true, "%s", _("Move the cursor to an indicator first (↑↓)."));
		return false;
	}
	gn_household before, after;
	gn_ind_status st[GN_MAX_INDICATORS];
	bool loaded = gn_household_load(app->db, household_id, &before) == GN_OK;
	if (!loaded || gn_household_indicators(app->db, household_id, &app->standard, st) != GN_OK) {
		if (loaded)
			gn_household_clear(&before);
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		return false;
	}
	gn_status rc = gn_household_set_indicator(app->db, household_id, indicator_id, status);
	if (rc != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(rc));
	} else if (gn_household_load(app->db, household_id, &after) == GN_OK) {
		const gn_indicator *in = &app->standard.indicators[idx];
		char msg[256];
		int n = snprintf(msg, sizeof msg, "%s %s: %s → %s", in->code, gn_indicator_name(in),
				 gn_ind_status_label(st[idx]), gn_ind_status_label(status));
		if (after.cls != before.cls && n > 0 && (size_t)n < sizeof msg)
			snprintf(msg + n, sizeof msg - (size_t)n, _("; class: %s → %s"), gn_class_label(before.cls),
				 gn_class_label(after.cls));
		gn_app_notice(app, false, "%s", msg);
		gn_household_clear(&after);
		app->changes++;
	}
	gn_household_clear(&before);
	return rc == GN_OK;
}

void gn_view_span_wrapped(gn_doc *d, gn_color_role role, const char *text, int cols, int indent)
{
	const char *p = text;
	for (bool first = true; first || *p; first = false) {
		int used;
		size_t n = gn_text_fit(p, cols, &used);
		/* A line too narrow for even one character still takes one, so
		 * the text always moves on. */
		if (n == 0 && *p) {
			n = 1;
			while (((unsigned char)p[n] & 0xC0) == 0x80)
				n++;
		}
		if (p[n]) {
			size_t cut = n;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut > 0)
				n = cut;
		}
		if (!first) {
			gn_doc_line(d, 0);
			gn_doc_span(d, role, "%*s", indent, "");
		}
		gn_doc_span(d, role, "%.*s", (int)n, p);
		p += n;
		while (*p == ' ')
			p++;
	}
}
