#ifndef GIAMNGHEO_ARRAY_H
#define GIAMNGHEO_ARRAY_H

#include <stdbool.h>
#include <stdlib.h>

/* Makes room in a growing array for element n (doubling), so list queries
 * read rows of unknown count. False when memory runs out (array unchanged). */
static inline bool gn_array_reserve(void **array, int *cap, int n, size_t elem_size, int first)
{
	if (n < *cap)
		return true;
	int grown_cap = *cap ? *cap * 2 : first;
	void *grown = realloc(*array, (size_t)grown_cap * elem_size);
	if (!grown)
		return false;
	*array = grown;
	*cap = grown_cap;
	return true;
}

#endif
