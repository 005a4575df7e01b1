/* api.c - the embedding API of include/jixiao.h over the ruleset, eval and out modules. */
#include "jixiao.h"

#include <stdlib.h>

#include "eval.h"
#include "out.h"
#include "ruleset.h"

struct jixiao_scorer {
    const struct ruleset *rs;
    struct evaluator *ev;
    struct buf text;
};

jixiao_rules *jixiao_load(const char *path, int chinese)
{
    if (!path)
        return NULL;
    struct ruleset *rs = ruleset_load(path, chinese ? LANG_ZH : LANG_EN);
    if (rs)
        out_json_head(rs);      /* scorers write NDJSON, perhaps from several threads */
    return (jixiao_rules *)rs;
}

void jixiao_free(jixiao_rules *rules)
{
    ruleset_free((struct ruleset *)rules);
}

jixiao_scorer *jixiao_scorer_new(const jixiao_rules *rules)
{
    if (!rules)
        return NULL;
    struct jixiao_scorer *s = xcalloc(1, sizeof *s);
    s->rs = (const struct ruleset *)rules;
    s->ev = eval_new(s->rs);
    return s;
}

void jixiao_scorer_free(jixiao_scorer *s)
{
    if (!s)
        return;
    eval_free(s->ev);
    buf_free(&s->text);
    free(s);
}

const char *jixiao_score(jixiao_scorer *s, const cJSON *data, unsigned long position,
                         int *has_errors)
{
    if (has_errors)
        *has_errors = 1;
    if (!s || !data)
        return NULL;
    const struct eval_result *r = eval_run(s->ev, data, position);
    s->text.len = 0;
    out_format_result(&s->text, OUT_NDJSON, s->rs, r);
    if (s->text.len && s->text.data[s->text.len - 1] == '\n')
        s->text.len--;
    if (has_errors)
        *has_errors = r->nerrors > 0;
    return buf_cstr(&s->text);
}
