#ifndef GIAMNGHEO_REPORT_H
#define GIAMNGHEO_REPORT_H

#include <stdbool.h>

#include "giamngheo/date.h"
#include "giamngheo/db.h"

/* Records that an agency filed the report a deadline asked for. One live
 * submission per deadline: a second gives GN_ERR_DUPLICATE. */
gn_status gn_report_submit(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, long long *report_id);

/* One submission as stored. summary and content are owned (gn_report_clear). */
typedef struct {
	long long id;
	long long deadline_id;
	long long agency_id;
	gn_date submitted_on;
	char submitted_by[128];
	char *summary;
	char *content;          /* the figures reported, free text */
	bool withdrawn;
	int version;
	char updated_at[24];
	char updated_by[64];
} gn_report;

void gn_report_clear(gn_report *r);

/* gn_report_submit with the figures reported (content, may be NULL). The
 * name, summary and figures must be UTF-8 and are stored in NFC; the name
 * must not be empty. GN_ERR_NOT_FOUND: no such deadline; GN_ERR_DUPLICATE:
 * the deadline already has a live (not withdrawn) submission. */
gn_status gn_report_record(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, const char *content,
			   long long *report_id);

/* A submission by id, withdrawn or not. */
gn_status gn_report_load(gn_db *db, long long id, gn_report *out);
/* The live submission of a deadline; GN_ERR_NOT_FOUND when there is none. */
gn_status gn_report_load_live(gn_db *db, long long deadline_id, gn_report *out);

/* Saves r's date, name, summary and content over the stored submission if
 * it is still at r->version and not withdrawn (an optimistic check; the
 * audit log keeps the row before and after). GN_ERR_CONFLICT when someone
 * changed or withdrew it first: current (if not NULL) receives what is
 * stored now. On success r->version is the new version. */
gn_status gn_report_correct(gn_db *db, gn_report *r, gn_report *current);

/* Withdraws submission id if it is still at version and live: the deadline
 * is open again and a new submission may be recorded for it. The row stays
 * (withdrawn = 1) for the audit log. GN_ERR_CONFLICT as above. */
gn_status gn_report_withdraw(gn_db *db, long long id, int version, gn_report *current);

#endif
