/* out_table.c - the self-evaluation table for a terminal (LANGUAGE.md §9, seeds/002 layout). */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "utf8.h"

/* The table is built as a grid of cells first (their text in one pool), then printed once the
 * column widths are known.  Plain ASCII rules: '|' between columns, '-' for separator lines. */

#define COL_SEP " | "
#define RULE_SEP "-|-"
#define REASON_SEP "；"

struct cell {
    size_t off, len;            /* a slice of grid.pool */
};

struct grid {
    uint32_t ncols, depth;      /* depth levels: name and weight columns for each */
    struct buf pool;
    struct cell *cells;         /* ncols a row; a separator line is a row of empty cells */
    size_t ncells, cellcap;
    bool *rule;                 /* by row: a separator line */
    size_t nrows, rowcap;
};

static uint32_t name_col(uint32_t level) { return 2 * level; }
static uint32_t weight_col(uint32_t level) { return 2 * level + 1; }
static uint32_t score_col(const struct grid *g) { return 2 * g->depth; }
static uint32_t reason_col(const struct grid *g) { return 2 * g->depth + 1; }

/* Numbers are right-aligned: the weight columns and the score column. */
static bool right_aligned(const struct grid *g, uint32_t col)
{
    return col == score_col(g) || (col < score_col(g) && col % 2 == 1);
}

static void add_row(struct grid *g, bool rule)
{
    VEC_PUSH(g->rule, g->nrows, g->rowcap, rule);
    for (uint32_t c = 0; c < g->ncols; c++)
        VEC_PUSH(g->cells, g->ncells, g->cellcap, ((struct cell){0, 0}));
}

static struct cell *last_row_cell(struct grid *g, uint32_t col)
{
    return &g->cells[g->ncells - g->ncols + col];
}

/* Appends text to a cell of the last row; line breaks and tabs would break the grid, so they
 * become spaces.  A cell that is not the last text in the pool moves to its end first. */
static void cell_add(struct grid *g, uint32_t col, const char *s, size_t len)
{
    struct cell *c = last_row_cell(g, col);
    if (c->len == 0) {
        c->off = g->pool.len;
    } else if (c->off + c->len != g->pool.len) {
        buf_reserve(&g->pool, c->len);
        memcpy(g->pool.data + g->pool.len, g->pool.data + c->off, c->len);
        c->off = g->pool.len;
        g->pool.len += c->len;
    }
    for (size_t i = 0; i < len; i++)
        buf_addc(&g->pool, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
    c->len = g->pool.len - c->off;
}

static void cell_str(struct grid *g, uint32_t col, const char *s)
{
    cell_add(g, col, s, strlen(s));
}

static void cell_num(struct grid *g, uint32_t col, double x, int maxdec)
{
    char nb[NUM_BUF];
    cell_add(g, col, nb, num_format(nb, sizeof nb, x, maxdec));
}

/* A reason into the reason cell, joined to the ones before by "；". */
static void cell_reason(struct grid *g, const char *prefix, const char *text)
{
    uint32_t col = reason_col(g);
    if (last_row_cell(g, col)->len)
        cell_str(g, col, REASON_SEP);
    if (prefix) {
        cell_str(g, col, prefix);
        cell_str(g, col, "：");
    }
    cell_str(g, col, text);
}

static uint32_t level_of(const struct indicator *ind)
{
    uint32_t level = 0;
    for (const struct indicator *p = ind->parent; p; p = p->parent)
        level++;
    return level;
}

/* 一级指标, 二级指标, ... 十二级指标 (levels counted from 1). */
static void level_title(struct buf *b, uint32_t n)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n >= 100) {
        buf_printf(b, "%u", n);
    } else {
        if (n >= 20)
            buf_adds(b, digit[n / 10]);
        if (n >= 10)
            buf_adds(b, "十");
        buf_adds(b, digit[n % 10]);
    }
    buf_adds(b, "级指标");
}

static void header_row(struct grid *g)
{
    struct buf t = {0};
    add_row(g, false);
    for (uint32_t l = 0; l < g->depth; l++) {
        t.len = 0;
        level_title(&t, l + 1);
        cell_add(g, name_col(l), t.data, t.len);
        cell_str(g, weight_col(l), "分值");
    }
    cell_str(g, score_col(g), "得分");
    cell_str(g, reason_col(g), "扣分原因");
    buf_free(&t);
}

/* An indicator's own deductions and notes (a skip's reason is a note).  A parent's reasons
 * carry its name, as they share the row of its first leaf. */
static void reasons(struct grid *g, const struct indicator *ind, const struct ind_result *ir)
{
    const char *prefix = ind->nkids ? ind->name : NULL;
    for (const struct deduction *d = ir->ded; d; d = d->next)
        cell_reason(g, prefix, d->reason ? d->reason : "");
    for (const struct note *n = ir->notes; n; n = n->next)
        cell_reason(g, prefix, n->text);
}

/* The score column: 不适用 for an indicator left out under na rescale.  Under na full a skipped
 * indicator shows the full weight it scores, so the column adds up to the total (§5). */
static void score_cell(struct grid *g, const struct ruleset *rs, const struct ind_result *ir)
{
    if (ir->state == IS_SKIPPED && rs->rescale)
        cell_str(g, score_col(g), "不适用");
    else
        cell_num(g, score_col(g), ir->score, rs->precision);
}

/* A row per leaf, in preorder.  An ancestor's name and weight appear only on the row of its
 * first leaf (the merged cells of the printed table): in preorder a parent comes just before
 * its first leaf, so it waits in `pending` until that row. */
static void leaf_rows(struct grid *g, const struct ruleset *rs, const struct eval_result *r)
{
    const struct indicator **pending = xcalloc(g->depth, sizeof *pending);
    for (uint32_t i = 0; i < rs->nall; i++) {
        const struct indicator *ind = rs->all[i];
        uint32_t level = level_of(ind);
        pending[level] = ind;
        if (ind->nkids)
            continue;
        add_row(g, false);
        for (uint32_t l = 0; l <= level; l++) {
            const struct indicator *a = pending[l];
            if (!a)
                continue;
            cell_str(g, name_col(l), a->name);
            cell_num(g, weight_col(l), a->weight, -1);
            reasons(g, a, &r->ind[a->index]);
            pending[l] = NULL;
        }
        score_cell(g, rs, &r->ind[ind->index]);
    }
    free(pending);
}

static bool any_skipped(const struct ruleset *rs, const struct eval_result *r)
{
    for (uint32_t i = 0; i < rs->nall; i++)
        if (r->ind[i].state == IS_SKIPPED)
            return true;
    return false;
}

/* 总分 (total / max) and 评价等级, below a separator. */
static void total_rows(struct grid *g, const struct ruleset *rs, const struct eval_result *r)
{
    add_row(g, true);
    add_row(g, false);
    cell_str(g, name_col(0), "总分");
    cell_num(g, weight_col(0), rs->max, -1);
    cell_num(g, score_col(g), r->score, rs->precision);
    if (rs->rescale && any_skipped(rs, r))
        cell_reason(g, NULL, "按适用指标折算");
    if (r->grade) {
        add_row(g, false);
        cell_str(g, name_col(0), "评价等级");
        cell_str(g, score_col(g), r->grade);
    }
}

static size_t cell_width(const struct grid *g, const struct cell *c)
{
    return utf8_str_width(g->pool.data + c->off, c->len);
}

/* Display widths of the columns; the last one is never padded, so its width is the header's
 * (the length of its separator line). */
static size_t *column_widths(const struct grid *g)
{
    size_t *w = xcalloc(g->ncols, sizeof *w);
    for (size_t row = 0; row < g->nrows; row++)
        for (uint32_t c = 0; c + 1 < g->ncols && !g->rule[row]; c++) {
            size_t cw = cell_width(g, &g->cells[row * g->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    w[g->ncols - 1] = cell_width(g, &g->cells[g->ncols - 1]);
    return w;
}

static void add_spaces(struct buf *b, size_t n)
{
    while (n--)
        buf_addc(b, ' ');
}

static void print_rule(struct buf *b, const struct grid *g, const size_t *w)
{
    for (uint32_t c = 0; c < g->ncols; c++) {
        if (c)
            buf_adds(b, RULE_SEP);
        for (size_t i = 0; i < w[c]; i++)
            buf_addc(b, '-');
    }
    buf_addc(b, '\n');
}

/* One row of cells: padded by display width; an empty last cell is left out with its
 * separator, and no line ends in spaces. */
static void print_cells(struct buf *b, const struct grid *g, const size_t *w, size_t row)
{
    const struct cell *cells = &g->cells[row * g->ncols];
    uint32_t n = cells[g->ncols - 1].len ? g->ncols : g->ncols - 1;
    for (uint32_t c = 0; c < n; c++) {
        const char *s = g->pool.data + cells[c].off;
        size_t pad = c + 1 < g->ncols ? w[c] - cell_width(g, &cells[c]) : 0;
        if (c)
            buf_adds(b, COL_SEP);
        if (right_aligned(g, c))
            add_spaces(b, pad);
        buf_add(b, s, cells[c].len);
        if (!right_aligned(g, c))
            add_spaces(b, pad);
    }
    while (b->len && b->data[b->len - 1] == ' ')
        b->len--;
    buf_addc(b, '\n');
}

static void print_grid(struct buf *b, const struct grid *g)
{
    size_t *w = column_widths(g);
    for (size_t row = 0; row < g->nrows; row++) {
        if (g->rule[row])
            print_rule(b, g, w);
        else
            print_cells(b, g, w, row);
    }
    free(w);
}

static uint32_t ruleset_depth(const struct ruleset *rs)
{
    uint32_t depth = 1;
    for (uint32_t i = 0; i < rs->nall; i++)
        if (level_of(rs->all[i]) + 1 > depth)
            depth = level_of(rs->all[i]) + 1;
    return depth;
}

/* The title line: the data set's id, then the rule set's name and version. */
void out_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    if (r->id.kind == V_STR) {
        buf_add(b, r->id.s, r->id.len);
    } else {
        char nb[NUM_BUF];
        buf_add(b, nb, num_format(nb, sizeof nb, r->id.n, -1));
    }
    if (rs->name)
        buf_printf(b, " — %s", rs->name);
    if (rs->version)
        buf_printf(b, "（%s）", rs->version);
    buf_addc(b, '\n');
}

/* An error result: the id and one line an error, `错误：path: message (at)`. */
static void error_lines(struct buf *b, const struct eval_result *r)
{
    for (uint32_t i = 0; i < r->nerrors; i++) {
        const struct eval_error *e = &r->errors[i];
        buf_adds(b, "错误：");
        if (e->ind)
            buf_printf(b, "%s: ", e->ind->path);
        buf_printf(b, "%s (%s)\n", e->message, e->at_text);
    }
}

void out_table_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    out_title(b, rs, r);
    if (r->nerrors) {
        error_lines(b, r);
        return;
    }
    struct grid g = {0};
    g.depth = ruleset_depth(rs);
    g.ncols = 2 * g.depth + 2;
    header_row(&g);
    add_row(&g, true);
    leaf_rows(&g, rs, r);
    total_rows(&g, rs, r);
    print_grid(b, &g);
    buf_free(&g.pool);
    free(g.cells);
    free(g.rule);
}
