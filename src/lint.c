/* lint.c - warnings about a checked rule set: rules that can never fire, grade bands never
 * given, selfscores that never claim, lets and consts never used (docs/language.md,
 * "Warnings (check)").  A weight with more decimals than the precision is already an error
 * (check.c).
 *
 * A condition counts as always true or false only when it reads nothing that changes from
 * one data set to another (numbers, strings, consts, built-ins over them): check can compute
 * it once, as it computes consts.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "keywords.h"

struct linter {
    struct ruleset *rs;
    struct diag *dg;
    bool *let_used;         /* by let slot */
    struct strmap const_used;   /* const name -> the binding, once it is read */
};

/* A keyword in the language of the messages: "note", or 说明 in Chinese. */
static const char *keyword(const struct linter *l, const char *en)
{
#define X(tok, e, z) \
    if (strcmp(en, e) == 0) \
        return l->dg->lang == LANG_ZH ? z : e;
    KEYWORDS(X)
#undef X
    return en;
}

static const char *rule_word(const struct linter *l, const struct ast *rule)
{
    switch ((enum ast_kind)rule->kind) {
    case AST_S_DEDUCT: return keyword(l, "deduct");
    case AST_S_FAIL: return keyword(l, "fail");
    case AST_S_SKIP: return keyword(l, "skip");
    case AST_S_NOTE: return keyword(l, "note");
    case AST_S_SCORE: return keyword(l, "score");
    default: return "?";
    }
}

/* ---- constant conditions ---- */

/* Whether e reads nothing that depends on the data set (so eval_const can compute it). */
static bool reads_nothing(const struct ast *e)
{
    if (!e)
        return true;
    switch ((enum ast_kind)e->kind) {
    case AST_E_NUM:
    case AST_E_STR:
    case AST_E_BOOL:
    case AST_E_NULL:
    case AST_E_CONST:
        return true;
    case AST_E_INTERP:
    case AST_E_CALL:
    case AST_E_CASE:
        for (const struct ast *k = e->kids; k; k = k->next)
            if (!reads_nothing(k))
                return false;
        return reads_nothing(e->a) && reads_nothing(e->c);
    case AST_E_FMT:
    case AST_E_NEG:
    case AST_E_NOT:
    case AST_E_BIN:
    case AST_E_AND:
    case AST_E_OR:
    case AST_E_COAL:
    case AST_E_IF:
    case AST_E_WHEN:
        return reads_nothing(e->a) && reads_nothing(e->b) && reads_nothing(e->c);
    default:
        return false;   /* data, elements, lets, scores, weights; and, safely, any new kind */
    }
}

/* The value of e when it reads nothing from the data; false when it does (or fails). */
static bool constant_value(struct linter *l, const struct ast *e, struct value *v)
{
    struct eval_error err;
    return e && reads_nothing(e) && eval_const(l->rs, e, v, &err);
}

/* 1 a condition always true (or no condition), 0 always false, -1 it depends on the data. */
static int truth(struct linter *l, const struct ast *cond)
{
    struct value v;
    if (!cond)
        return 1;
    if (!constant_value(l, cond, &v) || v.kind != V_BOOL)
        return -1;
    return v.b;
}

/* ---- rules ---- */

static void never(struct linter *l, const struct ast *rule, const struct ast *guard)
{
    if (guard)
        diag_warning(l->dg, rule->at, M_L_GUARDED, rule_word(l, rule), rule_word(l, guard),
                     diag_line(l->dg, guard->at));
    else
        diag_warning(l->dg, rule->at, M_L_NEVER, rule_word(l, rule));
}

/* The rules of an indicator (or of the total: no skips, no score).  Guards first (§4): the
 * skips in source order, then the fails; the first that always fires decides, and nothing
 * it decides before is ever evaluated.  Notes are always evaluated. */
static void lint_rules(struct linter *l, struct ast *const *skips, uint32_t nskips,
                       struct ast *const *rules, uint32_t nrules, const struct ast *score)
{
    const struct ast *guard = NULL;     /* the first guard that always fires */
    for (uint32_t k = 0; k < nskips; k++) {
        int t = truth(l, skips[k]->b);
        if (t == 0 || guard)
            never(l, skips[k], t == 0 ? NULL : guard);
        else if (t == 1)
            guard = skips[k];
    }
    for (uint32_t k = 0; k < nrules; k++) {
        const struct ast *r = rules[k];
        if (r->kind != AST_S_FAIL)
            continue;
        int t = truth(l, r->b);
        if (t == 0 || guard)
            never(l, r, t == 0 ? NULL : guard);
        else if (t == 1)
            guard = r;
    }
    if (score && guard)
        never(l, score, guard);
    for (uint32_t k = 0; k < nrules; k++) {
        const struct ast *r = rules[k];
        if (r->kind == AST_S_FAIL)
            continue;
        int t = truth(l, r->b);
        if (t == 0)
            never(l, r, NULL);
        else if (guard && r->kind == AST_S_DEDUCT)
            never(l, r, guard);
    }
}

/* Bands: the first true one wins, so bands after one that always holds are never given. */
static void lint_grades(struct linter *l, const struct ast *grades)
{
    const struct ast *always = NULL;
    for (const struct ast *band = grades ? grades->kids : NULL; band; band = band->next) {
        int t = truth(l, band->b);
        if (always)
            diag_warning(l->dg, band->at, M_L_BAND_AFTER, band->str, diag_line(l->dg, always->at));
        else if (t == 0)
            diag_warning(l->dg, band->at, M_L_BAND_FALSE, band->str);
        else if (t == 1)
            always = band;
    }
}

/* An indicator's selfscore that is always null claims nothing; a top-level one must be an
 * object of the data, which a constant never is. */
static void lint_selfscore(struct linter *l, const struct ast *stmt, bool top)
{
    struct value v;
    const struct ast *e = top ? stmt : stmt->a;
    if (!constant_value(l, e, &v))
        return;
    if (top)
        diag_warning(l->dg, stmt->at, M_L_SELF_CONST, keyword(l, "selfscore"));
    else if (v.kind == V_NULL)
        diag_warning(l->dg, stmt->at, M_L_SELF_NULL, keyword(l, "selfscore"));
}

/* ---- lets and consts never used ---- */

static void walk(struct linter *l, const struct ast *e);

/* A let or const is read: what its own expression reads is read too. */
static void use(struct linter *l, const struct binding *b)
{
    if (b->is_const) {
        if (strmap_get(&l->const_used, b->name))
            return;
        strmap_put(&l->const_used, b->name, (void *)b);
    } else {
        if (l->let_used[b->slot])
            return;
        l->let_used[b->slot] = true;
    }
    if (b->reads)       /* no expression to walk for the many that read only data */
        walk(l, b->decl->a);
}

/* Every name read under a let's or const's expression. */
static void walk(struct linter *l, const struct ast *e)
{
    if (!e)
        return;
    if (e->kind == AST_E_LET || e->kind == AST_E_CONST) {
        use(l, e->ref);
        return;
    }
    walk(l, e->a);
    walk(l, e->b);
    walk(l, e->c);
    for (const struct ast *k = e->kids; k; k = k->next)
        walk(l, k);
}

/* Check marked the bindings that rules, settings and tests read (binding.read); what those
 * read in turn is found here, by walking only their expressions, not every rule again. */
static void lint_unused(struct linter *l)
{
    struct ruleset *rs = l->rs;
    for (uint32_t k = 0; k < rs->nglobals; k++)
        if (rs->globals[k]->read)
            use(l, rs->globals[k]);
    for (uint32_t k = 0; k < rs->nlets; k++)
        if (rs->lets[k]->read)
            use(l, rs->lets[k]);
    for (uint32_t k = 0; k < rs->nlets; k++)
        if (!l->let_used[k]) {
            const struct ast *d = rs->lets[k]->decl;
            diag_warning(l->dg, ast_name_at(d), M_L_UNUSED_LET, d->str);
        }
    for (uint32_t k = 0; k < rs->nglobals; k++) {
        const struct binding *b = rs->globals[k];
        if (b->is_const && !strmap_get(&l->const_used, b->name)) {
            const struct ast *d = b->decl;
            diag_warning(l->dg, ast_name_at(d), M_L_UNUSED_CONST, d->str);
        }
    }
}

void lint_ruleset(struct ruleset *rs)
{
    struct linter l = {.rs = rs, .dg = &rs->dg};
    l.let_used = xcalloc(rs->nlets ? rs->nlets : 1, sizeof *l.let_used);
    for (uint32_t k = 0; k < rs->nall; k++) {
        const struct indicator *ind = rs->all[k];
        lint_rules(&l, ind->skips, ind->nskips, ind->rules, ind->nrules, ind->score);
        lint_grades(&l, ind->grades);
        if (ind->selfscore)
            lint_selfscore(&l, ind->selfscore, false);
    }
    lint_rules(&l, NULL, 0, rs->rules, rs->nrules, NULL);
    lint_grades(&l, rs->grades);
    if (rs->selfscore)
        lint_selfscore(&l, rs->selfscore, true);
    lint_unused(&l);
    free(l.let_used);
    strmap_free(&l.const_used);
}
