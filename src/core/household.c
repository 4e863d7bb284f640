#include "giamngheo/household.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"
#include "giamngheo/search.h"
#include "giamngheo/soft_delete.h"
#include "giamngheo/text.h"

#define MAX_CODE 31
#define MAX_NAME 120
#define MAX_TEXT 4000

void gn_household_clear(gn_household *h)
{
	free(h->code);
	free(h->head_name);
	free(h->address);
	free(h->phone);
	free(h->causes);
	free(h->notes);
	free(h->updated_by);
	memset(h, 0, sizeof *h);
}

void gn_household_circumstances(const gn_household *h, char *buf, size_t size)
{
	const struct {
		bool set;
		const char *label;
	} flags[] = {
		{ h->no_work_capacity, _("no member able to work") },
		{ h->ethnic_minority, _("ethnic minority") },
		{ h->merit, _("person with merit") },
		{ h->social_protection, _("social protection") },
	};
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (!flags[i].set || used >= size)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", flags[i].label);
		if (n > 0)
			used += (size_t)n;
	}
}

void gn_member_clear(gn_member *m)
{
	free(m->full_name);
	free(m->birth);
	free(m->ethnicity);
	free(m->relation);
	free(m->cccd);
	free(m->health_card);
	free(m->schooling);
	free(m->work_status);
	free(m->disability);
	memset(m, 0, sizeof *m);
}

/* Text fields are stored as NFC so that the same name typed on two
 * keyboards is the same string; invalid UTF-8 is refused, never mangled. */
static gn_status normalise(char **field, size_t max, bool required)
{
	if (!*field || !**field)
		return required ? GN_ERR_INVALID : GN_OK;
	size_t len = strlen(*field);
	if (len > max || !gn_text_valid_utf8(*field, len))
		return GN_ERR_INVALID;
	char *nfc = gn_text_nfc(*field);
	if (!nfc)
		return GN_ERR_NOMEM;
	free(*field);
	*field = nfc;
	return GN_OK;
}

static gn_status normalise_phone(char **phone)
{
	if (!*phone || !**phone)
		return GN_OK;
	char digits[16];
	if (gn_phone_normalize(*phone, digits) != GN_OK)
		return GN_ERR_INVALID;
	free(*phone);
	*phone = strdup(digits);
	return *phone ? GN_OK : GN_ERR_NOMEM;
}

static gn_status validate_household(gn_household *h)
{
	gn_status s = normalise(&h->code, MAX_CODE, true);
	if (s == GN_OK)
		s = normalise(&h->head_name, MAX_NAME, true);
	if (s == GN_OK)
		s = normalise(&h->address, MAX_TEXT, false);
	if (s == GN_OK)
		s = normalise(&h->causes, MAX_TEXT, false);
	if (s == GN_OK)
		s = normalise(&h->notes, MAX_TEXT, false);
	if (s == GN_OK)
		s = normalise_phone(&h->phone);
	if (s == GN_OK && (h->income < 0 || h->income > GN_MONEY_MAX))
		s = GN_ERR_INVALID;
	if (s == GN_OK && gn_date_is_set(h->exit_date) && !gn_date_valid(h->exit_date))
		s = GN_ERR_INVALID;
	return s;
}

#define HOUSEHOLD_SELECT \
	"SELECT id, code, head_name, address, tdp_id, area, phone, income_per_person, class," \
	" causes, no_work_capacity, ethnic_minority, merit, social_protection, targeted, exit_date," \
	" notes, version, updated_at, updated_by FROM household "

static gn_status read_household(sqlite3_stmt *st, gn_household *h)
{
	memset(h, 0, sizeof *h);
	h->id = sqlite3_column_int64(st, 0);
	h->code = gn_db_column_dup(st, 1);
	h->head_name = gn_db_column_dup(st, 2);
	h->address = gn_db_column_dup(st, 3);
	h->tdp_id = sqlite3_column_int64(st, 4);
	gn_area_from_code((const char *)sqlite3_column_text(st, 5), &h->area);
	h->phone = gn_db_column_dup(st, 6);
	h->income = sqlite3_column_int64(st, 7);
	gn_class_from_code((const char *)sqlite3_column_text(st, 8), &h->cls);
	h->causes = gn_db_column_dup(st, 9);
	h->no_work_capacity = sqlite3_column_int(st, 10);
	h->ethnic_minority = sqlite3_column_int(st, 11);
	h->merit = sqlite3_column_int(st, 12);
	h->social_protection = sqlite3_column_int(st, 13);
	h->targeted = sqlite3_column_int(st, 14);
	h->exit_date = gn_db_column_date(st, 15);
	h->notes = gn_db_column_dup(st, 16);
	h->version = sqlite3_column_int(st, 17);
	gn_db_column_copy(st, 18, h->updated_at, sizeof h->updated_at);
	h->updated_by = gn_db_column_dup(st, 19);
	if (!h->code || !h->head_name || !h->address || !h->phone || !h->causes || !h->notes ||
	    !h->updated_by) {
		gn_household_clear(h);
		return GN_ERR_NOMEM;
	}
	return GN_OK;
}

static gn_status load_one(gn_db *db, const char *sql, long long id, const char *code, gn_household *out)
{
	memset(out, 0, sizeof *out);
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	sqlite3_stmt *st = gn_db_kept(db, sql);
	if (!st)
		return GN_ERR_DB;
	if (code)
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	gn_status s = rc == SQLITE_ROW ? read_household(st, out)
		: rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	gn_db_done(db, st);
	return s;
}

gn_status gn_household_load(gn_db *db, long long id, gn_household *out)
{
	return load_one(db, HOUSEHOLD_SELECT "WHERE id = ? AND deleted = 0", id, NULL, out);
}

gn_status gn_household_load_code(gn_db *db, const char *code, gn_household *out)
{
	return load_one(db, HOUSEHOLD_SELECT "WHERE code = ? AND deleted = 0", 0, code, out);
}

/* The class follows from income, area and deprivations under the ward's
 * standard, so it is re-derived after every change to any of them. */
static gn_status reclassify(gn_db *db, long long id)
{
	sqlite3_stmt *st = gn_db_kept(db,
		"SELECT s.id, s.line_rural, s.line_urban, s.middle_rural_max, s.middle_urban_max,"
		" s.min_deprivations, h.area, h.income_per_person,"
		" (SELECT count(*) FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id"
		"   WHERE hi.household_id = h.id AND i.standard_id = s.id"
		"   AND hi.status IN ('deprived','addressing'))"
		" FROM household h, ward w JOIN standard s ON s.id = w.current_standard_id WHERE h.id = ?");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		gn_db_done(db, st);
		/* No ward yet: nothing to classify against. */
		return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
	}
	long long standard_id = sqlite3_column_int64(st, 0);
	gn_thresholds t = {
		.line_rural = sqlite3_column_int64(st, 1),
		.line_urban = sqlite3_column_int64(st, 2),
		.middle_rural_max = sqlite3_column_int64(st, 3),
		.middle_urban_max = sqlite3_column_int64(st, 4),
		.min_deprivations = sqlite3_column_int(st, 5),
	};
	gn_area area = GN_AREA_URBAN;
	gn_area_from_code((const char *)sqlite3_column_text(st, 6), &area);
	gn_class cls = gn_classify(&t, area, sqlite3_column_int64(st, 7), sqlite3_column_int(st, 8));
	gn_db_done(db, st);

	st = gn_db_kept(db,
		"UPDATE household SET class = ?1, class_standard_id = ?2, updated_by = ?3"
		" WHERE id = ?4 AND (class IS NOT ?1 OR class_standard_id IS NOT ?2)");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, gn_class_code(cls), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, standard_id);
	sqlite3_bind_text(st, 3, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, id);
	rc = sqlite3_step(st);
	gn_db_done(db, st);
	return gn_db_status(rc);
}

static void bind_household(sqlite3_stmt *st, const gn_household *h, const gn_db *db, const char *now)
{
	gn_db_bind_text(st, 1, h->code);
	gn_db_bind_text(st, 2, h->head_name);
	sqlite3_bind_text(st, 3, h->address ? h->address : "", -1, SQLITE_TRANSIENT);
	gn_db_bind_id(st, 4, h->tdp_id);
	sqlite3_bind_text(st, 5, gn_area_code(h->area), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, h->phone ? h->phone : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, h->income);
	sqlite3_bind_text(st, 8, gn_class_code(h->cls), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, h->causes ? h->causes : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 10, h->no_work_capacity);
	sqlite3_bind_int(st, 11, h->ethnic_minority);
	sqlite3_bind_int(st, 12, h->merit);
	sqlite3_bind_int(st, 13, h->social_protection);
	sqlite3_bind_int(st, 14, h->targeted);
	gn_db_bind_date(st, 15, h->exit_date);
	sqlite3_bind_text(st, 16, h->notes ? h->notes : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 17, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 18, db->actor, -1, SQLITE_TRANSIENT);
}

/* Reads back what the database now holds (class, version, stamps). */
static gn_status refresh(gn_db *db, gn_household *h)
{
	gn_household fresh;
	gn_status s = gn_household_load(db, h->id, &fresh);
	if (s == GN_OK) {
		gn_household_clear(h);
		*h = fresh;
	}
	return s;
}

gn_status gn_household_insert(gn_db *db, gn_household *h)
{
	gn_status s = gn_access_admin(db);
	if (s == GN_OK)
		s = validate_household(h);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_kept(db,
		"INSERT INTO household(code, head_name, address, tdp_id, area, phone, income_per_person,"
		" class, causes, no_work_capacity, ethnic_minority, merit, social_protection, targeted,"
		" exit_date, notes, updated_at, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_household(st, h, db, now);
	s = gn_db_status(sqlite3_step(st));
	gn_db_done(db, st);
	if (s == GN_OK) {
		h->id = sqlite3_last_insert_rowid(db->sql);
		s = reclassify(db, h->id);
	}
	if (s == GN_OK)
		s = gn_search_reindex(db, h->id);
	s = gn_tx_end(db, &tx, s);
	/* Committed: a failed read-back must not report the save as failed, or
	 * a caller retrying would save it twice. */
	if (s == GN_OK && refresh(db, h) != GN_OK)
		h->version = 1;
	return s;
}

gn_status gn_household_update(gn_db *db, gn_household *h, gn_household *current)
{
	gn_status s = gn_access_household(db, h->id);
	if (s == GN_OK)
		s = validate_household(h);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE household SET code = ?1, head_name = ?2, address = ?3, tdp_id = ?4, area = ?5,"
		" phone = ?6, income_per_person = ?7, class = ?8, causes = ?9, no_work_capacity = ?10,"
		" ethnic_minority = ?11, merit = ?12, social_protection = ?13, targeted = ?14,"
		" exit_date = ?15, notes = ?16, updated_at = ?17, updated_by = ?18, version = version + 1"
		" WHERE id = ?19 AND version = ?20 AND deleted = 0");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_household(st, h, db, now);
	sqlite3_bind_int64(st, 19, h->id);
	sqlite3_bind_int(st, 20, h->version);
	s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0)
		s = GN_ERR_CONFLICT;
	if (s == GN_OK)
		s = reclassify(db, h->id);
	if (s == GN_OK)
		s = gn_search_reindex(db, h->id);
	s = gn_tx_end(db, &tx, s);
	if (s == GN_ERR_CONFLICT) {
		/* Distinguish "someone saved first" from "it was deleted". */
		gn_household other;
		gn_status ls = gn_household_load(db, h->id, &other);
		if (ls != GN_OK)
			return ls == GN_ERR_NOT_FOUND ? GN_ERR_NOT_FOUND : ls;
		if (current)
			*current = other;
		else
			gn_household_clear(&other);
		return GN_ERR_CONFLICT;
	}
	if (s == GN_OK && refresh(db, h) != GN_OK)
		h->version++; /* committed all the same: see gn_household_insert */
	return s;
}

/* Deletes or restores household id (version < 0: whatever its version). */
static gn_status set_deleted(gn_db *db, long long id, int version, bool restore)
{
	/* Households come and go by the focal department, as they are added. */
	gn_status s = gn_access_admin(db);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	s = gn_tx_begin(db, &tx);
	if (s != GN_OK)
		return s;
	s = gn_soft_delete_flip(db, GN_RECORD_HOUSEHOLD, id, version, restore);
	if (s == GN_OK)
		s = gn_search_reindex(db, id);
	return gn_tx_end(db, &tx, s);
}

gn_status gn_household_delete(gn_db *db, long long id, int version)
{
	return set_deleted(db, id, version, false);
}

gn_status gn_household_restore(gn_db *db, long long id)
{
	return set_deleted(db, id, -1, true);
}

long long gn_household_deleted_id(gn_db *db, const char *code)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT id FROM household WHERE code = ? AND deleted = 1");
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

/* ---- members ---- */

static gn_status validate_member(gn_member *m)
{
	gn_status s = normalise(&m->full_name, MAX_NAME, true);
	if (s == GN_OK)
		s = normalise(&m->ethnicity, MAX_NAME, false);
	if (s == GN_OK)
		s = normalise(&m->relation, MAX_NAME, false);
	if (s == GN_OK)
		s = normalise(&m->health_card, MAX_NAME, false);
	if (s == GN_OK)
		s = normalise(&m->schooling, MAX_NAME, false);
	if (s == GN_OK)
		s = normalise(&m->work_status, MAX_NAME, false);
	if (s == GN_OK)
		s = normalise(&m->disability, MAX_NAME, false);
	if (s == GN_OK && m->cccd && *m->cccd) {
		char digits[13];
		if (gn_cccd_normalize(m->cccd, digits) != GN_OK)
			return GN_ERR_INVALID;
		free(m->cccd);
		if (!(m->cccd = strdup(digits)))
			return GN_ERR_NOMEM;
	}
	if (s == GN_OK && m->birth && *m->birth) {
		/* A full ISO date, or the year alone when that is all the record has. */
		gn_date d;
		size_t len = strlen(m->birth);
		bool year_only = len == 4 && strspn(m->birth, "0123456789") == 4 &&
				 atoi(m->birth) >= 1900 && atoi(m->birth) <= 2100;
		if (!year_only && gn_date_parse_iso(m->birth, &d) != GN_DATE_OK)
			return GN_ERR_INVALID;
	}
	if (s == GN_OK && m->sex != 0 && m->sex != 'M' && m->sex != 'F')
		s = GN_ERR_INVALID;
	if (s == GN_OK && (m->allowance < 0 || m->allowance > GN_MONEY_MAX))
		s = GN_ERR_INVALID;
	return s;
}

static void bind_member(sqlite3_stmt *st, const gn_member *m, const gn_db *db, const char *now)
{
	char sex[2] = { m->sex, '\0' };
	sqlite3_bind_int64(st, 1, m->household_id);
	gn_db_bind_text(st, 2, m->full_name);
	sqlite3_bind_text(st, 3, sex, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, m->birth ? m->birth : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, m->ethnicity && *m->ethnicity ? m->ethnicity : "Kinh", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, m->relation ? m->relation : "", -1, SQLITE_TRANSIENT);
	gn_db_bind_text(st, 7, m->cccd);
	sqlite3_bind_text(st, 8, m->health_card ? m->health_card : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 9, m->schooling ? m->schooling : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, m->work_status ? m->work_status : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 11, m->has_contract);
	sqlite3_bind_text(st, 12, m->disability ? m->disability : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 13, m->allowance);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, db->actor, -1, SQLITE_TRANSIENT);
}

gn_status gn_member_insert(gn_db *db, gn_member *m)
{
	gn_status s = gn_access_household(db, m->household_id);
	if (s == GN_OK)
		s = validate_member(m);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_kept(db,
		"INSERT INTO member(household_id, full_name, sex, birth_date, ethnicity, relation, cccd,"
		" health_card, schooling, work_status, has_contract, disability, allowance, updated_at,"
		" updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_member(st, m, db, now);
	s = gn_db_status(sqlite3_step(st));
	gn_db_done(db, st);
	if (s == GN_OK) {
		m->id = sqlite3_last_insert_rowid(db->sql);
		m->version = 1;
		s = gn_search_reindex(db, m->household_id);
	}
	return gn_tx_end(db, &tx, s);
}

#define MEMBER_SELECT \
	"SELECT id, household_id, full_name, sex, birth_date, ethnicity, relation, cccd, health_card," \
	" schooling, work_status, has_contract, disability, allowance, version FROM member "

static gn_status read_member(sqlite3_stmt *st, gn_member *m)
{
	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(st, 0);
	m->household_id = sqlite3_column_int64(st, 1);
	m->full_name = gn_db_column_dup(st, 2);
	const unsigned char *sex = sqlite3_column_text(st, 3);
	m->sex = sex && *sex ? (char)*sex : 0;
	m->birth = gn_db_column_dup(st, 4);
	m->ethnicity = gn_db_column_dup(st, 5);
	m->relation = gn_db_column_dup(st, 6);
	m->cccd = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : gn_db_column_dup(st, 7);
	m->health_card = gn_db_column_dup(st, 8);
	m->schooling = gn_db_column_dup(st, 9);
	m->work_status = gn_db_column_dup(st, 10);
	m->has_contract = sqlite3_column_int(st, 11);
	m->disability = gn_db_column_dup(st, 12);
	m->allowance = sqlite3_column_int64(st, 13);
	m->version = sqlite3_column_int(st, 14);
	if (!m->full_name || !m->birth || !m->ethnicity || !m->relation || !m->health_card ||
	    !m->schooling || !m->work_status || !m->disability) {
		gn_member_clear(m);
		return GN_ERR_NOMEM;
	}
	return GN_OK;
}

/* A member not removed; GN_ERR_NOT_FOUND once it is. */
static gn_status load_member(gn_db *db, long long id, gn_member *out)
{
	sqlite3_stmt *st = gn_db_prepare(db, MEMBER_SELECT "WHERE id = ? AND deleted = 0");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	gn_status s = rc == SQLITE_ROW ? read_member(st, out) : rc == SQLITE_DONE ? GN_ERR_NOT_FOUND : gn_db_status(rc);
	sqlite3_finalize(st);
	return s;
}

/* Runs a member write bound with m's id and version, in the open
 * transaction tx: no row changed means someone saved first (GN_ERR_CONFLICT,
 * their record in *current). The household's search entry follows. */
static gn_status finish_member_write(gn_db *db, gn_tx *tx, sqlite3_stmt *st, const gn_member *m,
				     gn_member *current)
{
	gn_status s = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (s == GN_OK && sqlite3_changes(db->sql) == 0)
		s = GN_ERR_CONFLICT;
	if (s == GN_OK)
		s = gn_search_reindex(db, m->household_id);
	s = gn_tx_end(db, tx, s);
	if (s == GN_ERR_CONFLICT && current) {
		gn_status ls = load_member(db, m->id, current);
		if (ls != GN_OK)
			return ls;
	}
	return s;
}

gn_status gn_member_update(gn_db *db, gn_member *m, gn_member *current)
{
	gn_status s = gn_access_household(db, m->household_id);
	if (s == GN_OK)
		s = validate_member(m);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE member SET household_id = ?1, full_name = ?2, sex = ?3, birth_date = ?4,"
		" ethnicity = ?5, relation = ?6, cccd = ?7, health_card = ?8, schooling = ?9,"
		" work_status = ?10, has_contract = ?11, disability = ?12, allowance = ?13,"
		" updated_at = ?14, updated_by = ?15, version = version + 1"
		" WHERE id = ?16 AND version = ?17 AND deleted = 0");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	bind_member(st, m, db, now);
	sqlite3_bind_int64(st, 16, m->id);
	sqlite3_bind_int(st, 17, m->version);
	s = finish_member_write(db, &tx, st, m, current);
	if (s == GN_OK)
		m->version++;
	return s;
}

gn_status gn_member_remove(gn_db *db, const gn_member *m, gn_member *current)
{
	gn_status s = gn_access_household(db, m->household_id);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	s = gn_tx_begin(db, &tx);
	if (s != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_prepare(db,
		"UPDATE member SET deleted = 1, updated_at = ?1, updated_by = ?2, version = version + 1"
		" WHERE id = ?3 AND version = ?4 AND deleted = 0");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, db->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, m->id);
	sqlite3_bind_int(st, 4, m->version);
	return finish_member_write(db, &tx, st, m, current);
}

gn_status gn_member_list(gn_db *db, long long household_id, gn_member **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	sqlite3_stmt *st = gn_db_prepare(db, MEMBER_SELECT "WHERE household_id = ? AND deleted = 0 ORDER BY id");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	gn_status s = GN_OK;
	int cap = 0, rc;
	while (s == GN_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			s = GN_ERR_NOMEM;
			break;
		}
		s = read_member(st, &(*out)[*n]);
		if (s == GN_OK)
			gn_access_mask_id(db, (*out)[(*n)++].cccd);
	}
	sqlite3_finalize(st);
	if (s != GN_OK) {
		gn_member_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return s;
}

void gn_member_list_free(gn_member *list, int n)
{
	for (int i = 0; i < n; i++)
		gn_member_clear(&list[i]);
	free(list);
}

/* ---- indicators ---- */

gn_status gn_household_indicators(gn_db *db, long long household_id, const gn_standard *s,
				  gn_ind_status *out)
{
	for (int i = 0; i < s->n_indicators; i++)
		out[i] = GN_IND_NOT_DEPRIVED;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT hi.indicator_id, hi.status FROM household_indicator hi"
		" JOIN indicator i ON i.id = hi.indicator_id WHERE hi.household_id = ? AND i.standard_id = ?");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int64(st, 2, s->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long ind = sqlite3_column_int64(st, 0);
		for (int i = 0; i < s->n_indicators; i++)
			if (s->indicators[i].id == ind)
				gn_ind_status_from_code((const char *)sqlite3_column_text(st, 1), &out[i]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? GN_OK : gn_db_status(rc);
}

gn_status gn_household_set_indicator(gn_db *db, long long household_id, long long indicator_id,
				     gn_ind_status status)
{
	gn_status s = gn_access_household(db, household_id);
	if (s != GN_OK)
		return s;
	gn_tx tx;
	if ((s = gn_tx_begin(db, &tx)) != GN_OK)
		return s;
	sqlite3_stmt *st = gn_db_kept(db,
		"INSERT INTO household_indicator(household_id, indicator_id, status, updated_at, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (household_id, indicator_id) DO UPDATE SET"
		" status = excluded.status, updated_at = excluded.updated_at,"
		" updated_by = excluded.updated_by, version = version + 1 WHERE status IS NOT excluded.status");
	if (!st)
		return gn_tx_end(db, &tx, GN_ERR_DB);
	char now[24];
	gn_db_timestamp(now, sizeof now);
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int64(st, 2, indicator_id);
	sqlite3_bind_text(st, 3, gn_ind_status_code(status), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, db->actor, -1, SQLITE_TRANSIENT);
	s = gn_db_status(sqlite3_step(st));
	gn_db_done(db, st);
	if (s == GN_OK)
		s = reclassify(db, household_id);
	return gn_tx_end(db, &tx, s);
}

gn_status gn_household_gap(gn_db *db, const gn_household *h, const gn_standard *s,
			   gn_ind_status *statuses, gn_exit_gap *gap)
{
	gn_status st = gn_household_indicators(db, h->id, s, statuses);
	if (st == GN_OK)
		*gap = gn_exit_gap_compute(&s->thresholds, h->area, h->income, statuses,
					   (size_t)s->n_indicators);
	return st;
}
