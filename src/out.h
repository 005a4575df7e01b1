/* out.h - writing results: json, ndjson (out_json.c), csv (out_csv.c), table (out_table.c),
 * explain (out_explain.c), xlsx (out_xlsx.c), html (out_html.c), through one dispatcher
 * (out.c) (docs/language.md §6, §9).
 *
 * out_format_result renders one result into a buffer (workers may do this in parallel);
 * out_write adds the framing of the whole output (the array of `json`, the blank line between
 * tables) and writes in order; out_open writes the preamble (the CSV header row).  The xlsx
 * and html writers need every result before they can finish (the 汇总 sheet, the overview):
 * for them a worker renders the result's table model (table.h), packed, and out_write adds it
 * to the workbook or report, which out_close writes.
 */
#ifndef JX_OUT_H
#define JX_OUT_H

#include <stdio.h>
#include <stdint.h>
#include "eval.h"
#include "msg.h"
#include "spool.h"

/* ORDER FORMATS */
enum out_format { OUT_JSON, OUT_NDJSON, OUT_CSV, OUT_TABLE, OUT_EXPLAIN, OUT_XLSX, OUT_HTML };

struct out_opts {
    enum lang lang;         /* csv headers: Chinese under zh */
    bool detail;            /* csv: one row per indicator */
    int width;              /* table: columns to fit in (0: the terminal's, else 100) */
    int zh_style;           /* explain: the script's keyword style (set once by out_open) */
};

struct out_csv;
struct out_xlsx;
struct out_html;

struct out {
    enum out_format fmt;
    struct out_opts opts;
    const struct ruleset *rs;
    FILE *f;
    uint64_t count;
    struct spool first;     /* json: the first result, until we know whether there are more */
    struct buf pending;     /* json: the indented copy of a later result; csv with from
                               blocks, xlsx, html: a result written in parts, until its last */
    bool in_result;         /* a result has been begun by out_write_part, not yet ended */
    bool failed;            /* json: the held first result could not be read back (said) */
    bool line_start;        /* json: indenting, the next byte begins a line */
    struct out_csv *csv;    /* csv of a rule set with from blocks: lines kept to the end */
    struct out_xlsx *xlsx;
    struct out_html *html;
};

int out_parse_format(const char *name, enum out_format *fmt);
/* The options of the open output (set by out_open, before any worker renders). */
const struct out_opts *out_options(void);
void out_format_result(struct buf *b, enum out_format fmt, const struct ruleset *rs,
                       const struct eval_result *r);
/* The writers of each format, used by out_format_result and out_open. */
void out_json_result(struct buf *b, bool pretty, const struct ruleset *rs,
                     const struct eval_result *r);
/* Every indicator's name escaped for JSON and compact JSON head (`"name":…,"weight":…,
 * "score":`), made once in the rule set's arena for out_json_result: by whoever writes JSON,
 * before any worker does (main.c's run, jixiao_load), not by check, so that a rule set only
 * checked or written in another format does not keep them (about 100 bytes an indicator). */
void out_json_head(struct ruleset *rs);
void out_csv_header(struct buf *b, const struct ruleset *rs, const struct out_opts *opts);
void out_csv_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
void out_table_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
/* The title line of a table or explanation: id — ruleset（version）. */
void out_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
/* explain: every rule of every indicator and what it did (needs an evaluator with tracing). */
void out_explain_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r);

/* csv with from blocks (rows differ between data sets): keep each rendered line, write the
 * header (every row's path) and the lines when the batch is done. */
void out_csv_begin(struct out *o);
void out_csv_add(struct out *o, const char *text, size_t len);
int out_csv_finish(struct out *o);

struct table;
/* xlsx and html: begin, add one result's table (in input order), finish into o->f.  finish
 * returns 0 (after saying why on stderr) when the file could not be made. */
void out_xlsx_begin(struct out *o);
void out_xlsx_add(struct out *o, const struct table *t);
int out_xlsx_finish(struct out *o);
void out_html_begin(struct out *o);
void out_html_add(struct out *o, const struct table *t);
int out_html_finish(struct out *o);

void out_open(struct out *o, enum out_format fmt, const struct ruleset *rs, FILE *f,
              const struct out_opts *opts);
/* One rendered result (from out_format_result), in input order. */
void out_write(struct out *o, const char *text, size_t len);
/* Part of one rendered result: the first call begins it, the one with `last` ends it. */
void out_write_part(struct out *o, const char *text, size_t len, bool last);

/* A result written as it is made (docs/scale.md): the writers call out_spill(b) between
 * indicators, where nothing in b is pointed at; once this thread has asked (out_spill_to)
 * to hear about b, and b holds `limit` bytes or more, fn(ctx) is called, which may write b's
 * bytes out and empty it.  out_spill_to(NULL, ...) stops it. */
typedef void (*out_spill_fn)(void *ctx);
void out_spill_to(struct buf *b, size_t limit, out_spill_fn fn, void *ctx);
extern _Thread_local size_t out_spill_limit;
void out_spill_now(struct buf *b);
static inline void out_spill(struct buf *b)
{
    if (b->len >= out_spill_limit)      /* SIZE_MAX unless this thread asked */
        out_spill_now(b);
}
/* Returns 0 when the output could not be made (said on stderr). */
int out_close(struct out *o);

#endif
