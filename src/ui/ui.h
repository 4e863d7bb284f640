#ifndef GIAMNGHEO_UI_H
#define GIAMNGHEO_UI_H

/* The full-screen app: terminal, widgets and the view stack. Views (in
 * src/views) use these and the core model; they never call sqlite3. */

#include <curses.h>
#include <stdbool.h>

#include "app.h"
#include "giamngheo/actions.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/keymap.h"
#include "giamngheo/soft_delete.h"
#include "giamngheo/standard.h"
#include "giamngheo/theme.h"

/* What a handler tells the loop; the loop owns redrawing. */
enum {
	GN_UI_IGNORED = 0,
	GN_UI_HANDLED = 1,
	GN_UI_REDRAW = 2,
	GN_UI_QUIT = 4,
};

typedef struct gn_app gn_app;
typedef struct gn_view gn_view;

typedef struct {
	const char *id;
	/* The translated name shown in the top line. */
	const char *(*title)(const gn_view *v);
	/* Loads what the view shows; called when pushed and on refresh. */
	void (*load)(gn_view *v, gn_app *app);
	void (*free)(gn_view *v);
	/* A key the view may take before the key map sees it (typing in a
	 * search box); returns flags, GN_UI_IGNORED to let it through. */
	int (*key)(gn_view *v, gn_app *app, int key);
	int (*act)(gn_view *v, gn_app *app, gn_action a);
	void (*draw)(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols);
	/* Work put off until the user pauses (no key for a moment, or the end
	 * of a headless key script); returns flags. May be NULL. */
	int (*idle)(gn_view *v, gn_app *app);
	/* The actions worth a hint in the status bar, ending with GN_ACT_NONE. */
	const gn_action *hints;
	/* Built once from the data: load again when a save happened meanwhile. */
	bool reload_on_change;
} gn_view_ops;

struct gn_view {
	const gn_view_ops *ops;
	void *state;
	long long arg;         /* what the view was opened on (a household id) */
	unsigned long changes; /* app->changes when it was loaded */
};

struct gn_app {
	gn_db *db;
	gn_standard standard;  /* the ward's current standard */
	gn_date today;
	gn_keymap *keys;
	char ward_title[192];
	char message[256];     /* one-line notice for the status bar */
	bool message_is_error;
	unsigned long changes;  /* bumped by every save: views holding rows refetch */
	struct {                  /* deleted last in this session: u brings it back */
		gn_record_kind kind;  /* GN_RECORD_NONE: nothing to undo */
		long long id;
		char label[256];      /* its name as the notices say it */
	} undo;
};

/* ---- terminal (term.c) ---- */
typedef struct {
	bool headless;
	int headless_cols, headless_rows;
} gn_term_options;

bool gn_term_start(const gn_term_options *o, const gn_theme *theme);
void gn_term_stop(void);
/* Reads a key as a keymap.h code; GN_KEY_RESIZE on resize; -1 on timeout. */
int gn_term_read_key(int timeout_ms);
/* Set by SIGTERM/SIGHUP: the loop ends and restores the screen. */
bool gn_term_should_exit(void);
attr_t gn_ui_attr(gn_color_role role);

/* ---- drawing (draw.c) ---- */
/* Writes text made safe for the terminal, clipped to cols columns; returns
 * the columns used. */
int gn_ui_put(WINDOW *w, int y, int x, int cols, const char *text, attr_t attr);
/* Pads with spaces up to cols columns from x. */
void gn_ui_fill(WINDOW *w, int y, int x, int cols, attr_t attr);
/* A bar of cols columns, filled to part/whole. */
void gn_ui_bar(WINDOW *w, int y, int x, int cols, double part, double whole);

/* A scrollable document of styled lines; lines may link to a household or
 * an agency, and the cursor moves between linked lines. */
typedef struct {
	char *text;
	gn_color_role role;
	int indicator;         /* >= 0: draw as an indicator cell of this status */
} gn_span;

typedef struct {
	gn_span *spans;
	int n;
	long long link;        /* 0: not selectable */
} gn_line;

typedef struct {
	gn_line *lines;
	int n, cap;
	int top;               /* first line shown */
	int cursor;            /* selected line, -1 when no line links */
	int rows;              /* lines shown at the last draw */
	bool follow;           /* the user moved: keep the cursor in view */
} gn_doc;

void gn_doc_clear(gn_doc *d);
/* Starts a new line (linked to link, 0 for none). */
void gn_doc_line(gn_doc *d, long long link);
void gn_doc_span(gn_doc *d, gn_color_role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void gn_doc_cell(gn_doc *d, int status);
void gn_doc_draw(gn_doc *d, WINDOW *w, int rows, int cols);
/* Moves the cursor or scrolls; GN_UI_IGNORED for actions it does not know. */
int gn_doc_act(gn_doc *d, gn_action a, int rows);
long long gn_doc_selected(const gn_doc *d);

/* ---- the app (app.c) ---- */
/* Returns the view pushed, NULL when the stack is full. */
gn_view *gn_app_push(gn_app *app, const gn_view_ops *ops, long long arg);
/* Closes the top view (a view closing itself: use nothing of it after). */
void gn_app_pop(gn_app *app);
void gn_app_notice(gn_app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Says what is being done and shows it at once, before long work (the app
 * does it in the one thread, so the screen would otherwise stay as it was). */
void gn_app_busy(gn_app *app, const char *what);

/* ---- the views ---- */
extern const gn_view_ops gn_view_dashboard;
extern const gn_view_ops gn_view_households;
extern const gn_view_ops gn_view_household;
extern const gn_view_ops gn_view_agencies;
extern const gn_view_ops gn_view_support;
extern const gn_view_ops gn_view_deadlines;
extern const gn_view_ops gn_view_reports;
extern const gn_view_ops gn_view_history;
extern const gn_view_ops gn_view_users;
extern const gn_view_ops gn_view_round;
extern const gn_view_ops gn_view_draft_offer;
/* Restores the record deleted last in this session, from any screen
 * (views/record_delete.c). */
int gn_app_undo(gn_app *app);
/* Households from a CSV file (views/import.c): asks for the file, checks it
 * and shows every problem, imports on request; a notice instead when the
 * user may not import. */
void gn_import_open(gn_app *app);
/* The login has drafts to offer at the start (views/draft_offer.c). */
bool gn_draft_offer_pending(gn_app *app);

/* Rows for the views' list space: the screen minus the top line, the menu
 * bar and the status bar. */
#define GN_UI_CHROME_ROWS 3

#endif
