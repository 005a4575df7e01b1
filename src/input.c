/* input.c - data sets from files, directories and standard input.
 *
 * How a JSON input is read (docs/reliability.md, "Reading data"): a .ndjson or .jsonl file is
 * always one data set a line.  Any other file, and standard input, is NDJSON too unless its
 * first non-blank line opens a document that goes on over the next lines ('[' or '{' leaving
 * brackets open): then the whole input is one JSON value.  So a bad first line is one error
 * result like any other bad line, and the rest is still read line by line in constant memory.
 */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "book.h"
#include "diag.h"
#include "encoding.h"
#include "json.h"
#include "mem.h"

#define INPUT_MAX ((size_t)INPUT_MAX_MB << 20)
enum { CHUNK = 65536 };

static void emit(struct input *in, struct input_item *it)
{
    if (it->kind != ITEM_FLUSH)
        it->position = ++in->position;
    in->fn(in->ctx, it);
}

void input_emit(struct input *in, struct input_item *it)
{
    emit(in, it);
}

/* ORDER FORMATS: the readers by file extension (a new format is one line and one reader) */
enum format { F_NONE, F_JSON, F_NDJSON, F_CSV, F_XLSX };
static const struct { const char *ext; enum format format; } formats[] = {
    {".json", F_JSON}, {".ndjson", F_NDJSON}, {".jsonl", F_NDJSON},
    {".csv", F_CSV},   /* in_csv.c */
    {".xlsx", F_XLSX}, /* in_xlsx.c */
};

/* What a file holds by its name; F_NONE for other names, hidden files and Excel's "~$" locks. */
static enum format format_of(const char *name)
{
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    if (base[0] == '.' || strncmp(base, "~$", 2) == 0)
        return F_NONE;
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        size_t e = strlen(formats[i].ext);
        if (n > e && strcasecmp(base + n - e, formats[i].ext) == 0)
            return formats[i].format;
    }
    return F_NONE;
}

int input_reads_name(const char *name)
{
    return format_of(name) != F_NONE;
}

static void emit_error(struct input *in, const char *at, const char *message)
{
    struct input_item it = {.kind = ITEM_ERROR, .at = at, .message = message};
    emit(in, &it);
}

static void emit_flush(struct input *in)
{
    struct input_item it = {.kind = ITEM_FLUSH};
    emit(in, &it);
}

/* Input that cannot be read: said on standard error and an error result in its place. */
static void unreadable(struct input *in, const char *at, const char *text)
{
    cli_error(M_TEXT, text);
    emit_error(in, at, text);
}

static void read_failed(struct input *in, const char *name, int err)
{
    char m[1024];
    snprintf(m, sizeof m, msg(in->lang, M_CANT_READ), name, msg_errno(in->lang, err));
    unreadable(in, name, m);
}

/* A data set, or the error result of a value that is not an object or holds text that is not
 * UTF-8 (text[0..len) is the value's JSON). */
static void emit_value(struct input *in, const cJSON *j, const char *at, const char *text,
                       size_t len)
{
    char m[512];
    if (!cJSON_IsObject(j))
        snprintf(m, sizeof m, msg(in->lang, M_E_NOT_OBJECT), json_type_name(in->lang, j));
    else if (!json_check_text(text, len, in->lang, m, sizeof m)) {
        struct input_item it = {.kind = ITEM_VALUE, .value = j, .at = at};
        emit(in, &it);
        return;
    }
    emit_error(in, at, m);
}

/* Parse text that must be exactly one JSON value (surrounding whitespace allowed); duplicate
 * keys: the last wins. */
static cJSON *parse_all(const char *text, size_t len, size_t *bad)
{
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (!j) {
        const char *e = cJSON_GetErrorPtr();
        *bad = e && e >= text && e <= text + len ? (size_t)(e - text) : 0;
        return NULL;
    }
    size_t off = (size_t)(end - text);
    while (off < len && strchr(" \t\r\n", text[off]) && text[off])
        off++;
    if (off < len) {
        cJSON_Delete(j);
        *bad = off;
        return NULL;
    }
    json_last_wins(j, true);
    return j;
}

/* White space of a line: JSON's own, and \f and \v that editors leave. */
static bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!space(s[i]))
            return false;
    return true;
}

/* Lines from a file descriptor, without copying: each line is a view into buf.  A line longer
 * than INPUT_MAX is skipped to its newline in constant memory and reported as L_LONG, one
 * that does not fit in the memory there is as L_NOMEM. */
struct reader {
    struct input *in;
    int fd;
    char *buf;
    size_t cap, start, end, scan;   /* unread: buf[start, end); no newline in buf[start, scan) */
    bool eof, nomem;                /* nomem: the line did not fit in memory */
    int err;                        /* errno of a failed read */
    uint64_t lineno;                /* of the line last returned */
};

enum line_kind { L_END, L_LINE, L_LONG, L_NOMEM, L_ERROR };

/* Read more into the buffer (making room first); false at the end or on an error. */
static bool fill(struct reader *r)
{
    if (r->end == r->cap) {
        if (r->start > r->cap / 2 || (r->start && r->cap >= INPUT_MAX + CHUNK)) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->scan -= r->start;
            r->start = 0;
        } else {
            size_t cap = r->cap ? 2 * r->cap : CHUNK;
            if (cap > INPUT_MAX + CHUNK)
                cap = INPUT_MAX + CHUNK;
            /* not xrealloc: a line too long for the memory there is (ulimit -v, a small
             * machine) is that line's error, not the end of the run */
            char *buf = realloc(r->buf, cap);
            if (!buf) {
                r->nomem = true;
                if (!r->cap)
                    r->err = ENOMEM;
                return false;
            }
            r->buf = buf;
            r->cap = cap;
        }
    }
    for (;;) {
        ssize_t n = read(r->fd, r->buf + r->end, r->cap - r->end);
        if (n > 0) {
            r->end += (size_t)n;
            r->in->bytes_done += (uint64_t)n;
            return true;
        }
        if (n == 0)
            r->eof = true;
        else if (errno == EINTR)
            continue;
        else
            r->err = errno;
        return false;
    }
}

/* Skip the rest of a line too long to keep: read and drop up to its newline. */
static enum line_kind skip_long(struct reader *r, enum line_kind why)
{
    r->lineno++;
    for (;;) {
        char *nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
        if (nl) {
            r->start = r->scan = (size_t)(nl + 1 - r->buf);
            return why;
        }
        r->start = r->scan = r->end = 0;
        if (!fill(r))
            return why;         /* the end, or an error the next call reports */
    }
}

static enum line_kind next_line(struct reader *r, const char **line, size_t *len)
{
    for (;;) {
        char *nl = r->buf ? memchr(r->buf + r->scan, '\n', r->end - r->scan) : NULL;
        if (nl) {
            *line = r->buf + r->start;
            *len = (size_t)(nl - *line);
            r->start = r->scan = (size_t)(nl + 1 - r->buf);
            r->lineno++;
            return L_LINE;
        }
        r->scan = r->end;
        if (r->end - r->start > INPUT_MAX)
            return skip_long(r, L_LONG);
        if (r->err)
            return L_ERROR;
        if (r->nomem) {
            r->nomem = false;
            return skip_long(r, L_NOMEM);
        }
        if (r->eof) {
            if (r->start == r->end)
                return L_END;
            *line = r->buf + r->start;      /* the last line, without a newline */
            *len = r->end - r->start;
            r->start = r->scan = r->end;
            r->lineno++;
            return L_LINE;
        }
        fill(r);
    }
}

/* Whether a line that is not JSON by itself opens a document going on over the next lines:
 * it starts with '[' or '{' and ends with brackets open, outside any string. */
static bool opens_document(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && space(s[i]))
        i++;
    if (i == n || (s[i] != '[' && s[i] != '{'))
        return false;
    int depth = 0;
    bool str = false;
    for (; i < n; i++) {
        char c = s[i];
        if (str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                str = false;
        } else if (c == '"')
            str = true;
        else if (c == '[' || c == '{')
            depth++;
        else if ((c == ']' || c == '}') && --depth == 0)
            return false;       /* a value closed on this line: a bad line, not a document */
    }
    return !str && depth > 0;
}

/* Each element of an array document is a data set; bad text in one is that one's error. */
static void emit_elements(struct input *in, const cJSON *arr, const char *at, const char *text,
                          size_t len)
{
    size_t off = (size_t)(memchr(text, '[', len) ? (const char *)memchr(text, '[', len) - text
                                                  : 0) + 1;
    for (const cJSON *c = arr->child; c; c = c->next) {
        while (off < len && (space(text[off]) || text[off] == ','))
            off++;
        size_t end = json_value_end(text, len, off);
        emit_value(in, c, at, text + off, end - off);
        off = end;
    }
}

/* A whole JSON document: an object is one data set, an array many. */
static void parse_document(struct input *in, const char *name, const char *text, size_t len,
                           uint64_t first_line)
{
    size_t bad = 0;
    /* cJSON keeps its error position in a global: let the workers' parsing finish first */
    emit_flush(in);
    cJSON *j = parse_all(text, len, &bad);
    if (!j) {
        uint64_t line = first_line, col = 1;
        for (size_t i = 0; i < bad && i < len; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text[i] & 0xC0) != 0x80)
                col++;
        }
        char at[512];
        snprintf(at, sizeof at, "%s:%llu:%llu", name, (unsigned long long)line,
                 (unsigned long long)col);
        cli_error_at(at, M_E_JSON);
        emit_error(in, at, msg(in->lang, M_E_JSON));
        return;
    }
    if (cJSON_IsArray(j))
        emit_elements(in, j, name, text, len);
    else
        emit_value(in, j, name, text, len);
    emit_flush(in);
    cJSON_Delete(j);
}

/* The document that starts at r->buf[from]: everything to the end, at most INPUT_MAX. */
static void read_document(struct input *in, struct reader *r, const char *name, size_t from)
{
    struct buf text = {0};
    buf_add(&text, r->buf + from, r->end - from);
    r->start = r->scan = r->end;
    int err = r->err;
    if (text.len > INPUT_MAX)
        err = EFBIG;
    else if (!err && !r->eof) {     /* (a terminal would be read again after its end) */
        size_t before = text.len;
        err = buf_read_fd(&text, r->fd, INPUT_MAX - text.len);
        in->bytes_done += text.len - before;
    }
    if (err && err != EFBIG)
        read_failed(in, name, err);
    else if (err) {
        char m[512];
        snprintf(m, sizeof m, msg(in->lang, M_E_DOC_BIG), name, INPUT_MAX_MB);
        unreadable(in, name, m);
    } else
        parse_document(in, name, buf_data(&text), text.len, r->lineno);
    buf_free(&text);
}

/* One line after the first: a data set to parse, or why there is none. */
static void emit_line(struct input *in, struct reader *r, const char *name,
                      enum line_kind k, const char *line, size_t len)
{
    char at[512];
    snprintf(at, sizeof at, "%s:%llu", name, (unsigned long long)r->lineno);
    if (k == L_LINE) {
        struct input_item it = {.kind = ITEM_LINE, .text = line, .len = len, .at = at};
        emit(in, &it);
    } else if (k == L_LONG) {
        char m[256];
        snprintf(m, sizeof m, msg(in->lang, M_E_LINE_LONG), INPUT_MAX_MB);
        emit_error(in, at, m);
    } else if (k == L_NOMEM)
        emit_error(in, at, msg(in->lang, M_E_LINE_MEM));
}

/* The next line that is not blank. */
static enum line_kind next_data_line(struct reader *r, const char **line, size_t *len)
{
    enum line_kind k;
    while ((k = next_line(r, line, len)) == L_LINE) {
        if (r->lineno == 1 && *len >= 3 && memcmp(*line, "\xEF\xBB\xBF", 3) == 0) {
            *line += 3;         /* a UTF-8 byte order mark */
            *len -= 3;
        }
        if (!blank(*line, *len))
            break;
    }
    return k;
}

/* The first data line decides how the rest is read (see the top of this file): a document
 * goes to read_document; an array or a bad line alone in the input is a document too (its
 * data sets; the column of its error); else NDJSON.  Returns the kind of the line to go on
 * with (L_END when all is read). */
static enum line_kind first_line(struct input *in, struct reader *r, const char *name,
                                 const char **line, size_t *len)
{
    size_t bad;
    cJSON *j = parse_all(*line, *len, &bad);
    if (j && !cJSON_IsArray(j)) {
        cJSON_Delete(j);
        return L_LINE;
    }
    if (!j && opens_document(*line, *len)) {
        read_document(in, r, name, (size_t)(*line - r->buf));
        return L_END;
    }
    uint64_t lineno = r->lineno;
    size_t n = *len;
    char *text = xstrndup(*line, n);    /* the reader's buffer moves on */
    enum line_kind k = next_data_line(r, line, len);
    if (k == L_END && j) {
        emit_elements(in, j, name, text, n);
        emit_flush(in);     /* before the values go */
    } else if (k == L_END)
        parse_document(in, name, text, n, lineno);
    else {
        char at[512];
        snprintf(at, sizeof at, "%s:%llu", name, (unsigned long long)lineno);
        if (j)
            emit_value(in, j, at, "", 0);
        else {
            struct input_item it = {.kind = ITEM_LINE, .text = text, .len = n, .at = at};
            emit(in, &it);
        }
    }
    cJSON_Delete(j);
    free(text);
    return k;
}

/* One file or stream of JSON: NDJSON, or one document (see the top of this file). */
static void read_stream(struct input *in, int fd, const char *name, bool lines_only)
{
    struct reader r = {.in = in, .fd = fd};
    const char *line = NULL;
    size_t len = 0;
    enum line_kind k = next_data_line(&r, &line, &len);
    if (k == L_LINE && !lines_only)
        k = first_line(in, &r, name, &line, &len);
    for (; k != L_END && k != L_ERROR; k = next_data_line(&r, &line, &len))
        emit_line(in, &r, name, k, line, len);
    if (k == L_ERROR)
        read_failed(in, name, r.err);
    free(r.buf);
}

/* A data file that is not a directory. */
static void read_file(struct input *in, const char *path, const struct stat *st)
{
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) || S_ISSOCK(st->st_mode)) {
        char m[1024];
        snprintf(m, sizeof m, msg(in->lang, M_NOT_DATA), path);
        unreadable(in, path, m);
        return;
    }
    enum format format = format_of(path);
    if (format == F_XLSX && !S_ISREG(st->st_mode)) {   /* a zip archive is read at random */
        char m[1024];
        snprintf(m, sizeof m, msg(in->lang, M_NOT_REGULAR), path);
        unreadable(in, path, m);
        return;
    }
    if (format == F_CSV || format == F_XLSX) {
        book_read(in, path, format == F_XLSX);
        return;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);  /* a FIFO waits for its writer, as cat does */
    if (fd < 0) {
        read_failed(in, path, errno);
        return;
    }
    if (enc_gbk_file(fd)) {    /* a misleading "field missing" otherwise */
        char m[1024];
        snprintf(m, sizeof m, msg(in->lang, M_E_GBK_JSON), path);
        cli_error_at(path, M_E_GBK_JSON, path);
        emit_error(in, path, m);
        close(fd);
        return;
    }
    read_stream(in, fd, path, format == F_NDJSON);
    close(fd);
}

/* A directory's data files, each file once (by device and inode, so a symbolic or hard link
 * to a file already read is skipped); directories inside, linked or not, are not entered. */
struct entry {
    char *path;
    struct stat st;
    int err;            /* errno of stat */
    size_t order;       /* by name */
};

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

static int by_file(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    if (x->err || y->err)
        return x->err != y->err ? (x->err ? 1 : -1) : (x->order > y->order) - (x->order < y->order);
    if (x->st.st_dev != y->st.st_dev)
        return x->st.st_dev < y->st.st_dev ? -1 : 1;
    if (x->st.st_ino != y->st.st_ino)
        return x->st.st_ino < y->st.st_ino ? -1 : 1;
    return (x->order > y->order) - (x->order < y->order);
}

static int by_order(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

static void read_dir(struct input *in, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        read_failed(in, path, errno);
        return;
    }
    struct entry *es = NULL;
    size_t n = 0, cap = 0;
    size_t plen = strlen(path);
    const char *sep = plen && path[plen - 1] == '/' ? "" : "/";
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d))) {
        if (format_of(e->d_name) != F_NONE) {
            struct entry en = {.path = xmalloc(plen + strlen(e->d_name) + 2)};
            sprintf(en.path, "%s%s%s", path, sep, e->d_name);
            VEC_PUSH(es, n, cap, en);
        }
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (n)
        qsort(es, n, sizeof *es, by_path);
    for (size_t i = 0; i < n; i++) {
        es[i].order = i;
        es[i].err = stat(es[i].path, &es[i].st) != 0 ? errno : 0;
    }
    if (n) {        /* the same file twice: keep the first by name */
        qsort(es, n, sizeof *es, by_file);
        for (size_t i = 1; i < n; i++)
            if (!es[i].err && es[i - 1].err <= 0 && es[i].st.st_dev == es[i - 1].st.st_dev
                && es[i].st.st_ino == es[i - 1].st.st_ino)
                es[i].err = -1;
        qsort(es, n, sizeof *es, by_order);
    }
    for (size_t i = 0; i < n; i++) {
        if (es[i].err > 0)
            read_failed(in, es[i].path, es[i].err);     /* e.g. a dangling link */
        else if (!es[i].err && !S_ISDIR(es[i].st.st_mode)) {
            if (S_ISFIFO(es[i].st.st_mode)) {   /* would wait for a writer nobody started */
                char m[1024];
                snprintf(m, sizeof m, msg(in->lang, M_NOT_REGULAR), es[i].path);
                unreadable(in, es[i].path, m);
            } else
                read_file(in, es[i].path, &es[i].st);
        }
        free(es[i].path);
    }
    free(es);
    if (err)
        read_failed(in, path, err);
}

void input_read(struct input *in, const char *path)
{
    if (strcmp(path, "-") == 0) {
        read_stream(in, STDIN_FILENO, "<stdin>", false);
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        read_failed(in, path, errno);
    else if (S_ISDIR(st.st_mode))
        read_dir(in, path);
    else
        read_file(in, path, &st);
}

uint64_t input_size(char **paths, int n)
{
    uint64_t total = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0)
            return 0;
        if (S_ISREG(st.st_mode))
            total += (uint64_t)st.st_size;
    }
    return total;
}

int input_check_paths(char **paths, int n, enum lang lang)
{
    int ok = 1;
    for (int i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0)
            continue;
        struct stat st;
        char m[1024];
        if (stat(paths[i], &st) != 0 || access(paths[i], S_ISDIR(st.st_mode) ? R_OK | X_OK
                                                                               : R_OK) != 0)
            snprintf(m, sizeof m, msg(lang, M_CANT_READ), paths[i], msg_errno(lang, errno));
        else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISSOCK(st.st_mode))
            snprintf(m, sizeof m, msg(lang, M_NOT_DATA), paths[i]);
        else
            continue;
        cli_error(M_TEXT, m);
        ok = 0;
    }
    return ok;
}
