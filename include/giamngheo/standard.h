#ifndef GIAMNGHEO_STANDARD_H
#define GIAMNGHEO_STANDARD_H

#include "giamngheo/classify.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"

#define GN_MAX_INDICATORS 24

typedef struct {
	long long id;
	char code[8];        /* "2.2" */
	char *name_vi;
	char *name_en;
	char *dimension_vi;
	char *dimension_en;
} gn_indicator;

/* A poverty standard as stored: thresholds and its ordered indicators. */
typedef struct {
	long long id;
	char code[16];       /* "2022-2025" */
	char *name;
	gn_date valid_from, valid_to;
	gn_thresholds thresholds;
	int n_indicators;
	gn_indicator indicators[GN_MAX_INDICATORS];
} gn_standard;

gn_status gn_standard_load(gn_db *db, long long id, gn_standard *out);
gn_status gn_standard_load_code(gn_db *db, const char *code, gn_standard *out);
void gn_standard_clear(gn_standard *s);

/* Ids of every stored standard, oldest first; returns how many (at most max). */
int gn_standard_ids(gn_db *db, long long *ids, int max);

/* Index of the indicator with this code ("2.2"), or -1. */
int gn_standard_find(const gn_standard *s, const char *code);

/* Name in the language in force. */
const char *gn_indicator_name(const gn_indicator *ind);
const char *gn_indicator_dimension(const gn_indicator *ind);

#endif
