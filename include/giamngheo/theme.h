#ifndef GIAMNGHEO_THEME_H
#define GIAMNGHEO_THEME_H

#include <stddef.h>

#include "giamngheo/status.h"

/* Theme files and colour roles, without the terminal library: src/ui turns
 * a gn_style into screen attributes. */

enum { GN_ATTR_BOLD = 1, GN_ATTR_REVERSE = 2, GN_ATTR_UNDERLINE = 4, GN_ATTR_DIM = 8 };

/* The basic colours, numbered as the terminal library numbers them; 8..255 are the
 * 256-colour palette. */
enum {
	GN_COLOR_DEFAULT = -1, /* the terminal's own colour */
	GN_COLOR_BLACK,
	GN_COLOR_RED,
	GN_COLOR_GREEN,
	GN_COLOR_YELLOW,
	GN_COLOR_BLUE,
	GN_COLOR_MAGENTA,
	GN_COLOR_CYAN,
	GN_COLOR_WHITE
};

typedef struct {
	short fg, bg;   /* GN_COLOR_DEFAULT (-1) or 0..255 */
	unsigned attrs; /* GN_ATTR_* */
} gn_style;

/* Every colour role (ncdu's colour table): identifier, name in theme files,
 * the built-in default theme (= themes/default.ini: foreground, background,
 * attributes), and its monochrome twin (attributes only, = themes/mono.ini)
 * for terminals without colour or with NO_COLOR. */
#define GN_B GN_ATTR_BOLD
#define GN_R GN_ATTR_REVERSE
#define GN_U GN_ATTR_UNDERLINE
#define GN_D GN_ATTR_DIM
#define GN_COLOR_ROLES(X) \
	X(TITLE,         "title",         WHITE,   BLUE,    GN_B,        GN_B | GN_R) \
	X(MENU,          "menu",          BLACK,   CYAN,    0,           GN_R) \
	X(MENU_SELECTED, "menu_selected", WHITE,   BLUE,    GN_B,        GN_B) \
	X(STATUS,        "status",        BLACK,   CYAN,    0,           GN_R) \
	X(HEADER,        "header",        YELLOW,  DEFAULT, GN_B,        GN_B | GN_U) \
	X(ROW,           "row",           DEFAULT, DEFAULT, 0,           0) \
	X(ROW_SELECTED,  "row_selected",  BLACK,   CYAN,    0,           GN_R) \
	X(DEPRIVED,      "deprived",      RED,     DEFAULT, GN_B,        GN_B) \
	X(ADDRESSING,    "addressing",    YELLOW,  DEFAULT, GN_B,        GN_U) \
	X(RESOLVED,      "resolved",      GREEN,   DEFAULT, 0,           GN_D) \
	X(NOT_DEPRIVED,  "not_deprived",  DEFAULT, DEFAULT, 0,           0) \
	X(OVERDUE,       "overdue",       WHITE,   RED,     GN_B,        GN_B | GN_R) \
	X(DUE_SOON,      "due_soon",      YELLOW,  DEFAULT, GN_B,        GN_B) \
	X(TODAY,         "today",         BLACK,   YELLOW,  0,           GN_B | GN_U) \
	X(UPCOMING,      "upcoming",      DEFAULT, DEFAULT, 0,           0) \
	X(ON_TIME,       "on_time",       GREEN,   DEFAULT, 0,           GN_D) \
	X(LATE,          "late",          MAGENTA, DEFAULT, GN_B,        GN_U) \
	X(PROGRESS,      "progress",      CYAN,    DEFAULT, GN_B,        GN_B) \
	X(PROGRESS_BAR,  "progress_bar",  BLACK,   GREEN,   0,           GN_R) \
	X(ERROR,         "error",         WHITE,   RED,     GN_B,        GN_B | GN_R) \
	X(HELP,          "help",          CYAN,    DEFAULT, 0,           0)

typedef enum {
#define GN_ROLE_ENUM(id, name, fg, bg, attrs, mono) GN_ROLE_##id,
	GN_COLOR_ROLES(GN_ROLE_ENUM)
#undef GN_ROLE_ENUM
	GN_ROLE_COUNT,
	GN_ROLE_NONE = -1
} gn_color_role;

typedef struct {
	char name[64];
	gn_style roles[GN_ROLE_COUNT];
} gn_theme;

/* The name in theme files, e.g. "menu_selected"; "" when out of range. */
const char *gn_role_name(gn_color_role r);
/* The role called name (case-insensitive), GN_ROLE_NONE if unknown. */
gn_color_role gn_role_from_name(const char *name);
/* The monochrome twin: attributes only, fg = bg = -1. */
gn_style gn_role_mono(gn_color_role r);

/* The default dark theme, identical to themes/default.ini, so the program
 * works with no theme files installed. */
void gn_theme_builtin(gn_theme *t);

/* Finds NAME.ini in $GIAMNGHEO_THEMES_DIR (when set), the user's themes
 * directory ($XDG_CONFIG_HOME/giamngheo/themes), then PKGDATADIR/themes.
 * NAME must match [A-Za-z0-9_-]+ (no paths). 0 and the file in path on
 * success, -1 when not found or NAME is not allowed. */
int gn_theme_find(const char *name, char *path, size_t size);

/* Applies the [colors] section of path on top of t, and names t after the
 * file (its base name without .ini). A line is "role = FG BG [ATTR...]";
 * unknown roles, colours or attributes, other sections and syntax errors
 * are appended to warn (which must hold a string, possibly empty) as
 * "FILE:LINE: message\n", translated, and such lines ignored; the rest is
 * still applied. Returns GN_OK when the file was applied (possibly with
 * warnings); GN_ERR_NOT_FOUND when it does not exist; GN_ERR_IO when it
 * cannot be opened; GN_ERR_INVALID when it could not be parsed at all (t
 * unchanged, the reason in warn). */
gn_status gn_theme_load(gn_theme *t, const char *path, char *warn, size_t warn_size);

#endif
