/* Households, members and search as the officers use them. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/household.h"
#include "giamngheo/search.h"
#include "giamngheo/standard.h"
#include "testdb.h"
#include "check_run.h"

static char path[PATH_MAX];
static gn_db *db;
static gn_standard std;

static void setup(void)
{
	db = testdb_open(path, true);
	ck_assert_int_eq(gn_standard_load_code(db, "2022-2025", &std), GN_OK);
}

static void teardown(void)
{
	gn_standard_clear(&std);
	testdb_close(db, path);
}

static long long add_member(long long hh, const char *name, const char *cccd)
{
	gn_member m = { .household_id = hh, .full_name = strdup(name), .cccd = cccd ? strdup(cccd) : NULL };
	gn_status s = gn_member_insert(db, &m);
	long long id = s == GN_OK ? m.id : -(long long)s;
	gn_member_clear(&m);
	return id;
}

/* What a search found, copied out of the visitor. */
typedef struct {
	int n;
	struct {
		gn_person_kind kind;
		char code[32], name[128];
	} p[64];
} found_people;

static bool keep_person(const gn_person_match *p, void *ctx)
{
	found_people *f = ctx;
	if (f->n == (int)(sizeof f->p / sizeof f->p[0]))
		return false;
	f->p[f->n].kind = p->kind;
	snprintf(f->p[f->n].code, sizeof f->p[f->n].code, "%s", p->household_code);
	snprintf(f->p[f->n].name, sizeof f->p[f->n].name, "%s", p->name);
	f->n++;
	return true;
}

static long long count_matches(const char *text)
{
	gn_household_filter f;
	gn_household_filter_init(&f);
	f.text = text;
	gn_household_row *rows;
	int n;
	long long total = -1;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &rows, &n, &total), GN_OK);
	ck_assert_int_eq(n, total);
	/* A window walks the list and checks each household itself: the same
	 * households must come back as from the index. */
	f.limit = 1000;
	gn_household_row *walked;
	int n_walked;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &walked, &n_walked, NULL), GN_OK);
	ck_assert_int_eq(n_walked, n);
	for (int i = 0; i < n; i++)
		ck_assert_str_eq(walked[i].code, rows[i].code);
	long long counted = -1;
	ck_assert_int_eq(gn_household_count(db, &std, &f, &counted), GN_OK);
	ck_assert_int_eq(counted, total);
	free(walked);
	free(rows);
	return total;
}

START_TEST(huong_finds_huong_in_any_case_and_form)
{
	long long a = testdb_household(db, "SC-0001", "Nguyễn Thị Hương", 1800000, GN_AREA_URBAN);
	long long b = testdb_household(db, "SC-0002", "TRẦN VĂN NAM", 1800000, GN_AREA_URBAN);
	testdb_household(db, "SC-0003", "Lê Văn Hùng", 1800000, GN_AREA_URBAN);
	ck_assert_int_gt(add_member(b, "TRẦN THỊ HƯƠNG", NULL), 0);
	ck_assert_int_gt(a, 0);

	ck_assert_int_eq(count_matches("huong"), 2);
	ck_assert_int_eq(count_matches("HUONG"), 2);
	ck_assert_int_eq(count_matches("Hương"), 2);
	/* Decomposed input (as some keyboards send it) finds the same rows. */
	ck_assert_int_eq(count_matches("Hu\xcc\x9bo\xcc\x9bng"), 2);
	ck_assert_int_eq(count_matches("hung"), 1);
	ck_assert_int_eq(count_matches("thi huong"), 2);
	ck_assert_int_eq(count_matches("huong nguyen"), 1);
	ck_assert_int_eq(count_matches("xyz"), 0);
}
END_TEST

START_TEST(short_words_codes_ids_and_phones_are_searchable)
{
	long long a = testdb_household(db, "SC-0010", "Đặng Văn Dũng", 1800000, GN_AREA_URBAN);
	ck_assert_int_gt(add_member(a, "Đặng Thị Dung", "019 090 001 234"), 0);
	testdb_household(db, "SC-0011", "Bùi Thị Lan", 1800000, GN_AREA_URBAN);
	ck_assert_int_eq(count_matches("dang"), 1);
	ck_assert_int_eq(count_matches("dung"), 1);
	ck_assert_int_eq(count_matches("d"), 1);
	ck_assert_int_eq(count_matches("sc-0011"), 1);
	ck_assert_int_eq(count_matches("019090001234"), 1);
	ck_assert_int_eq(count_matches("001234"), 1);
	ck_assert_int_eq(count_matches("090001"), 0); /* digits in the middle of a number */
	ck_assert_int_eq(count_matches("sc-00"), 2);
	ck_assert_int_eq(count_matches("sc 0010"), 1);
	ck_assert_int_eq(count_matches("c-0011"), 0); /* not the start of a word */

	found_people m = { .n = 0 };
	ck_assert_int_eq(gn_search_people(db, "dung", keep_person, &m), GN_OK);
	ck_assert_int_eq(m.n, 2);
	ck_assert_str_eq(m.p[0].name, "Đặng Văn Dũng");
	ck_assert_int_eq(m.p[0].kind, GN_PERSON_HEAD);
	ck_assert_str_eq(m.p[1].name, "Đặng Thị Dung");
	ck_assert_int_eq(m.p[1].kind, GN_PERSON_MEMBER);
}
END_TEST

/* The people the command line's search finds through its index of people,
 * in order, against a walk over every current head
 * and member that checks each one's own words as the list's walk does
 * (gn_search_matches on the indexed form) and as the search does
 * (gn_words_match on the words the user may search them by). */
static void assert_people_as_walked(const char *typed, int expected)
{
	found_people m = { .n = 0 };
	ck_assert_int_eq(gn_search_people(db, typed, keep_person, &m), GN_OK);
	int n = m.n;
	/* Agencies' staff and contacts come last: the walk is of households. */
	while (n > 0 && m.p[n - 1].kind >= GN_PERSON_STAFF)
		n--;
	char *match, *words;
	ck_assert_int_eq(gn_search_compile(typed, &match, &words), GN_OK);
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT code, name FROM (SELECT h.code AS code, 0 AS kind, h.head_name AS name,"
		"  h.code || ' ' || h.head_name || ' ' || h.phone AS own, h.code || ' ' || h.head_name"
		"  || ' ' || h.phone AS visible FROM household h WHERE h.deleted = 0"
		" UNION ALL SELECT h.code, 1, m.full_name, m.full_name || ' ' || coalesce(m.cccd, ''),"
		"  m.full_name || ' ' || CASE WHEN ?2 THEN coalesce(m.cccd, '') ELSE '' END"
		"  FROM member m JOIN household h ON h.id = m.household_id"
		"  WHERE m.deleted = 0 AND h.deleted = 0 AND m.full_name <> h.head_name)"
		" WHERE gn_search_matches(gn_search_text(own), ?1) AND gn_words_match(gn_fold(visible), ?1)"
		" ORDER BY code, kind, name");
	ck_assert_ptr_nonnull(st);
	sqlite3_bind_text(st, 1, words, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, gn_access_sees_ids(db));
	int walked = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ck_assert_int_lt(walked, n);
		ck_assert_str_eq(m.p[walked].code, (const char *)sqlite3_column_text(st, 0));
		ck_assert_str_eq(m.p[walked].name, (const char *)sqlite3_column_text(st, 1));
		walked++;
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(walked, n);
	ck_assert_int_eq(n, expected);
	free(match);
	free(words);
}

START_TEST(people_found_by_the_index_are_those_a_walk_finds)
{
	long long a = testdb_household(db, "PS-0001", "Nguyễn Thị Hương", 1800000, GN_AREA_URBAN);
	long long b = testdb_household(db, "PS-0002", "Trần Văn Phương", 1800000, GN_AREA_URBAN);
	long long c = testdb_household(db, "PS-0003", "Lê Thị Hường", 1800000, GN_AREA_URBAN);
	ck_assert_int_gt(add_member(a, "Nguyễn Thị Hương", NULL), 0); /* the head again */
	ck_assert_int_gt(add_member(a, "Phạm Văn Hưng", "019090001234"), 0);
	ck_assert_int_gt(add_member(b, "Trần Thị Hương Giang", "019190567890"), 0);
	ck_assert_int_gt(add_member(a, "Phạm Thị Hoa", "090001555555"), 0);
	long long gone = add_member(c, "Lê Văn Hương", NULL);
	ck_assert_int_gt(gone, 0);

	assert_people_as_walked("huong", 4); /* not Phương, the head once */
	assert_people_as_walked("thi huong", 3);
	assert_people_as_walked("hung", 1);
	assert_people_as_walked("0190900", 1);  /* an ID number by its start */
	assert_people_as_walked("1234", 1);     /* or its last digits */
	/* Not by digits in the middle, even when a housemate's number starts
	 * with them. */
	assert_people_as_walked("090001", 1);
	assert_people_as_walked("ps-0002", 1);  /* a household's code finds its head */

	/* Removed members and deleted households are not found; a household
	 * brought back is, with its members. */
	gn_member *list;
	int n;
	ck_assert_int_eq(gn_member_list(db, c, &list, &n), GN_OK);
	for (int i = 0; i < n; i++)
		if (list[i].id == gone)
			ck_assert_int_eq(gn_member_remove(db, &list[i], NULL), GN_OK);
	gn_member_list_free(list, n);
	assert_people_as_walked("huong", 3);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, b, &h), GN_OK);
	ck_assert_int_eq(gn_household_delete(db, b, h.version), GN_OK);
	gn_household_clear(&h);
	assert_people_as_walked("huong", 2);
	assert_people_as_walked("0191905", 0);
	ck_assert_int_eq(gn_household_restore(db, b), GN_OK);
	assert_people_as_walked("huong", 3);

	/* A renamed head is found by the new name only. */
	ck_assert_int_eq(gn_household_load(db, c, &h), GN_OK);
	free(h.head_name);
	h.head_name = strdup("Lê Thị Lan");
	ck_assert_int_eq(gn_household_update(db, &h, NULL), GN_OK);
	gn_household_clear(&h);
	assert_people_as_walked("huong", 2);
	assert_people_as_walked("lan", 1);
}
END_TEST

START_TEST(search_text_is_not_query_syntax)
{
	testdb_household(db, "SC-0020", "Ngô \"Văn\" Tư", 1800000, GN_AREA_URBAN);
	ck_assert_int_eq(count_matches("\"van"), 1);
	ck_assert_int_eq(count_matches("van\" OR \"x"), 0);
	ck_assert_int_eq(count_matches("'; DROP TABLE household; --"), 0);
	ck_assert_int_eq(count_matches("%"), 0);
	ck_assert_int_eq(count_matches("van"), 1);
	/* A letter the fold keeps (ø): the walk asks the index about that
	 * household instead of deciding itself, and both agree. */
	testdb_household(db, "SC-0021", "Øyvind Hansen", 1800000, GN_AREA_URBAN);
	ck_assert_int_eq(count_matches("hansen"), 1);
	ck_assert_int_eq(count_matches("\xc3\xb8yvind"), 1);
}
END_TEST

START_TEST(class_follows_deprivations_and_income)
{
	long long id = testdb_household(db, "SC-0030", "Vũ Văn Quyết", 1900000, GN_AREA_URBAN);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_int_eq(h.cls, GN_CLASS_NEAR_POOR);
	gn_household_clear(&h);

	testdb_deprive(db, id, &std, 3, GN_IND_DEPRIVED);
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_int_eq(h.cls, GN_CLASS_POOR);
	/* Support under way still leaves the deprivation counted. */
	ck_assert_int_eq(gn_household_set_indicator(db, id, std.indicators[0].id, GN_IND_ADDRESSING), GN_OK);
	gn_household_clear(&h);
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_int_eq(h.cls, GN_CLASS_POOR);
	/* Resolving one takes it below three: near-poor. */
	ck_assert_int_eq(gn_household_set_indicator(db, id, std.indicators[0].id, GN_IND_RESOLVED), GN_OK);
	gn_household_clear(&h);
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_int_eq(h.cls, GN_CLASS_NEAR_POOR);

	gn_ind_status st[GN_MAX_INDICATORS];
	gn_exit_gap gap;
	ck_assert_int_eq(gn_household_gap(db, &h, &std, st, &gap), GN_OK);
	ck_assert_int_eq(gap.left, 2);
	ck_assert_int_eq(gap.total, 3);
	ck_assert_int_eq(st[0], GN_IND_RESOLVED);
	gn_household_clear(&h);
}
END_TEST

START_TEST(bad_values_are_refused_and_nothing_is_written)
{
	ck_assert_int_eq(testdb_household(db, "SC-0040", "Bad \xff\xfe name", 1, GN_AREA_URBAN), 0);
	ck_assert_int_eq(testdb_household(db, "SC-0041", "", 1, GN_AREA_URBAN), 0);
	ck_assert_int_eq(testdb_household(db, "SC-0042", "Âm", -5, GN_AREA_URBAN), 0);
	ck_assert_int_eq(gn_db_int_query(db, "SELECT count(*) FROM household", 0, -1), 0);

	long long hh = testdb_household(db, "SC-0043", "Lý Thị Mai", 1, GN_AREA_URBAN);
	ck_assert_int_eq(add_member(hh, "Lý Văn Tài", "12345"), -GN_ERR_INVALID);
	ck_assert_int_gt(add_member(hh, "Lý Văn Tài", "019123456789"), 0);
	/* The same ID number cannot belong to two people. */
	ck_assert_int_eq(add_member(hh, "Lý Văn Khác", "019123456789"), -GN_ERR_DUPLICATE);

	gn_household h = { .code = strdup("SC-0044"), .head_name = strdup("Hà Văn Phúc"),
			   .phone = strdup("12ab") };
	ck_assert_int_eq(gn_household_insert(db, &h), GN_ERR_INVALID);
	free(h.phone);
	h.phone = strdup("0973.828.625");
	ck_assert_int_eq(gn_household_insert(db, &h), GN_OK);
	ck_assert_str_eq(h.phone, "0973828625");
	gn_household_clear(&h);
}
END_TEST

START_TEST(names_are_stored_composed)
{
	/* "Hương" typed decomposed is stored as the composed form. */
	long long id = testdb_household(db, "SC-0050", "Hu\xcc\x9bo\xcc\x9bng", 1, GN_AREA_URBAN);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	ck_assert_str_eq(h.head_name, "Hương");
	gn_household_clear(&h);
}
END_TEST

START_TEST(list_filters_and_counts)
{
	for (int i = 0; i < 30; i++) {
		char code[16];
		snprintf(code, sizeof code, "SC-%04d", 100 + i);
		long long id = testdb_household(db, code, "Hộ Thử Nghiệm", 1500000, GN_AREA_URBAN);
		testdb_deprive(db, id, &std, i % 5, GN_IND_DEPRIVED);
	}
	gn_household_filter f;
	gn_household_filter_init(&f);
	f.cls = "poor";
	f.limit = 5;
	f.sort = GN_HH_SORT_DEPRIVATIONS;
	f.descending = true;
	gn_household_row *rows;
	int n;
	long long total;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &rows, &n, &total), GN_OK);
	ck_assert_int_eq(total, 12); /* i % 5 in {3, 4}: 12 of 30 */
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(rows[0].deprivations, 4);
	ck_assert_int_eq(rows[0].n_indicators, 12);
	ck_assert_int_eq(rows[0].indicators[3], GN_IND_DEPRIVED);
	ck_assert_int_eq(rows[0].indicators[4], GN_IND_NOT_DEPRIVED);
	free(rows);

	gn_household_filter_init(&f);
	f.deprived_on = "1.2"; /* second indicator: i % 5 >= 2 */
	ck_assert_int_eq(gn_household_query(db, &std, &f, &rows, &n, &total), GN_OK);
	ck_assert_int_eq(total, 18);
	free(rows);

	gn_household_filter_init(&f);
	f.offset = 28;
	f.limit = 10;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &rows, &n, &total), GN_OK);
	ck_assert_int_eq(total, 30);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(rows[1].code, "SC-0129");
	free(rows);

	/* Read from the end, the same window comes back in reverse, ties too. */
	gn_household_filter_init(&f);
	f.sort = GN_HH_SORT_DEPRIVATIONS;
	f.descending = true;
	f.limit = 30;
	gn_household_row *all;
	int n_all;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &all, &n_all, &total), GN_OK);
	f.from_end = true;
	f.offset = 3;
	f.limit = 4;
	ck_assert_int_eq(gn_household_query(db, &std, &f, &rows, &n, &total), GN_OK);
	ck_assert_int_eq(n, 4);
	for (int i = 0; i < 4; i++)
		ck_assert_str_eq(rows[i].code, all[n_all - 1 - 3 - i].code);
	free(rows);
	free(all);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("model");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, huong_finds_huong_in_any_case_and_form);
	tcase_add_test(tc, short_words_codes_ids_and_phones_are_searchable);
	tcase_add_test(tc, search_text_is_not_query_syntax);
	tcase_add_test(tc, people_found_by_the_index_are_those_a_walk_finds);
	tcase_add_test(tc, class_follows_deprivations_and_income);
	tcase_add_test(tc, bad_values_are_refused_and_nothing_is_written);
	tcase_add_test(tc, names_are_stored_composed);
	tcase_add_test(tc, list_filters_and_counts);
	suite_add_tcase(s, tc);
	return check_run(s);
}
