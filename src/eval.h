/* eval.h - scoring one data set with a checked rule set (LANGUAGE.md §3, §5, §6).
 *
 * Ownership: an evaluator belongs to one thread; the result of eval_run, and everything it
 * points to, lives in the evaluator's scratch arena and stays valid until the next eval_run
 * or eval_free.  The rule set is only read.
 */
#ifndef JX_EVAL_H
#define JX_EVAL_H

#include <stdint.h>
#include <stdbool.h>
#include <cJSON.h>

#include "ruleset.h"

struct eval_error {
    const struct indicator *ind;    /* NULL: not an indicator's (id, selfscore, input) */
    struct span at;
    char at_text[256];              /* "FILE:LINE:COL", or an input position */
    char message[512];
};

struct deduction {
    double points;
    const char *reason;
    struct deduction *next;
};

struct note {
    const char *text;
    struct note *next;
};

/* What one rule did (jixiao explain; recorded only by an evaluator made with eval_trace). */
enum trace_outcome { T_VALUE, T_FIRED, T_NOT_FIRED };

struct trace {
    const struct ast *rule;     /* S_SCORE, S_DEDUCT, S_FAIL, S_SKIP, S_NOTE */
    uint8_t outcome;
    double value;               /* the score's value, a deduct's amount */
    const char *text;           /* a reason or note, when it fired */
    struct trace *next;
};

enum ind_state { IS_OK, IS_SKIPPED, IS_ERROR, IS_UNKNOWN /* a descendant has an error */ };

struct ind_result {
    uint8_t state;
    bool failed;
    bool has_self;
    double score;               /* rounded; under na rescale meaningless when skipped */
    double self;
    const char *grade;          /* NULL: no band matched (or no grades) */
    struct deduction *ded, *ded_last;
    struct note *notes, *notes_last;
    struct trace *trace, *trace_last;
};

struct eval_result {
    uint64_t position;          /* from 1, across all inputs */
    struct value id;            /* V_NUM position, or the id expression's value */
    double score;
    const char *grade;
    struct ind_result *ind;     /* by indicator index */
    struct eval_error *errors;
    uint32_t nerrors;
};

struct evaluator;

struct evaluator *eval_new(const struct ruleset *rs);
void eval_free(struct evaluator *ev);
/* Record what every rule did into the results' trace lists (for explain; slower). */
void eval_trace(struct evaluator *ev, bool on);
/* Score one data set (a JSON object). */
const struct eval_result *eval_run(struct evaluator *ev, const cJSON *data, uint64_t position);
/* An error result for input that is not a data set (bad JSON, not an object). */
const struct eval_result *eval_input_error(struct evaluator *ev, uint64_t position,
                                           const char *at, const char *message);
/* A const's value, at check time (no data). */
bool eval_const(struct ruleset *rs, const struct ast *e, struct value *out, struct eval_error *err);
/* The messages of evaluation errors use this language. */
enum lang eval_lang(const struct evaluator *ev);

#endif
