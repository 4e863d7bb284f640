# The full-screen app drawn headless (GIAMNGHEO_HEADLESS=100x30) on the demo
# ward at the fixed date: every screen is compared with its snapshot in
# tests/tui/snapshots/NAME.txt (a unified diff on a mismatch), and a few facts
# are checked against the data independently of the snapshots.
#
# UPDATE_SNAPSHOTS=1 rewrites the snapshots instead of comparing; read every
# changed one before committing it: a snapshot is only as right as its reader.
. "$TESTS_SRCDIR/cli/lib.sh"
SNAPSHOTS="$TESTS_SRCDIR/tui/snapshots"
export LC_ALL=C.UTF-8
make_demo
# The menu bar names the user: a fixed login keeps the snapshots the same
# whoever runs them.
gn --db "$DEMO" users add officer --role admin >/dev/null
export GIAMNGHEO_USER=officer

# screen KEYS [OPTION...]: the final screen after KEYS, at 100x30 unless
# SIZE says otherwise; the exit status and stderr are checked.
screen() {
	local keys=$1 rc=0
	shift
	GIAMNGHEO_HEADLESS=${SIZE:-100x30} GIAMNGHEO_KEYS=$keys gn "$@" --db "$DEMO" \
		>"$TMP/screen.out" 2>"$TMP/screen.err" || rc=$?
	[ "$rc" = 0 ] || fail "keys '$keys': exit status $rc; stderr:
$(cat "$TMP/screen.err")"
	[ ! -s "$TMP/screen.err" ] || fail "keys '$keys': unexpected stderr:
$(cat "$TMP/screen.err")"
	cat "$TMP/screen.out"
}

# A screen is exactly ROWS lines of at most COLS columns.
check_size() {
	local name=$1 file=$2 cols=$3 rows=$4 lines width
	lines=$(wc -l <"$file")
	width=$(wc -L <"$file")
	[ "$lines" = "$rows" ] || fail "$name: $lines lines, expected $rows"
	[ "$width" -le "$cols" ] || fail "$name: a line is $width columns wide, more than $cols"
}

mismatches=0
# snapshot NAME KEYS [OPTION...]
snapshot() {
	local name=$1 keys=$2 expected="$SNAPSHOTS/$1.txt" actual="$TMP/$1.txt"
	shift 2
	screen "$keys" "$@" >"$actual"
	check_size "$name" "$actual" 100 30
	if [ "${UPDATE_SNAPSHOTS:-}" = 1 ]; then
		mkdir -p "$SNAPSHOTS"
		cp "$actual" "$expected"
		printf 'updated %s\n' "$expected"
	elif [ ! -f "$expected" ]; then
		printf 'MISSING snapshot %s (keys %s); the screen was:\n' "$expected" "$keys"
		cat "$actual"
		mismatches=$((mismatches + 1))
	elif ! diff -u --label "snapshots/$name.txt" --label "actual (keys: $keys $*)" \
		"$expected" "$actual"; then
		mismatches=$((mismatches + 1))
	fi
}

snapshot dashboard ''
snapshot dashboard-en '' --lang en
snapshot households '2'
snapshot households-search '2/huong<Enter>'
snapshot household '2<Enter>'
snapshot agencies '3'
snapshot support '4'
snapshot deadlines-agenda '5'
snapshot deadlines-calendar '5<Tab>'
snapshot deadlines-matrix '5<Tab><Tab>'
snapshot reports '6'
snapshot help '?'
snapshot menu '<F9>'
snapshot agency-form '3a<F2>'
snapshot staff-form '3<Enter>e<Down><Down><Down><Down><Down><Enter>'
snapshot round '3r<Down>'
snapshot round-summary '3rnn'
snapshot report-form '5a'
snapshot household-form '2e'
snapshot member-form '2e<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Enter>'
snapshot support-form '2<Enter>a'
snapshot assign-form '2<Down><Down><Enter>A'
# Importing from the app: the path asked, then the check of a clean file and
# of one with problems (under HOME, so the path shown is the same everywhere).
mkdir -p "$TMP/home"
cp "$TESTS_SRCDIR/import/ho-ngheo-mau.csv" "$TESTS_SRCDIR/import/ho-ngheo-loi.csv" "$TMP/home/"
HOME="$TMP/home" snapshot import-path '2I~/ho-ngheo-loi.csv'
HOME="$TMP/home" snapshot import-check '2I~/ho-ngheo-mau.csv<Enter>'
HOME="$TMP/home" snapshot import-problems '2I~/ho-ngheo-loi.csv<Enter>'
[ "$mismatches" = 0 ] || fail "$mismatches screen(s) differ from their snapshots (UPDATE_SNAPSHOTS=1 rewrites them)"

# ---- facts, checked against the data rather than against a snapshot ----

# Households counted in sqlite.
q() { sqlite3 "$DEMO" "$1"; }
total=$(q "SELECT count(*) FROM household WHERE deleted = 0")
line3() { sed -n 3p "$TMP/$1.txt"; }
# The first number in the list's header is the count of households matching.
count_in() { line3 "$1" | grep -oE '[0-9]+' | head -1; }
[ "$(count_in households)" = "$total" ] || fail "households header should count $total: $(line3 households)"

# Dashboard: households out of poverty this year / the ward plan's target.
exited=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND exit_date LIKE '2026-%'")
plan=$(q "SELECT plan_exit_households FROM ward")
[ "$exited/$plan" = 3/15 ] || fail "the demo ward should have 3 of 15 out of poverty, has $exited/$plan"
for name in dashboard dashboard-en; do
	grep -q "  $exited / $plan\$" "$TMP/$name.txt" || fail "$name: no '$exited / $plan' progress"
done
poor=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND class = 'poor'")
near=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND class = 'near_poor'")
targeted=$(q "SELECT count(*) FROM household WHERE deleted = 0 AND targeted = 1")
grep -q "Poor households: $poor now (38 at the end of last year) of 5,350\$" \
	"$TMP/dashboard-en.txt" || fail "dashboard-en: the poor households line is wrong"
grep -q "Near-poor: $near; targeted to exit this year: $targeted\$" \
	"$TMP/dashboard-en.txt" || fail "dashboard-en: the near-poor/targeted line is wrong"
grep -q "Next deadlines" "$TMP/dashboard-en.txt" || fail "dashboard-en is not in English"
grep -q "Next deadlines" "$TMP/dashboard.txt" && fail "dashboard is not in Vietnamese"

# Search: the same households as the command line finds, and exactly those
# with a head or member named Hương/Hường (folded with Python, not the app).
cli_codes=$(gn --db "$DEMO" households --search huong --format csv | tail -n +2 | cut -d, -f1)
n_cli=$(printf '%s\n' "$cli_codes" | grep -c .)
named=$(sqlite3 -separator '|' "$DEMO" "SELECT h.code, h.head_name FROM household h WHERE h.deleted = 0
	UNION ALL SELECT h.code, m.full_name FROM member m JOIN household h ON h.id = m.household_id
	WHERE m.deleted = 0 AND h.deleted = 0" | python3 -c '
import sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()
codes = set()
for line in sys.stdin:
    code, name = line.rstrip("\n").split("|", 1)
    if any(w.startswith("huong") for w in fold(name).split()):
        codes.add(code)
print("\n".join(sorted(codes)))
')
[ "$cli_codes" = "$named" ] || fail "households --search huong finds
$cli_codes
but the households with a Hương/Hường are
$named"
[ "$n_cli" -ge 5 ] || fail "too few Hương households in the demo: $n_cli"
[ "$(count_in households-search)" = "$n_cli" ] ||
	fail "searched list header should count $n_cli: $(line3 households-search)"
grep -q ": huong\$" <<<"$(line3 households-search)" || fail "the search text is not in the header: $(line3 households-search)"
grep -q "▏" <<<"$(line3 households-search)" && fail "Enter should close the search box: $(line3 households-search)"
# The list rows (line 5 on) are the household codes, in order.
list_codes() { sed -n '5,29p' "$1" | grep -o '^SC-[0-9]*' || true; }
[ "$(list_codes "$TMP/households-search.txt")" = "$cli_codes" ] || fail "the searched list shows
$(list_codes "$TMP/households-search.txt")
expected
$cli_codes"

# Typing Hương precomposed (NFC) or decomposed (NFD, as separate code points)
# finds the same households, and the header shows it precomposed; Esc leaves
# the search box and clears the search.
nfc=$'H\xc6\xb0\xc6\xa1ng'
nfd=$'Hu\xcc\x9bo\xcc\x9bng'
for typed in "$nfc" "$nfd" HUONG; do
	screen "2/$typed" >"$TMP/typed.txt"
	[ "$(list_codes "$TMP/typed.txt")" = "$cli_codes" ] || fail "typing '$typed' lists
$(list_codes "$TMP/typed.txt")"
	shown=$typed
	[ "$typed" = HUONG ] || shown=$nfc
	[[ $(line3 typed) == *": $shown▏" ]] || fail "the header does not echo '$typed' with the caret: $(line3 typed)"
done
screen '2/huong<Esc>' >"$TMP/esc.txt"
diff -u "$TMP/households.txt" "$TMP/esc.txt" || fail "Esc in the search box should clear the search"
# Backspace removes a whole character, combining marks included: Hương
# typed decomposed, less g, n and ơ, is Hư.
screen "2/${nfd}<Backspace><Backspace><Backspace>" >"$TMP/bs.txt"
[[ $(line3 bs) == *$': H\xc6\xb0▏' ]] || fail "Backspace after NFD input: $(line3 bs)"

# Detail of the first household: its code, and the 12 indicator cells of the
# current standard as the command line reports them.
first=$(gn --db "$DEMO" households --format csv | sed -n 2p)
code=${first%%,*}
want_cells=$(cut -d, -f6 <<<"$first")
grep -q "$code" <(head -1 "$TMP/household.txt") || fail "the detail title does not name $code"
cells=$(grep -E '^  [X~+.] [0-9]\.[0-9] ' "$TMP/household.txt" | head -12 | cut -c3 | tr -d '\n')
[ "$cells" = "$want_cells" ] || fail "$code detail shows indicator cells '$cells', expected '$want_cells'"

# Agencies: each row's households led and supported and reports on time,
# late and overdue are those of the command line.
gn --db "$DEMO" agencies --format csv >"$TMP/agencies.csv"
gn --db "$DEMO" deadlines --format csv >"$TMP/deadlines.csv"
sqlite3 "$DEMO" "SELECT count(*), sum(cash), sum(in_kind_value) FROM support_item WHERE deleted = 0" \
	>"$TMP/support.sum"
python3 - "$TMP" <<'PY' || fail "the screens disagree with the data (above)"
import csv, os, re, sys
from collections import Counter, defaultdict
tmp = sys.argv[1]
def screen(name):
    return open(os.path.join(tmp, name + ".txt"), encoding="utf-8").read().split("\n")
bad = []
def money(n):
    return "{:,}".format(int(n)).replace(",", ".") + " đ"

agencies = list(csv.DictReader(open(os.path.join(tmp, "agencies.csv"), encoding="utf-8")))
shown = 0
for line in screen("agencies"):
    for a in agencies:
        if line.startswith(a["code"] + " "):
            shown += 1
            want = [a[k] for k in ("leads", "supports", "on_time", "late", "overdue")]
            if line.split()[-5:] != want:
                bad.append("agencies: %s shows %s, expected %s" % (a["code"], line.split()[-5:], want))
if shown < 20:
    bad.append("agencies: only %d agency rows recognised" % shown)

# Deadlines by report and status, as the command line gives them.
rows = list(csv.DictReader(open(os.path.join(tmp, "deadlines.csv"), encoding="utf-8")))
by_report = defaultdict(Counter)
for r in rows:
    by_report[r["report"]][r["status"]] += 1
# Reports: submitted, due so far, on time, late, overdue, in the year.
found = 0
for line in screen("reports"):
    for report, c in by_report.items():
        if line.strip().startswith(report + " "):
            found += 1
            want = [c["on_time"] + c["late"], c["on_time"] + c["late"] + c["overdue"],
                    c["on_time"], c["late"], c["overdue"], sum(c.values())]
            got = [int(x) for x in line.split()[-6:]]
            if got != want:
                bad.append("reports: %s shows %s, expected %s" % (report, got, want))
if found != len(by_report):
    bad.append("reports: %d of %d reports listed" % (found, len(by_report)))
# The agenda's section counts.
agenda = "\n".join(screen("deadlines-agenda"))
counts = [int(x) for x in re.findall(r"^\S.*\((\d+)\)$", agenda, re.M)]
st = Counter(r["status"] for r in rows)
want = [st["overdue"], st["due_soon"] + st["today"], st["upcoming"], st["on_time"] + st["late"]]
if counts != want:
    bad.append("agenda: section counts %s, expected %s" % (counts, want))
# The matrix: one mark per lead agency and month, from the monthly report.
marks = {"on_time": "✓", "late": "L", "overdue": "✗"}
monthly = defaultdict(dict)
for r in rows:
    if r["due"].endswith("-25"):
        monthly[r["agency"]][int(r["due"][5:7])] = marks.get(r["status"], "?")
matrix = screen("deadlines-matrix")
heads = [l for l in matrix if re.search(r"\s5\s+6\s+7\s+8\s+9\s+10\s+11\s", l)]
if len(heads) != 1:
    bad.append("matrix: no month header")
else:
    months = [int(m) for m in re.findall(r"\b(\d{1,2})\b", heads[0])[:7]]
    for agency, by_month in monthly.items():
        line = next((l for l in matrix if l.startswith(agency + " ")), None)
        if line is None:
            bad.append("matrix: no row for " + agency)
            continue
        got = line.split()[1:1 + len(months)]
        want = [by_month.get(m, " ") for m in months]
        if got != want:
            bad.append("matrix: %s shows %s, expected %s" % (agency, got, want))
# Support: the count and the totals.
n, cash, kind = open(os.path.join(tmp, "support.sum")).read().strip().split("|")
support = "\n".join(screen("support"))
for want in (n + " ", money(cash), money(kind), money(int(cash) + int(kind))):
    if want not in support:
        bad.append("support: %r not shown" % want)
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# Deadlines: the agenda's first section counts the overdue reports.
overdue=$(gn --lang en --db "$DEMO" deadlines | grep -c ' overdue ')
[[ $(sed -n 5p "$TMP/deadlines-agenda.txt") == *"($overdue)" ]] ||
	fail "deadlines agenda: the first section should count $overdue overdue: $(sed -n 5p "$TMP/deadlines-agenda.txt")"

# Help (tall enough to show it all) lists the screen keys, q, / and F9, and
# the four indicator cells.
SIZE=100x60 screen '?' >"$TMP/help-tall.txt"
for k in 1 2 3 4 5 6 q /; do
	grep -qE "^  ([^ ]*/)?$k(/[^ ]*)? " "$TMP/help-tall.txt" || fail "help does not list the key $k"
done
grep -q '<F9>' "$TMP/help-tall.txt" || fail "help does not list F9"
[ "$(grep -cE '^  [X~+.]  [^ ]' "$TMP/help-tall.txt")" = 4 ] || fail "help does not explain the 4 indicator cells"

# ---- layout faults found by reading the screens, now fixed: keep them fixed ----
# The household's circumstances are all shown, without a dangling separator.
cli=$(gn --db "$DEMO" household "$code" | sed -n 's/^Hoàn cảnh: //p')
if [ -n "$cli" ]; then
	first_flag=${cli%%,*}
	grep -q "^  Hoàn cảnh  *$first_flag" "$TMP/household.txt" || fail "household detail lacks its circumstances: $cli"
fi
grep -q 'Hoàn cảnh.*; *$' "$TMP/household.txt" && fail "household detail: dangling ';' after the circumstances"
# The targets fit 100 columns, the status column of the list is visible.
grep -q "→ 0,47 %" "$TMP/dashboard.txt" || fail "dashboard: the province target is cut off"
grep -q "→ 0.47 %" "$TMP/dashboard-en.txt" || fail "dashboard (en): the province target is cut off"
grep -q "^SC-0008 .*thoát *$" "$TMP/households.txt" || fail "households: the exited mark of SC-0008 is not visible"
# Headings say what the column holds and never run into the next one.
grep -q "Họ và tên" "$TMP/agencies.txt" && fail "agencies: the agency column is headed with a person's name"
grep -q "Ngày nộp" "$TMP/reports.txt" && fail "reports: a count is headed as a date"
grep -q "Nộp muQuá" "$TMP/reports.txt" && fail "reports: headings run together"
grep -q "kiếHộ" "$TMP/support.txt" && fail "support: headings run together"

# An agency's detail lists the households it leads and those it supports.
SIZE=100x40 screen '3<Enter>' --lang en >"$TMP/agency-detail.txt"
first_agency=$(sed -n 's/^\([^ ]*\) — .*/\1/p' "$TMP/agency-detail.txt" | head -1)
leads=$(q "SELECT count(*) FROM assignment s JOIN agency a ON a.id = s.agency_id JOIN household h ON h.id = s.household_id
  WHERE a.code = '$first_agency' AND s.role = 'lead' AND h.deleted = 0")
supports=$(q "SELECT count(*) FROM assignment s JOIN agency a ON a.id = s.agency_id JOIN household h ON h.id = s.household_id
  WHERE a.code = '$first_agency' AND s.role = 'support' AND h.deleted = 0")
grep -q "^Households it leads: $leads\$" "$TMP/agency-detail.txt" || fail "agency detail: $leads led households expected"
grep -q "^Households it supports: $supports\$" "$TMP/agency-detail.txt" || fail "agency detail: $supports supported households expected"

# Other sizes: still exactly the screen, too small says so.
for size in 60x20 50x12 80x24 200x60; do
	SIZE=$size screen '2/huong<Enter><Enter>' >"$TMP/sized.txt"
	check_size "detail at $size" "$TMP/sized.txt" "${size%x*}" "${size#*x}"
	grep -q 'giamngheo' <(head -1 "$TMP/sized.txt") || fail "no top line at $size"
done
SIZE=40x10 screen '' >"$TMP/small.txt"
check_size "too small" "$TMP/small.txt" 40 10
SIZE=40x10 screen '' --lang en >"$TMP/small-en.txt"
grep -q 'too small' "$TMP/small-en.txt" || fail "40x10 should say the window is too small:
$(cat "$TMP/small-en.txt")"
passed
