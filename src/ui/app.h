#ifndef GIAMNGHEO_UI_APP_H
#define GIAMNGHEO_UI_APP_H

#include "giamngheo/db.h"

/* Runs the full-screen app on an open database until the user quits;
 * returns the exit status. The theme comes from the flag, else the config,
 * else "default". GIAMNGHEO_HEADLESS=COLSxROWS with GIAMNGHEO_KEYS runs it
 * without a terminal and prints the final screen as text (for tests). */
int gn_app_run(gn_db *db, const char *theme_flag, const char *config_theme);

#endif
