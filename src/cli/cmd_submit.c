/* submit and withdraw: recording, correcting and withdrawing the reports
 * agencies file for their deadlines. Every change is in the audit log. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/agency.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/i18n.h"
#include "giamngheo/report.h"
#include "giamngheo/text.h"

static bool parse_id(const char *text, const char *what, long long *out)
{
	char *end;
	long long v = strtoll(text, &end, 10);
	if (!*text || *end || v <= 0) {
		gn_cli_usage_error(_("%s needs a number, not '%s'"), what, text);
		return false;
	}
	*out = v;
	return true;
}

/* Text from the user or the database, made safe for the terminal. */
static void print_safe(const char *text)
{
	char *safe = gn_text_sanitize(text ? text : "");
	fputs(safe ? safe : "", stdout);
	free(safe);
}

/* "HPN, Monthly support results due 25/06/2026" */
static void print_instance(const gn_deadline_row *r)
{
	char due[11];
	gn_date_format_dmy(r->due, due);
	print_safe(r->agency_code);
	printf(", ");
	print_safe(r->title);
	printf(" ");
	printf(_("due %s"), due);
}

/* "submitted 24/06/2026 by Chị Lan: submitted on time" */
static void print_submission(const gn_deadline_row *r, gn_date on, const char *by)
{
	char date[11], status[64];
	gn_date_format_dmy(on, date);
	gn_deadline_status st = gn_deadline_status_of(r->due, r->due_soon_days, on, &on);
	gn_deadline_status_describe(st, r->due, on, status, sizeof status);
	printf(_(", dated %s, by "), date);
	print_safe(by);
	printf(": %s.\n", status);
}

static int load_instance(gn_cli *cli, long long id, gn_deadline_row *out)
{
	gn_status s = gn_deadline_get(cli->db, id, cli->today, out);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: no deadline with id %lld (the ids are in 'giamngheo deadlines --format csv')\n"),
			id);
		return GN_EXIT_USER;
	}
	return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, NULL);
}

static int agency_by_code(gn_cli *cli, const char *code, gn_agency *a)
{
	gn_status s = gn_agency_load_code(cli->db, code, a);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: no agency with code '%s'\n"), code);
		return GN_EXIT_USER;
	}
	return s == GN_OK ? GN_EXIT_OK : gn_cli_fail(s, NULL);
}

/* The instance named by --rule and --due for an agency, or why not. */
static int find_instance(gn_cli *cli, const gn_agency *a, const char *rule, gn_date due, long long *id)
{
	gn_status s = gn_deadline_find(cli->db, rule, a->id, due, id);
	if (s == GN_OK)
		return GN_EXIT_OK;
	if (s != GN_ERR_NOT_FOUND)
		return gn_cli_fail(s, NULL);
	sqlite3_stmt *st = gn_db_prepare(cli->db, "SELECT 1 FROM deadline_rule WHERE code = ?1");
	bool known = false;
	if (st) {
		sqlite3_bind_text(st, 1, rule, -1, SQLITE_TRANSIENT);
		known = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	if (!known) {
		fprintf(stderr, _("giamngheo: no deadline rule with code '%s' (the codes are in 'giamngheo rules')\n"), rule);
		return GN_EXIT_USER;
	}
	char date[11];
	gn_date_format_dmy(due, date);
	fprintf(stderr, _("giamngheo: %s has no deadline '%s' due on %s.\n"), a->code, rule, date);
	gn_deadline_filter f = { .agency_id = a->id, .rule_code = rule };
	gn_deadline_row *rows;
	int n;
	if (gn_deadline_query(cli->db, &f, cli->today, &rows, &n) == GN_OK) {
		if (n == 0)
			fprintf(stderr, _("It has no deadlines of that rule: see 'giamngheo deadlines --agency %s'.\n"),
				a->code);
		else {
			fprintf(stderr, "%s", _("Its due dates for that rule:"));
			for (int i = 0; i < n; i++) {
				gn_date_format_dmy(rows[i].due, date);
				fprintf(stderr, "%s %s", i ? "," : "", date);
			}
			fputc('\n', stderr);
		}
		free(rows);
	}
	return GN_EXIT_USER;
}

static int already_submitted(gn_cli *cli, const gn_deadline_row *r)
{
	gn_report rep;
	gn_status s = gn_report_load_live(cli->db, r->id, &rep);
	if (s != GN_OK)
		return gn_cli_fail(s == GN_ERR_NOT_FOUND ? GN_ERR_DUPLICATE : s, NULL);
	char date[11], due[11];
	gn_date_format_dmy(rep.submitted_on, date);
	gn_date_format_dmy(r->due, due);
	char *by = gn_text_sanitize(rep.submitted_by);
	char *title = gn_text_sanitize(r->title);
	fprintf(stderr, _("giamngheo: %s has already submitted '%s' due %s: report %lld, dated %s, by %s.\n"),
		r->agency_code, title ? title : "", due, rep.id, date, by ? by : "");
	free(title);
	fprintf(stderr, _("To correct it: giamngheo submit --correct %lld with what changes (--date, --by, --summary, --figures).\n"
			  "To take it back: giamngheo withdraw %lld\n"), rep.id, rep.id);
	free(by);
	gn_report_clear(&rep);
	return GN_EXIT_USER;
}

static bool in_future(gn_cli *cli, gn_date d)
{
	if (gn_date_cmp(d, cli->today) <= 0)
		return false;
	char date[11], today[11];
	gn_date_format_dmy(d, date);
	gn_date_format_dmy(cli->today, today);
	fprintf(stderr, _("giamngheo: the date of a submission cannot be after today (%s > %s)\n"), date, today);
	return true;
}

/* A conflict: say what is stored now. */
static int report_conflict(long long id, gn_report *now)
{
	char date[11];
	gn_date_format_dmy(now->submitted_on, date);
	if (now->withdrawn)
		fprintf(stderr, _("giamngheo: report %lld was withdrawn by %s at %s; nothing changed\n"), id,
			now->updated_by, now->updated_at);
	else
		fprintf(stderr, _("giamngheo: report %lld was changed by %s at %s (now version %d: dated %s); "
				  "check it and repeat the correction with --version %d\n"),
			id, now->updated_by, now->updated_at, now->version, date, now->version);
	gn_report_clear(now);
	return GN_EXIT_USER;
}

typedef struct {
	const char *agency, *rule, *by, *summary, *figures;
	long long deadline_id, correct_id;
	gn_date due, date;
	int version;      /* 0: not given */
} submit_args;

static int record(gn_cli *cli, const submit_args *a)
{
	if (!a->by)
		return gn_cli_usage_error("%s", _("submit needs --by NAME (who submitted the report)"));
	if (!a->deadline_id && !(a->agency && a->rule && gn_date_is_set(a->due)))
		return gn_cli_usage_error("%s", _("submit needs --agency CODE with --rule CODE and --due DATE, or --deadline ID"));
	if (a->deadline_id && (a->rule || gn_date_is_set(a->due)))
		return gn_cli_usage_error("%s", _("give either --deadline ID or --rule and --due, not both"));
	gn_date on = gn_date_is_set(a->date) ? a->date : cli->today;
	if (in_future(cli, on))
		return GN_EXIT_USER;

	/* Instances follow the rules and assignments as they are now. */
	gn_status s = gn_deadline_sync(cli->db);
	if (s != GN_OK && s != GN_ERR_NOT_FOUND)
		return gn_cli_fail(s, NULL);
	gn_agency agency = { 0 };
	int rc = a->agency ? agency_by_code(cli, a->agency, &agency) : GN_EXIT_OK;
	long long id = a->deadline_id;
	if (rc == GN_EXIT_OK && !id)
		rc = find_instance(cli, &agency, a->rule, a->due, &id);
	gn_deadline_row row;
	if (rc == GN_EXIT_OK)
		rc = load_instance(cli, id, &row);
	if (rc != GN_EXIT_OK)
		return rc;
	if (a->agency && row.agency_id != agency.id) {
		fprintf(stderr, _("giamngheo: deadline %lld is %s's, not %s's\n"), id, row.agency_code, agency.code);
		return GN_EXIT_USER;
	}
	long long report_id;
	s = gn_report_record(cli->db, id, on, a->by, a->summary, a->figures, &report_id);
	if (s == GN_ERR_DUPLICATE)
		return already_submitted(cli, &row);
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, "%s", _("giamngheo: --by needs a name, and the texts must be UTF-8\n"));
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	gn_report rep;
	if ((s = gn_report_load(cli->db, report_id, &rep)) != GN_OK)
		return gn_cli_fail(s, NULL);
	printf(_("Recorded report %lld: "), report_id);
	print_instance(&row);
	print_submission(&row, rep.submitted_on, rep.submitted_by);
	gn_report_clear(&rep);
	return GN_EXIT_OK;
}

static int correct(gn_cli *cli, const submit_args *a)
{
	if (a->agency || a->rule || a->deadline_id || gn_date_is_set(a->due))
		return gn_cli_usage_error("%s", _("a correction keeps its deadline: to file under another one, withdraw the report and submit again"));
	if (!a->by && !a->summary && !a->figures && !gn_date_is_set(a->date))
		return gn_cli_usage_error("%s", _("nothing to correct: give --date, --by, --summary or --figures"));
	if (gn_date_is_set(a->date) && in_future(cli, a->date))
		return GN_EXIT_USER;
	gn_report rep;
	gn_status s = gn_report_load(cli->db, a->correct_id, &rep);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: no report with id %lld\n"), a->correct_id);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	if (rep.withdrawn) {
		fprintf(stderr, _("giamngheo: report %lld was withdrawn; record a new submission with 'giamngheo submit'\n"),
			rep.id);
		gn_report_clear(&rep);
		return GN_EXIT_USER;
	}
	if (a->version && a->version != rep.version)
		return report_conflict(rep.id, &rep);
	if (gn_date_is_set(a->date))
		rep.submitted_on = a->date;
	if (a->by)
		snprintf(rep.submitted_by, sizeof rep.submitted_by, "%s", a->by);
	char *sum = a->summary ? strdup(a->summary) : NULL, *fig = a->figures ? strdup(a->figures) : NULL;
	if ((a->summary && !sum) || (a->figures && !fig)) {
		free(sum);
		free(fig);
		gn_report_clear(&rep);
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	}
	if (sum) {
		free(rep.summary);
		rep.summary = sum;
	}
	if (fig) {
		free(rep.content);
		rep.content = fig;
	}
	if (a->by && strlen(a->by) >= sizeof rep.submitted_by)
		s = GN_ERR_INVALID;
	gn_report now;
	if (s == GN_OK)
		s = gn_report_correct(cli->db, &rep, &now);
	if (s == GN_ERR_CONFLICT) {
		gn_report_clear(&rep);
		return report_conflict(a->correct_id, &now);
	}
	if (s == GN_ERR_INVALID) {
		gn_report_clear(&rep);
		fprintf(stderr, "%s", _("giamngheo: --by needs a name, and the texts must be UTF-8\n"));
		return GN_EXIT_USER;
	}
	gn_deadline_row row;
	int rc = s == GN_OK ? load_instance(cli, rep.deadline_id, &row) : gn_cli_fail(s, NULL);
	if (rc == GN_EXIT_OK) {
		printf(_("Corrected report %lld (version %d): "), rep.id, rep.version);
		print_instance(&row);
		print_submission(&row, rep.submitted_on, rep.submitted_by);
	}
	gn_report_clear(&rep);
	return rc;
}

int gn_cmd_submit(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "agency", required_argument, NULL, 'a' },
		{ "rule", required_argument, NULL, 'r' },
		{ "due", required_argument, NULL, 'u' },
		{ "deadline", required_argument, NULL, 'D' },
		{ "date", required_argument, NULL, 'd' },
		{ "by", required_argument, NULL, 'b' },
		{ "summary", required_argument, NULL, 's' },
		{ "figures", required_argument, NULL, 'f' },
		{ "correct", required_argument, NULL, 'c' },
		{ "version", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	submit_args a = { 0 };
	long long version = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'a':
			a.agency = optarg;
			break;
		case 'r':
			a.rule = optarg;
			break;
		case 'u':
			if (!gn_cli_date(optarg, &a.due))
				return GN_EXIT_USER;
			break;
		case 'D':
			if (!parse_id(optarg, "--deadline", &a.deadline_id))
				return GN_EXIT_USAGE;
			break;
		case 'd':
			if (!gn_cli_date(optarg, &a.date))
				return GN_EXIT_USER;
			break;
		case 'b':
			a.by = optarg;
			break;
		case 's':
			a.summary = optarg;
			break;
		case 'f':
			a.figures = optarg;
			break;
		case 'c':
			if (!parse_id(optarg, "--correct", &a.correct_id))
				return GN_EXIT_USAGE;
			break;
		case 'v':
			if (!parse_id(optarg, "--version", &version) || version > 1000000000)
				return GN_EXIT_USAGE;
			a.version = (int)version;
			break;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	if (a.version && !a.correct_id)
		return gn_cli_usage_error("%s", _("--version goes with --correct ID"));
	return a.correct_id ? correct(cli, &a) : record(cli, &a);
}

int gn_cmd_withdraw(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	long long version = 0, id = 0;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'v') {
			if (!parse_id(optarg, "--version", &version) || version > 1000000000)
				return GN_EXIT_USAGE;
		} else {
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return gn_cli_usage_error("%s", _("withdraw needs the id of the report (REPORT_ID)"));
	if (optind + 1 < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind + 1]);
	if (!parse_id(argv[optind], "withdraw", &id))
		return GN_EXIT_USAGE;
	gn_report rep;
	gn_status s = gn_report_load(cli->db, id, &rep);
	if (s == GN_ERR_NOT_FOUND) {
		fprintf(stderr, _("giamngheo: no report with id %lld\n"), id);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	if (rep.withdrawn) {
		fprintf(stderr, _("giamngheo: report %lld is already withdrawn\n"), id);
		gn_report_clear(&rep);
		return GN_EXIT_USER;
	}
	if (version && version != rep.version)
		return report_conflict(id, &rep);
	gn_report now;
	s = gn_report_withdraw(cli->db, id, rep.version, &now);
	if (s == GN_ERR_CONFLICT) {
		gn_report_clear(&rep);
		return report_conflict(id, &now);
	}
	gn_deadline_row row;
	int rc = s == GN_OK ? load_instance(cli, rep.deadline_id, &row) : gn_cli_fail(s, NULL);
	if (rc == GN_EXIT_OK) {
		char status[64];
		gn_deadline_status_describe(row.status, row.due, cli->today, status, sizeof status);
		printf(_("Withdrew report %lld: "), id);
		print_instance(&row);
		printf(_(". The deadline is open again: %s.\n"), status);
	}
	gn_report_clear(&rep);
	return rc;
}
