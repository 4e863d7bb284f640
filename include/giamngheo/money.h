#ifndef GIAMNGHEO_MONEY_H
#define GIAMNGHEO_MONEY_H

#include <stddef.h>
#include "giamngheo/status.h"

/* Money is whole đồng: Vietnam has no minor unit in use. */
typedef long long gn_money;

/* Upper bound accepted from input: 10^15 đồng, far above any ward figure,
 * far below overflow. */
#define GN_MONEY_MAX 1000000000000000LL

/* Accepts "1500000", "1.500.000", "1 500 000", "1.500.000 đ", "1,5tr",
 * "1.5 triệu", "500k", "500 nghìn", "2tr". Grouping dots must form groups of
 * three. Negative, fractional đồng, empty and overflowing input -> GN_ERR_INVALID. */
gn_status gn_money_parse(const char *s, gn_money *out);

/* "1.500.000 đ" (negative as "-1.500.000 đ"). */
void gn_money_format(gn_money v, char *buf, size_t size);
/* "1.500.000", for tables and CSV cells. */
void gn_money_format_plain(gn_money v, char *buf, size_t size);

#endif
