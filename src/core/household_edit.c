/* Copies, field-by-field differences and the merge the household form
 * offers when someone else saved first. */
#include "giamngheo/household_edit.h"

#include <stdlib.h>
#include <string.h>

static bool dup_str(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return true;
	*dst = strdup(src);
	return *dst != NULL;
}

gn_status gn_household_copy(const gn_household *src, gn_household *dst)
{
	*dst = *src;
	dst->code = dst->head_name = dst->address = dst->phone = NULL;
	dst->causes = dst->notes = dst->updated_by = NULL;
	if (dup_str(&dst->code, src->code) && dup_str(&dst->head_name, src->head_name) &&
	    dup_str(&dst->address, src->address) && dup_str(&dst->phone, src->phone) &&
	    dup_str(&dst->causes, src->causes) && dup_str(&dst->notes, src->notes) &&
	    dup_str(&dst->updated_by, src->updated_by))
		return GN_OK;
	gn_household_clear(dst);
	return GN_ERR_NOMEM;
}

static bool same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_field(const gn_household *a, const gn_household *b, gn_household_field f)
{
	switch (f) {
	case GN_HF_CODE:
		return same_str(a->code, b->code);
	case GN_HF_HEAD:
		return same_str(a->head_name, b->head_name);
	case GN_HF_ADDRESS:
		return same_str(a->address, b->address);
	case GN_HF_TDP:
		return a->tdp_id == b->tdp_id;
	case GN_HF_AREA:
		return a->area == b->area;
	case GN_HF_PHONE:
		return same_str(a->phone, b->phone);
	case GN_HF_INCOME:
		return a->income == b->income;
	case GN_HF_TARGETED:
		return a->targeted == b->targeted;
	case GN_HF_NO_WORK:
		return a->no_work_capacity == b->no_work_capacity;
	case GN_HF_ETHNIC:
		return a->ethnic_minority == b->ethnic_minority;
	case GN_HF_MERIT:
		return a->merit == b->merit;
	case GN_HF_SOCIAL:
		return a->social_protection == b->social_protection;
	case GN_HF_NOTES:
		return same_str(a->notes, b->notes);
	case GN_HF_CAUSES:
		return same_str(a->causes, b->causes);
	case GN_HF_EXIT_DATE:
		return gn_date_cmp(a->exit_date, b->exit_date) == 0;
	case GN_HF_COUNT:
		break;
	}
	return true;
}

gn_hf_set gn_household_diff(const gn_household *a, const gn_household *b)
{
	gn_hf_set set = 0;
	for (int f = 0; f < GN_HF_COUNT; f++)
		if (!same_field(a, b, (gn_household_field)f))
			set |= GN_HF_BIT(f);
	return set;
}

gn_hf_set gn_household_merge_defaults(const gn_household *base, const gn_household *mine,
				      const gn_household *theirs)
{
	return gn_household_diff(mine, theirs) & gn_household_diff(base, mine);
}

/* Replaces *dst with a copy of src; false when memory runs out. */
static bool take_str(char **dst, const char *src)
{
	char *copy = NULL;
	if (src && !(copy = strdup(src)))
		return false;
	free(*dst);
	*dst = copy;
	return true;
}

gn_status gn_household_merge(const gn_household *mine, const gn_household *theirs, gn_hf_set take_mine,
			     gn_household *out)
{
	gn_status s = gn_household_copy(theirs, out);
	if (s != GN_OK)
		return s;
	bool ok = true;
	for (int f = 0; f < GN_HF_COUNT && ok; f++) {
		if (!(take_mine & GN_HF_BIT(f)))
			continue;
		switch ((gn_household_field)f) {
		case GN_HF_CODE:
			ok = take_str(&out->code, mine->code);
			break;
		case GN_HF_HEAD:
			ok = take_str(&out->head_name, mine->head_name);
			break;
		case GN_HF_ADDRESS:
			ok = take_str(&out->address, mine->address);
			break;
		case GN_HF_TDP:
			out->tdp_id = mine->tdp_id;
			break;
		case GN_HF_AREA:
			out->area = mine->area;
			break;
		case GN_HF_PHONE:
			ok = take_str(&out->phone, mine->phone);
			break;
		case GN_HF_INCOME:
			out->income = mine->income;
			break;
		case GN_HF_TARGETED:
			out->targeted = mine->targeted;
			break;
		case GN_HF_NO_WORK:
			out->no_work_capacity = mine->no_work_capacity;
			break;
		case GN_HF_ETHNIC:
			out->ethnic_minority = mine->ethnic_minority;
			break;
		case GN_HF_MERIT:
			out->merit = mine->merit;
			break;
		case GN_HF_SOCIAL:
			out->social_protection = mine->social_protection;
			break;
		case GN_HF_NOTES:
			ok = take_str(&out->notes, mine->notes);
			break;
		case GN_HF_CAUSES:
			ok = take_str(&out->causes, mine->causes);
			break;
		case GN_HF_EXIT_DATE:
			out->exit_date = mine->exit_date;
			break;
		case GN_HF_COUNT:
			break;
		}
	}
	if (!ok) {
		gn_household_clear(out);
		return GN_ERR_NOMEM;
	}
	return GN_OK;
}

int gn_tdp_entries(gn_db *db, long long *ids, char (*codes)[32], char (*names)[64], int max)
{
	sqlite3_stmt *st = gn_db_prepare(db, "SELECT id, code, name FROM tdp ORDER BY code");
	int n = 0;
	while (st && n < max && sqlite3_step(st) == SQLITE_ROW) {
		ids[n] = sqlite3_column_int64(st, 0);
		gn_db_column_copy(st, 1, codes[n], sizeof codes[n]);
		gn_db_column_copy(st, 2, names[n], sizeof names[n]);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}
