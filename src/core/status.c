#include "giamngheo/status.h"

#include <stdarg.h>
#include <stdio.h>

#include "giamngheo/i18n.h"

static char refusal[512];

gn_status gn_status_refuse(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(refusal, sizeof refusal, fmt, ap);
	va_end(ap);
	return GN_ERR_FORBIDDEN;
}

const char *gn_status_message(gn_status st)
{
	switch (st) {
	case GN_OK:
		return _("Done.");
	case GN_ERR_INVALID:
		return _("The value is not valid.");
	case GN_ERR_NOT_FOUND:
		return _("Not found.");
	case GN_ERR_CONFLICT:
		return _("Someone else saved this record first; your changes were not written.");
	case GN_ERR_DUPLICATE:
		return _("That value is already used by another record.");
	case GN_ERR_BUSY:
		return _("The database is busy (another officer is saving); try again in a moment.");
	case GN_ERR_READONLY:
		return _("The database is read-only: changes cannot be saved.");
	case GN_ERR_SCHEMA_NEWER:
		return _("The database was made by a newer version of giamngheo; update the program.");
	case GN_ERR_DB:
		return _("The database file is damaged or is not a giamngheo database.");
	case GN_ERR_IO:
		return _("The database file cannot be opened or written (check the path, permissions and free disk space).");
	case GN_ERR_NOMEM:
		return _("Out of memory.");
	case GN_ERR_FORBIDDEN:
		return refusal[0] ? refusal : _("Your account does not allow this.");
	}
	return _("Unknown error.");
}
