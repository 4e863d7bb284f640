# submit and withdraw: recording, correcting and withdrawing submissions, audited.
# "Today" is 27/11/2026 (lib.sh).
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo
q() { sqlite3 "$DEMO" "$1"; }

# Two lead agencies that have not filed their November report (due 25/11).
open_nov=$(q "SELECT a.code FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id
  WHERE r.code = 'monthly' AND d.due_date = '2026-11-25'
  AND NOT EXISTS (SELECT 1 FROM report p WHERE p.deadline_id = d.id AND p.withdrawn = 0) ORDER BY a.code LIMIT 2")
A=$(sed -n 1p <<<"$open_nov")
B=$(sed -n 2p <<<"$open_nov")
[ -n "$A" ] && [ -n "$B" ] || fail "the demo should have two open November reports, has: $open_nov"
deadline_of() {
	q "SELECT d.id FROM deadline d JOIN deadline_rule r ON r.id = d.rule_id JOIN agency a ON a.id = d.agency_id
	   WHERE r.code = '$2' AND a.code = '$1' AND d.due_date = '$3'"
}
audit_count() { q "SELECT count(*) FROM audit WHERE entity = 'report' AND entity_id = $1 AND action = '$2'"; }

# Recorded today by default: two days after the 25th, so late.
run 0 gn --lang en --db "$DEMO" submit --agency "$A" --rule monthly --due 25/11/2026 --by "Nguyễn Thị Lan" \
	--summary "Kết quả tháng 11" --figures "3 hộ; tiền mặt 2.000.000 đ; 4 ngày công"
has "Recorded report "
has "$A, Monthly support results due 25/11/2026, dated 27/11/2026, by Nguyễn Thị Lan: submitted late."
id=$(q "SELECT max(id) FROM report")
[ "$(q "SELECT deadline_id, submitted_on, submitted_by, summary, content, withdrawn, version FROM report WHERE id = $id")" = \
  "$(deadline_of "$A" monthly 2026-11-25)|2026-11-27|Nguyễn Thị Lan|Kết quả tháng 11|3 hộ; tiền mặt 2.000.000 đ; 4 ngày công|0|1" ] ||
	fail "report $id is not stored as submitted: $(q "SELECT * FROM report WHERE id = $id")"
[ "$(audit_count "$id" insert)" = 1 ] || fail "the submission is not in the audit log"

# By deadline id, dated before the due date: on time; in Vietnamese by default.
did=$(deadline_of "$B" monthly 2026-11-25)
run 0 gn --db "$DEMO" submit --deadline "$did" --date 24/11/2026 --by "Trần Văn Bình"
has "Báo cáo kết quả hỗ trợ hằng tháng"
has "24/11/2026"
id_b=$(q "SELECT max(id) FROM report")
[ "$(q "SELECT submitted_on, submitted_by FROM report WHERE id = $id_b AND deadline_id = $did")" = "2026-11-24|Trần Văn Bình" ] ||
	fail "the submission by deadline id is not stored"

# deadlines shows the report ids in CSV and JSON.
run 0 gn --db "$DEMO" deadlines --agency "$A" --format csv
has "deadline_id,report_id"
has "2026-11-25,Báo cáo kết quả hỗ trợ hằng tháng,$A,late,2026-11-27,$(deadline_of "$A" monthly 2026-11-25),$id"
run 0 gn --db "$DEMO" deadlines --agency "$B" --format json
python3 -c 'import json,sys; r=[x for x in json.loads(sys.argv[1]) if x["due"] == "2026-11-25"]; assert r[0]["report_id"] == int(sys.argv[2]) and r[0]["status"] == "on_time", r' "$out" "$id_b"

# Already submitted: say so, and how to correct or withdraw.
run 1 gn --lang en --db "$DEMO" submit --agency "$A" --rule monthly --due 25/11/2026 --by "Ai đó"
has "$A has already submitted 'Monthly support results' due 25/11/2026: report $id, dated 27/11/2026, by Nguyễn Thị Lan."
has "giamngheo submit --correct $id"
has "giamngheo withdraw $id"
[ "$(q "SELECT count(*) FROM report WHERE deadline_id = $(deadline_of "$A" monthly 2026-11-25)")" = 1 ] || fail "a second report was stored"

# A correction: the date and the figures; optimistic version check; audited.
run 0 gn --lang en --db "$DEMO" submit --correct "$id" --version 1 --date 25/11/2026 --figures "3 hộ; 2.500.000 đ"
has "Corrected report $id (version 2): $A, Monthly support results due 25/11/2026, dated 25/11/2026, by Nguyễn Thị Lan: submitted on time."
[ "$(q "SELECT submitted_on, summary, content, version FROM report WHERE id = $id")" = "2026-11-25|Kết quả tháng 11|3 hộ; 2.500.000 đ|2" ] ||
	fail "the correction is not stored: $(q "SELECT * FROM report WHERE id = $id")"
[ "$(audit_count "$id" update)" = 1 ] || fail "the correction is not in the audit log"
[ "$(q "SELECT json_extract(before_json, '$.submitted_on') || ' ' || json_extract(after_json, '$.submitted_on')
  FROM audit WHERE entity = 'report' AND entity_id = $id AND action = 'update'")" = "2026-11-27 2026-11-25" ] ||
	fail "the audit row does not show the date before and after"
run 1 gn --lang en --db "$DEMO" submit --correct "$id" --version 1 --by "Người khác"
has "report $id was changed by"
has "now version 2"
[ "$(q "SELECT submitted_by FROM report WHERE id = $id")" = "Nguyễn Thị Lan" ] || fail "a stale correction was saved"
run 2 gn --db "$DEMO" submit --correct "$id"
run 2 gn --db "$DEMO" submit --correct "$id" --agency "$A" --by X
run 1 gn --db "$DEMO" submit --correct 999999 --by X
run 1 gn --db "$DEMO" submit --correct "$id" --date 28/11/2026

# Withdrawn: the deadline is open again (and remind says so); audited; a new submission may follow.
run 0 gn --lang en --db "$DEMO" withdraw "$id"
has "Withdrew report $id: $A, Monthly support results due 25/11/2026. The deadline is open again: overdue by 2 days."
[ "$(q "SELECT withdrawn, version FROM report WHERE id = $id")" = "1|3" ] || fail "the report is not withdrawn"
[ "$(audit_count "$id" update)" = 2 ] || fail "the withdrawal is not in the audit log"
[ "$(q "SELECT json_extract(after_json, '$.withdrawn') FROM audit WHERE entity = 'report' AND entity_id = $id ORDER BY id DESC LIMIT 1")" = 1 ] ||
	fail "the audit row does not show the withdrawal"
run 0 gn --lang en --db "$DEMO" deadlines --agency "$A" --open --from 25/11/2026 --to 25/11/2026
has "overdue by 2 days"
run 3 gn --lang en --db "$DEMO" remind --agency "$A"
has "25/11/2026  Monthly support results (overdue by 2 days): $A"
run 1 gn --lang en --db "$DEMO" withdraw "$id"
has "already withdrawn"
run 1 gn --lang en --db "$DEMO" submit --correct "$id" --by X
has "withdrawn"
run 0 gn --lang en --db "$DEMO" submit --agency "$A" --rule monthly --due 25/11/2026 --by "Nguyễn Thị Lan" --date 26/11/2026
has "submitted late"
[ "$(q "SELECT count(*) FROM report WHERE deadline_id = $(deadline_of "$A" monthly 2026-11-25)")" = 2 ] ||
	fail "the withdrawn report should stay beside the new one"

# Mistakes of the user (1) and of usage (2).
run 1 gn --lang en --db "$DEMO" submit --agency NOPE --rule monthly --due 25/11/2026 --by X
has "no agency with code 'NOPE'"
run 1 gn --lang en --db "$DEMO" submit --agency "$A" --rule nope --due 25/11/2026 --by X
has "no deadline rule with code 'nope'"
run 1 gn --lang en --db "$DEMO" submit --agency "$A" --rule monthly --due 24/11/2026 --by X
has "$A has no deadline 'monthly' due on 24/11/2026."
has "25/05/2026"
run 1 gn --lang en --db "$DEMO" submit --agency "$A" --rule monthly --due 25/10/2026 --by X --date 28/11/2026
has "after today"
run 1 gn --db "$DEMO" submit --deadline 999999 --by X
run 1 gn --lang en --db "$DEMO" submit --deadline "$did" --agency "$A" --by X
has "is $B's, not $A's"
run 1 gn --db "$DEMO" submit --agency "$A" --rule monthly --due 31/11/2026 --by X
run 2 gn --db "$DEMO" submit --agency "$A" --rule monthly --due 25/10/2026
run 2 gn --db "$DEMO" submit --agency "$A" --by X
run 2 gn --db "$DEMO" submit --agency "$A" --rule monthly --by X
run 2 gn --db "$DEMO" submit --deadline "$did" --rule monthly --due 25/11/2026 --by X
run 2 gn --db "$DEMO" submit --deadline abc --by X
run 2 gn --db "$DEMO" submit --version 2 --deadline "$did" --by X
run 2 gn --db "$DEMO" submit --agency "$A" --rule monthly --due 25/10/2026 --by X extra
run 2 gn --db "$DEMO" withdraw
run 2 gn --db "$DEMO" withdraw 1 2
run 2 gn --db "$DEMO" withdraw abc
run 1 gn --db "$DEMO" withdraw 999999
passed
