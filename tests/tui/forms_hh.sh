# The household-side forms driven headless on the demo ward: members inside
# the household form, the support item form, the assignment form; bad input
# refused next to its field with the text kept, nothing saved until it is
# right; what was saved is checked with sqlite3.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

keys() { fresh_keys "$@"; }

# The household form up to its members list (13 fields before it).
HH="2aSC-9100<Tab>Nguyễn Thị Hương<Tab>Số 7 ngõ 3$(T 4)1,2tr$(T 7)"

# ---- a member: bad birth date, bad ID number, no name: refused, text kept ----
keys "${HH}a<Tab>Con<Tab>31/02/2010<Tab><Tab><Tab>12345<Tab>"
has 'That month has no such day. Or type the year alone.'
has 'An ID number (CCCD) has 12 digits.'
keys "${HH}a<Tab>Con<Tab>2010<F2>"
has "Enter the member's full name."
has 'The form has errors'
has 'Con'         # what was typed is still there
has '2010'
keys "${HH}a<Tab>Con<Tab>12/05/2030<Tab>"
has 'A birth date cannot be in the future.'

# Leaving a changed member asks first; n stays, y leaves without it.
keys "${HH}aTrần Văn Đức<Esc>"
has 'Leave without saving your changes? (y/n)'
keys "${HH}aTrần Văn Đức<Esc>y"
has 'none yet — a: add a member'
[ "$(q "SELECT count(*) FROM household WHERE code = 'SC-9100'")" = 0 ] || fail "saved without F2"

# ---- two members typed in Vietnamese, stored with the household in one save ----
M1="aNguyễn Thị Hương<Tab>Chủ hộ<Tab>12/03/1985<Tab><Right><Right><Tab><Tab>001 185 012 345<F2>"
M2="aTrần Văn Đức<Tab>Chồng<Tab>1983<Tab><Right><Tab><Tab><Tab><Tab><Tab>Làm thuê<Tab> <F2>"
keys "${HH}${M1}${M2}"
has 'Nguyễn Thị Hương · Chủ hộ · 12/03/1985 · 001185012345'
has 'Trần Văn Đức · Chồng · 1983'
[ "$(q "SELECT count(*) FROM household WHERE code = 'SC-9100'")" = 0 ] || fail "members kept must not save the household"
# The same ID number twice is refused in the member form.
keys "${HH}${M1}aTrần Văn Đức<Tab><Tab><Tab><Tab><Tab>001185012345<Tab>"
has 'Nguyễn Thị Hương already has this ID number.'
keys "${HH}${M1}${M2}<F2>"
has 'Saved household SC-9100'
rows=$(q "SELECT m.full_name, m.relation, m.birth_date, m.sex, coalesce(m.cccd, ''), m.work_status, m.has_contract
	FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = 'SC-9100' ORDER BY m.id")
[ "$rows" = "Nguyễn Thị Hương|Chủ hộ|1985-03-12|F|001185012345||0
Trần Văn Đức|Chồng|1983|M||Làm thuê|1" ] || fail "members stored as:
$rows"

# ---- editing: a member taken off and a multi-line note, in one save ----
keys "2/9100<Enter><Enter>e$(T 12)Mẹ đơn thân<C-o>nuôi hai con$(T 1)<Down>d"
has 'Member Trần Văn Đức taken off'
keys "2/9100<Enter><Enter>e$(T 12)Mẹ đơn thân<C-o>nuôi hai con$(T 1)<Down>d<F2>"
has 'Saved household SC-9100'
grep -qE '^ +nuôi hai con *$' <<<"$out" || fail "the detail should show the note's second line on its own: $out"
[ "$(q "SELECT group_concat(full_name) FROM member m JOIN household h ON h.id = m.household_id
	WHERE h.code = 'SC-9100' AND m.deleted = 0")" = 'Nguyễn Thị Hương' ] || fail "Đức should be taken off"
[ "$(q "SELECT notes FROM household WHERE code = 'SC-9100'")" = 'Mẹ đơn thân
nuôi hai con' ] || fail "the note's line break was not stored"

# ---- support item from the household detail: amount and date checked ----
hid=$(q "SELECT id FROM household WHERE code = 'SC-9100'")
keys "2/9100<Enter><Enter>a1.1<Tab>prod<Tab>Nuôi gà<Tab>HPN<Tab><Tab>32/01/2027<Tab>năm triệu<Tab>"
has 'That month has no such day. t is today.'
has 'Not an amount: write 1500000, 1.500.000 or 1,5tr.'
keys "2/9100<Enter><Enter>a1.1<Tab>prod<Tab>Nuôi gà<Tab>HPN<Tab><Tab>32/01/2027<Tab>năm triệu<F2>"
has 'The form has errors'
has 'Nuôi gà'
[ "$(q "SELECT count(*) FROM support_item WHERE household_id = $hid")" = 0 ] || fail "saved with errors"
# Delivered needs its date; t gives today.
keys "2/9100<Enter><Enter>a1.1<Tab>prod<Tab>Nuôi gà<Tab>HPN<Tab><Tab>15/01/2027<Tab>1,5tr<Tab>deli<F2>"
has 'Enter the date it was delivered (t for today).'
keys "2/9100<Enter><Enter>a1.1<Tab>prod<Tab>Nuôi gà<Tab>HPN<Tab><Tab>15/01/2027<Tab>1,5tr<Tab>deli<Tab>t<Tab>1.450.000<Tab>Giống gà ri<C-o>50 con<F2>"
has 'Saved the support item: production and livestock.'
row=$(q "SELECT i.code, s.kind, s.description, a.code, s.planned_date, s.cash, s.status, s.actual_date,
	s.delivered_cash, s.notes
	FROM support_item s JOIN indicator i ON i.id = s.indicator_id JOIN agency a ON a.id = s.agency_id
	WHERE s.household_id = $hid")
[ "$row" = "1.1|production|Nuôi gà|HPN|2027-01-15|1500000|delivered|2026-11-27|1450000|Giống gà ri
50 con" ] || fail "support item stored as '$row'"

# ---- support item from the Support screen: the household is typed by code ----
n=$(q "SELECT count(*) FROM support_item")
keys "4aSC-0000<Tab>"
has 'No household has the code SC-0000.'
keys "4aSC-9100<Tab>"
has '= Nguyễn Thị Hươ'   # the head's name (cut at the edge)
keys "4aSC-9100<Tab>2.2<Tab>medic<Tab>Khám sức khoẻ<F2>"
has 'Saved the support item: medical care.'
[ "$(q "SELECT count(*) FROM support_item")" = $((n + 1)) ] || fail "the Support screen's a did not add an item"
# e edits the item under the cursor: here the first of the list.
first=$(q "SELECT s.id FROM support_item s JOIN household h ON h.id = s.household_id WHERE s.deleted = 0
	ORDER BY s.planned_date IS NULL, s.planned_date, h.code, s.id LIMIT 1")
keys "4e$(T 3)<C-u>Đã sửa<F2>"
[ "$(q "SELECT description FROM support_item WHERE id = $first")" = 'Đã sửa' ] || fail "e did not edit the selected item"

# ---- assignment: the staff field offers the lead's own staff only ----
keys "2/9100<Enter><Enter>AHPN<Tab>Vũ"
grep -qE 'Staff member following it +◂ none ▸' <<<"$out" || fail "another agency's staff was offered: $out"
keys "2/9100<Enter><Enter>AHPN<Tab>Đinh Ngọc"
has '◂ Đinh Ngọc Hằng ▸'
keys "2/9100<Enter><Enter>AHPN$(T 9) <F2>"
has 'This is the lead agency already.'
has 'The form has errors'
[ "$(q "SELECT count(*) FROM assignment WHERE household_id = $hid")" = 0 ] || fail "assigned despite the error"
# Supporting boxes follow the agencies' order: the 9th is HND, the 11th DTN.
keys "2/9100<Enter><Enter>AHPN<Tab>Đinh Ngọc$(T 9) <Tab><Tab> <F2>"
has 'Saved: lead HPN'
rows=$(q "SELECT a.code || ':' || s.role || ':' || coalesce(f.full_name, '') FROM assignment s
	JOIN agency a ON a.id = s.agency_id LEFT JOIN staff f ON f.id = s.staff_id
	WHERE s.household_id = $hid ORDER BY s.role, a.code")
[ "$rows" = "HPN:lead:Đinh Ngọc Hằng
DTN:support:
HND:support:" ] || fail "assignment stored as:
$rows"

# Taking a supporter off and promoting the other: DTN leads, HPN goes.
keys "2/9100<Enter><Enter>ADTN$(T 10) <F2>"
rows=$(q "SELECT a.code || ':' || s.role FROM assignment s JOIN agency a ON a.id = s.agency_id
	WHERE s.household_id = $hid ORDER BY s.role, a.code")
[ "$rows" = "DTN:lead" ] || fail "after the change: $rows"
passed
