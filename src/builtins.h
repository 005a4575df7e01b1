/* builtins.h - the built-in functions (LANGUAGE.md §3): name, arity, implementation.
 *
 * ORDER BUILTINS: adding a built-in is one line here and one function in eval.c.
 * max_args -1: any number.
 */
#ifndef JX_BUILTINS_H
#define JX_BUILTINS_H

#define BUILTINS(X)                                                          \
    X(B_MIN,     "min",     1, -1)  /* smallest of numbers */                  \
    X(B_MAX,     "max",     1, -1)  /* largest of numbers */                   \
    X(B_CLAMP,   "clamp",   3, 3)   /* clamp(x, lo, hi) */                     \
    X(B_ABS,     "abs",     1, 1)                                              \
    X(B_ROUND,   "round",   1, 2)   /* round(x, n), half away, decimal */      \
    X(B_FLOOR,   "floor",   1, 1)   /* decided on the decimal form */          \
    X(B_CEIL,    "ceil",    1, 1)                                              \
    X(B_SUM,     "sum",     1, 1)   /* of an array of numbers */               \
    X(B_COUNT,   "count",   1, 1)   /* elements of an array */                 \
    X(B_AVG,     "avg",     1, 1)                                              \
    X(B_LEN,     "len",     1, 1)   /* code points of a string, or elements */ \
    X(B_EXISTS,  "exists",  1, 1)   /* present and not null */                 \
    X(B_BETWEEN, "between", 3, 3)   /* inclusive */                            \
    X(B_NUMBER,  "number",  1, 1)   /* "1,288.38", "99.7%" → number */        \
    X(B_ATTAIN,  "attain",  2, 2)   /* attain(actual, "≥50个"): §11, attain.c */

enum builtin {
#define X(id, name, lo, hi) id,
    BUILTINS(X)
#undef X
    BUILTIN_COUNT
};

struct builtin_info {
    const char *name;
    int min_args, max_args;
};

extern const struct builtin_info builtin_table[BUILTIN_COUNT];

#endif
