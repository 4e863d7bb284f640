# Roles in the full-screen app, drawn headless: the menu bar names the user,
# a viewer's household detail shows ID numbers by their last 4 digits only,
# an editor is refused the form of a household its agency does not help (and
# told why), a user without account sees the figures and no names.
. "$TESTS_SRCDIR/cli/lib.sh"
export LC_ALL=C.UTF-8
make_demo

# screen WHO KEYS: the final screen in $out. Each script starts afresh, not
# on the draft of a form the last one left open.
screen() {
	local who=$1 keys=$2
	sqlite3 "$DEMO" "DELETE FROM draft"
	GIAMNGHEO_USER=$who GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS=$keys gn --lang en --db "$DEMO" \
		>"$TMP/screen.out" 2>"$TMP/screen.err" || fail "keys '$keys' as $who: $(cat "$TMP/screen.err")"
	out=$(cat "$TMP/screen.out")
}

first=$(sqlite3 "$DEMO" "SELECT min(h.code) FROM household h JOIN assignment a ON a.household_id = h.id")
open="2/$first<Enter>"
helper=$(sqlite3 "$DEMO" "SELECT g.code FROM assignment a JOIN agency g ON g.id = a.agency_id
  JOIN household h ON h.id = a.household_id WHERE h.code = '$first' LIMIT 1")
stranger_agency=$(sqlite3 "$DEMO" "SELECT code FROM agency WHERE id NOT IN (SELECT a.agency_id
  FROM assignment a JOIN household h ON h.id = a.household_id WHERE h.code = '$first') ORDER BY code LIMIT 1")
[ -n "$helper" ] && [ -n "$stranger_agency" ] || fail "the demo should assign $first"
gn --db "$DEMO" users add ours --role editor --agency "$helper" >/dev/null
gn --db "$DEMO" users add other --role editor --agency "$stranger_agency" >/dev/null
gn --db "$DEMO" users add meeting --role viewer >/dev/null

# The viewer's detail: members listed, every ID number masked.
sqlite3 "$DEMO" "SELECT cccd FROM member WHERE cccd IS NOT NULL" >"$TMP/ids"
screen meeting "$open<Enter><PgDn>"
has "meeting (viewer)"
has "Household $first"
has "********"
if grep -qF -f "$TMP/ids" <<<"$out"; then fail "a whole ID number on the viewer's screen:
$out"; fi
screen ours "$open<Enter><PgDn>"
grep -qF -f "$TMP/ids" <<<"$out" || fail "an editor of $helper should see the ID numbers of $first:
$out"

# Editing: the helping agency's editor gets the form, another is told why.
screen ours "${open}e"
has "Edit household $first"
screen other "${open}e"
has "The account other works for $stranger_agency, which neither leads nor supports this household."
lacks "Edit household"
screen meeting "$open<Enter>e"
has "The account meeting may only view."

# No account: the figures, no one's name.
head=$(sqlite3 "$DEMO" "SELECT head_name FROM household WHERE code = '$first'")
screen stranger ''
has "stranger (no account)"
has "Targets"
has "No access yet: ask an administrator to add the account stranger."
screen stranger '2'
has "No access yet"
lacks "$head"
lacks "$first"
# Users (8): administrators add, change and remove accounts in a form;
# others are told why they may not.
screen ours '8a'
has "Only an administrator may do this; the account ours is an editor."
lacks "New account"
screen "$(id -un)" '8atuan<Tab><Left><F2>'
has "An editor works for an agency: choose it."
screen "$(id -un)" '8atuan<F2>'
has "Saved the account tuan: viewer."
gn --db "$DEMO" users --format csv | grep -q "^tuan,viewer,,.*,$(id -un)" ||
	fail "the form did not add tuan as a viewer: $(gn --db "$DEMO" users --format csv)"
# Accounts are listed by login: meeting, other, ours, ...
screen "$(id -un)" '8<Down>e<Tab><Tab><Space><F2>'
has "Removed the account other."
gn --db "$DEMO" users --format csv | grep -q '^other,' && fail "other was not removed"
passed
