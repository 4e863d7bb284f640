#ifndef GIAMNGHEO_FORM_CHECK_H
#define GIAMNGHEO_FORM_CHECK_H

/* The rules the agency, staff, report and support forms check as a field is
 * left and again on save. Each returns whether the text is acceptable and
 * otherwise writes why into msg, in the user's language ("" when fine). */

#include <stdbool.h>
#include <stddef.h>

#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/money.h"

/* Only spaces, or nothing. */
bool gn_check_blank(const char *text);

/* A required text: not blank; missing is the message when it is. */
bool gn_check_required(const char *text, const char *missing, char *msg, size_t size);

/* Empty, or a Vietnamese phone number. */
bool gn_check_phone(const char *text, char *msg, size_t size);

/* An agency's short code: not blank and not another agency's (self_id is
 * the agency being edited, 0 for a new one). */
bool gn_check_agency_code(gn_db *db, const char *code, long long self_id, char *msg, size_t size);

/* A day that has happened: dd/mm/yyyy, or "t" for today; not after today.
 * *out receives the date when it is acceptable. */
bool gn_check_past_date(const char *text, gn_date today, gn_date *out, char *msg, size_t size);

/* An amount of đồng, 0 allowed; *out receives it. */
bool gn_check_amount(const char *text, gn_money *out, char *msg, size_t size);

#endif
