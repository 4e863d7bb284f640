/* backup, restore, check and doctor: looking after the shared database. */
#include <errno.h>
#include <grp.h>
#include <langinfo.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "cli.h"
#include "giamngheo/i18n.h"
#include "giamngheo/maintenance.h"
#include "giamngheo/migrate.h"
#include "giamngheo/paths.h"
#include "giamngheo/text.h"

/* Below this, a busy ward can fill the disk between two checks. */
#define LOW_DISK_BYTES (100LL * 1024 * 1024)

static void human_size(long long bytes, char *buf, size_t size)
{
	if (bytes < 1024)
		snprintf(buf, size, _("%lld bytes"), bytes);
	else if (bytes < 1024LL * 1024)
		snprintf(buf, size, _("%lld KB"), (bytes + 1023) / 1024);
	else if (bytes < 1024LL * 1024 * 1024)
		snprintf(buf, size, _("%lld MB"), (bytes + 1024 * 1024 - 1) / (1024 * 1024));
	else
		snprintf(buf, size, _("%lld GB"), bytes / (1024LL * 1024 * 1024));
}

/* FILE plus flags, in any order; false after a usage error. */
static bool one_file(int argc, char **argv, const char *flag, bool *flag_set, const char **file, int *rc)
{
	*file = NULL;
	for (int i = 1; i < argc; i++) {
		if (flag && strcmp(argv[i], flag) == 0) {
			*flag_set = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			*rc = gn_cli_usage_error(_("unknown option '%s'"), argv[i]);
			return false;
		} else if (*file) {
			*rc = gn_cli_usage_error(_("unexpected argument '%s'"), argv[i]);
			return false;
		} else {
			*file = argv[i];
		}
	}
	if (!*file) {
		*rc = gn_cli_usage_error(_("%s needs a FILE"), argv[0]);
		return false;
	}
	return true;
}

int gn_cmd_backup(gn_cli *cli, int argc, char **argv)
{
	bool force = false;
	const char *file;
	int rc;
	if (!one_file(argc, argv, "--force", &force, &file, &rc))
		return rc;
	long long size = 0;
	gn_status s = gn_backup(cli->db, file, force, &size);
	if (s == GN_ERR_DUPLICATE) {
		fprintf(stderr, _("giamngheo: %s already exists; choose another name, or add --force to "
				  "replace it.\n"), file);
		return GN_EXIT_USER;
	}
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, _("giamngheo: %s is the database itself or not a regular file; "
				  "write the backup to another file.\n"), file);
		return GN_EXIT_USER;
	}
	if (s != GN_OK) {
		fprintf(stderr, _("giamngheo: the backup to %s failed: %s\n"), file, gn_status_message(s));
		return GN_EXIT_USER;
	}
	char human[32];
	human_size(size, human, sizeof human);
	printf(_("Backup written: %s (%s), readable by the owner and the group only.\n"), file, human);
	return GN_EXIT_OK;
}

int gn_cmd_restore(gn_cli *cli, int argc, char **argv)
{
	const char *file;
	int rc;
	if (!one_file(argc, argv, NULL, NULL, &file, &rc))
		return rc;
	int version;
	switch (gn_db_file_inspect(file, &version)) {
	case GN_FILE_OK:
		break;
	case GN_FILE_UNREADABLE:
		fprintf(stderr, _("giamngheo: %s cannot be read (check the name and its permissions); "
				  "nothing was changed.\n"), file);
		return GN_EXIT_USER;
	case GN_FILE_NOT_DATABASE:
	case GN_FILE_NOT_GIAMNGHEO:
		fprintf(stderr, _("giamngheo: %s is not a giamngheo database; nothing was changed.\n"), file);
		return GN_EXIT_USER;
	case GN_FILE_NEWER:
		fprintf(stderr, _("giamngheo: %s was made by a newer version of giamngheo (schema %d, this "
				  "program knows %d); update the program first. Nothing was changed.\n"),
			file, version, gn_migrate_latest());
		return GN_EXIT_USER;
	case GN_FILE_DAMAGED:
		fprintf(stderr, _("giamngheo: %s is damaged (its integrity check failed); choose another "
				  "backup. Nothing was changed.\n"), file);
		return GN_EXIT_USER;
	}
	char safety[PATH_MAX + 64];
	gn_status s = gn_restore(cli->db, cli->db_path, file, safety, sizeof safety);
	if (safety[0])
		printf(_("Safety copy of the data before the restore: %s\n"), safety);
	if (s == GN_ERR_INVALID) {
		fprintf(stderr, _("giamngheo: %s is the database itself; nothing to restore.\n"), file);
		return GN_EXIT_USER;
	}
	if (s != GN_OK) {
		fprintf(stderr, _("giamngheo: the restore from %s failed, the database is unchanged: %s\n"),
			file, gn_status_message(s));
		return GN_EXIT_USER;
	}
	if (version < gn_migrate_latest())
		printf(_("Restored %s into %s and brought it from schema %d up to %d.\n"), file, cli->db_path,
		       version, gn_migrate_latest());
	else
		printf(_("Restored %s into %s.\n"), file, cli->db_path);
	return GN_EXIT_OK;
}

static void print_check_line(void *ctx, bool ok, const char *text)
{
	(void)ctx;
	printf("%s: %s\n", ok ? _("ok") : _("problem"), text);
}

int gn_cmd_check(gn_cli *cli, int argc, char **argv)
{
	if (argc > 1)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[1]);
	int n = gn_db_check(cli->db, print_check_line, NULL);
	if (n < 0)
		return gn_cli_fail(GN_ERR_DB, cli->db_path);
	if (n > 0) {
		printf(ngettext("%d problem found in %s.\n", "%d problems found in %s.\n", (unsigned long)n), n,
		       cli->db_path);
		return GN_EXIT_USER;
	}
	printf(_("No problems found in %s.\n"), cli->db_path);
	return GN_EXIT_OK;
}

/* ---- doctor ---- */

typedef enum { D_OK, D_WARNING, D_PROBLEM } level;

typedef struct {
	int problems, warnings;
} doctor;

__attribute__((format(printf, 3, 4)))
static void say(doctor *d, level l, const char *fmt, ...)
{
	const char *label = l == D_OK ? _("ok") : l == D_WARNING ? _("warning") : _("problem");
	if (l == D_WARNING)
		d->warnings++;
	else if (l == D_PROBLEM)
		d->problems++;
	printf("%s: ", label);
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static void parent_dir(const char *path, char *out, size_t size)
{
	snprintf(out, size, "%s", path);
	char *slash = strrchr(out, '/');
	if (slash == out)
		out[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		snprintf(out, size, ".");
}

static const char *group_name(gid_t gid, char *buf, size_t size)
{
	const struct group *g = getgrgid(gid);
	if (g)
		snprintf(buf, size, "%s", g->gr_name);
	else
		snprintf(buf, size, "%lu", (unsigned long)gid);
	return buf;
}

static void doctor_config(doctor *d, const gn_cli *cli)
{
	char warn[4096];
	gn_config again;
	gn_config_load(cli->cfg.source[0] ? cli->cfg.source : NULL, &again, warn, sizeof warn);
	const char *system = SYSCONFDIR "/giamngheo/config.ini";
	if (cli->cfg.source[0]) {
		say(d, D_OK, _("configuration file: %s"), cli->cfg.source);
		struct stat st;
		if (stat(cli->cfg.source, &st) == 0 && (st.st_mode & S_IWOTH))
			say(d, D_PROBLEM, _("anyone can change %s, and so point everyone at another database: "
					    "chmod o-w %s"), cli->cfg.source, cli->cfg.source);
		if (strcmp(cli->cfg.source, system) != 0 && access(system, R_OK) == 0)
			say(d, D_WARNING, _("%s is used instead of the shared %s; remove it unless you mean "
					    "to work on another database"), cli->cfg.source, system);
	} else {
		say(d, D_OK, _("no configuration file; defaults are used (a shared installation puts "
			       "'database = ...' in %s)"), system);
	}
	for (char *line = warn, *next; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		char *safe = *line ? gn_text_sanitize(line) : NULL;
		if (safe)
			say(d, D_WARNING, _("%s (fix the configuration file)"), safe);
		free(safe);
	}
}

static void doctor_modes(doctor *d, const char *db_path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	char name[PATH_MAX + 8];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(name, sizeof name, "%s%s", db_path, suffixes[i]);
		struct stat st;
		if (stat(name, &st) != 0)
			continue;
		if (st.st_mode & S_IWOTH)
			say(d, D_PROBLEM, _("every user of this computer can change %s (mode %04o): chmod o-rwx %s"),
			    name, (unsigned)(st.st_mode & 07777), name);
		else if (st.st_mode & S_IROTH)
			say(d, D_WARNING, _("every user of this computer can read %s (mode %04o), which holds "
					    "personal data protected by Decree 13/2023: chmod o-rwx %s"),
			    name, (unsigned)(st.st_mode & 07777), name);
	}
}

static void doctor_file(doctor *d, const char *db_path, bool *readable)
{
	*readable = false;
	struct stat st;
	if (stat(db_path, &st) != 0) {
		say(d, D_PROBLEM, _("no database at %s: create it with 'giamngheo init', or set 'database = "
				    "...' in the configuration file to the shared one"), db_path);
		return;
	}
	if (!S_ISREG(st.st_mode)) {
		say(d, D_PROBLEM, _("%s is not a regular file: point the configuration at the database file"),
		    db_path);
		return;
	}
	char grp[64];
	const struct passwd *pw = getpwuid(st.st_uid);
	say(d, D_OK, _("database: %s (mode %04o, owner %s, group %s)"), db_path, (unsigned)(st.st_mode & 07777),
	    pw ? pw->pw_name : "?", group_name(st.st_gid, grp, sizeof grp));
	if (access(db_path, R_OK) != 0) {
		say(d, D_PROBLEM, _("you cannot read the database: ask the administrator to add your login to "
				    "group %s (and to give the group read and write permission)"), grp);
		return;
	}
	*readable = true;
	if (access(db_path, W_OK) != 0)
		say(d, D_WARNING, _("you can read but not save: the database must be writable by group %s and "
				    "your login must be in it"), grp);
	else
		say(d, D_OK, _("you can read and save"));
	/* A shared group (one with members listed) must be able to write, or
	 * only the owner can save. A personal group needs nothing. */
	const struct group *g = getgrgid(st.st_gid);
	if (g && g->gr_mem && g->gr_mem[0] && !(st.st_mode & S_IWGRP))
		say(d, D_WARNING, _("the other members of group %s cannot save: chmod g+rw %s"), grp, db_path);
	doctor_modes(d, db_path);
}

static void doctor_dir(doctor *d, const char *db_path)
{
	char dir[PATH_MAX];
	parent_dir(db_path, dir, sizeof dir);
	struct stat st;
	if (stat(dir, &st) != 0) {
		say(d, D_PROBLEM, _("the directory %s does not exist"), dir);
		return;
	}
	if (st.st_mode & (S_IROTH | S_IWOTH | S_IXOTH))
		say(d, D_WARNING, _("the directory %s is open to every user of this computer (mode %04o): "
				    "the database, its -wal file and any copy left there hold personal data "
				    "protected by Decree 13/2023; chmod o-rwx %s"),
		    dir, (unsigned)(st.st_mode & 07777), dir);
	else
		say(d, D_OK, _("the directory %s is closed to other users (mode %04o)"), dir,
		    (unsigned)(st.st_mode & 07777));
	if (access(dir, W_OK | X_OK) != 0)
		say(d, D_WARNING, _("you cannot create files in %s: SQLite needs to create the -wal and -shm "
				    "files there when nobody has the database open (make the directory "
				    "group-writable: chmod 2770 %s)"), dir, dir);
	/* In a directory shared through a group, files made by one officer
	 * (the -wal and -shm files, backups) must belong to that group too,
	 * which only the set-group-ID bit ensures. */
	const struct group *g = getgrgid(st.st_gid);
	if (g && g->gr_mem && g->gr_mem[0] && !(st.st_mode & S_ISGID))
		say(d, D_WARNING, _("files created in %s get the creator's own group instead of %s, so the "
				    "other officers may not open them: chmod g+s %s"), dir, g->gr_name, dir);

	struct statvfs vfs;
	if (statvfs(dir, &vfs) == 0) {
		long long avail = (long long)vfs.f_bavail * (long long)vfs.f_frsize;
		char human[32];
		human_size(avail, human, sizeof human);
		if (avail < LOW_DISK_BYTES)
			say(d, D_WARNING, _("only %s free on the disk of %s: saving fails when it is full; "
					    "free some space (old backups, logs)"), human, dir);
		else
			say(d, D_OK, _("%s free on the disk of the database"), human);
	}
}

static void doctor_schema(doctor *d, const char *db_path)
{
	sqlite3 *sql = NULL;
	sqlite3_stmt *st = NULL;
	int version = -1;
	char mode[16] = "";
	if (sqlite3_open_v2(db_path, &sql, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(sql, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (version >= 0 && sqlite3_prepare_v2(sql, "PRAGMA journal_mode", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (version < 0) {
		say(d, D_PROBLEM, _("the database cannot be read (%s): run 'giamngheo check', or restore the "
				    "latest backup with 'giamngheo restore FILE'"), sqlite3_errmsg(sql));
		sqlite3_close(sql);
		return;
	}
	sqlite3_close(sql);
	int latest = gn_migrate_latest();
	if (version > latest)
		say(d, D_PROBLEM, _("the database has schema version %d, made by a newer giamngheo (this one "
				    "knows %d): install the newer program on this computer"), version, latest);
	else if (version < latest)
		say(d, D_WARNING, _("the database has schema version %d, older than this program's %d: it is "
				    "brought up to date when someone who can write opens it (make a backup "
				    "first)"), version, latest);
	else
		say(d, D_OK, _("schema version %d, the same as this program"), version);
	if (strcmp(mode, "wal") == 0)
		say(d, D_OK, _("journal mode WAL: readers never block a save"));
	else
		say(d, D_WARNING, _("journal mode is '%s', not WAL: reading can block saving; it is switched to "
				    "WAL when someone who can write opens the database"), mode);
}

static void doctor_data(doctor *d)
{
	const char *env = getenv("GIAMNGHEO_THEMES_DIR");
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/default.ini", env && *env ? env : PKGDATADIR "/themes");
	if (access(path, R_OK) == 0)
		say(d, D_OK, _("colour themes found (%s)"), path);
	else
		say(d, D_WARNING, _("no colour themes in %s: the full-screen app uses its built-in colours; "
				    "reinstall (make install)"), PKGDATADIR "/themes");
	const char *rules = PKGDATADIR "/deadlines.ini";
	if (access(rules, R_OK) == 0)
		say(d, D_OK, _("the plan's deadline rules are installed (%s)"), rules);
	else
		say(d, D_WARNING, _("%s is missing: 'giamngheo rules --import' has no shipped rules to start "
				    "from; reinstall (make install)"), rules);
}

static void doctor_locale(doctor *d)
{
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		say(d, D_OK, _("the terminal character set is UTF-8"));
	else
		say(d, D_WARNING, _("the character set is %s, not UTF-8: Vietnamese letters may show wrongly "
				    "(install the C.UTF-8 locale)"), nl_langinfo(CODESET));
	char lang[8];
	snprintf(lang, sizeof lang, "%s", gn_i18n_lang());
	const char *dir = bindtextdomain("giamngheo", NULL);
	char where[PATH_MAX];
	snprintf(where, sizeof where, "%s", dir ? dir : LOCALEDIR);
	/* A msgid the catalogue has always translated. */
	static const char probe[] = "Done.";
	gn_i18n_init("vi");
	bool vietnamese = strcmp(gettext(probe), probe) != 0;
	gn_i18n_init(lang);
	if (vietnamese)
		say(d, D_OK, _("Vietnamese messages are available (%s)"), where);
	else
		say(d, D_WARNING, _("Vietnamese messages are missing: no giamngheo.mo under %s/vi/LC_MESSAGES; "
				    "reinstall (make install)"), where);
}

int gn_cmd_doctor(gn_cli *cli, int argc, char **argv)
{
	if (argc > 1)
		return gn_cli_usage_error(_("unexpected argument '%s'"), argv[1]);
	doctor d = { 0, 0 };
	doctor_config(&d, cli);
	if (!cli->db_path[0]) {
		say(&d, D_PROBLEM, _("no database path: set HOME, or 'database = ...' in the configuration file"));
	} else {
		bool readable;
		doctor_file(&d, cli->db_path, &readable);
		doctor_dir(&d, cli->db_path);
		if (readable)
			doctor_schema(&d, cli->db_path);
	}
	doctor_data(&d);
	doctor_locale(&d);
	if (d.problems > 0) {
		printf(ngettext("%d problem to fix (see above).\n", "%d problems to fix (see above).\n",
				(unsigned long)d.problems), d.problems);
		return GN_EXIT_USER;
	}
	if (d.warnings > 0)
		printf(ngettext("No problems; %d warning above.\n", "No problems; %d warnings above.\n",
				(unsigned long)d.warnings), d.warnings);
	else
		printf(_("The installation looks right.\n"));
	return GN_EXIT_OK;
}
