# Listing households: filters, formats and one household in full.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

run 0 gn --lang en --db "$DEMO" households --targeted
has "15 households match."
has "Indicators (2022-2025)"

# Who still lacks health insurance among the targeted, and who leads them.
run 0 gn --db "$DEMO" households --targeted --deprived 2.2 --format csv
want=$(sqlite3 "$DEMO" "SELECT count(*) FROM household h JOIN household_indicator hi ON hi.household_id = h.id
  JOIN indicator i ON i.id = hi.indicator_id WHERE h.targeted = 1 AND i.standard_id = 1 AND i.code = '2.2'
  AND hi.status IN ('deprived','addressing')")
[ "$want" -ge 1 ] || fail "the demo should have targeted households without health insurance"
rows=$(($(printf '%s\n' "$out" | wc -l) - 1))
[ "$rows" = "$want" ] || fail "expected $want rows, got $rows"
has "code,head,tdp,class,deprivations"
has ",poor,"

run 0 gn --db "$DEMO" households --class poor --format json
python3 - "$out" <<'PY'
import json, sys
rows = json.loads(sys.argv[1])
assert rows, "no rows"
for r in rows:
    assert r["class"] == "poor", r
    assert r["deprivations"] >= 3, r
    assert isinstance(r["income"], int) and r["income"] <= 2000000, r
    assert set(r["1.1"] for r in rows) <= {"deprived", "addressing", "resolved", "not_deprived"}
PY

run 0 gn --db "$DEMO" households --limit 5 --offset 2 --format csv
[ "$(printf '%s\n' "$out" | wc -l)" = 6 ] || fail "a window of 5 rows plus the header expected"
has "SC-0003"

run 0 gn --db "$DEMO" households --sort deprivations --desc --limit 1 --format json
top=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[0]["deprivations"])' "$out")
max=$(sqlite3 "$DEMO" "SELECT max(c) FROM (SELECT count(*) c FROM household_indicator hi JOIN indicator i
  ON i.id = hi.indicator_id WHERE i.standard_id = 1 AND hi.status IN ('deprived','addressing') GROUP BY household_id)")
[ "$top" = "$max" ] || fail "sorting by deprivations: top $top, expected $max"

run 1 gn --db "$DEMO" households --deprived 9.9
has "9.9"

code=$(sqlite3 "$DEMO" "SELECT code FROM household WHERE targeted = 1 AND exit_date IS NULL ORDER BY code LIMIT 1")
run 0 gn --lang en --db "$DEMO" household "$code"
has "Household $code"
has "2022–2025"
has "2027–2030"
has "deprivations left"
has "Members"
has "lead"
has "Support plan"
run 1 gn --db "$DEMO" household NO-SUCH
has "NO-SUCH"

run 0 gn --lang en --db "$DEMO" agencies
has "XD-NN&MT"
has "Overdue"
run 0 gn --db "$DEMO" agencies --format json
python3 -c 'import json,sys; rows=json.loads(sys.argv[1]); assert any(r["leads"] > 0 for r in rows)' "$out"

run 0 gn --lang en --db "$DEMO" deadlines --from 01/11/2026 --to 30/11/2026
has "30/11/2026"
has "Year-end report"
run 0 gn --db "$DEMO" deadlines --open --format csv
lacks "on_time"
run 1 gn --db "$DEMO" deadlines --from 31/02/2026
has "31/02/2026"
passed
