#ifndef GIAMNGHEO_STATUS_H
#define GIAMNGHEO_STATUS_H

/* Every fallible core call returns one of these; the caller turns it into
 * words with gn_status_message() so that core never decides the language. */
typedef enum {
	GN_OK = 0,
	GN_ERR_INVALID,      /* the input does not parse or breaks a rule */
	GN_ERR_NOT_FOUND,
	GN_ERR_CONFLICT,     /* someone else saved the record first */
	GN_ERR_DUPLICATE,    /* a unique value (code, ID number) is taken */
	GN_ERR_BUSY,         /* the database stayed locked past the timeout */
	GN_ERR_READONLY,
	GN_ERR_SCHEMA_NEWER, /* the file was written by a newer giamngheo */
	GN_ERR_DB,
	GN_ERR_IO,
	GN_ERR_NOMEM,
	GN_ERR_FORBIDDEN     /* the user's role does not allow it; the message says why */
} gn_status;

/* Translated, for showing to the user. */
const char *gn_status_message(gn_status st);

/* Returns GN_ERR_FORBIDDEN and keeps the reason, already translated, as the
 * message of that status until the next refusal. A status carries no
 * context, and a process serves one user, so one reason is enough. */
gn_status gn_status_refuse(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#endif
