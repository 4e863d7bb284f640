#ifndef GIAMNGHEO_DEADLINE_H
#define GIAMNGHEO_DEADLINE_H

#include <stdbool.h>
#include "giamngheo/date.h"

/* Deadline rules and statuses, free of storage. */

typedef enum {
	GN_AUDIENCE_ASSIGNED = 0, /* every unit assigned to a household */
	GN_AUDIENCE_LEAD,         /* every lead agency */
	GN_AUDIENCE_FOCAL         /* the focal department */
} gn_audience;

typedef struct {
	long long id;
	char code[32];
	char title_vi[160];
	char title_en[160];
	gn_audience audience;
	bool monthly;          /* day of each month from first_month to last_month */
	int month;             /* for a fixed date */
	int day;
	int first_month, last_month;
	int due_soon_days;
} gn_deadline_rule;

/* The rule's due dates in a year, in order; returns how many (at most max).
 * A monthly day past the month's end falls on its last day (31 -> 30/6).
 * Dates are not moved off weekends: the plan says "before the 25th". */
int gn_deadline_rule_dates(const gn_deadline_rule *r, int year, gn_date *out, int max);

typedef enum {
	GN_DL_UPCOMING = 0,
	GN_DL_DUE_SOON,
	GN_DL_TODAY,
	GN_DL_OVERDUE,
	GN_DL_ON_TIME,
	GN_DL_LATE
} gn_deadline_status;

/* submitted: the submission date, or NULL when nothing was submitted. */
gn_deadline_status gn_deadline_status_of(gn_date due, int due_soon_days, gn_date today,
					 const gn_date *submitted);

const char *gn_deadline_status_code(gn_deadline_status s);
/* Translated, with the day count where it matters ("overdue by 3 days"). */
void gn_deadline_status_describe(gn_deadline_status s, gn_date due, gn_date today,
				 char *buf, unsigned size);

const char *gn_deadline_rule_title(const gn_deadline_rule *r);
const char *gn_audience_code(gn_audience a);
bool gn_audience_from_code(const char *code, gn_audience *out);

#endif
