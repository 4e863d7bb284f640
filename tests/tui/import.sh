# Importing households from the app (I): the file asked for, checked by the
# same import as the command line, every problem shown, and the households
# saved only when the check is clean and the user says yes.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
gn --db "$DEMO" users add officer --role admin >/dev/null
export GIAMNGHEO_USER=officer
q() { sqlite3 "$DEMO" "$1"; }
SAMPLE="$TESTS_SRCDIR/import/ho-ngheo-mau.csv"
BAD="$TESTS_SRCDIR/import/ho-ngheo-loi.csv"

keys() { fresh_keys "$@"; }
households() { q "SELECT count(*) FROM household"; }
members() { q "SELECT count(*) FROM member"; }

# ---- a path that leads nowhere: said on the field, nothing read ----
keys "2I$TMP/none.csv<Enter>"
has "No such file: $TMP/none.csv"
has "Import households from a CSV file"
keys "2I<Enter>"
has "Enter the path of the CSV file"
keys "2I$TMP<Enter>"
has "This is a folder"
printf 'Mã hộ;Họ và tên chủ hộ\n' >"$TMP/list.xlsx"
keys "2I$TMP/list.xlsx<Enter>"
has "Not a CSV file"
# Esc leaves without a question, back on the list.
keys "2I$TMP/none.csv<Esc>"
has "households match"
lacks "Import households"

# ---- a malformed file: every problem by row, importing refused, nothing saved ----
before="$(households)/$(members)/$(q "SELECT count(*) FROM audit")"
keys "2I$BAD<Enter>"
has "Problems: 7 errors, 1 warning"
has 'Row 1, column "Cột lạ": warning: column not recognised: ignored'
has 'Row 3, column "Thu nhập bình quân", value "nhiều tiền": not an amount of money'
has 'Row 3, column "Số CCCD", value "001080009001": this ID number is already given at row 2'
has 'Row 4, column "Mã hộ": the household code is missing'
has 'Row 5, column "Số CCCD", value "12345": not a citizen ID number'
has "Nothing can be imported until every error is corrected"
# Enter, F2 and a yes change nothing.
keys "2I$BAD<Enter><Enter>y<F2>"
has "correct the 7 errors in the file"
[ "$before" = "$(households)/$(members)/$(q "SELECT count(*) FROM audit")" ] ||
	fail "a malformed file changed the database"
# Further down: the columns read and those ignored.
keys "2I$BAD<Enter><PgDn>"
has "Tổ dân phố                           → residential group"
has "1.1                                  → indicator 1.1"
has "Columns ignored: STT, Cột lạ"
# Esc goes back to the path, kept, to check the file again.
keys "2I$BAD<Enter><Esc>"
has "CSV file"
has "tests/import/ho-ngheo-loi.csv"

# ---- the sample, with ~ for the home directory: checked, asked, imported ----
mkdir -p "$TMP/home"
cp "$SAMPLE" "$TMP/home/danh sách.csv"
h0=$(households)
m0=$(members)
keys "2I~/danh sách.csv<Enter>" HOME="$TMP/home"
has "File: ~/danh sách.csv"
has "No problems found."
has "Households to add                           3"
has "Members to add (heads included)             6"
has "Enter or F2: import these households"
[ "$(households)" = "$h0" ] || fail "the check saved households"
# Asked first; no leaves everything as it was.
keys "2I~/danh sách.csv<Enter><Enter>" HOME="$TMP/home"
has "Import 3 households from this file now? (y/n)"
keys "2I~/danh sách.csv<Enter><Enter>n" HOME="$TMP/home"
has "Nothing was imported."
[ "$(households)" = "$h0" ] || fail "households saved after no"
# Yes: saved, told, and the list shows them once back.
keys "2I~/danh sách.csv<Enter><F2>y" HOME="$TMP/home"
has "Imported 3 households, 6 members and 6 deprivations."
has "Households added                            3"
[ "$(households)" = $((h0 + 3)) ] || fail "households not imported: $(households), expected $((h0 + 3))"
[ "$(members)" = $((m0 + 6)) ] || fail "members not imported: $(members), expected $((m0 + 6))"
[ "$(q "SELECT head_name FROM household WHERE code = 'NK-001'")" = "Hoàng Thị Lụa" ] || fail "NK-001 not intact"
[ "$(q "SELECT DISTINCT updated_by FROM household WHERE code LIKE 'NK-%'")" = officer ] ||
	fail "the import is not recorded as the user's"
# The list after the import, searched: the new household is there.
keys "2/hoang thi lua<Enter>"
has "NK-001"
# Back from the import in the same session, the list already shows what came in.
printf 'Mã hộ,Họ và tên chủ hộ,Thu nhập bình quân\nAA-001,Âu Thị Một,1.000.000\n' >"$TMP/home/mot-ho.csv"
keys "2I~/mot-ho.csv<Enter><Enter>y<Esc>" HOME="$TMP/home"
has "$((h0 + 4)) households match"
has "AA-001   Âu Thị Một"

# The same file again: every code is taken now; nothing imported twice.
keys "2I~/danh sách.csv<Enter><Enter>y" HOME="$TMP/home"
has 'value "NK-001": a household with this code is already in the database'
[ "$(households)" = $((h0 + 4)) ] || fail "the sample imported twice"

# ---- from the menu on any screen; I on the import screen itself opens no second one ----
keys "1<F9><Right><Up>"
has "Import households from a CSV file  I"
keys "1<F9><Right><Up><Enter>"
has "Import households from a CSV file"
has "CSV file"
keys "2I$BAD<Enter>I<Esc>"
has "CSV file"
lacks "Problems:"

# ---- a narrow terminal: the report still lays out, long lines wrapped ----
out=$(GIAMNGHEO_HEADLESS=50x14 GIAMNGHEO_KEYS="2I$BAD<Enter><PgDn>" timeout 20 "$GIAMNGHEO_BIN" --lang en \
	--db "$DEMO" 2>&1) || fail "the report at 50x14 failed: $out"
has 'Row 3, column "Tổ dân phố", value "Phố Cũ":'
[ "$(wc -L <<<"$out")" -le 50 ] || fail "a line of the report is wider than 50 columns"

# ---- only administrators import: the reason, and no screen ----
gn --db "$DEMO" users add viewer1 --role viewer >/dev/null
keys "2I" GIAMNGHEO_USER=viewer1
has "The account viewer1 may only view."
lacks "Import households from a CSV file"

# ---- in Vietnamese ----
LANG_UI=vi keys "2I$BAD<Enter>"
has "Vấn đề: 7 lỗi, 1 cảnh báo"
has 'Dòng 4, cột "Mã hộ"'
has "Chưa nhập được gì khi còn lỗi"
passed
