#ifndef GIAMNGHEO_MIGRATE_H
#define GIAMNGHEO_MIGRATE_H

#include <sqlite3.h>
#include "giamngheo/status.h"

/* The schema version this build writes. */
int gn_migrate_latest(void);

/* Applies every migration above the file's PRAGMA user_version, each in its
 * own transaction; a file already at the latest version is left alone. */
gn_status gn_migrate(sqlite3 *sql);

#endif
