/* strmap.h - a string-keyed hash map (open addressing), for name lookups that must stay fast
 * in rule sets of tens of thousands of indicators.
 *
 * Ownership: the map owns its table, not its keys or values; keys must outlive the map.
 */
#ifndef JX_STRMAP_H
#define JX_STRMAP_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a of the n bytes at s: the one hash of names, for every table of them (this map, the
 * lexer's names, json.c's members of wide objects). */
static inline uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

struct strmap_entry {
    const char *key;    /* NULL: empty */
    void *val;
    uint32_t hash;      /* of key */
};

struct strmap {
    struct strmap_entry *v;
    uint32_t cap, n;
};

/* The value of key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);
/* Set key to val (replacing any value). */
void strmap_put(struct strmap *m, const char *key, void *val);
void strmap_free(struct strmap *m);

#endif
