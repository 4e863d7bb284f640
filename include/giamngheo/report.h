#ifndef GIAMNGHEO_REPORT_H
#define GIAMNGHEO_REPORT_H

#include "giamngheo/date.h"
#include "giamngheo/db.h"

/* Records that an agency filed the report a deadline asked for. One live
 * submission per deadline: a second gives GN_ERR_DUPLICATE. */
gn_status gn_report_submit(gn_db *db, long long deadline_id, gn_date submitted_on,
			   const char *submitted_by, const char *summary, long long *report_id);

#endif
