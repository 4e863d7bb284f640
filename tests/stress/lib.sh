# Shared by the load and crash tests (STRESS_KEEP=1 keeps the directory): a demo ward in a temporary directory,
# writers (tests/stress/writer) started and stopped by pid, and the checks
# that hold the database to what the writers were told had been saved.
set -euo pipefail

: "${GIAMNGHEO_BIN:?run through make check}"
WRITER=${GIAMNGHEO_WRITER:-$(dirname "$GIAMNGHEO_BIN")/../tests/stress/writer}
[ -x "$WRITER" ] || { echo "FAIL: no writer program at $WRITER" >&2; exit 1; }
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: the sqlite3 shell (used to read the audit log) is not installed"
	exit 77
fi

TMP=$(mktemp -d)
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do
		[ -n "$p" ] && kill -9 "$p" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	if [ -n "${STRESS_KEEP:-}" ]; then
		echo "kept: $TMP" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
export HOME="$TMP" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export GIAMNGHEO_TODAY=2026-11-27
unset GIAMNGHEO_DB GIAMNGHEO_CONFIG LANGUAGE NO_COLOR

DB="$TMP/ward.db"
HOUSEHOLDS=10

fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}

q() { sqlite3 -batch -bail "$DB" "$@"; }

make_ward() {
	"$GIAMNGHEO_BIN" --db "$DB" demo >/dev/null || fail "giamngheo demo failed"
	local n
	n=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND id BETWEEN 1 AND $HOUSEHOLDS")
	[ "$n" = "$HOUSEHOLDS" ] || fail "the demo ward has $n of households 1..$HOUSEHOLDS"
	AUDIT_BEFORE=$(q "SELECT coalesce(max(id), 0) FROM audit")
	: >"$TMP/allowed"
}

# start_writer ID SECONDS: starts one writer in the background; its pid goes
# into PIDS[ID] (the writer itself: bash execs a simple command).
start_writer() {
	local id=$1 secs=$2
	"$WRITER" --db "$DB" --id "$id" --seconds "$secs" --households "$HOUSEHOLDS" \
		--seed "${SEED:-1}" --log "$TMP/w$id.log" --stats "$TMP/w$id.stats" \
		>"$TMP/w$id.out" 2>"$TMP/w$id.err" </dev/null &
	PIDS[id]=$!
}

# wait_writers LIMIT: waits for every writer still running, at most LIMIT
# seconds in all; a writer still there then is killed and the test fails.
# Sets STATUS[ID] to each writer's exit status.
declare -A STATUS=()
wait_writers() {
	local limit=$1 start id hung=""
	start=$SECONDS
	for id in "${!PIDS[@]}"; do
		[ -n "${PIDS[id]}" ] || continue
		while kill -0 "${PIDS[id]}" 2>/dev/null && [ $((SECONDS - start)) -lt "$limit" ]; do
			sleep 0.1
		done
		if kill -0 "${PIDS[id]}" 2>/dev/null; then
			hung="$hung w$id"
			kill -9 "${PIDS[id]}" 2>/dev/null || true
		fi
		set +e
		{ wait "${PIDS[id]}"; } 2>/dev/null
		STATUS[$id]=$?
		set -e
		PIDS[id]=""
	done
	[ -z "$hung" ] || fail "writers still running after ${limit} s (hung on the database?):$hung"
}

# sum_figures FILES...: adds up the writers' figures lines.
sum_figures() {
	cat "$@" 2>/dev/null | awk '
		{ for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) s[kv[1]] += kv[2] }
		END { printf "attempted=%d committed=%d conflicts=%d busy_retries=%d given_up=%d saves=%d errors=%d\n",
			s["attempted"], s["committed"], s["conflicts"], s["busy_retries"], s["given_up"],
			s["saves"], s["errors"] }'
}

# The file itself: SQLite's integrity and foreign-key checks, the search
# indexes' own checks, and the product's `giamngheo check`.
check_file() {
	local out
	out=$(q "PRAGMA integrity_check") || fail "integrity_check could not run: $out"
	[ "$out" = "ok" ] || fail "PRAGMA integrity_check: $out"
	out=$(q "PRAGMA foreign_key_check") || fail "foreign_key_check could not run"
	[ -z "$out" ] || fail "PRAGMA foreign_key_check: $out"
	q "INSERT INTO household_search(household_search) VALUES('integrity-check')" ||
		fail "the search index (FTS5) fails its integrity check"
	q "INSERT INTO person_search(person_search, rank) VALUES('integrity-check', 1)" ||
		fail "the people index (FTS5) does not match its rows"
	out=$("$GIAMNGHEO_BIN" --lang en --db "$DB" check 2>&1) || fail "giamngheo check: $out"
}

# check_changes ALLOWED: the audit log against the writers' logs. Every
# acknowledged value ("w<N>-<k>") must be saved exactly once (one audit row
# of the household that raised its version by one with those notes); a save
# with a writer's value that the writer never acknowledged is allowed only
# when listed in the file ALLOWED (the change a killed writer had in
# flight). Each household's versions form one unbroken chain (no two saves
# from the same version: no lost update), and its row holds the notes and
# version of its last save. Sets ACKED, SAVED, INFLIGHT.
check_changes() {
	local allowed=$1 sql="$TMP/check.sql" out
	{
		echo "CREATE TEMP TABLE acked(v TEXT PRIMARY KEY);"
		echo "CREATE TEMP TABLE allowed(v TEXT PRIMARY KEY);"
		cat "$TMP"/w*.log 2>/dev/null | sed -n "s/^\(w[0-9]*-[0-9]*\)\$/INSERT INTO acked VALUES('\1');/p"
		sed -n "s/^\(w[0-9]*-[0-9]*\)\$/INSERT INTO allowed VALUES('\1');/p" "$allowed"
		cat <<-'SQL'
		CREATE TEMP TABLE saves AS
		  SELECT a.id, a.entity_id AS hh, a.actor,
		         json_extract(a.after_json, '$.notes') AS v,
		         json_extract(a.before_json, '$.version') AS bv,
		         json_extract(a.after_json, '$.version') AS av
		  FROM audit a
		  WHERE a.entity = 'household' AND a.action = 'update'
		    AND json_extract(a.after_json, '$.version') = json_extract(a.before_json, '$.version') + 1;
		SQL
	} >"$sql"
	local n_logged
	n_logged=$(cat "$TMP"/w*.log 2>/dev/null | wc -l)
	ACKED=$(grep -c INSERT.INTO.acked "$sql" || true)
	[ "$ACKED" = "$n_logged" ] || fail "a writer's log has a malformed line ($n_logged lines, $ACKED values)"

	run_check() { # NAME SQL: the query must return nothing
		out=$(sqlite3 -batch -bail "$DB" ".read $sql" "$2") || fail "$1: the query failed: $out"
		[ -z "$out" ] || fail "$1:
$(head -n 20 <<<"$out")"
	}
	run_check "acknowledged changes missing from the audit log (lost)" \
		"SELECT k.v FROM acked k WHERE NOT EXISTS (SELECT 1 FROM saves s WHERE s.v = k.v) ORDER BY 1"
	run_check "changes saved more than once (duplicated)" \
		"SELECT v || ' x' || count(*) FROM saves WHERE v GLOB 'w[0-9]*-[0-9]*' GROUP BY v HAVING count(*) > 1"
	run_check "changes saved but never acknowledged (a save reported as failed that committed)" \
		"SELECT v FROM saves WHERE v GLOB 'w[0-9]*-[0-9]*' AND v NOT IN (SELECT v FROM acked)
		   AND v NOT IN (SELECT v FROM allowed)"
	run_check "saves made by someone else than the writer whose value they hold" \
		"SELECT v || ' by ' || actor FROM saves WHERE v GLOB 'w[0-9]*-[0-9]*' AND actor IS NOT substr(v, 1, instr(v, '-') - 1)"
	run_check "two saves from the same version of a household (lost update)" \
		"SELECT hh || ' v' || bv || ' x' || count(*) FROM saves GROUP BY hh, bv HAVING count(*) > 1"
	run_check "a household's version chain is broken in the audit log" \
		"SELECT hh || ': v' || prev || ' then v' || bv FROM
		   (SELECT hh, bv, lag(av) OVER (PARTITION BY hh ORDER BY id) AS prev FROM saves)
		 WHERE prev IS NOT NULL AND prev <> bv"
	run_check "a household's row differs from its last audited save" \
		"SELECT h.id || ': notes ' || h.notes || ' v' || h.version || ', audit ' || s.v || ' v' || s.av
		 FROM household h JOIN saves s ON s.hh = h.id
		 WHERE s.id = (SELECT max(id) FROM saves WHERE hh = h.id)
		   AND (h.notes IS NOT s.v OR h.version IS NOT s.av)"
	run_check "audit rows written outside the writers' saves" \
		"SELECT id || ' ' || entity || ' ' || action FROM audit WHERE id > $AUDIT_BEFORE
		   AND id NOT IN (SELECT id FROM saves)"
	SAVED=$(sqlite3 -batch -bail "$DB" ".read $sql" "SELECT count(*) FROM saves WHERE v GLOB 'w[0-9]*-[0-9]*'")
	INFLIGHT=$(sqlite3 -batch -bail "$DB" ".read $sql" \
		"SELECT count(*) FROM saves WHERE v IN (SELECT v FROM allowed) AND v NOT IN (SELECT v FROM acked)")
	[ "$SAVED" = $((ACKED + INFLIGHT)) ] || fail "$SAVED saves in the audit log for $ACKED acknowledged + $INFLIGHT in flight"
}
