/* diff.h - `jixiao diff OLD NEW`: what changed between two versions of a rule set. */
#ifndef JX_DIFF_H
#define JX_DIFF_H

#include <stdio.h>
#include "ruleset.h"

/* Writes the differences to out; returns the number of differences. */
int diff_rulesets(const struct ruleset *old, const struct ruleset *new, FILE *out);

#endif
