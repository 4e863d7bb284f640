#ifndef GIAMNGHEO_LINEEDIT_H
#define GIAMNGHEO_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

/* A one-line text editor without a terminal: the form fields in ui/ draw it
 * and feed it keys, the unit tests drive it directly.
 *
 * The text is kept as NFC (wchar_t code points inside, UTF-8 outside) and
 * edited by user-perceived character (grapheme cluster): a base letter with
 * its combining marks is one character for the cursor, Backspace and Delete.
 * A combining mark typed on its own (decomposed input: 'e', U+0302, U+0301)
 * composes with the character before the cursor as it arrives ("ế"), and
 * the cursor stays after the composed character. Nothing stored is ever a
 * control character or invalid UTF-8. */
typedef struct gn_lineedit gn_lineedit; /* opaque */

/* What an editing call did. GN_LINEEDIT_IGNORED is 0 so the result can be
 * tested as "was the key consumed". */
typedef enum {
	GN_LINEEDIT_IGNORED = 0, /* not an editing key: the caller handles it (Enter, Tab, Esc, F2, ...) */
	GN_LINEEDIT_HANDLED,     /* done (possibly a no-op, such as Left at the start) */
	GN_LINEEDIT_REFUSED      /* an editing key or paste that was refused, wholly or in part:
	                          * too long for max_bytes, not a printable character, out of memory */
} gn_lineedit_result;

/* An editor holding initial_utf8 (may be NULL), sanitised like a paste and
 * cut to max_bytes at a character boundary, with the cursor at its end.
 * max_bytes bounds the UTF-8 length of the NFC text (0: no bound).
 * NULL only when memory runs out. */
gn_lineedit *gn_lineedit_new(const char *initial_utf8, size_t max_bytes);
void gn_lineedit_free(gn_lineedit *e);

/* The text, NFC UTF-8; valid until the next edit or free. */
const char *gn_lineedit_text(const gn_lineedit *e);

/* Applies one key (codes of giamngheo/keymap.h):
 *   printable code point      inserted (combining marks compose);
 *   Left/Right                one character;
 *   Home/Ctrl-A, End/Ctrl-E   start/end of the text;
 *   Backspace (also 8, 127)   deletes the character before the cursor;
 *   Delete                    the character at the cursor;
 *   Ctrl-W                    the word before the cursor (and the spaces after it);
 *   Ctrl-U / Ctrl-K           everything before / from the cursor.
 * Anything else (other controls, Enter, Tab, Esc, Up/Down, function keys,
 * Alt+key) is GN_LINEEDIT_IGNORED and leaves the editor alone. A character
 * that would take the text past max_bytes is GN_LINEEDIT_REFUSED. */
gn_lineedit_result gn_lineedit_key(gn_lineedit *e, int key);

/* Inserts pasted text at the cursor: invalid UTF-8 and control characters
 * (ESC included) become U+FFFD, tabs and line breaks a space, then NFC.
 * When the whole text does not fit in max_bytes, the longest run of whole
 * characters that fits is inserted and the result is GN_LINEEDIT_REFUSED. */
gn_lineedit_result gn_lineedit_insert(gn_lineedit *e, const char *utf8);

/* Screen column of the cursor from the start of the text (marks take 0
 * columns, wide CJK characters 2). */
int gn_lineedit_cursor_col(const gn_lineedit *e);

/* Byte offset of the cursor in gn_lineedit_text() (a note splits its line there). */
size_t gn_lineedit_cursor_byte(const gn_lineedit *e);

/* Horizontal scrolling. The part of the text to draw in width columns:
 * bytes [*start, *start + *len) of gn_lineedit_text(), always whole
 * characters, and the cursor's column within it (< width when width > 0).
 * The editor remembers where the view starts, so it moves only as far as
 * needed to keep the cursor visible, and uses the room freed by deletions.
 * Once scrolled, a column is kept after the end of the text for the cursor. */
void gn_lineedit_view(gn_lineedit *e, int width, size_t *start, size_t *len, int *cursor_col);

/* True when the text differs from the initial one. */
bool gn_lineedit_changed(const gn_lineedit *e);

#endif
