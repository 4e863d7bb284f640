#ifndef GIAMNGHEO_SOFT_DELETE_H
#define GIAMNGHEO_SOFT_DELETE_H

/* Soft deletion, the same for every record an officer can delete: the row
 * keeps its data and its history, only its deleted flag moves, so that a
 * restore brings it back as it was. Each module's delete and restore
 * check who may do it, then call this. */
#include <stdbool.h>

#include "giamngheo/db.h"

typedef enum {
	GN_RECORD_NONE = 0,
	GN_RECORD_HOUSEHOLD,
	GN_RECORD_SUPPORT,
	GN_RECORD_STAFF,
	GN_RECORD_AGENCY,
} gn_record_kind;

/* Deletes (restore false: if stored at version) or restores (version
 * ignored) record id, inside the caller's transaction. GN_ERR_CONFLICT when
 * it is still there but saved meanwhile; GN_ERR_NOT_FOUND when it is not
 * in the state to leave (already deleted, or not deleted to restore). */
gn_status gn_soft_delete_flip(gn_db *db, gn_record_kind kind, long long id, int version, bool restore);

#endif
