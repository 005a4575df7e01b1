/* attain.c - targets and actual values as project tables write them, and their completion
 * ratio (docs/language.md §11, attain). */
#include "attain.h"

#include <string.h>

#include "num.h"
#include "utf8.h"

/* ORDER COMPARATORS: longest first where one is a prefix of another. */
static const struct {
    const char *text;
    bool reverse;
} comparators[] = {
    {">=", false}, {"<=", true}, {"==", false},
    {"≥", false}, {"≤", true}, {"≧", false}, {"≦", true},
    {"＞＝", false}, {"＜＝", true}, {"》＝", false}, {"《＝", true}, {"》=", false}, {"《=", true},
    {">", false}, {"<", true}, {"=", false},
    {"＞", false}, {"＜", true}, {"＝", false}, {"》", false}, {"《", true},
    /* as words: 不低于 95%, 不超过 202.6万元 */
    {"大于等于", false}, {"不低于", false}, {"不少于", false}, {"达到", false},
    {"大于", false}, {"高于", false}, {"多于", false}, {"超过", false}, {"等于", false},
    {"小于等于", true}, {"不高于", true}, {"不超过", true}, {"不多于", true}, {"不大于", true},
    {"小于", true}, {"低于", true}, {"少于", true}, {"控制在", true},
};

/* Blanks: ASCII space and tab, U+3000. */
static size_t blank(const char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
        return 3;
    return 0;
}

static void trim(const char **s, size_t *len)
{
    size_t b;
    while (*len && (b = blank(*s, *len)) > 0)
        *s += b, *len -= b;
    for (;;) {
        if (*len && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t'))
            (*len)--;
        else if (*len >= 3 && memcmp(*s + *len - 3, "\xE3\x80\x80", 3) == 0)
            *len -= 3;
        else
            return;
    }
}

static bool starts(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* A character of a number: ASCII or full-width digit, point, comma, sign. */
static bool number_char(uint32_t cp, bool first)
{
    if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19))
        return true;
    if (cp == '.' || cp == 0xFF0E || cp == ',' || cp == 0xFF0C)
        return !first;
    return first && (cp == '+' || cp == '-' || cp == 0xFF0D);
}

static bool is_digit_cp(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool attain_read(const char *s, size_t len, bool cmp, struct quantity *q)
{
    memset(q, 0, sizeof *q);
    trim(&s, &len);
    if (cmp)
        for (size_t k = 0; k < sizeof comparators / sizeof comparators[0]; k++)
            if (starts(s, len, comparators[k].text)) {
                size_t n = strlen(comparators[k].text);
                s += n, len -= n;
                q->reverse = comparators[k].reverse;
                q->has_cmp = true;
                break;
            }
    trim(&s, &len);
    size_t end = 0;
    while (end < len) {
        uint32_t cp;
        int k = utf8_decode(s + end, len - end, &cp);
        if (k <= 0 || !number_char(cp, end == 0))
            break;
        end += (size_t)k;
    }
    double n;
    if (end == 0 || !num_parse(s, end, &n))
        return false;
    const char *unit = s + end;
    size_t ulen = len - end;
    trim(&unit, &ulen);
    /* "2022年12月底前" is a date, not 2022 of something: a unit holds no digits */
    for (size_t i = 0; i < ulen;) {
        uint32_t cp;
        int k = utf8_decode(unit + i, ulen - i, &cp);
        if (k <= 0 || is_digit_cp(cp))
            return false;
        i += (size_t)k;
    }
    q->pct = starts(unit, ulen, "%") || starts(unit, ulen, "％") || starts(unit, ulen, "百分比")
             || starts(unit, ulen, "百分点");
    q->n = q->pct ? num_canon(n / 100) : n;
    return true;
}

double attain_ratio(double actual, bool actual_pct, const struct quantity *target)
{
    double t = target->n, r;
    if (target->pct && !actual_pct && num_cmp(actual, 1) > 0)
        actual = num_canon(actual / 100);      /* 82 typed for 82% */
    if (target->reverse)
        r = num_cmp(actual, t) <= 0 ? 1 : t / actual;
    else if (num_cmp(t, 0) == 0)
        r = 1;
    else
        r = actual / t;
    r = num_canon(r);
    return num_cmp(r, 1) > 0 ? 1 : num_cmp(r, 0) < 0 ? 0 : r;
}
