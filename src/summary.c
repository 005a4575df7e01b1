/* summary.c - the indicator columns of a batch's summary (CSV, the xlsx 汇总 sheet). */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "table.h"

static uint32_t find(const struct summary *s, const char *path)
{
    uintptr_t v = (uintptr_t)strmap_get(&s->by_path, path);
    return v ? (uint32_t)(v - 1) : SUMMARY_TOP;
}

/* The children of a column (or of the top), as an array and its length and capacity. */
static void kids_of(struct summary *s, uint32_t parent, uint32_t ***v, uint32_t **n, uint32_t **cap)
{
    if (parent == SUMMARY_TOP) {
        *v = &s->top, *n = &s->ntop, *cap = &s->captop;
    } else {
        struct summary_col *c = &s->cols[parent];
        *v = &c->kids, *n = &c->nkids, *cap = &c->capkids;
    }
}

/* A new column under `parent`, before its child `before` (when it is one; else last). */
static uint32_t add_col(struct summary *s, const char *path, uint32_t parent, uint32_t before)
{
    uint32_t id = s->ncols;
    struct summary_col c = {xstrndup(path, strlen(path)), NULL, 0, 0};
    VEC_PUSH(s->cols, s->ncols, s->capcols, c);
    strmap_put(&s->by_path, s->cols[id].path, (void *)(uintptr_t)(id + 1));
    uint32_t **v, *n, *cap;
    kids_of(s, parent, &v, &n, &cap);
    uint32_t at = 0;
    while (at < *n && (*v)[at] != before)
        at++;
    VEC_PUSH(*v, *n, *cap, id);
    memmove(*v + at + 1, *v + at, (*n - 1 - at) * sizeof **v);
    (*v)[at] = id;
    return id;
}

struct col_at {
    uint32_t col, i;
};

static int by_col(const void *a, const void *b)
{
    const struct col_at *x = a, *y = b;
    return x->col < y->col ? -1 : x->col > y->col;
}

/* twin[i]: col[i] occurs more than once (sorted by column, equal neighbours). */
static void find_twins(uint32_t n, const uint32_t *col, bool *twin)
{
    struct col_at *v = xmalloc((n + 1) * sizeof *v);
    for (uint32_t i = 0; i < n; i++) {
        v[i] = (struct col_at){col[i], i};
        twin[i] = false;
    }
    qsort(v, n, sizeof *v, by_col);
    for (uint32_t k = 1; k < n; k++)
        if (v[k].col == v[k - 1].col)
            twin[v[k].i] = twin[v[k - 1].i] = true;
    free(v);
}

void summary_add(struct summary *s, uint32_t n, const char *const *paths, const uint32_t *parents,
                 uint32_t *col, bool *twin)
{
    /* before[i]: the next sibling of i in this data set that already has a column */
    uint32_t *before = xmalloc((n + 1) * sizeof *before);
    uint32_t *next = xmalloc((n + 1) * sizeof *next);      /* by parent index + 1 (0: top) */
    for (uint32_t i = 0; i <= n; i++)
        next[i] = SUMMARY_TOP;
    for (uint32_t i = 0; i < n; i++)
        col[i] = find(s, paths[i]);
    for (uint32_t i = n; i-- > 0;) {
        uint32_t p = parents[i] == SUMMARY_TOP ? 0 : parents[i] + 1;
        before[i] = next[p];
        if (col[i] != SUMMARY_TOP)
            next[p] = col[i];
    }
    for (uint32_t i = 0; i < n; i++)
        if (col[i] == SUMMARY_TOP && (col[i] = find(s, paths[i])) == SUMMARY_TOP)  /* twins */
            col[i] = add_col(s, paths[i], parents[i] == SUMMARY_TOP ? SUMMARY_TOP : col[parents[i]],
                             before[i]);
    free(before);
    free(next);
    if (twin)
        find_twins(n, col, twin);
}

void summary_init(struct summary *s, const struct ruleset *rs, bool safe)
{
    memset(s, 0, sizeof *s);
    const char **paths = xmalloc((rs->nall + 1) * sizeof *paths);
    uint32_t *parents = xmalloc((rs->nall + 1) * sizeof *parents);
    uint32_t *col = xmalloc((rs->nall + 1) * sizeof *col);
    struct buf *b = xcalloc(rs->nall + 1, sizeof *b);
    for (uint32_t i = 0; i < rs->nall; i++) {
        const struct indicator *ind = rs->all[i];
        paths[i] = ind->path;
        if (safe) {
            table_safe(&b[i], ind->path, strlen(ind->path));
            paths[i] = buf_cstr(&b[i]);
        }
        parents[i] = ind->parent ? ind->parent->index : SUMMARY_TOP;
    }
    summary_add(s, rs->nall, paths, parents, col, NULL);
    for (uint32_t i = 0; i < rs->nall; i++)
        buf_free(&b[i]);
    free(b);
    free(col);
    free(parents);
    free(paths);
}

static void preorder(const struct summary *s, const uint32_t *ids, uint32_t n, uint32_t *order,
                     uint32_t *k)
{
    for (uint32_t i = 0; i < n; i++) {
        order[(*k)++] = ids[i];
        preorder(s, s->cols[ids[i]].kids, s->cols[ids[i]].nkids, order, k);
    }
}

void summary_order(const struct summary *s, uint32_t *order)
{
    uint32_t k = 0;
    preorder(s, s->top, s->ntop, order, &k);
}

void summary_free(struct summary *s)
{
    for (uint32_t i = 0; i < s->ncols; i++) {
        free(s->cols[i].path);
        free(s->cols[i].kids);
    }
    free(s->cols);
    free(s->top);
    strmap_free(&s->by_path);
    memset(s, 0, sizeof *s);
}
