/* in_csv.c - CSV files as one-sheet workbooks (the table layout), in UTF-8 or GB18030/GBK.
 *
 * Fields as RFC 4180 writes them: separated by commas (or by tabs or semicolons when the
 * header row has no comma but those), "quoted" with "" for a quote, line breaks inside quotes
 * kept; CRLF, LF or CR ends a record.
 */
#include "book.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "encoding.h"

static char separator(const char *s, size_t n)
{
    size_t end = 0;
    while (end < n && s[end] != '\n' && s[end] != '\r')
        end++;
    if (memchr(s, ',', end))
        return ',';
    if (memchr(s, '\t', end))
        return '\t';
    if (memchr(s, ';', end))
        return ';';
    return ',';
}

static void parse(struct book *b, struct sheet *sh, const char *s, size_t n)
{
    char sep = separator(s, n);
    struct buf field = {0};
    uint32_t row = 1, col = 0;
    size_t i = 0;
    while (i < n) {
        field.len = 0;
        int quoted = 0;
        if (s[i] == '"') {
            quoted = 1;
            for (i++; i < n; i++) {
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"')
                        i++;
                    else {
                        i++;
                        break;
                    }
                }
                buf_addc(&field, s[i]);
            }
        }
        while (i < n && s[i] != sep && s[i] != '\n' && s[i] != '\r')
            buf_addc(&field, s[i++]);     /* text after a closing quote is kept, as Excel does */
        if (field.len || quoted)
            book_add_cell(b, sh, row, col, field.len ? C_TEXT : C_EMPTY, 0, field.data,
                          field.len);
        if (i < n && s[i] == sep) {
            i++;
            col++;
            if (i == n)
                break;
            continue;
        }
        if (i < n && s[i] == '\r')
            i++;
        if (i < n && s[i] == '\n')
            i++;
        row++;
        col = 0;
    }
    buf_free(&field);
}

int in_csv_read(struct book *b, const char *path, const char *encoding, enum lang lang,
                char *err, size_t errlen)
{
    /* a FIFO is read like a file, as JSON is (input.c refuses devices before this) */
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct buf raw = {0}, text = {0};
    int e = fd < 0 ? errno : buf_read_fd(&raw, fd, (size_t)INPUT_MAX_MB << 20);
    if (fd >= 0)
        close(fd);
    if (e) {
        if (e == EFBIG)
            snprintf(err, errlen, msg(lang, M_E_BOOK_BIG), path, INPUT_MAX_MB);
        else
            snprintf(err, errlen, msg(lang, M_CANT_READ), path, msg_errno(lang, e));
        buf_free(&raw);
        return 0;
    }
    const char *used = "";
    size_t bad = 0;
    int r = enc_to_utf8(buf_data(&raw), raw.len, encoding, &text, &used, &bad);
    const char *nul = r > 0 ? memchr(buf_data(&text), '\0', text.len) : NULL;
    if (nul) {      /* a cell would end there: binary, or UTF-16 without its mark */
        r = 0;
        bad = (size_t)(nul - text.data);
    }
    if (r <= 0) {
        if (r < 0)
            snprintf(err, errlen, msg(lang, M_E_BAD_ENCODING), encoding);
        else
            snprintf(err, errlen, msg(lang, M_E_ENCODING), used, bad + 1);
        buf_free(&raw);
        buf_free(&text);
        return 0;
    }
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(base, '.');
    char *name = xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
    struct sheet *sh = book_add_sheet(b, name);
    free(name);
    parse(b, sh, buf_data(&text), text.len);
    buf_free(&raw);
    buf_free(&text);
    return 1;
}
