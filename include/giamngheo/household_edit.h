#ifndef GIAMNGHEO_HOUSEHOLD_EDIT_H
#define GIAMNGHEO_HOUSEHOLD_EDIT_H

/* What the household form needs from core besides load and save: the
 * editable fields by number, copies, and the field-by-field merge used when
 * someone else saved the household first (GN_ERR_CONFLICT). Pure except for
 * gn_tdp_entries, which reads the residential groups. */

#include <stdbool.h>
#include "giamngheo/household.h"

typedef enum {
	GN_HF_CODE = 0,
	GN_HF_HEAD,
	GN_HF_ADDRESS,
	GN_HF_TDP,
	GN_HF_AREA,
	GN_HF_PHONE,
	GN_HF_INCOME,
	GN_HF_TARGETED,
	GN_HF_NO_WORK,
	GN_HF_ETHNIC,
	GN_HF_MERIT,
	GN_HF_SOCIAL,
	GN_HF_NOTES,
	GN_HF_CAUSES,
	GN_HF_EXIT_DATE,
	GN_HF_COUNT
} gn_household_field;

/* A set of fields: bit (1u << field). */
typedef unsigned gn_hf_set;
#define GN_HF_BIT(f) (1u << (f))
#define GN_HF_ALL ((1u << GN_HF_COUNT) - 1u)

/* A deep copy (strings duplicated); GN_ERR_NOMEM leaves *dst cleared. */
gn_status gn_household_copy(const gn_household *src, gn_household *dst);

/* The editable fields in which a and b differ (NULL and "" are equal). */
gn_hf_set gn_household_diff(const gn_household *a, const gn_household *b);

/* When the save of mine (edited from base) met theirs (stored meanwhile):
 * the fields where mine should win by default, that is the differing fields
 * that the user changed from base. A field only they changed defaults to
 * theirs, so nothing they wrote is overwritten unless the user chooses so. */
gn_hf_set gn_household_merge_defaults(const gn_household *base, const gn_household *mine,
				      const gn_household *theirs);

/* *out = theirs (id, version and the record as stored) with the fields in
 * take_mine copied from mine: ready for gn_household_update on top of the
 * stored version. */
gn_status gn_household_merge(const gn_household *mine, const gn_household *theirs, gn_hf_set take_mine,
			     gn_household *out);

/* What the household form does to one member when the household is saved. */
typedef enum { GN_MEMBER_KEEP = 0, GN_MEMBER_SAVE, GN_MEMBER_REMOVE } gn_member_op;

typedef struct {
	gn_member member;      /* id 0: a new member */
	gn_member_op op;
	gn_member current;     /* GN_ERR_CONFLICT on this member: as stored */
} gn_member_change;

/* Saves the household (insert when h->id is 0, else an optimistic update
 * with *current as in gn_household_update) and its members' changes in one
 * transaction: all or nothing. *failed is the index of the member change
 * that stopped the save (its error: GN_ERR_INVALID, GN_ERR_DUPLICATE for an
 * ID number already held, GN_ERR_CONFLICT with changes[i].current,
 * GN_ERR_NOT_FOUND), -1 when the household itself did or nothing did. */
gn_status gn_household_save_all(gn_db *db, gn_household *h, gn_household *current,
				gn_member_change *changes, int n, int *failed);

/* Residential groups with their ids, in code order; returns how many (at most max). */
int gn_tdp_entries(gn_db *db, long long *ids, char (*codes)[32], char (*names)[64], int max);

#endif
