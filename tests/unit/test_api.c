/* test_api.c - the embedding API (include/jixiao.h) on the Huangpu 2022 example. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao.h"
#include "unit.h"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

int main(void)
{
    const char *root = getenv("ROOT") ? getenv("ROOT") : ".";
    char rules_path[4096], data_path[4096];
    snprintf(rules_path, sizeof rules_path, "%s/rules/2022/huangpu.eval", root);
    snprintf(data_path, sizeof data_path, "%s/examples/2022/huangpu.json", root);

    jixiao_rules *rules = jixiao_load(rules_path, 0);
    CHECK(rules != NULL);
    char *text = slurp(data_path);
    CHECK(text != NULL);
    cJSON *data = text ? cJSON_Parse(text) : NULL;
    CHECK(data != NULL);
    if (rules && data) {
        jixiao_scorer *s = jixiao_scorer_new(rules);
        int errors = -1;
        const char *r = jixiao_score(s, data, 1, &errors);
        CHECK(errors == 0);
        const char *head = "{\"id\":\"广州市黄埔区工商业联合会\",";
        CHECK(strncmp(r, head, strlen(head)) == 0);
        CHECK(strstr(r, "\"score\":95.91,\"max\":100,\"grade\":\"优\"") != NULL);
        CHECK(r[strlen(r) - 1] == '}');

        /* a data set whose rules fail: an error result, and the scorer goes on */
        cJSON *bad = cJSON_Parse("{\"部门名称\": \"x\"}");
        r = jixiao_score(s, bad, 2, &errors);
        CHECK(errors == 1);
        CHECK(strstr(r, "\"errors\":[") != NULL);
        r = jixiao_score(s, data, 3, &errors);
        CHECK(errors == 0);
        CHECK(strstr(r, "\"score\":95.91") != NULL);
        cJSON_Delete(bad);
        jixiao_scorer_free(s);
    }
    /* NULL arguments are never dereferenced (issue 6.3): NULL back, the frees do nothing */
    CHECK(jixiao_load(NULL, 0) == NULL);
    CHECK(jixiao_scorer_new(NULL) == NULL);
    jixiao_free(NULL);
    jixiao_scorer_free(NULL);
    int errors = 0;
    CHECK(jixiao_score(NULL, data, 1, &errors) == NULL && errors == 1);
    CHECK(jixiao_score(NULL, NULL, 1, NULL) == NULL);
    if (rules) {
        jixiao_scorer *s = jixiao_scorer_new(rules);
        errors = 0;
        CHECK(jixiao_score(s, NULL, 1, &errors) == NULL && errors == 1);
        /* a data set that is not an object: an error result, not a crash */
        cJSON *num = cJSON_CreateNumber(3);
        const char *r = jixiao_score(s, num, 2, &errors);
        CHECK(r != NULL && errors == 1);
        cJSON_Delete(num);
        jixiao_scorer_free(s);
    }

    cJSON_Delete(data);
    jixiao_free(rules);

    /* a script with errors: NULL (the diagnostics go to stderr) */
    CHECK(jixiao_load("/nonexistent/x.eval", 0) == NULL);
    return unit_done();
}
