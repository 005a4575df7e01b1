/* json.h - the cJSON adapter: data sets parsed into an arena instead of one malloc a node.
 *
 * Ownership: a tree from json_parse_in lives in the given arena and must NOT be passed to
 * cJSON_Delete; resetting the arena frees it.  Trees from cJSON's own functions keep the
 * usual rules (cJSON_Delete).
 */
#ifndef JX_JSON_H
#define JX_JSON_H

#include <stddef.h>
#include <cJSON.h>
#include "mem.h"
#include "msg.h"

/* Install the allocation hooks; call once, before any thread starts. */
void json_init(void);
/* "a number", "an array"… of a JSON value, for messages about input. */
const char *json_type_name(enum lang lang, const cJSON *j);
/* Parse exactly one JSON value from text into arena `a`; NULL when it is not valid JSON. */
cJSON *json_parse_in(struct arena *a, const char *text, size_t len);

#endif
