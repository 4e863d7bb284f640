/* libFuzzer target: the one-line editor of the forms, fed a key sequence.
 *
 * Input: byte 0 is max_bytes (0: no bound); then a stream of keys. A UTF-8
 * sequence (valid or not) is one typed character; 0x00-0x1F are Ctrl keys
 * (Backspace 8, kills Ctrl-W/U/K, Home/End Ctrl-A/E); 0x7F is DEL; 0xF8 +
 * one byte picks a special key (arrows, Home, End, Delete, function keys,
 * Alt+key); 0xF9 + n + n bytes pastes them; 0xFA + w asks for the view at
 * width w. After every step the text must be valid NFC UTF-8 free of
 * control characters, within max_bytes, and the view must cut it at
 * character boundaries with the cursor inside. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/keymap.h"
#include "giamngheo/lineedit.h"
#include "giamngheo/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const int special_keys[] = {
	GN_KEY_LEFT, GN_KEY_RIGHT, GN_KEY_HOME, GN_KEY_END, GN_KEY_BACKSPACE, GN_KEY_DELETE,
	GN_KEY_UP, GN_KEY_DOWN, GN_KEY_PGUP, GN_KEY_PGDN, GN_KEY_INSERT, GN_KEY_BTAB,
	GN_KEY_RESIZE, GN_KEY_F(1), GN_KEY_F(2), GN_KEY_F(12), GN_KEY_ALT | 'a',
	GN_KEY_ALT | GN_KEY_LEFT, 0x110000 - 1, 0x10FFFF + 2, -1, 0xD800, 0xFFFE, 0x2028,
};

static void check(gn_lineedit *e, size_t max_bytes, int width)
{
	const char *t = gn_lineedit_text(e);
	size_t len = strlen(t);
	if (!gn_text_valid_utf8(t, len))
		abort();
	if (max_bytes && len > max_bytes)
		abort();
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c < 0x20 || c == 0x7F)
			abort();
		/* C1 controls U+0080..U+009F are C2 80..C2 9F in UTF-8. */
		if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] <= 0x9F)
			abort();
	}
	char *nfc = gn_text_nfc(t);
	if (nfc && strcmp(nfc, t) != 0)
		abort();
	free(nfc);
	int col = gn_lineedit_cursor_col(e);
	if (col < 0 || col > gn_text_width(t))
		abort();
	if (width <= 0)
		return;
	size_t start, vlen;
	int vcol;
	gn_lineedit_view(e, width, &start, &vlen, &vcol);
	if (start > len || vlen > len - start || vcol < 0 || vcol >= width)
		abort();
	/* Whole characters: neither end falls on a continuation byte. */
	if ((start < len && ((unsigned char)t[start] & 0xC0) == 0x80) ||
	    (start + vlen < len && ((unsigned char)t[start + vlen] & 0xC0) == 0x80))
		abort();
}

/* Decodes one UTF-8 sequence at p (leniently: a bad lead byte is taken as
 * the code point of its value, which exercises the refusal of odd keys). */
static size_t next_char(const uint8_t *p, size_t n, int *key)
{
	int need = p[0] >= 0xF0 ? 3 : p[0] >= 0xE0 ? 2 : p[0] >= 0xC0 ? 1 : 0;
	if ((size_t)need >= n) {
		*key = p[0];
		return 1;
	}
	int cp = need == 0 ? p[0] : p[0] & (0x3F >> need);
	for (int i = 1; i <= need; i++)
		cp = (cp << 6) | (p[i] & 0x3F);
	*key = cp;
	return (size_t)need + 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t max_bytes = data[0];
	gn_lineedit *e = gn_lineedit_new(NULL, max_bytes);
	if (!e)
		return 0;
	size_t i = 1;
	int width = 0;
	while (i < size) {
		uint8_t b = data[i];
		if (b == 0xF8 && i + 1 < size) {
			gn_lineedit_key(e, special_keys[data[i + 1] % (sizeof special_keys / sizeof special_keys[0])]);
			i += 2;
		} else if (b == 0xF9 && i + 1 < size) {
			size_t n = data[i + 1];
			if (n > size - i - 2)
				n = size - i - 2;
			char *paste = malloc(n + 1);
			if (!paste)
				break;
			memcpy(paste, data + i + 2, n);
			paste[n] = '\0';
			gn_lineedit_insert(e, paste);
			free(paste);
			i += 2 + n;
		} else if (b == 0xFA && i + 1 < size) {
			width = data[i + 1] % 40;
			i += 2;
		} else {
			int key;
			i += next_char(data + i, size - i, &key);
			gn_lineedit_key(e, key);
		}
		check(e, max_bytes, width);
	}
	gn_lineedit_free(e);
	return 0;
}
