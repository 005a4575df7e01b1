/* builtins.c - the built-in functions (docs/language.md §3), one function each, called through
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

/* Element i of the list `v` made from argument `a`, which must be a number. */
static bool element_number(struct evaluator *ev, const struct ast *a, const struct value *v,
                           uint32_t i, double *x)
{
    const struct value *it = &v->items[i];
    if (it->kind != V_NUM || !isfinite(it->n)) {
        const char *what = arena_printf(eval_arena(ev), "%s[%u]", eval_src(ev, a), i);
        if (it->kind == V_NUM)      /* a data value 1e999 (issue 6.9) */
            return eval_fail(ev, a, isnan(it->n) ? M_E_NAN : M_E_HUGE, what);
        return eval_fail(ev, a, M_E_TYPE, what, eval_type_desc(ev, it),
                         msg(eval_lang(ev), M_T_NUMBER));
    }
    *x = it->n;
    return true;
}

/* min(a, b, ...) and max(...), or of the elements of one array argument (not empty): sign -1
 * keeps the smallest, +1 the largest. */
static bool extreme(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    struct value *out, int sign)
{
    const struct ast *a1 = ARG1(e);
    double best = 0, x;
    if (!a1->next) {
        struct value v, list;
        if (!eval_expr(ev, a1, elem, &v))
            return false;
        if (v.kind == V_NUM) {
            *out = v;
            return true;
        }
        if (!is_array(&v))
            return eval_wrong_type(ev, a1, &v, M_T_NUMBER);
        eval_elements(ev, &v, &list);
        if (list.len == 0)
            return eval_fail(ev, a1, M_E_EMPTY, eval_src(ev, a1));
        for (uint32_t i = 0; i < list.len; i++) {
            if (!element_number(ev, a1, &list, i, &x))
                return false;
            if (i == 0 || num_cmp(x, best) * sign > 0)
                best = x;
        }
        num_value(out, best);
        return true;
    }
    for (const struct ast *a = a1; a; a = a->next) {
        if (!eval_number(ev, a, elem, &x))
            return false;
        if (a == a1 || num_cmp(x, best) * sign > 0)
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
    if (num_cmp(x[1], x[2]) > 0) {
        char lo[NUM_BUF], hi[NUM_BUF];
        num_format(lo, sizeof lo, x[1], -1);
        num_format(hi, sizeof hi, x[2], -1);
        return eval_fail(ev, e, M_E_CLAMP, lo, hi);
    }
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
    /* num_round keeps every decimal past 400 and none before -400: the digits are clamped
     * before the conversion to int, which is undefined beyond its range (3e9, issue 6.3) */
    double d = num_round(x[1], 0);
    num_value(out, num_round(x[0], d > 1000 ? 1000 : d < -1000 ? -1000 : (int)d));
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
    double s = 0, x;
    for (uint32_t i = 0; i < v.len; i++) {
        if (!element_number(ev, ARG1(e), &v, i, &x))
            return false;
        s = num_add(s, x);
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

/* number(x): a number, or text as tables write numbers: "1,288.38", "99.7%", " 12 ",
 * full-width digits, and a trailing unit ("52人" is 52, "90万元" is 90: the unit is dropped,
 * never applied). */
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
    if (!num_parse_unit(v.s, v.len, &x))
        return eval_fail(ev, ARG1(e), M_E_NUMBER, eval_src(ev, ARG1(e)), v.s);
    num_value(out, x);
    return true;
}

/* join(arr, sep): the elements as interpolation prints them ({x}), separated by sep. */
static bool bi_join(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    struct value *out)
{
    struct value list, sep;
    if (!eval_list(ev, ARG1(e), elem, &list) || !eval_expr(ev, ARG2(e), elem, &sep))
        return false;
    if (sep.kind != V_STR)
        return eval_wrong_type(ev, ARG2(e), &sep, M_T_STRING);
    struct buf b = {0};
    for (uint32_t i = 0; i < list.len; i++) {
        if (i)
            buf_add(&b, sep.s, sep.len);
        if (!eval_text(ev, ARG1(e), &list.items[i], NULL, &b)) {
            buf_free(&b);
            return false;
        }
    }
    memset(out, 0, sizeof *out);
    out->kind = V_STR;
    out->len = (uint32_t)b.len;
    out->s = arena_strndup(eval_arena(ev), buf_data(&b), b.len);
    buf_free(&b);
    return true;
}

/* A run of min to max ASCII or full-width digits at *s, as a number; advances *s. */
static bool digits(const char **s, const char *end, int min, int max, int *out)
{
    int n = 0, v = 0;
    while (*s < end && n < max) {
        uint32_t cp;
        int k = utf8_decode(*s, (size_t)(end - *s), &cp);
        if (k > 0 && cp >= '0' && cp <= '9')
            v = v * 10 + (int)(cp - '0');
        else if (k > 0 && cp >= 0xFF10 && cp <= 0xFF19)
            v = v * 10 + (int)(cp - 0xFF10);
        else
            break;
        *s += k;
        n++;
    }
    *out = v;
    return n >= min;
}

/* `text` at *s (then advanced past it). */
static bool literal(const char **s, const char *end, const char *text)
{
    size_t n = strlen(text);
    if ((size_t)(end - *s) < n || memcmp(*s, text, n) != 0)
        return false;
    *s += n;
    return true;
}

/* Day number of a civil date: days since 1899-12-30, which is how a spreadsheet numbers the
 * days from 1900-03-01 on (2022-03-15 is 44635). */
static long day_number(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 25569;     /* 719468: 0000-03-01 to 1970-01-01 */
}

/* "2022-03-15", "2022/3/15", "2022.3.15", "2022年3月15日" (blanks around it allowed; digits
 * ASCII or full width): its day number in *day. */
static bool parse_date(const char *s, size_t len, long *day)
{
    static const char *const seps[][3] = {
        {"-", "-", ""}, {"/", "/", ""}, {".", ".", ""}, {"年", "月", "日"},
    };
    const char *end = s + len;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        const char *p = s;
        int y, m, d;
        if (digits(&p, end, 4, 4, &y) && literal(&p, end, seps[k][0])
            && digits(&p, end, 1, 2, &m) && literal(&p, end, seps[k][1])
            && digits(&p, end, 1, 2, &d) && literal(&p, end, seps[k][2]) && p == end) {
            static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] || (m == 2 && d == 29 && !leap))
                return false;
            *day = day_number(y, m, d);
            return true;
        }
    }
    return false;
}

/* date(s): a date as a day number, so that date(b) - date(a) counts days. */
static bool bi_date(struct evaluator *ev, const struct ast *e, const struct value *elem,
                    struct value *out)
{
    struct value v;
    if (!eval_expr(ev, ARG1(e), elem, &v))
        return false;
    if (v.kind != V_STR)
        return eval_wrong_type(ev, ARG1(e), &v, M_T_STRING);
    long day;
    if (!parse_date(v.s, v.len, &day))
        return eval_fail(ev, ARG1(e), M_E_DATE, eval_src(ev, ARG1(e)), v.s);
    num_value(out, (double)day);
    return true;
}

/* attain(actual, target), docs/language.md §11: the reading of table cells is attain.c's. */
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
