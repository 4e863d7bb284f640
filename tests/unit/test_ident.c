#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/ident.h"
#include "check_run.h"

static void assert_cccd(const char *in, const char *expected)
{
	char out[13];

	ck_assert_msg(gn_cccd_normalize(in, out) == GN_OK, "refused \"%s\"", in);
	ck_assert_str_eq(out, expected);
}

static void assert_cccd_refused(const char *in)
{
	char out[13];

	memset(out, 'x', sizeof out);
	ck_assert_msg(gn_cccd_normalize(in, out) == GN_ERR_INVALID, "accepted \"%s\"", in);
	ck_assert_str_eq(out, "");
}

static void assert_phone(const char *in, const char *expected)
{
	char out[16];

	ck_assert_msg(gn_phone_normalize(in, out) == GN_OK, "refused \"%s\"", in);
	ck_assert_str_eq(out, expected);
}

static void assert_phone_refused(const char *in)
{
	char out[16];

	memset(out, 'x', sizeof out);
	ck_assert_msg(gn_phone_normalize(in, out) == GN_ERR_INVALID, "accepted \"%s\"", in);
	ck_assert_str_eq(out, "");
}

START_TEST(test_cccd_accepts)
{
	assert_cccd("001089012345", "001089012345");
	assert_cccd("001 089 012 345", "001089012345");
	assert_cccd("001.089.012.345", "001089012345");
	assert_cccd("001-089-012-345", "001089012345");
	assert_cccd(" 001089012345 ", "001089012345");
}
END_TEST

START_TEST(test_cccd_refuses)
{
	assert_cccd_refused("00108901234");
	assert_cccd_refused("0010890123456");
	assert_cccd_refused("00108901234a");
	assert_cccd_refused("001089O12345");
	assert_cccd_refused("001/089/012/345");
	assert_cccd_refused("");
	assert_cccd_refused("   ");
	assert_cccd_refused(NULL);
}
END_TEST

START_TEST(test_phone_mobile)
{
	assert_phone("0973.828.625", "0973828625");
	assert_phone("0973828625", "0973828625");
	assert_phone("0973-828-625", "0973828625");
	assert_phone("+84 973 828 625", "0973828625");
	assert_phone("84973828625", "0973828625");
	assert_phone("+84 (0) 973 828 625", "0973828625");
	assert_phone("0312345678", "0312345678");
	assert_phone("0512345678", "0512345678");
	assert_phone("0712345678", "0712345678");
	assert_phone("0812345678", "0812345678");
}
END_TEST

START_TEST(test_phone_landline)
{
	assert_phone("0208 3862 123", "02083862123");
	assert_phone("(0208) 3862-123", "02083862123");
	assert_phone("+84 208 3862 123", "02083862123");
}
END_TEST

START_TEST(test_phone_refuses)
{
	assert_phone_refused("097382862");      /* 9 digits */
	assert_phone_refused("09738286255");    /* 11 digits, not a landline */
	assert_phone_refused("020838621234");   /* 12 digits */
	assert_phone_refused("0173828625");
	assert_phone_refused("0273828625");     /* 02 needs 11 digits */
	assert_phone_refused("0473828625");
	assert_phone_refused("0673828625");
	assert_phone_refused("9738286250");
	assert_phone_refused("0973a28625");
	assert_phone_refused("0973828625 ext 2");
	assert_phone_refused("+1 202 555 0101");
	assert_phone_refused("+0973828625");
	assert_phone_refused("0973+828625");
	assert_phone_refused("0097 3828 625");
	assert_phone_refused("09738286250973828625");
	assert_phone_refused("84");
	assert_phone_refused("");
	assert_phone_refused(NULL);
}
END_TEST

static Suite *ident_suite(void)
{
	Suite *s = suite_create("ident");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_cccd_accepts);
	tcase_add_test(tc, test_cccd_refuses);
	tcase_add_test(tc, test_phone_mobile);
	tcase_add_test(tc, test_phone_landline);
	tcase_add_test(tc, test_phone_refuses);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_run(ident_suite());
}
