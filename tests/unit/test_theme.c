#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "giamngheo/theme.h"
#include "check_run.h"

static const char *const role_names[] = {
	"title", "menu", "menu_selected", "status", "header", "row", "row_selected",
	"deprived", "addressing", "resolved", "not_deprived", "overdue", "due_soon", "today",
	"upcoming", "on_time", "late", "progress", "progress_bar", "error", "help",
};
#define N_ROLES (sizeof role_names / sizeof role_names[0])

static const char *const shipped[] = { "default", "light", "high-contrast", "mono" };

static void write_tmp(char *path, size_t size, const char *text)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/gn-theme-XXXXXX", dir && *dir == '/' ? dir : "/tmp");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	size_t len = strlen(text);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	close(fd);
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* A theme no file could produce, to see which roles a load set. */
static void poison(gn_theme *t)
{
	memset(t, 0, sizeof *t);
	for (int r = 0; r < GN_ROLE_COUNT; r++)
		t->roles[r] = (gn_style){ -2, -2, 0x100 };
}

static void assert_style(gn_style s, short fg, short bg, unsigned attrs)
{
	ck_assert_int_eq(s.fg, fg);
	ck_assert_int_eq(s.bg, bg);
	ck_assert_uint_eq(s.attrs, attrs);
}

static void load_shipped(const char *name, gn_theme *t)
{
	char path[4096], warn[2048] = "";
	ck_assert_msg(getenv("GIAMNGHEO_THEMES_DIR"), "run with GIAMNGHEO_THEMES_DIR=themes");
	ck_assert_int_eq(gn_theme_find(name, path, sizeof path), 0);
	poison(t);
	ck_assert_int_eq(gn_theme_load(t, path, warn, sizeof warn), GN_OK);
	ck_assert_msg(warn[0] == '\0', "%s: %s", name, warn);
}

START_TEST(role_names_round_trip)
{
	ck_assert_int_eq(N_ROLES, GN_ROLE_COUNT);
	for (int r = 0; r < GN_ROLE_COUNT; r++) {
		ck_assert_str_eq(gn_role_name((gn_color_role)r), role_names[r]);
		ck_assert_int_eq(gn_role_from_name(role_names[r]), r);
	}
	ck_assert_int_eq(gn_role_from_name("MENU_SELECTED"), GN_ROLE_MENU_SELECTED);
	ck_assert_int_eq(gn_role_from_name("titel"), GN_ROLE_NONE);
	ck_assert_int_eq(gn_role_from_name(NULL), GN_ROLE_NONE);
	ck_assert_str_eq(gn_role_name(GN_ROLE_NONE), "");
	ck_assert_str_eq(gn_role_name(GN_ROLE_COUNT), "");
}
END_TEST

START_TEST(shipped_theme_loads_cleanly)
{
	gn_theme t;
	load_shipped(shipped[_i], &t);
	for (int r = 0; r < GN_ROLE_COUNT; r++) {
		ck_assert_msg(t.roles[r].fg != -2 && t.roles[r].bg != -2 && t.roles[r].attrs != 0x100,
		              "%s does not set %s", shipped[_i], role_names[r]);
		ck_assert_int_ge(t.roles[r].fg, -1);
		ck_assert_int_le(t.roles[r].fg, 255);
		ck_assert_int_ge(t.roles[r].bg, -1);
		ck_assert_int_le(t.roles[r].bg, 255);
	}
	ck_assert_str_eq(t.name, shipped[_i]);
}
END_TEST

START_TEST(builtin_is_default_ini)
{
	gn_theme file, builtin;
	load_shipped("default", &file);
	gn_theme_builtin(&builtin);
	ck_assert_str_eq(builtin.name, "default");
	for (int r = 0; r < GN_ROLE_COUNT; r++) {
		ck_assert_msg(builtin.roles[r].fg == file.roles[r].fg &&
		                  builtin.roles[r].bg == file.roles[r].bg &&
		                  builtin.roles[r].attrs == file.roles[r].attrs,
		              "built-in %s differs from themes/default.ini", role_names[r]);
	}
	assert_style(builtin.roles[GN_ROLE_TITLE], GN_COLOR_WHITE, GN_COLOR_BLUE, GN_ATTR_BOLD);
	assert_style(builtin.roles[GN_ROLE_ROW], -1, -1, 0);
}
END_TEST

START_TEST(mono_twins_are_mono_ini)
{
	gn_theme file;
	load_shipped("mono", &file);
	for (int r = 0; r < GN_ROLE_COUNT; r++) {
		gn_style m = gn_role_mono((gn_color_role)r);
		ck_assert_msg(m.fg == -1 && m.bg == -1 && m.attrs == file.roles[r].attrs &&
		                  file.roles[r].fg == -1 && file.roles[r].bg == -1,
		              "mono twin of %s differs from themes/mono.ini", role_names[r]);
	}
}
END_TEST

START_TEST(mono_twins_tell_states_apart)
{
	static const gn_color_role status[] = { GN_ROLE_DEPRIVED, GN_ROLE_ADDRESSING,
		                                GN_ROLE_RESOLVED, GN_ROLE_NOT_DEPRIVED };
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(gn_role_mono(status[i]).attrs != gn_role_mono(status[j]).attrs,
			              "%s and %s look alike without colour", gn_role_name(status[i]),
			              gn_role_name(status[j]));
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_OVERDUE).attrs, gn_role_mono(GN_ROLE_UPCOMING).attrs);
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_DUE_SOON).attrs, gn_role_mono(GN_ROLE_UPCOMING).attrs);
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_ON_TIME).attrs, gn_role_mono(GN_ROLE_LATE).attrs);
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_ROW).attrs, gn_role_mono(GN_ROLE_ROW_SELECTED).attrs);
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_MENU).attrs,
	                  gn_role_mono(GN_ROLE_MENU_SELECTED).attrs);
	ck_assert_uint_ne(gn_role_mono(GN_ROLE_PROGRESS_BAR).attrs, 0);
	assert_style(gn_role_mono(GN_ROLE_NONE), -1, -1, 0);
}
END_TEST

START_TEST(bad_lines_reported_rest_applied)
{
	char path[256], warn[1024] = "", expect[512];
	write_tmp(path, sizeof path,
	          "# a theme with mistakes\n"      /* 1 */
	          "[colors]\n"                     /* 2 */
	          "title = red black bold\n"       /* 3 */
	          "menu = 196 21 underline dim\n"  /* 4 */
	          "titel = white blue\n"           /* 5 */
	          "header = Blue DEFAULT Reverse\n" /* 6 */
	          "status = purple black\n");      /* 7 */
	gn_theme t;
	gn_theme_builtin(&t);
	ck_assert_int_eq(gn_theme_load(&t, path, warn, sizeof warn), GN_OK);
	snprintf(expect, sizeof expect, "%s:5: unknown colour role 'titel' ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	snprintf(expect, sizeof expect, "%s:7: unknown colour 'purple' for status; line ignored\n",
	         path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	ck_assert_int_eq(count_lines(warn), 2);
	assert_style(t.roles[GN_ROLE_TITLE], GN_COLOR_RED, GN_COLOR_BLACK, GN_ATTR_BOLD);
	assert_style(t.roles[GN_ROLE_MENU], 196, 21, GN_ATTR_UNDERLINE | GN_ATTR_DIM);
	assert_style(t.roles[GN_ROLE_HEADER], GN_COLOR_BLUE, -1, GN_ATTR_REVERSE);
	/* The ignored line leaves the role as it was. */
	assert_style(t.roles[GN_ROLE_STATUS], GN_COLOR_BLACK, GN_COLOR_CYAN, 0);
	unlink(path);
}
END_TEST

START_TEST(value_mistakes)
{
	char path[256], warn[2048] = "", expect[512];
	write_tmp(path, sizeof path,
	          "[colors]\n"                 /* 1 */
	          "title = 256 black\n"        /* 2 */
	          "menu = -1 black\n"          /* 3 */
	          "status = white\n"           /* 4 */
	          "header = white red blink\n" /* 5 */
	          "not a setting\n"            /* 6 */
	          "row = 7 0\n"                /* 7 */
	          "[colours]\n"                /* 8 */
	          "help = red red\n");         /* 9 */
	gn_theme t;
	gn_theme_builtin(&t);
	ck_assert_int_eq(gn_theme_load(&t, path, warn, sizeof warn), GN_OK);
	const char *const expected[] = {
		":2: unknown colour '256' for title; line ignored\n",
		":3: unknown colour '-1' for menu; line ignored\n",
		":4: status needs a foreground and a background colour; line ignored\n",
		":5: unknown attribute 'blink' for header; line ignored\n",
		":6: syntax error, line ignored\n",
		":8: unknown section [colours] ignored\n",
	};
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
		snprintf(expect, sizeof expect, "%s%s", path, expected[i]);
		ck_assert_msg(strstr(warn, expect), "missing %s in: %s", expect, warn);
	}
	ck_assert_int_eq(count_lines(warn), 6);
	gn_theme builtin;
	gn_theme_builtin(&builtin);
	assert_style(t.roles[GN_ROLE_TITLE], builtin.roles[GN_ROLE_TITLE].fg,
	             builtin.roles[GN_ROLE_TITLE].bg, builtin.roles[GN_ROLE_TITLE].attrs);
	assert_style(t.roles[GN_ROLE_ROW], 7, 0, 0);
	assert_style(t.roles[GN_ROLE_HELP], GN_COLOR_CYAN, -1, 0);
	unlink(path);
}
END_TEST

START_TEST(load_names_theme_after_file)
{
	char path[256], warn[256] = "";
	write_tmp(path, sizeof path, "[colors]\nrow = green default\n");
	gn_theme t;
	gn_theme_builtin(&t);
	ck_assert_int_eq(gn_theme_load(&t, path, warn, sizeof warn), GN_OK);
	ck_assert_str_eq(warn, "");
	const char *base = strrchr(path, '/') + 1;
	ck_assert_str_eq(t.name, base);
	assert_style(t.roles[GN_ROLE_ROW], GN_COLOR_GREEN, -1, 0);
	unlink(path);
	ck_assert_int_eq(gn_theme_load(&t, path, warn, sizeof warn), GN_ERR_NOT_FOUND);
	ck_assert_str_eq(warn, "");
}
END_TEST

START_TEST(find_refuses_paths)
{
	char path[4096];
	static const char *const bad[] = { "../etc/passwd", "", "a/b", "default.ini", ".",
		                           "..", "/etc/passwd", "d\xC3\xA9" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(gn_theme_find(bad[i], path, sizeof path), -1);
		ck_assert_str_eq(path, "");
	}
	ck_assert_int_eq(gn_theme_find(NULL, path, sizeof path), -1);
	ck_assert_int_eq(gn_theme_find("no-such-theme_1", path, sizeof path), -1);
	char longname[100];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	ck_assert_int_eq(gn_theme_find(longname, path, sizeof path), -1);
}
END_TEST

START_TEST(find_order)
{
	char path[4096];
	const char *dir = getenv("GIAMNGHEO_THEMES_DIR");
	ck_assert_ptr_nonnull(dir);
	ck_assert_int_eq(gn_theme_find("high-contrast", path, sizeof path), 0);
	char expect[4096];
	snprintf(expect, sizeof expect, "%s/high-contrast.ini", dir);
	ck_assert_str_eq(path, expect);

	/* A user theme under $XDG_CONFIG_HOME/giamngheo/themes is found too. */
	const char *tmpdir = getenv("TMPDIR");
	char base[256];
	snprintf(base, sizeof base, "%s/gn-theme-home-XXXXXX",
	         tmpdir && *tmpdir == '/' ? tmpdir : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(base));
	char dirs[512], file[600];
	snprintf(dirs, sizeof dirs, "%s/giamngheo", base);
	ck_assert_int_eq(mkdir(dirs, 0700), 0);
	snprintf(dirs, sizeof dirs, "%s/giamngheo/themes", base);
	ck_assert_int_eq(mkdir(dirs, 0700), 0);
	snprintf(file, sizeof file, "%s/mine.ini", dirs);
	FILE *f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fputs("[colors]\n", f);
	fclose(f);
	char *old = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	setenv("XDG_CONFIG_HOME", base, 1);
	ck_assert_int_eq(gn_theme_find("mine", path, sizeof path), 0);
	ck_assert_str_eq(path, file);
	if (old)
		setenv("XDG_CONFIG_HOME", old, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(old);
	unlink(file);
	rmdir(dirs);
	snprintf(dirs, sizeof dirs, "%s/giamngheo", base);
	rmdir(dirs);
	rmdir(base);
}
END_TEST

static Suite *theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *roles = tcase_create("roles");
	tcase_add_test(roles, role_names_round_trip);
	tcase_add_test(roles, mono_twins_tell_states_apart);
	suite_add_tcase(s, roles);
	TCase *files = tcase_create("files");
	tcase_add_loop_test(files, shipped_theme_loads_cleanly, 0,
	                    (int)(sizeof shipped / sizeof shipped[0]));
	tcase_add_test(files, builtin_is_default_ini);
	tcase_add_test(files, mono_twins_are_mono_ini);
	tcase_add_test(files, bad_lines_reported_rest_applied);
	tcase_add_test(files, value_mistakes);
	tcase_add_test(files, load_names_theme_after_file);
	tcase_add_test(files, find_refuses_paths);
	tcase_add_test(files, find_order);
	suite_add_tcase(s, files);
	return s;
}

int main(void)
{
	return check_run(theme_suite());
}
