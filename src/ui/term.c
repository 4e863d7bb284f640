/* The terminal: start and restore it, read keys as key-map codes, and turn
 * theme roles into curses attributes. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui.h"

static volatile sig_atomic_t exit_requested;
static bool started;
static bool colours;
static attr_t role_attr[GN_ROLE_COUNT];
static SCREEN *headless_screen;
static FILE *headless_out, *headless_in;

/* Only a flag: curses work in a signal handler is unsafe, the loop notices
 * within its read timeout and restores the screen itself. */
static void on_signal(int sig)
{
	(void)sig;
	exit_requested = 1;
}

bool gn_term_should_exit(void)
{
	return exit_requested != 0;
}

static attr_t style_attrs(unsigned a)
{
	attr_t out = A_NORMAL;
	if (a & GN_ATTR_BOLD)
		out |= A_BOLD;
	if (a & GN_ATTR_REVERSE)
		out |= A_REVERSE;
	if (a & GN_ATTR_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & GN_ATTR_DIM)
		out |= A_DIM;
	return out;
}

/* 8-colour terminals get the basic colour of a 256-colour value, made bold
 * when it was a bright one, so every theme stays readable. */
static short fit_colour(short c, attr_t *extra)
{
	if (c < 0 || c < COLORS)
		return c;
	if (c >= 8 && c < 16) {
		*extra |= A_BOLD;
		return (short)(c - 8);
	}
	return (short)(c % 8);
}

static void apply_theme(const gn_theme *theme)
{
	const char *no_color = getenv("NO_COLOR");
	colours = has_colors() && !(no_color && *no_color);
	if (colours) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < GN_ROLE_COUNT; r++) {
		if (!colours || COLOR_PAIRS <= r + 1) {
			role_attr[r] = style_attrs(gn_role_mono((gn_color_role)r).attrs);
			continue;
		}
		gn_style s = theme->roles[r];
		attr_t extra = A_NORMAL;
		short fg = fit_colour(s.fg, &extra), bg = fit_colour(s.bg, &extra);
		init_pair((short)(r + 1), fg, bg);
		role_attr[r] = COLOR_PAIR(r + 1) | style_attrs(s.attrs) | extra;
	}
}

attr_t gn_ui_attr(gn_color_role role)
{
	return role_attr[role];
}

bool gn_term_start(const gn_term_options *o, const gn_theme *theme)
{
	/* Esc must answer at once; the default wait of a second feels broken. */
	setenv("ESCDELAY", "25", 0);
	if (o->headless) {
		headless_out = fopen("/dev/null", "w");
		headless_in = fopen("/dev/null", "r");
		if (!headless_out || !headless_in)
			return false;
		headless_screen = newterm("xterm-256color", headless_out, headless_in);
		if (!headless_screen)
			return false;
		set_term(headless_screen);
		resizeterm(o->headless_rows, o->headless_cols);
	} else if (!initscr()) {
		return false;
	}
	started = true;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	apply_theme(theme);
	return true;
}

void gn_term_stop(void)
{
	if (!started)
		return;
	started = false;
	endwin();
	if (headless_screen) {
		delscreen(headless_screen);
		headless_screen = NULL;
		fclose(headless_out);
		fclose(headless_in);
	}
}

static int map_function_key(int k)
{
	switch (k) {
	case KEY_UP:
		return GN_KEY_UP;
	case KEY_DOWN:
		return GN_KEY_DOWN;
	case KEY_LEFT:
		return GN_KEY_LEFT;
	case KEY_RIGHT:
		return GN_KEY_RIGHT;
	case KEY_PPAGE:
		return GN_KEY_PGUP;
	case KEY_NPAGE:
		return GN_KEY_PGDN;
	case KEY_HOME:
		return GN_KEY_HOME;
	case KEY_END:
		return GN_KEY_END;
	case KEY_BACKSPACE:
		return GN_KEY_BACKSPACE;
	case KEY_DC:
		return GN_KEY_DELETE;
	case KEY_IC:
		return GN_KEY_INSERT;
	case KEY_BTAB:
		return GN_KEY_BTAB;
	case KEY_RESIZE:
		return GN_KEY_RESIZE;
	case KEY_ENTER:
		return 13;
	default:
		if (k >= KEY_F(1) && k <= KEY_F(12))
			return GN_KEY_F0 + (k - KEY_F0);
		return -1;
	}
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* A terminal that has gone away (the SSH connection or the window closed,
 * with the hangup signal lost or ignored) makes every read fail at once,
 * with no key and no errno: a few such reads in a row end the program as a
 * hangup would, so that the draft is written and the process does not spin. */
#define LOST_AFTER_FAILED_READS 5

int gn_term_read_key(int timeout_ms)
{
	static int failed_reads;
	wint_t ch;
	timeout(timeout_ms);
	long long start = now_ms();
	int rc = get_wch(&ch);
	if (rc == ERR) {
		if (timeout_ms > 0 && now_ms() - start < timeout_ms / 2) {
			if (++failed_reads >= LOST_AFTER_FAILED_READS)
				exit_requested = 1;
		} else {
			failed_reads = 0;
		}
		return -1;
	}
	failed_reads = 0;
	if (rc == KEY_CODE_YES)
		return map_function_key((int)ch);
	if (ch == 127 || ch == 8)
		return GN_KEY_BACKSPACE;
	if (ch == 10)
		return 13;
	if (ch == 27) {
		/* Alt+key arrives as Esc then the key, within a few milliseconds. */
		wint_t next;
		timeout(0);
		if (get_wch(&next) == OK && next != 27)
			return GN_KEY_ALT | (int)next;
		return 27;
	}
	return (int)ch;
}
