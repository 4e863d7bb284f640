#ifndef GIAMNGHEO_CLI_H
#define GIAMNGHEO_CLI_H

#include "giamngheo/config.h"
#include "giamngheo/date.h"
#include "giamngheo/db.h"
#include "giamngheo/standard.h"
#include "output.h"

enum { GN_EXIT_OK = 0, GN_EXIT_USER = 1, GN_EXIT_USAGE = 2 };

/* What every command gets: the open database, settings and "today". */
typedef struct {
	gn_db *db;
	gn_config cfg;
	char db_path[PATH_MAX];
	gn_date today;
} gn_cli;

int gn_cli_main(int argc, char **argv);

/* Prints "giamngheo: message" on stderr and returns the exit status for it. */
/* "giamngheo: " and the message on stderr, made safe for the terminal (it
 * may quote arguments, paths and stored text). */
void gn_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int gn_cli_fail(gn_status st, const char *context);
int gn_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parses a dd/mm/yyyy option value, or says what is wrong with it (false). */
bool gn_cli_date(const char *text, gn_date *out);

/* Parses --format's value or reports a usage error (returns false). */
bool gn_cli_format(const char *name, gn_format *out);

/* Records in the audit log that a list of personal data left as CSV or
 * JSON (a table is for reading on the terminal). */
void gn_cli_log_export(gn_cli *cli, const char *command, gn_format fmt);

/* Loads the ward's current standard (or the one named by code). */
gn_status gn_cli_standard(gn_cli *cli, const char *code, gn_standard *out);

int gn_cmd_init(gn_cli *cli, int argc, char **argv);
int gn_cmd_demo(gn_cli *cli, int argc, char **argv);
int gn_cmd_stats(gn_cli *cli, int argc, char **argv);
int gn_cmd_households(gn_cli *cli, int argc, char **argv);
int gn_cmd_household(gn_cli *cli, int argc, char **argv);
int gn_cmd_agencies(gn_cli *cli, int argc, char **argv);
int gn_cmd_deadlines(gn_cli *cli, int argc, char **argv);
int gn_cmd_search(gn_cli *cli, int argc, char **argv);
int gn_cmd_remind(gn_cli *cli, int argc, char **argv);
int gn_cmd_agenda(gn_cli *cli, int argc, char **argv);
int gn_cmd_report(gn_cli *cli, int argc, char **argv);
int gn_cmd_rules(gn_cli *cli, int argc, char **argv);
int gn_cmd_submit(gn_cli *cli, int argc, char **argv);
int gn_cmd_withdraw(gn_cli *cli, int argc, char **argv);
int gn_cmd_import(gn_cli *cli, int argc, char **argv);
int gn_cmd_backup(gn_cli *cli, int argc, char **argv);
int gn_cmd_restore(gn_cli *cli, int argc, char **argv);
int gn_cmd_check(gn_cli *cli, int argc, char **argv);
int gn_cmd_audit(gn_cli *cli, int argc, char **argv);
int gn_cmd_users(gn_cli *cli, int argc, char **argv);
/* Opens no database itself: it examines the installation, a missing or
 * broken database included. */
int gn_cmd_doctor(gn_cli *cli, int argc, char **argv);

#endif
