#ifndef GIAMNGHEO_AUDIT_H
#define GIAMNGHEO_AUDIT_H

#include "giamngheo/db.h"

/* What gn_audit_query reads; zero fields match anything. */
typedef struct {
	const char *entity;      /* "household", "member", ...; NULL: any */
	long long entity_id;     /* 0: any */
	long long household_id;  /* 0: any; else the household and its dependants */
	const char *actor;       /* NULL: anyone */
	gn_date since, until;    /* UTC days, inclusive; unset: open */
	int limit, offset;       /* limit 0: all */
} gn_audit_filter;

/* One field of a change: values as text, NULL when absent or null. */
typedef struct {
	char *field;
	char *before;
	char *after;
} gn_audit_field;

/* One audit row with what it changed (version, updated_at and updated_by
 * left out: every save moves them). */
typedef struct {
	long long id;
	char at[24];             /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	char actor[64];
	char entity[32];
	long long entity_id;
	char action[8];          /* insert, update, delete */
	char label[96];          /* household code, agency code, ...; "" if none */
	long long household_id;  /* the household it concerns, 0 if none */
	gn_audit_field *fields;
	int n_fields;
} gn_audit_change;

/* What the change did, in words for the reader: added, changed, deleted,
 * or restored; a soft deletion (deleted 0 → 1) reads as deleted and its
 * undoing as restored. */
const char *gn_audit_action_label(const gn_audit_change *c);

/* An old or new value as a reader sees it: "" for empty text, a dash for
 * none, text longer than cols columns clipped with an ellipsis. */
void gn_audit_value_shown(const char *v, int cols, char *buf, size_t size);

/* The changes matching f, newest first. Free with gn_audit_changes_free. */
gn_status gn_audit_query(gn_db *db, const gn_audit_filter *f, gn_audit_change **out, int *n);
void gn_audit_changes_free(gn_audit_change *changes, int n);

#endif
