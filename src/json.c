/* json.c - cJSON allocation hooks: arena-backed while json_parse_in runs on this thread. */
#include "json.h"

#include <stdlib.h>

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

const char *json_type_name(enum lang lang, const cJSON *j)
{
    enum msg_id id = cJSON_IsObject(j) ? M_T_OBJECT : cJSON_IsArray(j) ? M_T_ARRAY
                   : cJSON_IsString(j) ? M_T_STRING : cJSON_IsNumber(j) ? M_T_NUMBER
                   : cJSON_IsBool(j) ? M_T_BOOL : M_T_NULL;
    return msg(lang, id);
}
