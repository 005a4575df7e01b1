/* template.c - jixiao template: the data-entry form of a rule set, as .xlsx (the form layout,
 * written with libxlsxwriter) or as the header row of a .csv table (docs/spreadsheets.md).
 *
 * Every data path the rules read comes once, in the order of the indicators that read it;
 * the reader (book.c) reads the filled form back with the same usage (usage.c).
 */
#include "template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "diag.h"
#include "book.h"
#include "usage.h"
#include "utf8.h"

enum { MAX_WIDTH = 60, VALUE_ROWS = 500 };

/* What the 说明 column says of a field: who reads it and how. */
static const char *explain(const struct usage *u, const struct usage_field *f, char *buf,
                           size_t cap)
{
    char how[64];
    usage_how_text(f->how, how);
    if (u->key && !f->array && strcmp(f->path, u->key) == 0)
        snprintf(buf, cap, "结果的标识：每份评分结果以此命名");  /* 标识, as 汇总 heads it */
    else if (*f->indicators)
        snprintf(buf, cap, "%s%s%s%s", f->indicators, *how ? "（" : "", how, *how ? "）" : "");
    else
        snprintf(buf, cap, "%s", how);
    return buf;
}

/* Column widths in Excel's units (about one per ASCII character, two per CJK one). */
static double width_of(const char *s)
{
    size_t w = utf8_str_width(s, strlen(s));
    return (double)(w + 2 > MAX_WIDTH ? MAX_WIDTH : w + 2);
}

static double wider(double w, const char *s)
{
    double x = width_of(s);
    return x > w ? x : w;
}

struct formats {
    lxw_format *head, *text, *number, *date, *yes_no;
};

static lxw_format *value_format(const struct formats *fm, enum use_type t)
{
    return t == T_NUMBER ? fm->number : t == T_DATE ? fm->date : t == T_BOOL ? fm->yes_no
                                                                               : fm->text;
}

/* Data validation of one cell range: a 是/否 list, numbers only, or nothing. */
static void validate(lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
                     enum use_type t)
{
    static char yes[] = "是", no[] = "否";
    static char *yes_no[] = {yes, no, NULL};    /* libxlsxwriter 1.1 takes char ** */
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    if (t == T_BOOL) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = yes_no;
        v.error_title = (char *)"是否";
        v.error_message = (char *)"请选择“是”或“否”";
    } else if (t == T_NUMBER) {
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = -1e15;
        v.maximum_number = 1e15;
        v.error_title = (char *)"数值";
        v.error_message = (char *)"请填写数值（如 1288.38）；百分比可填 99.7%";
    } else
        return;
    worksheet_data_validation_range(ws, r1, c1, r2, c2, &v);
}

/* Printed as people print forms: landscape, one page wide, the header on every page. */
static void page_setup(lxw_worksheet *ws)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);     /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_freeze_panes(ws, 1, 0);
}

/* A sheet per array: its fields as the header, validation down the columns. */
static void array_sheet(lxw_workbook *wb, const struct usage *u, const struct usage_array *a,
                        const struct formats *fm)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, a->path);
    if (!ws) {      /* Excel's limits: 31 characters, none of []:*?/\ */
        cli_warning(M_SHEET_NAME, a->path);
        return;
    }
    size_t ncols = 0;
    char note[1024];
    for (size_t i = 0; i < a->n || (i == 0 && ncols == 0); i++) {
        const struct usage_field *f = a->n ? &u->elem[a->first + i] : NULL;
        const char *name = f && *f->path ? f->path : BOOK_VALUE;
        enum use_type t = f ? f->type : T_ANY;
        lxw_col_t c = (lxw_col_t)ncols++;
        worksheet_write_string(ws, 0, c, name, fm->head);
        if (f) {
            char text[1200];
            snprintf(text, sizeof text, "%s：%s", usage_type_name(t), explain(u, f, note, sizeof note));
            worksheet_write_comment(ws, 0, c, text);
        }
        double w = t == T_TEXT || t == T_ANY ? 30 : 12;     /* names, reasons: wide */
        worksheet_set_column(ws, c, c, wider(w, name), value_format(fm, t));
        validate(ws, 1, c, VALUE_ROWS, c, t);
        if (!a->n)
            break;
    }
    page_setup(ws);
}

static int write_xlsx(const struct usage *u, const char *path)
{
    lxw_workbook_options opts = {.constant_memory = LXW_FALSE};
    lxw_workbook *wb = workbook_new_opt(path, &opts);
    if (!wb)
        return 0;
    struct formats fm;
    fm.head = workbook_add_format(wb);
    format_set_bold(fm.head);
    format_set_bg_color(fm.head, 0xDDEBF7);
    format_set_border(fm.head, LXW_BORDER_THIN);
    fm.text = workbook_add_format(wb);
    format_set_num_format(fm.text, "@");    /* 00123 stays as typed */
    fm.number = workbook_add_format(wb);
    fm.date = workbook_add_format(wb);
    format_set_num_format(fm.date, "yyyy-mm-dd");
    fm.yes_no = workbook_add_format(wb);

    lxw_worksheet *ws = workbook_add_worksheet(wb, "填报");
    static const char *const head[] = {BOOK_ITEM, BOOK_VALUE, "类型", "说明"};
    double widths[4];
    for (int c = 0; c < 4; c++) {
        worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], fm.head);
        widths[c] = width_of(head[c]);
    }
    widths[1] = 26;     /* room for a department's name */
    char note[1024];
    for (size_t i = 0; i < u->nroot; i++) {
        const struct usage_field *f = &u->root[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, r, 0, f->path, NULL);
        worksheet_write_blank(ws, r, 1, value_format(&fm, f->type));
        worksheet_write_string(ws, r, 2, usage_type_name(f->type), NULL);
        worksheet_write_string(ws, r, 3, explain(u, f, note, sizeof note), NULL);
        validate(ws, r, 1, r, 1, f->type);
        widths[0] = wider(widths[0], f->path);
        widths[3] = wider(widths[3], note);
    }
    for (int c = 0; c < 4; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    page_setup(ws);
    for (size_t a = 0; a < u->narrays; a++)
        array_sheet(wb, u, &u->arrays[a], &fm);
    return workbook_close(wb) == LXW_NO_ERROR;
}

/* A CSV field, quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void write_csv(const struct usage *u, FILE *f)
{
    fputs("\xEF\xBB\xBF", f);       /* so Excel reads UTF-8 */
    for (size_t i = 0; i < u->nroot; i++) {
        if (i)
            fputc(',', f);
        csv_field(f, u->root[i].path);
    }
    fputs("\r\n", f);
}

int template_write(const struct ruleset *rs, const char *path, FILE *out)
{
    struct usage *u = usage_of(rs);
    int ok = 1;
    if (path)
        ok = write_xlsx(u, path);
    else
        write_csv(u, out);
    usage_free(u);
    return ok;
}
