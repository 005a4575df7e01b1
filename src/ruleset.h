/* ruleset.h - a checked rule set: the indicator tree, bindings and settings that evaluation
 * runs on.  Built by check.c from the syntax tree; read-only afterwards, so many threads may
 * evaluate with one rule set.
 *
 * Ownership: the struct ruleset owns its arena (every node, indicator, binding and string)
 * and its diag (the sources, quoted by error messages); ruleset_free releases everything.
 */
#ifndef JX_RULESET_H
#define JX_RULESET_H

#include "ast.h"
#include "diag.h"
#include "strmap.h"
#include "value.h"

struct indicator;

/* The largest weight of an indicator or a row (a thousand million million points): sums of
 * weights, rescaling and bonus points then never overflow a double (issue 6.9). */
#define WEIGHT_MAX 1e15

/* A from block (§11): one indicator per element of `decl->a`, made for each data set by
 * eval.c from the template leaf `tmpl` (its body: score, rules, skips, lets, selfscore). */
struct rowset {
    struct ast *decl;           /* S_FROM */
    struct indicator *tmpl;     /* not part of the tree; its parent is the enclosing indicator */
    uint32_t before;            /* static children of the enclosing indicator written before it */
};

/* An indicator's own na (struct indicator): none, or 1 + the op of its S_NA. */
enum { NA_NONE, NA_FULL, NA_RESCALE };

/* How far check has got with a binding's expression or an indicator's weight: meeting one
 * that is CHECK_BUSY again is a cycle. */
enum check_state { CHECK_NEW, CHECK_BUSY, CHECK_DONE };

struct binding {
    const char *name;
    struct ast *decl;           /* S_LET or S_CONST */
    struct indicator *owner;    /* NULL at top level */
    uint32_t slot;              /* lets: index of the per-data-set cache */
    uint8_t is_const;
    uint8_t state;              /* check: enum check_state of its expression */
    bool read;                  /* check: read by a rule, setting or test itself, not only
                                   by another let or const (lint.c follows the rest) */
    bool reads;                 /* check: its expression reads a let or const */
    uint32_t height;            /* check: nesting of its expression, with the bindings it reads */
    struct value cval;          /* consts: the value */
};

/* Fields ordered so that nothing is padded (208 bytes, not 232): a big rule set has one for
 * each of its 100,000 leaves. */
struct indicator {
    const char *name;
    char *path;                 /* dotted path from the top: 管理效率.采购管理.政府采购执行率 */
    const char *json_name;      /* name escaped for JSON once, for the JSON writer (made
                                   by out_json_head, NULL before) */
    const char *json_head;      /* compact JSON `"name":…,"weight":…,"score":` made once
                                   (out_json_head), valid while weight == json_head_weight */
    double json_head_weight;
    uint32_t json_name_len;
    uint32_t json_head_len;
    struct ast *decl;           /* S_INDICATOR */
    struct indicator *parent;   /* NULL for top level */
    struct indicator **kids;
    uint32_t nkids, index;      /* index: position in ruleset.all (preorder) */
    double weight;
    uint8_t wkind;              /* W_NONE, W_ABS, W_PCT as written */
    uint8_t wstate;             /* check: enum check_state of its weight */
    uint8_t na;                 /* its own na: 0 none, 1 + S_NA's op (NA_FULL, NA_RESCALE) */
    bool bonus;                 /* a top-level bonus item (加分项): not part of max */
    bool rescales;              /* its own `na rescale`: it redistributes the weight of the
                                   skipped indicators of its subtree over the applicable ones */
    bool left_out;              /* when skipped, it is left out (the na in force where it
                                   sits is rescale), else it scores its full weight */
    bool rescale_kids;          /* the na in force for its children is rescale */
    bool rows_weight;           /* written without a weight and holding rows: its weight is
                                   known only per data set (static children + rows) */
    struct ast *score;          /* S_SCORE or NULL */
    struct ast **rules;         /* S_DEDUCT, S_FAIL, S_NOTE in source order */
    struct ast **skips;         /* S_SKIP */
    uint32_t nrules, nskips;
    struct ast *grades;         /* S_GRADES or NULL */
    struct ast *selfscore;      /* its own S_SELFSCORE or NULL */
    struct binding **lets;
    struct rowset **froms;      /* its from blocks, in source order (§11) */
    uint32_t nlets, nfroms;
    /* Indicators that eval.c makes for one data set from a from block (§11): */
    const struct rowset *from;  /* the block that made it (a row or a group), NULL if static */
    const struct indicator *tmpl;   /* a row: the template whose rules it runs */
    const struct indicator *orig;   /* a static indicator copied for a data set: the rule
                                       set's own (what score(PATH) and `weight` refer to) */
    const cJSON *elem;          /* a row: its element when it is an object, else NULL */
    uint32_t row;
    bool is_row;                /* a row: `row` is its element's index in the data array */
};

struct ruleset {
    struct arena ar;
    struct diag dg;
    const char *name, *version; /* NULL when not declared */
    struct ast *id, *selfscore; /* NULL when not declared */
    int precision;
    bool rescale;               /* na rescale (the script's) */
    bool has_selfscore;         /* a selfscore anywhere: results carry review */
    double max;                 /* the top-level weights, bonus items excluded */
    struct indicator **top;     /* top-level indicators */
    uint32_t ntop;
    struct indicator **all;     /* every indicator, parents before children */
    uint32_t nall;
    bool has_rows;              /* from blocks: each data set has its own tree (eval_result) */
    struct indicator **tmpls;   /* the from blocks' templates; tmpls[k]->index is nall + k */
    uint32_t ntmpls;
    struct binding **lets;      /* every let, by slot */
    uint32_t nlets;
    uint32_t npaths;            /* distinct plain data paths ($a.b): one cached value each */
    struct binding **globals;   /* top-level lets and consts */
    uint32_t nglobals;
    struct ast *grades;         /* top-level S_GRADES or NULL */
    struct ast **rules;         /* the total's own S_DEDUCT, S_FAIL, S_NOTE in source order */
    uint32_t nrules;
    struct ast **tests;         /* S_TEST items (jixiao test), in source order */
    uint32_t ntests;
    /* made by ruleset_index: check makes them for a top-level selfscore or a test */
    struct strmap by_path;      /* dotted path -> indicator (selfscore claims) */
    struct strmap by_leaf;      /* leaf name -> indicator; &by_leaf when several share it */
    struct strmap by_kid;       /* "P\x1fNAME" -> the child NAME of the indicator of index
                                   P - 1 (P 0: the top level): paths with quoted steps */
};

/* The indicator a dotted path names: "管理效率.采购管理", a step may be quoted
 * (投入."“三公”经费"); a unique leaf name is enough.  NULL when it names none;
 * *ambiguous (when not NULL) is set when it is a leaf name several leaves share.  Only after
 * ruleset_index (check calls it for a rule set with a top-level selfscore or tests). */
const struct indicator *ruleset_find(const struct ruleset *rs, const char *path, bool *ambiguous);
/* Makes by_path, by_leaf and by_kid, once (not thread-safe: before any thread reads them). */
void ruleset_index(struct ruleset *rs);

/* Read, parse and check a rule script; reports every error to stderr.  Returns NULL (after
 * printing the error count) when the script has errors. */
struct ruleset *ruleset_load(const char *path, enum lang lang);
/* The same with diagnostics in `format`: DIAG_JSON writes them to stdout, one object a line
 * (check --format json); the rule set's diag keeps the format for later warnings. */
struct ruleset *ruleset_load_as(const char *path, enum lang lang, enum diag_format format);
void ruleset_free(struct ruleset *rs);

#endif
