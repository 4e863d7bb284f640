#include "giamngheo/money.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/text.h"

/* Words are matched after gn_text_fold, so "triệu", "TRIỆU" and "trieu"
 * are one entry and "đ", "Đ" and "d" another. */
static const struct {
	const char *word;
	int zeros;
} multipliers[] = {
	{"k", 3},  {"nghin", 3}, {"ngan", 3}, {"tr", 6},
	{"trieu", 6}, {"ty", 9}, {"ti", 9},
};

#define MAX_UNIT_ZEROS 9

static const char *const currency_words[] = {"d", "vnd", "dong"};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_digit_run(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!is_digit(s[i]))
			return false;
	return true;
}

static size_t count_digits(const char *s)
{
	size_t n = 0;

	while (is_digit(s[n]))
		n++;
	return n;
}

/* Nothing left, or only a currency word such as "đồng". */
static bool is_currency_tail(const char *s)
{
	size_t i;

	if (*s == ' ')
		s++;
	if (*s == '\0')
		return true;
	for (i = 0; i < sizeof currency_words / sizeof currency_words[0]; i++)
		if (strcmp(s, currency_words[i]) == 0)
			return true;
	return false;
}

/* Number of zeros the unit word adds, or -1 when the tail is not one. */
static int read_unit(const char *s)
{
	size_t i;

	if (*s == ' ')
		s++;
	for (i = 0; i < sizeof multipliers / sizeof multipliers[0]; i++) {
		size_t n = strlen(multipliers[i].word);

		if (strncmp(s, multipliers[i].word, n) == 0 && is_currency_tail(s + n))
			return multipliers[i].zeros;
	}
	return is_currency_tail(s) ? 0 : -1;
}

/* Adds the digits to *value, giving up once it passes GN_MONEY_MAX since
 * anything larger is refused anyway and this keeps clear of overflow. */
static bool accumulate(const char *digits, size_t n, gn_money *value)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int digit = digits[i] - '0';

		if (*value > (GN_MONEY_MAX - digit) / 10)
			return false;
		*value = *value * 10 + digit;
	}
	return true;
}

static gn_money power_of_ten(int zeros)
{
	gn_money p = 1;

	while (zeros-- > 0)
		p *= 10;
	return p;
}

/* Vietnamese writing: '.' or ' ' groups thousands, ',' marks the decimals.
 * A '.' that does not start a group of three is read as a decimal point,
 * which only makes sense before a unit ("1.5 triệu"); without one "1.5"
 * is refused rather than guessed. A fraction is accepted only when the
 * unit turns it into whole đồng: 1,234567tr is 1 234 567 đ. */
static gn_status parse_folded(const char *s, gn_money *out)
{
	gn_money value = 0, fraction = 0;
	size_t run = count_digits(s);
	size_t fraction_digits = 0;
	bool dot_decimal = false;
	int zeros;

	if (run == 0 || !accumulate(s, run, &value))
		return GN_ERR_INVALID;
	s += run;
	if (run <= 3) {
		char group_separator = *s;

		while ((*s == '.' || *s == ' ') && *s == group_separator && is_digit_run(s + 1, 3) &&
		       !is_digit(s[4])) {
			if (!accumulate(s + 1, 3, &value))
				return GN_ERR_INVALID;
			s += 4;
		}
	}
	if (*s == ',' || *s == '.') {
		const char *digits = s + 1;

		dot_decimal = *s == '.';
		run = count_digits(digits);
		if (run == 0)
			return GN_ERR_INVALID;
		s = digits + run;
		while (run > 0 && digits[run - 1] == '0')
			run--;
		fraction_digits = run;
		/* No unit has more zeros, so more digits cannot be whole đồng;
		 * this also keeps the fraction far from GN_MONEY_MAX. */
		if (fraction_digits > MAX_UNIT_ZEROS)
			return GN_ERR_INVALID;
		accumulate(digits, fraction_digits, &fraction);
	}
	zeros = read_unit(s);
	if (zeros < 0 || (dot_decimal && zeros == 0) || fraction_digits > (size_t)zeros)
		return GN_ERR_INVALID;
	if (value > GN_MONEY_MAX / power_of_ten(zeros))
		return GN_ERR_INVALID;
	value = value * power_of_ten(zeros) +
	        fraction * power_of_ten(zeros - (int)fraction_digits);
	if (value > GN_MONEY_MAX)
		return GN_ERR_INVALID;
	*out = value;
	return GN_OK;
}

gn_status gn_money_parse(const char *s, gn_money *out)
{
	char *folded;
	gn_status st;

	if (!s)
		return GN_ERR_INVALID;
	folded = gn_text_fold(s);
	if (!folded)
		return GN_ERR_NOMEM;
	st = parse_folded(folded, out);
	free(folded);
	return st;
}

/* Writes all of text or, when it does not fit, nothing: a cut-off amount
 * would show the user a different number. */
static void write_whole(char *buf, size_t size, const char *text)
{
	size_t len = strlen(text);

	if (size == 0)
		return;
	if (len < size)
		memcpy(buf, text, len + 1);
	else
		buf[0] = '\0';
}

/* Enough for "-9.223.372.036.854.775.808 đ". */
#define MONEY_TEXT_MAX 40

static void group_thousands(gn_money v, char *text)
{
	/* Unsigned so that the most negative value still has a magnitude. */
	unsigned long long magnitude = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char reversed[MONEY_TEXT_MAX];
	size_t n = 0;
	int digits = 0;

	do {
		if (digits > 0 && digits % 3 == 0)
			reversed[n++] = '.';
		reversed[n++] = (char)('0' + magnitude % 10);
		magnitude /= 10;
		digits++;
	} while (magnitude > 0);
	if (v < 0)
		reversed[n++] = '-';
	while (n > 0)
		*text++ = reversed[--n];
	*text = '\0';
}

void gn_money_format_plain(gn_money v, char *buf, size_t size)
{
	char text[MONEY_TEXT_MAX];

	group_thousands(v, text);
	write_whole(buf, size, text);
}

void gn_money_format(gn_money v, char *buf, size_t size)
{
	char text[MONEY_TEXT_MAX];

	group_thousands(v, text);
	strcat(text, " đ");
	write_whole(buf, size, text);
}
