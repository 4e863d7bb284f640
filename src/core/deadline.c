#include "giamngheo/deadline.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/i18n.h"

static gn_date clamp_day(int y, int m, int d)
{
	int last = gn_days_in_month(y, m);
	return (gn_date){ y, m, d > last ? last : d };
}

int gn_deadline_rule_dates(const gn_deadline_rule *r, int year, gn_date *out, int max)
{
	int n = 0;
	if (!r->monthly) {
		if (max > 0 && r->month >= 1 && r->month <= 12)
			out[n++] = clamp_day(year, r->month, r->day);
		return n;
	}
	int first = r->first_month < 1 ? 1 : r->first_month;
	int last = r->last_month > 12 ? 12 : r->last_month;
	for (int m = first; m <= last && n < max; m++)
		out[n++] = clamp_day(year, m, r->day);
	return n;
}

gn_deadline_status gn_deadline_status_of(gn_date due, int due_soon_days, gn_date today,
					 const gn_date *submitted)
{
	if (submitted)
		return gn_date_cmp(*submitted, due) <= 0 ? GN_DL_ON_TIME : GN_DL_LATE;
	long left = gn_date_to_days(due) - gn_date_to_days(today);
	if (left < 0)
		return GN_DL_OVERDUE;
	if (left == 0)
		return GN_DL_TODAY;
	return left <= due_soon_days ? GN_DL_DUE_SOON : GN_DL_UPCOMING;
}

const char *gn_deadline_status_code(gn_deadline_status s)
{
	static const char *const codes[] = { "upcoming", "due_soon", "today", "overdue", "on_time", "late" };
	return codes[s];
}

void gn_deadline_status_describe(gn_deadline_status s, gn_date due, gn_date today,
				 char *buf, unsigned size)
{
	long days = gn_date_to_days(due) - gn_date_to_days(today);
	switch (s) {
	case GN_DL_UPCOMING:
		snprintf(buf, size, ngettext("in %ld day", "in %ld days", (unsigned long)days), days);
		break;
	case GN_DL_DUE_SOON:
		snprintf(buf, size, ngettext("due soon: %ld day left", "due soon: %ld days left",
					     (unsigned long)days), days);
		break;
	case GN_DL_TODAY:
		snprintf(buf, size, "%s", _("due today"));
		break;
	case GN_DL_OVERDUE:
		snprintf(buf, size, ngettext("overdue by %ld day", "overdue by %ld days",
					     (unsigned long)-days), -days);
		break;
	case GN_DL_ON_TIME:
		snprintf(buf, size, "%s", _("submitted on time"));
		break;
	case GN_DL_LATE:
		snprintf(buf, size, "%s", _("submitted late"));
		break;
	}
}

const char *gn_deadline_rule_title(const gn_deadline_rule *r)
{
	return strcmp(gn_i18n_lang(), "en") == 0 ? r->title_en : r->title_vi;
}

static const char *const audience_codes[] = { "assigned", "lead", "focal" };

const char *gn_audience_code(gn_audience a)
{
	return audience_codes[a];
}

bool gn_audience_from_code(const char *code, gn_audience *out)
{
	for (int i = 0; code && i < 3; i++)
		if (strcmp(audience_codes[i], code) == 0) {
			*out = (gn_audience)i;
			return true;
		}
	return false;
}
