/* json.c - the cJSON adapter: allocation hooks (arena-backed while json_parse_in runs on this
 * thread) and the check of data text that cJSON passes through unchecked. */
#include "json.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static _Thread_local struct arena *parsing_into;   /* set only inside json_parse_in */

static void *hook_malloc(size_t n)
{
    struct arena *a = parsing_into;
    if (!a)
        return xmalloc(n);
    n = (n + 7) & ~(size_t)7;           /* arena_alloc's steps, the common case inline */
    if (a->ptr && (size_t)(a->end - a->ptr) >= n) {
        void *p = a->ptr;
        a->ptr += n;
        return p;
    }
    return arena_alloc(a, n);
}

static void hook_free(void *p)
{
    if (!parsing_into)      /* arena memory goes with the arena */
        free(p);
}

void json_init(void)
{
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
}

cJSON *json_parse_in(struct arena *a, const char *text, size_t len)
{
    parsing_into = a;
    cJSON *j = cJSON_ParseWithLength(text, len);
    parsing_into = NULL;
    return j;
}

/* The members of one wide object by name: open addressing, hash beside the member. */
struct json_index {
    const cJSON *obj;
    uint32_t mask;
    struct member { uint32_t hash; cJSON *c; } slot[];
};

static uint32_t name_hash(const char *s)
{
    return hash_bytes(s, strlen(s));
}

static uint32_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static struct json_index *index_build(struct arena *ar, const cJSON *obj)
{
    uint32_t n = 0, size = 16;
    for (const cJSON *c = obj->child; c; c = c->next)
        n++;
    while (size < 2 * (uint64_t)n)
        size *= 2;
    struct json_index *x = arena_zalloc(ar, sizeof *x + size * sizeof x->slot[0]);
    x->obj = obj;
    x->mask = size - 1;
    for (cJSON *c = obj->child; c; c = c->next) {
        if (!c->string)
            continue;
        uint32_t h = name_hash(c->string), i = h & x->mask;
        for (; x->slot[i].c; i = (i + 1) & x->mask)
            if (x->slot[i].hash == h && strcmp(x->slot[i].c->string, c->string) == 0)
                break;                      /* a later member of the same name: the first wins */
        if (!x->slot[i].c)
            x->slot[i] = (struct member){h, c};
    }
    return x;
}

/* The hash of obj, made on first use. */
static struct json_index *index_of(struct json_lookup *lk, const cJSON *obj)
{
    if (2 * (lk->n + 1) > lk->mask + 1) {   /* keep the table at most half full */
        uint32_t size = lk->mask ? 2 * (lk->mask + 1) : 64;
        struct json_index **objs = arena_zalloc(lk->ar, size * sizeof *objs);
        for (uint32_t k = 0; lk->mask && k <= lk->mask; k++) {
            if (!lk->objs[k])
                continue;
            uint32_t i = ptr_hash(lk->objs[k]->obj) & (size - 1);
            while (objs[i])
                i = (i + 1) & (size - 1);
            objs[i] = lk->objs[k];
        }
        lk->objs = objs;
        lk->mask = size - 1;
    }
    uint32_t i = ptr_hash(obj) & lk->mask;
    for (; lk->objs[i]; i = (i + 1) & lk->mask)
        if (lk->objs[i]->obj == obj)
            return lk->objs[i];
    lk->n++;
    return lk->objs[i] = index_build(lk->ar, obj);
}

void json_lookup_reset(struct json_lookup *lk, struct arena *ar)
{
    *lk = (struct json_lookup){.ar = ar};
}

/* strcmp(a, b) == 0: most names differ in their first two bytes, tested inline; the rest
 * (Chinese names share lead bytes) by strcmp, which compares a word at a time. */
static inline bool same_name(const char *a, const char *b)
{
    return a[0] == b[0] && (!a[0] || (a[1] == b[1] && strcmp(a, b) == 0));
}

/* json_last_wins marks each object it has seen to: its names are unique.  The mark is the
 * object's own address in valuedouble, which cJSON leaves unused (0) for an object, so
 * neither an object cJSON made nor a copy of a marked one (at another address) passes. */
static void mark_unique(cJSON *obj)
{
    obj->valuedouble = (double)(uintptr_t)obj;
}

static bool names_unique(const cJSON *obj)
{
    return obj->valuedouble == (double)(uintptr_t)obj;
}

/* Where json_get found a name last, by the name's address: the rule set's names are asked
 * for again with every data set, and data sets of one shape hold them at the same place.
 * Only a guess, always checked (a computed name's text at one address may change), and
 * used only where names are unique, so the member found is the first of its name. */
struct hint {
    const char *key;
    uint32_t at;
};
enum { HINTS = 256 };
static _Thread_local struct hint hints[HINTS];

/* json_get past the guess: the first members one by one, then the object's hash. */
static cJSON *get_slowly(struct json_lookup *lk, const cJSON *obj, const char *key)
    __attribute__((noinline));
static cJSON *get_slowly(struct json_lookup *lk, const cJSON *obj, const char *key)
{
    cJSON *c = obj->child;
    if (names_unique(obj)) {
        for (uint32_t i = 0; c && i < JSON_NARROW_UNIQUE; c = c->next, i++)
            if (c->string && same_name(c->string, key)) {
                hints[ptr_hash(key) & (HINTS - 1)] = (struct hint){key, i};
                return c;
            }
    } else
        for (int i = 0; c && i < JSON_NARROW; c = c->next, i++)
            if (c->string && same_name(c->string, key))
                return c;
    if (!c)
        return NULL;
    struct json_index *x = index_of(lk, obj);
    uint32_t h = name_hash(key);
    for (uint32_t i = h & x->mask; x->slot[i].c; i = (i + 1) & x->mask)
        if (x->slot[i].hash == h && strcmp(x->slot[i].c->string, key) == 0)
            return x->slot[i].c;
    return NULL;
}

/* The guess first, inline (it is right for nearly every look-up of a batch of data sets of
 * one shape); the rest in get_slowly, so that this needs next to no frame. */
cJSON *json_get(struct json_lookup *lk, const cJSON *obj, const char *key)
{
    if (names_unique(obj)) {
        const struct hint *h = &hints[ptr_hash(key) & (HINTS - 1)];
        if (h->key == key) {
            cJSON *t = obj->child;
            for (uint32_t i = h->at; t && i; i--)
                t = t->next;
            if (t && t->string && same_name(t->string, key))
                return t;
        }
    }
    return get_slowly(lk, obj, key);
}

/* A quick hash of a member name for json_last_wins' filter: its length, first and last 8
 * bytes (4 of a shorter name, 1 of a name shorter than 4; names that differ only in the
 * middle cost a comparison, nothing more).  Loads of a fixed size, no memcpy call. */
static uint32_t quick_hash(const char *s)
{
    size_t n = strlen(s);
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x, b = y;
    } else if (n)
        a = (unsigned char)s[0] | (uint64_t)(unsigned char)s[n - 1] << 8;
    uint64_t x = (a ^ b * 0x9E3779B97F4A7C15ull ^ n) * 0xFF51AFD7ED558CCDull;
    return (uint32_t)(x >> 40);
}

/* json_last_wins for a wide object, where the 256-bit filter below would be full and every
 * key compared with all the earlier ones: a hash set of the names kept so far. */
static void last_wins_wide(cJSON *j, bool owned, uint32_t n)
{
    uint32_t size = 16;
    while (size < 2 * (uint64_t)n)
        size *= 2;
    cJSON **kept = xcalloc(size, sizeof *kept);
    for (cJSON *c = j->child, *next; c; c = next) {
        next = c->next;
        uint32_t i = name_hash(c->string) & (size - 1);
        while (kept[i] && strcmp(kept[i]->string, c->string) != 0)
            i = (i + 1) & (size - 1);
        if (kept[i]) {                  /* an earlier member of this name: the later wins */
            cJSON_DetachItemViaPointer(j, kept[i]);
            if (owned)
                cJSON_Delete(kept[i]);
        }
        kept[i] = c;
    }
    free(kept);
}

static void last_wins_narrow(cJSON *j, bool owned);

void json_last_wins(cJSON *j, bool owned)
{
    if (!j)
        return;
    uint32_t n = 0;
    for (cJSON *c = j->child; c; c = c->next, n++)
        if (c->child)
            json_last_wins(c, owned);
    if (!cJSON_IsObject(j))
        return;
    if (n > 64)
        last_wins_wide(j, owned, n);
    else if (n > 1)
        last_wins_narrow(j, owned);
    mark_unique(j);
}

/* json_last_wins for an object of at most 64 members: a 256-bit filter of the keys seen,
 * so that only a key whose bit is already set is looked for among the earlier ones, and an
 * object without duplicates costs a quick hash a key. */
static void last_wins_narrow(cJSON *j, bool owned)
{
    uint64_t seen[4] = {0};
    for (cJSON *c = j->child; c; c = c->next) {
        uint32_t h = quick_hash(c->string);
        uint64_t bit = 1ull << (h & 63), *w = &seen[h >> 6 & 3];
        if (*w & bit)
            for (cJSON *e = j->child, *next; e != c; e = next) {
                next = e->next;
                if (strcmp(e->string, c->string) == 0) {
                    cJSON_DetachItemViaPointer(j, e);
                    if (owned)
                        cJSON_Delete(e);
                }
            }
        *w |= bit;
    }
}

const char *json_type_name(enum lang lang, const cJSON *j)
{
    enum msg_id id = cJSON_IsObject(j) ? M_T_OBJECT : cJSON_IsArray(j) ? M_T_ARRAY
                   : cJSON_IsString(j) ? M_T_STRING : cJSON_IsNumber(j) ? M_T_NUMBER
                   : cJSON_IsBool(j) ? M_T_BOOL : M_T_NULL;
    return msg(lang, id);
}

/* 8 bytes at p as a little-endian number: the first byte in the lowest bits. */
static inline uint64_t load_le(const unsigned char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* The offset of the first byte of s that is not UTF-8, or len.  On the hot path of every
 * NDJSON line, so written for speed: runs of ASCII go 8 bytes a step, and the 3-byte
 * sequences of Chinese two at a time. */
static size_t first_bad_utf8(const unsigned char *s, size_t len)
{
    const unsigned char *p = s, *end = s + len;
    while (p < end) {
        while (*p < 0x80) {
            if (end - p >= 8) {
                uint64_t w = load_le(p) & 0x8080808080808080u;
                p += w ? (size_t)__builtin_ctzll(w) >> 3 : 8;
            } else
                p++;
            if (p == end)
                return len;
        }
        /* two characters of E1..EC or EE..EF, a continuation, a continuation, at once: no
         * overlong form or surrogate can start with those (0xDFFE: a bit for each) */
        for (uint64_t w; end - p >= 8; p += 6) {
            w = load_le(p);
            if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u
                || !(0xDFFEu >> (w & 0xF) & 0xDFFEu >> (w >> 24 & 0xF) & 1))
                break;
        }
        /* the well-formed sequences of Unicode's table 3-7, one at a time */
        unsigned c = *p;
        unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : c < 0x80 ? 1 : 0;
        if (!n || (size_t)(end - p) < n || (n > 1 && (p[1] < lo || p[1] > hi)))
            break;
        for (size_t k = 2; k < n; k++)
            if ((p[k] & 0xC0) != 0x80)
                return (size_t)(p - s);
        p += n;
    }
    return p < end ? (size_t)(p - s) : len;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <tmmintrin.h>
#define HAVE_SSSE3_PATH 1

/* Keiser & Lemire's lookup algorithm ("Validating UTF-8 in less than one instruction per
 * byte", 2021), 16 bytes a step: each pair of adjacent bytes is classified by three table
 * look-ups (the first byte's high and low nibble, the second's high nibble), whose AND is
 * the set of errors the pair makes; the bytes that must be the 2nd continuation of a 3- or
 * 4-byte sequence are checked apart.  True when all of s is UTF-8. */
__attribute__((target("ssse3")))
static bool utf8_ok_ssse3(const unsigned char *s, size_t len)
{
    enum {
        TOO_SHORT = 1 << 0, TOO_LONG = 1 << 1, OVERLONG_3 = 1 << 2, TOO_LARGE = 1 << 3,
        SURROGATE = 1 << 4, OVERLONG_2 = 1 << 5, TOO_LARGE_1000 = 1 << 6, OVERLONG_4 = 1 << 6,
        TWO_CONTS = 1 << 7, CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
    };
    const __m128i hi1 = _mm_setr_epi8(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m128i lo1 = _mm_setr_epi8(
        CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m128i hi2 = _mm_setr_epi8(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    const __m128i nib = _mm_set1_epi8(0x0F);
    /* a block that ends inside a sequence: its last 3 bytes may not start one that long */
    const __m128i incomplete = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                             (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
    __m128i prev = _mm_setzero_si128(), err = _mm_setzero_si128(), pending = err;
    unsigned char tail[16];
    for (size_t i = 0; i < len; i += 16) {
        __m128i in;
        if (len - i >= 16)
            in = _mm_loadu_si128((const __m128i *)(s + i));
        else {                              /* the last bytes, followed by ASCII zeros */
            memset(tail, 0, sizeof tail);
            memcpy(tail, s + i, len - i);
            in = _mm_loadu_si128((const __m128i *)tail);
        }
        if (!_mm_movemask_epi8(in)) {       /* ASCII: only a sequence left open is wrong */
            err = _mm_or_si128(err, pending);
            pending = _mm_setzero_si128();
            prev = in;
            continue;
        }
        __m128i prev1 = _mm_alignr_epi8(in, prev, 15);
        __m128i sc = _mm_and_si128(
            _mm_and_si128(_mm_shuffle_epi8(hi1, _mm_and_si128(_mm_srli_epi16(prev1, 4), nib)),
                          _mm_shuffle_epi8(lo1, _mm_and_si128(prev1, nib))),
            _mm_shuffle_epi8(hi2, _mm_and_si128(_mm_srli_epi16(in, 4), nib)));
        __m128i prev2 = _mm_alignr_epi8(in, prev, 14), prev3 = _mm_alignr_epi8(in, prev, 13);
        __m128i must23 = _mm_or_si128(_mm_subs_epu8(prev2, _mm_set1_epi8((char)(0xE0 - 0x80))),
                                      _mm_subs_epu8(prev3, _mm_set1_epi8((char)(0xF0 - 0x80))));
        __m128i must23_80 = _mm_and_si128(must23, _mm_set1_epi8((char)0x80));
        err = _mm_or_si128(err, _mm_xor_si128(must23_80, sc));
        pending = _mm_subs_epu8(in, incomplete);
        prev = in;
    }
    err = _mm_or_si128(err, pending);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) == 0xFFFF;
}
#endif

/* Is all of s UTF-8?  Where the processor has SSSE3 (every x86-64 made since about 2008),
 * 16 bytes a step; else, and to find the offset of a bad byte, first_bad_utf8. */
static bool all_utf8(const unsigned char *s, size_t len)
{
#ifdef HAVE_SSSE3_PATH
    if (__builtin_cpu_supports("ssse3"))
        return utf8_ok_ssse3(s, len);
#endif
    return first_bad_utf8(s, len) == len;
}

/* The offset of the first byte of text that is not UTF-8 or starts a \u0000 escape, or len.
 * text is valid JSON: a backslash always starts an escape, and they are rare (memchr). */
static size_t first_bad(const char *text, size_t len)
{
    const unsigned char *u = (const unsigned char *)text;
    size_t bad = all_utf8(u, len) ? len : first_bad_utf8(u, len);
    const char *p = text, *end = text + bad;
    while (p < end && (p = memchr(p, '\\', (size_t)(end - p)))) {
        if (end - p > 5 && p[1] == 'u' && memcmp(p + 2, "0000", 4) == 0)
            return (size_t)(p - text);
        p += 2;
    }
    return bad;
}

/* The end of the string whose opening quote is text[i]: just after the closing quote. */
static size_t string_end(const char *text, size_t len, size_t i)
{
    for (i++; i < len && text[i] != '"'; i++)
        if (text[i] == '\\')
            i++;
    return i < len ? i + 1 : len;
}

static size_t skip_space(const char *text, size_t len, size_t i)
{
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
        i++;
    return i;
}

size_t json_value_end(const char *text, size_t len, size_t from)
{
    size_t i = skip_space(text, len, from);
    int depth = 0;
    while (i < len) {
        char c = text[i];
        if (c == '"')
            i = string_end(text, len, i);
        else if (c == '[' || c == '{')
            depth++, i++;
        else if (c == ']' || c == '}')
            depth--, i++;
        else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'))
            break;              /* the end of a number, true, false or null */
        else
            i++;
        if (depth == 0 && (c == '"' || c == ']' || c == '}'))
            break;
    }
    return i;
}

/* Text for a message: bytes that are not UTF-8 as \xFF, at most max bytes, cut between
 * characters (with "…"). */
static void add_shown(struct buf *b, const char *s, size_t n, size_t max)
{
    size_t i = 0;
    while (i < n) {
        size_t good = first_bad(s + i, n - i);
        if (b->len + good > max) {
            size_t cut = max > b->len ? max - b->len : 0;
            while (cut && ((unsigned char)s[i + cut] & 0xC0) == 0x80)
                cut--;
            buf_add(b, s + i, cut);
            buf_adds(b, "…");
            return;
        }
        buf_add(b, s + i, good);
        i += good;
        if (i < n) {
            if (s[i] == '\\') {     /* \u0000 shown as written */
                buf_add(b, s + i, 2);
                i += 2;
            } else
                buf_printf(b, "\\x%02X", (unsigned char)s[i++]);
        }
    }
}

/* The data path ("$a.b[2]") of the string holding text[off]: a scan of the (valid) JSON that
 * keeps the key or index of each container open at that point. */
static void path_at(const char *text, size_t len, size_t off, struct buf *path)
{
    struct frame {
        bool object;
        size_t key, keylen;     /* the current key's text, without quotes */
        uint64_t index;
    } *fs = NULL;
    size_t n = 0, cap = 0;
    bool is_key = false;
    for (size_t i = 0; i < len;) {
        char c = text[i];
        if (c == '{' || c == '[') {
            struct frame f = {.object = c == '{'};
            VEC_PUSH(fs, n, cap, f);
            i++;
        } else if (c == '}' || c == ']') {
            n -= n > 0;
            i++;
        } else if (c == ',') {
            if (n && !fs[n - 1].object)
                fs[n - 1].index++;
            i++;
        } else if (c == '"') {
            size_t end = string_end(text, len, i);
            is_key = n && fs[n - 1].object && skip_space(text, len, end) < len
                     && text[skip_space(text, len, end)] == ':';
            if (is_key) {
                fs[n - 1].key = i + 1;
                fs[n - 1].keylen = end - i - 2;
            }
            if (off < end)
                break;
            i = end;
        } else
            i++;
    }
    buf_addc(path, '$');
    for (size_t k = 0; k < n; k++) {
        if (fs[k].object) {
            if (k)
                buf_addc(path, '.');
            add_shown(path, text + fs[k].key, fs[k].keylen, 300);
        } else
            buf_printf(path, "[%llu]", (unsigned long long)fs[k].index);
        if (path->len > 300)
            break;
    }
    free(fs);
}

int json_check_text(const char *text, size_t len, enum lang lang, char *m, size_t cap)
{
    size_t bad = first_bad(text, len);
    if (bad == len)
        return 0;
    struct buf path = {0};
    path_at(text, len, bad, &path);
    if (text[bad] == '\\')
        snprintf(m, cap, msg(lang, M_E_DATA_NUL), buf_cstr(&path));
    else
        snprintf(m, cap, msg(lang, M_E_DATA_UTF8), buf_cstr(&path), (unsigned char)text[bad]);
    buf_free(&path);
    return 1;
}
