# import households: good, malformed and hostile CSV; nothing ever half-imports.
. "$TESTS_SRCDIR/cli/lib.sh"
make_demo
SAMPLE="$TESTS_SRCDIR/import/ho-ngheo-mau.csv"

q() { sqlite3 "$DEMO" "$1"; }
counts() {
	q "SELECT (SELECT count(*) FROM household) || '/' || (SELECT count(*) FROM member) || '/' ||
	   (SELECT count(*) FROM household_indicator) || '/' || (SELECT count(*) FROM audit)"
}
imp() { gn --lang en --db "$DEMO" import households "$@"; }
# unchanged FILE: the dry run and the real import both fail and write nothing.
unchanged() {
	local before
	before=$(counts)
	run 1 imp "$1" --dry-run
	local dry=$out
	[ "$(counts)" = "$before" ] || fail "the dry run of $1 changed the database"
	run 1 imp "$1"
	has "nothing was imported"
	[ "$(counts)" = "$before" ] || fail "a failed import of $1 changed the database: $before -> $(counts)"
	out=$dry
}

# ---- usage ----
run 2 imp
run 2 gn --db "$DEMO" import people "$SAMPLE"
run 2 imp "$SAMPLE" extra
run 1 imp "$TMP/none.csv"
has "no such file"
run 0 imp --help
has "Mã hộ"

# ---- the sample: dry run writes nothing, the import saves everything ----
before=$(counts)
households0=$(q "SELECT count(*) FROM household")
members0=$(q "SELECT count(*) FROM member")
run 0 imp "$SAMPLE" --dry-run
has "Dry run, nothing saved"
has "3 households, 6 members and 6 deprivations"
has 'Column "Số CCCD": citizen ID number (CCCD)'
has 'Column "1.1": indicator 1.1'
[ "$(counts)" = "$before" ] || fail "the dry run wrote to the database"
run 0 imp "$SAMPLE"
has "3 households, 6 members, 6 deprivations"
[ "$(q "SELECT count(*) FROM household")" = $((households0 + 3)) ] || fail "households not imported"
[ "$(q "SELECT count(*) FROM member")" = $((members0 + 6)) ] || fail "members not imported"
[ "$(q "SELECT head_name FROM household WHERE code = 'NK-001'")" = "Hoàng Thị Lụa" ] ||
	fail "Vietnamese head name not intact"
[ "$(q "SELECT address FROM household WHERE code = 'NK-001'")" = "Tổ dân phố Phố Mới, phường Sông Công" ] ||
	fail "quoted address with a comma not intact"
[ "$(q "SELECT t.name FROM household h JOIN tdp t ON t.id = h.tdp_id WHERE h.code = 'NK-002'")" = "Tân Lập" ] ||
	fail "residential group not recognised in the address"
[ "$(q "SELECT phone FROM household WHERE code = 'NK-001'")" = "0912345678" ] || fail "phone not normalised"
[ "$(q "SELECT group_concat(i.code, ' ') FROM (SELECT i.code FROM household_indicator hi
  JOIN indicator i ON i.id = hi.indicator_id JOIN household h ON h.id = hi.household_id
  WHERE h.code = 'NK-001' AND hi.status = 'deprived' ORDER BY i.position) i")" = "1.1 1.2 2.2 4.1" ] ||
	fail "indicator statuses not set (x, 1, có)"
[ "$(q "SELECT class FROM household WHERE code = 'NK-001'")" = poor ] || fail "NK-001 should be poor"
[ "$(q "SELECT class FROM household WHERE code = 'NK-002'")" = near_poor ] || fail "NK-002 should be near-poor"
[ "$(q "SELECT class FROM household WHERE code = 'NK-003'")" = middle ] || fail "NK-003 should be middle"
[ "$(q "SELECT group_concat(full_name || ':' || relation || ':' || birth_date || ':' || sex || ':' || ifnull(cccd, ''), '|')
  FROM (SELECT m.* FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = 'NK-001' ORDER BY m.id)")" = \
	"Hoàng Thị Lụa:Chủ hộ:1975-03-12:F:001175009001|Nguyễn Văn Tùng:Con:2005-09-05:M:001205009002|Nguyễn Thị Mai:Con:2012:F:" ] ||
	fail "members not attached to their household"
[ "$(q "SELECT ethnic_minority FROM household WHERE code = 'NK-002'")" = 1 ] || fail "ethnic minority not flagged"
run 0 gn --lang en --db "$DEMO" household NK-001
has "Nguyễn Văn Tùng"

# The same file again: every code and ID number is taken; nothing changes.
unchanged "$SAMPLE"
has 'Row 9, column "Mã hộ", value "NK-001": a household with this code is already in the database'
has 'Row 10, column "Số CCCD", value "001205009002": this ID number already belongs to a member of household NK-001'

# ---- ';' with a BOM, CRLF, headers without diacritics in another order, indicator names ----
printf '\xef\xbb\xbf' >"$TMP/semi.csv"
printf 'SO CCCD;ma ho;ho va ten chu ho;to dan pho;thu nhap binh quan dau nguoi thang;nam sinh;gioi tinh;so dien thoai;Viec lam;bao hiem y te;6.2 Phuong tien;ho va ten;quan he voi chu ho;ghi chu\r\n' >>"$TMP/semi.csv"
printf '001080007001;KD-01;Đặng Văn Khoa;tan lap;1.200.000;1980;nam;+84 912 000 111;x;x;x;;;"Nói ""khó khăn""\r\nnhiều năm"\r\n' >>"$TMP/semi.csv"
printf '001210007002;KD-01;;;;2010;nữ;;;;;Đặng Thị Hà;Con;\r\n' >>"$TMP/semi.csv"
run 0 imp "$TMP/semi.csv"
has "1 households, 2 members, 3 deprivations"
[ "$(q "SELECT t.code || ' ' || h.class || ' ' || h.phone FROM household h JOIN tdp t ON t.id = h.tdp_id WHERE h.code = 'KD-01'")" = "TDP02 poor 0912000111" ] ||
	fail "';' file with BOM and plain headers not imported right"
[ "$(q "SELECT notes FROM household WHERE code = 'KD-01'")" = 'Nói "khó khăn" nhiều năm' ] ||
	fail "embedded quotes and line break not read"
[ "$(q "SELECT m.full_name FROM member m JOIN household h ON h.id = m.household_id WHERE h.code = 'KD-01' AND m.relation = 'Con'")" = "Đặng Thị Hà" ] ||
	fail "member of the ';' file not attached"
[ "$(q "SELECT count(*) FROM household_indicator hi JOIN household h ON h.id = hi.household_id
  JOIN indicator i ON i.id = hi.indicator_id WHERE h.code = 'KD-01' AND i.code IN ('1.1', '2.2', '6.2')")" = 3 ] ||
	fail "indicator columns named by their Vietnamese names not read"

# ---- formula-like cells are plain text: imported, never evaluated ----
printf "Mã hộ,Họ và tên chủ hộ,Ghi chú\nFX-01,=cmd|' /C calc'!A0,@SUM(A1:A2)\nFX-02,+Trần Văn An,-1+2\n" >"$TMP/formula.csv"
run 0 imp "$TMP/formula.csv"
has 'Row 2, column "Họ và tên chủ hộ", value "=cmd|'"'"' /C calc'"'"'!A0": warning: begins like a spreadsheet formula'
[ "$(q "SELECT head_name || ' ' || notes FROM household WHERE code = 'FX-01'")" = "=cmd|' /C calc'!A0 @SUM(A1:A2)" ] ||
	fail "formula-like cells not stored verbatim"
[ "$(q "SELECT notes FROM household WHERE code = 'FX-02'")" = "-1+2" ] || fail "formula-like note changed"

# ---- malformed and hostile: every problem listed by row, nothing imported ----
demo_cccd=$(q "SELECT cccd FROM member WHERE cccd IS NOT NULL AND deleted = 0 ORDER BY id LIMIT 1")
demo_code=$(q "SELECT h.code FROM member m JOIN household h ON h.id = m.household_id WHERE m.cccd = '$demo_cccd'")
big=$(head -c 100000 /dev/zero | tr '\0' 'a')
{
	printf 'Mã hộ,Họ và tên chủ hộ,Tổ dân phố,Thu nhập bình quân,Số CCCD,1.1,Ghi chú,Cột lạ\n'
	printf 'BAD-01,Nguy\xeain V\xe3n A,,1500000,,,,\n'                    # row 2: Windows-1258 / Latin-1
	printf 'BAD-02,=cmd|'"'"' /C calc'"'"'!A0,,1500000,001090001111,x,,\n'  # row 3: fine but for a warning
	printf 'BAD-03,Lê Văn Ba,,1500000,001090001111,,,\n'                  # row 4: CCCD of row 3
	printf 'BAD-04,Lê Văn Bốn,,1500000,%s,,,\n' "$demo_cccd"               # row 5: CCCD in the database
	printf 'BAD-05,Lê Văn Năm,,1500000,,,"%s",\n' "$big"                   # row 6: a 100 000-byte cell
	printf 'BAD-06,Lê Văn Sáu,,nhiều tiền,,có lẽ,,\n'                      # row 7: amount, mark
	printf 'BAD-07,Lê \033[31mBảy,Tổ Không Có,1500000,12345,,,\n'          # row 8: ESC, TDP, short CCCD
	printf ',Không Mã,,1500000,,,,\n'                                      # row 9: no code
	printf 'BAD-09,"Lê "Chín",,1500000,,,,\n'                              # row 10: text after a quote
	printf 'BAD-10,Lê Văn Mười,,1500000,,,"ghi chú không đóng ngoặc,\n'    # row 11: unbalanced quote
	printf 'BAD-11,Không Bao Giờ Đọc,,1,,,,\n'
} >"$TMP/hostile.csv"
unchanged "$TMP/hostile.csv"
has 'Row 1, column "Cột lạ": warning: column not recognised: ignored'
has 'Column "Cột lạ": ignored'
has 'Column "Tổ dân phố": residential group'
has 'Row 2, column "Họ và tên chủ hộ", value "Nguy�in V�n A": not UTF-8: save the file as CSV UTF-8'
has 'Row 3, column "Họ và tên chủ hộ", value "=cmd|'
has 'Row 4, column "Số CCCD", value "001090001111": this ID number is already given at row 3 (household BAD-02)'
has "Row 5, column \"Số CCCD\", value \"$demo_cccd\": this ID number already belongs to a member of household $demo_code"
has 'Row 6, column "Ghi chú", value "aaaaaaaa'
has 'cell longer than 4000 bytes'
has 'Row 7, column "Thu nhập bình quân", value "nhiều tiền": not an amount of money'
has 'Row 7, column "1.1", value "có lẽ": mark a deprivation with x, 1, có, or leave the cell empty'
has 'Row 8, column "Họ và tên chủ hộ", value "Lê �[31mBảy": control characters are not allowed'
has 'Row 8, column "Tổ dân phố", value "Tổ Không Có": unknown residential group; the ward has: Phố Mới'
has 'Row 8, column "Số CCCD", value "12345": not a citizen ID number'
has 'Row 9, column "Mã hộ": the household code is missing'
has 'Row 10, column "Họ và tên chủ hộ", value "Lê Chín"": text after the closing quote'
has 'Row 11: a quote opened in this row is never closed'
lacks 'Row 12'
lacks "$big"
[ "$(q "SELECT count(*) FROM household WHERE code LIKE 'BAD-%'")" = 0 ] || fail "hostile rows imported"

# A member row without the member's name; a Windows-1258 header.
printf 'Mã hộ,Họ và tên chủ hộ,Số CCCD\nM-01,Vũ Văn Một,\nM-01,Vũ Văn Hai,\n' >"$TMP/member.csv"
unchanged "$TMP/member.csv"
has 'Row 3, column "Mã hộ", value "M-01": household code already used at row 2; a member row needs the member'
printf 'M\xe3 h\xf4,H\xf4 t\xean\nX-1,A\n' >"$TMP/latin1.csv"
unchanged "$TMP/latin1.csv"
has "not UTF-8: save the file as CSV UTF-8"
has 'no household code column'

# UTF-16 ("Unicode text") and an empty file.
printf '\xff\xfeM\0a\0\n\0' >"$TMP/utf16.csv"
unchanged "$TMP/utf16.csv"
has "UTF-16 text: save it as CSV UTF-8"
: >"$TMP/empty.csv"
unchanged "$TMP/empty.csv"
has "no header row"

# Duplicate CCCD within one file, across households, on a member row.
printf 'Mã hộ;Họ và tên chủ hộ;Họ và tên;Số CCCD\nD-1;Hà Văn A;;001090002222\nD-2;Hà Văn B;;\nD-2;;Hà Thị C;001 090 002 222\n' >"$TMP/dup.csv"
unchanged "$TMP/dup.csv"
has 'Row 4, column "Số CCCD", value "001 090 002 222": this ID number is already given at row 2 (household D-1)'

# The derived class wins over the file's, with a word about it.
printf 'Mã hộ,Họ và tên chủ hộ,Thu nhập bình quân,Phân loại\nC-1,Mai Văn Giàu,5000000,Hộ nghèo\n' >"$TMP/class.csv"
run 0 imp "$TMP/class.csv"
has "warning: the standard gives"
[ "$(q "SELECT class FROM household WHERE code = 'C-1'")" = not_poor ] || fail "class not derived by the model"
passed
