/* A report as an Excel workbook (libxlsxwriter): one sheet laid out like the
 * printed report, headers in the user's language, amounts as numbers with
 * the đồng format, dates as dates, each totals row a SUM formula that also
 * carries its value (so a reader that does not recalculate sees it), and
 * columns as wide as their contents. */
#include "giamngheo/export.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "giamngheo/i18n.h"
#include "giamngheo/text.h"

/* Column widths in characters of the default font. */
#define COL_MIN 6
#define COL_MAX 48

typedef struct {
	lxw_worksheet *ws;
	lxw_format *title, *subtitle, *heading, *sentence, *note;
	lxw_format *th, *text, *count, *money, *pct, *date;
	lxw_format *total_label, *total_count, *total_money;
	double *width;        /* per column */
	int ncols;
	lxw_row_t row;
	bool failed;
} sheet;

static lxw_format *new_format(lxw_workbook *wb, bool bordered)
{
	lxw_format *f = workbook_add_format(wb);
	if (f && bordered) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	}
	return f;
}

static void make_formats(lxw_workbook *wb, sheet *s)
{
	s->title = new_format(wb, false);
	format_set_bold(s->title);
	format_set_font_size(s->title, 14);
	s->subtitle = new_format(wb, false);
	format_set_italic(s->subtitle);
	s->heading = new_format(wb, false);
	format_set_bold(s->heading);
	format_set_font_size(s->heading, 12);
	s->sentence = new_format(wb, false);
	s->note = new_format(wb, false);
	format_set_italic(s->note);

	s->th = new_format(wb, true);
	format_set_bold(s->th);
	format_set_text_wrap(s->th);
	format_set_bg_color(s->th, 0xDDEBF7);
	s->text = new_format(wb, true);
	format_set_text_wrap(s->text);
	s->count = new_format(wb, true);
	format_set_num_format(s->count, "#,##0");
	s->money = new_format(wb, true);
	format_set_num_format(s->money, "#,##0 \"đ\"");
	s->pct = new_format(wb, true);
	format_set_num_format(s->pct, "0.00%");
	s->date = new_format(wb, true);
	format_set_num_format(s->date, "dd/mm/yyyy");
	format_set_align(s->date, LXW_ALIGN_LEFT);

	s->total_label = new_format(wb, true);
	format_set_bold(s->total_label);
	s->total_count = new_format(wb, true);
	format_set_bold(s->total_count);
	format_set_num_format(s->total_count, "#,##0");
	s->total_money = new_format(wb, true);
	format_set_bold(s->total_money);
	format_set_num_format(s->total_money, "#,##0 \"đ\"");
}

static void check(sheet *s, lxw_error e)
{
	if (e != LXW_NO_ERROR)
		s->failed = true;
}

static void line(sheet *s, const char *text, lxw_format *f)
{
	if (text && *text)
		check(s, worksheet_write_string(s->ws, s->row, 0, text, f));
	s->row++;
}

/* How wide a cell wants its column: the screen width of its text (a
 * Vietnamese letter with its marks is one), or of the number as shown. */
static double want(const gn_rcell *c)
{
	char buf[64];
	switch (c->type) {
	case GN_RCELL_TEXT:
		return c->text ? gn_text_width(c->text) : 0;
	case GN_RCELL_MONEY:
		/* digits, grouping, " đ" */
		snprintf(buf, sizeof buf, "%lld", c->num);
		return (double)strlen(buf) * 4 / 3 + 3;
	case GN_RCELL_COUNT:
		snprintf(buf, sizeof buf, "%lld", c->num);
		return (double)strlen(buf) * 4 / 3;
	case GN_RCELL_PERCENT:
		return 7;
	case GN_RCELL_DATE:
		return 10;
	case GN_RCELL_EMPTY:
	default:
		return 0;
	}
}

static void measure(sheet *s, const gn_rtable *t)
{
	for (int c = 0; c < t->ncols && c < s->ncols; c++) {
		/* A header wraps: its longest word is what it needs at least. */
		double w = 0;
		char *copy = strdup(t->headers[c]);
		char *save = NULL;
		for (char *word = copy ? strtok_r(copy, " ", &save) : NULL; word; word = strtok_r(NULL, " ", &save))
			if (gn_text_width(word) > w)
				w = gn_text_width(word);
		free(copy);
		double head = gn_text_width(t->headers[c]);
		if (head <= 14 && head > w)
			w = head;
		for (int r = 0; r < t->nrows; r++) {
			double cw = want(gn_rtable_cell(t, r, c));
			if (cw > w)
				w = cw;
		}
		if (t->has_totals && t->total[c]) {
			gn_rcell sum = { .type = GN_RCELL_MONEY, .num = gn_rtable_total(t, c) };
			if (want(&sum) > w)
				w = want(&sum);
		}
		if (w > s->width[c])
			s->width[c] = w;
	}
}

static void write_cell(sheet *s, lxw_col_t col, const gn_rcell *c)
{
	switch (c->type) {
	case GN_RCELL_TEXT:
		/* Written as a string: never read as a formula. */
		check(s, worksheet_write_string(s->ws, s->row, col, c->text ? c->text : "", s->text));
		break;
	case GN_RCELL_COUNT:
		check(s, worksheet_write_number(s->ws, s->row, col, (double)c->num, s->count));
		break;
	case GN_RCELL_MONEY:
		check(s, worksheet_write_number(s->ws, s->row, col, (double)c->num, s->money));
		break;
	case GN_RCELL_PERCENT: {
		/* 0.47 % is 0.0047, not 0.004699999999999999. */
		char fraction[32];
		snprintf(fraction, sizeof fraction, "%.10g", c->pct / 100.0);
		check(s, worksheet_write_number(s->ws, s->row, col, strtod(fraction, NULL), s->pct));
		break;
	}
	case GN_RCELL_DATE: {
		lxw_datetime dt = { .year = c->date.y, .month = c->date.m, .day = c->date.d };
		check(s, worksheet_write_datetime(s->ws, s->row, col, &dt, s->date));
		break;
	}
	case GN_RCELL_EMPTY:
	default:
		check(s, worksheet_write_blank(s->ws, s->row, col, s->text));
		break;
	}
}

static void write_table(sheet *s, const gn_rtable *t)
{
	if (t->nrows == 0 && t->empty_note) {
		line(s, t->empty_note, s->note);
		return;
	}
	for (int c = 0; c < t->ncols; c++)
		check(s, worksheet_write_string(s->ws, s->row, (lxw_col_t)c, t->headers[c], s->th));
	s->row++;
	lxw_row_t first = s->row;
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++)
			write_cell(s, (lxw_col_t)c, gn_rtable_cell(t, r, c));
		s->row++;
	}
	lxw_row_t last = s->row - 1;
	if (t->has_totals) {
		bool labelled = false;
		for (int c = 0; c < t->ncols; c++) {
			lxw_col_t col = (lxw_col_t)c;
			if (!t->total[c]) {
				const char *label = labelled ? "" : _("Total");
				labelled = true;
				check(s, worksheet_write_string(s->ws, s->row, col, label, s->total_label));
				continue;
			}
			bool money = false;
			for (int r = 0; r < t->nrows; r++)
				money |= gn_rtable_cell(t, r, c)->type == GN_RCELL_MONEY;
			lxw_format *f = money ? s->total_money : s->total_count;
			double value = (double)gn_rtable_total(t, c);
			if (t->nrows == 0) {
				check(s, worksheet_write_number(s->ws, s->row, col, value, f));
				continue;
			}
			char range[LXW_MAX_CELL_RANGE_LENGTH], formula[LXW_MAX_CELL_RANGE_LENGTH + 8];
			lxw_rowcol_to_range(range, first, col, last, col);
			snprintf(formula, sizeof formula, "=SUM(%s)", range);
			check(s, worksheet_write_formula_num(s->ws, s->row, col, formula, f, value));
		}
		s->row++;
	}
}

/* Excel refuses sheet names longer than 31 characters or with []:*?/\. */
static void sheet_name(const char *want_name, char *out, size_t size)
{
	size_t o = 0;
	int chars = 0;
	for (const unsigned char *p = (const unsigned char *)want_name; *p && o + 1 < size; p++) {
		if (strchr("[]:*?/\\", *p))
			continue;
		if ((*p & 0xC0) != 0x80 && ++chars > 31)
			break;
		out[o++] = (char)*p;
	}
	out[o] = '\0';
}

static gn_status write_workbook(const gn_report *r, const char *path);

/* libxlsxwriter writes numbers with sprintf: under a locale whose decimal
 * separator is a comma (vi_VN) a fraction would come out as "0,0047" and
 * the file would not open. Numbers are written under the C convention,
 * everything else (messages) stays in the user's locale. */
gn_status gn_export_xlsx(const gn_report *r, const char *path)
{
	locale_t base = duplocale(LC_GLOBAL_LOCALE);
	locale_t numeric_c = base ? newlocale(LC_NUMERIC_MASK, "C", base) : (locale_t)0;
	if (!numeric_c && base)
		freelocale(base);
	locale_t previous = numeric_c ? uselocale(numeric_c) : (locale_t)0;
	gn_status s = write_workbook(r, path);
	if (numeric_c) {
		uselocale(previous);
		freelocale(numeric_c);
	}
	return s;
}

static gn_status write_workbook(const gn_report *r, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb)
		return GN_ERR_IO;
	sheet s = { 0 };
	char name[128];
	sheet_name(_("Report"), name, sizeof name);
	s.ws = workbook_add_worksheet(wb, name[0] ? name : NULL);
	if (!s.ws)
		s.ws = workbook_add_worksheet(wb, NULL);
	make_formats(wb, &s);
	for (int i = 0; i < r->nsections; i++)
		for (int k = 0; k < r->sections[i].nblocks; k++) {
			const gn_rtable *t = r->sections[i].blocks[k].table;
			if (t && t->ncols > s.ncols)
				s.ncols = t->ncols;
		}
	s.width = calloc((size_t)(s.ncols ? s.ncols : 1), sizeof *s.width);
	if (!s.ws || !s.width) {
		free(s.width);
		workbook_close(wb);
		return s.width ? GN_ERR_IO : GN_ERR_NOMEM;
	}

	/* The library copies the properties; its struct just lacks const. */
	char subject[sizeof r->file_stem];
	snprintf(subject, sizeof subject, "%s", r->file_stem);
	lxw_doc_properties props = { .title = r->title, .subject = subject };
	workbook_set_properties(wb, &props);
	worksheet_set_landscape(s.ws);
	worksheet_set_paper(s.ws, 9); /* A4 */
	worksheet_fit_to_pages(s.ws, 1, 0);

	line(&s, r->title, s.title);
	for (int i = 0; i < r->nsubtitles; i++)
		line(&s, r->subtitles[i], s.subtitle);
	for (int i = 0; i < r->nsections; i++) {
		const gn_rsection *sec = &r->sections[i];
		s.row++;
		line(&s, sec->heading, s.heading);
		for (int k = 0; k < sec->nblocks; k++) {
			if (sec->blocks[k].text)
				line(&s, sec->blocks[k].text, s.sentence);
			if (sec->blocks[k].table) {
				measure(&s, sec->blocks[k].table);
				write_table(&s, sec->blocks[k].table);
			}
		}
	}
	for (int c = 0; c < s.ncols; c++) {
		double w = s.width[c] + 2;
		w = w < COL_MIN ? COL_MIN : w > COL_MAX ? COL_MAX : w;
		check(&s, worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
	free(s.width);
	lxw_error e = workbook_close(wb);
	return e == LXW_NO_ERROR && !s.failed ? GN_OK : GN_ERR_IO;
}
