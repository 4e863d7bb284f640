# Search ignores diacritics and case: huong finds every Hương and Hường, at
# the start of a word (not Phương).
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo

# The expected people, folded independently of the program (Python's unicodedata).
expected() {
	sqlite3 -separator '|' "$DEMO" "SELECT head_name FROM household WHERE deleted = 0
	  UNION ALL SELECT full_name FROM member m JOIN household h ON h.id = m.household_id
	  WHERE m.deleted = 0 AND full_name <> h.head_name
	  UNION ALL SELECT full_name FROM staff" |
		python3 -c '
import sys, unicodedata
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()
word = sys.argv[1]
print(sum(1 for line in sys.stdin if any(w.startswith(word) for w in fold(line.strip()).split())))
' "$1"
}

want=$(expected huong)
[ "$want" -ge 5 ] || fail "the demo should have at least 4 people named Hương besides the focal contact, has $want"
for query in huong HUONG Hương "Hu$(printf '\xcc\x9b')o$(printf '\xcc\x9b')ng"; do
	run 0 gn --db "$DEMO" search "$query" --format csv
	found=$(($(printf '%s\n' "$out" | wc -l) - 1))
	[ "$found" = "$want" ] || fail "search '$query' found $found people, expected $want:
$out"
	has "Vũ Thị Thu Hương"
	lacks "Phượng"
done

run 0 gn --db "$DEMO" search dung --format csv
has "Dũng"
has "Dung"
found=$(($(printf '%s\n' "$out" | wc -l) - 1))
[ "$found" = "$(expected dung)" ] || fail "search 'dung' found $found people, expected $(expected dung)"

run 0 gn --lang en --db "$DEMO" search huong
has "people found."
run 1 gn --db "$DEMO" search "zzzzqq"

# Phone numbers: the last digits are enough.
phone=$(sqlite3 "$DEMO" "SELECT phone FROM household WHERE phone <> '' ORDER BY code LIMIT 1")
run 0 gn --db "$DEMO" search "${phone: -4}"
has "$phone"
passed
