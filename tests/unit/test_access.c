/* Who may do what: the first admin, impersonation by the file's owner, the
 * editor's agency, the viewer's masked ID numbers, users without account. */
#include <check.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/access.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/audit.h"
#include "giamngheo/i18n.h"
#include "giamngheo/search.h"
#include "giamngheo/stats.h"
#include "testdb.h"
#include "check_run.h"

static char path[PATH_MAX];
static gn_db *db;
static long long agency_a, agency_b, ours, theirs;

static void account(const char *login, gn_user_role role, long long agency_id)
{
	gn_account a = { .role = role, .agency_id = agency_id };
	snprintf(a.login, sizeof a.login, "%s", login);
	ck_assert_int_eq(gn_account_save(db, &a), GN_OK);
}

static void setup(void)
{
	unsetenv("GIAMNGHEO_USER");
	gn_i18n_init("en");
	db = testdb_open(path, true);
	agency_a = testdb_agency(db, "A", "Agency A");
	agency_b = testdb_agency(db, "B", "Agency B");
	ours = testdb_household(db, "H1", "Nguyễn Văn An", 1000000, GN_AREA_URBAN);
	theirs = testdb_household(db, "H2", "Trần Thị Bình", 1000000, GN_AREA_URBAN);
	ck_assert_int_eq(gn_assign(db, ours, agency_a, GN_ROLE_SUPPORT, 0), GN_OK);
	ck_assert_int_eq(gn_assign(db, theirs, agency_b, GN_ROLE_LEAD, 0), GN_OK);
	gn_member m = { .household_id = ours, .full_name = strdup("Nguyễn Văn An"),
			.cccd = strdup("001089012345") };
	ck_assert_int_eq(gn_member_insert(db, &m), GN_OK);
	gn_member_clear(&m);
	account("ed", GN_USER_EDITOR, agency_a);
	account("vi", GN_USER_VIEWER, 0);
}

static void teardown(void)
{
	unsetenv("GIAMNGHEO_USER");
	testdb_close(db, path);
}

START_TEST(the_creator_of_a_database_is_its_first_admin)
{
	const struct passwd *pw = getpwuid(geteuid());
	gn_account a;
	ck_assert_int_eq(db->role, GN_USER_ADMIN);
	ck_assert_int_eq(gn_account_load(db, pw->pw_name, &a), GN_OK);
	ck_assert_int_eq(a.role, GN_USER_ADMIN);
}
END_TEST

START_TEST(the_owner_may_act_as_another_login)
{
	gn_db *other;
	setenv("GIAMNGHEO_USER", "vi", 1);
	ck_assert_int_eq(gn_db_open(path, false, &other), GN_OK);
	ck_assert_str_eq(other->actor, "vi");
	ck_assert_int_eq(other->role, GN_USER_VIEWER);
	gn_db_close(other);
	setenv("GIAMNGHEO_USER", "nobody-here", 1);
	ck_assert_int_eq(gn_db_open(path, false, &other), GN_OK);
	ck_assert_int_eq(other->role, GN_USER_UNKNOWN);
	gn_db_close(other);
}
END_TEST

static gn_status save_head(long long id, const char *name)
{
	gn_household h;
	gn_user_role role = db->role;
	char actor[64];
	snprintf(actor, sizeof actor, "%s", db->actor);
	/* Read as admin, save as the user under test. */
	db->role = GN_USER_ADMIN;
	ck_assert_int_eq(gn_household_load(db, id, &h), GN_OK);
	db->role = role;
	free(h.head_name);
	h.head_name = strdup(name);
	gn_status s = gn_household_update(db, &h, NULL);
	gn_household_clear(&h);
	return s;
}

START_TEST(an_editor_changes_only_households_its_agency_helps)
{
	ck_assert_int_eq(gn_access_become(db, "ed"), GN_OK);
	ck_assert_int_eq(db->role, GN_USER_EDITOR);
	ck_assert_int_eq(save_head(ours, "Nguyễn Văn Ân"), GN_OK);
	ck_assert_int_eq(save_head(theirs, "Trần Thị Bính"), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "works for A"));
	ck_assert_int_eq(gn_household_set_indicator(db, theirs, 1, GN_IND_DEPRIVED), GN_ERR_FORBIDDEN);
	ck_assert_int_eq(gn_household_set_indicator(db, ours, 1, GN_IND_DEPRIVED), GN_OK);
	gn_member m = { .household_id = theirs, .full_name = strdup("Trần Văn Cường") };
	ck_assert_int_eq(gn_member_insert(db, &m), GN_ERR_FORBIDDEN);
	gn_member_clear(&m);
	/* The register and the assignments are the focal department's. */
	ck_assert_int_eq(testdb_household(db, "H3", "Lê Văn Dũng", 1000000, GN_AREA_URBAN), 0);
	ck_assert_int_eq(gn_assign(db, theirs, agency_a, GN_ROLE_SUPPORT, 0), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "Only an administrator"));
	/* Staff of its own agency, not another's. */
	gn_staff st = { .agency_id = agency_a };
	snprintf(st.full_name, sizeof st.full_name, "Phạm Thu");
	ck_assert_int_eq(gn_staff_insert(db, &st), GN_OK);
	st.agency_id = agency_b;
	ck_assert_int_eq(gn_staff_insert(db, &st), GN_ERR_FORBIDDEN);
	/* An editor sees ID numbers whole. */
	gn_member *list;
	int n;
	ck_assert_int_eq(gn_member_list(db, ours, &list, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].cccd, "001089012345");
	gn_member_list_free(list, n);
}
END_TEST

START_TEST(a_viewer_reads_with_masked_ids_and_writes_nothing)
{
	ck_assert_int_eq(gn_access_become(db, "vi"), GN_OK);
	gn_member *list;
	int n;
	ck_assert_int_eq(gn_member_list(db, ours, &list, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(list[0].cccd, "********2345");
	gn_member_list_free(list, n);
	ck_assert_int_eq(save_head(ours, "Nguyễn Văn Ân"), GN_ERR_FORBIDDEN);
	ck_assert_str_eq(gn_status_message(GN_ERR_FORBIDDEN), "The account vi may only view.");
	gn_audit_filter f = { .limit = 1000 };
	gn_audit_change *c;
	ck_assert_int_eq(gn_audit_query(db, &f, &c, &n), GN_OK);
	int seen = 0;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < c[i].n_fields; k++)
			if (strcmp(c[i].fields[k].field, "cccd") == 0) {
				ck_assert_str_eq(c[i].fields[k].after, "********2345");
				seen++;
			}
	ck_assert_int_eq(seen, 1);
	gn_audit_changes_free(c, n);
}
END_TEST

static bool count_member(const gn_person_match *p, void *ctx)
{
	*(int *)ctx += p->kind == GN_PERSON_MEMBER;
	return true;
}

static int people_found(const char *typed)
{
	int members = 0;
	ck_assert_int_eq(gn_search_people(db, typed, count_member, &members), GN_OK);
	return members;
}

/* Typed digit by digit, a search would spell out an ID number the viewer
 * sees masked. */
START_TEST(a_viewer_cannot_find_people_by_id_number)
{
	gn_member m = { .household_id = ours, .full_name = strdup("Nguyễn Thị Cúc"),
			.cccd = strdup("001190054321") };
	ck_assert_int_eq(gn_member_insert(db, &m), GN_OK);
	gn_member_clear(&m);
	ck_assert_int_eq(people_found("0011900"), 1);
	ck_assert_int_eq(people_found("4321"), 1);
	ck_assert_int_eq(gn_access_become(db, "vi"), GN_OK);
	ck_assert_int_eq(people_found("0011900"), 0);
	ck_assert_int_eq(people_found("4321"), 0);
	ck_assert_int_eq(people_found("cuc"), 1);
}
END_TEST

START_TEST(without_an_account_only_the_figures)
{
	ck_assert_int_eq(gn_access_become(db, "stranger"), GN_OK);
	gn_household h;
	ck_assert_int_eq(gn_household_load(db, ours, &h), GN_ERR_FORBIDDEN);
	ck_assert_str_eq(gn_status_message(GN_ERR_FORBIDDEN),
			 "No access yet: ask an administrator to add the account stranger.");
	gn_household_filter f;
	gn_household_filter_init(&f);
	gn_household_row *rows;
	long long total;
	int n;
	ck_assert_int_eq(gn_household_query(db, NULL, &f, &rows, &n, &total), GN_ERR_FORBIDDEN);
	int members = 0;
	ck_assert_int_eq(gn_search_people(db, "an", count_member, &members), GN_ERR_FORBIDDEN);
	gn_stats st;
	ck_assert_int_eq(gn_stats_compute(db, gn_today(), &st), GN_OK);
}
END_TEST

START_TEST(the_last_admin_stays)
{
	const struct passwd *pw = getpwuid(geteuid());
	gn_account me;
	ck_assert_int_eq(gn_account_load(db, pw->pw_name, &me), GN_OK);
	ck_assert_int_eq(gn_account_remove(db, &me), GN_ERR_FORBIDDEN);
	me.role = GN_USER_VIEWER;
	ck_assert_int_eq(gn_account_save(db, &me), GN_ERR_FORBIDDEN);
	ck_assert_int_eq(gn_account_load(db, pw->pw_name, &me), GN_OK);
	ck_assert_int_eq(me.role, GN_USER_ADMIN);
	account("second", GN_USER_ADMIN, 0);
	ck_assert_int_eq(gn_account_remove(db, &me), GN_OK);
	ck_assert_int_eq(gn_account_load(db, pw->pw_name, &me), GN_ERR_NOT_FOUND);
}
END_TEST

START_TEST(an_id_number_shows_its_last_four_digits_to_viewers)
{
	char id[] = "001089012345", same[] = "001089012345";
	gn_db viewer = { .role = GN_USER_VIEWER }, editor = { .role = GN_USER_EDITOR },
	      stranger = { .role = GN_USER_UNKNOWN };
	gn_access_mask_id(&editor, same);
	ck_assert_str_eq(same, "001089012345");
	gn_access_mask_id(&viewer, id);
	ck_assert_str_eq(id, "********2345");
	char other[] = "001089012345";
	gn_access_mask_id(&stranger, other);
	ck_assert_str_eq(other, "********2345");
	gn_access_mask_id(&viewer, NULL);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("roles");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, the_creator_of_a_database_is_its_first_admin);
	tcase_add_test(tc, the_owner_may_act_as_another_login);
	tcase_add_test(tc, an_editor_changes_only_households_its_agency_helps);
	tcase_add_test(tc, a_viewer_reads_with_masked_ids_and_writes_nothing);
	tcase_add_test(tc, a_viewer_cannot_find_people_by_id_number);
	tcase_add_test(tc, without_an_account_only_the_figures);
	tcase_add_test(tc, the_last_admin_stays);
	tcase_add_test(tc, an_id_number_shows_its_last_four_digits_to_viewers);
	suite_add_tcase(s, tc);
	return check_run(s);
}
