/* eval.c - evaluation of expressions and scoring of the indicator tree (docs/language.md §3, §5). */
#include "eval.h"
#include "eval_int.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attain.h"
#include "builtins.h"
#include "json.h"
#include "jsonw.h"
#include "num.h"
#include "utf8.h"

/* A let's value in this data set, once let_value has been asked for it (gen == ev->gen). */
enum let_state { LET_COMPUTING = 1, LET_VALUE, LET_ERROR };

struct let_slot {
    uint64_t gen;               /* == evaluator gen: computed for this data set */
    uint8_t state;              /* enum let_state */
    struct value v;
    struct eval_error *err;
};

struct path_slot {
    uint64_t gen;
    struct value v;
    uint64_t list_gen;          /* == evaluator gen: `list` holds v's elements (an array) */
    struct value list;
};

/* The reads of the rule being evaluated (explain): each text once, in the order first read. */
struct rule_reads {
    struct read *first, *last;
    uint32_t n;
    uint64_t id;                /* the rule's number in read_set's keys */
};

struct evaluator {
    const struct ruleset *rs;
    struct path_slot *paths;    /* plain data paths of this data set, by slot */
    enum lang lang;
    bool prefetch;              /* the rule set is too big for the cache: prefetch_kids */
    struct arena scratch;
    struct buf text;            /* interpolations are made here (nested ones after) */
    struct json_lookup names;   /* hashes of this data set's wide objects, in scratch */
    struct arena *ar;           /* where values are made: scratch, or the rule set's (consts) */
    const cJSON *data;
    struct let_slot *lets;
    uint64_t gen;
    struct eval_error err;      /* the error being raised */
    struct eval_result res;
    uint32_t caperrors;
    bool tracing;
    uint32_t fast_below;        /* eval(): EVAL_MAX_DEPTH, or 0 while tracing (eval_slow) */
    /* explain (tracing only): what the rule being evaluated read so far, for its trace */
    struct rule_reads reads;
    uint64_t nrule_reads;       /* rule_reads numbered so far */
    struct strmap read_set;     /* "ID\x1fTEXT": the reads of a rule past the first few */
    struct buf read_key;
    uint32_t reading;           /* inside a read being noted: what it reads is its own */
    struct ind_result total;    /* the total's own deductions, notes (copied into res) */
    const struct indicator *row_ind;    /* the leaf being scored by eval_score_leaf: */
    double row_weight;                  /* `weight` in its rules reads this */
    /* from rows (§11): this data set's tree, when the rule set has from blocks */
    struct ind_result *static_ind;      /* the results of a tree without rows */
    const struct value *row_elem;       /* `.` in the lets of the row being evaluated */
    struct indicator **map;             /* by the rule set's index: this data set's copy */
    struct indicator **dyn;             /* this data set's indicators, by their index */
    struct value *elems;                /* by index: a row's element */
    uint32_t ndyn, capdyn;
    struct row_error **row_errs;        /* by index: the errors of that indicator's rows */
    uint32_t nrow_errors;               /* rows that do not fit their indicator */
    uint64_t made_gen;                  /* == gen: made_paths and made_names are this data set's */
    struct strmap made_paths, made_names;   /* index_made */
    uint32_t depth;             /* eval() levels in progress, across score(PATH) */
};

/* A data error of the rows under an indicator (a weight sum, a name): reported once that
 * indicator's subtree has been scored, so that every row still shows its score.  Each
 * indicator's are listed apart, in the order found (evaluator row_errs).  Only what the
 * report needs is kept, the message in the arena as long as it is: a from block of 20,000
 * bad rows holds 20,000 of these. */
struct row_error {
    struct span at;
    const char *message;
    struct row_error *next;
    struct row_error *last;     /* the first entry's: the list's last */
};

/* The deepest evaluation: check keeps one expression with the lets it reads within 1000
 * levels, but score(PATH) chains add theirs up (40,000 indicators each reading the next);
 * past this the data set gets an error, never a stack overflow. */
enum { EVAL_MAX_DEPTH = 2000, SCORE_LINK = 10 };

/* Append n to the list at *head, whose first entry keeps the list's last in `last`: the lists
 * that grow with the input (an indicator's deductions, notes and trace, a rule each; the
 * review warnings, a claim each; the errors of rows, a row each) are never walked to append. */
#define LIST_APPEND(head, n)                    \
    do {                                        \
        (n)->next = NULL;                       \
        if (*(head))                            \
            (*(head))->last->next = (n);        \
        else                                    \
            *(head) = (n);                      \
        (*(head))->last = (n);                  \
    } while (0)

void eval_trace(struct evaluator *ev, bool on)
{
    ev->tracing = on;
    ev->fast_below = on ? 0 : EVAL_MAX_DEPTH;
}

/* What was read outside any rule (the id, the rows of from blocks) is no rule's; the next
 * rule starts with no reads. */
static void forget_reads(struct evaluator *ev)
{
    ev->reads = (struct rule_reads){.id = ++ev->nrule_reads};
}

/* Record what a rule did, with what it read; returns the entry (NULL when not tracing). */
static struct trace *trace(struct evaluator *ev, struct ind_result *r, const struct ast *rule,
                           int outcome, double value, const char *text)
{
    if (!ev->tracing)
        return NULL;
    struct trace *t = arena_zalloc(ev->ar, sizeof *t);
    t->rule = rule;
    t->outcome = (uint8_t)outcome;
    t->value = value;
    t->text = text;
    t->reads = ev->reads.first;
    forget_reads(ev);
    LIST_APPEND(&r->trace, t);
    return t;
}

/* Is e a read that explain lists: a let, const, weight, score or score(PATH), or a data path
 * from $ (or from a row's own `.`, not from the element of a where or map)? */
static bool is_read(const struct evaluator *ev, const struct ast *e, const struct value *elem)
{
    switch ((enum ast_kind)e->kind) {
    case AST_E_LET: case AST_E_CONST: case AST_E_WEIGHT: case AST_E_SCORE: case AST_E_RATIO:
    case AST_E_SCOREOF:
        return true;
    case AST_E_FIELD: case AST_E_INDEX:
        while (e->kind == AST_E_FIELD || e->kind == AST_E_INDEX || e->kind == AST_E_SPREAD)
            e = e->a;
        return e->kind == AST_E_ROOT || (e->kind == AST_E_ELEM && elem && elem == ev->row_elem);
    default:
        return false;
    }
}

enum { READS_SCANNED = 8 };     /* a rule's first reads, compared one by one */

/* Note a read with its value, unless this rule read the same text already: among its first
 * few by a scan, past them by read_set (one rule reading 20,000 paths was quadratic). */
static void note_read(struct evaluator *ev, const struct ast *e, const struct value *v)
{
    size_t n, m;
    const char *t = diag_text(&ev->rs->dg, e->at, &n);
    uint32_t k = 0;
    for (const struct read *p = ev->reads.first; p && k < READS_SCANNED; p = p->next, k++) {
        const char *u = diag_text(&ev->rs->dg, p->e->at, &m);
        if (m == n && memcmp(u, t, n) == 0)
            return;
    }
    bool past = ev->reads.n >= READS_SCANNED;
    if (past) {
        ev->read_key.len = 0;
        buf_printf(&ev->read_key, "%" PRIx64 "\x1f%.*s", ev->reads.id, (int)n, t);
        if (strmap_get(&ev->read_set, buf_cstr(&ev->read_key)))
            return;
    }
    struct read *r = arena_alloc(ev->ar, sizeof *r);
    *r = (struct read){e, *v, NULL};
    if (ev->reads.last)
        ev->reads.last->next = r;
    else
        ev->reads.first = r;
    ev->reads.last = r;
    ev->reads.n++;
    if (past)
        strmap_put(&ev->read_set, arena_strndup(&ev->scratch, ev->read_key.data, ev->read_key.len), r);
}

enum lang eval_lang(const struct evaluator *ev)
{
    return ev->lang;
}

/* ---- errors ---- */

static const char *src_of(struct evaluator *ev, const struct ast *e)
{
    size_t n;
    const char *t = diag_text(&ev->rs->dg, e->at, &n);
    if (n > 80) {
        for (n = 80; n > 0 && (t[n] & 0xC0) == 0x80; n--)
            ;
        return arena_printf(ev->ar, "%.*s…", (int)n, t);
    }
    return arena_strndup(ev->ar, t, n);
}

/* The whole source text of `e`, runs of white space made one space: for reasons, printed
 * with "%.*s".  Most expressions are written on one line with single spaces: their text is
 * then quoted where it is in the rule set's source, not copied for every data set. */
struct src_text {
    int len;
    const char *s;
};

static struct src_text src_full(struct evaluator *ev, const struct ast *e)
{
    size_t n;
    const char *t = diag_text(&ev->rs->dg, e->at, &n);
    bool clean = true;
    for (size_t i = 0; i < n && clean; i++)
        clean = t[i] == ' ' ? i + 1 == n || t[i + 1] != ' '
                            : t[i] != '\t' && t[i] != '\r' && t[i] != '\n';
    if (clean)
        return (struct src_text){(int)n, t};
    struct buf b = {0};
    diag_text_line(&ev->rs->dg, e->at, &b);
    t = arena_strndup(ev->ar, buf_data(&b), b.len);
    n = b.len;
    buf_free(&b);
    return (struct src_text){(int)n, t};
}

bool eval_fail(struct evaluator *ev, const struct ast *e, enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    vsnprintf(ev->err.message, sizeof ev->err.message, msg(ev->lang, id), ap);
    va_end(ap);
    ev->err.at = e->at;
    return false;
}

static const char *type_name(struct evaluator *ev, const struct value *v)
{
    switch (v->kind) {
    case V_MISSING: return msg(ev->lang, M_T_MISSING);
    case V_NULL: return msg(ev->lang, M_T_NULL);
    case V_BOOL: return msg(ev->lang, M_T_BOOL);
    case V_NUM: return msg(ev->lang, M_T_NUMBER);
    case V_STR: return msg(ev->lang, M_T_STRING);
    case V_JSON: return msg(ev->lang, cJSON_IsArray(v->j) ? M_T_ARRAY : M_T_OBJECT);
    default: return msg(ev->lang, M_T_ARRAY);
    }
}

/* The type of a value with a glimpse of it: a string ("约一千"), a number (12). */
static const char *type_desc(struct evaluator *ev, const struct value *v)
{
    const char *t = type_name(ev, v);
    /* the value in brackets of the message's language: 字符串（"abc"）, a string ("abc") */
    bool zh = eval_lang(ev) == LANG_ZH;
    const char *open = zh ? "\xEF\xBC\x88" : " (", *close = zh ? "\xEF\xBC\x89" : ")";
    char nb[NUM_BUF];
    switch (v->kind) {
    case V_STR: {
        uint32_t n = v->len;
        if (n > 30)
            for (n = 30; n > 0 && (v->s[n] & 0xC0) == 0x80; n--)
                ;
        return arena_printf(ev->ar, "%s%s\"%.*s%s\"%s", t, open, (int)n, v->s,
                            n < v->len ? "…" : "", close);
    }
    case V_NUM:
        num_format(nb, sizeof nb, v->n, -1);
        return arena_printf(ev->ar, "%s%s%s%s", t, open, nb, close);
    case V_BOOL:
        return arena_printf(ev->ar, "%s%s%s%s", t, open, v->b ? "true" : "false", close);
    default:
        return t;
    }
}

/* `e`'s value `v` is not of the kind wanted. */
static bool wrong_type(struct evaluator *ev, const struct ast *e, const struct value *v,
                       enum msg_id want)
{
    if (v->kind == V_MISSING)
        return eval_fail(ev, e, M_E_MISSING, src_of(ev, e));
    return eval_fail(ev, e, M_E_TYPE, src_of(ev, e), type_desc(ev, v), msg(ev->lang, want));
}

/* A number beyond a double (1e300 * 1e300, a data value 1e999) or NaN reached `e`: an error,
 * so that no Infinity or NaN ever reaches an output (issue 6.9). */
bool eval_not_finite(struct evaluator *ev, const struct ast *e, double x)
{
    return eval_fail(ev, e, isnan(x) ? M_E_NAN : M_E_HUGE, src_of(ev, e));
}

/* ---- values ---- */

/* One switch on the type byte, as cJSON_IsNumber & co. test it (they are calls into the
 * library, and this runs for every value read). */
static void from_json(const cJSON *j, struct value *v)
{
    memset(v, 0, sizeof *v);
    if (!j) {
        v->kind = V_MISSING;
        return;
    }
    switch (j->type & 0xFF) {
    case cJSON_Number:
        v->kind = V_NUM;
        v->n = j->valuedouble;
        break;
    case cJSON_String:
        if (j->valuestring) {
            v->kind = V_STR;
            v->s = j->valuestring;
            v->len = (uint32_t)strlen(j->valuestring);
        } else
            v->kind = V_NULL;
        break;
    case cJSON_True:
    case cJSON_False:
        v->kind = V_BOOL;
        v->b = (j->type & 0xFF) == cJSON_True;
        break;
    case cJSON_Array:
    case cJSON_Object:
        v->kind = V_JSON;
        v->j = j;
        break;
    default:
        v->kind = V_NULL;
    }
}

/* The elements of an array value, as a V_LIST (JSON arrays are converted). */
static void as_list(struct evaluator *ev, const struct value *v, struct value *out)
{
    if (v->kind == V_LIST) {
        *out = *v;
        return;
    }
    uint32_t n = (uint32_t)cJSON_GetArraySize(v->j), i = 0;
    memset(out, 0, sizeof *out);
    out->kind = V_LIST;
    out->items = arena_alloc(ev->ar, (n ? n : 1) * sizeof *out->items);
    for (const cJSON *c = v->j->child; c && i < n; c = c->next)
        from_json(c, &out->items[i++]);
    out->len = i;
}

/* ---- expressions ---- */

static bool eval(struct evaluator *ev, const struct ast *e, const struct value *elem,
                 struct value *out);
static bool let_value(struct evaluator *ev, const struct ast *e, struct value *out);
static bool score_of(struct evaluator *ev, const struct ast *e, struct value *out);

static bool eval_num(struct evaluator *ev, const struct ast *e, const struct value *elem, double *out)
{
    struct value v;
    if (!eval(ev, e, elem, &v))
        return false;
    if (v.kind != V_NUM)
        return wrong_type(ev, e, &v, M_T_NUMBER);
    *out = v.n;
    return true;
}

static bool eval_bool(struct evaluator *ev, const struct ast *e, const struct value *elem, bool *out)
{
    struct value v;
    if (!eval(ev, e, elem, &v))
        return false;
    if (v.kind != V_BOOL)
        return wrong_type(ev, e, &v, M_T_BOOL);
    *out = v.b;
    return true;
}

static bool eval_array(struct evaluator *ev, const struct ast *e, const struct value *elem,
                       struct value *out)
{
    struct value v;
    if (!eval(ev, e, elem, &v))
        return false;
    if (!is_array(&v))
        return wrong_type(ev, e, &v, M_T_ARRAY);
    if (v.kind == V_JSON && e->kind == AST_E_FIELD && e->slot && ev->paths) {
        /* a data array that many rules filter or count ($效益指标 where .完成): its
         * elements listed once per data set (nobody changes a list in place) */
        struct path_slot *p = &ev->paths[e->slot - 1];
        if (p->list_gen != ev->gen) {
            as_list(ev, &v, &p->list);
            p->list_gen = ev->gen;
        }
        *out = p->list;
        return true;
    }
    as_list(ev, &v, out);
    return true;
}

/* obj.name, mapped over a [*] list. */
static bool field(struct evaluator *ev, const struct ast *e, const struct value *obj,
                  struct value *out)
{
    switch (obj->kind) {
    case V_MISSING:
    case V_NULL:                                /* $a.b where $a is null counts as missing */
        memset(out, 0, sizeof *out);
        out->kind = V_MISSING;
        return true;
    case V_JSON:
        if (cJSON_IsObject(obj->j)) {
            from_json(json_get(&ev->names, obj->j, e->str), out);
            return true;
        }
        break;
    case V_LIST:
        if (obj->spread) {
            *out = *obj;
            out->items = arena_alloc(ev->ar, (obj->len ? obj->len : 1) * sizeof *out->items);
            for (uint32_t i = 0; i < obj->len; i++)
                if (!field(ev, e, &obj->items[i], &out->items[i]))
                    return false;
            return true;
        }
        break;
    }
    return eval_fail(ev, e, M_E_NOFIELD, src_of(ev, e->a), type_desc(ev, obj), e->str);
}

static bool index_value(struct evaluator *ev, const struct ast *e, const struct value *arr,
                        const struct value *key, struct value *out)
{
    memset(out, 0, sizeof *out);
    out->kind = V_MISSING;
    if (arr->kind == V_MISSING || arr->kind == V_NULL)
        return true;
    if (arr->kind == V_LIST && arr->spread) {
        *out = *arr;
        out->items = arena_alloc(ev->ar, (arr->len ? arr->len : 1) * sizeof *out->items);
        for (uint32_t i = 0; i < arr->len; i++)
            if (!index_value(ev, e, &arr->items[i], key, &out->items[i]))
                return false;
        return true;
    }
    if (key->kind == V_STR && arr->kind == V_JSON && cJSON_IsObject(arr->j)) {
        from_json(json_get(&ev->names, arr->j, key->s), out);
        return true;
    }
    if (!is_array(arr))
        return wrong_type(ev, e->a, arr, M_T_ARRAY);
    if (key->kind != V_NUM)
        return wrong_type(ev, e->b, key, M_T_NUMBER);
    double k = num_canon(key->n);
    if (k < 0 || k != floor(k))
        return true;
    if (arr->kind == V_LIST) {
        if (k < arr->len)
            *out = arr->items[(uint32_t)k];
        return true;
    }
    if (k < 2147483647.0)
        from_json(cJSON_GetArrayItem(arr->j, (int)k), out);
    return true;
}

static bool equal(const struct value *a, const struct value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case V_NULL: return true;
    case V_BOOL: return a->b == b->b;
    case V_NUM: return num_cmp(a->n, b->n) == 0;
    case V_STR: return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    case V_JSON: return a->j == b->j;
    default: return false;
    }
}

static bool arith(struct evaluator *ev, const struct ast *e, const struct value *elem,
                  struct value *out)
{
    struct value a, b;
    if (!eval(ev, e->a, elem, &a) || !eval(ev, e->b, elem, &b))
        return false;
    if (e->op == OP_ADD && a.kind == V_STR && b.kind == V_STR) {
        char *s = arena_alloc(ev->ar, (size_t)a.len + b.len + 1);
        memcpy(s, a.s, a.len);
        memcpy(s + a.len, b.s, b.len);
        s[a.len + b.len] = '\0';
        memset(out, 0, sizeof *out);
        out->kind = V_STR;
        out->s = s;
        out->len = a.len + b.len;
        return true;
    }
    if (a.kind != V_NUM)
        return wrong_type(ev, e->a, &a, M_T_NUMBER);
    if (b.kind != V_NUM)
        return wrong_type(ev, e->b, &b, M_T_NUMBER);
    double r;
    switch (e->op) {
    /* A difference loses the leading digits its operands share, and the binary noise of
     * their last digits would then show in the 15-digit form (100% - 94% is
     * 0.06000000000000005, and ceil((100% - 94%) / 1%) would be 7): it is taken to the
     * operands' 15 digits instead (§5: the decimal form decides). */
    case OP_ADD: r = (a.n < 0) == (b.n < 0) ? a.n + b.n : num_sub(a.n, -b.n); break;
    case OP_SUB: r = (a.n < 0) != (b.n < 0) ? a.n - b.n : num_sub(a.n, b.n); break;
    case OP_MUL: r = a.n * b.n; break;
    default:
        if (b.n == 0)
            return eval_fail(ev, e->b, M_E_DIV0, src_of(ev, e->b));
        r = a.n / b.n;
        break;
    }
    num_value(out, r);      /* beyond a double: eval() says so */
    return true;
}

/* Text of a value inside a string: {x}, {x:%}, {x:.2}. */
static bool to_text(struct evaluator *ev, const struct ast *e, const struct value *v,
                    const char *fmt, struct buf *b)
{
    if (v->kind == V_NUM && !isfinite(v->n))
        return eval_not_finite(ev, e, v->n);
    if (v->kind == V_NUM || (fmt && *fmt))
        buf_reserve(b, NUM_BUF);        /* numbers are printed in place, not copied */
    if (fmt && *fmt) {
        if (v->kind != V_NUM)
            return wrong_type(ev, e, v, M_T_NUMBER);
        char *at = b->data + b->len;
        b->len += fmt[0] == '%' ? num_format_pct(at, NUM_BUF, v->n)
                                : num_format_fixed(at, NUM_BUF, v->n, atoi(fmt + 1));
        return true;
    }
    switch (v->kind) {
    case V_MISSING: return wrong_type(ev, e, v, M_T_STRING);
    case V_NULL: buf_adds(b, "null"); return true;
    case V_BOOL: buf_adds(b, v->b ? "true" : "false"); return true;
    case V_NUM:
        b->len += num_format(b->data + b->len, NUM_BUF, v->n, ev->rs->precision);
        return true;
    case V_STR: buf_add(b, v->s, v->len); return true;
    case V_JSON: {
        char *s = cJSON_PrintUnformatted(v->j);
        if (s)
            buf_adds(b, s);
        free(s);
        return true;
    }
    default:
        buf_addc(b, '[');
        for (uint32_t i = 0; i < v->len; i++) {
            if (i)
                buf_addc(b, ',');
            bool str = v->items[i].kind == V_STR;
            if (str)
                buf_addc(b, '"');
            if (!to_text(ev, e, &v->items[i], NULL, b))
                return false;
            if (str)
                buf_addc(b, '"');
        }
        buf_addc(b, ']');
        return true;
    }
}

static bool interp(struct evaluator *ev, const struct ast *e, const struct value *elem,
                   struct value *out)
{
    struct buf *b = &ev->text;      /* the text is made at its end, then cut off again */
    size_t start = b->len;
    bool ok = true;
    for (const struct ast *p = e->kids; p && ok; p = p->next) {
        if (p->kind == AST_E_STR) {
            buf_add(b, p->str, p->len);
            continue;
        }
        struct value v;
        ok = eval(ev, p->a, elem, &v) && to_text(ev, p->a, &v, p->c ? p->c->str : NULL, b);
    }
    if (ok) {
        memset(out, 0, sizeof *out);
        out->kind = V_STR;
        out->len = (uint32_t)(b->len - start);
        out->s = arena_strndup(ev->ar, b->data ? b->data + start : "", b->len - start);
    }
    b->len = start;
    return ok;
}

static bool where(struct evaluator *ev, const struct ast *e, const struct value *elem,
                  struct value *out)
{
    struct value arr;
    if (!eval_array(ev, e->a, elem, &arr))
        return false;
    memset(out, 0, sizeof *out);
    out->kind = V_LIST;
    out->items = arena_alloc(ev->ar, (arr.len ? arr.len : 1) * sizeof *out->items);
    for (uint32_t i = 0; i < arr.len; i++) {
        bool keep = false;
        if (!eval_bool(ev, e->b, &arr.items[i], &keep))
            return false;
        if (keep)
            out->items[out->len++] = arr.items[i];
    }
    return true;
}

/* arr map expr: expr for each element, `.` being the element. */
static bool map(struct evaluator *ev, const struct ast *e, const struct value *elem,
                struct value *out)
{
    struct value arr;
    if (!eval_array(ev, e->a, elem, &arr))
        return false;
    memset(out, 0, sizeof *out);
    out->kind = V_LIST;
    out->items = arena_alloc(ev->ar, (arr.len ? arr.len : 1) * sizeof *out->items);
    for (uint32_t i = 0; i < arr.len; i++)
        if (!eval(ev, e->b, &arr.items[i], &out->items[i]))
            return false;
    out->len = arr.len;
    return true;
}

static bool case_expr(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    struct value subject;
    if (e->a && !eval(ev, e->a, elem, &subject))
        return false;
    for (const struct ast *arm = e->kids; arm; arm = arm->next) {
        bool hit = false;
        if (e->a) {
            struct value v;
            if (!eval(ev, arm->a, elem, &v))
                return false;
            if (subject.kind == V_MISSING)
                return wrong_type(ev, e->a, &subject, M_T_NUMBER);
            hit = equal(&subject, &v);
        } else if (!eval_bool(ev, arm->a, elem, &hit))
            return false;
        if (hit)
            return eval(ev, arm->b, elem, out);
    }
    if (e->c)
        return eval(ev, e->c, elem, out);
    memset(out, 0, sizeof *out);
    out->kind = V_NULL;
    return true;
}

/* A built-in: a call through the table (builtins.c). */
static bool call(struct evaluator *ev, const struct ast *e, const struct value *elem,
                 struct value *out)
{
    return builtin_table[e->op].fn(ev, e, elem, out);
}

/* ---- what builtins.c uses (eval_int.h) ---- */

bool eval_expr(struct evaluator *ev, const struct ast *e, const struct value *elem,
               struct value *out)
{
    return eval(ev, e, elem, out);
}

bool eval_number(struct evaluator *ev, const struct ast *e, const struct value *elem, double *out)
{
    return eval_num(ev, e, elem, out);
}

bool eval_list(struct evaluator *ev, const struct ast *e, const struct value *elem,
               struct value *out)
{
    return eval_array(ev, e, elem, out);
}

void eval_elements(struct evaluator *ev, const struct value *v, struct value *out)
{
    as_list(ev, v, out);
}

bool eval_text(struct evaluator *ev, const struct ast *e, const struct value *v, const char *fmt,
               struct buf *b)
{
    return to_text(ev, e, v, fmt, b);
}

bool eval_wrong_type(struct evaluator *ev, const struct ast *e, const struct value *v,
                     enum msg_id want)
{
    return wrong_type(ev, e, v, want);
}

const char *eval_src(struct evaluator *ev, const struct ast *e)
{
    return src_of(ev, e);
}

const char *eval_type_desc(struct evaluator *ev, const struct value *v)
{
    return type_desc(ev, v);
}

struct arena *eval_arena(struct evaluator *ev)
{
    return ev->ar;
}

/* This data set's version of an indicator the rules name (score(PATH), `weight`): with from
 * blocks, every indicator is copied per data set (§11). */
static const struct indicator *cur(const struct evaluator *ev, const struct indicator *ind)
{
    return ev->map && ind && !ind->orig && !ind->from && ind->index < ev->rs->nall
           ? ev->map[ind->index] : ind;
}

static const struct ind_result *result_of(struct evaluator *ev, const struct indicator *ind)
{
    return &ev->res.ind[cur(ev, ind)->index];
}

static bool eval_node(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out);
static bool eval_read(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out);
static bool eval_slow(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out) __attribute__((noinline));
static bool eval_deep(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out) __attribute__((noinline));

/* ok, unless the number e evaluated to is not finite (an error). */
static bool finite_result(struct evaluator *ev, const struct ast *e, bool ok,
                          const struct value *out)
{
    if (ok && out->kind == V_NUM && !isfinite(out->n))
        return eval_not_finite(ev, e, out->n);
    return ok;
}

/* The value of e, the long way: explain's (tracing) evaluations, which note what they read,
 * and any past EVAL_MAX_DEPTH (an error).  Not inlined: eval() stays a small frame. */
static bool eval_slow(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    if (ev->depth >= EVAL_MAX_DEPTH)
        return eval_fail(ev, e, M_TOO_DEEP);
    if (!ev->tracing)
        return eval_deep(ev, e, elem, out);
    ev->depth++;
    bool ok = eval_read(ev, e, elem, out);
    ev->depth--;
    return finite_result(ev, e, ok, out);
}

/* eval() of the other nodes, by eval_node (apart, so that eval() itself needs no frame). */
static bool eval_deep(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    ev->depth++;
    bool ok = eval_node(ev, e, elem, out);
    ev->depth--;
    return finite_result(ev, e, ok, out);
}

/* The value of e.  What is known already (a data path or let read before in this data set, a
 * const), numbers and the element (about half of all evaluations) are taken here, without
 * eval_node's frame.  ev->fast_below is EVAL_MAX_DEPTH, or 0 while tracing: one test sends
 * both explain and a too deep evaluation to eval_slow. */
static bool eval(struct evaluator *ev, const struct ast *e, const struct value *elem,
                 struct value *out)
{
    if (ev->depth >= ev->fast_below)
        return eval_slow(ev, e, elem, out);
    const struct value *v;
    switch ((enum ast_kind)e->kind) {
    case AST_E_NUM:
        num_value(out, e->num);
        goto number;
    case AST_E_ELEM:
        v = elem;
        break;
    case AST_E_FIELD:
        if (!e->slot || !ev->paths || ev->paths[e->slot - 1].gen != ev->gen)
            goto deep;
        v = &ev->paths[e->slot - 1].v;
        break;
    case AST_E_LET: {
        const struct let_slot *s = &ev->lets[((const struct binding *)e->ref)->slot];
        if (s->gen != ev->gen || s->state != LET_VALUE)
            goto deep;
        v = &s->v;
        break;
    }
    case AST_E_CONST:
        v = &((const struct binding *)e->ref)->cval;
        break;
    default:
        goto deep;
    }
    *out = *v;
    if (out->kind != V_NUM)
        return true;
number:
    if (!isfinite(out->n))
        return eval_not_finite(ev, e, out->n);
    return true;
deep:
    return eval_deep(ev, e, elem, out);
}

/* eval_node for explain: a read is noted with its value once evaluated; what it reads itself
 * (a let's definition, an index) is not. */
static bool eval_read(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    bool noted = !ev->reading && is_read(ev, e, elem);
    ev->reading += noted;
    bool ok = eval_node(ev, e, elem, out);
    ev->reading -= noted;
    if (ok && noted)
        note_read(ev, e, out);
    return ok;
}

static bool eval_node(struct evaluator *ev, const struct ast *e, const struct value *elem,
                      struct value *out)
{
    switch ((enum ast_kind)e->kind) {
    case AST_E_NUM:
        num_value(out, e->num);
        return true;
    case AST_E_STR:
        memset(out, 0, sizeof *out);
        out->kind = V_STR;
        out->s = e->str;
        out->len = e->len;
        return true;
    case AST_E_INTERP:
        return interp(ev, e, elem, out);
    case AST_E_BOOL:
        bool_value(out, e->num != 0);
        return true;
    case AST_E_NULL:
        memset(out, 0, sizeof *out);
        out->kind = V_NULL;
        return true;
    case AST_E_ROOT:
        from_json(ev->data, out);
        return true;
    case AST_E_ELEM:
        *out = *elem;
        return true;
    case AST_E_FIELD: {
        struct value obj;
        if (e->slot && ev->paths) {     /* $a.b: looked up once per data set */
            struct path_slot *p = &ev->paths[e->slot - 1];
            if (p->gen == ev->gen) {
                *out = p->v;
                return true;
            }
            if (!eval(ev, e->a, elem, &obj) || !field(ev, e, &obj, out))
                return false;
            p->gen = ev->gen;
            p->v = *out;
            return true;
        }
        return eval(ev, e->a, elem, &obj) && field(ev, e, &obj, out);
    }
    case AST_E_INDEX: {
        struct value arr, key;
        return eval(ev, e->a, elem, &arr) && eval(ev, e->b, elem, &key)
               && index_value(ev, e, &arr, &key, out);
    }
    case AST_E_SPREAD: {
        struct value arr;
        if (!eval(ev, e->a, elem, &arr))
            return false;
        if (arr.kind == V_MISSING || arr.kind == V_NULL) {
            *out = arr;
            out->kind = V_MISSING;
            return true;
        }
        if (!is_array(&arr))
            return wrong_type(ev, e->a, &arr, M_T_ARRAY);
        as_list(ev, &arr, out);
        out->spread = 1;
        return true;
    }
    case AST_E_LET:
        return let_value(ev, e, out);
    case AST_E_CONST:
        *out = ((const struct binding *)e->ref)->cval;
        return true;
    case AST_E_WEIGHT:
        num_value(out, !e->ref ? ev->res.max : e->ref == ev->row_ind ? ev->row_weight
                                            : cur(ev, e->ref)->weight);
        return true;
    case AST_E_SCOREOF:
        return score_of(ev, e, out);
    case AST_E_MAP:
        return map(ev, e, elem, out);
    case AST_E_SCORE:
    case AST_E_RATIO: {
        const struct indicator *ind = cur(ev, e->ref);
        double s = ind ? result_of(ev, ind)->score : ev->res.score;
        double w = ind ? ind->weight : ev->res.max;
        if (e->kind == AST_E_RATIO) {
            if (w == 0)
                return eval_fail(ev, e, M_E_DIV0, "weight");
            s = s / w;
        }
        num_value(out, s);
        return true;
    }
    case AST_E_CALL:
        return call(ev, e, elem, out);
    case AST_E_NEG: {
        double x = 0;
        if (!eval_num(ev, e->a, elem, &x))
            return false;
        num_value(out, -x);
        return true;
    }
    case AST_E_NOT: {
        bool b = false;
        if (!eval_bool(ev, e->a, elem, &b))
            return false;
        bool_value(out, !b);
        return true;
    }
    case AST_E_BIN:
        if (e->op >= OP_EQ) {
            /* comparisons see the element too */
            struct value a, b;
            if (!eval(ev, e->a, elem, &a) || !eval(ev, e->b, elem, &b))
                return false;
            if (a.kind == V_MISSING)
                return wrong_type(ev, e->a, &a, M_T_NUMBER);
            if (b.kind == V_MISSING)
                return wrong_type(ev, e->b, &b, M_T_NUMBER);
            if (e->op == OP_EQ || e->op == OP_NE) {
                bool eq = equal(&a, &b);
                bool_value(out, e->op == OP_EQ ? eq : !eq);
                return true;
            }
            int c;
            if (a.kind == V_NUM && b.kind == V_NUM)
                c = num_cmp(a.n, b.n);
            else if (a.kind == V_STR && b.kind == V_STR) {
                uint32_t n = a.len < b.len ? a.len : b.len;
                c = memcmp(a.s, b.s, n);
                c = c ? (c > 0 ? 1 : -1) : (a.len > b.len) - (a.len < b.len);
            } else if (b.kind == V_NUM || (b.kind == V_STR && a.kind != V_NUM))
                /* blame the side that does not match a number or string on the other */
                return wrong_type(ev, e->a, &a, b.kind == V_NUM ? M_T_NUMBER : M_T_STRING);
            else
                return wrong_type(ev, e->b, &b, a.kind == V_STR ? M_T_STRING : M_T_NUMBER);
            bool_value(out, e->op == OP_LT ? c < 0 : e->op == OP_LE ? c <= 0
                            : e->op == OP_GT ? c > 0 : c >= 0);
            return true;
        }
        return arith(ev, e, elem, out);
    case AST_E_AND:
    case AST_E_OR: {
        bool b = false;
        if (!eval_bool(ev, e->a, elem, &b))
            return false;
        if (b == (e->kind == AST_E_OR)) {
            bool_value(out, b);
            return true;
        }
        if (!eval_bool(ev, e->b, elem, &b))
            return false;
        bool_value(out, b);
        return true;
    }
    case AST_E_COAL:
        if (!eval(ev, e->a, elem, out))
            return false;
        if (out->kind == V_MISSING || out->kind == V_NULL)
            return eval(ev, e->b, elem, out);
        return true;
    case AST_E_IF: {
        bool b = false;
        if (!eval_bool(ev, e->a, elem, &b))
            return false;
        return eval(ev, b ? e->b : e->c, elem, out);
    }
    case AST_E_CASE:
        return case_expr(ev, e, elem, out);
    case AST_E_WHERE:
        return where(ev, e, elem, out);
    default:
        memset(out, 0, sizeof *out);
        out->kind = V_NULL;
        return true;
    }
}

/* A let: computed at most once per data set, only when used; its error is remembered too. */
static bool let_value(struct evaluator *ev, const struct ast *e, struct value *out)
{
    const struct binding *b = e->ref;
    struct let_slot *s = &ev->lets[b->slot];
    if (s->gen == ev->gen) {
        if (s->state == LET_VALUE) {
            *out = s->v;
            return true;
        }
        if (s->state == LET_ERROR) {
            ev->err = *s->err;
            return false;
        }
    }
    s->gen = ev->gen;
    s->state = LET_COMPUTING;
    const struct value *elem = b->owner && b->owner->decl->kind == AST_S_FROM ? ev->row_elem : NULL;
    if (!eval(ev, b->decl->a, elem, &s->v)) {
        s->state = LET_ERROR;
        s->err = arena_alloc(ev->ar, sizeof *s->err);
        *s->err = ev->err;
        return false;
    }
    s->state = LET_VALUE;
    *out = s->v;
    return true;
}

/* ---- scoring ---- */

/* List an error of the result: its message is in the arena already (kept, not copied). */
static struct result_error *put_error(struct evaluator *ev, const struct indicator *ind,
                                      struct span at, const char *message)
{
    struct eval_result *r = &ev->res;
    if (r->nerrors == ev->caperrors) {
        uint32_t cap = ev->caperrors ? 2 * ev->caperrors : 8;
        struct result_error *v = arena_alloc(ev->ar, cap * sizeof *v);
        if (r->nerrors)
            memcpy(v, r->errors, r->nerrors * sizeof *v);
        r->errors = v;
        ev->caperrors = cap;
    }
    struct result_error *e = &r->errors[r->nerrors++];
    char where[sizeof ev->err.at_text];
    diag_where(&ev->rs->dg, at, where, sizeof where);
    e->ind = ind;
    e->at = at;
    e->at_text = arena_strndup(ev->ar, where, strlen(where));
    e->message = message;
    return e;
}

/* List the error raised (ev->err, or a copy of it). */
static struct result_error *add_error(struct evaluator *ev, const struct indicator *ind,
                                      const struct eval_error *err)
{
    return put_error(ev, ind, err->at, arena_strndup(ev->ar, err->message, strlen(err->message)));
}

/* Record an entry of `points` (already rounded); returns it. */
static struct deduction *add_deduction(struct evaluator *ev, struct ind_result *r, double points,
                                       const struct value *reason)
{
    struct deduction *d = arena_alloc(ev->ar, sizeof *d);
    d->points = points;
    d->reason = reason->s;
    d->reason_len = reason->len;
    LIST_APPEND(&r->ded, d);
    return d;
}

static void add_note(struct evaluator *ev, struct ind_result *r, const struct value *text)
{
    struct note *n = arena_alloc(ev->ar, sizeof *n);
    n->text = text->s;
    n->len = text->len;
    LIST_APPEND(&r->notes, n);
}

/* Points as reasons and messages print them, into b (NUM_BUF bytes); returns b. */
static const char *fmt_points(struct evaluator *ev, double v, char *b)
{
    num_format(b, NUM_BUF, v, ev->rs->precision);
    return b;
}

static double round_p(struct evaluator *ev, double v)
{
    return num_round(v, ev->rs->precision);
}

/* A string value of the text s. */
static void text_value(struct value *v, const char *s)
{
    memset(v, 0, sizeof *v);
    v->kind = V_STR;
    v->s = s;
    v->len = (uint32_t)strlen(s);
}

/* The reason of a rule (a string value): its reason string, or one made from its source text
 * (a deduct's with the points it took). */
static bool reason_of(struct evaluator *ev, const struct ast *rule, double points,
                      const struct value *elem, struct value *out)
{
    if (rule->c)
        return eval(ev, rule->c, elem, out);
    struct src_text t;
    if (rule->kind == AST_S_DEDUCT) {
        char nb[NUM_BUF];
        t = src_full(ev, rule->b ? rule->b : rule->a);
        text_value(out, arena_printf(ev->ar, "扣 %s 分：%.*s", fmt_points(ev, points, nb), t.len,
                                     t.s));
        return true;
    }
    const char *label = rule->kind == AST_S_FAIL ? "不得分" : "不适用";     /* fail, skip */
    if (!rule->b) {
        text_value(out, label);
        return true;
    }
    t = src_full(ev, rule->b);
    text_value(out, arena_printf(ev->ar, "%s：%.*s", label, t.len, t.s));
    return true;
}

static bool cond_holds(struct evaluator *ev, const struct ast *cond, const struct value *elem,
                       bool *out)
{
    if (!cond) {
        *out = true;
        return true;
    }
    return eval_bool(ev, cond, elem, out);
}

static double clamp_weight(double s, double w)
{
    return s < 0 ? 0 : num_cmp(s, w) > 0 ? w : s;
}

/* The first true band of a grades block, by the score already in place, into r->grade and
 * r->grade_reason; the bands tried are traced. */
static bool grade_of(struct evaluator *ev, const struct ast *grades, struct ind_result *r)
{
    r->grade = r->grade_reason = NULL;
    for (const struct ast *band = grades->kids; band; band = band->next) {
        bool hit = false;
        if (!cond_holds(ev, band->b, NULL, &hit))
            return false;
        if (hit) {
            struct value v;
            if (band->a && !eval(ev, band->a, NULL, &v))
                return false;
            r->grade = band->str;
            r->grade_reason = band->a ? v.s : NULL;
            trace(ev, r, band, T_FIRED, 0, r->grade_reason);
            return true;
        }
        trace(ev, r, band, T_NOT_FIRED, 0, NULL);
    }
    return true;
}

/* *fired: rule, when it is of `kind` and fires (its condition holds, or it has none); NULL
 * when it is of another kind or does not fire (then traced as not fired).  False on an error.
 * Guards, notes and deducts each walk the rules with it for their kind, in source order. */
static inline bool firing(struct evaluator *ev, struct ind_result *r, const struct ast *rule,
                          enum ast_kind kind, const struct value *elem, const struct ast **fired)
{
    *fired = NULL;
    if (rule->kind != kind)
        return true;
    bool hit = false;
    if (!cond_holds(ev, rule->b, elem, &hit))
        return false;
    if (hit)
        *fired = rule;
    else
        trace(ev, r, rule, T_NOT_FIRED, 0, NULL);
    return true;
}

/* The rules of an indicator (or of the total) that are guards or notes.  Rules of `kind`
 * (S_SKIP or S_FAIL) in source order: the first that fires, in *fired (NULL: none), with
 * its reason. */
static bool first_guard(struct evaluator *ev, struct ind_result *r, struct ast *const *rules,
                        uint32_t n, enum ast_kind kind, const struct value *elem,
                        const struct ast **fired, struct value *why)
{
    *fired = NULL;
    for (uint32_t k = 0; k < n; k++) {
        const struct ast *rule;
        if (!firing(ev, r, rules[k], kind, elem, &rule))
            return false;
        if (!rule)
            continue;
        *fired = rule;
        if (!reason_of(ev, rule, 0, elem, why))
            return false;
        trace(ev, r, rule, T_FIRED, 0, why->s);
        return true;
    }
    return true;
}

/* Every note rule, in source order (notes are always evaluated). */
static bool run_notes(struct evaluator *ev, struct ind_result *r, struct ast *const *rules,
                      uint32_t n, const struct value *elem)
{
    for (uint32_t k = 0; k < n; k++) {
        const struct ast *rule;
        if (!firing(ev, r, rules[k], AST_S_NOTE, elem, &rule))
            return false;
        if (!rule)
            continue;
        struct value v;
        if (!eval(ev, rule->a, elem, &v))
            return false;
        if (v.kind != V_STR) {
            struct buf b = {0};
            bool ok = to_text(ev, rule->a, &v, NULL, &b);
            if (ok) {
                v.s = arena_strndup(ev->ar, buf_data(&b), b.len);
                v.kind = V_STR;
            }
            buf_free(&b);
            if (!ok)
                return false;
        }
        trace(ev, r, rule, T_FIRED, 0, v.s);
        add_note(ev, r, &v);
    }
    return true;
}

/* §5: each deduct that fires, in source order, takes min(round(amount), what is left) and
 * records exactly that (扣完为止).  r->score keeps `running` meanwhile (what a parent's or the
 * total's own rules read as `score`) and is the final score afterwards. */
static bool take_deducts(struct evaluator *ev, struct ind_result *r, struct ast *const *rules,
                         uint32_t n, const struct value *elem, double running)
{
    r->score = running;
    for (uint32_t k = 0; k < n; k++) {
        const struct ast *rule;
        if (!firing(ev, r, rules[k], AST_S_DEDUCT, elem, &rule))
            return false;
        if (!rule)
            continue;
        double amount = 0;
        if (!eval_num(ev, rule->a, elem, &amount))
            return false;
        char nb[NUM_BUF];
        if (num_cmp(amount, 0) < 0)
            return eval_fail(ev, rule->a, M_E_NEGATIVE, src_of(ev, rule->a),
                             fmt_points(ev, amount, nb));
        amount = round_p(ev, amount);
        if (num_cmp(amount, 0) == 0) {
            trace(ev, r, rule, T_VALUE, 0, NULL);
            continue;       /* an amount of 0 records nothing */
        }
        double points = num_cmp(amount, running) > 0 ? running : amount;
        struct value reason;
        if (!reason_of(ev, rule, points, elem, &reason))
            return false;
        trace(ev, r, rule, T_FIRED, amount, reason.s);
        add_deduction(ev, r, points, &reason);
        running = round_p(ev, running - points);
    }
    r->score = running;
    return true;
}

static void set_skipped(struct evaluator *ev, const struct indicator *ind, double weight)
{
    struct ind_result *r = &ev->res.ind[ind->index];
    r->state = IS_SKIPPED;
    r->left_out = ind->left_out;
    r->score = weight;
    r->applicable = weight;
}

/* A skipped parent skips its whole subtree. */
static void skip_subtree(struct evaluator *ev, const struct indicator *ind)
{
    set_skipped(ev, ind, ind->weight);
    for (uint32_t k = 0; k < ind->nkids; k++)
        skip_subtree(ev, ind->kids[k]);
}

/* An indicator with an error: no score, the error's message kept in r->error. */
static void error_state(struct ind_result *r, const char *message)
{
    r->state = IS_ERROR;
    r->failed = false;
    r->ded = NULL;
    r->notes = NULL;
    r->grade = r->grade_reason = NULL;
    r->error = message;
}

/* The indicator's own rules failed: its error listed. */
static void indicator_error(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    error_state(r, add_error(ev, ind, &ev->err)->message);
}

/* The skip guards; true when one fired (the indicator is then skipped, its reason a note). */
static bool skip_guard(struct evaluator *ev, const struct indicator *ind, struct ind_result *r,
                       const struct value *elem, bool *fired)
{
    const struct ast *rule;
    struct value why;
    *fired = false;
    if (!first_guard(ev, r, ind->skips, ind->nskips, AST_S_SKIP, elem, &rule, &why))
        return false;
    if (rule) {
        *fired = true;
        add_note(ev, r, &why);  /* why it does not apply */
    }
    return true;
}

/* The grades of an indicator, by its final score. */
static bool grade_indicator(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    return !ind->grades || grade_of(ev, ind->grades, r);
}

/* A skipped indicator that scores its full weight (na full) has a grade by that score. */
static bool skipped_grade(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    return r->left_out || grade_indicator(ev, ind, r);
}

bool eval_score_leaf(struct evaluator *ev, const struct indicator *ind, double weight,
                     const struct value *elem, struct ind_result *r)
{
    const struct indicator *row_ind = ev->row_ind;
    double row_weight = ev->row_weight;
    ev->row_ind = ind->tmpl ? ind->tmpl : ind;  /* a row's `weight` refers to its template */
    ev->row_weight = weight;
    bool fired = false, ok = skip_guard(ev, ind, r, elem, &fired);
    if (ok && fired) {
        r->state = IS_SKIPPED;
        r->left_out = ind->left_out;
        r->score = r->applicable = weight;
        ok = run_notes(ev, r, ind->rules, ind->nrules, elem) && skipped_grade(ev, ind, r);
        goto done;
    }
    r->applicable = weight;
    const struct ast *fail = NULL;
    struct value why;
    if (ok)
        ok = first_guard(ev, r, ind->rules, ind->nrules, AST_S_FAIL, elem, &fail, &why);
    if (ok && fail) {
        add_deduction(ev, r, weight, &why);
        r->failed = true;
        r->score = 0;
    } else if (ok) {
        double base = weight;
        if (ind->score)
            ok = eval_num(ev, ind->score->a, elem, &base);
        double start = ok ? round_p(ev, clamp_weight(base, weight)) : 0;
        if (ok && num_cmp(start, weight) < 0) {
            struct value reason;
            if (!ind->score)
                text_value(&reason, "");    /* a weight finer than the precision: check.c
                                               refuses it */
            else if (ind->score->c)
                ok = eval(ev, ind->score->c, elem, &reason);
            else {
                char sb[NUM_BUF], wb[NUM_BUF];
                struct src_text t = src_full(ev, ind->score->a);
                text_value(&reason, arena_printf(ev->ar, "得分 %s 分（满分 %s 分）：%.*s",
                                                 fmt_points(ev, start, sb),
                                                 fmt_points(ev, weight, wb), t.len, t.s));
            }
            if (ok)
                add_deduction(ev, r, round_p(ev, weight - start), &reason);
        }
        if (ok && ind->score)       /* traced with what its reason read too */
            trace(ev, r, ind->score, T_VALUE, base, NULL);
        /* the fails were evaluated already (none fired): only deducts are left */
        ok = ok && take_deducts(ev, r, ind->rules, ind->nrules, elem, start);
    }
    ok = ok && run_notes(ev, r, ind->rules, ind->nrules, elem);
    if (ok)
        r->state = IS_OK;
    ok = ok && grade_indicator(ev, ind, r);
done:
    ev->row_ind = row_ind;
    ev->row_weight = row_weight;
    if (!ok)
        indicator_error(ev, ind, r);
    return ok;
}

/* A parent's or the total's own rules over its running score: the fail guards first (the
 * first that fires takes all that is left; the deducts are then not evaluated), else the
 * deducts. */
static bool take_points(struct evaluator *ev, struct ind_result *r, struct ast *const *rules,
                        uint32_t n, double running)
{
    r->score = running;
    const struct ast *fired;
    struct value why;
    if (!first_guard(ev, r, rules, n, AST_S_FAIL, NULL, &fired, &why))
        return false;
    if (fired) {
        add_deduction(ev, r, running, &why);
        r->failed = true;
        r->score = 0;
        return true;
    }
    return take_deducts(ev, r, rules, n, NULL, running);
}

static void score_indicator(struct evaluator *ev, const struct indicator *ind);

/* explain: a na rescale of `sum` over the applicable weight `room` gave `value`. */
static void trace_rescale(struct evaluator *ev, struct ind_result *r, double value, double sum,
                          double room)
{
    struct trace *t = trace(ev, r, NULL, T_RESCALE, value, NULL);
    if (t) {
        t->sum = sum;
        t->room = room;
    }
}

/* Indicators from which a rule set's syntax (about 2 KB a rich leaf) outgrows the caches. */
enum { PREFETCH_FROM = 1000 };

/* A big rule set (10,000 leaves and more) does not fit in the cache: scoring each leaf would
 * wait for its indicator, its result and its syntax one pointer after the other.  So a
 * parent, while it scores one child, asks memory for what the next ones need: the indicator
 * two ahead, and for the one next (whose indicator is then at hand) its result and its syntax
 * (rules, lets and their expressions: the parser makes them just before the S_INDICATOR
 * node, about 1 to 2 KB for a leaf, asked for nearest first: the hints past what the
 * processor can track are dropped).  Only hints: where things are is no matter of
 * correctness (issue 12.4: 10,000 rich leaves, 1.5 -> 0.9 µs a leaf and data set with the
 * syntax alone, about 20% less again with the indicator and result). */
static void prefetch_kids(const struct evaluator *ev, struct indicator *const *kids, uint32_t n,
                          uint32_t k)
{
    enum { SYNTAX = 2048 };
    if (!ev->prefetch)      /* a small rule set stays in the cache: the hints would only cost */
        return;
    if (k + 2 < n)
        for (size_t off = 0; off < sizeof **kids; off += 64)
            __builtin_prefetch((const char *)kids[k + 2] + off);
    if (k + 1 < n) {
        const struct indicator *next = kids[k + 1];
        uintptr_t decl = (uintptr_t)next->decl;     /* an address, never read through */
        for (uintptr_t off = 0; off < SYNTAX && off <= decl; off += 64)     /* nearest first */
            __builtin_prefetch((const void *)(decl - off));
        if (next->index < ev->rs->nall && !ev->map)
            __builtin_prefetch(&ev->res.ind[next->index]);
    }
}

/* Sum the children of a scored (not skipped) parent: the applicable ones' scores, and the
 * weight left out below it (children skipped under na rescale, and what their own subtrees
 * left out, unless they redistribute it themselves).  False when a child has no score. */
static bool sum_children(struct evaluator *ev, const struct indicator *ind, double *sum,
                         double *left_out, bool *all_skipped)
{
    bool ok = true;
    *sum = *left_out = 0;
    *all_skipped = true;
    for (uint32_t k = 0; k < ind->nkids; k++) {
        const struct indicator *kid = ind->kids[k];
        prefetch_kids(ev, ind->kids, ind->nkids, k);
        score_indicator(ev, kid);
        const struct ind_result *kr = result_of(ev, kid);
        if (kr->state != IS_OK && kr->state != IS_SKIPPED) {
            ok = false;
            continue;
        }
        if (kr->state == IS_SKIPPED && kr->left_out) {
            *left_out = num_add(*left_out, kid->weight);
            continue;
        }
        if (kr->state != IS_SKIPPED)
            *all_skipped = false;
        *sum = num_add(*sum, kr->score);
        if (kid->weight != kr->applicable)
            *left_out = num_add(*left_out, kid->weight - kr->applicable);
    }
    return ok;
}

static void score_parent(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    bool fired = false, ok = skip_guard(ev, ind, r, NULL, &fired);
    if (!ok) {
        indicator_error(ev, ind, r);
        return;
    }
    if (fired) {
        skip_subtree(ev, ind);
        if (!run_notes(ev, r, ind->rules, ind->nrules, NULL) || !skipped_grade(ev, ind, r))
            indicator_error(ev, ind, r);
        return;
    }
    double sum, left_out;
    bool all_skipped;
    if (!sum_children(ev, ind, &sum, &left_out, &all_skipped)) {
        r->state = IS_UNKNOWN;
        return;
    }
    if (all_skipped) {      /* a parent whose children are all skipped is skipped */
        set_skipped(ev, ind, ind->weight);
        if (!run_notes(ev, r, ind->rules, ind->nrules, NULL) || !skipped_grade(ev, ind, r))
            indicator_error(ev, ind, r);
        return;
    }
    double running = sum;
    r->applicable = num_canon(ind->weight - left_out);
    if (ind->rescales && num_cmp(left_out, 0) > 0) {
        /* 不适用指标分值按比例分配: sum / applicable weight × weight */
        running = num_cmp(r->applicable, 0) > 0 ? round_p(ev, sum / r->applicable * ind->weight)
                                                : ind->weight;
        trace_rescale(ev, r, running, sum, r->applicable);
        r->applicable = ind->weight;
    }
    running = clamp_weight(running, ind->weight);
    if (!take_points(ev, r, ind->rules, ind->nrules, running)) {
        indicator_error(ev, ind, r);
        return;
    }
    double final = r->score;
    r->score = running;         /* notes read the score before the parent's own deductions */
    ok = run_notes(ev, r, ind->rules, ind->nrules, NULL);
    r->score = final;
    r->state = IS_OK;
    if (!ok || !grade_indicator(ev, ind, r))
        indicator_error(ev, ind, r);
}

/* Score an indicator once, when first needed: by its parent, or earlier by a score(PATH)
 * that reads it (check.c has ruled out cycles; IS_BUSY is met only through an error). */
static void score_row(struct evaluator *ev, const struct indicator *ind, struct ind_result *r);
static void row_errors(struct evaluator *ev, const struct indicator *ind, struct ind_result *r);

static void score_indicator(struct evaluator *ev, const struct indicator *ind)
{
    ind = cur(ev, ind);
    struct ind_result *r = &ev->res.ind[ind->index];
    if (r->state != IS_PENDING)
        return;
    r->state = IS_BUSY;
    if (ind->nkids)
        score_parent(ev, ind, r);
    else if (ind->nfroms) {         /* from blocks that made no rows (weight 0, else an error) */
        r->state = IS_OK;
        r->score = 0;
        r->applicable = ind->weight;
    } else if (ind->is_row)
        score_row(ev, ind, r);
    else
        eval_score_leaf(ev, ind, ind->weight, NULL, r);
    if (ev->nrow_errors)
        row_errors(ev, ind, r);
    if (r->state == IS_BUSY)
        r->state = IS_UNKNOWN;
}

/* The first two rows of one name, in the order of the tree (a claim may name a row by it). */
struct made_name {
    const struct indicator *first, *second;
};

/* This data set's rows and groups by dotted path (the first of a path: rows may share one) and
 * rows by name, made when first asked for: a scan of the tree for each score(PATH) of a row or
 * each claim would be quadratic in rows. */
static void index_made(struct evaluator *ev)
{
    if (ev->made_gen == ev->gen)
        return;
    ev->made_gen = ev->gen;
    strmap_free(&ev->made_paths);
    strmap_free(&ev->made_names);
    for (uint32_t i = 0; i < ev->res.nall; i++) {
        const struct indicator *ind = ev->res.all[i];
        if (!ind->from)
            continue;
        if (!strmap_get(&ev->made_paths, ind->path))
            strmap_put(&ev->made_paths, ind->path, (void *)ind);
        if (!ind->is_row)
            continue;
        struct made_name *m = strmap_get(&ev->made_names, ind->name);
        if (!m) {
            m = arena_zalloc(&ev->scratch, sizeof *m);
            m->first = ind;
            strmap_put(&ev->made_names, ind->name, m);
        } else if (!m->second)
            m->second = ind;
    }
}

/* A row's or group's indicator in this data set's tree, by its dotted path (§11), or NULL. */
static const struct indicator *made_path(struct evaluator *ev, const char *path)
{
    index_made(ev);
    return strmap_get(&ev->made_paths, path);
}

/* score(PATH), ratio(PATH): the final score of another indicator, scored first.  A path
 * check could not resolve (e->ref NULL, e->str the path) names a row or group (§11). */
static bool score_of(struct evaluator *ev, const struct ast *e, struct value *out)
{
    const struct indicator *ind = e->ref ? cur(ev, e->ref) : made_path(ev, e->str);
    if (!ind)
        return eval_fail(ev, e, M_E_NO_ROW, e->str);
    /* scoring another indicator takes several big frames: it counts for SCORE_LINK levels */
    if (ev->depth + SCORE_LINK >= EVAL_MAX_DEPTH)
        return eval_fail(ev, e, M_TOO_DEEP);
    struct eval_error saved = ev->err;
    /* explain: the rules of the other indicator note their own reads */
    struct rule_reads reads = ev->reads;
    uint32_t reading = ev->reading;
    forget_reads(ev);
    ev->reading = 0;
    ev->depth += SCORE_LINK;
    score_indicator(ev, ind);
    ev->depth -= SCORE_LINK;
    ev->err = saved;
    ev->reads = reads;
    ev->reading = reading;
    const struct ind_result *r = result_of(ev, ind);
    if (r->state == IS_BUSY)        /* rows reading each other (check finds static cycles) */
        return eval_fail(ev, e, M_E_ROW_CYCLE, ind->path);
    if (!ind_has_score(r)) {
        if (r->state == IS_SKIPPED) {       /* left out under na rescale */
            memset(out, 0, sizeof *out);
            out->kind = V_NULL;
            return true;
        }
        return eval_fail(ev, e, M_E_DEPENDS, ind->path);
    }
    if (e->op == 0) {
        num_value(out, r->score);
        return true;
    }
    if (ind->weight == 0)
        return eval_fail(ev, e, M_E_DIV0, "weight");
    num_value(out, r->score / ind->weight);
    return true;
}

/* ---- selfscore claims and reviews ---- */

static void warn(struct evaluator *ev, const char *key, const char *why)
{
    struct review_warning *w = arena_alloc(ev->ar, sizeof *w);
    w->key = key;
    w->why = why;
    LIST_APPEND(&ev->res.warnings, w);
}

/* A claimed score: a number, or a string read with number(); null or missing: no claim. */
static void claim(struct evaluator *ev, const struct indicator *ind, const char *key,
                  const struct value *v)
{
    double x;
    if (v->kind == V_MISSING || v->kind == V_NULL)
        return;
    if (v->kind == V_NUM && !isfinite(v->n)) {     /* 1e999 in the data (issue 6.9) */
        warn(ev, key, msg(ev->lang, M_W_HUGE));
        return;
    }
    if (v->kind == V_NUM)
        x = v->n;
    else if (!(v->kind == V_STR && num_parse_unit(v->s, v->len, &x))) {
        warn(ev, key, arena_printf(ev->ar, msg(ev->lang, M_W_NOT_NUMBER), type_desc(ev, v)));
        return;
    }
    struct ind_result *r = &ev->res.ind[cur(ev, ind)->index];
    r->has_self = true;
    r->self = x;
}

/* Claims: an indicator's own selfscore first (it wins when it gives one), then the top-level
 * object's, by path or unique leaf name.  An indicator left out under na rescale gives no
 * claim of its own; in an error result a failed or unscored one does, shown as its `self`
 * (reviews() does not compare it). */
static void enter_row(struct evaluator *ev, const struct indicator *tmpl, const struct value *elem);

/* A row or group named by a claim: its dotted path, or a row's name no other row has.  As
 * the tree is read in order, the first indicator of that path wins, unless a second row of
 * that name comes before it (the claim is then ambiguous). */
static const struct indicator *find_made(struct evaluator *ev, const char *key, bool *ambiguous)
{
    const struct indicator *path = made_path(ev, key);
    const struct made_name *m = strmap_get(&ev->made_names, key);
    if (!m)
        return path;
    *ambiguous = m->second && (!path || m->second->index < path->index);
    return *ambiguous ? NULL : path ? path : m->first;
}

static void selfscore(struct evaluator *ev)
{
    const struct ruleset *rs = ev->rs;
    struct value v;
    for (uint32_t i = 0; i < ev->res.nall; i++) {
        const struct indicator *ind = ev->res.all[i];
        const struct ind_result *r = result_of(ev, ind);
        if (!ind->selfscore || (r->state == IS_SKIPPED && r->left_out))
            continue;
        const struct value *elem = NULL;
        if (ind->is_row) {          /* selfscore .自评得分: the row's own element */
            elem = &ev->elems[ind->index];
            enter_row(ev, ind->tmpl, elem);
            ev->row_ind = ind->tmpl;
            ev->row_weight = ind->weight;
        }
        bool ok = eval(ev, ind->selfscore->a, elem, &v);
        ev->row_ind = NULL;
        if (!ok) {
            add_error(ev, ind, &ev->err);
            continue;
        }
        claim(ev, ind, ind->path, &v);
    }
    if (!rs->selfscore)
        return;
    if (!eval(ev, rs->selfscore, NULL, &v)) {
        add_error(ev, NULL, &ev->err);
        return;
    }
    if (v.kind != V_MISSING && v.kind != V_NULL && (v.kind != V_JSON || !cJSON_IsObject(v.j))) {
        eval_fail(ev, rs->selfscore, M_E_SELFSCORE, type_name(ev, &v));
        add_error(ev, NULL, &ev->err);
        return;
    }
    for (const cJSON *c = v.kind == V_JSON ? v.j->child : NULL; c; c = c->next) {
        bool ambiguous;
        const struct indicator *hit = ruleset_find(rs, c->string, &ambiguous);
        if (!hit && !ambiguous && ev->map)
            hit = find_made(ev, c->string, &ambiguous);
        if (!hit) {
            bool total = strcmp(c->string, "总分") == 0 || strcmp(c->string, "score") == 0;
            warn(ev, c->string, msg(ev->lang, total ? M_W_TOTAL : ambiguous ? M_W_AMBIGUOUS
                                                                    : M_W_NO_IND));
            continue;
        }
        if (result_of(ev, hit)->has_self && hit->selfscore)
            continue;       /* the indicator's own claim wins */
        struct value cv;
        from_json(c, &cv);
        claim(ev, hit, c->string, &cv);
    }
}

/* Claims that differ from the score by more than half a unit of the last decimal.  An
 * indicator without a score (left out; in an error result, failed or above a failure) is
 * not compared: its claim is no mismatch, and the total's claim is never an indicator's. */
static void reviews(struct evaluator *ev)
{
    const struct ruleset *rs = ev->rs;
    double half = 0.5 * pow(10, -rs->precision);
    struct review **tail = &ev->res.reviews;
    for (uint32_t i = 0; i < ev->res.nall; i++) {
        const struct indicator *ind = ev->res.all[i];
        const struct ind_result *r = result_of(ev, ind);
        if (!r->has_self || !ind_has_score(r))
            continue;
        double score = r->score;
        if (num_cmp(r->applicable, ind->weight) < 0 && num_cmp(r->applicable, 0) > 0)
            score = round_p(ev, score / r->applicable * ind->weight);
        double diff = num_sub(score, r->self);     /* decimal: ties are not "more than half" */
        if (num_cmp(fabs(diff), half) <= 0)
            continue;
        struct review *v = arena_alloc(ev->ar, sizeof *v);
        *v = (struct review){ind, r->self, score, round_p(ev, diff), NULL};
        *tail = v;
        tail = &v->next;
    }
}

/* ---- rows (§11): this data set's indicator tree ---- */

/* With from blocks, each data set gets its own tree: every indicator of the rule set copied
 * (so its children may include rows), and the rows and group indicators its from blocks
 * make, numbered in preorder (ev->dyn).  A row runs its template's rules with its element
 * as `.`; ev->map finds the copy of an indicator the rules name. */

static void enter_row(struct evaluator *ev, const struct indicator *tmpl, const struct value *elem)
{
    ev->row_elem = elem;
    for (uint32_t k = 0; k < tmpl->nlets; k++)
        ev->lets[tmpl->lets[k]->slot].gen = 0;     /* a row's lets are the row's own */
}

/* A row scored from inside another row's rules (score(PATH) of a sibling) would leave its
 * own values in the lets they share: the outer row's are kept and put back. */
static void score_row(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    const struct value *elem = &ev->elems[ind->index], *outer = ev->row_elem;
    const struct indicator *tmpl = ind->tmpl;
    struct let_slot *kept = NULL;
    if (outer && tmpl->nlets) {
        kept = arena_alloc(ev->ar, tmpl->nlets * sizeof *kept);
        for (uint32_t k = 0; k < tmpl->nlets; k++)
            kept[k] = ev->lets[tmpl->lets[k]->slot];
    }
    enter_row(ev, tmpl, elem);
    eval_score_leaf(ev, ind, ind->weight, elem, r);
    ev->row_elem = outer;
    for (uint32_t k = 0; kept && k < tmpl->nlets; k++)
        ev->lets[tmpl->lets[k]->slot] = kept[k];
}

/* The errors found while making the rows of `ind`, once its subtree is scored, listed with
 * the text they kept; the first is the indicator's error. */
static void row_errors(struct evaluator *ev, const struct indicator *ind, struct ind_result *r)
{
    for (const struct row_error *e = ev->row_errs[ind->index]; e; e = e->next) {
        const struct result_error *listed = put_error(ev, ind, e->at, e->message);
        if (e == ev->row_errs[ind->index])
            error_state(r, listed->message);
    }
}

/* The error just raised (ev->err) is one of the rows of `ind`: kept until ind is scored. */
static void row_error(struct evaluator *ev, const struct indicator *ind)
{
    struct row_error *e = arena_alloc(ev->ar, sizeof *e);
    e->at = ev->err.at;
    e->message = arena_strndup(ev->ar, ev->err.message, strlen(ev->err.message));
    LIST_APPEND(&ev->row_errs[ind->index], e);
    ev->nrow_errors++;
}

/* Number an indicator of this data set (preorder) and remember a row's element. */
static void add_made(struct evaluator *ev, struct indicator *ind, const struct value *elem)
{
    if (ev->ndyn == ev->capdyn) {
        ev->capdyn = ev->capdyn ? 2 * ev->capdyn : 64;
        ev->dyn = xrealloc(ev->dyn, ev->capdyn * sizeof *ev->dyn);
        ev->elems = xrealloc(ev->elems, ev->capdyn * sizeof *ev->elems);
        ev->row_errs = xrealloc(ev->row_errs, ev->capdyn * sizeof *ev->row_errs);
    }
    ev->row_errs[ev->ndyn] = NULL;
    ind->index = ev->ndyn;
    ev->dyn[ev->ndyn] = ind;
    if (elem)
        ev->elems[ev->ndyn] = *elem;
    else
        memset(&ev->elems[ev->ndyn], 0, sizeof *ev->elems);
    ev->ndyn++;
}

static void name_made(struct evaluator *ev, struct indicator *ind, struct indicator *parent,
                      const char *name)
{
    ind->name = name;
    ind->path = arena_printf(ev->ar, "%s.%s", parent->path, name);
    ind->parent = parent;
    ind->json_name = jsonw_escape_kept(ev->ar, name, &ind->json_name_len);
}

/* What one element of a from block gives: its row's name, weight, group, index. */
struct row_head {
    const char *name, *group;
    double weight;
    uint32_t row;
    struct value elem;
    struct row_head *next, *last;   /* the next row of its group; a group's first: its last */
};

/* The data path an array comes from ($绩效指标 of `$绩效指标 where …`), for messages. */
static const char *rows_path(struct evaluator *ev, const struct ast *arr)
{
    while (arr->kind == AST_E_WHERE || arr->kind == AST_E_MAP)
        arr = arr->a;
    return src_of(ev, arr);
}

/* A header value as a name: text, or a number as interpolation prints it; NULL when empty. */
static const char *name_text(struct evaluator *ev, const struct value *v)
{
    if (v->kind == V_STR)
        return v->len ? v->s : NULL;
    if (v->kind != V_NUM)
        return NULL;
    char b[NUM_BUF];
    num_format(b, sizeof b, v->n, ev->rs->precision);
    return arena_strndup(ev->ar, b, strlen(b));
}

/* Each element's name, weight and group (errors are the enclosing indicator's). */
static bool read_head(struct evaluator *ev, const struct rowset *f, struct indicator *at,
                      const char *elem_path, struct row_head *h)
{
    const struct ast *from = f->decl;
    struct value v;
    bool ok = true;
    enter_row(ev, f->tmpl, &h->elem);
    ev->row_ind = f->tmpl;
    ev->row_weight = 0;
    if (!eval(ev, from->c->a, &h->elem, &v))
        row_error(ev, at), ok = false;
    else if (!(h->name = name_text(ev, &v))) {
        eval_fail(ev, from->c->a, M_E_ROW_NONAME, elem_path, src_of(ev, from->c->a));
        row_error(ev, at), ok = false;
    }
    if (!h->name)
        h->name = elem_path;
    h->weight = 0;
    struct quantity q;      /* a string is read as number() reads it: "8", "8分" */
    if (!eval(ev, from->c->b, &h->elem, &v))
        row_error(ev, at), ok = false;
    else if (!((v.kind == V_NUM && (h->weight = v.n, true))
               || (v.kind == V_STR && attain_read(v.s, v.len, false, &q) && (h->weight = q.n, true)))
             || num_cmp(h->weight, 0) < 0) {
        eval_fail(ev, from->c->b, M_E_ROW_WEIGHT, elem_path, type_desc(ev, &v),
                src_of(ev, from->c->b));
        row_error(ev, at), ok = false;
        h->weight = 0;
    } else if (h->weight > WEIGHT_MAX) {
        eval_fail(ev, from->c->b, M_E_ROW_BIG_WEIGHT, elem_path, type_desc(ev, &v),
                src_of(ev, from->c->b));
        row_error(ev, at), ok = false;
        h->weight = 0;
    } else if (num_cmp(num_round(h->weight, ev->rs->precision), h->weight) != 0) {
        /* §5: a weight with more decimals than the precision could not add up */
        eval_fail(ev, from->c->b, M_E_ROW_DECIMALS, elem_path, type_desc(ev, &v),
                ev->rs->precision, src_of(ev, from->c->b));
        row_error(ev, at), ok = false;
        h->weight = 0;
    }
    h->weight = num_canon(h->weight);
    if (from->b) {
        if (!eval(ev, from->b, &h->elem, &v))
            row_error(ev, at), ok = false;
        else if (!(h->group = name_text(ev, &v))) {
            eval_fail(ev, from->b, M_E_ROW_NOGROUP, elem_path, src_of(ev, from->b));
            row_error(ev, at), ok = false;
        }
        if (!h->group)
            h->group = elem_path;
    }
    ev->row_ind = NULL;
    ev->row_elem = NULL;
    return ok;
}

static struct indicator *make_row(struct evaluator *ev, const struct rowset *f,
                                  struct indicator *parent, const struct row_head *h)
{
    struct indicator *r = arena_alloc(ev->ar, sizeof *r);
    *r = *f->tmpl;          /* its rules, lets, selfscore; na where the block is written */
    name_made(ev, r, parent, h->name);
    r->from = f;
    r->tmpl = f->tmpl;
    r->weight = h->weight;
    r->is_row = true;
    r->row = h->row;
    r->elem = h->elem.kind == V_JSON && cJSON_IsObject(h->elem.j) ? h->elem.j : NULL;
    add_made(ev, r, &h->elem);
    return r;
}

/* Where each element sits in the data array (the "row" of results), counting from 0:
 * elements of `$a where …` keep their place in $a. */
static void row_numbers(const struct value *arr, struct row_head *h)
{
    const cJSON *at = NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < arr->len; i++) {
        const cJSON *j = arr->items[i].kind == V_JSON ? arr->items[i].j : NULL;
        const cJSON *p = at;
        uint32_t k = n;
        for (; j && p && p != j; p = p->next)
            k++;
        if (!j || !p) {         /* not after the last one: look from the array's start */
            const cJSON *first = j;
            for (k = 0; first && first->prev && first->prev->next; first = first->prev)
                k++;
            p = j;
        }
        h[i].row = j ? k : i;
        if (j)
            at = p, n = k;
    }
}

/* The indicators a from block makes under `at`, appended to kids (groups hold their rows). */
static void make_rows(struct evaluator *ev, const struct rowset *f, struct indicator *at,
                      struct indicator ***kids, uint32_t *nkids, uint32_t *cap)
{
    struct value arr;
    if (!eval_array(ev, f->decl->a, NULL, &arr)) {
        row_error(ev, at);
        return;
    }
    const char *base = rows_path(ev, f->decl->a);
    struct row_head *h = arena_zalloc(ev->ar, (arr.len ? arr.len : 1) * sizeof *h);
    for (uint32_t i = 0; i < arr.len; i++)
        h[i].elem = arr.items[i];
    row_numbers(&arr, h);
    for (uint32_t i = 0; i < arr.len; i++)
        read_head(ev, f, at, arena_printf(ev->ar, "%s[%u]", base, h[i].row), &h[i]);
    if (!f->decl->b) {
        for (uint32_t i = 0; i < arr.len; i++)
            VEC_PUSH(*kids, *nkids, *cap, make_row(ev, f, at, &h[i]));
        return;
    }
    /* groups in order of first appearance, each with its rows in data order */
    struct strmap seen = {0};
    for (uint32_t i = 0; i < arr.len; i++) {     /* each group's rows chained from its first */
        struct row_head *first = strmap_get(&seen, h[i].group);
        if (first) {
            first->last->next = &h[i];
            first->last = &h[i];
        } else {
            strmap_put(&seen, h[i].group, &h[i]);
            h[i].last = &h[i];
        }
    }
    strmap_free(&seen);
    for (uint32_t i = 0; i < arr.len; i++) {
        if (!h[i].last)
            continue;       /* not the first row of its group */
        struct indicator *g = arena_zalloc(ev->ar, sizeof *g);
        name_made(ev, g, at, h[i].group);
        g->decl = f->decl;
        g->from = f;
        g->wkind = W_NONE;
        g->left_out = g->rescale_kids = at->rescale_kids;
        add_made(ev, g, NULL);
        uint32_t n = 0;
        for (const struct row_head *j = &h[i]; j; j = j->next)
            n++;
        g->kids = arena_alloc(ev->ar, n * sizeof *g->kids);
        double w = 0;
        for (const struct row_head *j = &h[i]; j; j = j->next) {
            g->kids[g->nkids++] = make_row(ev, f, g, j);
            w = num_add(w, j->weight);
        }
        g->weight = w;
        VEC_PUSH(*kids, *nkids, *cap, g);
    }
}

/* Where a row is in the data: $行[1] (its index in the array the data holds). */
static const char *row_place(struct evaluator *ev, const struct indicator *row)
{
    return arena_printf(ev->ar, "%s[%u]", rows_path(ev, row->from->decl->a), row->row);
}

/* Two children of one indicator with the same name (static, group or row): the one the data
 * made (the later, when both are) is named by its row, or a group by its first row; the
 * enclosing indicator is the error's, so it is not named again, but a group of the rows is. */
static void check_names(struct evaluator *ev, struct indicator *at, const struct indicator *parent)
{
    struct strmap seen = {0};
    for (uint32_t k = 0; k < parent->nkids; k++) {
        const struct indicator *kid = parent->kids[k];
        const struct indicator *dup = strmap_get(&seen, kid->name);
        if (!dup) {
            strmap_put(&seen, kid->name, (void *)kid);
            continue;
        }
        const struct indicator *made = kid->from ? kid : dup;   /* two static ones: check's */
        const struct indicator *other = made == kid ? dup : kid;
        const struct ast *decl = made->from->decl;
        if (!made->is_row)
            eval_fail(ev, decl->b, M_E_GROUP_DUP, row_place(ev, made->kids[0]), made->name);
        else if (!other->is_row)
            eval_fail(ev, decl->c->a, M_E_ROW_DUP_SIB, row_place(ev, made), made->name);
        else if (parent != at)
            eval_fail(ev, decl->c->a, M_E_ROW_DUP_GROUP, row_place(ev, made), row_place(ev, other),
                      made->name, parent->name);
        else
            eval_fail(ev, decl->c->a, M_E_ROW_DUP, row_place(ev, made), row_place(ev, other),
                      made->name);
        row_error(ev, at);
    }
    strmap_free(&seen);
    for (uint32_t k = 0; k < parent->nkids; k++)
        if (parent->kids[k]->from && parent->kids[k]->nkids)
            check_names(ev, at, parent->kids[k]);       /* the rows of a group */
}

/* This data set's copy of a rule-set indicator, with its rows. */
static struct indicator *copy_tree(struct evaluator *ev, const struct indicator *s,
                                   struct indicator *parent)
{
    struct indicator *c = arena_alloc(ev->ar, sizeof *c);
    *c = *s;
    c->orig = s;
    c->parent = parent;
    ev->map[s->index] = c;
    add_made(ev, c, NULL);
    if (!s->nkids && !s->nfroms)
        return c;
    struct indicator **kids = NULL;
    uint32_t n = 0, cap = 0, f = 0;
    for (uint32_t k = 0; k <= s->nkids; k++) {
        for (; f < s->nfroms && s->froms[f]->before == k; f++)
            make_rows(ev, s->froms[f], c, &kids, &n, &cap);
        if (k < s->nkids)
            VEC_PUSH(kids, n, cap, copy_tree(ev, s->kids[k], c));
    }
    c->kids = arena_alloc(ev->ar, (n ? n : 1) * sizeof *kids);
    if (n)
        memcpy(c->kids, kids, n * sizeof *kids);
    c->nkids = n;
    free(kids);
    double sum = 0;
    for (uint32_t k = 0; k < n; k++)
        sum = num_add(sum, c->kids[k]->weight);
    if (s->rows_weight && s->wkind == W_NONE)
        c->weight = sum;        /* written without a weight: the sum of its rows */
    else if (s->nfroms && num_cmp(sum, c->weight) != 0 && !ev->row_errs[c->index]) {
        /* (a sum is not worth reporting over a bad weight or name of its rows) */
        char sb[NUM_BUF], wb[NUM_BUF];
        eval_fail(ev, s->froms[0]->decl, M_E_ROWS_SUM, fmt_points(ev, sum, sb),
                  fmt_points(ev, c->weight, wb), rows_path(ev, s->froms[0]->decl->a));
        row_error(ev, c);
    }
    if (s->nfroms)
        check_names(ev, c, c);
    return c;
}

/* The tree of this data set (§11); max too, since weights may come from rows. */
static void make_tree(struct evaluator *ev)
{
    const struct ruleset *rs = ev->rs;
    ev->ndyn = 0;
    ev->nrow_errors = 0;
    ev->map = arena_alloc(ev->ar, rs->nall * sizeof *ev->map);
    struct indicator **top = arena_alloc(ev->ar, (rs->ntop ? rs->ntop : 1) * sizeof *top);
    double max = 0;
    for (uint32_t k = 0; k < rs->ntop; k++) {
        top[k] = copy_tree(ev, rs->top[k], NULL);
        if (!top[k]->bonus)
            max = num_add(max, top[k]->weight);
    }
    ev->res.top = top;
    ev->res.all = ev->dyn;
    ev->res.nall = ev->ndyn;
    ev->res.max = max;
    ev->res.ind = arena_zalloc(ev->ar, (ev->ndyn ? ev->ndyn : 1) * sizeof *ev->res.ind);
}

/* ---- data sets ---- */

static void reset(struct evaluator *ev, uint64_t position)
{
    arena_reset(&ev->scratch);
    if (ev->read_set.n)
        strmap_free(&ev->read_set);     /* its keys were in scratch */
    json_lookup_reset(&ev->names, &ev->scratch);
    ev->ar = &ev->scratch;
    ev->gen++;
    ev->caperrors = 0;
    struct eval_result *r = &ev->res;
    memset(r, 0, sizeof *r);
    r->ind = ev->static_ind;
    r->top = ev->rs->top;
    r->ntop = ev->rs->ntop;
    r->all = ev->rs->all;
    r->nall = ev->rs->nall;
    r->max = ev->rs->max;
    r->position = position;
    num_value(&r->id, (double)position);
    ev->map = NULL;
    ev->nrow_errors = 0;
    memset(r->ind, 0, ev->rs->nall * sizeof *r->ind);
    memset(&ev->total, 0, sizeof ev->total);
    forget_reads(ev);
    ev->reading = 0;
}

static bool eval_id(struct evaluator *ev)
{
    const struct ruleset *rs = ev->rs;
    struct value id;
    if (!eval(ev, rs->id, NULL, &id) || ((id.kind == V_MISSING || id.kind == V_NULL)
                                          && !wrong_type(ev, rs->id, &id, M_T_STRING))) {
        add_error(ev, NULL, &ev->err);
        return false;
    }
    if (id.kind == V_NUM || id.kind == V_STR)
        ev->res.id = id;
    else {
        struct buf b = {0};
        if (to_text(ev, rs->id, &id, NULL, &b)) {
            memset(&ev->res.id, 0, sizeof ev->res.id);
            ev->res.id.kind = V_STR;
            ev->res.id.len = (uint32_t)b.len;
            ev->res.id.s = arena_strndup(ev->ar, buf_data(&b), b.len);
        }
        buf_free(&b);
    }
    return true;
}

/* §5 Total: the top-level indicators (rescaled under na rescale), plus the bonus items,
 * capped at max; then the total's own fail guards and deducts, notes, grades. */
static void score_total(struct evaluator *ev)
{
    const struct ruleset *rs = ev->rs;
    double sum = 0, left_out = 0, bonus = 0;
    forget_reads(ev);       /* the id's, the from blocks' */
    for (uint32_t k = 0; k < ev->res.ntop; k++) {
        const struct indicator *ind = ev->res.top[k];
        prefetch_kids(ev, ev->res.top, ev->res.ntop, k);   /* a flat rule set is all top */
        score_indicator(ev, ind);
        const struct ind_result *r = result_of(ev, ind);
        if (!ind_has_score(r)) {
            if (r->state == IS_SKIPPED && !ind->bonus)
                left_out = num_add(left_out, ind->weight);
            continue;
        }
        if (ind->bonus) {
            if (r->state != IS_SKIPPED)     /* a skipped bonus item adds nothing */
                bonus = num_add(bonus, r->score);
            continue;
        }
        sum = num_add(sum, r->score);
        if (ind->weight != r->applicable)
            left_out = num_add(left_out, ind->weight - r->applicable);
    }
    if (ev->res.nerrors)
        return;
    double total = sum;
    struct ind_result *t = &ev->total;
    if (num_cmp(left_out, 0) > 0) {
        double room = num_canon(ev->res.max - left_out);
        double scaled = num_cmp(room, 0) > 0 ? round_p(ev, total / room * ev->res.max)
                                             : ev->res.max;
        trace_rescale(ev, t, scaled, total, room);
        total = scaled;
    }
    total = round_p(ev, clamp_weight(total + bonus, ev->res.max));
    ev->res.score = total;
    bool ok = take_points(ev, t, rs->rules, rs->nrules, total);
    double final = t->score;
    ok = ok && run_notes(ev, t, rs->rules, rs->nrules, NULL);   /* they read the total so far */
    ev->res.score = final;
    ok = ok && (!rs->grades || grade_of(ev, rs->grades, t));
    ev->res.grade = t->grade;
    ev->res.grade_reason = t->grade_reason;
    ev->res.trace = t->trace;
    if (!ok) {
        add_error(ev, NULL, &ev->err);
        return;
    }
    ev->res.failed = t->failed;
    ev->res.ded = t->ded;
    ev->res.notes = t->notes;
}

/* Errors in indicator order (score(PATH) may score an indicator before those above it);
 * errors of no indicator (the total's rules) last.  Stable: an insertion sort of a few. */
static void sort_errors(struct eval_result *r)
{
    for (uint32_t i = 1; i < r->nerrors; i++) {
        struct result_error e = r->errors[i];
        uint32_t key = e.ind ? e.ind->index : UINT32_MAX, j = i;
        for (; j > 0; j--) {
            const struct result_error *p = &r->errors[j - 1];
            if ((p->ind ? p->ind->index : UINT32_MAX) <= key)
                break;
            r->errors[j] = *p;
        }
        r->errors[j] = e;
    }
}

const struct eval_result *eval_run(struct evaluator *ev, const cJSON *data, uint64_t position)
{
    const struct ruleset *rs = ev->rs;
    reset(ev, position);
    ev->data = data;
    if (rs->id && !eval_id(ev))
        return &ev->res;
    ev->res.tree = true;
    if (rs->has_rows)
        make_tree(ev);
    score_total(ev);
    if (rs->has_selfscore) {    /* an error result too reviews what was scored (§6) */
        selfscore(ev);
        reviews(ev);
    }
    sort_errors(&ev->res);      /* a claim's error among the others, in indicator order */
    return &ev->res;
}

const struct eval_result *eval_input_error(struct evaluator *ev, uint64_t position,
                                           const cJSON *data, const char *at,
                                           const char *message)
{
    reset(ev, position);
    struct value id;
    ev->data = data;
    if (data && ev->rs->id && eval(ev, ev->rs->id, NULL, &id)
        && (id.kind == V_NUM || id.kind == V_STR))
        ev->res.id = id;
    struct eval_error err;      /* cut as long as a raised error's texts */
    snprintf(err.message, sizeof err.message, "%s", message);
    snprintf(err.at_text, sizeof err.at_text, "%s", at);
    struct eval_result *r = &ev->res;
    ev->caperrors = 1;
    r->errors = arena_alloc(ev->ar, sizeof *r->errors);
    r->errors[0] = (struct result_error){
        .at_text = arena_strndup(ev->ar, err.at_text, strlen(err.at_text)),
        .message = arena_strndup(ev->ar, err.message, strlen(err.message))};
    r->nerrors = 1;
    return r;
}

struct evaluator *eval_new(const struct ruleset *rs)
{
    struct evaluator *ev = xcalloc(1, sizeof *ev);
    ev->rs = rs;
    ev->lang = rs->dg.lang;
    ev->prefetch = rs->nall >= PREFETCH_FROM;
    ev->fast_below = EVAL_MAX_DEPTH;
    arena_init(&ev->scratch);
    json_lookup_reset(&ev->names, &ev->scratch);
    ev->ar = &ev->scratch;
    ev->lets = xcalloc(rs->nlets ? rs->nlets : 1, sizeof *ev->lets);
    ev->paths = xcalloc(rs->npaths ? rs->npaths : 1, sizeof *ev->paths);
    ev->static_ind = xcalloc(rs->nall ? rs->nall : 1, sizeof *ev->static_ind);
    ev->res.ind = ev->static_ind;
    return ev;
}

void eval_free(struct evaluator *ev)
{
    if (!ev)
        return;
    arena_free(&ev->scratch);
    buf_free(&ev->text);
    free(ev->lets);
    free(ev->paths);
    free(ev->static_ind);
    free(ev->dyn);
    free(ev->elems);
    free(ev->row_errs);
    strmap_free(&ev->made_paths);
    strmap_free(&ev->made_names);
    strmap_free(&ev->read_set);
    buf_free(&ev->read_key);
    free(ev);
}

bool eval_const(struct ruleset *rs, const struct ast *e, struct value *out, struct eval_error *err)
{
    struct evaluator ev;
    memset(&ev, 0, sizeof ev);
    ev.rs = rs;
    ev.lang = rs->dg.lang;
    ev.ar = &rs->ar;        /* a const's strings live as long as the rule set */
    ev.gen = 1;
    bool ok = eval(&ev, e, NULL, out);
    if (!ok)
        *err = ev.err;
    buf_free(&ev.text);     /* an interpolation's buffer (LeakSanitizer found it) */
    return ok;
}

const struct ind_result *eval_ind(const struct eval_result *r, const struct indicator *ind)
{
    if (r->all != NULL && ind->index < r->nall && r->all[ind->index] == ind)
        return &r->ind[ind->index];
    for (uint32_t i = 0; i < r->nall; i++)      /* a copy made for rows (§11) */
        if (r->all[i]->orig == ind)
            return &r->ind[i];
    return NULL;
}
