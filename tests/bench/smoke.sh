# The benchmark is not a test, but `make check` runs it once, small and
# quick, to prove that it works: data generated through the core API, every
# measurement taken, the table printed and written to its file.
set -euo pipefail

: "${GIAMNGHEO_BIN:?run through make check}"
: "${GIAMNGHEO_GEN:?run through make check}"
: "${TESTS_SRCDIR:?run through make check}"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: the sqlite3 shell (the benchmark's baseline) is not installed"
	exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

N=300
start=$(date +%s)
BENCH_SIZES=$N BENCH_RUNS=1 BENCH_QUICK=1 BENCH_TIMER=shell BENCH_DATA="$TMP/data" \
	BENCH_OUT="$TMP/results.txt" BENCH_DIR="$TMP" \
	bash "$TESTS_SRCDIR/bench/run.sh" >"$TMP/out" 2>"$TMP/err" ||
	fail "the benchmark failed: $(cat "$TMP/err" "$TMP/out")"
cat "$TMP/out"
elapsed=$(($(date +%s) - start))

# The data is what was asked for.
[ -s "$TMP/data/households-$N-seed1.db" ] || fail "no database was generated"
count=$(sqlite3 "$TMP/data/households-$N-seed1.db" "SELECT count(*) FROM household")
[ "$count" = "$N" ] || fail "the generator made $count households, not $N"
total=$(sqlite3 "$TMP/data/households-$N-seed1.db" "SELECT total_households FROM ward")
[ "$total" = "$N" ] || fail "the ward says $total households, not $N"

# Every row of the table, each with a number, in the output and the file.
for op in "generate data" "start to first screen: dashboard" "start to first screen: households list" \
	"page down in the list" "jump to the end of the list" "search as you type: per keystroke" \
	"peak RSS: dashboard" "peak RSS: list, search typed" "command line: search huong" \
	"command line: households --format csv" "command line: stats" "VisiData"; do
	line=$(grep -F -- "$op" "$TMP/out" | head -n 1) || fail "no row '$op' in the table"
	grep -qE " $N +(-?[0-9.]+ (s|ms|MB)|not installed) " <<<"$line" || fail "row '$op' has no value: $line"
	grep -qF -- "$op" "$TMP/results.txt" || fail "row '$op' is missing from the results file"
done
grep -q '^operation .*median .*baseline .*budget' "$TMP/out" || fail "no table header"
grep -qE '^command line: search huong .* ms +[0-9.]+ ms +[0-9.]+ ' "$TMP/out" ||
	fail "the search row has no sqlite3 baseline and ratio"
if command -v tmux >/dev/null 2>&1; then
	grep -qE '^bytes: one-line scroll .* [0-9.]+ B ' "$TMP/out" || fail "no byte count for a one-line scroll"
fi
grep -q 'WARNING' "$TMP/out" && fail "the benchmark warned: $(grep WARNING "$TMP/out")"

printf 'PASS: %s (%d s)\n' "$(basename "$0")" "$elapsed"
