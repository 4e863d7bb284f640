# The plan's reports built from the data: each report's figures checked
# against the demo ward by SQL written here, independently of the program;
# CSV and .xlsx read back (BOM, Vietnamese text, totals); file names, atomic
# writes and the errors a clerk can make.
. "$TESTS_SRCDIR/cli/lib.sh"
export LC_ALL=C.UTF-8
make_demo
OUT="$TMP/out"
mkdir -p "$OUT"
cd "$OUT"

q() { sqlite3 "$DEMO" "$1"; }
# The message as the catalogue of the tests gives it: Vietnamese once translated.
vi() { LANGUAGE=vi TEXTDOMAINDIR="$GIAMNGHEO_LOCALEDIR" gettext giamngheo "$1"; }
xlsx() { python3 "$TESTS_SRCDIR/cli/read_xlsx.py" "$@"; }
# grid FILE: a CSV or .xlsx report's cells, one row per line, tab-separated.
grid() {
	case "$1" in
	*.xlsx) xlsx "$1" ;;
	*) python3 -c 'import csv, sys
for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")):
    print("\t".join(r))' "$1" ;;
	esac
}
# cell GRID HEADING LABEL N: the Nth cell of the first row labelled LABEL
# after the row HEADING (a section heading or a sentence before a table).
cell() { awk -F'\t' -v h="$2" -v l="$3" -v c="$4" '$1 == h { s = 1; next } s && $1 == l { print $c; exit }' "$1"; }
# between GRID START STOP: the rows after START up to the next row labelled STOP.
between() { awk -F'\t' -v a="$2" -v b="$3" '$1 == a { s = 1; next } s && $1 == b { exit } s' "$1"; }
# same WHAT GOT WANT
same() { [ "$2" = "$3" ] || fail "$1: report says '$2', the data says '$3'"; }

STD="(SELECT current_standard_id FROM ward WHERE id = 1)"
# When a deprivation was resolved: the day the last delivered support aimed
# at it arrived, else the day its status was last written.
RESOLVED="WITH resolved AS (SELECT hi.household_id AS hid, hi.indicator_id AS iid,
  coalesce((SELECT max(s.actual_date) FROM support_item s WHERE s.household_id = hi.household_id
  AND s.indicator_id = hi.indicator_id AND s.status = 'delivered' AND s.deleted = 0),
  substr(hi.updated_at, 1, 10)) AS day FROM household_indicator hi
  JOIN indicator i ON i.id = hi.indicator_id JOIN household h ON h.id = hi.household_id
  WHERE hi.status = 'resolved' AND h.deleted = 0 AND i.standard_id = $STD)"
DELIVERED="support_item s JOIN household h ON h.id = s.household_id
  WHERE s.deleted = 0 AND h.deleted = 0 AND s.status = 'delivered'"

# ---- the year-end report (to 30/11), CSV, in English ----
FROM=2026-01-01 TO=2026-11-30
run 0 gn --lang en --db "$DEMO" report year-end --format csv
[ "$out" = "bao-cao-cuoi-nam-2026.csv" ] || fail "year-end CSV: printed '$out'"
[ -f bao-cao-cuoi-nam-2026.csv ] || fail "year-end CSV not written"
grid bao-cao-cuoi-nam-2026.csv >ye.tsv
T="Against the targets"
exited=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND exit_date BETWEEN '$FROM' AND '$TO'")
later=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND class <> 'poor' AND exit_date > '$TO' AND exit_date <= '2026-12-31'")
poor=$(q "SELECT count(*) + $later FROM household WHERE deleted = 0 AND class = 'poor'")
supported=$(q "SELECT count(DISTINCT s.household_id) FROM $DELIVERED AND s.actual_date BETWEEN '$FROM' AND '$TO'")
[ "$exited" -gt 0 ] || fail "the demo should have households out of poverty by 30/11"
same "exited" "$(cell ye.tsv "$T" "Households out of poverty" 2)" "$exited"
same "still poor" "$(cell ye.tsv "$T" "Poor households still" 2)" "$poor"
same "supported" "$(cell ye.tsv "$T" "Households supported (help delivered this year)" 2)" "$supported"
same "ward plan target" "$(cell ye.tsv "$T" "Households out of poverty" 3)" "$(q "SELECT plan_exit_households FROM ward")"
same "province target" "$(cell ye.tsv "$T" "Households out of poverty" 4)" \
	"$(q "SELECT baseline_poor - total_households * province_rate_to_bp / 10000 FROM ward")"
same "province target, poor" "$(cell ye.tsv "$T" "Poor households still" 4)" \
	"$(q "SELECT total_households * province_rate_to_bp / 10000 FROM ward")"

R="Resources mobilised, by source"
IFS='|' read -r items cash kind days loans <<<"$(q "SELECT count(*), total(s.cash), total(s.in_kind_value),
  total(s.person_days), total(s.loan_principal) FROM $DELIVERED AND s.actual_date BETWEEN '$FROM' AND '$TO'")"
strip() { printf '%s' "${1%.0}"; }
same "resources: items" "$(cell ye.tsv "$R" Total 2)" "$items"
same "resources: cash" "$(cell ye.tsv "$R" Total 4)" "$(strip "$cash")"
same "resources: in kind" "$(cell ye.tsv "$R" Total 5)" "$(strip "$kind")"
same "resources: cash and in kind" "$(cell ye.tsv "$R" Total 6)" "$(q "SELECT CAST($cash + $kind AS INTEGER)")"
same "resources: person-days" "$(cell ye.tsv "$R" Total 7)" "$(strip "$days")"
same "resources: loans" "$(cell ye.tsv "$R" Total 8)" "$(strip "$loans")"
same "resources: state budget" "$(cell ye.tsv "$R" "state budget" 4)" \
	"$(q "SELECT CAST(total(s.cash) AS INTEGER) FROM $DELIVERED AND s.fund_source = 'budget' AND s.actual_date BETWEEN '$FROM' AND '$TO'")"

D="Deprivations resolved, by indicator"
resolved=$(q "$RESOLVED SELECT count(*) FROM resolved WHERE day BETWEEN '$FROM' AND '$TO'")
[ "$resolved" -gt 0 ] || fail "the demo should have deprivations resolved this year"
same "resolved" "$(cell ye.tsv "$D" Total 2)" "$resolved"
same "resolved 2.2" "$(cell ye.tsv "$D" "2.2 Health insurance" 2)" \
	"$(q "$RESOLVED SELECT count(*) FROM resolved JOIN indicator i ON i.id = iid WHERE i.code = '2.2' AND day BETWEEN '$FROM' AND '$TO'")"
same "still deprived" "$(cell ye.tsv "$D" Total 3)" "$(q "$RESOLVED SELECT count(*) FROM household_indicator hi
  JOIN indicator i ON i.id = hi.indicator_id JOIN household h ON h.id = hi.household_id
  WHERE i.standard_id = $STD AND h.deleted = 0 AND h.targeted AND (hi.status IN ('deprived','addressing')
  OR EXISTS (SELECT 1 FROM resolved WHERE hid = h.id AND iid = i.id AND day > '$TO'))")"

A="Reporting record of the agencies as of 30/11/2026"
LIVE="deadline d JOIN agency a ON a.id = d.agency_id WHERE a.deleted = 0"
FILED="EXISTS (SELECT 1 FROM report r WHERE r.deadline_id = d.id AND r.withdrawn = 0 AND r.submitted_on <= '$TO'"
same "reports due" "$(cell ye.tsv "$A" Total 3)" "$(q "SELECT count(*) FROM $LIVE AND d.due_date <= '$TO'")"
same "on time" "$(cell ye.tsv "$A" Total 4)" "$(q "SELECT count(*) FROM $LIVE AND $FILED AND r.submitted_on <= d.due_date)")"
same "late" "$(cell ye.tsv "$A" Total 5)" "$(q "SELECT count(*) FROM $LIVE AND $FILED AND r.submitted_on > d.due_date)")"
same "overdue" "$(cell ye.tsv "$A" Total 6)" "$(q "SELECT count(*) FROM $LIVE AND d.due_date < '$TO' AND NOT $FILED)")"

X="Households out of poverty this year, to watch for re-poverty"
same "exited households" "$(between ye.tsv "$X" "Their residential groups follow them for three years as newly out of poverty." |
	awk -F'\t' '$1 ~ /^SC-/ { print $1 }' | paste -sd' ')" \
	"$(q "SELECT code FROM household WHERE deleted = 0 AND exit_date BETWEEN '$FROM' AND '$TO' ORDER BY exit_date, code" | paste -sd' ')"

# The CSV itself: a byte-order mark, CRLF everywhere, every record as wide.
[ "$(head -c 3 bao-cao-cuoi-nam-2026.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "CSV without a UTF-8 BOM"
lines=$(wc -l <bao-cao-cuoi-nam-2026.csv)
[ "$(grep -c $'\r$' bao-cao-cuoi-nam-2026.csv)" = "$lines" ] || fail "CSV lines must end in CRLF"
python3 -c 'import csv, sys
w = {len(r) for r in csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""))}
sys.exit(len(w) != 1)' bao-cao-cuoi-nam-2026.csv || fail "CSV records of different widths"

# ---- the half-year report (to 30/6) ----
run 0 gn --lang en --db "$DEMO" report half-year --format csv --output "$OUT/"
[ "$out" = "$OUT/bao-cao-6-thang-2026.csv" ] || fail "half-year: printed '$out'"
grid bao-cao-6-thang-2026.csv >hy.tsv
FROM=2026-01-01 TO=2026-06-30
same "half-year exited" "$(cell hy.tsv "$T" "Households out of poverty" 2)" \
	"$(q "SELECT count(*) FROM household WHERE deleted = 0 AND exit_date BETWEEN '$FROM' AND '$TO'")"
# Households that left after 30/6 were still poor then.
same "half-year still poor" "$(cell hy.tsv "$T" "Poor households still" 2)" \
	"$(q "SELECT count(*) FROM household WHERE deleted = 0 AND (class = 'poor' OR (exit_date > '$TO' AND exit_date <= '2026-12-31'))")"
same "half-year cash" "$(cell hy.tsv "$R" Total 4)" \
	"$(q "SELECT CAST(total(s.cash) AS INTEGER) FROM $DELIVERED AND s.actual_date BETWEEN '$FROM' AND '$TO'")"
same "half-year resolved" "$(cell hy.tsv "$D" Total 2)" \
	"$(q "$RESOLVED SELECT count(*) FROM resolved WHERE day BETWEEN '$FROM' AND '$TO'")"

# ---- a lead agency's monthly report ----
# check_monthly AGENCY YYYY-MM: every figure of its report for that month.
check_monthly() {
	local ag=$1 ym=$2 m1 m2 n1 n2 mm led slug delivered items cash kind days
	m1="$ym-01"
	m2=$(q "SELECT date('$m1', '+1 month', '-1 day')")
	n1=$(q "SELECT date('$m1', '+1 month')")
	n2=$(q "SELECT date('$m1', '+2 month', '-1 day')")
	mm="${ym#*-}/${ym%-*}"
	run 0 gn --lang en --db "$DEMO" report monthly --agency "$ag" --month "$mm" --format csv
	slug=$(printf '%s' "$ag" | tr -c 'A-Za-z0-9\n' '-')
	[ "$out" = "bao-cao-thang-${ym#*-}-${ym%-*}-$slug.csv" ] || fail "monthly: printed '$out'"
	grid "$out" >mo.tsv
	led="JOIN assignment a ON a.household_id = h.id AND a.role = 'lead' JOIN agency g ON g.id = a.agency_id AND g.code = '$ag'"
	same "$ag $mm households" "$(between mo.tsv "Households it leads" Total | awk -F'\t' '$1 ~ /^SC-/ { print $1 }' | paste -sd' ')" \
		"$(q "SELECT h.code FROM household h $led WHERE h.deleted = 0 ORDER BY h.code" | paste -sd' ')"
	same "$ag $mm deprivations left" "$(cell mo.tsv "Households it leads" Total 5)" \
		"$(q "SELECT count(*) FROM household h $led JOIN household_indicator hi ON hi.household_id = h.id
	  JOIN indicator i ON i.id = hi.indicator_id WHERE h.deleted = 0 AND i.standard_id = $STD
	  AND hi.status IN ('deprived','addressing')")"
	delivered="support_item s JOIN household h ON h.id = s.household_id $led WHERE s.deleted = 0
	  AND h.deleted = 0 AND s.status = 'delivered' AND s.actual_date BETWEEN '$m1' AND '$m2'"
	IFS='|' read -r items cash kind days <<<"$(q "SELECT count(*), CAST(total(s.cash) AS INTEGER),
	  CAST(total(s.in_kind_value) AS INTEGER), CAST(total(s.person_days) AS INTEGER) FROM $delivered")"
	if [ "$items" = 0 ]; then
		between mo.tsv "Support delivered in $mm" "Deprivations resolved in $mm" >mo-none.tsv
		grep -qF "No support was delivered to its households this month." mo-none.tsv ||
			fail "$ag $mm: a month without support should say so"
	else
		same "$ag $mm items by kind" "$(cell mo.tsv "By kind of support:" Total 2)" "$items"
		same "$ag $mm cash by kind" "$(cell mo.tsv "By kind of support:" Total 4)" "$cash"
		same "$ag $mm in kind by kind" "$(cell mo.tsv "By kind of support:" Total 5)" "$kind"
		same "$ag $mm person-days by kind" "$(cell mo.tsv "By kind of support:" Total 7)" "$days"
		same "$ag $mm cash by source" "$(cell mo.tsv "By source of funds:" Total 4)" "$cash"
		same "$ag $mm items" "$(between mo.tsv "Item by item:" Total | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}')" "$items"
		same "$ag $mm items: cash" "$(cell mo.tsv "Item by item:" Total 7)" "$cash"
	fi
	same "$ag $mm resolved" "$(between mo.tsv "Deprivations resolved in $mm" "Next steps: support planned for $(q "SELECT strftime('%m/%Y', '$n1')")" |
		grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}' || true)" \
		"$(q "$RESOLVED SELECT count(*) FROM resolved JOIN household h ON h.id = hid $led WHERE day BETWEEN '$m1' AND '$m2'")"
	same "$ag $mm next steps" "$(awk -F'\t' '/^Next steps/ { s = 1 } s' mo.tsv | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}' || true)" \
		"$(q "SELECT count(*) FROM support_item s JOIN household h ON h.id = s.household_id $led WHERE s.deleted = 0
	  AND h.deleted = 0 AND s.status IN ('planned','in_progress') AND s.planned_date BETWEEN '$n1' AND '$n2'")"
}
# The agency and month with the most support delivered, and the agency and
# month before the most support planned, so that neither check is empty.
IFS='|' read -r AG YM <<<"$(q "SELECT g.code, substr(s.actual_date, 1, 7) FROM support_item s
  JOIN assignment a ON a.household_id = s.household_id AND a.role = 'lead' JOIN agency g ON g.id = a.agency_id
  WHERE s.status = 'delivered' AND s.deleted = 0 GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1")"
check_monthly "$AG" "$YM"
MM="${YM#*-}/${YM%-*}"
IFS='|' read -r AG2 YM2 <<<"$(q "SELECT g.code, strftime('%Y-%m', s.planned_date, '-1 month') FROM support_item s
  JOIN assignment a ON a.household_id = s.household_id AND a.role = 'lead' JOIN agency g ON g.id = a.agency_id
  WHERE s.status IN ('planned','in_progress') AND s.deleted = 0 GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1")"
check_monthly "$AG2" "$YM2"

# An agency that leads no household: a report that says so, no totals.
EMPTY=$(q "SELECT code FROM agency WHERE deleted = 0 AND id NOT IN (SELECT agency_id FROM assignment
  WHERE role = 'lead') ORDER BY id LIMIT 1")
run 0 gn --lang en --db "$DEMO" report monthly --agency "$EMPTY" --month 05/2026
has "Lead agency: $EMPTY"
has "This agency leads no household."
has "No support was delivered to its households this month."
lacks "Total"
run 0 gn --lang en --db "$DEMO" report monthly --agency "$EMPTY" --month 05/2026 --format csv
[[ "$out" =~ ^bao-cao-thang-05-2026-[A-Z0-9-]+\.csv$ ]] || fail "file name must be ASCII: '$out'"

# ---- the support plans (due 10/6) ----
ASSIGNED="household h WHERE h.deleted = 0 AND EXISTS (SELECT 1 FROM assignment a WHERE a.household_id = h.id)"
run 0 gn --lang en --db "$DEMO" report plan --format csv
[ "$out" = "phuong-an-ho-tro-2026.csv" ] || fail "plan: printed '$out'"
grid phuong-an-ho-tro-2026.csv >pl.tsv
P="Households and their plans"
same "plan households" "$(between pl.tsv "$P" Total | grep -c '^SC-')" "$(q "SELECT count(*) FROM $ASSIGNED")"
same "plan deprivations" "$(cell pl.tsv "$P" Total 5)" "$(q "SELECT count(*) FROM household_indicator hi
  JOIN indicator i ON i.id = hi.indicator_id WHERE i.standard_id = $STD
  AND hi.status IN ('deprived','addressing','resolved') AND hi.household_id IN (SELECT id FROM $ASSIGNED)")"
same "plan items" "$(cell pl.tsv "$P" Total 6)" "$(q "SELECT count(*) FROM support_item WHERE deleted = 0
  AND status <> 'cancelled' AND household_id IN (SELECT id FROM $ASSIGNED)")"
same "plan cash" "$(cell pl.tsv "$P" Total 7)" "$(q "SELECT total(cash) FROM support_item WHERE deleted = 0
  AND status <> 'cancelled' AND household_id IN (SELECT id FROM $ASSIGNED)" | sed 's/\.0$//')"
run 0 gn --lang en --db "$DEMO" report plan --agency HPN --format text --output "$OUT"
[ "$out" = "$OUT/phuong-an-ho-tro-2026-HPN.txt" ] || fail "plan text: printed '$out'"
n_hpn=$(q "SELECT count(DISTINCT a.household_id) FROM assignment a JOIN agency g ON g.id = a.agency_id
  JOIN household h ON h.id = a.household_id WHERE g.code = 'HPN' AND h.deleted = 0")
same "plan of HPN" "$(grep -cE '^SC-[0-9]+ — ' "$out")" "$n_hpn"

# ---- plain text: columns aligned on screen columns, Vietnamese marks take none ----
run 0 gn --lang en --db "$DEMO" report year-end
has "Year-end report on the poverty-reduction plan, 2026"
has "30/11/2026"
printf '%s\n' "$out" >ye.txt
python3 - ye.txt "$A" <<'PY' || fail "text: the agencies' table is not aligned"
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
i = lines.index(sys.argv[2])
table = lines[i + 2:]
table = table[:next(k for k, l in enumerate(table) if l == "")]
width = lambda s: sum(0 if unicodedata.combining(c) else 1 for c in unicodedata.normalize("NFC", s))
widths = {width(l) for l in table}
# The last column is right-aligned: every line, rules included, ends at the same column.
sys.exit(0 if len(widths) == 1 and len(table) > 3 else 1)
PY
grep -q "đ" ye.txt || fail "text: money without đ"
grep -qE '[0-9]{1,3}(\.[0-9]{3})+ đ' ye.txt || fail "text: money must read like 1.500.000 đ"

# ---- in Vietnamese (the default): CSV and .xlsx read back ----
run 0 gn --db "$DEMO" report year-end --format csv --output "$OUT/ye-vi.csv"
grid ye-vi.csv >yv.tsv
grep -qF "Hội Liên hiệp Phụ nữ phường" yv.tsv || fail "CSV: Vietnamese agency name damaged"
grep -qF "2.2 Bảo hiểm y tế" yv.tsv || fail "CSV: Vietnamese indicator name damaged"
grep -qF "$(vi 'Head of household')	$(vi TDP)	$(vi 'Exit date')" yv.tsv || fail "CSV: headers not in the user's language"
[ "$(vi 'Head of household')" = "Chủ hộ" ] || fail "the catalogue should translate 'Head of household'"
same "CSV (vi) cash" "$(cell yv.tsv "$(vi "$R")" "$(vi Total)" 4)" "$(cell ye.tsv "$R" Total 4)"

run 0 gn --db "$DEMO" report year-end --format xlsx
[ "$out" = "bao-cao-cuoi-nam-2026.xlsx" ] || fail "year-end xlsx: printed '$out'"
python3 -c 'import zipfile, sys; zipfile.ZipFile(sys.argv[1]).testzip() is None or sys.exit(1)' "$out" ||
	fail "xlsx: not a sound zip file"
grid bao-cao-cuoi-nam-2026.xlsx >yx.tsv
same "xlsx sheet name" "$(xlsx bao-cao-cuoi-nam-2026.xlsx sheets)" "$(vi Report)"
grep -qF "$(vi 'Head of household')	$(vi TDP)	$(vi 'Exit date')" yx.tsv || fail "xlsx: headers not in the user's language"
grep -qF "Hội Liên hiệp Phụ nữ phường" yx.tsv || fail "xlsx: Vietnamese agency name damaged"
grep -qF "Phường Sông Công" yx.tsv || fail "xlsx: Vietnamese ward name damaged"
same "xlsx cash" "$(cell yx.tsv "$(vi "$R")" "$(vi Total)" 4)" "$(cell ye.tsv "$R" Total 4)"
same "xlsx resolved" "$(cell yx.tsv "$(vi "$D")" "$(vi Total)" 2)" "$resolved"
same "xlsx exited" "$(cell yx.tsv "$(vi "$T")" "$(vi "Households out of poverty")" 2)" "$exited"
# The totals are SUM formulas over the rows above, carrying their value,
# and the money cells wear the đồng format.
xlsx bao-cao-cuoi-nam-2026.xlsx formulas >yx.formulas
xlsx bao-cao-cuoi-nam-2026.xlsx formats >yx.formats
cash_total=$(cell ye.tsv "$R" Total 4)
sum_cell=$(awk -F'\t' -v v="$cash_total" '$3 == v && $2 ~ /^SUM\(D[0-9]+:D[0-9]+\)$/ { print $1; exit }' yx.formulas)
[ -n "$sum_cell" ] || fail "xlsx: no SUM formula with the cash total $cash_total"
grep -qxF "$sum_cell	#,##0 \"đ\"" yx.formats || fail "xlsx: $sum_cell lacks the đồng format"
[ "$(grep -c 'SUM(' yx.formulas)" -ge 10 ] || fail "xlsx: too few SUM formulas"
[ "$(xlsx bao-cao-cuoi-nam-2026.xlsx widths | wc -l)" -ge 6 ] || fail "xlsx: column widths not set"
grep -q 'dd/mm/yyyy' yx.formats || fail "xlsx: dates not formatted as dates"

# ---- a name that looks like a formula stays text ----
sqlite3 "$DEMO" ".backup '$TMP/evil.db'"
evil=$(sqlite3 "$TMP/evil.db" "SELECT h.code FROM household h JOIN assignment a ON a.household_id = h.id
  AND a.role = 'lead' JOIN agency g ON g.id = a.agency_id WHERE g.code = '$AG' ORDER BY h.code LIMIT 1")
sqlite3 "$TMP/evil.db" "UPDATE household SET head_name = '=HYPERLINK(\"http://x\",\"y\")' WHERE code = '$evil'"
run 0 gn --db "$TMP/evil.db" report monthly --agency "$AG" --month "$MM" --format csv --output evil.csv
grep -qF "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" evil.csv || fail "CSV: a formula-like cell must get an apostrophe and RFC 4180 quotes"
run 0 gn --db "$TMP/evil.db" report monthly --agency "$AG" --month "$MM" --format xlsx --output evil.xlsx
xlsx evil.xlsx >evil.tsv
xlsx evil.xlsx formulas >evil.formulas
grep -qF '=HYPERLINK("http://x","y")' evil.tsv || fail "xlsx: the name should be kept as text"
! grep -q HYPERLINK evil.formulas || fail "xlsx: a name became a formula"

# ---- the Reports screen (6): Enter on the year-end report shows it ----
GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS='6<Down><Enter>' gn --lang en --db "$DEMO" >screen.txt 2>screen.err ||
	fail "reports screen: $(cat screen.err)"
grep -q "Year-end report on the poverty-reduction plan, 2026" screen.txt || fail "reports screen: the year-end report is not shown:
$(cat screen.txt)"
grep -q "giamngheo report year-end --format xlsx" screen.txt || fail "reports screen: no export command"
same "screen: exited" "$(awk '/^Households out of poverty / { print $5; exit }' screen.txt)" "$exited"
GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS='6<Enter><Esc>' gn --lang en --db "$DEMO" >screen.txt 2>screen.err ||
	fail "reports screen: $(cat screen.err)"
grep -q "Reports built from the data" screen.txt || fail "reports screen: Esc should return to the list"
grep -qE "^  ▸ [0-9]{2}/2026  $AG " screen.txt || fail "reports screen: the monthly reports of $AG are not listed"

# ---- what a clerk can get wrong ----
run 2 gn --lang en --db "$DEMO" report monthly --agency HPN --month 13/2026
has "13/2026"
has "The month must be between 1 and 12."
run 2 gn --lang en --db "$DEMO" report monthly --agency HPN --month 2026-05
has "mm/yyyy"
run 2 gn --lang en --db "$DEMO" report monthly --month 05/2026
has "--agency"
run 1 gn --lang en --db "$DEMO" report monthly --agency NOPE --month 05/2026
has "NOPE"
run 2 gn --lang en --db "$DEMO" report half-year --month 05/2026
run 2 gn --lang en --db "$DEMO" report year-end --agency HPN
run 2 gn --lang en --db "$DEMO" report
run 2 gn --lang en --db "$DEMO" report quarterly
run 2 gn --lang en --db "$DEMO" report year-end --format pdf
run 2 gn --lang en --db "$DEMO" report year-end --format xlsx --output -
run 1 gn --lang en --db "$DEMO" report year-end --format csv --output "$OUT/no/such/dir/x.csv"
run 0 gn --lang en --db "$DEMO" report --help
has "half-year"

# Written atomically: nothing half-made is left beside the reports.
leftovers=$(find "$OUT" -name '.*' ! -name .)
[ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
passed
