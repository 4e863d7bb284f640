#ifndef GIAMNGHEO_IDENT_H
#define GIAMNGHEO_IDENT_H

#include "giamngheo/status.h"

/* Citizen ID (CCCD): 12 digits; spaces, dots and dashes typed between
 * digits are dropped. out must hold 13 bytes. */
gn_status gn_cccd_normalize(const char *in, char *out);

/* Vietnamese phone numbers: mobile 0[35789]xxxxxxxx (10 digits) or landline
 * 02xxxxxxxxx (11 digits); +84 / 84 prefixes become 0; spaces, dots, dashes
 * and brackets are dropped. out must hold 16 bytes. */
gn_status gn_phone_normalize(const char *in, char *out);

#endif
