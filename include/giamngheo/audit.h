#ifndef GIAMNGHEO_AUDIT_H
#define GIAMNGHEO_AUDIT_H

#include "giamngheo/db.h"

/* One change from the audit log, as the history of a record shows it. */
typedef struct {
	char at[24];        /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	char actor[64];
	char entity[32];    /* household, member, household_indicator, ... */
	char action[8];     /* insert, update, delete */
} gn_audit_row;

/* The newest changes to a household and to everything hanging off it
 * (members, indicator statuses, assignments, support items), at most max. */
gn_status gn_audit_household(gn_db *db, long long household_id, int max, gn_audit_row **out, int *n);

#endif
