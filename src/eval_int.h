/* eval_int.h - what the evaluator lends the built-in functions (builtins.c): evaluating an
 * argument, raising an evaluation error, and making values.  Internal to eval.c and
 * builtins.c.
 *
 * Ownership as in eval.h: values made here live in the evaluator's scratch arena
 * (eval_arena) until the next data set.
 */
#ifndef JX_EVAL_INT_H
#define JX_EVAL_INT_H

#include <string.h>

#include "ast.h"
#include "eval.h"
#include "mem.h"
#include "msg.h"
#include "value.h"

/* The value of `e` (elem: the element of an enclosing where/map, or NULL). */
bool eval_expr(struct evaluator *ev, const struct ast *e, const struct value *elem,
               struct value *out);
/* ... which must be a number / an array (then *out is a V_LIST of its elements). */
bool eval_number(struct evaluator *ev, const struct ast *e, const struct value *elem, double *out);
bool eval_list(struct evaluator *ev, const struct ast *e, const struct value *elem,
               struct value *out);
/* The elements of an array value `v` (is_array) as a V_LIST. */
void eval_elements(struct evaluator *ev, const struct value *v, struct value *out);
/* Append `v` as interpolation prints it ({x}, or {x:fmt} with fmt "%" or ".N"). */
bool eval_text(struct evaluator *ev, const struct ast *e, const struct value *v, const char *fmt,
               struct buf *b);

/* Raise the error message `id` at `e`; returns false. */
bool eval_fail(struct evaluator *ev, const struct ast *e, enum msg_id id, ...);
/* Raise "e is too large a number" (or "e is NaN"): x is not finite (issue 6.9). */
bool eval_not_finite(struct evaluator *ev, const struct ast *e, double x);
/* Raise "e is <type of v>, not <want>" (or "e is missing"); returns false. */
bool eval_wrong_type(struct evaluator *ev, const struct ast *e, const struct value *v,
                     enum msg_id want);
/* The source text of `e` (cut at 80 bytes), for messages. */
const char *eval_src(struct evaluator *ev, const struct ast *e);
/* The type of `v` with a glimpse of it: 字符串 ("约一千"), for messages. */
const char *eval_type_desc(struct evaluator *ev, const struct value *v);
/* Where values of this data set are allocated. */
struct arena *eval_arena(struct evaluator *ev);

static inline void num_value(struct value *v, double n)
{
    *v = (struct value){.kind = V_NUM, .n = n};     /* stores, not a memset: it is hot */
}

static inline void bool_value(struct value *v, bool b)
{
    *v = (struct value){.kind = V_BOOL, .b = b};
}

static inline bool is_array(const struct value *v)
{
    return v->kind == V_LIST || (v->kind == V_JSON && cJSON_IsArray(v->j));
}

#endif
