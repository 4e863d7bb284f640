# The household form and indicator entry in place, driven headless with key
# scripts on the demo ward; what was saved is checked with sqlite3.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

keys() { fresh_keys "$@"; }

# Field order: code, head, address, TDP, area, phone, income, targeted, four
# flags, notes.

# ---- add: a name typed composed, an invalid phone refused and nothing saved ----
nfc='Trần Thị Ngọc'
keys "2aSC-9001<Tab>$nfc<Tab>Số 5 ngõ 12<Tab>moi<Tab><Right><Tab>0912abc<Tab>1,5tr<Tab> <F2>"
has 'Not a phone number'
has 'The form has errors'
has '= 1.500.000 đ'
has 'TDP01'
[ "$(q "SELECT count(*) FROM household WHERE code = 'SC-9001'")" = 0 ] || fail "saved despite the invalid phone"

# The same, corrected: Ctrl-U clears the field the error sent the cursor to.
keys "2aSC-9001<Tab>$nfc<Tab>Số 5 ngõ 12<Tab>moi<Tab><Right><Tab>0912abc<Tab>1,5tr<Tab> <F2><C-u>0912 345 678<F2>"
has "Saved household SC-9001 — $nfc"
has "Household SC-9001 — $nfc"   # the new household's detail opens
row=$(q "SELECT head_name, phone, income_per_person, area, targeted, t.code FROM household h
	JOIN tdp t ON t.id = h.tdp_id WHERE h.code = 'SC-9001'")
[ "$row" = "$nfc|0912345678|1500000|rural|1|TDP01" ] || fail "SC-9001 stored as '$row'"

# ---- a name typed decomposed (NFD) is stored composed (NFC) ----
nfd=$(printf 'Le\xcc\x82 Va\xcc\x86n Hu\xcc\x80ng')   # Lê Văn Hùng typed as letters then combining marks
keys "2aSC-9002<Tab>$nfd<Tab><Tab><Tab><Tab><Tab>900000<F2>"
has 'Saved household SC-9002'
stored=$(q "SELECT hex(head_name) FROM household WHERE code = 'SC-9002'")
want=$(printf 'Lê Văn Hùng' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
[ "$stored" = "$want" ] || fail "NFD name stored as $stored, expected NFC $want"

# Empty code and name are refused with their messages; a taken code too.
keys "2a<F2>"
has "Enter the household's code."
has 'Enter the name of the head of household.'
keys "2aSC-0001<Tab>"
has 'Code SC-0001 is already used by household'
n=$(q "SELECT count(*) FROM household")
keys "2aSC-0001<Tab>Ai Đó<Tab><Tab><Tab><Tab><Tab>0<F2>"
has 'already used'
[ "$(q "SELECT count(*) FROM household")" = "$n" ] || fail "a duplicate code was saved"

# ---- indicators in place: three set, the class follows ----
[ "$(q "SELECT class FROM household WHERE code = 'SC-9001'")" = near_poor ] || fail "SC-9001 should start near-poor"
keys "2/9001<Enter><Enter>X<Down>X<Down><Down>X"
has '2.2 Health insurance: not deprived → deprived; class: near-poor → poor'
has 'X 2.2'
rows=$(q "SELECT i.code || '=' || hi.status FROM household_indicator hi JOIN indicator i ON i.id = hi.indicator_id
	JOIN household h ON h.id = hi.household_id WHERE h.code = 'SC-9001' ORDER BY i.code" | tr '\n' ' ')
[ "$rows" = "1.1=deprived 1.2=deprived 2.2=deprived " ] || fail "indicators stored: $rows"
[ "$(q "SELECT class FROM household WHERE code = 'SC-9001'")" = poor ] || fail "SC-9001 should now be poor"
# The cursor stays on the indicator set: ~ then + act on 2.2 again.
keys "2/9001<Enter><Enter><Down><Down><Down>~+"
has '2.2 Health insurance: being addressed → resolved; class: poor → near-poor'

# ---- edit: income above the line changes the class in the detail ----
keys "2/9001<Enter><Enter>e$(T 6)<C-u>2.500.000<F2>"
has 'Saved household SC-9001'
grep -q '^  Class  *not poor$' <<<"$out" || fail "the detail should show the new class:
$out"
[ "$(q "SELECT income_per_person || class FROM household WHERE code = 'SC-9001'")" = 2500000not_poor ] ||
	fail "income not saved"

# ---- Esc on a changed form asks; n keeps editing; y leaves without saving ----
keys "2/9001<Enter><Enter>e$(T 12)Chưa lưu<Esc>"
has 'Leave without saving your changes? (y/n)'
keys "2/9001<Enter><Enter>e$(T 12)Chưa lưu<Esc>n nữa"
has 'Chưa lưu nữa'
lacks 'Leave without saving'
keys "2/9001<Enter><Enter>e$(T 12)Chưa lưu<Esc>y"
has 'Household SC-9001 — '
[ "$(q "SELECT count(*) FROM household WHERE notes LIKE 'Chưa lưu%'")" = 0 ] || fail "Esc saved the notes"
# An unchanged form leaves at once.
keys "2/9001<Enter><Enter>e<Esc>"
lacks 'Leave without saving'

# ---- conflict: a colleague saves first (test hook), both versions are shown ----
edit="2/9001<Enter><Enter>e$(T 6)<C-u>1.200.000$(T 6)Ghi chú của tôi<F2>"
v0=$(q "SELECT version FROM household WHERE code = 'SC-9001'")
keys "$edit" GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1
has 'saved this household at'
grep -q 'Phone .*\[ \] 0912345678 .*\[x\] 0988000111' <<<"$out" || fail "phone: theirs by default:
$out"
grep -q 'Income per person per month .*\[x\] 1.200.000 đ .*\[ \] 2.500.000 đ' <<<"$out" ||
	fail "income: mine by default:
$out"
[ "$(q "SELECT income_per_person || '|' || phone FROM household WHERE code = 'SC-9001'")" = '2500000|0988000111' ] ||
	fail "something was written before the choice"

# Take theirs: mine discarded, theirs stays.
keys "${edit}t" GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1
has 'Your changes were discarded'
[ "$(q "SELECT income_per_person || '|' || phone FROM household WHERE code = 'SC-9001'")" = '2500000|0988000111' ] ||
	fail "take theirs changed the record"

# Per field (the defaults: my income and notes, their phone) with Enter.
reset() { q "UPDATE household SET phone = '0912345678', income_per_person = 2500000, notes = '' WHERE code = 'SC-9001'"; }
reset
keys "${edit}<Enter>" GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1
has 'Saved household SC-9001'
[ "$(q "SELECT income_per_person || '|' || phone || '|' || notes FROM household WHERE code = 'SC-9001'")" = \
	'1200000|0988000111|Ghi chú của tôi' ] || fail "merge: $(q "SELECT income_per_person, phone, notes FROM household WHERE code = 'SC-9001'")"

# Keep all mine with m: every field as typed.
reset
keys "${edit}m" GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1
has 'Saved household SC-9001'
[ "$(q "SELECT income_per_person || '|' || phone || '|' || notes FROM household WHERE code = 'SC-9001'")" = \
	'1200000|0912345678|Ghi chú của tôi' ] || fail "keep mine: $(q "SELECT income_per_person, phone, notes FROM household WHERE code = 'SC-9001'")"
# Space toggles the highlighted field (phone, the first that differs) to mine.
reset
keys "${edit}<Space><F2>" GIAMNGHEO_TEST_BUMP_BEFORE_SAVE=1
has 'Saved household SC-9001'
[ "$(q "SELECT phone FROM household WHERE code = 'SC-9001'")" = 0912345678 ] || fail "Space did not keep my phone"
[ "$(q "SELECT version FROM household WHERE code = 'SC-9001'")" -gt "$v0" ] || fail "version did not move"

passed
