/* The account form. The rules themselves are core's (account.c, access.c). */
#include "account_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/i18n.h"

static const gn_user_role role_order[] = { GN_USER_ADMIN, GN_USER_EDITOR, GN_USER_VIEWER };
#define N_ROLES ((int)(sizeof role_order / sizeof role_order[0]))

/* The form's fields; a new account has no "remove", a stored one no login. */
enum { F_LOGIN, F_ROLE, F_AGENCY, F_REMOVE };

typedef struct {
	gn_account base;         /* as opened (id 0: a new account) */
	gn_account theirs;       /* as stored, after a conflict */
	int field[4];            /* form index of each F_ field, -1 when absent */
	gn_agency_choices agencies;
} account_form;

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	account_form *s = ctx;
	const gn_account *a = theirs ? &s->theirs : &s->base;
	const char *roles[N_ROLES];
	int role_choice = 0;
	for (int i = 0; i < N_ROLES; i++) {
		roles[i] = gn_user_role_label(role_order[i]);
		if (role_order[i] == a->role)
			role_choice = i;
	}
	s->field[F_LOGIN] = a->id ? -1 : gn_form_text(f, _("Unix login"), a->login, sizeof a->login - 1);
	s->field[F_ROLE] = gn_form_choice(f, _("Role"), roles, N_ROLES, role_choice);
	s->field[F_AGENCY] = gn_form_choice(f, _("Agency (editors)"), s->agencies.texts, s->agencies.n + 1,
					    gn_agency_choice_of(&s->agencies, a->agency_id));
	s->field[F_REMOVE] = a->id ? gn_form_check(f, _("Remove the account"), false) : -1;
	return s->field[F_ROLE] >= 0 && s->field[F_AGENCY] >= 0 && (a->id ? s->field[F_REMOVE] : s->field[F_LOGIN]) >= 0;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	(void)app;
	account_form *s = ctx;
	if (i != s->field[F_AGENCY] && i != s->field[F_ROLE])
		return;
	bool removing = s->field[F_REMOVE] >= 0 && gn_form_checked(f, s->field[F_REMOVE]);
	bool editor = role_order[gn_form_choice_of(f, s->field[F_ROLE])] == GN_USER_EDITOR;
	gn_form_set_error(f, s->field[F_AGENCY], !removing && editor && gn_form_choice_of(f, s->field[F_AGENCY]) == 0
							 ? _("An editor works for an agency: choose it.") : "");
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	account_form *s = ctx;
	gn_account a = s->base;
	if (s->field[F_LOGIN] >= 0)
		snprintf(a.login, sizeof a.login, "%s", gn_form_value(f, s->field[F_LOGIN]));
	a.role = role_order[gn_form_choice_of(f, s->field[F_ROLE])];
	int agency = gn_form_choice_of(f, s->field[F_AGENCY]);
	a.agency_id = agency > 0 ? s->agencies.ids[agency - 1] : 0;
	bool removing = s->field[F_REMOVE] >= 0 && gn_form_checked(f, s->field[F_REMOVE]);
	gn_status st = removing ? gn_account_remove(app->db, &a) : gn_account_save(app->db, &a);
	if (st == GN_ERR_INVALID && s->field[F_LOGIN] >= 0) {
		gn_form_set_error(f, s->field[F_LOGIN], _("A Unix login: letters, digits, '.', '_', '-'."));
		return st;
	}
	if (st == GN_ERR_DUPLICATE) {
		gn_form_set_error(f, s->field[F_LOGIN], _("This login already has an account."));
		return GN_ERR_INVALID;
	}
	if (st == GN_ERR_CONFLICT) {
		/* Core tells the conflict, not the stored account: read it. */
		if (gn_account_load(app->db, s->base.login, &s->theirs) == GN_OK)
			return st;
		gn_app_notice(app, true, "%s", _("This account was removed meanwhile; nothing was saved."));
		return GN_ERR_NOT_FOUND;
	}
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(st));
		return st == GN_ERR_INVALID ? GN_ERR_DB : st; /* no field to point at: the notice says it */
	}
	if (removing)
		gn_app_notice(app, false, _("Removed the account %s."), a.login);
	else
		gn_app_notice(app, false, _("Saved the account %s: %s."), a.login, gn_user_role_label(a.role));
	app->changes++;
	return GN_OK;
}

static void adopt_theirs(void *ctx)
{
	account_form *s = ctx;
	s->base = s->theirs;
}

static bool who_saved(void *ctx, char *by, size_t by_size, char *at, size_t at_size)
{
	const account_form *s = ctx;
	snprintf(by, by_size, "%s", s->theirs.updated_by);
	snprintf(at, at_size, "%s", s->theirs.updated_at);
	return true;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free,
	.who_saved = who_saved,
};

gn_fscreen *gn_account_form_open(gn_app *app, const gn_account *a)
{
	gn_status allowed = gn_access_admin(app->db);
	if (allowed != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(allowed));
		return NULL;
	}
	account_form *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base = a ? *a : (gn_account){ .role = GN_USER_VIEWER };
	gn_fscreen_agencies(app, &s->agencies);
	char title[96];
	snprintf(title, sizeof title, "%s %s", a ? _("Account") : _("New account"), a ? a->login : "");
	gn_fscreen *fs = gn_fscreen_open(app, &ops, s, title);
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_ACCOUNT_FORM_DRAFT, a ? a->id : 0, a ? -1 : F_LOGIN);
	return fs;
}
