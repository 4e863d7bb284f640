/* giamngheo audit: who changed what, when, with the old and new values. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/audit.h"
#include "giamngheo/household.h"
#include "giamngheo/i18n.h"
#include "giamngheo/text.h"

/* A value longer than this many columns is clipped in the table (CSV and
 * JSON keep it whole). */
#define VALUE_COLS 60

static const char *const entities[] = {
	"household", "member", "household_indicator", "assignment", "support_item", "agency", "staff",
	"report", "deadline_rule", "ward", "standard", "indicator", "tdp", "account", "export_log",
};

static bool known_entity(const char *name)
{
	for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (strcmp(entities[i], name) == 0)
			return true;
	return false;
}

static bool parse_count(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || v < 0 || v > 100000000)
		return false;
	*out = (int)v;
	return true;
}

/* "27/11/2026 09:15 UTC" from the stored 2026-11-27T09:15:00Z. */
static void format_stamp(const char *at, char *buf, size_t size)
{
	gn_date day;
	char iso[11], dmy[11];
	snprintf(iso, sizeof iso, "%.10s", at);
	if (strlen(at) < 16 || gn_date_parse_iso(iso, &day) != GN_DATE_OK) {
		snprintf(buf, size, "%s", at);
		return;
	}
	gn_date_format_dmy(day, dmy);
	snprintf(buf, size, "%s %.5s UTC", dmy, at + 11);
}

static void write_table_or_csv(gn_format fmt, const gn_audit_change *c, int n)
{
	const char *headers[] = { _("When"), _("Who"), _("Record"), _("Action"), _("Change"),
				  "", "", "", "", "" };
	const char *keys[] = { "id", "at", "actor", "entity", "entity_id", "record", "action", "field", "old",
			       "new" };
	gn_out *o = fmt == GN_FMT_TABLE ? gn_out_new(stdout, fmt, 5, headers, keys)
					: gn_out_new(stdout, fmt, 10, keys, keys);
	if (!o) {
		gn_cli_fail(GN_ERR_NOMEM, NULL);
		return;
	}
	for (int i = 0; i < n; i++) {
		char id[24], entity_id[24], when[40], record[160];
		snprintf(id, sizeof id, "%lld", c[i].id);
		snprintf(entity_id, sizeof entity_id, "%lld", c[i].entity_id);
		format_stamp(c[i].at, when, sizeof when);
		if (c[i].label[0])
			snprintf(record, sizeof record, "%s %s", c[i].entity, c[i].label);
		else
			snprintf(record, sizeof record, "%s #%lld", c[i].entity, c[i].entity_id);
		for (int k = 0; k < c[i].n_fields || (k == 0 && c[i].n_fields == 0); k++) {
			const gn_audit_field *f = c[i].n_fields ? &c[i].fields[k] : NULL;
			if (fmt == GN_FMT_TABLE) {
				char before[320], after[320], change[720] = "";
				if (f) {
					gn_audit_value_shown(f->before, VALUE_COLS, before, sizeof before);
					gn_audit_value_shown(f->after, VALUE_COLS, after, sizeof after);
					snprintf(change, sizeof change, "%s: %s → %s", f->field, before, after);
				}
				bool first = k == 0;
				const char *cells[] = { first ? when : "", first ? c[i].actor : "",
							first ? record : "", first ? gn_audit_action_label(&c[i]) : "",
							change };
				gn_out_row(o, cells);
			} else {
				const char *cells[] = { id, c[i].at, c[i].actor, c[i].entity, entity_id, c[i].label,
							c[i].action, f ? f->field : "", f && f->before ? f->before : "",
							f && f->after ? f->after : "" };
				gn_out_row(o, cells);
			}
		}
	}
	gn_out_finish(o);
}

static void json_string(const char *s)
{
	if (!s) {
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p < 0x20 || *p == 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/* JSON nests the fields in each change. */
static void write_json(const gn_audit_change *c, int n)
{
	putchar('[');
	for (int i = 0; i < n; i++) {
		printf("%s {\"id\": %lld, \"at\": ", i ? ",\n" : "\n", c[i].id);
		json_string(c[i].at);
		fputs(", \"actor\": ", stdout);
		json_string(c[i].actor);
		fputs(", \"entity\": ", stdout);
		json_string(c[i].entity);
		printf(", \"entity_id\": %lld, \"record\": ", c[i].entity_id);
		json_string(c[i].label);
		if (c[i].household_id)
			printf(", \"household_id\": %lld", c[i].household_id);
		else
			fputs(", \"household_id\": null", stdout);
		fputs(", \"action\": ", stdout);
		json_string(c[i].action);
		fputs(", \"changes\": [", stdout);
		for (int k = 0; k < c[i].n_fields; k++) {
			fputs(k ? ", {\"field\": " : "{\"field\": ", stdout);
			json_string(c[i].fields[k].field);
			fputs(", \"old\": ", stdout);
			json_string(c[i].fields[k].before);
			fputs(", \"new\": ", stdout);
			json_string(c[i].fields[k].after);
			putchar('}');
		}
		fputs("]}", stdout);
	}
	fputs(n ? "\n]\n" : "]\n", stdout);
}

static void print_help(void)
{
	printf(_("Usage: giamngheo audit [OPTION]...\n"
		 "Who changed what and when, with the old and new values, newest first.\n\n"
		 "  --household CODE   the household and its members, indicators, helpers, support\n"
		 "  --entity KIND      household, member, household_indicator, assignment, support_item,\n"
		 "                     agency, staff, report, deadline_rule, ward, account or\n"
		 "                     export_log\n"
		 "  --id N             the record with this id (with --entity)\n"
		 "  --user LOGIN       changes made by this user\n"
		 "  --since DATE       from this day (DD/MM/YYYY, UTC)\n"
		 "  --until DATE       up to and including this day\n"
		 "  --limit N          at most N changes; --offset N skips the newest N\n"
		 "  --format table|csv|json\n"));
}

int gn_cmd_audit(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "entity", required_argument, NULL, 'e' },
		{ "id", required_argument, NULL, 'i' },
		{ "household", required_argument, NULL, 'H' },
		{ "user", required_argument, NULL, 'u' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 't' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	gn_audit_filter f = { 0 };
	gn_format fmt = GN_FMT_TABLE;
	const char *household_code = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (!known_entity(optarg))
				return gn_cli_usage_error(_("unknown kind of record '%s'"), optarg);
			f.entity = optarg;
			break;
		case 'i': {
			int id;
			if (!parse_count(optarg, &id) || id == 0)
				return gn_cli_usage_error(_("%s needs a positive number, not '%s'"), "--id", optarg);
			f.entity_id = id;
			break;
		}
		case 'H':
			household_code = optarg;
			break;
		case 'u':
			f.actor = optarg;
			break;
		case 's':
			if (!gn_cli_date(optarg, &f.since))
				return GN_EXIT_USER;
			break;
		case 't':
			if (!gn_cli_date(optarg, &f.until))
				return GN_EXIT_USER;
			break;
		case 'n':
			if (!parse_count(optarg, &f.limit))
				return gn_cli_usage_error(_("%s needs a positive number, not '%s'"), "--limit", optarg);
			break;
		case 'o':
			if (!parse_count(optarg, &f.offset))
				return gn_cli_usage_error(_("%s needs a positive number, not '%s'"), "--offset", optarg);
			break;
		case 'F':
			if (!gn_cli_format(optarg, &fmt))
				return GN_EXIT_USAGE;
			break;
		case 'h':
			print_help();
			return GN_EXIT_OK;
		default:
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		}
	}
	if (optind < argc)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[optind]);
	if (f.entity_id && !f.entity)
		return gn_cli_usage_error(_("--id needs --entity"));
	if (household_code) {
		gn_household h;
		gn_status s = gn_household_load_code(cli->db, household_code, &h);
		if (s == GN_ERR_NOT_FOUND) {
			gn_cli_error(_("no household with code '%s'"), household_code);
			return GN_EXIT_USER;
		}
		if (s != GN_OK)
			return gn_cli_fail(s, NULL);
		f.household_id = h.id;
		gn_household_clear(&h);
	}

	gn_audit_change *changes;
	int n;
	gn_status s = gn_audit_query(cli->db, &f, &changes, &n);
	if (s != GN_OK)
		return gn_cli_fail(s, NULL);
	if (fmt == GN_FMT_JSON)
		write_json(changes, n);
	else
		write_table_or_csv(fmt, changes, n);
	gn_audit_changes_free(changes, n);
	gn_cli_log_export(cli, "audit", fmt);
	return GN_EXIT_OK;
}
