#include "giamngheo/audit.h"

#include <stdlib.h>
#include <string.h>

#include "giamngheo/array.h"

gn_status gn_audit_household(gn_db *db, long long household_id, int max, gn_audit_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	/* Rows of the household's dependants name it in their JSON images. */
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT at, actor, entity, action FROM audit"
		" WHERE (entity = 'household' AND entity_id = ?1)"
		" OR (entity IN ('member', 'household_indicator', 'assignment', 'support_item')"
		"     AND coalesce(json_extract(after_json, '$.household_id'),"
		"                  json_extract(before_json, '$.household_id')) = ?1)"
		" ORDER BY id DESC LIMIT ?2");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int(st, 2, max);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 16)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_audit_row *r = &(*out)[(*n)++];
		gn_db_column_copy(st, 0, r->at, sizeof r->at);
		gn_db_column_copy(st, 1, r->actor, sizeof r->actor);
		gn_db_column_copy(st, 2, r->entity, sizeof r->entity);
		gn_db_column_copy(st, 3, r->action, sizeof r->action);
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
