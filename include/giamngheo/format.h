#ifndef GIAMNGHEO_FORMAT_H
#define GIAMNGHEO_FORMAT_H

#include <stddef.h>

/* Numbers as the language in force writes them: "0,71 %" in Vietnamese,
 * "0.71 %" in English. */
void gn_format_percent(double pct, char *buf, size_t size);
/* Whole numbers with the thousands separator: "5.350" / "5,350". */
void gn_format_count(long long n, char *buf, size_t size);

#endif
