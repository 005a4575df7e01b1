/* test_json.c - unit tests of src/json.c.
 *
 * json_get: the hashed look-up in wide objects finds exactly what cJSON's own linear scan finds
 * (the first member of a name), at every width, for names present, repeated and missing, over
 * many objects of one data set (the table of hashes grows) and after json_lookup_reset.
 *
 * json_check_text: UTF-8 as utf8_validate (the reference decoder of src/utf8.c) says, \u0000
 * escapes, and the data path named.  The checker takes 8 bytes a step, so every sequence is
 * tried at every offset of a word and cut at every length; random strings of valid and invalid
 * pieces compare it with utf8_validate.
 *
 * jsonw_escape (src/jsonw.c, a block of clean bytes a step) against the byte-by-byte rule.
 */
#include <stdlib.h>

#include "unit.h"
#include "json.h"
#include "jsonw.h"
#include "mem.h"
#include "utf8.h"
#include "same_tree.h"

/* An object of `width` members k0 … k{width-1}; every seventh name repeats an earlier one.
 * Made by cJSON itself (json_parse_in resolves duplicates), kept in `made` to be deleted. */
static cJSON *made[256];
static int nmade;

static cJSON *object(struct arena *ar, int width)
{
    (void)ar;
    struct buf b = {0};
    buf_addc(&b, '{');
    for (int i = 0; i < width; i++) {
        int name = i % 7 == 6 ? i / 2 : i;
        buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", name, i);
    }
    buf_addc(&b, '}');
    cJSON *j = cJSON_ParseWithLength(b.data, b.len);
    buf_free(&b);
    return made[nmade++] = j;
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
    arena_free(&ar);
    while (nmade)
        cJSON_Delete(made[--nmade]);
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
        int n = rand() % 12;
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
    /* every offset in a word and every cut of the Chinese fast path */
    for (int pad = 0; pad < 9; pad++) {
        char json[64];
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文中文中\xE4\xB8\"}", pad, "aaaaaaaaa");
        CHECK(check(json, m) == 1);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文中文中文\"}", pad, "aaaaaaaaa");
        CHECK(check(json, m) == 0);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文\xED\xA0\x80中文\"}", pad, "aaaaaaaaa");
        CHECK(check(json, m) == 1);
        snprintf(json, sizeof json, "{\"k\":\"%.*s中文\xE0\x80\xAF\"}", pad, "aaaaaaaaa");
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
    bool clean;
    cJSON *obj = json_parse_in(&ar, b.data, b.len, &clean);    /* resolves them itself */
    buf_free(&b);
    json_last_wins(obj, false);                                 /* nothing left to do */
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

/* ---- json_parse_in against cJSON_ParseWithLength (+ json_last_wins) ---- */


static long parsed_ok;      /* texts both accepted (the rest both refused) */

/* json_parse_in and cJSON agree on text[0..len), and a clean text passes json_check_text. */
static int agrees_with_cjson(struct arena *ar, const char *text, size_t len)
{
    cJSON *want = cJSON_ParseWithLength(text, len);
    json_last_wins(want, true);
    bool clean;
    arena_reset(ar);
    cJSON *got = json_parse_in(ar, text, len, &clean);
    char m[512];
    int ok = (!want && !got) || (want && got && same_tree(want, got));
    if (ok && got && clean)
        ok = json_check_text(text, len, LANG_EN, m, sizeof m) == 0;
    parsed_ok += want && got;
    cJSON_Delete(want);
    return ok;
}

#define PARSE(text) agrees_with_cjson(&ar, text, sizeof text - 1)

static const char *const json_pieces[] = {
    "{", "}", "[", "]", ",", ":", " ", "\t", "\n", "\x01", "\x7f", "\"a\"", "\"b\"", "\"a\"",
    "\"\"", "\"中文\"", "\"\xE4\xB8\"", "\"\xFF\"", "\"x\\ny\"", "\"\\\"\"", "\"\\\\\"", "\"\\/\"",
    "\"\\u00e9\"", "\"\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\uzzzz\"",
    "\"\\u0000\"", "\"\\u12\"", "\"\\x\"", "\"\\", "\"", "\\", "\"a\\\"", "1", "-0", "0", "01",
    "1.5", "-1.5e3", "1E+2", "1e-2", "1e400", "-1e400", "1e-400", "0.1", "1.", "-.5", ".5", "1e",
    "1e+", "+1", "--1", "-", "0x10", "1.2.3", "1e5.5", "123456789012345678901234",
    "9007199254740993", "4.9e-324", "2.2250738585072011e-308", "2147483647", "2147483648",
    "-2147483649", "1e22", "1e23", "123456789012345678e-22", "true", "false", "null", "nul",
    "tru", "fals", "nulll", "\xEF\xBB\xBF", "中",
};

static void test_parse(void)
{
    struct arena ar;
    arena_init(&ar);
    /* refused as cJSON refuses, accepted as it accepts: edges of every rule */
    CHECK(PARSE("{\"a\":1}") && PARSE("{\"a\":1} trailing") && PARSE("  [1, 2 ,3 ]  "));
    CHECK(PARSE("") && PARSE(" ") && PARSE("[") && PARSE("[1,]") && PARSE("{\"a\"}") && PARSE("{,}"));
    CHECK(PARSE("\xEF\xBB\xBF{}") && PARSE("\xEF\xBB\xBF" "1") && PARSE("\xEF\xBB\xBF" "12"));
    CHECK(PARSE("\0{}") && PARSE("{}\0x") && PARSE("[1\0]") && PARSE("{\"a\0b\":\"c\0d\"}"));
    CHECK(PARSE("\"\\uD800\\uDC00\"") && PARSE("\"\\uDBFF\\uDFFF\"") && PARSE("\"\\uD800\\u0041\""));
    CHECK(PARSE("\"\\u00\\\"ab\"") && PARSE("\"ab\\u\"") && PARSE("\"\\uD800\\uZZZZ\"") && PARSE("\"\\"));
    CHECK(PARSE("{\"a\":1,\"b\":2,\"a\":3}") && PARSE("{\"a\":{\"x\":1,\"x\":2},\"a\":[{\"y\":1,\"y\":[]}]}"));
    CHECK(PARSE("[1e5000,-1e5000,1e-5000,-0,0.0000000000000000000001]"));
    CHECK(PARSE("[0.1,0.2,0.3,1.7976931348623157e308,2.2250738585072014e-308,5e-324]"));
    CHECK(PARSE("[00012,1.e5,1.5E,1e+5,-.5,-0.0e0,12345678901234567890,9007199254740992.5]"));
    /* nesting: 1000 levels are allowed, 1001 are not */
    {
        char deep[2100];
        for (int n = 999; n <= 1001; n++) {
            memset(deep, '[', (size_t)n);
            memset(deep + n, ']', (size_t)n);
            CHECK(agrees_with_cjson(&ar, deep, 2 * (size_t)n));
        }
    }
    /* wide objects, with and without repeated names (the filter, then the hash set) */
    for (int width = 60; width <= 140; width += 40) {
        struct buf b = {0};
        buf_addc(&b, '{');
        for (int i = 0; i < width; i++)
            buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", i % 7 == 6 ? i / 3 : i, i);
        buf_addc(&b, '}');
        CHECK(agrees_with_cjson(&ar, b.data, b.len));
        buf_free(&b);
    }
    /* random texts of pieces: mostly JSON, often not */
    srand(12);
    int ok = 1;
    for (int round = 0; round < 100000 && ok; round++) {
        char text[512];
        size_t len = 0;
        for (int n = rand() % 16 + 1; n > 0; n--) {
            const char *piece = json_pieces[rand() % (int)(sizeof json_pieces / sizeof *json_pieces)];
            size_t k = strlen(piece);
            memcpy(text + len, piece, k);
            len += k;
        }
        if (!(ok = agrees_with_cjson(&ar, text, len)))
            printf("    text: %.*s\n", (int)len, text);
    }
    CHECK(ok);
    /* numbers: the exact fast path against strtod, digits and exponents of every size */
    ok = 1;
    for (int round = 0; round < 200000 && ok; round++) {
        char text[64];
        int len = 0, digits = rand() % 22 + 1, dot = rand() % (digits + 1);
        text[len++] = '[';
        if (rand() % 2)
            text[len++] = '-';
        for (int i = 0; i < digits; i++) {
            if (i == dot && i)
                text[len++] = '.';
            text[len++] = (char)('0' + (i == 0 && rand() % 4 ? 1 + rand() % 9 : rand() % 10));
        }
        if (rand() % 2)
            len += snprintf(text + len, 16, "e%d", rand() % 60 - 30);
        text[len++] = ']';
        if (!(ok = agrees_with_cjson(&ar, text, (size_t)len)))
            printf("    text: %.*s\n", len, text);
    }
    CHECK(ok);
    /* a real data set cut and mutated byte by byte */
    const char *line = "{\"部门名称\":\"广州市\\u4e2d01\",\"预算\":{\"全年预算数\":20058.19,\"季度\":"
                       "[4037.11,9683.01,-1e3]},\"ok\":true,\"x\":null,\"列表\":[{\"名称\":\"a\\tb\","
                       "\"完成\":false}],\"预算\":0.18}";
    size_t n = strlen(line);
    ok = 1;
    for (int round = 0; round < 50000 && ok; round++) {
        char text[512];
        memcpy(text, line, n);
        size_t len = n;
        for (int k = rand() % 3 + 1; k > 0; k--) {
            size_t at = (size_t)rand() % len;
            static const char bytes[] = "{}[],:\"\\ u0e.-+1\xE4\xFF";
            char c = bytes[rand() % (int)(sizeof bytes - 1)];
            switch (rand() % 3) {
            case 0: text[at] = c; break;
            case 1: memmove(text + at + 1, text + at, len - at); text[at] = c; len++; break;
            default: memmove(text + at, text + at + 1, len - at - 1); len--; break;
            }
        }
        if (!(ok = agrees_with_cjson(&ar, text, len)))
            printf("    text: %.*s\n", (int)len, text);
    }
    CHECK(ok);
    CHECK(parsed_ok > 50000);        /* the random texts did not all fail */
    arena_free(&ar);
}

int main(void)
{
    json_init();
    test_widths();
    test_check_text();
    test_escape();
    test_last_wins_wide();
    test_parse();
    return unit_done();
}
