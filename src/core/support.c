#include "giamngheo/support.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/i18n.h"
#include "giamngheo/soft_delete.h"
#include "giamngheo/text.h"

static const char *const status_codes[] = { "planned", "in_progress", "delivered", "cancelled" };

const char *gn_support_status_code(gn_support_status s)
{
	return status_codes[s];
}

static gn_support_status status_from_code(const char *code)
{
	for (int i = 0; code && i < 4; i++)
		if (strcmp(status_codes[i], code) == 0)
			return (gn_support_status)i;
	return GN_SUPPORT_PLANNED;
}

const char *gn_support_status_label(gn_support_status s)
{
	switch (s) {
	case GN_SUPPORT_PLANNED:
		return _("planned");
	case GN_SUPPORT_IN_PROGRESS:
		return _("in progress");
	case GN_SUPPORT_DELIVERED:
		return _("delivered");
	case GN_SUPPORT_CANCELLED:
		return _("cancelled");
	}
	return "";
}

/* The kinds of support in section V of the plan. */
struct code_label {
	const char *code;
	const char *label;
};

static const struct code_label kinds[] = {
	{ "production", N_("production and livestock") },
	{ "jobs", N_("finding a job") },
	{ "housing", N_("housing repair") },
	{ "health", N_("medical care") },
	{ "labour", N_("labour days") },
	{ "education", N_("education for the children") },
	{ "services", N_("access to basic social services") },
	{ "training", N_("training in techniques") },
	{ "loan", N_("bank loan") },
	{ "legal", N_("legal aid") },
	{ "budgeting", N_("spending-plan coaching") },
	{ "family", N_("family care for members unable to work") },
}, sources[] = {
	{ "budget", N_("state budget") },
	{ "fund", N_("For the Poor fund") },
	{ "agency", N_("agencies and businesses") },
	{ "donor", N_("donors") },
	{ "community", N_("community") },
};

static const char *label_of(const char *code, const void *table, size_t n)
{
	const struct code_label *t = table;
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return _(t[i].label);
	return code ? code : "";
}

const char *gn_support_kind_label(const char *kind)
{
	return label_of(kind, kinds, sizeof kinds / sizeof kinds[0]);
}

const char *gn_support_kind_code(int i)
{
	return i >= 0 && i < (int)(sizeof kinds / sizeof kinds[0]) ? kinds[i].code : NULL;
}

const char *gn_fund_source_label(const char *source)
{
	return label_of(source, sources, sizeof sources / sizeof sources[0]);
}

static int codes_of(const struct code_label *t, size_t n, const char **codes, int max)
{
	int k = 0;
	for (size_t i = 0; i < n && k < max; i++)
		codes[k++] = t[i].code;
	return k;
}

int gn_support_kind_codes(const char **codes, int max)
{
	return codes_of(kinds, sizeof kinds / sizeof kinds[0], codes, max);
}

int gn_fund_source_codes(const char **codes, int max)
{
	return codes_of(sources, sizeof sources / sizeof sources[0], codes, max);
}

void gn_support_clear(gn_support *s)
{
	free(s->notes);
	memset(s, 0, sizeof *s);
}

static bool known(const char *code, const struct code_label *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return true;
	return false;
}

static gn_status validate(const gn_support *s)
{
	if (!s->household_id || !known(s->kind, kinds, sizeof kinds / sizeof kinds[0]))
		return GN_ERR_INVALID;
	if (s->fund_source[0] && !known(s->fund_source, sources, sizeof sources / sizeof sources[0]))
		return GN_ERR_INVALID;
	if (s->cash < 0 || s->cash > GN_MONEY_MAX || s->delivered_cash < 0 || s->delivered_cash > GN_MONEY_MAX ||
	    s->in_kind_value < 0 ||
	    s->in_kind_value > GN_MONEY_MAX || s->in_kind_qty < 0 || s->person_days < 0 ||
	    s->loan_principal < 0 || s->loan_principal > GN_MONEY_MAX || s->loan_rate_bp < 0 ||
	    s->loan_term_months < 0)
		return GN_ERR_INVALID;
	if ((gn_date_is_set(s->planned) && !gn_date_valid(s->planned)) ||
	    (gn_date_is_set(s->actual) && !gn_date_valid(s->actual)))
		return GN_ERR_INVALID;
	if (!gn_text_valid_utf8(s->description, strlen(s->description)) ||
	    !gn_text_valid_utf8(s->in_kind_unit, strlen(s->in_kind_unit)) ||
	    (s->notes && (strlen(s->notes) > 4000 || !gn_text_valid_utf8(s->notes, strlen(s->notes)))))
		return GN_ERR_INVALID;
	return GN_OK;
}

static void bind_support(sqlite3_stmt *st, const gn_support *s, const gn_db *db, const char *now)
{
	sqlite3_bind_int64(st, 1, s->household_id);
	sqlite3_bind_text(st, 2, s->kind, -1, SQLITE_TRANSIENT);
	gn_db_bind_id(st, 3, s->indicator_id);
	gn_db_bind_id(st, 4, s->agency_id);
	sqlite3_bind_text(st, 5, s->fund_source, -1, SQLITE_TRANSIENT);
	gn_db_bind_date(st, 6, s->planned);
	gn_db_bind_date(st, 7, s->actual);
	sqlite3_bind_int64(st, 8, s->cash);
	sqlite3_bind_int64(st, 9, s->in_kind_qty);
	sqlite3_bind_text(st, 10, s->in_kind_unit, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 11, s->in_kind_value);
	sqlite3_bind_int(st, 12, s->person_days);
	sqlite3_bind_int64(st, 13, s->loan_principal);
	sqlite3_bind_int(st, 14, s->loan_rate_bp);
	sqlite3_bind_int(st, 15, s->loan_term_months);
	sqlite3_bind_text(st, 16, gn_support_status_code(s->status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, s->description, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 18, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 19, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 23, s->delivered_cash);
}

gn_status gn_support_insert(gn_db *db, gn_support *s)
{
	gn_status status = gn_access_household(db, s->household_id);
	if (status == GN_OK)
		status = validate(s);
	if (status != GN_OK)
		return status;
	sqlite3_stmt *st = gn_db_prepare(db,
		"INSERT INTO support_item(household_id, kind, indicator_id, agency_id, fund_source,"
		" planned_date, actual_date, cash, in_kind_qty, in_kind_unit, in_kind_value, person_days,"
		" loan_principal, loan_rate_bp, loan_term_months, status, description, updated_at,"
		" updated_by, notes, delivered_cash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?23)");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_support(st, s, db, now);
	sqlite3_bind_text(st, 20, s->notes ? s->notes : "", -1, SQLITE_TRANSIENT);
	status = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (status == GN_OK) {
		s->id = sqlite3_last_insert_rowid(db->sql);
		s->version = 1;
	}
	return status;
}

#define SUPPORT_COLUMNS \
	"SELECT s.id, s.household_id, s.kind, s.indicator_id, s.agency_id, s.fund_source," \
	" s.planned_date, s.actual_date, s.cash, s.in_kind_qty, s.in_kind_unit, s.in_kind_value," \
	" s.person_days, s.loan_principal, s.loan_rate_bp, s.loan_term_months, s.status," \
	" s.description, s.version, coalesce(i.code, ''), coalesce(a.code, ''), s.delivered_cash"
#define SUPPORT_FROM \
	" FROM support_item s LEFT JOIN indicator i ON i.id = s.indicator_id" \
	" LEFT JOIN agency a ON a.id = s.agency_id "
#define SUPPORT_SELECT SUPPORT_COLUMNS SUPPORT_FROM

static void read_support(sqlite3_stmt *st, gn_support *s)
{
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->household_id = sqlite3_column_int64(st, 1);
	gn_db_column_copy(st, 2, s->kind, sizeof s->kind);
	s->indicator_id = sqlite3_column_int64(st, 3);
	s->agency_id = sqlite3_column_int64(st, 4);
	gn_db_column_copy(st, 5, s->fund_source, sizeof s->fund_source);
	s->planned = gn_db_column_date(st, 6);
	s->actual = gn_db_column_date(st, 7);
	s->cash = sqlite3_column_int64(st, 8);
	s->in_kind_qty = sqlite3_column_int64(st, 9);
	gn_db_column_copy(st, 10, s->in_kind_unit, sizeof s->in_kind_unit);
	s->in_kind_value = sqlite3_column_int64(st, 11);
	s->person_days = sqlite3_column_int(st, 12);
	s->loan_principal = sqlite3_column_int64(st, 13);
	s->loan_rate_bp = sqlite3_column_int(st, 14);
	s->loan_term_months = sqlite3_column_int(st, 15);
	s->status = status_from_code((const char *)sqlite3_column_text(st, 16));
	gn_db_column_copy(st, 17, s->description, sizeof s->description);
	s->version = sqlite3_column_int(st, 18);
	gn_db_column_copy(st, 19, s->indicator_code, sizeof s->indicator_code);
	gn_db_column_copy(st, 20, s->agency_code, sizeof s->agency_code);
	s->delivered_cash = sqlite3_column_int64(st, 21);
}

gn_status gn_support_update(gn_db *db, gn_support *s, gn_support *current)
{
	gn_status status = gn_access_household(db, s->household_id);
	if (status == GN_OK)
		status = validate(s);
	if (status != GN_OK)
		return status;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE support_item SET household_id = ?1, kind = ?2, indicator_id = ?3, agency_id = ?4,"
		" fund_source = ?5, planned_date = ?6, actual_date = ?7, cash = ?8, in_kind_qty = ?9,"
		" in_kind_unit = ?10, in_kind_value = ?11, person_days = ?12, loan_principal = ?13,"
		" loan_rate_bp = ?14, loan_term_months = ?15, status = ?16, description = ?17,"
		" updated_at = ?18, updated_by = ?19, notes = coalesce(?22, notes), delivered_cash = ?23,"
		" version = version + 1"
		" WHERE id = ?20 AND version = ?21 AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_support(st, s, db, now);
	sqlite3_bind_int64(st, 20, s->id);
	sqlite3_bind_int(st, 21, s->version);
	if (s->notes)
		sqlite3_bind_text(st, 22, s->notes, -1, SQLITE_TRANSIENT);
	status = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (status != GN_OK)
		return status;
	if (sqlite3_changes(db->sql) == 1) {
		s->version++;
		return GN_OK;
	}
	gn_support stored;
	status = gn_support_load(db, s->id, &stored);
	if (status != GN_OK)
		return status;
	if (current)
		*current = stored;
	else
		gn_support_clear(&stored);
	return GN_ERR_CONFLICT;
}

gn_status gn_support_load(gn_db *db, long long id, gn_support *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = gn_db_prepare(db, SUPPORT_COLUMNS ", s.notes" SUPPORT_FROM
		"WHERE s.id = ?1 AND s.deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	gn_status status = rc == SQLITE_ROW ? GN_OK : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	if (status == GN_OK) {
		read_support(st, out);
		if (!(out->notes = gn_db_column_dup(st, 22)))
			status = GN_ERR_NOMEM;
	}
	sqlite3_finalize(st);
	return status;
}

gn_status gn_support_list_household(gn_db *db, long long household_id, gn_support **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	sqlite3_stmt *st = gn_db_prepare(db, SUPPORT_SELECT
		"WHERE s.household_id = ? AND s.deleted = 0 ORDER BY s.planned_date, s.id");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_support(st, &(*out)[(*n)++]);
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

gn_status gn_support_query(gn_db *db, const gn_support_filter *f, gn_support **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	/* Each condition is off when its parameter is NULL, so one statement
	 * serves every combination with bound parameters only. */
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT s.id, s.household_id, s.kind, s.indicator_id, s.agency_id, s.fund_source,"
		" s.planned_date, s.actual_date, s.cash, s.in_kind_qty, s.in_kind_unit, s.in_kind_value,"
		" s.person_days, s.loan_principal, s.loan_rate_bp, s.loan_term_months, s.status,"
		" s.description, s.version, coalesce(i.code, ''), coalesce(a.code, ''), s.delivered_cash, h.code"
		" FROM support_item s JOIN household h ON h.id = s.household_id"
		" LEFT JOIN indicator i ON i.id = s.indicator_id"
		" LEFT JOIN agency a ON a.id = s.agency_id"
		" WHERE s.deleted = 0 AND h.deleted = 0"
		" AND (?1 IS NULL OR s.status = ?1)"
		" AND (?2 IS NULL OR s.agency_id = ?2)"
		" AND (?3 IS NULL OR s.indicator_id = ?3)"
		" AND (?4 IS NULL OR s.planned_date >= ?4)"
		" AND (?5 IS NULL OR s.planned_date <= ?5)"
		" ORDER BY s.planned_date IS NULL, s.planned_date, h.code, s.id");
	if (!st)
		return GN_ERR_DB;
	if (f && f->status >= GN_SUPPORT_PLANNED && f->status <= GN_SUPPORT_CANCELLED)
		sqlite3_bind_text(st, 1, gn_support_status_code((gn_support_status)f->status), -1,
				  SQLITE_STATIC);
	if (f) {
		gn_db_bind_id(st, 2, f->agency_id);
		gn_db_bind_id(st, 3, f->indicator_id);
		gn_db_bind_date(st, 4, f->from);
		gn_db_bind_date(st, 5, f->to);
	}
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 32)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_support *s = &(*out)[(*n)++];
		read_support(st, s);
		gn_db_column_copy(st, 22, s->household_code, sizeof s->household_code);
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

/* Support items belong to their household: who may edit the household may
 * delete and restore them. */
static gn_status set_deleted(gn_db *db, long long id, int version, bool restore)
{
	long long household = gn_db_int_query(db, "SELECT household_id FROM support_item WHERE id = ?", id, 0);
	if (!household)
		return GN_ERR_NOT_FOUND;
	gn_status s = gn_access_household(db, household);
	return s == GN_OK ? gn_soft_delete_flip(db, GN_RECORD_SUPPORT, id, version, restore) : s;
}

gn_status gn_support_delete(gn_db *db, long long id, int version)
{
	return set_deleted(db, id, version, false);
}

gn_status gn_support_restore(gn_db *db, long long id)
{
	return set_deleted(db, id, -1, true);
}
