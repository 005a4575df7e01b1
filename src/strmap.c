/* strmap.c - FNV-1a hashing, linear probing, the table at most half full.  Each entry keeps
 * its key's hash: a probe compares hashes before it reads a key (a cache miss in a big rule
 * set), and growing the table hashes no key again. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

static uint32_t hash(const char *s)
{
    return hash_bytes(s, strlen(s));
}

static struct strmap_entry *slot(const struct strmap *m, const char *key, uint32_t h)
{
    uint32_t j = h & (m->cap - 1);
    while (m->v[j].key && (m->v[j].hash != h || strcmp(m->v[j].key, key) != 0))
        j = (j + 1) & (m->cap - 1);
    return &m->v[j];
}

void *strmap_get(const struct strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    struct strmap_entry *e = slot(m, key, hash(key));
    return e->key ? e->val : NULL;
}

void strmap_put(struct strmap *m, const char *key, void *val)
{
    if (2 * (m->n + 1) > m->cap) {
        struct strmap grown = {xcalloc(m->cap ? 2 * m->cap : 64, sizeof *m->v),
                               m->cap ? 2 * m->cap : 64, m->n};
        for (uint32_t i = 0; i < m->cap; i++)
            if (m->v[i].key) {
                uint32_t j = m->v[i].hash & (grown.cap - 1);
                while (grown.v[j].key)
                    j = (j + 1) & (grown.cap - 1);
                grown.v[j] = m->v[i];
            }
        free(m->v);
        *m = grown;
    }
    uint32_t h = hash(key);
    struct strmap_entry *e = slot(m, key, h);
    if (!e->key) {
        e->key = key;
        e->hash = h;
        m->n++;
    }
    e->val = val;
}

void strmap_free(struct strmap *m)
{
    free(m->v);
    m->v = NULL;
    m->cap = m->n = 0;
}
