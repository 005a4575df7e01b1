/* builtins.c - the built-in functions (LANGUAGE.md §3), one function each, called through
 * builtin_table (builtins.h).  Arguments are evaluated here, as each function needs them;
 * their number was checked by check.c. */
#include "builtins.h"

#include <math.h>

#include "attain.h"
#include "eval_int.h"
#include "num.h"
#include "utf8.h"

#define X(id, name, lo, hi, fn) static builtin_fn fn;
BUILTINS(X)
#undef X

const struct builtin_info builtin_table[BUILTIN_COUNT] = {
#define X(id, name, lo, hi, fn) [id] = {name, lo, hi, fn},
    BUILTINS(X)
#undef X
};

/* The first, second and third argument (NULL when not given). */
#define ARG1(e) ((e)->kids)
#define ARG2(e) (ARG1(e) ? ARG1(e)->next : NULL)
#define ARG3(e) (ARG2(e) ? ARG2(e)->next : NULL)

/* min(a, b, ...) and max(...): sign -1 keeps the smallest, +1 the largest. */
static bool extreme(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    struct value *out, int sign)
{
    double best = 0, x;
    for (const struct ast *a = ARG1(e); a; a = a->next) {
        if (!eval_number(ev, a, elem, &x))
            return false;
        if (a == ARG1(e) || num_cmp(x, best) * sign > 0)
            best = x;
    }
    num_value(out, best);
    return true;
}

static bool bi_min(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    return extreme(ev, e, elem, out, -1);
}

static bool bi_max(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    return extreme(ev, e, elem, out, 1);
}

/* The numbers of the first three arguments (as many as `n`). */
static bool numbers(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    double *x, int n)
{
    const struct ast *a = ARG1(e);
    for (int i = 0; i < n; i++, a = a->next)
        if (!eval_number(ev, a, elem, &x[i]))
            return false;
    return true;
}

static bool bi_clamp(struct evaluator *ev, const struct ast *e, const struct value *elem,
                     struct value *out)
{
    double x[3];
    if (!numbers(ev, e, elem, x, 3))
        return false;
    num_value(out, num_cmp(x[0], x[1]) < 0 ? x[1] : num_cmp(x[0], x[2]) > 0 ? x[2] : x[0]);
    return true;
}

static bool bi_abs(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    double x;
    if (!numbers(ev, e, elem, &x, 1))
        return false;
    num_value(out, fabs(x));
    return true;
}

static bool bi_round(struct evaluator *ev, const struct ast *e, const struct value *elem,
                     struct value *out)
{
    double x[2] = {0, 0};
    if (!numbers(ev, e, elem, x, ARG2(e) ? 2 : 1))
        return false;
    num_value(out, num_round(x[0], (int)num_round(x[1], 0)));
    return true;
}

static bool bi_floor(struct evaluator *ev, const struct ast *e, const struct value *elem,
                     struct value *out)
{
    double x;
    if (!numbers(ev, e, elem, &x, 1))
        return false;
    num_value(out, num_floor(x));
    return true;
}

static bool bi_ceil(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    struct value *out)
{
    double x;
    if (!numbers(ev, e, elem, &x, 1))
        return false;
    num_value(out, num_ceil(x));
    return true;
}

/* The sum of the array argument's elements, which must all be numbers; *n their count. */
static bool sum_of(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   double *sum, uint32_t *n)
{
    struct value v;
    if (!eval_list(ev, ARG1(e), elem, &v))
        return false;
    double s = 0;
    for (uint32_t i = 0; i < v.len; i++) {
        if (v.items[i].kind != V_NUM) {
            const char *what = arena_printf(eval_arena(ev), "%s[%u]", eval_src(ev, ARG1(e)), i);
            return eval_fail(ev, ARG1(e), M_E_TYPE, what, eval_type_desc(ev, &v.items[i]),
                             msg(eval_lang(ev), M_T_NUMBER));
        }
        s += v.items[i].n;
    }
    *sum = s;
    *n = v.len;
    return true;
}

static bool bi_sum(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    double s;
    uint32_t n;
    if (!sum_of(ev, e, elem, &s, &n))
        return false;
    num_value(out, s);
    return true;
}

static bool bi_avg(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    double s;
    uint32_t n;
    if (!sum_of(ev, e, elem, &s, &n))
        return false;
    if (n == 0)
        return eval_fail(ev, ARG1(e), M_E_EMPTY, eval_src(ev, ARG1(e)));
    num_value(out, s / n);
    return true;
}

static bool bi_count(struct evaluator *ev, const struct ast *e, const struct value *elem,
                     struct value *out)
{
    struct value v;
    if (!eval_list(ev, ARG1(e), elem, &v))
        return false;
    num_value(out, v.len);
    return true;
}

static bool bi_len(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    struct value v;
    if (!eval_expr(ev, ARG1(e), elem, &v))
        return false;
    if (v.kind == V_STR) {
        num_value(out, (double)utf8_count(v.s, v.len));
        return true;
    }
    if (!is_array(&v))
        return eval_wrong_type(ev, ARG1(e), &v, M_T_ARRAY);
    num_value(out, v.kind == V_LIST ? (double)v.len : (double)cJSON_GetArraySize(v.j));
    return true;
}

static bool bi_exists(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    struct value v;
    if (!eval_expr(ev, ARG1(e), elem, &v))
        return false;
    bool_value(out, v.kind != V_MISSING && v.kind != V_NULL);
    return true;
}

static bool bi_between(struct evaluator *ev, const struct ast *e, const struct value *elem,
                       struct value *out)
{
    double x[3];
    if (!numbers(ev, e, elem, x, 3))
        return false;
    bool_value(out, num_cmp(x[0], x[1]) >= 0 && num_cmp(x[0], x[2]) <= 0);
    return true;
}

static bool bi_number(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    struct value v;
    double x;
    if (!eval_expr(ev, ARG1(e), elem, &v))
        return false;
    if (v.kind == V_NUM) {
        *out = v;
        return true;
    }
    if (v.kind != V_STR)
        return eval_wrong_type(ev, ARG1(e), &v, M_T_STRING);
    if (!num_parse(v.s, v.len, &x))
        return eval_fail(ev, ARG1(e), M_E_NUMBER, eval_src(ev, ARG1(e)), v.s);
    num_value(out, x);
    return true;
}

/* attain(actual, target), LANGUAGE.md §11: the reading of table cells is attain.c's. */
static bool bi_attain(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    const struct ast *a1 = ARG1(e), *a2 = ARG2(e);
    struct value act, tgt;
    struct quantity t, a = {0};
    if (!eval_expr(ev, a1, elem, &act) || !eval_expr(ev, a2, elem, &tgt))
        return false;
    if (tgt.kind == V_NUM)
        t = (struct quantity){.n = tgt.n};
    else if (tgt.kind != V_STR)
        return eval_wrong_type(ev, a2, &tgt, M_T_STRING);
    else if (!attain_read(tgt.s, tgt.len, true, &t))
        return eval_fail(ev, a2, M_E_ATTAIN, tgt.s);
    if (act.kind == V_NUM)
        a.n = act.n;
    else if (act.kind != V_STR)
        return eval_wrong_type(ev, a1, &act, M_T_NUMBER);
    else if (!attain_read(act.s, act.len, false, &a))
        return eval_fail(ev, a1, M_E_NUMBER, eval_src(ev, a1), act.s);
    num_value(out, attain_ratio(a.n, a.pct, &t));
    return true;
}
