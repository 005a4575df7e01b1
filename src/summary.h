/* summary.h - the indicator columns of a batch's one-line-per-data-set summary: the default
 * CSV (out_csv.c) and the xlsx 汇总 sheet (out_xlsx.c), each indicator by its dotted path.
 *
 * Without from blocks every data set has the rule set's indicators, in preorder.  With them
 * (§11) each data set brings its own rows and groups, so the columns are the union over the
 * batch, kept as a tree: the rule set's own indicators first, and each row or group placed
 * among its siblings in order of first appearance (before the next sibling the batch already
 * has, else after the last), so every row stands under its group and its group under its
 * first-level indicator, whichever data set brought it.  docs/reports.md says why.
 *
 * Ownership: a summary owns its paths and arrays (summary_free); callers keep column ids.
 */
#ifndef JX_SUMMARY_H
#define JX_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "ruleset.h"
#include "strmap.h"

#define SUMMARY_TOP UINT32_MAX      /* the parent of a first-level indicator */

struct summary_col {
    char *path;
    uint32_t *kids, nkids, capkids;
};

struct summary {
    struct summary_col *cols;       /* by column id, in order of first appearance */
    uint32_t ncols, capcols;
    uint32_t *top, ntop, captop;    /* first-level column ids, in column order */
    struct strmap by_path;          /* path -> column id + 1 */
};

/* The rule set's own indicators; `safe` passes the paths through table_safe (the xlsx reads
 * them from tables). */
void summary_init(struct summary *s, const struct ruleset *rs, bool safe);
/* One data set's indicators in preorder: paths[i], parents[i] (an index below i, or
 * SUMMARY_TOP).  col[i] gets each one's column id; twin[i] (when twin is not NULL) is set
 * when another of them has the same path (two rows of one name, an error result): which one
 * such a cell would show is not clear, so the writers leave it empty. */
void summary_add(struct summary *s, uint32_t n, const char *const *paths, const uint32_t *parents,
                 uint32_t *col, bool *twin);
/* The column ids in column order (order has room for s->ncols). */
void summary_order(const struct summary *s, uint32_t *order);
void summary_free(struct summary *s);

#endif
