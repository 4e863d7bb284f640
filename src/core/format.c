#include "giamngheo/format.h"

#include <stdio.h>
#include <string.h>

#include "giamngheo/i18n.h"

static int is_vietnamese(void)
{
	return strcmp(gn_i18n_lang(), "vi") == 0;
}

void gn_format_percent(double pct, char *buf, size_t size)
{
	snprintf(buf, size, "%.2f %%", pct);
	if (is_vietnamese()) {
		char *dot = strchr(buf, '.');
		if (dot)
			*dot = ',';
	}
}

void gn_format_count(long long n, char *buf, size_t size)
{
	char digits[32];
	char sep = is_vietnamese() ? '.' : ',';
	int len = snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
	size_t o = 0;
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (int i = 0; i < len && o + 1 < size; i++) {
		buf[o++] = digits[i];
		int rest = len - i - 1;
		if (rest > 0 && rest % 3 == 0 && o + 1 < size)
			buf[o++] = sep;
	}
	if (size)
		buf[o < size ? o : size - 1] = '\0';
}
