/* A household and its members saved together, so that the form never
 * leaves a household half-saved (the head stored, a member lost). */
#include "giamngheo/household_edit.h"

#include <stdlib.h>

gn_status gn_household_save_all(gn_db *db, gn_household *h, gn_household *current,
				gn_member_change *changes, int n, int *failed)
{
	*failed = -1;
	/* Ids and versions as they were: a rolled-back attempt must leave the
	 * caller ready to try again. */
	long long h_id = h->id;
	int h_version = h->version;
	long long *ids = calloc((size_t)n + 1, sizeof *ids);
	int *versions = calloc((size_t)n + 1, sizeof *versions);
	if (!ids || !versions) {
		free(ids);
		free(versions);
		return GN_ERR_NOMEM;
	}
	for (int i = 0; i < n; i++) {
		ids[i] = changes[i].member.id;
		versions[i] = changes[i].member.version;
	}
	gn_status s = gn_db_begin(db);
	if (s == GN_OK)
		s = h->id ? gn_household_update(db, h, current) : gn_household_insert(db, h);
	for (int i = 0; s == GN_OK && i < n; i++) {
		gn_member *m = &changes[i].member;
		gn_member_clear(&changes[i].current);
		if (changes[i].op == GN_MEMBER_KEEP)
			continue;
		m->household_id = h->id;
		if (changes[i].op == GN_MEMBER_REMOVE)
			s = m->id ? gn_member_remove(db, m, &changes[i].current) : GN_OK;
		else
			s = m->id ? gn_member_update(db, m, &changes[i].current) : gn_member_insert(db, m);
		if (s != GN_OK)
			*failed = i;
	}
	if (s == GN_OK)
		s = gn_db_commit(db);
	if (s != GN_OK) {
		gn_db_rollback(db);
		h->id = h_id;
		h->version = h_version;
		for (int i = 0; i < n; i++) {
			changes[i].member.id = ids[i];
			changes[i].member.version = versions[i];
			changes[i].member.household_id = h_id;
		}
	}
	free(ids);
	free(versions);
	return s;
}
