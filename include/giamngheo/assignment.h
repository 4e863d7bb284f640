#ifndef GIAMNGHEO_ASSIGNMENT_H
#define GIAMNGHEO_ASSIGNMENT_H

/* Who helps a household, edited as a whole: the lead agency with the staff
 * member who follows the household, and the supporting agencies. The save
 * is optimistic on the whole set: it goes through only when the stored set
 * is still the one the form started from, so a colleague's change is never
 * overwritten unseen. */

#include <stdbool.h>
#include "giamngheo/agency.h"

#define GN_MAX_SUPPORTERS 32

typedef struct {
	long long lead_id;     /* 0: no lead */
	long long staff_id;    /* follows the household for the lead; 0: none */
	long long support_ids[GN_MAX_SUPPORTERS]; /* ascending, never the lead */
	int n_support;
} gn_assignment_set;

gn_status gn_assignment_load(gn_db *db, long long household_id, gn_assignment_set *out);

/* Sorts the supporters and drops duplicates and the lead. */
void gn_assignment_normalise(gn_assignment_set *a);
bool gn_assignment_equal(const gn_assignment_set *a, const gn_assignment_set *b);
/* The agency is among the supporters. */
bool gn_assignment_supports(const gn_assignment_set *a, long long agency_id);

/* Stores mine when the household's stored set still equals base; otherwise
 * GN_ERR_CONFLICT with the stored set in *current (when given). An agency
 * left out of mine stops helping the household; the staff member must work
 * for the lead agency (GN_ERR_INVALID otherwise). */
gn_status gn_assignment_save(gn_db *db, long long household_id, const gn_assignment_set *base,
			     const gn_assignment_set *mine, gn_assignment_set *current);

#endif
