/* out.c - the one dispatcher of the output formats: names, per-result rendering, framing. */
#include "out.h"

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "fmt.h"
#include "table.h"

static const char *const format_names[] = {      /* ORDER FORMATS */
    "json", "ndjson", "csv", "table", "explain", "xlsx", "html",
};

/* Set once by out_open, before any worker starts; only read afterwards. */
static struct out_opts options = {.width = 100};

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
        table_free(&t);
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

/* A pretty result inside the top-level array, every line indented one level, appended to
 * `to` so that it reaches the file in one fwrite (as NDJSON does), not a byte at a time. */
static void indent_into(struct buf *to, const char *text, size_t len)
{
    const char *end = text + len;
    while (text < end) {
        const char *nl = memchr(text, '\n', (size_t)(end - text));
        size_t n = nl ? (size_t)(nl - text) + 1 : (size_t)(end - text);
        buf_add(to, "  ", 2);
        buf_add(to, text, n);
        text += n;
    }
}

void out_write(struct out *o, const char *text, size_t len)
{
    o->count++;
    if (o->csv) {
        out_csv_add(o, text, len);
        return;
    }
    if (o->fmt == OUT_XLSX || o->fmt == OUT_HTML) {
        struct table t;
        table_unpack(&t, text, len);
        if (o->fmt == OUT_XLSX)
            out_xlsx_add(o, &t);
        else
            out_html_add(o, &t);
        table_free(&t);
        return;
    }
    if ((o->fmt == OUT_TABLE || o->fmt == OUT_EXPLAIN) && o->count > 1)
        fputc('\n', o->f);
    if (o->fmt != OUT_JSON) {
        fwrite(text, 1, len, o->f);
        return;
    }
    /* json: one data set prints one object, several print one array */
    if (len && text[len - 1] == '\n')
        len--;
    if (o->count == 1) {
        buf_add(&o->pending, text, len);
        return;
    }
    struct buf *b = &o->pending;        /* from the second result on: the indented copy */
    if (o->count == 2) {
        struct buf first = *b;
        *b = (struct buf){0};
        buf_add(b, "[\n", 2);
        indent_into(b, first.data, first.len);
        buf_free(&first);
    }
    buf_add(b, ",\n", 2);
    indent_into(b, text, len);
    fwrite(b->data, 1, b->len, o->f);
    b->len = 0;
}

int out_close(struct out *o)
{
    int ok = 1;
    if (o->fmt == OUT_JSON) {
        if (o->count == 0)
            fputs("[]\n", o->f);
        else if (o->count == 1)
            fprintf(o->f, "%.*s\n", (int)o->pending.len, o->pending.data);
        else
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
    return ok;
}
