# Hostile text: names and notes holding terminal escape sequences, C1
# controls, bytes that are not UTF-8, 100 000 characters or SQL; hand-edited
# files full of garbage. Stored safely, shown harmlessly, reported with the
# file and line, and never a crash.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

# No byte of the output may drive the terminal: ESC, BEL, the C1 CSI
# (U+009B, C2 9B in UTF-8), and it must be UTF-8 throughout.
harmless() {
	lacks $'\e'
	lacks $'\a'
	lacks $'\xc2\x9b'
	iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 || fail "output is not UTF-8: $out"
}

long=$(printf 'N%.0s' $(seq 1 100000))
sql="'); DROP TABLE household;--"

# ---- the import: every bad cell refused with its row and column, nothing written ----
before=$(sqlite3 "$DEMO" "SELECT count(*) FROM household")
{
	echo 'Mã hộ,Họ và tên chủ hộ,Ghi chú'
	printf 'X-1,Evil\e]0;pwned\aName,\n'
	printf 'X-2,%s,\n' "$long"
	printf 'X-3,C1 \xc2\x9b31m red,\n'
	printf 'X-4,Bad \xff\xfe bytes,\n'
	printf 'X-5,Tên thường,%s\n' "$long"
} >"$TMP/hostile.csv"
run 1 gn --lang en --db "$DEMO" import households "$TMP/hostile.csv"
harmless
has "Row 2, column \"Họ và tên chủ hộ\""
has "control characters are not allowed in a cell"
has "Row 3, column \"Họ và tên chủ hộ\""
has "cell longer than 4000 bytes"
has "Row 4, column"
has "Row 5, column"
has "not UTF-8"
has "Row 6, column \"Ghi chú\""
has "nothing was imported"
[ ${#out} -lt 20000 ] || fail "the report repeats the 100 000-character cells (${#out} bytes)"
[ "$(sqlite3 "$DEMO" "SELECT count(*) FROM household")" = "$before" ] || fail "a refused import wrote households"

# SQL in a name is only text: imported as written, the table is still there.
tdp=$(sqlite3 "$DEMO" "SELECT name FROM tdp ORDER BY id LIMIT 1")
printf 'Mã hộ,Họ và tên chủ hộ,Tổ dân phố\nX-9,"%s",%s\n' "${sql//\"/\"\"}" "$tdp" >"$TMP/sql.csv"
run 0 gn --lang en --db "$DEMO" import households "$TMP/sql.csv"
[ "$(sqlite3 "$DEMO" "SELECT head_name FROM household WHERE code = 'X-9'")" = "$sql" ] ||
	fail "the name with SQL in it was not stored as written"
[ "$(sqlite3 "$DEMO" "SELECT count(*) FROM household")" = $((before + 1)) ] || fail "the household table changed"
run 0 gn --lang en --db "$DEMO" households --search "DROP TABLE"
has "X-9"
has "$sql"
run 0 gn --lang en --db "$DEMO" search "$sql"
has "X-9"

# ---- text already stored (by an older program, the sqlite3 shell, a bad
# copy): shown harmlessly everywhere, and kept as it is ----
sqlite3 "$DEMO" "UPDATE household SET head_name = 'Evil' || char(27) || ']0;pwned' || char(7)
  || char(27) || '[2J' || char(155) || '31m' || CAST(X'FFFE' AS TEXT) || 'End',
  notes = printf('%.*c', 100000, 'N'), version = version + 1 WHERE code = 'SC-0001'"
stored=$(sqlite3 "$DEMO" "SELECT hex(head_name) FROM household WHERE code = 'SC-0001'")
run 0 gn --lang en --db "$DEMO" households --limit 3
harmless
has "Evil"
has "End"
run 0 gn --lang en --db "$DEMO" household SC-0001
harmless
has "Evil"
[ "$(grep -o N <<<"$out" | wc -l)" -ge 100000 ] || fail "the 100 000-character note was not shown whole"
run 0 gn --lang en --db "$DEMO" audit --household SC-0001 --limit 1
harmless
run 0 gn --lang en --db "$DEMO" check
# JSON stays valid JSON (controls escaped, U+FFFD for the bad bytes) and keeps the text.
run 0 gn --lang en --db "$DEMO" households --limit 1 --format json
harmless
python3 -c '
import json, sys
head = json.loads(sys.argv[1])[0]["head"]
assert head == "Evil\x1b]0;pwned\x07\x1b[2J\x9b31m\ufffd\ufffdEnd", repr(head)
' "$out" || fail "JSON output does not hold the stored name: $out"
# CSV keeps the data exact (controls are data for a spreadsheet) but is UTF-8.
run 0 gn --lang en --db "$DEMO" households --limit 1 --format csv
iconv -f UTF-8 -t UTF-8 <<<"$out" >/dev/null 2>&1 || fail "CSV output is not UTF-8"
has $'Evil\e]0;pwned'
[ "$(sqlite3 "$DEMO" "SELECT hex(head_name) FROM household WHERE code = 'SC-0001'")" = "$stored" ] ||
	fail "showing the household changed what is stored"

# Arguments are text too: a search for SQL or escapes finds nothing and breaks nothing.
run 0 gn --lang en --db "$DEMO" households --search "%' OR 1=1 --"
has "0 households"
run 1 gn --lang en --db "$DEMO" search $'\e[2J'
harmless
run 1 gn --lang en --db "$DEMO" household $'\e]0;pwned\a'
harmless

# ---- hand-edited files with garbage: file and line, the rest still applies ----
cat >"$TMP/config.ini" <<INI
[general]
database = $DEMO
this line is garbage
co$(printf '\e]0;pwned\a')lour = 1
[general:sub]
INI
run 0 gn --lang en --config "$TMP/config.ini" stats
harmless
has "$TMP/config.ini:3: syntax error, line ignored"
has "$TMP/config.ini:4: unknown setting 'co"
has "$TMP/config.ini:5: unknown section [general:sub] ignored"
# The database line before the garbage still counts (no 'giamngheo init' advice).
has "Households in the ward"

mkdir -p "$XDG_CONFIG_HOME/giamngheo"
printf '[keys]\nquit = q\n[keys:help]\nhelp = <Nope>\n\xff\xfe garbage\n' >"$XDG_CONFIG_HOME/giamngheo/keys.ini"
run 0 env GIAMNGHEO_HEADLESS=400x30 GIAMNGHEO_KEYS= "$GIAMNGHEO_BIN" --lang en --db "$DEMO"
harmless
has "keys.ini:3: unknown section [keys:help] ignored"
rm "$XDG_CONFIG_HOME/giamngheo/keys.ini"

mkdir -p "$TMP/themes"
printf '[colors]\ntitle = white blue\n[colors:menu]\nmenu = purple\n' >"$TMP/themes/odd.ini"
run 0 env GIAMNGHEO_THEMES_DIR="$TMP/themes" GIAMNGHEO_HEADLESS=400x30 GIAMNGHEO_KEYS= \
	"$GIAMNGHEO_BIN" --lang en --theme odd --db "$DEMO"
harmless
has "odd.ini:3: unknown section [colors:menu] ignored"

# A rules file whose section looks like "rule:key" (iniparser's own separator).
printf '[monthly]\nday = 25\n[monthly:day]\n' >"$TMP/rules.ini"
run 1 gn --lang en --db "$DEMO" rules --import "$TMP/rules.ini" --dry-run
has "$TMP/rules.ini:3: [monthly:day] is not a rule code"
printf '[monthly]\ntitle_vi = \e]0;pwned\a\nday = 99\n' >"$TMP/rules.ini"
run 1 gn --lang en --db "$DEMO" rules --import "$TMP/rules.ini" --dry-run
harmless
has "$TMP/rules.ini:3: [monthly] day must be a whole number"
passed
