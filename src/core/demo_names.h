#ifndef GIAMNGHEO_DEMO_NAMES_H
#define GIAMNGHEO_DEMO_NAMES_H

/* The data the demo ward is built from. What Kế hoạch 121/KH-UBND names
 * (the focal department and its contact, the kinds of helpers, VNPT) is
 * real; every household, person, phone and ID number is invented. demo.c
 * holds the logic that combines these tables. */

#include <stdbool.h>
#include "giamngheo/agency.h"
#include "giamngheo/date.h"
#include "giamngheo/money.h"

/* A list of words to draw from; repeating an entry makes it more likely. */
typedef struct {
	const char *const *item;
	int n;
} gn_demo_words;

/* ---- people ---- */

extern const gn_demo_words gn_demo_male_middle, gn_demo_female_middle;
extern const gn_demo_words gn_demo_male_given, gn_demo_female_given;

/* Given names handed out in turn to household members, on top of the
 * random draw, so that searching for them always finds several people. */
extern const gn_demo_words gn_demo_required_male, gn_demo_required_female;

/* Real people named in the plan: no invented person may carry their name. */
extern const gn_demo_words gn_demo_reserved_names;

/* Invented mobile prefixes (09x, 03x); 097 is left out so that no invented
 * number can match the focal contact's. */
extern const gn_demo_words gn_demo_phone_prefixes;

typedef struct {
	const char *name;         /* as written on the ID card: "Kinh", "Tày" */
	int weight;
	gn_demo_words surnames;
} gn_demo_ethnicity;

extern const gn_demo_ethnicity gn_demo_ethnicities[];
extern const int gn_demo_n_ethnicities;

/* Who in a family cannot work (the no_work_capacity flag). */
typedef enum {
	GN_DEMO_NOBODY = 0,
	GN_DEMO_HEAD,
	GN_DEMO_PARENT,
	GN_DEMO_ADULT_CHILD
} gn_demo_frail;

typedef enum {
	GN_DEMO_ABLE = 0,         /* everyone of working age can work */
	GN_DEMO_FRAIL,            /* nobody left who can earn a living */
	GN_DEMO_FRAIL_WORKING     /* one member cannot work, the others can */
} gn_demo_group;

/* A household's make-up. Children are born 2010–2022; they are the head's
 * grandchildren when grandchildren is set. */
typedef struct {
	gn_demo_group group;
	int head_from, head_to;   /* head's birth years */
	char head_sex;            /* 'M', 'F', or 0 for either */
	bool spouse;
	bool parent;              /* an elderly parent of the head lives with them */
	int adult_from, adult_to; /* a grown son or daughter; 0: none */
	int children_min, children_max;
	bool grandchildren;
	gn_demo_frail frail;
	const char *frailty;      /* the frail member's disability or illness */
	gn_money allowance;       /* that member's monthly social allowance */
	const char *causes;       /* cause codes of the household's poverty */
	const char *circumstance; /* one line for the notes of a poor household */
} gn_demo_family;

extern const gn_demo_family gn_demo_families[];
extern const int gn_demo_n_families;

/* Occupations; a wage job may come with a labour contract. */
typedef struct {
	const char *name;
	bool contract;
} gn_demo_job;

extern const gn_demo_job gn_demo_jobs[];
extern const int gn_demo_n_jobs;
/* For a household deprived on employment (1.1). */
extern const gn_demo_job gn_demo_precarious_jobs[];
extern const int gn_demo_n_precarious_jobs;
extern const gn_demo_words gn_demo_adult_schooling;

/* ---- deprivations ---- */

/* How often an indicator of the 2022–2025 standard is found deprived in an
 * urban ward; codes not listed weigh 1. */
typedef struct {
	const char *code;
	int weight;
} gn_demo_weight;

extern const gn_demo_weight gn_demo_weights[];
extern const int gn_demo_n_weights;

/* ---- helpers ---- */

/* An agency the demo creates, with the positions of its staff (1–3); the
 * first is its contact. contact_name and contact_phone are set only where
 * the plan names the person. */
typedef struct {
	const char *code;
	const char *name;
	gn_agency_kind kind;
	char staff_sex;           /* 'F' where the members are women, else 0 */
	const char *positions[3];
	const char *contact_name;
	const char *contact_phone;
} gn_demo_agency;

/* The focal department of the plan (also created by gn_init_ward). */
extern const gn_demo_agency gn_demo_focal;
extern const gn_demo_agency gn_demo_agencies[];
extern const int gn_demo_n_agencies;

#define GN_DEMO_N_TDPS 10
/* Invented residential group names ("Tổ dân phố " is prefixed in use). */
extern const char *const gn_demo_tdp_names[GN_DEMO_N_TDPS];
extern const char *const gn_demo_tdp_positions[2];

/* The 15 households the plan targets (its Phụ lục 01), in the order they
 * turn up in the household list. */
typedef struct {
	const char *lead;         /* lead agency code */
	bool frail;               /* a member cannot work */
	bool no_health_card;      /* health insurance (2.2) still deprived */
	gn_money exit_income;     /* 0: still poor; else the raised income */
	gn_date exit_date;
} gn_demo_target;

#define GN_DEMO_N_TARGETS 15
extern const gn_demo_target gn_demo_targets[GN_DEMO_N_TARGETS];

/* One kind of help for one indicator (a code of the 2022–2025 standard).
 * agency NULL: the household's lead agency gives it. */
typedef struct {
	const char *indicator;
	const char *kind;
	const char *fund_source;
	const char *agency;
	gn_money cash;
	long long in_kind_qty;
	const char *in_kind_unit;
	gn_money in_kind_value;
	int person_days;
	gn_money loan_principal;
	int loan_rate_bp;
	int loan_term_months;
	const char *description;
} gn_demo_support;

extern const gn_demo_support gn_demo_supports[];
extern const int gn_demo_n_supports;

/* ---- reports ---- */

/* Which reports of one rule and month were filed, and when. The instances
 * are taken in a shuffled order: the first `missing` are never filed, the
 * next `late` are filed 1..late_max days after the due date, the rest
 * early_min..early_max days before it; filed_max (-1: no cap) stops the
 * filing early, as for a month still under way. */
typedef struct {
	const char *rule;         /* deadline rule code */
	int month;
	int missing, late, filed_max;
	int early_min, early_max, late_max;
	const char *summary;      /* NULL: a monthly result */
} gn_demo_filing;

extern const gn_demo_filing gn_demo_filings[];
extern const int gn_demo_n_filings;
/* Monthly results, each introduced by its month ("Kết quả tháng 6/2026: …"). */
extern const gn_demo_words gn_demo_monthly_summaries;

extern const char gn_demo_note[];

#endif
