#ifndef GIAMNGHEO_DEADLINE_STORE_H
#define GIAMNGHEO_DEADLINE_STORE_H

#include "giamngheo/db.h"
#include "giamngheo/deadline.h"

gn_status gn_deadline_rules_load(gn_db *db, gn_deadline_rule **out, int *n);

/* Brings the dated instances in line with the rules and the assignments for
 * the ward's year: adds what is missing, drops what no longer applies unless
 * a submission points at it. */
gn_status gn_deadline_sync(gn_db *db);

typedef struct {
	long long id;
	long long rule_id;
	char rule_code[32];
	char title[160];
	long long agency_id;
	char agency_code[32];
	char agency_name[160];
	gn_date due;
	int due_soon_days;
	bool submitted;
	gn_date submitted_on;
	gn_deadline_status status;
} gn_deadline_row;

typedef struct {
	gn_date from, to;        /* unset: open-ended */
	long long agency_id;     /* 0: all */
	const char *rule_code;   /* NULL: all */
	bool open_only;          /* only what has not been submitted */
} gn_deadline_filter;

/* Instances ordered by due date, then agency; statuses relative to today. */
gn_status gn_deadline_query(gn_db *db, const gn_deadline_filter *f, gn_date today,
			    gn_deadline_row **out, int *n);

#endif
