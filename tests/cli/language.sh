# Vietnamese by default, English on request (flag or config file).
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

run 0 gn --db "$DEMO" households --targeted
has "Chủ hộ"
has "hộ nghèo"
run 0 gn --lang en --db "$DEMO" households --targeted
has "Head of household"
lacks "Chủ hộ"
# Straight from the build tree, before `make install`, as the quick start
# runs it: still Vietnamese.
env -u GIAMNGHEO_LOCALEDIR "$GIAMNGHEO_BIN" --db "$DEMO" stats >"$TMP/plain" 2>&1 || fail "stats: $(cat "$TMP/plain")"
grep -q "Tổng số hộ trong phường" "$TMP/plain" || fail "not Vietnamese without GIAMNGHEO_LOCALEDIR: $(cat "$TMP/plain")"

cat >"$TMP/en.ini" <<'INI'
[general]
language = en
database = DBPATH
colour = blue
INI
sed -i "s|DBPATH|$DEMO|" "$TMP/en.ini"
run 0 gn --config "$TMP/en.ini" stats
has "Households in the ward"
# Unknown settings are named with file and line, the rest still applies.
has "en.ini:4: unknown setting 'colour' ignored"
GIAMNGHEO_CONFIG="$TMP/en.ini" run 0 gn stats
has "Households in the ward"
run 1 gn --config "$TMP/missing.ini" stats
# A non-UTF-8 session still gets readable Vietnamese.
LANG=C LC_ALL=C run 0 gn --db "$DEMO" stats
has "hộ nghèo"
passed
