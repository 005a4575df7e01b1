/* table.c - the self-evaluation table of one result, computed once for every writer. */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "utf8.h"

#define REASON_PREFIX_SEP "："

/* --- the string pool ------------------------------------------------------------------------ */

/* Appends s[0..len) to the pool made safe for every writer: invalid UTF-8 becomes U+FFFD,
 * line breaks and tabs become spaces (a reason is one line), other control characters show
 * as \xHH or \uHHHH (as utf8_escape_term writes them), so junk in the data stays visible. */
static void pool_add(struct buf *pool, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            buf_adds(pool, "\xEF\xBF\xBD");
            i++;
            continue;
        }
        if (cp == '\n' || cp == '\r' || cp == '\t')
            buf_addc(pool, ' ');
        else if (cp < 0x20 || cp == 0x7F)
            buf_printf(pool, "\\x%02x", cp);
        else if (cp >= 0x80 && cp < 0xA0)
            buf_printf(pool, "\\u%04x", cp);
        else
            buf_add(pool, s + i, (size_t)n);
        i += (size_t)n;
    }
}

void table_safe(struct buf *b, const char *s, size_t len)
{
    pool_add(b, s, len);
}

/* A NUL-terminated string in the pool: its offset. */
static uint32_t pool_str(struct buf *pool, const char *s, size_t len)
{
    if (!s || !len)
        return 0;
    uint32_t off = (uint32_t)pool->len;
    pool_add(pool, s, len);
    buf_addc(pool, '\0');
    return off;
}

static uint32_t pool_cstr(struct buf *pool, const char *s)
{
    return pool_str(pool, s, s ? strlen(s) : 0);
}

/* Lines (reasons) are gathered in a scratch buf, then moved into the pool. */
static void line_add(struct buf *lines, const char *prefix, const char *text)
{
    if (lines->len)
        buf_addc(lines, '\n');
    if (prefix) {
        pool_add(lines, prefix, strlen(prefix));
        buf_adds(lines, REASON_PREFIX_SEP);
    }
    pool_add(lines, text, strlen(text));
}

static uint32_t lines_done(struct buf *pool, struct buf *lines)
{
    uint32_t off = 0;
    if (lines->len) {
        off = (uint32_t)pool->len;
        buf_add(pool, lines->data, lines->len);
        buf_addc(pool, '\0');
    }
    lines->len = 0;
    return off;
}

void table_num(struct buf *b, double x, int maxdec)
{
    char nb[NUM_BUF];
    buf_add(b, nb, num_format(nb, sizeof nb, x, maxdec));
}

/* --- what the results say (ADAPT here when eval.h changes) --------------------------------- */

/* A claim that differs from the score (the review, §6), or NULL. */
static const struct review *review_of(const struct eval_result *r, const struct indicator *ind)
{
    for (const struct review *v = r->reviews; v; v = v->next)
        if (v->ind == ind)
            return v;
    return NULL;
}

/* --- building ------------------------------------------------------------------------------ */

struct builder {
    struct table *t;
    const struct ruleset *rs;
    const struct eval_result *r;
    struct buf pool, lines;
    uint32_t cap_inds, cap_rows;
};

/* Weight left out under na rescale (§4) below these indicators: one of them was, or part of
 * its subtree that it did not redistribute itself.  The parent (or the total) above them then
 * redistributed it, so its score is not the sum of their cells and its reason says why. */
static bool left_out_below(const struct builder *bd, struct indicator *const *kids, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++) {
        const struct ind_result *kr = &bd->r->ind[kids[k]->index];
        if (!kids[k]->bonus && (kr->left_out || num_cmp(kr->applicable, kids[k]->weight) < 0))
            return true;
    }
    return false;
}

/* An indicator's own reasons: its deductions, its notes (a skip's reason is one), 按适用指标折算
 * when it rescaled, its grade, a claim that differs, its error. */
static void own_reasons(struct builder *bd, const struct indicator *ind, const struct ind_result *ir,
                        struct table_ind *ti)
{
    if (ind->bonus)
        line_add(&bd->lines, NULL, "加分项（不计入满分）");
    for (const struct deduction *d = ir->ded; d; d = d->next) {
        line_add(&bd->lines, NULL, d->reason ? d->reason : "");
        ti->lost += d->points;
    }
    for (const struct note *n = ir->notes; n; n = n->next)
        line_add(&bd->lines, NULL, n->text);
    if (ind->rescales && ir->state == IS_OK && left_out_below(bd, ind->kids, ind->nkids))
        line_add(&bd->lines, NULL, "按适用指标折算");
    if (ir->grade) {
        struct buf g = {0};
        buf_printf(&g, "等级：%s", ir->grade);
        if (ir->grade_reason)
            buf_printf(&g, "（%s）", ir->grade_reason);
        line_add(&bd->lines, NULL, buf_cstr(&g));
        buf_free(&g);
    }
    if (ir->state == IS_ERROR && ir->error) {
        struct buf e = {0};
        buf_printf(&e, TABLE_ERROR "%s", ir->error);
        line_add(&bd->lines, NULL, buf_cstr(&e));
        buf_free(&e);
    }
    ti->reasons = lines_done(&bd->pool, &bd->lines);
}

/* A claim, and its difference when the review lists it. */
static void self_claim(struct builder *bd, const struct indicator *ind, const struct ind_result *ir,
                       struct table_ind *ti)
{
    if (!ir->has_self)
        return;
    ti->has_self = true;
    ti->self = ir->self;
    const struct review *v = review_of(bd->r, ind);
    if (v) {
        ti->differs = true;
        ti->diff = v->diff;
        bd->t->ndiffs++;
    }
}

/* A data cell as the department typed it: text, or a number printed plainly; 0 when absent. */
static uint32_t cell_text(struct builder *bd, const cJSON *j)
{
    char b[NUM_BUF];
    if (cJSON_IsString(j) && *j->valuestring)
        return pool_cstr(&bd->pool, j->valuestring);
    if (!cJSON_IsNumber(j))
        return 0;
    num_format(b, sizeof b, j->valuedouble, -1);
    return pool_cstr(&bd->pool, b);
}

/* The one walk over a result's indicators, in preorder (`from` rows will join here).  Returns
 * the index of the indicator's entry. */
static uint32_t walk(struct builder *bd, const struct indicator *ind, uint32_t level, uint32_t parent)
{
    struct table *t = bd->t;
    const struct ind_result *ir = &bd->r->ind[ind->index];
    if (t->ninds == bd->cap_inds) {
        bd->cap_inds = bd->cap_inds ? 2 * bd->cap_inds : 16;
        t->inds = xrealloc(t->inds, bd->cap_inds * sizeof *t->inds);
    }
    uint32_t me = t->ninds++;
    struct table_ind ti = {0};
    ti.name = pool_cstr(&bd->pool, ind->name);
    ti.path = pool_cstr(&bd->pool, ind->path);
    ti.level = level;
    ti.parent = parent;
    ti.nkids = ind->nkids;
    ti.weight = ind->weight;
    ti.data_row = ind->is_row ? (int32_t)ind->row : -1;
    if (ind->elem) {            /* a project table's row (§11): its target and actual as typed */
        ti.target = cell_text(bd, cJSON_GetObjectItemCaseSensitive(ind->elem, "年度指标值"));
        ti.actual = cell_text(bd, cJSON_GetObjectItemCaseSensitive(ind->elem, "实际完成值"));
        t->project |= ti.target || ti.actual;
    }
    ti.left_out = ir->left_out;
    ti.has_score = ind_has_score(ir);
    ti.score = ti.has_score ? ir->score : 0;
    ti.error = ir->state == IS_ERROR;
    ti.bonus = ind->bonus;
    ti.grade = pool_cstr(&bd->pool, ir->grade);
    ti.grade_reason = pool_cstr(&bd->pool, ir->grade_reason);
    self_claim(bd, ind, ir, &ti);
    own_reasons(bd, ind, ir, &ti);
    ti.row = t->nrows;
    t->inds[me] = ti;
    if (!ind->nkids) {
        if (t->nrows == bd->cap_rows) {
            bd->cap_rows = bd->cap_rows ? 2 * bd->cap_rows : 16;
            t->rows = xrealloc(t->rows, bd->cap_rows * sizeof *t->rows);
        }
        t->rows[t->nrows++] = (struct table_row){.leaf = me};
    }
    double sum = 0;
    for (uint32_t k = 0; k < ind->nkids; k++) {
        uint32_t kid = walk(bd, ind->kids[k], level + 1, me);
        if (t->inds[kid].has_score)
            sum = num_add(sum, t->inds[kid].score);
    }
    struct table_ind *p = &t->inds[me];
    p->nrows = t->nrows - p->row;
    p->sum = ind->nkids && p->has_score && !ir->ded && !ir->failed &&
             num_cmp(sum, p->score) == 0;
    if (level + 1 > t->depth)
        t->depth = level + 1;
    return me;
}

/* A row's reason cell: the ancestors that start on it (top first, "名称：reason"), then its
 * leaf's own reasons; a differing claim of an ancestor is said there too. */
static void row_reasons(struct builder *bd, struct table_row *row)
{
    struct table *t = bd->t;
    uint32_t chain[64], n = 0;
    for (uint32_t i = row->leaf; i != TABLE_NONE && n < 64; i = t->inds[i].parent)
        chain[n++] = i;
    while (n--) {
        const struct table_ind *ti = &t->inds[chain[n]];
        if (ti->row != (uint32_t)(row - t->rows))
            continue;
        const char *prefix = ti->nkids ? bd->pool.data + ti->name : NULL;
        const char *s = bd->pool.data + ti->reasons;
        while (ti->reasons && *s) {
            const char *e = strchr(s, '\n');
            size_t len = e ? (size_t)(e - s) : strlen(s);
            struct buf one = {0};
            buf_add(&one, s, len);
            line_add(&bd->lines, prefix, buf_cstr(&one));
            buf_free(&one);
            s += len + (e != NULL);
        }
        if (ti->nkids && ti->differs) {
            struct buf c = {0};
            buf_adds(&c, "自评 ");
            table_num(&c, ti->self, -1);
            buf_adds(&c, " 分，差异 ");
            table_num(&c, ti->diff, bd->rs->precision);
            buf_adds(&c, " 分");
            line_add(&bd->lines, prefix, buf_cstr(&c));
            buf_free(&c);
        }
        if (ti->error)
            row->error = true;
    }
    /* most rows say only their leaf's own reasons: those are in the pool already */
    const struct table_ind *leaf = &t->inds[row->leaf];
    const char *own = bd->pool.data + leaf->reasons;
    if (leaf->reasons && strlen(own) == bd->lines.len && memcmp(own, bd->lines.data, bd->lines.len) == 0) {
        row->reasons = leaf->reasons;
        bd->lines.len = 0;
        return;
    }
    row->reasons = lines_done(&bd->pool, &bd->lines);
}

static void add_col(struct table *t, enum tcol_kind kind, uint32_t level)
{
    t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof *t->cols);
    t->cols[t->ncols++] = (struct table_col){(uint8_t)kind, (uint8_t)level};
}

static void columns(struct table *t)
{
    if (t->project) {
        /* the national project table (§11): 一级指标 | 二级指标 | 三级指标 | 年度指标值 |
         * 实际完成值 | 分值 | 得分 | 偏差原因; 分值 and 得分 are each row's leaf's */
        for (uint32_t l = 0; l < t->depth; l++)
            add_col(t, TC_NAME, l);
        add_col(t, TC_TARGET, 0);
        add_col(t, TC_ACTUAL, 0);
        add_col(t, TC_WEIGHT, 0);
        add_col(t, TC_SCORE, 0);
    }
    for (uint32_t l = 0; l < t->depth && !t->project; l++) {
        add_col(t, TC_NAME, l);
        add_col(t, TC_WEIGHT, l);
        add_col(t, TC_SCORE, l);
    }
    if (t->selfscore) {
        add_col(t, TC_SELF, 0);
        add_col(t, TC_DIFF, 0);
    }
    add_col(t, TC_REASON, 0);
}

void table_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf raw = {0};
    if (r->id.kind == V_STR)
        buf_add(&raw, r->id.s, r->id.len);
    else
        table_num(&raw, r->id.n, -1);
    if (rs->name)
        buf_printf(&raw, "——%s", rs->name);    /* the Chinese dash, two em dashes, no spaces */
    if (rs->version)
        buf_printf(&raw, "（%s）", rs->version);
    pool_add(b, raw.data, raw.len);
    buf_free(&raw);
}

static void title(struct builder *bd)
{
    const struct eval_result *r = bd->r;
    struct buf b = {0};
    table_title(&b, bd->rs, r);
    bd->t->title = pool_str(&bd->pool, b.data, b.len);
    b.len = 0;
    if (r->id.kind == V_STR)
        buf_add(&b, r->id.s, r->id.len);
    else
        table_num(&b, r->id.n, -1);
    bd->t->id = pool_str(&bd->pool, b.data, b.len);
    buf_free(&b);
}

static void totals(struct builder *bd)
{
    struct table *t = bd->t;
    const struct eval_result *r = bd->r;
    t->has_score = r->nerrors == 0;
    t->score = r->score;
    t->max = r->max;
    double sum = 0;
    bool bonus = false;
    for (uint32_t i = 0; i < t->ninds; i++)
        if (t->inds[i].level == 0 && t->inds[i].has_score) {
            sum = num_add(sum, t->inds[i].score);
            bonus |= t->inds[i].bonus && num_cmp(t->inds[i].score, 0) > 0;
        }
    t->sum = t->tree && t->has_score && !r->ded && !r->failed &&
             num_cmp(sum, t->score) == 0;
    for (uint32_t i = 0; t->project && i < t->ninds; i++)
        t->sum &= !t->inds[i].nkids || t->inds[i].sum;  /* its 得分 column holds the rows only */
    if (t->has_score) {
        t->grade = pool_cstr(&bd->pool, r->grade);
        t->grade_reason = pool_cstr(&bd->pool, r->grade_reason);
    }
    for (const struct deduction *d = r->ded; d; d = d->next) {
        line_add(&bd->lines, NULL, d->reason ? d->reason : "");
        t->lost += d->points;
    }
    for (const struct note *n = r->notes; n; n = n->next)
        line_add(&bd->lines, NULL, n->text);
    bool rescaled = left_out_below(bd, r->top, r->ntop);
    if (rescaled && t->has_score)
        line_add(&bd->lines, NULL, "按适用指标折算");
    /* only bonus points take the total over max: capped, it is not the sum of the top level */
    if (bonus && t->has_score && num_cmp(t->score + t->lost, t->max) == 0 &&
        (rescaled || num_cmp(sum, t->max) > 0)) {
        char b[NUM_BUF];
        num_format(b, sizeof b, t->max, -1);
        struct buf c = {0};
        buf_printf(&c, "含加分项，以满分 %s 分为限", b);
        line_add(&bd->lines, NULL, buf_cstr(&c));
        buf_free(&c);
    }
    t->total_reasons = lines_done(&bd->pool, &bd->lines);
    for (uint32_t i = 0; i < r->nerrors; i++) {
        struct buf one = {0};
        table_error_text(&one, t->lang, &r->errors[i]);
        line_add(&bd->lines, NULL, buf_cstr(&one));
        buf_free(&one);
    }
    t->errors = lines_done(&bd->pool, &bd->lines);
    t->nerrors = r->nerrors;
}

void table_error_text(struct buf *b, enum lang lang, const struct result_error *e)
{
    if (e->ind)
        buf_printf(b, msg(lang, M_ERR_LINE_IND), e->ind->path, e->message, e->at_text);
    else
        buf_printf(b, msg(lang, M_ERR_LINE), e->message, e->at_text);
}

bool table_error_line(const struct table *t, const char **s, struct buf *b)
{
    if (!*s)
        *s = table_str(t, t->errors);
    if (!t->errors || !**s)
        return false;
    const char *e = strchr(*s, '\n');
    size_t len = e ? (size_t)(e - *s) : strlen(*s);
    buf_adds(b, TABLE_ERROR);
    buf_add(b, *s, len);
    *s += len + (e != NULL);
    return true;
}

void table_errors_cell(const struct table *t, struct buf *b)
{
    for (const char *s = table_str(t, t->errors); t->errors && *s; s++) {
        if (*s == '\n')
            buf_adds(b, msg(t->lang, M_SEMICOLON));
        else
            buf_addc(b, *s);
    }
}

void table_build(struct table *t, const struct ruleset *rs, const struct eval_result *r)
{
    memset(t, 0, sizeof *t);
    struct builder bd = {.t = t, .rs = rs, .r = r};
    buf_addc(&bd.pool, '\0');       /* offset 0 is "" */
    t->precision = rs->precision;
    t->lang = rs->dg.lang;
    t->selfscore = rs->has_selfscore;
    t->tree = r->tree;
    t->depth = 1;
    title(&bd);
    if (t->tree) {
        /* the result's indicators, and its leaves at most: a big table is not doubled */
        bd.cap_inds = bd.cap_rows = r->nall + 1;
        t->inds = xmalloc(bd.cap_inds * sizeof *t->inds);
        t->rows = xmalloc(bd.cap_rows * sizeof *t->rows);
        for (uint32_t k = 0; k < r->ntop; k++)
            walk(&bd, r->top[k], 0, TABLE_NONE);
        for (uint32_t i = 0; i < t->nrows; i++)
            row_reasons(&bd, &t->rows[i]);
    }
    columns(t);
    totals(&bd);
    buf_free(&bd.lines);
    t->pool = xrealloc(bd.pool.data, bd.pool.len);     /* a big table keeps no slack */
    t->poolsize = (uint32_t)bd.pool.len;
}

void table_free(struct table *t)
{
    free(t->cols);
    free(t->inds);
    free(t->rows);
    free(t->pool);
    memset(t, 0, sizeof *t);
}

/* --- reading ------------------------------------------------------------------------------- */

/* 一级, 二级, ... 十二级 (levels counted from 1). */
static void level_number(struct buf *b, uint32_t n)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n >= 100) {
        buf_printf(b, "%u", n);
        return;
    }
    if (n >= 20)
        buf_adds(b, digit[n / 10]);
    if (n >= 10)
        buf_adds(b, "十");
    buf_adds(b, digit[n % 10]);
}

void table_col_title(const struct table *t, uint32_t col, struct buf *b)
{
    static const char *const titles[] = {   /* ORDER TCOLS */
        NULL, "分值", "得分", "年度指标值", "实际完成值", "自评分", "差异", NULL,
    };
    const struct table_col *c = &t->cols[col];
    if (c->kind == TC_NAME) {
        level_number(b, c->level + 1u);
        buf_adds(b, "级指标");
    } else if (c->kind == TC_REASON) {
        buf_adds(b, t->project ? "偏差原因" : "扣分原因");
    } else {
        buf_adds(b, titles[c->kind]);
    }
}

uint32_t table_cell_ind(const struct table *t, uint32_t row, uint32_t col, bool *first)
{
    const struct table_col *c = &t->cols[col];
    uint32_t i = t->rows[row].leaf;
    *first = true;
    if (c->kind != TC_NAME && (t->project || (c->kind != TC_WEIGHT && c->kind != TC_SCORE)))
        return i;   /* a project table's 分值 and 得分 are the row's own */
    if (t->inds[i].level < c->level)
        return TABLE_NONE;
    while (t->inds[i].level > c->level)
        i = t->inds[i].parent;
    *first = t->inds[i].row == row;
    return i;
}

uint32_t table_col_find(const struct table *t, enum tcol_kind kind, uint32_t level)
{
    for (uint32_t c = 0; c < t->ncols; c++)
        if (t->cols[c].kind == kind && (kind > TC_SCORE || t->cols[c].level == level))
            return c;
    return TABLE_NONE;
}

/* --- packing: the struct, its three arrays, the pool, each padded to a multiple of 8 bytes so
 * that a packed table read where it lies (8-aligned, as a worker's output is) is a table ---- */

static void pack_add(struct buf *b, const void *p, size_t n)
{
    static const char zeros[8];
    buf_add(b, p, n);
    buf_add(b, zeros, (8 - n % 8) % 8);
}

static size_t padded(size_t n)
{
    return n + (8 - n % 8) % 8;
}

/* Each array is freed once packed: a big table is not held twice, only its biggest array. */
void table_pack(struct table *t, struct buf *b)
{
    buf_reserve(b, padded(sizeof *t) + padded(t->ncols * sizeof *t->cols) +
                   padded(t->ninds * sizeof *t->inds) + padded(t->nrows * sizeof *t->rows) +
                   padded(t->poolsize));
    pack_add(b, t, sizeof *t);
    pack_add(b, t->cols, t->ncols * sizeof *t->cols);
    pack_add(b, t->inds, t->ninds * sizeof *t->inds);
    free(t->inds);
    t->inds = NULL;
    pack_add(b, t->rows, t->nrows * sizeof *t->rows);
    free(t->rows);
    t->rows = NULL;
    pack_add(b, t->pool, t->poolsize);
    table_free(t);
}

static void *view_array(const char **p, size_t n)
{
    const char *a = *p;
    *p += padded(n);
    return (void *)a;
}

size_t table_view(struct table *t, const char *p, size_t len)
{
    const char *start = p;
    (void)len;
    memcpy(t, view_array(&p, sizeof *t), sizeof *t);
    t->cols = view_array(&p, t->ncols * sizeof *t->cols);
    t->inds = view_array(&p, t->ninds * sizeof *t->inds);
    t->rows = view_array(&p, t->nrows * sizeof *t->rows);
    t->pool = view_array(&p, t->poolsize);
    return (size_t)(p - start);
}
