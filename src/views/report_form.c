/* The report submission form: which deadline, the day it was submitted,
 * by whom, a summary and the figures. It records a new submission or
 * corrects the live one through the same core calls as `giamngheo submit`
 * and `submit --correct`, so the audit log reads the same. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency_form.h"
#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report.h"

enum { F_DEADLINE, F_DATE, F_BY, F_SUMMARY, F_FIGURES, N_FIELDS };

typedef struct {
	gn_deadline_row *rows;  /* the deadlines offered, in choice order */
	int n;
	gn_report base;         /* correcting: the live submission as loaded */
	gn_report current;      /* after a conflict: as stored now */
	bool correcting;
	/* A new submission: what the form opens with. */
	int choice;
	char by[128];
	char *summary, *figures;
} report_form;

static void free_owner(void *p)
{
	report_form *o = p;
	if (!o)
		return;
	free(o->rows);
	gn_report_clear(&o->base);
	gn_report_clear(&o->current);
	free(o->summary);
	free(o->figures);
	free(o);
}

static void add_fields(gn_form *f, const report_form *o, int choice, gn_date on, const char *by,
		       const char *summary, const char *figures)
{
	const char **labels = calloc((size_t)o->n, sizeof *labels);
	char (*shown)[240] = calloc((size_t)o->n, sizeof *shown);
	if (labels && shown) {
		for (int i = 0; i < o->n; i++) {
			char due[11];
			gn_date_format_dmy(o->rows[i].due, due);
			snprintf(shown[i], sizeof shown[i], "%s %s — %s", due, o->rows[i].agency_code, o->rows[i].title);
			labels[i] = shown[i];
		}
		gn_form_choice(f, _("Deadline"), labels, o->n, choice);
	}
	free(labels);
	free(shown);
	char date[11];
	gn_date_format_dmy(on, date);
	gn_form_text(f, _("Submitted on (t: today)"), date, 10);
	gn_form_text(f, _("Submitted by"), by, 127);
	gn_form_text(f, _("Summary"), summary ? summary : "", 2000);
	gn_form_text(f, _("Figures"), figures ? figures : "", 4000);
}

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	report_form *o = ctx;
	const gn_report *r = theirs ? &o->current : &o->base;
	if (theirs || o->correcting)
		add_fields(f, o, 0, r->submitted_on, r->submitted_by, r->summary, r->content);
	else
		add_fields(f, o, o->choice, app->today, o->by, o->summary, o->figures);
	if (f->n != N_FIELDS)
		return false;
	/* A long summary or figures reads from its beginning, not its end. */
	gn_lineedit_key(f->fields[F_SUMMARY].edit, GN_KEY_HOME);
	gn_lineedit_key(f->fields[F_FIGURES].edit, GN_KEY_HOME);
	return true;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	(void)ctx;
	const char *text = gn_form_value(f, i);
	char msg[192] = "";
	gn_date d;
	if (i == F_DATE)
		gn_check_past_date(text, app->today, &d, msg, sizeof msg);
	else if (i == F_BY)
		gn_check_required(text, _("Enter who submitted the report."), msg, sizeof msg);
	gn_form_set_error(f, i, msg);
}

static void say_saved(gn_app *app, bool corrected, long long id, const gn_deadline_row *r, gn_date on)
{
	char due[11], status[64];
	gn_date_format_dmy(r->due, due);
	gn_deadline_status st = gn_deadline_status_of(r->due, r->due_soon_days, on, &on);
	gn_deadline_status_describe(st, r->due, on, status, sizeof status);
	gn_app_notice(app, false,
		      corrected ? _("Corrected report %lld: %s, %s due %s — %s.") : _("Recorded report %lld: %s, %s due %s — %s."),
		      id, r->agency_code, r->title, due, status);
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	report_form *o = ctx;
	const gn_deadline_row *row = &o->rows[gn_form_choice_of(f, F_DEADLINE)];
	gn_date on;
	char msg[192];
	if (!gn_check_past_date(gn_form_value(f, F_DATE), app->today, &on, msg, sizeof msg))
		return GN_ERR_INVALID;
	const char *by = gn_form_value(f, F_BY), *summary = gn_form_value(f, F_SUMMARY),
		   *figures = gn_form_value(f, F_FIGURES);
	gn_status s;
	long long id = o->base.id;
	if (o->correcting) {
		gn_report mine = o->base;
		char *sum = strdup(summary), *fig = strdup(figures);
		if (!sum || !fig) {
			free(sum);
			free(fig);
			gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
			return GN_ERR_NOMEM;
		}
		mine.summary = sum;
		mine.content = fig;
		mine.submitted_on = on;
		snprintf(mine.submitted_by, sizeof mine.submitted_by, "%s", by);
		gn_report_clear(&o->current);
		s = gn_report_correct(app->db, &mine, &o->current);
		if (s == GN_OK)
			o->base.version = mine.version;
		free(sum);
		free(fig);
	} else {
		s = gn_report_record(app->db, row->id, on, by, summary, figures, &id);
	}
	switch (s) {
	case GN_OK:
		app->changes++;
		say_saved(app, o->correcting, id, row, on);
		return GN_OK;
	case GN_ERR_DUPLICATE:
		gn_form_set_error(f, F_DEADLINE,
				  _("This deadline already has a submission: open it from the Deadlines screen with e to correct it."));
		return GN_ERR_INVALID;
	case GN_ERR_CONFLICT:
		if (o->current.withdrawn) {
			gn_app_notice(app, true, _("Report %lld was withdrawn by %s at %s; nothing was saved."), id,
				      o->current.updated_by, o->current.updated_at);
			return GN_ERR_NOT_FOUND;
		}
		return GN_ERR_CONFLICT;
	case GN_ERR_INVALID:
		gn_app_notice(app, true, "%s", _("The texts must be UTF-8 and the name not empty."));
		return GN_ERR_DB; /* no field to point at: the notice says it */
	default:
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return s;
	}
}

static void adopt_theirs(void *ctx)
{
	report_form *o = ctx;
	o->base.version = o->current.version;
}

static bool who_saved(void *ctx, char *by, size_t by_size, char *at, size_t at_size)
{
	const report_form *o = ctx;
	snprintf(by, by_size, "%s", o->current.updated_by);
	snprintf(at, at_size, "%s", o->current.updated_at);
	return true;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free_owner,
	.who_saved = who_saved,
};

/* The deadlines offered and the one selected: the one asked for (alone
 * when it is being corrected), else the open ones, the earliest first. */
static gn_status offer(gn_app *app, report_form *o, long long deadline_id, int *choice)
{
	*choice = 0;
	gn_deadline_filter f = { .open_only = true };
	gn_deadline_row one;
	if (deadline_id) {
		gn_status s = gn_deadline_get(app->db, deadline_id, app->today, &one);
		if (s != GN_OK)
			return s;
		if (one.report_id) {
			o->correcting = true;
			if ((o->rows = malloc(sizeof *o->rows)) == NULL)
				return GN_ERR_NOMEM;
			o->rows[0] = one;
			o->n = 1;
			return gn_report_load(app->db, one.report_id, &o->base);
		}
	}
	gn_status s = gn_deadline_query(app->db, &f, app->today, &o->rows, &o->n);
	if (s != GN_OK)
		return s;
	for (int i = 0; i < o->n; i++)
		if (o->rows[i].id == deadline_id)
			*choice = i;
	return o->n ? GN_OK : GN_ERR_NOT_FOUND;
}

gn_fscreen *gn_report_form_open(gn_app *app, long long deadline_id, const char *summary, const char *figures)
{
	report_form *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	/* Instances follow the rules and assignments as they are now, as for `submit`. */
	gn_deadline_sync(app->db);
	gn_status s = offer(app, o, deadline_id, &o->choice);
	if (s == GN_OK && ((summary && !(o->summary = strdup(summary))) || (figures && !(o->figures = strdup(figures)))))
		s = GN_ERR_NOMEM;
	if (s != GN_OK) {
		gn_app_notice(app, true, "%s",
			      s == GN_ERR_NOT_FOUND ? _("No deadline is waiting for a report.") : gn_status_message(s));
		free_owner(o);
		return NULL;
	}
	const gn_deadline_row *row = &o->rows[o->choice];
	char title[240];
	if (o->correcting) {
		snprintf(title, sizeof title, _("Correct report %lld — %s"), o->base.id, row->agency_code);
	} else {
		gn_agency agency;
		if (gn_agency_load(app->db, row->agency_id, &agency) == GN_OK)
			snprintf(o->by, sizeof o->by, "%s", agency.contact_person);
		snprintf(title, sizeof title, "%s", _("Submit a report"));
	}
	gn_fscreen *fs = gn_fscreen_open(app, &ops, o, title);
	/* A correction is of the deadline's live submission; a new one is a new
	 * record under its deadline. */
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_REPORT_FORM_DRAFT, o->correcting ? deadline_id : -deadline_id, -1);
	return fs;
}
