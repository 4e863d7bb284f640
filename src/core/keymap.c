/* Actions, key names and the key map: pure data, no terminal library. */
#include "giamngheo/keymap.h"
#include "giamngheo/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "giamngheo/i18n.h"
#include "giamngheo/ini.h"

/* ---- actions ---- */

static const struct {
	const char *name;
	const char *help;
} actions[GN_ACT_COUNT] = {
#define GN_ACTION_ROW(id, name, help) [GN_ACT_##id] = { name, help },
	GN_ACTIONS(GN_ACTION_ROW)
#undef GN_ACTION_ROW
};

static bool valid_action(gn_action a)
{
	return (int)a >= 0 && (int)a < GN_ACT_COUNT;
}

const char *gn_action_name(gn_action a)
{
	return valid_action(a) ? actions[a].name : "";
}

const char *gn_action_help(gn_action a)
{
	return valid_action(a) ? _(actions[a].help) : "";
}

gn_action gn_action_from_name(const char *name)
{
	if (!name)
		return GN_ACT_NONE;
	for (int i = 0; i < GN_ACT_COUNT; i++)
		if (strcasecmp(name, actions[i].name) == 0)
			return (gn_action)i;
	return GN_ACT_NONE;
}

/* ---- key names ---- */

/* Named keys; the first name of a code is the one shown. */
static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ "Enter", GN_KEY_ENTER },
	{ "Return", GN_KEY_ENTER },
	{ "Esc", GN_KEY_ESC },
	{ "Escape", GN_KEY_ESC },
	{ "Tab", GN_KEY_TAB },
	{ "S-Tab", GN_KEY_BTAB },
	{ "Space", ' ' },
	{ "Comma", ',' },
	{ "Up", GN_KEY_UP },
	{ "Down", GN_KEY_DOWN },
	{ "Left", GN_KEY_LEFT },
	{ "Right", GN_KEY_RIGHT },
	{ "PgUp", GN_KEY_PGUP },
	{ "PageUp", GN_KEY_PGUP },
	{ "PgDn", GN_KEY_PGDN },
	{ "PageDown", GN_KEY_PGDN },
	{ "Home", GN_KEY_HOME },
	{ "End", GN_KEY_END },
	{ "Backspace", GN_KEY_BACKSPACE },
	{ "Del", GN_KEY_DELETE },
	{ "Delete", GN_KEY_DELETE },
	{ "Ins", GN_KEY_INSERT },
	{ "Insert", GN_KEY_INSERT },
	{ "Resize", GN_KEY_RESIZE },
};
#define N_NAMED (sizeof named_keys / sizeof named_keys[0])

/* The characters after "C-" for the control codes that are not letters. */
static const char ctrl_punct[] = "@[\\]^_"; /* 0, 27, 28, 29, 30, 31 */

static bool printable(uint32_t c)
{
	return c >= 0x20 && c <= 0x10FFFF && c != 0x7F && !(c >= 0x80 && c < 0xA0) &&
	       !(c >= 0xD800 && c <= 0xDFFF);
}

/* Decodes one UTF-8 character filling all of s; -1 if s is anything else. */
static int32_t one_char(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c;
	int len;
	if (p[0] < 0x80) {
		c = p[0];
		len = 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		c = p[0] & 0x1F;
		len = 2;
	} else if ((p[0] & 0xF0) == 0xE0) {
		c = p[0] & 0x0F;
		len = 3;
	} else if ((p[0] & 0xF8) == 0xF0) {
		c = p[0] & 0x07;
		len = 4;
	} else {
		return -1;
	}
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (p[len] != '\0' || c < min[len] || !printable(c))
		return -1;
	return (int32_t)c;
}

/* The inside of <...>: [M-]NAME. */
static int parse_inner(const char *s, size_t len, bool allow_alt)
{
	char buf[32];
	if (len == 0 || len >= sizeof buf)
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (allow_alt && len > 2 && (buf[0] == 'M' || buf[0] == 'm') && buf[1] == '-') {
		int inner = parse_inner(buf + 2, len - 2, false);
		if (inner < 0) {
			int32_t c = one_char(buf + 2); /* <M-a>, <M-A>: the case counts */
			inner = c;
		}
		return inner < 0 ? -1 : (GN_KEY_ALT | inner);
	}
	if (len == 3 && (buf[0] == 'C' || buf[0] == 'c') && buf[1] == '-') {
		unsigned char c = (unsigned char)buf[2];
		if (isalpha(c))
			return tolower(c) - 'a' + 1;
		const char *p = c ? strchr(ctrl_punct, c) : NULL;
		if (p)
			return p == ctrl_punct ? 0 : 27 + (int)(p - ctrl_punct) - 1;
		return -1;
	}
	if ((buf[0] == 'F' || buf[0] == 'f') && len >= 2 && len <= 3 && isdigit((unsigned char)buf[1]) &&
	    (len == 2 || isdigit((unsigned char)buf[2])) && buf[1] != '0') {
		int n = atoi(buf + 1);
		return n >= 1 && n <= 12 ? GN_KEY_F(n) : -1;
	}
	for (size_t i = 0; i < N_NAMED; i++)
		if (strcasecmp(buf, named_keys[i].name) == 0)
			return named_keys[i].key;
	return -1;
}

int gn_key_parse(const char *name)
{
	if (!name || !*name)
		return -1;
	size_t len = strlen(name);
	if (len > 2 && name[0] == '<' && name[len - 1] == '>')
		return parse_inner(name + 1, len - 2, true);
	return one_char(name);
}

/* The name without brackets for bracketed keys; *bracket tells which. */
static void base_name(int key, char *out, size_t size, bool *bracket)
{
	*bracket = true;
	for (size_t i = 0; i < N_NAMED; i++)
		if (named_keys[i].key == key && key != ',') {
			snprintf(out, size, "%s", named_keys[i].name);
			return;
		}
	if (key >= 1 && key <= 26) {
		snprintf(out, size, "C-%c", 'a' + key - 1);
		return;
	}
	if (key == 0 || (key >= 28 && key <= 31)) {
		snprintf(out, size, "C-%c", key == 0 ? '@' : ctrl_punct[key - 27 + 1]);
		return;
	}
	if (key > GN_KEY_F0 && key <= GN_KEY_F(12)) {
		snprintf(out, size, "F%d", key - GN_KEY_F0);
		return;
	}
	if (key >= 0 && key <= 0x10FFFF && printable((uint32_t)key)) {
		char u[5];
		u[gn_text_encode(key, u)] = '\0';
		*bracket = false;
		snprintf(out, size, "%s", u);
		return;
	}
	snprintf(out, size, "U+%04X", (unsigned)key);
}

void gn_key_name(int key, char *buf, size_t size)
{
	if (!buf || !size)
		return;
	buf[0] = '\0';
	if (key < 0)
		return;
	char base[32];
	bool bracket;
	if ((key & GN_KEY_ALT) && key != GN_KEY_ALT) {
		base_name(key & ~GN_KEY_ALT, base, sizeof base, &bracket);
		snprintf(buf, size, "<M-%s>", base);
		return;
	}
	base_name(key, base, sizeof base, &bracket);
	snprintf(buf, size, bracket ? "<%s>" : "%s", base);
}

/* ---- the key map ---- */

struct gn_keymap {
	int keys[GN_ACT_COUNT][GN_KEYMAP_MAX_KEYS];
	int n[GN_ACT_COUNT];
};

/* DESIGN.md "Keys". A row ends at the first 0 (Ctrl-@ is never a default). */
static const int default_keys[GN_ACT_COUNT][GN_KEYMAP_MAX_KEYS] = {
	[GN_ACT_QUIT] = { 'q' },
	[GN_ACT_BACK] = { GN_KEY_ESC },
	[GN_ACT_HELP] = { '?', GN_KEY_F(1) },
	[GN_ACT_MENU] = { GN_KEY_F(9), GN_KEY_F(10) },
	[GN_ACT_MOVE_UP] = { GN_KEY_UP, 'k' },
	[GN_ACT_MOVE_DOWN] = { GN_KEY_DOWN, 'j' },
	[GN_ACT_MOVE_LEFT] = { GN_KEY_LEFT, 'h' },
	[GN_ACT_MOVE_RIGHT] = { GN_KEY_RIGHT, 'l' },
	[GN_ACT_PAGE_UP] = { GN_KEY_PGUP },
	[GN_ACT_PAGE_DOWN] = { GN_KEY_PGDN, ' ' },
	[GN_ACT_FIRST] = { 'g', GN_KEY_HOME },
	[GN_ACT_LAST] = { 'G', GN_KEY_END },
	[GN_ACT_OPEN] = { GN_KEY_ENTER },
	[GN_ACT_SEARCH] = { '/' },
	[GN_ACT_NEXT_PANE] = { GN_KEY_TAB },
	[GN_ACT_PREV_PANE] = { GN_KEY_BTAB },
	[GN_ACT_SORT] = { 's' },
	[GN_ACT_FILTER] = { 'f' },
	[GN_ACT_CLEAR_FILTER] = { 'c' },
	[GN_ACT_NEXT_MONTH] = { '>' },
	[GN_ACT_PREV_MONTH] = { '<' },
	[GN_ACT_VIEW_DASHBOARD] = { '1' },
	[GN_ACT_VIEW_HOUSEHOLDS] = { '2' },
	[GN_ACT_VIEW_AGENCIES] = { '3' },
	[GN_ACT_VIEW_SUPPORT] = { '4' },
	[GN_ACT_VIEW_DEADLINES] = { '5' },
	[GN_ACT_VIEW_REPORTS] = { '6' },
	[GN_ACT_REFRESH] = { GN_KEY_CTRL('l') },
	[GN_ACT_ADD] = { 'a' },
	[GN_ACT_EDIT] = { 'e' },
	[GN_ACT_SAVE] = { GN_KEY_F(2), GN_KEY_CTRL('s') },
	/* The indicator statuses take the symbols the cells show. */
	[GN_ACT_SET_DEPRIVED] = { 'X' },
	[GN_ACT_SET_ADDRESSING] = { '~' },
	[GN_ACT_SET_RESOLVED] = { '+' },
	[GN_ACT_SET_NOT_DEPRIVED] = { '.' },
	[GN_ACT_VIEW_HISTORY] = { '7' },
	[GN_ACT_VIEW_USERS] = { '8' },
	[GN_ACT_MONTHLY_ROUND] = { 'r' },
	[GN_ACT_WITHDRAW_REPORT] = { 'w' },
	[GN_ACT_ASSIGN] = { 'A' },
	[GN_ACT_DELETE] = { 'd', GN_KEY_DELETE },
	[GN_ACT_UNDO] = { 'u' },
	[GN_ACT_IMPORT] = { 'I' },
};

/* Ctrl-J (10) arrives for Enter when the terminal translates CR to NL. */
static int normalize(int key)
{
	if ((key & ~GN_KEY_ALT) == '\n')
		return (key & GN_KEY_ALT) | GN_KEY_ENTER;
	return key;
}

gn_keymap *gn_keymap_new_default(void)
{
	gn_keymap *km = calloc(1, sizeof *km);
	if (!km)
		return NULL;
	for (int a = 0; a < GN_ACT_COUNT; a++)
		for (int i = 0; i < GN_KEYMAP_MAX_KEYS && default_keys[a][i]; i++)
			km->keys[a][km->n[a]++] = default_keys[a][i];
	return km;
}

void gn_keymap_free(gn_keymap *km)
{
	free(km);
}

gn_action gn_keymap_lookup(const gn_keymap *km, int key)
{
	if (!km || key < 0)
		return GN_ACT_NONE;
	key = normalize(key);
	for (int a = 0; a < GN_ACT_COUNT; a++)
		for (int i = 0; i < km->n[a]; i++)
			if (km->keys[a][i] == key)
				return (gn_action)a;
	return GN_ACT_NONE;
}

void gn_keymap_keys_of(const gn_keymap *km, gn_action a, char *buf, size_t size)
{
	if (!buf || !size)
		return;
	buf[0] = '\0';
	if (!km || !valid_action(a))
		return;
	size_t used = 0;
	for (int i = 0; i < km->n[a]; i++) {
		char name[32];
		gn_key_name(km->keys[a][i], name, sizeof name);
		int w = snprintf(buf + used, size - used, "%s%s", i ? "/" : "", name);
		if (w < 0 || (size_t)w >= size - used) {
			buf[used] = '\0'; /* never show half a key name */
			return;
		}
		used += (size_t)w;
	}
}

/* Takes key from whichever action has it; returns that action. */
static gn_action unbind(gn_keymap *km, int key)
{
	for (int a = 0; a < GN_ACT_COUNT; a++)
		for (int i = 0; i < km->n[a]; i++)
			if (km->keys[a][i] == key) {
				memmove(&km->keys[a][i], &km->keys[a][i + 1],
				        sizeof km->keys[a][0] * (size_t)(km->n[a] - i - 1));
				km->n[a]--;
				return (gn_action)a;
			}
	return GN_ACT_NONE;
}

/* Splits value at commas and white space; a token is at most 63 bytes. */
static const char *next_token(const char *p, char *tok, size_t size)
{
	while (*p == ',' || isspace((unsigned char)*p))
		p++;
	if (!*p)
		return NULL;
	size_t n = 0;
	while (*p && *p != ',' && !isspace((unsigned char)*p)) {
		if (n + 1 < size)
			tok[n++] = *p;
		p++;
	}
	tok[n] = '\0';
	return p;
}

static void apply_line(gn_keymap *km, gn_action a, const char *value, bool listed[],
                       const char *path, int line, char *warn, size_t warn_size)
{
	int keys[GN_KEYMAP_MAX_KEYS];
	int n = 0, tokens = 0;
	char tok[64];
	const char *p = value;
	while ((p = next_token(p, tok, sizeof tok))) {
		tokens++;
		int k = gn_key_parse(tok);
		if (k < 0) {
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown key '%s' for %s ignored\n"), path,
			            line, tok, gn_action_name(a));
			continue;
		}
		k = normalize(k);
		bool dup = false;
		for (int i = 0; i < n; i++)
			dup = dup || keys[i] == k;
		if (dup)
			continue;
		if (n == GN_KEYMAP_MAX_KEYS) {
			gn_ini_warn(warn, warn_size, _("%s:%d: %s has more than %d keys; the rest ignored\n"),
			            path, line, gn_action_name(a), GN_KEYMAP_MAX_KEYS);
			break;
		}
		keys[n++] = k;
	}
	/* A line of nothing but typos keeps the action's keys rather than
	 * leaving it unreachable; an empty value unbinds on purpose. */
	if (tokens > 0 && n == 0)
		return;
	km->n[a] = 0;
	for (int i = 0; i < n; i++) {
		gn_action old = unbind(km, keys[i]);
		if (old != GN_ACT_NONE && old != a && listed[old]) {
			char kn[32];
			gn_key_name(keys[i], kn, sizeof kn);
			gn_ini_warn(warn, warn_size, _("%s:%d: key %s moved from %s to %s\n"),
			            path, line, kn, gn_action_name(old), gn_action_name(a));
		}
		km->keys[a][km->n[a]++] = keys[i];
	}
	listed[a] = true;
}

gn_status gn_keymap_load(gn_keymap *km, const char *path, char *warn, size_t warn_size)
{
	gn_status st;
	dictionary *d = gn_ini_load(path, &st, warn, warn_size);
	if (!d)
		return st == GN_ERR_NOT_FOUND ? GN_OK : st;
	gn_ini_check_sections(d, path, "keys", warn, warn_size);
	int count;
	const char **names = gn_ini_section_keys(d, "keys", &count);
	bool listed[GN_ACT_COUNT] = { false };
	for (int i = 0; i < count; i++) {
		int line = gn_ini_line_of_key(path, "keys", names[i]);
		gn_action a = gn_action_from_name(names[i]);
		if (a == GN_ACT_NONE) {
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown action '%s' ignored\n"), path, line,
			            names[i]);
			continue;
		}
		char key[128];
		snprintf(key, sizeof key, "keys:%s", names[i]);
		apply_line(km, a, iniparser_getstring(d, key, ""), listed, path, line, warn, warn_size);
	}
	free(names);
	iniparser_freedict(d);
	return GN_OK;
}
