/* extend.h - versions of a rule set: `extends` and `drop` (docs/language.md §7).
 *
 * A script that extends a base starts from the base's items and replaces, adds and drops;
 * the merge works on the syntax trees, before check.c sees the result, so weight sums and
 * names are checked on the merged tree.  Nodes stay in the rule set's arena.
 */
#ifndef JX_EXTEND_H
#define JX_EXTEND_H

#include "ast.h"
#include "diag.h"

/* The items of `items` applied over those of `base` (base's tests are not inherited). */
struct ast *extend_merge(struct diag *dg, struct arena *ar, struct ast *base, struct ast *items);

#endif
