# Deleting a household from the command line: it leaves the list, search,
# counts and the household view, the history says who deleted it, and
# restore brings every bit of it back.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo
code=SC-0003
head=$(sqlite3 "$DEMO" "SELECT head_name FROM household WHERE code = '$code'")
[ "$(sqlite3 "$DEMO" "SELECT class || targeted FROM household WHERE code = '$code'")" = poor1 ] ||
	fail "$code should be a poor household targeted this year"

listed() { gn --db "$DEMO" households --format csv | tail -n +2 | wc -l; }
searched() { gn --db "$DEMO" households --search "$head" --format csv | cut -d, -f1 | grep -cx "$code" || true; }
stat() { gn --db "$DEMO" --lang en stats | sed -n "s/^$1 \([0-9]*\).*/\1/p"; }

n=$(listed)
poor=$(stat 'Now:')
targeted=$(stat 'Households targeted this year:')
[ "$(searched)" = 1 ] || fail "$head does not find $code before the deletion"

run 0 gn --db "$DEMO" --lang en household delete "$code"
has "Deleted household $code — $head."
has "giamngheo household restore $code"
[ "$(listed)" = $((n - 1)) ] || fail "the list still has $(listed) households, expected $((n - 1))"
[ "$(searched)" = 0 ] || fail "search still finds the deleted $code"
[ "$(stat 'Now:')" = $((poor - 1)) ] || fail "stats still count $(stat 'Now:') poor households"
[ "$(stat 'Households targeted this year:')" = $((targeted - 1)) ] || fail "stats still count it as targeted"
run 1 gn --db "$DEMO" --lang en household "$code"
has "no household with code '$code'"
[ "$(sqlite3 "$DEMO" "SELECT deleted FROM household WHERE code = '$code'")" = 1 ] || fail "not kept in the file"

# The history: who, and a readable action, in both languages.
run 0 gn --db "$DEMO" --lang en audit --entity household --limit 1
has "household $code"
has 'deleted: 0 → 1'
grep -q "household $code  *deleted" <<<"$out" || fail "the history should say deleted: $out"
run 0 gn --db "$DEMO" audit --entity household --limit 1
grep -q "household $code  *xóa" <<<"$out" || fail "the Vietnamese history should say xóa: $out"

# Deleting twice, restoring what is not deleted: clear messages, exit 1.
run 1 gn --db "$DEMO" --lang en household delete "$code"
has "no household with code '$code'"
run 1 gn --db "$DEMO" --lang en household restore SC-0001
has "no deleted household with code 'SC-0001'"

run 0 gn --db "$DEMO" household restore "$code"
has "Đã khôi phục hộ $code — $head."
[ "$(listed)" = "$n" ] || fail "restored, the list has $(listed) households, expected $n"
[ "$(searched)" = 1 ] || fail "search does not find the restored $code"
[ "$(stat 'Now:')" = "$poor" ] || fail "restored, stats count $(stat 'Now:') poor households"
run 0 gn --db "$DEMO" audit --entity household --limit 1
grep -q "household $code  *khôi phục" <<<"$out" || fail "the history should say khôi phục: $out"
passed
