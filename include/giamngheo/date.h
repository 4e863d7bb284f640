#ifndef GIAMNGHEO_DATE_H
#define GIAMNGHEO_DATE_H

#include <stdbool.h>

/* A calendar date without time zone; {0,0,0} means "no date". */
typedef struct {
	int y, m, d;
} gn_date;

/* Why a date was refused, so the message can say what to fix. */
typedef enum {
	GN_DATE_OK = 0,
	GN_DATE_SYNTAX,    /* not dd/mm/yyyy */
	GN_DATE_BAD_YEAR,  /* outside 1900..2100 */
	GN_DATE_BAD_MONTH,
	GN_DATE_BAD_DAY    /* e.g. 31/04 or 29/02 of a common year */
} gn_date_error;

bool gn_date_is_leap(int y);
int gn_days_in_month(int y, int m);
bool gn_date_valid(gn_date d);
bool gn_date_is_set(gn_date d);

/* dd/mm/yyyy as typed on screen; d/m/yyyy and '.' or '-' separators too. */
gn_date_error gn_date_parse_dmy(const char *s, gn_date *out);
/* YYYY-MM-DD as stored in the database. */
gn_date_error gn_date_parse_iso(const char *s, gn_date *out);
/* Translated explanation of a refusal. */
const char *gn_date_error_message(gn_date_error e);

/* buf must hold 11 bytes. */
void gn_date_format_dmy(gn_date d, char *buf);
void gn_date_format_iso(gn_date d, char *buf);

/* Days since 1970-01-01 and back; weekday 0 = Sunday. */
long gn_date_to_days(gn_date d);
gn_date gn_date_from_days(long days);
int gn_date_weekday(gn_date d);
int gn_date_cmp(gn_date a, gn_date b);
gn_date gn_date_add_days(gn_date d, long n);

/* Today's local date, or GIAMNGHEO_TODAY=YYYY-MM-DD when set and valid, so
 * tests and demos can fix it. */
gn_date gn_today(void);

#endif
