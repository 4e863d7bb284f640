# The crash test: WRITERS officers (default 8) save the same ten households
# while, every 0.3-1 s for about KILL_SECONDS (default 6), one of them is
# killed with SIGKILL - in the middle of a save or between saves, wherever
# it happens to be - and a new one takes its place. Afterwards the file is
# intact and every change acknowledged before a kill is in the audit log
# exactly once and in the household's version history; the one change a
# killed writer had in flight may or may not have been saved. One line of
# figures is printed (the figures of killed writers as they last wrote them).
. "${TESTS_SRCDIR:-$(dirname "$0")/..}/stress/lib.sh"

WRITERS=${STRESS_WRITERS:-8}
KILL_SECONDS=${STRESS_KILL_SECONDS:-6}
RUN=$((KILL_SECONDS + 2))
SEED=${STRESS_SEED:-$$}
RANDOM=$SEED
make_ward

start=$SECONDS
for ((i = 1; i <= WRITERS; i++)); do
	start_writer "$i" "$RUN"
done
next=$((WRITERS + 1))
killed=()
while [ $((SECONDS - start)) -lt "$KILL_SECONDS" ]; do
	sleep "0.$((3 + RANDOM % 7))$((RANDOM % 10))"
	live=()
	for id in "${!PIDS[@]}"; do
		[ -n "${PIDS[id]}" ] && kill -0 "${PIDS[id]}" 2>/dev/null && live+=("$id")
	done
	[ "${#live[@]}" -gt 0 ] || break
	victim=${live[RANDOM % ${#live[@]}]}
	kill -9 "${PIDS[victim]}" 2>/dev/null || true
	set +e
	{ wait "${PIDS[victim]}"; } 2>/dev/null
	rc=$?
	set -e
	PIDS[victim]=""
	# A writer that had already finished is not counted as killed.
	if [ "$rc" = 137 ]; then
		killed+=("$victim")
	else
		STATUS[$victim]=$rc
	fi
	left=$((RUN - (SECONDS - start)))
	start_writer "$next" $((left > 1 ? left : 1))
	next=$((next + 1))
done
wait_writers 20

[ "${#killed[@]}" -ge 3 ] || fail "only ${#killed[@]} writers were killed"
declare -A was_killed=()
for id in "${killed[@]}"; do
	was_killed[$id]=1
	# The change it had in flight: its next value.
	printf 'w%d-%d\n' "$id" "$(wc -l <"$TMP/w$id.log")" >>"$TMP/allowed"
done
for ((i = 1; i < next; i++)); do
	[ -z "${was_killed[$i]:-}" ] || continue
	[ "${STATUS[$i]}" = 0 ] || fail "writer $i exited ${STATUS[$i]}: $(cat "$TMP/w$i.err" "$TMP/w$i.out")"
	[ ! -s "$TMP/w$i.err" ] || fail "writer $i complained: $(cat "$TMP/w$i.err")"
	grep -q '^writer .* committed=' "$TMP/w$i.out" || fail "writer $i printed no figures"
done
# Killed writers may leave a stderr message cut short, but not a complaint.
for id in "${killed[@]}"; do
	[ ! -s "$TMP/w$id.err" ] || fail "killed writer $id complained first: $(cat "$TMP/w$id.err")"
done

check_file
check_changes "$TMP/allowed"

# A writer killed between logging a change and rewriting its figures counts
# it only in its log: the logs are the measure of what was committed.
figures=$(sum_figures "$TMP"/w*.stats | sed "s/committed=[0-9]*/committed=$ACKED/")
printf 'crash: writers=%d started=%d killed=%d households=%d %s audited=%d in_flight_saved=%d lost=0 duplicated=0 integrity=ok\n' \
	"$WRITERS" $((next - 1)) "${#killed[@]}" "$HOUSEHOLDS" "$figures" "$SAVED" "$INFLIGHT"
printf 'PASS: %s\n' "$(basename "$0")"
