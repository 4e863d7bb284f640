/* RFC 4180 reading, lenient where spreadsheets are (a quote inside an
 * unquoted field is kept as a character), strict where data could be lost
 * (an unclosed quote, text after a closing quote). */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

void gn_csv_init(gn_csv *c, const char *data, size_t len, char sep, size_t max_field)
{
	memset(c, 0, sizeof *c);
	c->p = data;
	c->end = data + len;
	c->sep = sep;
	c->max_field = max_field;
	c->next_row = 1;
}

void gn_csv_free(gn_csv *c)
{
	free(c->buf);
	c->buf = NULL;
	c->buf_len = c->buf_cap = 0;
}

char gn_csv_detect_sep(const char *p, const char *end)
{
	int commas = 0, semis = 0;
	bool quoted = false;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted && *p == ',')
			commas++;
		else if (!quoted && *p == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

/* Consumes one line break at p (CRLF, LF or CR); true when there was one. */
static bool eat_newline(gn_csv *c)
{
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		return true;
	}
	if (c->p < c->end && *c->p == '\n') {
		c->p++;
		return true;
	}
	return false;
}

bool gn_csv_skip_line(gn_csv *c)
{
	if (c->p >= c->end)
		return false;
	c->row = c->next_row++;
	while (c->p < c->end && *c->p != '\n' && *c->p != '\r')
		c->p++;
	eat_newline(c);
	return true;
}

static bool put(gn_csv *c, gn_csv_field *f, char ch)
{
	if (f->len >= c->max_field) {
		f->too_long = true;
		return true;
	}
	if (c->buf_len + 1 >= c->buf_cap) {
		size_t cap = c->buf_cap ? c->buf_cap * 2 : 1024;
		char *grown = realloc(c->buf, cap);
		if (!grown) {
			c->nomem = true;
			return false;
		}
		c->buf = grown;
		c->buf_cap = cap;
	}
	c->buf[c->buf_len++] = ch;
	f->len++;
	return true;
}

static bool end_field(gn_csv *c)
{
	/* The terminating NUL is not counted in len. */
	if (c->buf_len + 1 >= c->buf_cap) {
		size_t cap = c->buf_cap ? c->buf_cap * 2 : 1024;
		char *grown = realloc(c->buf, cap);
		if (!grown) {
			c->nomem = true;
			return false;
		}
		c->buf = grown;
		c->buf_cap = cap;
	}
	c->buf[c->buf_len++] = '\0';
	return true;
}

bool gn_csv_next(gn_csv *c)
{
	if (c->p >= c->end)
		return false;
	c->row = c->next_row++;
	c->buf_len = 0;
	c->n_fields = 0;
	c->too_many_fields = false;
	c->unclosed_quote = false;
	gn_csv_field spare;
	for (;;) {
		gn_csv_field *f = c->n_fields < GN_CSV_MAX_FIELDS ? &c->fields[c->n_fields] : &spare;
		if (c->n_fields >= GN_CSV_MAX_FIELDS)
			c->too_many_fields = true;
		memset(f, 0, sizeof *f);
		f->off = c->buf_len;
		if (c->p < c->end && *c->p == '"') {
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					c->unclosed_quote = true;
					break;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						if (!put(c, f, '"'))
							return false;
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				/* A line break inside a cell stays in the same sheet row. */
				if (!put(c, f, *c->p++))
					return false;
			}
			/* After the closing quote only a separator or the end of the record. */
			while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r') {
				f->junk_after_quote = true;
				if (!put(c, f, *c->p++))
					return false;
			}
		} else {
			while (c->p < c->end && *c->p != c->sep && *c->p != '\n' && *c->p != '\r')
				if (!put(c, f, *c->p++))
					return false;
		}
		if (!end_field(c))
			return false;
		if (c->n_fields < GN_CSV_MAX_FIELDS)
			c->n_fields++;
		if (c->p < c->end && *c->p == c->sep) {
			c->p++;
			continue;
		}
		eat_newline(c);
		return true;
	}
}

const char *gn_csv_field_text(const gn_csv *c, int i)
{
	if (i < 0 || i >= c->n_fields)
		return "";
	return c->buf + c->fields[i].off;
}
