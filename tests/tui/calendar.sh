# The calendar pane of the Deadlines screen, headless: the day cursor moves
# with the arrows (a day, a week) and across months, Enter lists what falls
# due on the day and who has submitted, Esc goes back to the month's list.
# The lists are checked against the database.
. "$TESTS_SRCDIR/cli/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

screen() {
	local keys=$1 rc=0
	shift
	GIAMNGHEO_HEADLESS=100x${ROWS:-40} GIAMNGHEO_KEYS=$keys gn --lang en "$@" --db "$DEMO" \
		>"$TMP/screen.out" 2>"$TMP/screen.err" || rc=$?
	[ "$rc" = 0 ] || fail "keys '$keys': exit status $rc; stderr: $(cat "$TMP/screen.err")"
	[ ! -s "$TMP/screen.err" ] || fail "keys '$keys': unexpected stderr: $(cat "$TMP/screen.err")"
	out=$(cat "$TMP/screen.out")
}

# check_day ISO_DATE: the day list on screen names every agency with a
# deadline that day, under Submitted or Not submitted as the database says
# (a submission counts once its date has come).
check_day() {
	local day=$1 today=${GIAMNGHEO_TODAY}
	local want_sub want_not got_sub got_not
	want_sub=$(q "SELECT a.code FROM deadline d JOIN agency a ON a.id = d.agency_id WHERE d.due_date = '$day'
	  AND EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id AND p.withdrawn = 0 AND p.submitted_on <= '$today')
	  ORDER BY a.code" | sort)
	want_not=$(q "SELECT a.code FROM deadline d JOIN agency a ON a.id = d.agency_id WHERE d.due_date = '$day'
	  AND NOT EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id AND p.withdrawn = 0 AND p.submitted_on <= '$today')
	  ORDER BY a.code" | sort)
	# The lines under "Submitted (n)" and "Not submitted (n)": 6 spaces, the code.
	got_sub=$(awk '/^    Submitted \(/ {s = 1; next} /^    Not submitted \(/ {s = 0} s && /^      [^ ]/ {print $1}' <<<"$out" | sort)
	got_not=$(awk '/^    Not submitted \(/ {s = 1; next} /^  [^ ]/ {s = 0} s && /^      [^ ]/ {print $1}' <<<"$out" | sort)
	[ "$got_sub" = "$want_sub" ] || fail "$day: submitted '$got_sub', expected '$want_sub':
$out"
	[ "$got_not" = "$want_not" ] || fail "$day: not submitted '$got_not', expected '$want_not':
$out"
	local n_due n_done
	n_due=$(q "SELECT count(*) FROM deadline WHERE due_date = '$day'")
	n_done=$(grep -c . <<<"$want_sub" || true)
	[ -n "$want_sub" ] || n_done=0
	has ": $n_due reports due, $n_done submitted, $((n_due - n_done)) not"
}

# Today (27/11) two days left: the November monthly report of 25/11.
screen '5<Tab><Left><Left><Enter>'
has "Month 11/2026"
has ">25!<"
has "[27 ]"
has "Wednesday 25/11/2026"
has "Monthly support results"
check_day 2026-11-25
lacks "Deadlines in 11/2026"

# Esc goes back to the month's list; the cursor stays.
screen '5<Tab><Left><Left><Enter><Esc>'
has "Deadlines in 11/2026 (9)"
has ">25!<"
lacks "Wednesday 25/11/2026"

# Up a week five times: across the month boundary to 23/10, where nothing falls due.
screen '5<Tab><Up><Up><Up><Up><Up><Enter>'
has "Month 10/2026"
has ">23 <"
has "Friday 23/10/2026: nothing falls due"

# Next month keeps the day of the month: 27/12.
screen '5<Tab>>'
has "Month 12/2026"
has ">27 <"
# ... and so does the previous month, with the day list open: 27/10.
screen '5<Tab><Enter><'
has "Month 10/2026"
has ">27 <"
has "Tuesday 27/10/2026: nothing falls due"
# Down a week from 27/11 lands on 4/12 in December.
screen '5<Tab><Down>'
has "Month 12/2026"
has "> 4 <"

# The Sunday: 25/10/2026 stays a Sunday deadline. On Tuesday 20/10 it is
# due soon (5 days); those who filed by then are listed as submitted.
export GIAMNGHEO_TODAY=2026-10-20
screen '5<Tab><Right><Right><Right><Right><Right><Enter>'
has "Sunday 25/10/2026"
has "due soon: 5 days left"
check_day 2026-10-25
# On Monday 26/10 the open ones are overdue by a day.
export GIAMNGHEO_TODAY=2026-10-26
screen '5<Tab><Left><Enter>'
has "Sunday 25/10/2026"
check_day 2026-10-25
if [ -n "$(q "SELECT 1 FROM deadline d WHERE d.due_date = '2026-10-25' AND NOT EXISTS (SELECT 1 FROM report p
  WHERE p.deadline_id = d.id AND p.withdrawn = 0 AND p.submitted_on <= '2026-10-26')")" ]; then
	has "overdue by 1 day"
fi

# The support plans of 10/6, seen on 12/6: every assigned unit, submitted on time, late or not.
export GIAMNGHEO_TODAY=2026-06-12
ROWS=80 screen '5<Tab><Left><Left><Enter>'
has "Wednesday 10/06/2026"
has "Support plan for the household"
check_day 2026-06-10
passed
