/* ruleset.c - loading a rule set: read, parse, check (the pipeline of one script). */
#include "ruleset.h"

#include <stdlib.h>

#include "parse.h"

struct ruleset *ruleset_load(const char *path, enum lang lang)
{
    struct ruleset *rs = xcalloc(1, sizeof *rs);
    arena_init(&rs->ar);
    diag_init(&rs->dg, lang, stderr);
    uint32_t file = diag_load(&rs->dg, path);
    if (file != UINT32_MAX) {
        struct ast *items = parse_file(&rs->ar, &rs->dg, file);
        if (rs->dg.nerrors == 0)
            check_ruleset(rs, items);
    }
    if (rs->dg.nerrors) {
        if (file != UINT32_MAX)
            diag_summary(&rs->dg);
        ruleset_free(rs);
        return NULL;
    }
    return rs;
}

void ruleset_free(struct ruleset *rs)
{
    if (!rs)
        return;
    strmap_free(&rs->by_path);
    strmap_free(&rs->by_leaf);
    arena_free(&rs->ar);
    diag_free(&rs->dg);
    free(rs);
}
