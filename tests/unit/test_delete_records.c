/* Soft deletion of the other records an officer can delete by mistake:
 * support items, staff members and agencies. Each leaves its list and the
 * figures built on it, comes back whole with a restore, is refused when
 * saved meanwhile or when the role does not allow it, and reads as
 * deleted/restored in the history. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/audit.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report_build.h"
#include "giamngheo/support.h"
#include "testdb.h"
#include "check_run.h"

static char path[PATH_MAX];
static gn_db *db;
static long long agency_a, agency_b, ours, theirs;

static long long support_item(long long household, gn_money cash)
{
	gn_support it = { .household_id = household, .agency_id = agency_a, .cash = cash,
			  .planned = { 2026, 3, 15 } };
	snprintf(it.kind, sizeof it.kind, "housing");
	ck_assert_int_eq(gn_support_insert(db, &it), GN_OK);
	return it.id;
}

static long long staff(long long agency_id, const char *name)
{
	gn_staff st = { .agency_id = agency_id };
	snprintf(st.full_name, sizeof st.full_name, "%s", name);
	ck_assert_int_eq(gn_staff_insert(db, &st), GN_OK);
	return st.id;
}

/* Acts as the editor of agency A, or again as the admin who made the file. */
static void as_editor(void)
{
	ck_assert_int_eq(gn_access_become(db, "ed"), GN_OK);
}

static void as_admin(void)
{
	db->role = GN_USER_ADMIN;
	gn_db_set_actor(db, "admin");
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
	ck_assert_int_eq(gn_assign(db, ours, agency_a, GN_ROLE_LEAD, 0), GN_OK);
	ck_assert_int_eq(gn_assign(db, theirs, agency_b, GN_ROLE_LEAD, 0), GN_OK);
	gn_account ed = { .role = GN_USER_EDITOR, .agency_id = agency_a };
	snprintf(ed.login, sizeof ed.login, "ed");
	ck_assert_int_eq(gn_account_save(db, &ed), GN_OK);
}

static void teardown(void)
{
	testdb_close(db, path);
}

static int household_items(long long household)
{
	gn_support *list;
	int n;
	ck_assert_int_eq(gn_support_list_household(db, household, &list, &n), GN_OK);
	free(list);
	return n;
}

static int all_items(void)
{
	gn_support *list;
	int n;
	ck_assert_int_eq(gn_support_query(db, NULL, &list, &n), GN_OK);
	free(list);
	return n;
}

/* The plan report of agency A: its households' support items, as counted
 * in the totals row of the table that lists them. */
static long long planned_items_of_a(void)
{
	gn_report_request rq = { .kind = GN_REPORT_PLAN, .agency = "A", .today = { 2026, 6, 1 } };
	gn_report *r;
	ck_assert_int_eq(gn_report_build(db, &rq, &r), GN_OK);
	long long total = -1;
	for (int s = 0; s < r->nsections; s++)
		for (int b = 0; b < r->sections[s].nblocks; b++) {
			const gn_rtable *t = r->sections[s].blocks[b].table;
			for (int c = 0; t && c < t->ncols; c++)
				if (strcmp(t->headers[c], "Support items") == 0)
					total = gn_rtable_total(t, c);
		}
	gn_report_free(r);
	ck_assert_int_ge(total, 0);
	return total;
}

static const char *last_label(const char *entity, long long id, char *actor, size_t size)
{
	static char label[32];
	gn_audit_filter f = { .entity = entity, .entity_id = id, .limit = 1 };
	gn_audit_change *c;
	int n;
	ck_assert_int_eq(gn_audit_query(db, &f, &c, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	snprintf(label, sizeof label, "%s", gn_audit_action_label(&c[0]));
	snprintf(actor, size, "%s", c[0].actor);
	gn_audit_changes_free(c, n);
	return label;
}

START_TEST(a_deleted_support_item_leaves_the_lists_and_the_report_and_comes_back)
{
	long long id = support_item(ours, 2000000);
	support_item(ours, 500000);
	long long planned = planned_items_of_a();
	ck_assert_int_eq(planned, 2);
	ck_assert_int_eq(household_items(ours), 2);
	ck_assert_int_eq(all_items(), 2);

	as_editor();
	ck_assert_int_eq(gn_support_delete(db, id, 1), GN_OK);
	char actor[64];
	ck_assert_str_eq(last_label("support_item", id, actor, sizeof actor), "deleted");
	ck_assert_str_eq(actor, "ed");
	ck_assert_int_eq(household_items(ours), 1);
	ck_assert_int_eq(all_items(), 1);
	ck_assert_int_eq(planned_items_of_a(), planned - 1);
	gn_support gone;
	ck_assert_int_eq(gn_support_load(db, id, &gone), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(gn_support_delete(db, id, 2), GN_ERR_NOT_FOUND);

	ck_assert_int_eq(gn_support_restore(db, id), GN_OK);
	ck_assert_str_eq(last_label("support_item", id, actor, sizeof actor), "restored");
	ck_assert_int_eq(gn_support_restore(db, id), GN_ERR_NOT_FOUND);
	ck_assert_int_eq(household_items(ours), 2);
	ck_assert_int_eq(planned_items_of_a(), planned);
	gn_support back;
	ck_assert_int_eq(gn_support_load(db, id, &back), GN_OK);
	ck_assert_int_eq(back.cash, 2000000);
	gn_support_clear(&back);
}
END_TEST

START_TEST(a_support_item_saved_meanwhile_or_of_another_agency_is_not_deleted)
{
	long long id = support_item(ours, 2000000);
	long long other = support_item(theirs, 300000);
	gn_support it;
	ck_assert_int_eq(gn_support_load(db, id, &it), GN_OK);
	it.status = GN_SUPPORT_IN_PROGRESS;
	ck_assert_int_eq(gn_support_update(db, &it, NULL), GN_OK);
	gn_support_clear(&it);
	ck_assert_int_eq(gn_support_delete(db, id, 1), GN_ERR_CONFLICT);
	ck_assert_int_eq(household_items(ours), 1);

	/* The editor of A neither deletes nor restores what B's household got. */
	as_editor();
	ck_assert_int_eq(gn_support_delete(db, other, 1), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "works for A"));
	as_admin();
	ck_assert_int_eq(gn_support_delete(db, other, 1), GN_OK);
	as_editor();
	ck_assert_int_eq(gn_support_restore(db, other), GN_ERR_FORBIDDEN);
	ck_assert_int_eq(household_items(theirs), 0);
	ck_assert_int_eq(gn_support_delete(db, 9999, 1), GN_ERR_NOT_FOUND);
}
END_TEST

static int staff_count(long long agency_id)
{
	gn_staff *list;
	int n;
	ck_assert_int_eq(gn_staff_list(db, agency_id, &list, &n), GN_OK);
	free(list);
	return n;
}

/* Who follows the household for its lead agency, as its page shows. */
static void follower(long long household, char *out, size_t size)
{
	gn_helper *h;
	int n;
	ck_assert_int_eq(gn_household_helpers(db, household, &h, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	snprintf(out, size, "%s", h[0].staff_name);
	free(h);
}

START_TEST(a_deleted_staff_member_leaves_the_agency_and_the_households_and_comes_back)
{
	long long lan = staff(agency_a, "Phạm Thị Lan");
	staff(agency_a, "Đỗ Văn Minh");
	ck_assert_int_eq(gn_assign(db, ours, agency_a, GN_ROLE_LEAD, lan), GN_OK);
	char name[128];
	follower(ours, name, sizeof name);
	ck_assert_str_eq(name, "Phạm Thị Lan");

	as_editor();
	ck_assert_int_eq(gn_staff_delete(db, lan, 1), GN_OK);
	ck_assert_int_eq(staff_count(agency_a), 1);
	follower(ours, name, sizeof name);
	ck_assert_str_eq(name, "");
	char actor[64];
	ck_assert_str_eq(last_label("staff", lan, actor, sizeof actor), "deleted");
	ck_assert_int_eq(gn_staff_restore(db, lan), GN_OK);
	ck_assert_str_eq(last_label("staff", lan, actor, sizeof actor), "restored");
	ck_assert_int_eq(staff_count(agency_a), 2);
	follower(ours, name, sizeof name);
	ck_assert_str_eq(name, "Phạm Thị Lan");
}
END_TEST

START_TEST(staff_saved_meanwhile_or_of_another_agency_are_not_deleted)
{
	long long lan = staff(agency_a, "Phạm Thị Lan");
	long long hoa = staff(agency_b, "Vũ Thị Hoa");
	gn_staff st;
	ck_assert_int_eq(gn_staff_load(db, lan, &st), GN_OK);
	snprintf(st.position, sizeof st.position, "Chủ tịch");
	ck_assert_int_eq(gn_staff_update(db, &st, NULL), GN_OK);
	ck_assert_int_eq(gn_staff_delete(db, lan, 1), GN_ERR_CONFLICT);
	ck_assert_int_eq(staff_count(agency_a), 1);

	as_editor();
	ck_assert_int_eq(gn_staff_delete(db, hoa, 1), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "only for that agency"));
	ck_assert_int_eq(staff_count(agency_b), 1);
}
END_TEST

static bool agency_listed(long long id)
{
	gn_agency_row *rows;
	int n;
	ck_assert_int_eq(gn_agency_query(db, "2026-06-01", &rows, &n), GN_OK);
	bool found = false;
	for (int i = 0; i < n; i++)
		found = found || rows[i].agency.id == id;
	free(rows);
	return found;
}

START_TEST(only_an_admin_deletes_an_agency_and_only_one_helping_no_household)
{
	long long idle = testdb_agency(db, "NHAN-RANH", "Agency NHAN-RANH");
	/* Still the lead of H1: refused, with the reason. */
	ck_assert_int_eq(gn_agency_delete(db, agency_a, 1), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "still leads or supports 1 household"));
	ck_assert(agency_listed(agency_a));

	as_editor();
	ck_assert_int_eq(gn_agency_delete(db, idle, 1), GN_ERR_FORBIDDEN);
	ck_assert_ptr_nonnull(strstr(gn_status_message(GN_ERR_FORBIDDEN), "Only an administrator"));
	as_admin();
	gn_agency a;
	ck_assert_int_eq(gn_agency_load(db, idle, &a), GN_OK);
	snprintf(a.phone, sizeof a.phone, "0912345678");
	ck_assert_int_eq(gn_agency_update(db, &a, NULL), GN_OK);
	ck_assert_int_eq(gn_agency_delete(db, idle, 1), GN_ERR_CONFLICT);

	ck_assert_int_eq(gn_agency_delete(db, idle, a.version), GN_OK);
	ck_assert(!agency_listed(idle));
	ck_assert_int_eq(gn_agency_load(db, idle, &a), GN_ERR_NOT_FOUND);
	char actor[64];
	ck_assert_str_eq(last_label("agency", idle, actor, sizeof actor), "deleted");
	as_editor();
	ck_assert_int_eq(gn_agency_restore(db, idle), GN_ERR_FORBIDDEN);
	as_admin();
	ck_assert_int_eq(gn_agency_restore(db, idle), GN_OK);
	ck_assert_str_eq(last_label("agency", idle, actor, sizeof actor), "restored");
	ck_assert(agency_listed(idle));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("delete_records");
	TCase *tc = tcase_create("delete_records");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, a_deleted_support_item_leaves_the_lists_and_the_report_and_comes_back);
	tcase_add_test(tc, a_support_item_saved_meanwhile_or_of_another_agency_is_not_deleted);
	tcase_add_test(tc, a_deleted_staff_member_leaves_the_agency_and_the_households_and_comes_back);
	tcase_add_test(tc, staff_saved_meanwhile_or_of_another_agency_are_not_deleted);
	tcase_add_test(tc, only_an_admin_deletes_an_agency_and_only_one_helping_no_household);
	suite_add_tcase(s, tc);
	return check_run(s);
}
