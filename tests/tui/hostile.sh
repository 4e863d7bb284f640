# Hostile names in the full-screen app: a household whose name holds an OSC
# title sequence, a screen clear, a C1 CSI, bytes that are not UTF-8, and a
# 100 000-character note. The list and the detail show it harmlessly: in a
# real terminal (tmux) the pane's title stays, the screen is what the
# headless mode draws, and the data is unchanged afterwards.
. "$TESTS_SRCDIR/cli/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"
tmux_start hostile
export LC_ALL=C.UTF-8
make_demo
sqlite3 "$DEMO" "UPDATE household SET head_name = 'Evil' || char(27) || ']0;pwned' || char(7)
  || char(27) || '[2J' || char(155) || '31m' || CAST(X'FFFE' AS TEXT) || 'End',
  notes = printf('%.*c', 100000, 'N') WHERE code = 'SC-0001'"
stored=$(sqlite3 "$DEMO" "SELECT hex(head_name) || hex(notes) FROM household WHERE code = 'SC-0001'" | md5sum)

# Headless: what would be drawn holds no control character at all.
for keys in 2 '2<Enter>' '2<Enter>e'; do
	out=$(GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS="$keys" gn --lang en --db "$DEMO") ||
		fail "the headless run of '$keys' failed"
	grep -q 'Evil' <<<"$out" || fail "'$keys' does not show the household: $out"
	if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]' <<<"$out"; then
		fail "control characters reach the screen after '$keys':
$(cat -v <<<"$out")"
	fi
done

tm start-server \; set-option -g remain-on-exit on \; set-option -g escape-time 0 \
	\; set-option -g exit-empty off \; set-option -g allow-rename on
tm new-session -d -s h -x 100 -y 30 -- env -u LC_ALL LANG=C.UTF-8 TERM=xterm-256color HOME="$HOME" \
	XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
	GIAMNGHEO_TODAY="$GIAMNGHEO_TODAY" GIAMNGHEO_LOCALEDIR="$GIAMNGHEO_LOCALEDIR" \
	GIAMNGHEO_THEMES_DIR="$GIAMNGHEO_THEMES_DIR" "$GIAMNGHEO_BIN" --lang en --db "$DEMO"
tm select-pane -t h -T giamngheo-test-title

# waits until the pane shows exactly the headless screen for KEYS.
shows() {
	local keys=$1 deadline
	GIAMNGHEO_HEADLESS=100x30 GIAMNGHEO_KEYS=$keys gn --lang en --db "$DEMO" >"$TMP/expect.txt"
	deadline=$(($(now_ms) + ${TUI_TIMEOUT:-5} * 1000))
	until tm capture-pane -p -t h >"$TMP/pane.txt" && cmp -s "$TMP/pane.txt" "$TMP/expect.txt"; do
		[ "$(now_ms)" -lt "$deadline" ] || fail "the pane does not show the screen after '$keys':
$(diff -u "$TMP/expect.txt" "$TMP/pane.txt")"
		sleep 0.02
	done
}

shows ''
tm send-keys -t h 2
shows 2
tm send-keys -t h Enter
shows '2<Enter>'
title=$(tm display-message -p -t h '#{pane_title}')
[ "$title" = giamngheo-test-title ] || fail "the household's name changed the terminal's title to '$title'"
tm send-keys -t h Escape
shows '2<Enter><Esc>'
# (Checked while the app runs: once its pane is dead tmux may reset the title.)
title=$(tm display-message -p -t h '#{pane_title}')
[ "$title" = giamngheo-test-title ] || fail "the title changed to '$title' back on the list"
tm send-keys -t h q
deadline=$(($(now_ms) + 5000))
until [ "$(tm display-message -p -t h '#{pane_dead}')" = 1 ]; do
	[ "$(now_ms)" -lt "$deadline" ] || fail "the app did not quit"
	sleep 0.02
done
[ "$(sqlite3 "$DEMO" "SELECT hex(head_name) || hex(notes) FROM household WHERE code = 'SC-0001'" | md5sum)" = "$stored" ] ||
	fail "looking at the household changed it"
passed
