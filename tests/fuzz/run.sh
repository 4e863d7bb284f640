#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for FUZZ_SECONDS seconds.
#
#   tests/fuzz/run.sh [BUILD_DIR]        (make fuzz runs it with _build-fuzz)
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   which targets (default: all: csv_import ini lineedit)
#   FUZZ_JOBS      parallel compiler jobs (default 2)
#   FUZZ_CC        the compiler (default clang; on Debian 12 it needs the
#                  packages clang and libclang-rt-14-dev, the fuzzer runtime)
#
# The seed corpus in tests/fuzz/corpus/TARGET is copied to
# BUILD_DIR/corpus/TARGET, which keeps what the fuzzer learns between runs.
# A crash leaves BUILD_DIR/crash-* and fails the script; replay it with
#   BUILD_DIR/fuzz_TARGET BUILD_DIR/crash-...
set -euo pipefail

SRC=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
BUILD=$(mkdir -p "${1:-$SRC/_build-fuzz}" && cd "${1:-$SRC/_build-fuzz}" && pwd)
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-csv_import ini lineedit}
JOBS=${FUZZ_JOBS:-2}
CC=${FUZZ_CC:-clang}

command -v "$CC" >/dev/null || { echo "run.sh: $CC not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

# Nothing installed is read: the paths point nowhere.
CFLAGS=(-std=c11 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
	-I"$SRC/include" -I"$SRC/src/core" -D_GNU_SOURCE -DLOCALEDIR='"/nonexistent"'
	-DPKGDATADIR='"/nonexistent"' -DSYSCONFDIR='"/nonexistent"'
	$(pkg-config --cflags sqlite3 libutf8proc xlsxwriter) -I/usr/include/iniparser)
LIBS=($(pkg-config --libs sqlite3 libutf8proc xlsxwriter) -liniparser)

mkdir -p "$BUILD/obj"
echo "== building the core with $CC into $BUILD"
export CC
printf '%s\n' "$SRC"/src/core/*.c | xargs -P "$JOBS" -I{} sh -c \
	'f=$1; shift; exec "$CC" "$@" -fsanitize=fuzzer-no-link -c "$f" -o "'"$BUILD"'/obj/$(basename "$f" .c).o"' \
	sh {} "${CFLAGS[@]}"

status=0
for t in $TARGETS; do
	"$CC" "${CFLAGS[@]}" -fsanitize=fuzzer "$SRC/tests/fuzz/fuzz_$t.c" "$BUILD"/obj/*.o "${LIBS[@]}" \
		-o "$BUILD/fuzz_$t"
	mkdir -p "$BUILD/corpus/$t"
	cp -n "$SRC/tests/fuzz/corpus/$t"/* "$BUILD/corpus/$t/" 2>/dev/null || true
	echo "== fuzz_$t for ${SECONDS_EACH}s"
	if (cd "$BUILD" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		"./fuzz_$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
		-print_final_stats=1 "corpus/$t" >"fuzz_$t.log" 2>&1); then
		tail -n 12 "$BUILD/fuzz_$t.log"
	else
		tail -n 150 "$BUILD/fuzz_$t.log"
		echo "== fuzz_$t FAILED: the input is in $BUILD/crash-* (or leak-*, timeout-*)" >&2
		status=1
	fi
done
exit $status
