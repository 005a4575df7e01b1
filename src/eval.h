/* eval.h - scoring one data set with a checked rule set (docs/language.md §3, §5, §6).
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

/* The error being raised while a data set is scored (and eval_const's). */
struct eval_error {
    const struct indicator *ind;    /* NULL: not an indicator's (id, selfscore, input) */
    struct span at;
    char at_text[256];              /* "FILE:LINE:COL", or an input position */
    char message[512];
};

/* An error of a result, as eval_error had it, its texts in the result's arena as long as they
 * are: a data set may have thousands (a from block of bad rows). */
struct result_error {
    const struct indicator *ind;    /* NULL: not an indicator's (id, selfscore, input) */
    struct span at;
    const char *at_text;            /* "FILE:LINE:COL", or an input position */
    const char *message;
};

/* One entry of an indicator's (or the total's) deductions: the `score` shortfall first, then
 * each fired deduct or fail in source order.  `points` is what it actually took (rounded to
 * the precision, 扣完为止), so weight - score == the sum of a leaf's points, and the sum of a
 * parent's children - its score == the sum of its own (docs/language.md §5). */
struct deduction {
    double points;
    const char *reason;
    uint32_t reason_len;        /* strlen(reason) */
    struct deduction *next;
    struct deduction *last;     /* the first entry's: the list's last (appending is O(1)) */
};

struct note {
    const char *text;
    uint32_t len;               /* strlen(text) */
    struct note *next;
    struct note *last;          /* the first entry's: the list's last */
};

/* What one rule did (jixiao explain; recorded only by an evaluator made with eval_trace).
 * T_RESCALE is no rule's: a parent's (or the total's) na rescale, value = the rescaled score
 * (before its own deductions) = sum / room * weight. */
enum trace_outcome { T_VALUE, T_FIRED, T_NOT_FIRED, T_RESCALE };

/* A value a rule read (explain): a data path, a let or const, weight, score, score(PATH) —
 * the expression as written, and its value.  Once each per rule, in the order first read;
 * what a let's own definition read is not listed (the let is, with its value). */
struct read {
    const struct ast *e;
    struct value v;
    struct read *next;
};

struct trace {
    const struct ast *rule;     /* S_SCORE, S_DEDUCT, S_FAIL, S_SKIP, S_NOTE, S_BAND; NULL
                                   for T_RESCALE */
    uint8_t outcome;
    double value;               /* the score's value, a deduct's amount, the rescaled score */
    double sum, room;           /* T_RESCALE: the applicable parts' scores and weights */
    const char *text;           /* a reason or note, a band's reason, when it fired */
    struct read *reads;
    struct trace *next;
    struct trace *last;         /* the first entry's: the list's last */
};

/* What became of an indicator in one data set.  IS_PENDING and IS_BUSY only exist while
 * scoring (an indicator is scored once, when first needed: by its parent, or earlier by a
 * score(PATH) that reads it); a result that was handed out has none left, except under an
 * indicator whose own skip condition failed (its children were never scored: no score). */
enum ind_state {
    IS_PENDING,     /* not scored (yet) */
    IS_BUSY,        /* being scored */
    IS_OK,          /* scored: score */
    IS_SKIPPED,     /* 不适用: score is its weight, or none when left_out */
    IS_ERROR,       /* its own rules failed: no score, `error` says why */
    IS_UNKNOWN,     /* a descendant failed: no score */
};

struct ind_result {
    uint8_t state;              /* enum ind_state */
    bool failed;                /* a fail fired */
    bool left_out;              /* skipped under na rescale: no score, weight left out */
    bool has_self;              /* a usable selfscore claim: self */
    double score;               /* rounded, final; meaningful only when ind_has_score */
    double self;
    double applicable;          /* weight of the applicable part of its subtree (== weight
                                   unless children were left out): for selfscore reviews */
    const char *grade;          /* NULL: no band matched (or no grades) */
    const char *grade_reason;   /* the matching band's reason, or NULL */
    const char *error;          /* IS_ERROR: the message (also in eval_result.errors) */
    struct deduction *ded;
    struct note *notes;
    struct trace *trace;
};

/* Does the indicator have a score to print (else JSON null, an empty cell)? */
static inline bool ind_has_score(const struct ind_result *r)
{
    return r->state == IS_OK || (r->state == IS_SKIPPED && !r->left_out);
}

/* A selfscore claim that could not be used (docs/language.md §6 review_warnings). */
struct review_warning {
    const char *key;            /* the claim's key as written ("" for an indicator's own) */
    const char *why;            /* in the evaluator's language */
    struct review_warning *next;
    struct review_warning *last;    /* the first entry's: the list's last */
};

/* A claimed score that differs from the computed one by more than half a unit of the last
 * decimal.  `score` is what the claim is compared with: under na rescale, for a parent some
 * of whose children were left out, its score rescaled to its full weight. */
struct review {
    const struct indicator *ind;
    double self, score, diff;   /* diff = score - self, rounded */
    struct review *next;
};

struct eval_result {
    uint64_t position;          /* from 1, across all inputs */
    /* This data set's indicator tree: the rule set's own (rs->top, rs->all, rs->max), or,
     * when it has from blocks (§11), a copy with the rows and groups they made.  Writers
     * walk top and kids, and find an indicator's result at ind[indicator->index]. */
    struct indicator *const *top;
    uint32_t ntop;
    struct indicator *const *all;   /* by index, parents before children */
    uint32_t nall;
    double max;
    struct value id;            /* V_NUM position, or the id expression's value */
    double score;               /* the total; meaningful only when nerrors == 0 */
    const char *grade, *grade_reason;
    bool failed;                /* a top-level fail fired */
    bool tree;                  /* the indicators were scored (not an id or input error) */
    struct trace *trace;        /* the total's own rules and grade bands (eval_trace) */
    struct deduction *ded;      /* the total's own deductions (top-level deduct/fail) */
    struct note *notes;         /* the total's own notes */
    struct ind_result *ind;     /* by indicator index */
    struct result_error *errors;
    uint32_t nerrors;
    struct review *reviews;     /* in indicator order (preorder) */
    struct review_warning *warnings;
};

struct evaluator;

struct evaluator *eval_new(const struct ruleset *rs);
void eval_free(struct evaluator *ev);
/* Record what every rule did into the results' trace lists (for explain; slower). */
void eval_trace(struct evaluator *ev, bool on);
/* Score one data set (a JSON object). */
const struct eval_result *eval_run(struct evaluator *ev, const cJSON *data, uint64_t position);
/* Score one leaf (or a row made from the template leaf `ind`, with its element `elem` as `.`
 * and `weight` as its weight) into `r` (zeroed by the caller): guards, base score,
 * deductions, notes and grades (docs/language.md §4, §5).  On an error r is IS_ERROR and the
 * error is listed in the result under `ind`; returns false.  For eval.c and its row scoring. */
bool eval_score_leaf(struct evaluator *ev, const struct indicator *ind, double weight,
                     const struct value *elem, struct ind_result *r);
/* The result of an indicator of the rule set (an expect path, a selfscore claim) in `r`. */
const struct ind_result *eval_ind(const struct eval_result *r, const struct indicator *ind);
/* An error result for input that is not a data set (bad JSON, not an object, a spreadsheet
 * with cells that cannot be read).  data: what could be read of it (the readable cells), or
 * NULL; the result's id is the rules' id computed there when it is a number or a text, so
 * that a department's bad cell is reported under its name, else the position. */
const struct eval_result *eval_input_error(struct evaluator *ev, uint64_t position,
                                           const cJSON *data, const char *at,
                                           const char *message);
/* A const's value, at check time (no data). */
bool eval_const(struct ruleset *rs, const struct ast *e, struct value *out, struct eval_error *err);
/* The messages of evaluation errors use this language. */
enum lang eval_lang(const struct evaluator *ev);

#endif
