# The Vietnamese catalogue is complete: every message in the sources is translated.
. "$TESTS_SRCDIR/cli/lib.sh"
command -v xgettext >/dev/null || fail "xgettext (gettext) is needed"
cd "$TESTS_SRCDIR/.."

# Every source file with translatable text is listed for xgettext.
for f in $(grep -rlE '\b(_|N_|ngettext)\(' src include --include='*.c' --include='*.h' | grep -v i18n.h | sort); do
	grep -qx "$f" po/POTFILES.in || fail "$f has messages but is missing from po/POTFILES.in"
done
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$TMP/giamngheo.pot" $(cat po/POTFILES.in)
stats=$(msgfmt --check --statistics -o /dev/null "$GIAMNGHEO_PO" 2>&1)
case "$stats" in
*untranslated* | *fuzzy*) fail "po/vi.po is incomplete: $stats" ;;
esac
# msgcmp fails on any message of the sources that vi.po lacks or leaves untranslated.
run 0 msgcmp "$GIAMNGHEO_PO" "$TMP/giamngheo.pot"
passed
