/* value.h - values during evaluation (docs/language.md §3).
 *
 * Ownership: a value never owns memory.  Strings and lists point into the rule set's arena
 * (literals, consts), the data set's cJSON tree, or the evaluation's scratch arena; all of
 * them outlive the evaluation of one data set.
 */
#ifndef JX_VALUE_H
#define JX_VALUE_H

#include <stdint.h>
#include <stdbool.h>
#include <cJSON.h>

enum vkind {
    V_MISSING,  /* a data path that is not there */
    V_NULL,
    V_BOOL,
    V_NUM,
    V_STR,
    V_JSON,     /* an array or object of the data set */
    V_LIST,     /* an array made by [*] or where */
};

struct value {
    uint8_t kind;
    uint8_t spread;     /* a V_LIST from [*]: field access maps over it */
    bool b;
    uint32_t len;       /* V_STR bytes, V_LIST items */
    union {             /* by kind: 16 bytes a value, lists and per-data-set slots stay small */
        double n;                   /* V_NUM */
        const char *s;              /* V_STR */
        const cJSON *j;             /* V_JSON */
        struct value *items;        /* V_LIST */
    };
};

#endif
