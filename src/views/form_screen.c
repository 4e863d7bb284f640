/* The form screen: editing, the leave question and the conflict choice. */
#include "form_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"

#define LABEL_COLS 36

enum { MODE_EDIT, MODE_ASK_LEAVE, MODE_CONFLICT };

struct gn_fscreen {
	gn_form form;
	gn_form theirs;           /* MODE_CONFLICT: the stored record as fields */
	const gn_fscreen_ops *ops;
	void *ctx;
	char title[160];
	int mode;
	bool take_mine[GN_FORM_MAX_FIELDS];
	int row;                  /* the highlighted row of the conflict table */
	int differ;               /* how many fields differ */
};

const char *gn_fscreen_title(const gn_fscreen *fs)
{
	return fs->title;
}

gn_form *gn_fscreen_form(gn_fscreen *fs)
{
	return &fs->form;
}

gn_fscreen *gn_fscreen_open(gn_app *app, const gn_fscreen_ops *ops, void *ctx, const char *title)
{
	gn_fscreen *fs = calloc(1, sizeof *fs);
	if (!fs) {
		ops->free(ctx);
		return NULL;
	}
	fs->ops = ops;
	fs->ctx = ctx;
	snprintf(fs->title, sizeof fs->title, "%s", title);
	gn_form_init(&fs->form);
	gn_form_init(&fs->theirs);
	if (!ops->build(ctx, app, &fs->form, false)) {
		gn_fscreen_free(fs);
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return NULL;
	}
	return fs;
}

void gn_fscreen_free(gn_fscreen *fs)
{
	if (!fs)
		return;
	gn_form_free(&fs->form);
	gn_form_free(&fs->theirs);
	fs->ops->free(fs->ctx);
	free(fs);
}

/* ---- shared checks ---- */

bool gn_fscreen_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

bool gn_fscreen_date(gn_app *app, gn_form *f, int i, bool required, gn_date *out, char *msg, size_t size)
{
	const char *text = gn_form_value(f, i);
	*out = (gn_date){ 0, 0, 0 };
	if (gn_fscreen_blank(text)) {
		if (required)
			snprintf(msg, size, "%s", _("Enter a date: dd/mm/yyyy, or t for today."));
		return !required;
	}
	if ((text[0] == 't' || text[0] == 'T') && gn_fscreen_blank(text + 1)) {
		char shown[11];
		*out = app->today;
		gn_date_format_dmy(*out, shown);
		gn_form_set_text(f, i, shown);
		return true;
	}
	gn_date_error e = gn_date_parse_dmy(text, out);
	if (e != GN_DATE_OK) {
		snprintf(msg, size, "%s %s", gn_date_error_message(e), _("t is today."));
		return false;
	}
	return true;
}

bool gn_fscreen_money(gn_form *f, int i, gn_money *out, char *msg, size_t size)
{
	const char *text = gn_form_value(f, i);
	*out = 0;
	f->fields[i].note[0] = '\0';
	if (gn_fscreen_blank(text))
		return true;
	if (gn_money_parse(text, out) != GN_OK) {
		snprintf(msg, size, "%s", _("Not an amount: write 1500000, 1.500.000 or 1,5tr."));
		return false;
	}
	char shown[48];
	gn_money_format(*out, shown, sizeof shown);
	snprintf(f->fields[i].note, sizeof f->fields[i].note, "= %s", shown);
	return true;
}

bool gn_fscreen_agencies(gn_app *app, gn_agency_choices *c)
{
	char today[11];
	gn_date_format_iso(app->today, today);
	gn_agency_row *rows;
	int n;
	c->n = 0;
	c->texts[0] = _("none");
	if (gn_agency_query(app->db, today, &rows, &n) != GN_OK)
		return false;
	for (int i = 0; i < n && c->n < GN_FSCREEN_MAX_AGENCIES; i++, c->n++) {
		c->ids[c->n] = rows[i].agency.id;
		snprintf(c->shown[c->n], sizeof c->shown[c->n], "%s — %s", rows[i].agency.code, rows[i].agency.name);
		c->texts[c->n + 1] = c->shown[c->n];
	}
	free(rows);
	return true;
}

int gn_agency_choice_of(const gn_agency_choices *c, long long id)
{
	for (int i = 0; id && i < c->n; i++)
		if (c->ids[i] == id)
			return i + 1;
	return 0;
}

/* ---- drafts ---- */

void gn_fscreen_keep_drafts(gn_fscreen *fs, gn_app *app, const char *kind, long long record_id, int name_field)
{
	if (gn_form_keep_drafts(&fs->form, app->db, kind, record_id, fs->title, name_field))
		gn_app_notice(app, false, "%s", _("Your unsaved changes are back: F2 saves them, Esc throws them away."));
}

int gn_fscreen_key_in(gn_fscreen **form, gn_app *app, int key, gn_fscreen_state *state)
{
	int flags = gn_fscreen_key(*form, app, key, state);
	if (*state != GN_FSCREEN_OPEN) {
		gn_fscreen_free(*form);
		*form = NULL;
	}
	return flags | GN_UI_REDRAW;
}

gn_status gn_fscreen_save_refused(gn_app *app, gn_status s, const char *deleted)
{
	if (s == GN_ERR_CONFLICT)
		return s;
	if (s == GN_ERR_NOT_FOUND) {
		gn_app_notice(app, true, "%s", deleted);
		return s;
	}
	gn_app_notice(app, true, "%s", gn_status_message(s));
	return s == GN_ERR_INVALID ? GN_ERR_DB : s;
}

long long gn_fscreen_record(const gn_fscreen *fs)
{
	return fs->ops->record ? fs->ops->record(fs->ctx) : 0;
}

char *gn_fscreen_values(const gn_fscreen *fs)
{
	return gn_form_values_join(&fs->form);
}

void gn_fscreen_put_values(gn_fscreen *fs, const char *joined)
{
	char *copy = strdup(joined), *values[GN_FORM_MAX_FIELDS];
	if (!copy)
		return;
	int n = gn_form_values_split(copy, values, GN_FORM_MAX_FIELDS);
	gn_form_restore(&fs->form, (const char *const *)values, NULL, n);
	free(copy);
}

/* ---- saving ---- */

static void save_merged(gn_fscreen *fs, gn_app *app, gn_fscreen_state *state);

static void enter_conflict(gn_fscreen *fs, gn_app *app)
{
	gn_form_free(&fs->theirs);
	gn_form_init(&fs->theirs);
	if (!fs->ops->build(fs->ctx, app, &fs->theirs, true)) {
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return;
	}
	fs->row = 0;
	fs->differ = 0;
	for (int i = 0; i < fs->form.n; i++) {
		/* By default the user's own changes win, and what only the other
		 * user changed stays theirs. */
		fs->take_mine[i] = gn_form_field_changed(&fs->form, i);
		fs->differ += !gn_form_same(&fs->form, &fs->theirs, i);
	}
	fs->mode = MODE_CONFLICT;
	gn_app_notice(app, true, "%s", _("Someone else saved this while you were editing: choose what to keep."));
}

/* Their version against the form's values. */
static void conflict(gn_fscreen *fs, gn_app *app, gn_fscreen_state *state)
{
	enter_conflict(fs, app);
	if (fs->mode == MODE_CONFLICT && !fs->differ)
		save_merged(fs, app, state); /* they saved what we meant to: nothing to choose */
}

gn_fscreen_state gn_fscreen_show_conflict(gn_fscreen *fs, gn_app *app)
{
	gn_fscreen_state state = GN_FSCREEN_OPEN;
	conflict(fs, app, &state);
	if (state != GN_FSCREEN_OPEN)
		gn_form_draft_done(&fs->form);
	return state;
}

static void save(gn_fscreen *fs, gn_app *app, gn_fscreen_state *state)
{
	gn_form *f = &fs->form;
	for (int i = 0; i < f->n; i++)
		fs->ops->validate(fs->ctx, app, f, i);
	gn_status s = GN_ERR_INVALID;
	if (!gn_form_has_errors(f))
		s = fs->ops->save(fs->ctx, app, f);
	if (s == GN_OK) {
		*state = GN_FSCREEN_SAVED;
	} else if (s == GN_ERR_CONFLICT) {
		conflict(fs, app, state);
	} else if (s == GN_ERR_INVALID) {
		for (int i = 0; i < f->n; i++)
			if (f->fields[i].error[0]) {
				gn_form_focus(f, i);
				break;
			}
		gn_app_notice(app, true, "%s", _("The form has errors: fix the fields marked, then save again."));
	}
}

/* Takes their value where chosen, then saves on top of their version. */
static void save_merged(gn_fscreen *fs, gn_app *app, gn_fscreen_state *state)
{
	for (int i = 0; i < fs->form.n; i++) {
		if (fs->take_mine[i] || gn_form_same(&fs->form, &fs->theirs, i))
			continue;
		const gn_form_field *t = &fs->theirs.fields[i];
		if (t->kind == GN_FIELD_CHOICE)
			gn_form_set_choice(&fs->form, i, gn_form_choice_find(&fs->form, i, gn_form_shown(&fs->theirs, i)));
		else if (t->kind == GN_FIELD_CHECK)
			gn_form_set_checked(&fs->form, i, t->checked);
		else
			gn_form_set_text(&fs->form, i, gn_form_value(&fs->theirs, i));
		/* A field may offer choices by another's value (the lead's staff). */
		fs->ops->validate(fs->ctx, app, &fs->form, i);
	}
	fs->ops->adopt_theirs(fs->ctx);
	fs->mode = MODE_EDIT;
	save(fs, app, state);
}

/* ---- the conflict table and the leave question ---- */

static bool is_save(gn_app *app, int key)
{
	return gn_keymap_lookup(app->keys, key) == GN_ACT_SAVE;
}

gn_conflict_choice gn_conflict_key(gn_app *app, int key, gn_conflict_row *rows, int n, int *sel)
{
	if (key == GN_KEY_UP || key == 'k' || key == GN_KEY_BTAB) {
		if (*sel > 0)
			(*sel)--;
	} else if (key == GN_KEY_DOWN || key == 'j' || key == GN_KEY_TAB) {
		if (*sel + 1 < n)
			(*sel)++;
	} else if (key == ' ' && *sel < n) {
		rows[*sel].take_mine = !rows[*sel].take_mine;
	} else if (key == 'm' || key == 'M') {
		for (int i = 0; i < n; i++)
			rows[i].take_mine = true;
		return GN_CONFLICT_ALL_MINE;
	} else if (key == 't' || key == 'T') {
		return GN_CONFLICT_THEIRS;
	} else if (key == GN_KEY_ENTER || is_save(app, key)) {
		return GN_CONFLICT_SAVE;
	} else if (key == GN_KEY_ESC) {
		return GN_CONFLICT_BACK;
	}
	return GN_CONFLICT_STAY;
}

void gn_conflict_draw(WINDOW *w, int rows, int cols, const char *header, const gn_conflict_row *r, int n,
		      int sel)
{
	int y = 0;
	gn_ui_put(w, y++, 0, cols, header, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, y++, 0, cols, _("The fields that differ; [x] marks the value that will be saved."),
		  gn_ui_attr(GN_ROLE_HELP));
	y++;
	int x_mine = 2 + 31, half = (cols - x_mine) / 2, x_theirs = x_mine + half;
	attr_t head = gn_ui_attr(GN_ROLE_HEADER) | A_UNDERLINE;
	gn_ui_fill(w, y, 0, cols, head);
	gn_ui_put(w, y, 2, 30, _("Field"), head);
	gn_ui_put(w, y, x_mine, half - 1, _("Yours"), head);
	gn_ui_put(w, y++, x_theirs, cols - x_theirs, _("Saved by the other user"), head);
	for (int i = 0; i < n && y < rows - 2; i++) {
		attr_t a = gn_ui_attr(i == sel ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
		gn_ui_fill(w, y, 0, cols, a);
		gn_ui_put(w, y, 0, 2, i == sel ? "▸" : " ", a);
		gn_ui_put(w, y, 2, 30, r[i].label, a);
		char cell[300];
		snprintf(cell, sizeof cell, "[%s] %s", r[i].take_mine ? "x" : " ", r[i].mine);
		gn_ui_put(w, y, x_mine, half - 1, cell, a);
		snprintf(cell, sizeof cell, "[%s] %s", r[i].take_mine ? " " : "x", r[i].theirs);
		gn_ui_put(w, y++, x_theirs, cols - x_theirs, cell, a);
	}
	y++;
	if (y < rows)
		gn_ui_put(w, y, 0, cols,
			  _("↑↓ field  Space: yours/theirs  Enter/F2: save the choice  m: keep all mine  t: take theirs  Esc: back"),
			  gn_ui_attr(GN_ROLE_HELP));
}

int gn_fscreen_ask_key(int key)
{
	if (key == 'y' || key == 'Y' || key == 'c' || key == 'C')
		return 1;
	if (key == 'n' || key == 'N' || key == 'k' || key == 'K' || key == GN_KEY_ESC)
		return 0;
	return -1;
}

void gn_fscreen_footer(gn_app *app, WINDOW *w, int rows, int cols, bool asking, bool in_note)
{
	char save_keys[64];
	gn_keymap_keys_of(app->keys, GN_ACT_SAVE, save_keys, sizeof save_keys);
	if (asking) {
		gn_ui_fill(w, rows - 1, 0, cols, gn_ui_attr(GN_ROLE_ERROR));
		gn_ui_put(w, rows - 1, 0, cols, _("Leave without saving your changes? (y/n)"),
			  gn_ui_attr(GN_ROLE_ERROR));
	} else if (!app->message[0]) {
		/* The form's keys in the status bar, in place of the screen's below it. */
		if (in_note)
			snprintf(app->message, sizeof app->message,
				 _("Ctrl-O: new line  ↑↓: lines  Tab/Shift-Tab: next/previous field  %s: save  Esc: leave"),
				 save_keys);
		else
			snprintf(app->message, sizeof app->message,
				 _("Tab/Shift-Tab: next/previous field  %s: save  Esc: leave"), save_keys);
		app->message_is_error = false;
	}
}

/* ---- keys ---- */

/* The rows of the conflict table: the fields whose values differ. */
static int conflict_rows(gn_fscreen *fs, gn_conflict_row *rows, int *field_of)
{
	int n = 0;
	for (int i = 0; i < fs->form.n; i++) {
		if (gn_form_same(&fs->form, &fs->theirs, i))
			continue;
		gn_conflict_row *r = &rows[n];
		r->label = fs->form.fields[i].label;
		snprintf(r->mine, sizeof r->mine, "%s", gn_form_shown(&fs->form, i));
		snprintf(r->theirs, sizeof r->theirs, "%s", gn_form_shown(&fs->theirs, i));
		r->take_mine = fs->take_mine[i];
		field_of[n++] = i;
	}
	return n;
}

static int conflict_key(gn_fscreen *fs, gn_app *app, int key, gn_fscreen_state *state)
{
	gn_conflict_row rows[GN_FORM_MAX_FIELDS];
	int field_of[GN_FORM_MAX_FIELDS];
	int n = conflict_rows(fs, rows, field_of);
	gn_conflict_choice c = gn_conflict_key(app, key, rows, n, &fs->row);
	for (int k = 0; k < n; k++)
		fs->take_mine[field_of[k]] = rows[k].take_mine;
	switch (c) {
	case GN_CONFLICT_SAVE:
	case GN_CONFLICT_ALL_MINE:
		save_merged(fs, app, state);
		break;
	case GN_CONFLICT_THEIRS:
		gn_app_notice(app, false, "%s", _("Your changes were discarded; the record stays as the other user saved it."));
		app->changes++;
		*state = GN_FSCREEN_THEIRS;
		break;
	case GN_CONFLICT_BACK:
		fs->mode = MODE_EDIT;
		gn_app_notice(app, false, "%s", _("Back to your changes; saving again shows the other version again."));
		break;
	case GN_CONFLICT_STAY:
		break;
	}
	return GN_UI_REDRAW;
}

static int edit_key(gn_fscreen *fs, gn_app *app, int key, gn_fscreen_state *state)
{
	if (fs->mode == MODE_CONFLICT)
		return conflict_key(fs, app, key, state);
	if (fs->mode == MODE_ASK_LEAVE) {
		int leave = gn_fscreen_ask_key(key);
		if (leave == 1)
			*state = GN_FSCREEN_CLOSED;
		else if (leave == 0)
			fs->mode = MODE_EDIT;
		return GN_UI_REDRAW;
	}
	if (is_save(app, key)) {
		save(fs, app, state);
		return GN_UI_REDRAW;
	}
	if (key == GN_KEY_ESC) {
		if (gn_form_changed(&fs->form))
			fs->mode = MODE_ASK_LEAVE;
		else
			*state = GN_FSCREEN_CLOSED;
		return GN_UI_REDRAW;
	}
	gn_form *f = &fs->form;
	if (gn_form_key(f, key)) {
		if (f->moved_from >= 0)
			fs->ops->validate(fs->ctx, app, f, f->moved_from);
		else if (f->fields[f->focus].error[0])
			fs->ops->validate(fs->ctx, app, f, f->focus); /* clear the message once it is fixed */
	} else if (fs->ops->key) {
		fs->ops->key(fs->ctx, app, f, key);
	}
	/* Every other key stays here: a form never lets a letter reach the key map. */
	return GN_UI_REDRAW;
}

int gn_fscreen_key(gn_fscreen *fs, gn_app *app, int key, gn_fscreen_state *state)
{
	*state = GN_FSCREEN_OPEN;
	int flags = edit_key(fs, app, key, state);
	if (*state != GN_FSCREEN_OPEN)
		gn_form_draft_done(&fs->form); /* saved, or its changes let go on purpose */
	return flags;
}

gn_fscreen_state gn_fscreen_commit(gn_fscreen *fs, gn_app *app)
{
	gn_fscreen_state state = GN_FSCREEN_OPEN;
	save(fs, app, &state);
	if (state != GN_FSCREEN_OPEN)
		gn_form_draft_done(&fs->form);
	return state;
}

/* ---- drawing ---- */

void gn_fscreen_draw(gn_fscreen *fs, gn_app *app, WINDOW *w, int rows, int cols)
{
	if (fs->mode == MODE_CONFLICT) {
		gn_conflict_row r[GN_FORM_MAX_FIELDS];
		int field_of[GN_FORM_MAX_FIELDS];
		int n = conflict_rows(fs, r, field_of);
		char by[64], at[24], header[256];
		if (fs->ops->who_saved && fs->ops->who_saved(fs->ctx, by, sizeof by, at, sizeof at))
			snprintf(header, sizeof header, _("%s saved this record at %s while you were editing."),
				 by[0] ? by : _("Someone"), at);
		else
			snprintf(header, sizeof header, "%s", _("Someone else saved this while you were editing."));
		gn_conflict_draw(w, rows, cols, header, r, n, fs->row);
		return;
	}
	gn_ui_fill(w, 0, 0, cols, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, 0, 0, cols, fs->title, gn_ui_attr(GN_ROLE_HEADER));
	/* As wide as the longest label (agency names), but never most of the line. */
	int label_cols = LABEL_COLS;
	for (int i = 0; i < fs->form.n; i++) {
		int wdt = gn_text_width(fs->form.fields[i].label) + 1;
		if (wdt > label_cols)
			label_cols = wdt;
	}
	if (label_cols > cols / 2 + 8)
		label_cols = cols / 2 + 8;
	gn_form_draw(&fs->form, w, 2, rows - 4, cols, label_cols);
	gn_fscreen_footer(app, w, rows, cols, fs->mode == MODE_ASK_LEAVE,
			  fs->form.fields[fs->form.focus].kind == GN_FIELD_NOTE);
}
