/* libFuzzer target: the INI files a ward edits by hand, each read by its
 * real loader from a file: config.ini, a colour theme, keys.ini and a
 * deadline-rules file (imported as a dry run into an in-memory ward).
 * Whatever the bytes, no loader may crash, and every warning it gives names
 * the file it comes from. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/config.h"
#include "giamngheo/db.h"
#include "giamngheo/demo.h"
#include "giamngheo/keymap.h"
#include "giamngheo/rules_ini.h"
#include "giamngheo/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gn_db *db;
static char path[64];

/* Each whole line of warn (the last may be cut short) begins with the file's name. */
static void warnings_name_the_file(const char *warn)
{
	size_t plen = strlen(path);
	for (const char *line = warn, *nl; (nl = strchr(line, '\n')); line = nl + 1)
		if (strncmp(line, path, plen) != 0 || line[plen] != ':')
			abort();
}

static void setup(void)
{
	snprintf(path, sizeof path, "/tmp/giamngheo-fuzz-ini-%ld.ini", (long)getpid());
	if (gn_db_open(":memory:", true, &db) != GN_OK || gn_init_ward(db) != GN_OK)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);

	static char warn[8192];
	gn_config cfg;
	gn_config_load(path, &cfg, warn, sizeof warn);
	warnings_name_the_file(warn);

	warn[0] = '\0';
	gn_theme theme;
	gn_theme_builtin(&theme);
	gn_theme_load(&theme, path, warn, sizeof warn);
	warnings_name_the_file(warn);

	warn[0] = '\0';
	gn_keymap *km = gn_keymap_new_default();
	if (!km)
		abort();
	gn_keymap_load(km, path, warn, sizeof warn);
	warnings_name_the_file(warn);
	gn_keymap_free(km);

	warn[0] = '\0';
	gn_rules_import_result res;
	gn_rules_import(db, path, true, &res, warn, sizeof warn);
	warnings_name_the_file(warn);

	unlink(path);
	return 0;
}
