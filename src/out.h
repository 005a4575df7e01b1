/* out.h - writing results: json, ndjson (out_json.c); csv, table to come (LANGUAGE.md §6, §9).
 *
 * out_format_result renders one result into a buffer (workers may do this in parallel);
 * out_write adds the framing of the whole output (the array of `json`) and writes in order.
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include <stdio.h>
#include <stdint.h>
#include "eval.h"

/* ORDER FORMATS */
enum out_format { OUT_JSON, OUT_NDJSON };

struct out {
    enum out_format fmt;
    const struct ruleset *rs;
    FILE *f;
    uint64_t count;
    struct buf pending;     /* json: the first result, until we know whether there are more */
};

int out_parse_format(const char *name, enum out_format *fmt);
void out_format_result(struct buf *b, enum out_format fmt, const struct ruleset *rs,
                       const struct eval_result *r);
void out_open(struct out *o, enum out_format fmt, const struct ruleset *rs, FILE *f);
/* One rendered result (from out_format_result), in input order. */
void out_write(struct out *o, const char *text, size_t len);
void out_close(struct out *o);

#endif
