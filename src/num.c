/* num.c - decimal rounding and number printing on the 15-significant-digit form (§5). */
#include "num.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* A decimal d[0].d[1]..d[n-1] x 10^e with no trailing zeros; zero is "0", e = 0.  Rounding
 * works on these digits, never on x * 10^n in binary, which would decide 1.005 as 1.00. */
struct dec {
    int neg, n, e;
    char d[16];
};

enum { HALF, DOWN, UP };        /* half away from zero, toward zero, away from zero */

static void dec_zero(struct dec *v)
{
    v->neg = 0, v->n = 1, v->e = 0, v->d[0] = '0';
}

static int quick_mantissa(double x, long long *m, int *k);
static const double pow10s[23];

/* glibc's printf is exact, so "%.14e" is x correctly rounded to 15 significant digits
 * (quick_mantissa finds the same digits without it, away from .5 ties). */
static void dec_from(struct dec *v, double x)
{
    char s[48];
    const char *p = s;

    dec_zero(v);
    if (x == 0 || !isfinite(x))
        return;
    long long m;
    int k;
    if (quick_mantissa(x, &m, &k)) {            /* m has 15 digits, or is 10^15 */
        v->neg = x < 0;
        v->e = 14 - k;
        if (m == 1000000000000000LL)
            m /= 10, v->e++;
        for (int i = 14; i >= 0; i--, m /= 10)
            v->d[i] = (char)('0' + m % 10);
        v->n = 15;
        while (v->n > 1 && v->d[v->n - 1] == '0')
            v->n--;
        return;
    }
    snprintf(s, sizeof s, "%.14e", x);
    if (*p == '-')
        v->neg = 1, p++;
    v->d[0] = *p++;
    p++;                                        /* the '.' */
    for (v->n = 1; v->n < 15; v->n++)
        v->d[v->n] = *p++;
    v->e = atoi(p + 1);                         /* after the 'e' */
    while (v->n > 1 && v->d[v->n - 1] == '0')
        v->n--;
}

/* strtod is correctly rounded, so this is the double nearest the decimal.  A 15-digit form
 * just above DBL_MAX would overflow; the caller's finite fallback is kept instead. */
static double dec_to_double(const struct dec *v, double fallback)
{
    char s[48];
    double r;

    if (v->d[0] == '0')
        return 0.0;
    int scale = v->e - (v->n - 1);              /* the value is digits * 10^scale */
    if (scale >= -22 && scale <= 22) {          /* both exact: one correctly rounded step */
        long long m = 0;
        for (int i = 0; i < v->n; i++)
            m = m * 10 + (v->d[i] - '0');
        r = scale >= 0 ? (double)m * pow10s[scale] : (double)m / pow10s[-scale];
        return v->neg ? -r : r;
    }
    snprintf(s, sizeof s, "%s%.*se%d", v->neg ? "-" : "", v->n, v->d, v->e - v->n + 1);
    r = strtod(s, NULL);
    return isinf(r) ? fallback : r;
}

/* Rounds in place to `digits` decimals. */
static void dec_round(struct dec *v, int digits, int mode)
{
    int k, up;

    if (v->d[0] == '0' || digits > 400)
        return;
    if (digits < -400)
        digits = -400;                          /* keeps k from overflowing; result is 0 */
    k = v->e + digits + 1;                      /* how many digits survive */
    if (k >= v->n)
        return;
    /* No trailing zeros, so when k < n something non-zero is always dropped. */
    up = mode == UP || (mode == HALF && k >= 0 && v->d[k] >= '5');
    if (k <= 0) {
        if (!up) {
            dec_zero(v);
            return;
        }
        v->d[0] = '1', v->n = 1, v->e = -digits;
        return;
    }
    v->n = k;
    if (up) {
        int i = k - 1;
        while (i >= 0 && v->d[i] == '9')
            v->d[i--] = '0';
        if (i < 0) {                            /* 9.99 -> 10 */
            v->d[0] = '1', v->n = 1, v->e++;
            return;
        }
        v->d[i]++;
    }
    while (v->n > 1 && v->d[v->n - 1] == '0')
        v->n--;
}

/* ---- fast paths ----
 * Most numbers in scoring are short decimals (95.91, 0.5, 1288.38).  For them the answers
 * below equal the decimal-string ones and cost no printf; anything near a decision point
 * (a .5 tie, an integer edge, a close comparison) falls through to the exact path. */

static const double pow10s[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};   /* all exact */

/* x is exactly the double nearest n / 10^d, |n| < 1e15, d <= maxd smallest: the shortest
 * decimal form of x, and so its 15-digit form too. */
static int short_decimal(double x, int maxd, long long *n, int *d)
{
    if (maxd > 15)
        maxd = 15;
    for (int k = 0; k <= maxd; k++) {
        double y = x * pow10s[k];
        if (!(fabs(y) < 1e15))
            return 0;
        double r = nearbyint(y);
        if (r / pow10s[k] == x) {
            *n = (long long)r;
            *d = k;
            return 1;
        }
    }
    return 0;
}

/* n / 10^d as text: "-12.05".  Written from the end, two digits a step; the text (at most
 * 1 + 19 + 1 bytes) is then copied as one block of 32 when the buffer has room for that. */
static size_t put_short(char *buf, size_t cap, long long n, int d)
{
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                "8081828384858687888990919293949596979899";
    char tmp[64], *end = tmp + 32, *p = end;
    unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    for (int i = 0; i < d; i++) {           /* the decimals, then the point */
        *--p = (char)('0' + u % 10);
        u /= 10;
    }
    if (d > 0)
        *--p = '.';
    for (; u >= 100; u /= 100) {            /* the integer part: at least one digit */
        p -= 2;
        memcpy(p, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * u, 2);
    } else
        *--p = (char)('0' + u);
    if (n < 0)
        *--p = '-';
    size_t o = (size_t)(end - p);
    if (cap > 32) {
        memcpy(buf, p, 32);                 /* p + 32 stays inside tmp */
    } else {
        if (o >= cap)
            o = cap - 1;
        memcpy(buf, p, o);
    }
    buf[o] = '\0';
    return o;
}

/* The 15-digit form without printf: y = |x| * 10^k in [1e14, 1e15) is within 0.07 of the
 * true product (both factors exact, one rounding, ulp(y) <= 0.125), so unless y is near a .5
 * tie its nearest integer m is the 15-digit mantissa, and m / 10^k (or m * 10^-k) is one
 * correctly rounded operation: the double nearest the decimal, as strtod would give.
 * 0 when the exact path must decide. */
static int quick_mantissa(double x, long long *m, int *k)
{
    double a = fabs(x);
    if (!(a >= 1e-8 && a < 1e36))
        return 0;
    *k = 14 - (int)floor(log10(a));
    for (int tries = 0; tries < 2; tries++) {   /* log10 may be one off at a power of ten */
        if (*k < -22 || *k > 22)
            return 0;
        double y = *k >= 0 ? a * pow10s[*k] : a / pow10s[-*k];
        if (y < 1e14)
            ++*k;
        else if (y >= 1e15)
            --*k;
        else {
            double r = nearbyint(y);
            if (fabs(fabs(y - r) - 0.5) < 0.125)
                return 0;
            *m = (long long)r;
            return 1;
        }
    }
    return 0;
}

static int quick_canon(double x, double *out)
{
    long long m;
    int k;
    if (!quick_mantissa(x, &m, &k))
        return 0;
    double r = k >= 0 ? (double)m / pow10s[k] : (double)m * pow10s[-k];
    *out = x < 0 ? -r : r;
    return 1;
}

/* x * 10^digits rounded half away from zero, as an integer in *units, when that is clearly
 * not near a tie (the 15-digit form and x differ by far less than the 1e-5 kept from it);
 * 0 when the exact path must decide. */
static int quick_units(double x, int digits, long long *units)
{
    if (digits < 0 || digits > 15)
        return 0;
    double y = x * pow10s[digits], a = fabs(y);
    if (!(a < 1e9))
        return 0;
    long long whole = (long long)a;             /* floor: a is not negative */
    if (fabs(a - (double)whole - 0.5) < 1e-5)
        return 0;
    long long r = (long long)(a + 0.5);
    *units = y < 0 ? -r : r;
    return 1;
}

/* Half away from zero when clearly not near a tie; 0 when the exact path must decide. */
static int quick_round(double x, int digits, double *out)
{
    long long u;
    if (!quick_units(x, digits, &u))
        return 0;
    *out = (double)u / pow10s[digits];     /* never -0: u is an integer, 0 is +0 */
    return 1;
}

double num_canon(double x)
{
    struct dec v;
    long long n;
    int d;
    double c;

    if (!isfinite(x))
        return x;
    if (short_decimal(x, 10, &n, &d))
        return x == 0 ? 0 : x;
    if (quick_canon(x, &c))
        return c;
    dec_from(&v, x);
    return dec_to_double(&v, x);
}

static double rounded(double x, int digits, int mode)
{
    struct dec v;

    if (!isfinite(x))
        return x;
    dec_from(&v, x);
    dec_round(&v, digits, mode);
    return dec_to_double(&v, x);
}

double num_round(double x, int digits)
{
    double q;
    if (isfinite(x) && quick_round(x, digits, &q))
        return q;
    return rounded(x, digits, HALF);
}

double num_sub(double a, double b)
{
    double m = fmax(fabs(a), fabs(b));
    if (m == 0 || !isfinite(m))
        return a - b;
    return num_round(a - b, 14 - (int)floor(log10(m)));
}

/* Below 1e15 the double nearest a 15-digit decimal lies on the same side of every integer
 * as the decimal does (a non-integer 15-digit decimal is 10^(e-14) or more from an integer,
 * far more than half an ulp), so flooring it floors the decimal. */
double num_floor(double x)
{
    if (fabs(x) < 1e15) {
        double f = floor(num_canon(x));
        return f == 0 ? 0 : f;
    }
    return rounded(x, 0, x < 0 ? UP : DOWN);
}

double num_ceil(double x)
{
    if (fabs(x) < 1e15) {
        double c = ceil(num_canon(x));
        return c == 0 ? 0 : c;      /* never -0 */
    }
    return rounded(x, 0, x < 0 ? DOWN : UP);
}

int num_cmp(double a, double b)
{
    if (a == b)
        return 0;
    double scale = fmax(fabs(a), fabs(b));
    if (isfinite(scale) && fabs(a - b) > 1e-12 * scale)
        return (a > b) - (a < b);   /* too far apart for 15 digits to tie them */
    a = num_canon(a);
    b = num_canon(b);
    return (a > b) - (a < b);
}

/* A bounded writer: output past cap - 1 is dropped, so the result is always terminated. */
struct out {
    char *buf;
    size_t cap, len;
};

static void put(struct out *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len++] = c;
}

static void puts_(struct out *o, const char *s)
{
    while (*s)
        put(o, *s++);
}

static size_t finish(struct out *o)
{
    if (o->cap > 0)
        o->buf[o->len] = '\0';
    return o->len;
}

/* Plain notation with at least mindec decimals: the digit at place 10^p is d[e - p]. */
static void put_positional(struct out *o, const struct dec *v, int mindec)
{
    int top = v->e > 0 ? v->e : 0;
    int nfrac = v->n - 1 - v->e;

    if (nfrac < mindec)
        nfrac = mindec;
    if (v->neg)
        put(o, '-');
    for (int p = top; p >= -nfrac; p--) {
        int i = v->e - p;
        if (p == -1)
            put(o, '.');
        put(o, i >= 0 && i < v->n ? v->d[i] : '0');
    }
}

/* JavaScript's style for the rare number outside [1e-15, 1e21): "1.5e-16", "1e+21". */
static void put_exponent(struct out *o, const struct dec *v)
{
    char e[16];

    if (v->neg)
        put(o, '-');
    put(o, v->d[0]);
    if (v->n > 1)
        put(o, '.');
    for (int i = 1; i < v->n; i++)
        put(o, v->d[i]);
    snprintf(e, sizeof e, "e%+d", v->e);
    puts_(o, e);
}

/* NaN and infinities never reach a decision; they print as JavaScript does. */
static int put_special(struct out *o, double x)
{
    if (isnan(x))
        puts_(o, "NaN");
    else if (isinf(x))
        puts_(o, x < 0 ? "-Infinity" : "Infinity");
    else
        return 0;
    return 1;
}

size_t num_format(char *buf, size_t cap, double x, int maxdec)
{
    struct out o = {buf, cap, 0};
    struct dec v;
    long long n;
    int d;

    if (fabs(x) < 1e15 && x == (double)(long long)x)       /* integers, the most common */
        return put_short(buf, cap, (long long)x, 0);
    if (maxdec >= 0 && isfinite(x) && quick_units(x, maxdec, &n)) {
        for (d = maxdec; d > 0 && n % 10 == 0; d--)      /* trailing zeros dropped */
            n /= 10;
        return put_short(buf, cap, n, d);
    }
    if (isfinite(x) && maxdec < 0 && short_decimal(x, 10, &n, &d))
        return put_short(buf, cap, n, d);

    if (!put_special(&o, x)) {
        dec_from(&v, x);
        if (maxdec >= 0)
            dec_round(&v, maxdec, HALF);
        if (v.d[0] == '0' || (v.e >= -15 && v.e < 21))
            put_positional(&o, &v, 0);
        else
            put_exponent(&o, &v);
    }
    return finish(&o);
}

/* After rounding to dec <= 20 decimals a non-zero value has e >= -20, so only huge values
 * need the exponent; positional output is then at most 1 + 21 + 1 + 20 bytes. */
static void put_fixed(struct out *o, struct dec *v, int dec)
{
    dec_round(v, dec, HALF);
    if (v->e < 21)
        put_positional(o, v, dec);
    else
        put_exponent(o, v);
}

size_t num_format_fixed(char *buf, size_t cap, double x, int dec)
{
    struct out o = {buf, cap, 0};
    struct dec v;

    if (!put_special(&o, x)) {
        dec_from(&v, x);
        put_fixed(&o, &v, dec < 0 ? 0 : dec > 20 ? 20 : dec);
    }
    return finish(&o);
}

size_t num_format_pct(char *buf, size_t cap, double x)
{
    struct out o = {buf, cap, 0};
    struct dec v;
    long long units;

    if (isfinite(x) && quick_units(x, 4, &units)) {     /* 0.99745 -> 9975 -> "99.75%" */
        size_t n = put_short(buf, cap, units, 2);
        o.len = n;
        put(&o, '%');
        return finish(&o);
    }

    if (!put_special(&o, x)) {
        dec_from(&v, x);
        if (v.d[0] != '0')
            v.e += 2;                   /* x * 100 exactly, in decimal: 0.997 -> 99.7 */
        put_fixed(&o, &v, 2);
        put(&o, '%');
    }
    return finish(&o);
}

enum { PARSE_MAX = 256 };       /* longer text (after trimming) is not taken as a number */

/* Length of the blank at s[0..len): ASCII space, NBSP (U+00A0) or ideographic space (U+3000),
 * all common in spreadsheet exports; 0 if none. */
static size_t blank_len(const unsigned char *s, size_t len)
{
    if (len >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
        return 1;
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (len >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int num_parse(const char *s, size_t len, double *out)
{
    const unsigned char *u = (const unsigned char *)s;
    char a[PARSE_MAX], c[PARSE_MAX + 16];
    size_t n = 0, m = 0, p = 0, b, lead;
    int digits = 0, pct = 0;
    long ex = 0;
    double r;

    while (len > 0 && (b = blank_len(u, len)) > 0)
        u += b, len -= b;
    while (len > 0) {                   /* trailing blanks: only 1- to 3-byte ones exist */
        if (blank_len(u + len - 1, 1) == 1)
            len -= 1;
        else if (len >= 2 && blank_len(u + len - 2, 2) == 2)
            len -= 2;
        else if (len >= 3 && blank_len(u + len - 3, 3) == 3)
            len -= 3;
        else
            break;
    }
    /* Full-width forms U+FF01..U+FF3F (EF BC 81..BF) are ASCII 0x21..0x5F shifted; mapping
     * them all is simpler than listing digits, '％', '，', '．', and the grammar below rejects
     * whatever else comes through. */
    for (size_t i = 0; i < len; i++) {
        if (n == sizeof a)
            return 0;
        if (i + 2 < len && u[i] == 0xEF && u[i + 1] == 0xBC && u[i + 2] >= 0x81) {
            a[n++] = (char)(0x21 + (u[i + 2] - 0x81));
            i += 2;
        } else {
            a[n++] = (char)u[i];
        }
    }

    /* [sign] digits[,ddd]... [.digits] [e[sign]digits] [%] -> c, without ',' and exponent */
    if (p < n && (a[p] == '+' || a[p] == '-'))
        c[m++] = a[p++];
    for (lead = p; p < n && is_digit(a[p]); digits++)
        c[m++] = a[p++];
    lead = p - lead;
    if (p < n && a[p] == ',') {
        if (lead == 0 || lead > 3)
            return 0;
        while (p < n && a[p] == ',') {  /* each group exactly three digits */
            if (p + 3 >= n || !is_digit(a[p + 1]) || !is_digit(a[p + 2]) || !is_digit(a[p + 3]))
                return 0;
            c[m++] = a[p + 1], c[m++] = a[p + 2], c[m++] = a[p + 3];
            p += 4;
        }
        if (p < n && is_digit(a[p]))
            return 0;                   /* "1,2345" */
    }
    if (p < n && a[p] == '.') {
        c[m++] = a[p++];
        for (; p < n && is_digit(a[p]); digits++)
            c[m++] = a[p++];
    }
    if (digits == 0)
        return 0;
    if (p < n && (a[p] == 'e' || a[p] == 'E')) {
        int neg = 0, edigits = 0;
        p++;
        if (p < n && (a[p] == '+' || a[p] == '-'))
            neg = a[p++] == '-';
        for (; p < n && is_digit(a[p]); p++, edigits++)
            if (ex < 100000)            /* far past any double; keeps ex from overflowing */
                ex = ex * 10 + (a[p] - '0');
        if (edigits == 0)
            return 0;
        if (neg)
            ex = -ex;
    }
    if (p < n && a[p] == '%')
        pct = 1, p++;
    if (p != n)
        return 0;
    /* '%' shifts the exponent, so "99.7%" is exactly the decimal 0.997, not 99.7 / 100. */
    snprintf(c + m, sizeof c - m, "e%ld", ex - 2 * pct);
    r = strtod(c, NULL);
    if (!isfinite(r))
        return 0;
    *out = r == 0 ? 0.0 : r;
    return 1;
}

/* Bytes of s[0..len) before its trailing unit: a run of letters or CJK characters (人, 万元,
 * km) at the end, after the number (§3: "52人" is 52).  Digits and punctuation are no unit. */
static size_t before_unit(const char *s, size_t len)
{
    size_t start = len;     /* where the unit run that reaches the end begins */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = utf8_decode(s + i, len - i, &cp);
        if (k <= 0)
            return len;
        if (!utf8_is_name_start(cp))
            start = len;
        else if (start == len)
            start = i;
        i += (size_t)k;
    }
    return start;
}

int num_parse_unit(const char *s, size_t len, double *out)
{
    return num_parse(s, len, out) || num_parse(s, before_unit(s, len), out);
}
