#ifndef GIAMNGHEO_WARD_H
#define GIAMNGHEO_WARD_H

#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"

/* The ward, its situation at the start of the year and its targets. */
typedef struct {
	char name[128];
	char province[128];
	char plan_ref[128];
	gn_area area;
	int year;
	long long total_households;
	int baseline_poor;
	int baseline_no_work_capacity;
	int province_rate_from_bp;   /* hundredths of a percent: 71 = 0.71 % */
	int province_rate_to_bp;
	int plan_exit_households;
	int plan_rate_cut_bp;
	gn_date period_start, period_end;
	long long focal_agency_id;   /* 0 when not chosen yet */
	char focal_contact[128];
	char focal_phone[32];
	long long current_standard_id;
	int version;
} gn_ward;

/* GN_ERR_NOT_FOUND on a database that has no ward yet (init not run). */
gn_status gn_ward_load(gn_db *db, gn_ward *out);
/* Inserts the ward on first save, afterwards an optimistic update. */
gn_status gn_ward_save(gn_db *db, gn_ward *w);

#endif
