/* jixiao.h - the embedding API: load a rule set once, score cJSON data sets, free.
 *
 * Ownership: jixiao_load returns a rule set the caller frees with jixiao_free; a scorer
 * belongs to one thread (make one per thread; the rule set may be shared, it is read-only);
 * the text returned by jixiao_score belongs to the scorer and stays valid until its next
 * call.  The data set is only read.  A NULL argument is never dereferenced: the call returns
 * NULL (or does nothing, for the frees).
 */
#ifndef JIXIAO_H
#define JIXIAO_H

#include <cJSON.h>

typedef struct jixiao_rules jixiao_rules;
typedef struct jixiao_scorer jixiao_scorer;

/* Read, parse and check a rule script.  Diagnostics go to stderr (Chinese when chinese is
 * non-zero); NULL when the script has errors or path is NULL. */
jixiao_rules *jixiao_load(const char *path, int chinese);
void jixiao_free(jixiao_rules *rules);

/* NULL when rules is NULL. */
jixiao_scorer *jixiao_scorer_new(const jixiao_rules *rules);
void jixiao_scorer_free(jixiao_scorer *scorer);

/* Score one data set (a JSON object; `position` is its id when the rules have no `id`).
 * Returns the result as one line of compact JSON (docs/language.md §6), without the newline;
 * *has_errors is set to 1 when it is an error result (`errors` instead of `score`).  NULL
 * (and *has_errors 1) when scorer or data is NULL. */
const char *jixiao_score(jixiao_scorer *scorer, const cJSON *data, unsigned long position,
                         int *has_errors);

#endif
