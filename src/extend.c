/* extend.c - merging an extending script into its base (docs/language.md §7). */
#include "extend.h"

#include <string.h>

/* A list with the operations the merge needs: the lists are walked (they are short). */

static void unlink_item(struct ast **head, struct ast *n)
{
    for (struct ast **p = head; *p; p = &(*p)->next)
        if (*p == n) {
            *p = n->next;
            n->next = NULL;
            return;
        }
}

static void append(struct ast **head, struct ast *n)
{
    struct ast **p = head;
    while (*p)
        p = &(*p)->next;
    n->next = NULL;
    *p = n;
}

static void replace(struct ast **head, struct ast *old, struct ast *n)
{
    for (struct ast **p = head; *p; p = &(*p)->next)
        if (*p == old) {
            n->next = old->next;
            *p = n;
            old->next = NULL;
            return;
        }
}

static struct ast *find(struct ast *list, enum ast_kind kind, const char *name)
{
    for (; list; list = list->next)
        if (list->kind == kind && (!name || strcmp(list->str, name) == 0))
            return list;
    return NULL;
}

/* The list that holds the indicator `path` minus its last step: NULL when it is not there.
 * (An indicator named without dots has no path: top is its list.) */
static struct ast **parent_list(struct ast **top, const struct ast *path, struct ast **missing)
{
    struct ast **list = top;
    for (const struct ast *step = path; step && step->next; step = step->next) {
        struct ast *ind = find(*list, AST_S_INDICATOR, step->str);
        if (!ind) {
            *missing = (struct ast *)step;
            return NULL;
        }
        list = &ind->kids;
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
static bool looks_like_path(struct ast *top, const char *name)
{
    const char *dot = strchr(name, '.');
    if (!dot)
        return false;
    for (struct ast *n = top; n; n = n->next)
        if (n->kind == AST_S_INDICATOR && strlen(n->str) == (size_t)(dot - name)
            && memcmp(n->str, name, (size_t)(dot - name)) == 0)
            return true;
    return false;
}

/* indicator a.b.c { … }: replace c under a.b, or add it there. */
static void place_indicator(struct diag *dg, struct arena *ar, struct ast **top, struct ast *n)
{
    struct ast *missing = NULL;
    struct ast **list = parent_list(top, n->a, &missing);
    if (!list) {
        diag_error(dg, missing->at, M_EXT_NO_PARENT, path_text(ar, n->a, missing), n->str);
        return;
    }
    n->a = NULL;        /* from here on it is a plain indicator of that parent */
    struct ast *old = find(*list, AST_S_INDICATOR, n->str);
    if (!old && looks_like_path(*top, n->str)) {
        diag_error(dg, ast_name_at(n), M_DOTS_NAME, n->str);
        return;
    }
    if (old)
        replace(list, old, n);
    else
        append(list, n);
}

static void drop(struct diag *dg, struct arena *ar, struct ast **top, struct ast *n)
{
    struct ast *missing = NULL;
    struct ast **list = parent_list(top, n->a, &missing);
    struct ast *old = list ? find(*list, AST_S_INDICATOR, last_step(n->a)->str) : NULL;
    if (!old) {
        diag_error(dg, n->a->at, M_DROP_MISSING, path_text(ar, n->a, NULL));
        return;
    }
    unlink_item(list, old);
}

/* An item that replaces the base's item of the same kind (and name): const, let, grades,
 * id, precision, na, selfscore, ruleset. */
static void replace_or_add(struct ast **top, struct ast *n, bool named)
{
    struct ast *old = find(*top, n->kind, named ? n->str : NULL);
    if (old)
        replace(top, old, n);
    else
        append(top, n);
}

struct ast *extend_merge(struct diag *dg, struct arena *ar, struct ast *base, struct ast *items)
{
    struct ast *top = NULL, **tail = &top;
    /* the base, without its tests (kept in order through its tail: a base of many items
     * must not cost a walk of the list for each) */
    for (struct ast *n = base, *next; n; n = next) {
        next = n->next;
        n->next = NULL;
        if (n->kind != AST_S_TEST) {
            *tail = n;
            tail = &n->next;
        }
    }
    for (struct ast *n = items, *next; n; n = next) {
        next = n->next;
        n->next = NULL;
        switch ((enum ast_kind)n->kind) {
        case AST_S_INDICATOR:
            place_indicator(dg, ar, &top, n);
            break;
        case AST_S_DROP:
            drop(dg, ar, &top, n);
            break;
        case AST_S_CONST:
        case AST_S_LET:
            replace_or_add(&top, n, true);
            break;
        case AST_S_RULESET:         /* the extending script's name and version; first */
            unlink_item(&top, find(top, AST_S_RULESET, NULL));
            n->next = top;
            top = n;
            break;
        case AST_S_GRADES:
        case AST_S_ID:
        case AST_S_PRECISION:
        case AST_S_NA:
        case AST_S_SELFSCORE:
            replace_or_add(&top, n, false);
            break;
        default:
            append(&top, n);        /* tests */
            break;
        }
    }
    return top;
}
