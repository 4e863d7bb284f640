/* init and demo: the two commands that create a database. */
#include <stdio.h>

#include "cli.h"
#include "giamngheo/deadline_store.h"
#include "giamngheo/demo.h"
#include "giamngheo/i18n.h"

static int no_arguments(int argc, char **argv)
{
	return argc > 1 ? gn_cli_usage_error(_("unexpected argument '%s'"), argv[1]) : GN_EXIT_OK;
}

int gn_cmd_init(gn_cli *cli, int argc, char **argv)
{
	int rc = no_arguments(argc, argv);
	if (rc != GN_EXIT_OK)
		return rc;
	gn_status s = gn_init_ward(cli->db);
	if (s == GN_OK)
		s = gn_deadline_sync(cli->db);
	if (s != GN_OK)
		return gn_cli_fail(s, cli->db_path);
	printf(_("Database ready: %s\n"), cli->db_path);
	return GN_EXIT_OK;
}

int gn_cmd_demo(gn_cli *cli, int argc, char **argv)
{
	int rc = no_arguments(argc, argv);
	if (rc != GN_EXIT_OK)
		return rc;
	gn_status s = gn_demo_build(cli->db);
	if (s == GN_ERR_DUPLICATE) {
		fprintf(stderr, _("giamngheo: %s already holds households; the demo ward is built only "
				  "in an empty database.\n"), cli->db_path);
		return GN_EXIT_USER;
	}
	if (s != GN_OK)
		return gn_cli_fail(s, cli->db_path);
	printf(_("Demo ward created in %s (households and people are fictional).\n"), cli->db_path);
	return GN_EXIT_OK;
}
