/* out.c - the one dispatcher of the output formats: names, per-result rendering, framing. */
#include "out.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "diag.h"
#include "fmt.h"
#include "table.h"

static const char *const format_names[] = {      /* ORDER FORMATS */
    "json", "ndjson", "csv", "table", "explain", "xlsx", "html",
};

/* Set once by out_open, before any worker starts; only read afterwards. */
static struct out_opts options = {.width = 100};

/* json: a first result is held (it is printed without the array's indentation when it is
 * the only one) in memory up to OUT_HOLD bytes, then in a temporary file; it is copied out
 * OUT_COPY bytes at a time. */
enum { OUT_HOLD = 1 << 20, OUT_COPY = 64 << 10 };

/* out_spill: per thread, the buffer whose growth is watched and what to do. */
_Thread_local size_t out_spill_limit = SIZE_MAX;
static _Thread_local struct buf *spill_buf;
static _Thread_local out_spill_fn spill_fn;
static _Thread_local void *spill_ctx;

void out_spill_to(struct buf *b, size_t limit, out_spill_fn fn, void *ctx)
{
    spill_buf = b;
    spill_fn = fn;
    spill_ctx = ctx;
    out_spill_limit = b ? limit : SIZE_MAX;
}

void out_spill_now(struct buf *b)
{
    if (b == spill_buf)
        spill_fn(spill_ctx);
}

int out_parse_format(const char *name, enum out_format *fmt)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(name, format_names[i]) == 0) {
            *fmt = (enum out_format)i;
            return 1;
        }
    return 0;
}

const struct out_opts *out_options(void)
{
    return &options;
}

void out_format_result(struct buf *b, enum out_format fmt, const struct ruleset *rs,
                       const struct eval_result *r)
{
    switch (fmt) {
    case OUT_JSON:
    case OUT_NDJSON:
        out_json_result(b, fmt == OUT_JSON, rs, r);
        break;
    case OUT_CSV:
        out_csv_result(b, rs, r);
        break;
    case OUT_TABLE:
        out_table_result(b, rs, r);
        break;
    case OUT_EXPLAIN:
        out_explain_result(b, rs, r);
        break;
    case OUT_XLSX:
    case OUT_HTML: {
        struct table t;
        table_build(&t, rs, r);
        table_pack(&t, b);
        break;
    }
    }
}

/* The terminal's width when f is one, else 100 columns (a pipe, a file, a pager). */
static int output_width(FILE *f)
{
    struct winsize ws;
    if (isatty(fileno(f)) && ioctl(fileno(f), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
        return ws.ws_col;
    return 100;
}

void out_open(struct out *o, enum out_format fmt, const struct ruleset *rs, FILE *f,
              const struct out_opts *opts)
{
    memset(o, 0, sizeof *o);
    spool_init(&o->first, OUT_HOLD);
    o->fmt = fmt;
    o->rs = rs;
    o->f = f;
    if (opts)
        o->opts = *opts;
    if (!o->opts.width)
        o->opts.width = output_width(f);
    if (fmt == OUT_EXPLAIN)     /* lexes the whole script: once, not once a data set */
        o->opts.zh_style = fmt_style(&rs->dg, 0);
    options = o->opts;
    if (fmt == OUT_CSV && rs->has_rows && !o->opts.detail) {
        out_csv_begin(o);
    } else if (fmt == OUT_CSV) {
        struct buf h = {0};
        out_csv_header(&h, rs, &o->opts);
        fwrite(h.data, 1, h.len, f);
        buf_free(&h);
    } else if (fmt == OUT_XLSX) {
        out_xlsx_begin(o);
    } else if (fmt == OUT_HTML) {
        out_html_begin(o);
    }
}

/* A pretty result inside the top-level array: every line indented one level, appended to
 * `to` so that it reaches the file in one fwrite (as NDJSON does), not a byte at a time.
 * o->line_start carries over from one part of a result to the next. */
static void indent_into(struct out *o, struct buf *to, const char *text, size_t len)
{
    const char *end = text + len;
    while (text < end) {
        const char *nl = memchr(text, '\n', (size_t)(end - text));
        size_t n = nl ? (size_t)(nl - text) + 1 : (size_t)(end - text);
        if (o->line_start)
            buf_add(to, "  ", 2);
        buf_add(to, text, n);
        o->line_start = nl != NULL;
        text += n;
    }
}

/* json: the held first result, indented (a second one came) or as it is (it is the only
 * one), written to the output; nothing is held afterwards. */
static bool release(struct out *o, bool indent)
{
    struct buf b = {0};
    char *chunk = xmalloc(OUT_COPY);
    size_t n;
    o->line_start = true;
    spool_rewind(&o->first);
    while ((n = spool_read(&o->first, chunk, OUT_COPY)) > 0) {
        if (!indent) {
            fwrite(chunk, 1, n, o->f);
            continue;
        }
        indent_into(o, &b, chunk, n);
        fwrite(b.data, 1, b.len, o->f);
        b.len = 0;
    }
    free(chunk);
    buf_free(&b);
    bool ok = spool_ok(&o->first);
    spool_free(&o->first);
    if (!ok)
        cli_error(M_HELD, "json");
    return ok;
}

/* json: one part of a result.  One data set prints one object, several print one array. */
static void json_part(struct out *o, const char *text, size_t len, bool first, bool last)
{
    if (last && len && text[len - 1] == '\n')
        len--;
    if (o->count == 1) {        /* kept until we know whether a second one follows */
        spool_add(&o->first, text, len);
        return;
    }
    struct buf *b = &o->pending;    /* from the second result on: the indented copy */
    if (first && o->count == 2) {
        fputs("[\n", o->f);
        o->failed |= !release(o, true);
    }
    if (first) {
        buf_add(b, ",\n", 2);
        o->line_start = true;
    }
    indent_into(o, b, text, len);
    fwrite(b->data, 1, b->len, o->f);
    b->len = 0;
}

void out_write_part(struct out *o, const char *text, size_t len, bool last)
{
    bool first = !o->in_result;
    o->in_result = !last;
    if (first)
        o->count++;
    if (o->csv || o->fmt == OUT_XLSX || o->fmt == OUT_HTML) {
        const char *whole = text;   /* these take a whole result: its parts are kept */
        if (!first || !last) {
            buf_add(&o->pending, text, len);
            if (!last)
                return;
            whole = o->pending.data;
            len = o->pending.len;
            o->pending.len = 0;
        }
        if (o->csv) {
            out_csv_add(o, whole, len);
            return;
        }
        if ((uintptr_t)whole % 8) {     /* not where a worker put it: copied to be read */
            buf_add(&o->pending, whole, len);
            whole = o->pending.data;
            o->pending.len = 0;
        }
        struct table t;
        table_view(&t, whole, len);
        if (o->fmt == OUT_XLSX)
            out_xlsx_add(o, &t);
        else
            out_html_add(o, &t);
        return;
    }
    if (first && (o->fmt == OUT_TABLE || o->fmt == OUT_EXPLAIN) && o->count > 1)
        fputc('\n', o->f);
    if (o->fmt == OUT_JSON)
        json_part(o, text, len, first, last);
    else
        fwrite(text, 1, len, o->f);
}

void out_write(struct out *o, const char *text, size_t len)
{
    out_write_part(o, text, len, true);
}

int out_close(struct out *o)
{
    int ok = 1;
    if (o->fmt == OUT_JSON) {
        if (o->count == 0)
            fputs("[]\n", o->f);
        else if (o->count == 1) {
            ok = release(o, false);
            fputc('\n', o->f);
        } else
            fputs("\n]\n", o->f);
    } else if (o->csv) {
        ok = out_csv_finish(o);
    } else if (o->fmt == OUT_XLSX) {
        ok = out_xlsx_finish(o);
    } else if (o->fmt == OUT_HTML) {
        ok = out_html_finish(o);
    }
    buf_free(&o->pending);
    fflush(o->f);
    return ok && !o->failed;
}
