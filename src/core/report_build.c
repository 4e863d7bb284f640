/* The plan's four reports built from the data (Kế hoạch 121/KH-UBND,
 * section VI): the lead agency's monthly report, the support-plan report due
 * 10/6, and the focal department's half-year and year-end reports. What is
 * built here is a model (report_build.h): the exporters decide how it looks. */
#include "giamngheo/report_build.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/agency.h"
#include "giamngheo/array.h"
#include "giamngheo/classify.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/format.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/money.h"
#include "giamngheo/standard.h"
#include "giamngheo/stats.h"
#include "giamngheo/support.h"
#include "giamngheo/text.h"
#include "giamngheo/ward.h"

/* The focal department's report dates: the plan's calendar (section VI). */
#define HALF_YEAR_MONTH 6
#define HALF_YEAR_DAY 30
#define YEAR_END_MONTH 11
#define YEAR_END_DAY 30

/* When a deprivation was resolved is not stored as such. The day the last
 * delivered support item aimed at it for that household arrived stands in
 * for it; without one, the day the indicator's status row was last written
 * (household_indicator.updated_at). updated_at alone would move with every
 * later edit of the row, and a ward that entered its data in one sitting
 * (or the demo) would see everything resolved on that day.
 * ?2 is the standard; the columns are household, indicator, resolved_on. */
#define RESOLVED_CTE \
	"WITH resolved AS (SELECT hi.household_id AS household_id, hi.indicator_id AS indicator_id," \
	" coalesce((SELECT max(s.actual_date) FROM support_item s WHERE s.household_id = hi.household_id" \
	"   AND s.indicator_id = hi.indicator_id AND s.status = 'delivered' AND s.deleted = 0)," \
	"   substr(hi.updated_at, 1, 10)) AS resolved_on" \
	" FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id" \
	" JOIN household h ON h.id = hi.household_id" \
	" WHERE hi.status = 'resolved' AND i.standard_id = ?2 AND h.deleted = 0) "

/* Kinds and sources in the order of the plan (section V), unknown ones last. */
#define KIND_ORDER \
	"instr(',production,jobs,housing,health,labour,education,services,training,loan,legal," \
	"budgeting,family,', ',' || s.kind || ',')"
#define SOURCE_ORDER \
	"CASE instr(',budget,fund,agency,donor,community,', ',' || s.fund_source || ',')" \
	" WHEN 0 THEN 99 ELSE instr(',budget,fund,agency,donor,community,', ',' || s.fund_source || ',') END"

typedef struct {
	gn_db *db;
	gn_report *r;
	gn_ward ward;
	gn_standard std;
	bool have_std;
	gn_status st;          /* the first failure; GN_OK while all goes well */
} builder;

/* ---- the model ---- */

static void fail(builder *b, gn_status st)
{
	if (b->st == GN_OK)
		b->st = st;
}

static char *dup_or_fail(builder *b, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		fail(b, GN_ERR_NOMEM);
	return d;
}

static char *vformat(builder *b, const char *fmt, va_list ap)
{
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0) {
		fail(b, GN_ERR_NOMEM);
		return NULL;
	}
	return s;
}

static char *format(builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *format(builder *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(b, fmt, ap);
	va_end(ap);
	return s;
}

static void subtitle(builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void subtitle(builder *b, const char *fmt, ...)
{
	if (b->r->nsubtitles >= (int)(sizeof b->r->subtitles / sizeof b->r->subtitles[0]))
		return;
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(b, fmt, ap);
	va_end(ap);
	if (s)
		b->r->subtitles[b->r->nsubtitles++] = s;
}

/* Returns the index of the new section, -1 when memory ran out. */
static int section(builder *b, const char *heading)
{
	gn_report *r = b->r;
	if (!gn_array_reserve((void **)&r->sections, &r->cap, r->nsections, sizeof *r->sections, 8)) {
		fail(b, GN_ERR_NOMEM);
		return -1;
	}
	gn_rsection *s = &r->sections[r->nsections];
	memset(s, 0, sizeof *s);
	s->heading = dup_or_fail(b, heading);
	return r->nsections++;
}

static gn_rblock *block(builder *b, int sec)
{
	if (sec < 0)
		return NULL;
	gn_rsection *s = &b->r->sections[sec];
	if (!gn_array_reserve((void **)&s->blocks, &s->cap, s->nblocks, sizeof *s->blocks, 4)) {
		fail(b, GN_ERR_NOMEM);
		return NULL;
	}
	gn_rblock *k = &s->blocks[s->nblocks++];
	memset(k, 0, sizeof *k);
	return k;
}

static void sentence(builder *b, int sec, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void sentence(builder *b, int sec, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(b, fmt, ap);
	va_end(ap);
	gn_rblock *k = s ? block(b, sec) : NULL;
	if (k)
		k->text = s;
	else
		free(s);
}

/* A table of ncols columns with these (translated) headers; total lists the
 * columns summed, ending with -1 (NULL: no totals row). */
static gn_rtable *table(builder *b, int sec, int ncols, const char *const *headers,
			const int *total, const char *empty_note)
{
	gn_rtable *t = calloc(1, sizeof *t);
	if (!t) {
		fail(b, GN_ERR_NOMEM);
		return NULL;
	}
	t->ncols = ncols;
	t->headers = calloc((size_t)ncols, sizeof *t->headers);
	t->total = calloc((size_t)ncols, sizeof *t->total);
	if (!t->headers || !t->total) {
		free(t->headers);
		free(t->total);
		free(t);
		fail(b, GN_ERR_NOMEM);
		return NULL;
	}
	for (int c = 0; c < ncols; c++)
		t->headers[c] = dup_or_fail(b, headers[c]);
	for (const int *c = total; c && *c >= 0; c++) {
		t->total[*c] = true;
		t->has_totals = true;
	}
	t->empty_note = empty_note ? dup_or_fail(b, empty_note) : NULL;
	gn_rblock *k = block(b, sec);
	if (k)
		k->table = t;
	else {
		/* Not attached: free it here, the caller gets NULL. */
		for (int c = 0; c < ncols; c++)
			free(t->headers[c]);
		free(t->headers);
		free(t->total);
		free(t->empty_note);
		free(t);
		return NULL;
	}
	return t;
}

#define T(s) ((gn_rcell){ .type = GN_RCELL_TEXT, .text = (char *)(s) })
#define N(n) ((gn_rcell){ .type = GN_RCELL_COUNT, .num = (n) })
#define M(v) ((gn_rcell){ .type = GN_RCELL_MONEY, .num = (v) })
#define D(d) ((gn_rcell){ .type = GN_RCELL_DATE, .date = (d) })
#define P(p) ((gn_rcell){ .type = GN_RCELL_PERCENT, .pct = (p) })
#define E ((gn_rcell){ .type = GN_RCELL_EMPTY })

/* Appends a row; text cells are copied. A table that could not be made
 * (NULL) takes nothing. */
static void row(builder *b, gn_rtable *t, const gn_rcell *cells)
{
	if (!t)
		return;
	if (t->nrows == t->cap) {
		int cap = t->cap ? t->cap * 2 : 16;
		gn_rcell *grown = realloc(t->cells, (size_t)cap * (size_t)t->ncols * sizeof *grown);
		if (!grown) {
			fail(b, GN_ERR_NOMEM);
			return;
		}
		t->cells = grown;
		t->cap = cap;
	}
	gn_rcell *dst = &t->cells[(size_t)t->nrows * (size_t)t->ncols];
	for (int c = 0; c < t->ncols; c++) {
		dst[c] = cells[c];
		if (cells[c].type == GN_RCELL_TEXT)
			dst[c].text = dup_or_fail(b, cells[c].text);
		else if (cells[c].type == GN_RCELL_DATE && !gn_date_is_set(cells[c].date))
			dst[c].type = GN_RCELL_EMPTY;
		if (dst[c].type != GN_RCELL_TEXT)
			dst[c].text = NULL;
	}
	t->nrows++;
}

long long gn_rtable_total(const gn_rtable *t, int col)
{
	long long sum = 0;
	for (int r = 0; r < t->nrows; r++) {
		const gn_rcell *c = &t->cells[(size_t)r * (size_t)t->ncols + (size_t)col];
		if (c->type == GN_RCELL_COUNT || c->type == GN_RCELL_MONEY)
			sum += c->num;
	}
	return sum;
}

const gn_rcell *gn_rtable_cell(const gn_rtable *t, int row_, int col)
{
	return &t->cells[(size_t)row_ * (size_t)t->ncols + (size_t)col];
}

static void table_free(gn_rtable *t)
{
	if (!t)
		return;
	for (int c = 0; c < t->ncols; c++)
		free(t->headers[c]);
	for (size_t i = 0; i < (size_t)t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i].text);
	free(t->headers);
	free(t->total);
	free(t->cells);
	free(t->empty_note);
	free(t);
}

void gn_report_free(gn_report *r)
{
	if (!r)
		return;
	for (int s = 0; s < r->nsections; s++) {
		gn_rsection *sec = &r->sections[s];
		for (int k = 0; k < sec->nblocks; k++) {
			free(sec->blocks[k].text);
			table_free(sec->blocks[k].table);
		}
		free(sec->blocks);
		free(sec->heading);
	}
	for (int i = 0; i < r->nsubtitles; i++)
		free(r->subtitles[i]);
	free(r->sections);
	free(r->title);
	free(r);
}

/* ---- names ---- */

static const char *const kind_codes[] = { "monthly", "plan", "half-year", "year-end" };

const char *gn_report_kind_code(gn_report_kind k)
{
	return k >= GN_REPORT_MONTHLY && k <= GN_REPORT_YEAR_END ? kind_codes[k] : "";
}

bool gn_report_kind_from_code(const char *code, gn_report_kind *out)
{
	for (int i = 0; code && i < 4; i++)
		if (strcmp(kind_codes[i], code) == 0) {
			*out = (gn_report_kind)i;
			return true;
		}
	return false;
}

const char *gn_report_kind_label(gn_report_kind k)
{
	switch (k) {
	case GN_REPORT_MONTHLY:
		return _("Lead agency's monthly report (due the 25th)");
	case GN_REPORT_PLAN:
		return _("Support plans of the households (due 10/6)");
	case GN_REPORT_HALF_YEAR:
		return _("Half-year report of the focal department (to 30/6)");
	case GN_REPORT_YEAR_END:
		return _("Year-end report of the focal department (to 30/11)");
	}
	return "";
}

/* An agency code as a file name part: diacritics dropped, capitals kept,
 * anything but letters and digits a single dash ("XD-NN&MT" -> "XD-NN-MT"). */
static void code_slug(const char *code, char *out, size_t size)
{
	char *folded = gn_text_fold(code);
	const char *s = folded ? folded : "";
	size_t o = 0;
	bool dash = false;
	for (; *s && o + 2 < size; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch < 0x80 && isalnum(ch)) {
			if (dash && o > 0)
				out[o++] = '-';
			out[o++] = (char)toupper(ch);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[o] = '\0';
	free(folded);
}

/* ---- reading ---- */

static sqlite3_stmt *prepare(builder *b, const char *sql)
{
	if (b->st != GN_OK)
		return NULL;
	sqlite3_stmt *st = gn_db_prepare(b->db, sql);
	if (!st)
		fail(b, GN_ERR_DB);
	return st;
}

/* Steps to the next row; false at the end or on failure (recorded). */
static bool next(builder *b, sqlite3_stmt *st)
{
	if (!st)
		return false;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return b->st == GN_OK;
	if (rc != SQLITE_DONE)
		fail(b, gn_db_status(rc));
	return false;
}

static const char *col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

static void bind_iso(sqlite3_stmt *st, int idx, gn_date d)
{
	if (st)
		gn_db_bind_date(st, idx, d);
}

static const gn_indicator *indicator_by_id(const builder *b, long long id)
{
	for (int i = 0; b->have_std && i < b->std.n_indicators; i++)
		if (b->std.indicators[i].id == id)
			return &b->std.indicators[i];
	return NULL;
}

/* "2.2 Bảo hiểm y tế"; an indicator of another standard by its code alone. */
static void indicator_label(const builder *b, long long id, const char *code, char *buf, size_t size)
{
	const gn_indicator *ind = indicator_by_id(b, id);
	if (ind)
		snprintf(buf, size, "%s %s", ind->code, gn_indicator_name(ind));
	else if (code && *code)
		snprintf(buf, size, "%s", code);
	else
		snprintf(buf, size, "%s", _("(no indicator named)"));
}

static const char *class_label_of(const char *code)
{
	gn_class c;
	return gn_class_from_code(code, &c) ? gn_class_label(c) : code;
}

static const char *source_label(const char *code)
{
	return code && *code ? gn_fund_source_label(code) : _("(source not stated)");
}

static gn_date month_start(int y, int m)
{
	return (gn_date){ y, m, 1 };
}

static gn_date month_end(int y, int m)
{
	return (gn_date){ y, m, gn_days_in_month(y, m) };
}

static void dmy(gn_date d, char buf[11])
{
	gn_date_format_dmy(d, buf);
}

/* ---- pieces shared by several reports ---- */

/* Delivered support (status delivered, actual date in [from, to]) grouped by
 * kind or by source. lead_agency 0: every household; otherwise those the
 * agency leads. */
static void delivered_by(builder *b, int sec, bool by_kind, long long lead_agency, gn_date from,
			 gn_date to)
{
	static const char *const sql[] = {
		"SELECT s.fund_source, count(*), total(s.cash), total(s.in_kind_value), total(s.person_days),"
		" total(s.loan_principal), count(DISTINCT s.household_id)"
		" FROM support_item s JOIN household h ON h.id = s.household_id"
		" WHERE s.deleted = 0 AND h.deleted = 0 AND s.status = 'delivered'"
		" AND s.actual_date BETWEEN ?2 AND ?3"
		" AND (?1 IS NULL OR EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id"
		"  AND a.role = 'lead' AND a.agency_id = ?1))"
		" GROUP BY s.fund_source ORDER BY " SOURCE_ORDER ", s.fund_source",
		"SELECT s.kind, count(*), total(s.cash), total(s.in_kind_value), total(s.person_days),"
		" total(s.loan_principal), count(DISTINCT s.household_id)"
		" FROM support_item s JOIN household h ON h.id = s.household_id"
		" WHERE s.deleted = 0 AND h.deleted = 0 AND s.status = 'delivered'"
		" AND s.actual_date BETWEEN ?2 AND ?3"
		" AND (?1 IS NULL OR EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id"
		"  AND a.role = 'lead' AND a.agency_id = ?1))"
		" GROUP BY s.kind ORDER BY " KIND_ORDER ", s.kind",
	};
	const char *headers[] = {
		by_kind ? _("Kind of support") : _("Source of funds"), _("Items"), _("Households helped"),
		_("Cash"), _("In kind (value)"), _("Cash and in kind"), _("Person-days"), _("Loans"),
	};
	/* Not the households: one helped by two kinds would count twice. */
	static const int sums[] = { 1, 3, 4, 5, 6, 7, -1 };
	gn_rtable *t = table(b, sec, 8, headers, sums, _("No support was delivered in this period."));
	sqlite3_stmt *st = prepare(b, sql[by_kind]);
	if (st) {
		gn_db_bind_id(st, 1, lead_agency);
		bind_iso(st, 2, from);
		bind_iso(st, 3, to);
	}
	while (next(b, st)) {
		const char *code = col_text(st, 0);
		gn_money cash = (gn_money)sqlite3_column_int64(st, 2);
		gn_money kind_value = (gn_money)sqlite3_column_int64(st, 3);
		gn_rcell cells[] = {
			T(by_kind ? gn_support_kind_label(code) : source_label(code)),
			N(sqlite3_column_int64(st, 1)), N(sqlite3_column_int64(st, 6)), M(cash),
			M(kind_value), M(cash + kind_value), N(sqlite3_column_int64(st, 4)),
			M(sqlite3_column_int64(st, 5)),
		};
		row(b, t, cells);
	}
	sqlite3_finalize(st);
}

/* ---- the lead agency's monthly report ---- */

static void monthly_households(builder *b, const gn_agency *a)
{
	int sec = section(b, _("Households it leads"));
	const char *headers[] = {
		_("Code"), _("Head of household"), _("TDP"), _("Class"), _("Deprivations left"),
		_("Still deprived on"),
	};
	static const int sums[] = { 4, -1 };
	gn_rtable *t = table(b, sec, 6, headers, sums, _("This agency leads no household."));
	sqlite3_stmt *st = prepare(b,
		"SELECT h.code, h.head_name, coalesce(t.name, ''), h.class,"
		" (SELECT count(*) FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id"
		"  WHERE hi.household_id = h.id AND i.standard_id = ?2 AND hi.status IN ('deprived','addressing')),"
		" coalesce((SELECT group_concat(code, ', ') FROM (SELECT i.code AS code FROM household_indicator hi"
		"  JOIN indicator i ON i.id = hi.indicator_id WHERE hi.household_id = h.id AND i.standard_id = ?2"
		"  AND hi.status IN ('deprived','addressing') ORDER BY i.position)), '')"
		" FROM household h JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'"
		" LEFT JOIN tdp t ON t.id = h.tdp_id"
		" WHERE a.agency_id = ?1 AND h.deleted = 0 ORDER BY h.code");
	if (st) {
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, b->std.id);
	}
	int n = 0;
	while (next(b, st)) {
		gn_rcell cells[] = {
			T(col_text(st, 0)), T(col_text(st, 1)), T(col_text(st, 2)),
			T(class_label_of(col_text(st, 3))), N(sqlite3_column_int64(st, 4)), T(col_text(st, 5)),
		};
		row(b, t, cells);
		n++;
	}
	sqlite3_finalize(st);
	if (n)
		sentence(b, sec, ngettext("%d household, under the standard %s.",
					  "%d households, under the standard %s.", (unsigned long)n),
			 n, b->std.code);
}

/* Support items of the households an agency leads, one per row.
 * delivered: status delivered with the actual date in [from, to];
 * otherwise planned or in progress with the planned date in [from, to]. */
static void support_list(builder *b, int sec, long long lead_agency, gn_date from, gn_date to,
			 bool delivered, const char *empty_note)
{
	const char *headers[] = {
		delivered ? _("Done") : _("Planned"), _("Household"), _("Support"), _("Agency"),
		_("Indicator"), _("Source of funds"), _("Cash"), _("In kind (value)"), _("Person-days"),
	};
	static const int sums[] = { 6, 7, 8, -1 };
	gn_rtable *t = table(b, sec, 9, headers, sums, empty_note);
	sqlite3_stmt *st = prepare(b,
		"SELECT CASE WHEN ?4 THEN s.actual_date ELSE s.planned_date END, h.code, s.description,"
		" s.kind, coalesce(g.code, ''), coalesce(s.indicator_id, 0), coalesce(i.code, ''),"
		" s.fund_source, s.cash, s.in_kind_value, s.person_days"
		" FROM support_item s JOIN household h ON h.id = s.household_id"
		" JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'"
		" LEFT JOIN agency g ON g.id = s.agency_id LEFT JOIN indicator i ON i.id = s.indicator_id"
		" WHERE a.agency_id = ?1 AND s.deleted = 0 AND h.deleted = 0"
		" AND ((?4 AND s.status = 'delivered' AND s.actual_date BETWEEN ?2 AND ?3)"
		"  OR (NOT ?4 AND s.status IN ('planned','in_progress') AND s.planned_date BETWEEN ?2 AND ?3))"
		" ORDER BY 1, h.code, s.id");
	if (st) {
		sqlite3_bind_int64(st, 1, lead_agency);
		bind_iso(st, 2, from);
		bind_iso(st, 3, to);
		sqlite3_bind_int(st, 4, delivered);
	}
	while (next(b, st)) {
		gn_date when;
		gn_date_parse_iso(col_text(st, 0), &when);
		char ind[256];
		indicator_label(b, sqlite3_column_int64(st, 5), col_text(st, 6), ind, sizeof ind);
		const char *what = *col_text(st, 2) ? col_text(st, 2) : gn_support_kind_label(col_text(st, 3));
		gn_rcell cells[] = {
			D(when), T(col_text(st, 1)), T(what), T(col_text(st, 4)), T(ind),
			T(source_label(col_text(st, 7))), M(sqlite3_column_int64(st, 8)),
			M(sqlite3_column_int64(st, 9)), N(sqlite3_column_int64(st, 10)),
		};
		row(b, t, cells);
	}
	sqlite3_finalize(st);
}

static void monthly_delivered(builder *b, const gn_agency *a)
{
	char heading[256];
	snprintf(heading, sizeof heading, _("Support delivered in %02d/%d"), b->r->from.m, b->r->from.y);
	int sec = section(b, heading);
	sqlite3_stmt *st = prepare(b,
		"SELECT count(*), count(DISTINCT h.id), total(s.cash), total(s.in_kind_value),"
		" total(s.person_days)"
		" FROM support_item s JOIN household h ON h.id = s.household_id"
		" JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'"
		" WHERE a.agency_id = ?1 AND s.deleted = 0 AND h.deleted = 0 AND s.status = 'delivered'"
		" AND s.actual_date BETWEEN ?2 AND ?3");
	if (st) {
		sqlite3_bind_int64(st, 1, a->id);
		bind_iso(st, 2, b->r->from);
		bind_iso(st, 3, b->r->to);
	}
	bool any = next(b, st) && sqlite3_column_int(st, 0) > 0;
	if (any) {
		char cash[48], kind[48];
		gn_money_format(sqlite3_column_int64(st, 2), cash, sizeof cash);
		gn_money_format(sqlite3_column_int64(st, 3), kind, sizeof kind);
		sentence(b, sec, _("Support items delivered: %d; households reached: %d; cash %s; in kind worth %s; person-days: %lld."),
			 sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), cash, kind,
			 (long long)sqlite3_column_int64(st, 4));
	}
	sqlite3_finalize(st);
	if (!any) {
		sentence(b, sec, "%s", _("No support was delivered to its households this month."));
		return;
	}
	sentence(b, sec, "%s", _("By kind of support:"));
	delivered_by(b, sec, true, a->id, b->r->from, b->r->to);
	sentence(b, sec, "%s", _("By source of funds:"));
	delivered_by(b, sec, false, a->id, b->r->from, b->r->to);
	sentence(b, sec, "%s", _("Item by item:"));
	support_list(b, sec, a->id, b->r->from, b->r->to, true,
		     _("No support was delivered to its households this month."));
}

static void monthly_resolved(builder *b, const gn_agency *a)
{
	char heading[256];
	snprintf(heading, sizeof heading, _("Deprivations resolved in %02d/%d"), b->r->from.m, b->r->from.y);
	int sec = section(b, heading);
	const char *headers[] = { _("Resolved on"), _("Household"), _("Head of household"), _("Indicator") };
	gn_rtable *t = table(b, sec, 4, headers, NULL, _("No deprivation was resolved this month."));
	sqlite3_stmt *st = prepare(b, RESOLVED_CTE
		"SELECT r.resolved_on, h.code, h.head_name, r.indicator_id"
		" FROM resolved r JOIN household h ON h.id = r.household_id"
		" JOIN assignment a ON a.household_id = h.id AND a.role = 'lead'"
		" JOIN indicator i ON i.id = r.indicator_id"
		" WHERE a.agency_id = ?1 AND r.resolved_on BETWEEN ?3 AND ?4"
		" ORDER BY r.resolved_on, h.code, i.position");
	if (st) {
		sqlite3_bind_int64(st, 1, a->id);
		sqlite3_bind_int64(st, 2, b->std.id);
		bind_iso(st, 3, b->r->from);
		bind_iso(st, 4, b->r->to);
	}
	int n = 0;
	while (next(b, st)) {
		gn_date on;
		gn_date_parse_iso(col_text(st, 0), &on);
		char ind[256];
		indicator_label(b, sqlite3_column_int64(st, 3), "", ind, sizeof ind);
		gn_rcell cells[] = { D(on), T(col_text(st, 1)), T(col_text(st, 2)), T(ind) };
		row(b, t, cells);
		n++;
	}
	sqlite3_finalize(st);
	if (n)
		sentence(b, sec, "%s", _("Resolved on: the day the last support aimed at the deprivation was delivered."));
}

static void monthly_next(builder *b, const gn_agency *a)
{
	int y = b->r->from.y, m = b->r->from.m + 1;
	if (m > 12) {
		m = 1;
		y++;
	}
	char heading[256];
	snprintf(heading, sizeof heading, _("Next steps: support planned for %02d/%d"), m, y);
	int sec = section(b, heading);
	support_list(b, sec, a->id, month_start(y, m), month_end(y, m), false,
		     _("Nothing is planned for its households next month."));
}

static void build_monthly(builder *b, const gn_report_request *rq)
{
	gn_agency a;
	gn_status s = gn_agency_load_code(b->db, rq->agency, &a);
	if (s != GN_OK) {
		fail(b, s);
		return;
	}
	gn_report *r = b->r;
	r->from = month_start(rq->year, rq->month);
	r->to = month_end(rq->year, rq->month);
	snprintf(r->agency_code, sizeof r->agency_code, "%s", a.code);
	char slug[64];
	code_slug(a.code, slug, sizeof slug);
	snprintf(r->file_stem, sizeof r->file_stem, "bao-cao-thang-%02d-%d%s%s", rq->month, rq->year,
		 slug[0] ? "-" : "", slug);
	r->title = format(b, _("Monthly report on support results, %02d/%d"), rq->month, rq->year);
	subtitle(b, _("Lead agency: %s — %s"), a.code, a.name);
	monthly_households(b, &a);
	monthly_delivered(b, &a);
	monthly_resolved(b, &a);
	monthly_next(b, &a);
}

/* ---- the support-plan report ---- */

typedef struct {
	long long id;
	char code[32];
	char head[128];
	char tdp[64];
	char lead[32];
	char others[256];
	gn_area area;
	gn_money income;
	char cls[16];
} plan_household;

static gn_status plan_households(builder *b, long long unit, plan_household **out, int *n)
{
	*out = NULL;
	*n = 0;
	int cap = 0;
	sqlite3_stmt *st = prepare(b,
		"SELECT h.id, h.code, h.head_name, coalesce(t.name, ''),"
		" coalesce((SELECT g.code FROM assignment a JOIN agency g ON g.id = a.agency_id"
		"  WHERE a.household_id = h.id AND a.role = 'lead'), ''),"
		" coalesce((SELECT group_concat(code, ', ') FROM (SELECT g.code AS code FROM assignment a"
		"  JOIN agency g ON g.id = a.agency_id WHERE a.household_id = h.id AND a.role = 'support'"
		"  ORDER BY g.code)), ''),"
		" h.area, h.income_per_person, h.class"
		" FROM household h LEFT JOIN tdp t ON t.id = h.tdp_id"
		" WHERE h.deleted = 0 AND EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id"
		"  AND (?1 IS NULL OR a.agency_id = ?1))"
		" ORDER BY h.code");
	if (st)
		gn_db_bind_id(st, 1, unit);
	while (next(b, st)) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 16)) {
			fail(b, GN_ERR_NOMEM);
			break;
		}
		plan_household *h = &(*out)[(*n)++];
		memset(h, 0, sizeof *h);
		h->id = sqlite3_column_int64(st, 0);
		gn_db_column_copy(st, 1, h->code, sizeof h->code);
		gn_db_column_copy(st, 2, h->head, sizeof h->head);
		gn_db_column_copy(st, 3, h->tdp, sizeof h->tdp);
		gn_db_column_copy(st, 4, h->lead, sizeof h->lead);
		gn_db_column_copy(st, 5, h->others, sizeof h->others);
		gn_area_from_code(col_text(st, 6), &h->area);
		h->income = sqlite3_column_int64(st, 7);
		gn_db_column_copy(st, 8, h->cls, sizeof h->cls);
	}
	sqlite3_finalize(st);
	return b->st;
}

/* Deprivations counted in a plan: every indicator the household is or was
 * deprived on this year (deprived, being addressed, resolved). */
#define PLAN_DEPRIVED "('deprived','addressing','resolved')"

static void plan_summary(builder *b, int sec, const plan_household *hh, int n)
{
	const char *headers[] = {
		_("Code"), _("Head of household"), _("TDP"), _("Lead agency"), _("Deprivations"),
		_("Support items"), _("Cash"), _("In kind (value)"), _("Person-days"),
	};
	static const int sums[] = { 4, 5, 6, 7, 8, -1 };
	gn_rtable *t = table(b, sec, 9, headers, sums, _("No household is assigned to this unit."));
	sqlite3_stmt *st = prepare(b,
		"SELECT (SELECT count(*) FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id"
		"  WHERE hi.household_id = ?1 AND i.standard_id = ?2 AND hi.status IN " PLAN_DEPRIVED "),"
		" (SELECT count(*) FROM support_item s WHERE s.household_id = ?1 AND s.deleted = 0"
		"  AND s.status <> 'cancelled'),"
		" (SELECT total(s.cash) FROM support_item s WHERE s.household_id = ?1 AND s.deleted = 0"
		"  AND s.status <> 'cancelled'),"
		" (SELECT total(s.in_kind_value) FROM support_item s WHERE s.household_id = ?1 AND s.deleted = 0"
		"  AND s.status <> 'cancelled'),"
		" (SELECT total(s.person_days) FROM support_item s WHERE s.household_id = ?1 AND s.deleted = 0"
		"  AND s.status <> 'cancelled')");
	for (int i = 0; st && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, hh[i].id);
		sqlite3_bind_int64(st, 2, b->std.id);
		if (!next(b, st))
			break;
		gn_rcell cells[] = {
			T(hh[i].code), T(hh[i].head), T(hh[i].tdp), T(hh[i].lead),
			N(sqlite3_column_int64(st, 0)), N(sqlite3_column_int64(st, 1)),
			M(sqlite3_column_int64(st, 2)), M(sqlite3_column_int64(st, 3)),
			N(sqlite3_column_int64(st, 4)),
		};
		row(b, t, cells);
	}
	sqlite3_finalize(st);
}

static void plan_household_section(builder *b, const plan_household *h)
{
	char heading[320];
	if (h->tdp[0])
		snprintf(heading, sizeof heading, "%s — %s (%s)", h->code, h->head, h->tdp);
	else
		snprintf(heading, sizeof heading, "%s — %s", h->code, h->head);
	int sec = section(b, heading);
	if (h->others[0])
		sentence(b, sec, _("Lead agency: %s; also helping: %s."), h->lead[0] ? h->lead : _("none"),
			 h->others);
	else
		sentence(b, sec, _("Lead agency: %s."), h->lead[0] ? h->lead : _("none"));

	gn_ind_status statuses[GN_MAX_INDICATORS];
	gn_status s = gn_household_indicators(b->db, h->id, &b->std, statuses);
	if (s != GN_OK) {
		fail(b, s);
		return;
	}
	gn_exit_gap gap = gn_exit_gap_compute(&b->std.thresholds, h->area, h->income, statuses,
					      (size_t)b->std.n_indicators);
	char income[48], why[512];
	gn_money_format(h->income, income, sizeof income);
	gn_exit_gap_describe(&gap, why, sizeof why);
	sentence(b, sec, _("Class: %s; income %s per person per month. %s"), class_label_of(h->cls), income, why);

	const char *headers[] = {
		_("Deprivation"), _("Status"), _("Support planned"), _("Agency"), _("Planned"),
		_("Progress"), _("Cash"), _("In kind (value)"), _("Person-days"),
	};
	static const int sums[] = { 6, 7, 8, -1 };
	gn_rtable *t = table(b, sec, 9, headers, sums, _("No deprivation and no support recorded."));
	/* Every deprivation of the standard with its support items (one row
	 * each, or one row saying nothing is planned), then support aimed at no
	 * deprivation of the standard. */
	sqlite3_stmt *st = prepare(b,
		"SELECT i.id, i.code, hi.status, s.id, s.description, s.kind, coalesce(g.code, ''),"
		" s.planned_date, s.status, s.cash, s.in_kind_value, s.person_days, i.position"
		" FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id"
		" LEFT JOIN support_item s ON s.household_id = hi.household_id AND s.indicator_id = i.id"
		"  AND s.deleted = 0 AND s.status <> 'cancelled'"
		" LEFT JOIN agency g ON g.id = s.agency_id"
		" WHERE hi.household_id = ?1 AND i.standard_id = ?2 AND hi.status IN " PLAN_DEPRIVED
		" UNION ALL"
		" SELECT coalesce(s.indicator_id, 0), coalesce(i.code, ''), NULL, s.id, s.description, s.kind,"
		" coalesce(g.code, ''), s.planned_date, s.status, s.cash, s.in_kind_value, s.person_days, 1000"
		" FROM support_item s LEFT JOIN indicator i ON i.id = s.indicator_id"
		" LEFT JOIN agency g ON g.id = s.agency_id"
		" WHERE s.household_id = ?1 AND s.deleted = 0 AND s.status <> 'cancelled'"
		" AND NOT EXISTS (SELECT 1 FROM household_indicator hi JOIN indicator j ON j.id = hi.indicator_id"
		"  WHERE hi.household_id = ?1 AND hi.indicator_id = s.indicator_id AND j.standard_id = ?2"
		"  AND hi.status IN " PLAN_DEPRIVED ")"
		" ORDER BY 13, 2, 8, 4");
	if (st) {
		sqlite3_bind_int64(st, 1, h->id);
		sqlite3_bind_int64(st, 2, b->std.id);
	}
	while (next(b, st)) {
		char ind[256];
		indicator_label(b, sqlite3_column_int64(st, 0), col_text(st, 1), ind, sizeof ind);
		gn_ind_status is = GN_IND_DEPRIVED;
		bool has_status = sqlite3_column_type(st, 2) != SQLITE_NULL;
		if (has_status)
			gn_ind_status_from_code(col_text(st, 2), &is);
		if (sqlite3_column_type(st, 3) == SQLITE_NULL) {
			gn_rcell cells[] = {
				T(ind), T(gn_ind_status_label(is)), T(_("nothing planned yet")), E, E, E, E, E, E,
			};
			row(b, t, cells);
			continue;
		}
		gn_date planned;
		gn_date_parse_iso(col_text(st, 7), &planned);
		const char *what = *col_text(st, 4) ? col_text(st, 4) : gn_support_kind_label(col_text(st, 5));
		const char *progress = col_text(st, 8);
		for (int k = GN_SUPPORT_PLANNED; k <= GN_SUPPORT_CANCELLED; k++)
			if (strcmp(progress, gn_support_status_code((gn_support_status)k)) == 0)
				progress = gn_support_status_label((gn_support_status)k);
		gn_rcell cells[] = {
			T(ind), has_status ? T(gn_ind_status_label(is)) : E, T(what), T(col_text(st, 6)),
			D(planned), T(progress), M(sqlite3_column_int64(st, 9)),
			M(sqlite3_column_int64(st, 10)), N(sqlite3_column_int64(st, 11)),
		};
		row(b, t, cells);
	}
	sqlite3_finalize(st);
}

static void build_plan(builder *b, const gn_report_request *rq)
{
	gn_report *r = b->r;
	int year = rq->year_of_report ? rq->year_of_report : b->ward.year;
	gn_agency a = { 0 };
	if (rq->agency && *rq->agency) {
		gn_status s = gn_agency_load_code(b->db, rq->agency, &a);
		if (s != GN_OK) {
			fail(b, s);
			return;
		}
		snprintf(r->agency_code, sizeof r->agency_code, "%s", a.code);
	}
	r->from = gn_date_is_set(b->ward.period_start) ? b->ward.period_start : (gn_date){ year, 1, 1 };
	r->to = gn_date_is_set(b->ward.period_end) ? b->ward.period_end : (gn_date){ year, 12, 31 };
	char slug[64] = "";
	if (a.id)
		code_slug(a.code, slug, sizeof slug);
	snprintf(r->file_stem, sizeof r->file_stem, "phuong-an-ho-tro-%d%s%s", year, slug[0] ? "-" : "", slug);
	r->title = format(b, _("Support plans of the households, %d"), year);
	if (a.id)
		subtitle(b, _("Assigned unit: %s — %s"), a.code, a.name);
	else
		subtitle(b, "%s", _("All assigned units"));

	plan_household *hh;
	int n;
	if (plan_households(b, a.id, &hh, &n) != GN_OK)
		return;
	int sec = section(b, _("Households and their plans"));
	sentence(b, sec, ngettext("%d household; deprivations under the standard %s.",
				  "%d households; deprivations under the standard %s.", (unsigned long)n),
		 n, b->std.code);
	plan_summary(b, sec, hh, n);
	for (int i = 0; i < n && b->st == GN_OK; i++)
		plan_household_section(b, &hh[i]);
	free(hh);
}

/* ---- the focal department's half-year and year-end reports ---- */

static long long count_query(builder *b, const char *sql, gn_date from, gn_date to)
{
	sqlite3_stmt *st = prepare(b, sql);
	long long v = 0;
	if (st) {
		bind_iso(st, 1, from);
		bind_iso(st, 2, to);
	}
	if (next(b, st))
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static double percent_of(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
}

/* Households supported, exited and still poor as of the period's end,
 * against the ward plan's target and the province's. */
static void focal_targets(builder *b)
{
	gn_report *r = b->r;
	gn_stats s;
	gn_status status = gn_stats_compute(b->db, r->to, &s);
	if (status != GN_OK) {
		fail(b, status);
		return;
	}
	const gn_ward *w = &s.ward;
	/* The classes stored are today's. Households that left poverty after the
	 * period's end were still poor at its end: count them back. */
	long long exited = count_query(b,
		"SELECT count(*) FROM household WHERE deleted = 0 AND exit_date BETWEEN ?1 AND ?2", r->from, r->to);
	long long targeted_exited = count_query(b,
		"SELECT count(*) FROM household WHERE deleted = 0 AND targeted AND exit_date BETWEEN ?1 AND ?2",
		r->from, r->to);
	gn_date year_end = { r->to.y, 12, 31 };
	long long exited_later = count_query(b,
		"SELECT count(*) FROM household WHERE deleted = 0 AND class <> 'poor'"
		" AND exit_date > ?1 AND exit_date <= ?2", r->to, year_end);
	long long poor = s.poor_now + exited_later;
	long long supported = count_query(b,
		"SELECT count(DISTINCT s.household_id) FROM support_item s JOIN household h ON h.id = s.household_id"
		" WHERE s.deleted = 0 AND h.deleted = 0 AND s.status = 'delivered'"
		" AND s.actual_date BETWEEN ?1 AND ?2", r->from, r->to);
	long long plan_exit = w->plan_exit_households;
	long long province_exit = w->baseline_poor - s.province_target_poor;

	char end[11], total[32], base_rate[32];
	dmy(r->to, end);
	gn_format_count(w->total_households, total, sizeof total);
	gn_format_percent(s.baseline_rate, base_rate, sizeof base_rate);
	int sec = section(b, _("Against the targets"));
	sentence(b, sec, _("At the end of last year: %d poor households (%s of %s households), %d of them unable to work."),
		 w->baseline_poor, base_rate, total, w->baseline_no_work_capacity);
	char as_of[64];
	snprintf(as_of, sizeof as_of, _("As of %s"), end);
	const char *headers[] = { _("Measure"), as_of, _("Ward plan target"), _("Province target") };
	gn_rtable *t = table(b, sec, 4, headers, NULL, NULL);
	row(b, t, (gn_rcell[]){ T(_("Households supported (help delivered this year)")), N(supported),
				 N(s.targeted), E });
	row(b, t, (gn_rcell[]){ T(_("Households out of poverty")), N(exited), N(plan_exit),
				 province_exit > 0 ? N(province_exit) : E });
	row(b, t, (gn_rcell[]){ T(_("of which targeted this year")), N(targeted_exited), N(plan_exit), E });
	row(b, t, (gn_rcell[]){ T(_("Poor households still")), N(poor), N(w->baseline_poor - plan_exit),
				 N(s.province_target_poor) });
	row(b, t, (gn_rcell[]){ T(_("Poverty rate")), P(percent_of(poor, w->total_households)),
				 P(s.plan_target_rate), P(s.province_target_rate) });
	long long left = plan_exit - targeted_exited;
	if (left > 0)
		sentence(b, sec, ngettext("%lld targeted household has still to leave poverty to meet the ward plan.",
					  "%lld targeted households have still to leave poverty to meet the ward plan.",
					  (unsigned long)left), left);
	else
		sentence(b, sec, "%s", _("The ward plan's target is met."));
}

static void focal_resources(builder *b)
{
	int sec = section(b, _("Resources mobilised, by source"));
	sentence(b, sec, "%s", _("Support delivered in the period: cash in đồng, in-kind support at its estimated value, labour in person-days; bank loans apart."));
	delivered_by(b, sec, false, 0, b->r->from, b->r->to);
}

static void focal_resolved(builder *b)
{
	int sec = section(b, _("Deprivations resolved, by indicator"));
	char end[11], still[96];
	dmy(b->r->to, end);
	snprintf(still, sizeof still, _("Still deprived on %s (targeted households)"), end);
	const char *headers[] = { _("Indicator"), _("Resolved in the period"), still };
	static const int sums[] = { 1, 2, -1 };
	gn_rtable *t = table(b, sec, 3, headers, sums, NULL);
	/* Still deprived at the end: deprived or being addressed now, or
	 * resolved only after the end. */
	sqlite3_stmt *st = prepare(b, RESOLVED_CTE
		"SELECT i.id,"
		" (SELECT count(*) FROM resolved r WHERE r.indicator_id = i.id AND r.resolved_on BETWEEN ?3 AND ?4),"
		" (SELECT count(*) FROM household_indicator hi JOIN household h ON h.id = hi.household_id"
		"  WHERE hi.indicator_id = i.id AND h.deleted = 0 AND h.targeted"
		"  AND (hi.status IN ('deprived','addressing') OR (hi.status = 'resolved' AND EXISTS"
		"  (SELECT 1 FROM resolved r WHERE r.household_id = h.id AND r.indicator_id = i.id"
		"   AND r.resolved_on > ?4))))"
		" FROM indicator i WHERE i.standard_id = ?2 ORDER BY i.position");
	if (st) {
		sqlite3_bind_int64(st, 2, b->std.id);
		bind_iso(st, 3, b->r->from);
		bind_iso(st, 4, b->r->to);
	}
	while (next(b, st)) {
		char ind[256];
		indicator_label(b, sqlite3_column_int64(st, 0), "", ind, sizeof ind);
		row(b, t, (gn_rcell[]){ T(ind), N(sqlite3_column_int64(st, 1)), N(sqlite3_column_int64(st, 2)) });
	}
	sqlite3_finalize(st);
	sentence(b, sec, "%s", _("Resolved on: the day the last support aimed at the deprivation was delivered."));
}

static void focal_agencies(builder *b)
{
	char end[11], iso[11], heading[160];
	dmy(b->r->to, end);
	gn_date_format_iso(b->r->to, iso);
	snprintf(heading, sizeof heading, _("Reporting record of the agencies as of %s"), end);
	int sec = section(b, heading);
	const char *headers[] = {
		_("Code"), _("Agency"), _("Reports due"), _("On time"), _("Late"), _("Overdue"),
	};
	static const int sums[] = { 2, 3, 4, 5, -1 };
	gn_rtable *t = table(b, sec, 6, headers, sums, _("No report was due by then."));
	gn_agency_row *rows;
	int n;
	gn_status s = gn_agency_query(b->db, iso, &rows, &n);
	if (s != GN_OK) {
		fail(b, s);
		return;
	}
	for (int i = 0; i < n; i++) {
		/* An agency nothing was asked of yet (and that filed nothing early)
		 * has no record to show. */
		if (rows[i].reports_due + rows[i].reports_on_time + rows[i].reports_late + rows[i].overdue == 0)
			continue;
		row(b, t, (gn_rcell[]){ T(rows[i].agency.code), T(rows[i].agency.name), N(rows[i].reports_due),
					 N(rows[i].reports_on_time), N(rows[i].reports_late),
					 N(rows[i].overdue) });
	}
	free(rows);
}

static void focal_exited(builder *b)
{
	int sec = section(b, _("Households out of poverty this year, to watch for re-poverty"));
	const char *headers[] = {
		_("Code"), _("Head of household"), _("TDP"), _("Exit date"), _("Income/person"),
		_("Class"), _("Lead agency"),
	};
	gn_rtable *t = table(b, sec, 7, headers, NULL, _("No household has left poverty yet this year."));
	sqlite3_stmt *st = prepare(b,
		"SELECT h.code, h.head_name, coalesce(t.name, ''), h.exit_date, h.income_per_person, h.class,"
		" coalesce((SELECT g.code FROM assignment a JOIN agency g ON g.id = a.agency_id"
		"  WHERE a.household_id = h.id AND a.role = 'lead'), '')"
		" FROM household h LEFT JOIN tdp t ON t.id = h.tdp_id"
		" WHERE h.deleted = 0 AND h.exit_date BETWEEN ?1 AND ?2 ORDER BY h.exit_date, h.code");
	if (st) {
		bind_iso(st, 1, b->r->from);
		bind_iso(st, 2, b->r->to);
	}
	int n = 0;
	while (next(b, st)) {
		gn_date left_on;
		gn_date_parse_iso(col_text(st, 3), &left_on);
		row(b, t, (gn_rcell[]){ T(col_text(st, 0)), T(col_text(st, 1)), T(col_text(st, 2)), D(left_on),
					 M(sqlite3_column_int64(st, 4)), T(class_label_of(col_text(st, 5))),
					 T(col_text(st, 6)) });
		n++;
	}
	sqlite3_finalize(st);
	if (n)
		sentence(b, sec, "%s", _("Their residential groups follow them for three years as newly out of poverty."));
}

static void build_focal(builder *b, const gn_report_request *rq)
{
	gn_report *r = b->r;
	int year = rq->year_of_report ? rq->year_of_report : b->ward.year;
	bool half = rq->kind == GN_REPORT_HALF_YEAR;
	r->from = (gn_date){ year, 1, 1 };
	r->to = half ? (gn_date){ year, HALF_YEAR_MONTH, HALF_YEAR_DAY }
		     : (gn_date){ year, YEAR_END_MONTH, YEAR_END_DAY };
	snprintf(r->file_stem, sizeof r->file_stem, half ? "bao-cao-6-thang-%d" : "bao-cao-cuoi-nam-%d", year);
	r->title = half ? format(b, _("Half-year report on the poverty-reduction plan, %d"), year)
			: format(b, _("Year-end report on the poverty-reduction plan, %d"), year);
	if (b->ward.focal_agency_id) {
		sqlite3_stmt *st = prepare(b, "SELECT code, name FROM agency WHERE id = ?");
		if (st)
			sqlite3_bind_int64(st, 1, b->ward.focal_agency_id);
		if (next(b, st))
			subtitle(b, _("Focal department: %s — %s"), col_text(st, 0), col_text(st, 1));
		sqlite3_finalize(st);
	}
	focal_targets(b);
	focal_resources(b);
	focal_resolved(b);
	focal_agencies(b);
	focal_exited(b);
}

/* ---- the entry point ---- */

gn_status gn_report_build(gn_db *db, const gn_report_request *rq, gn_report **out)
{
	*out = NULL;
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	if (rq->kind == GN_REPORT_MONTHLY &&
	    (!rq->agency || !*rq->agency || rq->month < 1 || rq->month > 12 || rq->year < 1900 ||
	     rq->year > 2100))
		return GN_ERR_INVALID;
	if (rq->kind < GN_REPORT_MONTHLY || rq->kind > GN_REPORT_YEAR_END)
		return GN_ERR_INVALID;

	builder b = { .db = db };
	b.r = calloc(1, sizeof *b.r);
	if (!b.r)
		return GN_ERR_NOMEM;
	b.r->kind = rq->kind;
	gn_status s = gn_ward_load(db, &b.ward);
	if (s == GN_OK)
		s = gn_standard_load(db, b.ward.current_standard_id, &b.std);
	if (s != GN_OK) {
		gn_report_free(b.r);
		return s;
	}
	b.have_std = true;
	subtitle(&b, "%s, %s — %s", b.ward.name, b.ward.province, b.ward.plan_ref);

	switch (rq->kind) {
	case GN_REPORT_MONTHLY:
		build_monthly(&b, rq);
		break;
	case GN_REPORT_PLAN:
		build_plan(&b, rq);
		break;
	case GN_REPORT_HALF_YEAR:
	case GN_REPORT_YEAR_END:
		build_focal(&b, rq);
		break;
	}
	if (b.st == GN_OK) {
		/* The period is known once the kind has been built. */
		char from[11], to[11], today[11];
		dmy(b.r->from, from);
		dmy(b.r->to, to);
		dmy(rq->today, today);
		subtitle(&b, _("Period: %s – %s; prepared on %s"), from, to, today);
	}
	gn_standard_clear(&b.std);
	if (b.st != GN_OK) {
		gn_report_free(b.r);
		return b.st;
	}
	*out = b.r;
	return GN_OK;
}

/* ---- what can be asked for ---- */

gn_status gn_report_month_choices(gn_db *db, gn_date today, gn_report_month_choice **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_deadline_rule *rules;
	int n_rules, cap = 0;
	gn_status s = gn_deadline_rules_load(db, &rules, &n_rules);
	if (s != GN_OK)
		return s;
	for (int r = 0; r < n_rules && s == GN_OK; r++) {
		if (!rules[r].monthly || rules[r].audience != GN_AUDIENCE_LEAD)
			continue;
		gn_deadline_filter f = { .rule_code = rules[r].code, .to = month_end(today.y, today.m) };
		gn_deadline_row *rows;
		int nrows;
		if ((s = gn_deadline_query(db, &f, today, &rows, &nrows)) != GN_OK)
			break;
		for (int i = 0; i < nrows; i++) {
			bool seen = false;
			for (int j = 0; j < *n && !seen; j++)
				seen = (*out)[j].agency_id == rows[i].agency_id && (*out)[j].year == rows[i].due.y &&
				       (*out)[j].month == rows[i].due.m;
			if (seen)
				continue;
			if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 32)) {
				s = GN_ERR_NOMEM;
				break;
			}
			gn_report_month_choice *c = &(*out)[(*n)++];
			memset(c, 0, sizeof *c);
			c->agency_id = rows[i].agency_id;
			snprintf(c->agency_code, sizeof c->agency_code, "%s", rows[i].agency_code);
			snprintf(c->agency_name, sizeof c->agency_name, "%s", rows[i].agency_name);
			c->year = rows[i].due.y;
			c->month = rows[i].due.m;
		}
		free(rows);
	}
	free(rules);
	if (s != GN_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
		return s;
	}
	/* Newest month first; a stable insertion sort keeps the deadline order
	 * of the agencies within a month. */
	for (int i = 1; i < *n; i++) {
		gn_report_month_choice c = (*out)[i];
		int j = i;
		while (j > 0 && (*out)[j - 1].year * 12 + (*out)[j - 1].month < c.year * 12 + c.month) {
			(*out)[j] = (*out)[j - 1];
			j--;
		}
		(*out)[j] = c;
	}
	return GN_OK;
}
