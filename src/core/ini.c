/* Lenient INI reading for the key-map and theme loaders: iniparser does the
 * parsing, this file adds line numbers and survives bad lines. */
#include "giamngheo/ini.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "giamngheo/i18n.h"

/* The message iniparser 4.1 gives for a line it cannot parse; it goes on
 * reading to report every such line, then returns NULL. */
static const char syntax_fmt[] = "iniparser: syntax error in %s (%d):\n-> %s\n";

enum { MAX_BAD_LINES = 256 };

static struct {
	int lines[MAX_BAD_LINES];
	int n;
	bool other;     /* an error that is not a syntax error of one line */
	char msg[512];
} cap;

static int capture(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (strcmp(fmt, syntax_fmt) == 0) {
		(void)va_arg(ap, const char *);
		int line = va_arg(ap, int);
		if (cap.n < MAX_BAD_LINES && line > 0)
			cap.lines[cap.n++] = line;
		else
			cap.other = true;
	} else {
		cap.other = true;
		vsnprintf(cap.msg, sizeof cap.msg, fmt, ap);
		for (char *p = cap.msg; *p; p++)
			if (*p == '\n')
				*p = ' ';
		size_t len = strlen(cap.msg);
		while (len && cap.msg[len - 1] == ' ')
			cap.msg[--len] = '\0';
	}
	va_end(ap);
	return 0;
}

void gn_ini_warn(char *warn, size_t size, const char *fmt, ...)
{
	if (!warn || !size)
		return;
	size_t used = strnlen(warn, size);
	if (used >= size - 1)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(warn + used, size - used, fmt, ap);
	va_end(ap);
}

static dictionary *load_capturing(const char *path)
{
	memset(&cap, 0, sizeof cap);
	iniparser_set_error_callback(capture);
	return iniparser_load(path);
}

static bool is_bad_line(int line)
{
	for (int i = 0; i < cap.n; i++)
		if (cap.lines[i] == line)
			return true;
	return false;
}

/* A copy of path with the bad lines emptied, so the numbering stays. */
static int sanitized_copy(const char *path, char *tmp, size_t size)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || dir[0] != '/')
		dir = "/tmp";
	if (snprintf(tmp, size, "%s/giamngheo-ini-XXXXXX", dir) >= (int)size)
		return -1;
	int fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	FILE *out = fdopen(fd, "w");
	FILE *in = fopen(path, "r");
	if (!out || !in) {
		if (out)
			fclose(out);
		else
			close(fd);
		if (in)
			fclose(in);
		unlink(tmp);
		return -1;
	}
	char *line = NULL;
	size_t cap_len = 0;
	int n = 0;
	while (getline(&line, &cap_len, in) != -1)
		fputs(is_bad_line(++n) ? "\n" : line, out);
	free(line);
	fclose(in);
	if (fclose(out) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

dictionary *gn_ini_load(const char *path, gn_status *st, char *warn, size_t warn_size)
{
	gn_status dummy;
	if (!st)
		st = &dummy;
	if (access(path, R_OK) != 0) {
		if (errno == ENOENT) {
			*st = GN_ERR_NOT_FOUND;
			return NULL;
		}
		gn_ini_warn(warn, warn_size, _("%s: cannot be read (%s); defaults used\n"), path,
		            strerror(errno));
		*st = GN_ERR_IO;
		return NULL;
	}
	dictionary *d = load_capturing(path);
	if (d) {
		*st = GN_OK;
		return d;
	}
	if (cap.other || cap.n == 0) {
		gn_ini_warn(warn, warn_size, _("%s: cannot be read (%s); defaults used\n"), path,
		            cap.msg[0] ? cap.msg : _("unreadable file"));
		*st = GN_ERR_INVALID;
		return NULL;
	}
	int bad[MAX_BAD_LINES];
	int nbad = cap.n;
	memcpy(bad, cap.lines, sizeof bad[0] * (size_t)nbad);
	char tmp[4096];
	if (sanitized_copy(path, tmp, sizeof tmp) == 0) {
		d = load_capturing(tmp);
		unlink(tmp);
	}
	if (!d) {
		gn_ini_warn(warn, warn_size, _("%s: cannot be read (%s); defaults used\n"), path,
		            _("unreadable file"));
		*st = GN_ERR_INVALID;
		return NULL;
	}
	/* A file of nothing but bad lines is no INI file: say so briefly. */
	enum { SHOWN = 10 };
	for (int i = 0; i < nbad && i < SHOWN; i++)
		gn_ini_warn(warn, warn_size, _("%s:%d: syntax error, line ignored\n"), path, bad[i]);
	if (nbad > SHOWN)
		gn_ini_warn(warn, warn_size, _("%s: %d more lines with syntax errors ignored\n"), path,
		            nbad - SHOWN);
	*st = GN_OK;
	return d;
}

/* Strips leading and trailing white space in place. */
static char *strip(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t len = strlen(s);
	while (len && isspace((unsigned char)s[len - 1]))
		s[--len] = '\0';
	return s;
}

/* Scans path the way iniparser reads it; returns the last line where
 * want_key is set in want_section, or with want_key NULL the line opening
 * want_section. */
static int scan(const char *path, const char *want_section, const char *want_key)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char *buf = NULL;
	size_t cap_len = 0;
	char section[1024] = "";
	int n = 0, found = 0;
	while (getline(&buf, &cap_len, f) != -1) {
		n++;
		char *p = strip(buf);
		if (*p == '#' || *p == ';' || *p == '\0')
			continue;
		size_t len = strlen(p);
		if (p[0] == '[' && p[len - 1] == ']') {
			p[len - 1] = '\0';
			snprintf(section, sizeof section, "%s", strip(p + 1));
			if (!want_key && strcasecmp(section, want_section) == 0)
				found = n;
			continue;
		}
		char *eq = strchr(p, '=');
		if (!want_key || !eq || strcasecmp(section, want_section) != 0)
			continue;
		*eq = '\0';
		if (strcasecmp(strip(p), want_key) == 0)
			found = n;
	}
	free(buf);
	fclose(f);
	return found;
}

int gn_ini_line_of_key(const char *path, const char *section, const char *key)
{
	return scan(path, section ? section : "", key);
}

int gn_ini_line_of_section(const char *path, const char *section)
{
	return scan(path, section, NULL);
}

void gn_ini_check_sections(const dictionary *d, const char *path, const char *expected,
                           char *warn, size_t warn_size)
{
	int nsec = iniparser_getnsec(d);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		if (sec && strcmp(sec, expected) != 0)
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown section [%s] ignored\n"), path,
			            gn_ini_line_of_section(path, sec), sec);
	}
	/* iniparser files settings written before any section under ":key",
	 * and a section "a:b" as a key of [a] without a value. */
	for (ssize_t i = 0; i < d->size; i++) {
		const char *key = d->key[i];
		if (key && key[0] != ':' && strchr(key, ':') && !d->val[i])
			gn_ini_warn(warn, warn_size, _("%s:%d: unknown section [%s] ignored\n"), path,
			            gn_ini_line_of_section(path, key), key);
		else if (key && key[0] == ':')
			gn_ini_warn(warn, warn_size,
			            _("%s:%d: '%s' is outside the section [%s]; ignored\n"), path,
			            gn_ini_line_of_key(path, "", key + 1), key + 1, expected);
	}
}

const char **gn_ini_section_keys(const dictionary *d, const char *section, int *count)
{
	*count = 0;
	int n = iniparser_getsecnkeys(d, section);
	if (n <= 0)
		return NULL;
	const char **keys = calloc((size_t)n + 1, sizeof *keys);
	if (!keys)
		return NULL;
	if (!iniparser_getseckeys(d, section, keys)) {
		free(keys);
		return NULL;
	}
	/* A section named "sec:sub" is listed among the keys of "sec" with no
	 * value; it is a section (reported as such), not a setting. */
	size_t skip = strlen(section) + 1;
	int kept = 0;
	for (int i = 0; i < n; i++)
		if (iniparser_getstring(d, keys[i], NULL))
			keys[kept++] = keys[i] + (strlen(keys[i]) >= skip ? skip : 0);
	keys[kept] = NULL;
	*count = kept;
	return keys;
}
