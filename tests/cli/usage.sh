# Help, version and usage errors: exit 0, 0 and 2.
. "$TESTS_SRCDIR/cli/lib.sh"

run 0 gn --help
has "giamngheo"
has "households"
has "search"
run 0 gn --lang en --help
has "Usage: giamngheo"
run 0 gn --version
has "giamngheo 0."
run 2 gn --no-such-option
has "--no-such-option"
run 2 gn --lang fr stats
has "fr"
make_demo
run 2 gn --db "$DEMO" frobnicate
has "frobnicate"
run 2 gn --db "$DEMO" households --format xml
has "xml"
run 2 gn --db "$DEMO" households --class rich
run 2 gn --db "$DEMO" household
run 2 gn --db "$DEMO" search
passed
