/* out_csv.c - results as CSV for Excel and LibreOffice (docs/language.md §9): BOM, header, rows.
 *
 * A rule set without from blocks streams: the header is written first, each data set's line
 * as it is scored.  With from blocks (§11) each data set brings its own rows, and a row's
 * column is its dotted path: the columns are known when the batch is done (summary.h), so the
 * lines are kept (their cells only; past CSV_HOLD bytes in a temporary file) and written,
 * under the header, by out_csv_finish. */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "num.h"
#include "summary.h"
#include "table.h"

/* Excel reads UTF-8 only when the file starts with a BOM; without it Chinese turns to mojibake. */
#define BOM "\xEF\xBB\xBF"

/* RFC 4180 ends every record with CRLF, and Excel expects it (LibreOffice and every CSV reader
 * take it too).  A line break inside a quoted field is kept as it was written. */
#define EOL "\r\n"

/* A cell a spreadsheet would run as a formula (CSV injection, after OWASP): text starting with
 * = + - @, or with a tab or CR, gets a leading ' so it stays text.  Numbers are never guarded. */
static bool formula_start(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* RFC 4180: a field holding a comma, a quote or a line break is quoted. */
static bool needs_quotes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return true;
    return false;
}

/* A text field: guarded against formulas, quoted (quotes doubled) when needed. */
static void add_text(struct buf *b, const char *s, size_t len)
{
    bool quote = needs_quotes(s, len);
    if (quote)
        buf_addc(b, '"');
    if (len && formula_start(s[0]))
        buf_addc(b, '\'');
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            buf_addc(b, '"');
        buf_addc(b, s[i]);
    }
    if (quote)
        buf_addc(b, '"');
}

static void add_num(struct buf *b, double x, int maxdec)
{
    char nb[NUM_BUF];
    buf_add(b, nb, num_format(nb, sizeof nb, x, maxdec));
}

static void add_id(struct buf *b, const struct eval_result *r)
{
    if (r->id.kind == V_STR)
        add_text(b, r->id.s, r->id.len);
    else
        add_num(b, r->id.n, -1);
}

/* The errors cell: each error as the tables show it (table_error_text), joined by "; " or "；"
 * in the messages' language, as table_errors_cell joins them for the 汇总 sheet. */
static void add_errors(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf t = {0};
    for (uint32_t i = 0; i < r->nerrors; i++) {
        if (i)
            buf_adds(&t, msg(rs->dg.lang, M_SEMICOLON));
        table_error_text(&t, rs->dg.lang, &r->errors[i]);
    }
    add_text(b, t.data, t.len);
    buf_free(&t);
}

/* One indicator's score; empty when it has none (left out under na rescale, errors). */
static void add_score(struct buf *b, const struct ruleset *rs, const struct ind_result *ir)
{
    if (ind_has_score(ir))
        add_num(b, ir->score, rs->precision);
}

/* The fixed header cells, in English and Chinese (--lang zh). */
static const char *const head_short[][2] = {
    {"id", "标识"}, {"score", "总分"}, {"grade", "等级"}, {"errors", "错误"},
};
static const char *const head_detail[][2] = {
    {"id", "标识"}, {"indicator", "指标"}, {"weight", "分值"}, {"score", "得分"},
    {"self", "自评分"}, {"reasons", "原因"},
};

/* The header row: id, score, grade, the indicator columns (paths[0..n)), errors. */
static void header(struct buf *b, const struct out_opts *opts, const char *const *paths, uint32_t n)
{
    int zh = opts->lang == LANG_ZH;
    buf_adds(b, BOM);
    buf_printf(b, "%s,%s,%s", head_short[0][zh], head_short[1][zh], head_short[2][zh]);
    for (uint32_t i = 0; i < n; i++) {
        buf_addc(b, ',');
        add_text(b, paths[i], strlen(paths[i]));
    }
    buf_printf(b, ",%s" EOL, head_short[3][zh]);
}

void out_csv_header(struct buf *b, const struct ruleset *rs, const struct out_opts *opts)
{
    int zh = opts->lang == LANG_ZH;
    if (opts->detail) {
        buf_adds(b, BOM);
        for (size_t i = 0; i < sizeof head_detail / sizeof head_detail[0]; i++) {
            if (i)
                buf_addc(b, ',');
            buf_adds(b, head_detail[i][zh]);
        }
        buf_adds(b, EOL);
        return;
    }
    const char **paths = xmalloc((rs->nall + 1) * sizeof *paths);
    for (uint32_t i = 0; i < rs->nall; i++)
        paths[i] = rs->all[i]->path;
    header(b, opts, paths, rs->nall);
    free(paths);
}

/* Reasons joined by "；" (lines of the table model). */
static void add_lines(struct buf *b, const char *s)
{
    struct buf t = {0};
    for (; *s; s++) {
        if (*s == '\n')
            buf_adds(&t, "；");
        else
            buf_addc(&t, *s);
    }
    add_text(b, buf_data(&t), t.len);
    buf_free(&t);
}

/* --detail: one row per indicator (id, dotted path, weight, score, self, its own reasons);
 * an error result without a tree: one row with its errors as the reasons. */
static void csv_detail(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct table t;
    table_build(&t, rs, r);
    for (uint32_t i = 0; i < t.ninds; i++) {
        const struct table_ind *ti = &t.inds[i];
        add_id(b, r);
        buf_addc(b, ',');
        add_text(b, table_str(&t, ti->path), strlen(table_str(&t, ti->path)));
        buf_addc(b, ',');
        add_num(b, ti->weight, -1);
        buf_addc(b, ',');
        if (ti->has_score)
            add_num(b, ti->score, rs->precision);
        buf_addc(b, ',');
        if (ti->has_self)
            add_num(b, ti->self, -1);
        buf_addc(b, ',');
        add_lines(b, table_str(&t, ti->reasons));
        buf_adds(b, EOL);
        out_spill(b);       /* a big result is written as it is made (run.c) */
    }
    if (!t.tree) {
        add_id(b, r);
        buf_adds(b, ",,,,,");
        add_lines(b, table_str(&t, t.errors));
        buf_adds(b, EOL);
    }
    table_free(&t);
}

/* id, score, grade: an error result has no score or grade. */
static void add_head(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    bool ok = r->nerrors == 0;
    add_id(b, r);
    buf_addc(b, ',');
    if (ok)
        add_num(b, r->score, rs->precision);
    buf_addc(b, ',');
    if (ok && r->grade)
        add_text(b, r->grade, strlen(r->grade));
}

/* --- the lines of a rule set with from blocks, kept until the batch is done ----------------
 * A worker renders a result as: u32 n, the head cells and the errors cell (each u32 length,
 * bytes), then each of the result's n indicators (preorder): u32 parent (its index, or
 * SUMMARY_TOP), its path (NUL included) and its score cell (u32 length, bytes).  The writer
 * keeps the head, the errors and the non-empty score cells by column id. */

static void put_u32(struct buf *b, uint32_t v)
{
    buf_add(b, (const char *)&v, sizeof v);
}

static uint32_t get_u32(const char **p)
{
    uint32_t v;
    memcpy(&v, *p, sizeof v);
    *p += sizeof v;
    return v;
}

/* A length-prefixed field: appended (`text`), or read (returns its start, *len its length). */
static void put_field(struct buf *b, const char *text, size_t len)
{
    put_u32(b, (uint32_t)len);
    buf_add(b, text, len);
}

static const char *get_field(const char **p, uint32_t *len)
{
    *len = get_u32(p);
    const char *s = *p;
    *p += *len;
    return s;
}

static void rows_record(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf cell = {0};
    uint32_t n = r->tree ? r->nall : 0;
    put_u32(b, n);
    add_head(&cell, rs, r);
    put_field(b, cell.data, cell.len);
    cell.len = 0;
    if (r->nerrors)
        add_errors(&cell, rs, r);
    put_field(b, cell.data, cell.len);
    for (uint32_t i = 0; i < n; i++) {
        const struct indicator *ind = r->all[i];
        put_u32(b, ind->parent ? ind->parent->index : SUMMARY_TOP);
        put_field(b, ind->path, strlen(ind->path) + 1);    /* with its NUL: read in place */
        cell.len = 0;
        add_score(&cell, rs, &r->ind[ind->index]);
        put_field(b, cell.data, cell.len);
    }
    buf_free(&cell);
}

/* The kept lines are held in memory up to CSV_HOLD bytes, then in a temporary file, so a
 * batch of any size is kept in bounded memory. */
enum { CSV_HOLD = 1 << 20 };

struct out_csv {
    struct summary sum;
    struct spool lines;         /* per line: u32 size, then head, errors, u32 k,
                                   k × (u32 column, cell) */
    struct buf line;            /* the line being made */
    uint64_t nlines;
};

void out_csv_begin(struct out *o)
{
    o->csv = xcalloc(1, sizeof *o->csv);
    spool_init(&o->csv->lines, CSV_HOLD);
    summary_init(&o->csv->sum, o->rs, false);
}

void out_csv_add(struct out *o, const char *p, size_t len)
{
    struct out_csv *c = o->csv;
    (void)len;
    struct buf *line = &c->line;
    line->len = 0;
    put_u32(line, 0);           /* the line's size, set below */
    uint32_t n = get_u32(&p), l;
    const char *s = get_field(&p, &l);
    put_field(line, s, l);
    s = get_field(&p, &l);
    put_field(line, s, l);
    const char **paths = xmalloc((n + 1) * sizeof *paths);
    uint32_t *parents = xmalloc((n + 1) * sizeof *parents), *col = xmalloc((n + 1) * sizeof *col);
    const char **cells = xmalloc((n + 1) * sizeof *cells);
    uint32_t *cell_len = xmalloc((n + 1) * sizeof *cell_len), k = 0;
    for (uint32_t i = 0; i < n; i++) {
        parents[i] = get_u32(&p);
        paths[i] = get_field(&p, &l);
        cells[i] = get_field(&p, &cell_len[i]);
        k += cell_len[i] > 0;
    }
    bool *twin = xmalloc((n + 1) * sizeof *twin);
    summary_add(&c->sum, n, paths, parents, col, twin);
    for (uint32_t i = 0; i < n; i++)
        k -= twin[i] && cell_len[i];
    put_u32(line, k);
    for (uint32_t i = 0; i < n; i++) {
        if (cell_len[i] && !twin[i]) {
            put_u32(line, col[i]);
            put_field(line, cells[i], cell_len[i]);
        }
    }
    free(twin);
    free(cell_len);
    free(cells);
    free(col);
    free(parents);
    free(paths);
    uint32_t size = (uint32_t)(line->len - sizeof size);
    memcpy(line->data, &size, sizeof size);
    spool_add(&c->lines, line->data, line->len);
    c->nlines++;
}

/* The next kept line into `line`; its start, or NULL when it could not be read back. */
static const char *next_line(struct out_csv *c, struct buf *line)
{
    uint32_t size;
    if (spool_read(&c->lines, &size, sizeof size) != sizeof size || !spool_ok(&c->lines))
        return NULL;
    line->len = 0;
    buf_reserve(line, size);
    if (spool_read(&c->lines, line->data, size) != size || !spool_ok(&c->lines))
        return NULL;
    return line->data;
}

int out_csv_finish(struct out *o)
{
    struct out_csv *c = o->csv;
    struct summary *sum = &c->sum;
    uint32_t *order = xmalloc((sum->ncols + 1) * sizeof *order);
    uint32_t *pos = xmalloc((sum->ncols + 1) * sizeof *pos);
    const char **paths = xmalloc((sum->ncols + 1) * sizeof *paths);
    summary_order(sum, order);
    for (uint32_t i = 0; i < sum->ncols; i++) {
        pos[order[i]] = i;
        paths[i] = sum->cols[order[i]].path;
    }
    struct buf b = {0};
    header(&b, &o->opts, paths, sum->ncols);
    fwrite(b.data, 1, b.len, o->f);
    const char **cell = xcalloc(sum->ncols + 1, sizeof *cell);
    uint32_t *cell_len = xcalloc(sum->ncols + 1, sizeof *cell_len);
    int ok = 1;
    spool_rewind(&c->lines);
    for (uint64_t line = 0; line < c->nlines; line++) {
        const char *p = next_line(c, &c->line);
        if (!p) {               /* the temporary file could not be read back */
            ok = 0;
            break;
        }
        b.len = 0;
        uint32_t hl, el;
        const char *head = get_field(&p, &hl), *errors = get_field(&p, &el);
        buf_add(&b, head, hl);
        uint32_t k = get_u32(&p);
        for (uint32_t j = 0; j < k; j++) {
            uint32_t at = pos[get_u32(&p)];
            cell[at] = get_field(&p, &cell_len[at]);
        }
        for (uint32_t i = 0; i < sum->ncols; i++) {
            buf_addc(&b, ',');
            buf_add(&b, cell[i], cell_len[i]);
            cell_len[i] = 0;
        }
        buf_addc(&b, ',');
        buf_add(&b, errors, el);
        buf_adds(&b, EOL);
        fwrite(b.data, 1, b.len, o->f);
    }
    buf_free(&b);
    buf_free(&c->line);
    free(cell_len);
    free(cell);
    free(paths);
    free(pos);
    free(order);
    spool_free(&c->lines);
    summary_free(sum);
    free(c);
    o->csv = NULL;
    if (!ok)
        cli_error(M_HELD, "csv");
    return ok;
}

/* A line: id, score, grade, every indicator in preorder (the header's order), errors.  An error
 * result has no score or grade, and only the indicator scores its tree could compute.  With
 * from blocks: the record out_csv_add keeps. */
void out_csv_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    if (out_options()->detail) {
        csv_detail(b, rs, r);
        return;
    }
    if (rs->has_rows) {
        rows_record(b, rs, r);
        return;
    }
    add_head(b, rs, r);
    for (uint32_t i = 0; i < rs->nall; i++) {
        buf_addc(b, ',');
        if (r->tree)
            add_score(b, rs, eval_ind(r, rs->all[i]));
    }
    buf_addc(b, ',');
    if (r->nerrors)
        add_errors(b, rs, r);
    buf_adds(b, EOL);
}
