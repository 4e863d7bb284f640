#ifndef GIAMNGHEO_UI_FORM_H
#define GIAMNGHEO_UI_FORM_H

/* A small form: one field a line, labels on the left. Text fields are
 * gn_lineedit editors; choices cycle with Left/Right and filter as you type
 * (diacritics optional); check boxes toggle with Space. Tab/Shift-Tab,
 * Up/Down and Enter move between fields. The form knows nothing about what
 * it edits: the caller validates (gn_form_set_error) when a field is left
 * (moved_from) and saves. */

#include <stdbool.h>
#include <stddef.h>

#include "giamngheo/db.h"
#include "giamngheo/lineedit.h"
#include "ui.h"

/* NOTE: several lines of text, one editor a line; Ctrl-O breaks the line at
 * the cursor, Backspace at a line's start joins it to the line above,
 * Up/Down move between lines and leave the note at its first/last line.
 * Enter and Tab still go to the next field, as everywhere in the form.
 * LIST: lines the caller fills (a household's members); Up/Down select a
 * line, every other key but Tab/Shift-Tab goes to the caller (a/e/d/Enter). */
typedef enum { GN_FIELD_TEXT, GN_FIELD_CHOICE, GN_FIELD_CHECK, GN_FIELD_NOTE, GN_FIELD_LIST } gn_field_kind;

/* How many lines a note shows at most; longer notes scroll. */
#define GN_NOTE_ROWS 5

#define GN_FORM_MAX_FIELDS 48

typedef struct {
	gn_field_kind kind;
	char label[96];
	gn_lineedit *edit;       /* TEXT */
	char **choices;          /* CHOICE: shown texts (owned) */
	int n_choices;
	int choice, initial_choice;
	char filter[64];         /* CHOICE: what was typed to filter */
	bool checked, initial_checked; /* CHECK */
	char error[192];         /* shown under the field; "" when none */
	char note[96];           /* shown after the field (a parsed amount) */
	gn_lineedit **lines;     /* NOTE: one editor a line */
	int n_lines, line, line_top;
	size_t max_bytes;        /* NOTE: bound of each line */
	char *joined;            /* NOTE: the lines joined with '\n' */
	char *initial;           /* NOTE: the text it opened with */
	char **items;            /* LIST: the lines shown (owned) */
	int n_items, item;
	char *kept;              /* LIST: the owner's unsaved changes to it, as text for a draft */
} gn_form_field;

typedef struct {
	gn_form_field fields[GN_FORM_MAX_FIELDS];
	int n;
	int focus;
	int moved_from;          /* set by gn_form_key: the field just left, else -1 */
	int top;                 /* first line shown */
	struct gn_form_draft *draft; /* NULL: the form keeps no draft (form_draft.c) */
} gn_form;

void gn_form_init(gn_form *f);
void gn_form_free(gn_form *f);
/* Each returns the new field's index, -1 when full or out of memory. */
int gn_form_text(gn_form *f, const char *label, const char *initial, size_t max_bytes);
/* choices are copied; initial is an index. */
int gn_form_choice(gn_form *f, const char *label, const char *const *choices, int n, int initial);
int gn_form_check(gn_form *f, const char *label, bool checked);
/* A multi-line note; initial may hold '\n'. */
int gn_form_note(gn_form *f, const char *label, const char *initial, size_t max_bytes);
/* A list field, empty until gn_form_list_set. */
int gn_form_list(gn_form *f, const char *label);
/* Replaces the list's lines (copied), keeping the selection in range; false
 * when out of memory (the old lines stay). */
bool gn_form_list_set(gn_form *f, int i, const char *const *items, int n);
/* What a draft keeps of a list field: the owner's unsaved changes to its
 * items as one text ("" or NULL: none; then the list counts as unchanged). */
bool gn_form_list_keep(gn_form *f, int i, const char *text);
const char *gn_form_list_kept(const gn_form *f, int i);
/* The selected line of a list field, -1 when it is empty. */
int gn_form_list_selected(const gn_form *f, int i);

/* Replaces a choice field's choices (copied), choosing `chosen`; the
 * initial choice is kept by its text when it is still offered. */
bool gn_form_choice_set(gn_form *f, int i, const char *const *choices, int n, int chosen);
/* The index of the choice shown as text, -1 when not offered. */
int gn_form_choice_find(const gn_form *f, int i, const char *text);

/* Replace a field's value (taking the other user's value after a conflict). */
bool gn_form_set_text(gn_form *f, int i, const char *text);
void gn_form_set_choice(gn_form *f, int i, int choice);
void gn_form_set_checked(gn_form *f, int i, bool checked);
/* The value as shown: the text, the choice's text, "yes"/"no". */
const char *gn_form_shown(const gn_form *f, int i);
/* Fields i of a and b (built alike) hold the same value (choices compared
 * by their text, as their lists may differ). */
bool gn_form_same(const gn_form *a, const gn_form *b, int i);

/* Feeds one key to the focused field or moves the focus; false for the keys
 * the caller handles (Esc, function keys and controls no field takes). */
bool gn_form_key(gn_form *f, int key);

/* Field i's value: the text (TEXT, NOTE), the index (CHOICE), the state (CHECK). */
const char *gn_form_value(const gn_form *f, int i);
int gn_form_choice_of(const gn_form *f, int i);
bool gn_form_checked(const gn_form *f, int i);
/* Something differs from what the form opened with. */
bool gn_form_changed(const gn_form *f);
/* Field i differs from what the form opened with. */
bool gn_form_field_changed(const gn_form *f, int i);
void gn_form_set_error(gn_form *f, int i, const char *msg);
bool gn_form_has_errors(const gn_form *f);
/* Moves the focus to field i. */
void gn_form_focus(gn_form *f, int i);

/* Draws from line y of w; the focused text field shows its cursor as a
 * reverse-video cell. label_cols: width of the label column. */
void gn_form_draw(gn_form *f, WINDOW *w, int y, int rows, int cols, int label_cols);

/* ---- drafts (form_draft.c) ----
 * A form that keeps drafts has what was typed written to the database (the
 * draft table, per login) while it is open: when a field is left, when the
 * keyboard rests, at most a couple of seconds apart while typing, and when
 * the form is freed or the program ends (SIGHUP, SIGTERM, a lost terminal).
 * Opening the same form again (same kind and record) brings the values back;
 * the start of the program offers every draft (views/draft_offer.c). */

/* Opts f into drafts, once its fields are added: kind names the form
 * ("household"), record_id the record it edits (0 or below: a new one, whose
 * draft comes back whole; an existing record's fields left as opened take
 * the record's values of the day), title is what
 * the offer to restore shows, followed by the value of name_field when that
 * is not blank (-1: none). When the login has a draft of this form, its
 * values are put into the fields and true is returned (say so to the user). */
bool gn_form_keep_drafts(gn_form *f, gn_db *db, const char *kind, long long record_id, const char *title,
			 int name_field);
/* The form was saved, or its changes thrown away on purpose: its draft is
 * deleted and no more is written for it. */
void gn_form_draft_done(gn_form *f);
/* Writes the draft of every open form whose values changed since its last
 * write; unless now, waits until a field is left or a couple of seconds
 * since the last write. A colleague's lock is waited for only briefly: the
 * write is tried again at the next chance. */
void gn_form_drafts_sync(bool now);
/* The last write before the program ends: every open form, waiting the usual
 * time for a colleague's lock. */
void gn_form_drafts_flush(void);
/* For gn_form_free: a last write of what changed, then the form is let go. */
void gn_form_draft_close(gn_form *f);

/* The values as texts, one a field (a text, the choice's text, "1"/"0" for
 * a check box, a list's kept text); values must hold f->n pointers, valid until the next key. */
void gn_form_snapshot(const gn_form *f, const char **values);
/* The values joined into one text by a separator no typed text holds, and
 * split again in place (at most max values; returns how many). A list's
 * kept text is its owner's and may hold it: such a form's joined text only
 * tells whether anything changed. */
char *gn_form_values_join(const gn_form *f);
int gn_form_values_split(char *joined, char **values, int max);
/* Puts such values back into the first n fields (a choice by its text; an
 * unknown choice is left as it is). With opened (the values the form held
 * when they were typed), a field whose value equals its opened one is left
 * alone: only what was typed comes back, over the record as it is now. */
void gn_form_restore(gn_form *f, const char *const *values, const char *const *opened, int n);

#endif
