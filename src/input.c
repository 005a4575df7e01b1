/* input.c - data sets from files, directories and standard input. */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "diag.h"
#include "book.h"
#include "encoding.h"
#include "json.h"
#include "mem.h"

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
enum format { F_NONE, F_JSON, F_CSV, F_XLSX };
static const struct { const char *ext; enum format format; } formats[] = {
    {".json", F_JSON}, {".ndjson", F_JSON}, {".jsonl", F_JSON},
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

/* A data set, or the error result of a value that is not an object. */
static void emit_value(struct input *in, const cJSON *j, const char *at)
{
    if (cJSON_IsObject(j)) {
        struct input_item it = {.kind = ITEM_VALUE, .value = j, .at = at};
        emit(in, &it);
        return;
    }
    char m[256];
    snprintf(m, sizeof m, msg(in->lang, M_E_NOT_OBJECT), json_type_name(in->lang, j));
    emit_error(in, at, m);
}

/* Parse text that must be exactly one JSON value (surrounding whitespace allowed). */
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
    return j;
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", s[i]))
            return 0;
    return 1;
}

/* Read the next non-blank line; returns its length or -1 at the end. */
static ssize_t next_line(struct input *in, FILE *f, char **line, size_t *cap, uint64_t *lineno,
                         struct buf *seen)
{
    ssize_t n;
    while ((n = getline(line, cap, f)) >= 0) {
        ++*lineno;
        in->bytes_done += (uint64_t)n;
        if (seen)
            buf_add(seen, *line, (size_t)n);
        if (!blank(*line, (size_t)n))
            return n;
    }
    return -1;
}

static void read_whole(struct input *in, FILE *f, const char *name, struct buf *text)
{
    size_t before = text->len;
    buf_read_all(text, f);
    in->bytes_done += text->len - before;
    size_t skip = text->len >= 3 && memcmp(text->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t bad = 0;
    /* cJSON keeps its error position in a global: let the workers' parsing finish first */
    emit_flush(in);
    cJSON *j = parse_all(text->data + skip, text->len - skip, &bad);
    if (!j) {
        bad += skip;
        uint64_t line = 1, col = 1;
        for (size_t i = 0; i < bad && i < text->len; i++) {
            if (text->data[i] == '\n') {
                line++;
                col = 1;
            } else if (((unsigned char)text->data[i] & 0xC0) != 0x80)
                col++;
        }
        char at[512];
        snprintf(at, sizeof at, "%s:%llu:%llu", name, (unsigned long long)line,
                 (unsigned long long)col);
        cli_error_at(at, M_E_JSON);
        emit_error(in, at, msg(in->lang, M_E_JSON));
        return;
    }
    if (cJSON_IsArray(j)) {
        for (const cJSON *c = j->child; c; c = c->next)
            emit_value(in, c, name);
    } else
        emit_value(in, j, name);
    emit_flush(in);
    cJSON_Delete(j);
}

/* One file or stream: NDJSON when the first non-blank line is a JSON value by itself. */
static void read_stream(struct input *in, FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    uint64_t lineno = 0;
    struct buf seen = {0};
    ssize_t n = next_line(in, f, &line, &cap, &lineno, &seen);
    if (n < 0) {
        free(line);
        buf_free(&seen);
        return;
    }
    const char *text = line;
    size_t len = (size_t)n;
    if (lineno == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    size_t bad;
    cJSON *j = parse_all(text, len, &bad);
    if (!j) {
        read_whole(in, f, name, &seen);
        free(line);
        buf_free(&seen);
        return;
    }
    buf_free(&seen);
    char at[512];
    /* NDJSON: lines go out unparsed; a lone line holding an array is its data sets */
    if (cJSON_IsArray(j)) {
        uint64_t first_line = lineno;
        n = next_line(in, f, &line, &cap, &lineno, NULL);
        if (n < 0) {
            for (const cJSON *c = j->child; c; c = c->next)
                emit_value(in, c, name);
            emit_flush(in);
        } else {
            snprintf(at, sizeof at, "%s:%llu", name, (unsigned long long)first_line);
            emit_value(in, j, at);
        }
        cJSON_Delete(j);
    } else {
        cJSON_Delete(j);
        snprintf(at, sizeof at, "%s:%llu", name, (unsigned long long)lineno);
        struct input_item it = {.kind = ITEM_LINE, .text = text, .len = len, .at = at};
        emit(in, &it);
        n = next_line(in, f, &line, &cap, &lineno, NULL);
    }
    for (; n >= 0; n = next_line(in, f, &line, &cap, &lineno, NULL)) {
        snprintf(at, sizeof at, "%s:%llu", name, (unsigned long long)lineno);
        struct input_item it = {.kind = ITEM_LINE, .text = line, .len = (size_t)n, .at = at};
        emit(in, &it);
    }
    free(line);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_dir(struct input *in, const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (format_of(e->d_name) != F_NONE)
            VEC_PUSH(names, n, cap, xstrndup(e->d_name, strlen(e->d_name)));
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(path);
        char *full = xmalloc(plen + strlen(names[i]) + 2);
        sprintf(full, "%s%s%s", path, plen && path[plen - 1] == '/' ? "" : "/", names[i]);
        input_read(in, full);
        free(full);
        free(names[i]);
    }
    free(names);
}

void input_read(struct input *in, const char *path)
{
    if (strcmp(path, "-") == 0) {
        read_stream(in, stdin, "<stdin>");
        return;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        read_dir(in, path);
        return;
    }
    enum format format = format_of(path);
    if (format == F_CSV || format == F_XLSX) {
        book_read(in, path, format == F_XLSX);
        return;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return;     /* input_check_paths has reported it */
    if (enc_gbk_file(f)) {    /* a misleading "field missing" otherwise */
        char m[1024];
        snprintf(m, sizeof m, msg(in->lang, M_E_GBK_JSON), path);
        cli_error_at(path, M_E_GBK_JSON, path);
        emit_error(in, path, m);
        fclose(f);
        return;
    }
    read_stream(in, f, path);
    fclose(f);
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
        if (stat(paths[i], &st) != 0) {
            cli_error(M_CANT_READ, paths[i], strerror(errno));
            ok = 0;
        }
    }
    return ok;
}
