/* Users (screen 8): who may use the database and in which role. Everyone
 * with an account sees the list; administrators add (a) and change (e,
 * Enter) accounts in a form, where an account can also be removed. The
 * rules themselves are core's (account.c, access.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account_form.h"
#include "giamngheo/access.h"
#include "giamngheo/i18n.h"
#include "views.h"

#define X_ROLE 20
#define X_AGENCY 40
#define X_CHANGED 54
#define X_BY 76

typedef struct {
	gn_account *rows;
	int n, cursor;
	gn_fscreen *form;        /* the account form, while open */
} users_view;

static const char *title(const gn_view *v)
{
	const users_view *s = v->state;
	return s && s->form ? gn_fscreen_title(s->form) : _("Users");
}

static void free_state(gn_view *v)
{
	users_view *s = v->state;
	if (!s)
		return;
	gn_fscreen_free(s->form);
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

static int key(gn_view *v, gn_app *app, int k)
{
	users_view *s = v->state;
	if (!s || !s->form)
		return GN_UI_IGNORED;
	gn_fscreen_state state;
	return gn_fscreen_key_in(&s->form, app, k, &state);
}

bool gn_users_open_form(gn_app *app, long long account_id)
{
	gn_view *v = gn_app_push(app, &gn_view_users, 0);
	users_view *s = v ? v->state : NULL;
	if (!s)
		return false;
	for (int i = 0; account_id && i < s->n; i++)
		if (s->rows[i].id == account_id) {
			s->cursor = i;
			s->form = gn_account_form_open(app, &s->rows[i]);
		}
	if (!account_id)
		s->form = gn_account_form_open(app, NULL);
	return s->form != NULL;
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
		s->form = gn_account_form_open(app, NULL);
		return GN_UI_REDRAW;
	case GN_ACT_EDIT:
	case GN_ACT_OPEN:
		if (s->cursor < s->n)
			s->form = gn_account_form_open(app, &s->rows[s->cursor]);
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
	if (s->form) {
		gn_fscreen_draw(s->form, app, w, rows, cols);
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
