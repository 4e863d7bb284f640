#ifndef GIAMNGHEO_PATHS_H
#define GIAMNGHEO_PATHS_H

#include <stddef.h>

/* $XDG_DATA_HOME (only when absolute) or ~/.local/share, + /giamngheo/giamngheo.db */
int gn_path_default_db(char *buf, size_t size);
/* $XDG_CONFIG_HOME (only when absolute) or ~/.config, + /giamngheo/<name> */
int gn_path_user_config(const char *name, char *buf, size_t size);
/* Creates the parent directories of path (mode 0700 for new ones). */
int gn_path_make_parents(const char *path);
/* path with a leading "~" or "~/" made the user's home directory, as a
 * shell would; -1 when it does not fit. */
int gn_path_expand_home(const char *path, char *buf, size_t size);

#endif
