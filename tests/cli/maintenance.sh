# backup, restore, check and doctor: looking after the shared database.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM household) || ' ' || (SELECT count(*) FROM member) || ' ' ||
	  (SELECT count(*) FROM assignment) || ' ' || (SELECT count(*) FROM support_item) || ' ' ||
	  (SELECT count(*) FROM report) || ' ' || (SELECT count(*) FROM audit) || ' ' ||
	  (SELECT count(*) FROM household_search)"
}
mode_of() { stat -c %a "$1"; }

# New databases are never readable by other users, whatever the umask.
(umask 022 && gn --db "$TMP/fresh.db" init >/dev/null)
m=$(mode_of "$TMP/fresh.db")
case "$m" in 640 | 660) ;; *) fail "a new database has mode $m, expected 640 or 660" ;; esac

# A backup taken while another officer holds a write transaction open.
before=$(counts "$DEMO")
sqlite3 "$DEMO" "BEGIN IMMEDIATE;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n;
  ROLLBACK;" >/dev/null &
writer=$!
sleep 0.2
[ "$(mode_of "$DEMO-wal")" = "$(mode_of "$DEMO")" ] || fail "the -wal file does not have the database's mode"
run 0 gn --lang en --db "$DEMO" backup "$TMP/copy.db"
has "Backup written: $TMP/copy.db"
grep -qE '\([0-9]+ (KB|MB)\)' <<<"$out" || fail "the backup's size is not given in KB or MB: $out"
wait "$writer"
[ "$(counts "$TMP/copy.db")" = "$before" ] || fail "the backup differs: $(counts "$TMP/copy.db") vs $before"
[ "$(sqlite3 "$TMP/copy.db" 'PRAGMA integrity_check')" = ok ] || fail "the backup is damaged"
[ "$(sqlite3 "$TMP/copy.db" 'PRAGMA journal_mode')" = delete ] || fail "the backup should be a single file"
case "$(mode_of "$TMP/copy.db")" in 640 | 660) ;; *) fail "the backup is not group-only" ;; esac
ls "$TMP" | grep -q '\.tmp-' && fail "a temporary file was left behind"
run 0 gn --lang en --db "$TMP/copy.db" check

# No overwriting without --force, and never the database itself.
run 1 gn --lang en --db "$DEMO" backup "$TMP/copy.db"
has "--force"
run 0 gn --lang en --db "$DEMO" backup "$TMP/copy.db" --force
run 1 gn --lang en --db "$DEMO" backup "$DEMO" --force
run 2 gn --db "$DEMO" backup
run 1 gn --lang en --db "$DEMO" backup "$TMP/no/such/dir/copy.db"

# check passes on the demo, then names each broken rule.
run 0 gn --lang en --db "$DEMO" check
has "ok: the database file is intact"
has "ok: every report belongs to an existing deadline"
lacks "problem:"

# Restore brings back deleted data and keeps a safety copy of what it replaced.
sqlite3 "$DEMO" "PRAGMA foreign_keys = OFF; DELETE FROM household_search; DELETE FROM member; DELETE FROM household"
[ "$(sqlite3 "$DEMO" 'SELECT count(*) FROM household')" = 0 ] || fail "the delete did not happen"
run 0 gn --lang en --db "$DEMO" restore "$TMP/copy.db"
has "Safety copy"
safety=$(sed -n 's/^Safety copy of the data before the restore: //p' <<<"$out")
[ -f "$safety" ] || fail "no safety copy at '$safety'"
[ "$(sqlite3 "$safety" 'SELECT count(*) FROM household')" = 0 ] || fail "the safety copy is not the data replaced"
# The copy is the second backup: the audit log in it records the first.
[ "$(counts "$DEMO")" = "$(counts "$TMP/copy.db")" ] ||
	fail "the restore did not bring the data back: $(counts "$DEMO") vs $(counts "$TMP/copy.db")"
[ "$(sqlite3 "$DEMO" 'PRAGMA journal_mode')" = wal ] || fail "the restored database left WAL mode"
run 0 gn --lang en --db "$DEMO" check

# An older backup is migrated on the way in.
cp "$TMP/copy.db" "$TMP/old.db"
sqlite3 "$TMP/old.db" "DROP INDEX deadline_agency; DROP TABLE account; DROP TABLE export_log; PRAGMA user_version = 3"
run 0 gn --lang en --db "$DEMO" restore "$TMP/old.db"
has "schema 3"
[ "$(sqlite3 "$DEMO" 'PRAGMA user_version')" = "$(sqlite3 "$TMP/copy.db" 'PRAGMA user_version')" ] ||
	fail "the restored database was not migrated"

# Files that must not be restored leave the database as it was.
cp "$TMP/copy.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 99"
sqlite3 "$DEMO" "UPDATE ward SET name = 'Kept'"
run 1 gn --lang en --db "$DEMO" restore "$TMP/newer.db"
has "newer version"
printf 'not a database at all\n%.0s' $(seq 1 300) >"$TMP/text.db"
run 1 gn --lang en --db "$DEMO" restore "$TMP/text.db"
has "not a giamngheo database"
sqlite3 "$TMP/other.db" "CREATE TABLE t(x); PRAGMA user_version = 2"
run 1 gn --lang en --db "$DEMO" restore "$TMP/other.db"
has "not a giamngheo database"
run 1 gn --lang en --db "$DEMO" restore "$TMP/missing.db"
[ "$(sqlite3 "$DEMO" 'SELECT name FROM ward')" = Kept ] || fail "a refused restore changed the database"

# Broken invariants are found and named.
code=$(sqlite3 "$DEMO" "SELECT code FROM household WHERE deleted = 0 ORDER BY id LIMIT 1")
sqlite3 "$DEMO" "DELETE FROM household_search WHERE rowid = (SELECT id FROM household WHERE code = '$code')"
run 1 gn --lang en --db "$DEMO" check
has "problem: household $code is missing from the search index"
has "1 problem found"
sqlite3 "$DEMO" "INSERT INTO household_search(rowid, body) SELECT id, code FROM household WHERE code = '$code';
  DELETE FROM search_person WHERE household_id = (SELECT id FROM household WHERE code = '$code') AND kind = 0"
run 1 gn --lang en --db "$DEMO" check
has "problem: the head of household $code is missing from the people index"
has "1 problem found"
sqlite3 "$DEMO" "UPDATE household SET deleted = 1 WHERE code = '$code'; DELETE FROM household_search WHERE rowid = (SELECT id FROM household WHERE code = '$code')"
run 1 gn --lang en --db "$DEMO" check
has "problem: the people index has an entry (id"
sqlite3 "$DEMO" "UPDATE household SET deleted = 0 WHERE code = '$code'; INSERT INTO household_search(rowid, body) SELECT id, code FROM household WHERE code = '$code'"
sqlite3 "$DEMO" "PRAGMA foreign_keys = OFF; INSERT INTO report(deadline_id, agency_id, submitted_on)
  VALUES (999999, (SELECT min(id) FROM agency), '2026-01-01')"
run 1 gn --lang en --db "$DEMO" check
has "points at deadline 999999, which does not exist"
has "refers to a missing row of table deadline"

# doctor: fine on the demo in a closed directory, a warning when others can look in.
mkdir "$TMP/ward"
chmod 750 "$TMP/ward"
gn --db "$TMP/ward/gn.db" demo >/dev/null
run 0 gn --lang en --db "$TMP/ward/gn.db" doctor
has "ok: database: $TMP/ward/gn.db"
has "ok: you can read and save"
has "ok: schema version"
has "ok: journal mode WAL"
has "free on the disk"
has "ok: Vietnamese messages are available"
lacks "problem:"
lacks "every user of this computer"
chmod 755 "$TMP/ward"
run 0 gn --lang en --db "$TMP/ward/gn.db" doctor
has "warning: the directory $TMP/ward is open to every user"
has "Decree 13/2023"
chmod 644 "$TMP/ward/gn.db"
run 0 gn --lang en --db "$TMP/ward/gn.db" doctor
has "warning: every user of this computer can read $TMP/ward/gn.db"
# A directory shared through a group needs the set-group-ID bit, or the
# -wal file and backups one officer makes get a group the others lack.
# (Needs root and a group with members to hand the directory to.)
shared=$(getent group | awk -F: '$4 != "" { print $1; exit }')
if [ "$(id -u)" = 0 ] && [ -n "$shared" ]; then
	chgrp "$shared" "$TMP/ward"
	chmod 2770 "$TMP/ward"
	run 0 gn --lang en --db "$TMP/ward/gn.db" doctor
	lacks "chmod g+s"
	chmod g-s "$TMP/ward"
	run 0 gn --lang en --db "$TMP/ward/gn.db" doctor
	has "warning: files created in $TMP/ward get the creator's own group instead of $shared"
	has "chmod g+s $TMP/ward"
fi
# A missing database and a newer schema are problems (exit 1), with advice.
run 1 gn --lang en --db "$TMP/ward/none.db" doctor
has "problem: no database at $TMP/ward/none.db"
has "giamngheo init"
sqlite3 "$TMP/ward/gn.db" "PRAGMA user_version = 99"
run 1 gn --lang en --db "$TMP/ward/gn.db" doctor
has "newer giamngheo"
# Configuration warnings are repeated with the file they come from.
printf '[general]\ncolour = red\n' >"$TMP/odd.ini"
run 1 gn --lang en --config "$TMP/odd.ini" --db "$TMP/ward/gn.db" doctor
has "ok: configuration file: $TMP/odd.ini"
has "warning: $TMP/odd.ini:2: unknown setting 'colour'"
passed
