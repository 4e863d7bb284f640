#include "giamngheo/config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/i18n.h"
#include "giamngheo/ini.h"
#include "giamngheo/paths.h"

static const char *const known_keys[] = { "database", "language", "theme", "agency" };

static void check_keys(const dictionary *d, const char *path, char *warn, size_t size)
{
	gn_ini_check_sections(d, path, "general", warn, size);
	int n = 0;
	const char **keys = gn_ini_section_keys(d, "general", &n);
	for (int k = 0; k < n; k++) {
		bool known = false;
		for (size_t j = 0; j < sizeof known_keys / sizeof known_keys[0]; j++)
			known = known || strcmp(keys[k], known_keys[j]) == 0;
		if (!known)
			gn_ini_warn(warn, size, _("%s:%d: unknown setting '%s' ignored\n"), path,
				    gn_ini_line_of_key(path, "general", keys[k]), keys[k]);
	}
	free(keys);
}

static void copy_setting(const dictionary *d, const char *key, char *dst, size_t size)
{
	const char *v = iniparser_getstring(d, key, NULL);
	if (v && *v)
		snprintf(dst, size, "%s", v);
}

/* Read like the key map and the themes: a bad line is reported with its
 * number and skipped, and the rest still applies, so one typo in the shared
 * file does not send everyone to the default database. */
static gn_status read_file(const char *path, gn_config *out, char *warn, size_t size)
{
	gn_status st;
	dictionary *d = gn_ini_load(path, &st, warn, size);
	if (!d)
		return st;
	snprintf(out->source, sizeof out->source, "%s", path);
	copy_setting(d, "general:database", out->db_path, sizeof out->db_path);
	copy_setting(d, "general:language", out->language, sizeof out->language);
	copy_setting(d, "general:theme", out->theme, sizeof out->theme);
	copy_setting(d, "general:agency", out->agency, sizeof out->agency);
	if (out->language[0] && strcmp(out->language, "vi") != 0 && strcmp(out->language, "en") != 0) {
		gn_ini_warn(warn, size, _("%s:%d: language must be vi or en; Vietnamese used\n"), path,
			    gn_ini_line_of_key(path, "general", "language"));
		out->language[0] = '\0';
	}
	check_keys(d, path, warn, size);
	iniparser_freedict(d);
	return GN_OK;
}

gn_status gn_config_load(const char *explicit_path, gn_config *out, char *warn, size_t warn_size)
{
	memset(out, 0, sizeof *out);
	if (warn && warn_size)
		warn[0] = '\0';
	const char *env = getenv("GIAMNGHEO_CONFIG");
	const char *chosen = explicit_path && *explicit_path ? explicit_path : (env && *env ? env : NULL);
	if (chosen) {
		if (access(chosen, R_OK) != 0)
			return GN_ERR_NOT_FOUND;
		read_file(chosen, out, warn, warn_size);
		return GN_OK;
	}
	char user[PATH_MAX];
	if (gn_path_user_config("config.ini", user, sizeof user) == 0 && access(user, R_OK) == 0) {
		read_file(user, out, warn, warn_size);
		return GN_OK;
	}
	const char *system = SYSCONFDIR "/giamngheo/config.ini";
	if (access(system, R_OK) == 0)
		read_file(system, out, warn, warn_size);
	return GN_OK;
}
