/* out_csv.c - results as CSV for Excel and LibreOffice (docs/language.md §9): BOM, header, rows. */
#include "out.h"

#include <string.h>

#include "num.h"
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

/* The errors cell: `path: message (at)` joined by "; ". */
static void add_errors(struct buf *b, const struct eval_result *r)
{
    struct buf t = {0};
    for (uint32_t i = 0; i < r->nerrors; i++) {
        const struct eval_error *e = &r->errors[i];
        if (i)
            buf_adds(&t, "; ");
        if (e->ind)
            buf_printf(&t, "%s: ", e->ind->path);
        buf_printf(&t, "%s (%s)", e->message, e->at_text);
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

void out_csv_header(struct buf *b, const struct ruleset *rs, const struct out_opts *opts)
{
    int zh = opts->lang == LANG_ZH;
    buf_adds(b, BOM);
    if (opts->detail) {
        for (size_t i = 0; i < sizeof head_detail / sizeof head_detail[0]; i++) {
            if (i)
                buf_addc(b, ',');
            buf_adds(b, head_detail[i][zh]);
        }
        buf_adds(b, EOL);
        return;
    }
    buf_printf(b, "%s,%s,%s", head_short[0][zh], head_short[1][zh], head_short[2][zh]);
    for (uint32_t i = 0; i < rs->nall; i++) {
        buf_addc(b, ',');
        add_text(b, rs->all[i]->path, strlen(rs->all[i]->path));
    }
    buf_printf(b, ",%s" EOL, head_short[3][zh]);
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
    add_text(b, t.data ? t.data : "", t.len);
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
    }
    if (!t.tree) {
        add_id(b, r);
        buf_adds(b, ",,,,,");
        add_lines(b, table_str(&t, t.errors));
        buf_adds(b, EOL);
    }
    table_free(&t);
}

/* A row: id, score, grade, every indicator in preorder (the header's order), errors.  An error
 * result has no score or grade, and only the indicator scores its tree could compute. */
void out_csv_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    if (out_options()->detail) {
        csv_detail(b, rs, r);
        return;
    }
    bool ok = r->nerrors == 0;
    add_id(b, r);
    buf_addc(b, ',');
    if (ok)
        add_num(b, r->score, rs->precision);
    buf_addc(b, ',');
    if (ok && r->grade)
        add_text(b, r->grade, strlen(r->grade));
    for (uint32_t i = 0; i < rs->nall; i++) {
        buf_addc(b, ',');
        if (r->tree)
            add_score(b, rs, eval_ind(r, rs->all[i]));
    }
    buf_addc(b, ',');
    if (!ok)
        add_errors(b, r);
    buf_adds(b, EOL);
}
