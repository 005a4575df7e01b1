/* check.h - static checks and name resolution: from the parsed items of a rule script to a
 * checked struct ruleset (docs/language.md §4, §5, §12).
 *
 * Ownership: everything check_ruleset makes (indicators, bindings, lists, paths) lives in the
 * rule set's arena, and so does what it writes into the syntax tree (resolved names, the
 * ref, slot and op of nodes).  Every error is reported through rs->dg, not only the first.
 */
#ifndef JX_CHECK_H
#define JX_CHECK_H

#include "ruleset.h"

/* What `expect TARGET op VALUE` compares: check_expect keeps it in the S_EXPECT node's op,
 * test.c reads it. */
enum expect_target {
    EXPECT_INDICATOR,   /* an indicator's score (node ref), or a row's by its path (str) */
    EXPECT_TOTAL,       /* score: the total */
    EXPECT_GRADE,       /* grade */
    EXPECT_ERRORS,      /* errors: how many the result has */
};

/* Build the rule set from its parsed items; returns the number of errors. */
int check_ruleset(struct ruleset *rs, struct ast *items);

#endif
