/* encoding.c - detecting and converting the encodings of data files, with iconv. */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"

/* Convert with iconv; 1, 0 (invalid at *bad) or -1 (unknown encoding). */
static int convert(const char *from, const char *s, size_t n, struct buf *out, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)s;
    size_t left = n;
    int ok = 1;
    while (left) {
        buf_reserve(out, left * 2 + 16);
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &left, &o, &room);
        out->len = (size_t)(o - out->data);
        if (r == (size_t)-1 && errno != E2BIG) {
            *bad = (size_t)(in - s);
            ok = 0;
            break;
        }
    }
    iconv_close(cd);
    return ok;
}

int enc_to_utf8(const char *s, size_t n, const char *from, struct buf *out, const char **used,
                size_t *bad)
{
    *bad = 0;
    if (!from) {
        if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3, n -= 3;
        if (n >= 2 && (memcmp(s, "\xFF\xFE", 2) == 0 || memcmp(s, "\xFE\xFF", 2) == 0))
            from = "UTF-16";
        else if ((*bad = utf8_validate(s, n)) == n) {
            *used = "UTF-8";
            buf_add(out, s, n);
            return 1;
        } else
            from = "GB18030";
    }
    *used = from;
    int r = convert(from, s, n, out, bad);
    if (r == 1 && out->len >= 3 && memcmp(out->data, "\xEF\xBB\xBF", 3) == 0) {
        memmove(out->data, out->data + 3, out->len - 3);
        out->len -= 3;
    }
    return r;
}

int enc_gbk_file(int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;   /* a pipe cannot be read twice */
    char head[65536];
    ssize_t got = pread(fd, head, sizeof head, 0);
    size_t n = got > 0 ? (size_t)got : 0;
    size_t bad = utf8_validate(head, n);
    if (bad == n || (n == sizeof head && n - bad < 4))    /* a character cut at the end */
        return 0;
    return enc_gbk_text(head, n, n == sizeof head);
}

int enc_gbk_text(const char *s, size_t n, int cut)
{
    struct buf tmp = {0};
    size_t bad;
    int gbk = convert("GB18030", s, n, &tmp, &bad) == 1 || (cut && n - bad < 4);
    buf_free(&tmp);
    return gbk;
}

int enc_known(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}
