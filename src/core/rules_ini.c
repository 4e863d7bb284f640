/* Deadline rules read from an INI file and upserted into deadline_rule. */
#include "giamngheo/rules_ini.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "giamngheo/access.h"
#include "giamngheo/array.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/i18n.h"
#include "giamngheo/ini.h"
#include "giamngheo/text.h"
#include "giamngheo/ward.h"

/* One section as read: what it sets, and the rest left as stored. */
typedef struct {
	char code[32];
	int line;                 /* of the [section] */
	char title_vi[160], title_en[160];
	gn_audience audience;
	int month, day;
	int first_month, last_month, due_soon_days;
	bool active;
	bool has_title_vi, has_title_en, has_audience, has_date, has_day;
	bool has_first, has_last, has_soon, has_active;
	bool bad;                 /* a problem was reported: not applied */
} section;

typedef struct {
	const char *path;
	char *warn;
	size_t warn_size;
	int errors;
} reader;

static void problem(reader *rd, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(reader *rd, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		gn_ini_warn(rd->warn, rd->warn_size, "%s:%d: %s\n", rd->path, line, msg);
	else
		gn_ini_warn(rd->warn, rd->warn_size, "%s: %s\n", rd->path, msg);
	rd->errors++;
}

static bool valid_code(const char *code)
{
	size_t len = strlen(code);
	if (len == 0 || len >= sizeof ((section *)0)->code)
		return false;
	for (const char *p = code; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_' || *p == '-'))
			return false;
	return true;
}

static bool parse_int(const char *text, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (!*text || *end || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* DD/MM, one or two digits each, a day that exists in some year (29/02 is
 * allowed and falls on 28/02 in a common year). */
static bool parse_day_month(const char *text, int *day, int *month)
{
	int d, m, used = 0;
	if (sscanf(text, "%2d/%2d%n", &d, &m, &used) != 2 || text[used] != '\0' || !isdigit((unsigned char)text[0]))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > gn_days_in_month(2024, m))
		return false;
	*day = d;
	*month = m;
	return true;
}

static bool parse_yes_no(const char *text, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" }, *const no[] = { "no", "false", "off", "0" };
	for (int i = 0; i < 4; i++) {
		if (strcasecmp(text, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(text, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

static bool take_title(reader *rd, int line, const char *sec, const char *key, const char *value,
		       char *out, size_t size)
{
	if (!gn_text_valid_utf8(value, strlen(value))) {
		problem(rd, line, _("[%s] %s is not valid UTF-8 text"), sec, key);
		return false;
	}
	char *nfc = gn_text_nfc(value);
	if (!nfc) {
		problem(rd, line, "%s", gn_status_message(GN_ERR_NOMEM));
		return false;
	}
	bool ok = false;
	if (!*nfc)
		problem(rd, line, _("[%s] %s must not be empty"), sec, key);
	else if (strlen(nfc) >= size)
		problem(rd, line, _("[%s] %s is too long (at most %d bytes)"), sec, key, (int)size - 1);
	else {
		memcpy(out, nfc, strlen(nfc) + 1);
		ok = true;
	}
	free(nfc);
	return ok;
}

/* Reads one section's keys into s; problems are counted in rd. */
static void read_section(reader *rd, const dictionary *d, const char *sec, section *s)
{
	memset(s, 0, sizeof *s);
	snprintf(s->code, sizeof s->code, "%s", sec);
	s->line = gn_ini_line_of_section(rd->path, sec);
	int nk = 0;
	const char **keys = gn_ini_section_keys(d, sec, &nk);
	for (int k = 0; k < nk; k++) {
		const char *key = keys[k];
		char full[160];
		snprintf(full, sizeof full, "%s:%s", sec, key);
		const char *v = iniparser_getstring(d, full, "");
		int line = gn_ini_line_of_key(rd->path, sec, key);
		if (strcmp(key, "title_vi") == 0) {
			s->has_title_vi = take_title(rd, line, sec, key, v, s->title_vi, sizeof s->title_vi);
		} else if (strcmp(key, "title_en") == 0) {
			s->has_title_en = take_title(rd, line, sec, key, v, s->title_en, sizeof s->title_en);
		} else if (strcmp(key, "audience") == 0) {
			s->has_audience = gn_audience_from_code(v, &s->audience);
			if (!s->has_audience)
				problem(rd, line, _("[%s] audience must be assigned, lead or focal, not '%s'"), sec, v);
		} else if (strcmp(key, "date") == 0) {
			s->has_date = parse_day_month(v, &s->day, &s->month);
			if (!s->has_date)
				problem(rd, line, _("[%s] date must be a day and month DD/MM (e.g. 10/06), not '%s'"), sec, v);
		} else if (strcmp(key, "day") == 0) {
			s->has_day = parse_int(v, 1, 31, &s->day);
			if (!s->has_day)
				problem(rd, line, _("[%s] %s must be a whole number from %d to %d, not '%s'"), sec, key, 1, 31, v);
		} else if (strcmp(key, "first_month") == 0 || strcmp(key, "last_month") == 0) {
			bool first = key[0] == 'f';
			bool ok = parse_int(v, 1, 12, first ? &s->first_month : &s->last_month);
			if (first)
				s->has_first = ok;
			else
				s->has_last = ok;
			if (!ok)
				problem(rd, line, _("[%s] %s must be a whole number from %d to %d, not '%s'"), sec, key, 1, 12, v);
		} else if (strcmp(key, "due_soon_days") == 0) {
			s->has_soon = parse_int(v, 0, 366, &s->due_soon_days);
			if (!s->has_soon)
				problem(rd, line, _("[%s] %s must be a whole number from %d to %d, not '%s'"), sec, key, 0, 366, v);
		} else if (strcmp(key, "active") == 0) {
			s->has_active = parse_yes_no(v, &s->active);
			if (!s->has_active)
				problem(rd, line, _("[%s] active must be yes or no, not '%s'"), sec, v);
		} else {
			problem(rd, line, _("[%s] unknown setting '%s' (see the comments at the top of the shipped deadlines.ini)"),
				sec, key);
		}
	}
	free(keys);
	if (s->has_date && (s->has_day || s->has_first || s->has_last)) {
		int line = gn_ini_line_of_key(rd->path, sec, "date");
		problem(rd, line, _("[%s] set either date = DD/MM (once a year) or day = N with first_month and last_month (each month), not both"),
			sec);
	}
}

#define RULE_SELECT \
	"SELECT id, title_vi, title_en, audience, kind, month, day, first_month, last_month," \
	" due_soon_days, active FROM deadline_rule "

static void read_rule(sqlite3_stmt *st, gn_deadline_rule *r, bool *active)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	gn_db_column_copy(st, 1, r->title_vi, sizeof r->title_vi);
	gn_db_column_copy(st, 2, r->title_en, sizeof r->title_en);
	gn_audience_from_code((const char *)sqlite3_column_text(st, 3), &r->audience);
	const unsigned char *kind = sqlite3_column_text(st, 4);
	r->monthly = kind && strcmp((const char *)kind, "monthly") == 0;
	r->month = sqlite3_column_int(st, 5);
	r->day = sqlite3_column_int(st, 6);
	r->first_month = sqlite3_column_int(st, 7);
	r->last_month = sqlite3_column_int(st, 8);
	r->due_soon_days = sqlite3_column_int(st, 9);
	*active = sqlite3_column_int(st, 10) != 0;
}

static bool same_rule(const gn_deadline_rule *a, bool a_active, const gn_deadline_rule *b, bool b_active)
{
	return strcmp(a->title_vi, b->title_vi) == 0 && strcmp(a->title_en, b->title_en) == 0 &&
	       a->audience == b->audience && a->monthly == b->monthly && a->month == b->month &&
	       a->day == b->day && a->first_month == b->first_month && a->last_month == b->last_month &&
	       a->due_soon_days == b->due_soon_days && a_active == b_active;
}

/* Writes one section over its stored rule (or as a new one). */
static gn_status apply_section(gn_db *db, reader *rd, const section *s, gn_rules_import_result *res)
{
	sqlite3_stmt *st = gn_db_prepare(db, RULE_SELECT "WHERE code = ?1");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, s->code, -1, SQLITE_TRANSIENT);
	gn_deadline_rule old, r;
	bool old_active = true, active = true;
	int rc = sqlite3_step(st);
	bool exists = rc == SQLITE_ROW;
	if (exists)
		read_rule(st, &old, &old_active);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return gn_db_status(rc);

	if (exists) {
		r = old;
		active = old_active;
	} else {
		if (!s->has_title_vi || !s->has_audience || !(s->has_date || s->has_day)) {
			problem(rd, s->line, _("[%s] a new rule needs title_vi, audience and either date or day"),
				s->code);
			return GN_OK;
		}
		memset(&r, 0, sizeof r);
		r.first_month = 1;
		r.last_month = 12;
		r.due_soon_days = 5;
	}
	if (s->has_title_vi)
		snprintf(r.title_vi, sizeof r.title_vi, "%s", s->title_vi);
	if (s->has_title_en)
		snprintf(r.title_en, sizeof r.title_en, "%s", s->title_en);
	else if (!exists)
		snprintf(r.title_en, sizeof r.title_en, "%s", s->title_vi);
	if (s->has_audience)
		r.audience = s->audience;
	if (s->has_date) {
		r.monthly = false;
		r.month = s->month;
		r.day = s->day;
	} else if (s->has_day) {
		r.monthly = true;
		r.month = 0;
		r.day = s->day;
	}
	if (s->has_first)
		r.first_month = s->first_month;
	if (s->has_last)
		r.last_month = s->last_month;
	if (s->has_soon)
		r.due_soon_days = s->due_soon_days;
	if (s->has_active)
		active = s->active;
	if ((s->has_first || s->has_last) && !r.monthly) {
		problem(rd, gn_ini_line_of_key(rd->path, s->code, s->has_first ? "first_month" : "last_month"),
			_("[%s] first_month and last_month go with day = N (a monthly rule), not with a date"), s->code);
		return GN_OK;
	}
	if (r.monthly && r.first_month > r.last_month) {
		problem(rd, s->line, _("[%s] first_month (%d) is after last_month (%d)"), s->code, r.first_month,
			r.last_month);
		return GN_OK;
	}
	if (exists && same_rule(&old, old_active, &r, active)) {
		res->unchanged++;
		return GN_OK;
	}

	char now[24];
	gn_db_timestamp(now, sizeof now);
	st = gn_db_prepare(db, exists
		? "UPDATE deadline_rule SET title_vi = ?2, title_en = ?3, audience = ?4, kind = ?5, month = ?6,"
		  " day = ?7, first_month = ?8, last_month = ?9, due_soon_days = ?10, active = ?11,"
		  " updated_at = ?12, updated_by = ?13, version = version + 1 WHERE code = ?1"
		: "INSERT INTO deadline_rule(code, title_vi, title_en, audience, kind, month, day, first_month,"
		  " last_month, due_soon_days, active, updated_at, updated_by)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (!st)
		return GN_ERR_DB;
	sqlite3_bind_text(st, 1, s->code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, r.title_vi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, r.title_en, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, gn_audience_code(r.audience), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, r.monthly ? "monthly" : "fixed", -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, r.month);
	sqlite3_bind_int(st, 7, r.day);
	sqlite3_bind_int(st, 8, r.first_month);
	sqlite3_bind_int(st, 9, r.last_month);
	sqlite3_bind_int(st, 10, r.due_soon_days);
	sqlite3_bind_int(st, 11, active);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, db->actor, -1, SQLITE_TRANSIENT);
	gn_status status = gn_db_status(sqlite3_step(st));
	sqlite3_finalize(st);
	if (status != GN_OK)
		return status;
	if (!exists)
		res->added++;
	else if (old_active && !active)
		res->retired++;
	else
		res->updated++;
	return GN_OK;
}

/* Reads the whole file; the sections go to *out (to free). */
static void read_file(reader *rd, const dictionary *d, section **out, int *n)
{
	*out = NULL;
	*n = 0;
	/* iniparser files settings written before any section under ":key",
	 * and a section "a:b" as a key of [a] without a value. */
	for (ssize_t i = 0; i < d->size; i++) {
		const char *key = d->key[i];
		if (key && key[0] == ':')
			problem(rd, gn_ini_line_of_key(rd->path, "", key + 1),
				_("'%s' is outside any [rule] section"), key + 1);
		else if (key && strchr(key, ':') && !d->val[i])
			problem(rd, gn_ini_line_of_section(rd->path, key),
				_("[%s] is not a rule code: use lower-case letters, digits, '_' and '-', at most 31"),
				key);
	}
	int nsec = iniparser_getnsec(d);
	if (nsec <= 0) {
		problem(rd, 0, "%s", _("no [rule] sections in the file"));
		return;
	}
	*out = calloc((size_t)nsec, sizeof **out);
	if (!*out) {
		problem(rd, 0, "%s", gn_status_message(GN_ERR_NOMEM));
		return;
	}
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		if (!sec)
			continue;
		if (!valid_code(sec)) {
			problem(rd, gn_ini_line_of_section(rd->path, sec),
				_("[%s] is not a rule code: use lower-case letters, digits, '_' and '-', at most 31"),
				sec);
			continue;
		}
		int errors = rd->errors;
		section *s = &(*out)[(*n)++];
		read_section(rd, d, sec, s);
		s->bad = rd->errors > errors;
	}
}

gn_status gn_rules_import(gn_db *db, const char *path, bool dry_run, gn_rules_import_result *res,
			  char *warn, size_t warn_size)
{
	memset(res, 0, sizeof *res);
	reader rd = { path, warn, warn_size, 0 };
	gn_status s = dry_run ? GN_OK : gn_access_admin(db);
	if (s != GN_OK)
		return s;
	size_t before_warn = warn && warn_size ? strnlen(warn, warn_size) : 0;
	dictionary *d = gn_ini_load(path, &s, warn, warn_size);
	if (!d)
		return s == GN_OK ? GN_ERR_INVALID : s;
	/* Lines iniparser could not read were reported: a rule half read is
	 * worse than none, so they count as problems. */
	if (warn && warn_size && strnlen(warn, warn_size) > before_warn)
		rd.errors++;
	section *secs;
	int n;
	read_file(&rd, d, &secs, &n);
	iniparser_freedict(d);

	/* The sections read well are applied even after a problem, so that
	 * those only the database can reveal (a new rule missing its date) are
	 * reported too; then everything is rolled back. */
	if ((s = gn_db_begin(db)) != GN_OK) {
		free(secs);
		return s;
	}
	for (int i = 0; i < n && s == GN_OK; i++)
		if (!secs[i].bad)
			s = apply_section(db, &rd, &secs[i], res);
	free(secs);
	if (s == GN_OK && rd.errors)
		s = GN_ERR_INVALID;
	gn_ward w;
	gn_status ward = s == GN_OK ? gn_ward_load(db, &w) : GN_OK;
	if (s == GN_OK && ward == GN_OK) {
		/* The sync's inserts and deletes are the only changes to deadline
		 * from here: their total and the net count give both numbers. */
		const char *count = "SELECT count(*) FROM deadline";
		long long n_before = gn_db_int_query(db, count, 0, 0);
		long long changes = sqlite3_total_changes(db->sql);
		s = gn_deadline_sync(db);
		long long net = gn_db_int_query(db, count, 0, 0) - n_before;
		changes = sqlite3_total_changes(db->sql) - changes;
		res->instances_added = (int)((changes + net) / 2);
		res->instances_removed = (int)((changes - net) / 2);
	} else if (s == GN_OK && ward != GN_ERR_NOT_FOUND) {
		s = ward; /* no ward yet: the instances follow at init */
	}
	if (s == GN_OK && !dry_run)
		return gn_db_commit(db);
	gn_db_rollback(db);
	return s;
}

gn_status gn_rules_list(gn_db *db, gn_rule_info **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = gn_db_prepare(db,
		"SELECT id, title_vi, title_en, audience, kind, month, day, first_month, last_month,"
		" due_soon_days, active, code,"
		" (SELECT count(*) FROM deadline d WHERE d.rule_id = r.id),"
		" (SELECT count(*) FROM deadline d WHERE d.rule_id = r.id AND EXISTS"
		"   (SELECT 1 FROM report p WHERE p.deadline_id = d.id AND p.withdrawn = 0))"
		" FROM deadline_rule r ORDER BY id");
	if (!st)
		return GN_ERR_DB;
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!gn_array_reserve((void **)out, &cap, *n, sizeof **out, 8)) {
			rc = SQLITE_NOMEM;
			break;
		}
		gn_rule_info *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		read_rule(st, &r->rule, &r->active);
		gn_db_column_copy(st, 11, r->rule.code, sizeof r->rule.code);
		r->instances = sqlite3_column_int(st, 12);
		r->submitted = sqlite3_column_int(st, 13);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return gn_db_status(rc);
	}
	return GN_OK;
}
