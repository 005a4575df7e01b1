/* test.h - `jixiao test`: running the test blocks of a rule script (docs/language.md §8). */
#ifndef JX_TEST_H
#define JX_TEST_H

#include "ruleset.h"

/* Run every test of rs (loaded from `path`); reports each failing test on out and adds to
 * the counts. */
void test_run(struct ruleset *rs, const char *path, FILE *out, int *passed, int *failed);

#endif
