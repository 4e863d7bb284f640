/* The households list: windowed (the database counts and returns only the
 * rows on screen), sorted by any column, filtered, searched as you type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"
#include "household_form.h"
#include "record_delete.h"
#include "views.h"

#define MAX_TDP 64
#define MAX_LEAD 64
/* While typing, a search matching more than this shows "more than": the
 * exact count of a short word on a province costs more than a keystroke. */
#define COUNT_CAP 1000
#define UNCOUNTED (-1)

enum { F_TARGETED, F_CLASS, F_DEPRIVED, F_TDP, F_LEAD, F_OVERDUE, F_COUNT };

typedef struct {
	char text[256];           /* what was typed in the search box */
	bool searching;
	bool filtering;
	int filter_row;
	int choice[F_COUNT];      /* 0: any; otherwise an index into the choices */
	int n_tdp, n_lead;
	char tdp_codes[MAX_TDP][32], tdp_names[MAX_TDP][64];
	char leads[MAX_LEAD][32];
	gn_household_sort sort;
	bool descending;
	gn_household_row *rows;
	int n;
	long long total;
	long long top, cursor;    /* absolute positions in the filtered list */
	int page;                 /* rows that fit, from the last draw */
	bool stale;               /* the window must be fetched again */
	bool recount;             /* and the matches counted again */
	bool exact;               /* count a long search exactly (to reach its end) */
	char today[11];
	gn_hh_form *form;         /* the household form (a/e), while it is open */
	bool form_adds;           /* it adds a household: open it once saved */
	gn_delete del;            /* d: the question before deleting */
	unsigned long changes;    /* app->changes at the last fetch */
} households;

static const char *const classes[] = { "poor", "near_poor", "middle", "not_poor" };

static const char *title(const gn_view *v)
{
	const households *s = v->state;
	return s && s->form ? gn_hh_form_title(s->form) : _("Households");
}

static int choice_count(const households *s, const gn_app *app, int f)
{
	switch (f) {
	case F_TARGETED:
	case F_OVERDUE:
		return 2;
	case F_CLASS:
		return 5;
	case F_DEPRIVED:
		return app->standard.n_indicators + 1;
	case F_TDP:
		return s->n_tdp + 1;
	case F_LEAD:
		return s->n_lead + 1;
	}
	return 1;
}

/* What the list holds has changed: fetch and count again. */
static void list_changed(households *s)
{
	s->stale = s->recount = true;
	s->exact = false;
}

static bool counted_roughly(const households *s)
{
	return !s->exact && s->text[0] && s->total > COUNT_CAP;
}

/* The list as chosen on screen: search, filters and sort, no window. */
static void list_filter(households *s, gn_app *app, gn_household_filter *f)
{
	gn_household_filter_init(f);
	f->text = s->text;
	f->sort = s->sort;
	f->descending = s->descending;
	if (s->choice[F_TARGETED])
		f->targeted = 1;
	if (s->choice[F_CLASS])
		f->cls = classes[s->choice[F_CLASS] - 1];
	if (s->choice[F_DEPRIVED])
		f->deprived_on = app->standard.indicators[s->choice[F_DEPRIVED] - 1].code;
	if (s->choice[F_TDP])
		f->tdp = s->tdp_codes[s->choice[F_TDP] - 1];
	if (s->choice[F_LEAD])
		f->lead = s->leads[s->choice[F_LEAD] - 1];
	if (s->choice[F_OVERDUE])
		f->overdue_on = s->today;
	f->count_cap = s->exact || !s->text[0] ? 0 : COUNT_CAP;
}

/* A search's count waits for a pause in typing (or a move that needs it):
 * the rows it shows come first. */
static void count_now(households *s, gn_app *app)
{
	gn_household_filter f;
	list_filter(s, app, &f);
	gn_status st = gn_household_count(app->db, &app->standard, &f, &s->total);
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s",
			      gn_view_read_error(st, _("The household list cannot be read from the database.")));
		s->total = 0;
	}
}

static void fetch(households *s, gn_app *app)
{
	gn_household_filter f;
	list_filter(s, app, &f);
	/* Keep the cursor on screen, then ask for exactly that window. */
	if (s->cursor < s->top)
		s->top = s->cursor;
	if (s->cursor >= s->top + s->page)
		s->top = s->cursor - s->page + 1;
	if (s->top < 0)
		s->top = 0;
	f.offset = (int)s->top;
	f.limit = s->page > 0 ? s->page : 1;
	/* In the second half of a long list, read the window from the end in the
	 * reverse order: a large OFFSET walks every row before it. */
	long long known_total = s->total;
	bool from_end = !s->recount && !counted_roughly(s) && known_total > 2 * f.limit &&
			s->top > known_total / 2;
	if (from_end) {
		f.from_end = true;
		f.offset = (int)(known_total - s->top - f.limit);
		if (f.offset < 0) {
			f.limit += f.offset;
			f.offset = 0;
		}
	}
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	/* The count is kept while only the window moves. */
	bool count_later = s->recount && s->text[0];
	gn_status st = gn_household_query(app->db, &app->standard, &f, &s->rows, &s->n,
					  s->recount && !count_later ? &s->total : NULL);
	if (st != GN_OK)
		gn_app_notice(app, true, "%s",
			      gn_view_read_error(st, _("The household list cannot be read from the database.")));
	if (count_later)
		s->total = s->top == 0 && s->n < f.limit ? s->n : UNCOUNTED;
	s->recount = false;
	for (int i = 0; from_end && i < s->n / 2; i++) {
		gn_household_row t = s->rows[i];
		s->rows[i] = s->rows[s->n - 1 - i];
		s->rows[s->n - 1 - i] = t;
	}
	if (s->total > 0 && s->cursor >= s->total) {
		s->cursor = s->total - 1;
		if (s->cursor < s->top) {
			s->top = s->cursor;
			fetch(s, app);
			return;
		}
	}
	if (s->total == 0)
		s->cursor = 0;
	s->stale = false;
	s->changes = app->changes;
}

static void load(gn_view *v, gn_app *app)
{
	households *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->stale = s->recount = true;
	gn_date_format_iso(app->today, s->today);
	s->n_tdp = gn_tdp_list(app->db, s->tdp_codes, s->tdp_names, MAX_TDP);
	s->n_lead = gn_lead_agency_codes(app->db, s->leads, MAX_LEAD);
}

static void free_state(gn_view *v)
{
	households *s = v->state;
	if (s) {
		free(s->rows);
		gn_hh_form_free(s->form);
	}
	free(s);
}

/* Removes the last character typed, with any combining marks after it. */
static void erase_last(char *text)
{
	size_t len = strlen(text);
	while (len > 0) {
		len--;
		if (((unsigned char)text[len] & 0xC0) != 0x80) {
			/* U+0300..U+036F, U+0323, U+0309 ... are combining: keep erasing. */
			unsigned char a = (unsigned char)text[len], b = (unsigned char)text[len + 1];
			bool combining = a == 0xCC || (a == 0xCD && b < 0xB0);
			text[len] = '\0';
			if (!combining)
				break;
		}
	}
}

static int form_key(households *s, gn_app *app, int k)
{
	gn_hh_form_state state;
	long long id;
	int flags = gn_hh_form_key(s->form, app, k, &state, &id);
	if (state != GN_HH_FORM_OPEN) {
		gn_hh_form_free(s->form);
		s->form = NULL;
		list_changed(s);
		/* A new household opens, ready for its indicators. */
		if (state == GN_HH_FORM_SAVED && s->form_adds && id)
			gn_app_push(app, &gn_view_household, id);
	}
	return flags | GN_UI_REDRAW;
}

static int key(gn_view *v, gn_app *app, int k)
{
	households *s = v->state;
	if (s && s->form)
		return form_key(s, app, k);
	if (s && s->del.asking) {
		gn_delete_answer(&s->del, app, k);
		s->stale = true;
		return GN_UI_REDRAW;
	}
	if (!s || !s->searching)
		return GN_UI_IGNORED;
	(void)app;
	if (k == 27 || k == 13) {
		s->searching = false;
		if (k == 27) {
			s->text[0] = '\0';
			s->cursor = 0;
			list_changed(s);
		}
		return GN_UI_REDRAW;
	}
	if (k == GN_KEY_BACKSPACE) {
		erase_last(s->text);
	} else if (k >= 0x20 && k < 0x110000) {
		char utf8[4];
		size_t n = gn_text_encode(k, utf8);
		size_t len = strlen(s->text);
		if (n && len + n < sizeof s->text) {
			memcpy(s->text + len, utf8, n);
			s->text[len + n] = '\0';
		}
	} else {
		/* Arrows and the like move in the list while the search stays open. */
		return GN_UI_IGNORED;
	}
	s->cursor = 0;
	s->top = 0;
	list_changed(s);
	return GN_UI_REDRAW;
}

static int filter_act(households *s, gn_app *app, gn_action a)
{
	int n = choice_count(s, app, s->filter_row);
	switch (a) {
	case GN_ACT_MOVE_UP:
		s->filter_row = (s->filter_row + F_COUNT - 1) % F_COUNT;
		break;
	case GN_ACT_MOVE_DOWN:
	case GN_ACT_NEXT_PANE:
		s->filter_row = (s->filter_row + 1) % F_COUNT;
		break;
	case GN_ACT_MOVE_LEFT:
		s->choice[s->filter_row] = (s->choice[s->filter_row] + n - 1) % n;
		break;
	case GN_ACT_MOVE_RIGHT:
		s->choice[s->filter_row] = (s->choice[s->filter_row] + 1) % n;
		break;
	case GN_ACT_OPEN:
	case GN_ACT_BACK:
	case GN_ACT_FILTER:
		s->filtering = false;
		break;
	case GN_ACT_CLEAR_FILTER:
		memset(s->choice, 0, sizeof s->choice);
		break;
	default:
		return GN_UI_HANDLED;
	}
	s->cursor = s->top = 0;
	list_changed(s);
	return GN_UI_REDRAW;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	households *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	if (s->filtering)
		return filter_act(s, app, a);
	long long page = s->page > 1 ? s->page - 1 : 1;
	if (s->total == UNCOUNTED)
		count_now(s, app);
	/* Going past the rows counted so far needs the exact count. */
	if (counted_roughly(s) && (a == GN_ACT_LAST || ((a == GN_ACT_MOVE_DOWN || a == GN_ACT_PAGE_DOWN) &&
							  s->cursor + page >= COUNT_CAP))) {
		s->exact = true;
		count_now(s, app);
	}
	switch (a) {
	case GN_ACT_MOVE_UP:
		s->cursor--;
		break;
	case GN_ACT_MOVE_DOWN:
		s->cursor++;
		break;
	case GN_ACT_PAGE_UP:
		s->cursor -= page;
		s->top -= page;
		break;
	case GN_ACT_PAGE_DOWN:
		s->cursor += page;
		s->top += page;
		break;
	case GN_ACT_FIRST:
		s->cursor = 0;
		break;
	case GN_ACT_LAST:
		s->cursor = s->total - 1;
		break;
	case GN_ACT_SEARCH:
		s->searching = true;
		return GN_UI_REDRAW;
	case GN_ACT_FILTER:
		s->filtering = true;
		return GN_UI_REDRAW;
	case GN_ACT_SORT:
		s->sort = (gn_household_sort)((s->sort + 1) % (GN_HH_SORT_INCOME + 1));
		s->descending = s->sort == GN_HH_SORT_DEPRIVATIONS;
		break;
	case GN_ACT_CLEAR_FILTER:
		memset(s->choice, 0, sizeof s->choice);
		s->text[0] = '\0';
		s->cursor = 0;
		list_changed(s);
		break;
	case GN_ACT_OPEN:
		if (s->cursor >= s->top && s->cursor - s->top < s->n) {
			gn_app_push(app, &gn_view_household, s->rows[s->cursor - s->top].id);
			return GN_UI_REDRAW;
		}
		return GN_UI_HANDLED;
	case GN_ACT_ADD:
	case GN_ACT_EDIT:
		if (a == GN_ACT_EDIT && !(s->cursor >= s->top && s->cursor - s->top < s->n))
			return GN_UI_HANDLED;
		s->form = gn_hh_form_open(app, a == GN_ACT_ADD ? 0 : s->rows[s->cursor - s->top].id);
		s->form_adds = a == GN_ACT_ADD;
		return GN_UI_REDRAW;
	case GN_ACT_DELETE:
		if (s->cursor >= s->top && s->cursor - s->top < s->n)
			gn_delete_ask(&s->del, app, GN_RECORD_HOUSEHOLD, s->rows[s->cursor - s->top].id);
		return GN_UI_REDRAW;
	case GN_ACT_BACK:
		if (!s->text[0])
			return GN_UI_IGNORED;
		s->text[0] = '\0';
		s->cursor = 0;
		list_changed(s);
		break;
	default:
		return GN_UI_IGNORED;
	}
	if (s->cursor >= s->total)
		s->cursor = s->total - 1;
	if (s->cursor < 0)
		s->cursor = 0;
	if (s->top > s->cursor)
		s->top = s->cursor;
	s->stale = true;
	return GN_UI_REDRAW;
}

static const char *sort_name(gn_household_sort sort)
{
	switch (sort) {
	case GN_HH_SORT_CODE:
		return _("code");
	case GN_HH_SORT_HEAD:
		return _("head of household");
	case GN_HH_SORT_TDP:
		return _("TDP");
	case GN_HH_SORT_CLASS:
		return _("class");
	case GN_HH_SORT_DEPRIVATIONS:
		return _("deprivations");
	case GN_HH_SORT_LEAD:
		return _("lead agency");
	case GN_HH_SORT_INCOME:
		return _("income");
	}
	return "";
}

static void choice_text(const households *s, const gn_app *app, int f, char *buf, size_t size)
{
	int c = s->choice[f];
	if (c == 0) {
		snprintf(buf, size, "%s", _("any"));
		return;
	}
	switch (f) {
	case F_TARGETED:
	case F_OVERDUE:
		snprintf(buf, size, "%s", _("yes"));
		break;
	case F_CLASS: {
		gn_class cls;
		gn_class_from_code(classes[c - 1], &cls);
		snprintf(buf, size, "%s", gn_class_label(cls));
		break;
	}
	case F_DEPRIVED:
		snprintf(buf, size, "%s %s", app->standard.indicators[c - 1].code,
			 gn_indicator_name(&app->standard.indicators[c - 1]));
		break;
	case F_TDP:
		snprintf(buf, size, "%s", s->tdp_names[c - 1]);
		break;
	case F_LEAD:
		snprintf(buf, size, "%s", s->leads[c - 1]);
		break;
	}
}

static int draw_filters(households *s, gn_app *app, WINDOW *w, int y, int cols)
{
	static const char *const labels[F_COUNT] = {
		N_("Targeted this year"), N_("Class"), N_("Still deprived on"), N_("TDP"),
		N_("Lead agency"), N_("Lead agency has overdue reports"),
	};
	gn_ui_put(w, y++, 0, cols, _("Filters: ↑↓ choose, ←→ change, Enter done, c clears"),
		  gn_ui_attr(GN_ROLE_HEADER));
	for (int f = 0; f < F_COUNT; f++, y++) {
		char value[160], line[256];
		choice_text(s, app, f, value, sizeof value);
		snprintf(line, sizeof line, "◂ %s ▸", value);
		attr_t a = gn_ui_attr(f == s->filter_row ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
		gn_ui_fill(w, y, 0, cols, a);
		gn_ui_put(w, y, 2, cols - 2, _(labels[f]), a);
		if (cols > 40)
			gn_ui_put(w, y, 38, cols - 38, line, a);
	}
	return y;
}

/* Columns: code, head, TDP, class, deprivations, the indicator cells, lead,
 * exit; placed by screen column, since Vietnamese text is wider in bytes. */
enum { X_CODE = 0, X_HEAD = 9, X_TDP = 30, X_CLASS = 41, X_DEPS = 54, X_CELLS = 58, X_LEAD = 83, X_STATUS = 93 };

static void put_at(WINDOW *w, int y, int x, int width, int cols, const char *text, attr_t a)
{
	if (x < cols)
		gn_ui_put(w, y, x, width < cols - x ? width : cols - x, text, a);
}

static void draw_header(WINDOW *w, int y, int cols)
{
	attr_t a = gn_ui_attr(GN_ROLE_HEADER) | A_UNDERLINE;
	gn_ui_fill(w, y, 0, cols, a);
	put_at(w, y, X_CODE, 8, cols, _("Code"), a);
	put_at(w, y, X_HEAD, 20, cols, _("Head of household"), a);
	put_at(w, y, X_TDP, 10, cols, _("TDP"), a);
	put_at(w, y, X_CLASS, 12, cols, _("Class"), a);
	put_at(w, y, X_DEPS, 3, cols, "#", a);
	put_at(w, y, X_CELLS, 24, cols, _("Indicators"), a);
	put_at(w, y, X_LEAD, 9, cols, _("Lead"), a);
}
/* The selection covers the code and the head's name only: moving it then
 * repaints those two columns, not the indicator cells, whose colours cost
 * most of a row's bytes to a terminal over SSH. */
static void draw_row(WINDOW *w, int y, int cols, const gn_household_row *r, bool selected)
{
	attr_t base = gn_ui_attr(GN_ROLE_ROW);
	attr_t name = selected ? gn_ui_attr(GN_ROLE_ROW_SELECTED) : base;
	gn_ui_fill(w, y, 0, cols, base);
	gn_ui_fill(w, y, 0, X_TDP - 1 < cols ? X_TDP - 1 : cols, name);
	char deps[8];
	snprintf(deps, sizeof deps, "%2d", r->deprivations);
	put_at(w, y, X_CODE, 8, cols, r->code, name);
	put_at(w, y, X_HEAD, 20, cols, r->head, name);
	put_at(w, y, X_TDP, 10, cols, r->tdp, base);
	put_at(w, y, X_CLASS, 12, cols, gn_class_label(r->cls), base);
	put_at(w, y, X_DEPS, 3, cols, deps, base);
	static const gn_color_role roles[] = { GN_ROLE_NOT_DEPRIVED, GN_ROLE_DEPRIVED, GN_ROLE_ADDRESSING,
					       GN_ROLE_RESOLVED };
	int x = X_CELLS;
	for (int i = 0; i < r->n_indicators; i++, x += 2) {
		char sym[2] = { gn_ind_status_symbol(r->indicators[i]), '\0' };
		put_at(w, y, x, 1, cols, sym, gn_ui_attr(roles[r->indicators[i]]));
	}
	put_at(w, y, X_LEAD, 9, cols, r->lead, base);
	if (gn_date_is_set(r->exit_date))
		put_at(w, y, X_STATUS, cols - X_STATUS, cols, _("exited"), gn_ui_attr(GN_ROLE_ON_TIME));
	else if (r->targeted)
		put_at(w, y, X_STATUS, cols - X_STATUS, cols, _("targeted"), base);
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	households *s = v->state;
	if (!s)
		return;
	if (s->form) {
		gn_hh_form_draw(s->form, app, w, rows, cols);
		return;
	}
	if (s->changes != app->changes)
		list_changed(s);
	int y = 0;
	if (s->filtering)
		y = draw_filters(s, app, w, y, cols);
	int page = rows - y - 2;
	if (page < 1)
		page = 1;
	if (page != s->page) {
		s->page = page;
		s->stale = true;
	}
	if (s->stale)
		fetch(s, app);

	char head[512];
	int len = s->total == UNCOUNTED ? snprintf(head, sizeof head, "%s", _("counting the households that match…"))
		: counted_roughly(s)
		? snprintf(head, sizeof head, _("more than %d households match"), COUNT_CAP)
		: snprintf(head, sizeof head,
			   ngettext("%lld household matches", "%lld households match", (unsigned long)s->total),
			   s->total);
	len += snprintf(head + len, sizeof head - (size_t)len, _(" · sorted by %s"), sort_name(s->sort));
	if (s->text[0] || s->searching)
		snprintf(head + len, sizeof head - (size_t)len, _(" · search: %s%s"), s->text,
			 s->searching ? "▏" : "");
	gn_ui_fill(w, y, 0, cols, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, y++, 0, cols, head, gn_ui_attr(GN_ROLE_HEADER));

	draw_header(w, y++, cols);

	for (int i = 0; i < s->n && y < rows; i++, y++)
		draw_row(w, y, cols, &s->rows[i], s->top + i == s->cursor);
	if (s->total == 0 && y < rows)
		gn_ui_put(w, y, 2, cols - 2, _("No household matches. Esc or c clears the search and filters."),
			  gn_ui_attr(GN_ROLE_ROW));
	gn_delete_draw(&s->del, w, rows, cols);
}

bool gn_households_open_form(gn_app *app, long long id)
{
	gn_view *v = gn_app_push(app, &gn_view_households, 0);
	households *s = v ? v->state : NULL;
	if (!s)
		return false;
	s->form = gn_hh_form_open(app, id);
	s->form_adds = id == 0;
	return s->form != NULL;
}

static int idle(gn_view *v, gn_app *app)
{
	households *s = v->state;
	if (!s || s->form || s->total != UNCOUNTED)
		return GN_UI_IGNORED;
	count_now(s, app);
	return GN_UI_REDRAW;
}

static const gn_action hints[] = {
	GN_ACT_SEARCH, GN_ACT_FILTER, GN_ACT_SORT, GN_ACT_OPEN, GN_ACT_ADD, GN_ACT_CLEAR_FILTER,
	GN_ACT_HELP, GN_ACT_QUIT, GN_ACT_NONE,
};

const gn_view_ops gn_view_households = {
	.id = "households", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .idle = idle, .hints = hints,
};
