# The load test: WRITERS officers (default 8) save the same ten households
# at once for SECONDS (default 8) through the core API. Afterwards every
# acknowledged change is in the audit log exactly once, no update was lost,
# every household's row is its last audited save, and the file passes the
# integrity, foreign-key and product checks. One line of figures is printed.
. "${TESTS_SRCDIR:-$(dirname "$0")/..}/stress/lib.sh"

WRITERS=${STRESS_WRITERS:-8}
RUN=${STRESS_SECONDS:-8}
SEED=${STRESS_SEED:-$$}
make_ward

for ((i = 1; i <= WRITERS; i++)); do
	start_writer "$i" "$RUN"
done
wait_writers $((RUN + 15))

for ((i = 1; i <= WRITERS; i++)); do
	[ "${STATUS[$i]}" = 0 ] || fail "writer $i exited ${STATUS[$i]}: $(cat "$TMP/w$i.err" "$TMP/w$i.out")"
	[ ! -s "$TMP/w$i.err" ] || fail "writer $i complained: $(cat "$TMP/w$i.err")"
	grep -q '^writer .* committed=' "$TMP/w$i.out" || fail "writer $i printed no figures"
done
figures=$(sum_figures "$TMP"/w*.out)
committed=$(sed -n 's/.*committed=\([0-9]*\).*/\1/p' <<<"$figures")
lines=$(cat "$TMP"/w*.log | wc -l)
[ "$committed" = "$lines" ] || fail "the writers count $committed commits but logged $lines"
[ "$committed" -gt 0 ] || fail "no change was committed: $figures"

check_file
check_changes "$TMP/allowed"
[ "$INFLIGHT" = 0 ] || fail "$INFLIGHT unacknowledged saves"

printf 'load: writers=%d households=%d seconds=%d %s audited=%d lost=0 duplicated=0 integrity=ok\n' \
	"$WRITERS" "$HOUSEHOLDS" "$RUN" "$figures" "$SAVED"
printf 'PASS: %s\n' "$(basename "$0")"
