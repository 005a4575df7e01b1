/* builtins.h - the built-in functions (docs/language.md §3): name, arity, implementation.
 *
 * ORDER BUILTINS: adding a built-in is one line here and one function in builtins.c
 * (check.c finds it by name and checks its arity; eval.c calls it through the table).
 * max_args -1: any number.
 */
#ifndef JX_BUILTINS_H
#define JX_BUILTINS_H

#include <stdbool.h>

#define BUILTINS(X)                                                                    \
    X(B_MIN,     "min",     1, -1, bi_min)      /* smallest of numbers, or of one array */ \
    X(B_MAX,     "max",     1, -1, bi_max)      /* largest of numbers, or of one array */  \
    X(B_CLAMP,   "clamp",   3, 3,  bi_clamp)    /* clamp(x, lo, hi), lo <= hi */       \
    X(B_ABS,     "abs",     1, 1,  bi_abs)                                             \
    X(B_ROUND,   "round",   1, 2,  bi_round)    /* round(x, n), half away, decimal */  \
    X(B_FLOOR,   "floor",   1, 1,  bi_floor)    /* decided on the decimal form */      \
    X(B_CEIL,    "ceil",    1, 1,  bi_ceil)                                            \
    X(B_SUM,     "sum",     1, 1,  bi_sum)      /* of an array of numbers */           \
    X(B_COUNT,   "count",   1, 1,  bi_count)    /* elements of an array */             \
    X(B_AVG,     "avg",     1, 1,  bi_avg)                                             \
    X(B_LEN,     "len",     1, 1,  bi_len)      /* code points of a string, or elements */ \
    X(B_EXISTS,  "exists",  1, 1,  bi_exists)   /* present and not null */             \
    X(B_BETWEEN, "between", 3, 3,  bi_between)  /* inclusive */                        \
    X(B_NUMBER,  "number",  1, 1,  bi_number)   /* "1,288.38", "99.7%", "52人" → number */ \
    X(B_JOIN,    "join",    2, 2,  bi_join)     /* join(arr, "、"): elements as {x} prints */ \
    X(B_DATE,    "date",    1, 1,  bi_date)     /* "2022年3月15日" → day number */       \
    X(B_ATTAIN,  "attain",  2, 2,  bi_attain)   /* attain(actual, "≥50个"): §11, attain.c */

enum builtin {
#define X(id, name, lo, hi, fn) id,
    BUILTINS(X)
#undef X
    BUILTIN_COUNT
};

struct evaluator;
struct ast;
struct value;

/* A built-in's implementation: `call` is the AST_E_CALL node (its arguments are call->kids,
 * already checked for number), `elem` the element of an enclosing where/map.  Sets *out, or
 * raises the evaluation error and returns false. */
typedef bool builtin_fn(struct evaluator *ev, const struct ast *call, const struct value *elem,
                        struct value *out);

struct builtin_info {
    const char *name;
    int min_args, max_args;
    builtin_fn *fn;
};

extern const struct builtin_info builtin_table[BUILTIN_COUNT];

#endif
