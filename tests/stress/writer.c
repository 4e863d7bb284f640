/* One officer of the load and crash tests (tests/stress/load.sh, crash.sh):
 * saves household after household through the core API, as the app does,
 * for a bounded time, and writes down every change the core acknowledged.
 *
 *   writer --db FILE --id N --seconds S --households H --seed X --log FILE
 *          [--stats FILE]
 *
 * Each change sets the notes of one of the first H households (chosen at
 * random, so that writers overlap) to a value of its own, "w<N>-<k>", where
 * k counts this writer's acknowledged changes: a change that is refused is
 * tried again with the same value, so a save reported as failed that did
 * in fact commit shows up as a duplicate in the audit log.
 *
 * A stale save (GN_ERR_CONFLICT) is retried on a fresh load, a busy
 * database (GN_ERR_BUSY) simply again, both a bounded number of times. Only
 * when gn_household_update returns GN_OK is "w<N>-<k>" appended to the log,
 * in one write(2), and the log synced: that line is the acknowledgement the
 * tests hold the database to. Any other status is an error.
 *
 * At the end one line of figures is printed; with --stats the same figures
 * are rewritten in place after every save, so that a writer killed with
 * SIGKILL still leaves them behind. Exit status: 0, or 1 when a save failed
 * with an unexpected status, 2 on wrong usage or when the database could not
 * be opened. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "giamngheo/db.h"
#include "giamngheo/household.h"
#include "giamngheo/status.h"

/* Tries of one change before it is given up (and tried again, same value,
 * on another household). */
#define MAX_TRIES 50

typedef struct {
	long attempted;  /* changes (distinct values) set out to save */
	long saves;      /* calls of gn_household_update */
	long committed;  /* acknowledged: GN_OK, logged */
	long conflicts;  /* GN_ERR_CONFLICT, retried on a fresh load */
	long busy;       /* GN_ERR_BUSY (load or save), retried */
	long given_up;   /* changes abandoned after MAX_TRIES */
	long errors;     /* any other status */
} figures;

static uint64_t rng_state;

static uint64_t next64(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int format_figures(char *buf, size_t size, int id, const figures *f)
{
	return snprintf(buf, size,
			"writer %d: attempted=%ld committed=%ld conflicts=%ld busy_retries=%ld"
			" given_up=%ld errors=%ld saves=%ld\n",
			id, f->attempted, f->committed, f->conflicts, f->busy, f->given_up, f->errors,
			f->saves);
}

/* Rewrites the stats file in place: a fixed-width record, so a reader never
 * sees the tail of an older, longer one. */
static void write_stats(int fd, int id, const figures *f)
{
	if (fd < 0)
		return;
	char line[256];
	int n = format_figures(line, sizeof line, id, f);
	if (n < 0 || n >= (int)sizeof line)
		return;
	char rec[256];
	memset(rec, ' ', sizeof rec);
	memcpy(rec, line, (size_t)n - 1);
	rec[sizeof rec - 1] = '\n';
	if (pwrite(fd, rec, sizeof rec, 0) != (ssize_t)sizeof rec)
		perror("writer: stats");
}

/* Appends one acknowledged value in a single write and syncs it. */
static int acknowledge(int fd, const char *value)
{
	char line[64];
	int n = snprintf(line, sizeof line, "%s\n", value);
	if (n < 0 || n >= (int)sizeof line)
		return -1;
	if (write(fd, line, (size_t)n) != n)
		return -1;
	return fsync(fd);
}

static void usage(void)
{
	fprintf(stderr, "usage: writer --db FILE --id N --seconds S --households H --seed X"
			" --log FILE [--stats FILE]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *path = NULL, *log_path = NULL, *stats_path = NULL;
	int id = -1;
	double seconds = -1;
	long households = 0;
	unsigned long long seed = 1;
	for (int i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			usage();
		const char *opt = argv[i], *val = argv[++i];
		if (!strcmp(opt, "--db"))
			path = val;
		else if (!strcmp(opt, "--id"))
			id = atoi(val);
		else if (!strcmp(opt, "--seconds"))
			seconds = atof(val);
		else if (!strcmp(opt, "--households"))
			households = atol(val);
		else if (!strcmp(opt, "--seed"))
			seed = strtoull(val, NULL, 10);
		else if (!strcmp(opt, "--log"))
			log_path = val;
		else if (!strcmp(opt, "--stats"))
			stats_path = val;
		else
			usage();
	}
	if (!path || !log_path || id < 0 || seconds < 0 || households < 1)
		usage();
	rng_state = seed * 1000003ULL + (unsigned long long)id;

	int log_fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (log_fd < 0) {
		fprintf(stderr, "writer %d: %s: %s\n", id, log_path, strerror(errno));
		return 2;
	}
	int stats_fd = -1;
	if (stats_path && (stats_fd = open(stats_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600)) < 0) {
		fprintf(stderr, "writer %d: %s: %s\n", id, stats_path, strerror(errno));
		return 2;
	}

	gn_db *db = NULL;
	gn_status st = gn_db_open(path, false, &db);
	if (st != GN_OK) {
		fprintf(stderr, "writer %d: cannot open %s: status %d (%s)\n", id, path, (int)st,
			gn_status_message(st));
		return 2;
	}
	char actor[32];
	snprintf(actor, sizeof actor, "w%d", id);
	gn_db_set_actor(db, actor);

	figures f = { 0 };
	write_stats(stats_fd, id, &f);
	const double end = now_s() + seconds;
	char value[48];
	while (now_s() < end) {
		long long hh = 1 + (long long)(next64() % (uint64_t)households);
		snprintf(value, sizeof value, "w%d-%ld", id, f.committed);
		f.attempted++;
		write_stats(stats_fd, id, &f);
		int done = 0;
		for (int t = 0; t < MAX_TRIES && !done; t++) {
			gn_household h;
			memset(&h, 0, sizeof h);
			st = gn_household_load(db, hh, &h);
			if (st == GN_ERR_BUSY) {
				f.busy++;
				continue;
			}
			if (st != GN_OK) {
				fprintf(stderr, "writer %d: loading household %lld: status %d (%s)\n", id, hh,
					(int)st, gn_status_message(st));
				f.errors++;
				done = -1;
				break;
			}
			char *notes = strdup(value);
			if (!notes) {
				gn_household_clear(&h);
				f.errors++;
				done = -1;
				break;
			}
			free(h.notes);
			h.notes = notes;
			f.saves++;
			st = gn_household_update(db, &h, NULL);
			gn_household_clear(&h);
			switch (st) {
			case GN_OK:
				if (acknowledge(log_fd, value) != 0) {
					fprintf(stderr, "writer %d: log: %s\n", id, strerror(errno));
					f.errors++;
					done = -1;
					break;
				}
				f.committed++;
				done = 1;
				break;
			case GN_ERR_CONFLICT:
				f.conflicts++;
				break;
			case GN_ERR_BUSY:
				f.busy++;
				break;
			default:
				fprintf(stderr, "writer %d: saving %s to household %lld: status %d (%s)\n", id,
					value, hh, (int)st, gn_status_message(st));
				f.errors++;
				done = -1;
				break;
			}
			write_stats(stats_fd, id, &f);
		}
		if (!done)
			f.given_up++;
		if (f.errors)
			break;
	}
	gn_db_close(db);
	write_stats(stats_fd, id, &f);
	char line[256];
	format_figures(line, sizeof line, id, &f);
	fputs(line, stdout);
	close(log_fd);
	if (stats_fd >= 0)
		close(stats_fd);
	return f.errors ? 1 : 0;
}
