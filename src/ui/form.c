/* The form widget: fields one a line, edited in place. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/keymap.h"
#include "giamngheo/text.h"

void gn_form_init(gn_form *f)
{
	memset(f, 0, sizeof *f);
	f->moved_from = -1;
}

void gn_form_free(gn_form *f)
{
	gn_form_draft_close(f);
	for (int i = 0; i < f->n; i++) {
		gn_lineedit_free(f->fields[i].edit);
		for (int c = 0; c < f->fields[i].n_choices; c++)
			free(f->fields[i].choices[c]);
		free(f->fields[i].choices);
	}
	gn_form_init(f);
}

static gn_form_field *add(gn_form *f, gn_field_kind kind, const char *label)
{
	if (f->n == GN_FORM_MAX_FIELDS)
		return NULL;
	gn_form_field *fl = &f->fields[f->n];
	memset(fl, 0, sizeof *fl);
	fl->kind = kind;
	snprintf(fl->label, sizeof fl->label, "%s", label);
	return fl;
}

int gn_form_text(gn_form *f, const char *label, const char *initial, size_t max_bytes)
{
	gn_form_field *fl = add(f, GN_FIELD_TEXT, label);
	if (!fl || !(fl->edit = gn_lineedit_new(initial, max_bytes)))
		return -1;
	return f->n++;
}

int gn_form_choice(gn_form *f, const char *label, const char *const *choices, int n, int initial)
{
	gn_form_field *fl = add(f, GN_FIELD_CHOICE, label);
	if (!fl || n <= 0 || !(fl->choices = calloc((size_t)n, sizeof *fl->choices)))
		return -1;
	for (int i = 0; i < n; i++)
		if (!(fl->choices[i] = strdup(choices[i] ? choices[i] : ""))) {
			for (int k = 0; k < i; k++)
				free(fl->choices[k]);
			free(fl->choices);
			fl->choices = NULL;
			return -1;
		}
	fl->n_choices = n;
	fl->choice = fl->initial_choice = initial >= 0 && initial < n ? initial : 0;
	return f->n++;
}

int gn_form_check(gn_form *f, const char *label, bool checked)
{
	gn_form_field *fl = add(f, GN_FIELD_CHECK, label);
	if (!fl)
		return -1;
	fl->checked = fl->initial_checked = checked;
	return f->n++;
}

/* ---- choices: type-ahead ---- */

static bool matches(const char *choice, const char *filter)
{
	if (!filter[0])
		return true;
	char *c = gn_text_fold(choice), *t = gn_text_fold(filter);
	bool hit = c && t && strstr(c, t) != NULL;
	free(c);
	free(t);
	return hit;
}

/* The next choice from `from` in direction step (±1) that matches the
 * filter; from itself when it is the only one; -1 when none does. */
static int next_match(const gn_form_field *fl, int from, int step)
{
	for (int k = 1; k <= fl->n_choices; k++) {
		int i = ((from + step * k) % fl->n_choices + fl->n_choices) % fl->n_choices;
		if (matches(fl->choices[i], fl->filter))
			return i;
	}
	return -1;
}

static bool choice_key(gn_form_field *fl, int key)
{
	if (key == GN_KEY_LEFT || key == GN_KEY_RIGHT) {
		int i = next_match(fl, fl->choice, key == GN_KEY_LEFT ? -1 : 1);
		if (i >= 0)
			fl->choice = i;
		return true;
	}
	if (key == GN_KEY_BACKSPACE) {
		size_t len = strlen(fl->filter);
		while (len > 0 && ((unsigned char)fl->filter[len - 1] & 0xC0) == 0x80)
			len--; /* back to the lead byte */
		if (len > 0)
			len--;
		fl->filter[len] = '\0';
		return true;
	}
	if (key >= 0x20 && key < 0x110000 && key != 0x7F) {
		size_t len = strlen(fl->filter);
		char saved[sizeof fl->filter];
		memcpy(saved, fl->filter, sizeof saved);
		if (len + 4 >= sizeof fl->filter)
			return true;
		fl->filter[len + gn_text_encode(key, fl->filter + len)] = '\0';
		int i = matches(fl->choices[fl->choice], fl->filter) ? fl->choice : next_match(fl, fl->choice, 1);
		if (i < 0)
			memcpy(fl->filter, saved, sizeof saved); /* nothing matches: refuse the letter */
		else
			fl->choice = i;
		return true;
	}
	return false;
}

/* ---- keys ---- */

void gn_form_focus(gn_form *f, int i)
{
	if (i < 0 || i >= f->n || i == f->focus)
		return;
	f->fields[f->focus].filter[0] = '\0';
	f->moved_from = f->focus;
	f->focus = i;
}

bool gn_form_key(gn_form *f, int key)
{
	f->moved_from = -1;
	if (!f->n)
		return false;
	switch (key) {
	case GN_KEY_TAB:
	case GN_KEY_DOWN:
	case GN_KEY_ENTER:
	case '\n':
		gn_form_focus(f, (f->focus + 1) % f->n);
		return true;
	case GN_KEY_BTAB:
	case GN_KEY_UP:
		gn_form_focus(f, (f->focus + f->n - 1) % f->n);
		return true;
	default:
		break;
	}
	gn_form_field *fl = &f->fields[f->focus];
	switch (fl->kind) {
	case GN_FIELD_TEXT:
		return gn_lineedit_key(fl->edit, key) != GN_LINEEDIT_IGNORED;
	case GN_FIELD_CHOICE:
		return choice_key(fl, key);
	case GN_FIELD_CHECK:
		if (key == ' ' || key == 'x' || key == 'X') {
			fl->checked = !fl->checked;
			return true;
		}
		/* Letters do nothing on a check box, rather than reach the key map. */
		return key >= 0x20 && key < 0x110000;
	}
	return false;
}

/* ---- values ---- */

const char *gn_form_value(const gn_form *f, int i)
{
	return i >= 0 && i < f->n && f->fields[i].edit ? gn_lineedit_text(f->fields[i].edit) : "";
}

int gn_form_choice_of(const gn_form *f, int i)
{
	return i >= 0 && i < f->n ? f->fields[i].choice : 0;
}

bool gn_form_checked(const gn_form *f, int i)
{
	return i >= 0 && i < f->n && f->fields[i].checked;
}

bool gn_form_changed(const gn_form *f)
{
	for (int i = 0; i < f->n; i++) {
		const gn_form_field *fl = &f->fields[i];
		if ((fl->kind == GN_FIELD_TEXT && gn_lineedit_changed(fl->edit)) ||
		    (fl->kind == GN_FIELD_CHOICE && fl->choice != fl->initial_choice) ||
		    (fl->kind == GN_FIELD_CHECK && fl->checked != fl->initial_checked))
			return true;
	}
	return false;
}

void gn_form_set_error(gn_form *f, int i, const char *msg)
{
	if (i >= 0 && i < f->n)
		snprintf(f->fields[i].error, sizeof f->fields[i].error, "%s", msg ? msg : "");
}

bool gn_form_has_errors(const gn_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].error[0])
			return true;
	return false;
}

/* ---- drawing ---- */

static int field_lines(const gn_form_field *fl)
{
	return fl->error[0] ? 2 : 1;
}

static void draw_text(gn_form_field *fl, WINDOW *w, int y, int x, int width, bool focused)
{
	attr_t a = focused ? gn_ui_attr(GN_ROLE_ROW_SELECTED) : gn_ui_attr(GN_ROLE_ROW) | A_UNDERLINE;
	gn_ui_fill(w, y, x, width, a);
	size_t start, len;
	int ccol;
	gn_lineedit_view(fl->edit, width, &start, &len, &ccol);
	char *part = strndup(gn_lineedit_text(fl->edit) + start, len);
	if (part)
		gn_ui_put(w, y, x, width, part, a);
	free(part);
	if (focused && ccol >= 0 && ccol < width)
		mvwchgat(w, y, x + ccol, 1, A_REVERSE, 0, NULL);
}

void gn_form_draw(gn_form *f, WINDOW *w, int y, int rows, int cols, int label_cols)
{
	/* Keep the focused field in view. */
	int line = 0, focus_line = 0, total = 0;
	for (int i = 0; i < f->n; i++) {
		if (i == f->focus)
			focus_line = line;
		line += field_lines(&f->fields[i]);
	}
	total = line;
	if (focus_line < f->top)
		f->top = focus_line;
	if (focus_line + field_lines(&f->fields[f->focus]) > f->top + rows)
		f->top = focus_line + field_lines(&f->fields[f->focus]) - rows;
	if (f->top > total - rows)
		f->top = total - rows > 0 ? total - rows : 0;

	int x = 2 + label_cols + 1;
	int width = cols - x - 18;
	if (width > 44)
		width = 44;
	if (width < 8)
		width = cols - x > 8 ? 8 : cols - x;
	line = 0;
	for (int i = 0; i < f->n; i++) {
		gn_form_field *fl = &f->fields[i];
		bool focused = i == f->focus;
		int r = line - f->top;
		line += field_lines(fl);
		if (r < 0 || r >= rows)
			continue;
		int yy = y + r;
		attr_t la = gn_ui_attr(focused ? GN_ROLE_HEADER : GN_ROLE_HELP);
		gn_ui_put(w, yy, 0, 2, focused ? "▸" : " ", la);
		gn_ui_put(w, yy, 2, label_cols, fl->label, la);
		switch (fl->kind) {
		case GN_FIELD_TEXT:
			draw_text(fl, w, yy, x, width, focused);
			break;
		case GN_FIELD_CHOICE: {
			char shown[256];
			snprintf(shown, sizeof shown, "◂ %s ▸", fl->choices[fl->choice]);
			attr_t a = gn_ui_attr(focused ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
			int used = gn_ui_put(w, yy, x, cols - x, shown, a);
			if (focused && fl->filter[0]) {
				char hint[128];
				snprintf(hint, sizeof hint, "  «%s»", fl->filter);
				gn_ui_put(w, yy, x + used, cols - x - used, hint, gn_ui_attr(GN_ROLE_HELP));
			}
			break;
		}
		case GN_FIELD_CHECK:
			gn_ui_put(w, yy, x, 3, fl->checked ? "[x]" : "[ ]",
				  gn_ui_attr(focused ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW));
			break;
		}
		if (fl->note[0] && fl->kind == GN_FIELD_TEXT && x + width + 2 < cols)
			gn_ui_put(w, yy, x + width + 2, cols - x - width - 2, fl->note, gn_ui_attr(GN_ROLE_HELP));
		if (fl->error[0] && r + 1 < rows)
			gn_ui_put(w, yy + 1, x, cols - x, fl->error, gn_ui_attr(GN_ROLE_ERROR));
	}
}
