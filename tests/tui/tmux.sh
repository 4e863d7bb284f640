# The full-screen app in a real terminal: tmux runs it in a pane, the test
# types into the pane (send-keys) and reads it back (capture-pane), polling
# until the expected screen shows, never sleeping a fixed time.
#
# The expected screens come from the headless mode (GIAMNGHEO_HEADLESS) with
# the same keys and size, which tests/tui/headless.sh checks against the
# snapshots and the data: whatever the terminal, the pane must show exactly
# that, with nothing left over. One walk (dashboard, search, a household,
# its indicator colours, resizing, too small, quitting) runs under several
# TERMs and with NO_COLOR; Unicode input, signals and Esc run once.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
tmux_start test
export LC_ALL=C.UTF-8
make_demo

# ---- running the app in a pane ----

# The pane runs this wrapper: it records the terminal modes (stty) before
# and after the app, the app's pid and exit status, then waits for the test
# to look at the terminal before the pane dies with the app's status.
cat >"$TMP/run.sh" <<'SH'
dir=$1
shift
stty -g >"$dir/stty.before"
sh -c 'echo $$ >"$0/pid"; exec "$@"' "$dir" "$@"
rc=$?
stty -g >"$dir/stty.after"
echo "$rc" >"$dir/rc"
printf '[app exited %s]\n' "$rc"
while [ ! -e "$dir/go" ]; do sleep 0.02; done
exit "$rc"
SH

# start NAME TERM [VAR=VALUE...]: a 100x30 session NAME running the app.
start() {
	local name=$1 term=$2
	shift 2
	mkdir -p "$TMP/$name"
	if ! tm has-session 2>/dev/null; then
		tm start-server \; set-option -g remain-on-exit on \; set-option -g escape-time 0 \
			\; set-option -g exit-empty off
	fi
	tm new-session -d -s "$name" -x 100 -y 30 -- sh "$TMP/run.sh" "$TMP/$name" \
		env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 TERM="$term" HOME="$HOME" \
		XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
		GIAMNGHEO_TODAY="$GIAMNGHEO_TODAY" GIAMNGHEO_LOCALEDIR="$GIAMNGHEO_LOCALEDIR" \
		GIAMNGHEO_THEMES_DIR="$GIAMNGHEO_THEMES_DIR" "$@" \
		"$GIAMNGHEO_BIN" --db "$DEMO"
}

keys() { tm send-keys -t "$1" "${@:2}"; }
typed() { tm send-keys -t "$1" -l "$2"; }
capture() { tm capture-pane -p -t "$1" "${@:2}"; }
pane() { tm display-message -p -t "$1" "$2"; }

# expect_screen SIZE KEYS: the headless screen after KEYS, into $TMP/expect.txt.
expect_screen() {
	GIAMNGHEO_HEADLESS=$1 GIAMNGHEO_KEYS=$2 gn --db "$DEMO" >"$TMP/expect.txt" ||
		fail "headless run of '$2' at $1 failed"
}

# until_ok NAME WHAT CMD...: polls CMD every 20 ms until it succeeds; fails
# after STEP_TIMEOUT seconds with the pane's screen.
until_ok() {
	local name=$1 what=$2 deadline
	shift 2
	deadline=$(($(now_ms) + STEP_TIMEOUT * 1000))
	until "$@"; do
		if [ "$(now_ms)" -gt "$deadline" ]; then
			fail "[$name] timed out after ${STEP_TIMEOUT}s waiting for $what; the pane shows:
$(capture "$name" 2>&1)
$(screen_diff "$name")"
		fi
		sleep 0.02
	done
}

same_screen() { capture "$1" >"$TMP/pane.txt" && cmp -s "$TMP/pane.txt" "$TMP/expect.txt"; }
screen_diff() {
	[ -f "$TMP/expect.txt" ] && diff -u --label expected --label pane "$TMP/expect.txt" "$TMP/pane.txt"
	true
}

# shows NAME SIZE KEYS: waits until the pane shows exactly the headless
# screen for KEYS at SIZE.
shows() {
	expect_screen "$2" "$3"
	until_ok "$1" "the screen after '$3' at $2" same_screen "$1"
}

# ---- indicator cells and their attributes ----

# Reads a capture-pane -e screen and prints, for the first 12 indicator
# lines of a household ("  X 1.1  name ..."), the symbol and the cell's
# attributes: fg bg and the attribute words, e.g. "X 1 -1 bold".
cat >"$TMP/cells.py" <<'PY'
import re, sys
NAMES = {1: "bold", 2: "dim", 4: "underline", 7: "reverse"}
def cells(line, st):
    out = []
    i = 0
    while i < len(line):
        m = re.match(r"\x1b\[([0-9;:]*)m", line[i:])
        if m:
            p = [int(x.split(":")[0] or 0) for x in m.group(1).split(";")] if m.group(1) else [0]
            j = 0
            while j < len(p):
                c = p[j]
                if c == 0:
                    st.update(fg=-1, bg=-1, attrs=set())
                elif c in NAMES:
                    st["attrs"].add(NAMES[c])
                elif c == 22:
                    st["attrs"] -= {"bold", "dim"}
                elif c in (24, 27):
                    st["attrs"].discard({24: "underline", 27: "reverse"}[c])
                elif 30 <= c <= 37:
                    st["fg"] = c - 30
                elif 40 <= c <= 47:
                    st["bg"] = c - 40
                elif 90 <= c <= 97:
                    st["fg"] = c - 82
                elif 100 <= c <= 107:
                    st["bg"] = c - 92
                elif c == 39:
                    st["fg"] = -1
                elif c == 49:
                    st["bg"] = -1
                elif c in (38, 48) and j + 1 < len(p):
                    key = "fg" if c == 38 else "bg"
                    if p[j + 1] == 5 and j + 2 < len(p):
                        st[key] = p[j + 2]
                        j += 2
                    elif p[j + 1] == 2 and j + 4 < len(p):
                        st[key] = "rgb(%d,%d,%d)" % tuple(p[j + 2:j + 5])
                        j += 4
                j += 1
            i += m.end()
            continue
        if line[i] == "\x1b":
            i += 1
            continue
        out.append((line[i], st["fg"], st["bg"], " ".join(sorted(st["attrs"]))))
        i += 1
    return out
st = {"fg": -1, "bg": -1, "attrs": set()}
n = 0
for raw in open(sys.argv[1], encoding="utf-8"):
    row = cells(raw.rstrip("\n"), st)
    text = "".join(c[0] for c in row)
    if n < 12 and re.match(r"  [X~+.] [0-9]\.[0-9] ", text):
        sym, fg, bg, attrs = row[2]
        print(("%s %s %s %s" % (sym, fg, bg, attrs)).rstrip())
        n += 1
PY

# The attributes each cell should have, from the theme file: "X 1 -1 bold".
theme_role() {
	local line fg bg w attrs=()
	line=$(sed -n "s/^$1[[:space:]]*=[[:space:]]*//p" "$GIAMNGHEO_THEMES_DIR/default.ini")
	[ -n "$line" ] || fail "role $1 not in default.ini"
	colour() {
		case $1 in
		default) echo -1 ;; black) echo 0 ;; red) echo 1 ;; green) echo 2 ;; yellow) echo 3 ;;
		blue) echo 4 ;; magenta) echo 5 ;; cyan) echo 6 ;; white) echo 7 ;; *) echo "$1" ;;
		esac
	}
	set -- $line
	fg=$(colour "$1")
	bg=$(colour "$2")
	shift 2
	for w in $(printf '%s\n' "$@" | sort); do attrs+=("$w"); done
	echo "$fg $bg ${attrs[*]}" | sed 's/ *$//'
}
declare -A COLOUR MONO
COLOUR[X]=$(theme_role deprived)
COLOUR['~']=$(theme_role addressing)
COLOUR['+']=$(theme_role resolved)
COLOUR[.]=$(theme_role not_deprived)
# Without colour, the monochrome twins of include/giamngheo/theme.h.
MONO[X]="-1 -1 bold"
MONO['~']="-1 -1 underline"
MONO['+']="-1 -1 dim"
MONO[.]="-1 -1"

# check_cells NAME CELLS MODE: the pane shows a household whose indicators
# are CELLS (e.g. "..X...X...XX"), each with the attributes of its role.
check_cells() {
	local name=$1 want=$2 mode=$3 i sym expected got
	capture "$name" -e >"$TMP/pane-e.txt"
	python3 "$TMP/cells.py" "$TMP/pane-e.txt" >"$TMP/cells.txt" || fail "cannot read the cells"
	expected=""
	for ((i = 0; i < ${#want}; i++)); do
		sym=${want:i:1}
		if [ "$mode" = mono ]; then
			expected+="$sym ${MONO[$sym]}"$'\n'
		else
			expected+="$sym ${COLOUR[$sym]}"$'\n'
		fi
	done
	got=$(cat "$TMP/cells.txt")
	[ "$got" = "${expected%$'\n'}" ] || fail "[$name] indicator cells (symbol fg bg attributes):
$(diff -u --label expected --label pane <(printf '%s' "$expected") "$TMP/cells.txt")
pane:
$(cat -v "$TMP/pane-e.txt")"
	if [ "$mode" = mono ] && grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)[;m]' "$TMP/pane-e.txt"; then
		fail "[$name] NO_COLOR, yet the screen has colours:
$(cat -v "$TMP/pane-e.txt")"
	fi
}

# ---- what the data says ----

search_csv=$(gn --db "$DEMO" households --search huong --format csv | tail -n +2)
search_codes=$(cut -d, -f1 <<<"$search_csv")
n_search=$(grep -c . <<<"$search_codes")
first_cells=$(head -1 <<<"$search_csv" | cut -d, -f6)
# The first household of the search showing all four kinds of cell.
pick=$(awk -F, '$6 ~ /X/ && $6 ~ /~/ && $6 ~ /\+/ && $6 ~ /\./ { print NR - 1 ":" $1 ":" $6; exit }' <<<"$search_csv")
[ -n "$pick" ] || fail "no searched household has all four kinds of indicator cell"
pick_down=${pick%%:*}
pick_cells=${pick##*:}
downs=$(printf '<Down>%.0s' $(seq "$pick_down"))

# ---- the walk ----

check_list() {
	local name=$1 header codes
	capture "$name" >"$TMP/list.txt"
	header=$(sed -n 3p "$TMP/list.txt")
	# The first number in the header is the count of households matching.
	[ "$(grep -oE '[0-9]+' <<<"$header" | head -1)" = "$n_search" ] ||
		fail "[$name] the header should count $n_search: $header"
	codes=$(sed -n '5,29p' "$TMP/list.txt" | grep -o '^SC-[0-9]*' || true)
	[ "$codes" = "$search_codes" ] || fail "[$name] the list shows
$codes
expected (households --search huong)
$search_codes"
}

# tmux built with libutempter (as Debian's is) may miss the SIGCHLD of a
# pane whose process exits while utempter has its own handler installed, and
# then never reaps it (tmux issues #311 and #4559): nudge our server with a
# SIGCHLD, harmless otherwise, until it has the status.
dead_status() {
	[ "$(pane "$1" '#{pane_dead}')" = 1 ] && [ -n "$(pane "$1" '#{pane_dead_status}')" ] && return 0
	kill -s CHLD "$(tm display-message -p '#{pid}')" 2>/dev/null || true
	return 1
}

# restored NAME STATUS: the app has exited with STATUS and left the terminal
# as it found it; then the pane dies with that status.
restored() {
	local name=$1 status=$2 flags
	until_ok "$name" "the app to exit" test -s "$TMP/$name/rc"
	[ "$(cat "$TMP/$name/rc")" = "$status" ] || fail "[$name] exit status $(cat "$TMP/$name/rc"), expected $status"
	cmp -s "$TMP/$name/stty.before" "$TMP/$name/stty.after" || fail "[$name] terminal modes not restored:
before: $(cat "$TMP/$name/stty.before")
after:  $(cat "$TMP/$name/stty.after")"
	until_ok "$name" "the wrapper's line" eval 'capture "$name" | grep -q "app exited $status"'
	flags=$(pane "$name" 'alternate=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag}#{keypad_cursor_flag} mouse=#{mouse_any_flag}')
	[ "$flags" = "alternate=0 cursor=1 keypad=00 mouse=0" ] || fail "[$name] terminal not restored: $flags"
	touch "$TMP/$name/go"
	until_ok "$name" "the pane to die with a status" dead_status "$name"
	[ "$(pane "$name" '#{pane_dead_status}')" = "$status" ] || fail "[$name] pane dead with status $(pane "$name" '#{pane_dead_status}')"
	tm kill-session -t "$name"
}

walk() {
	local name=$1 term=$2 mode=$3
	shift 3
	local t0=$(now_ms)
	start "$name" "$term" "$@"
	shows "$name" 100x30 ''
	grep -q 'Tổng quan' <(head -1 "$TMP/pane.txt") || fail "[$name] the dashboard is not in Vietnamese"

	keys "$name" 2 /
	typed "$name" huong
	shows "$name" 100x30 '2/huong'
	check_list "$name"
	keys "$name" Enter
	shows "$name" 100x30 '2/huong<Enter>'
	keys "$name" Enter
	shows "$name" 100x30 '2/huong<Enter><Enter>'
	check_cells "$name" "$first_cells" "$mode"

	# Esc goes back to the list at once.
	expect_screen 100x30 '2/huong<Enter>'
	local t=$(now_ms)
	keys "$name" Escape
	until_ok "$name" "the list after Esc" same_screen "$name"
	(($(now_ms) - t < 1000)) || fail "[$name] Esc took $(($(now_ms) - t)) ms to go back"

	# A household with all four kinds of cell.
	local k=2/huong\<Enter\>$downs\<Enter\>
	for ((i = 0; i < pick_down; i++)); do keys "$name" Down; done
	keys "$name" Enter
	shows "$name" 100x30 "$k"
	check_cells "$name" "$pick_cells" "$mode"

	# Resizing lays the screen out again; too small says so; growing back
	# restores it.
	tm resize-window -t "$name" -x 60 -y 20
	shows "$name" 60x20 "$k"
	tm resize-window -t "$name" -x 100 -y 30
	shows "$name" 100x30 "$k"
	tm resize-window -t "$name" -x 40 -y 10
	shows "$name" 40x10 "$k"
	grep -q '50×12' "$TMP/pane.txt" || fail "[$name] at 40x10 the pane does not say 50×12 is needed"
	tm resize-window -t "$name" -x 100 -y 30
	shows "$name" 100x30 "$k"
	check_cells "$name" "$pick_cells" "$mode"

	keys "$name" q
	restored "$name" 0
	printf '%-22s %5d ms\n' "walk $name" $(($(now_ms) - t0))
}

walk xterm-256color xterm-256color colour
walk xterm xterm colour
if infocmp putty-256color >/dev/null 2>&1; then
	walk putty-256color putty-256color colour
else
	fail "no terminfo for putty-256color (install ncurses-term)"
fi
walk linux linux colour
walk no-color xterm-256color mono NO_COLOR=1

# ---- typing Hương: precomposed and decomposed find the same rows ----
t0=$(now_ms)
nfc=$'H\xc6\xb0\xc6\xa1ng'
nfd=$'Hu\xcc\x9bo\xcc\x9bng'
start unicode xterm-256color
shows unicode 100x30 ''
keys unicode 2 /
typed unicode "$nfc"
shows unicode 100x30 "2/$nfc"
check_list unicode
keys unicode Escape
shows unicode 100x30 '2'
keys unicode /
typed unicode "$nfd"
shows unicode 100x30 "2/$nfd"
check_list unicode
keys unicode Enter
shows unicode 100x30 "2/$nfd<Enter>"
check_list unicode
# q still quits when the window is too small.
tm resize-window -t unicode -x 40 -y 10
shows unicode 40x10 "2/$nfd<Enter>"
keys unicode q
restored unicode 0
printf '%-22s %5d ms\n' "unicode" $(($(now_ms) - t0))

# ---- SIGTERM and SIGHUP: the app restores the terminal and exits 0 ----
for sig in TERM HUP; do
	t0=$(now_ms)
	start "sig$sig" xterm-256color
	shows "sig$sig" 100x30 ''
	keys "sig$sig" 2 Enter
	shows "sig$sig" 100x30 '2<Enter>'
	kill -s "$sig" "$(cat "$TMP/sig$sig/pid")"
	restored "sig$sig" 0
	printf '%-22s %5d ms\n' "SIG$sig" $(($(now_ms) - t0))
done

# ---- no lost work: a form cut off mid-typing comes back at the next start ----

# pane_has NAME TEXT: the pane shows TEXT somewhere.
pane_has() { capture "$1" | grep -qF -- "$2"; }
draft_rows() { sqlite3 "$DEMO" "SELECT count(*) FROM draft"; }
gone() { ! kill -0 "$1" 2>/dev/null; }

# new_household PANE [CODE NAME]: from the dashboard to the new household
# form, with CODE and NAME typed in its first two fields.
new_household() {
	until_ok "$1" "the dashboard" pane_has "$1" 'Tổng quan'
	keys "$1" 2 a
	until_ok "$1" "the new household form" pane_has "$1" 'Thêm hộ mới'
	[ $# = 1 ] || { typed "$1" "$2"; keys "$1" Tab; typed "$1" "$3"; }
}

# A new household typed in Vietnamese, three circumstances ticked, the notes
# still being typed (the field not left) when the line drops.
fill_household() {
	local name=$1
	new_household "$name" HN-2026 'Nguyễn Thị Hương'
	keys "$name" Tab
	typed "$name" 'Số 5, ngõ 12 Lê Lợi'
	keys "$name" Tab Right Tab Right Tab
	typed "$name" 0912345678
	keys "$name" Tab
	typed "$name" 1.200.000
	keys "$name" Tab Tab Space Tab Space Tab Tab Space Tab
	typed "$name" 'Cần hỗ trợ vay vốn'
	until_ok "$name" "the notes as typed" pane_has "$name" 'Cần hỗ trợ vay vốn'
}

# The form as restored: every value typed is back.
check_restored_form() {
	local name=$1 want
	until_ok "$name" "the restored form" pane_has "$name" 'Cần hỗ trợ vay vốn'
	capture "$name" >"$TMP/form.txt"
	for want in 'HN-2026' 'Nguyễn Thị Hương' 'Số 5, ngõ 12 Lê Lợi' '◂ TDP01 — Phố Mới ▸' '◂ nông thôn ▸' \
		'0912345678' '1.200.000' 'Cần hỗ trợ vay vốn'; do
		grep -qF -- "$want" "$TMP/form.txt" || fail "[$name] the restored form lacks '$want':
$(cat "$TMP/form.txt")"
	done
	[ "$(grep -c '\[x\]' "$TMP/form.txt")" = 3 ] || fail "[$name] the restored form should tick three boxes:
$(cat "$TMP/form.txt")"
	grep -qE 'không có khả năng lao động.*\[x\]' "$TMP/form.txt" && grep -qE 'dân tộc thiểu số.*\[x\]' "$TMP/form.txt" &&
		grep -qE 'bảo trợ xã hội.*\[x\]' "$TMP/form.txt" || fail "[$name] the wrong boxes are ticked:
$(cat "$TMP/form.txt")"
}

# kill -HUP mid-form: the draft is written before the app exits; the next
# start offers it, c reopens the form with every value, F2 saves it.
t0=$(now_ms)
start drafthup xterm-256color
fill_household drafthup
kill -s HUP "$(cat "$TMP/drafthup/pid")"
restored drafthup 0
[ "$(draft_rows)" = 1 ] || fail "kill -HUP left $(draft_rows) drafts, expected 1"
start drafthup2 xterm-256color
until_ok drafthup2 "the offer to restore" pane_has drafthup2 'Có bản nháp chưa lưu: Thêm hộ mới — Nguyễn Thị Hương, lúc'
keys drafthup2 c
check_restored_form drafthup2
keys drafthup2 F2
until_ok drafthup2 "the saved household" pane_has drafthup2 'Đã lưu hộ HN-2026'
keys drafthup2 q
restored drafthup2 0
[ "$(draft_rows)" = 0 ] || fail "a saved form left its draft behind"
gn --db "$DEMO" household HN-2026 >"$TMP/hh.txt" || fail "HN-2026 was not saved"
for want in 'Nguyễn Thị Hương' 'Số 5, ngõ 12 Lê Lợi' 'nông thôn' '0912345678' '1.200.000 đ' 'Cần hỗ trợ vay vốn'; do
	grep -qF -- "$want" "$TMP/hh.txt" || fail "the saved HN-2026 lacks '$want':
$(cat "$TMP/hh.txt")"
done
printf '%-22s %5d ms\n' "draft after SIGHUP" $(($(now_ms) - t0))

# SIGTERM (a shutdown) keeps the draft the same way.
t0=$(now_ms)
start draftterm xterm-256color
new_household draftterm HN-2028 'Hoàng Thị Lý'
until_ok draftterm "the name as typed" pane_has draftterm 'Hoàng Thị Lý'
kill -s TERM "$(cat "$TMP/draftterm/pid")"
restored draftterm 0
[ "$(sqlite3 "$DEMO" "SELECT json_extract(fields, '\$[0]') || '|' || json_extract(fields, '\$[1]') FROM draft")" = \
	'HN-2028|Hoàng Thị Lý' ] || fail "SIGTERM left no draft: $(sqlite3 "$DEMO" 'SELECT * FROM draft')"
sqlite3 "$DEMO" "DELETE FROM draft"
printf '%-22s %5d ms\n' "draft after SIGTERM" $(($(now_ms) - t0))

# SIGKILL cannot be caught: what was typed is written at every pause of the
# keyboard, so the draft is already there when the process dies.
t0=$(now_ms)
start draftkill xterm-256color
new_household draftkill HN-2030 'Đinh Thị Hạnh'
draft_has_name() { [ "$(sqlite3 "$DEMO" "SELECT json_extract(fields, '\$[1]') FROM draft")" = 'Đinh Thị Hạnh' ]; }
until_ok draftkill "the draft written at a pause" draft_has_name
kill -s KILL "$(cat "$TMP/draftkill/pid")"
until_ok draftkill "the app to die" test -s "$TMP/draftkill/rc"
touch "$TMP/draftkill/go"
tm kill-session -t draftkill
start draftkill2 xterm-256color
until_ok draftkill2 "the offer to restore" pane_has draftkill2 'Thêm hộ mới — Đinh Thị Hạnh'
keys draftkill2 Escape
until_ok draftkill2 "the dashboard" pane_has draftkill2 'Tổng quan'
keys draftkill2 q
restored draftkill2 0
[ "$(draft_rows)" = 1 ] || fail "Esc (later) must keep the draft"
sqlite3 "$DEMO" "DELETE FROM draft"
printf '%-22s %5d ms\n' "draft after SIGKILL" $(($(now_ms) - t0))

# A colleague holding the write lock (a long import) does not freeze the
# typing: the draft waits a moment, and is written once the lock is free.
t0=$(now_ms)
start draftbusy xterm-256color
new_household draftbusy
python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(4)
c.execute("ROLLBACK")' "$DEMO" "$TMP/locked" &
locker=$!
until_ok draftbusy "the colleague's lock" test -e "$TMP/locked"
t=$(now_ms)
typed draftbusy HN-2029
keys draftbusy Tab
typed draftbusy 'Lý Thị Mai'
until_ok draftbusy "the name typed under the lock" pane_has draftbusy 'Lý Thị Mai'
(($(now_ms) - t < 1500)) || fail "typing under a colleague's lock took $(($(now_ms) - t)) ms to show"
wait "$locker"
draft_name() { [ "$(sqlite3 "$DEMO" "SELECT json_extract(fields, '\$[1]') FROM draft")" = 'Lý Thị Mai' ]; }
until_ok draftbusy "the draft once the lock is free" draft_name
kill -s HUP "$(cat "$TMP/draftbusy/pid")"
restored draftbusy 0
sqlite3 "$DEMO" "DELETE FROM draft"
printf '%-22s %5d ms\n' "draft under a lock" $(($(now_ms) - t0))

# The terminal itself goes away (the tmux session is killed) while the app
# has SIGHUP blocked, as under a careless wrapper: it notices the dead
# terminal, writes the draft and exits instead of spinning.
t0=$(now_ms)
start draftlost xterm-256color python3 -c \
	'import os, signal, sys; signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP}); os.execv(sys.argv[1], sys.argv[1:])'
new_household draftlost HN-2027 'Trần Văn Đức'
until_ok draftlost "the name as typed" pane_has draftlost 'Trần Văn Đức'
pid=$(cat "$TMP/draftlost/pid")
tm kill-session -t draftlost
until_ok draftlost "the app to exit once its terminal is gone" gone "$pid"
[ "$(sqlite3 "$DEMO" "SELECT json_extract(fields, '\$[1]') FROM draft WHERE kind = 'household'")" = 'Trần Văn Đức' ] ||
	fail "the lost terminal left no draft: $(sqlite3 "$DEMO" 'SELECT * FROM draft')"
# Declining (k) throws the draft away.
start draftlost2 xterm-256color
until_ok draftlost2 "the offer to restore" pane_has draftlost2 'Thêm hộ mới — Trần Văn Đức'
keys draftlost2 k
until_ok draftlost2 "the dashboard" pane_has draftlost2 'Đã bỏ bản nháp'
keys draftlost2 q
restored draftlost2 0
[ "$(draft_rows)" = 0 ] || fail "k left the draft in the database"
printf '%-22s %5d ms\n' "draft, terminal lost" $(($(now_ms) - t0))
# Every record form keeps drafts, not only the household's. kill -HUP in a
# new support item of the first household listed and in a new agency; each is offered back at
# the next start, reopens with its values, and F2 saves it.
t0=$(now_ms)
start draftsup xterm-256color
until_ok draftsup "the dashboard" pane_has draftsup 'Tổng quan'
keys draftsup 2 Enter
until_ok draftsup "the household" eval 'capture draftsup | sed -n 3p | grep -q "^Hộ "'
code=$(capture draftsup | sed -n 3p | cut -d' ' -f2)
keys draftsup a
until_ok draftsup "the new support item form" pane_has draftsup 'Khoản hỗ trợ mới'
keys draftsup Tab Tab
typed draftsup 'Hỗ trợ giống lúa'
keys draftsup Tab Tab Tab
typed draftsup 15/12/2026
keys draftsup Tab
typed draftsup 2tr
until_ok draftsup "the amount as typed" pane_has draftsup '2tr'
kill -s HUP "$(cat "$TMP/draftsup/pid")"
restored draftsup 0
hh=$(sqlite3 "$DEMO" "SELECT id FROM household WHERE code = '$code'")
[ "$(sqlite3 "$DEMO" "SELECT kind || '|' || record_id FROM draft")" = "support|-$hh" ] ||
	fail "kill -HUP left no draft of the support item: $(sqlite3 "$DEMO" 'SELECT kind, record_id, title FROM draft')"
start draftsup2 xterm-256color
until_ok draftsup2 "the offer to restore" pane_has draftsup2 'Có bản nháp chưa lưu: Khoản hỗ trợ mới — Hỗ trợ giống lúa, lúc'
keys draftsup2 c
until_ok draftsup2 "the restored support item" pane_has draftsup2 'Hỗ trợ giống lúa'
capture draftsup2 >"$TMP/form.txt"
for want in 'Khoản hỗ trợ mới' "$code" '15/12/2026' '2tr' 'Đã khôi phục phần nhập chưa lưu'; do
	grep -qF -- "$want" "$TMP/form.txt" || fail "[draftsup2] the restored form lacks '$want':
$(cat "$TMP/form.txt")"
done
keys draftsup2 F2
until_ok draftsup2 "the saved support item" pane_has draftsup2 'Đã lưu khoản hỗ trợ'
keys draftsup2 q
restored draftsup2 0
[ "$(draft_rows)" = 0 ] || fail "the saved support item left its draft behind"
[ "$(sqlite3 "$DEMO" "SELECT planned_date || '|' || cash FROM support_item WHERE household_id = $hh
	AND description = 'Hỗ trợ giống lúa'")" = '2026-12-15|2000000' ] ||
	fail "the support item was not saved as typed: $(sqlite3 "$DEMO" "SELECT * FROM support_item WHERE household_id = $hh")"
printf '%-22s %5d ms\n' "support item draft" $(($(now_ms) - t0))

t0=$(now_ms)
start draftag xterm-256color
until_ok draftag "the dashboard" pane_has draftag 'Tổng quan'
keys draftag 3 a
until_ok draftag "the new agency form" pane_has draftag 'Thêm đơn vị mới'
typed draftag HTX-DL
keys draftag Tab
typed draftag 'Hợp tác xã Đồng Lạc'
keys draftag Tab Tab
typed draftag 'Anh Tùng'
until_ok draftag "the contact as typed" pane_has draftag 'Anh Tùng'
kill -s HUP "$(cat "$TMP/draftag/pid")"
restored draftag 0
[ "$(draft_rows)" = 1 ] || fail "kill -HUP in the agency form left $(draft_rows) drafts, expected 1"
start draftag2 xterm-256color
until_ok draftag2 "the offer to restore" pane_has draftag2 'Có bản nháp chưa lưu: Thêm đơn vị mới — Hợp tác xã Đồng Lạc, lúc'
keys draftag2 c
until_ok draftag2 "the restored agency" pane_has draftag2 'Anh Tùng'
pane_has draftag2 'HTX-DL' || fail "[draftag2] the restored agency lacks its code: $(capture draftag2)"
keys draftag2 F2
until_ok draftag2 "the saved agency" pane_has draftag2 'Đã lưu đơn vị HTX-DL — Hợp tác xã Đồng Lạc.'
keys draftag2 q
restored draftag2 0
[ "$(draft_rows)" = 0 ] || fail "the saved agency left its draft behind"
[ "$(sqlite3 "$DEMO" "SELECT name || '|' || contact_person FROM agency WHERE code = 'HTX-DL'")" = \
	'Hợp tác xã Đồng Lạc|Anh Tùng' ] || fail "the agency was not saved as typed"
printf '%-22s %5d ms\n' "agency draft" $(($(now_ms) - t0))

# A member typed in the member form of a new household, not yet kept with
# F2, is in the household's draft: after kill -HUP and c, the member form is
# open again with what was typed; F2 keeps the member, F2 saves both.
t0=$(now_ms)
start drafthm xterm-256color
new_household drafthm HN-2040 'Lê Thị Thu'
keys drafthm Tab
typed drafthm 'Số 9 ngõ 4'
keys drafthm Tab Tab Tab Tab
typed drafthm 1,2tr
keys drafthm Tab Tab Tab Tab Tab Tab Tab a
until_ok drafthm "the member form" pane_has drafthm 'Thành viên mới'
typed drafthm 'Trần Văn Đức'
keys drafthm Tab
typed drafthm 'Con trai'
until_ok drafthm "the member as typed" pane_has drafthm 'Con trai'
kill -s HUP "$(cat "$TMP/drafthm/pid")"
restored drafthm 0
[ "$(draft_rows)" = 1 ] || fail "kill -HUP in the member form left $(draft_rows) drafts, expected 1"
start drafthm2 xterm-256color
until_ok drafthm2 "the offer to restore" pane_has drafthm2 'Có bản nháp chưa lưu: Thêm hộ mới — Lê Thị Thu, lúc'
keys drafthm2 c
until_ok drafthm2 "the member form again" pane_has drafthm2 'Thành viên mới'
pane_has drafthm2 'Trần Văn Đức' && pane_has drafthm2 'Con trai' ||
	fail "[drafthm2] the member form lacks what was typed: $(capture drafthm2)"
keys drafthm2 F2
until_ok drafthm2 "the member in the household's list" pane_has drafthm2 'Trần Văn Đức · Con trai'
pane_has drafthm2 'Số 9 ngõ 4' || fail "[drafthm2] the household lost its address: $(capture drafthm2)"
keys drafthm2 F2
until_ok drafthm2 "the saved household" pane_has drafthm2 'Đã lưu hộ HN-2040 — Lê Thị Thu'
keys drafthm2 q
restored drafthm2 0
[ "$(draft_rows)" = 0 ] || fail "the saved household left its draft behind"
[ "$(sqlite3 "$DEMO" "SELECT m.full_name || '|' || m.relation FROM member m JOIN household h ON h.id = m.household_id
	WHERE h.code = 'HN-2040'")" = 'Trần Văn Đức|Con trai' ] ||
	fail "the member was not saved with the household: $(sqlite3 "$DEMO" "SELECT * FROM member m JOIN household h
	ON h.id = m.household_id WHERE h.code = 'HN-2040'")"
printf '%-22s %5d ms\n' "household member draft" $(($(now_ms) - t0))
passed
