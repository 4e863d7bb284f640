/* Colour roles and theme files; no terminal library here. */
#include "giamngheo/theme.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "giamngheo/i18n.h"
#include "giamngheo/ini.h"
#include "giamngheo/paths.h"

static const struct {
	const char *name;
	gn_style builtin;
	unsigned mono;
} roles[GN_ROLE_COUNT] = {
#define GN_ROLE_ROW(id, name, fg, bg, attrs, mono) \
	[GN_ROLE_##id] = { name, { GN_COLOR_##fg, GN_COLOR_##bg, (attrs) }, (mono) },
	GN_COLOR_ROLES(GN_ROLE_ROW)
#undef GN_ROLE_ROW
};

static bool valid_role(gn_color_role r)
{
	return (int)r >= 0 && (int)r < GN_ROLE_COUNT;
}

const char *gn_role_name(gn_color_role r)
{
	return valid_role(r) ? roles[r].name : "";
}

gn_color_role gn_role_from_name(const char *name)
{
	if (!name)
		return GN_ROLE_NONE;
	for (int i = 0; i < GN_ROLE_COUNT; i++)
		if (strcasecmp(name, roles[i].name) == 0)
			return (gn_color_role)i;
	return GN_ROLE_NONE;
}

gn_style gn_role_mono(gn_color_role r)
{
	gn_style s = { GN_COLOR_DEFAULT, GN_COLOR_DEFAULT, valid_role(r) ? roles[r].mono : 0 };
	return s;
}

void gn_theme_builtin(gn_theme *t)
{
	memset(t, 0, sizeof *t);
	snprintf(t->name, sizeof t->name, "default");
	for (int i = 0; i < GN_ROLE_COUNT; i++)
		t->roles[i] = roles[i].builtin;
}

/* ---- finding a theme ---- */

static bool valid_theme_name(const char *name)
{
	if (!name || !*name || strlen(name) >= sizeof ((gn_theme *)0)->name)
		return false;
	for (const char *p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
			return false;
	return true;
}

static int try_path(char *path, size_t size, const char *dir, const char *name)
{
	int n = snprintf(path, size, "%s/%s.ini", dir, name);
	if (n < 0 || (size_t)n >= size)
		return -1;
	return access(path, R_OK) == 0 ? 0 : -1;
}

int gn_theme_find(const char *name, char *path, size_t size)
{
	if (!path || !size)
		return -1;
	path[0] = '\0';
	if (!valid_theme_name(name))
		return -1;
	const char *env = getenv("GIAMNGHEO_THEMES_DIR");
	if (env && *env && try_path(path, size, env, name) == 0)
		return 0;
	char file[128];
	snprintf(file, sizeof file, "themes/%s.ini", name);
	if (gn_path_user_config(file, path, size) == 0 && access(path, R_OK) == 0)
		return 0;
	if (try_path(path, size, PKGDATADIR "/themes", name) == 0)
		return 0;
	path[0] = '\0';
	return -1;
}

/* ---- reading a theme ---- */

static const char *const colour_words[] = { "black", "red",     "green", "yellow",
	                                    "blue",  "magenta", "cyan",  "white" };

/* -1..255 into *out; false if the word is no colour. */
static bool parse_colour(const char *w, short *out)
{
	if (strcasecmp(w, "default") == 0) {
		*out = GN_COLOR_DEFAULT;
		return true;
	}
	for (size_t i = 0; i < sizeof colour_words / sizeof colour_words[0]; i++)
		if (strcasecmp(w, colour_words[i]) == 0) {
			*out = (short)i;
			return true;
		}
	if (!*w || strlen(w) > 3)
		return false;
	for (const char *p = w; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	int n = atoi(w);
	if (n > 255)
		return false;
	*out = (short)n;
	return true;
}

static bool parse_attr(const char *w, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned attr;
	} attrs[] = {
		{ "bold", GN_ATTR_BOLD },
		{ "reverse", GN_ATTR_REVERSE },
		{ "underline", GN_ATTR_UNDERLINE },
		{ "dim", GN_ATTR_DIM },
	};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
		if (strcasecmp(w, attrs[i].name) == 0) {
			*out |= attrs[i].attr;
			return true;
		}
	return false;
}

/* "FG BG [ATTR...]" into *s; false, with a warning, if the line is bad. */
static bool parse_style(const char *value, gn_style *s, const char *role, const char *path,
                        int line, char *warn, size_t warn_size)
{
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", value);
	char *save = NULL;
	char *words[2] = { NULL, NULL };
	gn_style out = { GN_COLOR_DEFAULT, GN_COLOR_DEFAULT, 0 };
	int n = 0;
	for (char *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save), n++) {
		if (n < 2) {
			words[n] = w;
			if (!parse_colour(w, n == 0 ? &out.fg : &out.bg)) {
				gn_ini_warn(warn, warn_size, _("%s:%d: unknown colour '%s' for %s; line ignored\n"),
				            path, line, w, role);
				return false;
			}
		} else if (!parse_attr(w, &out.attrs)) {
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown attribute '%s' for %s; line ignored\n"),
			            path, line, w, role);
			return false;
		}
	}
	if (!words[1]) {
		gn_ini_warn(warn, warn_size,
		            _("%s:%d: %s needs a foreground and a background colour; line ignored\n"), path,
		            line, role);
		return false;
	}
	*s = out;
	return true;
}

static void name_after_file(gn_theme *t, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 4 && strcasecmp(base + len - 4, ".ini") == 0)
		len -= 4;
	if (len >= sizeof t->name)
		len = sizeof t->name - 1;
	memcpy(t->name, base, len);
	t->name[len] = '\0';
}

gn_status gn_theme_load(gn_theme *t, const char *path, char *warn, size_t warn_size)
{
	gn_status st;
	dictionary *d = gn_ini_load(path, &st, warn, warn_size);
	if (!d)
		return st;
	gn_ini_check_sections(d, path, "colors", warn, warn_size);
	int count;
	const char **names = gn_ini_section_keys(d, "colors", &count);
	for (int i = 0; i < count; i++) {
		int line = gn_ini_line_of_key(path, "colors", names[i]);
		gn_color_role r = gn_role_from_name(names[i]);
		if (r == GN_ROLE_NONE) {
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown colour role '%s' ignored\n"), path,
			            line, names[i]);
			continue;
		}
		char key[128];
		snprintf(key, sizeof key, "colors:%s", names[i]);
		parse_style(iniparser_getstring(d, key, ""), &t->roles[r], names[i], path, line, warn,
		            warn_size);
	}
	free(names);
	iniparser_freedict(d);
	name_after_file(t, path);
	return GN_OK;
}
