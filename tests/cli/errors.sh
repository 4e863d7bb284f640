# Bad situations get a clear message and lose nothing.
. "$TESTS_SRCDIR/cli/lib.sh"

run 1 gn --db "$TMP/nothing-here.db" stats
has "giamngheo init"
[ ! -e "$TMP/nothing-here.db" ] || fail "a read command created a database"

printf 'this is not a database, just text\n%.0s' $(seq 1 200) >"$TMP/garbage.db"
run 1 gn --db "$TMP/garbage.db" stats
lacks "Segmentation"

run 0 gn --db "$TMP/init.db" init
run 0 gn --lang en --db "$TMP/init.db" stats
has "End of last year: 38 poor households"
run 0 gn --db "$TMP/init.db" init
[ "$(sqlite3 "$TMP/init.db" 'SELECT count(*) FROM ward')" = 1 ] || fail "init twice made two wards"

make_demo
version=$(sqlite3 "$DEMO" "PRAGMA user_version")
sqlite3 "$DEMO" "PRAGMA user_version = 99"
run 1 gn --lang en --db "$DEMO" stats
has "newer version"
sqlite3 "$DEMO" "PRAGMA user_version = $version"

# A read-only file can still be read.
chmod a-w "$DEMO"
if [ "$(id -u)" != 0 ]; then
	run 0 gn --db "$DEMO" stats
fi
chmod u+w "$DEMO"

# A database locked by a long write: the reader still reads (WAL).
sqlite3 "$DEMO" "BEGIN IMMEDIATE; UPDATE ward SET name = name; SELECT 'locked';" >/dev/null &
run 0 gn --db "$DEMO" stats
wait

# Control characters in stored names never reach the terminal raw.
sqlite3 "$DEMO" "UPDATE household SET head_name = 'Evil' || char(27) || '[2J' || 'Name' WHERE code = 'SC-0001'"
run 0 gn --db "$DEMO" households --format table
lacks $'\e[2J'
has "Evil"
run 0 gn --db "$DEMO" household SC-0001
lacks $'\e'
passed
