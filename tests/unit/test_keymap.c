#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "giamngheo/keymap.h"
#include "check_run.h"

/* Writes text to a new temporary file; path receives its name. */
static void write_tmp(char *path, size_t size, const char *text)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, size, "%s/gn-keys-XXXXXX", dir && *dir == '/' ? dir : "/tmp");
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

/* Loads text as a keys.ini into a fresh default map. */
static gn_keymap *load_text(const char *text, char *warn, size_t warn_size, char *path,
                            size_t path_size)
{
	gn_keymap *km = gn_keymap_new_default();
	ck_assert_ptr_nonnull(km);
	write_tmp(path, path_size, text);
	warn[0] = '\0';
	ck_assert_int_eq(gn_keymap_load(km, path, warn, warn_size), GN_OK);
	unlink(path);
	return km;
}

static const struct {
	gn_action action;
	const char *keys; /* as gn_keymap_keys_of shows them */
} defaults[] = {
	{ GN_ACT_QUIT, "q" },
	{ GN_ACT_BACK, "<Esc>" },
	{ GN_ACT_HELP, "?/<F1>" },
	{ GN_ACT_MENU, "<F9>/<F10>" },
	{ GN_ACT_MOVE_UP, "<Up>/k" },
	{ GN_ACT_MOVE_DOWN, "<Down>/j" },
	{ GN_ACT_MOVE_LEFT, "<Left>/h" },
	{ GN_ACT_MOVE_RIGHT, "<Right>/l" },
	{ GN_ACT_PAGE_UP, "<PgUp>" },
	{ GN_ACT_PAGE_DOWN, "<PgDn>/<Space>" },
	{ GN_ACT_FIRST, "g/<Home>" },
	{ GN_ACT_LAST, "G/<End>" },
	{ GN_ACT_OPEN, "<Enter>" },
	{ GN_ACT_SEARCH, "/" },
	{ GN_ACT_NEXT_PANE, "<Tab>" },
	{ GN_ACT_PREV_PANE, "<S-Tab>" },
	{ GN_ACT_SORT, "s" },
	{ GN_ACT_FILTER, "f" },
	{ GN_ACT_CLEAR_FILTER, "c" },
	{ GN_ACT_NEXT_MONTH, ">" },
	{ GN_ACT_PREV_MONTH, "<" },
	{ GN_ACT_VIEW_DASHBOARD, "1" },
	{ GN_ACT_VIEW_HOUSEHOLDS, "2" },
	{ GN_ACT_VIEW_AGENCIES, "3" },
	{ GN_ACT_VIEW_SUPPORT, "4" },
	{ GN_ACT_VIEW_DEADLINES, "5" },
	{ GN_ACT_VIEW_REPORTS, "6" },
	{ GN_ACT_REFRESH, "<C-l>" },
	{ GN_ACT_ADD, "a" },
	{ GN_ACT_EDIT, "e" },
	{ GN_ACT_SAVE, "<F2>/<C-s>" },
	{ GN_ACT_SET_DEPRIVED, "X" },
	{ GN_ACT_SET_ADDRESSING, "~" },
	{ GN_ACT_SET_RESOLVED, "+" },
	{ GN_ACT_SET_NOT_DEPRIVED, "." },
	{ GN_ACT_VIEW_HISTORY, "7" },
	{ GN_ACT_VIEW_USERS, "8" },
	{ GN_ACT_MONTHLY_ROUND, "r" },
	{ GN_ACT_WITHDRAW_REPORT, "w" },
	{ GN_ACT_ASSIGN, "A" },
	{ GN_ACT_DELETE, "d/<Del>" },
	{ GN_ACT_UNDO, "u" },
	{ GN_ACT_IMPORT, "I" },
};
#define N_DEFAULTS (sizeof defaults / sizeof defaults[0])

START_TEST(every_default_binding)
{
	ck_assert_int_eq(N_DEFAULTS, GN_ACT_COUNT);
	gn_keymap *km = gn_keymap_new_default();
	ck_assert_ptr_nonnull(km);
	for (size_t i = 0; i < N_DEFAULTS; i++) {
		char buf[128];
		gn_keymap_keys_of(km, defaults[i].action, buf, sizeof buf);
		ck_assert_msg(strcmp(buf, defaults[i].keys) == 0, "%s: '%s', expected '%s'",
		              gn_action_name(defaults[i].action), buf, defaults[i].keys);
		/* Every key listed answers with its action. */
		char names[128];
		snprintf(names, sizeof names, "%s", defaults[i].keys);
		int n = 0;
		for (char *save = NULL, *tok = strtok_r(names, "/", &save); tok;
		     tok = strtok_r(NULL, "/", &save), n++) {
			int key = gn_key_parse(tok);
			ck_assert_msg(key >= 0, "cannot parse %s", tok);
			ck_assert_int_eq(gn_keymap_lookup(km, key), defaults[i].action);
		}
		/* "/" itself splits to nothing above: look it up directly. */
		if (defaults[i].action == GN_ACT_SEARCH)
			ck_assert_int_eq(gn_keymap_lookup(km, '/'), GN_ACT_SEARCH);
		else
			ck_assert_int_gt(n, 0);
	}
	/* Spelled out, as DESIGN.md "Keys" has them. */
	ck_assert_int_eq(gn_keymap_lookup(km, 'q'), GN_ACT_QUIT);
	ck_assert_int_eq(gn_keymap_lookup(km, 27), GN_ACT_BACK);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_F(1)), GN_ACT_HELP);
	ck_assert_int_eq(gn_keymap_lookup(km, ' '), GN_ACT_PAGE_DOWN);
	ck_assert_int_eq(gn_keymap_lookup(km, 'g'), GN_ACT_FIRST);
	ck_assert_int_eq(gn_keymap_lookup(km, 'G'), GN_ACT_LAST);
	ck_assert_int_eq(gn_keymap_lookup(km, 9), GN_ACT_NEXT_PANE);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_BTAB), GN_ACT_PREV_PANE);
	ck_assert_int_eq(gn_keymap_lookup(km, 12), GN_ACT_REFRESH);
	ck_assert_int_eq(gn_keymap_lookup(km, '<'), GN_ACT_PREV_MONTH);
	ck_assert_int_eq(gn_keymap_lookup(km, '>'), GN_ACT_NEXT_MONTH);
	ck_assert_int_eq(gn_keymap_lookup(km, 'x'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, -1), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_RESIZE), GN_ACT_NONE);
	gn_keymap_free(km);
}
END_TEST

START_TEST(enter_is_cr_or_nl)
{
	gn_keymap *km = gn_keymap_new_default();
	ck_assert_int_eq(gn_keymap_lookup(km, 13), GN_ACT_OPEN);
	ck_assert_int_eq(gn_keymap_lookup(km, 10), GN_ACT_OPEN);
	ck_assert_int_eq(gn_key_parse("<Enter>"), 13);
	ck_assert_int_eq(gn_key_parse("<C-m>"), 13);
	gn_keymap_free(km);
}
END_TEST

/* Canonical spellings: gn_key_name gives them back exactly. */
static const char *const canonical[] = {
	"<Enter>", "<Esc>", "<Tab>", "<S-Tab>", "<Space>", "<Up>", "<Down>", "<Left>",
	"<Right>", "<PgUp>", "<PgDn>", "<Home>", "<End>", "<Backspace>", "<Del>", "<Ins>",
	"<F1>", "<F2>", "<F3>", "<F4>", "<F5>", "<F6>", "<F7>", "<F8>", "<F9>", "<F10>",
	"<F11>", "<F12>", "<M-a>", "<M-A>", "<M-Up>", "<M-C-s>", "<M-Enter>", "<C-@>", "<C-_>",
	"q", "?", "/", "1", "G", "g", "<", ">", ",", "\xC4\x83" /* ă */, "\xC4\x91" /* đ */,
	"\xE2\x82\xAB" /* ₫ */, "\xF0\x9F\x98\x80" /* U+1F600 */,
};

START_TEST(named_keys_round_trip)
{
	for (size_t i = 0; i < sizeof canonical / sizeof canonical[0]; i++) {
		int key = gn_key_parse(canonical[i]);
		ck_assert_msg(key >= 0, "cannot parse %s", canonical[i]);
		char buf[32];
		gn_key_name(key, buf, sizeof buf);
		ck_assert_str_eq(buf, canonical[i]);
		ck_assert_int_eq(gn_key_parse(buf), key);
	}
	/* Every Ctrl letter: <C-i> is Tab and <C-m> Enter, the rest show as C-x. */
	for (char c = 'a'; c <= 'z'; c++) {
		char name[8];
		snprintf(name, sizeof name, "<C-%c>", c);
		int key = gn_key_parse(name);
		ck_assert_int_eq(key, c - 'a' + 1);
		char buf[32];
		gn_key_name(key, buf, sizeof buf);
		if (c == 'i')
			ck_assert_str_eq(buf, "<Tab>");
		else if (c == 'm')
			ck_assert_str_eq(buf, "<Enter>");
		else
			ck_assert_str_eq(buf, name);
		ck_assert_int_eq(gn_key_parse(buf), key);
	}
	/* Every special key and F-key has a name that parses back. */
	for (int key = GN_KEY_UP; key <= GN_KEY_F(12); key++) {
		if (key == GN_KEY_F0)
			continue;
		char buf[32];
		gn_key_name(key, buf, sizeof buf);
		ck_assert_int_eq(gn_key_parse(buf), key);
	}
}
END_TEST

START_TEST(names_are_case_insensitive)
{
	ck_assert_int_eq(gn_key_parse("<enter>"), 13);
	ck_assert_int_eq(gn_key_parse("<ESC>"), 27);
	ck_assert_int_eq(gn_key_parse("<pgup>"), GN_KEY_PGUP);
	ck_assert_int_eq(gn_key_parse("<PGDN>"), GN_KEY_PGDN);
	ck_assert_int_eq(gn_key_parse("<s-tab>"), GN_KEY_BTAB);
	ck_assert_int_eq(gn_key_parse("<f10>"), GN_KEY_F(10));
	ck_assert_int_eq(gn_key_parse("<C-S>"), 19);
	ck_assert_int_eq(gn_key_parse("<c-s>"), 19);
	ck_assert_int_eq(gn_key_parse("<m-h>"), GN_KEY_ALT | 'h');
	ck_assert_int_eq(gn_key_parse("<Comma>"), ',');
}
END_TEST

START_TEST(specific_codes)
{
	ck_assert_int_eq(gn_key_parse("<C-s>"), 19);
	ck_assert_int_eq(GN_KEY_CTRL('s'), 19);
	ck_assert_int_eq(gn_key_parse("<S-Tab>"), GN_KEY_BTAB);
	ck_assert_int_eq(gn_key_parse("<Tab>"), 9);
	ck_assert_int_eq(gn_key_parse("<Esc>"), 27);
	ck_assert_int_eq(gn_key_parse("<Space>"), ' ');
	ck_assert_int_eq(gn_key_parse("G"), 'G');
	ck_assert_int_eq(gn_key_parse("g"), 'g');
	ck_assert_int_ne(gn_key_parse("G"), gn_key_parse("g"));
	ck_assert_int_eq(gn_key_parse("<F1>"), GN_KEY_F0 + 1);
	ck_assert_int_eq(gn_key_parse("<F12>"), GN_KEY_F0 + 12);
	ck_assert_int_eq(gn_key_parse("<M-a>"), GN_KEY_ALT | 'a');
	ck_assert_int_ne(gn_key_parse("<M-a>"), gn_key_parse("<M-A>"));
	ck_assert_int_eq(gn_key_parse("\xC4\x83"), 0x103);
	char buf[32];
	gn_key_name(GN_KEY_ALT | 'h', buf, sizeof buf);
	ck_assert_str_eq(buf, "<M-h>");
	gn_key_name(19, buf, sizeof buf);
	ck_assert_str_eq(buf, "<C-s>");
	gn_key_name(10, buf, sizeof buf);
	ck_assert_str_eq(buf, "<C-j>");
	gn_key_name(0x1EA1, buf, sizeof buf); /* ạ */
	ck_assert_str_eq(buf, "\xE1\xBA\xA1");
	/* Small buffers are cut but always terminated. */
	gn_key_name(GN_KEY_BACKSPACE, buf, 4);
	ck_assert_str_eq(buf, "<Ba");
	gn_key_name(GN_KEY_BACKSPACE, buf, 1);
	ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(unknown_key_names)
{
	static const char *const bad[] = {
		"", "qq", "<Foo>", "<F0>", "<F13>", "<F01>", "<C-1>", "<C-ab>", "<>", "<M->", "<M-M-a>",
		"<S-a>", "\x80", "\xC4", "\xC0\xAF" /* overlong / */, "\x7F", "\t", "Enter", "<Enter",
		"\xED\xA0\x80" /* surrogate */,
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(gn_key_parse(bad[i]) == -1, "'%s' parsed", bad[i]);
	ck_assert_int_eq(gn_key_parse(NULL), -1);
}
END_TEST

START_TEST(action_names)
{
	for (int a = 0; a < GN_ACT_COUNT; a++) {
		const char *name = gn_action_name((gn_action)a);
		ck_assert_ptr_nonnull(name);
		ck_assert_int_gt(strlen(name), 0);
		ck_assert_int_eq(gn_action_from_name(name), a);
		char upper[64];
		snprintf(upper, sizeof upper, "%s", name);
		for (char *p = upper; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		ck_assert_int_eq(gn_action_from_name(upper), a);
		ck_assert_int_gt(strlen(gn_action_help((gn_action)a)), 0);
		for (int b = 0; b < a; b++)
			ck_assert_str_ne(name, gn_action_name((gn_action)b));
	}
	ck_assert_str_eq(gn_action_name(GN_ACT_MOVE_UP), "move-up");
	ck_assert_str_eq(gn_action_help(GN_ACT_QUIT), "Quit the program");
	ck_assert_int_eq(gn_action_from_name("jump"), GN_ACT_NONE);
	ck_assert_int_eq(gn_action_from_name("move_up"), GN_ACT_NONE);
	ck_assert_int_eq(gn_action_from_name(""), GN_ACT_NONE);
	ck_assert_int_eq(gn_action_from_name(NULL), GN_ACT_NONE);
	ck_assert_str_eq(gn_action_name(GN_ACT_NONE), "");
	ck_assert_str_eq(gn_action_name(GN_ACT_COUNT), "");
	ck_assert_str_eq(gn_action_help(GN_ACT_NONE), "");
}
END_TEST

START_TEST(remap_replaces_defaults)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[keys]\nquit = <C-q>\n", warn, sizeof warn, path, sizeof path);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(gn_keymap_lookup(km, 17), GN_ACT_QUIT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'q'), GN_ACT_NONE);
	char buf[64];
	gn_keymap_keys_of(km, GN_ACT_QUIT, buf, sizeof buf);
	ck_assert_str_eq(buf, "<C-q>");
	ck_assert_int_eq(gn_keymap_lookup(km, 27), GN_ACT_BACK); /* the rest untouched */
	ck_assert_int_eq(gn_keymap_lookup(km, 'j'), GN_ACT_MOVE_DOWN);
	gn_keymap_free(km);
}
END_TEST

START_TEST(key_moves_to_new_action)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[keys]\nfilter = j, <C-f>\n", warn, sizeof warn, path, sizeof path);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(gn_keymap_lookup(km, 'j'), GN_ACT_FILTER);
	ck_assert_int_eq(gn_keymap_lookup(km, 6), GN_ACT_FILTER);
	ck_assert_int_eq(gn_keymap_lookup(km, 'f'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_DOWN), GN_ACT_MOVE_DOWN);
	char buf[64];
	gn_keymap_keys_of(km, GN_ACT_MOVE_DOWN, buf, sizeof buf);
	ck_assert_str_eq(buf, "<Down>");
	gn_keymap_keys_of(km, GN_ACT_FILTER, buf, sizeof buf);
	ck_assert_str_eq(buf, "j/<C-f>");
	gn_keymap_free(km);
}
END_TEST

START_TEST(case_of_keys_kept)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[Keys]\nFIRST = G\nLast = g\n", warn, sizeof warn, path,
	                          sizeof path);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(gn_keymap_lookup(km, 'G'), GN_ACT_FIRST);
	ck_assert_int_eq(gn_keymap_lookup(km, 'g'), GN_ACT_LAST);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_HOME), GN_ACT_NONE);
	gn_keymap_free(km);
}
END_TEST

START_TEST(bad_names_reported_rest_applied)
{
	char warn[1024], path[256], expect[512];
	gn_keymap *km = load_text("# my keys\n"
	                          "[keys]\n"
	                          "quit = x\n"
	                          "jump = z\n"
	                          "search = /, <Ctrl-f>\n"
	                          "sort = S\n",
	                          warn, sizeof warn, path, sizeof path);
	snprintf(expect, sizeof expect, "%s:4: unknown action 'jump' ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	snprintf(expect, sizeof expect, "%s:5: unknown key '<Ctrl-f>' for search ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	ck_assert_int_eq(count_lines(warn), 2);
	ck_assert_int_eq(gn_keymap_lookup(km, 'x'), GN_ACT_QUIT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'q'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, 'z'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, '/'), GN_ACT_SEARCH);
	ck_assert_int_eq(gn_keymap_lookup(km, 'S'), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 's'), GN_ACT_NONE);
	gn_keymap_free(km);
}
END_TEST

START_TEST(syntax_error_reported_rest_applied)
{
	char warn[1024], path[256], expect[512];
	gn_keymap *km = load_text("[keys]\n"
	                          "quit = x\n"
	                          "this line is no setting\n"
	                          "sort = S\n"
	                          "[oops\n"
	                          "filter = F\n",
	                          warn, sizeof warn, path, sizeof path);
	snprintf(expect, sizeof expect, "%s:3: syntax error, line ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	snprintf(expect, sizeof expect, "%s:5: syntax error, line ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	ck_assert_int_eq(count_lines(warn), 2);
	ck_assert_int_eq(gn_keymap_lookup(km, 'x'), GN_ACT_QUIT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'S'), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'F'), GN_ACT_FILTER);
	gn_keymap_free(km);
}
END_TEST

START_TEST(sections_and_stray_settings)
{
	char warn[1024], path[256], expect[512];
	gn_keymap *km = load_text("quit = x\n"
	                          "[keys]\n"
	                          "sort = S\n"
	                          "[colors]\n"
	                          "filter = F\n",
	                          warn, sizeof warn, path, sizeof path);
	snprintf(expect, sizeof expect, "%s:4: unknown section [colors] ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	snprintf(expect, sizeof expect, "%s:1: 'quit' is outside the section [keys]; ignored\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	ck_assert_int_eq(gn_keymap_lookup(km, 'q'), GN_ACT_QUIT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'S'), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'f'), GN_ACT_FILTER);
	gn_keymap_free(km);
}
END_TEST

START_TEST(empty_value_unbinds_typos_keep)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[keys]\nsort =\nfilter = <Ctl-f>\n", warn, sizeof warn, path,
	                          sizeof path);
	ck_assert_int_eq(count_lines(warn), 1);
	char buf[64];
	gn_keymap_keys_of(km, GN_ACT_SORT, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(gn_keymap_lookup(km, 's'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, 'f'), GN_ACT_FILTER);
	gn_keymap_free(km);
}
END_TEST

START_TEST(conflict_in_file_later_wins)
{
	char warn[1024], path[256], expect[512];
	gn_keymap *km = load_text("[keys]\nsort = z\nfilter = z, F\n", warn, sizeof warn, path,
	                          sizeof path);
	snprintf(expect, sizeof expect, "%s:3: key z moved from sort to filter\n", path);
	ck_assert_msg(strstr(warn, expect), "warn: %s", warn);
	ck_assert_int_eq(gn_keymap_lookup(km, 'z'), GN_ACT_FILTER);
	ck_assert_int_eq(gn_keymap_lookup(km, 's'), GN_ACT_NONE);
	gn_keymap_free(km);
}
END_TEST

START_TEST(special_characters_in_values)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[keys]\n"
	                          "search = \"#\"\n"
	                          "filter = <Comma> ; a comment\n"
	                          "sort = <M-s> \xC4\x91\n"
	                          "open = <C-j>\n",
	                          warn, sizeof warn, path, sizeof path);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(gn_keymap_lookup(km, '#'), GN_ACT_SEARCH);
	ck_assert_int_eq(gn_keymap_lookup(km, ','), GN_ACT_FILTER);
	ck_assert_int_eq(gn_keymap_lookup(km, GN_KEY_ALT | 's'), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 0x111), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 13), GN_ACT_OPEN);
	ck_assert_int_eq(gn_keymap_lookup(km, 10), GN_ACT_OPEN);
	char buf[64];
	gn_keymap_keys_of(km, GN_ACT_SORT, buf, sizeof buf);
	ck_assert_str_eq(buf, "<M-s>/\xC4\x91");
	gn_keymap_free(km);
}
END_TEST

START_TEST(too_many_keys)
{
	char warn[1024], path[256];
	gn_keymap *km = load_text("[keys]\nsort = a b c d e f g h i j\n", warn, sizeof warn, path,
	                          sizeof path);
	ck_assert_int_eq(count_lines(warn), 1);
	ck_assert_int_eq(gn_keymap_lookup(km, 'h'), GN_ACT_SORT);
	ck_assert_int_eq(gn_keymap_lookup(km, 'i'), GN_ACT_NONE);
	ck_assert_int_eq(gn_keymap_lookup(km, 'j'), GN_ACT_MOVE_DOWN);
	gn_keymap_free(km);
}
END_TEST

START_TEST(missing_file_is_fine)
{
	gn_keymap *km = gn_keymap_new_default();
	char warn[256] = "";
	ck_assert_int_eq(gn_keymap_load(km, "/nonexistent/giamngheo/keys.ini", warn, sizeof warn),
	                 GN_OK);
	ck_assert_str_eq(warn, "");
	ck_assert_int_eq(gn_keymap_lookup(km, 'q'), GN_ACT_QUIT);
	gn_keymap_free(km);
}
END_TEST

START_TEST(warnings_append_and_truncate)
{
	char warn[40], path[256];
	strcpy(warn, "before\n");
	gn_keymap *km = gn_keymap_new_default();
	write_tmp(path, sizeof path, "[keys]\njump = z\nleap = y\n");
	ck_assert_int_eq(gn_keymap_load(km, path, warn, sizeof warn), GN_OK);
	unlink(path);
	ck_assert_int_eq(strncmp(warn, "before\n", 7), 0);
	ck_assert_int_lt(strlen(warn), sizeof warn);
	gn_keymap_free(km);
}
END_TEST

START_TEST(keys_of_never_cuts_a_name)
{
	gn_keymap *km = gn_keymap_new_default();
	char buf[8];
	gn_keymap_keys_of(km, GN_ACT_MENU, buf, sizeof buf); /* "<F9>/<F10>" */
	ck_assert_str_eq(buf, "<F9>");
	gn_keymap_keys_of(km, GN_ACT_NONE, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	gn_keymap_free(km);
}
END_TEST

static Suite *keymap_suite(void)
{
	Suite *s = suite_create("keymap");
	TCase *names = tcase_create("names");
	tcase_add_test(names, named_keys_round_trip);
	tcase_add_test(names, names_are_case_insensitive);
	tcase_add_test(names, specific_codes);
	tcase_add_test(names, unknown_key_names);
	tcase_add_test(names, action_names);
	suite_add_tcase(s, names);
	TCase *map = tcase_create("map");
	tcase_add_test(map, every_default_binding);
	tcase_add_test(map, enter_is_cr_or_nl);
	tcase_add_test(map, keys_of_never_cuts_a_name);
	suite_add_tcase(s, map);
	TCase *file = tcase_create("file");
	tcase_add_test(file, remap_replaces_defaults);
	tcase_add_test(file, key_moves_to_new_action);
	tcase_add_test(file, case_of_keys_kept);
	tcase_add_test(file, bad_names_reported_rest_applied);
	tcase_add_test(file, syntax_error_reported_rest_applied);
	tcase_add_test(file, sections_and_stray_settings);
	tcase_add_test(file, empty_value_unbinds_typos_keep);
	tcase_add_test(file, conflict_in_file_later_wins);
	tcase_add_test(file, special_characters_in_values);
	tcase_add_test(file, too_many_keys);
	tcase_add_test(file, missing_file_is_fine);
	tcase_add_test(file, warnings_append_and_truncate);
	suite_add_tcase(s, file);
	return s;
}

int main(void)
{
	return check_run(keymap_suite());
}
