/* What the household-side forms store: a household's helpers as one set,
 * support items with notes, members saved with their household; each with
 * two connections saving the same record, where neither save is lost. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/assignment.h"
#include "giamngheo/household_edit.h"
#include "giamngheo/support.h"
#include "testdb.h"
#include "check_run.h"

typedef struct {
	char path[PATH_MAX];
	gn_db *one, *two;
	long long hh;
	long long agency[3];
	long long staff;
} fixture;

static void open_fixture(fixture *fx)
{
	fx->one = testdb_open(fx->path, true);
	ck_assert_ptr_nonnull(fx->one);
	ck_assert_int_eq(gn_db_open(fx->path, false, &fx->two), GN_OK);
	gn_db_set_actor(fx->one, "huong");
	gn_db_set_actor(fx->two, "duc");
	fx->hh = testdb_household(fx->one, "SC-0200", "Nguyễn Thị Hương", 1200000, GN_AREA_URBAN);
	ck_assert_int_gt(fx->hh, 0);
	const char *codes[] = { "HPN", "HND", "DTN" };
	for (int i = 0; i < 3; i++) {
		gn_agency a = { .kind = GN_AGENCY_ORGANISATION };
		snprintf(a.code, sizeof a.code, "%s", codes[i]);
		snprintf(a.name, sizeof a.name, "Hội %s", codes[i]);
		ck_assert_int_eq(gn_agency_insert(fx->one, &a), GN_OK);
		fx->agency[i] = a.id;
	}
	gn_staff s = { .agency_id = fx->agency[0] };
	snprintf(s.full_name, sizeof s.full_name, "Đinh Ngọc Hằng");
	ck_assert_int_eq(gn_staff_insert(fx->one, &s), GN_OK);
	fx->staff = s.id;
}

static void close_fixture(fixture *fx)
{
	gn_db_close(fx->two);
	testdb_close(fx->one, fx->path);
}

static long long count(gn_db *db, const char *sql, long long param)
{
	return gn_db_int_query(db, sql, param, -1);
}

START_TEST(assignment_set_saved_and_changed)
{
	fixture fx;
	open_fixture(&fx);
	gn_assignment_set base, mine = { .lead_id = fx.agency[0], .staff_id = fx.staff, .n_support = 2,
					 .support_ids = { fx.agency[1], fx.agency[0] } };
	ck_assert_int_eq(gn_assignment_load(fx.one, fx.hh, &base), GN_OK);
	ck_assert_int_eq(base.lead_id, 0);
	ck_assert_int_eq(gn_assignment_save(fx.one, fx.hh, &base, &mine, NULL), GN_OK);
	gn_assignment_set stored;
	ck_assert_int_eq(gn_assignment_load(fx.two, fx.hh, &stored), GN_OK);
	ck_assert_int_eq(stored.lead_id, fx.agency[0]);
	ck_assert_int_eq(stored.staff_id, fx.staff);
	/* The lead ticked as a supporter too is stored once, as the lead. */
	ck_assert_int_eq(stored.n_support, 1);
	ck_assert_int_eq(stored.support_ids[0], fx.agency[1]);

	/* Promote the supporter, drop the old lead, add the third agency. */
	gn_assignment_set next = { .lead_id = fx.agency[1], .n_support = 1, .support_ids = { fx.agency[2] } };
	ck_assert_int_eq(gn_assignment_save(fx.one, fx.hh, &stored, &next, NULL), GN_OK);
	ck_assert_int_eq(gn_assignment_load(fx.two, fx.hh, &stored), GN_OK);
	ck_assert(gn_assignment_equal(&stored, &next));
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM assignment WHERE household_id = ?", fx.hh), 2);
	/* Who removed the old lead is in the log. */
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM audit WHERE entity = 'assignment' AND action = 'delete'"
				       " AND actor = 'huong' AND entity_id > ?", 0), 1);

	/* A staff member of another agency is refused and nothing changes. */
	gn_assignment_set wrong = next;
	wrong.staff_id = fx.staff;
	ck_assert_int_eq(gn_assignment_save(fx.one, fx.hh, &stored, &wrong, NULL), GN_ERR_INVALID);
	close_fixture(&fx);
}
END_TEST

START_TEST(assignment_stale_save_is_refused_with_theirs)
{
	fixture fx;
	open_fixture(&fx);
	gn_assignment_set seen_by_one, seen_by_two;
	ck_assert_int_eq(gn_assignment_load(fx.one, fx.hh, &seen_by_one), GN_OK);
	ck_assert_int_eq(gn_assignment_load(fx.two, fx.hh, &seen_by_two), GN_OK);
	gn_assignment_set theirs_set = { .lead_id = fx.agency[1] };
	ck_assert_int_eq(gn_assignment_save(fx.two, fx.hh, &seen_by_two, &theirs_set, NULL), GN_OK);

	gn_assignment_set mine = { .lead_id = fx.agency[0], .staff_id = fx.staff }, current;
	ck_assert_int_eq(gn_assignment_save(fx.one, fx.hh, &seen_by_one, &mine, &current), GN_ERR_CONFLICT);
	ck_assert_int_eq(current.lead_id, fx.agency[1]);
	/* Their lead is still stored: nothing was overwritten unseen. */
	gn_assignment_set stored;
	ck_assert_int_eq(gn_assignment_load(fx.one, fx.hh, &stored), GN_OK);
	ck_assert(gn_assignment_equal(&stored, &theirs_set));
	/* Saving on top of what was shown goes through. */
	ck_assert_int_eq(gn_assignment_save(fx.one, fx.hh, &current, &mine, NULL), GN_OK);
	ck_assert_int_eq(gn_assignment_load(fx.two, fx.hh, &stored), GN_OK);
	ck_assert_int_eq(stored.lead_id, fx.agency[0]);
	close_fixture(&fx);
}
END_TEST

START_TEST(support_item_notes_and_conflict)
{
	fixture fx;
	open_fixture(&fx);
	gn_support it = { .household_id = fx.hh, .agency_id = fx.agency[0], .cash = 5000000,
			  .planned = { 2027, 1, 15 } };
	snprintf(it.kind, sizeof it.kind, "housing");
	snprintf(it.description, sizeof it.description, "Sửa mái nhà");
	it.notes = strdup("Dòng một\nDòng hai");
	ck_assert_int_eq(gn_support_insert(fx.one, &it), GN_OK);
	free(it.notes);

	gn_support mine, other;
	ck_assert_int_eq(gn_support_load(fx.one, it.id, &mine), GN_OK);
	ck_assert_str_eq(mine.notes, "Dòng một\nDòng hai");
	ck_assert_int_eq(gn_support_load(fx.two, it.id, &other), GN_OK);

	other.status = GN_SUPPORT_DELIVERED;
	other.actual = (gn_date){ 2026, 11, 20 };
	other.delivered_cash = 4800000;
	ck_assert_int_eq(gn_support_update(fx.two, &other, NULL), GN_OK);

	mine.cash = 7000000;
	gn_support theirs;
	ck_assert_int_eq(gn_support_update(fx.one, &mine, &theirs), GN_ERR_CONFLICT);
	ck_assert_int_eq(theirs.status, GN_SUPPORT_DELIVERED);
	ck_assert_str_eq(theirs.notes, "Dòng một\nDòng hai");
	ck_assert_int_eq(count(fx.one, "SELECT cash FROM support_item WHERE id = ?", it.id), 5000000);

	/* On top of theirs: both changes are kept. */
	theirs.cash = mine.cash;
	ck_assert_int_eq(gn_support_update(fx.one, &theirs, NULL), GN_OK);
	gn_support stored;
	ck_assert_int_eq(gn_support_load(fx.two, it.id, &stored), GN_OK);
	ck_assert_int_eq(stored.cash, 7000000);
	ck_assert_int_eq(stored.status, GN_SUPPORT_DELIVERED);
	ck_assert_int_eq(stored.delivered_cash, 4800000);
	/* The delivered amount is in the history, with who entered it. */
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM audit WHERE entity = 'support_item' AND entity_id = ?"
				       " AND actor = 'duc' AND after_json ->> 'delivered_cash' = 4800000", it.id), 1);

	/* A list item (no notes loaded) saved keeps the stored notes. */
	gn_support *list;
	int n;
	ck_assert_int_eq(gn_support_list_household(fx.one, fx.hh, &list, &n), GN_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_ptr_null(list[0].notes);
	ck_assert_int_eq(gn_support_update(fx.one, &list[0], NULL), GN_OK);
	free(list);
	gn_support_clear(&stored);
	ck_assert_int_eq(gn_support_load(fx.two, it.id, &stored), GN_OK);
	ck_assert_str_eq(stored.notes, "Dòng một\nDòng hai");

	gn_support_clear(&stored);
	gn_support_clear(&theirs);
	gn_support_clear(&mine);
	gn_support_clear(&other);
	close_fixture(&fx);
}
END_TEST

static gn_member_change member(const char *name, const char *cccd)
{
	gn_member_change c = { .op = GN_MEMBER_SAVE };
	c.member.full_name = strdup(name);
	c.member.cccd = cccd ? strdup(cccd) : NULL;
	return c;
}

static void free_changes(gn_member_change *c, int n)
{
	for (int i = 0; i < n; i++) {
		gn_member_clear(&c[i].member);
		gn_member_clear(&c[i].current);
	}
}

START_TEST(household_and_members_all_or_nothing)
{
	fixture fx;
	open_fixture(&fx);
	/* The second member's ID number is the first's: nothing is stored. */
	gn_household h = { .code = strdup("SC-0300"), .head_name = strdup("Nguyễn Thị Hương"), .income = 900000 };
	gn_member_change c[2] = { member("Nguyễn Thị Hương", "001185012345"), member("Trần Văn Đức", "001185012345") };
	int failed;
	ck_assert_int_eq(gn_household_save_all(fx.one, &h, NULL, c, 2, &failed), GN_ERR_DUPLICATE);
	ck_assert_int_eq(failed, 1);
	ck_assert_int_eq(h.id, 0);
	ck_assert_int_eq(c[0].member.id, 0);
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM household WHERE code = 'SC-0300' AND ? > 0", 1), 0);
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM member WHERE cccd = '001185012345' AND ? > 0", 1), 0);

	/* Corrected, the same call stores all three. */
	free(c[1].member.cccd);
	c[1].member.cccd = NULL;
	ck_assert_int_eq(gn_household_save_all(fx.one, &h, NULL, c, 2, &failed), GN_OK);
	ck_assert_int_gt(h.id, 0);
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM member WHERE household_id = ? AND deleted = 0", h.id), 2);

	/* A colleague edits Đức; my removal of him, made from the older copy, is refused with theirs. */
	gn_member *stored;
	int n;
	ck_assert_int_eq(gn_member_list(fx.two, h.id, &stored, &n), GN_OK);
	ck_assert_int_eq(n, 2);
	free(stored[1].relation);
	stored[1].relation = strdup("Chồng");
	ck_assert_int_eq(gn_member_update(fx.two, &stored[1], NULL), GN_OK);
	gn_member_list_free(stored, n);
	c[0].op = GN_MEMBER_KEEP;
	c[1].op = GN_MEMBER_REMOVE;
	free(h.notes);
	h.notes = strdup("ghi chú");
	ck_assert_int_eq(gn_household_save_all(fx.one, &h, NULL, c, 2, &failed), GN_ERR_CONFLICT);
	ck_assert_int_eq(failed, 1);
	ck_assert_str_eq(c[1].current.relation, "Chồng");
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM member WHERE household_id = ? AND deleted = 0", h.id), 2);
	/* The household's part of that save was rolled back too. */
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM household WHERE id = ? AND notes = ''", h.id), 1);

	/* Removed from the version seen: it goes. */
	c[1].member.version = c[1].current.version;
	ck_assert_int_eq(gn_household_save_all(fx.one, &h, NULL, c, 2, &failed), GN_OK);
	ck_assert_int_eq(count(fx.one, "SELECT count(*) FROM member WHERE household_id = ? AND deleted = 0", h.id), 1);
	free_changes(c, 2);
	gn_household_clear(&h);
	close_fixture(&fx);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("forms_core");
	TCase *tc = tcase_create("save");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, assignment_set_saved_and_changed);
	tcase_add_test(tc, assignment_stale_save_is_refused_with_theirs);
	tcase_add_test(tc, support_item_notes_and_conflict);
	tcase_add_test(tc, household_and_members_all_or_nothing);
	suite_add_tcase(s, tc);
	return check_run(s);
}
