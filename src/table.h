/* table.h - the self-evaluation table of one result (自评表), computed once: which columns,
 * which rows, which cells merge, which reasons.  The terminal table (out_table.c), the xlsx
 * workbook (out_xlsx.c) and the HTML report (out_html.c) only render it, so a change of
 * layout is made here.
 *
 * Layout (seed 002, with a 得分 column for every level so that a parent's score has a cell):
 *   一级指标 | 分值 | 得分 | 二级指标 | 分值 | 得分 | ... [| 年度指标值 | 实际完成值]
 *   [| 自评分 | 差异] | 扣分原因
 * One row per leaf, in preorder; an indicator's name, weight and score cells span the rows of
 * its leaves (merged cells); a leaf above the deepest level leaves the deeper columns empty.
 * Then 总分 (max, total) and 评价等级 rows.
 *
 * Ownership: a table owns its arrays and its string pool (every string is an offset into
 * it, 0 being ""); table_free releases them.  The result a table is built from lives only
 * until its worker scores the next data set, so workers pack tables into bytes
 * (table_pack) and the writer reads them where they lie (table_view).
 */
#ifndef JX_TABLE_H
#define JX_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "eval.h"
#include "mem.h"

#define TABLE_NONE UINT32_MAX

/* The label of an error line: in a reason cell (错误：message) and under the table
 * (错误：path：message（at）).  Table text, so Chinese in either language, like 扣分原因. */
#define TABLE_ERROR "错误："

/* ORDER TCOLS */
enum tcol_kind { TC_NAME, TC_WEIGHT, TC_SCORE, TC_TARGET, TC_ACTUAL, TC_SELF, TC_DIFF, TC_REASON };

struct table_col {
    uint8_t kind;               /* enum tcol_kind */
    uint8_t level;              /* TC_NAME, TC_WEIGHT, TC_SCORE: the level (0: 一级) */
};

struct table_ind {
    uint32_t name, path;        /* pool */
    uint32_t level, parent;     /* parent: index in inds or TABLE_NONE */
    uint32_t nkids;
    uint32_t row, nrows;        /* the rows it spans */
    double weight;
    double score;               /* when has_score */
    double self, diff;          /* when has_self: the claim, score - self */
    double lost;                /* points lost by its own rules (its deductions' points) */
    bool has_score;             /* else an empty cell: left out, or no score (errors) */
    bool left_out;              /* 不适用 under na rescale */
    bool sum;                   /* its score is the plain sum of its children's (a SUM) */
    bool has_self, differs;     /* a claim; it differs by more than half the last decimal */
    bool error;                 /* its own rules failed: its reason is the error, in red */
    bool bonus;                 /* 加分项 */
    int32_t data_row;           /* a `from` row: its index in the data array, else -1 */
    uint32_t target, actual;    /* pool: a `from` row's 年度指标值 and 实际完成值 */
    uint32_t reasons;           /* pool: its own reasons, one a line */
    uint32_t grade, grade_reason;   /* pool */
};

struct table_row {
    uint32_t leaf;              /* the indicator whose row it is */
    uint32_t reasons;           /* pool: the reason cell, one reason a line: the leaf's own,
                                   then those of the ancestors that start on this row, as
                                   "名称：reason" */
    bool error;                 /* the cell holds an error message (shown in red) */
};

struct table {
    uint32_t id, title;         /* pool: the id; "id——ruleset（version）" */
    uint32_t depth;             /* levels of the rule set */
    struct table_col *cols;
    uint32_t ncols;
    struct table_ind *inds;     /* preorder */
    uint32_t ninds;
    struct table_row *rows;
    uint32_t nrows;
    int precision;              /* the rule set's decimals */
    bool tree;                  /* the indicator tree is there (not an input or id error) */
    bool has_score;             /* a total (no errors) */
    bool sum;                   /* the total is the plain sum of the top level (a SUM) */
    bool selfscore;             /* 自评分 and 差异 columns */
    bool project;               /* 年度指标值 and 实际完成值 columns (`from` rows) */
    double score, max;
    double lost;                /* points the total's own rules took */
    uint32_t grade, grade_reason;   /* pool */
    uint32_t total_reasons;     /* pool: the total's own reasons, one a line */
    uint32_t errors;            /* pool: each error as table_error_text writes it, one a line */
    uint32_t nerrors, ndiffs;   /* ndiffs: claims that differ */
    enum lang lang;             /* the messages' language: the errors' punctuation */
    char *pool;
    uint32_t poolsize;
};

void table_build(struct table *t, const struct ruleset *rs, const struct eval_result *r);
void table_free(struct table *t);
static inline const char *table_str(const struct table *t, uint32_t off) { return t->pool + off; }
/* The header of a column (一级指标, 分值, 得分, 自评分, 扣分原因 ...). */
void table_col_title(const struct table *t, uint32_t col, struct buf *b);
/* The indicator a cell of column `col` shows on row `row`: the leaf's ancestor at the
 * column's level (TABLE_NONE below the leaf's level); *first: the cell starts its span. */
uint32_t table_cell_ind(const struct table *t, uint32_t row, uint32_t col, bool *first);
/* The first column of a kind (and level), or TABLE_NONE. */
uint32_t table_col_find(const struct table *t, enum tcol_kind kind, uint32_t level);
/* A number as the tables print it: at most the rule set's decimals, no binary noise. */
void table_num(struct buf *b, double x, int maxdec);
/* The title: "id——ruleset（version）", control characters and bad UTF-8 made safe. */
void table_title(struct buf *b, const struct ruleset *rs, const struct eval_result *r);
/* s[0..len) appended to b as the table's strings are kept: invalid UTF-8 as U+FFFD, line
 * breaks and tabs as spaces, other control characters as \xHH. */
void table_safe(struct buf *b, const char *s, size_t len);
/* An evaluation error as every writer shows it: its indicator's path (when it has one), its
 * message and its place, in the punctuation of lang, the language of the message:
 *   甲：$率 是字符串（"abc"），应为数值（e.eval:3:34）
 *   甲: $率 is a string ("abc"), expected a number (e.eval:3:34)
 * The place (FILE:LINE:COL, or an input's position such as t.csv:B2) is kept as it is, between
 * the line's last brackets. */
void table_error_text(struct buf *b, enum lang lang, const struct result_error *e);
/* The error line of t->errors at *s (NULL: the first) as it is shown under the table:
 * TABLE_ERROR and the error, appended to b; *s moves past it.  False when there is none. */
bool table_error_line(const struct table *t, const char **s, struct buf *b);
/* t's errors in one cell (the 汇总 sheet's 错误, as the CSV's errors column), joined by "; " or
 * "；" (M_SEMICOLON, in the messages' language); appended to b. */
void table_errors_cell(const struct table *t, struct buf *b);
/* Appends t packed (its length a multiple of 8), and frees t (table_free). */
void table_pack(struct table *t, struct buf *b);
/* The packed table at p[0..len) (8-aligned) as a table whose arrays are p's bytes, nothing
 * copied: it lives as long as p, and is not given to table_free.  Returns the bytes read. */
size_t table_view(struct table *t, const char *p, size_t len);

#endif
