#ifndef GIAMNGHEO_VIEWS_FORM_SCREEN_H
#define GIAMNGHEO_VIEWS_FORM_SCREEN_H

/* A form shown in place of the screen that opened it, with what every
 * record form does the same way: validation as a field is left and again on
 * save (a form with errors is not saved and keeps what was typed), F2/Ctrl-S
 * saves, Esc leaves and asks first when something changed, and when someone
 * else saved the record first, the fields that differ side by side to
 * choose from (nothing is overwritten unseen). The record itself is the
 * caller's, behind these operations. */

#include "../ui/form.h"
#include "giamngheo/date.h"
#include "giamngheo/money.h"
#include "views.h"

typedef struct {
	/* Adds the fields to f, filled from the record as it was opened
	 * (theirs false) or as the other user stored it (theirs true, after
	 * save returned GN_ERR_CONFLICT); both calls add the same fields. */
	bool (*build)(void *ctx, gn_app *app, gn_form *f, bool theirs);
	/* Sets or clears field i's message (gn_form_set_error). */
	void (*validate)(void *ctx, gn_app *app, gn_form *f, int i);
	/* Saves what f holds: GN_OK (with a notice, app->changes bumped when
	 * the database changed), GN_ERR_CONFLICT (the ctx
	 * keeps the stored record for build), GN_ERR_INVALID (messages set on
	 * the fields); anything else has been told in a notice. */
	gn_status (*save)(void *ctx, gn_app *app, gn_form *f);
	/* The user has seen the stored record: the next save goes on top of it. */
	void (*adopt_theirs)(void *ctx);
	/* Optional: keys no field takes (a list field's a/e/d/Enter); returns
	 * true when it used the key. */
	bool (*key)(void *ctx, gn_app *app, gn_form *f, int key);
	/* Frees ctx with the screen. */
	void (*free)(void *ctx);
	/* Optional: who stored the record seen after a conflict and when, for
	 * the conflict table's header; false when not known. */
	bool (*who_saved)(void *ctx, char *by, size_t by_size, char *at, size_t at_size);
	/* Optional: the id of the record edited (after saving a new one, its new id). */
	long long (*record)(void *ctx);
} gn_fscreen_ops;

typedef struct gn_fscreen gn_fscreen;

typedef enum {
	GN_FSCREEN_OPEN = 0,  /* still editing */
	GN_FSCREEN_SAVED,
	GN_FSCREEN_CLOSED,    /* left without saving */
	GN_FSCREEN_THEIRS     /* the other user's version taken in the conflict table */
} gn_fscreen_state;

/* NULL (with a notice, ctx freed) when the fields cannot be built. */
gn_fscreen *gn_fscreen_open(gn_app *app, const gn_fscreen_ops *ops, void *ctx, const char *title);
void gn_fscreen_free(gn_fscreen *fs);
const char *gn_fscreen_title(const gn_fscreen *fs);
gn_form *gn_fscreen_form(gn_fscreen *fs);
/* Keeps drafts of the form (ui/form.h): kind and record_id name it in the
 * draft store (record_id 0: a new record; a form may also name a new record
 * under its parent as -parent_id), the title names it in the offer, with
 * field name_field's value. A saved form, or one left on purpose (Esc and
 * y, or the other user's version taken), drops its draft. When a draft was
 * put back, the user is told. */
void gn_fscreen_keep_drafts(gn_fscreen *fs, gn_app *app, const char *kind, long long record_id, int name_field);
/* For a save hook whose save did not succeed for a reason no field can
 * show: a conflict is returned as is; a record deleted meanwhile is told
 * with `deleted`, anything else with its status message. Returns what the
 * hook returns (GN_ERR_INVALID becomes GN_ERR_DB: the notice says it). */
gn_status gn_fscreen_save_refused(gn_app *app, gn_status s, const char *deleted);
/* ops->record of the form's ctx; 0 when the form has none. */
long long gn_fscreen_record(const gn_fscreen *fs);
/* Takes every key; returns UI flags. */
int gn_fscreen_key(gn_fscreen *fs, gn_app *app, int key, gn_fscreen_state *state);
/* gn_fscreen_key for a form a screen shows in place of itself: a form done
 * with is freed and *form set to NULL. Returns UI flags, a redraw among them. */
int gn_fscreen_key_in(gn_fscreen **form, gn_app *app, int key, gn_fscreen_state *state);
void gn_fscreen_draw(gn_fscreen *fs, gn_app *app, WINDOW *w, int rows, int cols);

/* For a form kept inside another's draft (a household's member): the
 * values as typed, joined (gn_form_values_join); NULL when out of memory. */
char *gn_fscreen_values(const gn_fscreen *fs);
/* Puts such values back, as if typed. */
void gn_fscreen_put_values(gn_fscreen *fs, const char *joined);
/* Shows the conflict table as a save refused with GN_ERR_CONFLICT would,
 * for a record whose save was refused elsewhere (a member, by the
 * household's save): the form holds the user's values as typed over the
 * record as first opened, ops->build(theirs) gives the stored one; the
 * fields the user changed start as theirs to keep. SAVED when nothing
 * differs (their values are the user's), else OPEN. */
gn_fscreen_state gn_fscreen_show_conflict(gn_fscreen *fs, gn_app *app);
/* Saves as F2 would, without a key: SAVED, or OPEN when the values do not
 * pass (the messages are on the fields). */
gn_fscreen_state gn_fscreen_commit(gn_fscreen *fs, gn_app *app);

/* ---- pieces the household form shares ---- */

/* The conflict table: the fields that differ, yours beside theirs, [x] on
 * the value that will be saved; rows are in field order. */
typedef struct {
	const char *label;
	char mine[256], theirs[256];
	bool take_mine;
} gn_conflict_row;

typedef enum {
	GN_CONFLICT_STAY = 0,   /* moved or toggled: still choosing */
	GN_CONFLICT_SAVE,       /* Enter/F2: save the choice */
	GN_CONFLICT_ALL_MINE,   /* m: keep every value of mine, then save */
	GN_CONFLICT_THEIRS,     /* t: discard mine */
	GN_CONFLICT_BACK        /* Esc: back to editing */
} gn_conflict_choice;

/* ↑↓/Tab move *sel, Space toggles the row; the rest as above. */
gn_conflict_choice gn_conflict_key(gn_app *app, int key, gn_conflict_row *rows, int n, int *sel);
void gn_conflict_draw(WINDOW *w, int rows, int cols, const char *header, const gn_conflict_row *r, int n,
		      int sel);
/* A y/n question's answer (the leave question's, a withdrawal's): 1 yes
 * (y, or c: "có"), 0 no (n, k: "không", Esc), -1 still asking. */
int gn_fscreen_ask_key(int key);
/* The last line: the leave question, or the form's keys when no notice is up. */
void gn_fscreen_footer(gn_app *app, WINDOW *w, int rows, int cols, bool asking, bool in_note);

/* Shared checks for validate. A date typed dd/mm/yyyy, or t for today
 * (the field then shows the date); unset when blank and not required.
 * false, with msg filled, when refused. */
bool gn_fscreen_date(gn_app *app, gn_form *f, int i, bool required, gn_date *out, char *msg, size_t size);
/* An amount (1500000, 1.500.000, 1,5tr); 0 when blank. The field's note
 * shows it formatted. */
bool gn_fscreen_money(gn_form *f, int i, gn_money *out, char *msg, size_t size);
bool gn_fscreen_blank(const char *s);

/* The agencies as choices for a CHOICE field: texts[0] is "none", then
 * "CODE — name" for ids[0..n). */
#define GN_FSCREEN_MAX_AGENCIES 128
typedef struct {
	int n;
	long long ids[GN_FSCREEN_MAX_AGENCIES];
	char shown[GN_FSCREEN_MAX_AGENCIES][200];
	const char *texts[GN_FSCREEN_MAX_AGENCIES + 1];
} gn_agency_choices;

bool gn_fscreen_agencies(gn_app *app, gn_agency_choices *c);
/* The choice index of agency id: 0 (none) when absent. */
int gn_agency_choice_of(const gn_agency_choices *c, long long id);

#endif
