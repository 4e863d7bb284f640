#ifndef GIAMNGHEO_ACCESS_H
#define GIAMNGHEO_ACCESS_H

/* Who the user is and what their role lets them do. The user is the Unix
 * login; the rules are checked here, in core, so that the command line and
 * the full-screen app obey the same ones. A refusal is GN_ERR_FORBIDDEN
 * whose message (gn_status_message) says why, in the user's language. */
#include <stdbool.h>

#include "giamngheo/db.h"

/* "admin", "editor", "viewer" ("" for unknown) and back. */
const char *gn_user_role_code(gn_user_role r);
bool gn_user_role_from_code(const char *code, gn_user_role *out);
/* Translated: "administrator", "editor", "viewer", "no account". */
const char *gn_user_role_label(gn_user_role r);

/* Run by gn_db_open once the schema is current. A database without
 * accounts (just created, or made before accounts existed) gets the owner
 * of its file as its first administrator, so whoever created it is never
 * locked out. GIAMNGHEO_USER=login then stands for the login, but only
 * for the owner of the file: the owner can rewrite the file anyway, so the
 * override grants nothing new, and it lets tests act as other officers
 * without creating Unix users. Everyone else is always their own login. */
gn_status gn_access_open(gn_db *db, const char *path);

/* Makes login the user of this connection: its actor and its role from
 * the account table (unknown when it has no account). */
gn_status gn_access_become(gn_db *db, const char *login);

/* Reading names, ID numbers, phones, addresses: any account. */
gn_status gn_access_personal(gn_db *db);
/* Changing the register, the rules, the accounts; restoring: admins. */
gn_status gn_access_admin(gn_db *db);
/* Editing a household, its members, indicators and support: admins, and
 * editors whose agency leads or supports it. */
gn_status gn_access_household(gn_db *db, long long household_id);
/* Filing an agency's reports and keeping its staff: admins, and that
 * agency's editors. */
gn_status gn_access_agency(gn_db *db, long long agency_id);

/* Whether the user sees ID numbers whole (admins and editors). */
bool gn_access_sees_ids(const gn_db *db);
/* An ID number, in place, as the user may see it: whole for admins and
 * editors, only the last 4 digits for everyone else ("********1234").
 * NULL stays NULL. */
void gn_access_mask_id(const gn_db *db, char *id);

#endif
