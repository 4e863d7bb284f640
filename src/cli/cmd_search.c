#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "giamngheo/i18n.h"
#include "giamngheo/search.h"

static const char *kind_label(gn_person_kind k)
{
	switch (k) {
	case GN_PERSON_HEAD:
		return _("head of household");
	case GN_PERSON_MEMBER:
		return _("member");
	case GN_PERSON_STAFF:
		return _("agency staff");
	case GN_PERSON_CONTACT:
		return _("agency contact");
	}
	return "";
}

struct listing {
	gn_out *out;
	const char *kinds[GN_PERSON_CONTACT + 1]; /* translated once, not per person */
	int n;
};

static bool list_person(const gn_person_match *p, void *ctx)
{
	struct listing *l = ctx;
	const char *cells[] = {
		p->name, l->kinds[p->kind], p->household_code, p->detail, p->agency_code, p->phone,
	};
	l->n++;
	return gn_out_row(l->out, cells);
}

int gn_cmd_search(gn_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 },
	};
	gn_format fmt = GN_FMT_TABLE;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'F')
			return gn_cli_usage_error(_("unknown option '%s'"), argv[optind - 1]);
		if (!gn_cli_format(optarg, &fmt))
			return GN_EXIT_USAGE;
	}
	if (optind != argc - 1 || !argv[optind][0])
		return gn_cli_usage_error(_("%s needs one search text (quote it when it has spaces)"), "search");

	const char *headers[] = { _("Name"), _("Who"), _("Household"), _("Relation / position"),
				  _("Agency"), _("Phone") };
	const char *keys[] = { "name", "kind", "household", "detail", "agency", "phone" };
	static const char *const kind_codes[] = { "head", "member", "staff", "contact" };
	struct listing l = { .out = gn_out_new(stdout, fmt, 6, headers, keys) };
	for (int k = GN_PERSON_HEAD; k <= GN_PERSON_CONTACT; k++)
		l.kinds[k] = fmt == GN_FMT_TABLE ? kind_label((gn_person_kind)k) : kind_codes[k];
	if (!l.out)
		return gn_cli_fail(GN_ERR_NOMEM, NULL);
	gn_status s = gn_search_people(cli->db, argv[optind], list_person, &l);
	if (s != GN_OK) {
		gn_out_discard(l.out);
		return gn_cli_fail(s, NULL);
	}
	gn_out_finish(l.out);
	gn_cli_log_export(cli, "search", fmt);
	if (fmt == GN_FMT_TABLE)
		printf(ngettext("%d person found.\n", "%d people found.\n", (unsigned long)l.n), l.n);
	return l.n > 0 ? GN_EXIT_OK : GN_EXIT_USER;
}
