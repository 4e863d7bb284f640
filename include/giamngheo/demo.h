#ifndef GIAMNGHEO_DEMO_H
#define GIAMNGHEO_DEMO_H

#include "giamngheo/db.h"

/* Fills an empty database with the ward of Kế hoạch 121/KH-UBND: its real
 * figures, agencies and calendar, and plainly fictional households. The same
 * every time. GN_ERR_DUPLICATE when the database already holds a ward. */
gn_status gn_demo_build(gn_db *db);

/* Creates the ward row for a new, empty database (the plan's figures). */
gn_status gn_init_ward(gn_db *db);

#endif
