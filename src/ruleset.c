/* ruleset.c - loading a rule set: read, parse, merge over its base (extends), check. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "ruleset.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "extend.h"
#include "parse.h"

enum { MAX_EXTENDS = 32 };

/* The items of one script, merged over its base's when it extends one (§7).  `chain` holds
 * the real paths of the scripts that extend this one, to catch cycles; `names` the same
 * paths as written, for the message. */
static struct ast *load_items(struct ruleset *rs, const char *path, char **chain,
                              const char **names, int depth, uint32_t *first_file)
{
    uint32_t file = diag_load(&rs->dg, path);
    if (file == UINT32_MAX)
        return NULL;
    if (*first_file == UINT32_MAX)
        *first_file = file;
    struct ast *items = parse_file(&rs->ar, &rs->dg, file);
    if (rs->dg.nerrors)
        return NULL;
    struct ast *decl = items && items->kind == AST_S_RULESET ? items : NULL;
    if (!decl || !decl->b)
        return items;

    /* the base, relative to this file */
    const char *rel = decl->b->str;
    const char *slash = strrchr(path, '/');
    char *base = rel[0] == '/' || !slash
                     ? arena_strndup(&rs->ar, rel, strlen(rel))
                     : arena_printf(&rs->ar, "%.*s/%s", (int)(slash - path), path, rel);
    char real[PATH_MAX];
    chain[depth] = realpath(path, real) ? arena_strndup(&rs->ar, real, strlen(real)) : (char *)path;
    names[depth] = path;
    if (realpath(base, real)) {
        for (int i = 0; i <= depth; i++)
            if (strcmp(chain[i], real) == 0 || depth + 1 >= MAX_EXTENDS) {
                struct buf b = {0};
                for (int k = 0; k <= depth; k++)
                    buf_printf(&b, "%s → ", names[k]);
                buf_adds(&b, base);
                diag_error(&rs->dg, decl->b->at, M_EXT_CYCLE, buf_cstr(&b));
                buf_free(&b);
                return NULL;
            }
    }
    struct ast *base_items = load_items(rs, base, chain, names, depth + 1, first_file);
    if (rs->dg.nerrors)
        return NULL;
    return extend_merge(&rs->dg, &rs->ar, base_items, items);
}

struct ruleset *ruleset_load(const char *path, enum lang lang)
{
    struct ruleset *rs = xcalloc(1, sizeof *rs);
    arena_init(&rs->ar);
    diag_init(&rs->dg, lang, stderr);
    char *chain[MAX_EXTENDS];
    const char *names[MAX_EXTENDS];
    uint32_t file = UINT32_MAX;
    struct ast *items = load_items(rs, path, chain, names, 0, &file);
    if (rs->dg.nerrors == 0)
        check_ruleset(rs, items);
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
