# remind and agenda: the calendar for the login banner and cron.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

# On 26/6 the plan is due since 10/6, the June report since 25/6, the half-year report in 4 days.
export GIAMNGHEO_TODAY=2026-06-26
missing_plan=$(sqlite3 "$DEMO" "SELECT group_concat(code, ', ') FROM (SELECT a.code FROM deadline d
  JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id
  WHERE r.code = 'plan' AND NOT EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id
  AND p.withdrawn = 0 AND p.submitted_on <= '2026-06-26') ORDER BY a.kind = 'tdp', a.code)")
missing_june=$(sqlite3 "$DEMO" "SELECT group_concat(code, ', ') FROM (SELECT a.code FROM deadline d
  JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id
  WHERE r.code = 'monthly' AND d.due_date = '2026-06-25' AND NOT EXISTS (SELECT 1 FROM report p
  WHERE p.deadline_id = d.id AND p.withdrawn = 0 AND p.submitted_on <= '2026-06-26')
  ORDER BY a.kind = 'tdp', a.code)")
[ -n "$missing_plan" ] || fail "the demo should have missing support plans on 26/6"
run 3 gn --lang en --db "$DEMO" remind
has "10/06/2026  Support plan for the household (overdue by 16 days): $missing_plan"
if [ -n "$missing_june" ]; then
	has "25/06/2026  Monthly support results (overdue by 1 day): $missing_june"
else
	lacks "25/06/2026"
fi
has "30/06/2026  Half-year report (due soon: 4 days left): XD-NN&MT"
lines=$(printf '%s\n' "$out" | wc -l)
[ "$lines" -le 12 ] || fail "remind should fit a login banner, printed $lines lines"

# One agency, and the user's own agency from the config.
first=${missing_plan%%,*}
run 3 gn --lang en --db "$DEMO" remind --agency "$first"
has "$first"
lacks "XD-NN&MT"
printf '[general]\nagency = XD-NN&MT\n' >"$TMP/mine.ini"
run 0 gn --lang en --config "$TMP/mine.ini" --db "$DEMO" remind --mine
has "Half-year report"
lacks "overdue"
run 2 gn --db "$DEMO" remind --mine
run 1 gn --db "$DEMO" remind --agency NOPE

# Before anything falls due: nothing to say, exit 0.
GIAMNGHEO_TODAY=2026-01-05 run 0 gn --lang en --db "$DEMO" remind
has "nothing overdue or due soon"

# The agenda lists the coming days like a diary, in Vietnamese by default.
GIAMNGHEO_TODAY=2026-11-20 run 0 gn --db "$DEMO" agenda --days 12
has "25/11/2026"
has "30/11/2026"
has "Báo cáo tổng kết năm"
GIAMNGHEO_TODAY=2026-11-20 run 0 gn --lang en --db "$DEMO" agenda --days 3
has "Nothing falls due in the next 3 days."
run 2 gn --db "$DEMO" agenda --days 0
passed
