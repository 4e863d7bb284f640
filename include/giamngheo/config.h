#ifndef GIAMNGHEO_CONFIG_H
#define GIAMNGHEO_CONFIG_H

#include <limits.h>
#include <stddef.h>
#include "giamngheo/status.h"

typedef struct {
	char db_path[PATH_MAX];  /* empty: the default place */
	char language[8];        /* "vi" or "en"; empty: the default */
	char theme[64];
	char agency[32];         /* the user's own agency, for remind --mine */
	char source[PATH_MAX];   /* the file read, empty when none */
} gn_config;

/* Reads the first of: explicit (from --config), $GIAMNGHEO_CONFIG, the
 * user's config.ini, SYSCONFDIR/giamngheo/config.ini. A missing default file
 * is fine; a missing explicit one is GN_ERR_NOT_FOUND. Problems in the file
 * are appended to warn (file:line: message), the rest is still used. */
gn_status gn_config_load(const char *explicit_path, gn_config *out, char *warn, size_t warn_size);

#endif
