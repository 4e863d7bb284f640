#include "giamngheo/agency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"
#include "giamngheo/soft_delete.h"
#include "giamngheo/text.h"

static const char *const kind_codes[] = {
	"department", "front", "organisation", "school", "business", "tdp", "other"
};

const char *gn_agency_kind_code(gn_agency_kind k)
{
	return kind_codes[k];
}

static gn_agency_kind kind_from_code(const char *code)
{
	for (int i = 0; code && i < (int)(sizeof kind_codes / sizeof kind_codes[0]); i++)
		if (strcmp(kind_codes[i], code) == 0)
			return (gn_agency_kind)i;
	return GN_AGENCY_OTHER;
}

const char *gn_agency_kind_label(gn_agency_kind k)
{
	switch (k) {
	case GN_AGENCY_DEPARTMENT:
		return _("ward department");
	case GN_AGENCY_FRONT:
		return _("Fatherland Front");
	case GN_AGENCY_ORGANISATION:
		return _("socio-political organisation");
	case GN_AGENCY_SCHOOL:
		return _("school");
	case GN_AGENCY_BUSINESS:
		return _("business");
	case GN_AGENCY_TDP:
		return _("residential group");
	case GN_AGENCY_OTHER:
		break;
	}
	return _("other");
}

const char *gn_role_label(gn_role r)
{
	return r == GN_ROLE_LEAD ? _("lead") : _("supporting");
}

static bool valid_text(const char *s, bool required)
{
	if (!*s)
		return !required;
	return gn_text_valid_utf8(s, strlen(s));
}

/* Fixed-size fields are normalised in place; NFC is never longer than a
 * valid composed input in Vietnamese, but check to be sure. */
static gn_status nfc_in_place(char *field, size_t size)
{
	char *nfc = gn_text_nfc(field);
	if (!nfc)
		return GN_ERR_NOMEM;
	gn_status s = strlen(nfc) < size ? GN_OK : GN_ERR_INVALID;
	if (s == GN_OK)
		memcpy(field, nfc, strlen(nfc) + 1);
	free(nfc);
	return s;
}

/* A phone is optional; one given is stored as its digits only. */
static gn_status normalize_phone(char *phone, size_t size)
{
	if (!phone[0])
		return GN_OK;
	char digits[16];
	if (gn_phone_normalize(phone, digits) != GN_OK)
		return GN_ERR_INVALID;
	snprintf(phone, size, "%s", digits);
	return GN_OK;
}

static gn_status validate_agency(gn_agency *a)
{
	if (!valid_text(a->code, true) || !valid_text(a->name, true) ||
	    !valid_text(a->contact_person, false))
		return GN_ERR_INVALID;
	gn_status s = nfc_in_place(a->code, sizeof a->code);
	if (s == GN_OK)
		s = nfc_in_place(a->name, sizeof a->name);
	if (s == GN_OK)
		s = nfc_in_place(a->contact_person, sizeof a->contact_person);
	if (s == GN_OK)
		s = normalize_phone(a->phone, sizeof a->phone);
	return s;
}

static void bind_agency(sqlite3_stmt *st, const gn_agency *a, const gn_db *db, const char *now)
{
	sqlite3_bind_text(st, 1, a->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, a->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, gn_agency_kind_code(a->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, a->contact_person, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, a->phone, -1, SQLITE_TRANSIENT);
	gn_db_bind_id(st, 6, a->tdp_id);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, db->actor, -1, SQLITE_TRANSIENT);
}

gn_status gn_agency_insert(gn_db *db, gn_agency *a)
{
	gn_status s = gn_access_admin(db);
	if (s == GN_OK)
		s = validate_agency(a);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO agency(code, name, kind, contact_person, phone, tdp_id, updated_at, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_agency(st, a, db, now);
	s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK) {
		a->id = sqlite3_last_insert_rowid(db->sql);
		a->version = 1;
	}
	return s;
}

#define AGENCY_SELECT \
	"SELECT id, code, name, kind, contact_person, phone, tdp_id, version FROM agency "

static void read_agency(sqlite3_stmt *st, int col, gn_agency *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(st, col);
	gn_db_column_copy(st, col + 1, a->code, sizeof a->code);
	gn_db_column_copy(st, col + 2, a->name, sizeof a->name);
	a->kind = kind_from_code((const char *)sqlite3_column_text(st, col + 3));
	gn_db_column_copy(st, col + 4, a->contact_person, sizeof a->contact_person);
	gn_db_column_copy(st, col + 5, a->phone, sizeof a->phone);
	a->tdp_id = sqlite3_column_int64(st, col + 6);
	a->version = sqlite3_column_int(st, col + 7);
}

static gn_status load_by(gn_db *db, const char *sql, long long id, const char *code, gn_agency *out)
{
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_agency(st, 0, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
}

gn_status gn_agency_load_code(gn_db *db, const char *code, gn_agency *out)
{
	return load_by(db, AGENCY_SELECT "WHERE code = ? AND deleted = 0", 0, code, out);
}

gn_status gn_agency_update(gn_db *db, gn_agency *a, gn_agency *current)
{
	gn_status s = gn_access_agency(db, a->id);
	if (s == GN_OK)
		s = validate_agency(a);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE agency SET code = ?1, name = ?2, kind = ?3, contact_person = ?4, phone = ?5,"
		" tdp_id = ?6, updated_at = ?7, updated_by = ?8, version = version + 1"
		" WHERE id = ?9 AND version = ?10 AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_agency(st, a, db, now);
	sqlite3_bind_int64(st, 9, a->id);
	sqlite3_bind_int(st, 10, a->version);
	s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0) {
		gn_agency other;
		s = load_by(db, AGENCY_SELECT "WHERE id = ? AND deleted = 0", a->id, NULL, &other);
		if (s != GN_OK)
			return s;
		if (current)
			*current = other;
		return GN_ERR_CONFLICT;
	}
	if (s == GN_OK)
		a->version++;
	return s;
}

static gn_status validate_staff(gn_db *db, gn_staff *s)
{
	gn_status allowed = gn_access_agency(db, s->agency_id);
	if (allowed != GN_OK)
		return allowed;
	if (!valid_text(s->full_name, true) || !valid_text(s->position, false))
		return GN_ERR_INVALID;
	gn_status status = nfc_in_place(s->full_name, sizeof s->full_name);
	if (status == GN_OK)
		status = nfc_in_place(s->position, sizeof s->position);
	if (status == GN_OK)
		status = normalize_phone(s->phone, sizeof s->phone);
	return status;
}

/* Binds ?1..?5, the columns an insert and an update both write. */
static void bind_staff(sqlite3_stmt *st, const gn_staff *s, const gn_db *db)
{
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, s->full_name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, s->position, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, s->phone, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, db->actor, -1, SQLITE_TRANSIENT);
}

gn_status gn_staff_insert(gn_db *db, gn_staff *s)
{
	gn_status status = validate_staff(db, s);
	if (status != GN_OK)
		return status;
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO staff(full_name, position, phone, updated_at, updated_by, agency_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!st)
		return GN_ERR_DB;
	bind_staff(st, s, db);
	sqlite3_bind_int64(st, 6, s->agency_id);
	status = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (status == GN_OK) {
		s->id = sqlite3_last_insert_rowid(db->sql);
		s->version = 1;
	}
	return status;
}

gn_status gn_agency_load(gn_db *db, long long id, gn_agency *out)
{
	return load_by(db, AGENCY_SELECT "WHERE id = ? AND deleted = 0", id, NULL, out);
}

#define STAFF_SELECT "SELECT id, agency_id, full_name, position, phone, version FROM staff "

static void read_staff(sqlite3_stmt *st, gn_staff *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->agency_id = sqlite3_column_int64(st, 1);
	gn_db_column_copy(st, 2, s->full_name, sizeof s->full_name);
	gn_db_column_copy(st, 3, s->position, sizeof s->position);
	gn_db_column_copy(st, 4, s->phone, sizeof s->phone);
	s->version = sqlite3_column_int(st, 5);
}

gn_status gn_staff_load(gn_db *db, long long id, gn_staff *out)
{
	sqlite3_stmt *st = gn_db_prepare(db, STAFF_SELECT "WHERE id = ? AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_staff(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
}

gn_status gn_staff_update(gn_db *db, gn_staff *s, gn_staff *current)
{
	gn_status status = validate_staff(db, s);
	if (status != GN_OK)
		return status;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE staff SET full_name = ?1, position = ?2, phone = ?3, updated_at = ?4,"
		" updated_by = ?5, version = version + 1 WHERE id = ?6 AND version = ?7 AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	bind_staff(st, s, db);
	sqlite3_bind_int64(st, 6, s->id);
	sqlite3_bind_int(st, 7, s->version);
	status = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (status == GN_OK && sqlite3_changes(db->sql) == 0) {
		gn_staff other;
		status = gn_staff_load(db, s->id, &other);
		if (status != GN_OK)
			return status;
		if (current)
			*current = other;
		return GN_ERR_CONFLICT;
	}
	if (status == GN_OK)
		s->version++;
	return status;
}

/* Staff rows read by `sql`, which selects read_staff's columns and takes the
 * agency as ?1 when agency_id is not 0. */
static gn_status list_staff(gn_db *db, const char *sql, long long agency_id, gn_staff **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	if (agency_id)
		sqlite3_bind_int64(st, 1, agency_id);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_staff(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}

gn_status gn_staff_list(gn_db *db, long long agency_id, gn_staff **out, int *n)
{
	return list_staff(db, STAFF_SELECT "WHERE agency_id = ? AND deleted = 0 ORDER BY full_name, id",
			  agency_id, out, n);
}

gn_status gn_staff_all(gn_db *db, gn_staff **out, int *n)
{
	return list_staff(db,
		"SELECT s.id, s.agency_id, s.full_name, s.position, s.phone, s.version FROM staff s"
		" JOIN agency a ON a.id = s.agency_id WHERE s.deleted = 0 AND a.deleted = 0"
		" ORDER BY a.code, s.full_name", 0, out, n);
}

gn_status gn_assign(gn_db *db, long long household_id, long long agency_id, gn_role role,
		    long long staff_id)
{
	gn_status s = gn_access_admin(db);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	if (role == GN_ROLE_LEAD) {
		/* One lead per household: the previous lead stays on as a supporter. */
		sqlite3_stmt *demote = gn_db_prepare(db,
			"UPDATE assignment SET role = 'support', updated_at = ?, updated_by = ?,"
			" version = version + 1 WHERE household_id = ? AND role = 'lead' AND agency_id <> ?");
		if (!demote)
			return gn_tx_end(db, &tx, GN_ERR_DB);
		sqlite3_bind_text(demote, 1, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(demote, 2, db->actor, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(demote, 3, household_id);
		sqlite3_bind_int64(demote, 4, agency_id);
		s = gn_db_status(sqlite3_step(demote));
		sqlite3_finalize(demote);
	}
	sqlite3_stmt *st = s == GN_OK ? gn_db_prepare(db,
		"INSERT INTO assignment(household_id, agency_id, role, staff_id, updated_at, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (household_id, agency_id) DO UPDATE SET"
		" role = excluded.role, staff_id = excluded.staff_id, updated_at = excluded.updated_at,"
		" updated_by = excluded.updated_by, version = version + 1") : NULL;
	if (s == GN_OK && !st)
		s = GN_ERR_DB;
	if (s == GN_OK) {
		sqlite3_bind_int64(st, 1, household_id);
		sqlite3_bind_int64(st, 2, agency_id);
		sqlite3_bind_text(st, 3, role == GN_ROLE_LEAD ? "lead" : "support", -1, SQLITE_STATIC);
		gn_db_bind_id(st, 4, staff_id);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, db->actor, -1, SQLITE_TRANSIENT);
		s = gn_db_status(sqlite3_step(st));
	}
	sqlite3_finalize(st);
	return gn_tx_end(db, &tx, s);
}

#define AGENCY_COLUMNS "a.id, a.code, a.name, a.kind, a.contact_person, a.phone, a.tdp_id, a.version"

/* A deadline d of the agency overdue on ?1: due before it, and nothing
 * submitted by then. */
#define OVERDUE_ON_DAY \
	"d.due_date < ?1 AND NOT EXISTS (SELECT 1 FROM report r WHERE r.deadline_id = d.id" \
	" AND r.withdrawn = 0 AND r.submitted_on <= ?1)"

/* Columns 8 to 13 (leads, supports, due, on time, late, overdue) as far as
 * the statement has them. */
static gn_status agency_rows(gn_db *db, const char *sql, const char *today_iso, gn_agency_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db, sql);
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, today_iso, -1, SQLITE_TRANSIENT);
	int cap = 0, rc, columns = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 32)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_agency_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		read_agency(st, 0, &r->agency);
		int *counts[] = { &r->leads, &r->supports, &r->reports_due, &r->reports_on_time,
				  &r->reports_late, &r->overdue };
		for (int c = 8; c < columns && c < 14; c++)
			*counts[c - 8] = sqlite3_column_int(st, c);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}

gn_status gn_agency_query(gn_db *db, const char *today_iso, gn_agency_row **out, int *n)
{
	return agency_rows(db,
		"SELECT " AGENCY_COLUMNS ","
		/* Deleted households are few: setting them aside reads no household
		 * row, where joining each assignment to its household reads them all. */
		" (SELECT count(*) FROM assignment s WHERE s.agency_id = a.id AND s.role = 'lead'"
		"   AND s.household_id NOT IN (SELECT id FROM household WHERE deleted <> 0)),"
		" (SELECT count(*) FROM assignment s WHERE s.agency_id = a.id AND s.role = 'support'"
		"   AND s.household_id NOT IN (SELECT id FROM household WHERE deleted <> 0)),"
		" (SELECT count(*) FROM deadline d WHERE d.agency_id = a.id AND d.due_date <= ?1),"
		/* Only what was submitted by ?1 counts, so an earlier day can be looked at. */
		" (SELECT count(*) FROM deadline d JOIN report r ON r.deadline_id = d.id AND r.withdrawn = 0"
		"   WHERE d.agency_id = a.id AND r.submitted_on <= d.due_date AND r.submitted_on <= ?1),"
		" (SELECT count(*) FROM deadline d JOIN report r ON r.deadline_id = d.id AND r.withdrawn = 0"
		"   WHERE d.agency_id = a.id AND r.submitted_on > d.due_date AND r.submitted_on <= ?1),"
		" (SELECT count(*) FROM deadline d WHERE d.agency_id = a.id AND " OVERDUE_ON_DAY ")"
		" FROM agency a WHERE a.deleted = 0 ORDER BY a.kind = 'tdp', a.id",
		today_iso, out, n);
}

gn_status gn_agency_query_overdue(gn_db *db, const char *today_iso, gn_agency_row **out, int *n)
{
	return agency_rows(db,
		"SELECT " AGENCY_COLUMNS ", 0, 0, 0, 0, 0, count(*)"
		" FROM deadline d JOIN agency a ON a.id = d.agency_id"
		" WHERE a.deleted = 0 AND " OVERDUE_ON_DAY
		" GROUP BY a.id ORDER BY a.kind = 'tdp', a.id",
		today_iso, out, n);
}

gn_status gn_household_helpers(gn_db *db, long long household_id, gn_helper **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT a.id, a.code, a.name, s.role, coalesce(f.full_name, ''), coalesce(f.phone, '')"
		" FROM assignment s JOIN agency a ON a.id = s.agency_id"
		" LEFT JOIN staff f ON f.id = s.staff_id AND f.deleted = 0"
		" WHERE s.household_id = ? ORDER BY s.role = 'support', a.code");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 4)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_helper *h = &(*out)[(*n)++];
		h->agency_id = sqlite3_column_int64(st, 0);
		gn_db_column_copy(st, 1, h->agency_code, sizeof h->agency_code);
		gn_db_column_copy(st, 2, h->agency_name, sizeof h->agency_name);
		h->role = strcmp((const char *)sqlite3_column_text(st, 3), "lead") == 0 ? GN_ROLE_LEAD
											 : GN_ROLE_SUPPORT;
		gn_db_column_copy(st, 4, h->staff_name, sizeof h->staff_name);
		gn_db_column_copy(st, 5, h->staff_phone, sizeof h->staff_phone);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}

/* Staff belong to their agency: its editors keep them. */
static gn_status staff_set_deleted(gn_db *db, long long id, int version, bool restore)
{
	long long agency = gn_db_int_query(db, "SELECT agency_id FROM staff WHERE id = ?", id, 0);
	if (!agency)
		return GN_ERR_NOT_FOUND;
	gn_status s = gn_access_agency(db, agency);
	return s == GN_OK ? gn_soft_delete_flip(db, GN_RECORD_STAFF, id, version, restore) : s;
}

gn_status gn_staff_delete(gn_db *db, long long id, int version)
{
	return staff_set_deleted(db, id, version, false);
}

gn_status gn_staff_restore(gn_db *db, long long id)
{
	return staff_set_deleted(db, id, -1, true);
}

/* An agency still responsible for a household cannot go: its households
 * would lose their lead or supporter without anyone noticing; nor can the
 * focal department, which the ward's plan names. */
static gn_status refuse_if_helping(gn_db *db, long long id)
{
	long long n = gn_db_int_query(db,
		"SELECT count(DISTINCT s.household_id) FROM assignment s JOIN household h ON h.id = s.household_id"
		" WHERE s.agency_id = ? AND h.deleted = 0", id, -1);
	if (n < 0)
		return GN_ERR_DB;
	bool focal = gn_db_int_query(db, "SELECT count(*) FROM ward WHERE focal_agency_id = ?", id, 0) > 0;
	if (n == 0 && !focal)
		return GN_OK;
	gn_agency a;
	gn_status s = gn_agency_load(db, id, &a);
	if (s != GN_OK)
		return s;
	if (focal)
		return gn_status_refuse(_("Agency %s is the ward's focal department: name another one first."), a.code);
	return gn_status_refuse(ngettext("Agency %s still leads or supports %lld household: assign it to another agency first.",
					 "Agency %s still leads or supports %lld households: assign them to another agency first.",
					 (unsigned long)n),
				a.code, n);
}

gn_status gn_agency_delete(gn_db *db, long long id, int version)
{
	gn_status s = gn_access_admin(db);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	s = refuse_if_helping(db, id);
	if (s == GN_OK)
		s = gn_soft_delete_flip(db, GN_RECORD_AGENCY, id, version, false);
	return gn_tx_end(db, &tx, s);
}

gn_status gn_agency_restore(gn_db *db, long long id)
{
	gn_status s = gn_access_admin(db);
	return s == GN_OK ? gn_soft_delete_flip(db, GN_RECORD_AGENCY, id, -1, true) : s;
}
