/* diff.c - comparing two checked rule sets indicator by indicator, by dotted path:
 * indicators added and removed, weights changed, rules changed (by their source text,
 * white space aside), consts, lets, grades and settings changed. */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "num.h"

/* The statements of an indicator's own body (not its sub-indicators), one text each. */
struct stmts {
    char **v;
    uint32_t n, cap;
};

static void own_rules(const struct ruleset *rs, const struct indicator *ind, struct stmts *s)
{
    for (const struct ast *st = ind->decl->kids; st; st = st->next) {
        if (st->kind == AST_S_INDICATOR)
            continue;
        struct buf b = {0};
        diag_text_line(&rs->dg, st->at, &b);
        VEC_PUSH(s->v, s->n, s->cap, xstrndup(b.data ? b.data : "", b.len));
        buf_free(&b);
    }
}

static bool contains(const struct stmts *s, const char *t)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], t) == 0)
            return true;
    return false;
}

static void free_stmts(struct stmts *s)
{
    for (uint32_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
}

static const char *fmt_weight(char *buf, double w)
{
    num_format(buf, NUM_BUF, w, -1);
    return buf;
}

static int compare_indicator(const struct ruleset *a, const struct indicator *x,
                             const struct ruleset *b, const struct indicator *y, FILE *out)
{
    int n = 0;
    char w1[NUM_BUF], w2[NUM_BUF];
    if (num_cmp(x->weight, y->weight) != 0) {
        fprintf(out, "~ %s: weight %s -> %s\n", y->path, fmt_weight(w1, x->weight),
                fmt_weight(w2, y->weight));
        n++;
    }
    struct stmts old = {0}, new = {0};
    own_rules(a, x, &old);
    own_rules(b, y, &new);
    bool changed = old.n != new.n;
    for (uint32_t i = 0; i < old.n && !changed; i++)
        changed = strcmp(old.v[i], new.v[i]) != 0;
    if (changed) {
        fprintf(out, "~ %s: rules changed\n", y->path);
        for (uint32_t i = 0; i < old.n; i++)
            if (!contains(&new, old.v[i]))
                fprintf(out, "    - %s\n", old.v[i]);
        for (uint32_t i = 0; i < new.n; i++)
            if (!contains(&old, new.v[i]))
                fprintf(out, "    + %s\n", new.v[i]);
        n++;
    }
    free_stmts(&old);
    free_stmts(&new);
    return n;
}

/* consts and lets of the top level, by name */
static int compare_bindings(const struct ruleset *a, const struct ruleset *b, FILE *out)
{
    int n = 0;
    for (uint32_t i = 0; i < b->nglobals; i++) {
        const struct binding *y = b->globals[i], *x = NULL;
        for (uint32_t k = 0; k < a->nglobals; k++)
            if (strcmp(a->globals[k]->name, y->name) == 0)
                x = a->globals[k];
        struct buf t1 = {0}, t2 = {0};
        diag_text_line(&b->dg, y->decl->a->at, &t2);
        if (!x)
            fprintf(out, "+ %s %s = %s\n", y->is_const ? "const" : "let", y->name, buf_cstr(&t2));
        else {
            diag_text_line(&a->dg, x->decl->a->at, &t1);
            if (strcmp(buf_cstr(&t1), buf_cstr(&t2)) != 0)
                fprintf(out, "~ %s %s: %s -> %s\n", y->is_const ? "const" : "let", y->name,
                        buf_cstr(&t1), buf_cstr(&t2));
            else
                n--;
        }
        n++;
        buf_free(&t1);
        buf_free(&t2);
    }
    for (uint32_t k = 0; k < a->nglobals; k++) {
        bool kept = false;
        for (uint32_t i = 0; i < b->nglobals; i++)
            kept |= strcmp(a->globals[k]->name, b->globals[i]->name) == 0;
        if (!kept) {
            fprintf(out, "- %s %s\n", a->globals[k]->is_const ? "const" : "let", a->globals[k]->name);
            n++;
        }
    }
    return n;
}

static int compare_grades(const struct ruleset *a, const struct ruleset *b, FILE *out)
{
    struct buf t1 = {0}, t2 = {0};
    if (a->grades)
        diag_text_line(&a->dg, a->grades->at, &t1);
    if (b->grades)
        diag_text_line(&b->dg, b->grades->at, &t2);
    int n = strcmp(buf_cstr(&t1), buf_cstr(&t2)) != 0;
    if (n)
        fprintf(out, "~ grades: %s -> %s\n", t1.len ? t1.data : "(none)", t2.len ? t2.data : "(none)");
    buf_free(&t1);
    buf_free(&t2);
    return n;
}

int diff_rulesets(const struct ruleset *a, const struct ruleset *b, FILE *out)
{
    int n = 0;
    char w1[NUM_BUF], w2[NUM_BUF];
    if (num_cmp(a->max, b->max) != 0) {     /* first: a changed maximum changes every total */
        fprintf(out, "~ max: %s -> %s\n", fmt_weight(w1, a->max), fmt_weight(w2, b->max));
        n++;
    }
    for (uint32_t i = 0; i < a->nall; i++)
        if (!strmap_get(&b->by_path, a->all[i]->path)
            && (!a->all[i]->parent || strmap_get(&b->by_path, a->all[i]->parent->path))) {
            fprintf(out, "- %s (weight %s)\n", a->all[i]->path, fmt_weight(w1, a->all[i]->weight));
            n++;
        }
    for (uint32_t i = 0; i < b->nall; i++) {
        const struct indicator *y = b->all[i];
        const struct indicator *x = strmap_get(&a->by_path, y->path);
        if (!x) {
            if (!y->parent || strmap_get(&a->by_path, y->parent->path)) {
                fprintf(out, "+ %s (weight %s)\n", y->path, fmt_weight(w2, y->weight));
                n++;
            }
            continue;
        }
        n += compare_indicator(a, x, b, y, out);
    }
    n += compare_bindings(a, b, out);
    n += compare_grades(a, b, out);
    if (a->precision != b->precision) {
        fprintf(out, "~ precision: %d -> %d\n", a->precision, b->precision);
        n++;
    }
    if (a->rescale != b->rescale) {
        fprintf(out, "~ na: %s -> %s\n", a->rescale ? "rescale" : "full", b->rescale ? "rescale" : "full");
        n++;
    }
    return n;
}
