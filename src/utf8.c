/* utf8.c - UTF-8 decoding, display width, and the lexer's character tables. */
#include "utf8.h"

#include "mem.h"

int utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c, min;
    int n;

    if (len == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    /* C0, C1 and F5..FF can only start overlong or out-of-range sequences; 80..BF are
     * continuation bytes and cannot start one. */
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        n = 2, c = u[0] & 0x1F, min = 0x80;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        n = 3, c = u[0] & 0x0F, min = 0x800;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        n = 4, c = u[0] & 0x07, min = 0x10000;
    else
        return 0;
    if (len < (size_t)n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

size_t utf8_validate(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    int n;

    while (i < len) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {     /* ASCII, most of a script: no call */
            i++;
            continue;
        }
        if (b >= 0xE1 && b <= 0xEC && i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80
            && ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3;     /* U+1000..U+CFFF (most CJK): never overlong nor a surrogate */
            continue;
        }
        if ((n = utf8_decode(s + i, len - i, &cp)) <= 0)
            break;
        i += (size_t)n;
    }
    return i;
}

int utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            return 0;
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        out[0] = (char)(0xF0 | cp >> 18);
        out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

/* Display widths other than 1, sorted and disjoint for the binary search.  Wide ranges follow
 * Unicode's EastAsianWidth W and F (unassigned gaps inside a block are merged in: they print
 * as nothing anyway); zero ranges are the combining and invisible marks likely in text. */
static const struct {
    uint32_t lo, hi;
    unsigned char width;
} widths[] = {
    {0x0300, 0x036F, 0}, /* combining diacritical marks */
    {0x0483, 0x0489, 0}, {0x0591, 0x05BD, 0}, {0x0610, 0x061A, 0}, {0x064B, 0x065F, 0},
    {0x1100, 0x115F, 2}, /* Hangul leading consonants */
    {0x1160, 0x11FF, 0}, /* Hangul vowels and finals join the leading consonant */
    {0x1AB0, 0x1AFF, 0}, {0x1DC0, 0x1DFF, 0},
    {0x200B, 0x200F, 0}, /* zero-width space, joiners, direction marks */
    {0x202A, 0x202E, 0}, {0x2060, 0x2064, 0}, {0x20D0, 0x20FF, 0},
    /* emoji presentation symbols in the BMP */
    {0x231A, 0x231B, 2}, {0x2329, 0x232A, 2}, {0x23E9, 0x23EC, 2}, {0x23F0, 0x23F0, 2},
    {0x23F3, 0x23F3, 2}, {0x25FD, 0x25FE, 2}, {0x2614, 0x2615, 2}, {0x2648, 0x2653, 2},
    {0x267F, 0x267F, 2}, {0x2693, 0x2693, 2}, {0x26A1, 0x26A1, 2}, {0x26AA, 0x26AB, 2},
    {0x26BD, 0x26BE, 2}, {0x26C4, 0x26C5, 2}, {0x26CE, 0x26CE, 2}, {0x26D4, 0x26D4, 2},
    {0x26EA, 0x26EA, 2}, {0x26F2, 0x26F3, 2}, {0x26F5, 0x26F5, 2}, {0x26FA, 0x26FA, 2},
    {0x26FD, 0x26FD, 2}, {0x2705, 0x2705, 2}, {0x270A, 0x270B, 2}, {0x2728, 0x2728, 2},
    {0x274C, 0x274C, 2}, {0x274E, 0x274E, 2}, {0x2753, 0x2755, 2}, {0x2757, 0x2757, 2},
    {0x2795, 0x2797, 2}, {0x27B0, 0x27B0, 2}, {0x27BF, 0x27BF, 2}, {0x2B1B, 0x2B1C, 2},
    {0x2B50, 0x2B50, 2}, {0x2B55, 0x2B55, 2},
    {0x2E80, 0x3029, 2}, /* CJK radicals, Kangxi, ideographic space and punctuation */
    {0x302A, 0x302D, 0}, /* ideographic tone marks */
    {0x302E, 0x303E, 2}, /* U+303F, the half fill space, is narrow */
    {0x3041, 0x3096, 2}, /* Hiragana */
    {0x3099, 0x309A, 0}, /* combining voiced sound marks */
    {0x309B, 0x30FF, 2}, /* Katakana */
    {0x3105, 0x312F, 2}, {0x3131, 0x318E, 2}, {0x3190, 0x31E5, 2}, {0x31EF, 0x321E, 2},
    {0x3220, 0x3247, 2}, /* Bopomofo, Hangul Jamo, Kanbun, strokes, enclosed CJK */
    {0x3250, 0x4DBF, 2}, /* enclosed CJK, CJK compatibility, extension A */
    {0x4E00, 0xA48C, 2}, /* CJK unified ideographs, Yi */
    {0xA490, 0xA4C6, 2}, {0xA960, 0xA97C, 2},
    {0xAC00, 0xD7A3, 2}, /* Hangul syllables */
    {0xF900, 0xFAFF, 2}, /* CJK compatibility ideographs */
    {0xFE00, 0xFE0F, 0}, /* variation selectors */
    {0xFE10, 0xFE19, 2}, /* vertical forms */
    {0xFE20, 0xFE2F, 0}, /* combining half marks */
    {0xFE30, 0xFE52, 2}, {0xFE54, 0xFE66, 2}, {0xFE68, 0xFE6B, 2}, /* small forms */
    {0xFEFF, 0xFEFF, 0}, /* BOM */
    {0xFF01, 0xFF60, 2}, /* full-width ASCII */
    {0xFFE0, 0xFFE6, 2}, /* full-width signs ￠ ￡ ￥ */
    {0x16FE0, 0x16FE4, 2}, {0x16FF0, 0x16FF1, 2},
    {0x17000, 0x18D08, 2}, /* Tangut, Khitan */
    {0x1AFF0, 0x1B2FF, 2}, /* Kana supplements, Nushu */
    {0x1F004, 0x1F004, 2}, {0x1F0CF, 0x1F0CF, 2}, {0x1F18E, 0x1F18E, 2},
    {0x1F191, 0x1F19A, 2}, {0x1F200, 0x1F265, 2}, /* enclosed ideographic supplement */
    {0x1F300, 0x1F64F, 2}, /* pictographs, emoticons */
    {0x1F680, 0x1F6C5, 2}, {0x1F7E0, 0x1F7EB, 2},
    {0x1F900, 0x1F9FF, 2}, {0x1FA70, 0x1FAFF, 2},
    {0x20000, 0x2FFFD, 2}, /* CJK extensions B-F, compatibility supplement */
    {0x30000, 0x3FFFD, 2}, /* CJK extensions G-H */
    {0xE0001, 0xE007F, 0}, /* tags */
    {0xE0100, 0xE01EF, 0}, /* variation selectors supplement */
};

int utf8_width(uint32_t cp)
{
    size_t lo = 0, hi = sizeof widths / sizeof widths[0];

    if (cp < 0x300)
        return 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < widths[mid].lo)
            hi = mid;
        else if (cp > widths[mid].hi)
            lo = mid + 1;
        else
            return widths[mid].width;
    }
    return 1;
}

size_t utf8_str_width(const char *s, size_t len)
{
    size_t w = 0;
    uint32_t cp;

    for (size_t i = 0; i < len;) {
        int n = utf8_decode(s + i, len - i, &cp);
        if (n == 0)
            w++, i++;
        else
            w += (size_t)utf8_width(cp), i += (size_t)n;
    }
    return w;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t count = 0;
    uint32_t cp;

    for (size_t i = 0; i < len; count++) {
        int n = utf8_decode(s + i, len - i, &cp);
        i += n > 0 ? (size_t)n : 1;
    }
    return count;
}

/* Non-ASCII code points that are never part of a name (§2): punctuation and symbols a
 * writer would not take for a letter.  The §10 operators (≥ ≤ ≠) are excluded through
 * full_width below, so they are listed once. */
static const struct {
    uint32_t lo, hi;
} not_name[] = {
    {0x0080, 0x00BF}, /* C1 controls, Latin-1 punctuation and symbols: ¥ § « » ° ± · */
    {0x00D7, 0x00D7}, /* × */
    {0x00F7, 0x00F7}, /* ÷ */
    {0x2000, 0x206F}, /* general punctuation: “ ” ‘ ’ — … ‰ and invisible spaces */
    {0x3000, 0x303F}, /* CJK punctuation: ideographic space 、。「」【】〈〉 */
    {0xD800, 0xDFFF}, /* surrogates are not characters */
    {0xFEFF, 0xFEFF}, /* BOM (zero-width no-break space) */
    {0xFF00, 0xFF65}, /* full-width ASCII punctuation, half-width CJK punctuation */
    {0xFFE0, 0xFFEF}, /* full-width signs ￠ ￡ ￢ ￣ ￤ ￥ ￦ and half-width forms */
};

/* §10: read as their ASCII twins outside strings, sorted by code point: the full-width forms,
 * and what a Chinese input method types for ASCII keys by default (《》【】。×÷). */
static const struct {
    uint32_t cp;
    const char *ascii;
} full_width[] = {
    {0x00D7, "*"},  /* × */
    {0x00F7, "/"},  /* ÷ */
    {0x2260, "!="}, /* ≠ */
    {0x2264, "<="}, /* ≤ */
    {0x2265, ">="}, /* ≥ */
    {0x3000, " "},  /* the ideographic space: white space */
    {0x3002, "."},  /* 。 typed for '.' */
    {0x300A, "<"},  /* 《 typed for '<' */
    {0x300B, ">"},  /* 》 typed for '>' */
    {0x3010, "["},  /* 【 typed for '[' */
    {0x3011, "]"},  /* 】 typed for ']' */
    {0xFF01, "!"},  /* ！ */
    {0xFF04, "$"},  /* ＄ */
    {0xFF05, "%"},  /* ％ */
    {0xFF08, "("},  /* （ */
    {0xFF09, ")"},  /* ） */
    {0xFF0A, "*"},  /* ＊ */
    {0xFF0B, "+"},  /* ＋ */
    {0xFF0C, ","},  /* ， */
    {0xFF0D, "-"},  /* － */
    {0xFF0E, "."},  /* ． */
    {0xFF0F, "/"},  /* ／ */
    {0xFF1A, ":"},  /* ： */
    {0xFF1B, ";"},  /* ； */
    {0xFF1C, "<"},  /* ＜ */
    {0xFF1D, "="},  /* ＝ */
    {0xFF1E, ">"},  /* ＞ */
    {0xFF1F, "?"},  /* ？ (？？ is ??) */
    {0xFF3B, "["},  /* ［ */
    {0xFF3D, "]"},  /* ］ */
    {0xFF5B, "{"},  /* ｛ */
    {0xFF5D, "}"},  /* ｝ */
    {0xFFE5, "$"},  /* ￥, what a Chinese input method types for '$' */
};

int utf8_fullwidth_punct(uint32_t cp, const char **ascii)
{
    for (size_t i = 0; i < sizeof full_width / sizeof full_width[0]; i++) {
        if (full_width[i].cp == cp) {
            *ascii = full_width[i].ascii;
            return 1;
        }
    }
    return 0;
}

int utf8_is_name_start(uint32_t cp)
{
    const char *ascii;

    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    if (cp > 0x10FFFF || utf8_fullwidth_punct(cp, &ascii))
        return 0;
    for (size_t i = 0; i < sizeof not_name / sizeof not_name[0]; i++)
        if (cp >= not_name[i].lo && cp <= not_name[i].hi)
            return 0;
    return 1;
}

int utf8_is_name_char(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || utf8_is_name_start(cp);
}

/* Code points above ASCII that a terminal obeys instead of showing (see utf8.h). */
static int term_hostile(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F
           || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void utf8_escape_term(struct buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t done = 0;    /* s[done..i) is plain text not yet copied */

    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c;
        int n = c < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        if (n > 0 && cp >= 0x20 && cp != 0x7F && !term_hostile(cp)) {
            i += (size_t)n;
            continue;
        }
        buf_add(b, s + done, i - done);
        if (n > 0 && cp >= 0x80) {
            char u[6] = {'\\', 'u', hex[cp >> 12 & 15], hex[cp >> 8 & 15], hex[cp >> 4 & 15],
                         hex[cp & 15]};
            buf_add(b, u, sizeof u);
        } else if (c == '\n' || c == '\r' || c == '\t') {
            char e[2] = {'\\', c == '\n' ? 'n' : c == '\r' ? 'r' : 't'};
            buf_add(b, e, sizeof e);
        } else {    /* a C0 control, DEL, or a byte that is not UTF-8 */
            char x[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            buf_add(b, x, sizeof x);
        }
        i += n > 0 ? (size_t)n : 1;
        done = i;
    }
    buf_add(b, s + done, len - done);
}
