/* The form widget: fields one a line, edited in place. */
#include "form.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"
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
		for (int l = 0; l < f->fields[i].n_lines; l++)
			gn_lineedit_free(f->fields[i].lines[l]);
		free(f->fields[i].lines);
		free(f->fields[i].joined);
		free(f->fields[i].initial);
		for (int l = 0; l < f->fields[i].n_items; l++)
			free(f->fields[i].items[l]);
		free(f->fields[i].items);
		free(f->fields[i].kept);
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

/* A copy of n choices; NULL when out of memory. */
static char **copy_choices(const char *const *choices, int n)
{
	char **copy = calloc((size_t)n, sizeof *copy);
	for (int i = 0; copy && i < n; i++)
		if (!(copy[i] = strdup(choices[i] ? choices[i] : ""))) {
			for (int k = 0; k < i; k++)
				free(copy[k]);
			free(copy);
			return NULL;
		}
	return copy;
}

int gn_form_choice(gn_form *f, const char *label, const char *const *choices, int n, int initial)
{
	gn_form_field *fl = add(f, GN_FIELD_CHOICE, label);
	if (!fl || n <= 0 || !(fl->choices = copy_choices(choices, n)))
		return -1;
	fl->n_choices = n;
	fl->choice = fl->initial_choice = initial >= 0 && initial < n ? initial : 0;
	return f->n++;
}

int gn_form_choice_find(const gn_form *f, int i, const char *text)
{
	for (int c = 0; i >= 0 && i < f->n && c < f->fields[i].n_choices; c++)
		if (strcmp(f->fields[i].choices[c], text) == 0)
			return c;
	return -1;
}

bool gn_form_choice_set(gn_form *f, int i, const char *const *choices, int n, int chosen)
{
	if (i < 0 || i >= f->n || f->fields[i].kind != GN_FIELD_CHOICE || n <= 0)
		return false;
	gn_form_field *fl = &f->fields[i];
	char **copy = copy_choices(choices, n);
	if (!copy)
		return false;
	int initial = -1;
	for (int c = 0; c < n; c++)
		if (fl->initial_choice >= 0 && strcmp(copy[c], fl->choices[fl->initial_choice]) == 0)
			initial = c;
	for (int c = 0; c < fl->n_choices; c++)
		free(fl->choices[c]);
	free(fl->choices);
	fl->choices = copy;
	fl->n_choices = n;
	fl->choice = chosen >= 0 && chosen < n ? chosen : 0;
	/* An initial value no longer offered counts as changed. */
	fl->initial_choice = initial >= 0 ? initial : -1;
	fl->filter[0] = '\0';
	return true;
}

int gn_form_check(gn_form *f, const char *label, bool checked)
{
	gn_form_field *fl = add(f, GN_FIELD_CHECK, label);
	if (!fl)
		return -1;
	fl->checked = fl->initial_checked = checked;
	return f->n++;
}

/* ---- notes: one editor a line ---- */

static void note_free_lines(gn_form_field *fl)
{
	for (int l = 0; l < fl->n_lines; l++)
		gn_lineedit_free(fl->lines[l]);
	free(fl->lines);
	fl->lines = NULL;
	fl->n_lines = fl->line = fl->line_top = 0;
}

/* Keeps fl->joined equal to the lines joined with '\n'. */
static bool note_join(gn_form_field *fl)
{
	size_t len = 1;
	for (int l = 0; l < fl->n_lines; l++)
		len += strlen(gn_lineedit_text(fl->lines[l])) + 1;
	char *j = malloc(len);
	if (!j)
		return false;
	size_t used = 0;
	for (int l = 0; l < fl->n_lines; l++) {
		const char *t = gn_lineedit_text(fl->lines[l]);
		size_t n = strlen(t);
		memcpy(j + used, t, n);
		used += n;
		if (l + 1 < fl->n_lines)
			j[used++] = '\n';
	}
	j[used] = '\0';
	free(fl->joined);
	fl->joined = j;
	return true;
}

/* Inserts an editor holding text as line at, the cursor at its end. */
static bool note_insert_line(gn_form_field *fl, int at, const char *text, size_t max_bytes)
{
	gn_lineedit **grown = realloc(fl->lines, (size_t)(fl->n_lines + 1) * sizeof *grown);
	if (!grown)
		return false;
	fl->lines = grown;
	gn_lineedit *e = gn_lineedit_new(text, max_bytes);
	if (!e)
		return false;
	memmove(&fl->lines[at + 1], &fl->lines[at], (size_t)(fl->n_lines - at) * sizeof *grown);
	fl->lines[at] = e;
	fl->n_lines++;
	return true;
}

static bool note_set(gn_form_field *fl, const char *text)
{
	note_free_lines(fl);
	const char *p = text ? text : "";
	do {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *part = strndup(p, n);
		bool ok = part && note_insert_line(fl, fl->n_lines, part, fl->max_bytes);
		free(part);
		if (!ok)
			return false;
		p = nl ? nl + 1 : NULL;
	} while (p);
	fl->line = fl->n_lines - 1;
	return note_join(fl);
}

int gn_form_note(gn_form *f, const char *label, const char *initial, size_t max_bytes)
{
	gn_form_field *fl = add(f, GN_FIELD_NOTE, label);
	if (!fl)
		return -1;
	fl->max_bytes = max_bytes;
	if (!note_set(fl, initial) || !(fl->initial = strdup(fl->joined))) {
		note_free_lines(fl);
		free(fl->joined);
		fl->joined = NULL;
		return -1;
	}
	return f->n++;
}

/* Ctrl-O: the text after the cursor goes to a new line below. */
static bool note_break(gn_form_field *fl)
{
	gn_lineedit *e = fl->lines[fl->line];
	size_t at = gn_lineedit_cursor_byte(e);
	char *tail = strdup(gn_lineedit_text(e) + at);
	if (!tail || !note_insert_line(fl, fl->line + 1, tail, fl->max_bytes)) {
		free(tail);
		return false;
	}
	free(tail);
	gn_lineedit_key(e, GN_KEY_CTRL('k'));
	fl->line++;
	gn_lineedit_key(fl->lines[fl->line], GN_KEY_HOME);
	return true;
}

/* Backspace at a line's start: the line joins the one above. */
static bool note_join_up(gn_form_field *fl)
{
	gn_lineedit *above = fl->lines[fl->line - 1], *here = fl->lines[fl->line];
	if (gn_lineedit_insert(above, gn_lineedit_text(here)) != GN_LINEEDIT_HANDLED)
		return false; /* too long together: keep both lines */
	gn_lineedit_free(here);
	memmove(&fl->lines[fl->line], &fl->lines[fl->line + 1],
		(size_t)(fl->n_lines - fl->line - 1) * sizeof *fl->lines);
	fl->n_lines--;
	fl->line--;
	return true;
}

/* true when the key was the note's; Up/Down past the edges are not. */
static bool note_key(gn_form_field *fl, int key)
{
	bool done = true;
	if (key == GN_KEY_UP || key == GN_KEY_DOWN) {
		int to = fl->line + (key == GN_KEY_UP ? -1 : 1);
		if (to < 0 || to >= fl->n_lines)
			return false;
		fl->line = to;
		gn_lineedit_key(fl->lines[to], GN_KEY_END);
		return true;
	}
	if (key == GN_KEY_CTRL('o'))
		note_break(fl);
	else if ((key == GN_KEY_BACKSPACE || key == 8 || key == 127) && fl->line > 0 &&
		 gn_lineedit_cursor_byte(fl->lines[fl->line]) == 0)
		note_join_up(fl);
	else
		done = gn_lineedit_key(fl->lines[fl->line], key) != GN_LINEEDIT_IGNORED;
	note_join(fl);
	return done;
}

/* ---- lists ---- */

int gn_form_list(gn_form *f, const char *label)
{
	return add(f, GN_FIELD_LIST, label) ? f->n++ : -1;
}

bool gn_form_list_set(gn_form *f, int i, const char *const *items, int n)
{
	if (i < 0 || i >= f->n || f->fields[i].kind != GN_FIELD_LIST)
		return false;
	gn_form_field *fl = &f->fields[i];
	char **copy = n > 0 ? calloc((size_t)n, sizeof *copy) : NULL;
	if (n > 0 && !copy)
		return false;
	for (int k = 0; k < n; k++)
		if (!(copy[k] = strdup(items[k] ? items[k] : ""))) {
			while (k-- > 0)
				free(copy[k]);
			free(copy);
			return false;
		}
	for (int k = 0; k < fl->n_items; k++)
		free(fl->items[k]);
	free(fl->items);
	fl->items = copy;
	fl->n_items = n;
	if (fl->item >= n)
		fl->item = n > 0 ? n - 1 : 0;
	return true;
}

bool gn_form_list_keep(gn_form *f, int i, const char *text)
{
	if (i < 0 || i >= f->n || f->fields[i].kind != GN_FIELD_LIST)
		return false;
	char *copy = text && *text ? strdup(text) : NULL;
	if (text && *text && !copy)
		return false;
	free(f->fields[i].kept);
	f->fields[i].kept = copy;
	return true;
}

const char *gn_form_list_kept(const gn_form *f, int i)
{
	return i >= 0 && i < f->n && f->fields[i].kind == GN_FIELD_LIST && f->fields[i].kept ? f->fields[i].kept : "";
}

int gn_form_list_selected(const gn_form *f, int i)
{
	return i >= 0 && i < f->n && f->fields[i].kind == GN_FIELD_LIST && f->fields[i].n_items > 0
		? f->fields[i].item : -1;
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
	gn_form_field *fl = &f->fields[f->focus];
	if (fl->kind == GN_FIELD_NOTE && note_key(fl, key))
		return true;
	if (fl->kind == GN_FIELD_LIST) {
		if ((key == GN_KEY_UP && fl->item > 0) || (key == GN_KEY_DOWN && fl->item + 1 < fl->n_items)) {
			fl->item += key == GN_KEY_UP ? -1 : 1;
			return true;
		}
		if (key != GN_KEY_TAB && key != GN_KEY_BTAB && key != GN_KEY_UP && key != GN_KEY_DOWN)
			return false; /* a, e, d, Enter: the caller's */
	}
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
	case GN_FIELD_NOTE:
	case GN_FIELD_LIST:
		break;
	}
	return false;
}

/* ---- values ---- */

const char *gn_form_value(const gn_form *f, int i)
{
	if (i < 0 || i >= f->n)
		return "";
	if (f->fields[i].kind == GN_FIELD_NOTE)
		return f->fields[i].joined ? f->fields[i].joined : "";
	return f->fields[i].edit ? gn_lineedit_text(f->fields[i].edit) : "";
}

bool gn_form_set_text(gn_form *f, int i, const char *text)
{
	if (i < 0 || i >= f->n)
		return false;
	gn_form_field *fl = &f->fields[i];
	if (fl->kind == GN_FIELD_NOTE)
		return note_set(fl, text);
	if (fl->kind != GN_FIELD_TEXT)
		return false;
	gn_lineedit *e = gn_lineedit_new(text, 0);
	if (!e)
		return false;
	gn_lineedit_free(fl->edit);
	fl->edit = e;
	return true;
}

void gn_form_set_choice(gn_form *f, int i, int choice)
{
	if (i >= 0 && i < f->n && choice >= 0 && choice < f->fields[i].n_choices)
		f->fields[i].choice = choice;
}

void gn_form_set_checked(gn_form *f, int i, bool checked)
{
	if (i >= 0 && i < f->n)
		f->fields[i].checked = checked;
}

const char *gn_form_shown(const gn_form *f, int i)
{
	if (i < 0 || i >= f->n)
		return "";
	const gn_form_field *fl = &f->fields[i];
	switch (fl->kind) {
	case GN_FIELD_CHOICE:
		return fl->choices[fl->choice];
	case GN_FIELD_CHECK:
		return fl->checked ? _("yes") : _("no");
	case GN_FIELD_LIST:
		return "";
	case GN_FIELD_TEXT:
	case GN_FIELD_NOTE:
		break;
	}
	return gn_form_value(f, i);
}

bool gn_form_same(const gn_form *a, const gn_form *b, int i)
{
	if (i < 0 || i >= a->n || i >= b->n || a->fields[i].kind != b->fields[i].kind)
		return false;
	switch (a->fields[i].kind) {
	case GN_FIELD_CHOICE:
		return strcmp(gn_form_shown(a, i), gn_form_shown(b, i)) == 0;
	case GN_FIELD_CHECK:
		return a->fields[i].checked == b->fields[i].checked;
	case GN_FIELD_LIST:
		return true;
	case GN_FIELD_TEXT:
	case GN_FIELD_NOTE:
		break;
	}
	return strcmp(gn_form_value(a, i), gn_form_value(b, i)) == 0;
}

int gn_form_choice_of(const gn_form *f, int i)
{
	return i >= 0 && i < f->n ? f->fields[i].choice : 0;
}

bool gn_form_checked(const gn_form *f, int i)
{
	return i >= 0 && i < f->n && f->fields[i].checked;
}

bool gn_form_field_changed(const gn_form *f, int i)
{
	if (i < 0 || i >= f->n)
		return false;
	const gn_form_field *fl = &f->fields[i];
	switch (fl->kind) {
	case GN_FIELD_TEXT:
		return gn_lineedit_changed(fl->edit);
	case GN_FIELD_CHOICE:
		return fl->choice != fl->initial_choice;
	case GN_FIELD_CHECK:
		return fl->checked != fl->initial_checked;
	case GN_FIELD_NOTE:
		return strcmp(fl->joined ? fl->joined : "", fl->initial) != 0;
	case GN_FIELD_LIST:
		return fl->kept != NULL;
	}
	return false;
}

bool gn_form_changed(const gn_form *f)
{
	for (int i = 0; i < f->n; i++)
		if (gn_form_field_changed(f, i))
			return true;
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
	int rows = 1;
	if (fl->kind == GN_FIELD_NOTE)
		rows = fl->n_lines < GN_NOTE_ROWS ? fl->n_lines : GN_NOTE_ROWS;
	else if (fl->kind == GN_FIELD_LIST && fl->n_items > 1)
		rows = fl->n_items;
	return rows + (fl->error[0] ? 1 : 0);
}

static void draw_editor(gn_lineedit *e, WINDOW *w, int y, int x, int width, bool focused, bool cursor)
{
	attr_t a = focused ? gn_ui_attr(GN_ROLE_ROW_SELECTED) : gn_ui_attr(GN_ROLE_ROW) | A_UNDERLINE;
	gn_ui_fill(w, y, x, width, a);
	size_t start, len;
	int ccol;
	int used;
	if (focused) {
		gn_lineedit_view(e, width, &start, &len, &ccol);
	} else {
		/* Out of focus a long text shows its beginning, not where it was edited. */
		start = 0;
		len = gn_text_fit(gn_lineedit_text(e), width, &used);
		ccol = -1;
	}
	char *part = strndup(gn_lineedit_text(e) + start, len);
	if (part)
		gn_ui_put(w, y, x, width, part, a);
	free(part);
	if (focused && cursor && ccol >= 0 && ccol < width)
		mvwchgat(w, y, x + ccol, 1, A_REVERSE, 0, NULL);
}

/* Lines y.. of a note, up to rows of them, scrolled to its cursor line. */
static void draw_note(gn_form_field *fl, WINDOW *w, int y, int rows, int x, int width, bool focused)
{
	int shown = fl->n_lines < GN_NOTE_ROWS ? fl->n_lines : GN_NOTE_ROWS;
	if (fl->line < fl->line_top)
		fl->line_top = fl->line;
	if (fl->line >= fl->line_top + shown)
		fl->line_top = fl->line - shown + 1;
	if (fl->line_top > fl->n_lines - shown)
		fl->line_top = fl->n_lines - shown;
	for (int r = 0; r < shown && r < rows; r++)
		draw_editor(fl->lines[fl->line_top + r], w, y + r, x, width, focused,
			    fl->line_top + r == fl->line);
}

static void draw_list(gn_form_field *fl, WINDOW *w, int y, int rows, int x, int cols, bool focused)
{
	if (!fl->n_items) {
		gn_ui_put(w, y, x, cols - x, fl->note, gn_ui_attr(GN_ROLE_HELP));
		return;
	}
	for (int r = 0; r < fl->n_items && r < rows; r++) {
		bool sel = focused && r == fl->item;
		attr_t a = gn_ui_attr(sel ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
		gn_ui_put(w, y + r, x, cols - x, fl->items[r], a);
	}
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
			draw_editor(fl->edit, w, yy, x, width, focused, true);
			break;
		case GN_FIELD_NOTE:
			draw_note(fl, w, yy, y + rows - yy, x, width, focused);
			break;
		case GN_FIELD_LIST:
			draw_list(fl, w, yy, y + rows - yy, x, cols, focused);
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
		int below = field_lines(fl) - 1;
		if (fl->error[0] && r + below < rows)
			gn_ui_put(w, yy + below, x, cols - x, fl->error, gn_ui_attr(GN_ROLE_ERROR));
	}
}
