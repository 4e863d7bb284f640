/* Users (screen 8): who may use the database and in which role. Everyone
 * with an account sees the list; administrators add (a) and change (e,
 * Enter) accounts in a form, where an account can also be removed. The
 * rules themselves are core's (account.c, access.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ui/form.h"
#include "../ui/ui.h"
#include "giamngheo/access.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/i18n.h"
#include "views.h"

#define LABEL_COLS 22
#define X_ROLE 20
#define X_AGENCY 40
#define X_CHANGED 54
#define X_BY 76

static const gn_user_role role_order[] = { GN_USER_ADMIN, GN_USER_EDITOR, GN_USER_VIEWER };
#define N_ROLES ((int)(sizeof role_order / sizeof role_order[0]))

/* The form's fields; a new account has no "remove", a stored one no login. */
enum { F_LOGIN, F_ROLE, F_AGENCY, F_REMOVE };

typedef struct {
	gn_account *rows;
	int n, cursor;
	bool editing;
	gn_account target;       /* what the form edits (id 0: a new account) */
	gn_form form;
	int field[4];            /* form index of each F_ field, -1 when absent */
	long long *agency_ids;   /* the agency choices, after "none" */
	int n_agencies;
	char title[96];
} users_view;

static const char *title(const gn_view *v)
{
	const users_view *s = v->state;
	return s && s->editing ? s->title : _("Users");
}

static void free_form(users_view *s)
{
	gn_form_free(&s->form);
	free(s->agency_ids);
	s->agency_ids = NULL;
	s->editing = false;
}

static void free_state(gn_view *v)
{
	users_view *s = v->state;
	if (!s)
		return;
	free_form(s);
	free(s->rows);
	free(s);
	v->state = NULL;
}

static void load(gn_view *v, gn_app *app)
{
	users_view *s = v->state;
	if (!s && !(s = v->state = calloc(1, sizeof *s)))
		return;
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
	gn_status st = gn_account_list(app->db, &s->rows, &s->n);
	if (st != GN_OK)
		gn_app_notice(app, true, "%s", gn_view_read_error(st, _("The accounts cannot be read from the database.")));
	if (s->cursor >= s->n)
		s->cursor = s->n > 0 ? s->n - 1 : 0;
}

static void open_form(users_view *s, gn_app *app, const gn_account *a)
{
	gn_status allowed = gn_access_admin(app->db);
	if (allowed != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(allowed));
		return;
	}
	char today[11];
	gn_date_format_iso(app->today, today);
	gn_agency_row *agencies = NULL;
	int n = 0;
	if (gn_agency_query(app->db, today, &agencies, &n) != GN_OK)
		n = 0;
	s->target = a ? *a : (gn_account){ .role = GN_USER_VIEWER };
	snprintf(s->title, sizeof s->title, "%s %s", a ? _("Account") : _("New account"), a ? a->login : "");
	gn_form_init(&s->form);
	s->agency_ids = calloc((size_t)n + 1, sizeof *s->agency_ids);
	const char **agency_names = calloc((size_t)n + 1, sizeof *agency_names);
	int agency_choice = 0;
	agency_names[0] = _("none");
	for (int i = 0; agency_names && s->agency_ids && i < n; i++) {
		s->agency_ids[i] = agencies[i].agency.id;
		agency_names[i + 1] = agencies[i].agency.code;
		if (agencies[i].agency.id == s->target.agency_id)
			agency_choice = i + 1;
	}
	const char *roles[N_ROLES];
	int role_choice = 0;
	for (int i = 0; i < N_ROLES; i++) {
		roles[i] = gn_user_role_label(role_order[i]);
		if (role_order[i] == s->target.role)
			role_choice = i;
	}
	s->field[F_LOGIN] = a ? -1 : gn_form_text(&s->form, _("Unix login"), "", sizeof s->target.login - 1);
	s->field[F_ROLE] = gn_form_choice(&s->form, _("Role"), roles, N_ROLES, role_choice);
	s->field[F_AGENCY] = agency_names && s->agency_ids
		? gn_form_choice(&s->form, _("Agency (editors)"), agency_names, n + 1, agency_choice) : -1;
	s->field[F_REMOVE] = a ? gn_form_check(&s->form, _("Remove the account"), false) : -1;
	s->n_agencies = n;
	free(agency_names);
	free(agencies);
	s->editing = true;
	if (s->field[F_ROLE] < 0 || (!a && s->field[F_LOGIN] < 0)) {
		free_form(s);
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
	}
}

static void save(users_view *s, gn_app *app)
{
	gn_account a = s->target;
	if (s->field[F_LOGIN] >= 0)
		snprintf(a.login, sizeof a.login, "%s", gn_form_value(&s->form, s->field[F_LOGIN]));
	a.role = role_order[gn_form_choice_of(&s->form, s->field[F_ROLE])];
	int agency = s->field[F_AGENCY] >= 0 ? gn_form_choice_of(&s->form, s->field[F_AGENCY]) : 0;
	a.agency_id = agency > 0 && agency <= s->n_agencies ? s->agency_ids[agency - 1] : 0;
	bool removing = s->field[F_REMOVE] >= 0 && gn_form_checked(&s->form, s->field[F_REMOVE]);
	if (!removing && a.role == GN_USER_EDITOR && !a.agency_id) {
		gn_form_set_error(&s->form, s->field[F_AGENCY], _("An editor works for an agency: choose it."));
		return;
	}
	gn_status st = removing ? gn_account_remove(app->db, &a) : gn_account_save(app->db, &a);
	if (st == GN_ERR_INVALID && s->field[F_LOGIN] >= 0) {
		gn_form_set_error(&s->form, s->field[F_LOGIN], _("A Unix login: letters, digits, '.', '_', '-'."));
		return;
	}
	if (st == GN_ERR_DUPLICATE) {
		gn_form_set_error(&s->form, s->field[F_LOGIN], _("This login already has an account."));
		return;
	}
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(st));
		return;
	}
	if (removing)
		gn_app_notice(app, false, _("Removed the account %s."), a.login);
	else
		gn_app_notice(app, false, _("Saved the account %s: %s."), a.login, gn_user_role_label(a.role));
	app->changes++;
	free_form(s);
}

static int key(gn_view *v, gn_app *app, int k)
{
	users_view *s = v->state;
	if (!s || !s->editing)
		return GN_UI_IGNORED;
	if (gn_keymap_lookup(app->keys, k) == GN_ACT_SAVE)
		save(s, app);
	else if (k == GN_KEY_ESC)
		free_form(s);
	else
		gn_form_key(&s->form, k);
	return GN_UI_REDRAW;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	users_view *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	switch (a) {
	case GN_ACT_MOVE_UP:
		if (s->cursor > 0)
			s->cursor--;
		return GN_UI_REDRAW;
	case GN_ACT_MOVE_DOWN:
		if (s->cursor + 1 < s->n)
			s->cursor++;
		return GN_UI_REDRAW;
	case GN_ACT_ADD:
		open_form(s, app, NULL);
		return GN_UI_REDRAW;
	case GN_ACT_EDIT:
	case GN_ACT_OPEN:
		if (s->cursor < s->n)
			open_form(s, app, &s->rows[s->cursor]);
		return GN_UI_REDRAW;
	default:
		return GN_UI_IGNORED;
	}
}

static void put_at(WINDOW *w, int y, int x, int cols, const char *text, attr_t a)
{
	if (x < cols)
		gn_ui_put(w, y, x, cols - x, text, a);
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	users_view *s = v->state;
	if (!s)
		return;
	if (s->editing) {
		gn_ui_fill(w, 0, 0, cols, gn_ui_attr(GN_ROLE_HEADER));
		gn_ui_put(w, 0, 0, cols, s->title, gn_ui_attr(GN_ROLE_HEADER));
		gn_form_draw(&s->form, w, 2, rows - 4, cols, LABEL_COLS);
		if (!app->message[0]) {
			char save_keys[64];
			gn_keymap_keys_of(app->keys, GN_ACT_SAVE, save_keys, sizeof save_keys);
			snprintf(app->message, sizeof app->message,
				 _("Tab/Shift-Tab: next/previous field  %s: save  Esc: leave"), save_keys);
			app->message_is_error = false;
		}
		return;
	}
	attr_t h = gn_ui_attr(GN_ROLE_HEADER) | A_UNDERLINE;
	gn_ui_fill(w, 0, 0, cols, h);
	put_at(w, 0, 1, cols, _("Login"), h);
	put_at(w, 0, X_ROLE, cols, _("Role"), h);
	put_at(w, 0, X_AGENCY, cols, _("Agency"), h);
	put_at(w, 0, X_CHANGED, cols, _("Changed (UTC)"), h);
	put_at(w, 0, X_BY, cols, _("By"), h);
	for (int i = 0; i < s->n && i + 1 < rows; i++) {
		const gn_account *r = &s->rows[i];
		attr_t a = gn_ui_attr(i == s->cursor ? GN_ROLE_ROW_SELECTED : GN_ROLE_ROW);
		gn_ui_fill(w, i + 1, 0, cols, a);
		put_at(w, i + 1, 1, X_ROLE - 1, r->login, a);
		put_at(w, i + 1, X_ROLE, X_AGENCY - 1, gn_user_role_label(r->role), a);
		put_at(w, i + 1, X_AGENCY, X_CHANGED - 1, r->agency, a);
		put_at(w, i + 1, X_CHANGED, X_BY - 1, r->updated_at, a);
		put_at(w, i + 1, X_BY, cols, r->updated_by, a);
	}
}

static const gn_action hints[] = { GN_ACT_ADD, GN_ACT_EDIT, GN_ACT_BACK, GN_ACT_HELP, GN_ACT_NONE };

const gn_view_ops gn_view_users = {
	.id = "users", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints, .reload_on_change = true,
};
