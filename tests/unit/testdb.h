#ifndef GIAMNGHEO_TESTDB_H
#define GIAMNGHEO_TESTDB_H

#include <limits.h>
#include "giamngheo/db.h"
#include "giamngheo/household.h"

/* A fresh database file in $TMPDIR with the schema; with_ward also saves the
 * plan's ward (via gn_init_ward). path receives the file name. */
gn_db *testdb_open(char path[PATH_MAX], bool with_ward);
/* Closes and removes the file with its WAL and shared-memory companions. */
void testdb_close(gn_db *db, const char *path);

/* Inserts a household (urban unless told) and returns its id, or 0. */
long long testdb_household(gn_db *db, const char *code, const char *head, gn_money income,
			   gn_area area);

/* Inserts an organisation (the insert must succeed) and returns its id. */
long long testdb_agency(gn_db *db, const char *code, const char *name);

/* Sets n indicators of the standard (by position) to status. */
void testdb_deprive(gn_db *db, long long household_id, const gn_standard *s, int n,
		    gn_ind_status status);

#endif
