# No lost work, driven headless: a form left open is kept as a draft, offered
# at the next start and reopened on the form itself; deletion asks, is soft,
# and u undoes it. (tmux.sh kills a real terminal mid-form.)
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

# keys SCRIPT [--lang vi]: the final screen in $out (English unless told).
keys() { headless 100x30 "$1" --lang "${2:-en}" --db "$DEMO"; }

# ---- drafts ----

# Editing SC-0002, the session ends with the name changed and not saved.
old=$(q "SELECT head_name FROM household WHERE code = 'SC-0002'")
id=$(q "SELECT id FROM household WHERE code = 'SC-0002'")
keys "2<Down><Enter>e<Tab><C-u>Phạm Thị Hồng Nhung<Tab>"
[ "$(q "SELECT json_extract(fields, '\$[1]') FROM draft WHERE kind = 'household' AND record_id = $id")" = \
	'Phạm Thị Hồng Nhung' ] || fail "no draft of SC-0002: $(q 'SELECT * FROM draft')"
[ "$(q "SELECT head_name FROM household WHERE id = $id")" = "$old" ] || fail "a draft must not change the household"

# The next start offers it, named; Esc keeps it for later.
keys ""
has 'Unsaved draft: Edit household SC-0002 — Phạm Thị Hồng Nhung, at '
keys "" vi
has 'Có bản nháp chưa lưu: Edit household SC-0002 — Phạm Thị Hồng Nhung, lúc ' # named as when it was written
has 'Khôi phục? (c: có'
keys "<Esc>"
has 'Dashboard'
[ "$(q 'SELECT count(*) FROM draft')" = 1 ] || fail "Esc must keep the draft"

# Kept for later, it comes back on the form itself as well.
keys "<Esc>2<Down><Enter>e"
has 'Your unsaved changes are back'
has 'Phạm Thị Hồng Nhung'

# Accepted, the form opens with it; F2 saves it and the draft goes.
keys "c<F2>"
has 'Saved household SC-0002 — Phạm Thị Hồng Nhung'
[ "$(q "SELECT head_name FROM household WHERE id = $id")" = 'Phạm Thị Hồng Nhung' ] || fail "the draft was not saved"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "a saved form left its draft"

# Only what was typed comes back: a colleague's save meanwhile (the phone)
# stays, not the value the form opened with.
keys "2<Down><Enter>e<Tab><C-u>Phạm Thị Nhung<Tab>"
q "UPDATE household SET phone = '0988000111', version = version + 1, updated_by = 'lan' WHERE id = $id"
keys "c<F2>"
has 'Saved household SC-0002 — Phạm Thị Nhung'
[ "$(q "SELECT head_name || '|' || phone FROM household WHERE id = $id")" = 'Phạm Thị Nhung|0988000111' ] ||
	fail "the restored draft undid the colleague's save: $(q "SELECT head_name, phone FROM household WHERE id = $id")"

# Leaving a changed form on purpose (Esc, y) throws its draft away; so does a
# form changed back to what it opened with.
keys "2aHN-3001<Tab>Lò Văn Páo"
[ "$(q 'SELECT count(*) FROM draft')" = 1 ] || fail "no draft of the new household"
keys "<Esc>2a<Esc>y"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "Esc, y left the draft"
keys "2<Enter>e<End>x<Backspace><Tab>"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "a form changed back kept a draft"

# Another login never sees it.
keys "2aHN-3002<Tab>Sùng A Chứ"
[ "$(q 'SELECT count(*) FROM draft')" = 1 ] || fail "no draft of HN-3002"
q "UPDATE draft SET login = 'someone-else'"
keys ""
lacks 'Unsaved draft'
has 'Dashboard'
q "DELETE FROM draft"

# Every record form keeps drafts the same way, each reopened on its own
# screen. A new staff member is drafted under its agency.
keys "3<Enter>a"
has "New staff member — "
shown=$(sed -n 3p <<<"$out" | sed 's/.*— //')
agency_id=$(q "SELECT id FROM agency WHERE code = '$shown'")
keys "3<Enter>aLường Thị Sen<Tab>Cán bộ hội"
[ "$(q "SELECT kind || '|' || record_id FROM draft")" = "staff|-$agency_id" ] ||
	fail "no draft of the new staff member of $shown: $(q 'SELECT kind, record_id, title FROM draft')"
keys ""
has 'Unsaved draft: New staff member — '"$shown"' — Lường Thị Sen, at '
keys "c"
has "New staff member — $shown"
has 'Cán bộ hội'
keys "c<F2>"
has 'Saved staff member Lường Thị Sen.'
[ "$(q "SELECT agency_id || '|' || position FROM staff WHERE full_name = 'Lường Thị Sen'")" = "$agency_id|Cán bộ hội" ] ||
	fail "the restored staff member was not saved to $shown"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "the saved staff member left its draft"

# The report form: Esc and y throw the draft away, as for the household.
keys "5a<Tab><Tab><C-u>Chị Lan"
[ "$(q "SELECT kind || '|' || json_extract(fields, '\$[2]') FROM draft")" = 'report|Chị Lan' ] ||
	fail "no draft of the report: $(q 'SELECT kind, record_id, fields FROM draft')"
keys "c"
has 'Submit a report'
has 'Chị Lan'
keys "c<Esc>y"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "Esc, y left the report's draft"

# The account form (Users, 8).
keys "8atuan"
keys "c"
has 'New account'
has 'tuan'
keys "c<F2>"
has 'Saved the account tuan: viewer.'
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "the saved account left its draft"

# The round's support entry: the full support item form, prefilled; its
# draft keeps the agency and the delivered state, and reopens on Support.
keys "3graThẻ BHYT cho 2 người"
has 'New support item'
keys "c"
has 'New support item'
has 'Thẻ BHYT cho 2 người'
has '◂ XD-NN&MT — '
has '◂ delivered ▸'
keys "c<F2>"
has 'Saved the support item'
[ "$(q "SELECT a.code || '|' || s.status || '|' || s.actual_date FROM support_item s JOIN agency a ON a.id = s.agency_id
	WHERE s.description = 'Thẻ BHYT cho 2 người'")" = 'XD-NN&MT|delivered|2026-11-27' ] ||
	fail "the round's support item was not saved as prefilled"
[ "$(q 'SELECT count(*) FROM draft')" = 0 ] || fail "the saved support item left its draft"

# ---- deletion ----

code=$(q "SELECT code FROM household WHERE deleted = 0 ORDER BY code LIMIT 1")
head=$(q "SELECT head_name FROM household WHERE code = '$code'")
n=$(q "SELECT count(*) FROM household WHERE deleted = 0")
keys "2d"
has "Delete household $code — $head? (y/n)"
keys "2dn"
has "Not deleted: household $code — $head."
[ "$(q "SELECT deleted FROM household WHERE code = '$code'")" = 0 ] || fail "n deleted $code"

keys "2dy"
has "Deleted household $code — $head. Press u to undo."
has "$((n - 1)) households match"
grep -q "^$code " <<<"$out" && fail "$code is still listed: $out"
[ "$(q "SELECT deleted FROM household WHERE code = '$code'")" = 1 ] || fail "y did not delete $code"
keys "7" vi
grep -A1 "$code" <<<"$out" | grep -q 'xóa' || fail "the History screen does not show the deletion: $out"

# u undoes it only within the session that deleted it.
keys "2u"
has 'Nothing to undo'
q "UPDATE household SET deleted = 0 WHERE code = '$code'"
keys "2dyu"
has "Restored household $code — $head."
has "$n households match"
[ "$(q "SELECT deleted FROM household WHERE code = '$code'")" = 0 ] || fail "u did not restore $code"
keys "7" vi
grep -A1 "$code" <<<"$out" | grep -q 'khôi phục' || fail "the History screen does not show the undo: $out"
# The household's own history (at the end of its screen) too.
out=$(GIAMNGHEO_HEADLESS=100x100 GIAMNGHEO_KEYS="2<Enter>" "$GIAMNGHEO_BIN" --lang en --db "$DEMO")
grep -A2 '^History (newest first)' <<<"$out" | tr -s ' ' | grep -q 'household restored' &&
	grep -A3 '^History (newest first)' <<<"$out" | tr -s ' ' | grep -q 'household deleted' ||
	fail "the household's history should read restored, then deleted: $out"

# The code of a deleted household stays taken: the form says how to get it back.
q "UPDATE household SET deleted = 1 WHERE code = '$code'"
keys "2a$code<Tab>"
has "Code $code belongs to a deleted household: restore it."
q "UPDATE household SET deleted = 0 WHERE code = '$code'; DELETE FROM draft"

# From the household's own screen: deleted, it goes back to the list.
keys "2<Enter>dy"
has "Deleted household $code"
has "$((n - 1)) households match"
keys "2/$head<Enter>"
grep -q "^$code " <<<"$out" && fail "$code is still listed: $out"
q "UPDATE household SET deleted = 0 WHERE code = '$code'"
passed
