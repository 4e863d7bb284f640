#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/agency.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/support.h"
#include "giamngheo/text.h"

/* Everything printed from the database goes through here: a stored name
 * holding escape sequences must not reach the terminal raw. */
static void put(const char *label, const char *value)
{
	char *safe = gn_text_sanitize(value ? value : "");
	if (label)
		printf("%s: %s\n", label, safe ? safe : "");
	else
		fputs(safe ? safe : "", stdout);
	free(safe);
}

static void print_identity(const gn_household *h)
{
	char income[32], heading[256];
	snprintf(heading, sizeof heading, _("Household %s"), h->code);
	put(heading, h->head_name);
	put(_("Address"), h->address);
	put(_("Area"), gn_area_label(h->area));
	put(_("Phone"), h->phone);
	gn_money_format(h->income, income, sizeof income);
	put(_("Income per person per month"), income);
	put(_("Class"), gn_class_label(h->cls));
	put(_("Targeted to exit poverty this year"), h->targeted ? _("yes") : _("no"));
	if (gn_date_is_set(h->exit_date)) {
		char d[11];
		gn_date_format_dmy(h->exit_date, d);
		put(_("Exited poverty on"), d);
	}
	char flags[256];
	gn_household_circumstances(h, flags, sizeof flags);
	if (flags[0])
		put(_("Circumstances"), flags);
	if (h->notes && *h->notes)
		put(_("Notes"), h->notes);
}

static void print_standard(gn_cli *cli, const gn_household *h, long long standard_id,
			   const gn_support *items, int n_items)
{
	gn_standard std;
	if (gn_standard_load(cli->db, standard_id, &std) != GN_OK)
		return;
	gn_ind_status st[GN_MAX_INDICATORS];
	gn_exit_gap gap;
	if (gn_household_gap(cli->db, h, &std, st, &gap) == GN_OK) {
		printf("\n");
		put(_("Indicators"), std.name);
		for (int i = 0; i < std.n_indicators; i++) {
			const gn_indicator *ind = &std.indicators[i];
			printf("  %c %-4s ", gn_ind_status_symbol(st[i]), ind->code);
			put(NULL, gn_indicator_name(ind));
			printf(" — %s", gn_ind_status_label(st[i]));
			for (int k = 0; k < n_items; k++)
				if (items[k].indicator_id == ind->id) {
					printf("; ");
					put(NULL, gn_support_kind_label(items[k].kind));
					printf(" (%s)", gn_support_status_label(items[k].status));
				}
			printf("\n");
		}
		char sentence[512];
		gn_exit_gap_describe(&gap, sentence, sizeof sentence);
		printf("  %s: %s\n", _("Exit gap"), sentence);
	}
	gn_standard_clear(&std);
}

static void print_members(gn_cli *cli, const gn_household *h)
{
	gn_member *m;
	int n;
	if (gn_member_list(cli->db, h->id, &m, &n) != GN_OK)
		return;
	printf("\n%s (%d)\n", _("Members"), n);
	const char *headers[] = { _("Name"), _("Relation"), _("Sex"), _("Born"), _("ID number"),
				  _("Health insurance") };
	gn_out *o = gn_out_new(stdout, GN_FMT_TABLE, 6, headers, headers);
	for (int i = 0; o && i < n; i++) {
		char born[11];
		gn_date d;
		if (gn_date_parse_iso(m[i].birth, &d) == GN_DATE_OK)
			gn_date_format_dmy(d, born);
		else
			snprintf(born, sizeof born, "%s", m[i].birth);
		const char *cells[] = {
			m[i].full_name, m[i].relation,
			m[i].sex == 'M' ? _("male") : m[i].sex == 'F' ? _("female") : "",
			born, m[i].cccd ? m[i].cccd : "", m[i].health_card,
		};
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
	gn_member_list_free(m, n);
}

static void print_helpers(gn_cli *cli, const gn_household *h)
{
	gn_helper *hp;
	int n;
	if (gn_household_helpers(cli->db, h->id, &hp, &n) != GN_OK)
		return;
	printf("\n%s\n", _("Agencies helping"));
	if (n == 0)
		printf("  %s\n", _("none assigned yet"));
	for (int i = 0; i < n; i++) {
		/* Pad by screen columns: "phối hợp" is longer in bytes than it looks. */
		const char *role = gn_role_label(hp[i].role);
		printf("  %s%*s ", role, 10 - gn_text_width(role), "");
		put(NULL, hp[i].agency_code);
		printf(" — ");
		put(NULL, hp[i].agency_name);
		if (hp[i].staff_name[0]) {
			printf("; %s: ", _("follows the household"));
			put(NULL, hp[i].staff_name);
			if (hp[i].staff_phone[0])
				printf(", %s", hp[i].staff_phone);
		}
		printf("\n");
	}
	free(hp);
}

static void print_support(const gn_support *items, int n)
{
	printf("\n%s (%d)\n", _("Support plan"), n);
	const char *headers[] = { _("Planned"), _("Done"), _("Kind"), _("Indicator"), _("Agency"),
				  _("Value"), _("Status"), _("Description") };
	gn_out *o = gn_out_new(stdout, GN_FMT_TABLE, 8, headers, headers);
	if (!o)
		return;
	gn_out_align_right(o, 5);
	for (int i = 0; i < n; i++) {
		char planned[11] = "", actual[11] = "", value[48] = "";
		if (gn_date_is_set(items[i].planned))
			gn_date_format_dmy(items[i].planned, planned);
		if (gn_date_is_set(items[i].actual))
			gn_date_format_dmy(items[i].actual, actual);
		if (items[i].cash || items[i].in_kind_value)
			gn_money_format(items[i].cash + items[i].in_kind_value, value, sizeof value);
		else if (items[i].loan_principal)
			gn_money_format(items[i].loan_principal, value, sizeof value);
		else if (items[i].person_days)
			snprintf(value, sizeof value, _("%d person-days"), items[i].person_days);
		const char *cells[] = { planned, actual, gn_support_kind_label(items[i].kind),
					items[i].indicator_code, items[i].agency_code, value,
					gn_support_status_label(items[i].status), items[i].description };
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
}

static int no_household(const char *code)
{
	gn_cli_error(_("no household with code '%s'"), code);
	return GN_EXIT_USER;
}

/* household delete CODE: a soft deletion, undone by household restore CODE. */
static int delete_household(gn_cli *cli, const char *code)
{
	gn_household h;
	gn_status s = gn_household_load_code(cli->db, code, &h);
	if (s == GN_ERR_NOT_FOUND)
		return no_household(code);
	if (s == GN_OK)
		s = gn_household_delete(cli->db, h.id, h.version);
	if (s == GN_OK) {
		printf(_("Deleted household %s — %s. 'giamngheo household restore %s' brings it back.\n"), h.code,
		       h.head_name, h.code);
	}
	gn_household_clear(&h);
	return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, code);
}

static int restore_household(gn_cli *cli, const char *code)
{
	long long id = gn_household_deleted_id(cli->db, code);
	if (!id) {
		fprintf(stderr, _("giamngheo: no deleted household with code '%s'\n"), code);
		return GN_EXIT_USER;
	}
	gn_status s = gn_household_restore(cli->db, id);
	gn_household h;
	if (s == GN_OK && gn_household_load(cli->db, id, &h) == GN_OK) {
		printf(_("Restored household %s — %s.\n"), h.code, h.head_name);
		gn_household_clear(&h);
	}
	return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, code);
}

int gn_cmd_household(gn_cli *cli, int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "delete") == 0)
		return delete_household(cli, argv[2]);
	if (argc == 3 && strcmp(argv[1], "restore") == 0)
		return restore_household(cli, argv[2]);
	if (argc != 2)
		return gn_cli_usage_error(_("%s needs exactly one household code"), "household");
	gn_household h;
	gn_status s = gn_household_load_code(cli->db, argv[1], &h);
	if (s == GN_ERR_NOT_FOUND)
		return no_household(argv[1]);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	gn_support *items = NULL;
	int n_items = 0;
	gn_support_list_household(cli->db, h.id, &items, &n_items);

	print_identity(&h);
	long long ids[8];
	int n = gn_standard_ids(cli->db, ids, 8);
	for (int i = 0; i < n; i++)
		print_standard(cli, &h, ids[i], items, n_items);
	print_members(cli, &h);
	print_helpers(cli, &h);
	print_support(items, n_items);
	free(items);
	gn_household_clear(&h);
	return GN_EXIT_OK;
}
