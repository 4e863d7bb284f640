/* The member form: who the person is to the head, born when, ID numbers,
 * schooling and work. */
#include "member_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "giamngheo/i18n.h"
#include "giamngheo/ident.h"

enum {
	F_NAME, F_RELATION, F_BIRTH, F_SEX, F_ETHNICITY, F_CCCD, F_HEALTH_CARD, F_SCHOOLING, F_WORK,
	F_CONTRACT, F_DISABILITY, F_ALLOWANCE, N_FIELDS
};

typedef struct {
	gn_member *target;
	gn_member_versions theirs; /* none: both NULL */
	const gn_member *const *others;
	int n_others;
} member_form;

static void free_ctx(void *ctx)
{
	free(ctx);
}

/* The birth as shown: dd/mm/yyyy, or the year alone. */
static void birth_shown(const char *stored, char *buf)
{
	gn_date d;
	if (stored && gn_date_parse_iso(stored, &d) == GN_DATE_OK)
		gn_date_format_dmy(d, buf);
	else
		snprintf(buf, 11, "%s", stored ? stored : "");
}

void gn_member_summary(const gn_member *m, char *buf, size_t size)
{
	char born[11];
	birth_shown(m->birth, born);
	snprintf(buf, size, "%s · %s · %s%s%s", m->full_name ? m->full_name : "",
		 m->relation && *m->relation ? m->relation : "—", born[0] ? born : "—",
		 m->cccd && *m->cccd ? " · " : "", m->cccd ? m->cccd : "");
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static bool build(void *ctx, gn_app *app, gn_form *f, bool theirs)
{
	(void)app;
	const member_form *s = ctx;
	const gn_member *m = theirs && s->theirs.stored ? s->theirs.stored
			     : s->theirs.loaded			? s->theirs.loaded
								: s->target;
	char born[11], allowance[32] = "";
	birth_shown(m->birth, born);
	if (m->allowance)
		gn_money_format_plain(m->allowance, allowance, sizeof allowance);
	const char *sexes[] = { "—", _("male"), _("female") };
	gn_form_text(f, _("Full name"), or_empty(m->full_name), 120);
	gn_form_text(f, _("Relationship to the head"), or_empty(m->relation), 60);
	gn_form_text(f, _("Born (dd/mm/yyyy or year)"), born, 10);
	gn_form_choice(f, _("Sex"), sexes, 3, m->sex == 'M' ? 1 : m->sex == 'F' ? 2 : 0);
	gn_form_text(f, _("Ethnicity"), m->ethnicity && *m->ethnicity ? m->ethnicity : "Kinh", 60);
	gn_form_text(f, _("ID number (CCCD)"), or_empty(m->cccd), 20);
	gn_form_text(f, _("Health insurance card"), or_empty(m->health_card), 30);
	gn_form_text(f, _("Schooling"), or_empty(m->schooling), 60);
	gn_form_text(f, _("Work (job, or unable to work)"), or_empty(m->work_status), 100);
	gn_form_check(f, _("Has a labour contract"), m->has_contract);
	gn_form_text(f, _("Disability"), or_empty(m->disability), 100);
	gn_form_text(f, _("Monthly allowance (đồng)"), allowance, 40);
	return f->n == N_FIELDS;
}

/* The birth typed as dd/mm/yyyy or a year, as stored: ISO or the year. */
static bool parse_birth(const char *text, gn_date today, char *iso, char *msg, size_t size)
{
	iso[0] = '\0';
	if (gn_fscreen_blank(text))
		return true;
	size_t len = strlen(text);
	if (len == 4 && strspn(text, "0123456789") == 4) {
		int y = atoi(text);
		if (y < 1900 || y > today.y) {
			snprintf(msg, size, "%s", _("Not a year of birth."));
			return false;
		}
		snprintf(iso, 11, "%s", text);
		return true;
	}
	gn_date d;
	gn_date_error e = gn_date_parse_dmy(text, &d);
	if (e != GN_DATE_OK) {
		snprintf(msg, size, "%s %s", gn_date_error_message(e), _("Or type the year alone."));
		return false;
	}
	if (gn_date_cmp(d, today) > 0) {
		snprintf(msg, size, "%s", _("A birth date cannot be in the future."));
		return false;
	}
	gn_date_format_iso(d, iso);
	return true;
}

static void validate(void *ctx, gn_app *app, gn_form *f, int i)
{
	member_form *s = ctx;
	const char *text = gn_form_value(f, i);
	char msg[192] = "", iso[11], digits[13];
	gn_money m;
	switch (i) {
	case F_NAME:
		if (gn_fscreen_blank(text))
			snprintf(msg, sizeof msg, "%s", _("Enter the member's full name."));
		break;
	case F_BIRTH:
		parse_birth(text, app->today, iso, msg, sizeof msg);
		break;
	case F_CCCD:
		if (gn_fscreen_blank(text))
			break;
		if (gn_cccd_normalize(text, digits) != GN_OK) {
			snprintf(msg, sizeof msg, "%s", _("An ID number (CCCD) has 12 digits."));
			break;
		}
		for (int k = 0; k < s->n_others; k++)
			if (s->others[k]->cccd && strcmp(s->others[k]->cccd, digits) == 0)
				snprintf(msg, sizeof msg, _("%s already has this ID number."), s->others[k]->full_name);
		break;
	case F_ALLOWANCE:
		gn_fscreen_money(f, i, &m, msg, sizeof msg);
		break;
	default:
		break;
	}
	gn_form_set_error(f, i, msg);
}

/* Replaces *field with a copy of text ("" stays ""; NULL when blank and nullable). */
static bool set(char **field, const char *text, bool nullable)
{
	char *copy = nullable && gn_fscreen_blank(text) ? NULL : strdup(text);
	if (!copy && !(nullable && gn_fscreen_blank(text)))
		return false;
	free(*field);
	*field = copy;
	return true;
}

static gn_status save(void *ctx, gn_app *app, gn_form *f)
{
	member_form *s = ctx;
	gn_member *m = s->target;
	char iso[11], msg[192], digits[13] = "";
	parse_birth(gn_form_value(f, F_BIRTH), app->today, iso, msg, sizeof msg);
	if (!gn_fscreen_blank(gn_form_value(f, F_CCCD)))
		gn_cccd_normalize(gn_form_value(f, F_CCCD), digits);
	gn_money allowance;
	gn_fscreen_money(f, F_ALLOWANCE, &allowance, msg, sizeof msg);
	if (!set(&m->full_name, gn_form_value(f, F_NAME), false) || !set(&m->relation, gn_form_value(f, F_RELATION), false) ||
	    !set(&m->birth, iso, false) || !set(&m->ethnicity, gn_form_value(f, F_ETHNICITY), false) ||
	    !set(&m->cccd, digits, true) || !set(&m->health_card, gn_form_value(f, F_HEALTH_CARD), false) ||
	    !set(&m->schooling, gn_form_value(f, F_SCHOOLING), false) ||
	    !set(&m->work_status, gn_form_value(f, F_WORK), false) ||
	    !set(&m->disability, gn_form_value(f, F_DISABILITY), false)) {
		gn_app_notice(app, true, "%s", gn_status_message(GN_ERR_NOMEM));
		return GN_ERR_NOMEM;
	}
	int sex = gn_form_choice_of(f, F_SEX);
	m->sex = sex == 1 ? 'M' : sex == 2 ? 'F' : 0;
	m->has_contract = gn_form_checked(f, F_CONTRACT);
	m->allowance = allowance;
	gn_app_notice(app, false, _("Member %s kept; it is stored when you save the household."), m->full_name);
	return GN_OK;
}

static void adopt_theirs(void *ctx)
{
	member_form *s = ctx;
	if (s->theirs.stored)
		s->target->version = s->theirs.stored->version;
}

static const gn_fscreen_ops ops = {
	.build = build, .validate = validate, .save = save, .adopt_theirs = adopt_theirs, .free = free_ctx,
};

gn_fscreen *gn_member_form_open(gn_app *app, gn_member *m, const gn_member_versions *theirs,
				const gn_member *const *others, int n_others)
{
	member_form *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	*s = (member_form){ .target = m, .others = others, .n_others = n_others };
	if (theirs)
		s->theirs = *theirs;
	return gn_fscreen_open(app, &ops, s, m->id ? _("Edit member") : _("New member"));
}
