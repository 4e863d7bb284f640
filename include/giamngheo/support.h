#ifndef GIAMNGHEO_SUPPORT_H
#define GIAMNGHEO_SUPPORT_H

#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/money.h"

typedef enum {
	GN_SUPPORT_PLANNED = 0,
	GN_SUPPORT_IN_PROGRESS,
	GN_SUPPORT_DELIVERED,
	GN_SUPPORT_CANCELLED
} gn_support_status;

/* One piece of help: cash in đồng, in kind (quantity, unit, value), labour in
 * person-days, or a loan; each says which deprivation it addresses. */
typedef struct {
	long long id;
	long long household_id;
	char kind[32];            /* production, jobs, housing, health, labour, education,
	                             services, training, loan, legal, budgeting, family */
	long long indicator_id;   /* 0: none */
	long long agency_id;
	char fund_source[32];     /* budget, fund, agency, donor, community */
	gn_date planned, actual;
	gn_money cash;            /* planned */
	gn_money delivered_cash;  /* as delivered */
	long long in_kind_qty;
	char in_kind_unit[32];
	gn_money in_kind_value;
	int person_days;
	gn_money loan_principal;
	int loan_rate_bp;
	int loan_term_months;
	gn_support_status status;
	char description[256];
	int version;
	/* filled by the list query */
	char indicator_code[8];
	char agency_code[32];
	/* filled by gn_support_query only */
	char household_code[32];
	/* malloc'd, filled by gn_support_load only (lists leave it NULL); NULL on
	 * update keeps the stored notes. Freed by gn_support_clear. */
	char *notes;
} gn_support;

const char *gn_support_status_code(gn_support_status s);
const char *gn_support_status_label(gn_support_status s);
const char *gn_support_kind_label(const char *kind);
/* The i-th kind's code, in the plan's order; NULL past the last (for choices). */
const char *gn_support_kind_code(int i);
const char *gn_fund_source_label(const char *source);

gn_status gn_support_insert(gn_db *db, gn_support *s);
/* Optimistic save: GN_ERR_CONFLICT when the stored version is not
 * s->version, then *current (if given) receives the stored item with its
 * notes; GN_ERR_NOT_FOUND when it was deleted. */
gn_status gn_support_update(gn_db *db, gn_support *s, gn_support *current);
/* Soft deletion (see soft_delete.h) by whoever may edit the household:
 * the item leaves the lists, totals, reports and exports; GN_ERR_CONFLICT
 * when it was saved since the caller read version, GN_ERR_NOT_FOUND when
 * it is already gone. */
gn_status gn_support_delete(gn_db *db, long long id, int version);
/* Undoes gn_support_delete; GN_ERR_NOT_FOUND when it is not deleted. */
gn_status gn_support_restore(gn_db *db, long long id);
/* One item with its notes; gn_support_clear frees them. */
gn_status gn_support_load(gn_db *db, long long id, gn_support *out);
void gn_support_clear(gn_support *s);
/* Codes of the kinds (for choices), in order; returns how many. */
int gn_support_kind_codes(const char **codes, int max);
int gn_fund_source_codes(const char **codes, int max);
gn_status gn_support_list_household(gn_db *db, long long household_id, gn_support **out, int *n);

/* Choices for gn_support_query; zero values and status -1 mean "any". */
typedef struct {
	int status;               /* gn_support_status, -1: any */
	long long agency_id;      /* 0: any */
	long long indicator_id;   /* 0: any */
	gn_date from, to;         /* planned date range, inclusive; unset: open */
} gn_support_filter;

/* Every support item (of households not deleted) matching f, ordered by
 * planned date, household code, id; also fills household_code. *out is
 * malloc'd; the caller frees it. */
gn_status gn_support_query(gn_db *db, const gn_support_filter *f, gn_support **out, int *n);

#endif
