#ifndef GIAMNGHEO_I18N_H
#define GIAMNGHEO_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Language codes the product ships catalogues for. */
#define GN_LANG_DEFAULT "vi"

/* Sets up the locale (falling back to C.UTF-8 when the session's locale is
 * not UTF-8) and selects the message catalogue: lang is "vi" or "en"; NULL
 * or empty means the product default, Vietnamese. */
void gn_i18n_init(const char *lang);

/* The language in force after gn_i18n_init: "vi" or "en". */
const char *gn_i18n_lang(void);

#endif
