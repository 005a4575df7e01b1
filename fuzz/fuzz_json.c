/* fuzz_json.c - libFuzzer target (c): the bytes are one JSON text.  json_parse_in (src/json.c,
 * jixiao's own parser of data sets) must accept exactly what cJSON_ParseWithLength accepts and
 * build the same tree (after json_last_wins), and a text it calls clean must pass
 * json_check_text.  Any difference aborts with both trees printed.
 *
 * Built and run by `make fuzz` with the other targets (docs/reliability.md).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "json.h"
#include "mem.h"
#include "../tests/unit/same_tree.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct arena ar;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    json_init();
    arena_init(&ar);
    return 0;
}


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    cJSON *want = cJSON_ParseWithLength(text, size);
    json_last_wins(want, true);
    bool clean;
    arena_reset(&ar);
    cJSON *got = json_parse_in(&ar, text, size, &clean);
    char m[512];
    if (!(!want && !got) && !(want && got && same_tree(want, got))) {
        char *w = want ? cJSON_PrintUnformatted(want) : NULL, *g = got ? cJSON_PrintUnformatted(got) : NULL;
        fprintf(stderr, "fuzz_json: cJSON %s, json_parse_in %s\n", w ? w : "refuses", g ? g : "refuses");
        abort();
    }
    if (got && clean && json_check_text(text, size, LANG_EN, m, sizeof m) != 0) {
        fprintf(stderr, "fuzz_json: called clean, but json_check_text says: %s\n", m);
        abort();
    }
    cJSON_Delete(want);
    return 0;
}
