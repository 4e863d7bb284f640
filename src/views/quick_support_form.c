/* Quick entry of support delivered, as the monthly round needs it: one
 * line each for the indicator, the kind, what was given, the amount and
 * the day. The item is recorded as delivered on that day by the agency. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forms.h"
#include "giamngheo/form_check.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"

enum { F_INDICATOR, F_KIND, F_WHAT, F_AMOUNT, F_DATE, N_FIELDS };
#define MAX_KINDS 32

typedef struct {
	long long household_id, agency_id;
	long long indicator_ids[GN_MAX_INDICATORS];
	int n_kinds;
} quick_support;

static void validate(gn_form_screen *fs, gn_app *app, int i)
{
	const char *text = gn_form_value(&fs->form, i);
	char msg[192] = "";
	fs->form.fields[i].note[0] = '\0';
	gn_money m;
	gn_date d;
	if (i == F_WHAT) {
		gn_check_required(text, _("Say what was given or done."), msg, sizeof msg);
	} else if (i == F_AMOUNT) {
		if (gn_check_amount(text, &m, msg, sizeof msg) && m > 0) {
			char shown[48];
			gn_money_format(m, shown, sizeof shown);
			snprintf(fs->form.fields[i].note, sizeof fs->form.fields[i].note, "= %s", shown);
		}
	} else if (i == F_DATE) {
		gn_check_past_date(text, app->today, &d, msg, sizeof msg);
	}
	gn_form_set_error(&fs->form, i, msg);
}

static gn_fs_save save(gn_form_screen *fs, gn_app *app, bool over_theirs)
{
	(void)over_theirs; /* a new item cannot meet someone else's save */
	quick_support *o = fs->owner;
	const gn_form *f = &fs->form;
	gn_support item = { 0 };
	char msg[192];
	if (!gn_check_amount(gn_form_value(f, F_AMOUNT), &item.cash, msg, sizeof msg) ||
	    !gn_check_past_date(gn_form_value(f, F_DATE), app->today, &item.actual, msg, sizeof msg))
		return GN_FS_SAVE_REFUSED;
	item.household_id = o->household_id;
	item.agency_id = o->agency_id;
	int ind = gn_form_choice_of(f, F_INDICATOR);
	item.indicator_id = ind > 0 ? o->indicator_ids[ind - 1] : 0;
	snprintf(item.kind, sizeof item.kind, "%s", gn_support_kind_code(gn_form_choice_of(f, F_KIND)));
	snprintf(item.description, sizeof item.description, "%s", gn_form_value(f, F_WHAT));
	item.planned = item.actual;
	item.status = GN_SUPPORT_DELIVERED;
	gn_status s = gn_support_insert(app->db, &item);
	if (s != GN_OK) {
		gn_app_notice(app, true, "%s", gn_status_message(s));
		return GN_FS_SAVE_REFUSED;
	}
	char amount[48] = "";
	if (item.cash)
		gn_money_format(item.cash, amount, sizeof amount);
	gn_app_notice(app, false, _("Recorded support: %s %s"), item.description, amount);
	return GN_FS_SAVE_OK;
}

static const gn_fs_ops ops = { .validate = validate, .save = save, .free = free };

gn_form_screen *gn_quick_support_form_open(gn_app *app, long long household_id, long long agency_id,
					   long long indicator_id)
{
	quick_support *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->household_id = household_id;
	o->agency_id = agency_id;
	gn_form_screen *fs = gn_fs_new(&ops, o, _("Support delivered this month"), 24);
	if (!fs) {
		free(o);
		return NULL;
	}
	const gn_standard *std = &app->standard;
	const char *inds[GN_MAX_INDICATORS + 1];
	char shown[GN_MAX_INDICATORS][160];
	int selected = 0;
	inds[0] = _("none");
	for (int i = 0; i < std->n_indicators; i++) {
		o->indicator_ids[i] = std->indicators[i].id;
		snprintf(shown[i], sizeof shown[i], "%s %s", std->indicators[i].code,
			 gn_indicator_name(&std->indicators[i]));
		inds[i + 1] = shown[i];
		if (std->indicators[i].id == indicator_id)
			selected = i + 1;
	}
	const char *kinds[MAX_KINDS];
	for (const char *k; o->n_kinds < MAX_KINDS && (k = gn_support_kind_code(o->n_kinds)); o->n_kinds++)
		kinds[o->n_kinds] = gn_support_kind_label(k);
	char today[11];
	gn_date_format_dmy(app->today, today);
	gn_form *f = &fs->form;
	gn_form_choice(f, _("Indicator addressed"), inds, std->n_indicators + 1, selected);
	gn_form_choice(f, _("Kind of support"), kinds, o->n_kinds, 0);
	gn_form_text(f, _("What was given or done"), "", 255);
	gn_form_text(f, _("Amount (đồng)"), "", 40);
	gn_form_text(f, _("Delivered on (t: today)"), today, 10);
	if (f->n != N_FIELDS) {
		gn_fs_free(fs);
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return NULL;
	}
	/* The indicator is usually chosen on the round's page: start at "what". */
	gn_form_focus(f, F_WHAT);
	f->moved_from = -1;
	return fs;
}
