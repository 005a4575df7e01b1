/* out_explain.c - `jixiao explain`: for one data set, the total and every indicator with every
 * rule: the rule in the script's own style (fmt.c), what it did, where it is written, and the
 * values it read; the grade bands tried, the na rescale arithmetic, the total's own rules.
 * Its words are in the message language (msg.h). */
#include "out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "num.h"
#include "parse.h"
#include "parser.h"
#include "table.h"
#include "utf8.h"

/* What every line of one explanation needs. */
struct ex {
    struct buf *b;
    const struct ruleset *rs;
    const struct eval_result *r;
    enum lang lang;
    int zh;             /* the script's style: rules and values in Chinese keywords */
};

enum { SHOW_MAX = 60 }; /* bytes of a long value shown before "…" */

/* Text from data or the script, shown to a person: escaped (issue 6.16). */
static void term(struct buf *b, const char *s)
{
    utf8_escape_term(b, s, strlen(s));
}

/* The same for text that was rendered into a scratch buffer first. */
static void term_buf(struct buf *b, struct buf *from)
{
    utf8_escape_term(b, buf_data(from), from->len);
    buf_free(from);
}

static void number(struct buf *b, double v, int precision)
{
    char nb[NUM_BUF];
    buf_add(b, nb, num_format(nb, sizeof nb, v, precision));
}

/* A number into a small string (for message arguments). */
static const char *num_s(char nb[NUM_BUF], double v, int precision)
{
    num_format(nb, NUM_BUF, v, precision);
    return nb;
}

static const char *say(const struct ex *x, enum msg_id id)
{
    return msg(x->lang, id);
}

static void indent(struct buf *b, int depth)
{
    for (int i = 0; i < depth; i++)
        buf_add(b, "  ", 2);
}

/* Source written in the script's style (a rule: a statement; a read's expression). */
static void source(const struct ex *x, struct span at, int statement)
{
    struct buf src = {0};
    fmt_span(&x->rs->dg, at, statement, x->zh, &src);
    term_buf(x->b, &src);
}

/* How much of a long text is shown: SHOW_MAX bytes at most, whole characters. */
static size_t shown(const char *s, size_t len)
{
    if (len <= SHOW_MAX)
        return len;
    size_t n = SHOW_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* Text from the data, escaped, cut with "…" when long. */
static void show_cut(struct buf *b, const char *s, size_t len)
{
    utf8_escape_term(b, s, shown(s, len));
    if (shown(s, len) < len)
        buf_adds(b, "…");
}

/* An array or object of the data, compact, as far as SHOW_MAX bytes (a big one is not printed
 * whole to show its start). */
static void json_shown(struct buf *l, const cJSON *j)
{
    if (!cJSON_IsArray(j) && !cJSON_IsObject(j)) {
        char *t = cJSON_PrintUnformatted(j);
        if (t)
            buf_adds(l, t);
        cJSON_free(t);
        return;
    }
    int obj = cJSON_IsObject(j);
    buf_addc(l, obj ? '{' : '[');
    for (const cJSON *c = j->child; c && l->len <= SHOW_MAX; c = c->next) {
        if (c != j->child)
            buf_addc(l, ',');
        if (obj)
            buf_printf(l, "\"%s\":", c->string ? c->string : "");
        json_shown(l, c);
    }
    buf_addc(l, obj ? '}' : ']');
}

/* A value read, as the script would write it: a number to the precision plus two decimals
 * (as a score before rounding), a string quoted, arrays and objects compact (cut when long). */
static void value(const struct ex *x, struct buf *b, const struct value *v)
{
    switch ((enum vkind)v->kind) {
    case V_MISSING:
        buf_adds(b, msg(x->lang, M_T_MISSING));
        return;
    case V_NULL:
        buf_adds(b, lex_keyword_text(KW_NULL, x->zh));
        return;
    case V_BOOL:
        buf_adds(b, lex_keyword_text(v->b ? KW_TRUE : KW_FALSE, x->zh));
        return;
    case V_NUM:
        number(b, v->n, x->rs->precision + 2);
        return;
    case V_STR:
        buf_adds(b, x->zh ? "“" : "\"");
        show_cut(b, v->s, v->len);
        buf_adds(b, x->zh ? "”" : "\"");
        return;
    case V_JSON:
    case V_LIST: {
        struct buf l = {0};
        if (v->kind == V_JSON)
            json_shown(&l, v->j);
        else {
            buf_addc(&l, '[');
            for (uint32_t i = 0; i < v->len && l.len <= SHOW_MAX; i++) {
                if (i)
                    buf_addc(&l, ',');
                value(x, &l, &v->items[i]);
            }
            buf_addc(&l, ']');
        }
        show_cut(b, l.data, l.len);     /* escaping what is escaped already changes nothing */
        buf_free(&l);
        return;
    }
    }
}

/* The values a rule read, on the line under it. */
static void reads_line(const struct ex *x, const struct read *rd, int depth)
{
    if (!rd)
        return;
    indent(x->b, depth);
    for (; rd; rd = rd->next) {
        source(x, rd->e->at, 0);
        buf_adds(x->b, " = ");
        value(x, x->b, &rd->v);
        if (rd->next)
            buf_adds(x->b, say(x, M_X_SEP));
    }
    buf_addc(x->b, '\n');
}

/* Whether `text` already begins with what the label would say (a reason eval made up from
 * the rule's source: those are Chinese, as in the tables). */
static int says_already(const char *text, enum msg_id id, const char *arg)
{
    char zh[128];
    snprintf(zh, sizeof zh, msg(LANG_ZH, id), arg);
    return strncmp(text, zh, strlen(zh)) == 0;
}

/* One rule: what it says, what it did, where it is; then what it read. */
static void rule_line(const struct ex *x, const struct trace *t, int depth)
{
    struct buf *b = x->b;
    indent(b, depth);
    source(x, t->rule->at, 1);
    buf_adds(b, "  →  ");
    int kind = t->rule->kind;
    if (t->outcome == T_NOT_FIRED)
        buf_adds(b, say(x, kind == AST_S_SKIP ? M_X_APPLIES : M_X_NOT_MET));
    else if (kind == AST_S_SCORE) {
        buf_adds(b, "= ");
        number(b, t->value, x->rs->precision + 2);     /* before rounding */
    } else if (kind == AST_S_DEDUCT) {
        char nb[NUM_BUF];
        num_s(nb, t->value, x->rs->precision);
        if (!t->text || !says_already(t->text, M_X_DEDUCT, nb)) {
            buf_printf(b, say(x, M_X_DEDUCT), nb);
            if (t->text)
                buf_adds(b, say(x, M_X_COLON));
        }
        if (t->text)
            term(b, t->text);
    } else if (kind == AST_S_BAND) {
        struct buf g = {0};
        buf_printf(&g, say(x, M_X_BAND), t->rule->str);
        if (t->text) {          /* the band's reason: a one-vote veto says why */
            buf_adds(&g, say(x, M_X_COLON));
            buf_adds(&g, t->text);
        }
        term_buf(b, &g);
    } else if (t->text) {
        /* a fail or skip says so, unless its made-up reason already does */
        enum msg_id says = kind == AST_S_FAIL ? M_X_FAIL : M_X_NA;
        if (kind != AST_S_NOTE && !says_already(t->text, says, "")) {
            buf_adds(b, say(x, says));
            buf_adds(b, say(x, M_X_COLON));
        }
        term(b, t->text);
    }
    char where[512];
    diag_where(&x->rs->dg, t->rule->at, where, sizeof where);
    buf_adds(b, "    [");
    term(b, where);
    buf_adds(b, "]\n");
    reads_line(x, t->reads, depth + 2);
}

/* na rescale: the applicable parts' sum over their weight, times the full weight; the weight
 * the skipped parts leave is shared by the others in proportion. */
static void rescale_line(const struct ex *x, const struct trace *t, struct indicator *const *kids,
                         uint32_t nkids, double weight, int depth)
{
    const int p = x->rs->precision;
    char n1[NUM_BUF], n2[NUM_BUF], n3[NUM_BUF], n4[NUM_BUF];
    struct buf skipped = {0}, got = {0}, line = {0};
    for (uint32_t k = 0; k < nkids; k++) {
        const struct indicator *kid = kids[k];
        const struct ind_result *kr = &x->r->ind[kid->index];
        if (kid->bonus)
            continue;
        bool out = kr->state == IS_SKIPPED && kr->left_out;
        double have = out ? 0 : kr->applicable;
        if (num_cmp(have, kid->weight) < 0) {       /* skipped, or part of it */
            if (skipped.len)
                buf_adds(&skipped, say(x, M_X_SEP));
            buf_printf(&skipped, "%s %s", kid->name, num_s(n1, kid->weight - have, -1));
        }
        if (!out && num_cmp(t->room, 0) > 0) {
            if (got.len)
                buf_adds(&got, say(x, M_X_SEP));
            buf_printf(&got, "%s %s → %s", kid->name, num_s(n1, have, -1),
                       num_s(n2, have * weight / t->room, p + 2));
        }
    }
    if (num_cmp(t->room, 0) > 0)
        buf_printf(&line, say(x, M_X_RESCALE), num_s(n1, t->sum, p), num_s(n2, t->room, -1),
                   num_s(n3, weight, -1), num_s(n4, t->value, p));
    else
        buf_printf(&line, say(x, M_X_RESCALE_ALL), num_s(n1, t->value, p));
    if (skipped.len)
        buf_printf(&line, say(x, M_X_RESCALE_NA), skipped.data);
    if (got.len)
        buf_printf(&line, say(x, M_X_RESCALE_TO), num_s(n1, weight, -1), num_s(n2, t->room, -1),
                   got.data);
    buf_free(&skipped);
    buf_free(&got);
    indent(x->b, depth);
    term_buf(x->b, &line);
    buf_addc(x->b, '\n');
}

/* The rules of an indicator or of the total, in the order they ran. */
static void traces(const struct ex *x, const struct trace *t, struct indicator *const *kids,
                   uint32_t nkids, double weight, int depth)
{
    for (; t; t = t->next)
        if (t->outcome == T_RESCALE)
            rescale_line(x, t, kids, nkids, weight, depth);
        else
            rule_line(x, t, depth);
}

/* "  = a + b + c": the scores a parent (or the total) adds up. */
static void terms(const struct ex *x, struct indicator *const *kids, uint32_t nkids)
{
    buf_adds(x->b, "  = ");
    for (uint32_t k = 0; k < nkids; k++) {
        const struct ind_result *kr = &x->r->ind[kids[k]->index];
        if (k)
            buf_adds(x->b, " + ");
        if (!ind_has_score(kr) || (kids[k]->bonus && kr->state == IS_SKIPPED))
            buf_adds(x->b, say(x, M_X_NA_TERM));
        else
            number(x->b, kr->score, x->rs->precision);
        if (kids[k]->bonus)
            buf_adds(x->b, say(x, M_X_BONUS));
    }
}

static void indicator(const struct ex *x, const struct indicator *ind, int depth)
{
    struct buf *b = x->b;
    const struct ind_result *ir = &x->r->ind[ind->index];
    out_spill(b);           /* a big result is written as it is made (run.c) */
    indent(b, depth);
    term(b, ind->name);
    buf_adds(b, "  ");
    if (ind->is_row) {          /* §11: which line of the data it came from */
        buf_printf(b, say(x, M_X_ROW), ind->row + 1);
        buf_adds(b, "  ");
    }
    if (!ind_has_score(ir))
        buf_adds(b, say(x, M_X_NA));
    else
        number(b, ir->score, x->rs->precision);
    buf_adds(b, " / ");
    number(b, ind->weight, -1);
    if (ind->nkids && ir->state == IS_OK)
        terms(x, ind->kids, ind->nkids);
    if (ir->state == IS_SKIPPED) {
        buf_adds(b, "  ");
        buf_adds(b, say(x, M_X_NA_TERM));
    }
    if (ir->failed) {
        buf_adds(b, "  ");
        buf_adds(b, say(x, M_X_FAILED));
    }
    if (ind->grades) {
        struct buf g = {0};
        buf_printf(&g, say(x, M_X_IND_GRADE), ir->grade ? ir->grade : "—");
        term_buf(b, &g);
    }
    buf_addc(b, '\n');
    traces(x, ir->trace, ind->kids, ind->nkids, ind->weight, depth + 2);
    if (ir->state == IS_SKIPPED)
        return;     /* its sub-indicators did not run */
    for (uint32_t k = 0; k < ind->nkids; k++)
        indicator(x, ind->kids[k], depth + 1);
}

/* The total: its sum (with the bonus items, at most the maximum), its own rules and bands. */
static void total(const struct ex *x)
{
    const struct eval_result *r = x->r;
    char n1[NUM_BUF], n2[NUM_BUF];
    buf_printf(x->b, say(x, M_X_TOTAL), num_s(n1, r->score, x->rs->precision),
               num_s(n2, r->max, -1));
    if (r->ntop)
        terms(x, r->top, r->ntop);
    /* the top-level scores (rescaled) and the bonus items', before the total's own rules */
    double sum = 0, bonus = 0;
    for (uint32_t k = 0; k < r->ntop; k++) {
        const struct ind_result *kr = &r->ind[r->top[k]->index];
        if (!ind_has_score(kr) || (r->top[k]->bonus && kr->state == IS_SKIPPED))
            continue;
        double *to = r->top[k]->bonus ? &bonus : &sum;
        *to = num_add(*to, kr->score);
    }
    for (const struct trace *t = r->trace; t; t = t->next)
        if (t->outcome == T_RESCALE)
            sum = t->value;
    if (num_cmp(sum + bonus, r->max) > 0)
        buf_printf(x->b, say(x, M_X_CAPPED), num_s(n1, r->max, -1));
    if (x->rs->grades) {
        struct buf g = {0};
        buf_printf(&g, say(x, M_X_GRADE), r->grade ? r->grade : "—");
        term_buf(x->b, &g);
    }
    buf_addc(x->b, '\n');
    traces(x, r->trace, r->top, r->ntop, r->max, 2);
    buf_addc(x->b, '\n');
}

void out_explain_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf title = {0};
    out_title(&title, rs, r);
    if (title.len)
        title.len--;    /* its newline */
    term_buf(b, &title);
    buf_addc(b, '\n');
    /* the style of the script given (file 0; a base it extends is explained in the same
     * style), found by out_open */
    struct ex x = {b, rs, r, rs->dg.lang, out_options()->zh_style};
    if (r->nerrors) {
        /* each error as the table, report, workbook and csv write it (table_error_text), after
         * explain's own label in the message language */
        for (uint32_t i = 0; i < r->nerrors; i++) {
            struct buf line = {0};
            buf_adds(&line, say(&x, M_X_ERROR));
            table_error_text(&line, x.lang, &r->errors[i]);
            term_buf(b, &line);
            buf_addc(b, '\n');
        }
        return;
    }
    total(&x);
    for (uint32_t k = 0; k < r->ntop; k++)
        indicator(&x, r->top[k], 0);
}
