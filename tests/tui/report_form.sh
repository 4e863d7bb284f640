# The report submission form, headless on the demo ward: dates refused
# before anything is saved, a new submission, and a correction that leaves
# the same audit trail as `giamngheo submit --correct`.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

keys() { fresh_keys "$@"; }
reports=$(q "SELECT count(*) FROM report")

# ---- on the Deadlines screen, a on the first overdue deadline ----
keys '5a'
has 'Submit a report'
has '25/05/2026 HCCB — '
# Tomorrow, an impossible day, and no name: each refused with its message.
keys '5a<Tab><C-u>28/11/2026<Tab>'
has 'The date cannot be after today (27/11/2026).'
keys '5a<Tab><C-u>31/04/2026<F2>'
has 'The form has errors'
keys '5a<Tab><Tab><C-u><F2>'
has 'Enter who submitted the report.'
[ "$(q "SELECT count(*) FROM report")" = "$reports" ] || fail "a refused form saved a report"

# t is today; the deadline's status follows.
keys '5a<Tab><C-u>t<Tab><Tab>Đã nộp bản giấy<Tab>3 hộ, 4 khoản<F2>'
has 'Recorded report'
has 'HCCB, Monthly support results due 25/05/2026 — submitted late.'
row=$(q "SELECT r.submitted_on || '|' || r.summary || '|' || r.content FROM report r JOIN agency a ON a.id = r.agency_id
	JOIN deadline d ON d.id = r.deadline_id WHERE a.code = 'HCCB' AND d.due_date = '2026-05-25' AND r.withdrawn = 0")
[ "$row" = '2026-11-27|Đã nộp bản giấy|3 hộ, 4 khoản' ] || fail "stored as '$row'"
out=$(gn --lang en --db "$DEMO" deadlines --agency HCCB --format csv)
has '2026-05-25,Monthly support results,HCCB,late,2026-11-27'

# ---- the round's report, once filed, opens as a correction ----
gn --db "$DEMO" submit --agency 'XD-NN&MT' --rule monthly --due 25/11/2026 --by 'Chị Hương' \
	--summary 'Bản đầu' >/dev/null || fail "submit failed"
id=$(q "SELECT r.id FROM report r JOIN deadline d ON d.id = r.deadline_id WHERE d.due_date = '2026-11-25'
	AND r.agency_id = (SELECT id FROM agency WHERE code = 'XD-NN&MT') AND r.withdrawn = 0")
keys '3rnn'
has '<Enter>: open the submission to correct it'
keys '3rnn<Enter>'
has "Correct report $id — XD-NN&MT"
has 'Bản đầu'
keys '3rnn<Enter><Tab><Tab><Tab><C-k>Bản đã bổ sung<F2>'  # the summary shows from its start: C-k clears it
has "Corrected report $id"
[ "$(q "SELECT summary || '|' || version FROM report WHERE id = $id")" = 'Bản đã bổ sung|2' ] || fail "correction not saved"
# One insert and one update in the audit log, as the command line writes them.
[ "$(q "SELECT group_concat(action) FROM (SELECT action FROM audit WHERE entity = 'report' AND entity_id = $id ORDER BY id)")" = insert,update ] ||
	fail "audit rows for report $id: $(q "SELECT action FROM audit WHERE entity = 'report' AND entity_id = $id")"

# ---- w withdraws it, after asking; the command line sees the deadline open ----
# The last line of the agenda is the latest deadline done: XD-NN&MT's November.
keys '5Gw'
has "Withdraw report $id of XD-NN&MT due 25/11/2026? The deadline opens again. (y/n)"
keys '5Gwn'
[ "$(q "SELECT withdrawn FROM report WHERE id = $id")" = 0 ] || fail "n withdrew the report"
keys '5Gwy'
has "Withdrew report $id: the deadline is open again."
[ "$(q "SELECT withdrawn FROM report WHERE id = $id")" = 1 ] || fail "y did not withdraw the report"
out=$(gn --lang en --db "$DEMO" deadlines --agency 'XD-NN&MT' --format csv)
has '2026-11-25,Monthly support results,XD-NN&MT,overdue'
passed
