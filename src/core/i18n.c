#include "giamngheo/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char current_lang[8] = GN_LANG_DEFAULT;

/* Vietnamese needs UTF-8 whatever the SSH client sent; C.UTF-8 is present on
 * every Debian system, unlike vi_VN. */
static void ensure_utf8_locale(void)
{
	if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_ALL, "C.UTF-8");
}

/* Run from the build tree before `make install` (the quick start does),
 * LOCALEDIR has no catalogue yet: the one built beside the program keeps
 * the app in Vietnamese. */
static const char *catalogue_dir(void)
{
	const char *dir = getenv("GIAMNGHEO_LOCALEDIR");
	if (dir && *dir)
		return dir;
#ifdef BUILD_LOCALEDIR
	if (access(LOCALEDIR "/vi/LC_MESSAGES/giamngheo.mo", R_OK) != 0 &&
	    access(BUILD_LOCALEDIR "/vi/LC_MESSAGES/giamngheo.mo", R_OK) == 0)
		return BUILD_LOCALEDIR;
#endif
	return LOCALEDIR;
}

void gn_i18n_init(const char *lang)
{
	ensure_utf8_locale();
	if (lang && strcmp(lang, "en") == 0)
		strcpy(current_lang, "en");
	else
		strcpy(current_lang, GN_LANG_DEFAULT);
	/* LANGUAGE picks the catalogue without needing a vi_VN locale installed;
	 * glibc ignores it only under the plain "C" locale, avoided above. */
	setenv("LANGUAGE", current_lang, 1);
	if (strcmp(setlocale(LC_MESSAGES, NULL), "C") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain("giamngheo", catalogue_dir());
	bind_textdomain_codeset("giamngheo", "UTF-8");
	textdomain("giamngheo");
}

const char *gn_i18n_lang(void)
{
	return current_lang;
}
