/* out_explain.c - `jixiao explain`: for one data set, every indicator with every rule, what
 * the rule did and where it is written, so that each point can be followed to its rule. */
#include "out.h"

#include <string.h>

#include "num.h"
#include "utf8.h"

/* Text from data or the script, shown to a person: escaped (issue 6.16). */
static void term(struct buf *b, const char *s)
{
    utf8_escape_term(b, s, strlen(s));
}

/* The same for text that was rendered into a scratch buffer first. */
static void term_buf(struct buf *b, struct buf *from)
{
    utf8_escape_term(b, from->data ? from->data : "", from->len);
    buf_free(from);
}

static void number(struct buf *b, double v, int precision)
{
    char nb[NUM_BUF];
    buf_add(b, nb, num_format(nb, sizeof nb, v, precision));
}

static void indent(struct buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        buf_add(b, "  ", 2);
}

/* One rule: what it says, what it did, where it is. */
static void rule_line(struct buf *b, const struct ruleset *rs, const struct trace *t, int depth)
{
    indent(b, depth);
    struct buf src = {0};
    diag_text_line(&rs->dg, t->rule->at, &src);
    term_buf(b, &src);
    buf_add(b, "  →  ", strlen("  →  "));
    int kind = t->rule->kind;
    if (t->outcome == T_NOT_FIRED)
        buf_adds(b, kind == AST_S_SKIP ? "适用" : "条件不成立");
    else if (kind == AST_S_SCORE) {
        buf_adds(b, "= ");
        number(b, t->value, rs->precision + 2);     /* before rounding */
    } else if (kind == AST_S_DEDUCT) {
        buf_adds(b, "扣 ");
        number(b, t->value, rs->precision);
        buf_adds(b, " 分");
        if (t->text) {
            buf_adds(b, "：");
            term(b, t->text);
        }
    } else if (t->text) {
        /* a fail or skip says so, unless its made-up reason already does */
        const char *says = kind == AST_S_FAIL ? "不得分" : kind == AST_S_SKIP ? "不适用" : "";
        if (*says && strncmp(t->text, says, strlen(says)) != 0)
            buf_printf(b, "%s：", says);
        term(b, t->text);
    }
    char where[512];
    diag_where(&rs->dg, t->rule->at, where, sizeof where);
    buf_adds(b, "    [");
    term(b, where);
    buf_adds(b, "]\n");
}

static void indicator(struct buf *b, const struct ruleset *rs, const struct eval_result *r,
                      const struct indicator *ind, int depth)
{
    const struct ind_result *ir = &r->ind[ind->index];
    indent(b, depth);
    buf_printf(b, "%s  ", ind->name);
    if (ind->is_row)            /* §11: which line of the data it came from */
        buf_printf(b, "（第 %u 行）  ", ind->row + 1);
    if (!ind_has_score(ir))
        buf_adds(b, "不适用");
    else
        number(b, ir->score, rs->precision);
    buf_adds(b, " / ");
    number(b, ind->weight, -1);
    if (ind->nkids && ir->state == IS_OK) {
        buf_adds(b, "  = ");
        for (uint32_t k = 0; k < ind->nkids; k++) {
            const struct ind_result *kr = &r->ind[ind->kids[k]->index];
            if (k)
                buf_adds(b, " + ");
            if (!ind_has_score(kr))
                buf_adds(b, "（不适用）");
            else
                number(b, kr->score, rs->precision);
        }
    }
    if (ir->state == IS_SKIPPED)
        buf_adds(b, "  （不适用）");
    if (ir->failed)
        buf_adds(b, "  （不得分）");
    if (ind->grades) {
        buf_adds(b, "  等级 ");
        term(b, ir->grade ? ir->grade : "—");
    }
    buf_addc(b, '\n');
    for (const struct trace *t = ir->trace; t; t = t->next)
        rule_line(b, rs, t, depth + 2);
    if (ir->state == IS_SKIPPED)
        return;     /* its sub-indicators did not run */
    for (uint32_t k = 0; k < ind->nkids; k++)
        indicator(b, rs, r, ind->kids[k], depth + 1);
}

void out_explain_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf title = {0};
    out_title(&title, rs, r);
    if (title.len)
        title.len--;    /* its newline */
    term_buf(b, &title);
    buf_addc(b, '\n');
    if (r->nerrors) {
        for (uint32_t i = 0; i < r->nerrors; i++) {
            const struct eval_error *e = &r->errors[i];
            buf_printf(b, "错误：%s%s", e->ind ? e->ind->path : "", e->ind ? "：" : "");
            term(b, e->message);
            buf_adds(b, "  [");
            term(b, e->at_text);
            buf_adds(b, "]\n");
        }
        return;
    }
    buf_adds(b, "总分 ");
    number(b, r->score, rs->precision);
    buf_adds(b, " / ");
    number(b, r->max, -1);
    if (rs->grades) {
        buf_adds(b, "，等级 ");
        term(b, r->grade ? r->grade : "—");
    }
    buf_adds(b, "\n\n");
    for (uint32_t k = 0; k < r->ntop; k++)
        indicator(b, rs, r, r->top[k], 0);
}
