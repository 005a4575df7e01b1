/* test_utf8.c - unit tests of UTF-8 decoding, widths and the lexer's character tables. */
#include "unit.h"
#include "utf8.h"
#include "mem.h"

/* Decodes a whole literal: bytes consumed and the code point (0xFFFFFFFF if untouched). */
static int dec(const char *s, size_t len, uint32_t *cp)
{
    *cp = 0xFFFFFFFF;
    return utf8_decode(s, len, cp);
}

#define S(lit) (lit), sizeof(lit) - 1

static void test_decode(void)
{
    uint32_t cp;

    CHECK(dec(S("A"), &cp) == 1 && cp == 'A');
    CHECK(dec(S("\x00"), &cp) == 1 && cp == 0);
    CHECK(dec(S("\x7F"), &cp) == 1 && cp == 0x7F);
    CHECK(dec(S("\xC2\x80"), &cp) == 2 && cp == 0x80);
    CHECK(dec(S("\xC3\x97"), &cp) == 2 && cp == 0xD7);               /* × */
    CHECK(dec(S("\xDF\xBF"), &cp) == 2 && cp == 0x7FF);
    CHECK(dec(S("\xE0\xA0\x80"), &cp) == 3 && cp == 0x800);
    CHECK(dec(S("中"), &cp) == 3 && cp == 0x4E2D);
    CHECK(dec(S("\xED\x9F\xBF"), &cp) == 3 && cp == 0xD7FF);         /* last before surrogates */
    CHECK(dec(S("\xEE\x80\x80"), &cp) == 3 && cp == 0xE000);
    CHECK(dec(S("\xEF\xBB\xBF"), &cp) == 3 && cp == 0xFEFF);         /* BOM */
    CHECK(dec(S("\xEF\xBF\xBF"), &cp) == 3 && cp == 0xFFFF);
    CHECK(dec(S("\xF0\x90\x80\x80"), &cp) == 4 && cp == 0x10000);
    CHECK(dec(S("\xF0\xA0\x80\x80"), &cp) == 4 && cp == 0x20000);    /* CJK extension B */
    CHECK(dec(S("\xF4\x8F\xBF\xBF"), &cp) == 4 && cp == 0x10FFFF);
    CHECK(dec(S("中文"), &cp) == 3 && cp == 0x4E2D);                  /* only the first */

    /* invalid: cp is left alone */
    CHECK(dec("", 0, &cp) == 0 && cp == 0xFFFFFFFF);
    CHECK(dec(S("\xC0\x80"), &cp) == 0 && cp == 0xFFFFFFFF);         /* overlong NUL */
    CHECK(dec(S("\xC1\xBF"), &cp) == 0);                             /* overlong */
    CHECK(dec(S("\xE0\x80\x80"), &cp) == 0);                         /* overlong */
    CHECK(dec(S("\xE0\x9F\xBF"), &cp) == 0);                         /* overlong */
    CHECK(dec(S("\xF0\x80\x80\x80"), &cp) == 0);                     /* overlong */
    CHECK(dec(S("\xF0\x8F\xBF\xBF"), &cp) == 0);                     /* overlong */
    CHECK(dec(S("\xED\xA0\x80"), &cp) == 0);                         /* surrogate D800 */
    CHECK(dec(S("\xED\xBF\xBF"), &cp) == 0);                         /* surrogate DFFF */
    CHECK(dec(S("\xF4\x90\x80\x80"), &cp) == 0);                     /* 110000 */
    CHECK(dec(S("\xF5\x80\x80\x80"), &cp) == 0);
    CHECK(dec(S("\xF8\x88\x80\x80\x80"), &cp) == 0);                 /* old 5-byte form */
    CHECK(dec(S("\xFF"), &cp) == 0);
    CHECK(dec(S("\xFE"), &cp) == 0);
    CHECK(dec(S("\x80"), &cp) == 0);                                 /* stray continuation */
    CHECK(dec(S("\xBF"), &cp) == 0);
    CHECK(dec(S("\xC3"), &cp) == 0);                                 /* truncated */
    CHECK(dec(S("\xE4\xB8"), &cp) == 0);                             /* truncated 中 */
    CHECK(dec("中", 2, &cp) == 0);                                    /* cut by the length */
    CHECK(dec(S("\xF0\x9F\x98"), &cp) == 0);
    CHECK(dec(S("\xC3\x41"), &cp) == 0);                             /* not a continuation */
    CHECK(dec(S("\xE4\xB8\x41"), &cp) == 0);
    CHECK(dec(S("\xE4\xC0\xAD"), &cp) == 0);
    CHECK(dec(S("\xF0\x9F\x98\xC0"), &cp) == 0);
}

static void test_validate_encode(void)
{
    char out[4];
    uint32_t cp;
    static const uint32_t round_trip[] = {
        0, 'A', 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
        0x1F600, 0x10FFFF,
    };

    CHECK(utf8_validate(S("")) == 0);
    CHECK(utf8_validate(S("abc")) == 3);
    CHECK(utf8_validate(S("黄埔区")) == 9);
    CHECK(utf8_validate(S("ab\xC0\x80" "cd")) == 2);
    CHECK(utf8_validate(S("中\xED\xA0\x80")) == 3);
    CHECK(utf8_validate(S("中文\xE4\xB8")) == 6);                    /* truncated at the end */
    CHECK(utf8_validate(S("\x80")) == 0);
    CHECK(utf8_validate("中文", 4) == 3);

    for (size_t i = 0; i < sizeof round_trip / sizeof round_trip[0]; i++) {
        int n = utf8_encode(round_trip[i], out);
        CHECK(n >= 1 && utf8_decode(out, (size_t)n, &cp) == n && cp == round_trip[i]);
    }
    CHECK(utf8_encode(0x4E2D, out) == 3 && memcmp(out, "中", 3) == 0);
    CHECK(utf8_encode(0xD7, out) == 2 && memcmp(out, "×", 2) == 0);
    CHECK(utf8_encode(0x1F600, out) == 4 && memcmp(out, "\xF0\x9F\x98\x80", 4) == 0);
    CHECK(utf8_encode(0xD800, out) == 0);
    CHECK(utf8_encode(0xDFFF, out) == 0);
    CHECK(utf8_encode(0x110000, out) == 0);
    CHECK(utf8_encode(0xFFFFFFFF, out) == 0);
    /* every valid code point survives encode then decode */
    {
        int bad = 0;
        for (uint32_t c = 0; c <= 0x10FFFF; c++) {
            int n = utf8_encode(c, out);
            if (c >= 0xD800 && c <= 0xDFFF)
                bad += n != 0;
            else
                bad += n == 0 || utf8_decode(out, (size_t)n, &cp) != n || cp != c;
        }
        CHECK(bad == 0);
    }
}

/* utf8_validate's fast paths (ASCII, three-byte sequences) say what a plain utf8_decode loop
 * says: every lead byte, every second byte, third bytes at the continuation range's edges,
 * whole and cut short. */
static size_t validate_slowly(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    int n;
    while (i < len && (n = utf8_decode(s + i, len - i, &cp)) > 0)
        i += (size_t)n;
    return i;
}

static void test_validate_fast(void)
{
    static const unsigned char thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    int wrong = 0;
    for (int b0 = 0x80; b0 <= 0xFF; b0++)
        for (int b1 = 0; b1 <= 0xFF; b1++)
            for (size_t k = 0; k < sizeof thirds; k++) {
                char t[6] = {'a', (char)b0, (char)b1, (char)thirds[k], '\x80', 'z'};
                for (size_t len = 2; len <= sizeof t; len++)
                    wrong += utf8_validate(t, len) != validate_slowly(t, len);
            }
    CHECK(wrong == 0);
}

static void test_width(void)
{
    CHECK(utf8_width('a') == 1);
    CHECK(utf8_width(' ') == 1);
    CHECK(utf8_width(0xE9) == 1);                       /* é */
    CHECK(utf8_width(0x0301) == 0);                     /* combining acute */
    CHECK(utf8_width(0x036F) == 0);
    CHECK(utf8_width(0x0370) == 1);
    CHECK(utf8_width(0x200B) == 0);                     /* zero-width space */
    CHECK(utf8_width(0x200D) == 0);                     /* zero-width joiner */
    CHECK(utf8_width(0xFE0F) == 0);                     /* variation selector 16 */
    CHECK(utf8_width(0xFEFF) == 0);
    CHECK(utf8_width(0x1100) == 2);                     /* Hangul choseong */
    CHECK(utf8_width(0x3000) == 2);                     /* ideographic space */
    CHECK(utf8_width(0x3001) == 2);                     /* 、 */
    CHECK(utf8_width(0x300C) == 2);                     /* 「 */
    CHECK(utf8_width(0x3042) == 2);                     /* あ */
    CHECK(utf8_width(0x30A2) == 2);                     /* ア */
    CHECK(utf8_width(0x4E00) == 2);
    CHECK(utf8_width(0x4E2D) == 2);                     /* 中 */
    CHECK(utf8_width(0x9FFF) == 2);
    CHECK(utf8_width(0x3400) == 2);                     /* extension A */
    CHECK(utf8_width(0xAC00) == 2);                     /* 가 */
    CHECK(utf8_width(0xD7A3) == 2);
    CHECK(utf8_width(0xD7A4) == 1);
    CHECK(utf8_width(0xF900) == 2);                     /* CJK compatibility */
    CHECK(utf8_width(0xFF01) == 2);                     /* ！ */
    CHECK(utf8_width(0xFF08) == 2);                     /* （ */
    CHECK(utf8_width(0xFF10) == 2);                     /* ０ */
    CHECK(utf8_width(0xFF60) == 2);
    CHECK(utf8_width(0xFF61) == 1);                     /* half-width ideographic stop */
    CHECK(utf8_width(0xFF71) == 1);                     /* half-width katakana */
    CHECK(utf8_width(0xFFE0) == 2);
    CHECK(utf8_width(0xFFE5) == 2);                     /* ￥ */
    CHECK(utf8_width(0xFFE6) == 2);
    CHECK(utf8_width(0xFFE8) == 1);
    CHECK(utf8_width(0x2265) == 1);                     /* ≥ is narrow */
    CHECK(utf8_width(0x201C) == 1);                     /* “ is ambiguous: narrow */
    CHECK(utf8_width(0x2705) == 2);                     /* ✅ */
    CHECK(utf8_width(0x1F300) == 2);
    CHECK(utf8_width(0x1F600) == 2);                    /* 😀 */
    CHECK(utf8_width(0x1F64F) == 2);
    CHECK(utf8_width(0x1F650) == 1);
    CHECK(utf8_width(0x1F914) == 2);                    /* 🤔 */
    CHECK(utf8_width(0x20000) == 2);                    /* extension B */
    CHECK(utf8_width(0x2A6DF) == 2);
    CHECK(utf8_width(0x30000) == 2);                    /* extension G */
    CHECK(utf8_width(0xE0100) == 0);
    CHECK(utf8_width(0x10FFFF) == 1);

    CHECK(utf8_str_width(S("黄埔区")) == 6);
    CHECK(utf8_str_width(S("a中b")) == 4);
    CHECK(utf8_str_width(S("（")) == 2);
    CHECK(utf8_str_width(S("")) == 0);
    CHECK(utf8_str_width(S("abc")) == 3);
    CHECK(utf8_str_width(S("e\xCC\x81")) == 1);         /* e + combining acute */
    CHECK(utf8_str_width(S("指标 管理效率 50 {")) == 18);
    CHECK(utf8_str_width(S("得分 ≥ 90")) == 9);
    CHECK(utf8_str_width(S("a\xFF" "b")) == 3);          /* an invalid byte counts 1 */
    CHECK(utf8_str_width(S("中\xE4\xB8")) == 4);         /* truncated: each byte 1 */

    CHECK(utf8_count(S("")) == 0);
    CHECK(utf8_count(S("abc")) == 3);
    CHECK(utf8_count(S("黄埔区")) == 3);
    CHECK(utf8_count(S("a中b")) == 3);
    CHECK(utf8_count(S("😀")) == 1);
    CHECK(utf8_count(S("a\xFF" "b")) == 3);
    CHECK(utf8_count(S("\xC0\x80")) == 2);
    CHECK(utf8_count(S("中\xE4\xB8")) == 3);
}

/* Every code point of a UTF-8 literal is (or is not) a name character. */
static int all_name_chars(const char *s, size_t len)
{
    uint32_t cp;
    int n, first = 1;

    for (size_t i = 0; i < len; i += (size_t)n, first = 0) {
        n = utf8_decode(s + i, len - i, &cp);
        if (n == 0 || !(first ? utf8_is_name_start(cp) : utf8_is_name_char(cp)))
            return 0;
    }
    return 1;
}

static void test_names(void)
{
    static const uint32_t not_names[] = {
        0x80, 0xA0, 0xA5, 0xA7, 0xAB, 0xB0, 0xB1, 0xB7, 0xBB, 0xBF, /* Latin-1 signs */
        0xD7, 0xF7,                             /* × ÷ */
        0x2000, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2030, 0x206F,
        0x2260, 0x2264, 0x2265,                 /* ≠ ≤ ≥ */
        0x3000, 0x3001, 0x3002, 0x300A, 0x300C, 0x3010, 0x3011, 0x303F,
        0xD800, 0xDFFF, 0xFEFF,
        0xFF00, 0xFF01, 0xFF04, 0xFF05, 0xFF08, 0xFF09, 0xFF0C, 0xFF10, 0xFF1A, 0xFF1E,
        0xFF21, 0xFF41, 0xFF5B, 0xFF65,         /* full-width digits and letters too */
        0xFFE0, 0xFFE5, 0xFFEF,
        0x110000, 0xFFFFFFFF,
    };
    static const uint32_t names[] = {
        0xC0, 0xE9, 0xFF, 0x100, 0x3B1, 0x416, 0x1F00, 0x2070, 0x2261, 0x2266, 0x2FFF,
        0x3040, 0x3042, 0x30A2, 0x4E00, 0x4E2D, 0x9FFF, 0xAC00, 0xF900, 0xFEFE, 0xFF66,
        0xFFDF, 0xFFF0, 0x20000, 0x1F600, 0x10FFFF,
    };

    CHECK(all_name_chars(S("结转结余率")));
    CHECK(all_name_chars(S("政府采购执行率")));
    CHECK(all_name_chars(S("_a1")));
    CHECK(all_name_chars(S("x2022年")));
    CHECK(all_name_chars(S("Ab_9中")));
    CHECK(!all_name_chars(S("1a")));                     /* digits never start a name */
    CHECK(!all_name_chars(S("三公（经费）")));
    CHECK(!all_name_chars(S("a-b")));
    CHECK(!all_name_chars(S("“三公”")));
    CHECK(utf8_is_name_char('0') && utf8_is_name_char('9') && !utf8_is_name_start('5'));
    CHECK(utf8_is_name_start('a') && utf8_is_name_start('Z') && utf8_is_name_start('_'));
    CHECK(!utf8_is_name_char('$') && !utf8_is_name_char('.') && !utf8_is_name_char(' '));
    CHECK(!utf8_is_name_char('%') && !utf8_is_name_char('"') && !utf8_is_name_char(0));
    CHECK(!utf8_is_name_char(0xFF08));                  /* （ */
    CHECK(!utf8_is_name_char(0x2265));                  /* ≥ */
    for (size_t i = 0; i < sizeof not_names / sizeof not_names[0]; i++)
        if (!CHECK(!utf8_is_name_start(not_names[i]) && !utf8_is_name_char(not_names[i])))
            printf("    U+%04X taken as a name character\n", (unsigned)not_names[i]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!CHECK(utf8_is_name_start(names[i]) && utf8_is_name_char(names[i])))
            printf("    U+%04X not taken as a name character\n", (unsigned)names[i]);
    /* name_start and name_char differ only on ASCII digits */
    {
        int bad = 0;
        for (uint32_t c = 0; c <= 0x10FFFF; c++)
            bad += utf8_is_name_char(c) != (utf8_is_name_start(c) || (c >= '0' && c <= '9'));
        CHECK(bad == 0);
    }
}

static void test_fullwidth(void)
{
    static const struct {
        const char *utf8, *ascii;
    } table[] = {
        {"（", "("}, {"）", ")"}, {"［", "["}, {"］", "]"}, {"｛", "{"}, {"｝", "}"},
        {"，", ","}, {"：", ":"}, {"；", ";"}, {"＋", "+"}, {"－", "-"}, {"＊", "*"},
        {"／", "/"}, {"＝", "="}, {"＜", "<"}, {"＞", ">"}, {"！", "!"}, {"％", "%"},
        {"．", "."}, {"＄", "$"}, {"￥", "$"}, {"≥", ">="}, {"≤", "<="}, {"≠", "!="},
        /* what an input method types for ASCII keys (§10), and the ideographic space */
        {"《", "<"}, {"》", ">"}, {"【", "["}, {"】", "]"}, {"。", "."}, {"×", "*"}, {"÷", "/"},
        {"\u3000", " "}, {"？", "?"},
    };
    const char *ascii;
    uint32_t cp;

    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        ascii = NULL;
        int n = utf8_decode(table[i].utf8, strlen(table[i].utf8), &cp);
        if (!CHECK(n > 0 && utf8_fullwidth_punct(cp, &ascii) && strcmp(ascii, table[i].ascii) == 0))
            printf("    %s not read as %s\n", table[i].utf8, table[i].ascii);
        CHECK(!utf8_is_name_char(cp));                 /* a name never contains them */
    }
    /* everything else is left alone */
    ascii = NULL;
    CHECK(!utf8_fullwidth_punct('(', &ascii) && ascii == NULL);
    CHECK(!utf8_fullwidth_punct(0x4E2D, &ascii));      /* 中 */
    CHECK(!utf8_fullwidth_punct(0xFF10, &ascii));      /* ０: a digit, not punctuation */
    CHECK(!utf8_fullwidth_punct(0x201C, &ascii));      /* “ delimits strings, not here */
    CHECK(!utf8_fullwidth_punct(0x3001, &ascii));      /* 、 */
    CHECK(!utf8_fullwidth_punct(0xA5, &ascii));        /* half-width ¥ */
    CHECK(!utf8_fullwidth_punct(0xFFE0, &ascii));
    {
        int count = 0;
        for (uint32_t c = 0; c <= 0x10FFFF; c++)
            count += utf8_fullwidth_punct(c, &ascii);
        CHECK(count == (int)(sizeof table / sizeof table[0]));
    }
}

/* utf8_escape_term: what a person's terminal would obey is shown, never obeyed (issue 6.16). */
static const char *esc(const char *s, size_t len)
{
    static struct buf b;
    b.len = 0;
    utf8_escape_term(&b, s, len);
    return buf_cstr(&b);
}

static void test_escape_term(void)
{
    CHECK_STR(esc(S("得分 99.5")), "得分 99.5");                      /* plain text copied */
    CHECK_STR(esc(S("")), "");
    CHECK_STR(esc(S("\x1b[31m红\x1b[0m")), "\\x1b[31m红\\x1b[0m");    /* colours */
    CHECK_STR(esc(S("\x1b]52;c;aGk=\x07")), "\\x1b]52;c;aGk=\\x07");  /* OSC 52, BEL */
    CHECK_STR(esc(S("a\rb\nc\td")), "a\\rb\\nc\\td");
    CHECK_STR(esc(S("\x7f\x01")), "\\x7f\\x01");                     /* DEL, C0 */
    CHECK_STR(esc(S("a\0b")), "a\\x00b");                               /* NUL inside */
    CHECK_STR(esc(S("\xC2\x9B" "2J")), "\\u009b2J");                      /* C1 CSI */
    CHECK_STR(esc(S("\xC2\xA0")), "\xC2\xA0");                         /* NBSP is text */
    CHECK_STR(esc(S("扣\u202e分")), "扣\\u202e分");                     /* RLO */
    CHECK_STR(esc(S("\u202a\u202d\u2066\u2069")), "\\u202a\\u202d\\u2066\\u2069");
    CHECK_STR(esc(S("\u2028\u200f\u061c")), "\\u2028\\u200f\\u061c");
    CHECK_STR(esc(S("\u202f\u2065\u206a")), "\u202f\u2065\u206a");   /* neighbours kept */
    CHECK_STR(esc(S("\x9b\xff")), "\\x9b\\xff");                     /* not UTF-8 */
    CHECK_STR(esc(S("\xE4\xB8")), "\\xe4\\xb8");                     /* cut short */
    CHECK_STR(esc(S("a\\b")), "a\\b");                                 /* backslash kept */
}

int main(void)
{
    test_decode();
    test_validate_encode();
    test_validate_fast();
    test_width();
    test_names();
    test_fullwidth();
    test_escape_term();
    return unit_done();
}
