#ifndef GIAMNGHEO_ACCOUNT_H
#define GIAMNGHEO_ACCOUNT_H

/* The accounts: which Unix logins may use the database and in which role
 * (access.h applies them). Only administrators change them, and the last
 * administrator can be neither removed nor demoted. Exports of personal
 * data are recorded here too, so the audit log shows who took data out. */
#include "giamngheo/db.h"

typedef struct {
	long long id;            /* 0: not stored yet */
	char login[33];
	gn_user_role role;
	long long agency_id;     /* editors: the agency they work for */
	char agency[32];         /* its code, when read */
	int version;
	char updated_at[24];
	char updated_by[64];
} gn_account;

/* Active accounts by login; *out is malloc'd (caller frees). Any account may
 * read the list; users without one are refused. */
gn_status gn_account_list(gn_db *db, gn_account **out, int *n);
gn_status gn_account_load(gn_db *db, const char *login, gn_account *out);

/* Adds a login (id 0; a removed login comes back) or changes one
 * (optimistic: GN_ERR_CONFLICT when a->version is not the stored one).
 * GN_ERR_INVALID for a login that is not a Unix login name or an editor
 * without agency; GN_ERR_DUPLICATE when the login already has an account. */
gn_status gn_account_save(gn_db *db, gn_account *a);
gn_status gn_account_remove(gn_db *db, const gn_account *a);

/* Records that the user exported personal data: what (e.g. "report
 * monthly", "households csv") and where to (a file, or "" for the screen or
 * a pipe). Readers log through this too, so it needs no write role; a
 * read-only file cannot record it and the export goes ahead. */
void gn_account_log_export(gn_db *db, const char *what, const char *destination);

#endif
