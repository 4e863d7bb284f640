/* A report as CSV that Excel opens with its Vietnamese intact: UTF-8 with a
 * byte-order mark (without it Excel reads the bytes as the local code page),
 * commas, CRLF line ends and RFC 4180 quoting. The layout follows the
 * printed report: title, headings, sentences, then each table's header
 * row, rows and totals row, with a blank row between sections. */
#include "giamngheo/export.h"

#include <string.h>

#include "giamngheo/format.h"
#include "giamngheo/i18n.h"

typedef struct {
	FILE *f;
	int width;      /* fields per record: every record has as many */
	int col;        /* fields written in the current record */
} csv;

/* A cell that starts with = + - @ (or a tab or carriage return, which some
 * spreadsheets skip before looking) would be run as a formula when opened:
 * a leading apostrophe keeps it text. */
static bool formula_like(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

static void field(csv *c, const char *s, bool guard)
{
	if (c->col++ > 0)
		fputc(',', c->f);
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fputc('"', c->f);
	if (guard && formula_like(s))
		fputc('\'', c->f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', c->f);
		fputc(*s, c->f);
	}
	if (quote)
		fputc('"', c->f);
}

static void end_record(csv *c)
{
	while (c->col < c->width)
		field(c, "", false);
	fputs("\r\n", c->f);
	c->col = 0;
}

static void text_record(csv *c, const char *s)
{
	field(c, s ? s : "", true);
	end_record(c);
}

static void cell(csv *c, const gn_rcell *v)
{
	char buf[64];
	switch (v->type) {
	case GN_RCELL_TEXT:
		field(c, v->text ? v->text : "", true);
		return;
	case GN_RCELL_COUNT:
	case GN_RCELL_MONEY:
		/* Plain digits: a spreadsheet reads them as numbers whatever its
		 * locale's grouping. */
		snprintf(buf, sizeof buf, "%lld", v->num);
		break;
	case GN_RCELL_PERCENT:
		gn_format_percent(v->pct, buf, sizeof buf);
		break;
	case GN_RCELL_DATE:
		/* ISO dates are read as dates by every spreadsheet locale;
		 * dd/mm/yyyy is swapped by those that write mm/dd. */
		gn_date_format_iso(v->date, buf);
		break;
	case GN_RCELL_EMPTY:
	default:
		buf[0] = '\0';
		break;
	}
	field(c, buf, false);
}

static void table(csv *c, const gn_rtable *t)
{
	if (t->nrows == 0 && t->empty_note) {
		text_record(c, t->empty_note);
		return;
	}
	for (int k = 0; k < t->ncols; k++)
		field(c, t->headers[k], true);
	end_record(c);
	for (int r = 0; r < t->nrows; r++) {
		for (int k = 0; k < t->ncols; k++)
			cell(c, gn_rtable_cell(t, r, k));
		end_record(c);
	}
	if (!t->has_totals)
		return;
	bool labelled = false;
	for (int k = 0; k < t->ncols; k++) {
		if (t->total[k]) {
			gn_rcell sum = { .type = GN_RCELL_COUNT, .num = gn_rtable_total(t, k) };
			cell(c, &sum);
		} else if (!labelled) {
			field(c, _("Total"), true);
			labelled = true;
		} else {
			field(c, "", false);
		}
	}
	end_record(c);
}

gn_status gn_export_csv(const gn_report *r, FILE *f)
{
	csv c = { .f = f, .width = 1 };
	for (int s = 0; s < r->nsections; s++)
		for (int k = 0; k < r->sections[s].nblocks; k++) {
			const gn_rtable *t = r->sections[s].blocks[k].table;
			if (t && t->ncols > c.width)
				c.width = t->ncols;
		}
	fputs("\xEF\xBB\xBF", f);
	text_record(&c, r->title);
	for (int i = 0; i < r->nsubtitles; i++)
		text_record(&c, r->subtitles[i]);
	for (int s = 0; s < r->nsections; s++) {
		const gn_rsection *sec = &r->sections[s];
		end_record(&c);
		text_record(&c, sec->heading);
		for (int k = 0; k < sec->nblocks; k++) {
			if (sec->blocks[k].text)
				text_record(&c, sec->blocks[k].text);
			if (sec->blocks[k].table)
				table(&c, sec->blocks[k].table);
		}
	}
	return ferror(f) ? GN_ERR_IO : GN_OK;
}
