/* Households from a CSV file, from the app: the file's path asked on a
 * form, the file checked by the import the command line runs (a dry run:
 * nothing written), what was found shown in full, and the import itself
 * only when the check is clean and the user says yes: all or nothing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form_screen.h"
#include "giamngheo/access.h"
#include "giamngheo/i18n.h"
#include "giamngheo/import.h"
#include "giamngheo/paths.h"
#include "views.h"

#define MAX_PATH 4096
#define MAX_TYPED 1000
#define HEADER_COLS 36
#define INDENT 4

enum { STAGE_PATH, STAGE_REPORT, STAGE_DONE };

typedef struct {
	int stage;
	gn_fscreen *form;         /* the file's path, kept to come back to */
	char path[MAX_PATH];      /* the file checked, "~" expanded */
	char typed[MAX_TYPED + 1]; /* its path as typed, to show */
	gn_import_report report;  /* of the check, then of the import */
	gn_status status;         /* how the report ended */
	bool asking;              /* the question before importing */
	gn_doc doc;
	int doc_cols;             /* the width the doc was laid out for; 0: lay it out again */
} import_screen;

static const char *title(const gn_view *v)
{
	(void)v;
	return _("Import households");
}

/* ---- the file ---- */

/* The file named by typed (surrounding spaces dropped into trimmed, of
 * MAX_TYPED + 1 bytes, then "~" expanded) into path; false with msg when it is no CSV file that can be read. */
static bool file_usable(const char *typed, char *trimmed, char *path, size_t size, char *msg, size_t msg_size)
{
	typed += strspn(typed, " ");
	snprintf(trimmed, MAX_TYPED + 1, "%s", typed);
	for (size_t n = strlen(trimmed); n > 0 && trimmed[n - 1] == ' '; n--)
		trimmed[n - 1] = '\0';
	if (!trimmed[0]) {
		snprintf(msg, msg_size, "%s", _("Enter the path of the CSV file, for example ~/ho-ngheo.csv."));
		return false;
	}
	if (gn_path_expand_home(trimmed, path, size) != 0) {
		snprintf(msg, msg_size, "%s", _("This path is too long."));
		return false;
	}
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			snprintf(msg, msg_size, _("No such file: %s"), path);
		else
			snprintf(msg, msg_size, _("This file cannot be read: %s"), strerror(errno));
		return false;
	}
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	if (S_ISDIR(sb.st_mode))
		snprintf(msg, msg_size, "%s", _("This is a folder: give the path of a CSV file in it."));
	else if (!S_ISREG(sb.st_mode))
		snprintf(msg, msg_size, "%s", _("This is not an ordinary file: give the path of a CSV file."));
	else if (access(path, R_OK) != 0)
		snprintf(msg, msg_size, "%s", _("You may not read this file (permission denied)."));
	else if (!dot || (slash && dot < slash) || strcasecmp(dot, ".csv") != 0)
		snprintf(msg, msg_size, "%s",
			 _("Not a CSV file: in the spreadsheet, choose Save As, then CSV UTF-8 (.csv)."));
	else
		return true;
	return false;
}

typedef struct {
	gn_app *app;
	bool dry_run;
} progress_line;

static void progress(void *arg, long rows, double share)
{
	const progress_line *p = arg;
	char line[160];
	snprintf(line, sizeof line,
		 p->dry_run ? _("Checking the file… %ld rows read (%d%%)") : _("Importing the households… %ld rows (%d%%)"),
		 rows, (int)(share * 100));
	gn_app_busy(p->app, line);
}

/* Checks (dry_run) or imports the file; the report is replaced. The
 * screen keeps the last report's lines while the work goes on. */
static gn_status run(import_screen *s, gn_app *app, bool dry_run)
{
	progress_line line = { app, dry_run };
	gn_import_options o = { .dry_run = dry_run, .progress = progress, .progress_arg = &line };
	gn_app_busy(app, dry_run ? _("Checking the file…") : _("Importing the households…"));
	gn_import_report_clear(&s->report);
	s->status = gn_import_households_file(app->db, &app->standard, s->path, &o, &s->report);
	gn_app_notice(app, false, "%s", "");
	s->doc_cols = 0;
	s->doc.top = 0;
	return s->status;
}

/* ---- the form asking for the file ---- */

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)ctx;
	(void)app;
	(void)theirs;
	return gn_form_text(f, _("CSV file"), "", MAX_TYPED) >= 0;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	import_screen *s = ctx;
	(void)app;
	char msg[MAX_PATH + 64] = "";
	file_usable(gn_form_value(f, i), s->typed, s->path, sizeof s->path, msg, sizeof msg);
	gn_form_set_error(f, i, msg);
}

/* "Saving" the form is checking the file it names. */
static gn_status check(void *ctx, gn_app *app, gn_form *f)
{
	import_screen *s = ctx;
	gn_status st = run(s, app, true);
	switch (st) {
	case GN_OK:
	case GN_ERR_INVALID:
		return GN_OK;
	case GN_ERR_NOT_FOUND:
	case GN_ERR_IO:
		gn_form_set_error(f, 0, _("This file cannot be read."));
		return GN_ERR_INVALID;
	default:
		/* Not an administrator, or the database failed: the reason. */
		gn_app_notice(app, true, "%s", gn_status_message(st));
		return st;
	}
}

/* The form lives inside the screen, which frees it. */
static void keep(void *ctx)
{
	(void)ctx;
}

static const gn_fscreen_ops path_ops = { .build = build, .validate = validate, .save = check, .free = keep };

/* ---- the report ---- */

static void blank(gn_doc *d)
{
	gn_doc_line(d, 0);
}

static void columns(gn_doc *d, const gn_import_report *r, int cols)
{
	blank(d);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Columns recognised"));
	/* Long headers are cut rather than squeeze what they fill on a narrow screen. */
	int header_cols = cols / 2 - 4 < HEADER_COLS ? cols / 2 - 4 : HEADER_COLS;
	int recognised = 0;
	for (int i = 0; i < r->n_columns; i++) {
		if (!r->columns[i].field)
			continue;
		recognised++;
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  ");
		gn_view_span_fixed(d, GN_ROLE_ROW, r->columns[i].header, header_cols);
		gn_doc_span(d, GN_ROLE_HELP, " → ");
		gn_view_span_wrapped(d, GN_ROLE_ROW, r->columns[i].field, cols - header_cols - 6, header_cols + 5);
	}
	if (!recognised) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  %s", _("none"));
	}
	char ignored[1024] = "";
	size_t used = 0;
	for (int i = 0; i < r->n_columns && used < sizeof ignored; i++) {
		if (r->columns[i].field || !r->columns[i].header[0])
			continue;
		int n = snprintf(ignored + used, sizeof ignored - used, "%s%s", used ? ", " : "", r->columns[i].header);
		if (n > 0)
			used += (size_t)n;
	}
	if (!ignored[0])
		return;
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s", _("Columns ignored: "));
	gn_view_span_wrapped(d, GN_ROLE_ROW, ignored, cols - INDENT, INDENT);
}

static void count(gn_doc *d, const char *label, long n)
{
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_ROW, "  ");
	gn_view_span_fixed(d, GN_ROLE_ROW, label, HEADER_COLS + 8);
	gn_doc_span(d, GN_ROLE_PROGRESS, "%ld", n);
}

static void counts(gn_doc *d, const import_screen *s)
{
	const gn_import_report *r = &s->report;
	bool done = s->stage == STAGE_DONE;
	blank(d);
	gn_doc_line(d, 0);
	gn_doc_span(d, GN_ROLE_HEADER, "%s",
		    done ? _("Imported") : s->status == GN_OK ? _("The check: nothing is saved yet")
							: _("The check: rows with errors are not counted"));
	count(d, _("Rows read"), r->rows);
	count(d, done ? _("Households added") : _("Households to add"), r->households);
	count(d, done ? _("Members added (heads included)") : _("Members to add (heads included)"), r->members);
	count(d, done ? _("Deprivations recorded") : _("Deprivations to record"), r->deprivations);
}

static void problems(gn_doc *d, const gn_import_report *r, int cols)
{
	blank(d);
	gn_doc_line(d, 0);
	if (!r->n_errors && !r->n_warnings) {
		gn_doc_span(d, GN_ROLE_ON_TIME, "%s", _("No problems found."));
		return;
	}
	char errors[96], warnings[96];
	snprintf(errors, sizeof errors, ngettext("%ld error", "%ld errors", (unsigned long)r->n_errors), r->n_errors);
	snprintf(warnings, sizeof warnings, ngettext("%ld warning", "%ld warnings", (unsigned long)r->n_warnings),
		 r->n_warnings);
	gn_doc_span(d, r->n_errors ? GN_ROLE_DEPRIVED : GN_ROLE_HEADER, _("Problems: %s, %s"), errors, warnings);
	for (int i = 0; i < r->n_problems; i++) {
		char line[1200];
		gn_import_problem_text(&r->problems[i], line, sizeof line);
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, "  ");
		gn_view_span_wrapped(d, r->problems[i].warning ? GN_ROLE_DUE_SOON : GN_ROLE_ROW, line, cols - INDENT,
				     INDENT);
	}
	long unlisted = r->n_errors + r->n_warnings - r->n_problems;
	if (unlisted > 0) {
		gn_doc_line(d, 0);
		gn_doc_span(d, GN_ROLE_ROW, _("  … and %ld more problems not listed."), unlisted);
	}
}

static void lay_out(import_screen *s, int cols)
{
	int top = s->doc.top;
	gn_doc_clear(&s->doc);
	s->doc.cursor = -1;
	s->doc.top = top;
	gn_doc_line(&s->doc, 0);
	gn_doc_span(&s->doc, GN_ROLE_HEADER, "%s", _("File: "));
	gn_view_span_wrapped(&s->doc, GN_ROLE_ROW, s->typed, cols - INDENT, INDENT);
	/* What needs doing first, the columns' reading after it. */
	counts(&s->doc, s);
	problems(&s->doc, &s->report, cols);
	columns(&s->doc, &s->report, cols);
	s->doc_cols = cols;
}

/* The last line: what the user can do now, or the question. */
static void footer(const import_screen *s, WINDOW *w, int y, int cols)
{
	char line[512];
	gn_color_role role = GN_ROLE_HELP;
	if (s->asking) {
		snprintf(line, sizeof line, ngettext("Import %d household from this file now? (y/n)",
						     "Import %d households from this file now? (y/n)",
						     (unsigned long)s->report.households),
			 s->report.households);
		role = GN_ROLE_ERROR;
	} else if (s->stage == STAGE_DONE) {
		snprintf(line, sizeof line, "%s", _("Done. Esc: back"));
	} else if (s->status != GN_OK) {
		snprintf(line, sizeof line, "%s",
			 _("Nothing can be imported until every error is corrected (all or nothing). Esc: back"));
		role = GN_ROLE_DEPRIVED;
	} else {
		snprintf(line, sizeof line, "%s", _("Enter or F2: import these households  Esc: back, nothing is saved"));
	}
	gn_ui_fill(w, y, 0, cols, gn_ui_attr(role));
	gn_ui_put(w, y, 0, cols, line, gn_ui_attr(role));
}

/* ---- the screen ---- */

static void load(gn_view *v, gn_app *app)
{
	import_screen *s = calloc(1, sizeof *s);
	if (!s)
		return;
	v->state = s;
	s->doc.cursor = -1;
	s->form = gn_fscreen_open(app, &path_ops, s, _("Import households from a CSV file"));
}

static void free_state(gn_view *v)
{
	import_screen *s = v->state;
	if (s) {
		gn_fscreen_free(s->form);
		gn_import_report_clear(&s->report);
		gn_doc_clear(&s->doc);
	}
	free(s);
}

static int path_key(import_screen *s, gn_app *app, int k)
{
	/* Leaving loses only the path typed: nothing to ask. */
	if (k == GN_KEY_ESC || !s->form) {
		gn_app_pop(app);
		return GN_UI_REDRAW;
	}
	gn_fscreen_state state;
	if (k == GN_KEY_ENTER)
		state = gn_fscreen_commit(s->form, app);
	else
		gn_fscreen_key(s->form, app, k, &state);
	if (state == GN_FSCREEN_SAVED)
		s->stage = STAGE_REPORT;
	return GN_UI_REDRAW;
}

static void answer(import_screen *s, gn_app *app, int k)
{
	int yes = gn_fscreen_ask_key(k);
	if (yes < 0)
		return;
	s->asking = false;
	if (!yes) {
		gn_app_notice(app, false, "%s", _("Nothing was imported."));
		return;
	}
	gn_status st = run(s, app, false);
	if (st == GN_OK) {
		app->changes++;
		s->stage = STAGE_DONE;
		gn_app_notice(app, false, _("Imported %d households, %d members and %d deprivations."),
			      s->report.households, s->report.members, s->report.deprivations);
	} else if (st == GN_ERR_INVALID) {
		gn_app_notice(app, true, "%s",
			      _("The file has changed since the check and now has errors: nothing was imported."));
	} else {
		s->stage = STAGE_PATH;
		gn_app_notice(app, true, "%s: %s", _("Nothing was imported"), gn_status_message(st));
	}
}

static int key(gn_view *v, gn_app *app, int k)
{
	import_screen *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	if (s->stage == STAGE_PATH)
		return path_key(s, app, k);
	if (s->asking) {
		answer(s, app, k);
		return GN_UI_REDRAW;
	}
	return GN_UI_IGNORED;
}

static int act(gn_view *v, gn_app *app, gn_action a)
{
	import_screen *s = v->state;
	if (!s)
		return GN_UI_IGNORED;
	switch (a) {
	case GN_ACT_OPEN:
	case GN_ACT_SAVE:
		if (s->stage == STAGE_DONE)
			return GN_UI_HANDLED;
		if (s->status == GN_OK)
			s->asking = true;
		else
			gn_app_notice(app, true,
				      ngettext("Nothing can be imported: correct the %ld error in the file, then check it again.",
					       "Nothing can be imported: correct the %ld errors in the file, then check it again.",
					       (unsigned long)s->report.n_errors),
				      s->report.n_errors);
		return GN_UI_REDRAW;
	case GN_ACT_IMPORT:
		return GN_UI_HANDLED; /* already here */
	case GN_ACT_BACK:
		if (s->stage == STAGE_DONE)
			gn_app_pop(app);
		else
			s->stage = STAGE_PATH;
		return GN_UI_REDRAW;
	default:
		return gn_doc_act(&s->doc, a, LINES - GN_UI_CHROME_ROWS - 1);
	}
}

static void draw(gn_view *v, gn_app *app, WINDOW *w, int rows, int cols)
{
	import_screen *s = v->state;
	if (!s || !s->form)
		return;
	if (s->stage == STAGE_PATH) {
		if (!app->message[0])
			gn_app_notice(app, false, "%s", _("Enter or F2: check the file (nothing is saved yet)  Esc: cancel"));
		gn_fscreen_draw(s->form, app, w, rows, cols);
		static const char *const help[] = {
			N_("A list of households saved from a spreadsheet as CSV UTF-8 (separator , or ;)."),
			N_("Columns are found by their headers, with or without diacritics: Mã hộ, Họ và tên chủ hộ,"),
			N_("Tổ dân phố, Thu nhập bình quân, Số CCCD, 1.1 … 6.2 and others. Later rows with the same"),
			N_("household code are its members. The file is checked first and every problem is listed;"),
			N_("nothing is imported unless every row is correct."),
		};
		for (int i = 0; i < (int)(sizeof help / sizeof help[0]) && 6 + i < rows - 1; i++)
			gn_ui_put(w, 6 + i, 2, cols - 2, _(help[i]), gn_ui_attr(GN_ROLE_HELP));
		return;
	}
	if (s->doc_cols != cols)
		lay_out(s, cols);
	gn_doc_draw(&s->doc, w, rows - 1, cols);
	footer(s, w, rows - 1, cols);
}

static const gn_action hints[] = {
	GN_ACT_PAGE_DOWN, GN_ACT_PAGE_UP, GN_ACT_BACK, GN_ACT_HELP, GN_ACT_NONE,
};

static const gn_view_ops import_view = {
	.id = "import", .title = title, .load = load, .free = free_state, .key = key, .act = act,
	.draw = draw, .hints = hints,
};

void gn_import_open(gn_app *app)
{
	gn_status st = gn_access_admin(app->db);
	if (st != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(st));
		return;
	}
	gn_app_push(app, &import_view, 0);
}
