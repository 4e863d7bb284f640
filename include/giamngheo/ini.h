#ifndef GIAMNGHEO_INI_H
#define GIAMNGHEO_INI_H

/* Lenient INI reading for the configuration, key-map, theme and rules
 * loaders. iniparser 4.1 refuses a whole file for one bad
 * line and keeps no line numbers; these helpers report each bad line as
 * "FILE:LINE: ..." and still load the rest. Only loaders include this. */

#include <stddef.h>

#include <iniparser.h>

#include "giamngheo/status.h"

/* Loads path. Lines iniparser cannot parse are reported in warn and left
 * out, the others are loaded. On failure returns NULL with *st set
 * (GN_ERR_NOT_FOUND: no such file, nothing reported; GN_ERR_IO: cannot be
 * opened; GN_ERR_INVALID: not parseable at all; GN_ERR_NOMEM) and, except
 * for GN_ERR_NOT_FOUND, the reason appended to warn. */
dictionary *gn_ini_load(const char *path, gn_status *st, char *warn, size_t warn_size);

/* The line of path where key is set in section (both case-insensitive; the
 * last such line, as the last one wins), 0 if not found. */
int gn_ini_line_of_key(const char *path, const char *section, const char *key);

/* The line of path opening [section] (case-insensitive), 0 if not found. */
int gn_ini_line_of_section(const char *path, const char *section);

/* Reports every section of d other than the one expected (a section named
 * "expected:x" included, which iniparser files as a key of expected), and
 * settings written before any section. */
void gn_ini_check_sections(const dictionary *d, const char *path, const char *expected,
                           char *warn, size_t warn_size);

/* The keys of section in file order, without the "section:" prefix: a
 * NULL-terminated array of pointers into d, to free(); NULL if none. */
const char **gn_ini_section_keys(const dictionary *d, const char *section, int *count);

/* Appends printf-style text to the string in warn, truncating when full. */
void gn_ini_warn(char *warn, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
