/* diag.c - the one diagnostics formatter, and the sources it quotes. */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "jsonw.h"
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
    for (uint32_t i = 0; i < dg->npending; i++) {
        free(dg->pending[i].text);
        free(dg->pending[i].hint);
        free(dg->pending[i].note);
    }
    free(dg->pending);
    for (uint32_t i = 0; i < dg->nfiles; i++) {
        free(dg->files[i].name);
        free(dg->files[i].text - dg->files[i].bom);
        free(dg->files[i].starts);
    }
    free(dg->files);
    dg->files = NULL;
    dg->nfiles = dg->cap = 0;
}

/* The line starts of text into out (NULL: only counted): after "\n", "\r\n" and a lone "\r"
 * (old Mac files).  Returns how many. */
static uint32_t line_starts(const char *text, size_t len, uint32_t *out)
{
    uint32_t n = 0;
    if (out)
        out[n] = 0;
    n++;
    if (!memchr(text, '\r', len)) {     /* the usual file: memchr finds the lines */
        for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++) {
            if (out)
                out[n] = (uint32_t)(p - text + 1);
            n++;
        }
        return n;
    }
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'))) {
            if (out)
                out[n] = (uint32_t)(i + 1);
            n++;
        }
    return n;
}

uint32_t diag_add_source(struct diag *dg, const char *name, char *text, size_t len)
{
    struct source s = {xstrndup(name, strlen(name)), text, len, 0, NULL, 0, 0, 0};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {   /* a leading BOM is ignored */
        s.text += 3;
        s.len -= 3;
        s.bom = 3;
    }
    /* counted first, so the table has exactly their size */
    s.starts = xmalloc(line_starts(s.text, s.len, NULL) * sizeof *s.starts);
    s.nlines = line_starts(s.text, s.len, s.starts);
    VEC_PUSH(dg->files, dg->nfiles, dg->cap, s);
    return dg->nfiles - 1;
}

uint32_t diag_load(struct diag *dg, const char *path)
{
    struct buf b = {0};
    struct stat st;
    int err = buf_read_file(&b, path, DIAG_MAX_SOURCE, &st);
    if (err) {
        if (err == EISDIR)
            diag_plain(dg, M_IS_DIR, path);
        else if (err == ENODEV)
            diag_plain(dg, M_NOT_REGULAR, path);
        else if (err == EFBIG)
            diag_plain(dg, M_TOO_BIG, path, DIAG_MAX_SOURCE >> 20);
        else
            diag_plain(dg, M_CANT_READ, path, msg_errno(dg->lang, err));
        buf_free(&b);
        return UINT32_MAX;
    }
    uint32_t file = diag_add_source(dg, path, b.data, b.len);
    dg->files[file].dev = (uint64_t)st.st_dev;
    dg->files[file].ino = (uint64_t)st.st_ino;
    return file;
}

/* The line holding off: binary search of the line-start table (built once per source, as
 * jq's locfile does), so turning a position into a line costs log(lines), not the file. */
uint32_t source_line(const struct source *s, uint32_t off)
{
    uint32_t lo = 0, hi = s->nlines;    /* starts[0] == 0 <= off */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t line_start(const struct source *s, uint32_t off)
{
    return s->starts[source_line(s, off)];
}

void diag_linecol(const struct diag *dg, uint32_t file, uint32_t off, uint32_t *line, uint32_t *col)
{
    const struct source *s = &dg->files[file];
    if (off > s->len)
        off = (uint32_t)s->len;
    uint32_t i = source_line(s, off);
    *line = i + 1;
    if (col)
        *col = (uint32_t)utf8_count(s->text + s->starts[i], off - s->starts[i]) + 1;
}

uint32_t diag_line(const struct diag *dg, struct span at)
{
    uint32_t line;
    diag_linecol(dg, at.file, at.start, &line, NULL);   /* no column: linear on long lines */
    return line;
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

void diag_put_term(FILE *f, const char *s, size_t len)
{
    struct buf b = {0};
    utf8_escape_term(&b, s, len);
    if (b.len)
        fwrite(b.data, 1, b.len, f);
    buf_free(&b);
}

/* The source line holding `off`, then a caret under it, padded by display width.  The line
 * is shown as diag_put_term shows text (a tab is kept: it is harmless and the caret line
 * repeats it), so the caret is padded by the width of each character as shown. */
static void quote_line(struct diag *dg, const struct source *s, uint32_t off)
{
    uint32_t start = line_start(s, off), end = off;
    while (end < s->len && s->text[end] != '\n' && s->text[end] != '\r')
        end++;
    struct buf shown = {0}, caret = {0};
    for (uint32_t i = start; i < end;) {
        uint32_t cp;
        int n = utf8_decode(s->text + i, end - i, &cp);
        if (n <= 0)
            n = 1;
        size_t before = shown.len;
        if (s->text[i] == '\t')
            buf_addc(&shown, '\t');
        else
            utf8_escape_term(&shown, s->text + i, (size_t)n);
        if (i < off) {
            if (s->text[i] == '\t')
                buf_addc(&caret, '\t');
            else
                for (size_t w = utf8_str_width(shown.data + before, shown.len - before); w > 0; w--)
                    buf_addc(&caret, ' ');
        }
        i += (uint32_t)n;
    }
    buf_addc(&shown, '\n');
    buf_add(&caret, "^\n", 2);
    fwrite(shown.data, 1, shown.len, dg->out);
    fwrite(caret.data, 1, caret.len, dg->out);
    buf_free(&shown);
    buf_free(&caret);
}

static void add_pending(struct diag *dg, struct span at, enum diag_severity sev,
                        const char *text, const char *hint)
{
    struct diag_entry e = {at.file, at.start, at.end < at.start ? at.start : at.end,
                           dg->npending, sev, xstrndup(text, strlen(text)),
                           hint ? xstrndup(hint, strlen(hint)) : NULL, NULL, 0};
    VEC_PUSH(dg->pending, dg->npending, dg->cappending, e);
}

void diag_error_text(struct diag *dg, struct span at, const char *text)
{
    dg->nerrors++;
    add_pending(dg, at, DIAG_ERROR, text, NULL);
}

void diag_error_hint(struct diag *dg, struct span at, const char *text, const char *hint)
{
    dg->nerrors++;
    add_pending(dg, at, DIAG_ERROR, text, hint);
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

/* "line": …, "column": … of byte off of file, from 1 (columns in characters). */
static void json_linecol(struct jsonw *w, const struct diag *dg, uint32_t file, uint32_t off)
{
    uint32_t line, col;
    diag_linecol(dg, file, off, &line, &col);
    jsonw_key(w, "line");
    jsonw_num(w, line, 0);
    jsonw_key(w, "column");
    jsonw_num(w, col, 0);
}

/* {"file": …, "line": …, "column": …, "end": {"line": …, "column": …}, "severity": …,
 * "message": …, "hint": …}: positions from 1, columns in characters, as in the text form;
 * an error with no location names the script being loaded, with null positions. */
static void emit_json(struct diag *dg, const struct diag_entry *e)
{
    struct buf b = {0};
    struct jsonw w;
    jsonw_init(&w, &b, false);
    jsonw_begin(&w, '{');
    jsonw_key(&w, "file");
    const char *file = e->file != UINT32_MAX ? dg->files[e->file].name : dg->script;
    if (file)
        jsonw_cstr(&w, file);
    else
        jsonw_null(&w);
    if (e->file != UINT32_MAX) {
        json_linecol(&w, dg, e->file, e->off);
        jsonw_key(&w, "end");
        jsonw_begin(&w, '{');
        json_linecol(&w, dg, e->file, e->end);
        jsonw_end(&w, '}');
    } else {
        jsonw_key(&w, "line");
        jsonw_null(&w);
        jsonw_key(&w, "column");
        jsonw_null(&w);
        jsonw_key(&w, "end");
        jsonw_null(&w);
    }
    jsonw_key(&w, "severity");
    jsonw_cstr(&w, e->severity == DIAG_WARNING ? "warning" : "error");
    jsonw_key(&w, "message");
    jsonw_cstr(&w, e->text);
    jsonw_key(&w, "hint");
    if (e->hint)
        jsonw_cstr(&w, e->hint);
    else
        jsonw_null(&w);
    if (e->note) {      /* only when there is one: {"line", "column", "message"} */
        jsonw_key(&w, "note");
        jsonw_begin(&w, '{');
        json_linecol(&w, dg, e->file, e->note_off);
        jsonw_key(&w, "message");
        jsonw_cstr(&w, e->note);
        jsonw_end(&w, '}');
    }
    jsonw_end(&w, '}');
    buf_addc(&b, '\n');
    fwrite(b.data, 1, b.len, dg->out);
    buf_free(&b);
}

/* The one formatter: a diagnostic in text (FILE:LINE:COL: error: message; hint, the line,
 * a caret; "jixiao: error: message" without a location) or as a JSON line. */
static void emit(struct diag *dg, const struct diag_entry *e)
{
    if (dg->format == DIAG_JSON) {
        emit_json(dg, e);
        return;
    }
    /* file names, names and data quoted in messages are escaped for the terminal */
    const char *sev = msg(dg->lang, e->severity == DIAG_WARNING ? M_WARNING : M_ERROR);
    if (e->file == UINT32_MAX) {
        fprintf(dg->out, "jixiao: %s: ", sev);
        diag_put_term(dg->out, e->text, strlen(e->text));
        fputc('\n', dg->out);
        return;
    }
    char where[512];
    struct span at = {e->file, e->off, e->off};
    diag_where(dg, at, where, sizeof where);
    diag_put_term(dg->out, where, strlen(where));
    fprintf(dg->out, ": %s: ", sev);
    diag_put_term(dg->out, e->text, strlen(e->text));
    if (e->hint) {
        fputs(msg(dg->lang, M_SEMICOLON), dg->out);
        diag_put_term(dg->out, e->hint, strlen(e->hint));
    }
    fputc('\n', dg->out);
    quote_line(dg, &dg->files[e->file], e->off);
    if (e->note) {
        struct span nat = {e->file, e->note_off, e->note_off};
        diag_where(dg, nat, where, sizeof where);
        diag_put_term(dg->out, where, strlen(where));
        fprintf(dg->out, ": %s: ", msg(dg->lang, M_NOTE));
        diag_put_term(dg->out, e->note, strlen(e->note));
        fputc('\n', dg->out);
        quote_line(dg, &dg->files[e->file], e->note_off);
    }
}

static void print_pending(struct diag *dg)
{
    if (dg->npending)
        qsort(dg->pending, dg->npending, sizeof *dg->pending, by_place);
    for (uint32_t i = 0; i < dg->npending; i++) {
        if (i == DIAG_MAX && dg->format == DIAG_TEXT) {
            fprintf(dg->out, "jixiao: %s\n", msg(dg->lang, M_TOO_MANY));
            break;
        }
        emit(dg, &dg->pending[i]);
    }
    for (uint32_t i = 0; i < dg->npending; i++) {
        free(dg->pending[i].text);
        free(dg->pending[i].hint);
        free(dg->pending[i].note);
    }
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

void diag_note(struct diag *dg, struct span at, enum msg_id id, ...)
{
    if (dg->npending == 0)
        return;
    struct diag_entry *e = &dg->pending[dg->npending - 1];
    if (e->file != at.file)
        return;
    struct buf b = {0};
    va_list ap;
    va_start(ap, id);
    buf_vprintf(&b, msg(dg->lang, id), ap);
    va_end(ap);
    free(e->note);
    e->note = xstrndup(b.data, b.len);
    e->note_off = at.start;
    buf_free(&b);
}

void diag_warning(struct diag *dg, struct span at, enum msg_id id, ...)
{
    struct buf b = {0};
    va_list ap;
    va_start(ap, id);
    buf_vprintf(&b, msg(dg->lang, id), ap);
    va_end(ap);
    dg->nwarnings++;
    add_pending(dg, at, DIAG_WARNING, buf_cstr(&b), NULL);
    buf_free(&b);
}

void diag_plain(struct diag *dg, enum msg_id id, ...)
{
    dg->nerrors++;
    struct buf b = {0};
    va_list ap;
    va_start(ap, id);
    buf_vprintf(&b, msg(dg->lang, id), ap);
    va_end(ap);
    buf_cstr(&b);       /* NUL-terminated in place */
    struct diag_entry e = {.file = UINT32_MAX, .severity = DIAG_ERROR, .text = b.data};
    emit(dg, &e);
    buf_free(&b);
}

/* The language of cli_* messages: one for the process, like its standard error. */
static enum lang cli_language = LANG_EN;

void cli_set_lang(enum lang lang)
{
    cli_language = lang;
}

enum lang cli_lang(void)
{
    return cli_language;
}

/* "WHERE: SEVERITY: message" (sev M_COUNT: no severity), the message escaped for a terminal */
static void cli_emit(const char *where, enum msg_id sev, enum msg_id id, va_list ap)
{
    struct buf b = {0};
    buf_vprintf(&b, msg(cli_language, id), ap);
    diag_put_term(stderr, where, strlen(where));
    if (sev != MSG_COUNT)
        fprintf(stderr, ": %s", msg(cli_language, sev));
    fputs(": ", stderr);
    diag_put_term(stderr, b.data, b.len);
    fputc('\n', stderr);
    buf_free(&b);
}

void cli_error(enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    cli_emit("jixiao", M_ERROR, id, ap);
    va_end(ap);
}

void cli_error_at(const char *where, enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    cli_emit(where, M_ERROR, id, ap);
    va_end(ap);
}

void cli_warning(enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    cli_emit("jixiao", M_WARNING, id, ap);
    va_end(ap);
}

void cli_message(enum msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    cli_emit("jixiao", MSG_COUNT, id, ap);
    va_end(ap);
}

void cli_out_of_memory(size_t n)
{
    fputs("jixiao: ", stderr);      /* stdio on unbuffered stderr: no allocation */
    fprintf(stderr, msg(cli_language, M_OOM), n);
    fputc('\n', stderr);
}

void diag_summary(struct diag *dg)
{
    print_pending(dg);
    if (dg->format == DIAG_JSON)
        return;
    if (dg->nerrors == 1)
        fprintf(dg->out, "%s\n", msg(dg->lang, M_COUNT1));
    else if (dg->nerrors > 1)
        fprintf(dg->out, msg(dg->lang, M_COUNTN), dg->nerrors);
    if (dg->nerrors > 1)
        fputc('\n', dg->out);
    if (dg->nwarnings == 1)
        fprintf(dg->out, "%s\n", msg(dg->lang, M_WCOUNT1));
    else if (dg->nwarnings > 1) {
        fprintf(dg->out, msg(dg->lang, M_WCOUNTN), dg->nwarnings);
        fputc('\n', dg->out);
    }
}

/* Edit distance over code points, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    uint32_t ca[64], cb[64];
    size_t na = 0, nb = 0, la = strlen(a), lb = strlen(b);
    for (size_t i = 0; i < la && na < 64;) {
        int k = utf8_decode(a + i, la - i, &ca[na]);
        i += k > 0 ? (size_t)k : 1;
        na++;
    }
    for (size_t i = 0; i < lb && nb < 64;) {
        int k = utf8_decode(b + i, lb - i, &cb[nb]);
        i += k > 0 ? (size_t)k : 1;
        nb++;
    }
    size_t row[65];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (ca[i - 1] != cb[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

void diag_consider(struct diag_suggest *sg, const char *cand)
{
    size_t d = distance(sg->word, cand);
    size_t n = utf8_count(cand, strlen(cand));
    size_t limit = n <= 2 ? 1 : n <= 5 ? 2 : 3;
    if (d > 0 && d <= limit && d < sg->dist) {
        sg->dist = d;
        sg->best = cand;
    }
}
