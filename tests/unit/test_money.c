#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/money.h"
#include "check_run.h"

static void assert_parses(const char *in, gn_money expected)
{
	gn_money v = -1;

	ck_assert_msg(gn_money_parse(in, &v) == GN_OK, "refused \"%s\"", in);
	ck_assert_msg(v == expected, "\"%s\" gave %lld, expected %lld", in, v, expected);
}

static void assert_refused(const char *in)
{
	gn_money v = -1;

	ck_assert_msg(gn_money_parse(in, &v) == GN_ERR_INVALID, "accepted \"%s\"", in);
	ck_assert_msg(v == -1, "\"%s\" changed the output on refusal", in);
}

static void assert_format(gn_money v, const char *expected)
{
	char buf[64];

	gn_money_format(v, buf, sizeof buf);
	ck_assert_str_eq(buf, expected);
}

START_TEST(test_parse_header_examples)
{
	assert_parses("1500000", 1500000);
	assert_parses("1.500.000", 1500000);
	assert_parses("1 500 000", 1500000);
	assert_parses("1.500.000 đ", 1500000);
	assert_parses("1,5tr", 1500000);
	assert_parses("1.5 triệu", 1500000);
	assert_parses("500k", 500000);
	assert_parses("500 nghìn", 500000);
	assert_parses("2tr", 2000000);
}
END_TEST

START_TEST(test_parse_currency_words)
{
	assert_parses("1.500.000đ", 1500000);
	assert_parses("1.500.000 Đ", 1500000);
	assert_parses("1500000 d", 1500000);
	assert_parses("1500000 VND", 1500000);
	assert_parses("1500000vnđ", 1500000);
	assert_parses("1.500.000 đồng", 1500000);
	assert_parses("1.500.000 ĐỒNG", 1500000);
	assert_parses("1500000 Dong", 1500000);
	assert_parses("2 triệu đồng", 2000000);
	assert_parses("500K", 500000);
	assert_parses("500 ngàn", 500000);
	assert_parses("1,2 tỷ", 1200000000);
	assert_parses("  1.500.000  ", 1500000);
	assert_parses("1\u00A0500\u00A0000 đ", 1500000);
}
END_TEST

START_TEST(test_parse_small_and_limits)
{
	assert_parses("0", 0);
	assert_parses("999", 999);
	assert_parses("0đ", 0);
	assert_parses("1.000.000.000.000.000", GN_MONEY_MAX);
	assert_parses("1000000000tr", GN_MONEY_MAX);
	assert_refused("1.000.000.000.000.001");
	assert_refused("1000000000000001");
	assert_refused("1000000001tr");
	assert_refused("1000001 tỷ");
	assert_refused("99999999999999999999999999");
}
END_TEST

START_TEST(test_parse_fraction_of_unit)
{
	assert_parses("1,234567tr", 1234567);
	assert_parses("1,2345tr", 1234500);
	assert_parses("0,5k", 500);
	assert_parses("1,50000000000tr", 1500000);
	assert_parses("1.500.000,00 đ", 1500000);
	assert_refused("1,2345678tr");
	assert_refused("1,0005k");
	assert_refused("1,5");
	assert_refused("1,5 đ");
	assert_refused("1,0000000001 tỷ");
}
END_TEST

START_TEST(test_parse_refusals)
{
	assert_refused("");
	assert_refused("   ");
	assert_refused("abc");
	assert_refused("-5");
	assert_refused("+5");
	assert_refused("1.5");
	assert_refused("1.50.000");
	assert_refused("1.5000");
	assert_refused("15.00.000");
	assert_refused("1.500 000");
	assert_refused("1,500,000");
	assert_refused("1 5tr");
	assert_refused("1tr5");
	assert_refused("5 USD");
	assert_refused("tr");
	assert_refused(",5tr");
	assert_refused("1,tr");
	assert_refused("1.500.000 đ x");
	assert_refused(NULL);
}
END_TEST

START_TEST(test_format)
{
	char buf[64];

	assert_format(0, "0 đ");
	assert_format(999, "999 đ");
	assert_format(1000, "1.000 đ");
	assert_format(1500000, "1.500.000 đ");
	assert_format(-1500000, "-1.500.000 đ");
	assert_format(GN_MONEY_MAX, "1.000.000.000.000.000 đ");
	gn_money_format_plain(1500000, buf, sizeof buf);
	ck_assert_str_eq(buf, "1.500.000");
	gn_money_format_plain(-999, buf, sizeof buf);
	ck_assert_str_eq(buf, "-999");
	gn_money_format_plain(LLONG_MIN, buf, sizeof buf);
	ck_assert_str_eq(buf, "-9.223.372.036.854.775.808");
	gn_money_format_plain(LLONG_MAX, buf, sizeof buf);
	ck_assert_str_eq(buf, "9.223.372.036.854.775.807");
}
END_TEST

START_TEST(test_format_small_buffer)
{
	char buf[16];

	/* "1.500.000 đ" is 12 bytes plus the terminator. */
	memset(buf, 'x', sizeof buf);
	gn_money_format(1500000, buf, 13);
	ck_assert_str_eq(buf, "1.500.000 đ");
	memset(buf, 'x', sizeof buf);
	gn_money_format(1500000, buf, 12);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(buf[1], 'x');
	gn_money_format_plain(1500000, buf, 9);
	ck_assert_str_eq(buf, "");
	memset(buf, 'x', sizeof buf);
	gn_money_format_plain(1500000, buf, 0);
	ck_assert_int_eq(buf[0], 'x');
}
END_TEST

START_TEST(test_round_trip)
{
	static const gn_money values[] = {0, 7, 1000, 999999, 1234567, 1500000, GN_MONEY_MAX};
	size_t i;

	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		char buf[64];

		gn_money_format(values[i], buf, sizeof buf);
		assert_parses(buf, values[i]);
		gn_money_format_plain(values[i], buf, sizeof buf);
		assert_parses(buf, values[i]);
	}
}
END_TEST

static Suite *money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_parse_header_examples);
	tcase_add_test(tc, test_parse_currency_words);
	tcase_add_test(tc, test_parse_small_and_limits);
	tcase_add_test(tc, test_parse_fraction_of_unit);
	tcase_add_test(tc, test_parse_refusals);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_format_small_buffer);
	tcase_add_test(tc, test_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(money_suite());
}
