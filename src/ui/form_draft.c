/* Drafts of open forms: the values written to the draft store while the
 * officer types, so that a dropped connection or a killed program loses at
 * most the last moments of typing. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form.h"
#include "giamngheo/draft.h"
#include "giamngheo/keymap.h"

/* While typing without a pause, the longest stretch not yet written. */
#define WRITE_EVERY_SECONDS 2
/* How long a write while typing waits for a colleague's lock before giving
 * up until the next pause; the last write, at the end, waits the usual time. */
#define TYPING_WAIT_MS 100
#define MAX_OPEN_FORMS 16

struct gn_form_draft {
	gn_db *db;
	char kind[32];
	long long record_id;
	char title[192];
	int name_field;
	char *opened[GN_FORM_MAX_FIELDS]; /* the values the form opened with */
	char *written;           /* the values in the store, joined; NULL: no draft stored */
};

/* The forms that keep drafts, so that the loop and an exit can write them
 * without knowing which screen holds them. */
static gn_form *open_forms[MAX_OPEN_FORMS];
static time_t last_write;

void gn_form_snapshot(const gn_form *f, const char **values)
{
	for (int i = 0; i < f->n; i++) {
		const gn_form_field *fl = &f->fields[i];
		switch (fl->kind) {
		case GN_FIELD_TEXT:
			values[i] = gn_lineedit_text(fl->edit);
			break;
		case GN_FIELD_CHOICE:
			values[i] = fl->choices[fl->choice];
			break;
		case GN_FIELD_CHECK:
			values[i] = fl->checked ? "1" : "0";
			break;
		case GN_FIELD_NOTE:
			values[i] = gn_form_value(f, i);
			break;
		case GN_FIELD_LIST:
			/* Its items belong to the form's owner: the draft keeps what
			 * the owner says its changes are. */
			values[i] = gn_form_list_kept(f, i);
			break;
		}
	}
}

void gn_form_restore(gn_form *f, const char *const *values, const char *const *opened, int n)
{
	for (int i = 0; i < n && i < f->n; i++) {
		gn_form_field *fl = &f->fields[i];
		const char *v = values[i] ? values[i] : "";
		if (opened && opened[i] && strcmp(opened[i], v) == 0)
			continue; /* not typed: the record's value now stands */
		switch (fl->kind) {
		case GN_FIELD_TEXT:
			/* Through the editor, so the field still knows its initial text. */
			gn_lineedit_key(fl->edit, GN_KEY_END);
			gn_lineedit_key(fl->edit, GN_KEY_CTRL('u'));
			gn_lineedit_insert(fl->edit, v);
			break;
		case GN_FIELD_CHOICE:
			for (int c = 0; c < fl->n_choices; c++)
				if (strcmp(fl->choices[c], v) == 0)
					fl->choice = c;
			break;
		case GN_FIELD_CHECK:
			fl->checked = strcmp(v, "1") == 0;
			break;
		case GN_FIELD_NOTE:
			/* The note keeps what it opened with apart from its lines. */
			gn_form_set_text(f, i, v);
			break;
		case GN_FIELD_LIST:
			gn_form_list_keep(f, i, v);
			break;
		}
	}
}

/* The separator: a control character, which the line editor never takes. */
#define SEPARATOR '\x1f'

/* Also tells whether anything changed since the last write. */
char *gn_form_values_join(const gn_form *f)
{
	const char *values[GN_FORM_MAX_FIELDS];
	gn_form_snapshot(f, values);
	size_t size = 1;
	for (int i = 0; i < f->n; i++)
		size += strlen(values[i]) + 1;
	char *out = malloc(size), *p = out;
	if (!out)
		return NULL;
	for (int i = 0; i < f->n; i++) {
		size_t len = strlen(values[i]);
		memcpy(p, values[i], len);
		p += len;
		*p++ = SEPARATOR;
	}
	*p = '\0';
	return out;
}

int gn_form_values_split(char *joined, char **values, int max)
{
	int n = 0;
	for (char *p = joined; *p && n < max; n++) {
		char *end = strchr(p, SEPARATOR);
		values[n] = p;
		if (!end)
			return n + 1;
		*end = '\0';
		p = end + 1;
	}
	return n;
}

static void store(gn_form *f)
{
	struct gn_form_draft *d = f->draft;
	if (!gn_form_changed(f)) {
		/* Back to what it opened with: nothing to keep. */
		if (d->written && gn_draft_discard(d->db, d->kind, d->record_id) == GN_OK) {
			free(d->written);
			d->written = NULL;
		}
		return;
	}
	char *now = gn_form_values_join(f);
	if (!now || (d->written && strcmp(now, d->written) == 0)) {
		free(now);
		return;
	}
	const char *values[GN_FORM_MAX_FIELDS];
	gn_form_snapshot(f, values);
	char title[sizeof d->title + 200];
	const char *name = d->name_field >= 0 && d->name_field < f->n ? values[d->name_field] : "";
	if (name[strspn(name, " ")])
		snprintf(title, sizeof title, "%s — %.190s", d->title, name);
	else
		snprintf(title, sizeof title, "%s", d->title);
	/* A failed write (a read-only file, a held lock) is tried again at the
	 * next chance: written stays as it was. */
	if (gn_draft_save(d->db, d->kind, d->record_id, title, f->focus, values, (const char *const *)d->opened,
			  f->n) == GN_OK) {
		free(d->written);
		d->written = now;
	} else {
		free(now);
	}
}

static void write_draft(gn_form *f, bool last)
{
	gn_db_busy_wait(f->draft->db, last ? -1 : TYPING_WAIT_MS);
	store(f);
	gn_db_busy_wait(f->draft->db, -1);
}

static void forget(gn_form *f)
{
	for (int i = 0; i < MAX_OPEN_FORMS; i++)
		if (open_forms[i] == f)
			open_forms[i] = NULL;
	if (f->draft) {
		for (int i = 0; i < GN_FORM_MAX_FIELDS; i++)
			free(f->draft->opened[i]);
		free(f->draft->written);
	}
	free(f->draft);
	f->draft = NULL;
}

bool gn_form_keep_drafts(gn_form *f, gn_db *db, const char *kind, long long record_id, const char *title,
			 int name_field)
{
	int slot = 0;
	while (slot < MAX_OPEN_FORMS && open_forms[slot])
		slot++;
	if (f->draft || slot == MAX_OPEN_FORMS || !(f->draft = calloc(1, sizeof *f->draft)))
		return false;
	open_forms[slot] = f;
	struct gn_form_draft *d = f->draft;
	d->db = db;
	snprintf(d->kind, sizeof d->kind, "%s", kind);
	d->record_id = record_id;
	snprintf(d->title, sizeof d->title, "%s", title);
	d->name_field = name_field;
	const char *now[GN_FORM_MAX_FIELDS];
	gn_form_snapshot(f, now);
	for (int i = 0; i < f->n; i++)
		if (!(d->opened[i] = strdup(now[i]))) {
			forget(f);
			return false;
		}
	gn_draft draft;
	if (gn_draft_load(db, kind, record_id, &draft) != GN_OK)
		return false;
	/* A new record has no stored values to keep: all that was shown comes back. */
	gn_form_restore(f, (const char *const *)draft.values, record_id > 0 ? (const char *const *)draft.opened : NULL,
			draft.n);
	gn_form_focus(f, draft.focus);
	f->moved_from = -1;
	d->written = gn_form_values_join(f);
	gn_draft_clear(&draft);
	return true;
}

void gn_form_draft_done(gn_form *f)
{
	if (!f->draft)
		return;
	gn_draft_discard(f->draft->db, f->draft->kind, f->draft->record_id);
	forget(f);
}

void gn_form_draft_close(gn_form *f)
{
	if (!f->draft)
		return;
	write_draft(f, true);
	forget(f);
}

void gn_form_drafts_sync(bool now)
{
	time_t t = time(NULL);
	for (int i = 0; i < MAX_OPEN_FORMS; i++) {
		gn_form *f = open_forms[i];
		if (f && (now || f->moved_from >= 0 || t - last_write >= WRITE_EVERY_SECONDS)) {
			write_draft(f, false);
			last_write = t;
		}
	}
}

void gn_form_drafts_flush(void)
{
	for (int i = 0; i < MAX_OPEN_FORMS; i++)
		if (open_forms[i])
			write_draft(open_forms[i], true);
}
