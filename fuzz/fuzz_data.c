/* fuzz_data.c - libFuzzer target (b): the bytes are data.  Each input is written to a file
 * (.xlsx when it starts as a zip does, .json when its first non-blank byte is { or [, .csv
 * otherwise), read as `jixiao run` reads it and scored by every rule set of rules/ and fuzz/data.eval
 * (loaded once) in json, ndjson, csv (and its detail form), table and explain, and by one of
 * them (by the input's size) in xlsx and html.  Oracle besides the sanitizers: the JSON and NDJSON outputs are valid JSON,
 * so no Infinity or NaN ever reaches them.
 *
 * Built and run by `make fuzz` (see the Makefile and docs/reliability.md).  One thread, all
 * in-process; every run frees what it made, so LeakSanitizer holds it to no leaks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "input.h"
#include "json.h"
#include "out.h"
#include "ruleset.h"
#include "run.h"
#include "usage.h"

#ifndef JX_ROOT
#define JX_ROOT "."
#endif

static const char *const rule_files[] = {
    "rules/2022/huangpu.eval", "rules/2022/project.eval", "rules/2021/guangzhou.eval",
    "rules/2019/xinzhou.eval", "rules/2023/huangpu.eval", "fuzz/data.eval",
};
enum { NRULES = sizeof rule_files / sizeof rule_files[0] };
static struct ruleset *rules[NRULES];
static struct usage *usages[NRULES];
static char dir[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    json_init();            /* as main does: cJSON allocates in the evaluation arenas */
    for (int i = 0; i < NRULES; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", JX_ROOT, rule_files[i]);
        rules[i] = ruleset_load(p, LANG_ZH);
        if (!rules[i]) {
            fprintf(stderr, "fuzz_data: cannot load %s\n", p);
            abort();
        }
        usages[i] = usage_of(rules[i]);
    }
    snprintf(dir, sizeof dir, "/tmp/jixiao-fuzz-data.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    return 0;
}

/* The whole of f (rewound) must be JSON: one document, or one per line. */
static void check_json(FILE *f, enum out_format fmt, const char *rules_name)
{
    long n = ftell(f);
    char *text = malloc((size_t)n + 1);
    rewind(f);
    if (fread(text, 1, (size_t)n, f) != (size_t)n)
        abort();
    text[n] = '\0';
    for (char *line = text; *line;) {
        char *end = fmt == OUT_NDJSON ? strchr(line, '\n') : NULL;
        if (end)
            *end = '\0';
        cJSON *j = cJSON_Parse(line);
        if (!j) {
            fprintf(stderr, "fuzz_data: %s output of %s is not JSON:\n%s\n",
                    fmt == OUT_JSON ? "json" : "ndjson", rules_name, line);
            abort();
        }
        cJSON_Delete(j);
        line = end ? end + 1 : line + strlen(line);
    }
    free(text);
}

static void run_one(int k, const char *path, enum out_format fmt, bool detail)
{
    FILE *f = tmpfile();
    if (!f)
        abort();
    struct out out;
    struct out_opts opts = {.lang = LANG_ZH, .detail = detail, .width = 100};
    out_open(&out, fmt, rules[k], f, &opts);
    struct input in = {.lang = LANG_ZH, .usage = usages[k]};
    struct runner *runner = run_start(rules[k], &out, 1, NULL);
    in.fn = run_item;
    in.ctx = runner;
    input_read(&in, path);
    run_finish(runner);
    out_close(&out);
    fflush(f);
    if (fmt == OUT_JSON || fmt == OUT_NDJSON)
        check_json(f, fmt, rule_files[k]);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
    const char *ext = size >= 4 && memcmp(data, "PK\3\4", 4) == 0 ? "xlsx"
                      : i < size && (data[i] == '{' || data[i] == '[') ? "json" : "csv";
    char path[128];
    snprintf(path, sizeof path, "%s/d.%s", dir, ext);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    /* the text formats with every rule set; xlsx and html (a workbook, a report: slow to
     * make) with one of them, chosen by the input's size */
    static const enum out_format fmts[] = {OUT_JSON, OUT_NDJSON, OUT_CSV, OUT_TABLE,
                                           OUT_EXPLAIN};
    for (int k = 0; k < NRULES; k++) {
        for (size_t j = 0; j < sizeof fmts / sizeof fmts[0]; j++)
            run_one(k, path, fmts[j], false);
        run_one(k, path, OUT_CSV, true);
    }
    run_one((int)(size % NRULES), path, OUT_XLSX, false);
    run_one((int)(size % NRULES), path, OUT_HTML, false);
    return 0;
}
