# audit: who changed what and when, with old and new values; filters by
# household, record, user and day; CSV and JSON well-formed; the History
# screen (key 7) shows the newest change and opens its household.
. "$TESTS_SRCDIR/cli/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }
au() { gn --lang en --db "$DEMO" audit "$@"; }
ME=$(id -un)

CODE=$(q "SELECT code FROM household WHERE deleted = 0 ORDER BY id LIMIT 1")
HID=$(q "SELECT id FROM household WHERE code = '$CODE'")
OLD_INCOME=$(q "SELECT income_per_person FROM household WHERE id = $HID")
NEW_INCOME=$((OLD_INCOME + 250000))

# ---- usage ----
run 0 au --help
has "--household CODE"
run 2 au --entity nonsense
run 2 au --id 3
run 2 au --limit many
run 2 au --format xml
run 2 au extra
run 1 au --household NO-SUCH
has "NO-SUCH"
run 1 au --since 31/02/2026

# ---- an officer's edit (a repair in the sqlite3 shell is audited too) ----
q "UPDATE household SET income_per_person = $NEW_INCOME, notes = 'Đã có việc làm ổn định',
   updated_by = 'lan', version = version + 1 WHERE id = $HID"
run 0 au --household "$CODE"
head=$(sed -n 3p <<<"$out")
grep -qF "lan" <<<"$head" || fail "the newest change to $CODE should be lan's: $head"
grep -qF "household $CODE" <<<"$head" || fail "the record is not named: $head"
grep -qF "changed" <<<"$head" || fail "the action is not shown: $head"
has "income_per_person: $OLD_INCOME → $NEW_INCOME"
has "→ Đã có việc làm ổn định"
lacks "version:"
lacks "updated_by:"
# Everything hanging off the household is in its history too.
has "household_indicator $CODE · "
has "member $CODE · "
# And nothing of another household.
other=$(q "SELECT code FROM household WHERE id <> $HID AND deleted = 0 ORDER BY id LIMIT 1")
lacks " $other"

# The record itself.
run 0 au --entity household --id "$HID" --limit 1
has "income_per_person: $OLD_INCOME → $NEW_INCOME"
[ "$(grep -c 'UTC' <<<"$out")" = 1 ] || fail "--limit 1 should show one change: $out"

# ---- by user ----
run 0 au --user lan
[ "$(grep -c 'UTC' <<<"$out")" = 1 ] || fail "lan made one change: $out"
run 0 au --user nobody-here
[ "$(wc -l <<<"$out")" = 2 ] || fail "nobody-here made no change, yet: $out"

# ---- through the command line: submit, withdraw, import, by this login ----
agency=$(q "SELECT a.code FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id
  WHERE r.code = 'monthly' AND d.due_date = '2026-11-25'
  AND NOT EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id AND p.withdrawn = 0) ORDER BY a.code LIMIT 1")
run 0 gn --db "$DEMO" submit --agency "$agency" --rule monthly --due 25/11/2026 --by "Nguyễn Thị Lan" --summary "Tháng 11"
rid=$(q "SELECT max(id) FROM report")
run 0 gn --db "$DEMO" withdraw "$rid"
run 0 au --entity report --id "$rid"
has "$ME"
has "report $agency"
has "withdrawn: 0 → 1"
has "submitted_by: — → Nguyễn Thị Lan"
has "added"
run 0 gn --db "$DEMO" import households "$TESTS_SRCDIR/import/ho-ngheo-mau.csv"
run 0 au --household NK-001
has "household NK-001"
has "head_name: — → Hoàng Thị Lụa"
has "$ME"

# ---- by day (UTC) ----
lan_audit=$(q "SELECT max(id) FROM audit WHERE actor = 'lan'")
q "UPDATE audit SET at = '2026-01-15T08:30:00Z' WHERE id = $lan_audit"
run 0 au --since 01/01/2026 --until 31/01/2026
has "15/01/2026 08:30 UTC"
has "lan"
[ "$(grep -c 'UTC' <<<"$out")" = 1 ] || fail "one change in January: $out"
run 0 au --until 14/01/2026
[ "$(wc -l <<<"$out")" = 2 ] || fail "nothing before 15/01/2026, yet: $out"
run 0 au --since 16/01/2026 --user lan
[ "$(wc -l <<<"$out")" = 2 ] || fail "lan's change is on 15/01/2026, yet: $out"
run 0 au --since 15/01/2026 --until 15/01/2026 --user lan
has "income_per_person: $OLD_INCOME → $NEW_INCOME"

# ---- CSV and JSON ----
run 0 au --household "$CODE" --format csv
python3 - "$out" "$OLD_INCOME" "$NEW_INCOME" <<'EOF'
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.argv[1])))
assert rows, "no rows"
assert list(rows[0]) == ["id", "at", "actor", "entity", "entity_id", "record", "action", "field", "old", "new"], list(rows[0])
inc = [r for r in rows if r["field"] == "income_per_person" and r["action"] == "update"]
assert inc and inc[0]["actor"] == "lan" and inc[0]["old"] == sys.argv[2] and inc[0]["new"] == sys.argv[3], inc
assert inc[0]["at"] == "2026-01-15T08:30:00Z", inc[0]
EOF
run 0 au --household "$CODE" --format json
python3 - "$out" "$OLD_INCOME" "$NEW_INCOME" "$HID" "$CODE" <<'EOF'
import json, sys
data = json.loads(sys.argv[1])
ids = [c["id"] for c in data]
assert ids == sorted(ids, reverse=True), "not newest first"
c = [c for c in data if c["actor"] == "lan"][0]
assert c["entity"] == "household" and c["entity_id"] == int(sys.argv[4]) and c["record"] == sys.argv[5], c
assert c["household_id"] == int(sys.argv[4]) and c["action"] == "update", c
f = {x["field"]: x for x in c["changes"]}
assert f["income_per_person"]["old"] == sys.argv[2] and f["income_per_person"]["new"] == sys.argv[3], f
assert f["notes"]["new"] == "Đã có việc làm ổn định", f
assert "version" not in f and "updated_at" not in f, f
assert all(x["household_id"] == int(sys.argv[4]) for x in data)
EOF
run 0 au --user nobody-here --format json
[ "$out" = "[]" ] || fail "no change should be an empty JSON array: $out"

# ---- hostile values: harmless in the table, exact in JSON ----
q "UPDATE household SET notes = 'x' || char(27) || '[2J' || char(7) || 'y', updated_by = 'mallory' WHERE id = $HID"
run 0 au --user mallory
grep -q $'\e' <<<"$out" && fail "an escape sequence reached the table: $out"
grep -q $'\a' <<<"$out" && fail "a bell reached the table: $out"
has "[2J"
run 0 au --user mallory --format json
python3 -c 'import json,sys; c=json.loads(sys.argv[1])[0]; assert c["changes"][0]["new"] == "x\x1b[2J\x07y", c' "$out"

# ---- the History screen ----
screen() {
	GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS=$1 gn --lang en --db "$DEMO" >"$TMP/screen.out" 2>"$TMP/screen.err" ||
		fail "keys '$1': exit status $?; $(cat "$TMP/screen.err")"
	out=$(cat "$TMP/screen.out")
}
screen 7
has "History of changes"
has "History: the newest 500 changes"
# The newest change is mallory's note (the CSV and JSON audits taken since
# are in the log too, as exports).
has "export_log audit json"
first=$(grep 'UTC' <<<"$out" | grep -v export_log | head -1)
grep -qF "mallory" <<<"$first" || fail "the newest change should come first: $first"
grep -qF "household $CODE" <<<"$first" || fail "the newest change is to $CODE: $first"
has "notes: "
grep -q $'\e\\[2J' "$TMP/screen.out" && fail "an escape sequence reached the screen"
# Enter opens the household of the selected change.
screen '7<Enter>'
has "Household $CODE"

passed
