/* jsonw.h - the JSON writer into a struct buf: compact (NDJSON) or indented like jq.  No
 * tree is built: results are written straight from the evaluator's arrays, and diagnostics
 * (check --format json) and diff's report as they are found. */
#ifndef JX_JSONW_H
#define JX_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "mem.h"

enum { JSONW_MAX_DEPTH = 4096 };   /* above the deepest indicator tree the lexer and parser
                                      accept (LEX_MAX_NEST braces, parse.h) */

struct jsonw {
    struct buf *b;
    bool pretty;
    int depth;
    bool first[JSONW_MAX_DEPTH];   /* nothing written yet at this depth */
    bool after_key;
};

void jsonw_init(struct jsonw *w, struct buf *b, bool pretty);
void jsonw_begin(struct jsonw *w, char open);   /* '{' or '[' */
void jsonw_end(struct jsonw *w, char close);    /* '}' or ']' */
/* A key of our own (ASCII, nothing to escape); the macro measures a literal at compile time. */
void jsonw_keyn(struct jsonw *w, const char *key, size_t len);
#define jsonw_key(w, key) jsonw_keyn((w), (key), strlen(key))
void jsonw_str(struct jsonw *w, const char *s, size_t len);
void jsonw_cstr(struct jsonw *w, const char *s);
/* A string already escaped with jsonw_escape (names escaped once per rule set). */
void jsonw_escaped(struct jsonw *w, const char *s, size_t len);
void jsonw_num(struct jsonw *w, double v, int maxdec);
/* Compact output only: the comma, when one is needed, before a value (an element, or a
 * member) that the caller appends itself, whole, to the buffer returned (an indicator's
 * `{"name":"甲",…}`, see out_json.c). */
struct buf *jsonw_raw(struct jsonw *w);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);
/* A JSON-escaped string body (no quotes) appended to b: shared with the CSV writer. */
void jsonw_escape(struct buf *b, const char *s, size_t len);
/* s escaped once, kept in the arena for jsonw_escaped (an indicator's json_name); *len gets
 * its length. */
const char *jsonw_escape_kept(struct arena *ar, const char *s, uint32_t *len);

#endif
