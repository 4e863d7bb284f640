/* The form widget without a terminal: multi-line notes, member lists,
 * choices replaced and compared by text, values set after a conflict, and
 * a field's text kept when it is marked wrong. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ui/form.h"
#include "check_run.h"

/* The widget's colours come from the terminal module; none here. */
attr_t gn_ui_attr(gn_color_role role)
{
	(void)role;
	return 0;
}

static void keys(gn_form *f, const char *text)
{
	for (const char *p = text; *p; p++)
		gn_form_key(f, (unsigned char)*p);
}

START_TEST(note_breaks_and_joins_lines)
{
	gn_form f;
	gn_form_init(&f);
	ck_assert_int_eq(gn_form_text(&f, "Name", "", 60), 0);
	ck_assert_int_eq(gn_form_note(&f, "Notes", "Hộ khó khăn", 4000), 1);
	ck_assert_int_eq(gn_form_text(&f, "After", "", 60), 2);
	gn_form_focus(&f, 1);
	ck_assert(!gn_form_changed(&f));

	/* Ctrl-O at the cursor: the rest of the line goes below. */
	for (int i = 0; i < 4; i++)
		gn_form_key(&f, GN_KEY_LEFT);
	gn_form_key(&f, GN_KEY_CTRL('o'));
	ck_assert_str_eq(gn_form_value(&f, 1), "Hộ khó \nkhăn");
	ck_assert(gn_form_changed(&f));
	/* Backspace at the start of the second line joins it back. */
	gn_form_key(&f, GN_KEY_BACKSPACE);
	ck_assert_str_eq(gn_form_value(&f, 1), "Hộ khó khăn");
	/* A line at the end; Up moves into the note, not out of it. */
	gn_form_key(&f, GN_KEY_END);
	gn_form_key(&f, GN_KEY_CTRL('o'));
	keys(&f, "line 2");
	ck_assert_str_eq(gn_form_value(&f, 1), "Hộ khó khăn\nline 2");
	gn_form_key(&f, GN_KEY_UP);
	ck_assert_int_eq(f.focus, 1);
	keys(&f, "!");
	ck_assert_str_eq(gn_form_value(&f, 1), "Hộ khó khăn!\nline 2");
	/* Up from the first line leaves for the field above. */
	gn_form_key(&f, GN_KEY_UP);
	ck_assert_int_eq(f.focus, 0);
	/* Enter never breaks a line: it goes to the next field, as everywhere. */
	gn_form_key(&f, GN_KEY_ENTER);
	ck_assert_int_eq(f.focus, 1);
	gn_form_key(&f, GN_KEY_ENTER);
	ck_assert_int_eq(f.focus, 2);
	ck_assert_int_eq(f.moved_from, 1);
	gn_form_free(&f);
}
END_TEST

START_TEST(list_leaves_its_keys_to_the_caller)
{
	gn_form f;
	gn_form_init(&f);
	gn_form_text(&f, "Code", "SC-1", 31);
	int list = gn_form_list(&f, "Members");
	const char *lines[] = { "Nguyễn Thị Hương · Chủ hộ", "Trần Văn Đức · Chồng" };
	ck_assert(gn_form_list_set(&f, list, lines, 2));
	gn_form_focus(&f, list);
	ck_assert_int_eq(gn_form_list_selected(&f, list), 0);
	ck_assert(gn_form_key(&f, GN_KEY_DOWN));
	ck_assert_int_eq(gn_form_list_selected(&f, list), 1);
	ck_assert(!gn_form_key(&f, 'a'));
	ck_assert(!gn_form_key(&f, GN_KEY_ENTER));
	ck_assert(!gn_form_key(&f, 'd'));
	ck_assert_int_eq(f.focus, list);
	/* Fewer lines: the selection stays in range. */
	ck_assert(gn_form_list_set(&f, list, lines, 1));
	ck_assert_int_eq(gn_form_list_selected(&f, list), 0);
	ck_assert(gn_form_list_set(&f, list, NULL, 0));
	ck_assert_int_eq(gn_form_list_selected(&f, list), -1);
	ck_assert(gn_form_key(&f, GN_KEY_TAB));
	ck_assert_int_eq(f.focus, 0);
	gn_form_free(&f);
}
END_TEST

/* A draft of a form with a list carries the owner's changes to the list,
 * and the values survive a join and split, empty ones included. */
START_TEST(a_draft_carries_a_lists_unsaved_changes)
{
	gn_form f, back;
	gn_form_init(&f);
	gn_form_init(&back);
	gn_form_text(&f, "Code", "SC-1", 31);
	int list = gn_form_list(&f, "Members");
	gn_form_text(&f, "Phone", "", 24);
	gn_form_text(&back, "Code", "", 31);
	gn_form_list(&back, "Members");
	gn_form_text(&back, "Phone", "", 24);
	ck_assert(!gn_form_changed(&f));
	ck_assert(gn_form_list_keep(&f, list, "S0\x1dTrần Văn Đức"));
	ck_assert(gn_form_changed(&f)); /* a member typed counts as a change */
	char *joined = gn_form_values_join(&f), *values[GN_FORM_MAX_FIELDS];
	ck_assert_ptr_nonnull(joined);
	int n = gn_form_values_split(joined, values, GN_FORM_MAX_FIELDS);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(values[0], "SC-1");
	ck_assert_str_eq(values[1], "S0\x1dTrần Văn Đức");
	ck_assert_str_eq(values[2], "");
	free(joined);
	const char *snap[GN_FORM_MAX_FIELDS];
	gn_form_snapshot(&f, snap);
	gn_form_restore(&back, snap, NULL, f.n);
	ck_assert_str_eq(gn_form_value(&back, 0), "SC-1");
	ck_assert_str_eq(gn_form_list_kept(&back, list), "S0\x1dTrần Văn Đức");
	/* No change left: the list counts as unchanged again. */
	ck_assert(gn_form_list_keep(&f, list, ""));
	ck_assert(!gn_form_changed(&f));
	gn_form_free(&f);
	gn_form_free(&back);
}
END_TEST

START_TEST(values_compared_and_taken_after_a_conflict)
{
	gn_form mine, theirs;
	gn_form_init(&mine);
	gn_form_init(&theirs);
	const char *a[] = { "none", "Đinh Ngọc Hằng" }, *b[] = { "none", "Lê Thị Phượng", "Đinh Ngọc Hằng" };
	gn_form_choice(&mine, "Staff", a, 2, 1);
	gn_form_choice(&theirs, "Staff", b, 3, 2);
	gn_form_text(&mine, "Amount", "5.000.000", 40);
	gn_form_text(&theirs, "Amount", "12.000.000", 40);
	gn_form_note(&mine, "Notes", "a\nb", 0);
	gn_form_note(&theirs, "Notes", "a\nb", 0);
	/* Choices by their text: the lists differ, the person is the same. */
	ck_assert(gn_form_same(&mine, &theirs, 0));
	ck_assert(!gn_form_same(&mine, &theirs, 1));
	ck_assert(gn_form_same(&mine, &theirs, 2));
	ck_assert_int_eq(gn_form_choice_find(&mine, 0, "Lê Thị Phượng"), -1);
	ck_assert(gn_form_set_text(&mine, 1, gn_form_value(&theirs, 1)));
	ck_assert(gn_form_same(&mine, &theirs, 1));
	ck_assert_str_eq(gn_form_shown(&mine, 1), "12.000.000");

	/* Replacing the choices keeps what the form opened with by its text. */
	ck_assert(gn_form_choice_set(&mine, 0, b, 3, 2));
	ck_assert(!gn_form_field_changed(&mine, 0));
	gn_form_set_choice(&mine, 0, 1);
	ck_assert(gn_form_field_changed(&mine, 0));
	ck_assert_str_eq(gn_form_shown(&mine, 0), "Lê Thị Phượng");
	gn_form_free(&mine);
	gn_form_free(&theirs);
}
END_TEST

START_TEST(a_field_marked_wrong_keeps_its_text)
{
	gn_form f;
	gn_form_init(&f);
	gn_form_text(&f, "Born", "", 10);
	keys(&f, "31/02/1990");
	gn_form_set_error(&f, 0, "That month has no such day.");
	ck_assert(gn_form_has_errors(&f));
	ck_assert_str_eq(gn_form_value(&f, 0), "31/02/1990");
	gn_form_set_error(&f, 0, "");
	ck_assert(!gn_form_has_errors(&f));
	gn_form_free(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("form");
	TCase *tc = tcase_create("widget");
	tcase_add_test(tc, note_breaks_and_joins_lines);
	tcase_add_test(tc, list_leaves_its_keys_to_the_caller);
	tcase_add_test(tc, a_draft_carries_a_lists_unsaved_changes);
	tcase_add_test(tc, values_compared_and_taken_after_a_conflict);
	tcase_add_test(tc, a_field_marked_wrong_keeps_its_text);
	suite_add_tcase(s, tc);
	return check_run(s);
}
