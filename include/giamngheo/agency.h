#ifndef GIAMNGHEO_AGENCY_H
#define GIAMNGHEO_AGENCY_H

#include "giamngheo/db.h"

typedef enum {
	GN_AGENCY_DEPARTMENT = 0, /* phòng, ban of the ward */
	GN_AGENCY_FRONT,          /* Ủy ban MTTQ */
	GN_AGENCY_ORGANISATION,   /* socio-political organisations */
	GN_AGENCY_SCHOOL,
	GN_AGENCY_BUSINESS,
	GN_AGENCY_TDP,            /* a residential group acting as helper */
	GN_AGENCY_OTHER
} gn_agency_kind;

typedef struct {
	long long id;
	char code[32];            /* short name, unique: "XD-NN&MT" */
	char name[160];
	gn_agency_kind kind;
	char contact_person[128];
	char phone[32];
	long long tdp_id;
	int version;
} gn_agency;

typedef struct {
	long long id;
	long long agency_id;
	char full_name[128];
	char position[128];
	char phone[32];
	int version;
} gn_staff;

typedef enum { GN_ROLE_LEAD = 0, GN_ROLE_SUPPORT } gn_role;

const char *gn_agency_kind_code(gn_agency_kind k);
const char *gn_agency_kind_label(gn_agency_kind k);
const char *gn_role_label(gn_role r);

gn_status gn_agency_insert(gn_db *db, gn_agency *a);
gn_status gn_agency_update(gn_db *db, gn_agency *a, gn_agency *current);
gn_status gn_agency_load_code(gn_db *db, const char *code, gn_agency *out);
gn_status gn_staff_insert(gn_db *db, gn_staff *s);
/* By id, not deleted; GN_ERR_NOT_FOUND otherwise. */
gn_status gn_agency_load(gn_db *db, long long id, gn_agency *out);
gn_status gn_staff_load(gn_db *db, long long id, gn_staff *out);
/* Saves s if it is still at s->version (name, position, phone; the agency
 * stays). GN_ERR_CONFLICT when someone saved it first: current (if not
 * NULL) receives what is stored now. On success s->version is the new one. */
gn_status gn_staff_update(gn_db *db, gn_staff *s, gn_staff *current);
/* Soft deletion (see soft_delete.h), optimistic like a save: GN_ERR_CONFLICT
 * when saved since the caller read version, GN_ERR_NOT_FOUND when already
 * gone; restore undoes it (GN_ERR_NOT_FOUND when not deleted). Staff by the
 * agency's editors; agencies by admins, and only agencies that lead or
 * support no household (refused with the reason otherwise). */
gn_status gn_staff_delete(gn_db *db, long long id, int version);
gn_status gn_staff_restore(gn_db *db, long long id);
gn_status gn_agency_delete(gn_db *db, long long id, int version);
gn_status gn_agency_restore(gn_db *db, long long id);
/* An agency's staff (not deleted) by name; *out is malloc'd. */
gn_status gn_staff_list(gn_db *db, long long agency_id, gn_staff **out, int *n);
/* Every staff member of every agency (neither deleted), by agency code then
 * name; *out is malloc'd, the caller frees it. */
gn_status gn_staff_all(gn_db *db, gn_staff **out, int *n);

/* Lead or support for a household, with the staff member who follows it
 * (0: none). A household has one lead: naming a new one demotes the old. */
gn_status gn_assign(gn_db *db, long long household_id, long long agency_id, gn_role role,
		    long long staff_id);

/* An agency with what it is responsible for, for lists. */
typedef struct {
	gn_agency agency;
	int leads;
	int supports;
	int reports_due;       /* instances due up to today */
	int reports_on_time;
	int reports_late;
	int overdue;           /* due up to today, nothing submitted */
} gn_agency_row;

/* Every agency, with counts as of today (ISO date). */
gn_status gn_agency_query(gn_db *db, const char *today_iso, gn_agency_row **out, int *n);

/* The agencies with reports overdue as of today, in the same order, with
 * only the agency and its overdue count filled: what a summary needs,
 * without counting everything else for every agency. */
gn_status gn_agency_query_overdue(gn_db *db, const char *today_iso, gn_agency_row **out, int *n);

/* One helper of a household. */
typedef struct {
	long long agency_id;
	char agency_code[32];
	char agency_name[160];
	gn_role role;
	char staff_name[128];
	char staff_phone[32];
} gn_helper;

gn_status gn_household_helpers(gn_db *db, long long household_id, gn_helper **out, int *n);

#endif
