/* json.c - the cJSON adapter: allocation hooks (arena-backed while json_parse_in runs on this
 * thread) and the check of data text that cJSON passes through unchecked. */
#include "json.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

void json_init(void)
{
    cJSON_Hooks hooks = {xmalloc, free};    /* out of memory: the one policy of mem.c */
    cJSON_InitHooks(&hooks);
}

/* ---- the parser of data sets ----
 *
 * cJSON_ParseWithLength (libcjson 1.7.15 as Debian ships it) reimplemented: the same texts
 * accepted and refused, the same tree (types, strings byte for byte, valuedouble, valueint,
 * prev/next links), with every quirk: any byte up to 32 is white space, a UTF-8 byte order mark
 * is skipped when the text has at least 5 bytes, anything after the value
 * is ignored, a number is the longest run of 0-9 + - e E . cut where strtod stops, \u with
 * bad hex digits is the code 0, nesting deeper than CJSON_NESTING_LIMIT is refused.  What is
 * new: nodes and strings come from the arena, strings are found eight bytes a step, plain
 * decimals are converted exactly without strtod (below), duplicate keys are resolved while
 * parsing, and the strings are checked for what json_check_text refuses on the way.
 * tests/unit/test_json.c compares it with cJSON on edge cases and random texts, and
 * fuzz/fuzz_json.c does the same under libFuzzer. */

struct parse {
    const unsigned char *s;
    size_t len, off, depth;
    struct arena *a;
    bool clean;         /* nothing seen that json_check_text could refuse */
};

static bool parse_value(struct parse *p, cJSON *item);

/* n bytes (a multiple of 8) from the arena: the common case inline */
static inline void *take(struct arena *a, size_t n)
{
    if (a->ptr && (size_t)(a->end - a->ptr) >= n) {
        void *q = a->ptr;
        a->ptr += n;
        return q;
    }
    return arena_alloc(a, n);
}

static inline cJSON *new_item(struct parse *p)
{
    cJSON *c = take(p->a, (sizeof(cJSON) + 7) & ~(size_t)7);
    *c = (cJSON){0};
    return c;
}

/* cJSON's buffer_skip_whitespace (which steps back onto the last byte when it reaches the
 * end: a white space byte that every caller then refuses as it refuses the end, so that step
 * is left out) */
static inline void skip_ws(struct parse *p)
{
    while (p->off < p->len && p->s[p->off] <= 32)
        p->off++;
}

static inline uint64_t load_le(const unsigned char *p);
static size_t first_bad_utf8(const unsigned char *s, size_t len);

/* A bit set in the top of every byte of w that equals c; the lowest set bit is exact. */
static inline uint64_t bytes_equal(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (0x0101010101010101u * c);
    return (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
}

static unsigned hex4(const unsigned char *s)      /* cJSON's parse_hex4: 0 when not hex */
{
    unsigned h = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i];
        if (c >= '0' && c <= '9')
            h = h << 4 | (c - '0');
        else if (c >= 'A' && c <= 'F')
            h = h << 4 | (c - 'A' + 10);
        else if (c >= 'a' && c <= 'f')
            h = h << 4 | (c - 'a' + 10);
        else
            return 0;
    }
    return h;
}

/* cJSON's utf16_literal_to_utf8: the \uXXXX (or surrogate pair) at in, before end, written at
 * *out; the bytes read, 0 when it is refused. */
static size_t utf16_escape(const unsigned char *in, const unsigned char *end, unsigned char **out)
{
    if (end - in < 6)
        return 0;
    unsigned long cp = hex4(in + 2);
    size_t n = 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF)
        return 0;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        const unsigned char *second = in + 6;
        if (end - second < 6 || second[0] != '\\' || second[1] != 'u')
            return 0;
        unsigned lo = hex4(second + 2);
        if (lo < 0xDC00 || lo > 0xDFFF)
            return 0;
        cp = 0x10000 + (((cp & 0x3FF) << 10) | (lo & 0x3FF));
        n = 12;
    }
    unsigned char *o = *out;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xC0 | cp >> 6);
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xE0 | cp >> 12);
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (unsigned char)(0xF0 | cp >> 18);
        *o++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *out = o;
    return n;
}

/* A string with escapes, from its opening quote at p->off, as cJSON's parse_string does it:
 * the closing quote found first (a backslash takes the next byte with it), then the escapes
 * decoded between (they may fall out of step with the first pass: cJSON's result counts). */
static char *escaped_string(struct parse *p)
{
    const unsigned char *start = p->s + p->off + 1, *end = p->s + p->len, *q = start;
    while (q < end && *q != '"') {
        if (*q == '\\') {
            if (q + 1 >= end)
                return NULL;
            /* json_check_text refuses \u0000 (its backslashes pair up as these do) */
            if (q[1] == 'u' && end - q > 5 && memcmp(q + 2, "0000", 4) == 0)
                p->clean = false;
            q++;
        } else if (*q >= 0x80)
            p->clean = false;       /* json_check_text decides (rare: escapes and non-ASCII) */
        q++;
    }
    if (q >= end)
        return NULL;
    const unsigned char *close = q;
    unsigned char *out = take(p->a, ((size_t)(close - start) + 1 + 7) & ~(size_t)7), *o = out;
    for (const unsigned char *in = start; in < close;) {
        if (*in != '\\') {
            *o++ = *in++;
            continue;
        }
        size_t n = 2;
        switch (in[1]) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case '"':
        case '\\':
        case '/': *o++ = in[1]; break;
        case 'u':
            if (!(n = utf16_escape(in, close, &o)))
                return NULL;
            break;
        default:
            return NULL;
        }
        in += n;
    }
    *o = '\0';
    p->off = (size_t)(close - p->s) + 1;
    return (char *)out;
}

/* Whether s[0..n) is all UTF-8.  The 3-byte characters of Chinese (lead byte E1..EC, EE, EF:
 * no overlong form or surrogate starts with those) are tested two at a time, then one; the
 * rest is left to first_bad_utf8, whose setup costs more than these short strings. */
static bool utf8_ok(const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        if (end - p >= 8) {
            uint64_t w = load_le(p);
            if ((w & 0xC0C0F0C0C0F0u) == 0x8080E08080E0u
                && (0xDFFEu >> (w & 0xF) & 0xDFFEu >> (w >> 24 & 0xF) & 1)) {
                p += 6;
                continue;
            }
        }
        if (end - p >= 3 && (p[0] & 0xF0) == 0xE0 && (0xDFFEu >> (p[0] & 0xF) & 1)
            && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            p += 3;
            continue;
        }
        return first_bad_utf8(p, (size_t)(end - p)) == (size_t)(end - p);
    }
    return true;
}

/* The string whose opening quote is at p->off, or NULL when cJSON refuses it. */
static char *parse_string(struct parse *p)
{
    if (p->off >= p->len || p->s[p->off] != '"')
        return NULL;
    const unsigned char *start = p->s + p->off + 1, *end = p->s + p->len, *q = start;
    uint64_t high = 0;
    for (;; q += 8) {
        if (end - q < 8) {
            while (q < end && *q != '"' && *q != '\\')
                high |= *q++;
            break;
        }
        uint64_t w = load_le(q), m = bytes_equal(w, '"') | bytes_equal(w, '\\');
        if (m) {
            unsigned k = (unsigned)__builtin_ctzll(m) >> 3;
            high |= w & ((1ull << (8 * k)) - 1);    /* k < 8 */
            q += k;
            break;
        }
        high |= w;
    }
    if (q == end)
        return NULL;
    if (*q == '\\')
        return escaped_string(p);
    size_t n = (size_t)(q - start);
    char *out = take(p->a, (n + 1 + 7) & ~(size_t)7);
    memcpy(out, start, n);
    out[n] = '\0';
    if (high & 0x8080808080808080u && !utf8_ok(start, n))
        p->clean = false;
    p->off = (size_t)(q - p->s) + 1;
    return out;
}

static inline bool is_number_byte(unsigned c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || (c | 0x20) == 'e';
}

/* A plain decimal (-?D+(.D+)?([eE][+-]?D+)? making up all n bytes), exactly as strtod reads
 * it, when that takes one operation: at most 19 digits whose value is at most 2^53, and a
 * power of ten at most 10^22, which doubles hold exactly, so one multiplication or division
 * rounds once, correctly (Clinger's fast path).  false: ask strtod. */
static bool plain_decimal(const unsigned char *s, size_t n, double *out)
{
    static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = s[0] == '-';
    uint64_t m = 0;
    int digits = 0, e = 0;
    size_t from = i;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
        m = m * 10 + (s[i] - '0');
    if (i == from)
        return false;
    if (i < n && s[i] == '.') {
        from = ++i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++, e--)
            m = m * 10 + (s[i] - '0');
        if (i == from)
            return false;
    }
    if (digits > 19)
        return false;           /* m may have wrapped: strtod decides */
    if (i < n && (s[i] | 0x20) == 'e') {
        i++;
        bool minus = i < n && s[i] == '-';
        i += i < n && (s[i] == '-' || s[i] == '+');
        int x = 0;
        from = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9' && i - from < 4; i++)
            x = x * 10 + (s[i] - '0');
        if (i == from)
            return false;
        e += minus ? -x : x;
    }
    if (i != n || m > (1ull << 53) || e < -22 || e > 22)
        return false;
    double x = (double)m;
    x = e < 0 ? x / p10[-e] : x * p10[e];
    *out = s[0] == '-' ? -x : x;
    return true;
}

/* cJSON's parse_number: the longest run of number bytes, read by strtod as far as it goes */
static bool parse_number(struct parse *p, cJSON *item)
{
    const unsigned char *s = p->s + p->off;
    size_t n = 0, rest = p->len - p->off;
    while (n < rest && is_number_byte(s[n]))
        n++;
    double x;
    size_t used = n;
    if (!plain_decimal(s, n, &x)) {
        char small[64], *text = n < sizeof small ? small : take(p->a, (n + 1 + 7) & ~(size_t)7);
        memcpy(text, s, n);             /* '.' is the decimal point: jixiao keeps the C locale */
        text[n] = '\0';
        char *stop;
        x = strtod(text, &stop);
        used = (size_t)(stop - text);
        if (!used)
            return false;
    }
    item->valuedouble = x;
    item->valueint = x >= INT_MAX ? INT_MAX : x <= (double)INT_MIN ? INT_MIN : (int)x;
    item->type = cJSON_Number;
    p->off += used;
    return true;
}

/* The start of an array or object at p->off: nesting counted (and refused past cJSON's
 * limit), the bracket and white space after it skipped.  The list is empty when the next
 * byte is `close`. */
static bool enter(struct parse *p, unsigned char close, bool *empty)
{
    if (p->depth >= CJSON_NESTING_LIMIT)
        return false;
    p->depth++;
    p->off++;
    skip_ws(p);
    *empty = p->off >= p->len || p->s[p->off] == close;
    return true;
}

/* Past a member or element: is there a comma (skipped) before the next one? */
static bool more(struct parse *p)
{
    skip_ws(p);
    if (p->off >= p->len || p->s[p->off] != ',')
        return false;
    p->off++;
    skip_ws(p);
    return true;
}

/* The end of an array or object: `close` expected; item becomes `type` with the list
 * head..last (the head points back at the last, as cJSON links them). */
static bool leave(struct parse *p, cJSON *item, unsigned char close, int type, cJSON *head,
                  cJSON *last)
{
    if (p->off >= p->len || p->s[p->off] != close)
        return false;
    p->depth--;
    if (head)
        head->prev = last;
    item->type = type;
    item->child = head;
    p->off++;
    return true;
}

static inline void append(cJSON **head, cJSON **last, cJSON *c)
{
    if (*last) {
        (*last)->next = c;
        c->prev = *last;
    } else
        *head = c;
    *last = c;
}

static bool parse_array(struct parse *p, cJSON *item)
{
    cJSON *head = NULL, *last = NULL;
    bool empty;
    if (!enter(p, ']', &empty))
        return false;
    if (!empty)
        do {
            cJSON *c = new_item(p);
            append(&head, &last, c);
            if (!parse_value(p, c))
                return false;
        } while (more(p));
    return leave(p, item, ']', cJSON_Array, head, last);
}

/* A quick hash of a member name of n bytes for the filter of duplicate keys: its length,
 * first and last 8 bytes (names that differ only in the middle cost a comparison). */
static uint32_t quick_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    memcpy(&a, s, n < 8 ? n : 8);
    if (n > 8)
        memcpy(&b, s + n - 8, 8);
    uint64_t x = (a ^ b * 0x9E3779B97F4A7C15ull ^ n) * 0xFF51AFD7ED558CCDull;
    return (uint32_t)(x >> 40);
}

static void last_wins_wide(cJSON *j, bool owned, uint32_t n);

enum { FILTER_MEMBERS = 64 };   /* past this many, a 256-bit filter is too full to help */

static bool parse_object(struct parse *p, cJSON *item)
{
    cJSON *head = NULL, *last = NULL;
    uint32_t count = 0;
    uint64_t seen[4] = {0};     /* a filter of the names so far: duplicates resolved at once */
    bool empty;
    if (!enter(p, '}', &empty))
        return false;
    if (!empty)
        do {
            cJSON *c = new_item(p);
            if (!(c->string = parse_string(p)))
                return false;
            skip_ws(p);
            if (p->off >= p->len || p->s[p->off] != ':')
                return false;
            p->off++;
            skip_ws(p);
            if (!parse_value(p, c))
                return false;
            /* the last member of a name wins (json_last_wins): earlier ones are unlinked */
            if (++count <= FILTER_MEMBERS) {
                uint32_t h = quick_hash(c->string, strlen(c->string));
                uint64_t bit = 1ull << (h & 63), *w = &seen[h >> 6 & 3];
                if (*w & bit)
                    for (cJSON *e = head, *next; e; e = next) {
                        next = e->next;
                        if (strcmp(e->string, c->string) != 0)
                            continue;
                        if (e->prev)
                            e->prev->next = e->next;
                        else
                            head = e->next;
                        if (e->next)
                            e->next->prev = e->prev;
                        else
                            last = e->prev;
                    }
                *w |= bit;
            }
            append(&head, &last, c);
        } while (more(p));
    if (!leave(p, item, '}', cJSON_Object, head, last))
        return false;
    if (count > FILTER_MEMBERS)         /* the rest by a hash set of all the names */
        last_wins_wide(item, false, count);
    return true;
}

/* The literal `word` (n bytes) at p->off: an item of `type` */
static bool literal(struct parse *p, cJSON *item, const char *word, size_t n, int type)
{
    if (p->len - p->off < n || memcmp(p->s + p->off, word, n) != 0)
        return false;
    item->type = type;
    item->valueint = type == cJSON_True;
    p->off += n;
    return true;
}

static bool parse_value(struct parse *p, cJSON *item)
{
    if (p->off >= p->len)
        return false;
    const unsigned char *c = p->s + p->off;
    switch (*c) {
    case 'n': return literal(p, item, "null", 4, cJSON_NULL);
    case 'f': return literal(p, item, "false", 5, cJSON_False);
    case 't': return literal(p, item, "true", 4, cJSON_True);
    case '"':
        item->type = cJSON_String;
        return (item->valuestring = parse_string(p)) != NULL;
    case '[':
        return parse_array(p, item);
    case '{':
        return parse_object(p, item);
    default:
        return (*c == '-' || (*c >= '0' && *c <= '9')) && parse_number(p, item);
    }
}

static size_t first_bad(const char *text, size_t len);

cJSON *json_parse_in(struct arena *a, const char *text, size_t len, bool *clean)
{
    struct parse p = {(const unsigned char *)text, len, 0, 0, a, true};
    *clean = false;
    if (!text || !len)
        return NULL;
    cJSON *root = new_item(&p);
    if (len > 4 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)     /* a byte order mark */
        p.off = 3;
    skip_ws(&p);
    if (!parse_value(&p, root))
        return NULL;
    /* what follows the value is ignored, but json_check_text reads it too */
    *clean = p.clean && first_bad(text + p.off, len - p.off) == len - p.off;
    return root;
}

/* The members of one wide object by name: open addressing, hash beside the member. */
struct json_index {
    const cJSON *obj;
    uint32_t mask;
    struct member { uint32_t hash; cJSON *c; } slot[];
};

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;               /* FNV-1a */
    for (const unsigned char *u = (const unsigned char *)s; *u; u++)
        h = (h ^ *u) * 16777619u;
    return h;
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

/* strcmp(a, b) == 0 inline: names are short, and most differ in their first bytes. */
static inline bool same_name(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

cJSON *json_get(struct json_lookup *lk, const cJSON *obj, const char *key)
{
    cJSON *c = obj->child;
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

void json_last_wins(cJSON *j, bool owned)
{
    if (!j)
        return;
    uint32_t n = 0;
    for (cJSON *c = j->child; c; c = c->next, n++)
        if (c->child)
            json_last_wins(c, owned);
    if (!cJSON_IsObject(j) || !j->child || !j->child->next)
        return;
    if (n > 64) {
        last_wins_wide(j, owned, n);
        return;
    }
    /* a 256-bit filter of the keys seen: only a key whose bit is already set is looked for
     * among the earlier ones, so an object without duplicates costs a quick hash a key */
    uint64_t seen[4] = {0};
    for (cJSON *c = j->child; c; c = c->next) {
        uint32_t h = quick_hash(c->string, strlen(c->string));
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

/* The offset of the first byte of text that is not UTF-8 or starts a \u0000 escape, or len.
 * text is valid JSON: a backslash always starts an escape, and they are rare (memchr). */
static size_t first_bad(const char *text, size_t len)
{
    size_t bad = first_bad_utf8((const unsigned char *)text, len);
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
