/* ruleset.c - loading a rule set: read, parse, merge over its base (extends), check. */
#include "ruleset.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "extend.h"
#include "parse.h"

enum { MAX_EXTENDS = 32 };

/* The scripts that extend the one being loaded: their files (device and inode, so that a
 * cycle is seen however the paths are written, even where realpath() fails) and paths as
 * written, for the message. */
struct chain {
    uint32_t file[MAX_EXTENDS];
    const char *name[MAX_EXTENDS];
    struct span at[MAX_EXTENDS];    /* where each names its base */
};

static void chain_error(struct ruleset *rs, struct chain *c, int depth, struct span at,
                        const char *base, int cycle)
{
    struct buf b = {0};
    for (int k = 0; k <= depth; k++)
        buf_printf(&b, "%s → ", c->name[k]);
    buf_adds(&b, base);
    if (cycle)
        diag_error(&rs->dg, at, M_EXT_CYCLE, buf_cstr(&b));
    else
        diag_error(&rs->dg, at, M_EXT_DEPTH, MAX_EXTENDS, buf_cstr(&b));
    buf_free(&b);
}

/* The items of one script, merged over its base's when it extends one (§7). */
static struct ast *load_items(struct ruleset *rs, const char *path, struct chain *c, int depth,
                              uint32_t *first_file)
{
    uint32_t file = diag_load(&rs->dg, path);
    if (file == UINT32_MAX)
        return NULL;
    if (*first_file == UINT32_MAX)
        *first_file = file;
    const struct source *me = &rs->dg.files[file];
    for (int i = 0; i < depth; i++) {
        const struct source *s = &rs->dg.files[c->file[i]];
        if (s->dev == me->dev && s->ino == me->ino) {
            /* reported at the `extends` of the script that names this one */
            chain_error(rs, c, depth - 1, c->at[depth - 1], path, 1);
            return NULL;
        }
    }
    struct ast *items = parse_file(&rs->ar, &rs->dg, file);
    if (rs->dg.nerrors)
        return NULL;
    struct ast *decl = items && items->kind == AST_S_RULESET ? items : NULL;
    if (!decl || !decl->b)
        return items;
    c->file[depth] = file;
    c->at[depth] = decl->b->at;
    c->name[depth] = path;
    /* the base, relative to this file */
    const char *rel = decl->b->str;
    const char *slash = strrchr(path, '/');
    char *base = rel[0] == '/' || !slash
                     ? arena_strndup(&rs->ar, rel, strlen(rel))
                     : arena_printf(&rs->ar, "%.*s/%s", (int)(slash - path), path, rel);
    if (depth + 1 >= MAX_EXTENDS) {
        chain_error(rs, c, depth, decl->b->at, base, 0);
        return NULL;
    }
    struct ast *base_items = load_items(rs, base, c, depth + 1, first_file);
    if (rs->dg.nerrors)
        return NULL;
    return extend_merge(&rs->dg, &rs->ar, base_items, items);
}

struct ruleset *ruleset_load(const char *path, enum lang lang)
{
    return ruleset_load_as(path, lang, DIAG_TEXT);
}

struct ruleset *ruleset_load_as(const char *path, enum lang lang, enum diag_format format)
{
    struct ruleset *rs = xcalloc(1, sizeof *rs);
    arena_init(&rs->ar);
    diag_init(&rs->dg, lang, format == DIAG_JSON ? stdout : stderr);
    rs->dg.format = format;
    rs->dg.script = arena_strndup(&rs->ar, path, strlen(path));
    struct chain chain;
    uint32_t file = UINT32_MAX;
    struct ast *items = load_items(rs, path, &chain, 0, &file);
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
    strmap_free(&rs->by_kid);
    arena_free(&rs->ar);
    diag_free(&rs->dg);
    free(rs);
}

/* by_kid's key of the child `name` of the indicator of index parent - 1 (0: the top level). */
static const char *kid_key(struct buf *b, uint32_t parent, const char *name)
{
    b->len = 0;
    buf_printf(b, "%" PRIu32 "\x1f%s", parent, name);
    return buf_cstr(b);
}

/* The maps cost random look-ups for each indicator (5% of check at 100,000 leaves): made only
 * for those who look indicators up by path. */
void ruleset_index(struct ruleset *rs)
{
    if (rs->by_path.n)
        return;
    struct buf key = {0};
    for (uint32_t i = 0; i < rs->nall; i++) {
        struct indicator *ind = rs->all[i];
        strmap_put(&rs->by_path, ind->path, ind);
        const char *k = kid_key(&key, ind->parent ? ind->parent->index + 1 : 0, ind->name);
        if (!strmap_get(&rs->by_kid, k))        /* the first of a name, as a scan finds */
            strmap_put(&rs->by_kid, arena_strndup(&rs->ar, k, key.len), ind);
        if (ind->nkids == 0) {
            void *seen = strmap_get(&rs->by_leaf, ind->name);
            strmap_put(&rs->by_leaf, ind->name, seen ? (void *)&rs->by_leaf : ind);
        }
    }
    buf_free(&key);
}

/* The steps of a dotted path, a step quoted when it holds dots or punctuation:
 * 投入.预算配置."‘三公’经费变动率" or 投入.“三公”经费 (inner “…” pairs are text). */
static int split_path(const char *s, char **steps, int max, struct buf *b)
{
    int n = 0;
    size_t len = strlen(s), i = 0;
    while (i <= len && n < max) {
        size_t start = b->len;
        if (s[i] == '"') {                          /* "…" */
            const char *end = strchr(s + i + 1, '"');
            if (!end)
                return -1;
            buf_add(b, s + i + 1, (size_t)(end - s - i - 1));
            i = (size_t)(end - s) + 1;
        } else if (strncmp(s + i, "“", 3) == 0) {   /* “…”, nested pairs kept */
            int depth = 0;
            size_t j = i + 3;
            for (; j < len; j++) {
                if (strncmp(s + j, "“", 3) == 0)
                    depth++;
                else if (strncmp(s + j, "”", 3) == 0 && depth-- == 0)
                    break;
            }
            if (j >= len)
                return -1;
            buf_add(b, s + i + 3, j - i - 3);
            i = j + 3;
        } else {
            const char *dot = strchr(s + i, '.');
            size_t end = dot ? (size_t)(dot - s) : len;
            buf_add(b, s + i, end - i);
            i = end;
        }
        buf_addc(b, '\0');
        steps[n++] = (char *)(uintptr_t)start;      /* offsets: b may grow */
        if (i < len && s[i] != '.')
            return -1;
        if (i >= len)
            break;
        i++;
    }
    for (int k = 0; k < n; k++)
        steps[k] = b->data + (uintptr_t)steps[k];
    return n;
}

const struct indicator *ruleset_find(const struct ruleset *rs, const char *path, bool *ambiguous)
{
    if (ambiguous)
        *ambiguous = false;
    const struct indicator *hit = strmap_get(&rs->by_path, path);
    if (hit)
        return hit;
    char *steps[64];
    struct buf b = {0};
    int n = split_path(path, steps, 64, &b);
    /* step by step through by_kid (a scan of each list was quadratic: a claim for each of
     * 20,000 top-level indicators, 1.5 s); a step past an indicator without kids is not read */
    struct buf key = {0};
    bool more = rs->top != NULL;
    for (int k = 0; k < n && more; k++) {
        hit = strmap_get(&rs->by_kid, kid_key(&key, hit ? hit->index + 1 : 0, steps[k]));
        more = hit && hit->kids;
    }
    buf_free(&key);
    if (!hit) {                 /* a unique leaf name */
        const struct indicator *leaf = strmap_get(&rs->by_leaf, n == 1 ? steps[0] : path);
        if ((const void *)leaf == (const void *)&rs->by_leaf) {
            if (ambiguous)
                *ambiguous = true;
            leaf = NULL;
        }
        if (leaf)
            hit = leaf;
    }
    buf_free(&b);
    return hit;
}
