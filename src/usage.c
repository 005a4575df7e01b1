/* usage.c - the data paths a rule set reads and how it uses them (see usage.h).
 *
 * One walk over every indicator's rules, in indicator order, carrying what the enclosing
 * expression wants of a value: `score $a * 2` wants a number, `fail if $b` a boolean,
 * `$c == "是"` text, `date($d)` a date.  Lets are followed where they are used, so a path read
 * through a let counts for each indicator that uses the let.
 */
#include "usage.h"

#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "strmap.h"

struct rec {
    const char *array, *path;   /* arena */
    const char *key;            /* "ARRAY\x1fPATH" (arena) */
    size_t in_array;            /* 1 + index of walker.arrays, 0 for a field of the root */
    unsigned types;             /* a bit per use_type seen */
    int how;
    struct buf inds;
    const struct indicator *last;
};

enum { SEEN_PER_LET = 5 * 16 };     /* want (enum use_type) x how (U_* bits) */

struct walker {
    const struct ruleset *rs;
    struct arena *ar;
    const struct indicator *ind;    /* being walked; NULL at top level */
    struct rec *recs;
    size_t nrecs, caprecs;
    struct strmap by_key;           /* "ARRAY\x1fPATH" -> 1 + index of recs */
    const char **arrays;
    size_t narrays, caparrays;
    struct strmap array_set;        /* path -> 1 + index of arrays */
    unsigned char *seen;            /* per let and want/how pair: walked for this indicator */
    uint32_t *seen_set;             /* the entries of seen set for this indicator, to clear */
    size_t nseen_set, capseen_set;
    struct buf key;                 /* record's look-up key */
};

static void walk(struct walker *w, const struct ast *e, enum use_type want, int how,
                 const char *elem);
static void walk_let(struct walker *w, const struct binding *b, enum use_type want, int how,
                     const char *elem);

/* DATE and BOOL say the most about a cell, then NUMBER, then TEXT (for a case subject). */
static enum use_type merge(enum use_type a, enum use_type b)
{
    static const int rank[] = {[T_ANY] = 0, [T_TEXT] = 1, [T_NUMBER] = 2, [T_BOOL] = 3,
                               [T_DATE] = 4};
    return rank[b] > rank[a] ? b : a;
}

/* The type of a path from every way it is used (a bit per use_type): text that is also
 * computed is either (attain(.实际完成值, …) with .实际完成值 == "达成年度指标"): a cell is then
 * a number when it is one and text otherwise; text joined with + must stay text. */
static enum use_type decide(unsigned types, int how)
{
    if (how & U_JOIN)
        return T_TEXT;
    if (types & (1u << T_DATE))
        return T_DATE;
    if (types & (1u << T_BOOL))
        return T_BOOL;
    if ((types & (1u << T_NUMBER)) && (types & (1u << T_TEXT)))
        return T_ANY;
    if (types & (1u << T_NUMBER))
        return T_NUMBER;
    return types & (1u << T_TEXT) ? T_TEXT : T_ANY;
}

/* 1 + the index of the array at path, added when new. */
static size_t add_array(struct walker *w, const char *path)
{
    uintptr_t i = (uintptr_t)strmap_get(&w->array_set, path);
    if (i)
        return i;
    VEC_PUSH(w->arrays, w->narrays, w->caparrays, path);
    strmap_put(&w->array_set, path, (void *)(uintptr_t)w->narrays);
    return w->narrays;
}

static void record(struct walker *w, const char *array, const char *path, enum use_type type,
                   int how)
{
    size_t in_array = array ? add_array(w, array) : 0;
    w->key.len = 0;
    buf_adds(&w->key, array ? array : "");
    buf_addc(&w->key, '\x1f');
    buf_adds(&w->key, path);
    uintptr_t i = (uintptr_t)strmap_get(&w->by_key, buf_cstr(&w->key));
    if (!i) {
        struct rec r = {.array = array, .path = path, .in_array = in_array,
                        .key = arena_strndup(w->ar, w->key.data, w->key.len)};
        VEC_PUSH(w->recs, w->nrecs, w->caprecs, r);
        i = w->nrecs;
        strmap_put(&w->by_key, r.key, (void *)i);
    }
    struct rec *r = &w->recs[i - 1];
    r->types |= 1u << type;
    r->how |= how;
    if (w->ind && r->last != w->ind) {
        if (r->inds.len)
            buf_adds(&r->inds, "、");
        buf_adds(&r->inds, w->ind->name);
        r->last = w->ind;
    }
}

/* The data path e reads, as (array, dotted path): from the root, or from an element of an
 * array (`$a[*].b`, `$a[0].b`, `.b` inside `$a where …`).  0 when e is not such a path. */
static int path_of(struct walker *w, const struct ast *e, const char *elem, const char **array,
                   const char **path)
{
    switch ((enum ast_kind)e->kind) {
    case AST_E_ROOT:
        *array = NULL;
        *path = "";
        return 1;
    case AST_E_ELEM:
        *array = elem;
        *path = "";
        return elem != NULL;
    case AST_E_FIELD:
        if (!path_of(w, e->a, elem, array, path))
            return 0;
        *path = **path ? arena_join(w->ar, *path, ".", e->str) : e->str;
        return 1;
    case AST_E_INDEX:
        if (e->b->kind == AST_E_STR) {
            if (!path_of(w, e->a, elem, array, path))
                return 0;
            *path = **path ? arena_join(w->ar, *path, ".", e->b->str) : e->b->str;
            return 1;
        }
        /* $a[0] reads an element like $a[*] */
        __attribute__((fallthrough));
    case AST_E_SPREAD:
        if (!path_of(w, e->a, elem, array, path) || *array || !**path)
            return 0;
        *array = *path;
        *path = "";
        return 1;
    case AST_E_LET: {   /* let 未达标 = $效益指标 where …: 未达标[0].名称 reads 效益指标 */
        const struct binding *b = e->ref;
        const struct ast *x = b->is_const || !b->decl ? NULL : b->decl->a;
        while (x && x->kind == AST_E_WHERE)
            x = x->a;
        if (!x || !path_of(w, x, NULL, array, path) || *array)
            return 0;
        walk_let(w, b, T_ANY, 0, elem);
        return 1;
    }
    default:
        return 0;
    }
}

/* An expression whose elements are read: its array path, or NULL (walked as it is). */
static const char *as_array(struct walker *w, const struct ast *e, const char *elem)
{
    const char *array, *path;
    if (e->kind == AST_E_WHERE) {
        const char *a = as_array(w, e->a, elem);
        walk(w, e->b, T_BOOL, U_COND, a);
        return a;
    }
    if (path_of(w, e, elem, &array, &path) && !array && *path) {
        add_array(w, path);
        return path;
    }
    walk(w, e, T_ANY, 0, elem);
    return NULL;
}

/* An argument holding an array whose elements should be `want` (sum, avg, join, count). */
static void array_arg(struct walker *w, const struct ast *e, enum use_type want, int how,
                      const char *elem)
{
    const char *array, *path;
    if (path_of(w, e, elem, &array, &path) && array && *path)
        record(w, array, path, want, how);      /* $a[*].b */
    else if (e->kind == AST_E_MAP)
        walk(w, e->b, want, how, as_array(w, e->a, elem));     /* $a map .b */
    else
        as_array(w, e, elem);
}

/* What a literal-ish operand says about the other side of a comparison. */

static enum use_type type_of(const struct ast *e)
{
    switch ((enum ast_kind)e->kind) {
    case AST_E_NUM:
    case AST_E_NEG:
    case AST_E_WEIGHT:
    case AST_E_SCORE:
    case AST_E_RATIO:
        return T_NUMBER;
    case AST_E_BIN:
        if (e->op == OP_ADD && (type_of(e->a) == T_TEXT || type_of(e->b) == T_TEXT))
            return T_TEXT;      /* "年度指标值" + .年度指标值 joins text */
        return e->op < OP_EQ ? T_NUMBER : T_BOOL;
    case AST_E_STR:
    case AST_E_INTERP:
        return T_TEXT;
    case AST_E_BOOL:
    case AST_E_NOT:
    case AST_E_AND:
    case AST_E_OR:
        return T_BOOL;
    case AST_E_CONST: {
        const struct binding *b = e->ref;
        return b->cval.kind == V_NUM ? T_NUMBER : b->cval.kind == V_STR ? T_TEXT
               : b->cval.kind == V_BOOL ? T_BOOL : T_ANY;
    }
    case AST_E_CALL:
        return e->op < BUILTIN_COUNT && strcmp(builtin_table[e->op].name, "join") != 0
               && strcmp(builtin_table[e->op].name, "exists") != 0
               && strcmp(builtin_table[e->op].name, "between") != 0 ? T_NUMBER : T_ANY;
    default:
        return T_ANY;
    }
}

/* A let where it is used: elem is the array of `.` there (a let of a from block reads rows). */
static void walk_let(struct walker *w, const struct binding *b, enum use_type want, int how,
                     const char *elem)
{
    if (b->is_const || !b->decl || !b->decl->a)
        return;
    uint32_t k = b->slot * SEEN_PER_LET + (uint32_t)want * 16 + (uint32_t)how;
    if (w->seen[k])
        return;
    w->seen[k] = 1;
    VEC_PUSH(w->seen_set, w->nseen_set, w->capseen_set, k);
    walk(w, b->decl->a, want, how, elem);
}

static void walk_call(struct walker *w, const struct ast *e, const char *elem)
{
    const char *name = e->op < BUILTIN_COUNT ? builtin_table[e->op].name : "";
    const struct ast *a1 = e->kids, *a2 = a1 ? a1->next : NULL;
    int nargs = ast_count(e->kids);
    if ((!strcmp(name, "min") || !strcmp(name, "max")) && nargs == 1) {
        array_arg(w, a1, T_NUMBER, U_COMPUTE, elem);
    } else if (!strcmp(name, "sum") || !strcmp(name, "avg")) {
        array_arg(w, a1, T_NUMBER, U_COMPUTE, elem);
    } else if (!strcmp(name, "count") || !strcmp(name, "len")) {
        array_arg(w, a1, T_ANY, 0, elem);
    } else if (!strcmp(name, "join")) {
        array_arg(w, a1, T_TEXT, 0, elem);
        if (a2)
            walk(w, a2, T_TEXT, 0, elem);
    } else if (!strcmp(name, "exists")) {
        walk(w, a1, T_ANY, 0, elem);
    } else if (!strcmp(name, "date")) {
        walk(w, a1, T_DATE, U_COMPUTE, elem);
    } else if (!strcmp(name, "attain")) {
        walk(w, a1, T_NUMBER, U_COMPUTE, elem);
        if (a2)
            walk(w, a2, T_ANY, U_COMPARE, elem);   /* "≥50个" stays text */
    } else if (!strcmp(name, "between")) {
        for (const struct ast *a = e->kids; a; a = a->next)
            walk(w, a, T_NUMBER, U_COMPARE, elem);
    } else {
        int known = e->op < BUILTIN_COUNT;  /* the rest compute on numbers */
        for (const struct ast *a = e->kids; a; a = a->next)
            walk(w, a, known ? T_NUMBER : T_ANY, known ? U_COMPUTE : 0, elem);
    }
}

static void walk_compare(struct walker *w, const struct ast *e, const char *elem)
{
    enum use_type ta = type_of(e->a), tb = type_of(e->b);
    int order = e->op != OP_EQ && e->op != OP_NE;
    if (order) {    /* < <= > >=: numbers, unless compared with text or dates */
        ta = ta == T_ANY ? T_NUMBER : ta;
        tb = tb == T_ANY ? T_NUMBER : tb;
    }
    walk(w, e->a, tb == T_ANY ? ta : tb, U_COMPARE, elem);
    walk(w, e->b, ta == T_ANY ? tb : ta, U_COMPARE, elem);
}

static void walk(struct walker *w, const struct ast *e, enum use_type want, int how,
                 const char *elem)
{
    if (!e)
        return;
    const char *array, *path;
    switch ((enum ast_kind)e->kind) {
    case AST_E_ROOT:
    case AST_E_ELEM:
    case AST_E_FIELD:
    case AST_E_INDEX:
    case AST_E_SPREAD:
        if (path_of(w, e, elem, &array, &path)) {
            if (*path || array)     /* "" for the elements themselves: $a[0] */
                record(w, array, path, want, how);
            if (e->kind == AST_E_INDEX && e->b->kind != AST_E_STR)
                walk(w, e->b, T_NUMBER, U_COMPUTE, elem);
            return;
        }
        if (e->kind == AST_E_SPREAD || e->kind == AST_E_INDEX)
            as_array(w, e->a, elem);
        else
            walk(w, e->a, T_ANY, 0, elem);
        if (e->kind == AST_E_INDEX)
            walk(w, e->b, T_ANY, 0, elem);
        return;
    case AST_E_INTERP:
        for (const struct ast *k = e->kids; k; k = k->next)
            walk(w, k, T_ANY, 0, elem);
        return;
    case AST_E_FMT:
        walk(w, e->a, e->str && *e->str ? T_NUMBER : T_ANY, 0, elem);
        return;
    case AST_E_LET:
        walk_let(w, e->ref, want, how, elem);
        return;
    case AST_E_CALL:
        walk_call(w, e, elem);
        return;
    case AST_E_NEG:
        walk(w, e->a, T_NUMBER, U_COMPUTE, elem);
        return;
    case AST_E_NOT:
    case AST_E_AND:
    case AST_E_OR:
        walk(w, e->a, T_BOOL, U_COND, elem);
        walk(w, e->b, T_BOOL, U_COND, elem);
        return;
    case AST_E_BIN:
        if (e->op >= OP_EQ) {
            walk_compare(w, e, elem);
            return;
        }
        if (type_of(e) == T_TEXT) {
            walk(w, e->a, T_TEXT, U_JOIN, elem);
            walk(w, e->b, T_TEXT, U_JOIN, elem);
            return;
        }
        walk(w, e->a, T_NUMBER, U_COMPUTE, elem);
        walk(w, e->b, T_NUMBER, U_COMPUTE, elem);
        return;
    case AST_E_COAL:
        walk(w, e->a, want, how, elem);
        walk(w, e->b, want, how, elem);
        return;
    case AST_E_IF:
        walk(w, e->a, T_BOOL, U_COND, elem);
        walk(w, e->b, want, how, elem);
        walk(w, e->c, want, how, elem);
        return;
    case AST_E_CASE: {
        enum use_type subject = T_ANY;
        for (const struct ast *arm = e->kids; arm && e->a; arm = arm->next)
            subject = merge(subject, type_of(arm->a));
        walk(w, e->a, subject, U_COMPARE, elem);
        for (const struct ast *arm = e->kids; arm; arm = arm->next) {
            if (e->a)
                walk(w, arm->a, T_ANY, U_COMPARE, elem);
            else
                walk(w, arm->a, T_BOOL, U_COND, elem);
            walk(w, arm->b, want, how, elem);
        }
        walk(w, e->c, want, how, elem);
        return;
    }
    case AST_E_WHERE:
        as_array(w, e, elem);
        return;
    case AST_E_MAP:
        walk(w, e->b, T_ANY, 0, as_array(w, e->a, elem));
        return;
    case AST_E_NUM:
    case AST_E_STR:
    case AST_E_BOOL:
    case AST_E_NULL:
    case AST_E_CONST:
    case AST_E_WEIGHT:
    case AST_E_SCORE:
    case AST_E_RATIO:
        return;
    default:    /* kinds added later: read what they hold, without a type */
        walk(w, e->a, T_ANY, 0, elem);
        walk(w, e->b, T_ANY, 0, elem);
        walk(w, e->c, T_ANY, 0, elem);
        for (const struct ast *k = e->kids; k; k = k->next)
            walk(w, k, T_ANY, 0, elem);
        return;
    }
}

/* The rules of one indicator (its own statements; children are walked on their own); elem:
 * the array whose element `.` is, inside a block over an array's rows. */
static void walk_statements(struct walker *w, const struct ast *s, const char *elem)
{
    for (; s; s = s->next) {
        switch ((enum ast_kind)s->kind) {
        case AST_S_INDICATOR:
        case AST_S_LET:
        case AST_S_TEST:
            break;
        case AST_S_SCORE:
        case AST_S_SELFSCORE:
            walk(w, s->a, T_NUMBER, U_COMPUTE, elem);
            walk(w, s->kind == AST_S_SCORE ? s->c : NULL, T_TEXT, 0, elem);
            break;
        case AST_S_DEDUCT:
        case AST_S_FAIL:
        case AST_S_SKIP:
        case AST_S_NOTE:
            walk(w, s->a, s->kind == AST_S_DEDUCT ? T_NUMBER : T_TEXT,
                 s->kind == AST_S_DEDUCT ? U_COMPUTE : 0, elem);
            walk(w, s->b, T_BOOL, U_COND, elem);
            walk(w, s->c, T_TEXT, 0, elem);
            break;
        case AST_S_GRADES:
            for (const struct ast *band = s->kids; band; band = band->next) {
                walk(w, band->b, T_BOOL, U_COND, elem);
                walk(w, band->a, T_TEXT, 0, elem);
            }
            break;
        case AST_S_FROM: {  /* from $绩效指标 [group .二级指标] name .三级指标 weight .分值 */
            const char *rows = as_array(w, s->a, elem);
            walk(w, s->b, T_TEXT, 0, rows);
            if (s->c) {
                walk(w, s->c->a, T_TEXT, 0, rows);
                walk(w, s->c->b, T_NUMBER, U_COMPUTE, rows);
            }
            walk_statements(w, s->kids, rows);
            break;
        }
        default:
            if (s->kids) {  /* a block over the rows of an array, of a kind added later */
                const char *rows = as_array(w, s->a, elem);
                walk(w, s->b, T_ANY, 0, rows);
                walk(w, s->c, T_ANY, 0, rows);
                walk_statements(w, s->kids, rows);
            } else {        /* statements added later */
                walk(w, s->a, T_ANY, 0, elem);
                walk(w, s->b, T_ANY, 0, elem);
                walk(w, s->c, T_ANY, 0, elem);
            }
            break;
        }
    }
}

/* The field of a record, found by the record's key (in u's arena: the walk's arena). */
/* The columns of the national project form (项目支出绩效自评表), in the form's order.  The
 * fields of an array are listed in the order the rules read them, but those with these names
 * take the places they have among them in the form's order, so a template's 绩效指标 sheet
 * reads 年度指标值 then 实际完成值 as the department's own table does, and columns copied
 * from it are not swapped (docs/spreadsheets.md). */
static const char *const form_columns[] = {
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "自评得分",
    "偏差原因",
};

static int form_rank(const char *path)
{
    for (size_t i = 0; i < sizeof form_columns / sizeof form_columns[0]; i++)
        if (strcmp(path, form_columns[i]) == 0)
            return (int)i;
    return -1;
}

/* Reorders order[0..n) (recs of one array, in reading order) as form_columns says: the
 * places held by form columns get them in the form's order, the others stay. */
static void form_order(const struct walker *w, size_t *order, size_t n)
{
    size_t *was = xmalloc((n + 1) * sizeof *was), place = 0;
    memcpy(was, order, n * sizeof *was);
    for (int r = 0; r < (int)(sizeof form_columns / sizeof form_columns[0]); r++)
        for (size_t i = 0; i < n; i++) {
            if (form_rank(w->recs[was[i]].path) != r)
                continue;
            while (form_rank(w->recs[was[place]].path) < 0)     /* the next form place */
                place++;
            order[place++] = was[i];
        }
    free(was);
}

static void add_field(struct usage *u, struct usage_field *f, const struct rec *r)
{
    *f = (struct usage_field){
        .path = arena_strndup(&u->ar, r->path, strlen(r->path)),
        .array = r->array ? arena_strndup(&u->ar, r->array, strlen(r->array)) : NULL,
        .type = decide(r->types, r->how),
        .how = r->how & (U_COMPARE | U_COMPUTE | U_COND),
        .indicators = arena_strndup(&u->ar, buf_data(&r->inds), r->inds.len),
    };
    strmap_put(&u->find, r->key, f);
}

/* The walk's lets forget this indicator: they are walked again for the next one. */
static void forget_lets(struct walker *w)
{
    for (size_t i = 0; i < w->nseen_set; i++)
        w->seen[w->seen_set[i]] = 0;
    w->nseen_set = 0;
}

/* A root path that is an array, or the prefix of another path (an object read whole, as by
 * exists($预算)), is no cell of its own: `prefixes` holds every proper prefix of a root
 * path that ends before a dot. */
static int is_container(const struct walker *w, const struct strmap *prefixes, const char *path)
{
    return strmap_get(&w->array_set, path) || strmap_get(prefixes, path);
}

static void add_prefixes(struct walker *w, struct strmap *prefixes, const char *path)
{
    for (const char *dot = strchr(path, '.'); dot; dot = strchr(dot + 1, '.')) {
        char *p = arena_strndup(w->ar, path, (size_t)(dot - path));
        if (strmap_get(prefixes, p))
            continue;
        strmap_put(prefixes, p, (void *)1);
    }
}

/* Every path one rule set reads, into w's records; *key: the id path, if not set yet. */
static void walk_ruleset(struct walker *w, const struct ruleset *rs, const char **key)
{
    w->rs = rs;
    free(w->seen);
    w->seen = xcalloc((rs->nlets ? rs->nlets : 1) * SEEN_PER_LET, 1);
    w->nseen_set = 0;
    const char *array, *id = NULL;
    if (rs->id && path_of(w, rs->id, NULL, &array, &id) && !array && *id) {
        record(w, NULL, id, T_TEXT, U_COMPARE);
        if (!*key)
            *key = id;
    } else
        walk(w, rs->id, T_TEXT, 0, NULL);
    for (uint32_t i = 0; i < rs->nall; i++) {
        w->ind = rs->all[i];
        forget_lets(w);
        walk_statements(w, w->ind->decl->kids, NULL);
    }
    w->ind = NULL;
    forget_lets(w);
    walk(w, rs->selfscore, T_NUMBER, U_COMPUTE, NULL);
    for (const struct ast *band = rs->grades ? rs->grades->kids : NULL; band; band = band->next)
        walk(w, band->b, T_BOOL, U_COND, NULL);
}

/* u's fields from the rule sets (u zeroed but for its arena). */
static void fill(struct usage *u, const struct ruleset *const *rss, int n)
{
    struct walker w = {.ar = &u->ar};
    const char *key = NULL;
    for (int k = 0; k < n; k++)
        walk_ruleset(&w, rss[k], &key);

    u->root = xcalloc(w.nrecs + 1, sizeof *u->root);
    u->elem = xcalloc(w.nrecs + 1, sizeof *u->elem);
    u->arrays = xcalloc(w.narrays + 1, sizeof *u->arrays);
    struct strmap prefixes = {0};
    for (size_t i = 0; i < w.nrecs; i++)
        if (!w.recs[i].array)
            add_prefixes(&w, &prefixes, w.recs[i].path);
    for (size_t i = 0; i < w.nrecs; i++)
        if (!w.recs[i].array && !is_container(&w, &prefixes, w.recs[i].path))
            add_field(u, &u->root[u->nroot++], &w.recs[i]);
    strmap_free(&prefixes);
    /* the fields of each array in the order they were read: counted, then placed */
    for (size_t i = 0; i < w.nrecs; i++)
        if (w.recs[i].in_array)
            u->arrays[w.recs[i].in_array - 1].n++;
    for (size_t a = 0; a < w.narrays; a++) {
        struct usage_array *ua = &u->arrays[u->narrays++];
        ua->path = arena_strndup(&u->ar, w.arrays[a], strlen(w.arrays[a]));
        ua->first = u->nelem;
        u->nelem += ua->n;
        ua->n = 0;
    }
    size_t *order = xcalloc(u->nelem + 1, sizeof *order);    /* recs, by their place */
    for (size_t i = 0; i < w.nrecs; i++)
        if (w.recs[i].in_array) {
            struct usage_array *ua = &u->arrays[w.recs[i].in_array - 1];
            order[ua->first + ua->n++] = i;
        }
    for (size_t a = 0; a < u->narrays; a++)
        form_order(&w, order + u->arrays[a].first, u->arrays[a].n);
    for (size_t k = 0; k < u->nelem; k++)
        add_field(u, &u->elem[k], &w.recs[order[k]]);
    free(order);
    const struct usage_field *id = key ? usage_find(u, NULL, key) : NULL;
    if (id)
        u->key = id->path;
    for (size_t i = 0; i < w.nrecs; i++)
        buf_free(&w.recs[i].inds);
    free(w.recs);
    free(w.arrays);
    free(w.seen);
    free(w.seen_set);
    buf_free(&w.key);
    strmap_free(&w.by_key);
    strmap_free(&w.array_set);
}

static struct usage *usage_new(void)
{
    struct usage *u = xcalloc(1, sizeof *u);
    arena_init(&u->ar);
    return u;
}

struct usage *usage_of(const struct ruleset *rs)
{
    return usage_of_sets(&rs, 1);
}

struct usage *usage_of_sets(const struct ruleset *const *rss, int n)
{
    struct usage *u = usage_new();
    fill(u, rss, n);
    return u;
}

struct usage *usage_later(const struct ruleset *rs)
{
    struct usage *u = usage_new();
    u->pending = rs;
    return u;
}

/* A usage of usage_later is made the first time it is asked. */
static const struct usage *made(const struct usage *u)
{
    if (u->pending) {
        struct usage *m = (struct usage *)u;    /* allocated mutable by usage_later */
        const struct ruleset *rs = m->pending;
        m->pending = NULL;
        fill(m, &rs, 1);
    }
    return u;
}

void usage_free(struct usage *u)
{
    if (!u)
        return;
    free(u->root);
    free(u->elem);
    free(u->arrays);
    strmap_free(&u->find);
    arena_free(&u->ar);
    free(u);
}

const struct usage_field *usage_find(const struct usage *u, const char *array, const char *path)
{
    u = made(u);
    char stack[256];
    size_t na = array ? strlen(array) : 0, np = strlen(path);
    char *key = na + np + 2 <= sizeof stack ? stack : xmalloc(na + np + 2);
    memcpy(key, array ? array : "", na);
    key[na] = '\x1f';
    memcpy(key + na + 1, path, np + 1);
    const struct usage_field *f = strmap_get(&u->find, key);
    if (key != stack)
        free(key);
    return f;
}

const struct usage_array *usage_array(const struct usage *u, const char *path)
{
    u = made(u);
    for (size_t i = 0; i < u->narrays; i++)
        if (strcmp(u->arrays[i].path, path) == 0)
            return &u->arrays[i];
    return NULL;
}

const char *usage_type_name(enum use_type t)
{
    static const char *const names[] = {[T_ANY] = "文本", [T_TEXT] = "文本",
                                        [T_NUMBER] = "数值", [T_BOOL] = "是否",
                                        [T_DATE] = "日期"};
    return names[t];
}

const char *usage_how_text(int how, char *buf)
{
    static const char *const words[] = {"比较", "计算", "条件"};
    buf[0] = '\0';
    for (int i = 0; i < 3; i++)
        if (how & (1 << i)) {
            if (buf[0])
                strcat(buf, "、");
            strcat(buf, words[i]);
        }
    return buf;
}
