/* diff.h - `jixiao diff OLD NEW`: what changed between two versions of a rule set. */
#ifndef JX_DIFF_H
#define JX_DIFF_H

#include <stdbool.h>
#include <stdio.h>
#include "ruleset.h"

/* Writes the differences to out, their words in lang (paths, weights and rule texts as
 * written); returns the number of differences. */
int diff_rulesets(const struct ruleset *old, const struct ruleset *new, enum lang lang, FILE *out);

struct diff_opts {
    enum lang lang;         /* of the score report (Chinese unless --lang en) */
    bool json;              /* --format json: one object (rules, data_sets, summary) */
    char **data;            /* --data: paths read as `run` reads them */
    int ndata;
    const char *encoding;   /* of CSV data, NULL to detect */
};

/* jixiao diff: the rule differences, then, with data, each data set scored by both rule
 * sets (the data sets that moved: total, grade, indicators) and a summary.  Returns the
 * number of rule differences plus data sets whose total or grade moved. */
int diff_run(const struct ruleset *old, const struct ruleset *new, const struct diff_opts *o,
             FILE *out);

#endif
