# A new household from the keyboard alone in a real terminal (tmux), in the
# Vietnamese interface: the household with two members, three deprivations,
# a lead and a supporting agency, three support items; then a colleague's
# save meeting an open support item form, a two-line note, and members changed or removed by a
# colleague while the household form is open. The database is read with sqlite3.
# The walk counts its keystrokes (a typed character is one keystroke) and
# prints the count, for the issue's "under three minutes" goal.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
tmux_start walk
export LC_ALL=C.UTF-8
make_demo
q() { sqlite3 "$DEMO" "$1"; }

PANE=walk

tm new-session -d -s "$PANE" -x 100 -y 30 -- env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 TERM=xterm-256color \
	HOME="$HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
	GIAMNGHEO_TODAY="$GIAMNGHEO_TODAY" GIAMNGHEO_LOCALEDIR="$GIAMNGHEO_LOCALEDIR" \
	GIAMNGHEO_THEMES_DIR="$GIAMNGHEO_THEMES_DIR" "$GIAMNGHEO_BIN" --db "$DEMO"
tm set-option -t "$PANE" escape-time 0 >/dev/null

STROKES=0
# press KEY...: tmux key names, one keystroke each.
press() {
	tm send-keys -t "$PANE" "$@"
	STROKES=$((STROKES + $#))
}
# typed TEXT: literal text, one keystroke a character.
typed() {
	tm send-keys -t "$PANE" -l "$1"
	STROKES=$((STROKES + ${#1}))
}
tabs() { local i; for ((i = 0; i < $1; i++)); do press Tab; done; }

shows() { pane_sees "$PANE" "$1"; }

started=$(date +%s)
shows 'Hôm nay 27/11/2026'

# ---- the household and its two members ----
press 2 a
shows 'Thêm hộ mới'
typed 'SC-9300'; press Tab
typed 'Nguyễn Thị Hương'; press Tab
typed 'Tổ 5, Phố Mới'; press Tab
typed 'TDP01'; tabs 3
typed '1,2tr'; tabs 7                       # past the check boxes and the notes to the members
shows 'chưa có — a: thêm thành viên'
press a
typed 'Nguyễn Thị Hương'; press Tab
typed 'Chủ hộ'; press Tab
typed '12/03/1985'; press Tab Right Right F2
shows 'Nguyễn Thị Hương · Chủ hộ · 12/03/1985'
press a
typed 'Trần Văn Đức'; press Tab
typed 'Chồng'; press Tab
typed '1983'; press Tab Right F2
shows 'Trần Văn Đức · Chồng · 1983'
press F2
shows 'Đã lưu hộ SC-9300 — Nguyễn Thị Hương'

# ---- three deprivations on the detail that opened ----
press X Down X Down Down X
shows '2.2 Bảo hiểm y tế: không thiếu hụt → thiếu hụt'

# ---- the lead agency and a supporting one ----
press A
shows 'Cán bộ theo dõi hộ'
typed 'HPN'; press Tab
typed 'Đinh Ngọc'; tabs 9                   # the ninth supporting box is HND
press Space F2
shows 'Đã lưu: đầu mối HPN'

# ---- three support items, each for one of the deprivations ----
plan() {
	press a
	shows 'Khoản hỗ trợ mới'
	typed "$1"; press Tab
	typed "$2"; press Tab
	typed "$3"; press Tab
	typed "$4"; tabs 2
	typed "$5"; press Tab
	typed "$6"; press F2
	shows 'Đã lưu khoản hỗ trợ'
}
plan 1.1 'chan nuoi' 'Nuôi gà thả vườn' HPN 15/01/2027 1,5tr
plan 2.2 kham 'Mua thẻ BHYT' TYT t 500.000
plan 4.1 'nha o' 'Sửa mái nhà' XD 01/03/2027 10tr
elapsed=$(($(date +%s) - started))
echo "walk: $STROKES keystrokes, ${elapsed}s in the terminal" >&2

hid=$(q "SELECT id FROM household WHERE code = 'SC-9300'")
[ -n "$hid" ] || fail "SC-9300 was not saved"
[ "$(q "SELECT group_concat(full_name || '/' || relation || '/' || birth_date || '/' || sex, ';') FROM
	(SELECT * FROM member WHERE household_id = $hid AND deleted = 0 ORDER BY id)")" = \
	'Nguyễn Thị Hương/Chủ hộ/1985-03-12/F;Trần Văn Đức/Chồng/1983/M' ] || fail "members: $(q "SELECT * FROM member WHERE household_id = $hid")"
[ "$(q "SELECT group_concat(i.code, ' ') FROM (SELECT i.code FROM household_indicator hi
	JOIN indicator i ON i.id = hi.indicator_id WHERE hi.household_id = $hid AND hi.status = 'deprived'
	ORDER BY i.code) i")" = '1.1 1.2 2.2' ] || fail "deprivations: $(q "SELECT * FROM household_indicator WHERE household_id = $hid")"
[ "$(q "SELECT group_concat(x, ' ') FROM (SELECT a.code || ':' || s.role || ':' || coalesce(f.full_name, '') x
	FROM assignment s JOIN agency a ON a.id = s.agency_id LEFT JOIN staff f ON f.id = s.staff_id
	WHERE s.household_id = $hid ORDER BY s.role)")" = 'HPN:lead:Đinh Ngọc Hằng HND:support:' ] ||
	fail "assignment: $(q "SELECT * FROM assignment WHERE household_id = $hid")"
items=$(q "SELECT i.code || '|' || s.kind || '|' || s.description || '|' || a.code || '|' || s.planned_date || '|' || s.cash
	FROM support_item s JOIN indicator i ON i.id = s.indicator_id JOIN agency a ON a.id = s.agency_id
	WHERE s.household_id = $hid ORDER BY s.id")
[ "$items" = "1.1|production|Nuôi gà thả vườn|HPN|2027-01-15|1500000
2.2|health|Mua thẻ BHYT|TYT|2026-11-27|500000
4.1|housing|Sửa mái nhà|XD-NN&MT|2027-03-01|10000000" ] || fail "support items:
$items"

# ---- a colleague saves the item I am editing: both changes kept, by choice ----
press G e                                  # the last line of the plan: the roof
shows 'Sửa khoản hỗ trợ'
roof=$(q "SELECT id FROM support_item WHERE household_id = $hid AND kind = 'housing'")
q "UPDATE support_item SET cash = 12000000, updated_by = 'duc', version = version + 1 WHERE id = $roof"
tabs 3
press C-u; typed 'Thay mái tôn'; press F2
shows 'Người khác đã lưu mục này trong lúc bạn đang sửa.'
shows '12.000.000'                          # their amount, next to mine
[ "$(q "SELECT description FROM support_item WHERE id = $roof")" = 'Sửa mái nhà' ] ||
	fail "a stale save overwrote the colleague's"
press Enter                                # mine where I changed it, theirs where they did
shows 'Đã lưu khoản hỗ trợ'
[ "$(q "SELECT description || '|' || cash || '|' || updated_by FROM support_item WHERE id = $roof")" = \
	"Thay mái tôn|12000000|$(id -un)" ] || fail "after the choice: $(q "SELECT * FROM support_item WHERE id = $roof")"

# ---- a two-line note typed in the terminal: Ctrl-O breaks the line ----
press g e                                  # the first line: the household itself
shows 'SC-9300'
tabs 12
typed 'Mẹ đơn thân'; press C-o; typed 'chồng làm thuê'; press F2
shows 'Đã lưu hộ SC-9300'
[ "$(q "SELECT notes FROM household WHERE id = $hid")" = 'Mẹ đơn thân
chồng làm thuê' ] || fail "the note: $(q "SELECT notes FROM household WHERE id = $hid")"
# ---- helpers: a colleague adds a supporter while I change the staff member ----
press A
shows 'Cán bộ theo dõi hộ'
dtn=$(q "SELECT id FROM agency WHERE code = 'DTN'")
q "INSERT INTO assignment(household_id, agency_id, role, updated_by) VALUES ($hid, $dtn, 'support', 'duc')"
press Tab; typed 'Đinh Minh'; press F2
shows 'Phối hợp: DTN'                         # their supporter, beside mine (none)
[ "$(q "SELECT coalesce(f.full_name, '') FROM assignment s LEFT JOIN staff f ON f.id = s.staff_id
	WHERE s.household_id = $hid AND s.role = 'lead'")" = 'Đinh Ngọc Hằng' ] || fail "a stale assignment was saved"
press Enter
shows 'Đã lưu: đầu mối HPN'
[ "$(q "SELECT group_concat(x, ' ') FROM (SELECT a.code || ':' || s.role || ':' || coalesce(f.full_name, '') x
	FROM assignment s JOIN agency a ON a.id = s.agency_id LEFT JOIN staff f ON f.id = s.staff_id
	WHERE s.household_id = $hid ORDER BY s.role, a.code)")" = 'HPN:lead:Đinh Minh Oanh DTN:support: HND:support:' ] ||
	fail "after the choice: $(q "SELECT * FROM assignment WHERE household_id = $hid")"
# ---- a member changed by a colleague while the household form is open ----
# I change Đức's name and year of birth; meanwhile a colleague records his
# ethnicity and health card. My F2 shows both versions of the member side by
# side; I keep my values and take theirs, and the member stored holds both.
press g e
shows 'Thành viên'
duc=$(q "SELECT id FROM member WHERE household_id = $hid AND full_name = 'Trần Văn Đức'")
q "UPDATE member SET ethnicity = 'Tày', health_card = 'HN4010012345678', updated_by = 'duc', version = version + 1
	WHERE id = $duc"
tabs 13; press Down Enter                    # the members list, Đức
shows 'Sửa thành viên'
press C-u; typed 'Trần Văn Đức Anh'; press Tab Tab C-u; typed '1984'; press F2
shows 'Trần Văn Đức Anh · Chồng · 1984'
press F2
shows 'vừa được người khác sửa: hãy chọn giữ lại gì'
shows 'HN4010012345678'
# What I changed starts as mine, what only the colleague changed as theirs.
pane=$(tm capture-pane -p -t "$PANE")
grep -q '\[x\] Trần Văn Đức Anh .*\[ \] Trần Văn Đức *$' <<<"$pane" &&
	grep -q '\[x\] 1984 .*\[ \] 1983' <<<"$pane" && grep -q '\[ \] Kinh .*\[x\] Tày' <<<"$pane" ||
	fail "the conflict table: $pane"
[ "$(q "SELECT full_name || '|' || birth_date FROM member WHERE id = $duc")" = 'Trần Văn Đức|1983' ] ||
	fail "a stale member was saved: $(q "SELECT * FROM member WHERE id = $duc")"
press Down Down Down Space Space Enter      # the card: theirs, mine, theirs again; then the choice
shows 'đã mang các giá trị bạn chọn; nhấn F2 để lưu hộ'
press F2
shows 'Đã lưu hộ SC-9300'
[ "$(q "SELECT full_name || '|' || birth_date || '|' || ethnicity || '|' || health_card || '|' || relation
	FROM member WHERE id = $duc")" = 'Trần Văn Đức Anh|1984|Tày|HN4010012345678|Chồng' ] ||
	fail "the merged member: $(q "SELECT * FROM member WHERE id = $duc")"
[ "$(q "SELECT count(*) FROM audit WHERE entity = 'member' AND entity_id = $duc AND action = 'update'
	AND actor = 'duc'")" = 1 ] || fail "the colleague's save is not in the audit: $(q "SELECT * FROM audit WHERE entity_id = $duc")"
[ "$(q "SELECT count(*) FROM audit WHERE entity = 'member' AND entity_id = $duc AND action = 'update'
	AND actor <> 'duc' AND after_json LIKE '%Đức Anh%'")" = 1 ] ||
	fail "my save is not in the audit: $(q "SELECT actor, after_json FROM audit WHERE entity_id = $duc")"
# ---- a member removed by a colleague while I change it ----
# What I typed stays in the list, as a new member: F2 adds it back.
press g e
shows 'Thành viên'
tabs 13; press Down Enter
shows 'Sửa thành viên'
tabs 7; press C-u; typed 'Lớp 9'; press F2
shows 'Trần Văn Đức Anh · Chồng · 1984'
q "UPDATE member SET deleted = 1, updated_by = 'duc', version = version + 1 WHERE id = $duc"
press F2
shows 'vừa bị người khác xoá; danh sách giữ lại như thành viên mới'
shows 'Trần Văn Đức Anh · Chồng · 1984'
press F2
shows 'Đã lưu hộ SC-9300'
[ "$(q "SELECT full_name || '|' || birth_date || '|' || ethnicity || '|' || schooling FROM member
	WHERE household_id = $hid AND deleted = 0 AND id <> $duc AND relation = 'Chồng'")" = \
	'Trần Văn Đức Anh|1984|Tày|Lớp 9' ] || fail "the member added back: $(q "SELECT * FROM member WHERE household_id = $hid")"
# ---- a member changed by a colleague: I take their version ----
press g e
shows 'Thành viên'
huong=$(q "SELECT id FROM member WHERE household_id = $hid AND full_name = 'Nguyễn Thị Hương'")
tabs 13; press Enter
shows 'Sửa thành viên'
tabs 8; press C-u; typed 'Bán hàng'; press F2
shows 'Nguyễn Thị Hương · Chủ hộ'
q "UPDATE member SET work_status = 'Nội trợ', updated_by = 'duc', version = version + 1 WHERE id = $huong"
press F2
shows 'Nội trợ'
press t
shows 'giữ nguyên như người kia đã lưu; nhấn F2 để lưu hộ'
press F2
shows 'Đã lưu hộ SC-9300'
[ "$(q "SELECT work_status || '|' || updated_by FROM member WHERE id = $huong")" = 'Nội trợ|duc' ] ||
	fail "their version taken: $(q "SELECT * FROM member WHERE id = $huong")"
passed
