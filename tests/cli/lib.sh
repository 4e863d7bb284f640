# Shared by the command-line tests: each runs the real binary on a database
# of its own in a temporary directory, with "today" fixed.
set -euo pipefail

: "${GIAMNGHEO_BIN:?run through make check}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export GIAMNGHEO_TODAY=2026-11-27
unset GIAMNGHEO_DB GIAMNGHEO_CONFIG GIAMNGHEO_USER LANGUAGE NO_COLOR

DEMO="$TMP/demo.db"

gn() { "$GIAMNGHEO_BIN" "$@"; }

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

# run STATUS CMD...: runs CMD, keeps its stdout+stderr in $out, checks the exit status.
run() {
	local want=$1 got
	shift
	set +e
	out=$("$@" 2>&1)
	got=$?
	set -e
	[ "$got" = "$want" ] || fail "'$*' exited $got, expected $want; output:
$out"
}

has() {
	grep -qF -- "$1" <<<"$out" || fail "expected '$1' in the output of the last command:
$out"
}

lacks() {
	if grep -qF -- "$1" <<<"$out"; then
		fail "did not expect '$1' in:
$out"
	fi
}

# The program itself builds the demo, even when the tests run it under
# valgrind (make check-valgrind): demo_stats.sh checks `demo` there, and
# building 5000 households under valgrind in every test would take minutes.
make_demo() {
	"${GIAMNGHEO_PROGRAM:-$GIAMNGHEO_BIN}" --db "$DEMO" demo >/dev/null
}

passed() {
	printf 'PASS: %s\n' "$(basename "$0")"
}
