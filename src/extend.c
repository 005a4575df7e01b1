/* extend.c - merging an extending script into its base (docs/language.md §7). */
#include "extend.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"

/* The lists the merge changes (the top level, an indicator's children) are held as arrays
 * while it works, each item's kind and name hashed to where it is: an extending script that
 * changes many items of a big base walks no list for each change (that was quadratic: 8,000
 * changed indicators and consts took 20 s).  The lists are linked again at the end. */

enum { NONE = UINT32_MAX };

/* The items of one key in a list: where the first and the last are (NONE: none left). */
struct mkey {
    uint32_t first, last;
    struct mlist *kids;     /* the first one's children, once a path has gone through it */
};

struct mlist {
    struct ast **head;      /* where it hangs, linked again at the end */
    struct ast **v;         /* its items in order, NULL where one was dropped */
    uint32_t *same;         /* by position: the next item of the same key, or NONE */
    uint32_t n, cap;
    struct strmap keys;     /* key -> struct mkey */
};

struct merge {
    struct arena *ar;       /* the rule set's */
    struct arena keys;      /* the merge's own: keys, struct mkey, struct mlist */
    struct mlist **lists;   /* every list made, to link again and free */
    uint32_t nlists, caplists;
    struct ast *ruleset;    /* the extending script's ruleset item: it goes first */
};

/* The key of an item: its kind, and its name for the items a script has many of by name. */
static const char *key_of(struct merge *m, int kind, const char *name)
{
    bool named = kind == AST_S_CONST || kind == AST_S_LET || kind == AST_S_INDICATOR;
    return arena_printf(&m->keys, "%c%s", 'A' + kind, named ? name : "");
}

static void add(struct merge *m, struct mlist *l, struct ast *n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
        l->same = xrealloc(l->same, l->cap * sizeof *l->same);
    }
    uint32_t at = l->n++;
    l->v[at] = n;
    l->same[at] = NONE;
    const char *key = key_of(m, n->kind, n->str);
    struct mkey *k = strmap_get(&l->keys, key);
    if (!k) {
        k = arena_zalloc(&m->keys, sizeof *k);
        k->first = NONE;
        strmap_put(&l->keys, key, k);
    }
    if (k->first == NONE)
        k->first = at;
    else
        l->same[k->last] = at;
    k->last = at;
}

static struct mlist *list_of(struct merge *m, struct ast **head)
{
    struct mlist *l = arena_zalloc(&m->keys, sizeof *l);
    l->head = head;
    for (struct ast *n = *head; n; n = n->next)
        add(m, l, n);
    VEC_PUSH(m->lists, m->nlists, m->caplists, l);
    return l;
}

/* The first item of that kind (and name) in l, or NULL; its key's entry in *k. */
static struct ast *find(struct merge *m, struct mlist *l, enum ast_kind kind, const char *name,
                        struct mkey **k)
{
    *k = strmap_get(&l->keys, key_of(m, kind, name));
    return *k && (*k)->first != NONE ? l->v[(*k)->first] : NULL;
}

static void replace(struct mlist *l, struct mkey *k, struct ast *n)
{
    l->v[k->first] = n;
    k->kids = NULL;
}

static void unlink_first(struct mlist *l, struct mkey *k)
{
    l->v[k->first] = NULL;
    k->first = l->same[k->first];
    if (k->first == NONE)
        k->last = NONE;
    k->kids = NULL;
}

/* The list that holds the indicator `path` minus its last step: NULL when it is not there.
 * (An indicator named without dots has no path: top is its list.) */
static struct mlist *parent_list(struct merge *m, struct mlist *top, const struct ast *path,
                                 struct ast **missing)
{
    struct mlist *list = top;
    for (const struct ast *step = path; step && step->next; step = step->next) {
        struct mkey *k;
        struct ast *ind = find(m, list, AST_S_INDICATOR, step->str, &k);
        if (!ind) {
            *missing = (struct ast *)step;
            return NULL;
        }
        if (!k->kids)
            k->kids = list_of(m, &ind->kids);
        list = k->kids;
    }
    return list;
}

static const char *path_text(struct arena *ar, const struct ast *path, const struct ast *upto)
{
    struct buf b = {0};
    for (const struct ast *s = path; s; s = s->next) {
        if (b.len)
            buf_addc(&b, '.');
        buf_adds(&b, s->str);
        if (s == upto)
            break;
    }
    char *t = arena_strndup(ar, buf_data(&b), b.len);
    buf_free(&b);
    return t;
}

static struct ast *last_step(struct ast *path)
{
    while (path->next)
        path = path->next;
    return path;
}

/* A new indicator "管理效率.采购管理.x" (one quoted name) whose text before the first dot
 * names an indicator of the base: meant as a path, it would add a new indicator instead. */
static bool looks_like_path(struct merge *m, struct mlist *top, const char *name)
{
    const char *dot = strchr(name, '.');
    struct mkey *k;
    return dot && find(m, top, AST_S_INDICATOR,
                       arena_strndup(&m->keys, name, (size_t)(dot - name)), &k);
}

/* indicator a.b.c { … }: replace c under a.b, or add it there. */
static void place_indicator(struct diag *dg, struct merge *m, struct mlist *top, struct ast *n)
{
    struct ast *missing = NULL;
    struct mlist *list = parent_list(m, top, n->a, &missing);
    if (!list) {
        diag_error(dg, missing->at, M_EXT_NO_PARENT, path_text(m->ar, n->a, missing), n->str);
        return;
    }
    n->a = NULL;        /* from here on it is a plain indicator of that parent */
    struct mkey *k;
    struct ast *old = find(m, list, AST_S_INDICATOR, n->str, &k);
    if (!old && looks_like_path(m, top, n->str)) {
        diag_error(dg, ast_name_at(n), M_DOTS_NAME, n->str);
        return;
    }
    if (old)
        replace(list, k, n);
    else
        add(m, list, n);
}

static void drop(struct diag *dg, struct merge *m, struct mlist *top, struct ast *n)
{
    struct ast *missing = NULL;
    struct mlist *list = parent_list(m, top, n->a, &missing);
    struct mkey *k;
    if (!list || !find(m, list, AST_S_INDICATOR, last_step(n->a)->str, &k)) {
        diag_error(dg, n->a->at, M_DROP_MISSING, path_text(m->ar, n->a, NULL));
        return;
    }
    unlink_first(list, k);
}

/* An item that replaces the base's item of the same kind (and name): const, let, grades,
 * id, precision, na, selfscore. */
static void replace_or_add(struct merge *m, struct mlist *top, struct ast *n)
{
    struct mkey *k;
    if (find(m, top, n->kind, n->str, &k))
        replace(top, k, n);
    else
        add(m, top, n);
}

/* Each list's items linked again in order; the ruleset item first in the top level's. */
static struct ast *link_lists(struct merge *m)
{
    for (uint32_t i = 0; i < m->nlists; i++) {
        struct mlist *l = m->lists[i];
        struct ast **tail = l->head;
        for (uint32_t j = 0; j < l->n; j++)
            if (l->v[j]) {
                *tail = l->v[j];
                tail = &l->v[j]->next;
            }
        *tail = NULL;
        free(l->v);
        free(l->same);
        strmap_free(&l->keys);
    }
    struct ast *top = *m->lists[0]->head;
    if (m->ruleset) {
        m->ruleset->next = top;
        top = m->ruleset;
    }
    free(m->lists);
    arena_free(&m->keys);
    return top;
}

struct ast *extend_merge(struct diag *dg, struct arena *ar, struct ast *base, struct ast *items)
{
    struct merge m = {.ar = ar};
    arena_init(&m.keys);
    struct ast *head = NULL;
    struct mlist *top = list_of(&m, &head);
    for (struct ast *n = base; n; n = n->next)
        if (n->kind != AST_S_TEST)      /* the base's tests are not inherited */
            add(&m, top, n);
    for (struct ast *n = items, *next; n; n = next) {
        next = n->next;
        n->next = NULL;
        struct mkey *k;
        switch ((enum ast_kind)n->kind) {
        case AST_S_INDICATOR:
            place_indicator(dg, &m, top, n);
            break;
        case AST_S_DROP:
            drop(dg, &m, top, n);
            break;
        case AST_S_RULESET:         /* the extending script's name and version; first */
            if (!m.ruleset && find(&m, top, AST_S_RULESET, NULL, &k))
                unlink_first(top, k);
            m.ruleset = n;
            break;
        case AST_S_CONST:
        case AST_S_LET:
        case AST_S_GRADES:
        case AST_S_ID:
        case AST_S_PRECISION:
        case AST_S_NA:
        case AST_S_SELFSCORE:
            replace_or_add(&m, top, n);
            break;
        default:
            add(&m, top, n);        /* tests */
            break;
        }
    }
    return link_lists(&m);
}
