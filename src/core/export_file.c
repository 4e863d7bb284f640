/* Writing a report to a file atomically: into a temporary file beside the
 * target (mkstemp), flushed to disk, then renamed over it, so a reader
 * never sees half a report and a failure leaves the old file in place. */
#include "giamngheo/export.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* path: a file, a directory (the suggested name goes inside), or empty for
 * the suggested name in the current directory. */
static bool target_path(const gn_report *r, gn_export_format f, const char *path, char *out,
			size_t size)
{
	char name[160];
	gn_export_file_name(r, f, name, sizeof name);
	int n;
	if (!path || !*path)
		n = snprintf(out, size, "%s", name);
	else if (is_directory(path))
		n = snprintf(out, size, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", name);
	else
		n = snprintf(out, size, "%s", path);
	return n > 0 && (size_t)n < size;
}

static gn_status write_stream(const gn_report *r, gn_export_format f, int fd)
{
	FILE *fp = fdopen(fd, "wb");
	if (!fp) {
		close(fd);
		return GN_ERR_IO;
	}
	gn_status s = f == GN_EXPORT_CSV ? gn_export_csv(r, fp) : gn_export_text(r, fp);
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0)
		s = s == GN_OK ? GN_ERR_IO : s;
	if (fclose(fp) != 0)
		s = s == GN_OK ? GN_ERR_IO : s;
	return s;
}

gn_status gn_export_file(const gn_report *r, gn_export_format f, const char *path,
			 char *written, size_t size)
{
	char target[PATH_MAX], dir_buf[PATH_MAX], base_buf[PATH_MAX], tmp[PATH_MAX];
	if (!target_path(r, f, path, target, sizeof target))
		return GN_ERR_INVALID;
	snprintf(dir_buf, sizeof dir_buf, "%s", target);
	snprintf(base_buf, sizeof base_buf, "%s", target);
	int n = snprintf(tmp, sizeof tmp, "%s/.%s.XXXXXX", dirname(dir_buf), basename(base_buf));
	if (n < 0 || (size_t)n >= sizeof tmp)
		return GN_ERR_INVALID;

	int fd = mkstemp(tmp);
	if (fd < 0)
		return GN_ERR_IO;
	/* mkstemp makes the file private; a report is as readable as any file
	 * the user creates. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);

	gn_status s;
	if (f == GN_EXPORT_XLSX) {
		close(fd);
		s = gn_export_xlsx(r, tmp);
		int sync_fd = s == GN_OK ? open(tmp, O_RDONLY) : -1;
		if (sync_fd >= 0) {
			if (fsync(sync_fd) != 0)
				s = GN_ERR_IO;
			close(sync_fd);
		}
	} else {
		s = write_stream(r, f, fd);
	}
	if (s == GN_OK && rename(tmp, target) != 0)
		s = GN_ERR_IO;
	if (s != GN_OK) {
		int saved = errno;
		unlink(tmp);
		errno = saved;
		return s;
	}
	if (written)
		snprintf(written, size, "%s", target);
	return GN_OK;
}
