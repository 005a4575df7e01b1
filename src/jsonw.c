/* jsonw.c - the JSON writer: escaping, commas and indentation. */
#include "jsonw.h"

#include <stdint.h>
#include <string.h>

#include "num.h"

void jsonw_init(struct jsonw *w, struct buf *b, bool pretty)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
    w->first[0] = true;
}

static void newline(struct jsonw *w)
{
    if (!w->pretty)
        return;
    buf_addc(w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        buf_add(w->b, "  ", 2);
}

/* Before a value: the comma and line break it needs, unless it follows a key. */
static void before_value(struct jsonw *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (!w->first[w->depth])
            buf_addc(w->b, ',');
        newline(w);
    }
    w->first[w->depth] = false;
}

void jsonw_begin(struct jsonw *w, char open)
{
    before_value(w);
    buf_addc(w->b, open);
    if (w->depth < JSONW_MAX_DEPTH - 1)
        w->depth++;
    w->first[w->depth] = true;
}

void jsonw_begin_raw(struct jsonw *w)
{
    jsonw_begin(w, '{');
    w->first[w->depth] = false;
    w->after_key = true;
}

void jsonw_end(struct jsonw *w, char close)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        newline(w);
    buf_addc(w->b, close);
}

/* 1 for the bytes JSON strings must escape: controls, '"' and '\\'. */
static const unsigned char needs_escape[256] = {
    [0 ... 0x1F] = 1, ['"'] = 1, ['\\'] = 1,
};

/* Eight bytes at a time: any of them a control, '"' or '\\'?  (Bit 7 of each byte of the
 * result is set for such a byte; UTF-8 bytes >= 0x80 never are.) */
static inline uint64_t special_bytes(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
    uint64_t lt = (x - ones * 0x20) & ~x;           /* x < 0x20 (for bytes < 0x80) */
    uint64_t eq = ((q - ones) & ~q) | ((bs - ones) & ~bs);
    return (lt | eq) & high;
}

void jsonw_escape(struct buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    buf_reserve(b, len);
    while (i < len) {
        if (len - i >= 8) {                 /* skip clean words: most text has no escapes */
            uint64_t x;
            memcpy(&x, u + i, 8);
            if (!special_bytes(x)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = u[i++];
        if (!needs_escape[c])
            continue;
        buf_add(b, s + run, i - 1 - run);
        run = i;
        switch (c) {
        case '"': buf_add(b, "\\\"", 2); break;
        case '\\': buf_add(b, "\\\\", 2); break;
        case '\n': buf_add(b, "\\n", 2); break;
        case '\t': buf_add(b, "\\t", 2); break;
        case '\r': buf_add(b, "\\r", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_add(b, e, 6);
        }
        }
    }
    buf_add(b, s + run, len - run);
}

void jsonw_keyn(struct jsonw *w, const char *key, size_t len)
{
    before_value(w);
    buf_reserve(w->b, len + 4);
    char *p = w->b->data + w->b->len;
    *p++ = '"';
    memcpy(p, key, len);
    p += len;
    *p++ = '"';
    *p++ = ':';
    if (w->pretty)
        *p++ = ' ';
    w->b->len = (size_t)(p - w->b->data);
    w->after_key = true;
}

void jsonw_str(struct jsonw *w, const char *s, size_t len)
{
    before_value(w);
    buf_addc(w->b, '"');
    jsonw_escape(w->b, s, len);
    buf_addc(w->b, '"');
}

const char *jsonw_escape_kept(struct arena *ar, const char *s, uint32_t *len)
{
    struct buf esc = {0};
    jsonw_escape(&esc, s, strlen(s));
    const char *kept = arena_strndup(ar, buf_data(&esc), esc.len);
    *len = (uint32_t)esc.len;
    buf_free(&esc);
    return kept;
}

void jsonw_escaped(struct jsonw *w, const char *s, size_t len)
{
    before_value(w);
    buf_addc(w->b, '"');
    buf_add(w->b, s, len);
    buf_addc(w->b, '"');
}

void jsonw_cstr(struct jsonw *w, const char *s)
{
    jsonw_str(w, s, strlen(s));
}

void jsonw_num(struct jsonw *w, double v, int maxdec)
{
    before_value(w);
    char nb[NUM_BUF];
    buf_add(w->b, nb, num_format(nb, sizeof nb, v, maxdec));
}

void jsonw_bool(struct jsonw *w, bool v)
{
    before_value(w);
    buf_adds(w->b, v ? "true" : "false");
}

void jsonw_null(struct jsonw *w)
{
    before_value(w);
    buf_adds(w->b, "null");
}
