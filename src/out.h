/* out.h - writing results: json, ndjson (out_json.c), csv (out_csv.c), table (out_table.c),
 * explain (out_explain.c)
 * (LANGUAGE.md §6, §9).
 *
 * out_format_result renders one result into a buffer (workers may do this in parallel);
 * out_write adds the framing of the whole output (the array of `json`, the blank line between
 * tables) and writes in order; out_open writes the CSV preamble (BOM and header row).
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include <stdio.h>
#include <stdint.h>
#include "eval.h"

/* ORDER FORMATS */
enum out_format { OUT_JSON, OUT_NDJSON, OUT_CSV, OUT_TABLE, OUT_EXPLAIN };

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
/* The writers of each format, used by out_format_result and out_open. */
void out_csv_header(struct buf *b, const struct ruleset *rs);
void out_csv_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
void out_table_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
/* The title line of a table or explanation: id — ruleset（version）. */
void out_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
/* explain: every rule of every indicator and what it did (needs an evaluator with tracing). */
void out_explain_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
void out_open(struct out *o, enum out_format fmt, const struct ruleset *rs, FILE *f);
/* One rendered result (from out_format_result), in input order. */
void out_write(struct out *o, const char *text, size_t len);
void out_close(struct out *o);

#endif
