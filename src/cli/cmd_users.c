/* giamngheo users: who may use the database, and in which role. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/access.h"
#include "giamngheo/account.h"
#include "giamngheo/agency.h"
#include "giamngheo/i18n.h"

static void print_help(void)
{
	printf(_("Usage: giamngheo users [--format table|csv|json]\n"
		 "       giamngheo users add LOGIN --role ROLE [--agency CODE]\n"
		 "       giamngheo users set LOGIN [--role ROLE] [--agency CODE]\n"
		 "       giamngheo users remove LOGIN\n"
		 "Who may use the database: the Unix login and its role.\n"
		 "  admin   the focal department: everything, accounts too\n"
		 "  editor  an agency's staff: the households the agency leads or supports,\n"
		 "          the agency's reports (--agency CODE is required)\n"
		 "  viewer  reads everything, ID numbers only by their last 4 digits\n"
		 "Only administrators change accounts; the last administrator stays.\n"));
}

static int list(gn_cli *cli, gn_format fmt)
{
	gn_account *rows;
	int n;
	gn_status s = gn_account_list(cli->db, &rows, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	const char *headers[] = { _("Login"), _("Role"), _("Agency"), _("Changed (UTC)"), _("By") };
	const char *keys[] = { "login", "role", "agency", "updated_at", "updated_by" };
	gn_out *o = gn_out_new(stdout, fmt, 5, headers, keys);
	if (!o) {
		free(rows);
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	}
	for (int i = 0; i < n; i++) {
		const char *cells[] = {
			rows[i].login,
			fmt == GN_FMT_TABLE ? gn_user_role_label(rows[i].role) : gn_user_role_code(rows[i].role),
			rows[i].agency, rows[i].updated_at, rows[i].updated_by,
		};
		gn_out_row(o, cells);
	}
	gn_out_finish(o);
	free(rows);
	return GN_EXIT_OK;
}

/* --role and --agency onto an account; false after saying what is wrong. */
static bool apply_options(gn_cli *cli, const char *role, const char *agency, gn_account *a, int *rc)
{
	if (role && !gn_user_role_from_code(role, &a->role)) {
		*rc = gn_cli_usage_error(_("unknown role '%s' (use admin, editor or viewer)"), role);
		return false;
	}
	if (agency) {
		gn_agency g;
		gn_status s = gn_agency_load_code(cli->db, agency, &g);
		if (s == GN_ERR_NOT_FOUND) {
			fprintf(stderr, _("giamngheo: no agency with code '%s'\n"), agency);
			*rc = GN_EXIT_USER;
			return false;
		}
		if (s != GN_OK) {
			*rc = gn_cli_fail(s, agency);
			return false;
		}
		a->agency_id = g.id;
	}
	if (a->role == GN_USER_EDITOR && a->agency_id <= 0) {
		*rc = gn_cli_usage_error("%s", _("an editor works for an agency: give --agency CODE"));
		return false;
	}
	return true;
}

static int change(gn_cli *cli, const char *verb, const char *login, const char *role, const char *agency)
{
	gn_account a = { 0 };
	gn_status s;
	int rc = GN_EXIT_OK;
	if (strcmp(verb, "add") == 0) {
		if (!role)
			return gn_cli_usage_error("%s", _("users add needs --role admin|editor|viewer"));
		snprintf(a.login, sizeof a.login, "%s", login);
	} else {
		s = gn_account_load(cli->db, login, &a);
		if (s == GN_ERR_NOT_FOUND) {
			fprintf(stderr, _("giamngheo: %s has no account\n"), login);
			return GN_EXIT_USER;
		}
		if (s != GN_OK)
			return gn_cli_fail(s, login);
	}
	if (strcmp(verb, "remove") == 0) {
		s = gn_account_remove(cli->db, &a);
		if (s != GN_OK)
			return gn_cli_fail(s, login);
		printf(_("Removed the account %s.\n"), login);
		return GN_EXIT_OK;
	}
	if (!apply_options(cli, role, agency, &a, &rc))
		return rc;
	s = gn_account_save(cli->db, &a);
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, _("giamngheo: '%s' is not a login name (letters, digits, '.', '_', '-')\n"), login);
		return GN_EXIT_USER;
	}
	if (s == GN_ERR_DUPLICATE) {
		fprintf(stderr, _("giamngheo: %s already has an account: change it with 'users set'\n"), login);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, login);
	if (a.role == GN_USER_EDITOR)
		printf(_("%s: %s of %s.\n"), a.login, gn_user_role_label(a.role), a.agency);
	else
		printf(_("%s: %s.\n"), a.login, gn_user_role_label(a.role));
	return GN_EXIT_OK;
}

int gn_cmd_users(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ "role", required_argument, NULL, 'r' },
		{ "agency", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	gn_format fmt = GN_FMT_TABLE;
	const char *role = NULL, *agency = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if (!gn_cli_format(optarg, &fmt))
				return GN_EXIT_USAGE;
			break;
		case 'r':
			role = optarg;
			break;
		case 'a':
			agency = optarg;
			break;
		case 'h':
			print_help();
			return GN_EXIT_OK;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind == argc) {
		if (role || agency)
			return gn_cli_usage_error("%s", _("--role and --agency go with users add or users set"));
		return list(cli, fmt);
	}
	const char *verb = argv[optind];
	if (strcmp(verb, "add") != 0 && strcmp(verb, "set") != 0 && strcmp(verb, "remove") != 0)
		return gn_cli_usage_error(_("unknown users action '%s' (use add, set or remove)"), verb);
	if (optind + 1 >= argc)
		return gn_cli_usage_error(_("users %s needs a LOGIN"), verb);
	if (optind + 2 < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind + 2]);
	if (strcmp(verb, "remove") == 0 && (role || agency))
		return gn_cli_usage_error("%s", _("users remove takes no --role or --agency"));
	return change(cli, verb, argv[optind + 1], role, agency);
}
