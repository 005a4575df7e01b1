/* out_html.c - results as one printable, self-contained HTML report: an overview with charts
 * drawn here as inline SVG (grades, scores, ranking, 失分分布, 自评复核, 数据问题), then each
 * data set's 自评表 in the table model's layout (table.h).  No script, no external file. */
#include "out.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "num.h"
#include "strmap.h"
#include "table.h"

/* Common Chinese fonts on Linux (Noto, Source Han, WenQuanYi), Windows (YaHei, SimSun, SimHei),
 * macOS (PingFang, Hiragino) and Kylin/UOS (Noto, WenQuanYi, UKai). */
#define FONTS "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"微软雅黑\", " \
              "\"PingFang SC\", \"Hiragino Sans GB\", \"WenQuanYi Micro Hei\", \"SimHei\", " \
              "\"黑体\", \"SimSun\", \"宋体\", sans-serif"

#define PARETO_MAX 20           /* indicators shown in the 失分分布 chart */
#define HIST_BINS 10
#define HTML_CHUNK (64 << 10)

struct ranked {
    char *id;
    double score;
    bool has_score;
    char *grade;                /* NULL: none */
    uint64_t position;
};

struct lost {
    char *path;
    double points;
    uint32_t sets;              /* data sets that lost points on it */
};

struct out_html {
    FILE *sections;             /* the data sets' sections, until the overview is written */
    struct ranked *ranked;
    size_t nranked, capranked;
    struct strmap lost_by_path;
    struct lost **lost;
    size_t nlost, caplost;
    struct buf reviews;         /* <tr>s of the 自评复核 table */
    struct buf problems;        /* <tr>s of the 数据问题 table */
    uint32_t nreviews, nproblems;
    bool selfscore;
    int precision;
    double max;
};

/* --- writing helpers ----------------------------------------------------------------------- */

static void esc(struct buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': buf_adds(b, "&amp;"); break;
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        case '\'': buf_adds(b, "&#39;"); break;
        default: buf_addc(b, *s);
        }
    }
}

/* Lines (the model's reasons) as escaped text with <br> between them. */
static void esc_lines(struct buf *b, const char *s)
{
    for (const char *e; *s; s = e ? e + 1 : s + strlen(s)) {
        e = strchr(s, '\n');
        char *line = xstrndup(s, e ? (size_t)(e - s) : strlen(s));
        esc(b, line);
        free(line);
        if (e)
            buf_adds(b, "<br>");
    }
}

static void num(struct buf *b, double x, int maxdec)
{
    table_num(b, x, maxdec);
}

/* --- one data set: its section -------------------------------------------------------------- */

static void cell_open(struct buf *b, const char *cls, uint32_t rowspan)
{
    buf_adds(b, "<td");
    if (cls)
        buf_printf(b, " class=\"%s\"", cls);
    if (rowspan > 1)
        buf_printf(b, " rowspan=\"%u\"", rowspan);
    buf_addc(b, '>');
}

static void body_cell(struct buf *b, const struct table *t, uint32_t row, uint32_t c)
{
    bool first;
    uint32_t i = table_cell_ind(t, row, c, &first);
    if (i == TABLE_NONE) {
        buf_adds(b, "<td class=\"none\"></td>");
        return;
    }
    if (!first)
        return;                 /* under the rowspan of the row above */
    const struct table_ind *ti = &t->inds[i];
    uint8_t kind = t->cols[c].kind;
    uint32_t span = kind == TC_NAME || kind == TC_WEIGHT || kind == TC_SCORE ? ti->nrows : 1;
    switch (kind) {
    case TC_NAME:
        cell_open(b, "name", span);
        esc(b, table_str(t, ti->name));
        break;
    case TC_WEIGHT:
        cell_open(b, "num", span);
        num(b, ti->weight, -1);
        break;
    case TC_SCORE:
        cell_open(b, ti->differs ? "num diff" : "num score", span);
        if (ti->left_out)
            buf_adds(b, "不适用");
        else if (ti->has_score)
            num(b, ti->score, t->precision);
        break;
    case TC_TARGET:
        cell_open(b, NULL, 1);
        esc(b, table_str(t, ti->target));
        break;
    case TC_ACTUAL:
        cell_open(b, NULL, 1);
        esc(b, table_str(t, ti->actual));
        break;
    case TC_SELF:
        cell_open(b, ti->differs ? "num diff" : "num", 1);
        if (ti->has_self)
            num(b, ti->self, -1);
        break;
    case TC_DIFF:
        cell_open(b, ti->differs ? "num diff" : "num", 1);
        if (ti->differs)
            num(b, ti->diff, t->precision);
        break;
    case TC_REASON:
        cell_open(b, t->rows[row].error ? "reason err" : "reason", 1);
        esc_lines(b, table_str(t, t->rows[row].reasons));
        break;
    }
    buf_adds(b, "</td>");
}

/* A big section goes to the file every HTML_CHUNK bytes, between rows: it is never held
 * whole (docs/scale.md). */
static void flush_to(struct buf *b, FILE *to)
{
    if (to && b->len >= HTML_CHUNK) {
        fwrite(b->data, 1, b->len, to);
        b->len = 0;
    }
}

static void table_html(struct buf *b, const struct table *t, FILE *to)
{
    uint32_t score = table_col_find(t, TC_SCORE, 0);
    buf_adds(b, "<table class=\"form\">\n<thead><tr>");
    for (uint32_t c = 0; c < t->ncols; c++) {
        buf_adds(b, "<th>");
        table_col_title(t, c, b);
        buf_adds(b, "</th>");
    }
    buf_adds(b, "</tr></thead>\n<tbody>\n");
    for (uint32_t row = 0; row < t->nrows; row++) {
        buf_adds(b, "<tr>");
        for (uint32_t c = 0; c < t->ncols; c++)
            body_cell(b, t, row, c);
        buf_adds(b, "</tr>\n");
        flush_to(b, to);
    }
    /* 总分 and 评价等级: label and max, the total under the first 得分, reasons at the end */
    /* (a project table's 分值 and 得分 come after its name, target and actual columns) */
    buf_printf(b, "<tr class=\"total\"><td colspan=\"%u\">总分</td><td class=\"num\">", score - 1);
    num(b, t->max, -1);
    buf_adds(b, "</td><td class=\"num score\">");
    if (t->has_score)
        num(b, t->score, t->precision);
    buf_printf(b, "</td><td colspan=\"%u\"></td><td class=\"reason\">", t->ncols - score - 2);
    esc_lines(b, table_str(t, t->total_reasons));
    buf_adds(b, "</td></tr>\n");
    if (t->has_score && t->grade) {
        buf_printf(b, "<tr class=\"total\"><td colspan=\"%u\">评价等级</td><td></td>"
                   "<td class=\"num grade\">", score - 1);
        esc(b, table_str(t, t->grade));
        buf_printf(b, "</td><td colspan=\"%u\"></td><td class=\"reason\">", t->ncols - score - 2);
        esc(b, table_str(t, t->grade_reason));
        buf_adds(b, "</td></tr>\n");
    }
    buf_adds(b, "</tbody></table>\n");
}

static void error_list(struct buf *b, const struct table *t)
{
    if (!t->errors)
        return;
    buf_adds(b, "<ul class=\"errors\">");
    struct buf line = {0};
    for (const char *s = NULL; table_error_line(t, &s, &line); line.len = 0) {
        buf_adds(b, "<li>");
        esc(b, buf_cstr(&line));
        buf_adds(b, "</li>");
    }
    buf_free(&line);
    buf_adds(b, "</ul>\n");
}

static void section(struct buf *b, const struct table *t, uint64_t n, FILE *to)
{
    buf_printf(b, "<section class=\"dataset\" id=\"d%llu\">\n<h2>", (unsigned long long)n);
    esc(b, table_str(t, t->title));
    buf_adds(b, "</h2>\n<p class=\"verdict\">");
    if (t->has_score) {
        buf_adds(b, "总分 <b>");
        num(b, t->score, t->precision);
        buf_adds(b, "</b> / ");
        num(b, t->max, -1);
        if (t->grade) {
            buf_adds(b, "，评价等级 <b>");
            esc(b, table_str(t, t->grade));
            buf_adds(b, "</b>");
            if (t->grade_reason) {
                buf_adds(b, "（");
                esc(b, table_str(t, t->grade_reason));
                buf_adds(b, "）");
            }
        }
        if (t->ndiffs)
            buf_printf(b, "；自评分与核定得分不一致 %u 项", t->ndiffs);
    } else {
        buf_printf(b, "<span class=\"err\">未能评分：%u 个错误</span>", t->nerrors);
    }
    buf_adds(b, "</p>\n");
    if (t->tree)
        table_html(b, t, to);
    error_list(b, t);
    buf_adds(b, "</section>\n");
}

/* --- gathering the overview ---------------------------------------------------------------- */

static char *dup(const char *s)
{
    return xstrndup(s, strlen(s));
}

static void gather(struct out_html *h, const struct table *t, uint64_t n)
{
    struct ranked r = {.id = dup(table_str(t, t->id)), .score = t->score,
                       .has_score = t->has_score, .position = n};
    if (t->has_score && t->grade)
        r.grade = dup(table_str(t, t->grade));
    VEC_PUSH(h->ranked, h->nranked, h->capranked, r);
    for (uint32_t i = 0; i < t->ninds; i++) {
        const struct table_ind *ti = &t->inds[i];
        if (ti->lost > 0) {
            const char *path = table_str(t, ti->path);
            struct lost *l = strmap_get(&h->lost_by_path, path);
            if (!l) {
                l = xcalloc(1, sizeof *l);
                l->path = dup(path);
                strmap_put(&h->lost_by_path, l->path, l);
                VEC_PUSH(h->lost, h->nlost, h->caplost, l);
            }
            l->points = num_add(l->points, ti->lost);
            l->sets++;
        }
        if (ti->differs) {
            struct buf *b = &h->reviews;
            buf_printf(b, "<tr><td><a href=\"#d%llu\">", (unsigned long long)n);
            esc(b, table_str(t, t->id));
            buf_adds(b, "</a></td><td>");
            esc(b, table_str(t, ti->path));
            buf_adds(b, "</td><td class=\"num\">");
            num(b, ti->self, -1);
            buf_adds(b, "</td><td class=\"num\">");
            num(b, num_canon(ti->self + ti->diff), t->precision);
            buf_adds(b, "</td><td class=\"num diff\">");
            num(b, ti->diff, t->precision);
            buf_adds(b, "</td></tr>\n");
            h->nreviews++;
        }
    }
    if (t->lost > 0) {      /* the total's own deductions */
        struct lost *l = strmap_get(&h->lost_by_path, "（总分）");
        if (!l) {
            l = xcalloc(1, sizeof *l);
            l->path = dup("（总分）");
            strmap_put(&h->lost_by_path, l->path, l);
            VEC_PUSH(h->lost, h->nlost, h->caplost, l);
        }
        l->points = num_add(l->points, t->lost);
        l->sets++;
    }
    if (t->nerrors) {
        struct buf *b = &h->problems;
        buf_printf(b, "<tr><td><a href=\"#d%llu\">", (unsigned long long)n);
        esc(b, table_str(t, t->id));
        buf_adds(b, "</a></td><td class=\"err\">");
        esc_lines(b, table_str(t, t->errors));
        buf_adds(b, "</td></tr>\n");
        h->nproblems++;
    }
}

void out_html_begin(struct out *o)
{
    struct out_html *h = o->html = xcalloc(1, sizeof *h);
    h->sections = tmpfile();
    h->selfscore = o->rs->has_selfscore;
    h->precision = o->rs->precision;
    h->max = o->rs->max;
}

void out_html_add(struct out *o, const struct table *t)
{
    struct out_html *h = o->html;
    struct buf b = {0};
    gather(h, t, o->count);
    section(&b, t, o->count, h->sections);
    if (h->sections)
        fwrite(b.data, 1, b.len, h->sections);
    buf_free(&b);
}

/* --- charts (SVG, drawn here) -------------------------------------------------------------- */

static void svg_open(struct buf *b, int w, int hgt, const char *label)
{
    buf_printf(b, "<svg class=\"chart\" width=\"%d\" "
               "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", w, hgt, w, hgt);
    esc(b, label);
    buf_adds(b, "\">\n");
}

static void svg_text(struct buf *b, double x, double y, const char *anchor, const char *cls,
                     const char *text)
{
    buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"", x, y, anchor);
    if (cls)
        buf_printf(b, " class=\"%s\"", cls);
    buf_addc(b, '>');
    esc(b, text);
    buf_adds(b, "</text>\n");
}

/* Vertical bars with a label under each and the count above. */
static void bars(struct buf *b, const char *const *labels, const double *values, size_t n,
                 const char *title)
{
    int bw = n > 8 ? 44 : 64, gap = 12, left = 24, top = 24, ph = 150;
    int w = left + (int)n * (bw + gap) + gap, hgt = top + ph + 40;
    double vmax = 1;
    for (size_t i = 0; i < n; i++)
        if (values[i] > vmax)
            vmax = values[i];
    svg_open(b, w < 320 ? 320 : w, hgt, title);
    buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", left,
               top + ph, w, top + ph);
    for (size_t i = 0; i < n; i++) {
        double bh = values[i] / vmax * ph;
        double x = left + gap + (double)i * (bw + gap);
        buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" class=\"bar\"/>\n",
                   x, top + ph - bh, bw, bh);
        char count[32];
        snprintf(count, sizeof count, "%.0f", values[i]);
        svg_text(b, x + bw / 2.0, top + ph - bh - 5, "middle", "value", count);
        svg_text(b, x + bw / 2.0, top + ph + 18, "middle", NULL, labels[i]);
    }
    buf_adds(b, "</svg>\n");
}

/* Grades in the order of their bands, each by its last band (a veto band written first for
 * 差 still sorts 差 last), then grades the rule set does not list. */
static void grade_chart(struct buf *b, const struct ruleset *rs, struct out_html *h)
{
    const char **labels = NULL;
    size_t n = 0, cap = 0;
    for (const struct ast *band = rs->grades ? rs->grades->kids : NULL; band; band = band->next) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(labels[i], band->str) == 0) {
                memmove(labels + i, labels + i + 1, (n - i - 1) * sizeof *labels);
                n--;
                break;
            }
        VEC_PUSH(labels, n, cap, band->str);
    }
    double *counts = xcalloc(n + h->nranked + 1, sizeof *counts);
    for (size_t i = 0; i < h->nranked; i++) {
        const char *g = h->ranked[i].grade;
        if (!g)
            continue;
        size_t k = 0;
        while (k < n && strcmp(labels[k], g) != 0)
            k++;
        if (k == n)
            VEC_PUSH(labels, n, cap, g);
        counts[k]++;
    }
    buf_adds(b, "<h3>等级分布</h3>\n");
    if (n)
        bars(b, labels, counts, n, "等级分布");
    else
        buf_adds(b, "<p>规则未设评价等级。</p>\n");
    free(labels);
    free(counts);
}

/* Scores in ten bins of a tenth of the maximum each (the last bin includes the maximum). */
static void histogram(struct buf *b, struct out_html *h)
{
    double counts[HIST_BINS] = {0};
    char text[HIST_BINS][48];
    const char *labels[HIST_BINS];
    for (size_t i = 0; i < h->nranked; i++) {
        if (!h->ranked[i].has_score || h->max <= 0)
            continue;
        /* bounded before the conversion to int: rows can make a data set's maximum far
         * above the rule set's (issue 6.3) */
        double q = h->ranked[i].score / h->max * HIST_BINS;
        counts[!(q > 0) ? 0 : q >= HIST_BINS ? HIST_BINS - 1 : (int)q]++;
    }
    for (int k = 0; k < HIST_BINS; k++) {
        struct buf t = {0};
        num(&t, num_canon(h->max * k / HIST_BINS), 1);
        buf_adds(&t, "–");
        num(&t, num_canon(h->max * (k + 1) / HIST_BINS), 1);
        snprintf(text[k], sizeof text[k], "%s", buf_cstr(&t));
        labels[k] = text[k];
        buf_free(&t);
    }
    buf_adds(b, "<h3>得分分布</h3>\n");
    bars(b, labels, counts, HIST_BINS, "得分分布");
}

static int by_points(const void *a, const void *b)
{
    const struct lost *x = *(struct lost *const *)a, *y = *(struct lost *const *)b;
    if (x->points != y->points)
        return x->points < y->points ? 1 : -1;
    return strcmp(x->path, y->path);
}

/* 失分分布: the points lost on each indicator across all data sets, largest first, as bars
 * with the cumulative share as a line (a Pareto chart), then the whole list as a table. */
static void pareto(struct buf *b, struct out_html *h)
{
    buf_adds(b, "<h3>失分分布</h3>\n");
    if (!h->nlost) {
        buf_adds(b, "<p>没有失分。</p>\n");
        return;
    }
    qsort(h->lost, h->nlost, sizeof *h->lost, by_points);
    double total = 0;
    for (size_t i = 0; i < h->nlost; i++)
        total = num_add(total, h->lost[i]->points);
    size_t n = h->nlost < PARETO_MAX ? h->nlost : PARETO_MAX;
    int label = 260, bw = 380, row = 24, top = 30, w = label + bw + 110, hgt = top + (int)n * row + 10;
    svg_open(b, w, hgt, "失分分布");
    svg_text(b, label, 16, "start", "muted", "失分（条）");
    svg_text(b, w - 4, 16, "end", "line-label", "累计占比（线）");
    double cum = 0, vmax = h->lost[0]->points;
    struct buf points = {0};
    for (size_t i = 0; i < n; i++) {
        const struct lost *l = h->lost[i];
        double y = top + (double)i * row;
        double len = vmax > 0 ? l->points / vmax * bw : 0;
        cum += l->points;
        const char *leaf = strrchr(l->path, '.');
        buf_printf(b, "<g><title>");
        esc(b, l->path);
        buf_adds(b, "</title>\n");
        svg_text(b, label - 8, y + 16, "end", NULL, leaf ? leaf + 1 : l->path);
        buf_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" class=\"bar\"/>\n",
                   label, y + 4, len, row - 8);
        struct buf v = {0};
        num(&v, l->points, h->precision);
        svg_text(b, label + len + 4, y + 16, "start", "value", buf_cstr(&v));
        buf_free(&v);
        buf_adds(b, "</g>\n");
        double share = total > 0 ? cum / total : 0;
        buf_printf(&points, "%.1f,%.1f ", label + share * bw, y + row / 2.0);
        char pct[16];
        snprintf(pct, sizeof pct, "%.1f%%", 100 * share);
        svg_text(b, w - 4, y + 16, "end", "line-label", pct);
    }
    buf_printf(b, "<polyline points=\"%s\" class=\"line\"/>\n", buf_cstr(&points));
    buf_free(&points);
    buf_adds(b, "</svg>\n");
    buf_adds(b, "<table class=\"list\"><thead><tr><th>指标</th><th>失分合计</th><th>涉及数据集</th>"
                "<th>累计占比</th></tr></thead><tbody>\n");
    cum = 0;
    for (size_t i = 0; i < h->nlost; i++) {
        const struct lost *l = h->lost[i];
        cum += l->points;
        buf_adds(b, "<tr><td>");
        esc(b, l->path);
        buf_adds(b, "</td><td class=\"num\">");
        num(b, l->points, h->precision);
        buf_printf(b, "</td><td class=\"num\">%u</td><td class=\"num\">%.1f%%</td></tr>\n", l->sets,
                   total > 0 ? 100 * cum / total : 0);
    }
    buf_adds(b, "</tbody></table>\n");
}

static int by_score(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->has_score != y->has_score)
        return x->has_score ? -1 : 1;
    if (x->has_score && x->score != y->score)
        return x->score < y->score ? 1 : -1;
    return x->position < y->position ? -1 : x->position > y->position;
}

/* 排名: by total, ties in input order (sharing a rank), data sets without a score last. */
static void ranking(struct buf *b, struct out_html *h)
{
    struct ranked *r = xmalloc((h->nranked + 1) * sizeof *r);
    if (h->nranked) {           /* no data sets: no array to copy (UBSan) */
        memcpy(r, h->ranked, h->nranked * sizeof *r);
        qsort(r, h->nranked, sizeof *r, by_score);
    }
    buf_adds(b, "<h3>排名</h3>\n<table class=\"list\"><thead><tr><th>名次</th><th>标识</th>"
                "<th>总分</th><th>等级</th></tr></thead><tbody>\n");
    size_t rank = 0;
    for (size_t i = 0; i < h->nranked; i++) {
        if (i == 0 || !r[i].has_score || num_cmp(r[i].score, r[i - 1].score) != 0)
            rank = i + 1;
        buf_adds(b, "<tr><td class=\"num\">");
        if (r[i].has_score)
            buf_printf(b, "%zu", rank);
        buf_printf(b, "</td><td><a href=\"#d%llu\">", (unsigned long long)r[i].position);
        esc(b, r[i].id);
        buf_adds(b, "</a></td><td class=\"num\">");
        if (r[i].has_score)
            num(b, r[i].score, h->precision);
        else
            buf_adds(b, "<span class=\"err\">未能评分</span>");
        buf_adds(b, "</td><td>");
        if (r[i].grade)
            esc(b, r[i].grade);
        buf_adds(b, "</td></tr>\n");
    }
    buf_adds(b, "</tbody></table>\n");
    free(r);
}

static const char css[] =
    "@page { size: A4 landscape; margin: 12mm 12mm; }\n"
    "body { font-family: " FONTS "; font-size: 10.5pt; color: #1f1f1f; margin: 0 auto;"
    " max-width: 1100px; padding: 0 12px; line-height: 1.45; }\n"
    "h1 { font-size: 20pt; margin: 18px 0 4px; }\n"
    "h2 { font-size: 15pt; margin: 12px 0 6px; border-bottom: 2px solid #2f5597; padding-bottom: 3px; }\n"
    "h3 { font-size: 12pt; margin: 16px 0 6px; color: #2f5597; }\n"
    ".muted, .subtitle { color: #666; }\n"
    ".charts { display: flex; gap: 28px; flex-wrap: wrap; align-items: flex-end; }\n"
    ".cards { display: flex; gap: 10px; flex-wrap: wrap; margin: 8px 0; }\n"
    ".card { border: 1px solid #c9d3e6; border-radius: 6px; padding: 6px 14px; min-width: 110px; }\n"
    ".card b { display: block; font-size: 16pt; color: #2f5597; }\n"
    "table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }\n"
    "th, td { border: 1px solid #8c8c8c; padding: 3px 6px; vertical-align: middle; }\n"
    "th { background: #d9e1f2; font-weight: bold; text-align: center; white-space: nowrap; }\n"
    "thead { display: table-header-group; }\n"
    /* Rows stay whole on paper, but a group of rows under one merged name may run over a
     * page: a row holding a rowspan cell that avoids breaking makes Chromium move the whole
     * group (管理效率's 26 rows) to the next page, leaving the first mostly empty. */
    "td:not([rowspan]), th:not([rowspan]) { break-inside: avoid; page-break-inside: avoid; }\n"
    "td.num { text-align: right; white-space: nowrap; }\n"
    "td.name { min-width: 4em; }\n"
    "td.reason { font-size: 9.5pt; min-width: 14em; }\n"
    "td.none { background: #fafafa; }\n"
    ".diff { background: #ffe699; color: #c00000; font-weight: bold; }\n"
    ".err, td.err, ul.errors { color: #c00000; }\n"
    "tr.total td { font-weight: bold; background: #f2f2f2; }\n"
    "table.list { width: auto; min-width: 60%; }\n"
    "a { color: inherit; text-decoration: none; }\n"
    "svg.chart { display: block; margin: 4px 0 10px; font-family: " FONTS "; font-size: 12px; }\n"
    "svg .bar { fill: #4472c4; } svg .axis { stroke: #444; }\n"
    "svg .line { fill: none; stroke: #c00000; stroke-width: 2; }\n"
    "svg .value { fill: #1f1f1f; } svg .line-label { fill: #c00000; } svg .muted { fill: #666; }\n"
    "section.dataset { break-before: page; page-break-before: always; }\n"
    "section.overview h3, svg.chart { break-after: avoid; }\n"
    /* On paper the 自评表 is set in 小五 (9pt), the size of the body of a table in an official
     * document, so that a table of some 35 rows (Huangpu's) is one A4 landscape page. */
    "@media print { body { max-width: none; padding: 0; } a { color: inherit; }\n"
    " table.form, table.form td.reason { font-size: 9pt; line-height: 1.25; }\n"
    " table.form th, table.form td { padding: 1px 4px; } }\n";

static void overview(struct buf *b, const struct ruleset *rs, struct out_html *h)
{
    size_t scored = 0;
    double sum = 0, hi = 0, lo = 0;
    for (size_t i = 0; i < h->nranked; i++)
        if (h->ranked[i].has_score) {
            double s = h->ranked[i].score;
            hi = scored == 0 || s > hi ? s : hi;
            lo = scored == 0 || s < lo ? s : lo;
            sum = num_add(sum, s);
            scored++;
        }
    buf_adds(b, "<section class=\"overview\">\n<h2>总体情况</h2>\n<div class=\"cards\">");
    buf_printf(b, "<div class=\"card\">数据集<b>%zu</b></div>", h->nranked);
    buf_printf(b, "<div class=\"card\">已评分<b>%zu</b></div>", scored);
    if (scored) {
        buf_adds(b, "<div class=\"card\">平均分<b>");
        num(b, num_round(sum / (double)scored, h->precision), h->precision);
        buf_adds(b, "</b></div><div class=\"card\">最高分<b>");
        num(b, hi, h->precision);
        buf_adds(b, "</b></div><div class=\"card\">最低分<b>");
        num(b, lo, h->precision);
        buf_adds(b, "</b></div>");
    }
    buf_printf(b, "<div class=\"card\">未能评分<b>%u</b></div>", h->nproblems);
    if (h->selfscore)
        buf_printf(b, "<div class=\"card\">自评差异<b>%u</b></div>", h->nreviews);
    buf_adds(b, "</div>\n");
    buf_adds(b, "<div class=\"charts\"><div>\n");
    grade_chart(b, rs, h);
    buf_adds(b, "</div><div>\n");
    histogram(b, h);
    buf_adds(b, "</div></div>\n");
    ranking(b, h);
    pareto(b, h);
    if (h->selfscore) {
        buf_adds(b, "<h3>自评复核</h3>\n");
        if (h->nreviews)
            buf_printf(b, "<table class=\"list\"><thead><tr><th>标识</th><th>指标</th><th>自评分</th>"
                          "<th>核定得分</th><th>差异</th></tr></thead><tbody>\n%s</tbody></table>\n",
                       buf_cstr(&h->reviews));
        else
            buf_adds(b, "<p>自评分与核定得分全部一致。</p>\n");
    }
    buf_adds(b, "<h3>数据问题</h3>\n");
    if (h->nproblems)
        buf_printf(b, "<table class=\"list\"><thead><tr><th>标识</th><th>错误</th></tr></thead>"
                      "<tbody>\n%s</tbody></table>\n", buf_cstr(&h->problems));
    else
        buf_adds(b, "<p>所有数据集均已评分。</p>\n");
    buf_adds(b, "</section>\n");
}

int out_html_finish(struct out *o)
{
    struct out_html *h = o->html;
    const struct ruleset *rs = o->rs;
    struct buf b = {0}, name = {0};
    if (rs->name)
        esc(&name, rs->name);
    else
        buf_adds(&name, "绩效自评");
    if (rs->version) {
        buf_adds(&name, "（");
        esc(&name, rs->version);
        buf_adds(&name, "）");
    }
    /* no space between Chinese text (a version's ）included) and 评分报告; a Latin word or
     * number before it keeps one: Demo 评分报告 */
    char last = name.len ? name.data[name.len - 1] : 0;
    if ((last >= '0' && last <= '9') || ((last | 0x20) >= 'a' && (last | 0x20) <= 'z'))
        buf_addc(&name, ' ');
    buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>%s评分报告</title>\n<style>\n%s</style>\n</head>\n<body>\n"
                   "<h1>%s评分报告</h1>\n<p class=\"subtitle\">由 jixiao 按规则自动评分；"
                   "每个数据集的自评表见后续各页。</p>\n",
               buf_cstr(&name), css, buf_cstr(&name));
    overview(&b, rs, h);
    fwrite(b.data, 1, b.len, o->f);
    int ok = h->sections != NULL;
    if (h->sections) {
        rewind(h->sections);
        char block[65536];
        size_t n;
        while ((n = fread(block, 1, sizeof block, h->sections)) > 0)
            fwrite(block, 1, n, o->f);
        ok = !ferror(h->sections);
        fclose(h->sections);
    } else {
        cli_error(M_HTML_TMP);
    }
    fputs("</body>\n</html>\n", o->f);
    buf_free(&b);
    buf_free(&name);
    for (size_t i = 0; i < h->nranked; i++) {
        free(h->ranked[i].id);
        free(h->ranked[i].grade);
    }
    free(h->ranked);
    for (size_t i = 0; i < h->nlost; i++) {
        free(h->lost[i]->path);
        free(h->lost[i]);
    }
    free(h->lost);
    strmap_free(&h->lost_by_path);
    buf_free(&h->reviews);
    buf_free(&h->problems);
    free(h);
    o->html = NULL;
    return ok;
}
