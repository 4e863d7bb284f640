/* A support item: which deprivation it addresses, what, who gives it,
 * when and how much, planned and delivered. */
#include "support_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"

enum {
	F_HOUSEHOLD, F_INDICATOR, F_KIND, F_DESCRIPTION, F_AGENCY, F_SOURCE, F_PLANNED, F_AMOUNT,
	F_STATUS, F_DELIVERED, F_DELIVERED_AMOUNT, F_NOTES, N_FIELDS
};

#define MAX_KINDS 32

typedef struct {
	gn_support base;            /* as opened (id 0: new) */
	gn_support theirs;          /* as stored, after a conflict */
	long long household_id;     /* resolved from the code typed */
	gn_agency_choices agencies;
	const char *kinds[MAX_KINDS], *sources[MAX_KINDS];
	int n_kinds, n_sources;
} support_form;

static void free_ctx(void *ctx)
{
	support_form *s = ctx;
	gn_support_clear(&s->base);
	gn_support_clear(&s->theirs);
	free(s);
}

static int index_of(const char *const *codes, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return i;
	return -1;
}

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	support_form *s = ctx;
	const gn_support *it = theirs ? &s->theirs : &s->base;
	char code[32] = "", planned[11] = "", delivered[11] = "", amount[32] = "", delivered_amount[32] = "";
	gn_household h;
	if (it->household_id && gn_household_load(app->db, it->household_id, &h) == GN_OK) {
		snprintf(code, sizeof code, "%s", h.code);
		gn_household_clear(&h);
	}
	if (gn_date_is_set(it->planned))
		gn_date_format_dmy(it->planned, planned);
	if (gn_date_is_set(it->actual))
		gn_date_format_dmy(it->actual, delivered);
	if (it->cash)
		gn_money_format_plain(it->cash, amount, sizeof amount);
	if (it->delivered_cash)
		gn_money_format_plain(it->delivered_cash, delivered_amount, sizeof delivered_amount);

	const gn_standard *std = &app->standard;
	const char *inds[GN_MAX_INDICATORS + 1];
	char shown[GN_MAX_INDICATORS][160];
	int ind = 0;
	inds[0] = _("none");
	for (int i = 0; i < std->n_indicators; i++) {
		snprintf(shown[i], sizeof shown[i], "%s %s", std->indicators[i].code,
			 gn_indicator_name(&std->indicators[i]));
		inds[i + 1] = shown[i];
		if (std->indicators[i].id == it->indicator_id)
			ind = i + 1;
	}
	const char *kind_labels[MAX_KINDS], *source_labels[MAX_KINDS + 1];
	for (int i = 0; i < s->n_kinds; i++)
		kind_labels[i] = gn_support_kind_label(s->kinds[i]);
	source_labels[0] = _("none");
	for (int i = 0; i < s->n_sources; i++)
		source_labels[i + 1] = gn_fund_source_label(s->sources[i]);
	const char *statuses[4];
	for (int i = 0; i < 4; i++)
		statuses[i] = gn_support_status_label((gn_support_status)i);
	int kind = index_of(s->kinds, s->n_kinds, it->kind);

	gn_form_text(f, _("Household (code)"), code, 31);
	gn_form_choice(f, _("Indicator it addresses"), inds, std->n_indicators + 1, ind);
	gn_form_choice(f, _("Kind of support"), kind_labels, s->n_kinds, kind < 0 ? 0 : kind);
	gn_form_text(f, _("What exactly"), it->description, 255);
	gn_form_choice(f, _("Agency giving it"), s->agencies.texts, s->agencies.n + 1,
		       gn_agency_choice_of(&s->agencies, it->agency_id));
	gn_form_choice(f, _("Paid from"), source_labels, s->n_sources + 1,
		       index_of(s->sources, s->n_sources, it->fund_source) + 1);
	gn_form_text(f, _("Planned for (dd/mm/yyyy)"), planned, 10);
	gn_form_text(f, _("Amount planned (đồng)"), amount, 40);
	gn_form_choice(f, _("Status"), statuses, 4, (int)it->status);
	gn_form_text(f, _("Delivered on (dd/mm/yyyy)"), delivered, 10);
	gn_form_text(f, _("Amount delivered (đồng)"), delivered_amount, 40);
	gn_form_note(f, _("Notes"), it->notes, 4000);
	return f->n == N_FIELDS;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	support_form *s = ctx;
	char msg[192] = "";
	gn_date d;
	gn_money m;
	switch (i) {
	case F_HOUSEHOLD: {
		const char *code = gn_form_value(f, i);
		gn_household h;
		f->fields[i].note[0] = '\0';
		s->household_id = 0;
		if (gn_fscreen_blank(code)) {
			snprintf(msg, sizeof msg, "%s", _("Enter the code of the household it is for."));
		} else if (gn_household_load_code(app->db, code, &h) != GN_OK) {
			snprintf(msg, sizeof msg, _("No household has the code %s."), code);
		} else {
			s->household_id = h.id;
			snprintf(f->fields[i].note, sizeof f->fields[i].note, "= %s", h.head_name);
			gn_household_clear(&h);
		}
		break;
	}
	case F_PLANNED:
		gn_fscreen_date(app, f, i, false, &d, msg, sizeof msg);
		break;
	case F_AMOUNT:
	case F_DELIVERED_AMOUNT:
		gn_fscreen_money(f, i, &m, msg, sizeof msg);
		break;
	case F_STATUS:
	case F_DELIVERED:
		/* Delivered and its date go together, whichever is filled first. */
		if (gn_fscreen_date(app, f, F_DELIVERED, false, &d, msg, sizeof msg) &&
		    gn_form_choice_of(f, F_STATUS) == GN_SUPPORT_DELIVERED && !gn_date_is_set(d))
			snprintf(msg, sizeof msg, "%s", _("Enter the date it was delivered (t for today)."));
		else if (!msg[0] && gn_date_is_set(d) && gn_date_cmp(d, app->today) > 0)
			snprintf(msg, sizeof msg, "%s", _("A delivery date cannot be in the future."));
		gn_form_set_error(f, F_DELIVERED, msg);
		return;
	default:
		break;
	}
	gn_form_set_error(f, i, msg);
}

/* The item as the form holds it, on top of base (id, version). */
static gn_status collect(support_form *s, gn_app *app, gn_form *f, gn_support *out)
{
	*out = s->base;
	out->notes = strdup(gn_form_value(f, F_NOTES));
	if (!out->notes)
		return GN_ERR_NOMEM;
	out->household_id = s->household_id;
	int ind = gn_form_choice_of(f, F_INDICATOR);
	out->indicator_id = ind > 0 ? app->standard.indicators[ind - 1].id : 0;
	snprintf(out->kind, sizeof out->kind, "%s", s->kinds[gn_form_choice_of(f, F_KIND)]);
	snprintf(out->description, sizeof out->description, "%s", gn_form_value(f, F_DESCRIPTION));
	int ag = gn_form_choice_of(f, F_AGENCY);
	out->agency_id = ag > 0 ? s->agencies.ids[ag - 1] : 0;
	int src = gn_form_choice_of(f, F_SOURCE);
	snprintf(out->fund_source, sizeof out->fund_source, "%s", src > 0 ? s->sources[src - 1] : "");
	char msg[8];
	gn_fscreen_date(app, f, F_PLANNED, false, &out->planned, msg, sizeof msg);
	gn_fscreen_date(app, f, F_DELIVERED, false, &out->actual, msg, sizeof msg);
	gn_fscreen_money(f, F_AMOUNT, &out->cash, msg, sizeof msg);
	gn_fscreen_money(f, F_DELIVERED_AMOUNT, &out->delivered_cash, msg, sizeof msg);
	out->status = (gn_support_status)gn_form_choice_of(f, F_STATUS);
	return GN_OK;
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	support_form *s = ctx;
	gn_support mine;
	gn_status st = collect(s, app, f, &mine);
	if (st == GN_OK) {
		gn_support_clear(&s->theirs);
		st = mine.id ? gn_support_update(app->db, &mine, &s->theirs) : gn_support_insert(app->db, &mine);
	}
	if (st == GN_OK) {
		app->changes++;
		gn_app_notice(app, false, _("Saved the support item: %s."), gn_support_kind_label(mine.kind));
	} else {
		st = gn_fscreen_save_refused(app, st,
					     _("This support item was deleted meanwhile; nothing was saved."));
	}
	free(mine.notes);
	return st;
}

static void adopt_theirs(void *ctx)
{
	support_form *s = ctx;
	/* Keep the stored notes pointer out of base's: base owns its own. */
	free(s->base.notes);
	s->base = s->theirs;
	memset(&s->theirs, 0, sizeof s->theirs);
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free_ctx,
};

/* The form on s->base (id 0: a new item), the cursor on field focus;
 * NULL with a notice. */
static gn_fscreen *open_on(gn_app *app, support_form *s, int focus)
{
	s->household_id = s->base.household_id;
	s->n_kinds = gn_support_kind_codes(s->kinds, MAX_KINDS);
	s->n_sources = gn_fund_source_codes(s->sources, MAX_KINDS);
	gn_fscreen_agencies(app, &s->agencies);
	long long id = s->base.id, household_id = s->base.household_id;
	gn_fscreen *fs = gn_fscreen_open(app, &ops, s, id ? _("Edit support item") : _("New support item"));
	if (fs) {
		gn_form_focus(gn_fscreen_form(fs), focus);
		gn_fscreen_form(fs)->moved_from = -1;
	}
	/* A new item for a household is known by it, which reopening the draft needs. */
	if (fs)
		gn_fscreen_keep_drafts(fs, app, GN_SUPPORT_FORM_DRAFT, id ? id : -household_id, F_DESCRIPTION);
	return fs;
}

gn_fscreen *gn_support_form_open(gn_app *app, long long item_id, long long household_id)
{
	support_form *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	if (item_id && gn_support_load(app->db, item_id, &s->base) != GN_OK) {
		gn_app_notice(app, true, "%s", _("This support item can no longer be found."));
		free_ctx(s);
		return NULL;
	}
	if (!item_id)
		s->base.household_id = household_id;
	return open_on(app, s, !item_id && household_id ? F_INDICATOR : F_HOUSEHOLD);
}

gn_fscreen *gn_support_form_delivered(gn_app *app, long long household_id, long long agency_id,
				      long long indicator_id)
{
	support_form *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->base.household_id = household_id;
	s->base.agency_id = agency_id;
	s->base.indicator_id = indicator_id;
	s->base.planned = s->base.actual = app->today;
	s->base.status = GN_SUPPORT_DELIVERED;
	/* The rest is known from the round: what was given comes first. */
	return open_on(app, s, F_DESCRIPTION);
}
