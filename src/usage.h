/* usage.h - which data paths a checked rule set reads, and how: the one answer shared by the
 * template writer (which rows and columns to offer) and the spreadsheet readers (how to read a
 * cell typed by a person).
 *
 * A field is a dotted path from the data set's root (预算.执行数), or from an element of an
 * array (the array's path, then the field: 绩效指标 / 完成值).  Its type is what the rules
 * need of it: a number where they compute or compare with numbers, a boolean where it is a
 * condition, a date where date() reads it, text where it is compared with text or printed.
 *
 * Ownership: usage_of returns a struct that owns every string and list in it; usage_free
 * releases it.  The rule set may be freed first.
 */
#ifndef JX_USAGE_H
#define JX_USAGE_H

#include <stddef.h>
#include "ruleset.h"
#include "strmap.h"

/* ORDER USE_TYPES: the type column of a template (zh) and of the docs */
enum use_type { T_ANY, T_TEXT, T_NUMBER, T_BOOL, T_DATE };

/* how the rules use a value: a bit set (U_JOIN, text joined with +, only while walking) */
enum { U_COMPARE = 1, U_COMPUTE = 2, U_COND = 4, U_JOIN = 8 };

struct usage_field {
    char *path;             /* dotted, from the root or from an array element */
    char *array;            /* the array's dotted path, NULL for a field of the root */
    enum use_type type;
    int how;                /* U_* bits */
    char *indicators;       /* "、"-joined names of the indicators that read it, in order */
};

struct usage_array {
    char *path;
    size_t first, n;        /* its fields: usage.elem[first .. first + n) */
};

struct usage {
    struct usage_field *root;   /* fields of the data set, in the order the rules read them */
    size_t nroot;
    struct usage_field *elem;   /* fields of array elements, grouped by array */
    size_t nelem;
    struct usage_array *arrays; /* in the order the rules read them */
    size_t narrays;
    const char *key;            /* the id path when it is a root field (a table's key), or NULL */
    struct arena ar;            /* every string above */
    struct strmap find;         /* "ARRAY\x1fPATH" -> field, for usage_find */
    const struct ruleset *pending;  /* usage_later: the rule set, until the first look-up */
};

struct usage *usage_of(const struct ruleset *rs);
/* The same for several rule sets at once (jixiao diff --data: the old and the new), a path's
 * type merged as for two uses in one rule set; the key is the first one's id path. */
struct usage *usage_of_sets(const struct ruleset *const *rss, int n);
/* The same as usage_of, made by the first usage_find or usage_array (the rule set must live
 * until then, and that first call must not race with another): a run over JSON data, which
 * never asks, does not walk a big rule set's every rule for it.  Read its fields only
 * through those two calls. */
struct usage *usage_later(const struct ruleset *rs);
void usage_free(struct usage *u);

/* The field at `path` of the root (array NULL) or of the array's elements, or NULL. */
const struct usage_field *usage_find(const struct usage *u, const char *array, const char *path);
const struct usage_array *usage_array(const struct usage *u, const char *path);

/* 数值 / 是否 / 日期 / 文本, and 比较、计算、条件 for the how bits (into buf of 64 bytes). */
const char *usage_type_name(enum use_type t);
const char *usage_how_text(int how, char *buf);

#endif
