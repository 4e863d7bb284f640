#include "giamngheo/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "giamngheo/i18n.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2100

bool gn_date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int gn_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && gn_date_is_leap(y))
		return 29;
	return days[m - 1];
}

static gn_date_error check_range(gn_date d)
{
	if (d.y < MIN_YEAR || d.y > MAX_YEAR)
		return GN_DATE_BAD_YEAR;
	if (d.m < 1 || d.m > 12)
		return GN_DATE_BAD_MONTH;
	if (d.d < 1 || d.d > gn_days_in_month(d.y, d.m))
		return GN_DATE_BAD_DAY;
	return GN_DATE_OK;
}

bool gn_date_valid(gn_date d)
{
	return check_range(d) == GN_DATE_OK;
}

bool gn_date_is_set(gn_date d)
{
	return d.y != 0 || d.m != 0 || d.d != 0;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A run longer than max_digits is refused rather than split, so that
 * "123/4/2026" is not read as 12/3. */
static const char *read_number(const char *s, int min_digits, int max_digits, int *value)
{
	int digits = 0;

	*value = 0;
	while (digits < max_digits && is_digit(s[digits])) {
		*value = *value * 10 + (s[digits] - '0');
		digits++;
	}
	if (digits < min_digits || is_digit(s[digits]))
		return NULL;
	return s + digits;
}

static const char *skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static gn_date_error accept(gn_date d, gn_date *out)
{
	gn_date_error e = check_range(d);

	if (e == GN_DATE_OK)
		*out = d;
	return e;
}

gn_date_error gn_date_parse_dmy(const char *s, gn_date *out)
{
	gn_date d;
	char separator;

	if (!s)
		return GN_DATE_SYNTAX;
	/* Blanks around the date come from form fields and carry no meaning. */
	s = skip_blanks(s);
	if (!(s = read_number(s, 1, 2, &d.d)))
		return GN_DATE_SYNTAX;
	separator = *s;
	if (separator != '/' && separator != '.' && separator != '-')
		return GN_DATE_SYNTAX;
	if (!(s = read_number(s + 1, 1, 2, &d.m)) || *s != separator)
		return GN_DATE_SYNTAX;
	/* Two-digit years are refused: 26 could be 1926 or 2026. */
	if (!(s = read_number(s + 1, 4, 4, &d.y)))
		return GN_DATE_SYNTAX;
	if (*skip_blanks(s) != '\0')
		return GN_DATE_SYNTAX;
	return accept(d, out);
}

gn_date_error gn_date_parse_iso(const char *s, gn_date *out)
{
	gn_date d;

	if (!s || !(s = read_number(s, 4, 4, &d.y)) || *s != '-' ||
	    !(s = read_number(s + 1, 2, 2, &d.m)) || *s != '-' ||
	    !(s = read_number(s + 1, 2, 2, &d.d)) || *s != '\0')
		return GN_DATE_SYNTAX;
	return accept(d, out);
}

const char *gn_date_error_message(gn_date_error e)
{
	switch (e) {
	case GN_DATE_OK:
		return "";
	case GN_DATE_SYNTAX:
		break;
	case GN_DATE_BAD_YEAR:
		return _("The year must be between 1900 and 2100.");
	case GN_DATE_BAD_MONTH:
		return _("The month must be between 1 and 12.");
	case GN_DATE_BAD_DAY:
		return _("That month has no such day.");
	}
	return _("Not a date: type it as dd/mm/yyyy.");
}

/* Values are clamped into their field widths so the output always fits
 * the 11 bytes the header promises, even for a corrupt date. */
static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void gn_date_format_dmy(gn_date d, char *buf)
{
	if (!gn_date_is_set(d)) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, 11, "%02d/%02d/%04d", clamp(d.d, 0, 99), clamp(d.m, 0, 99),
	         clamp(d.y, 0, 9999));
}

void gn_date_format_iso(gn_date d, char *buf)
{
	if (!gn_date_is_set(d)) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, 11, "%04d-%02d-%02d", clamp(d.y, 0, 9999), clamp(d.m, 0, 99),
	         clamp(d.d, 0, 99));
}

/* Howard Hinnant's days_from_civil: counting years from March puts the
 * leap day at the end, so each 400-year era is a fixed 146097 days. */
long gn_date_to_days(gn_date d)
{
	long y = (long)d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long year_of_era = y - era * 400;
	long month_from_march = d.m > 2 ? d.m - 3 : d.m + 9;
	long day_of_year = (153 * month_from_march + 2) / 5 + d.d - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

	return era * 146097 + day_of_era - 719468;
}

gn_date gn_date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long day_of_era = z - era * 146097;
	long year_of_era =
	        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
	long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	long month_from_march = (5 * day_of_year + 2) / 153;
	gn_date d;

	d.d = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
	d.m = (int)(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
	d.y = (int)(year_of_era + era * 400 + (d.m <= 2));
	return d;
}

int gn_date_weekday(gn_date d)
{
	/* 1970-01-01, day 0, was a Thursday. */
	long w = (gn_date_to_days(d) + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int gn_date_cmp(gn_date a, gn_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

gn_date gn_date_add_days(gn_date d, long n)
{
	return gn_date_from_days(gn_date_to_days(d) + n);
}

gn_date gn_today(void)
{
	const char *fixed = getenv("GIAMNGHEO_TODAY");
	gn_date today = {0, 0, 0};
	time_t now;
	struct tm local;

	if (fixed && gn_date_parse_iso(fixed, &today) == GN_DATE_OK)
		return today;
	now = time(NULL);
	if (localtime_r(&now, &local)) {
		today.y = local.tm_year + 1900;
		today.m = local.tm_mon + 1;
		today.d = local.tm_mday;
	}
	return today;
}
