#ifndef GIAMNGHEO_KEYMAP_H
#define GIAMNGHEO_KEYMAP_H

#include <stddef.h>

#include "giamngheo/actions.h"
#include "giamngheo/status.h"

/* Keys are our own integer codes, so core stays free of the terminal library:
 *   - a printable character is its Unicode code point (0x20..0x10FFFF);
 *   - Ctrl-A..Ctrl-Z are 1..26 (Tab = 9, Enter = 13; 10 counts as Enter
 *     too when looking up), Esc = 27;
 *   - the special keys below; Alt+key is GN_KEY_ALT | key.
 * The terminal layer (src/ui) turns what the terminal library reads into these codes. */
enum {
	GN_KEY_TAB = 9,
	GN_KEY_ENTER = 13,
	GN_KEY_ESC = 27,
	GN_KEY_UP = 0x110000,
	GN_KEY_DOWN,
	GN_KEY_LEFT,
	GN_KEY_RIGHT,
	GN_KEY_PGUP,
	GN_KEY_PGDN,
	GN_KEY_HOME,
	GN_KEY_END,
	GN_KEY_BACKSPACE,
	GN_KEY_DELETE,
	GN_KEY_INSERT,
	GN_KEY_BTAB,
	GN_KEY_RESIZE,
	GN_KEY_F0, /* F(n) = GN_KEY_F0 + n, n = 1..12 */
	GN_KEY_ALT = 0x200000 /* Alt+key = GN_KEY_ALT | key */
};
#define GN_KEY_F(n) (GN_KEY_F0 + (n))
#define GN_KEY_CTRL(c) ((c) & 0x1f) /* GN_KEY_CTRL('s') == 19 */

/* The most keys one action can have. */
#define GN_KEYMAP_MAX_KEYS 8

typedef struct gn_keymap gn_keymap; /* opaque */

/* A key map holding the defaults (DESIGN.md "Keys"); NULL when out of memory. */
gn_keymap *gn_keymap_new_default(void);
void gn_keymap_free(gn_keymap *km);

/* The action bound to key, GN_ACT_NONE if none. */
gn_action gn_keymap_lookup(const gn_keymap *km, int key);

/* Reads the [keys] section of path, one line per action:
 *     action = KEY, KEY ...        (keys separated by commas or spaces)
 * A listed action's keys replace its current ones (an empty value leaves it
 * without keys); a key given to an action is taken from whichever action had
 * it. Unknown actions, unknown key names, unknown sections and syntax errors
 * are appended to warn (which must hold a string, possibly empty) as
 * "FILE:LINE: message\n", translated; everything else still applies.
 * Returns GN_OK when the file was applied (possibly with warnings) or does
 * not exist; GN_ERR_IO when it cannot be opened; GN_ERR_INVALID when it
 * could not be parsed at all (nothing changed, the reason is in warn). */
gn_status gn_keymap_load(gn_keymap *km, const char *path, char *warn, size_t warn_size);

/* The code of a key name, -1 if unknown. Names: a single character ("q",
 * "?", "ă"), or in angle brackets, case-insensitively: <Enter>, <Esc>, <Tab>,
 * <S-Tab>, <Space>, <Up>, <Down>, <Left>, <Right>, <PgUp>, <PgDn>, <Home>,
 * <End>, <Backspace>, <Del>, <Ins>, <F1>..<F12>, <C-a>..<C-z>, <Comma>, and
 * <M-KEY> for Alt with any of these (<M-a>, <M-Up>, <M-C-s>; the character
 * after M- keeps its case: <M-a> and <M-A> differ). */
int gn_key_parse(const char *name);

/* The display name of key: "q", "<F1>", "<C-s>", "<M-h>", "<Enter>"; UTF-8
 * for other characters. Always NUL-terminated when size > 0. */
void gn_key_name(int key, char *buf, size_t size);

/* The display names of an action's keys joined with "/", e.g. "q/<Esc>";
 * "" if it has none. */
void gn_keymap_keys_of(const gn_keymap *km, gn_action a, char *buf, size_t size);

#endif
