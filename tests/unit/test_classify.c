/* The poverty rules of Decree 07/2021 and Decree 351/2025, at their edges. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/classify.h"
#include "check_run.h"

static const gn_thresholds std_2022 = { 1500000, 2000000, 2250000, 3000000, 3 };
static const gn_thresholds std_2027 = { 2200000, 2800000, 3300000, 4200000, 3 };

START_TEST(income_exactly_at_the_line_is_poor)
{
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 2000000, 3), GN_CLASS_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 2000001, 3), GN_CLASS_MIDDLE);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_RURAL, 1500000, 5), GN_CLASS_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_RURAL, 1500001, 5), GN_CLASS_MIDDLE);
}
END_TEST

START_TEST(exactly_three_deprivations_is_poor_two_is_near_poor)
{
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 1800000, 3), GN_CLASS_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 1800000, 2), GN_CLASS_NEAR_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 1800000, 0), GN_CLASS_NEAR_POOR);
}
END_TEST

START_TEST(urban_and_rural_lines_differ)
{
	/* 1.8 M is under the urban line but above the rural one. */
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 1800000, 4), GN_CLASS_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_RURAL, 1800000, 4), GN_CLASS_MIDDLE);
}
END_TEST

START_TEST(middle_band_and_not_poor)
{
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 3000000, 6), GN_CLASS_MIDDLE);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 3000001, 6), GN_CLASS_NOT_POOR);
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_RURAL, 2250001, 0), GN_CLASS_NOT_POOR);
}
END_TEST

START_TEST(same_household_under_both_standards)
{
	/* 2.5 M urban with 3 deprivations: out of poverty under 2022-2025, poor under 2027-2030. */
	ck_assert_int_eq(gn_classify(&std_2022, GN_AREA_URBAN, 2500000, 3), GN_CLASS_MIDDLE);
	ck_assert_int_eq(gn_classify(&std_2027, GN_AREA_URBAN, 2500000, 3), GN_CLASS_POOR);
	ck_assert_int_eq(gn_classify(&std_2027, GN_AREA_URBAN, 2800000, 2), GN_CLASS_NEAR_POOR);
	ck_assert_int_eq(gn_classify(&std_2027, GN_AREA_RURAL, 2200001, 3), GN_CLASS_MIDDLE);
}
END_TEST

START_TEST(addressing_still_counts_resolved_does_not)
{
	gn_ind_status st[12] = { GN_IND_DEPRIVED, GN_IND_ADDRESSING, GN_IND_RESOLVED, GN_IND_RESOLVED };
	ck_assert_int_eq(gn_count_deprivations(st, 12), 2);
}
END_TEST

START_TEST(exit_gap_for_a_poor_household)
{
	gn_ind_status st[12] = { GN_IND_DEPRIVED, GN_IND_ADDRESSING, GN_IND_DEPRIVED, GN_IND_RESOLVED };
	gn_exit_gap g = gn_exit_gap_compute(&std_2022, GN_AREA_URBAN, 1850000, st, 12);
	ck_assert_int_eq(g.cls, GN_CLASS_POOR);
	ck_assert_int_eq(g.left, 3);
	ck_assert_int_eq(g.total, 4);
	ck_assert_int_eq(g.to_resolve, 1);
	ck_assert_int_eq(g.line, 2000000);
	/* Above the line means strictly more than 2 000 000 đ. */
	ck_assert_int_eq(g.shortfall, 150001);
	char text[512];
	gn_exit_gap_describe(&g, text, sizeof text);
	ck_assert_ptr_nonnull(strstr(text, "1.850.000 đ"));
	ck_assert_ptr_nonnull(strstr(text, "2.000.000 đ"));
	ck_assert_ptr_nonnull(strstr(text, "3 of 4"));
}
END_TEST

START_TEST(exit_gap_once_income_is_above_the_line)
{
	gn_ind_status st[12] = { GN_IND_DEPRIVED, GN_IND_DEPRIVED, GN_IND_DEPRIVED, GN_IND_DEPRIVED };
	gn_exit_gap g = gn_exit_gap_compute(&std_2022, GN_AREA_URBAN, 2100000, st, 12);
	ck_assert_int_eq(g.cls, GN_CLASS_MIDDLE);
	ck_assert_int_eq(g.shortfall, 0);
	/* The same household is still poor under 2027-2030's higher line. */
	g = gn_exit_gap_compute(&std_2027, GN_AREA_URBAN, 2100000, st, 12);
	ck_assert_int_eq(g.cls, GN_CLASS_POOR);
	ck_assert_int_eq(g.shortfall, 700001);
	ck_assert_int_eq(g.to_resolve, 2);
}
END_TEST

START_TEST(codes_round_trip)
{
	for (int c = GN_CLASS_POOR; c <= GN_CLASS_NOT_POOR; c++) {
		gn_class back;
		ck_assert(gn_class_from_code(gn_class_code((gn_class)c), &back));
		ck_assert_int_eq(back, c);
	}
	gn_ind_status s;
	ck_assert(gn_ind_status_from_code("addressing", &s));
	ck_assert_int_eq(s, GN_IND_ADDRESSING);
	ck_assert(!gn_ind_status_from_code("Deprived", &s));
	/* Every status has its own symbol, so monochrome screens can tell them apart. */
	ck_assert_int_ne(gn_ind_status_symbol(GN_IND_DEPRIVED), gn_ind_status_symbol(GN_IND_ADDRESSING));
	ck_assert_int_ne(gn_ind_status_symbol(GN_IND_RESOLVED), gn_ind_status_symbol(GN_IND_NOT_DEPRIVED));
	ck_assert_int_ne(gn_ind_status_symbol(GN_IND_DEPRIVED), gn_ind_status_symbol(GN_IND_RESOLVED));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, income_exactly_at_the_line_is_poor);
	tcase_add_test(tc, exactly_three_deprivations_is_poor_two_is_near_poor);
	tcase_add_test(tc, urban_and_rural_lines_differ);
	tcase_add_test(tc, middle_band_and_not_poor);
	tcase_add_test(tc, same_household_under_both_standards);
	tcase_add_test(tc, addressing_still_counts_resolved_does_not);
	tcase_add_test(tc, exit_gap_for_a_poor_household);
	tcase_add_test(tc, exit_gap_once_income_is_above_the_line);
	tcase_add_test(tc, codes_round_trip);
	suite_add_tcase(s, tc);
	return check_run(s);
}
