#ifndef GIAMNGHEO_CLASSIFY_H
#define GIAMNGHEO_CLASSIFY_H

#include <stdbool.h>
#include <stddef.h>
#include "giamngheo/money.h"

/* The poverty rules of a multidimensional standard, free of any storage:
 * everything here is a pure function of its arguments. */

typedef enum { GN_AREA_URBAN = 0, GN_AREA_RURAL } gn_area;

typedef enum {
	GN_CLASS_POOR = 0,
	GN_CLASS_NEAR_POOR,
	GN_CLASS_MIDDLE,
	GN_CLASS_NOT_POOR
} gn_class;

/* A household's standing on one indicator. Deprived and being addressed
 * both still count as a deprivation; resolved no longer does. */
typedef enum {
	GN_IND_NOT_DEPRIVED = 0,
	GN_IND_DEPRIVED,
	GN_IND_ADDRESSING,
	GN_IND_RESOLVED
} gn_ind_status;

typedef struct {
	gn_money line_rural, line_urban;             /* income per person per month */
	gn_money middle_rural_max, middle_urban_max; /* top of the middle band */
	int min_deprivations;                        /* 3 under both current standards */
} gn_thresholds;

gn_money gn_thresholds_line(const gn_thresholds *t, gn_area area);

/* Poor: income <= line and >= min deprivations; near-poor: income <= line and
 * fewer; middle: above the line within the band; otherwise not poor. */
gn_class gn_classify(const gn_thresholds *t, gn_area area, gn_money income, int deprivations);

bool gn_ind_status_counts(gn_ind_status s);
int gn_count_deprivations(const gn_ind_status *st, size_t n);

/* What still stands between a household and leaving its class. */
typedef struct {
	gn_class cls;
	int left;           /* deprivations still counted */
	int total;          /* counted + resolved: what the household started with */
	int to_resolve;     /* how many more must be resolved to fall below the minimum */
	gn_money income;
	gn_money line;
	gn_money shortfall; /* raise needed to be above the line; 0 when already above */
} gn_exit_gap;

gn_exit_gap gn_exit_gap_compute(const gn_thresholds *t, gn_area area, gn_money income,
				const gn_ind_status *st, size_t n);

/* One translated sentence, both exit paths for a poor household. */
void gn_exit_gap_describe(const gn_exit_gap *g, char *buf, size_t size);

const char *gn_class_code(gn_class c);            /* "poor", stored in the database */
bool gn_class_from_code(const char *code, gn_class *out);
const char *gn_class_label(gn_class c);           /* translated */

const char *gn_ind_status_code(gn_ind_status s);  /* "deprived", stored */
bool gn_ind_status_from_code(const char *code, gn_ind_status *out);
const char *gn_ind_status_label(gn_ind_status s); /* translated */
/* One character that tells the status apart without colour. */
char gn_ind_status_symbol(gn_ind_status s);

const char *gn_area_code(gn_area a);
bool gn_area_from_code(const char *code, gn_area *out);
const char *gn_area_label(gn_area a);

#endif
