/* The household form: add and edit a household from the keyboard, with
 * validation as each field is left and again on save, and a side-by-side
 * choice when someone else saved the household first. */
#include "household_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ui/form.h"
#include "giamngheo/access.h"
#include "member_form.h"
#include "giamngheo/household_edit.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"
#include "giamngheo/money.h"
#include "giamngheo/text.h"

#define MAX_TDP 64
#define MAX_MEMBERS 64
#define LABEL_COLS 36

enum { MODE_EDIT, MODE_ASK_LEAVE, MODE_CONFLICT };

struct gn_hh_form {
	gn_form form;
	long long id;              /* 0: a new household */
	gn_household base;         /* as loaded: what the form started from */
	int n_tdp;
	long long tdp_ids[MAX_TDP];
	char tdp_codes[MAX_TDP][32], tdp_names[MAX_TDP][64];
	char title[160];
	int mode;
	/* MODE_CONFLICT */
	gn_household mine, theirs;
	gn_hf_set differ, take_mine;
	int row;                   /* the highlighted row of the conflict table */
	/* Members: edited here, stored with the household. REMOVE entries stay
	 * (hidden) until the save; shown[k] is the index of the k-th listed. */
	gn_member_change *members;
	int n_members;
	bool members_changed;
	int shown[MAX_MEMBERS];
	int n_shown;
	gn_member *loaded;         /* the members as the form opened, for a conflict's defaults */
	int n_loaded;
	gn_fscreen *member_form;   /* while a member is edited */
	int member_at;             /* the entry it edits */
	/* For the draft: each entry's values as its member form last kept
	 * them (gn_fscreen_values), while its change is unsaved. */
	char *kept[MAX_MEMBERS];
	const gn_member *others[MAX_MEMBERS]; /* the rest, for the ID number check */
};

/* The form's fields are numbered as gn_household_field, GN_HF_CODE..GN_HF_NOTES,
 * then the members list. */
#define F_MEMBERS (GN_HF_NOTES + 1)
#define N_FORM_FIELDS (F_MEMBERS + 1)

const char *gn_hh_form_title(const gn_hh_form *f)
{
	return f->member_form ? gn_fscreen_title(f->member_form) : f->title;
}

/* ---- members ---- */

static void list_members(gn_hh_form *f)
{
	const char *lines[MAX_MEMBERS];
	char text[MAX_MEMBERS][256];
	f->n_shown = 0;
	for (int i = 0; i < f->n_members; i++) {
		if (f->members[i].op == GN_MEMBER_REMOVE)
			continue;
		gn_member_summary(&f->members[i].member, text[f->n_shown], sizeof text[0]);
		lines[f->n_shown] = text[f->n_shown];
		f->shown[f->n_shown++] = i;
	}
	gn_form_list_set(&f->form, F_MEMBERS, lines, f->n_shown);
	snprintf(f->form.fields[F_MEMBERS].note, sizeof f->form.fields[F_MEMBERS].note, "%s",
		 _("none yet — a: add a member"));
}

/* theirs: NULL, or the versions of a member someone else saved meanwhile. */
static void open_member(gn_hh_form *f, gn_app *app, int at, const gn_member_versions *theirs)
{
	int n = 0;
	for (int i = 0; i < f->n_members; i++)
		if (i != at && f->members[i].op != GN_MEMBER_REMOVE)
			f->others[n++] = &f->members[i].member;
	f->member_at = at;
	f->member_form = gn_member_form_open(app, &f->members[at].member, theirs, f->others, n);
}

static void edit_member(gn_hh_form *f, gn_app *app, int at)
{
	open_member(f, app, at, NULL);
}

/* Entry at's member form showing the user's change beside the one someone
 * else saved meanwhile (its current). Changed are the fields that differ
 * from the member as the form opened; unknown there (added by someone
 * meanwhile), every field that differs from theirs counts as the user's. */
static gn_fscreen_state show_member_conflict(gn_hh_form *f, gn_app *app, int at)
{
	gn_fscreen_state state = GN_FSCREEN_OPEN;
	gn_member_change *c = &f->members[at];
	gn_member_versions theirs = { .loaded = &c->current, .stored = &c->current };
	for (int i = 0; i < f->n_loaded; i++)
		if (f->loaded[i].id == c->member.id)
			theirs.loaded = &f->loaded[i];
	edit_member(f, app, at);
	char *mine = f->member_form ? gn_fscreen_values(f->member_form) : NULL;
	gn_fscreen_free(f->member_form);
	f->member_form = NULL;
	if (mine)
		open_member(f, app, at, &theirs);
	if (f->member_form) {
		gn_fscreen_put_values(f->member_form, mine);
		state = gn_fscreen_show_conflict(f->member_form, app);
	}
	free(mine);
	return state;
}

/* A new member at the end of the entries; false (told) when there is no room. */
static bool new_entry(gn_hh_form *f, gn_app *app)
{
	if (f->n_shown >= MAX_MEMBERS || f->n_members >= MAX_MEMBERS) {
		gn_app_notice(app, true, "%s", _("This household has as many members as the form can hold."));
		return false;
	}
	gn_member_change *grown = realloc(f->members, (size_t)(f->n_members + 1) * sizeof *grown);
	if (!grown) {
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return false;
	}
	f->members = grown;
	memset(&f->members[f->n_members], 0, sizeof *grown);
	/* Not in the list until its form is saved: Esc leaves no empty member. */
	f->members[f->n_members++].op = GN_MEMBER_REMOVE;
	return true;
}

static void add_member(gn_hh_form *f, gn_app *app)
{
	if (new_entry(f, app))
		edit_member(f, app, f->n_members - 1);
}

/* a, Enter/e and d on the members list. */
static void members_key(gn_hh_form *f, gn_app *app, int key)
{
	int sel = gn_form_list_selected(&f->form, F_MEMBERS);
	gn_action a = gn_keymap_lookup(app->keys, key);
	if (a == GN_ACT_ADD || (key == GN_KEY_ENTER && sel < 0)) {
		add_member(f, app);
	} else if (sel >= 0 && (a == GN_ACT_EDIT || key == GN_KEY_ENTER)) {
		edit_member(f, app, f->shown[sel]);
	} else if (sel >= 0 && (key == 'd' || key == GN_KEY_DELETE)) {
		gn_member_change *c = &f->members[f->shown[sel]];
		c->op = GN_MEMBER_REMOVE;
		f->members_changed = true;
		gn_app_notice(app, false, _("Member %s taken off; it is stored when you save the household."),
			      c->member.full_name);
		list_members(f);
	}
}

/* ---- the members in the household's draft ----
 * The members list's part of the draft (gn_form_list_keep) is one record a
 * member with an unsaved change or an open member form, separated by RS:
 * the change (S saved in the list, R taken off, K none), the member's id
 * (0: new), GS, the values its member form kept, GS, the values typed in
 * its member form still open. Values are the member form's own, so they
 * come back through that form's checks and parsing, never read twice. */
#define RECORD_SEP '\x1e'
#define PART_SEP '\x1d'

/* Writes what the members' draft part is now. */
static void keep_members(gn_hh_form *f)
{
	char *open = f->member_form ? gn_fscreen_values(f->member_form) : NULL;
	size_t size = 1;
	for (int i = 0; i < f->n_members; i++)
		size += 40 + (f->kept[i] ? strlen(f->kept[i]) : 0);
	size += open ? strlen(open) : 0;
	char *text = malloc(size), *p = text;
	if (text)
		*text = '\0';
	for (int i = 0; text && i < f->n_members; i++) {
		const gn_member_change *c = &f->members[i];
		bool is_open = open && f->member_at == i && gn_form_changed(gn_fscreen_form(f->member_form));
		bool saved = c->op == GN_MEMBER_SAVE, removed = c->op == GN_MEMBER_REMOVE && c->member.id;
		if (!saved && !removed && !is_open)
			continue;
		if (p != text)
			*p++ = RECORD_SEP;
		p += snprintf(p, size - (size_t)(p - text), "%c%lld%c%s%c%s", saved ? 'S' : removed ? 'R' : 'K',
			      c->member.id, PART_SEP,
			      saved && f->kept[i] ? f->kept[i] : "", PART_SEP, is_open ? open : "");
	}
	if (text)
		gn_form_list_keep(&f->form, F_MEMBERS, text);
	free(text);
	free(open);
}

static void edit_member(gn_hh_form *f, gn_app *app, int at);
static bool new_entry(gn_hh_form *f, gn_app *app);

/* Puts one record of the members' draft part back: the change into the
 * list, through the member form as if typed and kept; a form that was
 * open stays open with what was typed. */
static void restore_member(gn_hh_form *f, gn_app *app, char *record)
{
	char *end, *kept, *open;
	char op = record[0];
	long long id = strtoll(record + 1, &end, 10);
	if (*end != PART_SEP || !(open = strchr(kept = end + 1, PART_SEP)))
		return;
	*open++ = '\0';
	int at = -1;
	for (int i = 0; id && i < f->n_members; i++)
		if (f->members[i].member.id == id)
			at = i;
	/* A member removed by someone else meanwhile comes back as a new one:
	 * what was typed for it is not dropped unseen. */
	if (at < 0 && !new_entry(f, app))
		return;
	if (at < 0)
		at = f->n_members - 1;
	if (op == 'R') {
		f->members[at].op = GN_MEMBER_REMOVE;
		f->members_changed = true;
	} else if (op == 'S' && *kept) {
		edit_member(f, app, at);
		if (f->member_form) {
			gn_fscreen_put_values(f->member_form, kept);
			if (gn_fscreen_commit(f->member_form, app) == GN_FSCREEN_SAVED) {
				f->members[at].op = GN_MEMBER_SAVE;
				f->members_changed = true;
				free(f->kept[at]);
				f->kept[at] = strdup(kept);
			}
			gn_fscreen_free(f->member_form);
			f->member_form = NULL;
		}
	}
	if (*open) {
		gn_fscreen_free(f->member_form);
		edit_member(f, app, at);
		if (f->member_form)
			gn_fscreen_put_values(f->member_form, open);
	}
}

static void restore_members(gn_hh_form *f, gn_app *app)
{
	char *text = strdup(gn_form_list_kept(&f->form, F_MEMBERS));
	for (char *record = text, *next; record && *record; record = next) {
		if ((next = strchr(record, RECORD_SEP)))
			*next++ = '\0';
		restore_member(f, app, record);
	}
	free(text);
	list_members(f);
	keep_members(f);
}

/* The member form is done (state not OPEN): its change into the list. */
static void member_done(gn_hh_form *f, gn_app *app, gn_fscreen_state state)
{
	gn_member_change *c = &f->members[f->member_at];
	/* Saved after going back to editing from the table keeps the stale version: not a choice. */
	bool chose = c->current.id && (state == GN_FSCREEN_THEIRS ||
				       (state == GN_FSCREEN_SAVED && c->member.version == c->current.version));
	if (state == GN_FSCREEN_SAVED) {
		c->op = GN_MEMBER_SAVE;
		f->members_changed = true;
		free(f->kept[f->member_at]);
		f->kept[f->member_at] = gn_fscreen_values(f->member_form);
	} else if (state == GN_FSCREEN_THEIRS) {
		gn_member_clear(&c->member);
		c->member = c->current;
		memset(&c->current, 0, sizeof c->current);
		c->op = GN_MEMBER_KEEP;
		free(f->kept[f->member_at]);
		f->kept[f->member_at] = NULL;
	}
	gn_fscreen_free(f->member_form);
	f->member_form = NULL;
	if (chose) {
		gn_app_notice(app, false,
			      state == GN_FSCREEN_SAVED
				      ? _("Member %s now holds the values you chose; press F2 to save the household.")
				      : _("Member %s stays as the other user saved it; press F2 to save the household."),
			      c->member.full_name);
		gn_member_clear(&c->current);
		memset(&c->current, 0, sizeof c->current);
	}
	list_members(f);
}

static void member_form_key(gn_hh_form *f, gn_app *app, int key)
{
	gn_fscreen_state state;
	gn_fscreen_key(f->member_form, app, key, &state);
	if (state != GN_FSCREEN_OPEN)
		member_done(f, app, state);
}

static const char *field_label(gn_household_field hf)
{
	switch (hf) {
	case GN_HF_CODE:
		return _("Code");
	case GN_HF_HEAD:
		return _("Head of household");
	case GN_HF_ADDRESS:
		return _("Address");
	case GN_HF_TDP:
		return _("TDP");
	case GN_HF_AREA:
		return _("Area");
	case GN_HF_PHONE:
		return _("Phone");
	case GN_HF_INCOME:
		return _("Income per person per month");
	case GN_HF_TARGETED:
		return _("Targeted to exit poverty this year");
	case GN_HF_NO_WORK:
		return _("no member able to work");
	case GN_HF_ETHNIC:
		return _("ethnic minority");
	case GN_HF_MERIT:
		return _("person with merit");
	case GN_HF_SOCIAL:
		return _("social protection");
	case GN_HF_NOTES:
		return _("Notes");
	case GN_HF_CAUSES:
		return _("Causes of poverty");
	case GN_HF_EXIT_DATE:
		return _("Exited poverty on");
	case GN_HF_COUNT:
		break;
	}
	return "";
}

static int tdp_index(const gn_hh_form *f, long long tdp_id)
{
	for (int i = 0; i < f->n_tdp; i++)
		if (f->tdp_ids[i] == tdp_id)
			return i + 1;
	return 0;
}

gn_hh_form *gn_hh_form_open(gn_app *app, long long id)
{
	/* Said before anything is typed: saving would be refused all the same. */
	gn_status allowed = id ? gn_access_household(app->db, id) : gn_access_admin(app->db);
	if (allowed != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(allowed));
		return NULL;
	}
	gn_hh_form *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->id = id;
	if (id && gn_household_load(app->db, id, &f->base) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This household can no longer be found."));
		free(f);
		return NULL;
	}
	if (id)
		snprintf(f->title, sizeof f->title, "%s %s", _("Edit household"), f->base.code);
	else
		snprintf(f->title, sizeof f->title, "%s", _("New household"));
	f->n_tdp = gn_tdp_entries(app->db, f->tdp_ids, f->tdp_codes, f->tdp_names, MAX_TDP);

	const gn_household *h = &f->base;
	gn_form *fm = &f->form;
	gn_form_init(fm);
	char income[32] = "";
	if (id)
		gn_money_format_plain(h->income, income, sizeof income);
	gn_form_text(fm, field_label(GN_HF_CODE), h->code, 31);
	gn_form_text(fm, field_label(GN_HF_HEAD), h->head_name, 120);
	gn_form_text(fm, field_label(GN_HF_ADDRESS), h->address, 400);
	const char *tdps[MAX_TDP + 1];
	char shown[MAX_TDP][100];
	tdps[0] = _("none");
	for (int i = 0; i < f->n_tdp; i++) {
		snprintf(shown[i], sizeof shown[i], "%s — %s", f->tdp_codes[i], f->tdp_names[i]);
		tdps[i + 1] = shown[i];
	}
	gn_form_choice(fm, field_label(GN_HF_TDP), tdps, f->n_tdp + 1, tdp_index(f, h->tdp_id));
	const char *areas[] = { gn_area_label(GN_AREA_URBAN), gn_area_label(GN_AREA_RURAL) };
	gn_form_choice(fm, field_label(GN_HF_AREA), areas, 2, h->area == GN_AREA_RURAL ? 1 : 0);
	gn_form_text(fm, field_label(GN_HF_PHONE), h->phone, 24);
	gn_form_text(fm, field_label(GN_HF_INCOME), income, 40);
	gn_form_check(fm, field_label(GN_HF_TARGETED), h->targeted);
	gn_form_check(fm, field_label(GN_HF_NO_WORK), h->no_work_capacity);
	gn_form_check(fm, field_label(GN_HF_ETHNIC), h->ethnic_minority);
	gn_form_check(fm, field_label(GN_HF_MERIT), h->merit);
	gn_form_check(fm, field_label(GN_HF_SOCIAL), h->social_protection);
	gn_form_note(fm, field_label(GN_HF_NOTES), h->notes, 4000);
	gn_form_list(fm, _("Members"));
	gn_member *stored = NULL;
	int n_stored = 0;
	if (id && gn_member_list(app->db, id, &stored, &n_stored) == GN_OK && n_stored > 0) {
		f->members = calloc((size_t)n_stored, sizeof *f->members);
		for (int i = 0; f->members && i < n_stored && i < MAX_MEMBERS; i++)
			f->members[f->n_members++].member = stored[i];
		for (int i = f->members ? f->n_members : 0; i < n_stored; i++)
			gn_member_clear(&stored[i]);
		free(stored);
		/* Without them, a conflict counts every differing field as the user's. */
		(void)gn_member_list(app->db, id, &f->loaded, &f->n_loaded);
	}
	if (fm->n != N_FORM_FIELDS || (n_stored && !f->members)) {
		gn_hh_form_free(f);
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return NULL;
	}
	list_members(f);
	if (gn_form_keep_drafts(fm, app->db, GN_HH_FORM_DRAFT, id, f->title, GN_HF_HEAD)) {
		restore_members(f, app);
		gn_app_notice(app, false, "%s", _("Your unsaved changes are back: F2 saves them, Esc throws them away."));
	}
	return f;
}

void gn_hh_form_free(gn_hh_form *f)
{
	if (!f)
		return;
	gn_form_free(&f->form);
	gn_household_clear(&f->base);
	gn_household_clear(&f->mine);
	gn_household_clear(&f->theirs);
	gn_fscreen_free(f->member_form);
	for (int i = 0; i < f->n_members; i++) {
		gn_member_clear(&f->members[i].member);
		gn_member_clear(&f->members[i].current);
		free(f->kept[i]);
	}
	free(f->members);
	gn_member_list_free(f->loaded, f->n_loaded);
	free(f);
}

/* ---- validation ---- */

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ')
			return false;
	return true;
}

/* Checks field i as typed; sets or clears its message. */
static void validate(gn_hh_form *f, gn_app *app, int i)
{
	if (i == F_MEMBERS)
		return; /* each member was checked in its own form */
	gn_form *fm = &f->form;
	const char *text = gn_form_value(fm, i);
	char msg[192] = "";
	fm->fields[i].note[0] = '\0';
	switch (i) {
	case GN_HF_CODE:
		if (blank(text)) {
			snprintf(msg, sizeof msg, "%s", _("Enter the household's code."));
		} else {
			gn_household other;
			if (gn_household_load_code(app->db, text, &other) == GN_OK) {
				if (other.id != f->id)
					snprintf(msg, sizeof msg, _("Code %s is already used by household %s."), text,
						 other.head_name);
				gn_household_clear(&other);
			} else if (gn_household_deleted_id(app->db, text)) {
				snprintf(msg, sizeof msg, _("Code %s belongs to a deleted household: restore it."),
					 text);
			}
		}
		break;
	case GN_HF_HEAD:
		if (blank(text))
			snprintf(msg, sizeof msg, "%s", _("Enter the name of the head of household."));
		break;
	case GN_HF_PHONE: {
		char digits[16];
		if (!blank(text) && gn_phone_normalize(text, digits) != GN_OK)
			snprintf(msg, sizeof msg, "%s",
				 _("Not a phone number: 10 digits (03…09…) or 11 (02…)."));
		break;
	}
	case GN_HF_INCOME: {
		gn_money m;
		if (blank(text))
			snprintf(msg, sizeof msg, "%s", _("Enter the income per person per month (0 if none)."));
		else if (gn_money_parse(text, &m) != GN_OK)
			snprintf(msg, sizeof msg, "%s", _("Not an amount: write 1500000, 1.500.000 or 1,5tr."));
		else {
			char shown[48];
			gn_money_format(m, shown, sizeof shown);
			snprintf(fm->fields[i].note, sizeof fm->fields[i].note, "= %s", shown);
		}
		break;
	}
	default:
		break;
	}
	gn_form_set_error(fm, i, msg);
}

/* ---- saving ---- */

/* mine: the base with the form's values. */
static gn_status collect(gn_hh_form *f, gn_household *mine)
{
	gn_status s = gn_household_copy(&f->base, mine);
	if (s != GN_OK)
		return s;
	const gn_form *fm = &f->form;
	char **texts[] = { [GN_HF_CODE] = &mine->code, [GN_HF_HEAD] = &mine->head_name,
			   [GN_HF_ADDRESS] = &mine->address, [GN_HF_PHONE] = &mine->phone,
			   [GN_HF_NOTES] = &mine->notes };
	for (int i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++) {
		if (!texts[i])
			continue;
		free(*texts[i]);
		*texts[i] = strdup(gn_form_value(fm, i));
		if (!*texts[i])
			return GN_ERR_NOMEM;
	}
	int tdp = gn_form_choice_of(fm, GN_HF_TDP);
	mine->tdp_id = tdp > 0 ? f->tdp_ids[tdp - 1] : 0;
	mine->area = gn_form_choice_of(fm, GN_HF_AREA) == 1 ? GN_AREA_RURAL : GN_AREA_URBAN;
	if (gn_money_parse(gn_form_value(fm, GN_HF_INCOME), &mine->income) != GN_OK)
		return GN_ERR_INVALID;
	mine->targeted = gn_form_checked(fm, GN_HF_TARGETED);
	mine->no_work_capacity = gn_form_checked(fm, GN_HF_NO_WORK);
	mine->ethnic_minority = gn_form_checked(fm, GN_HF_ETHNIC);
	mine->merit = gn_form_checked(fm, GN_HF_MERIT);
	mine->social_protection = gn_form_checked(fm, GN_HF_SOCIAL);
	return GN_OK;
}

/* The test hook: a colleague saves the household first. */
static void test_bump(gn_hh_form *f, gn_app *app)
{
	const char *hook = getenv("GIAMNGHEO_TEST_BUMP_BEFORE_SAVE");
	if (!f->id || !hook || strcmp(hook, "1") != 0)
		return;
	unsetenv("GIAMNGHEO_TEST_BUMP_BEFORE_SAVE");
	gn_household other;
	if (gn_household_load(app->db, f->id, &other) != GN_OK)
		return;
	free(other.phone);
	other.phone = strdup("0988000111");
	free(other.notes);
	other.notes = strdup("Đã gọi điện xác minh lại thu nhập.");
	gn_household_update(app->db, &other, NULL);
	gn_household_clear(&other);
}

static void saved(gn_hh_form *f, gn_app *app, const gn_household *h, gn_hh_form_state *state,
		  long long *saved_id)
{
	gn_form_draft_done(&f->form);
	app->changes++;
	gn_app_notice(app, false, _("Saved household %s — %s (%s)."), h->code, h->head_name,
		      gn_class_label(h->cls));
	*state = GN_HH_FORM_SAVED;
	*saved_id = h->id;
}

static void enter_conflict(gn_hh_form *f, gn_app *app)
{
	f->differ = gn_household_diff(&f->mine, &f->theirs);
	f->take_mine = gn_household_merge_defaults(&f->base, &f->mine, &f->theirs);
	f->row = 0;
	f->mode = MODE_CONFLICT;
	gn_app_notice(app, true, "%s", _("Someone else saved this household while you were editing: choose what to keep."));
}

/* Stores mine with the members' changes; *failed as gn_household_save_all. */
static gn_status store(gn_hh_form *f, gn_app *app, gn_household *mine, gn_household *current, int *failed)
{
	for (int i = 0; i < f->n_members; i++) {
		gn_member_clear(&f->members[i].current); /* a conflict already chosen on */
		memset(&f->members[i].current, 0, sizeof f->members[i].current);
	}
	return gn_household_save_all(app->db, mine, current, f->members, f->n_members, failed);
}

/* A member's change stopped the save: say which and why; the household
 * form stays open with everything typed. */
static void member_failed(gn_hh_form *f, gn_app *app, int i, gn_status s)
{
	gn_member_change *c = &f->members[i];
	gn_fscreen_state done;
	char name[128];
	snprintf(name, sizeof name, "%s", c->member.full_name ? c->member.full_name : "");
	gn_form_focus(&f->form, F_MEMBERS);
	switch (s) {
	case GN_ERR_DUPLICATE:
		gn_app_notice(app, true, _("Member %s: ID number %s is already recorded for someone else; nothing was saved."),
			      name, c->member.cccd ? c->member.cccd : "");
		break;
	case GN_ERR_CONFLICT:
		/* The user's change stays: both versions side by side in the member's form. */
		done = show_member_conflict(f, app, i);
		if (done != GN_FSCREEN_OPEN)
			member_done(f, app, done); /* they saved what the user typed */
		else if (f->member_form)
			gn_app_notice(app, true,
				      _("Member %s was changed by someone else meanwhile: choose what to keep. "
					"Nothing was saved yet."),
				      name);
		break;
	case GN_ERR_NOT_FOUND:
		c->member.id = 0;
		c->member.version = 0;
		if (c->op == GN_MEMBER_REMOVE) {
			gn_app_notice(app, true, _("Member %s was removed by someone else meanwhile; nothing was saved."),
				      name);
		} else {
			/* What was typed stays, as a new member: the user adds it back or takes it off. */
			f->members_changed = true;
			gn_app_notice(app, true,
				      _("Member %s was removed by someone else meanwhile; it is listed as a new member "
					"with what you typed: F2 adds it back, d takes it off. Nothing was saved."),
				      name);
		}
		list_members(f);
		break;
	default:
		gn_app_notice(app, true, "%s: %s", name, gn_status_message(s));
		break;
	}
}

/* Saves what the form holds (MODE_EDIT). */
static void save(gn_hh_form *f, gn_app *app, gn_hh_form_state *state, long long *saved_id)
{
	gn_form *fm = &f->form;
	for (int i = 0; i < fm->n; i++)
		validate(f, app, i);
	for (int i = 0; i < fm->n; i++)
		if (fm->fields[i].error[0]) {
			gn_form_focus(fm, i);
			gn_app_notice(app, true, "%s", _("The form has errors: fix the fields marked, then save again."));
			return;
		}
	gn_household_clear(&f->mine);
	gn_household_clear(&f->theirs);
	gn_status s = collect(f, &f->mine);
	int failed = -1;
	if (s == GN_OK) {
		if (f->id)
			test_bump(f, app);
		s = store(f, app, &f->mine, &f->theirs, &failed);
	}
	if (failed >= 0) {
		member_failed(f, app, failed, s);
		return;
	}
	switch (s) {
	case GN_OK:
		saved(f, app, &f->mine, state, saved_id);
		return;
	case GN_ERR_DUPLICATE:
		gn_form_set_error(fm, GN_HF_CODE, _("This code is already used by another household."));
		gn_form_focus(fm, GN_HF_CODE);
		gn_app_notice(app, true, "%s", _("The form has errors: fix the fields marked, then save again."));
		return;
	case GN_ERR_CONFLICT:
		if (gn_household_diff(&f->mine, &f->theirs) == 0 && !f->members_changed) {
			/* They saved exactly what we meant to save. */
			saved(f, app, &f->theirs, state, saved_id);
			return;
		}
		enter_conflict(f, app);
		return;
	case GN_ERR_NOT_FOUND:
		gn_app_notice(app, true, "%s", _("This household was deleted meanwhile; nothing was saved."));
		return;
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return;
	}
}

/* Saves mine over theirs, field by field as chosen (MODE_CONFLICT). */
static void save_merged(gn_hh_form *f, gn_app *app, gn_hh_form_state *state, long long *saved_id)
{
	gn_household merged, current = { 0 };
	int failed = -1;
	gn_status s = gn_household_merge(&f->mine, &f->theirs, f->take_mine, &merged);
	if (s == GN_OK)
		s = store(f, app, &merged, &current, &failed);
	if (s == GN_OK) {
		saved(f, app, &merged, state, saved_id);
	} else if (failed >= 0) {
		f->mode = MODE_EDIT;
		member_failed(f, app, failed, s);
	} else if (s == GN_ERR_CONFLICT) {
		/* Yet another save meanwhile: choose again against it. */
		gn_household_clear(&f->theirs);
		f->theirs = current;
		memset(&current, 0, sizeof current);
		enter_conflict(f, app);
	} else {
		gn_app_notice(app, true, "%s", gn_status_message(s));
	}
	gn_household_clear(&merged);
	gn_household_clear(&current);
}

/* ---- keys ---- */

static bool is_save(gn_app *app, int key)
{
	return gn_keymap_lookup(app->keys, key) == GN_ACT_SAVE;
}

static void field_text(const gn_hh_form *f, const gn_household *h, gn_household_field hf, char *buf,
		       size_t size);

/* The rows of the conflict table: the fields that differ. */
static int conflict_rows(gn_hh_form *f, gn_conflict_row *rows, gn_household_field *field_of)
{
	int n = 0;
	for (int hf = 0; hf < GN_HF_COUNT; hf++) {
		if (!(f->differ & GN_HF_BIT(hf)))
			continue;
		rows[n].label = field_label((gn_household_field)hf);
		field_text(f, &f->mine, (gn_household_field)hf, rows[n].mine, sizeof rows[n].mine);
		field_text(f, &f->theirs, (gn_household_field)hf, rows[n].theirs, sizeof rows[n].theirs);
		rows[n].take_mine = f->take_mine & GN_HF_BIT(hf);
		field_of[n++] = (gn_household_field)hf;
	}
	return n;
}

static int conflict_key(gn_hh_form *f, gn_app *app, int key, gn_hh_form_state *state, long long *saved_id)
{
	gn_conflict_row rows[GN_HF_COUNT];
	gn_household_field field_of[GN_HF_COUNT];
	int n = conflict_rows(f, rows, field_of);
	gn_conflict_choice c = gn_conflict_key(app, key, rows, n, &f->row);
	for (int k = 0; k < n; k++)
		f->take_mine = rows[k].take_mine ? f->take_mine | GN_HF_BIT(field_of[k])
						 : f->take_mine & ~GN_HF_BIT(field_of[k]);
	switch (c) {
	case GN_CONFLICT_SAVE:
	case GN_CONFLICT_ALL_MINE:
		save_merged(f, app, state, saved_id);
		break;
	case GN_CONFLICT_THEIRS:
		gn_app_notice(app, false, "%s", _("Your changes were discarded; the household stays as saved by the other user."));
		gn_form_draft_done(&f->form);
		app->changes++;
		*state = GN_HH_FORM_CLOSED;
		break;
	case GN_CONFLICT_BACK:
		f->mode = MODE_EDIT;
		gn_app_notice(app, false, "%s", _("Back to your changes; saving again shows the other version again."));
		break;
	case GN_CONFLICT_STAY:
		break;
	}
	return GN_UI_REDRAW;
}

static int form_key(gn_hh_form *f, gn_app *app, int key, gn_hh_form_state *state, long long *saved_id)
{
	if (f->member_form) {
		member_form_key(f, app, key);
		return GN_UI_REDRAW;
	}
	if (f->mode == MODE_CONFLICT)
		return conflict_key(f, app, key, state, saved_id);
	if (f->mode == MODE_ASK_LEAVE) {
		int leave = gn_fscreen_ask_key(key);
		if (leave == 1) {
			gn_form_draft_done(&f->form);
			*state = GN_HH_FORM_CLOSED;
		} else if (leave == 0) {
			f->mode = MODE_EDIT;
		}
		return GN_UI_REDRAW;
	}
	if (is_save(app, key)) {
		save(f, app, state, saved_id);
		return GN_UI_REDRAW;
	}
	if (key == GN_KEY_ESC) {
		if (gn_form_changed(&f->form) || f->members_changed)
			f->mode = MODE_ASK_LEAVE;
		else
			*state = GN_HH_FORM_CLOSED;
		return GN_UI_REDRAW;
	}
	if (gn_form_key(&f->form, key)) {
		if (f->form.moved_from >= 0)
			validate(f, app, f->form.moved_from);
		else if (f->form.fields[f->form.focus].error[0])
			validate(f, app, f->form.focus); /* clear the message once it is fixed */
	} else if (f->form.focus == F_MEMBERS) {
		members_key(f, app, key);
	}
	/* Every other key stays here: a form never lets a letter reach the key map. */
	return GN_UI_REDRAW;
}

int gn_hh_form_key(gn_hh_form *f, gn_app *app, int key, gn_hh_form_state *state, long long *saved_id)
{
	*state = GN_HH_FORM_OPEN;
	*saved_id = 0;
	int flags = form_key(f, app, key, state, saved_id);
	if (*state == GN_HH_FORM_OPEN)
		keep_members(f); /* what the draft holds of them, as of this key */
	return flags;
}

/* ---- drawing ---- */

static void field_text(const gn_hh_form *f, const gn_household *h, gn_household_field hf, char *buf,
		       size_t size)
{
	const char *s = NULL;
	switch (hf) {
	case GN_HF_CODE:
		s = h->code;
		break;
	case GN_HF_HEAD:
		s = h->head_name;
		break;
	case GN_HF_ADDRESS:
		s = h->address;
		break;
	case GN_HF_TDP: {
		int i = tdp_index(f, h->tdp_id);
		s = i ? f->tdp_names[i - 1] : _("none");
		break;
	}
	case GN_HF_AREA:
		s = gn_area_label(h->area);
		break;
	case GN_HF_PHONE:
		s = h->phone;
		break;
	case GN_HF_INCOME:
		gn_money_format(h->income, buf, size);
		return;
	case GN_HF_TARGETED:
		s = h->targeted ? _("yes") : _("no");
		break;
	case GN_HF_NO_WORK:
		s = h->no_work_capacity ? _("yes") : _("no");
		break;
	case GN_HF_ETHNIC:
		s = h->ethnic_minority ? _("yes") : _("no");
		break;
	case GN_HF_MERIT:
		s = h->merit ? _("yes") : _("no");
		break;
	case GN_HF_SOCIAL:
		s = h->social_protection ? _("yes") : _("no");
		break;
	case GN_HF_NOTES:
		s = h->notes;
		break;
	case GN_HF_CAUSES:
		s = h->causes;
		break;
	case GN_HF_EXIT_DATE:
		if (gn_date_is_set(h->exit_date)) {
			char d[11];
			gn_date_format_dmy(h->exit_date, d);
			snprintf(buf, size, "%s", d);
			return;
		}
		break;
	case GN_HF_COUNT:
		break;
	}
	snprintf(buf, size, "%s", s && *s ? s : "—");
}

static void draw_conflict(gn_hh_form *f, WINDOW *w, int rows, int cols)
{
	char header[512];
	snprintf(header, sizeof header, _("%s saved this household at %s while you were editing."),
		 f->theirs.updated_by && *f->theirs.updated_by ? f->theirs.updated_by : _("Someone"),
		 f->theirs.updated_at);
	gn_conflict_row r[GN_HF_COUNT];
	gn_household_field field_of[GN_HF_COUNT];
	int n = conflict_rows(f, r, field_of);
	gn_conflict_draw(w, rows, cols, header, r, n, f->row);
}

void gn_hh_form_draw(gn_hh_form *f, gn_app *app, WINDOW *w, int rows, int cols)
{
	if (f->member_form) {
		gn_fscreen_draw(f->member_form, app, w, rows, cols);
		return;
	}
	if (f->mode == MODE_CONFLICT) {
		draw_conflict(f, w, rows, cols);
		return;
	}
	gn_ui_fill(w, 0, 0, cols, gn_ui_attr(GN_ROLE_HEADER));
	gn_ui_put(w, 0, 0, cols, f->title, gn_ui_attr(GN_ROLE_HEADER));
	gn_form_draw(&f->form, w, 2, rows - 4, cols, LABEL_COLS);
	if (f->mode != MODE_ASK_LEAVE && !app->message[0] && f->form.focus == F_MEMBERS) {
		char save_keys[64];
		gn_keymap_keys_of(app->keys, GN_ACT_SAVE, save_keys, sizeof save_keys);
		snprintf(app->message, sizeof app->message,
			 _("a: add a member  Enter: edit  d: take off  Tab: next field  %s: save  Esc: leave"),
			 save_keys);
		app->message_is_error = false;
	}
	gn_fscreen_footer(app, w, rows, cols, f->mode == MODE_ASK_LEAVE, f->form.focus == GN_HF_NOTES);
}
