/* jsonw.c - the JSON writer: escaping, commas and indentation. */
#include "jsonw.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "num.h"

void jsonw_init(struct jsonw *w, struct buf *b, bool pretty)
{
    /* first[] is set for a depth when it is entered: no memset of all 4096 (every result) */
    w->b = b;
    w->pretty = pretty;
    w->depth = 0;
    w->first[0] = true;
    w->after_key = false;
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

struct buf *jsonw_raw(struct jsonw *w)
{
    before_value(w);
    return w->b;
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

/* The escape of byte c (one that needs_escape) at o; returns its length. */
static size_t escape_byte(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    o[0] = '\\';
    switch (c) {
    case '"': o[1] = '"'; return 2;
    case '\\': o[1] = '\\'; return 2;
    case '\n': o[1] = 'n'; return 2;
    case '\t': o[1] = 't'; return 2;
    case '\r': o[1] = 'r'; return 2;
    default:
        memcpy(o + 1, "u00", 3);
        o[4] = hex[c >> 4];
        o[5] = hex[c & 15];
        return 6;
    }
}

#ifdef __SSE2__
enum { BLOCK = 16 };
/* A bit for each of the 16 bytes at u that needs escaping; they are copied to o. */
static inline unsigned special_block(const unsigned char *u, char *o)
{
    __m128i v = _mm_loadu_si128((const __m128i *)u);
    _mm_storeu_si128((__m128i *)o, v);
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    __m128i ctl = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), ctl));
}
#else
enum { BLOCK = 8 };
static inline uint64_t special_block(const unsigned char *u, char *o)
{
    uint64_t x;
    memcpy(&x, u, 8);
    memcpy(o, &x, 8);
    uint64_t sp = special_bytes(x);
    return sp ? 1ull << (__builtin_ctzll(sp) >> 3) : 0;    /* the lowest bit is exact */
}
#endif

/* One pass, copying as it scans: each block of bytes is stored whole (the room was made for
 * it) and kept up to its first byte to escape, if any; that byte is escaped, and the scan
 * goes on after it.  Most text has nothing to escape: one load, test and store a block.  The
 * last bytes (fewer than a block) are the string's last block again, stored over the output
 * of the bytes before them, which is the same bytes when none of them was escaped. */
void jsonw_escape(struct buf *b, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, plain = 0;        /* plain: bytes from here on were copied as they are */
    buf_reserve(b, len + BLOCK);
    char *o = b->data + b->len;
    while (i < len) {
        size_t rest = len - i;
        if (rest >= BLOCK || (len >= BLOCK && len - BLOCK >= plain)) {
            size_t back = rest >= BLOCK ? 0 : BLOCK - rest;
            uint64_t sp = special_block(u + i - back, o - back) >> back;
            if (!sp) {
                i += BLOCK - back;
                o += BLOCK - back;
                continue;
            }
            size_t k = (size_t)__builtin_ctzll(sp);
            i += k;
            o += k;
        } else if (!needs_escape[u[i]]) {
            *o++ = (char)u[i++];
            continue;
        }
        b->len = (size_t)(o - b->data);
        buf_reserve(b, len - i + 6 + BLOCK);    /* this escape, the rest and a block's slack */
        o = b->data + b->len;
        o += escape_byte(o, u[i++]);
        plain = i;
    }
    b->len = (size_t)(o - b->data);
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
    buf_reserve(w->b, NUM_BUF);         /* printed in place: no copy from a buffer of its own */
    w->b->len += num_format(w->b->data + w->b->len, NUM_BUF, v, maxdec);
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
