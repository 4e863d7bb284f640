/* Households from a ward's CSV list. The rule for rows: the first row
 * carrying a household code (Mã hộ) is the household, its person columns
 * describe the head; every later row with the same code is a member of that
 * household and names the member in a "Họ và tên" column. Everything is
 * saved through the model in one transaction, rolled back on any error or
 * on a dry run, so the checks are exactly those of a real save. */
#include "giamngheo/import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csv.h"
#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"
#include "giamngheo/money.h"
#include "giamngheo/text.h"
#include "giamngheo/ward.h"

#define MAX_CODE 31
#define MAX_NAME 120
#define MAX_TDPS 500
#define PREVIEW_COLS 40

enum field {
	F_CODE, F_HEAD, F_NAME, F_RELATION, F_TDP, F_ADDRESS, F_TDP_ADDRESS, F_SIZE, F_INCOME,
	F_BIRTHDATE, F_BIRTHYEAR, F_SEX, F_ETHNIC, F_CCCD, F_PHONE, F_CLASS, F_NOTES,
	N_FIELDS,
	F_IGNORE = 100,   /* known, not imported (STT) */
	F_INDICATOR,      /* one of the standard's indicators */
	F_UNKNOWN
};

/* Header keys: folded (no diacritics, lower case), punctuation as spaces.
 * A header matches a key exactly or, for keys of two words or more, starts
 * with it ("Số CCCD/CMND" -> "so cccd"); the longest key wins. */
static const struct {
	enum field field;
	const char *key;
} aliases[] = {
	{ F_CODE, "ma ho" }, { F_CODE, "ma ho gia dinh" }, { F_CODE, "ma so ho" }, { F_CODE, "ma" },
	{ F_CODE, "household code" }, { F_CODE, "code" },
	{ F_HEAD, "ho va ten chu ho" }, { F_HEAD, "ho ten chu ho" }, { F_HEAD, "ten chu ho" },
	{ F_HEAD, "chu ho" }, { F_HEAD, "head of household" },
	{ F_NAME, "ho va ten" }, { F_NAME, "ho ten" }, { F_NAME, "ho va ten thanh vien" },
	{ F_NAME, "ho ten thanh vien" }, { F_NAME, "ten thanh vien" }, { F_NAME, "thanh vien" },
	{ F_NAME, "full name" },
	{ F_RELATION, "quan he voi chu ho" }, { F_RELATION, "quan he" },
	{ F_RELATION, "quan he chu ho" }, { F_RELATION, "relation" },
	{ F_TDP, "to dan pho" }, { F_TDP, "tdp" }, { F_TDP, "to" }, { F_TDP, "thon to dan pho" },
	{ F_ADDRESS, "dia chi" }, { F_ADDRESS, "noi o" }, { F_ADDRESS, "dia chi thuong tru" },
	{ F_ADDRESS, "address" },
	{ F_TDP_ADDRESS, "to dan pho dia chi" }, { F_TDP_ADDRESS, "tdp dia chi" },
	{ F_SIZE, "so nhan khau" }, { F_SIZE, "nhan khau" }, { F_SIZE, "so khau" },
	{ F_SIZE, "so thanh vien" },
	{ F_INCOME, "thu nhap binh quan" }, { F_INCOME, "thu nhap binh quan dau nguoi thang" },
	{ F_INCOME, "thu nhap binh quan dau nguoi" }, { F_INCOME, "thu nhap" },
	{ F_INCOME, "thu nhap bq" }, { F_INCOME, "income" },
	{ F_BIRTHDATE, "ngay sinh" }, { F_BIRTHDATE, "ngay thang nam sinh" },
	{ F_BIRTHYEAR, "nam sinh" },
	{ F_SEX, "gioi tinh" }, { F_SEX, "sex" },
	{ F_ETHNIC, "dan toc" }, { F_ETHNIC, "ethnicity" },
	{ F_CCCD, "so cccd" }, { F_CCCD, "cccd" }, { F_CCCD, "can cuoc cong dan" },
	{ F_CCCD, "so can cuoc" }, { F_CCCD, "so can cuoc cong dan" }, { F_CCCD, "so dinh danh" },
	{ F_CCCD, "so dinh danh ca nhan" },
	{ F_PHONE, "so dien thoai" }, { F_PHONE, "dien thoai" }, { F_PHONE, "sdt" },
	{ F_PHONE, "so dt" }, { F_PHONE, "phone" },
	{ F_CLASS, "phan loai" }, { F_CLASS, "phan loai ho" }, { F_CLASS, "loai ho" },
	{ F_NOTES, "ghi chu" }, { F_NOTES, "notes" },
	{ F_IGNORE, "stt" }, { F_IGNORE, "tt" }, { F_IGNORE, "so tt" }, { F_IGNORE, "so thu tu" },
};

/* ---- a string set: household codes, ID numbers and phones seen so far ---- */

typedef struct {
	char *key;
	long row;
	int hh;        /* index into the households of the file */
} slot;

typedef struct {
	slot *slots;
	size_t cap, n;
} smap;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static slot *smap_find(smap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (!m->slots[i].key)
			return NULL;
		if (strcmp(m->slots[i].key, key) == 0)
			return &m->slots[i];
	}
}

static bool smap_put(smap *m, const char *key, long row, int hh)
{
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		slot *grown = calloc(cap, sizeof *grown);
		if (!grown)
			return false;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slots[i].key)
				continue;
			size_t j = hash(m->slots[i].key) & (cap - 1);
			while (grown[j].key)
				j = (j + 1) & (cap - 1);
			grown[j] = m->slots[i];
		}
		free(m->slots);
		m->slots = grown;
		m->cap = cap;
	}
	size_t i = hash(key) & (m->cap - 1);
	while (m->slots[i].key)
		i = (i + 1) & (m->cap - 1);
	if (!(m->slots[i].key = strdup(key)))
		return false;
	m->slots[i].row = row;
	m->slots[i].hh = hh;
	m->n++;
	return true;
}

static void smap_free(smap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* ---- the import ---- */

typedef struct {
	char *code;
	long row;
	long long id;       /* 0: not saved (the row had errors) */
	int size;           /* Số nhân khẩu, 0 when not given */
	int members;        /* people in the file, the head included */
} file_household;

typedef struct {
	long long id;
	char *keys[5];      /* folded forms the file may use for it */
	char name[64];
} tdp;

typedef struct {
	gn_db *db;
	const gn_standard *std;
	gn_import_report *r;
	gn_area area;
	gn_csv csv;
	int ncols;
	char **headers;             /* safe to print */
	int col_field[GN_CSV_MAX_FIELDS];
	int col_ind[GN_CSV_MAX_FIELDS];
	int field_col[N_FIELDS];
	char *cells[GN_CSV_MAX_FIELDS];   /* this row's cleaned cells; NULL: refused */
	bool row_bad;
	bool nomem;
	bool db_failed;             /* a save failed: stop reading rows */
	smap codes, cccds, phones;
	file_household *hhs;
	int n_hhs, cap_hhs;
	tdp *tdps;
	int n_tdps;
} ctx;

/* Lower case, no diacritics, punctuation as single spaces; a dot between
 * digits is kept ("1.1"). */
static char *header_key(const char *s)
{
	char *f = gn_text_fold(s);
	if (!f)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; f[i]; i++) {
		unsigned char ch = (unsigned char)f[i];
		bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80;
		if (ch == '.' && i > 0 && f[i + 1] && f[i - 1] >= '0' && f[i - 1] <= '9' &&
		    f[i + 1] >= '0' && f[i + 1] <= '9')
			keep = true;
		if (keep)
			f[o++] = (char)ch;
		else if (o > 0 && f[o - 1] != ' ')
			f[o++] = ' ';
	}
	while (o > 0 && f[o - 1] == ' ')
		o--;
	f[o] = '\0';
	return f;
}

static char *preview(const char *s, size_t len)
{
	char *copy = strndup(s, len);
	if (!copy)
		return NULL;
	char *safe = gn_text_sanitize(copy);
	free(copy);
	if (!safe)
		return NULL;
	int used;
	size_t fit = gn_text_fit(safe, PREVIEW_COLS, &used);
	if (safe[fit] == '\0')
		return safe;
	char *cut = malloc(fit + 4);
	if (cut) {
		memcpy(cut, safe, fit);
		memcpy(cut + fit, "…", 4);
	}
	free(safe);
	return cut;
}

__attribute__((format(printf, 7, 0)))
static void problem_v(ctx *x, bool warning, long row, int col, const char *value, size_t vlen,
		      const char *fmt, va_list ap)
{
	gn_import_report *r = x->r;
	if (warning) {
		r->n_warnings++;
	} else {
		r->n_errors++;
		x->row_bad = true;
	}
	if (r->n_problems >= GN_IMPORT_MAX_LISTED ||
	    !gn_array_reserve((void **)&r->problems, &r->cap, r->n_problems, sizeof *r->problems, 32))
		return;
	char reason[512];
	vsnprintf(reason, sizeof reason, fmt, ap);
	gn_import_problem *p = &r->problems[r->n_problems];
	p->row = row;
	p->warning = warning;
	p->column = strdup(col >= 0 && col < x->ncols ? x->headers[col] : "");
	p->value = value ? preview(value, vlen) : strdup("");
	p->reason = strdup(reason);
	if (!p->column || !p->value || !p->reason) {
		free(p->column);
		free(p->value);
		free(p->reason);
		x->nomem = true;
		return;
	}
	r->n_problems++;
}

__attribute__((format(printf, 5, 6)))
static void error_at(ctx *x, long row, int col, const char *value, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	problem_v(x, false, row, col, value, value ? strlen(value) : 0, fmt, ap);
	va_end(ap);
}

__attribute__((format(printf, 5, 6)))
static void warn_at(ctx *x, long row, int col, const char *value, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	problem_v(x, true, row, col, value, value ? strlen(value) : 0, fmt, ap);
	va_end(ap);
}

/* A raw cell with its length (it may hold NUL bytes). */
__attribute__((format(printf, 5, 6)))
static void error_raw(ctx *x, int col, const char *raw, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	problem_v(x, false, x->csv.row, col, raw, len, fmt, ap);
	va_end(ap);
}

/* ---- the header ---- */

static int match_alias(const char *key, bool prefix)
{
	int best = -1;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		size_t n = strlen(aliases[i].key);
		if (!prefix) {
			if (strcmp(key, aliases[i].key) == 0)
				return (int)aliases[i].field;
			continue;
		}
		if (!strchr(aliases[i].key, ' ') || n <= best_len)
			continue;
		if (strncmp(key, aliases[i].key, n) == 0 && key[n] == ' ') {
			best = (int)aliases[i].field;
			best_len = n;
		}
	}
	return best;
}

static int match_indicator(const ctx *x, const char *key)
{
	for (int i = 0; i < x->std->n_indicators; i++) {
		const gn_indicator *ind = &x->std->indicators[i];
		size_t n = strlen(ind->code);
		if (strcmp(key, ind->code) == 0 || (strncmp(key, ind->code, n) == 0 && key[n] == ' '))
			return i;
		const char *names[2] = { ind->name_vi, ind->name_en };
		for (int k = 0; k < 2; k++) {
			if (!names[k])
				continue;
			char *nk = header_key(names[k]);
			bool same = nk && strcmp(nk, key) == 0;
			free(nk);
			if (same)
				return i;
		}
	}
	return -1;
}

/* What each field is called in the report, in the user's language. */
static const char *const field_names[N_FIELDS] = {
	[F_CODE] = N_("household code"), [F_HEAD] = N_("head of household"),
	[F_NAME] = N_("member's name"), [F_RELATION] = N_("relation to the head"),
	[F_TDP] = N_("residential group"), [F_ADDRESS] = N_("address"),
	[F_TDP_ADDRESS] = N_("residential group and address"), [F_SIZE] = N_("household size"),
	[F_INCOME] = N_("income per head per month"), [F_BIRTHDATE] = N_("date of birth"),
	[F_BIRTHYEAR] = N_("year of birth"), [F_SEX] = N_("sex"), [F_ETHNIC] = N_("ethnicity"),
	[F_CCCD] = N_("citizen ID number (CCCD)"), [F_PHONE] = N_("phone"), [F_CLASS] = N_("class"),
	[F_NOTES] = N_("notes"),
};

/* The report's list of columns, once the header is read. */
static bool list_columns(ctx *x)
{
	gn_import_report *r = x->r;
	r->columns = calloc((size_t)x->ncols, sizeof *r->columns);
	if (!r->columns)
		return false;
	for (int col = 0; col < x->ncols; col++, r->n_columns++) {
		gn_import_column *c = &r->columns[col];
		int field = x->col_field[col];
		if (!(c->header = strdup(x->headers[col])))
			return false;
		if (field == F_INDICATOR) {
			const gn_indicator *ind = &x->std->indicators[x->col_ind[col]];
			char name[256];
			snprintf(name, sizeof name, _("indicator %s %s"), ind->code, gn_indicator_name(ind));
			c->field = strdup(name);
		} else if (field >= 0 && field < N_FIELDS) {
			c->field = strdup(_(field_names[field]));
		} else {
			continue;
		}
		if (!c->field)
			return false;
	}
	return true;
}

static bool read_header(ctx *x)
{
	gn_csv *c = &x->csv;
	x->headers = calloc((size_t)c->n_fields, sizeof *x->headers);
	if (!x->headers)
		return false;
	x->ncols = c->n_fields;
	for (int f = 0; f < N_FIELDS; f++)
		x->field_col[f] = -1;
	if (c->too_many_fields)
		error_at(x, c->row, -1, NULL, _("more than %d columns"), GN_CSV_MAX_FIELDS);
	for (int col = 0; col < x->ncols; col++) {
		const char *raw = gn_csv_field_text(c, col);
		size_t len = c->fields[col].len;
		x->headers[col] = preview(raw, len);
		if (!x->headers[col])
			return false;
		x->col_field[col] = F_UNKNOWN;
		x->col_ind[col] = -1;
		if (!gn_text_valid_utf8(raw, len) || strlen(raw) != len) {
			error_raw(x, col, raw, len, _("not UTF-8: save the file as CSV UTF-8"));
			continue;
		}
		char *key = header_key(raw);
		if (!key)
			return false;
		int field = -1, ind = -1;
		if (!*key) {
			free(key);
			x->col_field[col] = F_IGNORE;
			continue;
		}
		if ((field = match_alias(key, false)) < 0 && (ind = match_indicator(x, key)) < 0)
			field = match_alias(key, true);
		free(key);
		if (ind >= 0) {
			for (int other = 0; other < col; other++)
				if (x->col_field[other] == F_INDICATOR && x->col_ind[other] == ind)
					error_at(x, c->row, col, x->headers[col],
						 _("column %d already holds indicator %s"), other + 1,
						 x->std->indicators[ind].code);
			x->col_field[col] = F_INDICATOR;
			x->col_ind[col] = ind;
		} else if (field == F_IGNORE) {
			x->col_field[col] = F_IGNORE;
		} else if (field >= 0) {
			if (x->field_col[field] >= 0) {
				error_at(x, c->row, col, x->headers[col],
					 _("column %d already holds this information"), x->field_col[field] + 1);
				continue;
			}
			x->col_field[col] = field;
			x->field_col[field] = col;
		} else {
			warn_at(x, c->row, col, NULL, _("column not recognised: ignored"));
		}
	}
	if (x->field_col[F_CODE] < 0)
		error_at(x, c->row, -1, NULL,
			 _("no household code column: the header row needs a column \"%s\""), "Mã hộ");
	if (x->field_col[F_HEAD] < 0 && x->field_col[F_NAME] < 0)
		error_at(x, c->row, -1, NULL,
			 _("no column for the head of household: add \"%s\""), "Họ và tên chủ hộ");
	return list_columns(x);
}

/* ---- cells ---- */

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* The cell as text to store: refused (NULL, with the reason reported) when
 * too long, not UTF-8 or holding control characters; line breaks and tabs
 * inside a cell become spaces; surrounding spaces go; "-" alone is empty. */
static char *clean_cell(ctx *x, int col)
{
	gn_csv *c = &x->csv;
	if (col >= c->n_fields)
		return strdup("");
	const gn_csv_field *f = &c->fields[col];
	const char *raw = gn_csv_field_text(c, col);
	if (f->too_long) {
		error_raw(x, col, raw, f->len,
			  _("cell longer than %d bytes (is a closing quote missing?)"), GN_IMPORT_MAX_FIELD);
		return NULL;
	}
	if (f->junk_after_quote) {
		error_raw(x, col, raw, f->len,
			  _("text after the closing quote: a quote inside a cell must be doubled (\"\")"));
		return NULL;
	}
	if (!gn_text_valid_utf8(raw, f->len)) {
		error_raw(x, col, raw, f->len, _("not UTF-8: save the file as CSV UTF-8"));
		return NULL;
	}
	char *out = malloc(f->len + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < f->len; i++) {
		unsigned char ch = (unsigned char)raw[i];
		if (ch == '\r' || ch == '\n' || ch == '\t') {
			if (ch == '\r' && i + 1 < f->len && raw[i + 1] == '\n')
				i++;
			out[o++] = ' ';
			continue;
		}
		if (ch < 0x20 || ch == 0x7f ||
		    (ch == 0xc2 && i + 1 < f->len && (unsigned char)raw[i + 1] >= 0x80 &&
		     (unsigned char)raw[i + 1] <= 0x9f)) {
			error_raw(x, col, raw, f->len, _("control characters are not allowed in a cell"));
			free(out);
			return NULL;
		}
		out[o++] = (char)ch;
	}
	out[o] = '\0';
	size_t start = 0;
	while (start < o && is_space(out[start]))
		start++;
	while (o > start && is_space(out[o - 1]))
		o--;
	memmove(out, out + start, o - start);
	out[o - start] = '\0';
	if (strcmp(out, "-") == 0)
		out[0] = '\0';
	return out;
}

/* The cell was refused (reported already). */
static bool refused(const ctx *x, enum field f)
{
	return x->field_col[f] >= 0 && !x->cells[x->field_col[f]];
}

static const char *cell(const ctx *x, enum field f)
{
	int col = x->field_col[f];
	if (col < 0 || !x->cells[col])
		return "";
	return x->cells[col];
}

/* Text is stored as typed; a cell that a spreadsheet would read as a
 * formula is worth a word, since it is kept as plain text. */
static const char *text_cell(ctx *x, enum field f, size_t max)
{
	const char *v = cell(x, f);
	int col = x->field_col[f];
	if (!*v)
		return v;
	if (strlen(v) > max) {
		error_at(x, x->csv.row, col, v, _("too long: at most %zu bytes"), max);
		free(x->cells[col]);
		x->cells[col] = NULL;
		return "";
	}
	if (strchr("=+-@", v[0]))
		warn_at(x, x->csv.row, col, v,
			_("begins like a spreadsheet formula: stored as plain text, never calculated"));
	return v;
}

static bool load_tdps(ctx *x)
{
	sqlite3_stmt *st = gn_db_prepare(x->db, "SELECT id, code, name FROM tdp ORDER BY code");
	if (!st)
		return false;
	while (sqlite3_step(st) == SQLITE_ROW && x->n_tdps < MAX_TDPS) {
		if (!x->tdps && !(x->tdps = calloc(MAX_TDPS, sizeof *x->tdps))) {
			sqlite3_finalize(st);
			return false;
		}
		tdp *t = &x->tdps[x->n_tdps++];
		t->id = sqlite3_column_int64(st, 0);
		const char *code = (const char *)sqlite3_column_text(st, 1);
		const char *name = (const char *)sqlite3_column_text(st, 2);
		snprintf(t->name, sizeof t->name, "%s", name ? name : "");
		const char *prefixes[5] = { NULL, "", "Tổ dân phố ", "TDP ", "Tổ " };
		for (int k = 0; k < 5; k++) {
			char buf[256];
			if (k == 0)
				snprintf(buf, sizeof buf, "%s", code ? code : "");
			else
				snprintf(buf, sizeof buf, "%s%s", prefixes[k], t->name);
			t->keys[k] = header_key(buf);
		}
	}
	sqlite3_finalize(st);
	return true;
}

/* The residential group a cell names, by code or name, at its start. */
static long long find_tdp(const ctx *x, const char *value)
{
	char *key = header_key(value);
	long long id = 0;
	size_t best = 0;
	for (int i = 0; key && i < x->n_tdps; i++)
		for (int k = 0; k < 5; k++) {
			const char *tk = x->tdps[i].keys[k];
			size_t n = tk ? strlen(tk) : 0;
			if (n > best && strncmp(key, tk, n) == 0 && (key[n] == '\0' || key[n] == ' ')) {
				id = x->tdps[i].id;
				best = n;
			}
		}
	free(key);
	return id;
}

static void unknown_tdp(ctx *x)
{
	char known[256] = "";
	size_t used = 0;
	for (int i = 0; i < x->n_tdps && i < 8 && used < sizeof known; i++) {
		int n = snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "",
				 x->tdps[i].name);
		if (n > 0)
			used += (size_t)n;
	}
	if (x->n_tdps > 8 && used + 8 < sizeof known)
		snprintf(known + used, sizeof known - used, ", …");
	if (x->n_tdps == 0)
		error_at(x, x->csv.row, x->field_col[F_TDP], cell(x, F_TDP),
			 _("unknown residential group: the ward has none recorded yet"));
	else
		error_at(x, x->csv.row, x->field_col[F_TDP], cell(x, F_TDP),
			 _("unknown residential group; the ward has: %s"), known);
}

static bool fold_in(const char *key, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(key, *words) == 0)
			return true;
	return false;
}

static bool parse_class(const char *v, gn_class *out)
{
	static const char *const poor[] = { "ngheo", "ho ngheo", "poor", NULL };
	static const char *const near[] = { "can ngheo", "ho can ngheo", "near poor", NULL };
	static const char *const middle[] = { "trung binh", "muc song trung binh",
					      "ho co muc song trung binh", "ho muc song trung binh",
					      "middle", NULL };
	static const char *const notpoor[] = { "khong ngheo", "not poor", NULL };
	if (gn_class_from_code(v, out))
		return true;
	char *key = header_key(v);
	bool ok = true;
	if (!key)
		return false;
	if (fold_in(key, poor))
		*out = GN_CLASS_POOR;
	else if (fold_in(key, near))
		*out = GN_CLASS_NEAR_POOR;
	else if (fold_in(key, middle))
		*out = GN_CLASS_MIDDLE;
	else if (fold_in(key, notpoor))
		*out = GN_CLASS_NOT_POOR;
	else
		ok = false;
	free(key);
	return ok;
}

/* x, 1, có: deprived (1); empty, 0, không: not (0); anything else -1. */
static int parse_mark(const char *v)
{
	static const char *const yes[] = { "x", "1", "co", "yes", "v", "thieu", "thieu hut", NULL };
	static const char *const no[] = { "0", "khong", "no", "", NULL };
	if (!*v)
		return 0;
	char *key = gn_text_fold(v);
	if (!key)
		return -1;
	int r = fold_in(key, yes) ? 1 : fold_in(key, no) ? 0 : -1;
	free(key);
	return r;
}

static bool all_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

/* Birth as the model stores it: an ISO date or a year; false with a
 * reported error. */
static bool parse_birth(ctx *x, char *out)
{
	const char *date = cell(x, F_BIRTHDATE), *year = cell(x, F_BIRTHYEAR);
	int this_year = gn_today().y;
	out[0] = '\0';
	if (*date) {
		gn_date d;
		gn_date_error e = GN_DATE_OK;
		if (all_digits(date, 4)) {
			year = date;
		} else if ((e = gn_date_parse_dmy(date, &d)) == GN_DATE_OK ||
			   gn_date_parse_iso(date, &d) == GN_DATE_OK) {
			if (gn_date_cmp(d, gn_today()) > 0) {
				error_at(x, x->csv.row, x->field_col[F_BIRTHDATE], date,
					 _("date of birth in the future"));
				return false;
			}
			gn_date_format_iso(d, out);
			return true;
		} else {
			error_at(x, x->csv.row, x->field_col[F_BIRTHDATE], date, "%s",
				 gn_date_error_message(e));
			return false;
		}
	}
	if (*year) {
		int col = *cell(x, F_BIRTHDATE) ? x->field_col[F_BIRTHDATE] : x->field_col[F_BIRTHYEAR];
		if (!all_digits(year, 4) || atoi(year) < 1900 || atoi(year) > this_year) {
			error_at(x, x->csv.row, col, year, _("not a year of birth (1900 to %d)"), this_year);
			return false;
		}
		snprintf(out, 11, "%s", year);
	}
	return true;
}

static bool parse_sex(ctx *x, char *out)
{
	static const char *const male[] = { "nam", "m", "male", NULL };
	static const char *const female[] = { "nu", "f", "female", NULL };
	const char *v = cell(x, F_SEX);
	*out = 0;
	if (!*v)
		return true;
	char *key = gn_text_fold(v);
	if (key && fold_in(key, male))
		*out = 'M';
	else if (key && fold_in(key, female))
		*out = 'F';
	free(key);
	if (!*out) {
		error_at(x, x->csv.row, x->field_col[F_SEX], v, _("sex must be %s or %s"), "Nam", "Nữ");
		return false;
	}
	return true;
}

static const char *file_code(const ctx *x, int hh)
{
	return hh >= 0 && hh < x->n_hhs ? x->hhs[hh].code : "";
}

/* The person's ID number, normalised into out ("" when none); also
 * refused when another row of the file or a person in the database holds it. */
static bool parse_cccd(ctx *x, int hh, char *out)
{
	const char *v = cell(x, F_CCCD);
	int col = x->field_col[F_CCCD];
	out[0] = '\0';
	if (!*v)
		return true;
	if (gn_cccd_normalize(v, out) != GN_OK) {
		out[0] = '\0';
		error_at(x, x->csv.row, col, v, _("not a citizen ID number (CCCD: 12 digits)"));
		return false;
	}
	slot *seen = smap_find(&x->cccds, out);
	if (seen) {
		error_at(x, x->csv.row, col, v, _("this ID number is already given at row %ld (household %s)"),
			 seen->row, file_code(x, seen->hh));
		return false;
	}
	if (!smap_put(&x->cccds, out, x->csv.row, hh))
		x->nomem = true;
	sqlite3_stmt *st = gn_db_prepare(x->db,
		"SELECT h.code FROM member m JOIN household h ON h.id = m.household_id"
		" WHERE m.cccd = ? AND m.deleted = 0");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
	bool ok = true;
	if (sqlite3_step(st) == SQLITE_ROW) {
		error_at(x, x->csv.row, col, v,
			 _("this ID number already belongs to a member of household %s in the database"),
			 (const char *)sqlite3_column_text(st, 0));
		ok = false;
	}
	sqlite3_finalize(st);
	return ok;
}

/* Two households may share a phone (relatives); worth checking, not refusing. */
static bool parse_phone(ctx *x, int hh, char *out)
{
	const char *v = cell(x, F_PHONE);
	int col = x->field_col[F_PHONE];
	out[0] = '\0';
	if (!*v)
		return true;
	if (gn_phone_normalize(v, out) != GN_OK) {
		out[0] = '\0';
		error_at(x, x->csv.row, col, v,
			 _("not a Vietnamese phone number (10 digits from 03, 05, 07, 08, 09, or 11 from 02)"));
		return false;
	}
	slot *seen = smap_find(&x->phones, out);
	if (seen) {
		warn_at(x, x->csv.row, col, v, _("this phone number is already given at row %ld (household %s)"),
			seen->row, file_code(x, seen->hh));
		return true;
	}
	if (!smap_put(&x->phones, out, x->csv.row, hh))
		x->nomem = true;
	sqlite3_stmt *st = gn_db_prepare(x->db,
		"SELECT code FROM household WHERE phone = ? AND deleted = 0 LIMIT 1");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		warn_at(x, x->csv.row, col, v,
			_("this phone number already belongs to household %s in the database"),
			(const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return true;
}

/* A save refused by the database itself (disk full, read-only, damaged
 * file) would fail for every later row too: the import stops at the first. */
static bool save_failed(ctx *x, gn_status st)
{
	error_at(x, x->csv.row, -1, NULL, _("could not be saved: %s"), gn_status_message(st));
	x->db_failed = st != GN_ERR_INVALID && st != GN_ERR_DUPLICATE && st != GN_ERR_CONFLICT;
	return false;
}

static bool save_member(ctx *x, long long household_id, const char *name, const char *relation,
			const char *birth, char sex, const char *ethnic, const char *cccd)
{
	gn_member m = { .household_id = household_id, .sex = sex };
	m.full_name = strdup(name);
	m.relation = strdup(relation);
	m.birth = strdup(birth);
	m.ethnicity = strdup(ethnic);
	m.cccd = *cccd ? strdup(cccd) : NULL;
	gn_status st = gn_member_insert(x->db, &m);
	gn_member_clear(&m);
	if (st != GN_OK)
		return save_failed(x, st);
	x->r->members++;
	return true;
}

static void household_row(ctx *x, const char *code)
{
	long row = x->csv.row;
	if (!gn_array_reserve((void **)&x->hhs, &x->cap_hhs, x->n_hhs, sizeof *x->hhs, 64) ||
	    !(x->hhs[x->n_hhs].code = strdup(code)) || !smap_put(&x->codes, code, row, x->n_hhs)) {
		x->nomem = true;
		return;
	}
	int hh = x->n_hhs++;
	file_household *fh = &x->hhs[hh];
	fh->row = row;
	fh->id = 0;
	fh->size = 0;
	fh->members = 1;

	if (strlen(code) > MAX_CODE)
		error_at(x, row, x->field_col[F_CODE], code, _("too long: at most %zu bytes"),
			 (size_t)MAX_CODE);
	sqlite3_stmt *st = gn_db_prepare(x->db, "SELECT 1 FROM household WHERE code = ?");
	if (st) {
		sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			error_at(x, row, x->field_col[F_CODE], code,
				 _("a household with this code is already in the database"));
		sqlite3_finalize(st);
	}

	/* Without a head column (or with it empty), the name column of this
	 * first row names the head. */
	enum field head_field = x->field_col[F_HEAD] >= 0 && *cell(x, F_HEAD) ? F_HEAD : F_NAME;
	const char *head = text_cell(x, head_field, MAX_NAME);
	if (!*head && !refused(x, F_HEAD) && !refused(x, F_NAME))
		error_at(x, row, x->field_col[x->field_col[F_HEAD] >= 0 ? F_HEAD : F_NAME], NULL,
			 _("the name of the head of household is missing"));

	long long tdp_id = 0;
	const char *address = text_cell(x, F_ADDRESS, GN_IMPORT_MAX_FIELD);
	const char *tdp_cell = cell(x, F_TDP);
	if (*tdp_cell && !(tdp_id = find_tdp(x, tdp_cell)))
		unknown_tdp(x);
	const char *both = text_cell(x, F_TDP_ADDRESS, GN_IMPORT_MAX_FIELD);
	if (*both) {
		if (!tdp_id)
			tdp_id = find_tdp(x, both);
		if (!*address)
			address = both;
	}

	const char *size = cell(x, F_SIZE);
	if (*size) {
		char *end;
		long n = strtol(size, &end, 10);
		if (*end || n < 1 || n > 99)
			error_at(x, row, x->field_col[F_SIZE], size, _("not a number of people (1 to 99)"));
		else
			fh->size = (int)n;
	}

	gn_money income = 0;
	const char *income_cell = cell(x, F_INCOME);
	if (*income_cell) {
		if (gn_money_parse(income_cell, &income) != GN_OK)
			error_at(x, row, x->field_col[F_INCOME], income_cell,
				 _("not an amount of money (write 1500000, 1.500.000 or 1,5tr)"));
	} else if (x->field_col[F_INCOME] >= 0) {
		warn_at(x, row, x->field_col[F_INCOME], NULL, _("no income given: recorded as 0"));
	}

	gn_class file_class = GN_CLASS_POOR;
	const char *class_cell = cell(x, F_CLASS);
	bool has_class = *class_cell != '\0';
	if (has_class && !parse_class(class_cell, &file_class))
		error_at(x, row, x->field_col[F_CLASS], class_cell,
			 _("unknown class (use %s)"),
			 "nghèo, cận nghèo, mức sống trung bình, không nghèo");

	bool deprived[GN_MAX_INDICATORS] = { false };
	for (int col = 0; col < x->ncols; col++) {
		if (x->col_field[col] != F_INDICATOR || !x->cells[col])
			continue;
		int mark = parse_mark(x->cells[col]);
		if (mark < 0)
			error_at(x, row, col, x->cells[col],
				 _("mark a deprivation with %s, or leave the cell empty"), "x, 1, có");
		else
			deprived[x->col_ind[col]] = mark == 1;
	}

	char phone[16], cccd[13], birth[11], sex;
	parse_phone(x, hh, phone);
	parse_cccd(x, hh, cccd);
	parse_birth(x, birth);
	parse_sex(x, &sex);
	const char *ethnic = text_cell(x, F_ETHNIC, MAX_NAME);
	const char *notes = text_cell(x, F_NOTES, GN_IMPORT_MAX_FIELD);

	int n_deprived = 0;
	for (int i = 0; i < x->std->n_indicators; i++)
		n_deprived += deprived[i];
	if (x->row_bad || x->nomem)
		return;

	gn_household h = { 0 };
	h.code = strdup(code);
	h.head_name = strdup(head);
	h.address = strdup(address);
	h.tdp_id = tdp_id;
	h.area = x->area;
	h.phone = *phone ? strdup(phone) : NULL;
	h.income = income;
	h.notes = strdup(notes);
	if (*ethnic) {
		char *k = gn_text_fold(ethnic);
		h.ethnic_minority = k && strcmp(k, "kinh") != 0;
		free(k);
	}
	gn_status s = gn_household_insert(x->db, &h);
	if (s != GN_OK) {
		gn_household_clear(&h);
		save_failed(x, s);
		return;
	}
	fh->id = h.id;
	x->r->households++;
	gn_household_clear(&h);
	if (!save_member(x, fh->id, head, "Chủ hộ", birth, sex, ethnic, cccd))
		return;
	for (int i = 0; i < x->std->n_indicators; i++) {
		if (!deprived[i])
			continue;
		if ((s = gn_household_set_indicator(x->db, fh->id, x->std->indicators[i].id,
						    GN_IND_DEPRIVED)) != GN_OK) {
			save_failed(x, s);
			return;
		}
		x->r->deprivations++;
	}
	if (has_class && gn_household_load(x->db, fh->id, &h) == GN_OK) {
		if (h.cls != file_class)
			warn_at(x, row, x->field_col[F_CLASS], class_cell,
				_("the standard gives %s (income and %d deprivations): that class is recorded"),
				gn_class_label(h.cls), n_deprived);
		gn_household_clear(&h);
	}
}

static void member_row(ctx *x, slot *household)
{
	long row = x->csv.row;
	file_household *fh = &x->hhs[household->hh];
	const char *name = text_cell(x, F_NAME, MAX_NAME);
	if (!*name) {
		error_at(x, row, x->field_col[F_CODE], fh->code,
			 _("household code already used at row %ld; a member row needs the member's name "
			   "in a column \"%s\""), household->row, "Họ và tên");
		return;
	}
	fh->members++;
	const char *relation = text_cell(x, F_RELATION, MAX_NAME);
	const char *ethnic = text_cell(x, F_ETHNIC, MAX_NAME);
	char cccd[13], birth[11], sex;
	parse_cccd(x, household->hh, cccd);
	parse_birth(x, birth);
	parse_sex(x, &sex);
	if (x->row_bad || x->nomem || !fh->id)
		return;
	save_member(x, fh->id, name, relation, birth, sex, ethnic, cccd);
}

static bool row_is_blank(const gn_csv *c)
{
	for (int i = 0; i < c->n_fields; i++) {
		const char *t = gn_csv_field_text(c, i);
		if (c->fields[i].len != strlen(t) || t[strspn(t, " \t")] != '\0')
			return false;
	}
	return true;
}

static void data_row(ctx *x)
{
	gn_csv *c = &x->csv;
	x->row_bad = false;
	if (c->too_many_fields)
		error_at(x, c->row, -1, NULL, _("more than %d cells in the row"), GN_CSV_MAX_FIELDS);
	for (int col = 0; col < x->ncols; col++) {
		x->cells[col] = NULL;
		if (x->col_field[col] == F_IGNORE || x->col_field[col] == F_UNKNOWN)
			continue;
		x->cells[col] = clean_cell(x, col);
	}
	for (int col = x->ncols; col < c->n_fields; col++)
		if (c->fields[col].len && gn_csv_field_text(c, col)[strspn(gn_csv_field_text(c, col), " ")])
			warn_at(x, c->row, -1, NULL, _("cell %d has no header: ignored"), col + 1);

	int code_col = x->field_col[F_CODE];
	if (!x->cells[code_col]) {
		/* Refused above: the row cannot be placed. */
	} else if (!*x->cells[code_col]) {
		error_at(x, c->row, code_col, NULL, _("the household code is missing"));
	} else {
		slot *household = smap_find(&x->codes, x->cells[code_col]);
		if (household)
			member_row(x, household);
		else
			household_row(x, x->cells[code_col]);
	}
	for (int col = 0; col < x->ncols; col++) {
		free(x->cells[col]);
		x->cells[col] = NULL;
	}
}

/* Lines before the header that hold nothing but a comment or separators. */
static bool skippable_line(const char *p, const char *end)
{
	if (p < end && (*p == '#' || (*p == '"' && p + 1 < end && p[1] == '#')))
		return true;
	for (; p < end && *p != '\n' && *p != '\r'; p++)
		if (*p != ',' && *p != ';' && *p != ' ' && *p != '\t')
			return false;
	return true;
}

static void file_error(ctx *x, const char *msg)
{
	error_at(x, 0, -1, NULL, "%s", msg);
}

static void check_sizes(ctx *x)
{
	for (int i = 0; i < x->n_hhs; i++) {
		const file_household *fh = &x->hhs[i];
		if (fh->size && fh->members > 1 && fh->members != fh->size) {
			char v[16];
			snprintf(v, sizeof v, "%d", fh->size);
			warn_at(x, fh->row, x->field_col[F_SIZE], v,
				_("the file lists %d people for this household"), fh->members);
		}
	}
}

gn_status gn_import_households(gn_db *db, const gn_standard *s, const char *data, size_t len,
			       const gn_import_options *o, gn_import_report *r)
{
	memset(r, 0, sizeof *r);
	gn_status allowed = gn_access_admin(db);
	if (allowed != GN_OK)
		return allowed;
	ctx x = { .db = db, .std = s, .r = r, .area = GN_AREA_URBAN };
	gn_ward w;
	if (gn_ward_load(db, &w) == GN_OK)
		x.area = w.area;

	if (len >= 2 && (((unsigned char)data[0] == 0xff && (unsigned char)data[1] == 0xfe) ||
			 ((unsigned char)data[0] == 0xfe && (unsigned char)data[1] == 0xff))) {
		file_error(&x, _("the file is UTF-16 text: save it as CSV UTF-8"));
		return GN_ERR_INVALID;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	gn_csv_init(&x.csv, data, len, ',', GN_IMPORT_MAX_FIELD);
	while (x.csv.p < x.csv.end && skippable_line(x.csv.p, x.csv.end))
		gn_csv_skip_line(&x.csv);
	x.csv.sep = gn_csv_detect_sep(x.csv.p, x.csv.end);

	gn_status st = GN_OK;
	if (!load_tdps(&x)) {
		st = GN_ERR_DB;
		goto out;
	}
	if (!gn_csv_next(&x.csv)) {
		if (x.csv.nomem)
			st = GN_ERR_NOMEM;
		else
			file_error(&x, _("no header row: the file is empty"));
		goto out;
	}
	if (!read_header(&x)) {
		st = GN_ERR_NOMEM;
		goto out;
	}
	if (r->n_errors)
		goto out;
	if ((st = gn_db_begin(db)) != GN_OK)
		goto out;
	while (!x.nomem && !x.db_failed && gn_csv_next(&x.csv)) {
		if (x.csv.unclosed_quote) {
			error_at(&x, x.csv.row, -1, NULL,
				 _("a quote opened in this row is never closed: the rest of the file "
				   "was read as one cell"));
			break;
		}
		if (row_is_blank(&x.csv))
			continue;
		if (++r->rows > GN_IMPORT_MAX_ROWS) {
			error_at(&x, x.csv.row, -1, NULL, _("more than %ld rows: split the file"),
				 GN_IMPORT_MAX_ROWS);
			break;
		}
		data_row(&x);
		if (o->progress && r->rows % GN_IMPORT_PROGRESS_ROWS == 0)
			o->progress(o->progress_arg, r->rows, (double)(x.csv.p - data) / (double)(len ? len : 1));
	}
	if (x.csv.nomem || x.nomem)
		st = GN_ERR_NOMEM;
	if (st == GN_OK)
		check_sizes(&x);
	if (st == GN_OK && !r->n_errors && !o->dry_run) {
		st = gn_db_commit(db);
		r->imported = st == GN_OK;
		if (st != GN_OK)
			gn_db_rollback(db);
	} else {
		gn_db_rollback(db);
	}
out:
	if (st == GN_OK && r->n_errors)
		st = GN_ERR_INVALID;
	gn_csv_free(&x.csv);
	for (int i = 0; i < x.ncols; i++)
		free(x.headers[i]);
	free(x.headers);
	for (int i = 0; i < x.n_hhs; i++)
		free(x.hhs[i].code);
	free(x.hhs);
	for (int i = 0; i < x.n_tdps; i++)
		for (int k = 0; k < 5; k++)
			free(x.tdps[i].keys[k]);
	free(x.tdps);
	smap_free(&x.codes);
	smap_free(&x.cccds);
	smap_free(&x.phones);
	return st;
}

gn_status gn_import_households_file(gn_db *db, const gn_standard *s, const char *path,
				    const gn_import_options *o, gn_import_report *r)
{
	memset(r, 0, sizeof *r);
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? GN_ERR_NOT_FOUND : GN_ERR_IO;
	struct stat sb;
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(f);
		return GN_ERR_IO;
	}
	if (sb.st_size > GN_IMPORT_MAX_FILE) {
		fclose(f);
		ctx x = { .r = r };
		char msg[160];
		snprintf(msg, sizeof msg, _("the file is larger than %ld MB: split it"),
			 GN_IMPORT_MAX_FILE >> 20);
		file_error(&x, msg);
		return GN_ERR_INVALID;
	}
	size_t len = (size_t)sb.st_size;
	char *data = malloc(len + 1);
	if (!data) {
		fclose(f);
		return GN_ERR_NOMEM;
	}
	size_t got = fread(data, 1, len, f);
	fclose(f);
	if (got != len) {
		free(data);
		return GN_ERR_IO;
	}
	data[len] = '\0';
	gn_status st = gn_import_households(db, s, data, len, o, r);
	free(data);
	return st;
}

void gn_import_report_clear(gn_import_report *r)
{
	for (int i = 0; i < r->n_problems; i++) {
		free(r->problems[i].column);
		free(r->problems[i].value);
		free(r->problems[i].reason);
	}
	free(r->problems);
	for (int i = 0; i < r->n_columns; i++) {
		free(r->columns[i].header);
		free(r->columns[i].field);
	}
	free(r->columns);
	memset(r, 0, sizeof *r);
}

void gn_import_problem_text(const gn_import_problem *p, char *buf, size_t size)
{
	char reason[600];
	snprintf(reason, sizeof reason, "%s%s", p->warning ? _("warning: ") : "", p->reason);
	if (p->row == 0)
		snprintf(buf, size, "%s", reason);
	else if (*p->column && *p->value)
		snprintf(buf, size, _("Row %ld, column \"%s\", value \"%s\": %s"), p->row, p->column, p->value,
			 reason);
	else if (*p->column)
		snprintf(buf, size, _("Row %ld, column \"%s\": %s"), p->row, p->column, reason);
	else
		snprintf(buf, size, _("Row %ld: %s"), p->row, reason);
}
