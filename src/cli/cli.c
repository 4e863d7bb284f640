/* The command line: global options, then one command run against the same
 * core the full-screen app uses. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "giamngheo/account.h"
#include "giamngheo/i18n.h"
#include "giamngheo/paths.h"
#include "giamngheo/ward.h"
#include "../ui/app.h"

void gn_cli_error(const char *fmt, ...)
{
	char text[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	fputs("giamngheo: ", stderr);
	gn_out_safe_lines(stderr, text);
}

int gn_cli_fail(gn_status st, const char *context)
{
	if (context && *context)
		gn_cli_error("%s: %s", context, gn_status_message(st));
	else
		gn_cli_error("%s", gn_status_message(st));
	return GN_EXIT_USER;
}

int gn_cli_usage_error(const char *fmt, ...)
{
	char text[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	gn_cli_error("%s", text);
	fprintf(stderr, _("Try 'giamngheo --help'.\n"));
	return GN_EXIT_USAGE;
}

bool gn_cli_date(const char *text, gn_date *out)
{
	gn_date_error e = gn_date_parse_dmy(text, out);
	if (e == GN_DATE_OK)
		return true;
	gn_cli_error("%s: %s", text, gn_date_error_message(e));
	return false;
}

bool gn_cli_format(const char *name, gn_format *out)
{
	if (gn_format_from_name(name, out))
		return true;
	gn_cli_usage_error(_("unknown format '%s' (use table, csv or json)"), name);
	return false;
}

void gn_cli_log_export(gn_cli *cli, const char *command, gn_format fmt)
{
	if (fmt == GN_FMT_TABLE)
		return;
	char what[64];
	snprintf(what, sizeof what, "%s %s", command, fmt == GN_FMT_CSV ? "csv" : "json");
	gn_account_log_export(cli->db, what, "");
}

gn_status gn_cli_standard(gn_cli *cli, const char *code, gn_standard *out)
{
	if (code && *code)
		return gn_standard_load_code(cli->db, code, out);
	gn_ward w;
	gn_status s = gn_ward_load(cli->db, &w);
	return s == GN_OK ? gn_standard_load(cli->db, w.current_standard_id, out) : s;
}

static void print_help(void)
{
	printf(_("Usage: giamngheo [OPTION]... [COMMAND [ARG]...]\n"
		 "Poverty-reduction plan of the ward: households, deprivations, agencies, deadlines.\n"
		 "Without a command it shows the ward's dashboard.\n\n"));
	printf(_("Commands:\n"
		 "  init                 create the database for the ward of the plan\n"
		 "  demo                 create the demo ward (fictional households)\n"
		 "  stats                progress against the targets and the next deadline\n"
		 "  households [FILTER]  list households (--help for the filters)\n"
		 "  household CODE       one household: indicators, exit gap, members, helpers\n"
		 "  agencies             agencies, their households and report record\n"
		 "  deadlines            report deadlines and who has submitted\n"
		 "  search TEXT          find households and people (diacritics optional)\n"
		 "  remind [--agency CODE|--mine]  what is overdue or due soon (exit 3: overdue)\n"
		 "  agenda [--days N]    what falls due in the next N days (default 14)\n"));
	printf(_("  household delete|restore CODE  delete a household (its history is kept), or bring it back\n"));
	printf(_("  report KIND [--format text|csv|xlsx] [--output FILE|DIR]  the plan's reports (report --help)\n"));
	printf(_("  import households FILE.csv [--dry-run]  households and members from a CSV list\n"));
	printf(_("  audit [--household CODE] [--user LOGIN] [--since DATE] [--until DATE]  who changed what, when: old and new values (audit --help)\n"));
	printf(_("  users [add|set|remove LOGIN] [--role ROLE] [--agency CODE]  who may use the database (users --help)\n"));
	printf(_("  rules [--import FILE [--dry-run]]  the deadline rules; import them from an INI file\n"
		 "  submit --agency CODE (--rule CODE --due DATE | --deadline ID) --by NAME\n"
		 "         [--date DATE] [--summary TEXT] [--figures TEXT]  record a submitted report\n"
		 "  submit --correct REPORT_ID [--version N] [--date DATE] [--by NAME] [--summary TEXT]\n"
		 "         [--figures TEXT]  correct a recorded submission\n"
		 "  withdraw REPORT_ID [--version N]  withdraw a submission: the deadline is open again\n\n"));
	printf(_("Looking after the database:\n"
		 "  backup FILE [--force]  copy the database to FILE while others keep working\n"
		 "  restore FILE         put a backup back (the current data is copied aside first)\n"
		 "  check                integrity and consistency of the data (exit 1: a problem)\n"
		 "  doctor               check the installation: paths, permissions, schema, disk\n\n"));
	printf(_("Options:\n"
		 "  --db FILE            database file (or GIAMNGHEO_DB)\n"
		 "  --config FILE        configuration file (or GIAMNGHEO_CONFIG)\n"
		 "  --lang vi|en         language of the messages (default: vi)\n"
		 "  --theme NAME         colour theme of the full-screen app\n"
		 "  -h, --help           show this help\n"
		 "  -V, --version        show the version\n\n"));
	printf(_("Exit status: 0 success, 1 error in the data or the database, 2 wrong usage.\n"));
}

static const struct {
	const char *name;
	int (*run)(gn_cli *, int, char **);
	bool creates;      /* may create the database file */
} commands[] = {
	{ "init", gn_cmd_init, true },
	{ "demo", gn_cmd_demo, true },
	{ "stats", gn_cmd_stats, false },
	{ "households", gn_cmd_households, false },
	{ "household", gn_cmd_household, false },
	{ "agencies", gn_cmd_agencies, false },
	{ "deadlines", gn_cmd_deadlines, false },
	{ "search", gn_cmd_search, false },
	{ "remind", gn_cmd_remind, false },
	{ "agenda", gn_cmd_agenda, false },
	{ "report", gn_cmd_report, false },
	{ "rules", gn_cmd_rules, false },
	{ "submit", gn_cmd_submit, false },
	{ "withdraw", gn_cmd_withdraw, false },
	{ "import", gn_cmd_import, false },
	{ "backup", gn_cmd_backup, false },
	{ "restore", gn_cmd_restore, true },
	{ "check", gn_cmd_check, false },
	{ "audit", gn_cmd_audit, false },
	{ "users", gn_cmd_users, false },
};

static void resolve_db_path(gn_cli *cli, const char *flag)
{
	const char *env = getenv("GIAMNGHEO_DB");
	if (flag && *flag)
		snprintf(cli->db_path, sizeof cli->db_path, "%s", flag);
	else if (env && *env)
		snprintf(cli->db_path, sizeof cli->db_path, "%s", env);
	else if (cli->cfg.db_path[0])
		snprintf(cli->db_path, sizeof cli->db_path, "%s", cli->cfg.db_path);
	else if (gn_path_default_db(cli->db_path, sizeof cli->db_path) != 0)
		cli->db_path[0] = '\0';
}

static int open_db(gn_cli *cli, bool create)
{
	if (!cli->db_path[0])
		return gn_cli_fail(GN_ERR_IO, NULL);
	if (create && gn_path_make_parents(cli->db_path) != 0)
		return gn_cli_fail(GN_ERR_IO, cli->db_path);
	if (!create && access(cli->db_path, F_OK) != 0) {
		fprintf(stderr, _("giamngheo: no database at %s. Create one with 'giamngheo init' "
				  "(or 'giamngheo demo' for the demo ward).\n"), cli->db_path);
		return GN_EXIT_USER;
	}
	gn_status s = gn_db_open(cli->db_path, create, &cli->db);
	return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, cli->db_path);
}

static bool full_screen_possible(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

int gn_cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "lang", required_argument, NULL, 'l' },
		{ "theme", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db_flag = NULL, *config_flag = NULL, *lang_flag = NULL, *theme_flag = NULL;
	bool help = false, version = false;
	int c;

	/* The language is needed before the first message, including those
	 * about the options themselves; look for --lang before getopt speaks. */
	for (int i = 1; i < argc - 1; i++)
		if (strcmp(argv[i], "--lang") == 0)
			lang_flag = argv[i + 1];
	gn_i18n_init(lang_flag);

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			db_flag = optarg;
			break;
		case 'c':
			config_flag = optarg;
			break;
		case 'l':
			if (strcmp(optarg, "vi") != 0 && strcmp(optarg, "en") != 0)
				return gn_cli_usage_error(_("unknown language '%s' (use vi or en)"), optarg);
			lang_flag = optarg;
			break;
		case 't':
			theme_flag = optarg;
			break;
		case 'h':
			help = true;
			break;
		case 'V':
			version = true;
			break;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}

	gn_cli cli = { 0 };
	char warn[2048];
	gn_status s = gn_config_load(config_flag, &cli.cfg, warn, sizeof warn);
	if (!lang_flag && cli.cfg.language[0] && strcmp(cli.cfg.language, gn_i18n_lang()) != 0) {
		/* The file chose another language: say its warnings in that one. */
		gn_i18n_init(cli.cfg.language);
		s = gn_config_load(config_flag, &cli.cfg, warn, sizeof warn);
	}
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: configuration file %s not found\n"),
			config_flag ? config_flag : getenv("GIAMNGHEO_CONFIG"));
		return GN_EXIT_USER;
	}
	gn_out_safe_lines(stderr, warn);

	if (help) {
		print_help();
		return GN_EXIT_OK;
	}
	if (version) {
		printf("giamngheo %s\n", PACKAGE_VERSION);
		return GN_EXIT_OK;
	}
	cli.today = gn_today();
	resolve_db_path(&cli, db_flag);

	if (optind == argc && (full_screen_possible() || getenv("GIAMNGHEO_HEADLESS"))) {
		int rc = open_db(&cli, false);
		if (rc != GN_EXIT_OK)
			return rc;
		rc = gn_app_run(cli.db, theme_flag, cli.cfg.theme);
		gn_db_close(cli.db);
		return rc;
	}
	if (optind < argc && strcmp(argv[optind], "doctor") == 0) {
		int first = optind;
		optind = 0;
		return gn_cmd_doctor(&cli, argc - first, argv + first);
	}
	/* Without a terminal (a pipe, cron), no command prints the dashboard summary. */
	const char *name = optind < argc ? argv[optind] : "stats";
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(commands[i].name, name) != 0)
			continue;
		int rc = open_db(&cli, commands[i].creates);
		if (rc != GN_EXIT_OK)
			return rc;
		int sub_argc = optind < argc ? argc - optind : 1;
		char *stats_argv[] = { (char *)"stats", NULL };
		char **sub_argv = optind < argc ? argv + optind : stats_argv;
		optind = 0;
		rc = commands[i].run(&cli, sub_argc, sub_argv);
		gn_db_close(cli.db);
		return rc;
	}
	return gn_cli_usage_error(_("unknown command '%s'"), name);
}
