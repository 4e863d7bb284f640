# Deleting by mistake, and undoing it, beyond households: a support item on
# the Support screen and a staff member on an agency's page ask first, leave
# the screen, come back with u pressed on any other screen, and show both
# steps in the History; an agency still helping households is refused with
# the reason, one helping none goes and comes back.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

# keys SCRIPT [--lang vi]: the final screen in $out (English unless told),
# $ROWS lines tall.
keys() { headless "120x${ROWS:-30}" "$1" --lang "${2:-en}" --db "$DEMO"; }

# The History screen, in Vietnamese: the newest lines about who.
history_of() {
	keys "7" vi
	grep -F -- "$1" <<<"$out" | head -2
}

# ---- a support item, from the Support screen ----

# The first line of the Support screen, as it orders the items.
read -r item code < <(q "SELECT s.id, h.code FROM support_item s JOIN household h ON h.id = s.household_id
	WHERE s.deleted = 0 AND h.deleted = 0 ORDER BY s.planned_date IS NULL, s.planned_date, h.code, s.id LIMIT 1" |
	tr '|' ' ')
n=$(q "SELECT count(*) FROM support_item s JOIN household h ON h.id = s.household_id
	WHERE s.deleted = 0 AND h.deleted = 0")
deleted() { q "SELECT deleted FROM $1 WHERE id = $2"; }

keys "4d"
has "Delete support item "
has " of household $code? (y/n)"
keys "4d" vi
has "Xóa khoản hỗ trợ "
has " của hộ $code? (c/k)"
keys "4dn"
has "Not deleted: support item "
[ "$(deleted support_item "$item")" = 0 ] || fail "n deleted support item $item"

keys "4dy"
has "Deleted support item "
has " of household $code. Press u to undo."
has "$((n - 1)) items;"
[ "$(deleted support_item "$item")" = 1 ] || fail "y did not delete support item $item"
q "UPDATE support_item SET deleted = 0 WHERE id = $item"

# u on another screen (the dashboard) brings it back, named.
keys "4dy1u"
has "Restored support item "
has " of household $code."
[ "$(deleted support_item "$item")" = 0 ] || fail "u did not restore support item $item"
keys "4"
has "$n items;"
hist=$(history_of "support_item $code")
grep -q 'khôi phục' <<<"$(head -1 <<<"$hist")" && grep -q 'xóa' <<<"$(tail -1 <<<"$hist")" ||
	fail "the History should read khôi phục, then xóa, for the support item: $hist"

# On the household's page, d on a support line deletes that item, not the
# household, which stays open; its support lines follow the indicators
# (on a screen tall enough to show them all).
hh=$(q "SELECT household_id FROM support_item WHERE id = $item")
first=$(q "SELECT id FROM support_item WHERE household_id = $hh AND deleted = 0 ORDER BY planned_date, id LIMIT 1")
plan=$(q "SELECT count(*) FROM support_item WHERE household_id = $hh AND deleted = 0")
indicators=$(q "SELECT count(*) FROM indicator WHERE standard_id = (SELECT current_standard_id FROM ward)")
to_plan=$(for ((i = 0; i < indicators; i++)); do printf '<Down>'; done)
ROWS=100 keys "2/$code<Enter><Enter>${to_plan}dy"
has "Deleted support item "
has "Support plan ($((plan - 1)))"
has "Household $code"
[ "$(deleted support_item "$first")" = 1 ] || fail "d on the household's support line did not delete item $first"
[ "$(q "SELECT deleted FROM household WHERE id = $hh")" = 0 ] || fail "d on a support line deleted the household"
q "UPDATE support_item SET deleted = 0 WHERE id = $first"

# Nothing deleted in this session: nothing to undo.
keys "u"
has "Nothing to undo"

# ---- a staff member, on an agency's page ----

read -r agency acode < <(q "SELECT id, code FROM agency WHERE deleted = 0 ORDER BY kind = 'tdp', id LIMIT 1" | tr '|' ' ')
read -r member < <(q "SELECT id FROM staff WHERE agency_id = $agency AND deleted = 0 ORDER BY full_name, id LIMIT 1")
name=$(q "SELECT full_name FROM staff WHERE id = $member")
k=$(q "SELECT count(*) FROM staff WHERE agency_id = $agency AND deleted = 0")

keys "3<Enter>d"
has "Delete staff member $name of agency $acode? (y/n)"
keys "3<Enter>dy"
has "Deleted staff member $name of agency $acode. Press u to undo."
has "Staff: $((k - 1)) "
[ "$(deleted staff "$member")" = 1 ] || fail "y did not delete staff member $member"
q "UPDATE staff SET deleted = 0 WHERE id = $member"

keys "3<Enter>dy2u"
has "Restored staff member $name of agency $acode."
[ "$(deleted staff "$member")" = 0 ] || fail "u did not restore staff member $member"
keys "3<Enter>"
has "Staff: $k "
hist=$(history_of "staff $acode · $name")
grep -q 'khôi phục' <<<"$(head -1 <<<"$hist")" && grep -q 'xóa' <<<"$(tail -1 <<<"$hist")" ||
	fail "the History should read khôi phục, then xóa, for the staff member: $hist"

# ---- agencies ----

# The line of the Agencies screen an agency is on, and the keys down to it.
agencies="SELECT id, row_number() OVER (ORDER BY kind = 'tdp', id) - 1 AS n FROM agency WHERE deleted = 0"
down_to() {
	local i
	for ((i = $(q "SELECT n FROM ($agencies) WHERE id = $1"); i > 0; i--)); do printf '<Down>'; done
}
focal=$(q "SELECT focal_agency_id FROM ward")

# Still helping households: refused, and why.
read -r busy bcode < <(q "SELECT a.id, a.code FROM agency a WHERE a.deleted = 0 AND a.id <> $focal
	AND EXISTS (SELECT 1 FROM assignment s WHERE s.agency_id = a.id) ORDER BY a.kind = 'tdp', a.id LIMIT 1" | tr '|' ' ')
helped=$(q "SELECT count(DISTINCT s.household_id) FROM assignment s JOIN household h ON h.id = s.household_id
	WHERE s.agency_id = $busy AND h.deleted = 0")
keys "3$(down_to "$busy")dy"
if [ "$helped" = 1 ]; then
	has "Agency $bcode still leads or supports 1 household: assign it to another agency first."
else
	has "Agency $bcode still leads or supports $helped households: assign them to another agency first."
fi
[ "$(deleted agency "$busy")" = 0 ] || fail "an agency helping households was deleted"
# Nor the focal department, which the plan names.
fcode=$(q "SELECT code FROM agency WHERE id = $focal")
keys "3$(down_to "$focal")dy"
has "Agency $fcode is the ward's focal department"
[ "$(deleted agency "$focal")" = 0 ] || fail "the focal department was deleted"

# One helping none: deleted, and u brings it back.
read -r idle icode < <(q "SELECT a.id, a.code FROM agency a WHERE a.deleted = 0 AND a.id <> $focal
	AND NOT EXISTS (SELECT 1 FROM assignment s WHERE s.agency_id = a.id) ORDER BY a.kind = 'tdp', a.id LIMIT 1" |
	tr '|' ' ')
downs=$(down_to "$idle")
keys "3${downs}dy"
has "Deleted agency $icode — "
[ "$(deleted agency "$idle")" = 1 ] || fail "y did not delete agency $icode"
grep -q "^$icode " <<<"$out" && fail "$icode is still listed: $out"
q "UPDATE agency SET deleted = 0 WHERE id = $idle"
keys "3${downs}dyu"
has "Restored agency $icode — "
[ "$(deleted agency "$idle")" = 0 ] || fail "u did not restore agency $icode"
passed
