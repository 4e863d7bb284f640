#ifndef GIAMNGHEO_STATS_H
#define GIAMNGHEO_STATS_H

#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/ward.h"

/* Where the ward stands against its targets. Rates are percentages. */
typedef struct {
	gn_ward ward;
	int poor_now;
	int near_poor_now;
	int no_work_capacity_now;  /* poor households flagged unable to work */
	int targeted;
	int exited;                /* exit date in the ward's year */
	int targeted_exited;
	double baseline_rate;      /* baseline_poor / total households */
	double rate_now;
	double province_target_rate;
	double plan_target_rate;   /* baseline rate minus the plan's cut */
	int province_target_poor;  /* most poor households the province target allows */
	int overdue_agencies;
	bool has_next_deadline;
	gn_deadline_row next_deadline;
} gn_stats;

gn_status gn_stats_compute(gn_db *db, gn_date today, gn_stats *out);

#endif
