/* The form screen every small form shares: modes, keys, the question on
 * leaving and the field-by-field choice after a conflict. */
#include "agency_form_screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"

enum { MODE_EDIT, MODE_ASK_LEAVE, MODE_CONFLICT };

gn_form_screen *gn_fs_new(const gn_fs_ops *ops, void *owner, const char *title, int label_cols)
{
	gn_form_screen *fs = calloc(1, sizeof *fs);
	if (!fs)
		return NULL;
	gn_form_init(&fs->form);
	gn_form_init(&fs->theirs);
	fs->ops = ops;
	fs->owner = owner;
	fs->label_cols = label_cols;
	snprintf(fs->title, sizeof fs->title, "%s", title);
	return fs;
}

void gn_fs_free(gn_form_screen *fs)
{
	if (!fs)
		return;
	gn_form_free(&fs->form);
	gn_form_free(&fs->theirs);
	if (fs->ops->free)
		fs->ops->free(fs->owner);
	free(fs);
}

/* What field i of f holds, as shown. Text-like kinds go through
 * gn_form_value, so a new kind of text field needs nothing here. */
static const char *shown(const gn_form *f, int i)
{
	const gn_form_field *fl = &f->fields[i];
	if (fl->kind == GN_FIELD_CHOICE)
		return fl->choices[fl->choice];
	if (fl->kind == GN_FIELD_CHECK)
		return fl->checked ? _("yes") : _("no");
	return gn_form_value(f, i);
}

static bool field_changed(const gn_form_field *fl)
{
	if (fl->kind == GN_FIELD_CHOICE)
		return fl->choice != fl->initial_choice;
	if (fl->kind == GN_FIELD_CHECK)
		return fl->checked != fl->initial_checked;
	return fl->edit && gn_lineedit_changed(fl->edit);
}

static void enter_conflict(gn_form_screen *fs, gn_app *app)
{
	fs->differ = fs->take_mine = 0;
	for (int i = 0; i < fs->form.n && i < fs->theirs.n && i < 32; i++)
		if (strcmp(shown(&fs->form, i), shown(&fs->theirs, i)) != 0) {
			fs->differ |= 1u << i;
			/* What I changed stays mine; the rest is theirs. */
			if (field_changed(&fs->form.fields[i]))
				fs->take_mine |= 1u << i;
		}
	fs->row = 0;
	while (fs->row < fs->form.n && !(fs->differ & (1u << fs->row)))
		fs->row++;
	fs->mode = MODE_CONFLICT;
	gn_app_notice(app, true, "%s", _("Someone else saved this record while you were editing: choose what to keep."));
}

static bool is_save(gn_app *app, int key)
{
	return gn_keymap_lookup(app->keys, key) == GN_ACT_SAVE;
}

static void save(gn_form_screen *fs, gn_app *app, bool over_theirs, gn_fs_state *state)
{
	gn_form *f = &fs->form;
	for (int i = 0; i < f->n; i++)
		fs->ops->validate(fs, app, i);
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].error[0]) {
			gn_form_focus(f, i);
			fs->mode = MODE_EDIT;
			gn_app_notice(app, true, "%s", _("The form has errors: fix the fields marked, then save again."));
			return;
		}
	gn_form_free(&fs->theirs);
	switch (fs->ops->save(fs, app, over_theirs)) {
	case GN_FS_SAVE_OK:
		app->changes++;
		*state = GN_FS_SAVED;
		return;
	case GN_FS_SAVE_CONFLICT:
		if (fs->theirs.n == f->n)
			enter_conflict(fs, app);
		return;
	case GN_FS_SAVE_REFUSED:
		fs->mode = MODE_EDIT;
		return;
	}
}

/* Their value goes into the form where the user chose theirs. */
static void take_theirs(gn_form_screen *fs)
{
	for (int i = 0; i < fs->form.n; i++) {
		if (!(fs->differ & (1u << i)) || (fs->take_mine & (1u << i)))
			continue;
		gn_form_field *mine = &fs->form.fields[i], *theirs = &fs->theirs.fields[i];
		gn_lineedit *e = mine->edit;
		mine->edit = theirs->edit;
		theirs->edit = e;
		mine->choice = theirs->choice;
		mine->checked = theirs->checked;
	}
}

static int conflict_key(gn_form_screen *fs, gn_app *app, int key, gn_fs_state *state)
{
	int step = 0;
	if (key == GN_KEY_UP || key == 'k' || key == GN_KEY_BTAB)
		step = -1;
	else if (key == GN_KEY_DOWN || key == 'j' || key == GN_KEY_TAB)
		step = 1;
	if (step) {
		for (int r = fs->row + step; r >= 0 && r < fs->form.n; r += step)
			if (fs->differ & (1u << r)) {
				fs->row = r;
				break;
			}
	} else if (key == ' ') {
		fs->take_mine ^= 1u << fs->row;
	} else if (key == 'm' || key == 'M' || key == GN_KEY_ENTER || is_save(app, key)) {
		if (key == 'm' || key == 'M')
			fs->take_mine = fs->differ;
		take_theirs(fs);
		save(fs, app, true, state);
	} else if (key == 't' || key == 'T') {
		gn_app_notice(app, false, "%s", _("Your changes were discarded; the record stays as saved by the other user."));
		app->changes++;
		*state = GN_FS_CLOSED;
	} else if (key == GN_KEY_ESC) {
		fs->mode = MODE_EDIT;
		gn_app_notice(app, false, "%s", _("Back to your changes; saving again shows the other version again."));
	}
	return GN_UI_REDRAW;
}

int gn_fs_key(gn_form_screen *fs, gn_app *app, int key, gn_fs_state *state)
{
	*state = GN_FS_OPEN;
	if (fs->mode == MODE_CONFLICT)
		return conflict_key(fs, app, key, state);
	if (fs->mode == MODE_ASK_LEAVE) {
		if (key == 'y' || key == 'Y' || key == 'c' || key == 'C')
			*state = GN_FS_CLOSED;
		else if (key == 'n' || key == 'N' || key == 'k' || key == 'K' || key == GN_KEY_ESC)
			fs->mode = MODE_EDIT;
		return GN_UI_REDRAW;
	}
	if (is_save(app, key)) {
		save(fs, app, false, state);
		return GN_UI_REDRAW;
	}
	if (key == GN_KEY_ESC) {
		if (gn_form_changed(&fs->form))
			fs->mode = MODE_ASK_LEAVE;
		else
			*state = GN_FS_CLOSED;
		return GN_UI_REDRAW;
	}
	gn_form *f = &fs->form;
	if (gn_form_key(f, key)) {
		if (f->moved_from >= 0)
			fs->ops->validate(fs, app, f->moved_from);
		else if (f->fields[f->focus].error[0])
			fs->ops->validate(fs, app, f->focus); /* the message goes once it is fixed */
	}
	/* Every other key stays here: a form never lets a letter reach the key map. */
	return GN_UI_REDRAW;
}

static void draw_conflict(gn_form_screen *fs, WINDOW *w, int rows, int cols)
{
	int y = 0;
	char line[512];
	if (fs->theirs_at[0])
		snprintf(line, sizeof line, _("%s saved this record at %s while you were editing."),
			 fs->theirs_by[0] ? fs->theirs_by : _("Someone"), fs->theirs_at);
	else
		snprintf(line, sizeof line, "%s", _("Someone else saved this record while you were editing."));
	gn_ui_put(w, y++, 0, cols, line, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, y++, 0, cols, _("The fields that differ; [x] marks the value that will be saved."),
		  gn_ui_attr(GN_ROLE_HELP));
	y++;
	int x_mine = 2 + fs->label_cols + 1, half = (cols - x_mine) / 2, x_theirs = x_mine + half;
	attr_t head = gn_ui_attr(GN_ROLE_HEADER) | A_UNDERLINE;
	gn_ui_fill(w, y, 0, cols, head);
	gn_ui_put(w, y, 2, fs->label_cols, _("Field"), head);
	gn_ui_put(w, y, x_mine, half - 1, _("Yours"), head);
	gn_ui_put(w, y++, x_theirs, cols - x_theirs, _("Saved by the other user"), head);
	for (int i = 0; i < fs->form.n && y < rows - 2; i++) {
		if (!(fs->differ & (1u << i)))
			continue;
		bool sel = i == fs->row, mine = fs->take_mine & (1u << i);
		attr_t a = gn_ui_attr(sel ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
		gn_ui_fill(w, y, 0, cols, a);
		gn_ui_put(w, y, 0, 2, sel ? "▸" : " ", a);
		gn_ui_put(w, y, 2, fs->label_cols, fs->form.fields[i].label, a);
		char cell[600];
		snprintf(cell, sizeof cell, "[%s] %s", mine ? "x" : " ", shown(&fs->form, i));
		gn_ui_put(w, y, x_mine, half - 1, cell, a);
		snprintf(cell, sizeof cell, "[%s] %s", mine ? " " : "x", shown(&fs->theirs, i));
		gn_ui_put(w, y++, x_theirs, cols - x_theirs, cell, a);
	}
	y++;
	if (y < rows)
		gn_ui_put(w, y, 0, cols,
			  _("↑↓ field  Space: yours/theirs  Enter/F2: save the choice  m: keep all mine  t: take theirs  Esc: back"),
			  gn_ui_attr(GN_ROLE_HELP));
}

void gn_fs_draw(gn_form_screen *fs, gn_app *app, WINDOW *w, int rows, int cols)
{
	if (fs->mode == MODE_CONFLICT) {
		draw_conflict(fs, w, rows, cols);
		return;
	}
	gn_ui_fill(w, 0, 0, cols, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, 0, 0, cols, fs->title, gn_ui_attr(GN_ROLE_HEADER));
	gn_form_draw(&fs->form, w, 2, rows - 4, cols, fs->label_cols);
	char save_keys[64];
	gn_keymap_keys_of(app->keys, GN_ACT_SAVE, save_keys, sizeof save_keys);
	if (fs->mode == MODE_ASK_LEAVE) {
		gn_ui_fill(w, rows - 1, 0, cols, gn_ui_attr(GN_ROLE_ERROR));
		gn_ui_put(w, rows - 1, 0, cols, _("Leave without saving your changes? (y/n)"),
			  gn_ui_attr(GN_ROLE_ERROR));
	} else if (!app->message[0]) {
		/* The form's keys in the status bar, in place of the screen's below it. */
		snprintf(app->message, sizeof app->message,
			 _("Tab/Shift-Tab: next/previous field  %s: save  Esc: leave"), save_keys);
		app->message_is_error = false;
	}
}
