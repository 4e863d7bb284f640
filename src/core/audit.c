#include "giamngheo/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"

/* The household a row concerns, the image to read labels from, and the
 * filters; ?3 (household) applies to the computed column. */
static const char query_sql[] =
	"SELECT x.id, x.at, x.actor, x.entity, x.entity_id, x.action, x.before_json, x.after_json,"
	" coalesce(x.hh, 0),"
	" coalesce(CASE"
	"  WHEN x.entity = 'member' THEN (SELECT code FROM household WHERE id = x.hh)"
	"       || ' · ' || json_extract(x.img, '$.full_name')"
	"  WHEN x.entity = 'household_indicator' THEN (SELECT code FROM household WHERE id = x.hh)"
	"       || ' · ' || (SELECT code FROM indicator WHERE id = json_extract(x.img, '$.indicator_id'))"
	"  WHEN x.entity = 'assignment' THEN (SELECT code FROM household WHERE id = x.hh)"
	"       || ' · ' || (SELECT code FROM agency WHERE id = json_extract(x.img, '$.agency_id'))"
	"  WHEN x.hh IS NOT NULL THEN (SELECT code FROM household WHERE id = x.hh)"
	"  WHEN x.entity = 'agency' THEN (SELECT code FROM agency WHERE id = x.entity_id)"
	"  WHEN x.entity = 'staff' THEN (SELECT code FROM agency WHERE id = json_extract(x.img, '$.agency_id'))"
	"       || ' · ' || json_extract(x.img, '$.full_name')"
	"  WHEN x.entity = 'report' THEN (SELECT code FROM agency WHERE id = json_extract(x.img, '$.agency_id'))"
	"  WHEN x.entity = 'ward' THEN json_extract(x.img, '$.name')"
	"  WHEN x.entity = 'account' THEN json_extract(x.img, '$.login')"
	"  WHEN x.entity = 'export_log' THEN json_extract(x.img, '$.what')"
	"  END, json_extract(x.img, '$.code'), '')"
	" FROM (SELECT a.id, a.at, a.actor, a.entity, a.entity_id, a.action, a.before_json, a.after_json,"
	"  coalesce(a.after_json, a.before_json) AS img,"
	"  CASE WHEN a.entity = 'household' THEN a.entity_id"
	"   WHEN a.entity IN ('member', 'household_indicator', 'assignment', 'support_item')"
	"   THEN coalesce(json_extract(a.after_json, '$.household_id'), json_extract(a.before_json, '$.household_id'))"
	"  END AS hh"
	"  FROM audit a"
	"  WHERE (?1 IS NULL OR a.entity = ?1) AND (?2 IS NULL OR a.entity_id = ?2)"
	"  AND (?4 IS NULL OR a.actor = ?4)"
	"  AND (?5 IS NULL OR substr(a.at, 1, 10) >= ?5) AND (?6 IS NULL OR substr(a.at, 1, 10) <= ?6)) x"
	" WHERE (?3 IS NULL OR x.hh = ?3)"
	" ORDER BY x.id DESC LIMIT ?7 OFFSET ?8";

/* The fields whose value differs between the two images, in the row's
 * order; a field empty on both sides (an insert's blank notes) is left out. */
static const char diff_sql[] =
	"SELECT k, o, n FROM ("
	" SELECT nw.id AS ord, nw.key AS k, od.value AS o, nw.value AS n"
	" FROM json_each(coalesce(?2, '{}')) nw LEFT JOIN json_each(coalesce(?1, '{}')) od ON od.key = nw.key"
	" UNION ALL"
	" SELECT 1000000 + od.id, od.key, od.value, NULL FROM json_each(coalesce(?1, '{}')) od"
	" WHERE NOT EXISTS (SELECT 1 FROM json_each(coalesce(?2, '{}')) nw WHERE nw.key = od.key))"
	" WHERE k NOT IN ('version', 'updated_at', 'updated_by') AND o IS NOT n"
	" AND NOT (coalesce(o, '') = '' AND coalesce(n, '') = '')"
	" ORDER BY ord";

static char *dup_or_null(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? strdup((const char *)t) : NULL;
}

static int read_fields(const gn_db *db, sqlite3_stmt *diff, sqlite3_stmt *st, gn_audit_change *c)
{
	int cap = 0, rc;
	sqlite3_reset(diff);
	sqlite3_bind_value(diff, 1, sqlite3_column_value(st, 6));
	sqlite3_bind_value(diff, 2, sqlite3_column_value(st, 7));
	while ((rc = sqlite3_step(diff)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)&c->fields, &cap, c->n_fields, sizeof *c->fields, 8))
			return SQLITE_NOMEM;
		gn_audit_field *f = &c->fields[c->n_fields];
		f->field = gn_db_column_dup(diff, 0);
		f->before = dup_or_null(diff, 1);
		f->after = dup_or_null(diff, 2);
		c->n_fields++;
		if (!f->field || (sqlite3_column_type(diff, 1) != SQLITE_NULL && !f->before) ||
		    (sqlite3_column_type(diff, 2) != SQLITE_NULL && !f->after))
			return SQLITE_NOMEM;
		if (strcmp(f->field, "cccd") == 0) {
			gn_access_mask_id(db, f->before);
			gn_access_mask_id(db, f->after);
		}
	}
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void gn_audit_changes_free(gn_audit_change *changes, int n)
{
	for (int i = 0; changes && i < n; i++) {
		for (int k = 0; k < changes[i].n_fields; k++) {
			free(changes[i].fields[k].field);
			free(changes[i].fields[k].before);
			free(changes[i].fields[k].after);
		}
		free(changes[i].fields);
	}
	free(changes);
}

gn_status gn_audit_query(gn_db *db, const gn_audit_filter *f, gn_audit_change **out, int *n)
{
	*out = NULL;
	*n = 0;
	gn_status allowed = gn_access_personal(db);
	if (allowed != GN_OK)
		return allowed;
	sqlite3_stmt *st = gn_db_prepare(db, query_sql);
	sqlite3_stmt *diff = st ? gn_db_prepare(db, diff_sql) : NULL;
	if (!diff) {
		sqlite3_finalize(st);
		return GN_ERR_DB;
	}
	gn_db_bind_text(st, 1, f->entity);
	gn_db_bind_id(st, 2, f->entity_id);
	gn_db_bind_id(st, 3, f->household_id);
	gn_db_bind_text(st, 4, f->actor);
	gn_db_bind_date(st, 5, f->since);
	gn_db_bind_date(st, 6, f->until);
	sqlite3_bind_int(st, 7, f->limit > 0 ? f->limit : -1);
	sqlite3_bind_int(st, 8, f->offset > 0 ? f->offset : 0);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 64)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_audit_change *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		gn_db_column_copy(st, 1, c->at, sizeof c->at);
		gn_db_column_copy(st, 2, c->actor, sizeof c->actor);
		gn_db_column_copy(st, 3, c->entity, sizeof c->entity);
		c->entity_id = sqlite3_column_int64(st, 4);
		gn_db_column_copy(st, 5, c->action, sizeof c->action);
		c->household_id = sqlite3_column_int64(st, 8);
		gn_db_column_copy(st, 9, c->label, sizeof c->label);
		if ((rc = read_fields(db, diff, st, c)) != SQLITE_OK)
			break;
	}
	sqlite3_finalize(diff);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		gn_audit_changes_free(*out, *n);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}

const char *gn_audit_action_label(const gn_audit_change *c)
{
	if (strcmp(c->action, "insert") == 0)
		return _("added");
	if (strcmp(c->action, "delete") == 0)
		return _("deleted");
	for (int i = 0; i < c->n_fields; i++) {
		const gn_audit_field *f = &c->fields[i];
		if (strcmp(f->field, "deleted") == 0 && f->after)
			return strcmp(f->after, "1") == 0 ? _("deleted") : _("restored");
	}
	return _("changed");
}

void gn_audit_value_shown(const char *v, int cols, char *buf, size_t size)
{
	if (!v) {
		snprintf(buf, size, "—");
		return;
	}
	if (!*v) {
		snprintf(buf, size, "\"\"");
		return;
	}
	int used;
	size_t fit = gn_text_fit(v, cols, &used);
	if (v[fit] == '\0')
		snprintf(buf, size, "%s", v);
	else
		snprintf(buf, size, "%.*s…", (int)(fit < size - 4 ? fit : size - 4), v);
}
