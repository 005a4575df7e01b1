/* test.c - test blocks: given data (with a JSON object merged over it), expectations on the
 * scores, the grade and the number of errors. */
#include "test.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "eval.h"
#include "num.h"

/* Objects merge key by key; anything else replaces (§8). */
static void merge(cJSON *into, const cJSON *with)
{
    for (const cJSON *w = with->child; w; w = w->next) {
        cJSON *old = cJSON_GetObjectItemCaseSensitive(into, w->string);
        if (old && cJSON_IsObject(old) && cJSON_IsObject(w))
            merge(old, w);
        else if (old)
            cJSON_ReplaceItemInObjectCaseSensitive(into, w->string, cJSON_Duplicate(w, 1));
        else
            cJSON_AddItemToObject(into, w->string, cJSON_Duplicate(w, 1));
    }
}

/* A given file: a regular file of at most DIAG_MAX_SOURCE bytes (never a device or FIFO). */
static char *read_file(const char *path)
{
    struct buf b = {0};
    if (buf_read_file(&b, path, DIAG_MAX_SOURCE, NULL) != 0) {
        buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The data of a test: its given file (relative to the script) with its `with` merged. */
static cJSON *given_data(struct ruleset *rs, const char *script, const struct ast *test,
                         struct buf *why)
{
    cJSON *data = NULL;
    for (const struct ast *it = test->kids; it; it = it->next) {
        if (it->kind != AST_S_GIVEN)
            continue;
        const char *slash = strrchr(script, '/');
        char *path = it->str[0] == '/' || !slash
                         ? arena_strndup(&rs->ar, it->str, strlen(it->str))
                         : arena_printf(&rs->ar, "%.*s/%s", (int)(slash - script), script, it->str);
        char *text = read_file(path);
        cJSON_Delete(data);
        data = text ? cJSON_Parse(text) : NULL;
        free(text);
        if (!data || !cJSON_IsObject(data)) {
            buf_printf(why, msg(rs->dg.lang, text ? M_TEST_NOT_OBJECT : M_TEST_NO_FILE), path);
            cJSON_Delete(data);
            return NULL;
        }
        if (it->a) {
            cJSON *with = cJSON_Parse(it->a->str);
            if (with)
                merge(data, with);
            cJSON_Delete(with);
        }
    }
    return data ? data : cJSON_CreateObject();
}

/* The value an expect looks at, in the result r. */
static void actual(const struct ruleset *rs, const struct ast *x, const struct eval_result *r,
                   struct value *v)
{
    memset(v, 0, sizeof *v);
    v->kind = V_NUM;
    if (x->op == EXPECT_ERRORS) {
        v->n = r->nerrors;
        return;
    }
    if (r->nerrors && x->op != EXPECT_INDICATOR) {
        v->kind = V_MISSING;    /* an error result has no total and no grade */
        return;
    }
    if (x->op == EXPECT_TOTAL)
        v->n = r->score;
    else if (x->op == EXPECT_GRADE) {
        v->kind = r->grade ? V_STR : V_NULL;
        v->s = r->grade;
        v->len = r->grade ? (uint32_t)strlen(r->grade) : 0;
    } else {
        const struct ind_result *ir = x->ref ? eval_ind(r, x->ref) : NULL;
        for (uint32_t i = 0; !x->ref && i < r->nall && !ir; i++)   /* a row (§11) */
            if (strcmp(r->all[i]->path, x->str) == 0
                || (r->all[i]->is_row && strcmp(r->all[i]->name, x->str) == 0))
                ir = &r->ind[i];
        if (!ir || !ind_has_score(ir))     /* left out under na rescale, or an error: null */
            v->kind = V_NULL;
        else
            v->n = ir->score;
    }
}

static bool holds(int op, const struct value *a, const struct value *b)
{
    if (a->kind == V_NUM && b->kind == V_NUM) {
        int c = num_cmp(a->n, b->n);
        switch (op) {
        case OP_EQ: return c == 0;
        case OP_NE: return c != 0;
        case OP_LT: return c < 0;
        case OP_LE: return c <= 0;
        case OP_GT: return c > 0;
        default: return c >= 0;
        }
    }
    bool eq = a->kind == b->kind
              && (a->kind != V_STR || (a->len == b->len && memcmp(a->s, b->s, a->len) == 0));
    return op == OP_EQ ? eq : op == OP_NE ? !eq : false;
}

/* An actual value (what `actual` gives: a number, a grade, null, or missing in an error
 * result), in the message language: "优" / “优”, null / 空值. */
static void describe(struct buf *b, const struct ruleset *rs, const struct value *v)
{
    char nb[NUM_BUF];
    enum lang lang = rs->dg.lang;
    switch (v->kind) {
    case V_NUM:
        num_format(nb, sizeof nb, v->n, rs->precision);
        buf_adds(b, nb);
        break;
    case V_STR:
        buf_printf(b, msg(lang, M_TEST_GOT_STRING), (int)v->len, v->s);
        break;
    case V_NULL:
        buf_adds(b, msg(lang, M_T_NULL));
        break;
    default:
        buf_adds(b, msg(lang, M_TEST_ERROR_RESULT));
        break;
    }
}

static void report(struct ruleset *rs, FILE *out, const struct ast *test, const struct ast *at,
                   const char *what)
{
    char where[512];
    diag_where(&rs->dg, at->at, where, sizeof where);
    fprintf(out, msg(rs->dg.lang, M_TEST_FAILED), where, test->str, what);
    fputc('\n', out);
}

void test_run(struct ruleset *rs, const char *path, FILE *out, int *passed, int *failed)
{
    struct evaluator *ev = eval_new(rs);
    for (uint32_t t = 0; t < rs->ntests; t++) {
        const struct ast *test = rs->tests[t];
        struct buf why = {0};
        cJSON *data = given_data(rs, path, test, &why);
        bool ok = data != NULL;
        if (!data)
            report(rs, out, test, test, buf_cstr(&why));
        const struct eval_result *r = data ? eval_run(ev, data, 1) : NULL;
        for (const struct ast *x = test->kids; x && data; x = x->next) {
            if (x->kind != AST_S_EXPECT)
                continue;
            struct value got, want;
            struct eval_error err;
            actual(rs, x, r, &got);
            why.len = 0;
            size_t n;
            const char *src = diag_text(&rs->dg, x->a->at, &n);
            if (!eval_const(rs, x->a->b, &want, &err)) {
                buf_printf(&why, msg(rs->dg.lang, M_TEST_CANT_EVAL), (int)n, src, err.message);
            } else if (!holds(x->a->op, &got, &want)) {
                buf_printf(&why, msg(rs->dg.lang, M_TEST_EXPECTED), (int)n, src);
                describe(&why, rs, &got);
            } else
                continue;
            ok = false;
            report(rs, out, test, x, buf_cstr(&why));
        }
        buf_free(&why);
        cJSON_Delete(data);
        if (ok)
            ++*passed;
        else
            ++*failed;
    }
    eval_free(ev);
}
