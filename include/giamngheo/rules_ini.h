#ifndef GIAMNGHEO_RULES_INI_H
#define GIAMNGHEO_RULES_INI_H

/* Deadline rules as configuration: data/deadlines.ini (installed in
 * $(pkgdatadir)) ships the plan's rules; a ward adds or retires rules by
 * importing such a file. One section per rule, named by its code:
 *
 *   [monthly]
 *   title_vi = Báo cáo kết quả hỗ trợ hằng tháng
 *   title_en = Monthly support results
 *   audience = lead            ; assigned | lead | focal
 *   day = 25                   ; or: date = DD/MM for one date a year
 *   first_month = 5
 *   last_month = 11
 *   due_soon_days = 5
 *   active = yes               ; no retires the rule
 *
 * A date on a Saturday or Sunday stays where it is (the plan says "before
 * the 25th"); a day past a month's end falls on its last day. */

#include <stdbool.h>
#include <stddef.h>

#include "giamngheo/db.h"
#include "giamngheo/deadline.h"

typedef struct {
	int added, updated, retired, unchanged;   /* rules, by what the import did */
	int instances_added, instances_removed;   /* dated instances, after the sync */
} gn_rules_import_result;

/* Upserts the rules of the INI file at path by section name (the code):
 * a new section adds a rule; for a known one the keys given replace the
 * stored values and the others stay; `active = no` retires it. Rules the
 * file does not name are left alone. Then the instances are brought in line
 * (gn_deadline_sync): submissions already recorded keep their instances.
 * All or nothing: every problem (syntax, unknown key, bad value, missing
 * key) is appended to warn as "FILE:LINE: ..." and then nothing is written
 * and GN_ERR_INVALID returned. With dry_run the result is computed and
 * nothing is kept. GN_ERR_NOT_FOUND: no such file. */
gn_status gn_rules_import(gn_db *db, const char *path, bool dry_run, gn_rules_import_result *res,
			  char *warn, size_t warn_size);

/* Every rule, active or retired, with its instances this year. */
typedef struct {
	gn_deadline_rule rule;
	bool active;
	int instances;
	int submitted;    /* instances with a live submission */
} gn_rule_info;

gn_status gn_rules_list(gn_db *db, gn_rule_info **out, int *n);

#endif
