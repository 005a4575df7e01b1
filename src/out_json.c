/* out_json.c - results as JSON and NDJSON (docs/language.md §6). */
#include "out.h"

#include <string.h>

#include "jsonw.h"
#include "num.h"

static void write_id(struct jsonw *w, const struct eval_result *r)
{
    jsonw_key(w, "id");
    if (r->id.kind == V_STR)
        jsonw_str(w, r->id.s, r->id.len);
    else
        jsonw_num(w, r->id.n, -1);
}

static void write_error_list(struct jsonw *w, const struct eval_result *r)
{
    jsonw_key(w, "errors");
    jsonw_begin(w, '[');
    for (uint32_t i = 0; i < r->nerrors; i++) {
        const struct result_error *e = &r->errors[i];
        jsonw_begin(w, '{');
        if (e->ind) {
            jsonw_key(w, "indicator");
            jsonw_cstr(w, e->ind->path);
        }
        jsonw_key(w, "at");
        jsonw_cstr(w, e->at_text);
        jsonw_key(w, "message");
        jsonw_cstr(w, e->message);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

/* ---- compact output (ndjson) ----
 * The same bytes as the writer's calls below make without indentation, appended straight to
 * the buffer: an indicator's members always follow its "score", the total's its "max", so
 * each is written with its comma, and the writer's state needs no update. */

/* A string literal appended, its length counted by the compiler. */
#define RAW(b, lit) buf_add((b), lit, sizeof lit - 1)

static void raw_num(struct buf *b, double x, int maxdec)
{
    buf_reserve(b, NUM_BUF);
    b->len += num_format(b->data + b->len, NUM_BUF, x, maxdec);
}

/* s escaped and its closing quote, after the literal that opened it */
static void raw_str_end(struct buf *b, const char *s, size_t len)
{
    jsonw_escape(b, s, len);
    buf_addc(b, '"');
}

/* What write_outcome writes, after a member.  ORDER OUTCOME_JSON: a member added to one of
 * the two is added to the other. */
static void raw_outcome(struct buf *b, const struct ruleset *rs, bool graded, const char *grade,
                        const char *grade_reason, bool failed, bool skipped,
                        const struct deduction *ded, const struct note *notes)
{
    if (graded && grade) {
        RAW(b, ",\"grade\":\"");
        raw_str_end(b, grade, strlen(grade));
    } else if (graded)
        RAW(b, ",\"grade\":null");
    if (graded && grade_reason) {
        RAW(b, ",\"grade_reason\":\"");
        raw_str_end(b, grade_reason, strlen(grade_reason));
    }
    if (failed)
        RAW(b, ",\"failed\":true");
    if (skipped)
        RAW(b, ",\"skipped\":true");
    if (ded)
        RAW(b, ",\"deductions\":[");
    for (const struct deduction *d = ded; d; d = d->next) {
        RAW(b, "{\"points\":");
        raw_num(b, d->points, rs->precision);
        RAW(b, ",\"reason\":\"");
        raw_str_end(b, d->reason, d->reason_len);
        if (d->next)
            RAW(b, "},");
        else
            RAW(b, "}]");
    }
    if (notes)
        RAW(b, ",\"notes\":[");
    for (const struct note *n = notes; n; n = n->next) {
        buf_addc(b, '"');
        raw_str_end(b, n->text, n->len);
        buf_addc(b, n->next ? ',' : ']');
    }
}

/* `"name":"甲","weight":5,"score":`: what compact output writes first for an indicator. */
static void add_head(struct buf *b, const struct indicator *ind);

/* write_indicator's bytes, for compact output.  ORDER INDICATOR_JSON: a member added to one
 * of the two is added to the other (tests/cases compare both formats' bytes). */
static void raw_indicator(struct buf *b, const struct ruleset *rs, const struct eval_result *r,
                          const struct indicator *ind)
{
    const struct ind_result *ir = &r->ind[ind->index];
    buf_addc(b, '{');
    if (ind->is_row) {              /* §11: the element's index in its data array */
        RAW(b, "\"name\":\"");
        buf_add(b, ind->json_name, ind->json_name_len);
        RAW(b, "\",\"row\":");
        raw_num(b, ind->row, -1);
        RAW(b, ",\"weight\":");
        raw_num(b, ind->weight, -1);
        RAW(b, ",\"score\":");
    } else if (ind->json_head && ind->json_head_weight == ind->weight)  /* made once */
        buf_add(b, ind->json_head, ind->json_head_len);
    else                            /* a group of rows, a weight made of rows */
        add_head(b, ind);
    if (ind_has_score(ir))
        raw_num(b, ir->score, rs->precision);
    else
        RAW(b, "null");
    if (ir->state == IS_ERROR) {
        const char *e = ir->error ? ir->error : "";
        RAW(b, ",\"error\":\"");
        raw_str_end(b, e, strlen(e));
    }
    if (ir->has_self) {
        RAW(b, ",\"self\":");
        raw_num(b, ir->self, -1);
    }
    if (ind->bonus)
        RAW(b, ",\"bonus\":true");
    raw_outcome(b, rs, ind->grades && ind_has_score(ir), ir->grade, ir->grade_reason,
                ir->failed, ir->state == IS_SKIPPED, ir->ded, ir->notes);
    if (ind->nkids)
        RAW(b, ",\"indicators\":[");
    for (uint32_t k = 0; k < ind->nkids; k++) {
        if (k)
            buf_addc(b, ',');
        raw_indicator(b, rs, r, ind->kids[k]);
    }
    if (ind->nkids)
        buf_addc(b, ']');
    buf_addc(b, '}');
    out_spill(b);           /* a big result is written as it is made (run.c) */
}

/* ---- the writer's calls (pretty json, and the rest of compact output) ---- */

/* "grade" (and "grade_reason" when the band has one), "failed", "deductions", "notes":
 * the same for an indicator and for the total.  ORDER OUTCOME_JSON (raw_outcome). */
static void write_outcome(struct jsonw *w, const struct ruleset *rs, bool graded,
                          const char *grade, const char *grade_reason, bool failed, bool skipped,
                          const struct deduction *ded, const struct note *notes)
{
    if (!w->pretty) {
        raw_outcome(w->b, rs, graded, grade, grade_reason, failed, skipped, ded, notes);
        return;
    }
    if (graded) {
        jsonw_key(w, "grade");
        if (grade)
            jsonw_cstr(w, grade);
        else
            jsonw_null(w);
        if (grade_reason) {
            jsonw_key(w, "grade_reason");
            jsonw_cstr(w, grade_reason);
        }
    }
    if (failed) {
        jsonw_key(w, "failed");
        jsonw_bool(w, true);
    }
    if (skipped) {
        jsonw_key(w, "skipped");
        jsonw_bool(w, true);
    }
    if (ded) {
        jsonw_key(w, "deductions");
        jsonw_begin(w, '[');
        for (const struct deduction *d = ded; d; d = d->next) {
            jsonw_begin(w, '{');
            jsonw_key(w, "points");
            jsonw_num(w, d->points, rs->precision);
            jsonw_key(w, "reason");
            jsonw_str(w, d->reason, d->reason_len);
            jsonw_end(w, '}');
        }
        jsonw_end(w, ']');
    }
    if (notes) {
        jsonw_key(w, "notes");
        jsonw_begin(w, '[');
        for (const struct note *n = notes; n; n = n->next)
            jsonw_str(w, n->text, n->len);
        jsonw_end(w, ']');
    }
}

/* `"name":"甲","weight":5,"score":`: what compact output writes first for an indicator. */
static void add_head(struct buf *b, const struct indicator *ind)
{
    char num[NUM_BUF];
    size_t nlen = num_format(num, sizeof num, ind->weight, -1);
    buf_reserve(b, ind->json_name_len + nlen + 32);
    buf_add(b, "\"name\":\"", 8);
    buf_add(b, ind->json_name, ind->json_name_len);
    buf_add(b, "\",\"weight\":", 11);
    buf_add(b, num, nlen);
    buf_add(b, ",\"score\":", 9);
}

void out_json_head(struct ruleset *rs)
{
    if (rs->nall == 0 || rs->all[0]->json_head)     /* made already */
        return;
    struct buf name = {0}, head = {0};
    for (uint32_t k = 0; k < rs->nall; k++) {
        struct indicator *ind = rs->all[k];
        name.len = head.len = 0;
        jsonw_escape(&name, ind->name, strlen(ind->name));
        ind->json_name = buf_data(&name);   /* for add_head, until it is kept in the head */
        ind->json_name_len = (uint32_t)name.len;
        add_head(&head, ind);
        ind->json_head = arena_strndup(&rs->ar, head.data, head.len);
        ind->json_head_len = (uint32_t)head.len;
        ind->json_head_weight = ind->weight;
        ind->json_name = ind->json_head + 8;    /* after `"name":"` */
    }
    buf_free(&name);
    buf_free(&head);
}

/* ORDER INDICATOR_JSON (raw_indicator) */
static void write_indicator(struct jsonw *w, const struct ruleset *rs, const struct eval_result *r,
                            const struct indicator *ind)
{
    const struct ind_result *ir = &r->ind[ind->index];
    if (!w->pretty) {
        raw_indicator(jsonw_raw(w), rs, r, ind);
        return;
    }
    jsonw_begin(w, '{');
    jsonw_key(w, "name");
    jsonw_escaped(w, ind->json_name, ind->json_name_len);
    if (ind->is_row) {              /* §11: the element's index in its data array */
        jsonw_key(w, "row");
        jsonw_num(w, ind->row, -1);
    }
    jsonw_key(w, "weight");
    jsonw_num(w, ind->weight, -1);
    jsonw_key(w, "score");
    if (ind_has_score(ir))
        jsonw_num(w, ir->score, rs->precision);
    else
        jsonw_null(w);
    if (ir->state == IS_ERROR) {
        jsonw_key(w, "error");
        jsonw_cstr(w, ir->error ? ir->error : "");
    }
    if (ir->has_self) {
        jsonw_key(w, "self");
        jsonw_num(w, ir->self, -1);
    }
    if (ind->bonus) {
        jsonw_key(w, "bonus");
        jsonw_bool(w, true);
    }
    write_outcome(w, rs, ind->grades && ind_has_score(ir), ir->grade, ir->grade_reason,
                  ir->failed, ir->state == IS_SKIPPED, ir->ded, ir->notes);
    if (ind->nkids) {
        jsonw_key(w, "indicators");
        jsonw_begin(w, '[');
        for (uint32_t k = 0; k < ind->nkids; k++)
            write_indicator(w, rs, r, ind->kids[k]);
        jsonw_end(w, ']');
    }
    jsonw_end(w, '}');
    out_spill(w->b);        /* a big result is written as it is made (run.c) */
}

static void write_indicators(struct jsonw *w, const struct ruleset *rs, const struct eval_result *r)
{
    jsonw_key(w, "indicators");
    jsonw_begin(w, '[');
    for (uint32_t k = 0; k < r->ntop; k++)
        write_indicator(w, rs, r, r->top[k]);
    jsonw_end(w, ']');
}

/* review: claims that differ from the computed score by more than half a unit of the last
 * decimal (docs/language.md §6); review_warnings: claims that could not be used. */
static void write_review(struct jsonw *w, const struct ruleset *rs, const struct eval_result *r)
{
    jsonw_key(w, "review");
    jsonw_begin(w, '[');
    for (const struct review *v = r->reviews; v; v = v->next) {
        jsonw_begin(w, '{');
        jsonw_key(w, "indicator");
        jsonw_cstr(w, v->ind->path);
        jsonw_key(w, "self");
        jsonw_num(w, v->self, -1);
        jsonw_key(w, "score");
        jsonw_num(w, v->score, rs->precision);
        jsonw_key(w, "diff");
        jsonw_num(w, v->diff, rs->precision);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
    if (!r->warnings)
        return;
    jsonw_key(w, "review_warnings");
    jsonw_begin(w, '[');
    for (const struct review_warning *v = r->warnings; v; v = v->next) {
        jsonw_begin(w, '{');
        jsonw_key(w, "key");
        jsonw_cstr(w, v->key);
        jsonw_key(w, "why");
        jsonw_cstr(w, v->why);
        jsonw_end(w, '}');
    }
    jsonw_end(w, ']');
}

static void write_result(struct jsonw *w, const struct ruleset *rs, const struct eval_result *r)
{
    jsonw_begin(w, '{');
    write_id(w, r);
    if (r->nerrors) {
        /* §6: no total, but everything that could be scored */
        write_error_list(w, r);
        if (r->tree && rs->has_selfscore)   /* ORDER RESULT_JSON: as in a scored result */
            write_review(w, rs, r);
        if (r->tree)
            write_indicators(w, rs, r);
        jsonw_end(w, '}');
        return;
    }
    if (rs->name) {
        jsonw_key(w, "ruleset");
        jsonw_cstr(w, rs->name);
    }
    if (rs->version) {
        jsonw_key(w, "version");
        jsonw_cstr(w, rs->version);
    }
    jsonw_key(w, "score");
    jsonw_num(w, r->score, rs->precision);
    jsonw_key(w, "max");
    jsonw_num(w, r->max, -1);
    write_outcome(w, rs, rs->grades != NULL, r->grade, r->grade_reason, r->failed, false,
                  r->ded, r->notes);
    if (rs->has_selfscore)      /* ORDER RESULT_JSON (the error result above) */
        write_review(w, rs, r);
    write_indicators(w, rs, r);
    jsonw_end(w, '}');
}

/* json and ndjson: one result, pretty or compact, ended by a line break. */
void out_json_result(struct buf *b, bool pretty, const struct ruleset *rs, const struct eval_result *r)
{
    struct jsonw w;
    jsonw_init(&w, b, pretty);
    write_result(&w, rs, r);
    buf_addc(b, '\n');
}
