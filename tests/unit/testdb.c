#include "testdb.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/agency.h"
#include "giamngheo/demo.h"

gn_db *testdb_open(char path[PATH_MAX], bool with_ward)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, PATH_MAX, "%s/giamngheo-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(path);
	gn_db *db = NULL;
	ck_assert_int_eq(gn_db_open(path, true, &db), GN_OK);
	gn_db_set_actor(db, "tester");
	if (with_ward)
		ck_assert_int_eq(gn_init_ward(db), GN_OK);
	return db;
}

void testdb_close(gn_db *db, const char *path)
{
	char side[PATH_MAX + 8];
	gn_db_close(db);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

long long testdb_household(gn_db *db, const char *code, const char *head, gn_money income,
			   gn_area area)
{
	gn_household h = { 0 };
	h.code = strdup(code);
	h.head_name = strdup(head);
	h.income = income;
	h.area = area;
	gn_status s = gn_household_insert(db, &h);
	long long id = s == GN_OK ? h.id : 0;
	gn_household_clear(&h);
	return id;
}

long long testdb_agency(gn_db *db, const char *code, const char *name)
{
	gn_agency a = { .kind = GN_AGENCY_ORGANISATION };
	snprintf(a.code, sizeof a.code, "%s", code);
	snprintf(a.name, sizeof a.name, "%s", name);
	ck_assert_int_eq(gn_agency_insert(db, &a), GN_OK);
	return a.id;
}

void testdb_deprive(gn_db *db, long long household_id, const gn_standard *s, int n,
		    gn_ind_status status)
{
	for (int i = 0; i < n && i < s->n_indicators; i++)
		ck_assert_int_eq(gn_household_set_indicator(db, household_id, s->indicators[i].id, status),
				 GN_OK);
}
