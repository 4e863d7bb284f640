#include <stdlib.h>
#include <string.h>

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
