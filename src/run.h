/* run.h - the batch runner: data sets in, results out in input order, scored by N threads.
 *
 * Items are copied into batches; workers parse (NDJSON lines), score and render whole
 * batches, each with its own evaluator; the calling thread writes finished batches in order.
 * Memory is bounded by bytes (see run.c), whatever the number of data sets and of threads.
 */
#ifndef JX_RUN_H
#define JX_RUN_H

#include <stdbool.h>
#include "input.h"
#include "out.h"

struct runner;

/* -j is capped here (docs/scale.md): more threads than this never help, and each costs
 * an evaluator and a stack.  Big rule sets get fewer, so their evaluations fit the budget. */
enum { RUN_MAX_THREADS = 64 };

/* progress: the input whose bytes the progress line reports, NULL for none. */
struct runner *run_start(const struct ruleset *rs, struct out *out, int threads,
                         const struct input *progress);
/* The input callback: hand over one item (input_fn). */
void run_item(void *runner, const struct input_item *item);
/* Finish everything, write what is left; returns 1 when some data set had errors. */
int run_finish(struct runner *r);

struct evaluator;
struct eval_result;
/* Score one input item: an NDJSON line (parsed into `trees`, reset first), a parsed value, or
 * the error result of input that is not a data set.  The result is the evaluator's (valid
 * until its next run) and may point into `trees`.  Shared by the batches and jixiao diff. */
const struct eval_result *run_score_item(struct evaluator *ev, struct arena *trees,
                                        const struct input_item *it);

#endif
