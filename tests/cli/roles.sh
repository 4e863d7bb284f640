# Accounts and roles on the command line: the creator is the first admin,
# editors change only their agency's work, viewers never see a whole ID
# number, users without an account see no one. Other logins are played
# through GIAMNGHEO_USER, which the owner of the file may use.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo
me=$(id -un)
as() { local who=$1; shift; GIAMNGHEO_USER=$who gn --lang en --db "$DEMO" "$@"; }

# The creator of the database is its administrator.
run 0 gn --lang en --db "$DEMO" users --format csv
has "$me,admin,"

# An editor of VH-XH and a viewer; an editor needs an agency.
run 0 gn --lang en --db "$DEMO" users add lan --role editor --agency VH-XH
has "lan: editor of VH-XH."
run 0 gn --lang en --db "$DEMO" users add minh --role viewer
run 2 gn --lang en --db "$DEMO" users add tuan --role editor
has "--agency"
run 1 gn --lang en --db "$DEMO" users add minh --role viewer
has "already has an account"
run 1 gn --lang en --db "$DEMO" users add 'x;drop' --role viewer
has "not a login name"
run 0 gn --lang en --db "$DEMO" audit --entity account --format csv
has ",$me,account,"
has ",lan,insert,role,,editor"

# An editor's own reminders are its agency's.
run 3 as lan remind --mine
has "VH-XH"
lacks "XD-NN&MT"
run 2 as minh remind --mine
has "--mine needs"

# Only administrators manage accounts, and one always remains.
run 1 as lan users add tuan --role viewer
has "Only an administrator may do this; the account lan is an editor."
run 1 as minh users remove lan
has "The account minh may only view."
run 1 gn --lang en --db "$DEMO" users remove "$me"
has "$me is the last administrator"
run 1 gn --lang en --db "$DEMO" users set "$me" --role viewer
has "last administrator"
run 0 gn --lang en --db "$DEMO" users --format csv
has "$me,admin,"

# Editors file their own agency's reports, not another's; viewers file none.
open_deadline() { gn --db "$DEMO" deadlines --agency "$1" --open --format csv | awk -F, 'NR == 2 { print $6 }'; }
own=$(open_deadline VH-XH)
other=$(open_deadline 'XD-NN&MT')
[ -n "$own" ] && [ -n "$other" ] || fail "the demo should have open deadlines for VH-XH and XD-NN&MT"
run 1 as minh submit --agency VH-XH --deadline "$own" --by "Minh"
has "The account minh may only view."
GIAMNGHEO_USER=minh run 1 gn --lang vi --db "$DEMO" submit --agency VH-XH --deadline "$own" --by Minh
has "Tài khoản minh chỉ được xem."
run 1 as lan submit --agency 'XD-NN&MT' --deadline "$other" --by "Lan"
has "The account lan works for VH-XH and may act only for that agency."
run 0 as lan submit --agency VH-XH --deadline "$own" --by "Lan"
# The register, the rules and the file itself are the administrator's.
printf 'Mã hộ,Họ tên chủ hộ\nSC-9999,Nguyễn Văn A\n' >"$TMP/list.csv"
run 1 as lan import households "$TMP/list.csv"
has "Only an administrator"
run 1 as minh backup "$TMP/copy.db"
has "may only view"
[ ! -e "$TMP/copy.db" ] || fail "a viewer's backup was written"
# Households leave and come back the way they came: by an administrator.
run 1 as lan household delete SC-0001
has "Only an administrator"
run 1 as minh household delete SC-0001
has "may only view"
[ "$(sqlite3 "$DEMO" "SELECT deleted FROM household WHERE code = 'SC-0001'")" = 0 ] || fail "deleted by a non-admin"

# A viewer sees only the last 4 digits of any ID number, in every output.
sqlite3 "$DEMO" "SELECT cccd FROM member WHERE cccd IS NOT NULL" >"$TMP/ids"
[ "$(wc -l <"$TMP/ids")" -gt 50 ] || fail "the demo should have ID numbers"
read -r code id < <(sqlite3 -separator ' ' "$DEMO" "SELECT h.code, m.cccd FROM member m
  JOIN household h ON h.id = m.household_id WHERE m.cccd IS NOT NULL ORDER BY h.code LIMIT 1")
head=$(sqlite3 "$DEMO" "SELECT head_name FROM household WHERE code = '$code'")
no_full_id() {
	if grep -qF -f "$TMP/ids" <<<"$out"; then
		fail "a whole ID number in the output of '$*': $(grep -oF -f "$TMP/ids" <<<"$out" | head -1)"
	fi
}
run 0 as lan household "$code"
has "$id"
run 0 as minh household "$code"
has "********${id:8:4}"
no_full_id household
for fmt in table csv json; do
	run 0 as minh households --format "$fmt"
	has "$code"
	no_full_id "households $fmt"
	run 0 as minh search "${head%% *}" --format "$fmt"
	no_full_id "search $fmt"
	run 0 as minh audit --household "$code" --format "$fmt"
	has "${id:8:4}"
	no_full_id "audit $fmt"
	run 0 as minh audit --entity member --limit 2000 --format "$fmt"
	no_full_id "audit member $fmt"
done
# Nor can a viewer find a household by its ID numbers, which would let
# digits typed one by one spell a number out; names and phones still work.
run 0 as lan households --search "$id"
has "$code"
run 0 as minh households --search "$id"
lacks "$code"
run 0 as minh households --search "${id:0:6}" --format csv
no_full_id "households --search"
member_id=$(sqlite3 "$DEMO" "SELECT m.cccd FROM member m JOIN household h ON h.id = m.household_id
  WHERE m.full_name <> h.head_name AND m.cccd IS NOT NULL ORDER BY m.id LIMIT 1")
run 0 as lan search "$member_id"
has "1 person found."
run 1 as minh search "$member_id"
has "0 people found."
phone=$(sqlite3 "$DEMO" "SELECT phone FROM household WHERE code = '$code'")
run 0 as minh households --search "${phone:-$code}"
has "$code"
run 0 as minh households --search "$head"
has "$code"
for kind in plan half-year year-end; do
	for fmt in text csv; do
		run 0 as minh report "$kind" --format "$fmt" --output -
		no_full_id "report $kind $fmt"
	done
done
run 0 as minh report monthly --agency VH-XH --month 06/2026 --format csv --output -
no_full_id "report monthly"

# Without an account: the figures, but no one's name or number.
run 0 as stranger stats
lacks "$head"
for cmd in "households" "household $code" "search ${head%% *}" "audit" "report plan" "users"; do
	# shellcheck disable=SC2086
	run 1 as stranger $cmd
	has "No access yet: ask an administrator to add the account stranger."
	lacks "$head"
done

# Exports of personal data are in the audit log, with who took them.
run 0 as lan report year-end --format csv --output "$TMP/year-end.csv"
run 0 as minh households --format csv
run 0 gn --lang en --db "$DEMO" audit --entity export_log --format csv
has ",lan,export_log,"
has "report year-end csv"
has "$TMP/year-end.csv"
has ",minh,export_log,"
has "households csv"
has "search json"
has "audit csv"

# A removed account loses its rights at once; adding it again restores them.
run 0 gn --lang en --db "$DEMO" users remove lan
has "Removed the account lan."
run 1 as lan households
has "No access yet"
run 0 gn --lang en --db "$DEMO" users add lan --role viewer
run 0 as lan household "$code"
no_full_id "household of a revived viewer"

# Only the owner of the file may play another login: for anyone else the
# variable is ignored (checked as root, who can hand the file to another user).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	cp "$DEMO" "$TMP/theirs.db"
	chown nobody "$TMP/theirs.db"
	GIAMNGHEO_USER=minh run 0 gn --lang en --db "$TMP/theirs.db" household "$code"
	has "$id"
fi
passed
