#include "giamngheo/paths.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	if (h && *h == '/')
		return h;
	const struct passwd *pw = getpwuid(getuid());
	return pw ? pw->pw_dir : "/";
}

/* An XDG variable counts only when absolute, as the specification says. */
static int xdg_path(const char *var, const char *fallback, const char *name, char *buf, size_t size)
{
	const char *base = getenv(var);
	int n;
	if (base && base[0] == '/')
		n = snprintf(buf, size, "%s/giamngheo/%s", base, name);
	else
		n = snprintf(buf, size, "%s/%s/giamngheo/%s", home_dir(), fallback, name);
	return n > 0 && (size_t)n < size ? 0 : -1;
}

int gn_path_default_db(char *buf, size_t size)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "giamngheo.db", buf, size);
}

int gn_path_user_config(const char *name, char *buf, size_t size)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", name, buf, size);
}

int gn_path_make_parents(const char *path)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof tmp, "%s", path) >= (int)sizeof tmp)
		return -1;
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

int gn_path_expand_home(const char *path, char *buf, size_t size)
{
	int n;
	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0'))
		n = snprintf(buf, size, "%s%s", home_dir(), path + 1);
	else
		n = snprintf(buf, size, "%s", path);
	return n >= 0 && (size_t)n < size ? 0 : -1;
}
