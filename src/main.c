#include "cli/cli.h"

int main(int argc, char **argv)
{
	return gn_cli_main(argc, argv);
}
