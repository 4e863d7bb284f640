#ifndef GIAMNGHEO_VIEWS_ACCOUNT_FORM_H
#define GIAMNGHEO_VIEWS_ACCOUNT_FORM_H

/* An account (the Users screen's a/e/Enter), on the shared form screen:
 * the login of a new one, the role, the agency of an editor, and for a
 * stored one a box to remove it. Administrators only. */

#include "form_screen.h"
#include "giamngheo/account.h"

/* The kind of its drafts, on the account's id. */
#define GN_ACCOUNT_FORM_DRAFT "account"

/* a, or a new account when NULL; NULL with a notice when the user may not. */
gn_fscreen *gn_account_form_open(gn_app *app, const gn_account *a);

#endif
