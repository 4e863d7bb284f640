/* The full-screen app: the view stack, the bars around it, the menu bar and
 * the main loop. Resize is just another key; signals only set a flag. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "giamngheo/access.h"
#include "giamngheo/format.h"
#include "giamngheo/i18n.h"
#include "giamngheo/paths.h"
#include "giamngheo/text.h"
#include "giamngheo/ward.h"
#include "form.h"
#include "ui.h"

#define MAX_STACK 8
#define MIN_COLS 50
#define MIN_ROWS 12

static gn_view stack[MAX_STACK];
static int depth;

/* ---- menus: every screen and action is reachable from here ---- */

typedef struct {
	const char *label;
	const gn_action *items;
} gn_menu;

static const gn_action screen_items[] = {
	GN_ACT_VIEW_DASHBOARD, GN_ACT_VIEW_HOUSEHOLDS, GN_ACT_VIEW_AGENCIES, GN_ACT_VIEW_SUPPORT,
	GN_ACT_VIEW_DEADLINES, GN_ACT_VIEW_REPORTS, GN_ACT_VIEW_HISTORY, GN_ACT_VIEW_USERS, GN_ACT_REFRESH, GN_ACT_QUIT, GN_ACT_NONE,
};
static const gn_action list_items[] = {
	GN_ACT_OPEN, GN_ACT_BACK, GN_ACT_SEARCH, GN_ACT_FILTER, GN_ACT_SORT, GN_ACT_CLEAR_FILTER,
	GN_ACT_NEXT_PANE, GN_ACT_PREV_MONTH, GN_ACT_NEXT_MONTH, GN_ACT_MONTHLY_ROUND,
	GN_ACT_WITHDRAW_REPORT, GN_ACT_IMPORT, GN_ACT_NONE,
};
static const gn_action help_items[] = { GN_ACT_HELP, GN_ACT_NONE };

static const gn_menu menus[] = {
	{ N_("Screens"), screen_items },
	{ N_("List"), list_items },
	{ N_("Help"), help_items },
};
#define N_MENUS ((int)(sizeof menus / sizeof menus[0]))

static int menu_open = -1;  /* index of the open menu, -1 when closed */
static int menu_item;

/* Alt + the first letter of a menu's name (diacritics ignored) opens it. */
static int menu_for_alt(int key)
{
	for (int i = 0; i < N_MENUS; i++) {
		char *folded = gn_text_fold(_(menus[i].label));
		bool hit = folded && folded[0] == (char)(key & 0x7f);
		free(folded);
		if (hit)
			return i;
	}
	return -1;
}

/* ---- the stack ---- */

static gn_view *top_view(void)
{
	return depth ? &stack[depth - 1] : NULL;
}

gn_view *gn_app_push(gn_app *app, const gn_view_ops *ops, long long arg)
{
	if (depth == MAX_STACK)
		return NULL;
	gn_view *v = &stack[depth++];
	*v = (gn_view){ .ops = ops, .arg = arg, .changes = app->changes };
	if (ops->load)
		ops->load(v, app);
	return v;
}

static void pop(void)
{
	gn_view *v = top_view();
	if (!v)
		return;
	if (v->ops->free)
		v->ops->free(v);
	depth--;
}

void gn_app_pop(gn_app *app)
{
	(void)app;
	pop();
}

static void switch_to(gn_app *app, const gn_view_ops *ops)
{
	while (depth)
		pop();
	gn_app_push(app, ops, 0);
}

void gn_app_notice(gn_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_is_error = error;
}

/* ---- help: generated from the action table and the key map ---- */

typedef struct {
	gn_doc doc;
} help_state;

static const char *help_title(const gn_view *v)
{
	(void)v;
	return _("Keys");
}

static void help_load(gn_view *v, gn_app *app)
{
	help_state *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->doc.cursor = -1;
	gn_doc_line(&s->doc, 0);
	gn_doc_span(&s->doc, GN_ROLE_HEADER, "%s", _("Keys (change them in keys.ini; F9 opens the menu)"));
	gn_doc_line(&s->doc, 0);
	for (int a = 0; a < GN_ACT_COUNT; a++) {
		char keys[96];
		gn_keymap_keys_of(app->keys, (gn_action)a, keys, sizeof keys);
		int pad = 18 - gn_text_width(keys);
		gn_doc_line(&s->doc, 0);
		gn_doc_span(&s->doc, GN_ROLE_HELP, "  %s%*s", keys, pad > 0 ? pad : 1, "");
		gn_doc_span(&s->doc, GN_ROLE_ROW, "%s", gn_action_help((gn_action)a));
	}
	gn_doc_line(&s->doc, 0);
	gn_doc_line(&s->doc, 0);
	gn_doc_span(&s->doc, GN_ROLE_HEADER, "%s", _("Indicator cells"));
	static const int order[] = { 1, 2, 3, 0 };
	for (int i = 0; i < 4; i++) {
		gn_doc_line(&s->doc, 0);
		gn_doc_span(&s->doc, GN_ROLE_ROW, "  ");
		gn_doc_cell(&s->doc, order[i]);
		gn_doc_span(&s->doc, GN_ROLE_ROW, "  %s", gn_ind_status_label((gn_ind_status)order[i]));
	}
}

static void help_free(gn_view *v)
{
	help_state *s = v->state;
	if (s)
		gn_doc_clear(&s->doc);
	free(s);
}

static int help_act(gn_view *v, gn_app *app, gn_action a)
{
	(void)app;
	help_state *s = v->state;
	return s ? gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS) : GN_UI_IGNORED;
}

static void help_draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	(void)app;
	help_state *s = v->state;
	if (s)
		gn_doc_draw(&s->doc, w, rows, cols);
}

static const gn_action help_hints[] = { GN_ACT_BACK, GN_ACT_QUIT, GN_ACT_NONE };
static const gn_view_ops help_view = {
	.id = "help", .title = help_title, .load = help_load, .free = help_free,
	.act = help_act, .draw = help_draw, .hints = help_hints,
};

/* ---- drawing the frame ---- */

static void draw_top_line(gn_app *app)
{
	char today[11], line[320];
	gn_date_format_dmy(app->today, today);
	gn_view *v = top_view();
	snprintf(line, sizeof line, " giamngheo │ %s │ %s %s │ %s", app->ward_title, _("Today"), today,
		 v && v->ops->title ? v->ops->title(v) : "");
	gn_ui_fill(stdscr, 0, 0, COLS, gn_ui_attr(GN_ROLE_TITLE));
	gn_ui_put(stdscr, 0, 0, COLS, line, gn_ui_attr(GN_ROLE_TITLE));
}

static int menu_x(int index)
{
	int x = 1;
	for (int i = 0; i < index; i++)
		x += gn_text_width(_(menus[i].label)) + 3;
	return x;
}

static void draw_menu_bar(const gn_app *app)
{
	gn_ui_fill(stdscr, 1, 0, COLS, gn_ui_attr(GN_ROLE_MENU));
	for (int i = 0; i < N_MENUS; i++) {
		char label[64];
		snprintf(label, sizeof label, " %s ", _(menus[i].label));
		gn_ui_put(stdscr, 1, menu_x(i), COLS - menu_x(i), label,
			  gn_ui_attr(i == menu_open ? GN_ROLE_MENU_SELECTED : GN_ROLE_MENU));
	}
	/* Who is working, so that a refusal never comes as a surprise; the
	 * keys, which the status bar also shows, give way first. */
	char who[128], hint[256];
	snprintf(who, sizeof who, "%s (%s)", app->db->actor, gn_user_role_label(app->db->role));
	snprintf(hint, sizeof hint, "%s │ %s", who, _("F9: menu  ?: help  1-8: screens"));
	const char *shown = gn_text_width(hint) + 1 < COLS - menu_x(N_MENUS) ? hint : who;
	int w = gn_text_width(shown);
	if (COLS - w - 1 > menu_x(N_MENUS))
		gn_ui_put(stdscr, 1, COLS - w - 1, w, shown, gn_ui_attr(GN_ROLE_MENU));
}

static void draw_menu(gn_app *app)
{
	if (menu_open < 0)
		return;
	const gn_action *items = menus[menu_open].items;
	int n = 0, width = 10;
	for (; items[n] != GN_ACT_NONE; n++) {
		char keys[64];
		gn_keymap_keys_of(app->keys, items[n], keys, sizeof keys);
		int w = gn_text_width(gn_action_help(items[n])) + gn_text_width(keys) + 4;
		if (w > width)
			width = w;
	}
	/* One column left of the name, so nothing underneath shows at the edge. */
	int x = menu_x(menu_open) - 1;
	if (x + width > COLS)
		x = COLS - width > 0 ? COLS - width : 0;
	for (int i = 0; i < n && 2 + i < LINES - 1; i++) {
		char keys[64];
		gn_keymap_keys_of(app->keys, items[i], keys, sizeof keys);
		attr_t a = gn_ui_attr(i == menu_item ? GN_ROLE_MENU_SELECTED : GN_ROLE_MENU);
		gn_ui_fill(stdscr, 2 + i, x, width, a);
		gn_ui_put(stdscr, 2 + i, x + 1, width - 2, gn_action_help(items[i]), a);
		int kw = gn_text_width(keys);
		gn_ui_put(stdscr, 2 + i, x + width - kw - 1, kw, keys, a);
	}
}

static void draw_status_bar(gn_app *app)
{
	int y = LINES - 1;
	gn_ui_fill(stdscr, y, 0, COLS, gn_ui_attr(GN_ROLE_STATUS));
	if (app->message[0]) {
		gn_ui_put(stdscr, y, 1, COLS - 2, app->message,
			  gn_ui_attr(app->message_is_error ? GN_ROLE_ERROR : GN_ROLE_STATUS));
		return;
	}
	gn_view *v = top_view();
	int x = 1;
	for (const gn_action *h = v ? v->ops->hints : NULL; h && *h != GN_ACT_NONE && x < COLS; h++) {
		char keys[64], hint[160];
		gn_keymap_keys_of(app->keys, *h, keys, sizeof keys);
		if (!keys[0])
			continue;
		snprintf(hint, sizeof hint, "%s %s  ", keys, gn_action_help(*h));
		x += gn_ui_put(stdscr, y, x, COLS - x, hint, gn_ui_attr(GN_ROLE_STATUS));
	}
}

static void draw(gn_app *app)
{
	erase();
	if (COLS < MIN_COLS || LINES < MIN_ROWS) {
		/* Short lines, so that even a very narrow window shows why. */
		char need[96];
		snprintf(need, sizeof need, _("Needed: %d×%d, now %d×%d."), MIN_COLS, MIN_ROWS, COLS, LINES);
		gn_ui_put(stdscr, LINES / 2 - 1, 0, COLS, _("Window too small."), gn_ui_attr(GN_ROLE_ERROR));
		gn_ui_put(stdscr, LINES / 2, 0, COLS, need, gn_ui_attr(GN_ROLE_ERROR));
		gn_ui_put(stdscr, LINES / 2 + 1, 0, COLS, _("Enlarge it, or q to quit."), gn_ui_attr(GN_ROLE_ERROR));
		refresh();
		return;
	}
	draw_top_line(app);
	draw_menu_bar(app);
	gn_view *v = top_view();
	int rows = LINES - GN_UI_CHROME_ROWS;
	WINDOW *area = derwin(stdscr, rows, COLS, 2, 0);
	if (area && v && v->ops->draw)
		v->ops->draw(v, app, area, rows, COLS);
	if (area)
		delwin(area);
	draw_status_bar(app);
	draw_menu(app);
	refresh();
}

void gn_app_busy(gn_app *app, const char *what)
{
	gn_app_notice(app, false, "%s", what);
	draw(app);
}

/* ---- input ---- */

static int app_act(gn_app *app, gn_action a);

static int menu_key(gn_app *app, int key)
{
	const gn_action *items = menus[menu_open].items;
	int n = 0;
	while (items[n] != GN_ACT_NONE)
		n++;
	gn_action a = gn_keymap_lookup(app->keys, key);
	if (key == 27 || a == GN_ACT_BACK || a == GN_ACT_MENU) {
		menu_open = -1;
	} else if (a == GN_ACT_MOVE_LEFT || a == GN_ACT_MOVE_RIGHT) {
		menu_open = (menu_open + (a == GN_ACT_MOVE_LEFT ? N_MENUS - 1 : 1)) % N_MENUS;
		menu_item = 0;
	} else if (a == GN_ACT_MOVE_UP) {
		menu_item = (menu_item + n - 1) % n;
	} else if (a == GN_ACT_MOVE_DOWN) {
		menu_item = (menu_item + 1) % n;
	} else if (key == 13) {
		gn_action chosen = items[menu_item];
		menu_open = -1;
		return app_act(app, chosen);
	}
	return GN_UI_REDRAW;
}

static const gn_view_ops *screen_for(gn_action a)
{
	switch (a) {
	case GN_ACT_VIEW_DASHBOARD:
		return &gn_view_dashboard;
	case GN_ACT_VIEW_HOUSEHOLDS:
		return &gn_view_households;
	case GN_ACT_VIEW_AGENCIES:
		return &gn_view_agencies;
	case GN_ACT_VIEW_SUPPORT:
		return &gn_view_support;
	case GN_ACT_VIEW_DEADLINES:
		return &gn_view_deadlines;
	case GN_ACT_VIEW_REPORTS:
		return &gn_view_reports;
	case GN_ACT_VIEW_HISTORY:
		return &gn_view_history;
	case GN_ACT_VIEW_USERS:
		return &gn_view_users;
	default:
		return NULL;
	}
}

static int app_act(gn_app *app, gn_action a)
{
	gn_view *v = top_view();
	const gn_view_ops *screen = screen_for(a);
	if (screen) {
		switch_to(app, screen);
		return GN_UI_REDRAW;
	}
	switch (a) {
	case GN_ACT_QUIT:
		return GN_UI_QUIT;
	case GN_ACT_HELP:
		if (v && v->ops != &help_view)
			gn_app_push(app, &help_view, 0);
		return GN_UI_REDRAW;
	case GN_ACT_UNDO:
		return gn_app_undo(app);
	case GN_ACT_MENU:
		menu_open = 0;
		menu_item = 0;
		return GN_UI_REDRAW;
	case GN_ACT_REFRESH:
		if (v && v->ops->load) {
			if (v->ops->free)
				v->ops->free(v);
			v->state = NULL;
			v->ops->load(v, app);
		}
		clearok(curscr, TRUE);
		return GN_UI_REDRAW;
	default:
		break;
	}
	int flags = v && v->ops->act ? v->ops->act(v, app, a) : GN_UI_IGNORED;
	/* From any screen but the import itself, which takes it. */
	if (flags == GN_UI_IGNORED && a == GN_ACT_IMPORT) {
		gn_import_open(app);
		return GN_UI_REDRAW;
	}
	if (flags == GN_UI_IGNORED && a == GN_ACT_BACK && depth > 1) {
		pop();
		return GN_UI_REDRAW;
	}
	return flags;
}

static int handle_key(gn_app *app, int key)
{
	app->message[0] = '\0';
	if (menu_open >= 0)
		return menu_key(app, key);
	if (key & GN_KEY_ALT) {
		int m = menu_for_alt(key & ~GN_KEY_ALT);
		if (m >= 0) {
			menu_open = m;
			menu_item = 0;
			return GN_UI_REDRAW;
		}
	}
	gn_view *v = top_view();
	int flags = v && v->ops->key ? v->ops->key(v, app, key) : GN_UI_IGNORED;
	if (flags != GN_UI_IGNORED)
		return flags;
	gn_action a = gn_keymap_lookup(app->keys, key);
	return a == GN_ACT_NONE ? GN_UI_IGNORED : app_act(app, a);
}

/* ---- headless mode: a key script in, the screen as text out ---- */

/* Splits GIAMNGHEO_KEYS into keys: characters as typed, <Name> as in keys.ini. */
static int next_script_key(const char **p)
{
	if (!**p)
		return -1;
	if (**p == '<') {
		const char *end = strchr(*p, '>');
		if (end && end - *p < 15) {
			char name[16];
			memcpy(name, *p, (size_t)(end - *p + 1));
			name[end - *p + 1] = '\0';
			int k = gn_key_parse(name);
			if (k >= 0) {
				*p = end + 1;
				return k;
			}
		}
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	wchar_t wc;
	size_t n = mbrtowc(&wc, *p, strlen(*p), &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
		(*p)++;
		return 0xFFFD;
	}
	*p += n;
	return (int)wc;
}

static void dump_screen(void)
{
	for (int y = 0; y < LINES; y++) {
		char line[4096];
		size_t used = 0;
		for (int x = 0; x < COLS && used + MB_LEN_MAX + 1 < sizeof line; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			if (mvin_wch(y, x, &cell) == ERR || getcchar(&cell, wch, &attrs, &pair, NULL) == ERR)
				continue;
			for (int i = 0; wch[i] && i < CCHARW_MAX; i++) {
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t n = wcrtomb(line + used, wch[i], &st);
				if (n != (size_t)-1)
					used += n;
			}
			/* A wide character fills two cells; its second one reads back the
			 * same character. */
			if (wch[0] && wcwidth(wch[0]) == 2)
				x++;
		}
		while (used && line[used - 1] == ' ')
			used--;
		line[used] = '\0';
		printf("%s\n", line);
	}
}

/* GIAMNGHEO_TIMINGS=FILE: one line per key of the script, its number and
 * the milliseconds from reading it to the screen drawn after it, so that a
 * benchmark reads the cost of a key itself rather than the difference
 * between two whole runs. */
static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static void run_idle(gn_app *app, FILE *timings)
{
	gn_view *v = top_view();
	if (!v || !v->ops->idle)
		return;
	double t0 = now_ms();
	if (v->ops->idle(v, app) != GN_UI_IGNORED && timings)
		fprintf(timings, "idle %.3f\n", now_ms() - t0);
}

static bool parse_size(const char *s, int *cols, int *rows)
{
	return s && sscanf(s, "%dx%d", cols, rows) == 2 && *cols >= 10 && *rows >= 5 && *cols <= 1000 &&
	       *rows <= 1000;
}

/* ---- the loop ---- */

static void load_theme(const char *flag, const char *config, gn_theme *theme, char *warn, size_t size)
{
	gn_theme_builtin(theme);
	const char *name = flag && *flag ? flag : config && *config ? config : "default";
	char path[4096];
	if (gn_theme_find(name, path, sizeof path) != 0) {
		/* The built-in theme is the default one: only another name is missing. */
		if (strcmp(name, "default") != 0)
			snprintf(warn, size, _("Theme '%s' not found; the default theme is used."), name);
		return;
	}
	gn_theme_load(theme, path, warn, size);
}

static void ward_title(gn_app *app)
{
	gn_ward w;
	if (gn_ward_load(app->db, &w) == GN_OK)
		snprintf(app->ward_title, sizeof app->ward_title, "%s │ %d", w.name, w.year);
}

int gn_app_run(gn_db *db, const char *theme_flag, const char *config_theme)
{
	gn_app app = { .db = db, .today = gn_today() };
	char warn[1024] = "";
	gn_theme theme;
	load_theme(theme_flag, config_theme, &theme, warn, sizeof warn);
	app.keys = gn_keymap_new_default();
	char keys_path[4096];
	if (app.keys && gn_path_user_config("keys.ini", keys_path, sizeof keys_path) == 0)
		gn_keymap_load(app.keys, keys_path, warn + strlen(warn), sizeof warn - strlen(warn));
	gn_ward w;
	if (!app.keys || gn_ward_load(db, &w) != GN_OK ||
	    gn_standard_load(db, w.current_standard_id, &app.standard) != GN_OK) {
		gn_keymap_free(app.keys);
		fprintf(stderr, _("giamngheo: the database has no ward yet; run 'giamngheo init'.\n"));
		return 1;
	}
	ward_title(&app);

	gn_term_options opts = { 0 };
	const char *script = getenv("GIAMNGHEO_KEYS");
	opts.headless = parse_size(getenv("GIAMNGHEO_HEADLESS"), &opts.headless_cols, &opts.headless_rows);
	if (!gn_term_start(&opts, &theme)) {
		fprintf(stderr, _("giamngheo: cannot start the full-screen display (check TERM).\n"));
		gn_standard_clear(&app.standard);
		gn_keymap_free(app.keys);
		return 1;
	}
	for (char *nl = strchr(warn, '\n'); nl; nl = strchr(nl, '\n'))
		*nl = ' ';
	if (warn[0])
		gn_app_notice(&app, true, "%s", warn);
	switch_to(&app, &gn_view_dashboard);
	if (gn_draft_offer_pending(&app))
		gn_app_push(&app, &gn_view_draft_offer, 0);

	const char *timings_path = getenv("GIAMNGHEO_TIMINGS");
	FILE *timings = timings_path && *timings_path ? fopen(timings_path, "w") : NULL;
	double key_at = -1;
	int keys_done = 0, idled = 0;
	bool quit = false;
	while (!quit && !gn_term_should_exit()) {
		gn_view *top = top_view();
		if (top && top->ops->reload_on_change && top->changes != app.changes) {
			/* Back on a screen built before a save: show the data as it is now. */
			if (top->ops->free)
				top->ops->free(top);
			top->state = NULL;
			top->changes = app.changes;
			top->ops->load(top, &app);
		}
		draw(&app);
		if (timings && key_at >= 0)
			fprintf(timings, "%d %.3f\n", keys_done, now_ms() - key_at);
		key_at = -1;
		int key;
		if (opts.headless) {
			key = script ? next_script_key(&script) : -1;
			if (key < 0)
				break;
		} else {
			/* A pause of a fraction of a second after a key is when the
			 * work put off (a search's count) is done; a resting keyboard
			 * is also the moment to write what was typed. */
			key = gn_term_read_key(keys_done > idled ? 80 : 250);
			if (key < 0) {
				gn_form_drafts_sync(true);
				run_idle(&app, timings);
				idled = keys_done;
				continue;
			}
		}
		if (key == GN_KEY_RESIZE)
			continue;
		key_at = now_ms();
		keys_done++;
		quit = handle_key(&app, key) & GN_UI_QUIT;
		gn_form_drafts_sync(false);
	}
	/* Hung up, terminated, or the terminal is gone: what was typed goes to
	 * the database first, before anything touches the terminal again. */
	gn_form_drafts_flush();
	if (opts.headless && !quit) {
		run_idle(&app, timings);
		draw(&app);
		dump_screen();
	}
	if (timings)
		fclose(timings);
	while (depth)
		pop();
	gn_term_stop();
	gn_standard_clear(&app.standard);
	gn_keymap_free(app.keys);
	return 0;
}
