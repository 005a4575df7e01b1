/* diff.c - comparing two checked rule sets indicator by indicator, by dotted path:
 * indicators added and removed, weights changed, rules changed (by their source text,
 * white space aside), consts, lets, grades and settings changed; and, with --data, how
 * each data set's total, grade and indicator scores move from the old rules to the new
 * (docs/language.md, "jixiao diff"). */
#include "diff.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "input.h"
#include "jsonw.h"
#include "num.h"
#include "run.h"
#include "usage.h"

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
        if (st->kind == AST_S_FROM) {   /* §11: each rule of a from body, under its header */
            struct span head = {st->at.file, st->at.start, st->c->b->at.end};
            for (const struct ast *r = st->kids; r; r = r->next) {
                b.len = 0;
                diag_text_line(&rs->dg, head, &b);
                buf_adds(&b, " { ");
                diag_text_line(&rs->dg, r->at, &b);
                buf_adds(&b, " }");
                VEC_PUSH(s->v, s->n, s->cap, xstrndup(b.data, b.len));
            }
            diag_text_line(&rs->dg, head, &b);  /* an empty body: the header alone */
            if (!st->kids)
                VEC_PUSH(s->v, s->n, s->cap, xstrndup(b.data, b.len));
            buf_free(&b);
            continue;
        }
        diag_text_line(&rs->dg, st->at, &b);
        VEC_PUSH(s->v, s->n, s->cap, xstrndup(buf_data(&b), b.len));
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

/* One line of the rule differences: message id in lang, then a newline. */
static void put_change(FILE *out, enum lang lang, enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    vfprintf(out, msg(lang, id), ap);
    va_end(ap);
    fputc('\n', out);
}

static int compare_indicator(const struct ruleset *a, const struct indicator *x,
                             const struct ruleset *b, const struct indicator *y, enum lang lang,
                             FILE *out)
{
    int n = 0;
    char w1[NUM_BUF], w2[NUM_BUF];
    if (num_cmp(x->weight, y->weight) != 0) {
        put_change(out, lang, M_D_WEIGHT, y->path, fmt_weight(w1, x->weight),
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
        put_change(out, lang, M_D_RULES, y->path);
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

/* A let's or const's line: added, changed or removed. */
enum { ADDED, CHANGED, REMOVED };
static enum msg_id binding_msg(const struct binding *x, int what)
{
    static const enum msg_id ids[2][3] = {
        {M_D_LET_ADDED, M_D_LET_CHANGED, M_D_LET_REMOVED},
        {M_D_CONST_ADDED, M_D_CONST_CHANGED, M_D_CONST_REMOVED},
    };
    return ids[x->is_const][what];
}

/* consts and lets of the top level, by name */
static int compare_bindings(const struct ruleset *a, const struct ruleset *b, enum lang lang,
                            FILE *out)
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
            put_change(out, lang, binding_msg(y, ADDED), y->name, buf_cstr(&t2));
        else {
            diag_text_line(&a->dg, x->decl->a->at, &t1);
            if (strcmp(buf_cstr(&t1), buf_cstr(&t2)) != 0)
                put_change(out, lang, binding_msg(y, CHANGED), y->name, buf_cstr(&t1),
                           buf_cstr(&t2));
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
            put_change(out, lang, binding_msg(a->globals[k], REMOVED), a->globals[k]->name);
            n++;
        }
    }
    return n;
}

static int compare_grades(const struct ruleset *a, const struct ruleset *b, enum lang lang,
                          FILE *out)
{
    struct buf t1 = {0}, t2 = {0};
    if (a->grades)
        diag_text_line(&a->dg, a->grades->at, &t1);
    if (b->grades)
        diag_text_line(&b->dg, b->grades->at, &t2);
    int n = strcmp(buf_cstr(&t1), buf_cstr(&t2)) != 0;
    const char *none = msg(lang, M_D_NONE);
    if (n)
        put_change(out, lang, M_D_GRADES_CHANGED, t1.len ? t1.data : none,
                   t2.len ? t2.data : none);
    buf_free(&t1);
    buf_free(&t2);
    return n;
}

int diff_rulesets(const struct ruleset *a, const struct ruleset *b, enum lang lang, FILE *out)
{
    int n = 0;
    char w1[NUM_BUF], w2[NUM_BUF];
    if (num_cmp(a->max, b->max) != 0) {     /* first: a changed maximum changes every total */
        put_change(out, lang, M_D_MAX, fmt_weight(w1, a->max), fmt_weight(w2, b->max));
        n++;
    }
    for (uint32_t i = 0; i < a->nall; i++)
        if (!strmap_get(&b->by_path, a->all[i]->path)
            && (!a->all[i]->parent || strmap_get(&b->by_path, a->all[i]->parent->path))) {
            put_change(out, lang, M_D_REMOVED, a->all[i]->path,
                       fmt_weight(w1, a->all[i]->weight));
            n++;
        }
    for (uint32_t i = 0; i < b->nall; i++) {
        const struct indicator *y = b->all[i];
        const struct indicator *x = strmap_get(&a->by_path, y->path);
        if (!x) {
            if (!y->parent || strmap_get(&a->by_path, y->parent->path)) {
                put_change(out, lang, M_D_ADDED, y->path, fmt_weight(w2, y->weight));
                n++;
            }
            continue;
        }
        n += compare_indicator(a, x, b, y, lang, out);
    }
    n += compare_bindings(a, b, lang, out);
    n += compare_grades(a, b, lang, out);
    if (a->precision != b->precision) {
        put_change(out, lang, M_D_PRECISION, a->precision, b->precision);
        n++;
    }
    if (a->rescale != b->rescale) {
        put_change(out, lang, M_D_NA, msg(lang, a->rescale ? M_D_NA_RESCALE : M_D_NA_FULL),
             msg(lang, b->rescale ? M_D_NA_RESCALE : M_D_NA_FULL));
        n++;
    }
    return n;
}

/* ---- scores on the data (--data) ---- */

/* One indicator's score in the old result, by path (rows of from blocks included). */
struct old_ind {
    const char *path;
    bool has;           /* it has a score (not skipped and left out, not failed) */
    bool seen;          /* the new result has it too */
    double score;
};

/* A total as printed: its score and grade, or why there is none. */
struct side {
    bool ok;
    double score;
    const char *grade;  /* the rule set's band name, or NULL */
    const char *error;  /* !ok: the first error message */
};

struct grade_move {
    const char *from, *to;  /* band names (NULL: no band matched) */
    uint64_t n;
};

struct data_diff {
    const struct ruleset *a, *b;
    struct evaluator *ea, *eb;
    enum lang lang;
    FILE *out;
    struct jsonw *w;        /* NULL: text */
    struct buf jb;          /* the JSON writer's buffer, written out per data set */
    struct arena trees;     /* a parsed NDJSON line */
    struct arena scratch;   /* the old result's copy, per data set */
    struct old_ind *olds;
    uint32_t nold, capold;
    struct strmap by_path;  /* path -> 1 + index into olds */
    /* the summary */
    uint64_t total, changed, up, down, err_old, err_new, err_any;
    uint64_t moved;         /* data sets with anything moved: total, grade, an indicator */
    struct grade_move *moves;
    uint32_t nmoves, capmoves;
};

static struct side side_of(const struct eval_result *r)
{
    struct side s = {r->nerrors == 0, r->score, r->grade, NULL};
    if (!s.ok)
        s.error = r->errors[0].message;
    return s;
}

/* Keep what the comparison needs of the old result: the evaluator reuses its memory. */
static struct side keep_old(struct data_diff *d, const struct eval_result *r)
{
    arena_reset(&d->scratch);
    strmap_free(&d->by_path);
    memset(&d->by_path, 0, sizeof d->by_path);
    d->nold = 0;
    for (uint32_t i = 0; i < r->nall && r->tree; i++) {
        struct old_ind o = {arena_strndup(&d->scratch, r->all[i]->path, strlen(r->all[i]->path)),
                            ind_has_score(&r->ind[i]), false, r->ind[i].score};
        VEC_PUSH(d->olds, d->nold, d->capold, o);
        strmap_put(&d->by_path, o.path, (void *)(uintptr_t)d->nold);
    }
    struct side s = side_of(r);
    if (s.error)
        s.error = arena_strndup(&d->scratch, s.error, strlen(s.error));
    return s;
}

static void put_num(struct buf *b, double x)
{
    char nb[NUM_BUF];
    num_format(nb, sizeof nb, x, -1);
    buf_adds(b, nb);
}

/* new - old, rounded to the finer precision of the two rule sets (scores already are) */
static double delta(const struct data_diff *d, double from, double to)
{
    int prec = d->a->precision > d->b->precision ? d->a->precision : d->b->precision;
    return num_round(to - from, prec);
}

static void put_delta(const struct data_diff *d, struct buf *b, double from, double to)
{
    double x = delta(d, from, to);
    if (x > 0)
        buf_addc(b, '+');
    put_num(b, x);
}

/* "95.91 优", "95.91", or "not scored (…)" */
static void put_side(const struct data_diff *d, struct buf *b, const struct side *s)
{
    if (!s->ok) {
        buf_printf(b, msg(d->lang, M_D_UNSCORED), s->error);
        return;
    }
    put_num(b, s->score);
    if (s->grade)
        buf_printf(b, " %s", s->grade);
}

/* A band's place in a grades block, best first as the bands are written; -1 if none. */
static int grade_rank(const struct ruleset *rs, const char *g)
{
    int k = 0;
    for (const struct ast *band = rs->grades && g ? rs->grades->kids : NULL; band; band = band->next, k++)
        if (strcmp(band->str, g) == 0)
            return k;
    return -1;
}

static bool same_grade(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

static void count_move(struct data_diff *d, const char *from, const char *to)
{
    for (uint32_t i = 0; i < d->nmoves; i++)
        if (same_grade(d->moves[i].from, from) && same_grade(d->moves[i].to, to)) {
            d->moves[i].n++;
            return;
        }
    struct grade_move m = {from, to, 1};
    VEC_PUSH(d->moves, d->nmoves, d->capmoves, m);
}

/* One indicator that moved: text "  path: 2 → 1 (-1)", or a JSON object. */
static void put_ind(struct data_diff *d, struct buf *b, const char *path, bool had, double from,
                    bool has, double to)
{
    if (d->w) {
        jsonw_begin(d->w, '{');
        jsonw_key(d->w, "indicator");
        jsonw_cstr(d->w, path);
        jsonw_key(d->w, "old");
        had ? jsonw_num(d->w, from, -1) : jsonw_null(d->w);
        jsonw_key(d->w, "new");
        has ? jsonw_num(d->w, to, -1) : jsonw_null(d->w);
        jsonw_key(d->w, "diff");
        had && has ? jsonw_num(d->w, delta(d, from, to), -1) : jsonw_null(d->w);
        jsonw_end(d->w, '}');
        return;
    }
    struct buf x = {0}, y = {0};
    had ? put_num(&x, from) : buf_adds(&x, "—");
    has ? put_num(&y, to) : buf_adds(&y, "—");
    buf_printf(b, msg(d->lang, M_D_IND), path, buf_cstr(&x), buf_cstr(&y));
    if (had && has) {
        struct buf dl = {0};
        put_delta(d, &dl, from, to);
        buf_printf(b, msg(d->lang, M_D_DELTA), buf_cstr(&dl));
        buf_free(&dl);
    }
    buf_addc(b, '\n');
    buf_free(&x);
    buf_free(&y);
}

/* The indicators whose score moved, new tree order, then those only the old tree has; none
 * when either version could not score the data set (its line says why). */
static uint32_t moved_indicators(struct data_diff *d, struct buf *b, const struct side *old,
                                 const struct eval_result *r)
{
    uint32_t n = 0;
    if (!old->ok || r->nerrors)
        return 0;
    for (uint32_t i = 0; i < r->nall && r->tree; i++) {
        const char *path = r->all[i]->path;
        uintptr_t k = (uintptr_t)strmap_get(&d->by_path, path);
        struct old_ind *o = k ? &d->olds[k - 1] : NULL;
        bool has = ind_has_score(&r->ind[i]);
        if (o)
            o->seen = true;
        bool had = o && o->has;
        if (had == has && (!has || num_cmp(o->score, r->ind[i].score) == 0))
            continue;
        put_ind(d, b, path, had, had ? o->score : 0, has, r->ind[i].score);
        n++;
    }
    for (uint32_t k = 0; k < d->nold; k++)
        if (!d->olds[k].seen && d->olds[k].has) {
            put_ind(d, b, d->olds[k].path, true, d->olds[k].score, false, 0);
            n++;
        }
    return n;
}

static void json_side(struct jsonw *w, const struct side *s)
{
    jsonw_begin(w, '{');
    if (s->ok) {
        jsonw_key(w, "score");
        jsonw_num(w, s->score, -1);
        jsonw_key(w, "grade");
        s->grade ? jsonw_cstr(w, s->grade) : jsonw_null(w);
    } else {
        jsonw_key(w, "error");
        jsonw_cstr(w, s->error);
    }
    jsonw_end(w, '}');
}

static void id_text(struct buf *b, const struct eval_result *r)
{
    if (r->id.kind == V_STR)
        buf_add(b, r->id.s, r->id.len);
    else
        put_num(b, r->id.n);
}

/* Compare one data set's old and new results; the text names only data sets that moved. */
static void compare_data_set(struct data_diff *d, const struct side *old,
                             const struct eval_result *r)
{
    struct side new = side_of(r);
    d->total++;
    d->err_old += !old->ok;
    d->err_new += !new.ok;
    d->err_any += !old->ok || !new.ok;
    bool total_moved = old->ok && new.ok && num_cmp(old->score, new.score) != 0;
    bool grade_moved = old->ok && new.ok && !same_grade(old->grade, new.grade);
    if (total_moved) {
        d->changed++;
        d->up += num_cmp(new.score, old->score) > 0;
        d->down += num_cmp(new.score, old->score) < 0;
    }
    if (grade_moved)
        count_move(d, old->grade, new.grade);
    struct buf id = {0}, line = {0}, inds = {0};
    id_text(&id, r);
    bool errors_moved = old->ok != new.ok || (!old->ok && strcmp(old->error, new.error) != 0);
    uint32_t n = 0;
    if (d->w) {
        jsonw_begin(d->w, '{');
        jsonw_key(d->w, "id");
        r->id.kind == V_STR ? jsonw_cstr(d->w, buf_cstr(&id)) : jsonw_num(d->w, r->id.n, -1);
        jsonw_key(d->w, "old");
        json_side(d->w, old);
        jsonw_key(d->w, "new");
        json_side(d->w, &new);
        jsonw_key(d->w, "diff");
        old->ok && new.ok ? jsonw_num(d->w, delta(d, old->score, new.score), -1)
                          : jsonw_null(d->w);
        jsonw_key(d->w, "indicators");
        jsonw_begin(d->w, '[');
        n = moved_indicators(d, &inds, old, r);
        jsonw_end(d->w, ']');
        jsonw_end(d->w, '}');
    } else {
        n = moved_indicators(d, &inds, old, r);
        if (total_moved || grade_moved || errors_moved || n) {
            struct buf x = {0}, y = {0};
            put_side(d, &x, old);
            put_side(d, &y, &new);
            buf_printf(&line, msg(d->lang, M_D_SET), buf_cstr(&id), buf_cstr(&x), buf_cstr(&y));
            if (total_moved) {
                struct buf dl = {0};
                put_delta(d, &dl, old->score, new.score);
                buf_printf(&line, msg(d->lang, M_D_DELTA), buf_cstr(&dl));
                buf_free(&dl);
            }
            buf_addc(&line, '\n');
            buf_add(&line, inds.data, inds.len);
            buf_free(&x);
            buf_free(&y);
        }
    }
    d->moved += total_moved || grade_moved || errors_moved || n;
    if (d->w) {
        fwrite(d->jb.data, 1, d->jb.len, d->out);
        d->jb.len = 0;
    } else if (line.len) {
        fwrite(line.data, 1, line.len, d->out);
    }
    buf_free(&id);
    buf_free(&line);
    buf_free(&inds);
}

/* input_fn: score each data set with both rule sets, one after the other. */
static void on_item(void *ctx, const struct input_item *it)
{
    struct data_diff *d = ctx;
    if (it->kind == ITEM_FLUSH)
        return;
    struct side old = keep_old(d, run_score_item(d->ea, &d->trees, it));
    compare_data_set(d, &old, run_score_item(d->eb, &d->trees, it));
}

/* M_D_DOWN when the new grade's band comes later in the new grades block (bands are written
 * best first), else in the old one; M_D_UP when earlier; M_D_TO when a grade is in neither. */
static enum msg_id direction(const struct data_diff *d, const struct grade_move *m)
{
    int rf = grade_rank(d->b, m->from), rt = grade_rank(d->b, m->to);
    if (rf < 0 || rt < 0) {
        rf = grade_rank(d->a, m->from);
        rt = grade_rank(d->a, m->to);
    }
    return rf < 0 || rt < 0 ? M_D_TO : rt > rf ? M_D_DOWN : M_D_UP;
}

/* 「12 个部门：8 个总分变化（3 个上升，5 个下降），4 个不变；4 个部门等级变化：3 个由优降为良，
 * 1 个由良升为优」. */
static void summary_text(const struct data_diff *d, struct buf *b)
{
    const char *noun = msg(d->lang, d->b->name && strstr(d->b->name, "项目") ? M_D_NOUN_PROJ
                                                                            : M_D_NOUN);
    typedef unsigned long long ull;
    uint64_t scored = d->total - d->err_any;
    buf_printf(b, msg(d->lang, M_D_SUMMARY), (ull)d->total, noun, (ull)d->changed, (ull)d->up,
               (ull)d->down, (ull)(scored - d->changed));
    uint64_t moved = 0;
    for (uint32_t i = 0; i < d->nmoves; i++)
        moved += d->moves[i].n;
    if (!moved)
        buf_adds(b, msg(d->lang, M_D_NO_GRADES));
    else
        buf_printf(b, msg(d->lang, M_D_GRADES), (ull)moved, noun);
    for (uint32_t i = 0; i < d->nmoves; i++) {
        const struct grade_move *m = &d->moves[i];
        enum msg_id id = direction(d, m);
        if (i)
            buf_adds(b, msg(d->lang, M_D_LIST_SEP));
        const char *none = msg(d->lang, M_D_NO_GRADE);
        buf_printf(b, msg(d->lang, id), (ull)m->n, m->from ? m->from : none, m->to ? m->to : none);
    }
    if (d->err_any)
        buf_printf(b, msg(d->lang, M_D_ERRORS), (ull)d->err_any, (ull)d->err_old,
                   (ull)d->err_new);
}

static void summary_json(const struct data_diff *d, struct jsonw *w, const char *text)
{
    static const char *const keys[] = {"data_sets", "changed", "up", "down", "unchanged",
                                       "errors_old", "errors_new"};
    uint64_t vals[] = {d->total, d->changed, d->up, d->down, d->total - d->err_any - d->changed,
                       d->err_old, d->err_new};
    jsonw_key(w, "summary");
    jsonw_begin(w, '{');
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        jsonw_key(w, keys[k]);
        jsonw_num(w, (double)vals[k], 0);
    }
    jsonw_key(w, "grades");
    jsonw_begin(w, '[');
    for (uint32_t i = 0; i < d->nmoves; i++) {
        jsonw_begin(w, '{');
        jsonw_key(w, "from");
        d->moves[i].from ? jsonw_cstr(w, d->moves[i].from) : jsonw_null(w);
        jsonw_key(w, "to");
        d->moves[i].to ? jsonw_cstr(w, d->moves[i].to) : jsonw_null(w);
        jsonw_key(w, "count");
        jsonw_num(w, (double)d->moves[i].n, 0);
        jsonw_key(w, "direction");
        enum msg_id dir = direction(d, &d->moves[i]);
        dir == M_D_TO ? jsonw_null(w) : jsonw_cstr(w, dir == M_D_UP ? "up" : "down");
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    jsonw_key(w, "text");
    jsonw_cstr(w, text);
    jsonw_end(w, '}');
}

/* The rule differences as text lines, for JSON. */
static int rule_lines(const struct ruleset *a, const struct ruleset *b, enum lang lang,
                      struct jsonw *w)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    int n = mem ? diff_rulesets(a, b, lang, mem) : 0;
    if (mem)
        fclose(mem);
    jsonw_key(w, "rules");
    jsonw_begin(w, '[');
    for (char *line = text, *nl; line && *line; line = nl + 1) {
        nl = strchr(line, '\n');
        if (!nl)
            nl = line + strlen(line) - 1;
        jsonw_str(w, line, (size_t)(nl - line) + (*nl != '\n'));
    }
    jsonw_end(w, ']');
    free(text);
    return n;
}

int diff_run(const struct ruleset *a, const struct ruleset *b, const struct diff_opts *o,
             FILE *out)
{
    struct data_diff d = {.a = a, .b = b, .lang = o->lang, .out = out};
    struct jsonw w;
    int n;
    if (o->json) {
        d.w = &w;
        jsonw_init(&w, &d.jb, true);
        jsonw_begin(&w, '{');
        n = rule_lines(a, b, o->lang, &w);
    } else {
        n = diff_rulesets(a, b, o->lang, out);
    }
    if (o->ndata) {
        d.ea = eval_new(a);
        d.eb = eval_new(b);
        arena_init(&d.trees);
        arena_init(&d.scratch);
        const struct ruleset *both[] = {b, a};  /* cells typed as either version reads them */
        struct usage *usage = usage_of_sets(both, 2);
        struct input in = {.fn = on_item, .ctx = &d, .lang = o->lang, .usage = usage,
                           .encoding = o->encoding};
        if (d.w) {
            jsonw_key(&w, "data_sets");
            jsonw_begin(&w, '[');
        } else {
            fprintf(out, "%s%s\n", n ? "\n" : "", msg(o->lang, M_D_HEADER));
        }
        for (int i = 0; i < o->ndata; i++)
            input_read(&in, o->data[i]);
        struct buf text = {0};
        summary_text(&d, &text);
        if (d.w) {
            jsonw_end(&w, ']');
            summary_json(&d, &w, buf_cstr(&text));
        } else {
            fprintf(out, "%s\n", buf_cstr(&text));
        }
        n += (int)d.moved;
        buf_free(&text);
        usage_free(usage);
        eval_free(d.ea);
        eval_free(d.eb);
        arena_free(&d.trees);
        arena_free(&d.scratch);
        strmap_free(&d.by_path);
        free(d.olds);
        free(d.moves);
    }
    if (d.w) {
        jsonw_end(&w, '}');
        buf_addc(&d.jb, '\n');
        fwrite(d.jb.data, 1, d.jb.len, out);
        buf_free(&d.jb);
    }
    return n;
}
