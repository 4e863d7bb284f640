/* Drawing helpers and the scrollable document most screens are made of. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/array.h"
#include "giamngheo/classify.h"
#include "giamngheo/text.h"
#include "ui.h"

int gn_ui_put(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr)
{
	if (cols <= 0)
		return 0;
	/* Names come from the database: never send their bytes raw. */
	char *safe = gn_text_sanitize(text ? text : "");
	if (!safe)
		return 0;
	int used = 0;
	size_t bytes = gn_text_fit(safe, cols, &used);
	wattrset(w, attr);
	mvwaddnstr(w, y, x, safe, (int)bytes);
	wattrset(w, A_NORMAL);
	free(safe);
	return used;
}

void gn_ui_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
	wattrset(w, attr);
	for (int i = 0; i < cols; i++)
		mvwaddch(w, y, x + i, ' ');
	wattrset(w, A_NORMAL);
}

void gn_ui_bar(WINDOW *w, int y, int x, int cols, double part, double whole)
{
	int filled = whole > 0 ? (int)(cols * (part / whole) + 0.5) : 0;
	if (filled > cols)
		filled = cols;
	if (filled < 0)
		filled = 0;
	for (int i = 0; i < cols; i++)
		gn_ui_put(w, y, x + i, 1, i < filled ? "█" : "░",
			  gn_ui_attr(i < filled ? GN_ROLE_PROGRESS_BAR : GN_ROLE_PROGRESS));
}

/* ---- the document ---- */

void gn_doc_clear(gn_doc *d)
{
	for (int i = 0; i < d->n; i++) {
		for (int s = 0; s < d->lines[i].n; s++)
			free(d->lines[i].spans[s].text);
		free(d->lines[i].spans);
	}
	free(d->lines);
	memset(d, 0, sizeof *d);
	d->cursor = -1;
}

void gn_doc_line(gn_doc *d, long long link)
{
	if (!gn_array_reserve((void **)&d->lines, &d->cap, d->n, sizeof *d->lines, 64))
		return;
	d->lines[d->n++] = (gn_line){ .link = link };
	if (link && d->cursor < 0)
		d->cursor = d->n - 1;
}

static void add_span(gn_doc *d, gn_color_role role, char *text, int indicator)
{
	if (!d->n)
		gn_doc_line(d, 0);
	gn_line *l = &d->lines[d->n - 1];
	gn_span *grown = realloc(l->spans, (size_t)(l->n + 1) * sizeof *grown);
	if (!grown || !text) {
		free(text);
		if (grown)
			l->spans = grown;
		return;
	}
	l->spans = grown;
	l->spans[l->n++] = (gn_span){ text, role, indicator };
}

void gn_doc_span(gn_doc *d, gn_color_role role, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *text = NULL;
	if (vasprintf(&text, fmt, ap) < 0)
		text = NULL;
	va_end(ap);
	add_span(d, role, text, -1);
}

static gn_color_role status_role(gn_ind_status s)
{
	switch (s) {
	case GN_IND_DEPRIVED:
		return GN_ROLE_DEPRIVED;
	case GN_IND_ADDRESSING:
		return GN_ROLE_ADDRESSING;
	case GN_IND_RESOLVED:
		return GN_ROLE_RESOLVED;
	case GN_IND_NOT_DEPRIVED:
		break;
	}
	return GN_ROLE_NOT_DEPRIVED;
}

void gn_doc_cell(gn_doc *d, int status)
{
	char sym[2] = { gn_ind_status_symbol((gn_ind_status)status), '\0' };
	add_span(d, status_role((gn_ind_status)status), strdup(sym), status);
}

void gn_doc_draw(gn_doc *d, WINDOW *w, int rows, int cols)
{
	d->rows = rows;
	/* Follow the cursor only once the user has moved it: a document opens at
	 * its top even when its first link is further down. */
	if (d->cursor >= 0 && d->follow) {
		if (d->cursor < d->top)
			d->top = d->cursor;
		if (d->cursor >= d->top + rows)
			d->top = d->cursor - rows + 1;
	}
	if (d->top > d->n - rows)
		d->top = d->n - rows > 0 ? d->n - rows : 0;
	for (int r = 0; r < rows; r++) {
		int i = d->top + r;
		bool selected = i == d->cursor;
		attr_t base = selected ? gn_ui_attr(GN_ROLE_ROW_SELECTED) : A_NORMAL;
		gn_ui_fill(w, r, 0, cols, base);
		if (i >= d->n)
			continue;
		int x = 0;
		for (int s = 0; s < d->lines[i].n && x < cols; s++) {
			const gn_span *sp = &d->lines[i].spans[s];
			attr_t a = sp->indicator >= 0 || !selected ? gn_ui_attr(sp->role) : base;
			x += gn_ui_put(w, r, x, cols - x, sp->text, a);
		}
	}
}

static int next_link(const gn_doc *d, int from, int step)
{
	for (int i = from + step; i >= 0 && i < d->n; i += step)
		if (d->lines[i].link)
			return i;
	return -1;
}

static bool visible(const gn_doc *d, int line)
{
	return line >= d->top && line < d->top + d->rows;
}

int gn_doc_act(gn_doc *d, gn_action a, int rows)
{
	if (a == GN_ACT_PAGE_UP || a == GN_ACT_PAGE_DOWN || a == GN_ACT_FIRST || a == GN_ACT_LAST)
		d->follow = true;
	int page = rows > 1 ? rows - 1 : 1;
	bool cursor = d->cursor >= 0;
	int target;
	switch (a) {
	case GN_ACT_MOVE_UP:
	case GN_ACT_MOVE_DOWN: {
		int step = a == GN_ACT_MOVE_UP ? -1 : 1;
		if (!cursor) {
			d->top += step;
			break;
		}
		if (!visible(d, d->cursor)) {
			/* Start from what is on screen, not from a link out of sight. */
			target = next_link(d, step > 0 ? d->top - 1 : d->top + d->rows, step);
			if (target >= 0 && visible(d, target))
				d->cursor = target;
			else
				d->top += step;
			d->follow = true;
			break;
		}
		target = next_link(d, d->cursor, step);
		if (target >= 0)
			d->cursor = target;
		else
			d->top += step; /* show the text around the first or last link */
		break;
	}
	case GN_ACT_PAGE_UP:
	case GN_ACT_PAGE_DOWN: {
		int step = a == GN_ACT_PAGE_UP ? -1 : 1;
		d->top += step * page;
		for (int moved = 0; cursor && moved < page; moved++) {
			target = next_link(d, d->cursor, step);
			if (target < 0)
				break;
			d->cursor = target;
		}
		break;
	}
	case GN_ACT_FIRST:
		d->top = 0;
		if (cursor)
			d->cursor = next_link(d, -1, 1);
		break;
	case GN_ACT_LAST:
		d->top = d->n;
		if (cursor)
			d->cursor = next_link(d, d->n, -1);
		break;
	default:
		return GN_UI_IGNORED;
	}
	if (d->top < 0)
		d->top = 0;
	if (d->top > d->n - 1)
		d->top = d->n > 0 ? d->n - 1 : 0;
	if (cursor && d->follow && (d->cursor < d->top || d->cursor >= d->top + rows) &&
	    (a == GN_ACT_PAGE_UP || a == GN_ACT_PAGE_DOWN || a == GN_ACT_MOVE_UP || a == GN_ACT_MOVE_DOWN))
		d->top = d->cursor < d->top ? d->cursor : d->cursor - rows + 1;
	return GN_UI_HANDLED | GN_UI_REDRAW;
}

long long gn_doc_selected(const gn_doc *d)
{
	/* A link the user cannot see is not a choice they made. */
	if (d->cursor < 0 || d->cursor >= d->n || (!d->follow && !visible(d, d->cursor)))
		return 0;
	return d->lines[d->cursor].link;
}
