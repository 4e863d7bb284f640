/* The ward of Kế hoạch 121/KH-UBND (phường Sông Công, 22/5/2026) with its
 * real figures, helpers and calendar, filled with invented households so
 * that every screen has something true-to-life to show. The tables are in
 * demo_names.c; this file combines them, the same way on every run. */
#include "giamngheo/demo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_names.h"
#include "giamngheo/access.h"
#include "giamngheo/agency.h"
#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/household.h"
#include "giamngheo/report.h"
#include "giamngheo/standard.h"
#include "giamngheo/support.h"
#include "giamngheo/ward.h"

/* The plan's figures (sections II and III). */
#define WARD_YEAR 2026
#define WARD_POOR 38
#define WARD_NO_WORK_CAPACITY 21
#define WARD_EXIT_TARGET 15

_Static_assert(GN_DEMO_N_TARGETS == WARD_EXIT_TARGET, "one demo household per targeted household");

#define STANDARD_NOW "2022-2025"
#define STANDARD_NEXT "2027-2030"

/* Near-poor and middle households around the poor ones, so that lists,
 * filters and the next standard have something to tell apart. */
#define DEMO_NEAR_POOR 40
#define DEMO_MIDDLE 10
#define DEMO_HOUSEHOLDS (WARD_POOR + DEMO_NEAR_POOR + DEMO_MIDDLE)

/* The plan's date: any fixed value would do. */
#define DEMO_SEED 20260522u
/* The day the demo's reports are judged against: late November, when the
 * year-end report is the next thing due. */
static const gn_date DEMO_TODAY = { WARD_YEAR, 11, 27 };
/* Bank loans are the exception: the first households offered help with
 * employment get one, the others other help. */
#define DEMO_LOANS 2
/* Incomes are estimated in steps of 50 000 đ, as the scoring sheets do. */
#define INCOME_STEP 50000

#define ADULT_FIRST 1940
#define ADULT_LAST 2005
#define CHILD_FIRST 2010
#define CHILD_LAST 2022

#define MAX_MEMBERS 6
#define MAX_ITEMS 4
#define MAX_SUPPORTERS 3
#define MAX_STAFF 3
/* Every n-th household member of a sex takes the next required given name. */
#define REQUIRED_EVERY 6

/* An agency as created, with its staff, to assign and to sign reports. */
typedef struct {
	long long id;
	char code[32];
	int n_staff;
	long long staff_id[MAX_STAFF];
	char staff_name[MAX_STAFF][128];
	int leads;                 /* households led so far, to rotate its staff */
} helper;

typedef struct {
	gn_db *db;
	uint64_t rng;
	gn_standard std;           /* 2022–2025, which classifies */
	gn_standard next;          /* 2027–2030, shown alongside */
	helper *helpers;
	int n_helpers;
	long long tdp_id[GN_DEMO_N_TDPS];
	int tdp_helper[GN_DEMO_N_TDPS];
	int males, females;        /* household members named so far */
	int persons;               /* for unique ID and health-card numbers */
	int phones;                /* for unique phone numbers */
	int loans;
} demo;

typedef enum {
	CAT_TARGET = 0,
	CAT_POOR_FRAIL,
	CAT_POOR,
	CAT_NEAR_POOR,
	CAT_MIDDLE
} category;

typedef struct {
	char name[96];
	char sex;
	gn_date born;
	const char *relation;
	bool frail;
} person;

typedef struct {
	const gn_demo_support *tpl;
	int ind;                   /* index in the 2022–2025 standard */
	gn_support_status status;
} help_item;

/* A household as planned in memory before it is saved. */
typedef struct {
	int seq;
	category cat;
	const gn_demo_target *target;   /* targeted households only */
	const gn_demo_family *family;
	const gn_demo_ethnicity *eth;
	person m[MAX_MEMBERS];
	int n;
	int tdp;
	gn_money income;
	gn_ind_status st[GN_MAX_INDICATORS];   /* under 2022–2025 */
	int order[GN_MAX_INDICATORS];          /* deprivations in the order chosen */
	int n_deprived;
	help_item items[MAX_ITEMS];
	int n_items;
	const char *supporters[MAX_SUPPORTERS - 1];   /* besides its own TDP */
	int n_supporters;
	long long id;
} hh_plan;

/* ---- chance ---- */

/* Our own generator with a fixed seed: rand() differs between C libraries
 * and the demo must be the same everywhere. 0..n-1. */
static unsigned rnd(demo *d, unsigned n)
{
	d->rng = d->rng * 6364136223846793005u + 1442695040888963407u;
	return n ? (unsigned)(d->rng >> 33) % n : 0;
}

static int rnd_between(demo *d, int lo, int hi)
{
	return hi > lo ? lo + (int)rnd(d, (unsigned)(hi - lo + 1)) : lo;
}

static const char *pick(demo *d, const gn_demo_words *w)
{
	return w->item[rnd(d, (unsigned)w->n)];
}

static void shuffle(demo *d, int *a, int n)
{
	for (int i = n - 1; i > 0; i--) {
		int j = (int)rnd(d, (unsigned)i + 1);
		int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* ---- people ---- */

static char any_sex(demo *d)
{
	return rnd(d, 2) ? 'M' : 'F';
}

static const gn_demo_ethnicity *pick_ethnicity(demo *d)
{
	int total = 0;
	for (int i = 0; i < gn_demo_n_ethnicities; i++)
		total += gn_demo_ethnicities[i].weight;
	int r = (int)rnd(d, (unsigned)total);
	for (int i = 0; i < gn_demo_n_ethnicities; i++) {
		if (r < gn_demo_ethnicities[i].weight)
			return &gn_demo_ethnicities[i];
		r -= gn_demo_ethnicities[i].weight;
	}
	return &gn_demo_ethnicities[0];
}

static bool reserved(const char *name)
{
	for (int i = 0; i < gn_demo_reserved_names.n; i++)
		if (strcmp(name, gn_demo_reserved_names.item[i]) == 0)
			return true;
	return false;
}

/* Household members take the required names in turn, so that searching for
 * Hương, Dung or Dũng always finds several households; staff do not. */
static const char *given_name(demo *d, char sex, bool member)
{
	const gn_demo_words *required = sex == 'M' ? &gn_demo_required_male : &gn_demo_required_female;
	int *seen = sex == 'M' ? &d->males : &d->females;

	if (member) {
		int k = (*seen)++;
		if (k % REQUIRED_EVERY == 0 && k / REQUIRED_EVERY < required->n)
			return required->item[k / REQUIRED_EVERY];
	}
	return pick(d, sex == 'M' ? &gn_demo_male_given : &gn_demo_female_given);
}

static void full_name(demo *d, char sex, const char *surname, bool member, char *out, size_t size)
{
	const gn_demo_words *middles = sex == 'M' ? &gn_demo_male_middle : &gn_demo_female_middle;
	const char *given = given_name(d, sex, member);

	for (;;) {
		const char *middle = pick(d, middles);
		if (strcmp(middle, given) == 0)
			continue;
		snprintf(out, size, "%s %s %s", surname, middle, given);
		if (!reserved(out))
			return;
	}
}

/* A 09x/03x mobile number ending in a running number, so none repeats. */
static void new_phone(demo *d, char out[16])
{
	const char *prefix = pick(d, &gn_demo_phone_prefixes);
	unsigned middle = rnd(d, 10000);
	snprintf(out, 16, "%s%04u%03d", prefix, middle, ++d->phones % 1000);
}

/* Citizen ID: 019 (Thái Nguyên), the sex-and-century digit, the birth year's
 * last two digits, six digits from the person's number spread by a
 * multiplier coprime with 10^6, so that no two people share one. */
static void new_cccd(const person *p, unsigned number, char out[13])
{
	unsigned code = (p->born.y >= 2000 ? 2u : 0u) + (p->sex == 'F');
	unsigned long serial = (number * 7919UL + 104729UL) % 1000000UL;
	snprintf(out, 13, "019%u%02u%06lu", code % 10, (unsigned)p->born.y % 100, serial);
}

/* Health-insurance card: group and benefit level, 19 for Thái Nguyên, then
 * a ten-digit insurance number made like the ID's serial. */
static void new_health_card(const char *group, unsigned number, char out[16])
{
	unsigned long long serial = (number * 104729ULL + 1234567ULL) % 10000000000ULL;
	snprintf(out, 16, "%.3s19%010llu", group, serial);
}

static int age_of(const person *p)
{
	return WARD_YEAR - p->born.y;
}

/* ---- households in memory ---- */

static bool is_poor(category c)
{
	return c == CAT_TARGET || c == CAT_POOR_FRAIL || c == CAT_POOR;
}

static bool family_fits(const gn_demo_family *f, const hh_plan *h)
{
	switch (h->cat) {
	case CAT_TARGET:
		return f->group == (h->target->frail ? GN_DEMO_FRAIL_WORKING : GN_DEMO_ABLE);
	case CAT_POOR_FRAIL:
		return f->group != GN_DEMO_ABLE;
	case CAT_NEAR_POOR:
		return true;
	case CAT_POOR:
	case CAT_MIDDLE:
		break;
	}
	return f->group == GN_DEMO_ABLE;
}

static const gn_demo_family *pick_family(demo *d, const hh_plan *h)
{
	int fits = 0;
	for (int i = 0; i < gn_demo_n_families; i++)
		fits += family_fits(&gn_demo_families[i], h);
	int r = (int)rnd(d, (unsigned)fits);
	for (int i = 0; i < gn_demo_n_families; i++)
		if (family_fits(&gn_demo_families[i], h) && r-- == 0)
			return &gn_demo_families[i];
	return NULL;
}

static void add_member(demo *d, hh_plan *h, const char *relation, char sex, const char *surname,
		       int year, bool frail)
{
	person *p = &h->m[h->n++];
	gn_date born = { year, rnd_between(d, 1, 12), rnd_between(d, 1, 28) };

	p->sex = sex;
	p->relation = relation;
	p->born = born;
	p->frail = frail;
	full_name(d, sex, surname, true, p->name, sizeof p->name);
}

/* Head first, then spouse, parent, grown child and children, with ages
 * that fit one family. A wife keeps her own surname; children carry their
 * father's. */
static void plan_members(demo *d, hh_plan *h)
{
	const gn_demo_family *f = h->family;
	const gn_demo_words *surnames = &h->eth->surnames;
	char head_sex = f->head_sex ? f->head_sex : any_sex(d);
	int head_year = rnd_between(d, f->head_from, f->head_to);
	const char *head_surname = pick(d, surnames);
	const char *child_surname = head_surname;
	int parent_year = head_year;

	h->n = 0;
	add_member(d, h, "Chủ hộ", head_sex, head_surname, head_year, f->frail == GN_DEMO_HEAD);
	if (f->spouse) {
		char sex = head_sex == 'M' ? 'F' : 'M';
		int gap = rnd_between(d, 0, 5);
		int year = clamp(sex == 'F' ? head_year + gap : head_year - gap, ADULT_FIRST, ADULT_LAST);
		const char *surname = pick(d, surnames);
		add_member(d, h, sex == 'F' ? "Vợ" : "Chồng", sex, surname, year, false);
		if (sex == 'M')
			child_surname = surname;
	} else if (head_sex == 'F') {
		child_surname = pick(d, surnames);
	}
	if (f->parent) {
		char sex = any_sex(d);
		int year = clamp(head_year - rnd_between(d, 22, 30), ADULT_FIRST, ADULT_LAST);
		add_member(d, h, sex == 'M' ? "Bố" : "Mẹ", sex, sex == 'M' ? head_surname : pick(d, surnames),
			   year, f->frail == GN_DEMO_PARENT);
	}
	/* A grown child raising children under the parents' roof is usually a son. */
	if (f->adult_from) {
		int year = rnd_between(d, clamp(head_year + 18, f->adult_from, f->adult_to), f->adult_to);
		char sex = f->grandchildren ? 'M' : any_sex(d);
		add_member(d, h, "Con", sex, child_surname, year, f->frail == GN_DEMO_ADULT_CHILD);
		parent_year = year;
	} else if (f->grandchildren) {
		parent_year = head_year + 20;
	}
	int n = min_int(rnd_between(d, f->children_min, f->children_max), MAX_MEMBERS - h->n);
	int first = clamp(parent_year + 20, CHILD_FIRST, CHILD_LAST);
	for (int i = 0; i < n; i++)
		add_member(d, h, f->grandchildren ? "Cháu" : "Con", any_sex(d), child_surname,
			   rnd_between(d, first, CHILD_LAST), false);
}

/* Incomes sit where the class puts them, relative to the urban line, so the
 * households keep their class if the standard's figures are edited. */
static gn_money plan_income(demo *d, category c)
{
	const gn_thresholds *t = &d->std.thresholds;
	gn_money line = gn_thresholds_line(t, GN_AREA_URBAN);
	gn_money lo, hi;

	switch (c) {
	case CAT_TARGET:
		lo = line - 500000, hi = line - INCOME_STEP;
		break;
	case CAT_POOR_FRAIL:
		lo = line - 1300000, hi = line - 600000;
		break;
	case CAT_POOR:
		lo = line - 800000, hi = line - 2 * INCOME_STEP;
		break;
	case CAT_NEAR_POOR:
		lo = line - 600000, hi = line;
		break;
	case CAT_MIDDLE:
	default:
		lo = line + INCOME_STEP, hi = t->middle_urban_max - INCOME_STEP;
		break;
	}
	return lo + (gn_money)rnd(d, (unsigned)((hi - lo) / INCOME_STEP + 1)) * INCOME_STEP;
}

/* Whether the household's make-up allows the deprivation at all: no school
 * attendance problem without a child, and so on. */
static bool eligible(const hh_plan *h, const char *code)
{
	int working = 0, dependants = 0, under16 = 0, school_age = 0, young = 0;

	for (int i = 0; i < h->n; i++) {
		int a = age_of(&h->m[i]);
		bool frail = h->m[i].frail;
		working += !frail && a >= 18 && a < 60;
		dependants += frail || a < 15 || a >= 60;
		under16 += a < 16;
		school_age += a >= 6 && a < 16;
		young += a >= 18 && a <= 30;
	}
	if (strcmp(code, "1.1") == 0)
		return working > 0;
	if (strcmp(code, "1.2") == 0)
		return 2 * dependants > h->n;
	if (strcmp(code, "2.1") == 0)
		return under16 > 0;
	if (strcmp(code, "3.1") == 0)
		return young > 0;
	if (strcmp(code, "3.2") == 0)
		return school_age > 0;
	return true;
}

static int weight_of(const char *code)
{
	for (int i = 0; i < gn_demo_n_weights; i++)
		if (strcmp(gn_demo_weights[i].code, code) == 0)
			return gn_demo_weights[i].weight;
	return 1;
}

static bool can_deprive(const demo *d, const hh_plan *h, int ind)
{
	return h->st[ind] == GN_IND_NOT_DEPRIVED && eligible(h, d->std.indicators[ind].code);
}

static void deprive(hh_plan *h, int ind)
{
	h->st[ind] = GN_IND_DEPRIVED;
	h->order[h->n_deprived++] = ind;
}

static void force_deprivation(demo *d, hh_plan *h, const char *code)
{
	int ind = gn_standard_find(&d->std, code);
	if (ind >= 0 && can_deprive(d, h, ind))
		deprive(h, ind);
}

/* Those the ward judged closest to leaving poverty, and who did, had no
 * more deprivations than the minimum. */
static int deprivation_count(demo *d, const hh_plan *h)
{
	int min = d->std.thresholds.min_deprivations;

	switch (h->cat) {
	case CAT_TARGET:
		return h->target->exit_income > 0 ? min : rnd_between(d, min, min + 3);
	case CAT_POOR_FRAIL:
	case CAT_POOR:
		return rnd_between(d, min, min + 2);
	case CAT_NEAR_POOR:
		return rnd_between(d, 1, min - 1);
	case CAT_MIDDLE:
		break;
	}
	return rnd_between(d, 0, min - 1);
}

/* Draws k deprivations, weighted by how common each is. A targeted
 * household was chosen for having someone able to work yet without steady
 * work, so employment comes first; the table says which still lack health
 * insurance. */
static void plan_deprivations(demo *d, hh_plan *h, int k)
{
	const gn_standard *s = &d->std;

	for (int i = 0; i < s->n_indicators; i++)
		h->st[i] = GN_IND_NOT_DEPRIVED;
	h->n_deprived = 0;
	if (h->target) {
		force_deprivation(d, h, "1.1");
		if (h->target->no_health_card)
			force_deprivation(d, h, "2.2");
	}
	while (h->n_deprived < k) {
		int total = 0;
		for (int i = 0; i < s->n_indicators; i++)
			if (can_deprive(d, h, i))
				total += weight_of(s->indicators[i].code);
		if (total == 0)
			return;
		int r = (int)rnd(d, (unsigned)total);
		for (int i = 0; i < s->n_indicators; i++) {
			if (!can_deprive(d, h, i))
				continue;
			int w = weight_of(s->indicators[i].code);
			if (r < w) {
				deprive(h, i);
				break;
			}
			r -= w;
		}
	}
}

static bool is_loan(const gn_demo_support *t)
{
	return t->loan_principal > 0;
}

/* Whether the help's giver is, or can still become, one of the household's
 * helpers: its lead, its TDP and at most two more. */
static bool giver_fits(const hh_plan *h, const gn_demo_support *t)
{
	if (!t->agency || strcmp(t->agency, h->target->lead) == 0)
		return true;
	for (int k = 0; k < h->n_supporters; k++)
		if (strcmp(t->agency, h->supporters[k]) == 0)
			return true;
	return h->n_supporters < MAX_SUPPORTERS - 1;
}

static void add_giver(hh_plan *h, const gn_demo_support *t)
{
	if (!t->agency || strcmp(t->agency, h->target->lead) == 0)
		return;
	for (int k = 0; k < h->n_supporters; k++)
		if (strcmp(t->agency, h->supporters[k]) == 0)
			return;
	h->supporters[h->n_supporters++] = t->agency;
}

static bool can_give(const demo *d, const hh_plan *h, const gn_demo_support *t, const char *code)
{
	return strcmp(t->indicator, code) == 0 && giver_fits(h, t) && (!is_loan(t) || d->loans < DEMO_LOANS);
}

/* A loan when one is still to be given, otherwise any other help for the
 * deprivation from a giver the household can take on; NULL if none. */
static const gn_demo_support *pick_support(demo *d, const hh_plan *h, const char *code)
{
	int n = 0;

	for (int i = 0; i < gn_demo_n_supports; i++) {
		const gn_demo_support *t = &gn_demo_supports[i];
		if (!can_give(d, h, t, code))
			continue;
		if (is_loan(t)) {
			d->loans++;
			return t;
		}
		n++;
	}
	int r = (int)rnd(d, (unsigned)n);
	for (int i = 0; i < gn_demo_n_supports; i++)
		if (can_give(d, h, &gn_demo_supports[i], code) && r-- == 0)
			return &gn_demo_supports[i];
	return NULL;
}

static gn_support_status roll_status(demo *d)
{
	unsigned r = rnd(d, 10);
	return r < 4 ? GN_SUPPORT_DELIVERED : r < 7 ? GN_SUPPORT_IN_PROGRESS : GN_SUPPORT_PLANNED;
}

/* 2–4 items, each on one of the household's deprivations in order. Help
 * delivered resolves a deprivation only while the household keeps the
 * minimum for poverty: it stays poor until its exit is confirmed, and the
 * rest is still being addressed. A household that has exited had all its
 * help delivered. */
static void plan_support(demo *d, hh_plan *h)
{
	bool exited = h->target->exit_income > 0;
	int want = exited ? MAX_ITEMS : rnd_between(d, 2, MAX_ITEMS);
	int counted = h->n_deprived;

	h->n_items = 0;
	for (int j = 0; j < h->n_deprived && h->n_items < want; j++) {
		int ind = h->order[j];
		const char *code = d->std.indicators[ind].code;
		const gn_demo_support *t = pick_support(d, h, code);
		if (!t)
			continue;
		add_giver(h, t);
		help_item *it = &h->items[h->n_items++];
		it->tpl = t;
		it->ind = ind;
		it->status = exited ? GN_SUPPORT_DELIVERED : roll_status(d);
		if (it->status == GN_SUPPORT_DELIVERED && h->target->no_health_card && strcmp(code, "2.2") == 0)
			it->status = GN_SUPPORT_IN_PROGRESS;
		if (it->status == GN_SUPPORT_DELIVERED &&
		    (exited || counted > d->std.thresholds.min_deprivations)) {
			h->st[ind] = GN_IND_RESOLVED;
			counted--;
		} else {
			h->st[ind] = GN_IND_ADDRESSING;
		}
	}
}

/* ---- saving ---- */

static char *dup(const char *s, bool *oom)
{
	if (!s)
		return NULL;
	char *c = strdup(s);
	if (!c)
		*oom = true;
	return c;
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static gn_status insert_household(demo *d, hh_plan *h)
{
	char code[16], address[160], phone[16], notes[512];
	gn_household hh;
	bool oom = false;

	snprintf(code, sizeof code, "SC-%04d", h->seq);
	snprintf(address, sizeof address, "Tổ dân phố %s, phường Sông Công", gn_demo_tdp_names[h->tdp]);
	new_phone(d, phone);
	if (is_poor(h->cat))
		snprintf(notes, sizeof notes, "%s %s", gn_demo_note, h->family->circumstance);
	else
		copy(notes, sizeof notes, gn_demo_note);

	memset(&hh, 0, sizeof hh);
	hh.code = dup(code, &oom);
	hh.head_name = dup(h->m[0].name, &oom);
	hh.address = dup(address, &oom);
	hh.phone = dup(phone, &oom);
	hh.causes = dup(h->cat == CAT_MIDDLE ? NULL : h->family->causes, &oom);
	hh.notes = dup(notes, &oom);
	hh.tdp_id = d->tdp_id[h->tdp];
	hh.area = GN_AREA_URBAN;
	hh.income = h->income;
	hh.no_work_capacity = h->family->frail != GN_DEMO_NOBODY;
	hh.ethnic_minority = strcmp(h->eth->name, "Kinh") != 0;
	hh.social_protection = h->family->allowance > 0;
	hh.targeted = h->target != NULL;

	gn_status st = oom ? GN_ERR_NOMEM : gn_household_insert(d->db, &hh);
	h->id = hh.id;
	gn_household_clear(&hh);
	return st;
}

/* The card group follows who pays: TE children under 6, BT people on a
 * social allowance, HN poor and CN near-poor households, GD the others. */
static const char *card_group(const hh_plan *h, const person *p)
{
	if (age_of(p) < 6)
		return "TE1";
	if (p->frail && h->family->allowance > 0)
		return "BT2";
	if (is_poor(h->cat))
		return "HN2";
	return h->cat == CAT_NEAR_POOR ? "CN3" : "GD4";
}

static bool counts(const demo *d, const hh_plan *h, const char *code)
{
	int ind = gn_standard_find(&d->std, code);
	return ind >= 0 && gn_ind_status_counts(h->st[ind]);
}

/* What the deprivations say about the members, given once each: the first
 * adult of working age has no steady job (1.1), the first adult up to 30
 * left school early (3.1), the first child of school age is out of school
 * (3.2). */
typedef struct {
	bool jobless, unschooled, out_of_school, uninsured;
} member_facts;

static const char *describe(demo *d, const person *p, member_facts *f, char *schooling, size_t size,
			    bool *contract)
{
	int a = age_of(p);
	const gn_demo_job *job;

	*contract = false;
	if (a < 18) {
		bool out = f->out_of_school && a >= 6;
		if (out)
			f->out_of_school = false;
		if (a < 6)
			copy(schooling, size, "Mẫu giáo");
		else if (out)
			copy(schooling, size, "Đã nghỉ học");
		else
			snprintf(schooling, size, "Lớp %d", a - 5);
		return a >= 6 && !out ? "Học sinh" : NULL;
	}
	if (f->unschooled && a <= 30) {
		copy(schooling, size, "Chưa tốt nghiệp THCS");
		f->unschooled = false;
	} else {
		copy(schooling, size, pick(d, &gn_demo_adult_schooling));
	}
	if (p->frail)
		return "Không có khả năng lao động";
	if (a >= 60)
		return "Hết tuổi lao động";
	if (f->jobless) {
		job = &gn_demo_precarious_jobs[rnd(d, (unsigned)gn_demo_n_precarious_jobs)];
		f->jobless = false;
	} else {
		job = &gn_demo_jobs[rnd(d, (unsigned)gn_demo_n_jobs)];
	}
	*contract = job->contract;
	return job->name;
}

static gn_status insert_member(demo *d, const hh_plan *h, const person *p, member_facts *f)
{
	char birth[11], cccd[13], card[16], schooling[64];
	gn_member m;
	bool oom = false;
	unsigned number = (unsigned)++d->persons;
	/* ID cards for adults; a household short of health insurance has
	 * cards only for its under-sixes, who get them free. */
	bool adult = p->born.y <= ADULT_LAST;
	bool insured = !f->uninsured || age_of(p) < 6;

	memset(&m, 0, sizeof m);
	const char *work = describe(d, p, f, schooling, sizeof schooling, &m.has_contract);
	gn_date_format_iso(p->born, birth);
	if (adult)
		new_cccd(p, number, cccd);
	if (insured)
		new_health_card(card_group(h, p), number, card);

	m.household_id = h->id;
	m.sex = p->sex;
	m.full_name = dup(p->name, &oom);
	m.birth = dup(birth, &oom);
	m.ethnicity = dup(h->eth->name, &oom);
	m.relation = dup(p->relation, &oom);
	m.cccd = dup(adult ? cccd : NULL, &oom);
	m.health_card = dup(insured ? card : NULL, &oom);
	m.schooling = dup(schooling, &oom);
	m.work_status = dup(work, &oom);
	if (p->frail) {
		m.disability = dup(h->family->frailty, &oom);
		m.allowance = h->family->allowance;
	}
	gn_status st = oom ? GN_ERR_NOMEM : gn_member_insert(d->db, &m);
	gn_member_clear(&m);
	return st;
}

static gn_status insert_members(demo *d, const hh_plan *h)
{
	member_facts f = {
		.jobless = counts(d, h, "1.1"),
		.unschooled = counts(d, h, "3.1"),
		.out_of_school = counts(d, h, "3.2"),
		.uninsured = counts(d, h, "2.2"),
	};
	gn_status st = GN_OK;

	for (int i = 0; i < h->n && st == GN_OK; i++)
		st = insert_member(d, h, &h->m[i], &f);
	return st;
}

/* The same indicator in the next standard: same code and same name (6.2
 * keeps its code but changes meaning, so it counts as new). */
static int same_indicator(const gn_standard *s, const gn_indicator *ind)
{
	int i = gn_standard_find(s, ind->code);
	if (i < 0 || !s->indicators[i].name_vi || !ind->name_vi)
		return -1;
	return strcmp(s->indicators[i].name_vi, ind->name_vi) == 0 ? i : -1;
}

/* How often the indicators new in 2027–2030 (waste, digital services) are
 * short, in percent: more often the poorer the household. */
static unsigned new_deprivation_chance(category c)
{
	return is_poor(c) ? 40 : c == CAT_NEAR_POOR ? 30 : 15;
}

static gn_status store_indicators(demo *d, const hh_plan *h)
{
	gn_status st = GN_OK;

	for (int i = 0; i < d->std.n_indicators && st == GN_OK; i++)
		if (h->st[i] != GN_IND_NOT_DEPRIVED)
			st = gn_household_set_indicator(d->db, h->id, d->std.indicators[i].id, h->st[i]);
	for (int j = 0; j < d->next.n_indicators && st == GN_OK; j++) {
		const gn_indicator *ind = &d->next.indicators[j];
		int i = same_indicator(&d->std, ind);
		gn_ind_status s = GN_IND_NOT_DEPRIVED;
		if (i >= 0)
			s = h->st[i];
		else if (rnd(d, 100) < new_deprivation_chance(h->cat))
			s = GN_IND_DEPRIVED;
		if (s != GN_IND_NOT_DEPRIVED)
			st = gn_household_set_indicator(d->db, h->id, ind->id, s);
	}
	return st;
}

static helper *find_helper(demo *d, const char *code)
{
	for (int i = 0; i < d->n_helpers; i++)
		if (strcmp(d->helpers[i].code, code) == 0)
			return &d->helpers[i];
	return NULL;
}

static long long staff_of(const helper *hp, int k)
{
	return hp->n_staff ? hp->staff_id[k % hp->n_staff] : 0;
}

/* Planned dates run June–October; what was delivered came in the summer,
 * what is under way started later, what is only planned comes last. */
static void item_dates(demo *d, gn_support_status status, gn_date *planned, gn_date *actual)
{
	static const gn_date june = { WARD_YEAR, 6, 5 };
	static const gn_date july = { WARD_YEAR, 7, 1 };
	static const gn_date september = { WARD_YEAR, 9, 15 };

	switch (status) {
	case GN_SUPPORT_DELIVERED:
		*planned = gn_date_add_days(june, rnd(d, 91));
		*actual = gn_date_add_days(*planned, rnd(d, 8));
		break;
	case GN_SUPPORT_IN_PROGRESS:
		*planned = gn_date_add_days(july, rnd(d, 101));
		break;
	default:
		*planned = gn_date_add_days(september, rnd(d, 46));
		break;
	}
}

static gn_status insert_support(demo *d, const hh_plan *h, const help_item *it, const helper *giver)
{
	const gn_demo_support *t = it->tpl;
	gn_support s;

	memset(&s, 0, sizeof s);
	s.household_id = h->id;
	copy(s.kind, sizeof s.kind, t->kind);
	s.indicator_id = d->std.indicators[it->ind].id;
	s.agency_id = giver->id;
	copy(s.fund_source, sizeof s.fund_source, t->fund_source);
	item_dates(d, it->status, &s.planned, &s.actual);
	s.cash = t->cash;
	s.in_kind_qty = t->in_kind_qty;
	copy(s.in_kind_unit, sizeof s.in_kind_unit, t->in_kind_unit);
	s.in_kind_value = t->in_kind_value;
	s.person_days = t->person_days;
	s.loan_principal = t->loan_principal;
	s.loan_rate_bp = t->loan_rate_bp;
	s.loan_term_months = t->loan_term_months;
	s.status = it->status;
	copy(s.description, sizeof s.description, t->description);
	return gn_support_insert(d->db, &s);
}

/* The lead, with one of its staff in turn; the household's own TDP and the
 * givers of its items as supporters, each with the staff member who does
 * the legwork (the last listed). */
static gn_status store_help(demo *d, const hh_plan *h)
{
	helper *lead = find_helper(d, h->target->lead);
	helper *sup[MAX_SUPPORTERS];
	int n_sup = 0;

	if (!lead)
		return GN_ERR_NOT_FOUND;
	sup[n_sup++] = &d->helpers[d->tdp_helper[h->tdp]];
	for (int k = 0; k < h->n_supporters; k++)
		if (!(sup[n_sup++] = find_helper(d, h->supporters[k])))
			return GN_ERR_NOT_FOUND;

	gn_status st = gn_assign(d->db, h->id, lead->id, GN_ROLE_LEAD, staff_of(lead, lead->leads++));
	for (int k = 0; k < n_sup && st == GN_OK; k++)
		st = gn_assign(d->db, h->id, sup[k]->id, GN_ROLE_SUPPORT, staff_of(sup[k], sup[k]->n_staff - 1));
	for (int j = 0; j < h->n_items && st == GN_OK; j++) {
		const char *code = h->items[j].tpl->agency;
		const helper *giver = code ? find_helper(d, code) : lead;
		st = giver ? insert_support(d, h, &h->items[j], giver) : GN_ERR_NOT_FOUND;
	}
	return st;
}

/* Income raised above the line and the exit recorded: the model re-derives
 * the class. */
static gn_status store_exit(demo *d, const hh_plan *h)
{
	gn_household hh;

	memset(&hh, 0, sizeof hh);
	gn_status st = gn_household_load(d->db, h->id, &hh);
	if (st == GN_OK) {
		hh.income = h->target->exit_income;
		hh.exit_date = h->target->exit_date;
		st = gn_household_update(d->db, &hh, NULL);
	}
	gn_household_clear(&hh);
	return st;
}

static gn_status build_household(demo *d, hh_plan *h)
{
	h->eth = pick_ethnicity(d);
	h->family = pick_family(d, h);
	if (!h->family)
		return GN_ERR_INVALID;
	plan_members(d, h);
	h->income = plan_income(d, h->cat);
	plan_deprivations(d, h, deprivation_count(d, h));
	if (h->target)
		plan_support(d, h);

	gn_status st = insert_household(d, h);
	if (st == GN_OK)
		st = insert_members(d, h);
	if (st == GN_OK)
		st = store_indicators(d, h);
	if (st == GN_OK && h->target)
		st = store_help(d, h);
	if (st == GN_OK && h->target && h->target->exit_income > 0)
		st = store_exit(d, h);
	return st;
}

static int fill(int *cats, int at, category c, int n)
{
	for (int i = 0; i < n; i++)
		cats[at++] = (int)c;
	return at;
}

/* The plan's 38 poor households (15 targeted; 21 with someone who cannot
 * work), then near-poor and middle ones, mixed in a fixed shuffled order
 * and spread over the TDPs in turn. */
static gn_status create_households(demo *d)
{
	int cats[DEMO_HOUSEHOLDS];
	int frail_targets = 0;

	for (int i = 0; i < GN_DEMO_N_TARGETS; i++)
		frail_targets += gn_demo_targets[i].frail;
	int poor_frail = WARD_NO_WORK_CAPACITY - frail_targets;
	int poor_able = WARD_POOR - GN_DEMO_N_TARGETS - poor_frail;
	if (poor_frail < 0 || poor_able < 0)
		return GN_ERR_INVALID;

	int n = fill(cats, 0, CAT_TARGET, GN_DEMO_N_TARGETS);
	n = fill(cats, n, CAT_POOR_FRAIL, poor_frail);
	n = fill(cats, n, CAT_POOR, poor_able);
	n = fill(cats, n, CAT_NEAR_POOR, DEMO_NEAR_POOR);
	n = fill(cats, n, CAT_MIDDLE, DEMO_MIDDLE);
	shuffle(d, cats, n);

	gn_status st = GN_OK;
	int targets = 0;
	for (int i = 0; i < n && st == GN_OK; i++) {
		hh_plan h;
		memset(&h, 0, sizeof h);
		h.seq = i + 1;
		h.cat = (category)cats[i];
		h.tdp = i % GN_DEMO_N_TDPS;
		if (h.cat == CAT_TARGET)
			h.target = &gn_demo_targets[targets++];
		st = build_household(d, &h);
	}
	return st;
}

/* ---- helpers ---- */

/* An agency already in the database (the focal department, made by
 * gn_init_ward) is kept as it is; the demo adds its staff. The first staff
 * member is the contact. */
static gn_status create_agency(demo *d, const gn_demo_agency *spec, long long tdp_id)
{
	helper *hp = &d->helpers[d->n_helpers];
	gn_staff staff[MAX_STAFF];
	gn_agency a;
	int n = 0;

	memset(staff, 0, sizeof staff);
	for (; n < MAX_STAFF && spec->positions[n]; n++) {
		gn_staff *s = &staff[n];
		copy(s->position, sizeof s->position, spec->positions[n]);
		if (n == 0 && spec->contact_name) {
			copy(s->full_name, sizeof s->full_name, spec->contact_name);
			copy(s->phone, sizeof s->phone, spec->contact_phone);
		} else {
			char sex = spec->staff_sex ? spec->staff_sex : any_sex(d);
			full_name(d, sex, pick(d, &pick_ethnicity(d)->surnames), false, s->full_name,
				  sizeof s->full_name);
			new_phone(d, s->phone);
		}
	}

	gn_status st = gn_agency_load_code(d->db, spec->code, &a);
	if (st == GN_ERR_NOT_FOUND) {
		memset(&a, 0, sizeof a);
		copy(a.code, sizeof a.code, spec->code);
		copy(a.name, sizeof a.name, spec->name);
		a.kind = spec->kind;
		copy(a.contact_person, sizeof a.contact_person, staff[0].full_name);
		copy(a.phone, sizeof a.phone, staff[0].phone);
		a.tdp_id = tdp_id;
		st = gn_agency_insert(d->db, &a);
	}
	if (st != GN_OK)
		return st;

	memset(hp, 0, sizeof *hp);
	hp->id = a.id;
	copy(hp->code, sizeof hp->code, spec->code);
	for (int k = 0; k < n && st == GN_OK; k++) {
		staff[k].agency_id = a.id;
		st = gn_staff_insert(d->db, &staff[k]);
		hp->staff_id[k] = staff[k].id;
		copy(hp->staff_name[k], sizeof hp->staff_name[k], staff[k].full_name);
	}
	hp->n_staff = n;
	d->n_helpers++;
	return st;
}

/* The model has no TDP API yet, so the rows go in with one bound
 * statement; each TDP also helps as an agency of kind tdp. */
static gn_status create_tdps(demo *d)
{
	sqlite3_stmt *ins = gn_db_prepare(d->db, "INSERT INTO tdp(code, name, updated_by) VALUES (?, ?, ?)");
	gn_status st = GN_OK;

	if (!ins)
		return GN_ERR_DB;
	for (int i = 0; i < GN_DEMO_N_TDPS && st == GN_OK; i++) {
		char code[8], name[96];
		snprintf(code, sizeof code, "TDP%02d", i + 1);
		snprintf(name, sizeof name, "Tổ dân phố %s", gn_demo_tdp_names[i]);

		sqlite3_reset(ins);
		if (gn_db_bind_text(ins, 1, code) != SQLITE_OK ||
		    gn_db_bind_text(ins, 2, gn_demo_tdp_names[i]) != SQLITE_OK ||
		    gn_db_bind_text(ins, 3, d->db->actor) != SQLITE_OK) {
			st = GN_ERR_NOMEM;
			break;
		}
		int rc = sqlite3_step(ins);
		if (rc != SQLITE_DONE) {
			st = gn_db_status(rc);
			break;
		}
		d->tdp_id[i] = sqlite3_last_insert_rowid(d->db->sql);

		gn_demo_agency spec = {
			.code = code,
			.name = name,
			.kind = GN_AGENCY_TDP,
			.positions = { gn_demo_tdp_positions[0], gn_demo_tdp_positions[1], NULL },
		};
		d->tdp_helper[i] = d->n_helpers;
		st = create_agency(d, &spec, d->tdp_id[i]);
	}
	sqlite3_finalize(ins);
	return st;
}

static gn_status create_helpers(demo *d)
{
	d->helpers = calloc((size_t)(1 + gn_demo_n_agencies + GN_DEMO_N_TDPS), sizeof *d->helpers);
	if (!d->helpers)
		return GN_ERR_NOMEM;

	gn_status st = create_agency(d, &gn_demo_focal, 0);
	for (int i = 0; i < gn_demo_n_agencies && st == GN_OK; i++)
		st = create_agency(d, &gn_demo_agencies[i], 0);
	if (st == GN_OK)
		st = create_tdps(d);
	return st;
}

/* ---- reports ---- */

static const char *signer(const demo *d, long long agency_id)
{
	for (int i = 0; i < d->n_helpers; i++)
		if (d->helpers[i].id == agency_id && d->helpers[i].n_staff > 0)
			return d->helpers[i].staff_name[0];
	return d->db->actor;
}

static gn_status file_group(demo *d, const gn_deadline_row *rows, int n, const gn_demo_filing *f, int *idx)
{
	int m = 0;

	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].rule_code, f->rule) == 0 && rows[i].due.m == f->month)
			idx[m++] = i;
	shuffle(d, idx, m);

	int missing = min_int(f->missing, m);
	int filed = m - missing;
	if (f->filed_max >= 0)
		filed = min_int(filed, f->filed_max);
	int late = min_int(f->late, filed);

	gn_status st = GN_OK;
	for (int k = 0; k < filed && st == GN_OK; k++) {
		const gn_deadline_row *r = &rows[idx[missing + k]];
		char summary[512];
		long long report_id;
		long shift = k < late ? rnd_between(d, 1, f->late_max)
				      : -rnd_between(d, f->early_min, f->early_max);
		if (f->summary)
			copy(summary, sizeof summary, f->summary);
		else
			snprintf(summary, sizeof summary, "Kết quả tháng %d/%d: %s", r->due.m, r->due.y,
				 pick(d, &gn_demo_monthly_summaries));
		st = gn_report_submit(d->db, r->id, gn_date_add_days(r->due, shift), signer(d, r->agency_id),
				      summary, &report_id);
	}
	return st;
}

/* Deadlines follow from the rules and the assignments just made; the demo
 * then files what a ward would have filed by DEMO_TODAY. */
static gn_status file_reports(demo *d)
{
	gn_deadline_filter filter;
	gn_deadline_row *rows = NULL;
	int n = 0;

	gn_status st = gn_deadline_sync(d->db);
	if (st != GN_OK)
		return st;
	memset(&filter, 0, sizeof filter);
	st = gn_deadline_query(d->db, &filter, DEMO_TODAY, &rows, &n);
	if (st != GN_OK)
		return st;

	int *idx = malloc((size_t)(n > 0 ? n : 1) * sizeof *idx);
	if (!idx)
		st = GN_ERR_NOMEM;
	for (int i = 0; i < gn_demo_n_filings && st == GN_OK; i++)
		st = file_group(d, rows, n, &gn_demo_filings[i], idx);
	free(idx);
	free(rows);
	return st;
}

/* ---- the ward ---- */

static gn_status focal_agency(gn_db *db, gn_agency *a)
{
	gn_status st = gn_agency_load_code(db, gn_demo_focal.code, a);
	if (st != GN_ERR_NOT_FOUND)
		return st;
	memset(a, 0, sizeof *a);
	copy(a->code, sizeof a->code, gn_demo_focal.code);
	copy(a->name, sizeof a->name, gn_demo_focal.name);
	a->kind = gn_demo_focal.kind;
	copy(a->contact_person, sizeof a->contact_person, gn_demo_focal.contact_name);
	copy(a->phone, sizeof a->phone, gn_demo_focal.contact_phone);
	return gn_agency_insert(db, a);
}

static gn_status create_ward(gn_db *db)
{
	gn_agency focal;
	gn_standard s;
	gn_ward w;

	gn_status st = focal_agency(db, &focal);
	if (st != GN_OK)
		return st;
	memset(&s, 0, sizeof s);
	st = gn_standard_load_code(db, STANDARD_NOW, &s);
	long long standard_id = s.id;
	gn_standard_clear(&s);
	if (st != GN_OK)
		return st;

	memset(&w, 0, sizeof w);
	copy(w.name, sizeof w.name, "Phường Sông Công");
	copy(w.province, sizeof w.province, "Thái Nguyên");
	copy(w.plan_ref, sizeof w.plan_ref, "Kế hoạch 121/KH-UBND ngày 22/5/2026");
	w.area = GN_AREA_URBAN;
	w.year = WARD_YEAR;
	w.total_households = 5350;
	w.baseline_poor = WARD_POOR;
	w.baseline_no_work_capacity = WARD_NO_WORK_CAPACITY;
	w.province_rate_from_bp = 71;
	w.province_rate_to_bp = 47;
	w.plan_exit_households = WARD_EXIT_TARGET;
	w.plan_rate_cut_bp = 28;
	w.period_start = (gn_date){ WARD_YEAR, 5, 1 };
	w.period_end = (gn_date){ WARD_YEAR, 9, 30 };
	w.focal_agency_id = focal.id;
	copy(w.focal_contact, sizeof w.focal_contact,
	     "Vũ Thị Thu Hương – Phó Trưởng phòng Xây dựng, Nông nghiệp và Môi trường");
	copy(w.focal_phone, sizeof w.focal_phone, gn_demo_focal.contact_phone);
	w.current_standard_id = standard_id;
	return gn_ward_save(db, &w);
}

gn_status gn_init_ward(gn_db *db)
{
	gn_tx tx;
	gn_ward w;

	gn_status st = gn_tx_begin(db, &tx);
	if (st != GN_OK)
		return st;
	st = gn_ward_load(db, &w);
	if (st == GN_ERR_NOT_FOUND)
		st = create_ward(db);
	return gn_tx_end(db, &tx, st);
}

/* ---- the demo ---- */

static gn_status refuse_if_households(demo *d)
{
	gn_household_filter f;
	gn_household_row *rows = NULL;
	int n = 0;
	long long total = 0;

	gn_household_filter_init(&f);
	f.limit = 1;
	gn_status st = gn_household_query(d->db, &d->std, &f, &rows, &n, &total);
	free(rows);
	if (st == GN_OK && total > 0)
		st = GN_ERR_DUPLICATE;
	return st;
}

static gn_status build(demo *d)
{
	gn_status st = gn_standard_load_code(d->db, STANDARD_NOW, &d->std);
	if (st == GN_OK)
		st = gn_standard_load_code(d->db, STANDARD_NEXT, &d->next);
	if (st == GN_OK)
		st = refuse_if_households(d);
	if (st == GN_OK)
		st = gn_init_ward(d->db);
	if (st == GN_OK)
		st = create_helpers(d);
	if (st == GN_OK)
		st = create_households(d);
	if (st == GN_OK)
		st = file_reports(d);
	return st;
}

gn_status gn_demo_build(gn_db *db)
{
	demo *d = calloc(1, sizeof *d);
	if (!d)
		return GN_ERR_NOMEM;
	d->db = db;
	d->rng = DEMO_SEED;

	gn_status st = gn_access_admin(db);
	if (st == GN_OK)
		st = gn_db_begin(db);
	if (st == GN_OK) {
		st = build(d);
		if (st == GN_OK)
			st = gn_db_commit(db);
		if (st != GN_OK)
			gn_db_rollback(db);
	}
	gn_standard_clear(&d->std);
	gn_standard_clear(&d->next);
	free(d->helpers);
	free(d);
	return st;
}
