#ifndef GIAMNGHEO_ACTIONS_H
#define GIAMNGHEO_ACTIONS_H

#include "giamngheo/i18n.h"

/* The one list of user actions (tig's REQ_ table): the enum, the names used
 * in keys.ini, the help screen and the status-bar hints all come from here,
 * so they cannot drift apart. Columns: identifier, keys.ini name, help text
 * (marked for translation, translated by gn_action_help). The default keys
 * live in src/core/keymap.c. */
#define GN_ACTIONS(X) \
	X(QUIT, "quit", N_("Quit the program")) \
	X(BACK, "back", N_("Go back / close")) \
	X(HELP, "help", N_("Show the keys")) \
	X(MENU, "menu", N_("Open the menu bar")) \
	X(MOVE_UP, "move-up", N_("Move up")) \
	X(MOVE_DOWN, "move-down", N_("Move down")) \
	X(MOVE_LEFT, "move-left", N_("Move left")) \
	X(MOVE_RIGHT, "move-right", N_("Move right")) \
	X(PAGE_UP, "page-up", N_("Page up")) \
	X(PAGE_DOWN, "page-down", N_("Page down")) \
	X(FIRST, "first", N_("Jump to the first line")) \
	X(LAST, "last", N_("Jump to the last line")) \
	X(OPEN, "open", N_("Open the selected item")) \
	X(SEARCH, "search", N_("Search as you type")) \
	X(NEXT_PANE, "next-pane", N_("Next pane")) \
	X(PREV_PANE, "prev-pane", N_("Previous pane")) \
	X(SORT, "sort", N_("Change the sort order")) \
	X(FILTER, "filter", N_("Filter the list")) \
	X(CLEAR_FILTER, "clear-filter", N_("Clear filters and search")) \
	X(NEXT_MONTH, "next-month", N_("Next month")) \
	X(PREV_MONTH, "prev-month", N_("Previous month")) \
	X(VIEW_DASHBOARD, "view-dashboard", N_("Dashboard")) \
	X(VIEW_HOUSEHOLDS, "view-households", N_("Households")) \
	X(VIEW_AGENCIES, "view-agencies", N_("Agencies")) \
	X(VIEW_SUPPORT, "view-support", N_("Support")) \
	X(VIEW_DEADLINES, "view-deadlines", N_("Deadlines")) \
	X(VIEW_REPORTS, "view-reports", N_("Reports")) \
	X(REFRESH, "refresh", N_("Redraw the screen")) \
	X(ADD, "add", N_("Add")) \
	X(EDIT, "edit", N_("Edit")) \
	X(SAVE, "save", N_("Save the form")) \
	X(SET_DEPRIVED, "set-deprived", N_("Indicator: deprived")) \
	X(SET_ADDRESSING, "set-addressing", N_("Indicator: being addressed")) \
	X(SET_RESOLVED, "set-resolved", N_("Indicator: resolved")) \
	X(SET_NOT_DEPRIVED, "set-not-deprived", N_("Indicator: not deprived")) \
	X(VIEW_HISTORY, "view-history", N_("History of changes")) \
	X(VIEW_USERS, "view-users", N_("Users and roles")) \
	X(MONTHLY_ROUND, "monthly-round", N_("Monthly round")) \
	X(WITHDRAW_REPORT, "withdraw-report", N_("Withdraw a submitted report")) \
	X(ASSIGN, "assign", N_("Assign agencies")) \
	X(DELETE, "delete", N_("Delete (asks first)")) \
	X(UNDO, "undo", N_("Undo the last deletion")) \
	X(IMPORT, "import", N_("Import households from a CSV file"))

typedef enum {
#define GN_ACTION_ENUM(id, name, help) GN_ACT_##id,
	GN_ACTIONS(GN_ACTION_ENUM)
#undef GN_ACTION_ENUM
	GN_ACT_COUNT,
	GN_ACT_NONE = -1
} gn_action;

/* The keys.ini name, e.g. "move-up"; "" for GN_ACT_NONE or out of range. */
const char *gn_action_name(gn_action a);
/* The help text, translated; "" for GN_ACT_NONE or out of range. */
const char *gn_action_help(gn_action a);
/* The action called name (case-insensitive); GN_ACT_NONE if unknown. */
gn_action gn_action_from_name(const char *name);

#endif
