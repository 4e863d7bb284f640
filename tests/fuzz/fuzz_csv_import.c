/* libFuzzer target: a ward list saved as CSV, checked by the import's dry
 * run against a ward in an in-memory database. Whatever the bytes, the
 * import must not crash, must write nothing, and every problem it reports
 * must be safe to print (valid UTF-8, no control characters). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/db.h"
#include "giamngheo/demo.h"
#include "giamngheo/import.h"
#include "giamngheo/standard.h"
#include "giamngheo/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static gn_db *db;
static gn_standard standard;

static void printable_or_abort(const char *s)
{
	if (!s || !gn_text_valid_utf8(s, strlen(s)))
		abort();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
			abort();
}

static void setup(void)
{
	if (gn_db_open(":memory:", true, &db) != GN_OK || gn_init_ward(db) != GN_OK ||
	    gn_standard_load_code(db, "2022-2025", &standard) != GN_OK)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	gn_import_report r = { 0 };
	gn_import_options o = { .dry_run = true };
	gn_import_households(db, &standard, (const char *)data, size, &o, &r);
	for (int i = 0; i < r.n_problems; i++) {
		printable_or_abort(r.problems[i].column);
		printable_or_abort(r.problems[i].value);
		printable_or_abort(r.problems[i].reason);
	}
	if (r.imported || gn_db_int_query(db, "SELECT count(*) FROM household", 0, -1) != 0)
		abort();
	gn_import_report_clear(&r);
	return 0;
}
