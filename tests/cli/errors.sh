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

# ---- faults: a clear message, exit status 1, and nothing half-written ----
count() { sqlite3 "$1" "SELECT count(*) FROM household"; }
# A copy of the demo as one file (no -wal), for the tests below.
fresh() {
	rm -f "$1" "$1-wal" "$1-shm"
	cp "$DEMO" "$1"
	sqlite3 "$1" "PRAGMA journal_mode = DELETE" >/dev/null
	sqlite3 "$1" "PRAGMA journal_mode = WAL" >/dev/null
	rm -f "$1-wal" "$1-shm"
}
tdp=$(sqlite3 "$DEMO" "SELECT name FROM tdp ORDER BY id LIMIT 1")
{
	echo 'Mã hộ,Họ và tên chủ hộ,Tổ dân phố,Ghi chú'
	for i in $(seq 1 200); do printf 'F-%d,Nguyễn Văn %d,%s,%03900d\n' "$i" "$i" "$tdp" 0; done
} >"$TMP/big.csv"

# A full disk, simulated by a file-size limit: writes past it fail (EFBIG)
# as they would on a full disk. SQLite then rolls the transaction back by
# itself; the import must stop there, not go on saving row by row.
fresh "$TMP/full.db"
before=$(count "$TMP/full.db")
limit=$(($(stat -c %s "$TMP/full.db") / 1024 + 100))
run 1 bash -c 'trap "" XFSZ; ulimit -f "$1"; shift; exec "$@"' sh "$limit" \
	"$GIAMNGHEO_BIN" --lang en --db "$TMP/full.db" import households "$TMP/big.csv"
has "could not be saved"
has "free disk space"
has "nothing was imported"
[ "$(grep -c 'could not be saved' <<<"$out")" = 1 ] || fail "the import went on after the disk was full:
$(head -5 <<<"$out")"
[ "$(count "$TMP/full.db")" = "$before" ] || fail "a failed import left $(($(count "$TMP/full.db") - before)) households behind"
run 0 gn --lang en --db "$TMP/full.db" check
# Once there is room again, the same file imports whole.
run 0 gn --lang en --db "$TMP/full.db" import households "$TMP/big.csv"
[ "$(count "$TMP/full.db")" = $((before + 200)) ] || fail "the import after the disk was freed is incomplete"

# Read-only database file and directory. As root, permissions do not bind:
# the reader is then the unprivileged user nobody.
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || fail "setpriv (util-linux) is needed to test permissions as root"
	# A copy of the program nobody can reach (the build tree may be under /root).
	chmod 711 "$TMP"
	cp "${GIAMNGHEO_PROGRAM:-$GIAMNGHEO_BIN}" "$TMP/giamngheo"
	chmod 755 "$TMP/giamngheo"
	reader() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$TMP/giamngheo" "$@"; }
	close_file() { chmod 644 "$1"; }
	close_dir() { chmod 755 "$1"; }
else
	reader() { "${GIAMNGHEO_PROGRAM:-$GIAMNGHEO_BIN}" "$@"; }
	close_file() { chmod 444 "$1"; }
	close_dir() { chmod 555 "$1"; }
fi
mkdir "$TMP/ro"
fresh "$TMP/ro/gn.db"
# The reader has an account, so what stops the writes is the file alone.
[ "$(id -u)" != 0 ] || gn --db "$TMP/ro/gn.db" users add "$(id -un 65534)" --role admin >/dev/null
chmod 644 "$TMP/big.csv"
# The file may not be written, the directory may: reading works, saving says read-only.
chmod 777 "$TMP/ro"
close_file "$TMP/ro/gn.db"
run 0 reader --lang en --db "$TMP/ro/gn.db" stats
has "Households in the ward"
run 1 reader --lang en --db "$TMP/ro/gn.db" import households "$TMP/big.csv"
has "The database is read-only: changes cannot be saved."
run 1 reader --lang en --db "$TMP/ro/gn.db" submit --agency HPN --rule monthly --due 25/11/2026 --by X
has "read-only"
[ "$(count "$TMP/ro/gn.db")" = "$before" ] || fail "a read-only database was written"
# The directory is closed too and nobody has the database open (no -shm):
# SQLite cannot even read it; the message points at the permissions.
rm -f "$TMP/ro/gn.db-wal" "$TMP/ro/gn.db-shm"
close_dir "$TMP/ro"
run 1 reader --lang en --db "$TMP/ro/gn.db" stats
has "cannot be opened or written (check the path, permissions"
lacks "read-only"
chmod 755 "$TMP/ro"

# A missing file: no command but init and demo creates one.
run 1 gn --lang en --db "$TMP/missing.db" import households "$TMP/big.csv"
has "giamngheo init"
run 1 gn --lang en --db "$TMP/missing.db" submit --agency HPN --rule monthly --due 25/11/2026 --by X
has "giamngheo init"
[ ! -e "$TMP/missing.db" ] || fail "a write command created a missing database"

# A corrupt file: cut in half, or pages overwritten with garbage.
fresh "$TMP/cut.db"
head -c $(($(stat -c %s "$TMP/cut.db") / 2)) "$TMP/cut.db" >"$TMP/half.db"
run 1 gn --lang en --db "$TMP/half.db" stats
has "damaged or is not a giamngheo database"
lacks "Segmentation"
run 1 gn --lang en --db "$TMP/half.db" check
has "damaged"
fresh "$TMP/garbled.db"
# The pages of the households and of their codes' index, which any import reads.
for page in $(sqlite3 "$TMP/garbled.db" "SELECT pageno FROM dbstat
  WHERE name IN ('household', 'sqlite_autoindex_household_1') AND pageno > 1"); do
	dd if=/dev/urandom of="$TMP/garbled.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
done
run 1 gn --lang en --db "$TMP/garbled.db" check
has "problem: damaged file"
has "restore the latest good backup"
run 1 gn --lang en --db "$TMP/garbled.db" import households "$TMP/big.csv"
lacks "Segmentation"
[ "$(sqlite3 "$TMP/garbled.db" "SELECT count(*) FROM household WHERE code LIKE 'F-%'" 2>/dev/null || echo 0)" = 0 ] ||
	fail "an import into a damaged database saved part of the file"

# A newer schema: refused for writing too, the file left byte for byte.
fresh "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
sum=$(md5sum <"$TMP/newer.db")
run 1 gn --lang en --db "$TMP/newer.db" import households "$TMP/big.csv"
has "newer version"
run 1 gn --lang vi --db "$TMP/newer.db" submit --agency HPN --rule monthly --due 25/11/2026 --by X
has "phiên bản giamngheo mới hơn"
[ "$(md5sum <"$TMP/newer.db")" = "$sum" ] || fail "a database of a newer schema was changed"
passed
