#ifndef GIAMNGHEO_TEXT_H
#define GIAMNGHEO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* All strings are UTF-8. Functions returning char * return a new malloc'd
 * string (caller frees) or NULL only when memory runs out. */

bool gn_text_valid_utf8(const char *s, size_t len);

/* Normalised to NFC; invalid bytes become U+FFFD so nothing is lost silently. */
char *gn_text_nfc(const char *s);

/* Key for diacritic- and case-insensitive search: NFC and NFD input give the
 * same key, marks are stripped and đ/Đ become d ("Nguyễn Thị Hương" ->
 * "nguyen thi huong"). Runs of white space collapse to one space. */
char *gn_text_fold(const char *s);

/* Safe to send to a terminal: NFC, invalid UTF-8 and every control character
 * (C0, DEL, C1, including ESC) replaced by U+FFFD, tabs and newlines by a space. */
char *gn_text_sanitize(const char *s);
/* True when gn_text_sanitize(s) is surely s itself (plain Latin and
 * Vietnamese letters, no controls): the caller may keep s. */
bool gn_text_is_safe(const char *s);

/* Writes code point c as UTF-8 into out (room for 4 bytes); returns the
 * number of bytes, 0 for a value that is not a code point. */
size_t gn_text_encode(int c, char *out);

/* Terminal columns the text occupies once sanitised (combining marks 0,
 * wide CJK 2). */
int gn_text_width(const char *s);

/* Bytes of the longest prefix of s that fits in cols columns without
 * splitting a character from its combining marks; *used gets its width. */
size_t gn_text_fit(const char *s, int cols, int *used);

#endif
