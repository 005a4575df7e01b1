/* diag.c - the one diagnostics formatter, and the sources it quotes. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "mem.h"
#include "utf8.h"

void diag_init(struct diag *dg, enum lang lang, FILE *out)
{
    memset(dg, 0, sizeof *dg);
    dg->lang = lang;
    dg->out = out;
}

void diag_free(struct diag *dg)
{
    for (uint32_t i = 0; i < dg->npending; i++)
        free(dg->pending[i].text);
    free(dg->pending);
    for (uint32_t i = 0; i < dg->nfiles; i++) {
        free(dg->files[i].name);
        free(dg->files[i].text - dg->files[i].bom);
    }
    free(dg->files);
    dg->files = NULL;
    dg->nfiles = dg->cap = 0;
}

uint32_t diag_add_source(struct diag *dg, const char *name, char *text, size_t len)
{
    struct source s = {xstrndup(name, strlen(name)), text, len, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {   /* a leading BOM is ignored */
        s.text += 3;
        s.len -= 3;
        s.bom = 3;
    }
    VEC_PUSH(dg->files, dg->nfiles, dg->cap, s);
    return dg->nfiles - 1;
}

uint32_t diag_load(struct diag *dg, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_plain(dg, M_IS_DIR, path);
        return UINT32_MAX;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_plain(dg, M_CANT_READ, path, strerror(errno));
        return UINT32_MAX;
    }
    struct buf b = {0};
    int err = !buf_read_all(&b, f);
    fclose(f);
    if (err) {
        diag_plain(dg, M_CANT_READ, path, strerror(EIO));
        buf_free(&b);
        return UINT32_MAX;
    }
    buf_cstr(&b);
    return diag_add_source(dg, path, b.data, b.len);
}

static uint32_t line_start(const struct source *s, uint32_t off)
{
    while (off > 0 && s->text[off - 1] != '\n')
        off--;
    return off;
}

void diag_linecol(const struct diag *dg, uint32_t file, uint32_t off, uint32_t *line, uint32_t *col)
{
    const struct source *s = &dg->files[file];
    if (off > s->len)
        off = (uint32_t)s->len;
    uint32_t ln = 1;
    for (uint32_t i = 0; i < off; i++)
        ln += s->text[i] == '\n';
    *line = ln;
    uint32_t start = line_start(s, off);
    *col = (uint32_t)utf8_count(s->text + start, off - start) + 1;
}

void diag_where(const struct diag *dg, struct span at, char *buf, size_t cap)
{
    uint32_t line, col;
    diag_linecol(dg, at.file, at.start, &line, &col);
    snprintf(buf, cap, "%s:%u:%u", dg->files[at.file].name, line, col);
}

const char *diag_text(const struct diag *dg, struct span at, size_t *len)
{
    const struct source *s = &dg->files[at.file];
    uint32_t end = at.end > s->len ? (uint32_t)s->len : at.end;
    uint32_t start = at.start > end ? end : at.start;
    *len = end - start;
    return s->text + start;
}

void diag_text_line(const struct diag *dg, struct span at, struct buf *out)
{
    size_t len;
    const char *t = diag_text(dg, at, &len);
    for (size_t i = 0; i < len; i++) {
        if (!strchr(" \t\r\n", t[i])) {
            buf_addc(out, t[i]);
            continue;
        }
        while (i + 1 < len && strchr(" \t\r\n", t[i + 1]))
            i++;
        buf_addc(out, ' ');
    }
}

/* The source line holding `off`, then a caret under it, padded by display width. */
static void quote_line(struct diag *dg, const struct source *s, uint32_t off)
{
    uint32_t start = line_start(s, off), end = off;
    while (end < s->len && s->text[end] != '\n')
        end++;
    uint32_t shown = end;
    if (shown > start && s->text[shown - 1] == '\r')
        shown--;
    for (uint32_t i = start; i < shown;) {     /* invalid UTF-8 is shown as '?' */
        uint32_t cp;
        int n = utf8_decode(s->text + i, shown - i, &cp);
        if (n <= 0) {
            fputc('?', dg->out);
            i++;
        } else {
            fwrite(s->text + i, 1, (size_t)n, dg->out);
            i += (uint32_t)n;
        }
    }
    fputc('\n', dg->out);
    for (uint32_t i = start; i < off && i < shown;) {
        uint32_t cp;
        int n = utf8_decode(s->text + i, shown - i, &cp);
        if (n <= 0) {
            n = 1;
            cp = '?';
        }
        if (cp == '\t')
            fputc('\t', dg->out);
        else
            for (int w = utf8_width(cp); w > 0; w--)
                fputc(' ', dg->out);
        i += (uint32_t)n;
    }
    fputs("^\n", dg->out);
}

void diag_error_text(struct diag *dg, struct span at, const char *text)
{
    dg->nerrors++;
    struct diag_entry e = {at.file, at.start, dg->npending, xstrndup(text, strlen(text))};
    VEC_PUSH(dg->pending, dg->npending, dg->cappending, e);
}

static int by_place(const void *a, const void *b)
{
    const struct diag_entry *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void print_pending(struct diag *dg)
{
    if (dg->npending)
        qsort(dg->pending, dg->npending, sizeof *dg->pending, by_place);
    for (uint32_t i = 0; i < dg->npending; i++) {
        struct diag_entry *e = &dg->pending[i];
        if (i == DIAG_MAX) {
            fprintf(dg->out, "jixiao: %s\n", msg(dg->lang, M_TOO_MANY));
            break;
        }
        char where[512];
        struct span at = {e->file, e->off, e->off};
        diag_where(dg, at, where, sizeof where);
        fprintf(dg->out, "%s: %s: %s\n", where, msg(dg->lang, M_ERROR), e->text);
        quote_line(dg, &dg->files[e->file], e->off);
    }
    for (uint32_t i = 0; i < dg->npending; i++)
        free(dg->pending[i].text);
    dg->npending = 0;
}

void diag_error(struct diag *dg, struct span at, enum msg_id id, ...)
{
    struct buf b = {0};
    va_list ap;
    va_start(ap, id);
    buf_vprintf(&b, msg(dg->lang, id), ap);
    va_end(ap);
    diag_error_text(dg, at, buf_cstr(&b));
    buf_free(&b);
}

void diag_plain(struct diag *dg, enum msg_id id, ...)
{
    dg->nerrors++;
    va_list ap;
    va_start(ap, id);
    fprintf(dg->out, "jixiao: %s: ", msg(dg->lang, M_ERROR));
    vfprintf(dg->out, msg(dg->lang, id), ap);
    fputc('\n', dg->out);
    va_end(ap);
}

void diag_summary(struct diag *dg)
{
    print_pending(dg);
    if (dg->nerrors == 1)
        fprintf(dg->out, "%s\n", msg(dg->lang, M_COUNT1));
    else if (dg->nerrors > 1)
        fprintf(dg->out, msg(dg->lang, M_COUNTN), dg->nerrors);
    if (dg->nerrors > 1)
        fputc('\n', dg->out);
}
