/* json.h - the cJSON adapter: data sets parsed into an arena instead of one malloc a node.
 *
 * Ownership: a tree from json_parse_in lives in the given arena and must NOT be passed to
 * cJSON_Delete; resetting the arena frees it.  Trees from cJSON's own functions keep the
 * usual rules (cJSON_Delete).
 */
#ifndef JX_JSON_H
#define JX_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cJSON.h>
#include "mem.h"
#include "msg.h"

/* Install the allocation hooks; call once, before any thread starts. */
void json_init(void);
/* "a number", "an array"… of a JSON value, for messages about input. */
const char *json_type_name(enum lang lang, const cJSON *j);
/* Parse exactly one JSON value from text into arena `a`; NULL when it is not valid JSON.
 * Duplicate keys are kept (json_last_wins resolves them). */
cJSON *json_parse_in(struct arena *a, const char *text, size_t len);
/* Duplicate keys in the objects of j (at any depth): the last one wins, as in jq; the earlier
 * ones are taken out of the tree, and freed when `owned` (a tree of cJSON's own allocation,
 * not of an arena). */
void json_last_wins(cJSON *j, bool owned);
/* Check the strings of a data set's JSON text (valid JSON, as parsed): every string must be
 * UTF-8 and hold no \u0000, which cJSON would cut the string at.  Returns 0 when it is all
 * right, else 1 with the message naming the first bad string by its data path ("$a.b[2]")
 * in m (at most cap bytes, cut only between characters).  16 bytes a step with SSSE3, else
 * 8 ASCII bytes a step. */
int json_check_text(const char *text, size_t len, enum lang lang, char *m, size_t cap);
/* The end of the JSON value that starts at text[from] (valid JSON; white space before it
 * is skipped): the offset just after it. */
size_t json_value_end(const char *text, size_t len, size_t from);

/* Look-ups of member names in the objects of one data set.  The first JSON_NARROW members of
 * an object are compared one by one (JSON_NARROW_UNIQUE of an object json_last_wins has
 * seen to, whose names are unique, after a first guess: where that name was found last, in
 * the previous data set); past them, the object gets a hash of all its members
 * (made once, in arena `ar`), so n look-ups in an object of m members cost O(n + m), never
 * O(n * m).  The first member of a name wins, as with cJSON_GetObjectItemCaseSensitive.
 * json_lookup_reset forgets every hash: call it whenever `ar` is reset. */
enum { JSON_NARROW = 8, JSON_NARROW_UNIQUE = 32 };
struct json_index;
struct json_lookup {
    struct arena *ar;
    struct json_index **objs;   /* open addressing by object pointer */
    uint32_t mask, n;
};
void json_lookup_reset(struct json_lookup *lk, struct arena *ar);
cJSON *json_get(struct json_lookup *lk, const cJSON *obj, const char *key);

#endif
