# The demo ward carries the plan's figures; stats shows them and the next deadline.
. "$TESTS_SRCDIR/cli/lib.sh"

run 0 gn --db "$DEMO" demo
[ -s "$DEMO" ] || fail "demo did not create the database"
run 0 gn --lang en --db "$DEMO" stats
has "5,350"
has "End of last year: 38 poor households (0.71 %)"
has "of which with no member able to work: 21 (0.39 %)"
has "down to 0.47 %"
has "Ward plan: 15 households out of poverty"
has "Next deadline: 30/11/2026"
has "XD-NN&MT"
has "3 days"

# Vietnamese is the default language.
run 0 gn --db "$DEMO" stats
has "38 hộ nghèo (0,71 %)"
has "0,47 %"
has "30/11/2026"
# Without a command, the dashboard summary.
run 0 gn --db "$DEMO"
has "38 hộ nghèo (0,71 %)"

# The figures agree with the data, counted independently.
poor=$(sqlite3 "$DEMO" "SELECT count(*) FROM household WHERE class = 'poor' AND deleted = 0")
exited=$(sqlite3 "$DEMO" "SELECT count(*) FROM household WHERE exit_date LIKE '2026-%'")
[ $((poor + exited)) = 38 ] || fail "demo should start the year with 38 poor households ($poor poor now + $exited exited)"
run 0 gn --lang en --db "$DEMO" stats
has "Now: $poor poor households"
has "exited so far: $exited/15"
targeted=$(sqlite3 "$DEMO" "SELECT count(*) FROM household WHERE targeted = 1")
[ "$targeted" = 15 ] || fail "15 targeted households expected, got $targeted"

# The same database, built again, is identical: the demo is deterministic.
second="$TMP/again.db"
gn --db "$second" demo >/dev/null
a=$(sqlite3 "$DEMO" "SELECT group_concat(code || head_name || income_per_person, '|') FROM household")
b=$(sqlite3 "$second" "SELECT group_concat(code || head_name || income_per_person, '|') FROM household")
[ "$a" = "$b" ] || fail "two demo builds differ"

# A second demo into the same file is refused and changes nothing.
before=$(sqlite3 "$DEMO" "SELECT count(*) FROM household")
run 1 gn --db "$DEMO" demo
after=$(sqlite3 "$DEMO" "SELECT count(*) FROM household")
[ "$before" = "$after" ] || fail "a refused demo changed the data"
passed
