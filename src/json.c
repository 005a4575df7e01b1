/* json.c - cJSON allocation hooks: arena-backed while json_parse_in runs on this thread. */
#include "json.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local struct arena *parsing_into;   /* set only inside json_parse_in */

static void *hook_malloc(size_t n)
{
    return parsing_into ? arena_alloc(parsing_into, n) : xmalloc(n);
}

static void hook_free(void *p)
{
    if (!parsing_into)      /* arena memory goes with the arena */
        free(p);
}

void json_init(void)
{
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
}

cJSON *json_parse_in(struct arena *a, const char *text, size_t len)
{
    parsing_into = a;
    cJSON *j = cJSON_ParseWithLength(text, len);
    parsing_into = NULL;
    return j;
}

/* The members of one wide object by name: open addressing, hash beside the member. */
struct json_index {
    const cJSON *obj;
    uint32_t mask;
    struct member { uint32_t hash; cJSON *c; } slot[];
};

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;               /* FNV-1a */
    for (const unsigned char *u = (const unsigned char *)s; *u; u++)
        h = (h ^ *u) * 16777619u;
    return h;
}

static uint32_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static struct json_index *index_build(struct arena *ar, const cJSON *obj)
{
    uint32_t n = 0, size = 16;
    for (const cJSON *c = obj->child; c; c = c->next)
        n++;
    while (size < 2 * (uint64_t)n)
        size *= 2;
    struct json_index *x = arena_zalloc(ar, sizeof *x + size * sizeof x->slot[0]);
    x->obj = obj;
    x->mask = size - 1;
    for (cJSON *c = obj->child; c; c = c->next) {
        if (!c->string)
            continue;
        uint32_t h = name_hash(c->string), i = h & x->mask;
        for (; x->slot[i].c; i = (i + 1) & x->mask)
            if (x->slot[i].hash == h && strcmp(x->slot[i].c->string, c->string) == 0)
                break;                      /* a later member of the same name: the first wins */
        if (!x->slot[i].c)
            x->slot[i] = (struct member){h, c};
    }
    return x;
}

/* The hash of obj, made on first use. */
static struct json_index *index_of(struct json_lookup *lk, const cJSON *obj)
{
    if (2 * (lk->n + 1) > lk->mask + 1) {   /* keep the table at most half full */
        uint32_t size = lk->mask ? 2 * (lk->mask + 1) : 64;
        struct json_index **objs = arena_zalloc(lk->ar, size * sizeof *objs);
        for (uint32_t k = 0; lk->mask && k <= lk->mask; k++) {
            if (!lk->objs[k])
                continue;
            uint32_t i = ptr_hash(lk->objs[k]->obj) & (size - 1);
            while (objs[i])
                i = (i + 1) & (size - 1);
            objs[i] = lk->objs[k];
        }
        lk->objs = objs;
        lk->mask = size - 1;
    }
    uint32_t i = ptr_hash(obj) & lk->mask;
    for (; lk->objs[i]; i = (i + 1) & lk->mask)
        if (lk->objs[i]->obj == obj)
            return lk->objs[i];
    lk->n++;
    return lk->objs[i] = index_build(lk->ar, obj);
}

void json_lookup_reset(struct json_lookup *lk, struct arena *ar)
{
    *lk = (struct json_lookup){.ar = ar};
}

cJSON *json_get(struct json_lookup *lk, const cJSON *obj, const char *key)
{
    cJSON *c = obj->child;
    for (int i = 0; c && i < JSON_NARROW; c = c->next, i++)
        if (c->string && strcmp(c->string, key) == 0)
            return c;
    if (!c)
        return NULL;
    struct json_index *x = index_of(lk, obj);
    uint32_t h = name_hash(key);
    for (uint32_t i = h & x->mask; x->slot[i].c; i = (i + 1) & x->mask)
        if (x->slot[i].hash == h && strcmp(x->slot[i].c->string, key) == 0)
            return x->slot[i].c;
    return NULL;
}

const char *json_type_name(enum lang lang, const cJSON *j)
{
    enum msg_id id = cJSON_IsObject(j) ? M_T_OBJECT : cJSON_IsArray(j) ? M_T_ARRAY
                   : cJSON_IsString(j) ? M_T_STRING : cJSON_IsNumber(j) ? M_T_NUMBER
                   : cJSON_IsBool(j) ? M_T_BOOL : M_T_NULL;
    return msg(lang, id);
}
