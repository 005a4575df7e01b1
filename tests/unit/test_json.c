/* test_json.c - unit tests of src/json.c.
 *
 * json_get: the hashed look-up in wide objects finds exactly what cJSON's own linear scan finds
 * (the first member of a name), at every width, for names present, repeated and missing, over
 * many objects of one data set (the table of hashes grows) and after json_lookup_reset.
 *
 * json_check_text: UTF-8 as utf8_validate (the reference decoder of src/utf8.c) says, \u0000
 * escapes, and the data path named.  The checker takes 8 bytes a step (16 with SSSE3), so every
 * sequence is tried at every offset of a block and cut at every length; random strings of
 * valid and invalid pieces, up to several blocks long, compare it with utf8_validate.
 *
 * jsonw_escape (src/jsonw.c, a block of clean bytes a step) against the byte-by-byte rule.
 */
#include <stdlib.h>

#include "unit.h"
#include "json.h"
#include "jsonw.h"
#include "mem.h"
#include "utf8.h"

/* An object of `width` members k0 … k{width-1}; every seventh name repeats an earlier one. */
static cJSON *object(struct arena *ar, int width)
{
    struct buf b = {0};
    buf_addc(&b, '{');
    for (int i = 0; i < width; i++) {
        int name = i % 7 == 6 ? i / 2 : i;
        buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", name, i);
    }
    buf_addc(&b, '}');
    cJSON *j = json_parse_in(ar, b.data, b.len);
    buf_free(&b);
    return j;
}

/* Every name k0 … k{width}, and a few never present, agree with the linear scan. */
static int agrees(struct json_lookup *lk, const cJSON *obj, int width)
{
    char key[32];
    for (int i = -3; i <= width + 1; i++) {
        snprintf(key, sizeof key, i < 0 ? "x%d" : "k%d", i);
        if (json_get(lk, obj, key) != cJSON_GetObjectItemCaseSensitive(obj, key))
            return 0;
    }
    return json_get(lk, obj, "") == NULL && json_get(lk, obj, "k") == NULL;
}

static void test_widths(void)
{
    struct arena ar;
    arena_init(&ar);
    struct json_lookup lk;
    json_lookup_reset(&lk, &ar);
    static const int widths[] = {0, 1, 7, JSON_NARROW, JSON_NARROW + 1, 9, 16, 17, 100, 1000};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        cJSON *obj = object(&ar, widths[w]);
        CHECK(obj && agrees(&lk, obj, widths[w]));
        CHECK(agrees(&lk, obj, widths[w]));            /* the second time, from the hash */
    }
    /* many wide objects in one data set: the table of hashes grows past its first size */
    cJSON *objs[200];
    for (int i = 0; i < 200; i++)
        objs[i] = object(&ar, 20 + i % 5);
    int ok = 1;
    for (int i = 0; i < 200; i++)
        ok &= agrees(&lk, objs[i], 20 + i % 5);
    CHECK(ok);
    CHECK(lk.n == 200 + 6);                 /* one hash per wide object, none for narrow ones */
    /* a new data set: the arena is reset, the table forgotten */
    arena_reset(&ar);
    json_lookup_reset(&lk, &ar);
    cJSON *obj = object(&ar, 50);
    CHECK(lk.n == 0 && agrees(&lk, obj, 50) && lk.n == 1);
    /* "k3" in a wide object: the first of the two members named k3 (k3 at 3, repeated at 6) */
    CHECK(cJSON_GetNumberValue(json_get(&lk, obj, "k3")) == 3);
    /* objects json_last_wins has seen to (names unique: first a guess of where a name was
     * found last, checked): every width, names in a new order each time so that guesses miss
     * too, asked for from one reused buffer (agrees) so that one address holds many names */
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++)
        for (int shift = 0; shift < 3; shift++) {
            struct buf b = {0};
            buf_addc(&b, '{');
            for (int i = 0; i < widths[w]; i++)
                buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", (i + shift * 5) % widths[w], i);
            buf_addc(&b, '}');
            cJSON *unique = json_parse_in(&ar, b.data, b.len);
            buf_free(&b);
            json_last_wins(unique, false);
            CHECK(unique && agrees(&lk, unique, widths[w]) && agrees(&lk, unique, widths[w]));
        }
    /* a copy of such an object (another address) is not taken for one: given a first "k3" of
     * its own, that one is found (a guess from the original would point at the later one) */
    {
        struct buf b = {0};
        buf_adds(&b, "{\"a\":1,\"b\":2,\"k3\":3}");
        cJSON *unique = json_parse_in(&ar, b.data, b.len);
        buf_free(&b);
        json_last_wins(unique, false);
        CHECK(cJSON_GetNumberValue(json_get(&lk, unique, "k3")) == 3);   /* the guess: at 2 */
        cJSON *copy = cJSON_Duplicate(unique, true), *first = cJSON_CreateNumber(99);
        first->string = strdup("k3");
        cJSON_DeleteItemFromObject(copy, "a");
        cJSON_InsertItemInArray(copy, 0, first);            /* k3 (99), b, k3 (3) */
        CHECK(cJSON_GetNumberValue(json_get(&lk, copy, "k3")) == 99);
        cJSON_Delete(copy);
    }
    arena_free(&ar);
}

/* Whether text passes (0) or is refused (1), and the message. */
static int check(const char *text, char *m)
{
    return json_check_text(text, strlen(text), LANG_EN, m, 512);
}

static const char *const pieces[] = {
    "a", ":", "0123456789", "中", "文", "é", "€", "𝄞", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBD",
    "\xED\x9F\xBF", "\xEE\x80\x80", "\xE1\x80\x80",
    /* not UTF-8 */
    "\xFF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",
    "\xF0\x80\x80\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xBF", "\xE4\xB8",
    "\xE4", "\xF0\x9D\x84", "\xC3",
};

static void test_check_text(void)
{
    char m[512];
    /* random mixes: the checker and utf8_validate agree on where the first bad byte is */
    srand(6);
    for (int round = 0; round < 20000; round++) {
        char text[256] = "";
        int n = rand() % (round % 2 ? 12 : 48);     /* up to 192 bytes: a dozen blocks */
        for (int i = 0; i < n; i++) {
            int k = rand() % (int)(sizeof pieces / sizeof pieces[0]);
            if (rand() % 4)     /* mostly valid pieces, so bad ones come late too */
                k %= 13;
            strcat(text, pieces[k]);
        }
        size_t len = strlen(text);
        char json[300];
        snprintf(json, sizeof json, "{\"k\":\"%s\"}", text);
        int bad = utf8_validate(text, len) < len;
        if (!CHECK(check(json, m) == bad))
            printf("    text: %s\n", text);
    }
    /* every offset in a block and every cut of the Chinese fast path */
    for (int pad = 0; pad < 18; pad++) {
        char json[96];
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文中文中\xE4\xB8\"}", pad, "aaaaaaaaaaaaaaaaaa");
        CHECK(check(json, m) == 1);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文中文中文\"}", pad, "aaaaaaaaaaaaaaaaaa");
        CHECK(check(json, m) == 0);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文\xED\xA0\x80中文\"}", pad, "aaaaaaaaaaaaaaaaaa");
        CHECK(check(json, m) == 1);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文\xE0\x80\xAF\"}", pad, "aaaaaaaaaaaaaaaaaa");
        CHECK(check(json, m) == 1);
    }

    /* \u0000: refused wherever it is; an escaped backslash before "u0000" is text */
    CHECK(check("{\"a\":\"x\\u0000y\"}", m) == 1);
    CHECK_STR(m, "$a holds \\u0000 (a NUL character), which data text may not contain");
    CHECK(check("{\"a\":\"x\\\\u0000\"}", m) == 0);
    CHECK(check("{\"a\":\"\\\\\\u0000\"}", m) == 1);
    CHECK(check("{\"a\":\"\\u00001\"}", m) == 1);
    CHECK(check("{\"a\":\"\\u0001\\u0100\"}", m) == 0);

    /* the data path: keys, indexes, nesting, a bad key itself */
    CHECK(check("{\"x\":1,\"部门\":{\"项目\":[{\"n\":\"ok\"},{\"n\":\"b\xFF\"}]}}", m) == 1);
    CHECK_STR(m, "$部门.项目[1].n holds bytes that are not UTF-8 (byte 0xFF); save the data as UTF-8");
    CHECK(check("{\"a\":[[1,2],[3,\"\xC0\"]]}", m) == 1);
    CHECK_STR(m, "$a[1][1] holds bytes that are not UTF-8 (byte 0xC0); save the data as UTF-8");
    CHECK(check("{\"a\":{\"b\":1},\"c\":[\"\\\"\",\"\\u0000\"]}", m) == 1);
    CHECK_STR(m, "$c[1] holds \\u0000 (a NUL character), which data text may not contain");
    CHECK(check("{\"k\xFE\":2}", m) == 1);
    CHECK_STR(m, "$k\\xFE holds bytes that are not UTF-8 (byte 0xFE); save the data as UTF-8");
    CHECK(check("{\"a,b\":{\"c:d\":[{}, \"\xFF\"]}}", m) == 1);
    CHECK_STR(m, "$a,b.c:d[1] holds bytes that are not UTF-8 (byte 0xFF); save the data as UTF-8");

    /* the end of a value, for the elements of an array document */
    const char *doc = "[ {\"a\":\"]}\"} , 12.5e3,\"x\\\"y\" ,[1,[2]], true ]";
    size_t at = 2, end = json_value_end(doc, strlen(doc), at);
    CHECK(end == 12);
    CHECK(json_value_end(doc, strlen(doc), 14) == 21);
    CHECK(json_value_end(doc, strlen(doc), 22) == 28);
    CHECK(json_value_end(doc, strlen(doc), 30) == 37);
    CHECK(json_value_end(doc, strlen(doc), 38) == 43);
}

/* jsonw_escape (eight bytes at a time where nothing needs escaping) against the plain
 * byte-by-byte rule, on random strings over bytes that matter: controls, '"', '\\', ASCII,
 * UTF-8 lead and continuation bytes, 0x7F, 0xFF; every length 0..40 and every offset. */
static void escape_slowly(struct buf *b, const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_adds(b, "\\n");
        else if (c == '\t')
            buf_adds(b, "\\t");
        else if (c == '\r')
            buf_adds(b, "\\r");
        else if (c < 0x20)
            buf_printf(b, "\\u%04x", c);
        else
            buf_addc(b, (char)c);
    }
}

static void test_escape(void)
{
    static const unsigned char bytes[] = {0, 1, 0x1F, 0x20, '"', '\\', '\n', '\t', '\r', 'a',
                                          '!', '#', 0x5B, 0x5D, 0x7F, 0x80, 0xA0, 0xE4, 0xBD,
                                          0xFF, 0x21, 0x22 ^ 0x80, 0x5C ^ 0x80};
    unsigned char s[96];
    uint64_t state = 12345;
    int ok = 1;
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 81);      /* blocks of 16 (8 without SSE2) and tails */
        for (size_t i = 0; i < len; i++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            /* mostly plain text, so that whole clean words occur */
            unsigned pick = (unsigned)(state >> 33) % 64;
            s[i] = pick < sizeof bytes ? bytes[pick] : (unsigned char)('a' + pick % 26);
        }
        struct buf fast = {0}, slow = {0};
        buf_addc(&fast, 'x');
        buf_addc(&slow, 'x');
        jsonw_escape(&fast, (const char *)s, len);
        escape_slowly(&slow, s, len);
        ok &= fast.len == slow.len && memcmp(fast.data, slow.data, fast.len) == 0;
        buf_free(&fast);
        buf_free(&slow);
    }
    CHECK(ok);
}

/* json_last_wins on a wide object (a hash set, not the filter): every name once, its last
 * value, in the order of the members kept. */
static void test_last_wins_wide(void)
{
    struct arena ar;
    arena_init(&ar);
    struct buf b = {0};
    buf_addc(&b, '{');
    for (int i = 0; i < 1000; i++)          /* k0..k599, then k0..k399 again */
        buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i % 600, i);
    buf_addc(&b, '}');
    cJSON *obj = json_parse_in(&ar, b.data, b.len);
    buf_free(&b);
    json_last_wins(obj, false);
    int ok = cJSON_GetArraySize(obj) == 600, k = 0;
    for (const cJSON *c = obj->child; c; c = c->next, k++) {
        int name = k < 200 ? 400 + k : k - 200;     /* k400..k599 first, then k0..k399 */
        char want[16];
        snprintf(want, sizeof want, "k%d", name);
        ok &= strcmp(c->string, want) == 0
              && c->valueint == (name < 400 ? 600 + name : name);
    }
    CHECK(ok);
    arena_free(&ar);
}

int main(void)
{
    json_init();
    test_widths();
    test_check_text();
    test_escape();
    test_last_wins_wide();
    return unit_done();
}
