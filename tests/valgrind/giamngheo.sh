#!/bin/sh
# The program under valgrind, for `make check-valgrind`: the command-line
# tests call this instead of the program. Any memory error, or a leak that
# is definitely lost, makes the run exit 99 (which no test expects), and
# valgrind's report goes to GIAMNGHEO_VALGRIND_LOG (one file per process).
: "${GIAMNGHEO_PROGRAM:?run through make check-valgrind}"
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite \
	--log-file="${GIAMNGHEO_VALGRIND_LOG:-/dev/stderr}" "$GIAMNGHEO_PROGRAM" "$@"
