#include "giamngheo/form_check.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/agency.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"

static bool fail(char *msg, size_t size, const char *why)
{
	snprintf(msg, size, "%s", why);
	return false;
}

static bool fine(char *msg, size_t size)
{
	if (size)
		msg[0] = '\0';
	return true;
}

bool gn_check_blank(const char *text)
{
	for (; text && *text; text++)
		if (*text != ' ')
			return false;
	return true;
}

bool gn_check_required(const char *text, const char *missing, char *msg, size_t size)
{
	return gn_check_blank(text) ? fail(msg, size, missing) : fine(msg, size);
}

bool gn_check_phone(const char *text, char *msg, size_t size)
{
	char digits[16];
	if (!gn_check_blank(text) && gn_phone_normalize(text, digits) != GN_OK)
		return fail(msg, size, _("Not a phone number: 10 digits (03…09…) or 11 (02…)."));
	return fine(msg, size);
}

bool gn_check_agency_code(gn_db *db, const char *code, long long self_id, char *msg, size_t size)
{
	if (gn_check_blank(code))
		return fail(msg, size, _("Enter the agency's short code (e.g. HPN)."));
	gn_agency other;
	if (gn_agency_load_code(db, code, &other) == GN_OK && other.id != self_id) {
		snprintf(msg, size, _("Code %s is already used by %s."), code, other.name);
		return false;
	}
	return fine(msg, size);
}

bool gn_check_past_date(const char *text, gn_date today, gn_date *out, char *msg, size_t size)
{
	while (*text == ' ')
		text++;
	if (!*text)
		return fail(msg, size, _("Enter the date as dd/mm/yyyy (t: today)."));
	gn_date d = today;
	if (strcmp(text, "t") != 0 && strcmp(text, "T") != 0) {
		gn_date_error e = gn_date_parse_dmy(text, &d);
		if (e != GN_DATE_OK)
			return fail(msg, size, gn_date_error_message(e));
	}
	if (gn_date_cmp(d, today) > 0) {
		char when[11];
		gn_date_format_dmy(today, when);
		snprintf(msg, size, _("The date cannot be after today (%s)."), when);
		return false;
	}
	*out = d;
	return fine(msg, size);
}

bool gn_check_amount(const char *text, gn_money *out, char *msg, size_t size)
{
	if (gn_check_blank(text)) {
		*out = 0;
		return fine(msg, size);
	}
	if (gn_money_parse(text, out) != GN_OK || *out < 0)
		return fail(msg, size, _("Not an amount: write 1500000, 1.500.000 or 1,5tr."));
	return fine(msg, size);
}
