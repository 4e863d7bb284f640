# In a real terminal (tmux): an agency added with a staff member, then the
# monthly round of a lead agency of the demo ward: support recorded on two
# households, an indicator set, the month's report filed. What was saved is
# read back with the command line, not from the screen.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
tmux_start round
export LC_ALL=C.UTF-8
make_demo

S=round

tm new-session -d -s "$S" -x 100 -y 30 -- env -u LC_ALL LANG=C.UTF-8 TERM=xterm-256color \
	GIAMNGHEO_TODAY="$GIAMNGHEO_TODAY" GIAMNGHEO_LOCALEDIR="$GIAMNGHEO_LOCALEDIR" \
	GIAMNGHEO_THEMES_DIR="$GIAMNGHEO_THEMES_DIR" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	XDG_DATA_HOME="$XDG_DATA_HOME" "$GIAMNGHEO_BIN" --lang en --db "$DEMO"
tm set-option -t "$S" escape-time 0 >/dev/null

keys() { tm send-keys -t "$S" "$@"; }
typed() { tm send-keys -t "$S" -l "$1"; }
sees() { pane_sees "$S" "$1"; }
q() { sqlite3 "$DEMO" "$1"; }

sees 'Dashboard'
# ---- a new agency, refused without a name, then saved ----
keys 3 a
sees 'New agency'
typed 'HTX-SC'
keys F2
sees "Enter the agency's name."
# The save sent the cursor to the field in error.
typed 'Hợp tác xã Sông Công'
keys Tab Right Right Tab
typed 'Chị Hoa'
keys Tab
typed '0912 345 678'
keys F2
sees 'Saved agency HTX-SC — Hợp tác xã Sông Công.'
# The cursor is on it: Enter opens it, a adds a staff member.
keys Enter
sees 'HTX-SC — Hợp tác xã Sông Công'
keys a
sees 'New staff member — HTX-SC'
typed 'Nguyễn Văn Bình'
keys Tab
typed 'Cán bộ theo dõi hộ'
keys Tab
typed '0987654321'
keys F2
sees 'Saved staff member Nguyễn Văn Bình.'
sees 'Staff: 1'
out=$(gn --db "$DEMO" agencies --format csv)
has 'HTX-SC,Hợp tác xã Sông Công,business'
[ "$(q "SELECT s.full_name || '|' || s.position || '|' || s.phone FROM staff s JOIN agency a ON a.id = s.agency_id
	WHERE a.code = 'HTX-SC'")" = 'Nguyễn Văn Bình|Cán bộ theo dõi hộ|0987654321' ] || fail "staff not stored"

# ---- the monthly round of XD-NN&MT, the first agency of the list ----
keys Escape
sees 'Agencies, with the households each leads'
keys g r
sees 'Monthly round 11/2026 — XD-NN&MT — 1/2'
sees '1/2  Household SC-'
first=$(tm capture-pane -p -t "$S" | grep -oE 'Household SC-[0-9]+' | cut -d' ' -f2)
# a: the support item form, for this household, from this agency,
# delivered today; the cursor on what was given.
keys a
sees 'New support item'
sees 'XD-NN&MT — '
sees 'delivered'
typed 'Thẻ BHYT cho 2 người'
keys Tab Tab Tab Tab
typed '1.200.000'
keys F2
sees 'Saved the support item'
keys n
sees 'Monthly round 11/2026 — XD-NN&MT — 2/2'
second=$(tm capture-pane -p -t "$S" | grep -oE 'Household SC-[0-9]+' | cut -d' ' -f2)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" != "$second" ] || fail "two households expected, got '$first' '$second'"
# The first indicator to work on becomes resolved.
ind=$(tm capture-pane -p -t "$S" | grep -m1 -oE '^  [X~+] [0-9]\.[0-9]' | cut -c5-)
keys +
sees "$ind"
sees '→ resolved'
keys a
sees 'New support item'
typed 'Sửa nhà tiêu'
keys Tab Tab Tab C-u
typed '20/11/2026'
keys Tab
typed '3tr'
keys Tab Tab C-u
typed '20/11/2026'
keys F2
sees 'Saved the support item'
keys PgDn
sees 'End of the round: 2 households of XD-NN&MT'
sees 'Support in 11/2026: items 2, households helped 2, cash 4.200.000 đ'
sees 'Indicator statuses changed in this round: 1'
keys Enter
sees 'Submit a report'
sees '25/11/2026 XD-NN&MT'
keys F2
sees 'Recorded report'
sees 'submitted late'

# ---- a colleague saves the agency while it is being edited ----
keys Escape
sees 'Agencies, with the households each leads'
keys e
sees 'Edit agency XD-NN&MT'
keys Tab Tab Tab C-u
typed 'Chị Thu'
version=$(q "SELECT version FROM agency WHERE code = 'XD-NN&MT'")
q "UPDATE agency SET phone = '0988000111', version = version + 1, updated_by = 'nam' WHERE code = 'XD-NN&MT'"
keys F2
sees 'Someone else saved this while you were editing.'
# What I changed is mine, what they changed is theirs, unless I choose.
sees '[x] Chị Thu'
sees '[x] 0988000111'
keys Enter
sees 'Saved agency XD-NN&MT'
[ "$(q "SELECT contact_person || '|' || phone || '|' || version FROM agency WHERE code = 'XD-NN&MT'")" = \
	"Chị Thu|0988000111|$((version + 2))" ] || fail "the merged agency was not saved as chosen"
keys q

# ---- read back through the command line ----
out=$(gn --db "$DEMO" deadlines --agency 'XD-NN&MT' --format csv)
has '2026-11-25,Báo cáo kết quả hỗ trợ hằng tháng,XD-NN&MT,late,2026-11-27'
out=$(gn --lang en --db "$DEMO" household "$first")
has '27/11/2026  27/11/2026'
has 'Thẻ BHYT cho 2 người'
out=$(gn --lang en --db "$DEMO" household "$second")
has '20/11/2026  20/11/2026'
has '3.000.000 đ  delivered'
has 'Sửa nhà tiêu'
[ "$(q "SELECT i.code || '=' || hi.status FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id
	JOIN household h ON h.id = hi.household_id WHERE h.code = '$second' AND i.code = '$ind'
	AND i.standard_id = 1")" = "$ind=resolved" ] || fail "$second $ind should be resolved"
summary=$(q "SELECT r.summary FROM report r JOIN deadline d ON d.id = r.deadline_id JOIN agency a ON a.id = d.agency_id
	WHERE a.code = 'XD-NN&MT' AND d.due_date = '2026-11-25' AND r.withdrawn = 0")
[[ $summary == *"households followed 2; support items 2 for 2 households, cash 4.200.000 đ; indicator statuses changed 1."* ]] ||
	fail "the report's summary is '$summary'"
# The same audit trail as the command line's submit: one report insert.
[ "$(q "SELECT count(*) FROM audit WHERE entity = 'report' AND action = 'insert' AND after_json LIKE '%2026-11-27%'")" -ge 1 ] ||
	fail "no audit row for the report"
passed
