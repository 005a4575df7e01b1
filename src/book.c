/* book.c - spreadsheets as data sets: the form and table layouts, and cells read as the rules
 * use them (docs/spreadsheets.md says the same in words; keep them together).
 */
#include "book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "num.h"
#include "strmap.h"
#include "usage.h"
#include "utf8.h"

void book_init(struct book *b, const char *file)
{
    memset(b, 0, sizeof *b);
    arena_init(&b->ar);
    b->file = file;
}

void book_free(struct book *b)
{
    for (uint32_t i = 0; i < b->n; i++) {
        struct sheet *s = &b->sheets[i];
        for (uint32_t r = 0; r < s->n; r++)
            free(s->rows[r].cells);
        free(s->rows);
        free(s->merges);
    }
    free(b->sheets);
    arena_free(&b->ar);
}

struct sheet *book_add_sheet(struct book *b, const char *name)
{
    struct sheet s = {.name = arena_strndup(&b->ar, name, strlen(name))};
    VEC_PUSH(b->sheets, b->n, b->cap, s);
    return &b->sheets[b->n - 1];
}

void book_add_cell(struct book *b, struct sheet *s, uint32_t row, uint32_t col,
                   enum cell_kind kind, double num, const char *text, size_t len)
{
    if (!s->n || s->rows[s->n - 1].num != row) {
        struct row r = {.num = row};
        VEC_PUSH(s->rows, s->n, s->cap, r);
    }
    struct row *r = &s->rows[s->n - 1];
    struct cell c = {.col = col, .kind = (uint8_t)kind, .num = num,
                     .text = arena_strndup(&b->ar, text ? text : "", text ? len : 0)};
    VEC_PUSH(r->cells, r->n, r->cap, c);
}

void book_cell_name(char *buf, uint32_t row, uint32_t col)
{
    char letters[8];
    int n = 0;
    for (uint32_t c = col + 1; c && n < 7; c = (c - 1) / 26)
        letters[n++] = (char)('A' + (c - 1) % 26);
    int k = 0;
    while (n)
        buf[k++] = letters[--n];
    sprintf(buf + k, "%u", row);
}

/* ---- cells ---- */

static const struct cell empty_cell = {.kind = C_EMPTY, .text = ""};

static const struct cell *cell_in(const struct row *r, uint32_t col)
{
    for (uint32_t i = 0; i < r->n; i++)
        if (r->cells[i].col == col)
            return &r->cells[i];
    return NULL;
}

static const struct row *row_of(const struct sheet *s, uint32_t num)
{
    uint32_t lo = 0, hi = s->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->rows[mid].num < num)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->n && s->rows[lo].num == num ? &s->rows[lo] : NULL;
}

/* The cell at (row, col); a merged range gives every cell its top-left value. */
static const struct cell *cell_at(const struct sheet *s, const struct row *r, uint32_t col)
{
    const struct cell *c = cell_in(r, col);
    if (c && c->kind != C_EMPTY)
        return c;
    for (uint32_t i = 0; i < s->nmerges; i++) {
        const struct merge *m = &s->merges[i];
        if (r->num >= m->r1 && r->num <= m->r2 && col >= m->c1 && col <= m->c2) {
            const struct row *top = row_of(s, m->r1);
            const struct cell *t = top ? cell_in(top, m->c1) : NULL;
            return t ? t : &empty_cell;
        }
    }
    return c ? c : &empty_cell;
}

/* Surrounding spaces, tabs, line breaks and ideographic spaces dropped. */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    for (;;) {
        if (n && strchr(" \t\r\n", *s) && *s) {
            s++, n--;
        } else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3, n -= 3;
        } else
            break;
    }
    for (;;) {
        if (n && strchr(" \t\r\n", s[n - 1]) && s[n - 1])
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
            n -= 3;
        else
            break;
    }
    *len = n;
    return s;
}

/* A number as people type it: number()'s forms (1,288.38  99.7%  １２), a trailing unit of
 * letters or CJK characters (52人, 90万元), a currency sign before it (¥1,288.38), and what
 * Excel's accounting format saves in a CSV file: (1,234.00) for -1234 and a lone - for 0. */
static int parse_number(const char *s, size_t n, double *out)
{
    static const char *const signs[] = {"¥", "￥", "$"};
    for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
        size_t k = strlen(signs[i]);
        if (n > k && memcmp(s, signs[i], k) == 0) {
            s += k;
            n -= k;
            while (n && *s == ' ')
                s++, n--;
            break;
        }
    }
    if (n == 1 && (*s == '-')) {
        *out = 0;
        return 1;
    }
    if (n > 2 && s[0] == '(' && s[n - 1] == ')' && parse_number(s + 1, n - 2, out)) {
        *out = -*out;
        return 1;
    }
    return num_parse_unit(s, n, out);
}

/* ORDER YES_NO: what people write in a 是/否 cell */
static const struct { const char *text; int value; } yes_no[] = {
    {"是", 1}, {"否", 0}, {"√", 1}, {"×", 0}, {"✓", 1}, {"✔", 1}, {"✗", 0}, {"✘", 0},
    {"TRUE", 1}, {"FALSE", 0}, {"对", 1}, {"错", 0}, {"有", 1}, {"无", 0}, {"Y", 1}, {"N", 0},
    {"YES", 1}, {"NO", 0}, {"1", 1}, {"0", 0},
};

static int parse_yes_no(const char *s, size_t n, int *out)
{
    for (size_t i = 0; i < sizeof yes_no / sizeof yes_no[0]; i++)
        if (strlen(yes_no[i].text) == n && strncasecmp(yes_no[i].text, s, n) == 0) {
            *out = yes_no[i].value;
            return 1;
        }
    return 0;
}

/* Day number (1900 date system, as Excel counts: 1 is 1900-01-01, with its 1900-02-29) to
 * YYYY-MM-DD. */
void book_serial_date(char *buf, double serial)
{
    if (!(serial >= 0 && serial < 2958466)) {   /* not 1900..9999 (Excel shows ####): the */
        num_format(buf, 32, serial, -1);         /* number, never a cast out of range (6.3) */
        return;
    }
    long days = (long)serial;
    if (days >= 60)
        days--;     /* Excel's 1900-02-29 that never was */
    /* days since 1899-12-31 -> civil date (Howard Hinnant's algorithm, from 1970-01-01) */
    long z = days - 25568 + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(buf, 32, "%04d-%02d-%02d", (int)(y + (m <= 2)) % 10000, (int)m, (int)d);
}

/* Plain decimal text that a JSON file would hold as a number: no leading zeros (00123 is a
 * code), no sign but '-', commas only as thousands separators (1,288.38; not 1,2). */
static int plain_number(const char *s, size_t n, double *out)
{
    if (memchr(s, ',', n)) {    /* 1,288.38: commas only between groups of three digits */
        size_t i = s[0] == '-', digits = 0, seen_comma = 0;
        for (; i < n && s[i] != '.'; i++) {
            if (s[i] == ',') {
                if (!digits || (seen_comma && digits != 3) || (!seen_comma && digits > 3))
                    return 0;
                seen_comma = 1;
                digits = 0;
            } else if (s[i] >= '0' && s[i] <= '9')
                digits++;
            else
                return 0;
        }
        if (digits != 3 || (s[s[0] == '-'] == '0'))
            return 0;
        for (size_t k = i + (i < n); k < n; k++)
            if (s[k] < '0' || s[k] > '9')
                return 0;
        return num_parse(s, n, out);
    }
    size_t i = s[0] == '-';
    if (i >= n || s[i] < '0' || s[i] > '9' || (s[i] == '0' && i + 1 < n && s[i + 1] != '.'))
        return 0;
    for (size_t k = i; k < n; k++)
        if (!(s[k] >= '0' && s[k] <= '9') && s[k] != '.')
            return 0;
    return num_parse(s, n, out);
}

/* The JSON value of a cell for a field of type t; NULL for an empty cell; NULL and *bad set to
 * the message when it cannot be read as t. */
static cJSON *cell_value(const struct cell *c, enum use_type t, const char **bad)
{
    size_t n;
    const char *s = trim(c->text, &n);
    double x;
    int yes;
    char date[32];
    *bad = NULL;
    switch ((enum cell_kind)c->kind) {
    case C_EMPTY:
        return NULL;
    case C_ERROR:
        *bad = "error";
        return NULL;
    case C_BOOL:
        if (t == T_TEXT)
            return cJSON_CreateString(c->num ? "是" : "否");
        if (t == T_NUMBER) {
            *bad = "number";
            return NULL;
        }
        return cJSON_CreateBool(c->num != 0);
    case C_DATE:
        if (t == T_NUMBER || t == T_BOOL) {
            *bad = t == T_NUMBER ? "number" : "bool";
            return NULL;
        }
        return cJSON_CreateString(c->text);
    case C_NUMBER:
        if (t == T_BOOL && (c->num == 0 || c->num == 1))
            return cJSON_CreateBool(c->num != 0);
        if (t == T_BOOL) {
            *bad = "bool";
            return NULL;
        }
        if (t == T_DATE && c->num >= 1 && c->num < 2958466) {
            book_serial_date(date, c->num);
            return cJSON_CreateString(date);
        }
        if (t == T_TEXT)
            return cJSON_CreateString(c->text);
        return cJSON_CreateNumber(c->num);
    case C_TEXT:
        if (n == 0)
            return NULL;
        break;
    }
    switch (t) {
    case T_NUMBER:
        if (parse_number(s, n, &x))
            return cJSON_CreateNumber(x);
        *bad = "number";
        return NULL;
    case T_BOOL:
        if (parse_yes_no(s, n, &yes))
            return cJSON_CreateBool(yes);
        *bad = "bool";
        return NULL;
    case T_ANY:
        if (plain_number(s, n, &x))
            return cJSON_CreateNumber(x);
        break;
    case T_TEXT:
    case T_DATE:
        break;
    }
    char *copy = xstrndup(s, n);
    cJSON *j = cJSON_CreateString(copy);
    free(copy);
    return j;
}

/* ---- data sets ---- */

/* One step of a header's path: a name, and an element index when it ends in [N]. */
static const char *step(const char *path, char *name, size_t cap, long *index)
{
    const char *end = path;
    while (*end && *end != '.')
        end++;
    size_t n = (size_t)(end - path);
    *index = -1;
    if (n >= 3 && path[n - 1] == ']') {
        const char *open = memchr(path, '[', n);
        char *stop;
        long k = open ? strtol(open + 1, &stop, 10) : -1;
        if (open && open > path && stop == path + n - 1 && k >= 0 && k < 100000) {
            *index = k;
            n = (size_t)(open - path);
        }
    }
    snprintf(name, cap, "%.*s", (int)n, path);
    return *end ? end + 1 : end;
}

/* The child `name` of obj as the given kind (cJSON_Object or cJSON_Array), made if needed. */
static cJSON *child(cJSON *obj, const char *name, int kind)
{
    cJSON *c = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (c && (c->type & 0xFF) == kind)
        return c;
    cJSON_DeleteItemFromObjectCaseSensitive(obj, name);
    c = kind == cJSON_Array ? cJSON_CreateArray() : cJSON_CreateObject();
    cJSON_AddItemToObject(obj, name, c);
    return c;
}

/* Set the dotted path of obj to v (NULL: only make the arrays on the way), making objects and
 * arrays as needed: 预算.执行数, 效益指标[2].完成, 预算.季度累计执行数[0]. */
static void set_path(cJSON *obj, const char *path, cJSON *v)
{
    char name[512];
    long index;
    for (;;) {
        path = step(path, name, sizeof name, &index);
        int last = !*path;
        if (index < 0 && last) {
            if (v) {
                cJSON_DeleteItemFromObjectCaseSensitive(obj, name);
                cJSON_AddItemToObject(obj, name, v);
            }
            return;
        }
        if (index < 0) {
            obj = child(obj, name, cJSON_Object);
            continue;
        }
        cJSON *arr = child(obj, name, cJSON_Array);
        if (!v)
            return;
        while (cJSON_GetArraySize(arr) <= index)
            cJSON_AddItemToArray(arr, cJSON_CreateNull());
        cJSON *el = cJSON_GetArrayItem(arr, (int)index);
        if (last) {
            cJSON_ReplaceItemInArray(arr, (int)index, v);
            return;
        }
        if (!cJSON_IsObject(el)) {
            el = cJSON_CreateObject();
            cJSON_ReplaceItemInArray(arr, (int)index, el);
        }
        obj = el;
    }
}

/* How the rules use the path of a header: 效益指标[2].完成 is field 完成 of array 效益指标. */
static const struct usage_field *usage_at(const struct usage *u, const char *array,
                                          const char *path)
{
    const char *open = array || !u ? NULL : strchr(path, '[');
    const char *close = open ? strchr(open, ']') : NULL;
    if (!close)
        return u ? usage_find(u, array, path) : NULL;
    char *arr = xstrndup(path, (size_t)(open - path));
    const struct usage_field *f = usage_find(u, arr, close[1] == '.' ? close + 2 : "");
    free(arr);
    return f;
}

/* The problems of one data set: the first cell's address, every message. */
struct problems {
    char at[512];
    struct buf text;
};

static void problem(struct input *in, const struct book *b, const struct sheet *s,
                    struct problems *p, uint32_t row, uint32_t col, const char *path,
                    const char *text, const char *what)
{
    char cell[32];
    book_cell_name(cell, row, col);
    char at[512];
    if (b->csv)
        snprintf(at, sizeof at, "%s:%s", b->file, cell);
    else
        snprintf(at, sizeof at, "%s:%s!%s", b->file, s->name, cell);
    if (!p->text.len)
        snprintf(p->at, sizeof p->at, "%s", at);
    else
        buf_adds(&p->text, msg(in->lang, M_SEMICOLON));
    enum msg_id id = strcmp(what, "number") == 0 ? M_E_CELL_NUMBER
                     : strcmp(what, "bool") == 0 ? M_E_CELL_BOOL
                     : strcmp(what, "error") == 0 ? M_E_CELL_ERROR : M_E_CELL_KEY;
    if (p->text.len)
        buf_printf(&p->text, "%s ", cell);
    buf_printf(&p->text, msg(in->lang, id), path, text);
}

/* One cell into obj at path, typed by how the rules use (array, path). */
static void put_cell(struct input *in, const struct book *b, const struct sheet *s,
                     const struct row *r, uint32_t col, const char *array, const char *path,
                     cJSON *obj, struct problems *p)
{
    const struct cell *c = cell_at(s, r, col);
    const struct usage_field *f = usage_at(in->usage, array, path);
    const char *bad;
    cJSON *v = cell_value(c, f ? f->type : T_ANY, &bad);
    if (v)
        set_path(obj, path, v);
    else if (bad)
        problem(in, b, s, p, r->num, col, path, c->text, bad);
}

static void emit_set(struct input *in, cJSON *set, struct problems *p, const char *at)
{
    struct input_item it = {.kind = ITEM_VALUE, .value = set, .at = at};
    if (p->text.len) {
        it.kind = ITEM_ERROR;
        it.at = p->at;
        it.message = buf_cstr(&p->text);
    }
    input_emit(in, &it);
    p->text.len = 0;
}

/* The header of a sheet: its first row with a cell, each column's path ("" for none). */
struct header {
    const struct row *row;
    const char **paths;     /* by column index, up to n */
    uint32_t n;
};

static void read_header(struct book *b, const struct sheet *s, struct header *h)
{
    memset(h, 0, sizeof *h);
    if (!s->n)
        return;
    h->row = &s->rows[0];
    h->n = h->row->n ? h->row->cells[h->row->n - 1].col + 1 : 0;
    h->paths = arena_zalloc(&b->ar, (h->n + 1) * sizeof *h->paths);
    for (uint32_t i = 0; i < h->n; i++) {
        size_t len;
        const char *t = trim(cell_at(s, h->row, i)->text, &len);
        if (len && *t == '$')
            t++, len--;
        h->paths[i] = arena_strndup(&b->ar, t, len);
    }
}

static int blank_row(const struct row *r)
{
    for (uint32_t i = 0; i < r->n; i++) {
        size_t len;
        trim(r->cells[i].text, &len);
        if (r->cells[i].kind != C_EMPTY && (len || r->cells[i].kind != C_TEXT))
            return 0;
    }
    return 1;
}

/* The rows of an array sheet as elements, appended to arr (or, with keys, to the data set
 * whose key the row's first cell names: keys maps it to 1 + its index in arrs). */
static void read_elements(struct input *in, struct book *b, const struct sheet *s,
                          cJSON *arr, const struct strmap *keys, cJSON **arrs,
                          struct problems *probs, struct problems *orphans)
{
    struct header h;
    read_header(b, s, &h);
    const struct usage_field *f = in->usage ? usage_find(in->usage, s->name, "") : NULL;
    int scalars = h.n == (keys ? 2u : 1u) && strcmp(h.paths[h.n - 1], BOOK_VALUE) == 0
                  && !(in->usage && usage_find(in->usage, s->name, BOOK_VALUE));
    for (uint32_t ri = 1; ri < s->n; ri++) {
        const struct row *r = &s->rows[ri];
        if (blank_row(r))
            continue;
        cJSON *into = arr;
        struct problems *p = orphans;
        if (keys) {
            size_t len;
            const char *t = trim(cell_at(s, r, 0)->text, &len);
            char *k = xstrndup(t, len);
            uintptr_t i = (uintptr_t)strmap_get(keys, k);
            if (!i) {
                problem(in, b, s, orphans, r->num, 0, h.paths[0], k, "key");
                free(k);
                continue;
            }
            free(k);
            into = arrs[i - 1];
            p = &probs[i - 1];
        }
        uint32_t first = keys ? 1 : 0;
        if (scalars) {      /* one 值 column: the elements are its cells */
            const char *bad;
            const struct cell *c = cell_at(s, r, first);
            cJSON *v = cell_value(c, f ? f->type : T_ANY, &bad);
            if (bad)
                problem(in, b, s, p, r->num, first, s->name, c->text, bad);
            cJSON_AddItemToArray(into, v ? v : cJSON_CreateNull());
            continue;
        }
        cJSON *el = cJSON_CreateObject();
        for (uint32_t col = first; col < h.n; col++)
            if (*h.paths[col])
                put_cell(in, b, s, r, col, s->name, h.paths[col], el, p);
        cJSON_AddItemToArray(into, el);
    }
}

/* 数据项 | 值: one data set, arrays from the further sheets. */
static void read_form(struct input *in, struct book *b, uint32_t header)
{
    const struct sheet *s = &b->sheets[0];
    cJSON *set = cJSON_CreateObject();
    struct problems p = {0};
    for (uint32_t ri = header; ri < s->n; ri++) {
        const struct row *r = &s->rows[ri];
        size_t len;
        const char *t = trim(cell_at(s, r, 0)->text, &len);
        if (len && *t == '$')
            t++, len--;
        if (!len)
            continue;
        char *path = xstrndup(t, len);
        if (strchr(path, '['))
            set_path(set, path, NULL);
        put_cell(in, b, s, r, 1, NULL, path, set, &p);
        free(path);
    }
    for (uint32_t i = 1; i < b->n; i++) {
        cJSON *arr = cJSON_CreateArray();
        set_path(set, b->sheets[i].name, arr);
        read_elements(in, b, &b->sheets[i], arr, NULL, NULL, NULL, &p);
    }
    emit_set(in, set, &p, b->file);
    struct input_item flush = {.kind = ITEM_FLUSH};
    input_emit(in, &flush);
    cJSON_Delete(set);
    buf_free(&p.text);
}

/* A data path per column, a data set per row; further sheets join by their first column. */
/* The data set of one row of a table's first sheet, and where it is (at). */
static cJSON *row_set(struct input *in, struct book *b, const struct sheet *s,
                      const struct header *h, const struct row *r, struct problems *p,
                      const char **at)
{
    cJSON *set = cJSON_CreateObject();
    for (uint32_t col = 0; col < h->n; col++)
        if (strchr(h->paths[col], '['))
            set_path(set, h->paths[col], NULL);     /* all empty: an empty array */
    for (uint32_t col = 0; col < h->n; col++)
        if (*h->paths[col])
            put_cell(in, b, s, r, col, NULL, h->paths[col], set, p);
    char cell[32];
    book_cell_name(cell, r->num, 0);
    *at = b->csv ? arena_printf(&b->ar, "%s:%u", b->file, r->num)
                 : arena_printf(&b->ar, "%s:%s!%s", b->file, s->name, cell);
    return set;
}

/* A table without array sheets (every CSV file): data sets made, handed over and freed a
 * batch at a time, so that their memory does not grow with the table. */
static void stream_table(struct input *in, struct book *b, const struct sheet *s,
                         const struct header *h)
{
    enum { BATCH = 256 };
    cJSON *batch[BATCH];
    size_t n = 0;
    struct problems p = {0};
    struct input_item flush = {.kind = ITEM_FLUSH};
    for (uint32_t ri = 1; ri < s->n; ri++) {
        if (blank_row(&s->rows[ri]))
            continue;
        const char *at;
        batch[n] = row_set(in, b, s, h, &s->rows[ri], &p, &at);
        emit_set(in, batch[n++], &p, at);
        if (n == BATCH || ri + 1 == s->n) {
            input_emit(in, &flush);     /* the data sets are used until here */
            while (n)
                cJSON_Delete(batch[--n]);
        }
    }
    input_emit(in, &flush);
    while (n)
        cJSON_Delete(batch[--n]);
    buf_free(&p.text);
}

static void read_table(struct input *in, struct book *b)
{
    const struct sheet *s = &b->sheets[0];
    struct header h;
    read_header(b, s, &h);
    if (b->n == 1) {
        stream_table(in, b, s, &h);
        return;
    }
    size_t n = 0;
    for (uint32_t ri = 1; ri < s->n; ri++)
        n += !blank_row(&s->rows[ri]);
    cJSON **sets = xcalloc(n + 1, sizeof *sets), **arrs = xcalloc(n + 1, sizeof *arrs);
    const struct row **rows = xcalloc(n + 1, sizeof *rows);
    struct strmap by_key = {0};     /* key text -> 1 + data set index, per array sheet */
    const char **ats = xcalloc(n + 1, sizeof *ats);
    struct problems *probs = xcalloc(n + 1, sizeof *probs);
    size_t k = 0;
    for (uint32_t ri = 1; ri < s->n; ri++) {
        const struct row *r = &s->rows[ri];
        if (blank_row(r))
            continue;
        rows[k] = r;
        sets[k] = row_set(in, b, s, &h, r, &probs[k], &ats[k]);
        k++;
    }
    struct problems orphans = {0};
    for (uint32_t i = 1; i < b->n; i++) {
        const struct sheet *as = &b->sheets[i];
        struct header ah;
        read_header(b, as, &ah);
        /* the key column: the first sheet's column named like the array sheet's first */
        uint32_t keycol = UINT32_MAX;
        for (uint32_t col = 0; ah.n && col < h.n; col++)
            if (strcmp(h.paths[col], ah.paths[0]) == 0)
                keycol = col;
        strmap_free(&by_key);
        memset(&by_key, 0, sizeof by_key);
        for (size_t j = 0; j < n; j++) {
            if (keycol != UINT32_MAX) {
                size_t len;
                const char *t = trim(cell_at(s, rows[j], keycol)->text, &len);
                const char *key = arena_strndup(&b->ar, t, len);
                if (!strmap_get(&by_key, key))
                    strmap_put(&by_key, key, (void *)(uintptr_t)(j + 1));
            }
            arrs[j] = cJSON_CreateArray();
            set_path(sets[j], as->name, arrs[j]);
        }
        read_elements(in, b, as, NULL, &by_key, arrs, probs, &orphans);
    }
    for (size_t j = 0; j < n; j++)
        emit_set(in, sets[j], &probs[j], ats[j]);
    if (orphans.text.len) {
        struct input_item it = {.kind = ITEM_ERROR, .at = orphans.at,
                                .message = buf_cstr(&orphans.text)};
        input_emit(in, &it);
    }
    struct input_item flush = {.kind = ITEM_FLUSH};
    input_emit(in, &flush);     /* the data sets are used until here */
    for (size_t j = 0; j < n; j++) {
        cJSON_Delete(sets[j]);
        buf_free(&probs[j].text);
    }
    strmap_free(&by_key);
    free(rows);
    buf_free(&orphans.text);
    free(sets);
    free(arrs);
    free(ats);
    free(probs);
}

/* 1 + the index of the form's header row (数据项 | 值) among the first rows of s, which may sit
 * under a title row or two; 0 when s is no form. */
static uint32_t form_header(const struct sheet *s)
{
    for (uint32_t ri = 0; ri < s->n && ri < 5; ri++) {
        const struct row *r = &s->rows[ri];
        const struct cell *a = cell_in(r, 0), *b = cell_in(r, 1);
        size_t la, lb;
        const char *ta = a ? trim(a->text, &la) : "", *tb = b ? trim(b->text, &lb) : "";
        if (a && b && la == strlen(BOOK_ITEM) && memcmp(ta, BOOK_ITEM, la) == 0
            && lb == strlen(BOOK_VALUE) && memcmp(tb, BOOK_VALUE, lb) == 0)
            return ri + 1;
    }
    return 0;
}

void book_read(struct input *in, const char *path, int xlsx)
{
    struct book b;
    book_init(&b, path);
    b.csv = !xlsx;
    char err[1024];
    int ok = xlsx ? in_xlsx_read(&b, path, in->lang, err, sizeof err)
                  : in_csv_read(&b, path, in->encoding, in->lang, err, sizeof err);
    struct input_item flush = {.kind = ITEM_FLUSH};
    input_emit(in, &flush);     /* the data sets below are freed as they are made */
    if (!ok) {
        cli_error_at(path, M_TEXT, err);
        struct input_item it = {.kind = ITEM_ERROR, .at = path, .message = err};
        input_emit(in, &it);
    } else if (b.n && form_header(&b.sheets[0]))
        read_form(in, &b, form_header(&b.sheets[0]));
    else if (b.n)
        read_table(in, &b);
    book_free(&b);
}
