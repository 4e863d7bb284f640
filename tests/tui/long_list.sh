# The households list on more households than a search counts while typing
# (1 000): the rows come first, the count at the pause; past 1 000 it says
# "more than", and going to the end counts exactly and lands on the last
# match. Data from the benchmark's generator; the expected figures from the
# sqlite3 shell on the same file, not from the program.
. "$TESTS_SRCDIR/cli/lib.sh"
export LC_ALL=C.UTF-8 GIAMNGHEO_TODAY=2026-11-27
: "${GIAMNGHEO_GEN:?run through make check}"
DB=$TMP/long.db
"$GIAMNGHEO_GEN" --db "$DB" --households 1500 --seed 3 --quiet >/dev/null || fail "the generator failed"
gn --db "$DB" stats >/dev/null || fail "the generated file does not open"

# matches WORD: households whose index entry has a word starting with WORD.
matches() {
	sqlite3 "$DB" "SELECT count(*) FROM household_search WHERE household_search MATCH '\"$1\" *'"
}
screen() {
	GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS=$1 GIAMNGHEO_TIMINGS=$TMP/timings gn --lang en --db "$DB" \
		2>"$TMP/err" || fail "keys '$1': exit status $?"
	[ ! -s "$TMP/err" ] || fail "keys '$1': $(cat "$TMP/err")"
}

# A short word matching more than 1 000 households.
word=n
many=$(matches "$word")
[ "$many" -gt 1000 ] || fail "the data should have over 1 000 households with a word starting '$word', has $many"
out=$(screen "2/$word")
grep -q "more than 1000 households match" <<<"$out" || fail "after typing '$word': $(head -n 3 <<<"$out")"
# The first rows are the first matches in code order.
first=$(sqlite3 "$DB" "SELECT h.code FROM household h WHERE h.id IN (SELECT rowid FROM household_search
	WHERE household_search MATCH '\"$word\" *') ORDER BY h.code LIMIT 1")
[ "$(sed -n 5p <<<"$out" | awk '{ print $1 }')" = "$first" ] || fail "the first row is not $first:
$(head -n 5 <<<"$out")"
# One timing per key (2, /, the letter), then the count at the pause.
[ "$(grep -c '^[0-9]' "$TMP/timings")" = 3 ] || fail "timings: $(cat "$TMP/timings")"
grep -q '^idle ' "$TMP/timings" || fail "no count at the pause in the timings: $(cat "$TMP/timings")"

# The end of the list needs the exact count, and shows the last match.
out=$(screen "2/$word<Enter><End>")
grep -q "^$many households match" <<<"$out" || fail "after End: $(head -n 3 <<<"$out"), expected $many"
last=$(sqlite3 "$DB" "SELECT h.code FROM household h WHERE h.id IN (SELECT rowid FROM household_search
	WHERE household_search MATCH '\"$word\" *') ORDER BY h.code DESC LIMIT 1")
grep -q "^$last " <<<"$out" || fail "the last match $last is not on the screen after End"

# A narrower search is counted exactly, as the index counts it.
few=$(sqlite3 "$DB" "SELECT count(*) FROM household_search WHERE household_search MATCH '\"nguyen\" * AND \"thi\" *'")
[ "$few" -gt 0 ] && [ "$few" -le 1000 ] || fail "expected between 1 and 1 000 households 'nguyen thi', has $few"
out=$(screen "2/nguyen thi")
grep -q "^$few households\? match" <<<"$out" || fail "after 'nguyen thi': $(head -n 3 <<<"$out"), expected $few"
passed
