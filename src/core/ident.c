#include "giamngheo/ident.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define CCCD_DIGITS 12
#define MOBILE_DIGITS 10
#define LANDLINE_DIGITS 11
/* Room for "84" plus a landline and a stray leading 0, with a margin. */
#define PHONE_DIGITS_MAX 15

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Copies the digits of in to digits, skipping the separators people type
 * to make long numbers readable. Fails on any other character or when
 * there are more than max digits. */
static bool collect_digits(const char *in, const char *separators, char *digits, size_t max)
{
	size_t n = 0;

	for (; *in; in++) {
		if (is_digit(*in)) {
			if (n == max)
				return false;
			digits[n++] = *in;
		} else if (!strchr(separators, *in)) {
			return false;
		}
	}
	digits[n] = '\0';
	return true;
}

gn_status gn_cccd_normalize(const char *in, char *out)
{
	char digits[CCCD_DIGITS + 1];

	out[0] = '\0';
	if (!in || !collect_digits(in, " .-", digits, CCCD_DIGITS) ||
	    strlen(digits) != CCCD_DIGITS)
		return GN_ERR_INVALID;
	memcpy(out, digits, CCCD_DIGITS + 1);
	return GN_OK;
}

static bool is_valid_national_number(const char *digits)
{
	size_t n = strlen(digits);

	if (digits[0] != '0')
		return false;
	if (n == MOBILE_DIGITS)
		return strchr("35789", digits[1]) != NULL;
	if (n == LANDLINE_DIGITS)
		return digits[1] == '2';
	return false;
}

gn_status gn_phone_normalize(const char *in, char *out)
{
	char digits[PHONE_DIGITS_MAX + 1];
	const char *national;
	bool international;

	out[0] = '\0';
	if (!in)
		return GN_ERR_INVALID;
	while (*in == ' ')
		in++;
	international = *in == '+';
	if (!collect_digits(international ? in + 1 : in, " .-()", digits, PHONE_DIGITS_MAX))
		return GN_ERR_INVALID;
	national = digits;
	/* +84 and 84 are Vietnam's country code; no national number starts
	 * with 8, so a bare 84 is unambiguous. "+84 (0)97..." already keeps
	 * the trunk 0, which must not be doubled. */
	if (strncmp(digits, "84", 2) == 0) {
		if (digits[2] == '0') {
			national = digits + 2;
		} else {
			digits[1] = '0';
			national = digits + 1;
		}
	} else if (international) {
		return GN_ERR_INVALID;
	}
	if (!is_valid_national_number(national))
		return GN_ERR_INVALID;
	strcpy(out, national);
	return GN_OK;
}
