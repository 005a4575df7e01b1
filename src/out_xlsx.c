/* out_xlsx.c - results as an Excel workbook (libxlsxwriter): a 汇总 sheet, then each data
 * set's 自评表 in the table model's layout (table.h), ready to print on A4. */
#include "out.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "diag.h"
#include "num.h"
#include "strmap.h"
#include "summary.h"
#include "table.h"
#include "utf8.h"

#define FONT "宋体"             /* SimSun, the font of printed government tables */
#define SUMMARY "汇总"
#define SHEET_MAX 31            /* Excel's limit on a sheet name, in UTF-16 units */
#define CELL_MAX 32000          /* below Excel's 32767 characters a cell */
#define LINE_PT 15.0            /* the height of a line of 11-point CJK text */

/* libxlsxwriter keeps every cell of a workbook in memory until it is closed (about 100 bytes
 * a cell, its text shared), unless a sheet is made in its constant-memory mode, where each
 * row goes to a temporary file as soon as the next one begins and text is kept in the cell
 * (inline, not shared): the same workbook for Excel and LibreOffice, other bytes in the file.
 * A data set's sheet of more than SHEET_CELLS cells (a rule set far bigger than any printed
 * form) is made that way, so one big result is written as it is made and a workbook of
 * normal size is the same file as ever (docs/scale.md).  Not every sheet: the mode costs
 * 128 KB of zeroed memory and one open file a sheet, more than a small sheet's cells. */
#define SHEET_CELLS (1u << 13)     /* 800 leaves of three levels; a printed form has ~50 */
#define SPARE_FILES 64          /* open files left for everything else */
/* The 汇总 sheet has a row per data set and a cell per indicator: for a rule set of more than
 * SUMMARY_COLS indicators (without from blocks, whose columns are known before the first
 * data set) it is made row by row too, each data set's row as the data set comes. */
#define SUMMARY_COLS 1024

enum fmt_id {
    F_TITLE, F_HEAD, F_NAME, F_WEIGHT, F_SCORE, F_SCORE_DIFF, F_REASON, F_REASON_ERR, F_BLANK,
    F_LABEL, F_ERROR, F_SUM_TEXT, F_SUM_SCORE, F_COUNT
};

/* A score of the 汇总 sheet: its row, its indicator column's id (summary.h). */
struct sum_cell {
    uint32_t row, col;
    double score;
};

struct out_xlsx {
    char path[64];              /* the temporary file the workbook is written to */
    lxw_workbook *wb;
    lxw_worksheet *summary;
    lxw_format *fmt[F_COUNT];
    uint32_t summary_rows;
    struct summary cols;        /* the 汇总 sheet's indicator columns (with rows: the batch's) */
    struct sum_cell *cells;     /* its scores, written when the columns are known */
    uint32_t ncells, capcells;
    char **errors;              /* by summary row - 1: the errors cell */
    uint32_t nerrors, caperrors;
    struct strmap names;        /* sheet names in use, case-folded (keys owned here) */
    char **keys;
    uint32_t nkeys, keycap;
    uint64_t streamed;          /* sheets made in constant-memory mode (one open file each) */
    bool stream_summary;        /* the 汇总 sheet is made row by row */
    uint32_t *pos;              /* by column id: its place among the 汇总 sheet's indicators */
    uint64_t max_streamed;      /* what the limit of open files allows */
    bool failed;
};

static lxw_format *new_format(lxw_workbook *wb, bool border)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_font_name(f, FONT);
    format_set_font_size(f, 11);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (border)
        format_set_border(f, LXW_BORDER_THIN);
    return f;
}

static void summary_head(struct out_xlsx *x);

/* "0.00" for two decimals, "0" for none. */
static void score_format(lxw_format *f, int precision)
{
    char nf[32] = "0";
    if (precision > 0) {
        int p = precision > 15 ? 15 : precision;
        nf[1] = '.';
        memset(nf + 2, '0', (size_t)p);
        nf[2 + p] = '\0';
    }
    format_set_num_format(f, nf);
}

static void make_formats(struct out_xlsx *x, int precision)
{
    lxw_format **f = x->fmt;
    f[F_TITLE] = new_format(x->wb, false);
    format_set_bold(f[F_TITLE]);
    format_set_font_size(f[F_TITLE], 16);
    format_set_align(f[F_TITLE], LXW_ALIGN_CENTER);
    f[F_HEAD] = new_format(x->wb, true);
    format_set_bold(f[F_HEAD]);
    format_set_align(f[F_HEAD], LXW_ALIGN_CENTER);
    format_set_text_wrap(f[F_HEAD]);
    format_set_bg_color(f[F_HEAD], 0xD9E1F2);
    f[F_NAME] = new_format(x->wb, true);
    format_set_text_wrap(f[F_NAME]);
    f[F_WEIGHT] = new_format(x->wb, true);
    format_set_align(f[F_WEIGHT], LXW_ALIGN_CENTER);
    f[F_SCORE] = new_format(x->wb, true);
    format_set_align(f[F_SCORE], LXW_ALIGN_CENTER);
    score_format(f[F_SCORE], precision);
    f[F_SCORE_DIFF] = new_format(x->wb, true);
    format_set_align(f[F_SCORE_DIFF], LXW_ALIGN_CENTER);
    score_format(f[F_SCORE_DIFF], precision);
    format_set_bg_color(f[F_SCORE_DIFF], 0xFFE699);
    format_set_font_color(f[F_SCORE_DIFF], 0xC00000);
    format_set_bold(f[F_SCORE_DIFF]);
    f[F_REASON] = new_format(x->wb, true);
    format_set_text_wrap(f[F_REASON]);
    f[F_REASON_ERR] = new_format(x->wb, true);
    format_set_text_wrap(f[F_REASON_ERR]);
    format_set_font_color(f[F_REASON_ERR], 0xC00000);
    f[F_BLANK] = new_format(x->wb, true);
    f[F_LABEL] = new_format(x->wb, true);
    format_set_bold(f[F_LABEL]);
    format_set_align(f[F_LABEL], LXW_ALIGN_CENTER);
    f[F_ERROR] = new_format(x->wb, true);
    format_set_text_wrap(f[F_ERROR]);
    format_set_font_color(f[F_ERROR], 0xC00000);
    f[F_SUM_TEXT] = new_format(x->wb, true);
    format_set_text_wrap(f[F_SUM_TEXT]);
    f[F_SUM_SCORE] = new_format(x->wb, true);
    score_format(f[F_SUM_SCORE], precision);
}

/* --- cells --------------------------------------------------------------------------------- */

/* Text as a cell takes it: at most CELL_MAX bytes, cut at a character boundary. */
static void put_text(struct out_xlsx *x, lxw_worksheet *ws, uint32_t row, uint32_t col,
                     const char *s, lxw_format *f)
{
    size_t len = strlen(s);
    if (len <= CELL_MAX) {
        if (worksheet_write_string(ws, row, (lxw_col_t)col, s, f) != LXW_NO_ERROR)
            x->failed = true;
        return;
    }
    size_t cut = CELL_MAX;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    char *t = xstrndup(s, cut);
    put_text(x, ws, row, col, t, f);
    free(t);
}

/* A cell spanning rows [row, row + n) of one column: merged when n > 1. */
static void span(lxw_worksheet *ws, uint32_t row, uint32_t n, uint32_t col, lxw_format *f)
{
    if (n > 1)
        worksheet_merge_range(ws, row, (lxw_col_t)col, row + n - 1, (lxw_col_t)col, "", f);
}

/* "A1:A5"-style column letters. */
static void col_name(char *out, uint32_t col)
{
    char tmp[8];
    int n = 0;
    for (uint32_t c = col + 1; c > 0; c = (c - 1) / 26)
        tmp[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* =SUM over rows [first, last] (0-based) of a column, its cached value what jixiao scored. */
static void put_sum(lxw_worksheet *ws, uint32_t row, uint32_t col, uint32_t sum_col,
                    uint32_t first, uint32_t last, double value, lxw_format *f)
{
    char letters[8], formula[64];
    col_name(letters, sum_col);
    snprintf(formula, sizeof formula, "=SUM(%s%u:%s%u)", letters, first + 1, letters, last + 1);
    worksheet_write_formula_num(ws, row, (lxw_col_t)col, formula, f, value);
}

/* The sheet's body rows start here: the title, then the header row. */
enum { TITLE_ROW = 0, HEAD_ROW = 1, BODY_ROW = 2 };

/* The format of a cell that spans rows (a name, weight or score over its leaves' rows). */
static lxw_format *span_format(struct out_xlsx *x, const struct table_ind *ti, uint8_t kind)
{
    lxw_format **f = x->fmt;
    return kind == TC_NAME ? f[F_NAME] : kind == TC_WEIGHT ? f[F_WEIGHT]
         : ti->differs ? f[F_SCORE_DIFF] : f[F_SCORE];
}

/* The rows a cell of column c spans from row `row` on (1: it is not merged). */
static uint32_t cell_rows(const struct table *t, uint32_t i, uint32_t c)
{
    uint8_t kind = t->cols[c].kind;
    return kind == TC_NAME || kind == TC_WEIGHT || kind == TC_SCORE ? t->inds[i].nrows : 1;
}

/* A cell of a row.  A cell spanning rows is merged at its first row, with blanks below it;
 * in a sheet made row by row (`stream`), rows above the current one cannot be written, so
 * its blanks are written row by row and the range is merged after its last row's cells
 * (stream_merges). */
static void body_cell(struct out_xlsx *x, lxw_worksheet *ws, const struct table *t, uint32_t row,
                      uint32_t c, bool stream)
{
    bool first;
    uint32_t i = table_cell_ind(t, row, c, &first);
    uint32_t r = BODY_ROW + row;
    lxw_format **f = x->fmt;
    if (i == TABLE_NONE) {
        worksheet_write_blank(ws, r, (lxw_col_t)c, f[F_BLANK]);
        return;
    }
    const struct table_ind *ti = &t->inds[i];
    uint8_t kind = t->cols[c].kind;
    uint32_t n = cell_rows(t, i, c);
    if (stream && !first)
        worksheet_write_blank(ws, r, (lxw_col_t)c, span_format(x, ti, kind));
    if (!first)
        return;
    uint32_t merge = stream ? 1 : n;   /* streamed: merged at its last row */
    switch (kind) {
    case TC_NAME:
        span(ws, r, merge, c, f[F_NAME]);
        put_text(x, ws, r, c, table_str(t, ti->name), f[F_NAME]);
        break;
    case TC_WEIGHT:
        span(ws, r, merge, c, f[F_WEIGHT]);
        worksheet_write_number(ws, r, (lxw_col_t)c, ti->weight, f[F_WEIGHT]);
        break;
    case TC_SCORE: {
        lxw_format *sf = ti->differs ? f[F_SCORE_DIFF] : f[F_SCORE];
        span(ws, r, merge, c, sf);
        uint32_t kids = ti->nkids ? table_col_find(t, TC_SCORE, ti->level + 1) : TABLE_NONE;
        if (ti->left_out)
            put_text(x, ws, r, c, "不适用", sf);
        else if (!ti->has_score)
            worksheet_write_blank(ws, r, (lxw_col_t)c, sf);
        else if (ti->sum && kids != TABLE_NONE)
            put_sum(ws, r, c, kids, r, r + n - 1, ti->score, sf);
        else
            worksheet_write_number(ws, r, (lxw_col_t)c, ti->score, sf);
        break;
    }
    case TC_TARGET:
        put_text(x, ws, r, c, table_str(t, ti->target), f[F_NAME]);
        break;
    case TC_ACTUAL:
        put_text(x, ws, r, c, table_str(t, ti->actual), f[F_NAME]);
        break;
    case TC_SELF:
        if (ti->has_self)
            worksheet_write_number(ws, r, (lxw_col_t)c, ti->self,
                                   ti->differs ? f[F_SCORE_DIFF] : f[F_SCORE]);
        else
            worksheet_write_blank(ws, r, (lxw_col_t)c, f[F_BLANK]);
        break;
    case TC_DIFF:
        if (ti->differs)
            worksheet_write_number(ws, r, (lxw_col_t)c, ti->diff, f[F_SCORE_DIFF]);
        else
            worksheet_write_blank(ws, r, (lxw_col_t)c, f[F_BLANK]);
        break;
    case TC_REASON:
        put_text(x, ws, r, c, table_str(t, t->rows[row].reasons),
                 t->rows[row].error ? f[F_REASON_ERR] : f[F_REASON]);
        break;
    }
}

/* A sheet made row by row: the cells of the row that end a span are merged with the rows
 * above, once the row is the current one (merging writes blanks over the whole range, and
 * only the current row's are taken; before, the row above would still take them). */
static void stream_merges(struct out_xlsx *x, lxw_worksheet *ws, const struct table *t,
                          uint32_t row)
{
    for (uint32_t c = 0; c < t->ncols; c++) {
        bool first;
        uint32_t i = table_cell_ind(t, row, c, &first);
        if (i == TABLE_NONE)
            continue;
        uint32_t n = cell_rows(t, i, c), r0 = t->inds[i].row;
        if (n > 1 && row == r0 + n - 1)
            span(ws, BODY_ROW + r0, n, c, span_format(x, &t->inds[i], t->cols[c].kind));
    }
}

/* Blank bordered cells from column c0 to c1 (inclusive), merged. */
static void filler(lxw_worksheet *ws, uint32_t row, uint32_t c0, uint32_t c1, lxw_format *f)
{
    if (c0 > c1)
        return;
    if (c0 == c1)
        worksheet_write_blank(ws, row, (lxw_col_t)c0, f);
    else
        worksheet_merge_range(ws, row, (lxw_col_t)c0, row, (lxw_col_t)c1, "", f);
}

/* 总分 and 评价等级 below the body; returns the next free row. */
static uint32_t total_rows(struct out_xlsx *x, lxw_worksheet *ws, const struct table *t)
{
    lxw_format **f = x->fmt;
    uint32_t r = BODY_ROW + t->nrows, score = table_col_find(t, TC_SCORE, 0);
    uint32_t reason = t->ncols - 1, weight = table_col_find(t, TC_WEIGHT, 0);
    put_text(x, ws, r, 0, "总分", f[F_LABEL]);
    filler(ws, r, 1, weight - 1, f[F_BLANK]);   /* a project table's name/target columns */
    worksheet_write_number(ws, r, (lxw_col_t)weight, t->max, f[F_WEIGHT]);
    if (!t->has_score)
        worksheet_write_blank(ws, r, (lxw_col_t)score, f[F_SCORE]);
    else if (t->sum && t->nrows)
        put_sum(ws, r, score, score, BODY_ROW, BODY_ROW + t->nrows - 1, t->score, f[F_SCORE]);
    else
        worksheet_write_number(ws, r, (lxw_col_t)score, t->score, f[F_SCORE]);
    filler(ws, r, score + 1, reason - 1, f[F_BLANK]);
    put_text(x, ws, r, reason, table_str(t, t->total_reasons), f[F_REASON]);
    r++;
    if (t->has_score) {
        put_text(x, ws, r, 0, "评价等级", f[F_LABEL]);
        filler(ws, r, 1, weight, f[F_BLANK]);
        put_text(x, ws, r, score, table_str(t, t->grade), f[F_LABEL]);
        filler(ws, r, score + 1, reason - 1, f[F_BLANK]);
        put_text(x, ws, r, reason, table_str(t, t->grade_reason), f[F_REASON]);
        r++;
    }
    return r;
}

/* The errors of a result, one a row across the table, in red. */
static void error_rows(struct out_xlsx *x, lxw_worksheet *ws, const struct table *t, uint32_t r)
{
    struct buf line = {0};
    for (const char *s = NULL; table_error_line(t, &s, &line); line.len = 0) {
        filler(ws, r, 0, t->ncols - 1, x->fmt[F_ERROR]);
        put_text(x, ws, r, 0, buf_cstr(&line), x->fmt[F_ERROR]);
        worksheet_set_row(ws, r, LINE_PT * (1 + (double)(utf8_str_width(line.data, line.len) / 120)),
                          NULL);
        r++;
    }
    buf_free(&line);
}

/* --- widths and heights (Excel measures in characters of the default font; a CJK character
 * is about two) ------------------------------------------------------------------------------ */

static double col_width(const struct table *t, uint32_t c)
{
    switch (t->cols[c].kind) {
    case TC_NAME: {
        size_t w = 8;
        for (uint32_t i = 0; i < t->ninds; i++) {
            const char *s = table_str(t, t->inds[i].name);
            size_t sw = utf8_str_width(s, strlen(s));
            if (t->inds[i].level == t->cols[c].level && sw > w)
                w = sw;
        }
        return w > 28 ? 28 : (double)w + 1;
    }
    case TC_TARGET:
    case TC_ACTUAL:
        return 14;
    case TC_REASON:
        return 56;
    default:
        return 8;
    }
}

/* Lines a text needs in a column of width w. */
static double text_lines(const char *s, double w)
{
    double lines = 0;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        double lw = (double)utf8_str_width(s, len);
        lines += lw <= w - 1 ? 1 : (double)(long)(lw / (w - 1)) + 1;
        s += len + (e != NULL);
    }
    return lines;
}

/* A row's height: its tallest cell; a merged name shares its lines over its rows. */
static void row_height(lxw_worksheet *ws, const struct table *t, const double *w, uint32_t row)
{
    double lines = 1;
    for (uint32_t c = 0; c < t->ncols; c++) {
        bool first;
        uint32_t i = table_cell_ind(t, row, c, &first);
        if (i == TABLE_NONE)
            continue;
        double l = 0;
        uint8_t kind = t->cols[c].kind;
        if (kind == TC_NAME)
            l = text_lines(table_str(t, t->inds[i].name), w[c]) / t->inds[i].nrows;
        else if (kind == TC_REASON)
            l = text_lines(table_str(t, t->rows[row].reasons), w[c]);
        else if (kind == TC_TARGET || kind == TC_ACTUAL)
            l = text_lines(table_str(t, kind == TC_TARGET ? t->inds[i].target
                                                           : t->inds[i].actual), w[c]);
        if (l > lines)
            lines = l;
    }
    worksheet_set_row(ws, BODY_ROW + row, LINE_PT * lines + 3, NULL);
}

/* --- sheet names --------------------------------------------------------------------------- */

/* A valid, unique sheet name from the id: the characters Excel refuses ([]:*?/\) become their
 * full-width twins, at most 31 UTF-16 units, no apostrophe at either end; a taken name gets
 * (2), (3)...  Names are compared without ASCII case, as Excel does. */
static void sheet_name(struct out_xlsx *x, const char *id, uint64_t n, char *out, size_t cap)
{
    static const char *const twins[][2] = {
        {"[", "［"}, {"]", "］"}, {":", "："}, {"*", "＊"}, {"?", "？"}, {"/", "／"}, {"\\", "＼"},
    };
    struct buf b = {0};
    for (const char *s = id; *s; s++) {
        const char *twin = NULL;
        for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++)
            if (*s == twins[i][0][0])
                twin = twins[i][1];
        if (twin)
            buf_adds(&b, twin);
        else
            buf_addc(&b, *s);
    }
    const char *s = buf_cstr(&b);
    while (*s == '\'' || *s == ' ')
        s++;
    for (int attempt = 1;; attempt++) {
        char suffix[32] = "";
        if (attempt > 1)
            snprintf(suffix, sizeof suffix, "(%d)", attempt);
        size_t units = strlen(suffix), i = 0, o = 0;
        while (s[i] && o + 8 < cap) {
            uint32_t cp;
            int len = utf8_decode(s + i, strlen(s + i), &cp);
            size_t u = cp > 0xFFFF ? 2 : 1;
            if (len <= 0 || units + u > SHEET_MAX)
                break;
            memcpy(out + o, s + i, (size_t)len);
            o += (size_t)len;
            i += (size_t)len;
            units += u;
        }
        while (o > 0 && (out[o - 1] == '\'' || out[o - 1] == ' '))
            o--;
        if (o == 0)
            o = (size_t)snprintf(out, cap - 8, "数据集%llu", (unsigned long long)n);
        snprintf(out + o, cap - o, "%s", suffix);
        char *key = xstrndup(out, strlen(out));
        for (char *k = key; *k; k++)
            if (*k >= 'A' && *k <= 'Z')
                *k = (char)(*k - 'A' + 'a');
        if (!strmap_get(&x->names, key) && strcmp(key, "history") != 0) {
            strmap_put(&x->names, key, key);
            VEC_PUSH(x->keys, x->nkeys, x->keycap, key);
            break;
        }
        free(key);
    }
    buf_free(&b);
}

/* --- the workbook -------------------------------------------------------------------------- */

static void print_setup(lxw_worksheet *ws, uint32_t repeat_row, bool fit)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);                 /* A4 */
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
    worksheet_repeat_rows(ws, repeat_row, repeat_row);
    if (fit)
        worksheet_fit_to_pages(ws, 1, 0);       /* one page wide, as many pages tall */
    worksheet_center_horizontally(ws);
    worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
}

void out_xlsx_begin(struct out *o)
{
    struct out_xlsx *x = o->xlsx = xcalloc(1, sizeof *x);
    const char *dir = getenv("TMPDIR");
    snprintf(x->path, sizeof x->path, "%s/jixiao-xlsx-XXXXXX",
             dir && *dir && strlen(dir) < 40 ? dir : "/tmp");
    int fd = mkstemp(x->path);
    if (fd < 0) {
        x->failed = true;
        return;
    }
    close(fd);
    x->wb = workbook_new(x->path);
    if (!x->wb) {
        x->failed = true;
        return;
    }
    struct rlimit nofile;
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY)
        x->max_streamed = nofile.rlim_cur > SPARE_FILES ? nofile.rlim_cur - SPARE_FILES : 0;
    else
        x->max_streamed = UINT64_MAX;
    make_formats(x, o->rs->precision);
    x->stream_summary = !o->rs->has_rows && o->rs->nall > SUMMARY_COLS;
    x->wb->options.constant_memory = x->stream_summary;
    x->summary = workbook_add_worksheet(x->wb, SUMMARY);
    x->wb->options.constant_memory = LXW_FALSE;
    if (!x->summary && x->stream_summary) {     /* no temporary file: in memory after all */
        x->stream_summary = false;
        x->summary = workbook_add_worksheet(x->wb, SUMMARY);
    }
    char *key = xstrndup(SUMMARY, strlen(SUMMARY));
    strmap_put(&x->names, key, key);
    VEC_PUSH(x->keys, x->nkeys, x->keycap, key);
    summary_init(&x->cols, o->rs, true);
    if (x->stream_summary)
        summary_head(x);
}

/* The 汇总 sheet's indicator columns: all of them, or as many as fit beside 标识, 总分, 等级
 * and 错误 in Excel's 16,384 columns (the CSV has them all). */
static uint32_t summary_shown(const struct out_xlsx *x)
{
    return x->cols.ncols < LXW_COL_MAX - 4 ? x->cols.ncols : LXW_COL_MAX - 4;
}

/* The 汇总 sheet's header and widths: 标识, 总分, 等级, every indicator by its path (with
 * rows: the batch's, summary.h), 错误; x->pos gets each column's place. */
static void summary_head(struct out_xlsx *x)
{
    lxw_worksheet *ws = x->summary;
    lxw_format *h = x->fmt[F_HEAD];
    uint32_t n = summary_shown(x), err = 3 + n;
    uint32_t *order = xmalloc((x->cols.ncols + 1) * sizeof *order);
    x->pos = xmalloc((x->cols.ncols + 1) * sizeof *x->pos);
    summary_order(&x->cols, order);
    put_text(x, ws, 0, 0, "标识", h);
    put_text(x, ws, 0, 1, "总分", h);
    put_text(x, ws, 0, 2, "等级", h);
    double lines = 2;
    for (uint32_t i = 0; i < x->cols.ncols; i++) {
        const char *path = x->cols.cols[order[i]].path;
        x->pos[order[i]] = i;
        if (i >= n)
            continue;
        put_text(x, ws, 0, 3 + i, path, h);
        if (text_lines(path, 12) > lines)
            lines = text_lines(path, 12);
    }
    put_text(x, ws, 0, err, "错误", h);
    worksheet_set_row(ws, 0, LINE_PT * lines + 3, NULL);
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 2, 8, NULL);
    if (n)
        worksheet_set_column(ws, 3, (lxw_col_t)(2 + n), 12, NULL);
    worksheet_set_column(ws, (lxw_col_t)err, (lxw_col_t)err, 60, NULL);
    free(order);
}

/* Row r's indicator cells, blank (bordered) until a score is written over one, and its
 * errors cell. */
static void summary_cells(struct out_xlsx *x, uint32_t r, const char *errors)
{
    lxw_worksheet *ws = x->summary;
    uint32_t n = summary_shown(x), err = 3 + n;
    for (uint32_t i = 0; i < n; i++)
        worksheet_write_blank(ws, r, (lxw_col_t)(3 + i), x->fmt[F_SUM_SCORE]);
    put_text(x, ws, r, err, errors, x->fmt[F_SUM_TEXT]);
    if (text_lines(errors, 60) > 1)
        worksheet_set_row(ws, r, LINE_PT * text_lines(errors, 60) + 3, NULL);
}

/* The 汇总 sheet once every data set is in: its header and rows (unless made row by row),
 * then its frozen header, filters and print set-up. */
static void summary_finish(struct out_xlsx *x)
{
    lxw_worksheet *ws = x->summary;
    uint32_t n = summary_shown(x), err = 3 + n;
    if (!x->stream_summary) {
        summary_head(x);
        for (uint32_t r = 1; r <= x->summary_rows; r++)
            summary_cells(x, r, x->errors[r - 1]);
        for (uint32_t k = 0; k < x->ncells; k++) {
            const struct sum_cell *c = &x->cells[k];
            if (x->pos[c->col] < n)
                worksheet_write_number(ws, c->row, (lxw_col_t)(3 + x->pos[c->col]), c->score,
                                       x->fmt[F_SUM_SCORE]);
        }
    }
    worksheet_freeze_panes(ws, 1, 1);
    print_setup(ws, 0, n <= 12);
    if (n > 12) {         /* too wide for one page: pages across, 标识 on each */
        worksheet_repeat_columns(ws, 0, 0);
        worksheet_print_across(ws);
    }
    if (x->summary_rows)
        worksheet_autofilter(ws, 0, 0, x->summary_rows, (lxw_col_t)err);
}

/* A data set's row of the 汇总 sheet: 标识, 总分, 等级 now; its indicators' scores and its
 * errors too when the sheet is made row by row, else they are kept for summary_finish (the
 * columns may grow with later data sets' rows). */
static void summary_row(struct out_xlsx *x, const struct table *t)
{
    lxw_worksheet *ws = x->summary;
    lxw_format **f = x->fmt;
    uint32_t r = ++x->summary_rows;
    put_text(x, ws, r, 0, table_str(t, t->id), f[F_SUM_TEXT]);
    if (t->has_score)
        worksheet_write_number(ws, r, 1, t->score, f[F_SUM_SCORE]);
    else
        worksheet_write_blank(ws, r, 1, f[F_SUM_SCORE]);
    put_text(x, ws, r, 2, table_str(t, t->grade), f[F_SUM_TEXT]);
    const char **paths = xmalloc((t->ninds + 1) * sizeof *paths);
    uint32_t *parents = xmalloc((t->ninds + 1) * sizeof *parents);
    uint32_t *col = xmalloc((t->ninds + 1) * sizeof *col);
    for (uint32_t i = 0; i < t->ninds; i++) {
        paths[i] = table_str(t, t->inds[i].path);
        parents[i] = t->inds[i].parent;     /* TABLE_NONE is SUMMARY_TOP */
    }
    bool *twin = xmalloc((t->ninds + 1) * sizeof *twin);
    summary_add(&x->cols, t->ninds, paths, parents, col, twin);
    struct buf e = {0};
    table_errors_cell(t, &e);     /* as the CSV joins them */
    if (x->stream_summary)
        summary_cells(x, r, buf_cstr(&e));
    for (uint32_t i = 0; i < t->ninds; i++) {
        if (!t->inds[i].has_score || twin[i] ||
            (x->stream_summary && x->pos[col[i]] >= summary_shown(x)))
            continue;
        if (x->stream_summary)
            worksheet_write_number(ws, r, (lxw_col_t)(3 + x->pos[col[i]]), t->inds[i].score,
                                   f[F_SUM_SCORE]);
        else
            VEC_PUSH(x->cells, x->ncells, x->capcells,
                     ((struct sum_cell){r, col[i], t->inds[i].score}));
    }
    if (!x->stream_summary)
        VEC_PUSH(x->errors, x->nerrors, x->caperrors, xstrndup(buf_cstr(&e), e.len));
    buf_free(&e);
    free(twin);
    free(col);
    free(parents);
    free(paths);
}

void out_xlsx_add(struct out *o, const struct table *t)
{
    struct out_xlsx *x = o->xlsx;
    if (x->failed)
        return;
    summary_row(x, t);
    char name[256];
    sheet_name(x, table_str(t, t->id), o->count, name, sizeof name);
    uint64_t cells = ((uint64_t)t->nrows + 4) * t->ncols;
    bool stream = cells > SHEET_CELLS && x->streamed < x->max_streamed;
    x->wb->options.constant_memory = stream;    /* read when the sheet is added */
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    x->wb->options.constant_memory = LXW_FALSE;
    if (!ws && stream) {        /* no temporary file for it: kept in memory after all */
        stream = false;
        ws = workbook_add_worksheet(x->wb, name);
    }
    if (stream)
        x->streamed++;
    if (!ws) {
        x->failed = true;
        return;
    }
    lxw_format **f = x->fmt;
    double *w = xcalloc(t->ncols, sizeof *w);
    for (uint32_t c = 0; c < t->ncols; c++) {
        w[c] = col_width(t, c);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL);
    }
    worksheet_merge_range(ws, TITLE_ROW, 0, TITLE_ROW, (lxw_col_t)(t->ncols - 1), "", f[F_TITLE]);
    put_text(x, ws, TITLE_ROW, 0, table_str(t, t->title), f[F_TITLE]);
    worksheet_set_row(ws, TITLE_ROW, 30, NULL);
    uint32_t r = HEAD_ROW;
    if (t->tree) {
        struct buf h = {0};
        for (uint32_t c = 0; c < t->ncols; c++) {
            h.len = 0;
            table_col_title(t, c, &h);
            put_text(x, ws, HEAD_ROW, c, buf_cstr(&h), f[F_HEAD]);
        }
        buf_free(&h);
        worksheet_set_row(ws, HEAD_ROW, 2 * LINE_PT, NULL);
        for (uint32_t row = 0; row < t->nrows; row++) {     /* row by row, for `stream` */
            for (uint32_t c = 0; c < t->ncols; c++)
                body_cell(x, ws, t, row, c, stream);
            if (stream)
                stream_merges(x, ws, t, row);
            row_height(ws, t, w, row);
        }
        r = total_rows(x, ws, t);
    }
    error_rows(x, ws, t, r);
    free(w);
    print_setup(ws, HEAD_ROW, true);
}

/* Copies the finished workbook into the output (a file beside -o, or a pipe). */
static int copy_out(const char *path, FILE *to)
{
    FILE *from = fopen(path, "rb");
    if (!from)
        return 0;
    unlink(path);   /* gone even if a write error ends jixiao during the copy */
    char block[65536];
    size_t n;
    while ((n = fread(block, 1, sizeof block, from)) > 0)
        fwrite(block, 1, n, to);
    int ok = !ferror(from) && !ferror(to);
    fclose(from);
    return ok;
}

int out_xlsx_finish(struct out *o)
{
    struct out_xlsx *x = o->xlsx;
    int ok = !x->failed;
    if (x->wb) {
        if (x->summary)
            summary_finish(x);
        lxw_error err = workbook_close(x->wb);
        if (err != LXW_NO_ERROR) {
            cli_error(M_XLSX_LIB, lxw_strerror(err));
            ok = 0;
        }
    } else {
        cli_error(M_XLSX_TMP, x->path, msg_errno(cli_lang(), errno));
    }
    if (ok && !copy_out(x->path, o->f)) {
        cli_error(M_XLSX_COPY, msg_errno(cli_lang(), errno));
        ok = 0;
    } else if (!ok && !x->wb) {
        ok = 0;
    } else if (!ok) {
        cli_error(M_XLSX_FAILED);
    }
    if (x->path[0])
        unlink(x->path);
    for (uint32_t i = 0; i < x->nerrors; i++)
        free(x->errors[i]);
    free(x->errors);
    free(x->cells);
    free(x->pos);
    summary_free(&x->cols);
    for (uint32_t i = 0; i < x->nkeys; i++)
        free(x->keys[i]);
    free(x->keys);
    strmap_free(&x->names);
    free(x);
    o->xlsx = NULL;
    return ok;
}
