/* lint.h - warnings about a checked rule set: parts of a script that can have no effect
 * (docs/language.md, "Warnings (check)").
 *
 * Reports through the rule set's diag (diag_warning); warnings never change an exit status.
 */
#ifndef JX_LINT_H
#define JX_LINT_H

#include "ruleset.h"

/* Warn about rules that never fire, grade bands never given, selfscores that never claim,
 * and lets and consts never used.  rs must have checked without errors. */
void lint_ruleset(struct ruleset *rs);

#endif
