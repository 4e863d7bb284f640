# rules: the deadline rules listed, and imported from an INI file.
. "$TESTS_SRCDIR/cli/lib.sh"
SHIPPED="$TESTS_SRCDIR/../data/deadlines.ini"
[ -f "$SHIPPED" ] || fail "no $SHIPPED"
q() { sqlite3 "$1" "$2"; }
# Everything an import could touch, as text.
state() {
	q "$1" "SELECT * FROM deadline_rule ORDER BY id; SELECT * FROM deadline ORDER BY id;
	       SELECT count(*) FROM audit; SELECT * FROM report ORDER BY id"
}

# The shipped file says what init made: importing it into a fresh database changes nothing.
FRESH="$TMP/fresh.db"
gn --db "$FRESH" init >/dev/null
before=$(state "$FRESH")
run 0 gn --lang en --db "$FRESH" rules --import "$SHIPPED"
has "Rules: 0 added, 0 changed, 0 retired, 4 unchanged."
has "Deadlines: 0 added, 0 removed"
[ "$(state "$FRESH")" = "$before" ] || fail "importing the shipped rules changed a fresh database"

make_demo
before=$(state "$DEMO")
run 0 gn --lang en --db "$DEMO" rules --import "$SHIPPED"
has "4 unchanged"
[ "$(state "$DEMO")" = "$before" ] || fail "importing the shipped rules changed the demo database"

# The list, in both languages and as CSV.
run 0 gn --lang en --db "$DEMO" rules
has "Monthly support results"
has "day 25, months 5-11"
has "10/06"
has "30/11"
run 0 gn --db "$DEMO" rules
has "Báo cáo tổng kết năm"
run 0 gn --db "$DEMO" rules --format csv
has "code,title_vi,title_en,audience,kind,month,day,first_month,last_month,due_soon_days,active,deadlines,submitted"
has "monthly,Báo cáo kết quả hỗ trợ hằng tháng,Monthly support results,lead,monthly,0,25,5,11,5,true,"
n_monthly=$(q "$DEMO" "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id WHERE r.code = 'monthly'")
has "lead,monthly,0,25,5,11,5,true,$n_monthly,"
run 0 gn --db "$DEMO" rules --format json
python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert [x["code"] for x in r] == ["plan","monthly","half_year","year_end"], r; assert r[0]["active"] is True' "$out"

# A new ad-hoc rule: a dry run first, then the import; it appears in deadlines for every lead agency.
cat >"$TMP/adhoc.ini" <<'EOF'
# An ad-hoc report after the storm.
[adhoc_storm]
title_vi = Báo cáo đột xuất sau bão
title_en = Ad-hoc report after the storm
audience = lead
date = 05/12
due_soon_days = 10
EOF
leads=$(q "$DEMO" "SELECT count(DISTINCT s.agency_id) FROM assignment s JOIN household h ON h.id = s.household_id
  JOIN agency a ON a.id = s.agency_id WHERE s.role = 'lead' AND h.deleted = 0 AND a.deleted = 0")
[ "$leads" -gt 1 ] || fail "the demo should have several lead agencies"
before=$(state "$DEMO")
run 0 gn --lang en --db "$DEMO" rules --import "$TMP/adhoc.ini" --dry-run
has "Dry run"
has "Rules: 1 added, 0 changed, 0 retired, 0 unchanged."
has "Deadlines: $leads added, 0 removed"
[ "$(state "$DEMO")" = "$before" ] || fail "a dry run changed the database"
run 0 gn --lang en --db "$DEMO" rules --import "$TMP/adhoc.ini"
has "Rules: 1 added"
has "Deadlines: $leads added, 0 removed"
run 0 gn --lang en --db "$DEMO" deadlines --from 05/12/2026 --to 05/12/2026
has "Ad-hoc report after the storm"
has "due soon: 8 days left"
[ "$(grep -c 'Ad-hoc report after the storm' <<<"$out")" = "$leads" ] || fail "one ad-hoc deadline per lead agency expected:
$out"
run 0 gn --db "$DEMO" rules
has "adhoc_storm"
has "Báo cáo đột xuất sau bão"
[ "$(q "$DEMO" "SELECT count(*) FROM audit WHERE entity = 'deadline_rule' AND action = 'insert'
  AND json_extract(after_json, '$.code') = 'adhoc_storm'")" = 1 ] || fail "the new rule is not in the audit log"

# Retiring the monthly report drops its open deadlines and keeps those with a submission.
reported=$(q "$DEMO" "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id WHERE r.code = 'monthly'
  AND EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id)")
open=$((n_monthly - reported))
[ "$reported" -gt 0 ] && [ "$open" -gt 0 ] || fail "the demo should have reported and open monthly deadlines"
reports_before=$(q "$DEMO" "SELECT * FROM report ORDER BY id")
printf '[monthly]\nactive = no\n' >"$TMP/retire.ini"
run 0 gn --lang en --db "$DEMO" rules --import "$TMP/retire.ini"
has "Rules: 0 added, 0 changed, 1 retired, 0 unchanged."
has "Deadlines: 0 added, $open removed"
[ "$(q "$DEMO" "SELECT count(*) FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id WHERE r.code = 'monthly'")" = "$reported" ] ||
	fail "the reported monthly deadlines should stay"
[ "$(q "$DEMO" "SELECT * FROM report ORDER BY id")" = "$reports_before" ] || fail "retiring a rule changed the reports"
[ "$(q "$DEMO" "SELECT json_extract(before_json, '$.active') || json_extract(after_json, '$.active') FROM audit
  WHERE entity = 'deadline_rule' ORDER BY id DESC LIMIT 1")" = 10 ] || fail "the retirement is not in the audit log"
run 0 gn --lang en --db "$DEMO" rules
has "retired"
run 0 gn --db "$DEMO" deadlines --format csv
python3 - "$out" <<'PY' || fail "deadlines of the retired rule without a report"
import csv, io, sys
rows = [r for r in csv.DictReader(io.StringIO(sys.argv[1])) if r["report"] == "Báo cáo kết quả hỗ trợ hằng tháng"]
assert rows and all(r["report_id"] for r in rows), rows
PY
# ... and the shipped file brings it back, beside the months already reported.
run 0 gn --lang en --db "$DEMO" rules --import "$SHIPPED"
has "Rules: 0 added, 1 changed, 0 retired, 3 unchanged."
has "Deadlines: $open added, 0 removed"

# A file with mistakes: every one is named with its line, and nothing changes.
cat >"$TMP/bad.ini" <<'EOF'
[monthly]
day = 20
[adhoc]
title_vi = Đột xuất
audience = everybody
date = 31/04
[half_year]
due_soon = 3
EOF
before=$(state "$DEMO")
run 1 gn --lang en --db "$DEMO" rules --import "$TMP/bad.ini"
has "$TMP/bad.ini:5: [adhoc] audience must be assigned, lead or focal, not 'everybody'"
has "$TMP/bad.ini:6: [adhoc] date must be a day and month DD/MM"
has "$TMP/bad.ini:8: [half_year] unknown setting 'due_soon'"
has "nothing was imported"
[ "$(state "$DEMO")" = "$before" ] || fail "a bad file changed the database"
run 1 gn --db "$DEMO" rules --import "$TMP/missing.ini"
has "$TMP/missing.ini"
run 2 gn --db "$DEMO" rules --dry-run
run 2 gn --db "$DEMO" rules extra
run 2 gn --db "$DEMO" rules --format xml
passed
