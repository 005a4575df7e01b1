/* check.c - static checks and name resolution: from the syntax tree to a struct ruleset
 * (check.h). */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "eval.h"
#include "strmap.h"
#include "num.h"
#include "utf8.h"

/* Where an expression is, which decides what it may read. */
enum role {
    R_TOP,      /* id, selfscore */
    R_CONST,    /* consts: constants only */
    R_LET,      /* lets */
    R_LEAF,     /* a leaf's score, deduct, fail, note */
    R_PARENT,   /* a parent's own deduct, fail, note: score is the children's sum */
    R_SKIP,     /* skip conditions (before anything is scored) */
    R_GRADES,   /* grades: score is final */
};

/* The indicators an expression reads with score(PATH) (and the node that reads each). */
struct dep {
    struct indicator *ind;
    struct ast *at;
};

struct deps {
    struct dep *v;
    uint32_t n, cap;
};

struct ctx {
    struct indicator *ind;  /* innermost enclosing indicator, NULL at top level */
    enum role role;
    int in_where;
    const char *const_name; /* the const being defined (R_CONST) */
    int depth;              /* of the expression being resolved, counted across bindings */
    struct deps *deps;      /* where score(PATH) references are collected, or NULL */
};

/* Deeper expressions are refused, so that nothing recursing over them can run out of stack
 * (a + a + … parses without bound, left-recursively).  The depth runs on through the lets and
 * consts an expression reads (evaluation recurses into them): a chain of 40,000 lets, each
 * reading the one before, is refused too, not only one deep expression. */
enum { MAX_EXPR_DEPTH = 1000 };

struct checker {
    struct ruleset *rs;
    struct diag *dg;
    struct arena *ar;
    /* growing lists, copied into the arena at the end */
    struct indicator **all;
    uint32_t nall, capall;
    struct binding **lets;
    uint32_t nlets, caplets;
    struct binding **globals;
    uint32_t nglobals, capglobals;
    struct indicator **dups;        /* duplicates: checked, not part of the tree */
    uint32_t ndups, capdups;
    struct indicator **tmpls;       /* templates of from blocks (§11): not part of the tree */
    uint32_t ntmpls, captmpls;
    bool too_deep;                  /* "nesting too deep" reported (once is enough) */
    int *reach;                     /* the binding being resolved: the deepest level reached */
    struct strmap paths;            /* plain data path (pair_key: its base's slot, name) -> slot */
    uint32_t npaths;
    struct strmap siblings;         /* pair_key: the parent's address (0 top), name -> indicator,
                                       for the lists longer than a scan (made by index_tree) */
    struct strmap let_names;        /* pair_key: the indicator's address, name -> its let, for
                                       the indicators with more lets than a scan (add_let) */
    uint32_t nsuggested;            /* unknown names and paths a suggestion was looked for */
    struct strmap top_names;        /* top-level name -> indicator (named) */
    struct strmap global_names;     /* top-level let or const name -> binding */
    struct indicator **top;         /* top-level indicators and bonus items */
    uint32_t ntop, captop;
    struct ast **tests;             /* S_TEST items */
    uint32_t ntests, captests;
    struct ast **rules;             /* the total's own S_DEDUCT, S_FAIL, S_NOTE */
    uint32_t nrules, caprules;
    struct deps *ind_deps;          /* by indicator index: what its rules read by score(PATH) */
    struct deps *let_deps;          /* by let slot: the same for lets */
    uint8_t *mark;                  /* cycle search: 0 new, 1 on the path, 2 done */
    struct binding *in_binding;     /* whose expression is being resolved, NULL in a rule */
    bool selfscores;                /* an indicator (or a row) has a selfscore */
    struct buf key;                 /* pair_key's scratch */
};

static void resolve(struct checker *ck, struct ast *e, struct ctx cx);
static void resolve_binding(struct checker *ck, struct binding *b, int depth);

static void report_unknown(struct checker *ck, struct span at, enum msg_id id, const char *name,
                           const char *suggestion)
{
    struct buf b = {0}, hint = {0};
    buf_printf(&b, msg(ck->dg->lang, id), name);
    if (suggestion)
        buf_printf(&hint, msg(ck->dg->lang, M_DID_YOU_MEAN), suggestion);
    diag_error_hint(ck->dg, at, buf_cstr(&b), suggestion ? buf_cstr(&hint) : NULL);
    buf_free(&b);
    buf_free(&hint);
}

/* "Did you mean" is looked for among every name in scope (or every indicator of a list),
 * for the first SUGGEST_MAX unknown names and paths only, as many as text output prints
 * errors: for each of thousands of unknown names in a big script it was quadratic (4,000
 * took 4 s, 20,000 about two minutes). */
enum { SUGGEST_MAX = DIAG_MAX };

/* Is a suggestion still looked for (counting this one)? */
static bool suggesting(struct checker *ck)
{
    if (ck->nsuggested == SUGGEST_MAX)
        return false;
    ck->nsuggested++;
    return true;
}

/* ---- scopes ---- */

enum { SCAN_MAX = 8 };      /* lists (of indicators, of lets) this short are scanned, longer
                               ones hashed */

static const char *pair_key(struct checker *ck, uintptr_t n, const char *name);
static const char *kept(struct checker *ck, const char *key);

/* The let `name` of ind, or NULL: a few are scanned, more found in let_names (one indicator
 * of 20,000 lets, each read, took 52 s to check when they were all scanned). */
static struct binding *let_of(struct checker *ck, const struct indicator *ind, const char *name)
{
    if (ind->nlets > SCAN_MAX)
        return strmap_get(&ck->let_names, pair_key(ck, (uintptr_t)ind, name));
    for (uint32_t i = 0; i < ind->nlets; i++)
        if (strcmp(ind->lets[i]->name, name) == 0)
            return ind->lets[i];
    return NULL;
}

/* b joins ind's lets, and let_names once they outgrow a scan. */
static void add_let(struct checker *ck, struct indicator *ind, struct binding *b)
{
    ind->lets[ind->nlets++] = b;
    if (ind->nlets <= SCAN_MAX)
        return;
    /* all of them when they have just outgrown a scan, else the new one */
    for (uint32_t i = ind->nlets == SCAN_MAX + 1 ? 0 : ind->nlets - 1; i < ind->nlets; i++)
        strmap_put(&ck->let_names, kept(ck, pair_key(ck, (uintptr_t)ind, ind->lets[i]->name)),
                   ind->lets[i]);
}

/* A name: the indicator's own lets, enclosing indicators' lets, top-level lets, consts. */
static struct binding *lookup(struct checker *ck, struct indicator *ind, const char *name)
{
    for (; ind; ind = ind->parent) {
        struct binding *b = let_of(ck, ind, name);
        if (b)
            return b;
    }
    return strmap_get(&ck->global_names, name);
}

static const char *suggest_name(struct checker *ck, struct indicator *ind, const char *name)
{
    if (!suggesting(ck))
        return NULL;
    struct diag_suggest sg = {name, NULL, (size_t)-1};
    for (struct indicator *i = ind; i; i = i->parent)
        for (uint32_t k = 0; k < i->nlets; k++)
            diag_consider(&sg, i->lets[k]->name);
    for (uint32_t k = 0; k < ck->nglobals; k++)
        diag_consider(&sg, ck->globals[k]->name);
    for (int k = 0; k < BUILTIN_COUNT; k++)
        diag_consider(&sg, builtin_table[k].name);
    static const char *const words[] = {"weight", "score", "ratio", "true", "false", "null",
                                        "分值", "得分", "得分率"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        diag_consider(&sg, words[k]);
    return sg.best;
}

static struct binding *new_binding(struct checker *ck, struct ast *decl, struct indicator *owner)
{
    struct binding *b = arena_zalloc(ck->ar, sizeof *b);
    b->name = decl->str;
    b->decl = decl;
    b->owner = owner;
    b->is_const = decl->kind == AST_S_CONST;
    if (!b->is_const) {
        b->slot = ck->nlets;
        VEC_PUSH(ck->lets, ck->nlets, ck->caplets, b);
    }
    return b;
}

/* ---- expressions ---- */

static void resolve_list(struct checker *ck, struct ast *list, struct ctx cx)
{
    for (; list; list = list->next)
        resolve(ck, list, cx);
}

static void check_format(struct checker *ck, struct ast *fmt)
{
    const char *f = fmt->str;
    if (!f || !*f || strcmp(f, "%") == 0)
        return;
    if (f[0] == '.' && f[1] >= '0' && f[1] <= '9'
        && (f[2] == '\0' || (f[2] >= '0' && f[2] <= '9' && f[3] == '\0' && atoi(f + 1) <= 20)))
        return;
    diag_error(ck->dg, fmt->at, M_BAD_FMT, f);
}

static void resolve_score(struct checker *ck, struct ast *e, struct ctx cx, const char *word)
{
    e->ref = cx.ind;
    if (cx.role == R_GRADES || cx.role == R_PARENT)
        return;
    if (cx.role == R_CONST)
        diag_error(ck->dg, e->at, M_CONST_DATA, cx.const_name, word);
    else if (cx.role == R_LEAF)
        diag_error(ck->dg, e->at, M_SCORE_IN_LEAF, word, cx.ind->name);
    else
        diag_error(ck->dg, e->at, M_SCORE_HERE, word);
}

/* The key of a name under a numbered owner, "N\x1fNAME" (N in hex), in the checker's scratch
 * buffer: valid until the next call, copied into the arena only by a map that keeps it.  (A
 * key printed for every look-up cost a tenth of the checker's time at 100,000 leaves.) */
static const char *pair_key(struct checker *ck, uintptr_t n, const char *name)
{
    char digits[2 * sizeof n];
    int k = sizeof digits;
    do
        digits[--k] = "0123456789abcdef"[n % 16];
    while ((n /= 16) != 0);
    ck->key.len = 0;
    buf_add(&ck->key, digits + k, sizeof digits - (size_t)k);
    buf_addc(&ck->key, '\x1f');
    buf_adds(&ck->key, name);
    return buf_cstr(&ck->key);
}

static const char *kept(struct checker *ck, const char *key)
{
    return arena_strndup(ck->ar, key, ck->key.len);
}

/* $a.b.c: its value is the same all through a data set, so evaluation caches it in a slot,
 * the same for every use of the same path: a path is its base's slot (0: the root) and its
 * last name. */
static void plain_path(struct checker *ck, struct ast *e)
{
    uint32_t base;
    if (e->a->kind == AST_E_ROOT)
        base = 0;
    else if (e->a->kind == AST_E_FIELD && e->a->slot)
        base = e->a->slot;
    else
        return;
    const char *key = pair_key(ck, base, e->str);
    uintptr_t slot = (uintptr_t)strmap_get(&ck->paths, key);
    if (!slot) {
        slot = ++ck->npaths;
        strmap_put(&ck->paths, kept(ck, key), (void *)slot);
    }
    e->slot = (uint32_t)slot;
}

static void add_dep(struct deps *d, struct indicator *ind, struct ast *at)
{
    struct dep x = {ind, at};
    VEC_PUSH(d->v, d->n, d->cap, x);
}

static const char *steps_text(struct checker *ck, const struct ast *path)
{
    struct buf b = {0};
    for (const struct ast *s = path; s; s = s->next) {
        if (s != path)
            buf_addc(&b, '.');
        buf_adds(&b, s->str);
    }
    const char *t = arena_strndup(ck->ar, buf_data(&b), b.len);
    buf_free(&b);
    return t;
}

static struct indicator *sibling(struct checker *ck, const struct indicator *parent,
                                 const char *name);

/* The indicator a dotted path (E_STR steps) names, from the top level; reports it when none. */
static struct indicator *find_path(struct checker *ck, const struct ast *path)
{
    struct indicator **list = ck->top;
    uint32_t n = ck->ntop;
    struct indicator *hit = NULL, *parent = NULL;
    const struct ast *s = path;
    for (; s; s = s->next) {
        /* by the siblings map, not a scan: 40,000 top-level indicators each reading
         * another by score() were quadratic (35 s to check) */
        hit = sibling(ck, parent, s->str);
        if (!hit)
            break;
        parent = hit;
        list = hit->kids;
        n = hit->nkids;
    }
    if (!hit) {     /* did you mean: the closest name where the path went wrong */
        struct diag_suggest sg = {s->str, NULL, (size_t)-1};
        for (uint32_t k = 0, look = suggesting(ck); look && k < n; k++)
            diag_consider(&sg, list[k]->name);
        const char *best = !sg.best ? NULL : parent ? arena_printf(ck->ar, "%s.%s", parent->path, sg.best)
                                                    : sg.best;
        report_unknown(ck, s->at, M_NO_INDICATOR, steps_text(ck, path), best);
    }
    return hit;
}

/* A path that leaves the static tree at an indicator holding from blocks names one of the
 * rows or groups they make (§11): it is looked up in each data set's tree (eval.c). */
static bool row_path(struct checker *ck, const struct ast *path)
{
    const struct indicator *parent = NULL;
    for (const struct ast *s = path; s; s = s->next) {
        const struct indicator *hit = sibling(ck, parent, s->str);
        if (!hit)
            return parent && parent->nfroms;
        parent = hit;
    }
    return false;
}

/* Counts one more level at `at`; false (reported once) when that is too deep. */
static bool deeper(struct checker *ck, struct span at, struct ctx *cx, int levels)
{
    cx->depth += levels;
    if (ck->reach && cx->depth > *ck->reach)
        *ck->reach = cx->depth;
    if (cx->depth <= MAX_EXPR_DEPTH)
        return true;
    if (!ck->too_deep)
        diag_error(ck->dg, at, M_TOO_DEEP);
    ck->too_deep = true;
    return false;
}

/* A name: a let or const in scope (consts may read only consts), resolved itself first;
 * what it reads by score(PATH) is read here too. */
static void resolve_name(struct checker *ck, struct ast *e, struct ctx cx)
{
    struct binding *b = lookup(ck, cx.ind, e->str);
    if (!b) {
        report_unknown(ck, e->at, M_UNKNOWN_NAME, e->str, suggest_name(ck, cx.ind, e->str));
        return;
    }
    if (cx.role == R_CONST && !b->is_const) {
        diag_error(ck->dg, e->at, M_CONST_DATA, cx.const_name, e->str);
        return;
    }
    e->kind = b->is_const ? AST_E_CONST : AST_E_LET;
    e->ref = b;
    if (!ck->in_binding)
        b->read = true;     /* lint.c follows what b reads in turn */
    else
        ck->in_binding->reads = true;
    resolve_binding(ck, b, cx.depth);
    deeper(ck, e->at, &cx, (int)b->height);
    if (!b->is_const && cx.deps && ck->let_deps) {
        struct deps *ld = &ck->let_deps[b->slot];
        for (uint32_t k = 0; k < ld->n; k++)
            add_dep(cx.deps, ld->v[k].ind, ld->v[k].at);
    }
}

/* score(PATH), ratio(PATH): an indicator of the tree, or a row's path (no static dependency:
 * eval.c finds a cycle through rows). */
static void resolve_score_of(struct checker *ck, struct ast *e, struct ctx cx)
{
    bool row = row_path(ck, e->a);
    struct indicator *ind = row ? NULL : find_path(ck, e->a);
    if (!ind && !row)
        return;
    e->ref = ind;
    e->str = ind ? NULL : steps_text(ck, e->a);
    if (cx.role == R_CONST)
        diag_error(ck->dg, e->at, M_CONST_DATA, cx.const_name, e->op ? "ratio" : "score");
    else if (cx.deps && ind)
        add_dep(cx.deps, ind, e);
}

/* A call of a built-in: known, with as many arguments as it takes. */
static void resolve_call(struct checker *ck, struct ast *e, struct ctx cx)
{
    int id = -1;
    for (int k = 0; k < BUILTIN_COUNT; k++)
        if (strcmp(builtin_table[k].name, e->str) == 0)
            id = k;
    resolve_list(ck, e->kids, cx);
    if (id < 0) {
        struct diag_suggest sg = {e->str, NULL, (size_t)-1};
        for (int k = 0; k < BUILTIN_COUNT; k++)
            diag_consider(&sg, builtin_table[k].name);
        struct span name = {e->at.file, e->at.start, e->at.start + e->len};   /* NAME '(' */
        report_unknown(ck, name, M_UNKNOWN_FUNC, e->str, sg.best);
        return;
    }
    e->op = (uint8_t)id;
    const struct builtin_info *bi = &builtin_table[id];
    int n = ast_count(e->kids);
    if (n < bi->min_args || (bi->max_args >= 0 && n > bi->max_args)) {
        int min = bi->min_args, max = bi->max_args;
        if (max < 0 && min == 1)
            diag_error(ck->dg, e->at, M_ARITY_MIN1, bi->name, n);
        else if (max < 0)
            diag_error(ck->dg, e->at, M_ARITY_MIN, bi->name, min, n);
        else if (min == max && min == 1)
            diag_error(ck->dg, e->at, M_ARITY_1, bi->name, n);
        else if (min == max)
            diag_error(ck->dg, e->at, M_ARITY_N, bi->name, min, n);
        else
            diag_error(ck->dg, e->at, M_ARITY_RANGE, bi->name, min, max, n);
    }
}

/* $: data, which a const may not read.  `at` is where it is written (the root of every $name
 * path is one node, ast_data_root, placed by its field: the same span). */
static void resolve_root(struct checker *ck, struct span at, struct ctx cx)
{
    if (deeper(ck, at, &cx, 1) && cx.role == R_CONST)
        diag_error(ck->dg, at, M_CONST_DATA, cx.const_name, "$");
}

static void resolve(struct checker *ck, struct ast *e, struct ctx cx)
{
    if (!e || !deeper(ck, e->at, &cx, 1))
        return;
    if (e->kind == AST_E_FIELD) {
        if (e->a == ast_data_root())
            resolve_root(ck, e->at, cx);
        else
            resolve(ck, e->a, cx);
        plain_path(ck, e);
        return;
    }
    switch ((enum ast_kind)e->kind) {
    case AST_E_INTERP:
        for (struct ast *p = e->kids; p; p = p->next)
            if (p->kind == AST_E_FMT) {
                resolve(ck, p->a, cx);
                if (p->c)
                    check_format(ck, p->c);
            }
        return;
    case AST_E_ROOT:    /* `$` alone (deeper counted it already) */
        if (cx.role == R_CONST)
            diag_error(ck->dg, e->at, M_CONST_DATA, cx.const_name, "$");
        return;
    case AST_E_ELEM:
        if (!cx.in_where)
            diag_error(ck->dg, e->at, M_ELEM_OUTSIDE);
        return;
    case AST_E_NAME:
        resolve_name(ck, e, cx);
        return;
    case AST_E_SCOREOF:
        resolve_score_of(ck, e, cx);
        return;
    case AST_E_WEIGHT:
        e->ref = cx.ind;
        if (cx.role == R_CONST)
            diag_error(ck->dg, e->at, M_CONST_DATA, cx.const_name, "weight");
        return;
    case AST_E_SCORE:
        resolve_score(ck, e, cx, "score");
        return;
    case AST_E_RATIO:
        resolve_score(ck, e, cx, "ratio");
        return;
    case AST_E_CALL:
        resolve_call(ck, e, cx);
        return;
    case AST_E_WHERE:
    case AST_E_MAP: {
        resolve(ck, e->a, cx);
        struct ctx inner = cx;
        inner.in_where++;
        resolve(ck, e->b, inner);
        return;
    }
    case AST_E_CASE:
        resolve(ck, e->a, cx);
        resolve_list(ck, e->kids, cx);
        resolve(ck, e->c, cx);
        return;
    case AST_E_INDEX:
    case AST_E_SPREAD:
    case AST_E_NEG:
    case AST_E_NOT:
    case AST_E_BIN:
    case AST_E_AND:
    case AST_E_OR:
    case AST_E_COAL:
    case AST_E_IF:
    case AST_E_WHEN:
    case AST_E_FMT:
        resolve(ck, e->a, cx);
        resolve(ck, e->b, cx);
        if (e->kind == AST_E_IF)
            resolve(ck, e->c, cx);
        return;
    default:
        return;     /* literals, and names already resolved */
    }
}

/* A let or const: resolved once, in its own scope; consts are evaluated right away. */
static void resolve_binding(struct checker *ck, struct binding *b, int depth)
{
    if (b->state == CHECK_DONE)
        return;
    if (b->state == CHECK_BUSY) {
        diag_error(ck->dg, ast_name_at(b->decl), M_CYCLE, b->name);
        b->state = CHECK_DONE;
        return;
    }
    b->state = CHECK_BUSY;
    int before = ck->dg->nerrors;
    int reach = depth, *outer = ck->reach;  /* from where it is first read: bounded recursion */
    ck->reach = &reach;
    struct binding *outer_b = ck->in_binding;
    ck->in_binding = b;
    struct ctx cx = {b->owner, b->is_const ? R_CONST : R_LET,
                     b->owner && b->owner->decl->kind == AST_S_FROM, b->name, depth,
                     b->is_const ? NULL : &ck->let_deps[b->slot]};
    resolve(ck, b->decl->a, cx);
    ck->reach = outer;
    ck->in_binding = outer_b;
    b->height = (uint32_t)(reach - depth);
    b->state = CHECK_DONE;
    if (b->is_const && ck->dg->nerrors == before && !ck->too_deep) {
        struct eval_error err;
        if (!eval_const(ck->rs, b->decl->a, &b->cval, &err))
            diag_error_text(ck->dg, err.at, err.message);
    }
}

/* ---- indicators ---- */

/* Where an indicator is named: its name (a from block's template: its array). */
static struct span name_at(const struct ast *decl)
{
    return decl->kind == AST_S_INDICATOR ? ast_name_at(decl) : decl->a->at;
}

static struct indicator *build_indicator(struct checker *ck, struct ast *decl,
                                         struct indicator *parent);
static struct indicator *build_template(struct checker *ck, struct ast *from,
                                        struct indicator *parent);
static void once(struct checker *ck, struct ast **slot, struct ast *item, const char *word);

static struct indicator *scan(struct indicator *const *list, uint32_t n, const char *name)
{
    for (uint32_t k = 0; k < n; k++)
        if (strcmp(list[k]->name, name) == 0)
            return list[k];
    return NULL;
}

/* The indicator named `name` among those of one body built so far (list[0..n)), for
 * "duplicate indicator": a short list is scanned, a longer one hashed in `map`, the body's
 * own (one map of every indicator was a cache miss for each: 5% of check at 100,000 leaves). */
static struct indicator *named(struct indicator *const *list, uint32_t n, struct strmap *map,
                               const char *name)
{
    if (n <= SCAN_MAX)
        return scan(list, n, name);
    if (!map->n)            /* the list has just outgrown a scan */
        for (uint32_t k = 0; k < n; k++)
            strmap_put(map, list[k]->name, list[k]);
    return strmap_get(map, name);
}

/* ind joins the list of `named`'s map. */
static struct indicator *named_add(struct strmap *map, struct indicator *ind)
{
    if (map->n)
        strmap_put(map, ind->name, ind);
    return ind;
}

/* The tree's long lists of children into the siblings map, keyed by the parent's address (a
 * from block's template has no index yet while its body is built). */
static void index_tree(struct checker *ck, const struct indicator *parent,
                       struct indicator *const *list, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        if (n > SCAN_MAX)
            strmap_put(&ck->siblings, kept(ck, pair_key(ck, (uintptr_t)parent, list[k]->name)),
                       list[k]);
        index_tree(ck, list[k], list[k]->kids, list[k]->nkids);
    }
}

/* The child of `parent` (NULL: the top level) named `name` in the built tree (score(PATH)). */
static struct indicator *sibling(struct checker *ck, const struct indicator *parent,
                                 const char *name)
{
    struct indicator *const *list = parent ? parent->kids : ck->top;
    uint32_t n = parent ? parent->nkids : ck->ntop;
    if (n <= SCAN_MAX)
        return scan(list, n, name);
    if (!ck->siblings.n)
        index_tree(ck, NULL, ck->top, ck->ntop);
    return strmap_get(&ck->siblings, pair_key(ck, (uintptr_t)parent, name));
}

/* The body of an indicator: lets, sub-indicators, rules, grades. */
static void build_body(struct checker *ck, struct indicator *ind)
{
    struct ast *body = ind->decl->kids;
    uint32_t nkids = 0, nrules = 0, nskips = 0, nlets = 0, nfroms = 0;
    for (struct ast *s = body; s; s = s->next) {
        nkids += s->kind == AST_S_INDICATOR;
        nfroms += s->kind == AST_S_FROM;
        nrules += s->kind == AST_S_DEDUCT || s->kind == AST_S_FAIL || s->kind == AST_S_NOTE;
        nskips += s->kind == AST_S_SKIP;
        nlets += s->kind == AST_S_LET;
    }
    ind->kids = arena_alloc(ck->ar, nkids * sizeof *ind->kids);
    ind->rules = arena_alloc(ck->ar, nrules * sizeof *ind->rules);
    ind->skips = arena_alloc(ck->ar, nskips * sizeof *ind->skips);
    ind->lets = arena_alloc(ck->ar, nlets * sizeof *ind->lets);
    ind->froms = arena_alloc(ck->ar, nfroms * sizeof *ind->froms);
    struct strmap names = {0};      /* of the children, once there are many */
    struct ast *na = NULL;
    for (struct ast *s = body; s; s = s->next) {
        switch ((enum ast_kind)s->kind) {
        case AST_S_LET: {
            struct binding *dup = let_of(ck, ind, s->str);
            if (dup)
                diag_error(ck->dg, ast_name_at(s), M_DUP_NAME, s->str, diag_line(ck->dg, dup->decl->at));
            else
                add_let(ck, ind, new_binding(ck, s, ind));
            break;
        }
        case AST_S_INDICATOR: {
            struct indicator *dup = named(ind->kids, ind->nkids, &names, s->str);
            if (dup) {
                diag_error(ck->dg, name_at(s), M_DUP_INDICATOR, s->str,
                           diag_line(ck->dg, dup->decl->at));
                /* still check what it holds, but leave it out of the tree */
                VEC_PUSH(ck->dups, ck->ndups, ck->capdups, build_indicator(ck, s, ind));
                break;
            }
            ind->kids[ind->nkids++] = named_add(&names, build_indicator(ck, s, ind));
            break;
        }
        case AST_S_FROM: {
            struct rowset *rows = arena_zalloc(ck->ar, sizeof *rows);
            rows->decl = s;
            rows->before = ind->nkids;
            rows->tmpl = build_template(ck, s, ind);
            ind->froms[ind->nfroms++] = rows;
            break;
        }
        case AST_S_SCORE:
            if (ind->score)
                diag_error(ck->dg, s->at, M_TWO_SCORES, ind->name, diag_line(ck->dg, ind->score->at));
            else
                ind->score = s;
            break;
        case AST_S_DEDUCT:
        case AST_S_FAIL:
        case AST_S_NOTE:
            ind->rules[ind->nrules++] = s;
            break;
        case AST_S_SKIP:
            ind->skips[ind->nskips++] = s;
            break;
        case AST_S_GRADES:
            once(ck, &ind->grades, s, "grades");
            break;
        case AST_S_NA:
            once(ck, &na, s, "na");
            break;
        case AST_S_SELFSCORE:
            once(ck, &ind->selfscore, s, "selfscore");
            ck->selfscores = true;
            break;
        default:
            break;
        }
    }
    strmap_free(&names);
    ind->na = na ? (uint8_t)(NA_FULL + na->op) : NA_NONE;
    if (ind->score && (ind->nkids || ind->nfroms) && ind->decl->kind != AST_S_FROM)
        diag_error(ck->dg, ind->score->at, M_SCORE_PARENT, ind->name);
}

static bool is_template(const struct indicator *ind)
{
    return ind->decl->kind == AST_S_FROM;
}

/* The template leaf of a from block: its body, checked once like a leaf's, run per row.
 * Named by the header's name expression (for messages); index given after the tree's. */
static struct indicator *build_template(struct checker *ck, struct ast *from,
                                        struct indicator *parent)
{
    struct indicator *t = arena_zalloc(ck->ar, sizeof *t);
    size_t n;
    const char *src = diag_text(ck->dg, from->c->a->at, &n);
    t->name = arena_strndup(ck->ar, src, n);
    t->path = arena_printf(ck->ar, "%s.%s", parent->path, t->name);
    t->decl = from;
    t->parent = parent;
    t->wkind = W_ABS;
    t->wstate = CHECK_DONE;
    VEC_PUSH(ck->tmpls, ck->ntmpls, ck->captmpls, t);
    build_body(ck, t);
    if (t->nkids || t->nfroms) {
        diag_error(ck->dg, from->at, M_ROW_BODY);
        t->nkids = t->nfroms = 0;   /* checked no further as a parent */
    }
    return t;
}

static struct indicator *build_indicator(struct checker *ck, struct ast *decl,
                                         struct indicator *parent)
{
    struct indicator *ind = arena_zalloc(ck->ar, sizeof *ind);
    ind->name = decl->str;
    ind->decl = decl;
    ind->parent = parent;
    ind->bonus = decl->op & IND_BONUS;
    ind->wkind = (uint8_t)ast_wkind(decl);
    if (decl->a)        /* only extend.c places a path with dots */
        diag_error(ck->dg, decl->a->at, M_DOTTED);
    ind->path = parent ? arena_join(ck->ar, parent->path, ".", ind->name)
                       : arena_strndup(ck->ar, ind->name, strlen(ind->name));
    ind->index = ck->nall;
    VEC_PUSH(ck->all, ck->nall, ck->capall, ind);
    build_body(ck, ind);
    return ind;
}

static struct span weight_span(struct indicator *ind)
{
    return ast_weight_at(ind->decl);
}

static const char *fmt_num(struct checker *ck, double v)
{
    char b[NUM_BUF];
    num_format(b, sizeof b, v, -1);
    return arena_strndup(ck->ar, b, strlen(b));
}

/* §5: absolute, percentage (of the parent) or omitted (the children's sum) weights. */
static double weight_of(struct checker *ck, struct indicator *ind)
{
    if (ind->wstate == CHECK_DONE)
        return ind->weight;
    ind->wstate = CHECK_DONE;
    double w = 0;
    switch (ind->wkind) {
    case W_ABS:
        w = ind->decl->weight;
        break;
    case W_PCT:
        if (ind->parent && ind->parent->wkind == W_NONE) {
            diag_error(ck->dg, weight_span(ind), M_PCT_NO_BASE, ind->name, ind->parent->name);
            break;
        }
        w = num_canon(ind->decl->weight * (ind->parent ? weight_of(ck, ind->parent) : 100));
        break;
    default:
        if (ind->nkids == 0 && ind->nfroms == 0) {
            diag_error(ck->dg, name_at(ind->decl), M_NO_WEIGHT, ind->name);
            break;
        }
        /* with rows, or above such an indicator, this is the static part: eval.c adds rows */
        ind->rows_weight = ind->nfroms > 0;
        for (uint32_t k = 0; k < ind->nkids; k++) {
            w = num_add(w, weight_of(ck, ind->kids[k]));
            ind->rows_weight |= ind->kids[k]->rows_weight;
        }
        break;
    }
    if (w < 0)
        diag_error(ck->dg, weight_span(ind), M_NEG_WEIGHT, ind->name, fmt_num(ck, w));
    else if (w > WEIGHT_MAX) {
        diag_error(ck->dg, weight_span(ind), M_BIG_WEIGHT, ind->name, fmt_num(ck, w));
        w = 0;
    }
    ind->weight = w;
    return w;
}

/* Children against their parent: percentages add up to 100%, weights to the parent's.  name is
 * NULL for the top level, whose messages say so instead of quoting an empty name. */
static void check_sums(struct checker *ck, const char *name, struct span at, int explicit,
                       double weight, struct indicator **kids, uint32_t n)
{
    uint32_t pct = 0;
    double sum = 0, pctsum = 0;
    for (uint32_t k = 0; k < n; k++) {
        sum = num_add(sum, weight_of(ck, kids[k]));
        if (kids[k]->wkind == W_PCT) {
            pct++;
            pctsum = num_add(pctsum, kids[k]->decl->weight);
        }
    }
    if (pct && pct < n) {
        if (name)
            diag_error(ck->dg, at, M_PCT_MIXED, name);
        else
            diag_error(ck->dg, at, M_PCT_MIXED_TOP);
        return;
    }
    if (pct) {
        if (num_cmp(pctsum, 1) != 0) {
            char b[NUM_BUF];
            num_format(b, sizeof b, num_canon(pctsum * 100), -1);
            const char *sum_text = arena_printf(ck->ar, "%s%%", b);
            if (name)
                diag_error(ck->dg, at, M_PCT_SUM, name, sum_text);
            else
                diag_error(ck->dg, at, M_PCT_SUM_TOP, sum_text);
        }
        return;
    }
    if (explicit && n && num_cmp(sum, weight) != 0)
        diag_error(ck->dg, at, M_WEIGHT_SUM, name, fmt_num(ck, weight), fmt_num(ck, sum));
}

/* A deduct amount that check can compute (numbers, consts, weights) must not be negative. */
static bool is_constant(const struct ast *e)
{
    switch ((enum ast_kind)e->kind) {
    case AST_E_NUM:
    case AST_E_CONST:
    case AST_E_WEIGHT:
        return true;
    case AST_E_NEG:
        return is_constant(e->a);
    case AST_E_BIN:
        return e->op < OP_EQ && is_constant(e->a) && is_constant(e->b);
    default:
        return false;
    }
}

static void check_amount(struct checker *ck, struct ast *amount)
{
    struct value v;
    struct eval_error err;
    if (amount && is_constant(amount) && eval_const(ck->rs, amount, &v, &err) && v.kind == V_NUM
        && num_cmp(v.n, 0) < 0)
        diag_error(ck->dg, amount->at, M_NEG_DEDUCT, fmt_num(ck, v.n));
}

/* deduct, fail and note rules (of an indicator, or of the total). */
static void resolve_rules(struct checker *ck, struct ast **rules, uint32_t n, struct ctx cx)
{
    for (uint32_t k = 0; k < n; k++) {
        struct ast *r = rules[k];
        int before = ck->dg->nerrors;
        resolve(ck, r->a, cx);
        resolve(ck, r->b, cx);
        resolve(ck, r->c, cx);
        if (r->kind == AST_S_DEDUCT && ck->dg->nerrors == before)
            check_amount(ck, r->a);
    }
}

static void resolve_grades(struct checker *ck, struct ast *grades, struct ctx cx)
{
    if (grades)
        for (struct ast *band = grades->kids; band; band = band->next) {
            resolve(ck, band->b, cx);
            resolve(ck, band->a, cx);
        }
}

static void resolve_rows(struct checker *ck, struct indicator *ind, struct rowset *rows);

/* Resolve the names of an indicator's rules, then its children's. */
static void resolve_indicator(struct checker *ck, struct indicator *ind)
{
    int leaf = ind->nkids == 0 && ind->nfroms == 0;
    int elem = is_template(ind);        /* a row's rules read its element as `.` */
    struct deps *deps = &ck->ind_deps[ind->index];
    struct ctx rules = {ind, leaf ? R_LEAF : R_PARENT, elem, NULL, 0, deps};
    struct ctx skip = {ind, R_SKIP, elem, NULL, 0, deps};
    struct ctx grades = {ind, R_GRADES, elem, NULL, 0, deps};
    struct ctx self = {ind, R_LET, elem, NULL, 0, NULL};  /* read after everything is scored */
    if (ind->score) {
        resolve(ck, ind->score->a, rules);
        resolve(ck, ind->score->c, rules);
    }
    resolve_rules(ck, ind->rules, ind->nrules, rules);
    if (ind->selfscore)
        resolve(ck, ind->selfscore->a, self);
    for (uint32_t k = 0; k < ind->nskips; k++) {
        resolve(ck, ind->skips[k]->b, skip);
        resolve(ck, ind->skips[k]->c, skip);
    }
    resolve_grades(ck, ind->grades, grades);
    for (uint32_t k = 0; k < ind->nlets; k++)
        resolve_binding(ck, ind->lets[k], 0);
    bool rows_below = ind->nfroms > 0;      /* sums with rows are checked per data set */
    for (uint32_t k = 0; k < ind->nkids; k++) {
        weight_of(ck, ind->kids[k]);
        rows_below |= ind->kids[k]->rows_weight;
    }
    if (ind->nkids && !rows_below)
        check_sums(ck, ind->name, weight_span(ind), ind->wkind != W_NONE, ind->weight,
                   ind->kids, ind->nkids);
    for (uint32_t k = 0; k < ind->nkids; k++)
        resolve_indicator(ck, ind->kids[k]);
    for (uint32_t k = 0; k < ind->nfroms; k++)
        resolve_rows(ck, ind, ind->froms[k]);
}

/* A from block: its array in the enclosing indicator's scope; its header and body in the
 * template's, where `.` is the element and `weight` the row's weight. */
static void resolve_rows(struct checker *ck, struct indicator *ind, struct rowset *rows)
{
    struct indicator *t = rows->tmpl;
    struct ast *from = rows->decl;
    struct ctx outer = {ind, R_LET, 0, NULL, 0, &ck->ind_deps[ind->index]};
    struct ctx header = {t, R_LET, 1, NULL, 0, &ck->ind_deps[t->index]};
    resolve(ck, from->a, outer);
    resolve(ck, from->b, header);
    resolve(ck, from->c->a, header);
    resolve(ck, from->c->b, header);
    resolve_indicator(ck, t);
}

/* §5: a weight with more decimals than the precision could not add up in a printed table.
 * weight_of, not ind->weight: below the top level only resolve_indicator has resolved the
 * weights so far, and a percentage weight (75% of 50: 37.5) is checked once resolved. */
static void check_decimals(struct checker *ck)
{
    for (uint32_t k = 0; k < ck->nall; k++) {
        struct indicator *ind = ck->all[k];
        double w = weight_of(ck, ind);
        if (num_cmp(num_round(w, ck->rs->precision), w) != 0)
            diag_error(ck->dg, weight_span(ind), M_WEIGHT_DECIMALS, fmt_num(ck, w),
                       ck->rs->precision);
    }
}

/* §4 na: which skipped indicators are left out, and which indicators redistribute. */
static void settle_na(struct checker *ck)
{
    for (uint32_t k = 0; k < ck->nall; k++) {       /* parents before children */
        struct indicator *ind = ck->all[k];
        bool outer = ind->parent ? ind->parent->rescale_kids : ck->rs->rescale;
        ind->left_out = outer || ind->bonus;    /* a skipped bonus item adds nothing */
        ind->rescale_kids = ind->na ? ind->na == NA_RESCALE : outer;
        ind->rescales = ind->na == NA_RESCALE && (ind->nkids || ind->nfroms);
    }
    for (uint32_t k = 0; k < ck->ntmpls; k++)     /* rows sit where their block is written */
        ck->tmpls[k]->left_out = ck->tmpls[k]->parent->rescale_kids;
}

/* score(PATH) cycles: an indicator depends on its children and on what its rules read by
 * score(PATH); depending on itself is reported with the chain, at the reference.  A depth-
 * first search with its own stack (stack, via, and the next edge of each in at), not the C
 * stack: a chain of 40,000 indicators each reading the next must not overflow it. */
static struct indicator *edge(struct checker *ck, struct indicator *ind, uint32_t k,
                              struct ast **via)
{
    struct deps *d = &ck->ind_deps[ind->index];
    uint32_t nk = ind->nkids + ind->nfroms;
    if (k >= nk + d->n)
        return NULL;
    *via = k < nk ? NULL : d->v[k - nk].at;
    return k < ind->nkids ? ind->kids[k] : k < nk ? ind->froms[k - ind->nkids]->tmpl : d->v[k - nk].ind;
}

/* A cycle's chain as the report shows it: every indicator of a short one, the first and last
 * few of a long one with how many are left out between, so that reports stay short when
 * thousands of indicators read each other. */
enum { CHAIN_HEAD = 4, CHAIN_TAIL = 3 };

static void chain_text(struct checker *ck, struct buf *chain, struct indicator **from,
                       uint32_t n, const struct indicator *next)
{
    for (uint32_t i = 0; i < n; i++) {
        if (n > CHAIN_HEAD + CHAIN_TAIL + 1 && i == CHAIN_HEAD) {
            buf_printf(chain, msg(ck->dg->lang, M_CHAIN_MORE), n - CHAIN_HEAD - CHAIN_TAIL);
            buf_adds(chain, " → ");
            i = n - CHAIN_TAIL - 1;
            continue;
        }
        buf_printf(chain, "%s → ", from[i]->path);
    }
    buf_adds(chain, next->path);
}

/* The search keeps, besides its stack: where each indicator on it stands (pos, 1 + its
 * depth), and the depths whose edge on the path is a reference (refs, ascending), so that a
 * cycle's first reference, where it is reported, is found without walking the chain. */
struct cycle_search {
    struct indicator **stack;
    struct ast **via;
    uint32_t *at, *pos, *refs;
    uint32_t nrefs;
};

static struct ast *first_ref(const struct cycle_search *cs, uint32_t from, uint32_t depth)
{
    uint32_t lo = 0, hi = cs->nrefs;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (cs->refs[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cs->nrefs ? cs->via[cs->refs[lo]] : cs->via[depth];
}

static void cycle_from(struct checker *ck, struct indicator *root, struct cycle_search *cs)
{
    uint32_t depth = 0;
    cs->stack[0] = root;
    cs->at[0] = 0;
    cs->pos[root->index] = 1;
    cs->nrefs = 0;
    ck->mark[root->index] = 1;
    for (;;) {
        struct indicator *ind = cs->stack[depth];
        struct indicator *next = edge(ck, ind, cs->at[depth]++, &cs->via[depth]);
        if (!next) {                        /* all edges done: back up */
            ck->mark[ind->index] = 2;
            if (depth == 0)
                return;
            depth--;
            if (cs->nrefs && cs->refs[cs->nrefs - 1] == depth)
                cs->nrefs--;
            continue;
        }
        if (ck->mark[next->index] == 0) {
            ck->mark[next->index] = 1;
            if (cs->via[depth])
                cs->refs[cs->nrefs++] = depth;
            cs->stack[++depth] = next;
            cs->at[depth] = 0;
            cs->pos[next->index] = depth + 1;
            continue;
        }
        if (ck->mark[next->index] != 1)
            continue;
        uint32_t from = cs->pos[next->index] - 1;
        struct buf chain = {0};
        struct ast *ref = first_ref(cs, from, depth);
        chain_text(ck, &chain, cs->stack + from, depth - from + 1, next);
        diag_error(ck->dg, ref ? ref->at : name_at(next->decl), M_IND_CYCLE, next->path,
                   buf_cstr(&chain));
        buf_free(&chain);
    }
}

static void find_cycles(struct checker *ck)
{
    uint32_t n = ck->nall + ck->ntmpls;
    ck->mark = xcalloc(n ? n : 1, 1);
    struct cycle_search cs = {
        .stack = xcalloc(n + 1, sizeof *cs.stack),
        .via = xcalloc(n + 1, sizeof *cs.via),
        .at = xcalloc(n + 1, sizeof *cs.at),
        .pos = xcalloc(n + 1, sizeof *cs.pos),
        .refs = xcalloc(n + 1, sizeof *cs.refs),
    };
    for (uint32_t k = 0; k < ck->nall; k++)
        if (ck->mark[k] == 0)
            cycle_from(ck, ck->all[k], &cs);
    free(cs.stack);
    free(cs.via);
    free(cs.at);
    free(cs.pos);
    free(cs.refs);
    free(ck->mark);
}

/* ---- tests (§8) ---- */

/* The dotted text of NAME.FIELD.FIELD…, or NULL when e is not of that shape. */
static const char *dotted(struct checker *ck, const struct ast *e)
{
    if (e->kind == AST_E_NAME || e->kind == AST_E_STR)   /* 指标 or "“三公”经费" */
        return e->str;
    if (e->kind != AST_E_FIELD)
        return NULL;
    const char *base = dotted(ck, e->a);
    return base ? arena_printf(ck->ar, "%s.%s", base, e->str) : NULL;
}

/* expect TARGET op VALUE: TARGET is kept in the expect's op (enum expect_target), an
 * indicator in its ref (or a row's path in its str). */
static void check_expect(struct checker *ck, struct ast *x)
{
    struct ast *e = x->a;
    if (e->kind != AST_E_BIN || e->op < OP_EQ) {
        diag_error(ck->dg, e->at, M_EXPECT_TARGET);
        return;
    }
    struct ast *t = e->a;
    const char *path = dotted(ck, t);
    x->op = EXPECT_INDICATOR;
    if (t->kind == AST_E_SCORE)
        x->op = EXPECT_TOTAL;
    else if (path && (strcmp(path, "grade") == 0 || strcmp(path, "等级") == 0))
        x->op = EXPECT_GRADE;
    else if (path && (strcmp(path, "errors") == 0 || strcmp(path, "错误") == 0))
        x->op = EXPECT_ERRORS;
    else if (path) {
        const struct indicator *ind = ruleset_find(ck->rs, path, NULL);
        if (!ind && ck->rs->has_rows)
            x->str = path;      /* perhaps a row (§11): looked up in each result */
        else if (!ind) {
            diag_error(ck->dg, t->at, M_EXPECT_NO_IND, path);
            return;
        }
        x->ref = (void *)ind;
    } else if (t->kind == AST_E_SCOREOF && !t->op) {    /* expect score(PATH) == … */
        if (row_path(ck, t->a))
            x->str = steps_text(ck, t->a);      /* a row: looked up in each result */
        else if (!(x->ref = find_path(ck, t->a)))
            return;
    } else {
        diag_error(ck->dg, t->at, M_EXPECT_TARGET);
        return;
    }
    struct ctx cx = {NULL, R_CONST, 0, "expect", 0, NULL};
    resolve(ck, e->b, cx);
}

static void check_test(struct checker *ck, struct ast *test)
{
    for (struct ast *it = test->kids; it; it = it->next) {
        if (it->kind == AST_S_EXPECT)
            check_expect(ck, it);
        else if (it->kind == AST_S_GIVEN && it->a) {
            size_t n;
            const char *text = diag_text(ck->dg, it->a->at, &n);
            cJSON *j = cJSON_ParseWithLength(text, n);
            if (!j)
                diag_error(ck->dg, it->a->at, M_WITH_JSON);
            else {
                it->a->str = arena_strndup(ck->ar, text, n);
                it->a->len = (uint32_t)n;
            }
            cJSON_Delete(j);
        }
    }
}

/* ---- top level ---- */

/* The settings that may be given once, where each was (for "given twice"). */
struct top_settings {
    struct ast *ruleset, *precision, *na, *id, *self;
};

static void once(struct checker *ck, struct ast **slot, struct ast *item, const char *word)
{
    if (*slot)
        diag_error(ck->dg, item->at, M_DUP_ITEM, word, diag_line(ck->dg, (*slot)->at));
    else
        *slot = item;
}

/* The top-level items, one by one: settings (each at most once), lets and consts bound,
 * indicators built; tests and the total's own rules kept for later steps. */
static void collect_items(struct checker *ck, struct ast *items, struct top_settings *set)
{
    struct ruleset *rs = ck->rs;
    for (struct ast *it = items; it; it = it->next) {
        switch ((enum ast_kind)it->kind) {
        case AST_S_RULESET:
            once(ck, &set->ruleset, it, "ruleset");
            if (it != items)
                diag_error(ck->dg, it->at, M_RULESET_FIRST);
            rs->name = it->str;
            rs->version = it->a ? it->a->str : NULL;
            break;
        case AST_S_ID:
            once(ck, &set->id, it, "id");
            rs->id = it->a;
            break;
        case AST_S_PRECISION:
            once(ck, &set->precision, it, "precision");
            if (!(it->a->num >= 0 && it->a->num <= 10) || it->a->num != floor(it->a->num))
                diag_error(ck->dg, it->a->at, M_PRECISION);
            else
                rs->precision = (int)it->a->num;
            break;
        case AST_S_NA:
            once(ck, &set->na, it, "na");
            rs->rescale = it->op == 1;
            break;
        case AST_S_SELFSCORE:
            once(ck, &set->self, it, "selfscore");
            rs->selfscore = it->a;
            break;
        case AST_S_CONST:
        case AST_S_LET: {
            struct binding *dup = strmap_get(&ck->global_names, it->str);
            if (dup) {
                diag_error(ck->dg, ast_name_at(it), M_DUP_NAME, it->str, diag_line(ck->dg, dup->decl->at));
                break;
            }
            struct binding *b = new_binding(ck, it, NULL);
            VEC_PUSH(ck->globals, ck->nglobals, ck->capglobals, b);
            strmap_put(&ck->global_names, b->name, b);
            break;
        }
        case AST_S_INDICATOR: {
            struct indicator *dup = named(ck->top, ck->ntop, &ck->top_names, it->str);
            if (dup) {
                diag_error(ck->dg, name_at(it), M_DUP_INDICATOR, it->str,
                           diag_line(ck->dg, dup->decl->at));
                VEC_PUSH(ck->dups, ck->ndups, ck->capdups, build_indicator(ck, it, NULL));
                break;
            }
            VEC_PUSH(ck->top, ck->ntop, ck->captop,
                     named_add(&ck->top_names, build_indicator(ck, it, NULL)));
            break;
        }
        case AST_S_GRADES:
            once(ck, &rs->grades, it, "grades");
            break;
        case AST_S_DROP:
            diag_error(ck->dg, it->at, M_DROP_NO_BASE);     /* extend.c takes the others */
            break;
        case AST_S_TEST:
            VEC_PUSH(ck->tests, ck->ntests, ck->captests, it);
            break;
        case AST_S_DEDUCT:
        case AST_S_FAIL:
        case AST_S_NOTE:
            VEC_PUSH(ck->rules, ck->nrules, ck->caprules, it);
            break;
        default:
            break;
        }
    }
    for (uint32_t k = 0; k < ck->ntmpls; k++)
        ck->tmpls[k]->index = ck->nall + k;
}

/* §5 weights, before any name (percentages need their parent's): the maximum total, the
 * sums against their parents, decimals against the precision, then which skips are left out. */
static void settle_weights(struct checker *ck)
{
    struct ruleset *rs = ck->rs;
    rs->max = 0;
    uint32_t nscored = 0;       /* the top-level indicators, bonus items after them */
    struct indicator **scored = xcalloc(ck->ntop ? ck->ntop : 1, sizeof *scored);
    for (uint32_t k = 0; k < ck->ntop; k++)
        if (!ck->top[k]->bonus) {
            rs->max = num_add(rs->max, weight_of(ck, ck->top[k]));
            scored[nscored++] = ck->top[k];
        } else
            weight_of(ck, ck->top[k]);
    if (nscored)
        check_sums(ck, NULL, scored[0]->decl->at, 0, rs->max, scored, nscored);
    free(scored);
    check_decimals(ck);
    settle_na(ck);
}

/* Every name of every expression, then the score(PATH) cycles they make. */
static void resolve_names(struct checker *ck)
{
    struct ruleset *rs = ck->rs;
    ck->ind_deps = xcalloc(ck->nall + ck->ntmpls + 1, sizeof *ck->ind_deps);
    ck->let_deps = xcalloc(ck->nlets ? ck->nlets : 1, sizeof *ck->let_deps);
    for (uint32_t k = 0; k < ck->nglobals; k++)
        resolve_binding(ck, ck->globals[k], 0);
    for (uint32_t k = 0; k < ck->ntop; k++)
        resolve_indicator(ck, ck->top[k]);
    for (uint32_t k = 0; k < ck->ndups; k++) {
        weight_of(ck, ck->dups[k]);
        resolve_indicator(ck, ck->dups[k]);
    }
    struct ctx topcx = {NULL, R_TOP, 0, NULL, 0, NULL};
    resolve(ck, rs->id, topcx);
    resolve(ck, rs->selfscore, topcx);
    struct ctx total = {NULL, R_PARENT, 0, NULL, 0, NULL};   /* score: the total so far */
    resolve_rules(ck, ck->rules, ck->nrules, total);
    struct ctx g = {NULL, R_GRADES, 0, NULL, 0, NULL};
    resolve_grades(ck, rs->grades, g);
    find_cycles(ck);
    for (uint32_t k = 0; k < ck->nall + ck->ntmpls; k++)
        free(ck->ind_deps[k].v);
    for (uint32_t k = 0; k < ck->nlets; k++)
        free(ck->let_deps[k].v);
    free(ck->ind_deps);
    free(ck->let_deps);
}

/* The checker's lists, copied into the rule set's arena; the claims' look-up maps. */
static void publish(struct checker *ck)
{
    struct ruleset *rs = ck->rs;
    /* list x and its count nx, named alike in both */
#define PUBLISH(x) (rs->x = arena_copy(&rs->ar, ck->x, ck->n##x * sizeof *ck->x), rs->n##x = ck->n##x)
    PUBLISH(rules);
    PUBLISH(top);
    PUBLISH(all);
    PUBLISH(tmpls);
    PUBLISH(lets);
    PUBLISH(globals);
    PUBLISH(tests);
#undef PUBLISH
    rs->has_rows = ck->ntmpls > 0;
    rs->npaths = ck->npaths;
    rs->has_selfscore = rs->selfscore != NULL || ck->selfscores;
    if (rs->selfscore || ck->ntests)    /* claims and expectations name indicators */
        ruleset_index(rs);
}

static void checker_free(struct checker *ck)
{
    free(ck->top);
    free(ck->all);
    free(ck->tmpls);
    free(ck->lets);
    free(ck->globals);
    free(ck->dups);
    free(ck->tests);
    free(ck->rules);
    strmap_free(&ck->paths);
    strmap_free(&ck->global_names);
    strmap_free(&ck->siblings);
    strmap_free(&ck->let_names);
    strmap_free(&ck->top_names);
    buf_free(&ck->key);
}

int check_ruleset(struct ruleset *rs, struct ast *items)
{
    struct checker ck = {.rs = rs, .dg = &rs->dg, .ar = &rs->ar};
    struct top_settings set = {0};
    int before = rs->dg.nerrors;
    rs->precision = 2;
    collect_items(&ck, items, &set);
    settle_weights(&ck);
    resolve_names(&ck);
    publish(&ck);
    /* tests last, but before the checker's maps go: an expectation resolves names */
    for (uint32_t k = 0; k < ck.ntests; k++)
        check_test(&ck, ck.tests[k]);
    checker_free(&ck);
    return rs->dg.nerrors - before;
}
