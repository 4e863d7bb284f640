#ifndef GIAMNGHEO_CHECK_RUN_H
#define GIAMNGHEO_CHECK_RUN_H

#include <check.h>
#include <stdlib.h>

/* Runs the suite and gives main's exit status: failure when a test failed. */
static inline int check_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
