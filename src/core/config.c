#include "giamngheo/config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <iniparser.h>

#include "giamngheo/i18n.h"
#include "giamngheo/paths.h"

/* iniparser reports syntax errors through a printf-like callback; keep the
 * last one so it reaches the user in our words instead of on raw stderr. */
static char ini_error[512];

static int capture_ini_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(ini_error, sizeof ini_error, fmt, ap);
	va_end(ap);
	for (char *p = ini_error; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return n;
}

static void append(char *warn, size_t size, const char *fmt, ...)
{
	if (!warn || !size)
		return;
	size_t used = strlen(warn);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(warn + used, size - used, fmt, ap);
	va_end(ap);
}

/* iniparser does not keep line numbers, so find where a key was written. */
static int line_of_key(const char *path, const char *key)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char line[1024];
	int n = 0, found = 0;
	size_t klen = strlen(key);
	while (!found && fgets(line, sizeof line, f)) {
		n++;
		const char *p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (strncasecmp(p, key, klen) == 0) {
			p += klen;
			while (*p == ' ' || *p == '\t')
				p++;
			if (*p == '=')
				found = n;
		}
	}
	fclose(f);
	return found;
}

static const char *const known_keys[] = { "database", "language", "theme", "agency" };

static void check_keys(const dictionary *d, const char *path, char *warn, size_t size)
{
	int nsec = iniparser_getnsec(d);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		if (strcmp(sec, "general") != 0) {
			append(warn, size, _("%s: unknown section [%s] ignored\n"), path, sec);
			continue;
		}
		int nkeys = iniparser_getsecnkeys(d, sec);
		const char **keys = calloc((size_t)nkeys + 1, sizeof *keys);
		if (!keys || !iniparser_getseckeys(d, sec, keys)) {
			free(keys);
			continue;
		}
		for (int k = 0; k < nkeys; k++) {
			const char *name = strchr(keys[k], ':') ? strchr(keys[k], ':') + 1 : keys[k];
			bool known = false;
			for (size_t j = 0; j < sizeof known_keys / sizeof known_keys[0]; j++)
				known = known || strcmp(name, known_keys[j]) == 0;
			if (!known)
				append(warn, size, _("%s:%d: unknown setting '%s' ignored\n"), path,
				       line_of_key(path, name), name);
		}
		free(keys);
	}
}

static void copy_setting(const dictionary *d, const char *key, char *dst, size_t size)
{
	const char *v = iniparser_getstring(d, key, NULL);
	if (v && *v)
		snprintf(dst, size, "%s", v);
}

static gn_status read_file(const char *path, gn_config *out, char *warn, size_t size)
{
	ini_error[0] = '\0';
	iniparser_set_error_callback(capture_ini_error);
	dictionary *d = iniparser_load(path);
	if (!d) {
		append(warn, size, _("%s: cannot be read (%s); defaults used\n"), path,
		       ini_error[0] ? ini_error : _("unreadable file"));
		return GN_ERR_INVALID;
	}
	snprintf(out->source, sizeof out->source, "%s", path);
	copy_setting(d, "general:database", out->db_path, sizeof out->db_path);
	copy_setting(d, "general:language", out->language, sizeof out->language);
	copy_setting(d, "general:theme", out->theme, sizeof out->theme);
	copy_setting(d, "general:agency", out->agency, sizeof out->agency);
	if (out->language[0] && strcmp(out->language, "vi") != 0 && strcmp(out->language, "en") != 0) {
		append(warn, size, _("%s:%d: language must be vi or en; Vietnamese used\n"), path,
		       line_of_key(path, "language"));
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
