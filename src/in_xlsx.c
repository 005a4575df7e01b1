/* in_xlsx.c - .xlsx workbooks (Office Open XML spreadsheets) read with libzip and expat.
 *
 * Parts read: xl/workbook.xml (sheet names in tab order, the 1904 date system),
 * xl/_rels/workbook.xml.rels (each sheet's part), xl/sharedStrings.xml (text cells),
 * xl/styles.xml (which cell styles show dates) and each sheet (cells, merged ranges).  A
 * formula cell gives the value its program stored with it (the cached result).  Parts are
 * streamed through expat, so a large sheet costs its cells, not its XML.
 */
#include "book.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "num.h"

enum { STYLE_DATE = 1, STYLE_PCT = 2 };

struct pair {
    char *a, *b;
};

struct xlsx {
    struct book *b;
    zip_t *zip;
    int date1904;
    /* workbook */
    struct pair *sheets;                /* name, relationship id: in tab order */
    size_t nsheets, capsheets;
    struct pair *rels;                  /* relationship id, target part */
    size_t nrels, caprels;
    /* shared strings */
    char **strings;
    size_t nstrings, capstrings;
    /* styles: does cell style i show a date (STYLE_DATE) or a percentage (STYLE_PCT)? */
    unsigned char *date_style;
    size_t nstyles, capstyles;
    uint32_t *fmt_ids;                  /* custom number formats that show dates or percent */
    unsigned char *fmt_kinds;           /* STYLE_DATE or STYLE_PCT, by fmt_ids */
    size_t nfmts, capfmts, capkinds;
    /* parsing state */
    struct buf text;
    int in_text, in_si, in_rph, in_cellxfs, in_value, in_inline;
    struct sheet *sheet;
    uint32_t row, col;
    char ctype[16];
    long style;
    char error[256];    /* the part that could not be read */
};

/* The local name of an element: "x:row" -> "row". */
static const char *local(const char *name)
{
    const char *colon = strrchr(name, ':');
    return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* "B7" -> row 7, column 1; 0 when it is no cell reference. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
    uint32_t c = 0, r = 0;
    int letters = 0;
    for (; *s >= 'A' && *s <= 'Z' && letters < 4; s++, letters++)
        c = c * 26 + (uint32_t)(*s - 'A' + 1);
    for (; *s >= '0' && *s <= '9' && r < 10000000; s++)
        r = r * 10 + (uint32_t)(*s - '0');
    if (!letters || !r || *s)
        return 0;
    *row = r;
    *col = c - 1;
    return 1;
}

/* What a number format shows: a date (y, d, 年, 日 outside quotes, brackets and escapes;
 * times like [h]:mm are not dates), a percentage (%), or neither (0). */
static int format_kind(const char *f)
{
    int pct = 0;
    for (const char *p = f; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            if (p[1])
                p++;
        } else if (*p == '[') {
            while (p[1] && p[1] != ']')
                p++;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (strchr("yYdD", *p) || strncmp(p, "年", 3) == 0 || strncmp(p, "日", 3) == 0) {
            return STYLE_DATE;
        } else if (*p == '%')
            pct = STYLE_PCT;
    }
    return pct;
}

/* Built-in number formats that show dates (ECMA-376 18.8.30, with the CJK ones). */
static int builtin_date(uint32_t id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* STYLE_DATE, STYLE_PCT or 0 for number format id. */
static int style_kind(const struct xlsx *x, uint32_t id)
{
    for (size_t i = 0; i < x->nfmts; i++)
        if (x->fmt_ids[i] == id)
            return x->fmt_kinds[i];
    return builtin_date(id) ? STYLE_DATE : id == 9 || id == 10 ? STYLE_PCT : 0;
}

/* ---- element handlers ---- */

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    struct xlsx *x = ud;
    const char *n = local(name), *v;
    if (strcmp(n, "sheet") == 0 && !x->sheet) {
        const char *sn = attr(atts, "name"), *id = attr(atts, "id");
        if (sn && id) {
            struct pair pr = {xstrndup(sn, strlen(sn)), xstrndup(id, strlen(id))};
            VEC_PUSH(x->sheets, x->nsheets, x->capsheets, pr);
        }
    } else if (strcmp(n, "workbookPr") == 0) {
        v = attr(atts, "date1904");
        x->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
    } else if (strcmp(n, "Relationship") == 0) {
        const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
        if (id && t) {
            struct pair pr = {xstrndup(id, strlen(id)), xstrndup(t, strlen(t))};
            VEC_PUSH(x->rels, x->nrels, x->caprels, pr);
        }
    } else if (strcmp(n, "si") == 0) {
        x->in_si = 1;
        x->text.len = 0;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 1;      /* phonetic guide: not part of the text */
    } else if (strcmp(n, "t") == 0 && (x->in_si || x->in_inline) && !x->in_rph) {
        x->in_text = 1;
    } else if (strcmp(n, "numFmt") == 0) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        if (id && code && format_kind(code)) {
            size_t k = x->nfmts;
            VEC_PUSH(x->fmt_kinds, k, x->capkinds, (unsigned char)format_kind(code));
            VEC_PUSH(x->fmt_ids, x->nfmts, x->capfmts, (uint32_t)strtoul(id, NULL, 10));
        }
    } else if (strcmp(n, "cellXfs") == 0) {
        x->in_cellxfs = 1;
    } else if (strcmp(n, "xf") == 0 && x->in_cellxfs) {
        v = attr(atts, "numFmtId");
        uint32_t id = v ? (uint32_t)strtoul(v, NULL, 10) : 0;
        unsigned char d = (unsigned char)style_kind(x, id);
        VEC_PUSH(x->date_style, x->nstyles, x->capstyles, d);
    } else if (strcmp(n, "row") == 0 && x->sheet) {
        v = attr(atts, "r");
        x->row = v ? (uint32_t)strtoul(v, NULL, 10) : x->row + 1;
        x->col = 0;
    } else if (strcmp(n, "c") == 0 && x->sheet) {
        v = attr(atts, "r");
        uint32_t r, c;
        if (v && parse_ref(v, &r, &c)) {
            x->row = r;
            x->col = c;
        }
        v = attr(atts, "t");
        snprintf(x->ctype, sizeof x->ctype, "%s", v ? v : "n");
        v = attr(atts, "s");
        x->style = v ? strtol(v, NULL, 10) : 0;
        x->text.len = 0;
        x->in_inline = 0;
    } else if (strcmp(n, "v") == 0 && x->sheet) {
        x->in_value = 1;
        x->text.len = 0;
    } else if (strcmp(n, "is") == 0 && x->sheet) {
        x->in_inline = 1;
        x->text.len = 0;
    } else if (strcmp(n, "mergeCell") == 0 && x->sheet) {
        v = attr(atts, "ref");
        char a[32], b[32];
        const char *colon = v ? strchr(v, ':') : NULL;
        struct merge m;
        if (colon && (size_t)(colon - v) < sizeof a && strlen(colon + 1) < sizeof b) {
            snprintf(a, sizeof a, "%.*s", (int)(colon - v), v);
            snprintf(b, sizeof b, "%s", colon + 1);
            if (parse_ref(a, &m.r1, &m.c1) && parse_ref(b, &m.r2, &m.c2))
                VEC_PUSH(x->sheet->merges, x->sheet->nmerges, x->sheet->capmerges, m);
        }
    }
}

/* The cell just closed, as the book holds it. */
static void add_cell(struct xlsx *x)
{
    const char *t = x->ctype;
    const char *s = buf_cstr(&x->text);
    size_t len = x->text.len;
    if (strcmp(t, "s") == 0) {
        unsigned long i = strtoul(s, NULL, 10);
        if (!len || i >= x->nstrings) {
            snprintf(x->error, sizeof x->error, "xl/sharedStrings.xml: %s", s);
            return;
        }
        book_add_cell(x->b, x->sheet, x->row, x->col, C_TEXT, 0, x->strings[i],
                      strlen(x->strings[i]));
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        book_add_cell(x->b, x->sheet, x->row, x->col, C_TEXT, 0, s, len);
    } else if (strcmp(t, "b") == 0) {
        book_add_cell(x->b, x->sheet, x->row, x->col, C_BOOL, s[0] == '1', s, len);
    } else if (strcmp(t, "e") == 0) {
        book_add_cell(x->b, x->sheet, x->row, x->col, C_ERROR, 0, s, len);
    } else if (len) {
        double d;
        if (!num_parse(s, len, &d)) {
            book_add_cell(x->b, x->sheet, x->row, x->col, C_TEXT, 0, s, len);
            return;
        }
        int kind = x->style >= 0 && (size_t)x->style < x->nstyles ? x->date_style[x->style] : 0;
        if (kind == STYLE_DATE) {
            char date[32];
            book_serial_date(date, d + (x->date1904 ? 1462 : 0));
            book_add_cell(x->b, x->sheet, x->row, x->col, C_DATE, d, date, strlen(date));
            return;
        }
        char text[NUM_BUF + 1];     /* as shown: 0.96 with a percent format is 96% */
        size_t n = num_format(text, NUM_BUF, kind == STYLE_PCT ? d * 100 : d, -1);
        if (kind == STYLE_PCT)
            text[n++] = '%';
        book_add_cell(x->b, x->sheet, x->row, x->col, C_NUMBER, d, text, n);
    }
}

static void XMLCALL on_end(void *ud, const char *name)
{
    struct xlsx *x = ud;
    const char *n = local(name);
    if (strcmp(n, "si") == 0 && x->in_si) {
        char *s = xstrndup(buf_data(&x->text), x->text.len);
        VEC_PUSH(x->strings, x->nstrings, x->capstrings, s);
        x->in_si = 0;
    } else if (strcmp(n, "rPh") == 0) {
        x->in_rph = 0;
    } else if (strcmp(n, "t") == 0) {
        x->in_text = 0;
    } else if (strcmp(n, "cellXfs") == 0) {
        x->in_cellxfs = 0;
    } else if (strcmp(n, "v") == 0) {
        x->in_value = 0;
    } else if (strcmp(n, "c") == 0 && x->sheet) {
        add_cell(x);
        x->col++;
        x->in_inline = 0;
    }
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
    struct xlsx *x = ud;
    if (x->in_text || x->in_value)
        buf_add(&x->text, s, (size_t)len);
}

/* Stream one part through expat; 1 when it is absent and optional, or parsed. */
static int parse_part(struct xlsx *x, const char *part, int required)
{
    zip_file_t *zf = zip_fopen(x->zip, part, 0);
    if (!zf) {
        if (required)
            snprintf(x->error, sizeof x->error, "%s", part);
        return !required;
    }
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, x);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    char chunk[65536];
    zip_int64_t n;
    int ok = 1;
    do {
        n = zip_fread(zf, chunk, sizeof chunk);
        if (n < 0 || XML_Parse(p, chunk, (int)(n > 0 ? n : 0), n == 0) == XML_STATUS_ERROR) {
            snprintf(x->error, sizeof x->error, "%s: %s", part,
                     n < 0 ? "zip" : XML_ErrorString(XML_GetErrorCode(p)));
            ok = 0;
            break;
        }
    } while (n > 0 && !x->error[0]);
    XML_ParserFree(p);
    zip_fclose(zf);
    return ok && !x->error[0];
}

/* A relationship target as a part name: "worksheets/sheet1.xml" or "/xl/worksheets/…". */
static char *part_name(const char *target)
{
    if (target[0] == '/')
        return xstrndup(target + 1, strlen(target) - 1);
    size_t n = strlen(target);
    char *p = xmalloc(n + 4);
    memcpy(p, "xl/", 3);
    memcpy(p + 3, target, n + 1);
    return p;
}

static void free_pairs(struct pair *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].a);
        free(v[i].b);
    }
    free(v);
}

int in_xlsx_read(struct book *b, const char *path, enum lang lang, char *err, size_t errlen)
{
    int zerr = 0;
    struct xlsx x = {.b = b};
    x.zip = zip_open(path, ZIP_RDONLY, &zerr);
    if (!x.zip) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        snprintf(err, errlen, msg(lang, M_E_XLSX), zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return 0;
    }
    int ok = parse_part(&x, "xl/workbook.xml", 1) && parse_part(&x, "xl/_rels/workbook.xml.rels", 1)
             && parse_part(&x, "xl/sharedStrings.xml", 0) && parse_part(&x, "xl/styles.xml", 0);
    for (size_t i = 0; ok && i < x.nsheets; i++) {
        const char *target = NULL;
        for (size_t k = 0; k < x.nrels && !target; k++)
            if (strcmp(x.rels[k].a, x.sheets[i].b) == 0)
                target = x.rels[k].b;
        if (!target) {
            snprintf(x.error, sizeof x.error, "xl/_rels/workbook.xml.rels: %s", x.sheets[i].b);
            ok = 0;
            break;
        }
        char *part = part_name(target);
        x.sheet = book_add_sheet(b, x.sheets[i].a);
        x.row = 0;
        ok = parse_part(&x, part, 1);
        free(part);
    }
    if (!ok)
        snprintf(err, errlen, msg(lang, M_E_XLSX), x.error);
    zip_close(x.zip);
    free_pairs(x.sheets, x.nsheets);
    free_pairs(x.rels, x.nrels);
    for (size_t i = 0; i < x.nstrings; i++)
        free(x.strings[i]);
    free(x.strings);
    free(x.date_style);
    free(x.fmt_ids);
    free(x.fmt_kinds);
    buf_free(&x.text);
    return ok;
}
