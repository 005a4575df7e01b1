/* out_table.c - the self-evaluation table for a terminal (docs/language.md §9): the table model
 * (table.h) printed as aligned text, long cells wrapped to fit the width. */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "utf8.h"

/* Plain ASCII rules: '|' between columns, '-' for separator lines. */
#define COL_SEP " | "
#define RULE_SEP "-|-"
#define MIN_REASON 20       /* the reason column is not squeezed below this */
#define MIN_NAME 8          /* nor a name column */
#define MAX_WORD 24         /* nor below a name's Latin word or number, up to this width */

/* The grid: one row of the table at a time, its cells' text (lines separated by '\n') in
 * one pool.  The table is printed in two passes over its rows, the first for the column
 * widths, the second for the lines, so that a big table is never held whole, neither as
 * cells nor as text: each row's lines may be written out as soon as they are made
 * (out_spill, docs/scale.md). */
struct cell {
    size_t off, len;
};

struct grid {
    const struct table *t;
    uint32_t ncols;
    struct buf pool;
    struct cell *cells;     /* the row's ncols cells */
    bool rule;              /* the row is a separator line */
    bool *right;            /* by column: numbers, right-aligned */
    bool *names;            /* by column: indicator names, wrapped between words (name_lines) */
};

/* Sets a cell of the row (cells are set once, so each is the pool's newest text). */
static void cell_set(struct grid *g, uint32_t col, const char *s, size_t len)
{
    struct cell *c = &g->cells[col];
    c->off = g->pool.len;
    buf_add(&g->pool, s, len);
    c->len = len;
}

/* Text from rules or data for a terminal, line by line: escaped (utf8_escape_term), so no
 * control or bidi character reaches the screen; the model's '\n' between lines is kept. */
static void add_term(struct buf *b, const char *s)
{
    for (const char *e; *s; s = e ? e + 1 : s + strlen(s)) {
        e = strchr(s, '\n');
        utf8_escape_term(b, s, e ? (size_t)(e - s) : strlen(s));
        if (e)
            buf_addc(b, '\n');
    }
}

static void cell_str(struct grid *g, uint32_t col, const char *s)
{
    struct buf b = {0};
    add_term(&b, s);
    cell_set(g, col, buf_data(&b), b.len);
    buf_free(&b);
}

static void cell_num(struct grid *g, uint32_t col, double x, int maxdec)
{
    struct buf b = {0};
    table_num(&b, x, maxdec);
    cell_set(g, col, b.data, b.len);
    buf_free(&b);
}

/* The cell of column c on table row `row`, from the model. */
static void body_cell(struct grid *g, const struct table *t, uint32_t row, uint32_t c)
{
    bool first;
    uint32_t i = table_cell_ind(t, row, c, &first);
    if (i == TABLE_NONE || !first)
        return;
    const struct table_ind *ti = &t->inds[i];
    switch (t->cols[c].kind) {
    case TC_NAME:
        cell_str(g, c, table_str(t, ti->name));
        break;
    case TC_WEIGHT:
        cell_num(g, c, ti->weight, -1);
        break;
    case TC_SCORE:
        if (ti->left_out)
            cell_str(g, c, "不适用");
        else if (ti->has_score)
            cell_num(g, c, ti->score, t->precision);
        break;
    case TC_TARGET:
        cell_str(g, c, table_str(t, ti->target));
        break;
    case TC_ACTUAL:
        cell_str(g, c, table_str(t, ti->actual));
        break;
    case TC_SELF:
        if (ti->has_self)
            cell_num(g, c, ti->self, -1);
        break;
    case TC_DIFF:
        if (ti->differs)
            cell_num(g, c, ti->diff, t->precision);
        break;
    case TC_REASON:
        cell_str(g, c, table_str(t, t->rows[row].reasons));
        break;
    }
}

/* The rows of the table: the header, a rule, one row per leaf, a rule, 总分 (max, total, the
 * total's reasons) and 评价等级 in the first level's columns. */
static size_t grid_rows(const struct table *t)
{
    return 2 + (size_t)t->nrows + 2 + (t->grade != 0);
}

static void grid_open(struct grid *g, const struct table *t)
{
    g->t = t;
    g->ncols = t->ncols;
    g->cells = xcalloc(t->ncols, sizeof *g->cells);
    g->right = xcalloc(t->ncols, sizeof *g->right);
    g->names = xcalloc(t->ncols, sizeof *g->names);
    for (uint32_t c = 0; c < t->ncols; c++) {
        uint8_t k = t->cols[c].kind;
        g->right[c] = k == TC_WEIGHT || k == TC_SCORE || k == TC_SELF || k == TC_DIFF;
        g->names[c] = k == TC_NAME;
    }
}

static void grid_close(struct grid *g)
{
    buf_free(&g->pool);
    free(g->cells);
    free(g->right);
    free(g->names);
}

/* Makes row k of the table (0 <= k < grid_rows) the grid's row. */
static void grid_row(struct grid *g, size_t k)
{
    const struct table *t = g->t;
    size_t body = 2, total = body + t->nrows + 1;
    g->pool.len = 0;
    memset(g->cells, 0, g->ncols * sizeof *g->cells);
    g->rule = k == body - 1 || k == total - 1;
    if (k == 0) {
        struct buf h = {0};
        for (uint32_t c = 0; c < t->ncols; c++) {
            h.len = 0;
            table_col_title(t, c, &h);
            cell_set(g, c, h.data, h.len);
        }
        buf_free(&h);
    } else if (k >= body && k < body + t->nrows) {
        for (uint32_t c = 0; c < t->ncols; c++)
            body_cell(g, t, (uint32_t)(k - body), c);
    } else if (k >= total) {
        uint32_t name = table_col_find(t, TC_NAME, 0), weight = table_col_find(t, TC_WEIGHT, 0);
        uint32_t score = table_col_find(t, TC_SCORE, 0), reason = table_col_find(t, TC_REASON, 0);
        if (k == total) {
            cell_str(g, name, "总分");
            cell_num(g, weight, t->max, -1);
            if (t->has_score)
                cell_num(g, score, t->score, t->precision);
            cell_str(g, reason, table_str(t, t->total_reasons));
        } else {
            cell_str(g, name, "评价等级");
            cell_str(g, score, table_str(t, t->grade));
            cell_str(g, reason, table_str(t, t->grade_reason));
        }
    }
}

/* --- widths and wrapping ------------------------------------------------------------------- */

/* The widest line of a cell. */
static size_t cell_width(const struct grid *g, const struct cell *c)
{
    size_t w = 0;
    const char *s = buf_data(&g->pool) + c->off, *end = s + c->len;
    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        size_t lw = utf8_str_width(s, (size_t)((e ? e : end) - s));
        if (lw > w)
            w = lw;
        s = e ? e + 1 : end;
    }
    return w;
}

static size_t total_width(const size_t *w, uint32_t n)
{
    size_t sum = 3 * (n - 1);
    for (uint32_t c = 0; c < n; c++)
        sum += w[c];
    return sum;
}

/* The widest Latin word or number of a name (a run of ASCII letters, digits and punctuation:
 * PM2.5, ISO9001, execution), which its column is not squeezed below, so that no name is cut
 * inside one; at most MAX_WORD (a longer one is cut anyway). */
static size_t widest_word(const struct grid *g, const struct cell *c)
{
    const char *s = buf_data(&g->pool) + c->off;
    size_t best = 0, run = 0;
    for (size_t i = 0; i < c->len; i++) {
        unsigned char ch = (unsigned char)s[i];
        run = ch > ' ' && ch < 0x7F ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best < MAX_WORD ? best : MAX_WORD;
}

/* Natural widths (the first pass over the rows), then squeezed to fit `width`: the widest
 * text column (names, reasons) loses a column at a time, the reason column down to MIN_REASON,
 * others down to MIN_NAME, their header's width or their widest word; numbers are never
 * squeezed. */
static size_t *column_widths(struct grid *g, size_t width)
{
    size_t *w = xcalloc(g->ncols, sizeof *w), *min = xcalloc(g->ncols, sizeof *min);
    for (uint32_t c = 0; c < g->ncols; c++)
        min[c] = c == g->ncols - 1 ? MIN_REASON : MIN_NAME;
    for (size_t row = 0, n = grid_rows(g->t); row < n; row++) {
        grid_row(g, row);
        for (uint32_t c = 0; c < g->ncols && !g->rule; c++) {
            size_t cw = cell_width(g, &g->cells[c]);
            size_t keep = row == 0 && c < g->ncols - 1 ? cw      /* a header is not wrapped */
                        : g->names[c] ? widest_word(g, &g->cells[c]) : 0;
            if (cw > w[c])
                w[c] = cw;
            if (keep > min[c])
                min[c] = keep;
        }
    }
    for (size_t total = total_width(w, g->ncols); total > width; total--) {
        uint32_t widest = g->ncols;
        for (uint32_t c = 0; c < g->ncols; c++) {
            if (!g->right[c] && w[c] > min[c] && (widest == g->ncols || w[c] > w[widest]))
                widest = c;
        }
        if (widest == g->ncols)
            break;
        w[widest]--;
    }
    free(min);
    return w;
}

/* Closing punctuation does not start a line (the character before it goes along). */
static bool no_line_start(uint32_t cp)
{
    static const uint32_t closing[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF09, 0x300D,
                                       0x300F, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0x3011, 0x300B,
                                       ',', '.', ';', ':', ')', '%', '!', '?'};
    for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
        if (cp == closing[i])
            return true;
    return false;
}

/* Opening punctuation does not end a line (it goes along with the character after it). */
static bool no_line_end(uint32_t cp)
{
    static const uint32_t opening[] = {0x201C, 0x2018, 0xFF08, 0x300C, 0x300E, 0x3010, 0x300A,
                                       '(', '['};
    for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++)
        if (cp == opening[i])
            return true;
    return false;
}

/* The end of the next piece of s[0..len) that fits in `width` columns: at a line break, else
 * before the character that would overflow (at a space when a Latin word would be cut). */
static size_t piece_end(const char *s, size_t len, size_t width, size_t *next)
{
    size_t i = 0, w = 0, brk = 0, prev = 0;
    uint32_t prev_cp = 0;
    bool in_word = false;       /* the previous character is part of a Latin word or number */
    while (i < len && s[i] != '\n') {
        uint32_t cp;
        int n = utf8_decode(s + i, len - i, &cp);
        int cw = n ? utf8_width(cp) : 1;
        if (n == 0) {
            n = 1;
            cp = 0xFFFD;
        }
        /* Latin words and numbers: ASCII, closing punctuation only inside one (99.74%) */
        bool word = cp > ' ' && cp < 0x7F && (in_word || !no_line_start(cp));
        if (w + (size_t)cw > width && i > 0) {
            if (word && in_word && brk > 0) {
                *next = brk;            /* the word moves to the next line */
                return s[brk - 1] == ' ' ? brk - 1 : brk;
            }
            if ((no_line_start(cp) || no_line_end(prev_cp)) && prev > 0) {
                *next = s[prev] == ' ' ? prev + 1 : prev;   /* after a space: nothing to keep
                                                               with, and no line starts blank */
                return prev;
            }
            *next = cp == ' ' ? i + 1 : i;
            return i;
        }
        if (!(word && in_word))
            brk = i;
        if (cp == ' ')
            brk = i + 1;
        in_word = word;
        prev = i;
        prev_cp = cp;
        w += (size_t)cw;
        i += (size_t)n;
    }
    *next = i < len ? i + 1 : i;
    return i;
}

/* The cell's text broken into lines of at most `width` columns: offsets into pool. */
struct piece {
    const char *s;
    size_t len;
};

static size_t wrap(const char *s, size_t len, size_t width, struct piece **out, size_t *cap)
{
    size_t n = 0, pos = 0;
    while (pos < len || n == 0) {
        size_t next, end = piece_end(s + pos, len - pos, width, &next);
        if (n == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *out = xrealloc(*out, *cap * sizeof **out);
        }
        (*out)[n++] = (struct piece){s + pos, end};
        if (pos + next >= len)
            break;
        pos += next;
    }
    return n;
}

/* A name of Chinese characters only (every one two columns wide), s[0..len), broken into the
 * fewest lines of at most `width` columns at the points a reader expects: indicator names are
 * mostly two-character words (部门整体/绩效目标/产出指标/完成情况, 带动就业/人数), so a line of
 * an odd number of characters costs 1; 率 性 度 end a word (执行率, 合规性, 满意度): a line
 * starting with one costs 2; a line of one character costs 3.  The cheapest breaks win, the
 * later one on a tie.  Returns the number of lines (0: not such a name, wrap it as text). */
static size_t name_lines(const char *s, size_t len, size_t width, struct piece **out, size_t *cap)
{
    enum { MAXC = 64 };
    size_t off[MAXC + 1], n = 0;
    uint32_t cp[MAXC];
    for (size_t i = 0; i < len; n++) {
        int k = n < MAXC ? utf8_decode(s + i, len - i, &cp[n]) : 0;
        if (k == 0 || utf8_width(cp[n]) != 2)
            return 0;
        off[n] = i;
        i += (size_t)k;
    }
    off[n] = len;
    size_t m = width / 2, lines = m ? (n + m - 1) / m : 0;
    if (lines < 2 || lines > MAXC)
        return 0;
    /* cost[k][i]: the cheapest k lines holding the first i characters; from[k][i] its break */
    static const uint32_t ends_word[] = {0x7387, 0x6027, 0x5EA6};    /* 率 性 度 */
    unsigned cost[MAXC + 1][MAXC + 1];
    uint8_t from[MAXC + 1][MAXC + 1];
    for (size_t k = 0; k <= lines; k++)
        for (size_t i = 0; i <= n; i++)
            cost[k][i] = UINT32_MAX / 2;
    cost[0][0] = 0;
    for (size_t k = 1; k <= lines; k++)
        for (size_t i = 1; i <= n; i++)
            for (size_t j = i > m ? i - m : 0; j < i; j++) {
                size_t l = i - j;
                unsigned c = cost[k - 1][j] + (l == 1 ? 3 : 0) + (i < n && l % 2 ? 1 : 0);
                for (size_t e = 0; j > 0 && e < sizeof ends_word / sizeof *ends_word; e++)
                    c += cp[j] == ends_word[e] ? 2 : 0;
                if (c <= cost[k][i]) {
                    cost[k][i] = c;
                    from[k][i] = (uint8_t)j;
                }
            }
    if (*cap < lines) {
        *cap = lines;
        *out = xrealloc(*out, lines * sizeof **out);
    }
    for (size_t k = lines, i = n; k > 0; i = from[k][i], k--)
        (*out)[k - 1] = (struct piece){s + off[from[k][i]], off[i] - off[from[k][i]]};
    return lines;
}

static void add_spaces(struct buf *b, size_t n)
{
    while (n--)
        buf_addc(b, ' ');
}

static void print_rule(struct buf *b, const struct grid *g, const size_t *w)
{
    for (uint32_t c = 0; c < g->ncols; c++) {
        if (c)
            buf_adds(b, RULE_SEP);
        for (size_t i = 0; i < w[c]; i++)
            buf_addc(b, '-');
    }
    buf_addc(b, '\n');
}

/* The grid's row: as many lines as its tallest cell; cells padded by display width; empty
 * cells at the end of a line are left out with their separators, no line ends in spaces. */
static void print_cells(struct buf *b, const struct grid *g, const size_t *w)
{
    const struct cell *cells = g->cells;
    struct piece **lines = xcalloc(g->ncols, sizeof *lines);
    size_t *nlines = xcalloc(g->ncols, sizeof *nlines), *caps = xcalloc(g->ncols, sizeof *caps);
    size_t height = 1;
    for (uint32_t c = 0; c < g->ncols; c++) {
        const char *text = buf_data(&g->pool) + cells[c].off;
        size_t len = cells[c].len;
        nlines[c] = g->names[c] && utf8_str_width(text, len) > w[c]
                    ? name_lines(text, len, w[c], &lines[c], &caps[c]) : 0;
        if (!nlines[c])
            nlines[c] = wrap(text, len, w[c], &lines[c], &caps[c]);
        if (nlines[c] > height)
            height = nlines[c];
    }
    for (size_t l = 0; l < height; l++) {
        uint32_t n = g->ncols;
        while (n > 0 && (l >= nlines[n - 1] || lines[n - 1][l].len == 0))
            n--;
        for (uint32_t c = 0; c < n; c++) {
            struct piece p = l < nlines[c] ? lines[c][l] : (struct piece){"", 0};
            size_t pw = utf8_str_width(p.s, p.len), pad = w[c] > pw ? w[c] - pw : 0;
            if (c)
                buf_adds(b, COL_SEP);
            if (g->right[c])
                add_spaces(b, pad);
            buf_add(b, p.s, p.len);
            if (!g->right[c])
                add_spaces(b, pad);
        }
        while (b->len && b->data[b->len - 1] == ' ')
            b->len--;
        buf_addc(b, '\n');
    }
    for (uint32_t c = 0; c < g->ncols; c++)
        free(lines[c]);
    free(lines);
    free(nlines);
    free(caps);
}

/* The second pass: each row printed, and written out when b has grown big (out_spill). */
static void print_grid(struct buf *b, struct grid *g, size_t width)
{
    size_t *w = column_widths(g, width);
    for (size_t row = 0, n = grid_rows(g->t); row < n; row++) {
        grid_row(g, row);
        if (g->rule)
            print_rule(b, g, w);
        else
            print_cells(b, g, w);
        out_spill(b);
    }
    free(w);
}

/* The title line: the data set's id, then the rule set's name and version. */
void out_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct buf raw = {0};
    table_title(&raw, rs, r);
    add_term(b, buf_cstr(&raw));
    buf_addc(b, '\n');
    buf_free(&raw);
}

/* The errors of a result, one a line (table_error_line). */
static void error_lines(struct buf *b, const struct table *t)
{
    struct buf line = {0};
    for (const char *s = NULL; table_error_line(t, &s, &line); line.len = 0) {
        utf8_escape_term(b, line.data, line.len);
        buf_addc(b, '\n');
    }
    buf_free(&line);
}

void out_table_result(struct buf *b, const struct ruleset *rs, const struct eval_result *r)
{
    struct table t;
    table_build(&t, rs, r);
    add_term(b, table_str(&t, t.title));
    buf_addc(b, '\n');
    if (t.tree) {
        struct grid g = {0};
        grid_open(&g, &t);
        print_grid(b, &g, (size_t)out_options()->width);
        grid_close(&g);
    }
    error_lines(b, &t);
    table_free(&t);
}
