# Shared by the TUI tests, sourced after tests/cli/lib.sh: the app driven
# headless, and the app in a real terminal (a private tmux server).

# headless SIZE SCRIPT [ARG...]: the app at SIZE (COLSxROWS) typing the key
# SCRIPT, with ARGs after the binary; the final screen in $out. A non-zero
# exit or anything on stderr fails the test.
headless() {
	local size=$1 script=$2 rc=0
	shift 2
	out=$(GIAMNGHEO_HEADLESS=$size GIAMNGHEO_KEYS="$script" "$GIAMNGHEO_BIN" "$@" 2>"$TMP/err") || rc=$?
	[ "$rc" = 0 ] || fail "keys '$script': exit status $rc: $(cat "$TMP/err")"
	[ ! -s "$TMP/err" ] || fail "keys '$script': stderr: $(cat "$TMP/err")"
}

# fresh_keys SCRIPT [VAR=VALUE...]: headless on $DEMO at 100x30, in English
# unless LANG_UI says, with VARs set for this run; the final screen in $out.
# Each script is a scenario of its own: a form the last one left open with
# changes is kept as a draft, which the next start would offer back first,
# so drafts are dropped before.
fresh_keys() {
	local script=$1
	shift
	[ $# = 0 ] || local -x "$@"
	sqlite3 "$DEMO" "DELETE FROM draft"
	headless 100x30 "$script" --lang "${LANG_UI:-en}" --db "$DEMO"
}

# T N: N Tabs, to move N fields on in a key script.
T() { local i s=''; for ((i = 0; i < $1; i++)); do s+='<Tab>'; done; printf '%s' "$s"; }

# tmux_start NAME: skips the test without tmux; otherwise tm runs tmux on a
# server of this test's own, killed when the test ends.
tmux_start() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "SKIP: tmux is not installed"
		exit 77
	fi
	unset TMUX
	export TMUX_TMPDIR="$TMP"
	SOCKET=giamngheo-$1-$$
	trap 'tm kill-server >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
	STEP_TIMEOUT=${TUI_TIMEOUT:-5}
}
tm() { tmux -L "$SOCKET" -f /dev/null "$@"; }

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

# pane_sees PANE TEXT: waits until PANE shows TEXT, failing after STEP_TIMEOUT
# seconds with what it shows.
pane_sees() {
	local deadline=$(($(now_ms) + STEP_TIMEOUT * 1000))
	until tm capture-pane -p -t "$1" | grep -qF -- "$2"; do
		[ "$(now_ms)" -le "$deadline" ] || fail "timed out waiting for '$2'; the pane shows:
$(tm capture-pane -p -t "$1")"
		sleep 0.02
	done
}
