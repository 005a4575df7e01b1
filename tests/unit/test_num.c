/* test_num.c - unit tests of decimal rounding, comparison, printing and parsing (num.c). */
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "num.h"
#include "unit.h"

/* The length returned must match what was written, so every format check checks both. */
#define FMT(x, maxdec, want) do { \
        char b_[NUM_BUF]; \
        size_t n_ = num_format(b_, sizeof b_, (x), (maxdec)); \
        CHECK_STR(b_, want); \
        CHECK(n_ == strlen(b_)); \
    } while (0)
#define FIXED(x, dec, want) do { \
        char b_[NUM_BUF]; \
        size_t n_ = num_format_fixed(b_, sizeof b_, (x), (dec)); \
        CHECK_STR(b_, want); \
        CHECK(n_ == strlen(b_)); \
    } while (0)
#define PCT(x, want) do { \
        char b_[NUM_BUF]; \
        size_t n_ = num_format_pct(b_, sizeof b_, (x)); \
        CHECK_STR(b_, want); \
        CHECK(n_ == strlen(b_)); \
    } while (0)

static void test_canon(void)
{
    CHECK_NUM(num_canon(0.1 + 0.2), 0.3);
    CHECK(0.1 + 0.2 != 0.3);                    /* the noise canon removes is really there */
    CHECK_NUM(num_canon(95.91000000000001), 95.91);
    CHECK_NUM(num_canon(1.0), 1.0);
    CHECK_NUM(num_canon(100), 100);
    CHECK_NUM(num_canon(-0.1 - 0.2), -0.3);
    CHECK_NUM(num_canon(0.1 + 0.7), 0.8);
    CHECK_NUM(num_canon(1.0 / 3), 0.333333333333333);
    CHECK_NUM(num_canon(2.0 / 3), 0.666666666666667);
    CHECK_NUM(num_canon(123456789012345678.0), 123456789012346000.0);
    CHECK_NUM(num_canon(1e300), 1e300);
    /* the printf-free path: 15-digit mantissa times or over an exact power of ten */
    CHECK_NUM(num_canon(10 * 0.7745), 7.745);   /* 7.744999999999999 */
    CHECK_NUM(num_canon(1234.56789012345678), 1234.56789012346);
    CHECK_NUM(num_canon(1e20 / 3), 33333333333333300000.0);
    CHECK_NUM(num_canon(1e-7 / 3), 3.33333333333333e-8);
    CHECK_NUM(num_canon(-2.0 / 7), -0.285714285714286);
    /* near a tie, decided by the exact path: the double is 0.12345678901234549...  */
    CHECK_NUM(num_canon(0.1234567890123455), 0.123456789012345);
    CHECK_NUM(num_canon(9.9999999999999995), 10);
    CHECK_NUM(num_canon(DBL_MAX), DBL_MAX);     /* its 15-digit form overflows: kept as is */
    CHECK_NUM(num_canon(-DBL_MAX), -DBL_MAX);
    CHECK(num_canon(5e-324) > 0);
    CHECK(num_canon(-0.0) == 0 && !signbit(num_canon(-0.0)));
    CHECK(isnan(num_canon(NAN)));
    CHECK(isinf(num_canon(INFINITY)));
}

static void test_round(void)
{
    /* the examples of docs/language.md §5 and the brief */
    CHECK_NUM(num_round(2.675, 2), 2.68);
    CHECK_NUM(num_round(1.005, 2), 1.01);
    CHECK_NUM(num_round(-2.5, 0), -3);
    CHECK_NUM(num_round(0.285, 2), 0.29);
    CHECK_NUM(num_round(1.0049999999999999, 2), 1.01);
    CHECK_NUM(num_round(0.1 + 0.2, 1), 0.3);
    CHECK_NUM(num_round(0.1 + 0.7, 1), 0.8);    /* 0.7999999999999999 */
    CHECK_NUM(num_round(1.4999999999999998, 0), 2);     /* 15-digit form is 1.5 */
    /* half away from zero, both signs */
    CHECK_NUM(num_round(0.5, 0), 1);
    CHECK_NUM(num_round(1.5, 0), 2);
    CHECK_NUM(num_round(2.5, 0), 3);
    CHECK_NUM(num_round(-0.5, 0), -1);
    CHECK_NUM(num_round(-1.5, 0), -2);
    CHECK_NUM(num_round(-1.005, 2), -1.01);
    CHECK_NUM(num_round(-2.675, 2), -2.68);
    CHECK_NUM(num_round(1.255, 2), 1.26);
    CHECK_NUM(num_round(-1.255, 2), -1.26);
    CHECK_NUM(num_round(8.345, 2), 8.35);
    CHECK_NUM(num_round(0.045, 2), 0.05);
    CHECK_NUM(num_round(1.2349, 2), 1.23);
    CHECK_NUM(num_round(-1.2349, 2), -1.23);
    CHECK_NUM(num_round(0.4999, 0), 0);
    /* carries through nines */
    CHECK_NUM(num_round(9.995, 2), 10);
    CHECK_NUM(num_round(999.995, 2), 1000);
    CHECK_NUM(num_round(-99.95, 1), -100);
    CHECK_NUM(num_round(0.9974, 2), 1);
    CHECK_NUM(num_round(9.974, 2), 9.97);
    /* nothing to round, or everything */
    CHECK_NUM(num_round(37.5, 2), 37.5);
    CHECK_NUM(num_round(1288.38, 2), 1288.38);
    CHECK_NUM(num_round(0.1 + 0.2, 15), 0.3);
    CHECK_NUM(num_round(0.1 + 0.2, 20), 0.3);
    CHECK_NUM(num_round(0.1 + 0.2, INT_MAX), 0.3);
    CHECK_NUM(num_round(0.0004, 3), 0);
    CHECK_NUM(num_round(0.0005, 3), 0.001);
    CHECK_NUM(num_round(0.00049, 2), 0);
    CHECK_NUM(num_round(0.006, 2), 0.01);
    CHECK_NUM(num_round(5e-324, 2), 0);
    CHECK_NUM(num_round(1e300, 2), 1e300);
    CHECK_NUM(num_round(DBL_MAX, 0), DBL_MAX);
    CHECK_NUM(num_round(123456789012345.6, 0), 123456789012346);  /* 15 digits decide */
    CHECK_NUM(num_round(0, 2), 0);
    /* never -0 */
    CHECK(!signbit(num_round(-0.0004, 3)));
    CHECK(!signbit(num_round(-0.4, 0)));
    CHECK(!signbit(num_round(-0.0, 2)));
    /* negative digits: tens, hundreds */
    CHECK_NUM(num_round(1234.5678, -2), 1200);
    CHECK_NUM(num_round(1250, -2), 1300);
    CHECK_NUM(num_round(-1250, -2), -1300);
    CHECK_NUM(num_round(125, -1), 130);
    CHECK_NUM(num_round(49, -2), 0);
    CHECK_NUM(num_round(50, -2), 100);
    CHECK_NUM(num_round(950, -3), 1000);
    CHECK_NUM(num_round(12345, INT_MIN), 0);
    /* every result is the exact nearest double: prints back as the decimal */
    for (int i = 0; i < 10000; i++) {
        double x = i / 1000.0 + 0.0005;         /* k.kkk5: always a half to round */
        double r = num_round(x, 3);
        char want[32], got[32];
        snprintf(want, sizeof want, "%.3f", (i + 1) / 1000.0);
        snprintf(got, sizeof got, "%.3f", r);
        if (!CHECK(strcmp(got, want) == 0 && r == strtod(want, NULL)))
            printf("    round(%.17g, 3) = %.17g, want %s\n", x, r, want);
    }
    CHECK(isnan(num_round(NAN, 2)));
}

static void test_floor_ceil(void)
{
    CHECK_NUM(num_floor((0.3 - 0.1) * 10), 2);  /* 1.9999999999999998 */
    CHECK_NUM(num_ceil((1.03 - 1) / 0.01), 3);  /* 3.0000000000000027 */
    CHECK_NUM(num_floor((0.1 + 0.7) * 10), 8);  /* 7.999999999999999 */
    CHECK_NUM(0.5 * num_ceil((1.03 - 1.0) / 0.01), 1.5);       /* §3's 每超过 1 个百分点 */
    CHECK_NUM(num_floor(2), 2);
    CHECK_NUM(num_ceil(2), 2);
    CHECK_NUM(num_floor(2.5), 2);
    CHECK_NUM(num_ceil(2.5), 3);
    CHECK_NUM(num_floor(0.3), 0);
    CHECK_NUM(num_ceil(0.3), 1);
    CHECK_NUM(num_floor(-0.5), -1);
    CHECK_NUM(num_ceil(-0.5), 0);
    CHECK(!signbit(num_ceil(-0.5)));
    CHECK_NUM(num_floor(-2.5), -3);
    CHECK_NUM(num_ceil(-2.5), -2);
    CHECK_NUM(num_ceil(2.0000000000000004), 2);
    CHECK_NUM(num_floor(1.9999999999999998), 2);
    CHECK_NUM(num_ceil(-1.9999999999999998), -2);
    CHECK_NUM(num_floor(-2.0000000000000004), -2);
    CHECK_NUM(num_floor(9.99), 9);
    CHECK_NUM(num_ceil(9.01), 10);
    CHECK_NUM(num_ceil(99.5), 100);
    CHECK_NUM(num_floor(-99.5), -100);
    CHECK_NUM(num_floor(1e300), 1e300);
    CHECK_NUM(num_ceil(-1e300), -1e300);
    CHECK_NUM(num_floor(1e-300), 0);
    CHECK_NUM(num_floor(-1e-300), -1);
    CHECK_NUM(num_ceil(1e-300), 1);
    CHECK_NUM(num_floor(0), 0);
    CHECK_NUM(num_ceil(0), 0);
    CHECK_NUM(num_floor(123456789012345.6), 123456789012346);   /* already whole in 15 digits */
}

static void test_cmp(void)
{
    CHECK(num_cmp(0.1 + 0.2, 0.3) == 0);
    CHECK(num_cmp(1, 2) == -1);
    CHECK(num_cmp(2, 1) == 1);
    CHECK(num_cmp(-1, 1) == -1);
    CHECK(num_cmp(2.0000000000000004, 2) == 0);
    CHECK(num_cmp(0.30000000000001, 0.3) == 1);     /* the 14th digit still counts */
    CHECK(num_cmp(-0.0, 0.0) == 0);
    CHECK(num_cmp(95.91000000000001, 95.91) == 0);
    CHECK(num_cmp(1e-300, 0) == 1);
    CHECK(num_cmp(-DBL_MAX, DBL_MAX) == -1);
}

/* The selfscore review's difference: decimal, so a claim half a unit away is exactly half. */
static void test_sub(void)
{
    CHECK_NUM(num_sub(45, 45.005), -0.005);         /* plain: -0.004999999999995453 */
    CHECK_NUM(num_sub(2, 1.995), 0.005);            /* plain: 0.0050000000000001155 */
    CHECK_NUM(num_sub(45.0051, 45), 0.0051);
    CHECK_NUM(num_sub(1, 0.94), 0.06);              /* plain: 0.06000000000000005 */
    CHECK_NUM(num_sub(1.06, 1), 0.06);
    CHECK_NUM(num_sub(106.00000000000001, 100), 6);
    CHECK_NUM(num_add(1.06, -1), 0.06);             /* sum(): opposite signs subtract */
    CHECK_NUM(num_add(-1, 1.06), 0.06);
    CHECK_NUM(num_add(0.1, 0.2), 0.3);
    CHECK_NUM(num_sub(0.3, 0.1), 0.2);
    CHECK_NUM(num_sub(-1.1, 2.2), -3.3);
    CHECK_NUM(num_sub(0, 0), 0);
    CHECK_NUM(num_sub(1e-300, 0), 1e-300);
    CHECK(num_cmp(fabs(num_sub(45, 45.005)), 0.005) == 0);
}

static void test_format(void)
{
    FMT(95.91000000000001, -1, "95.91");
    FMT(0.1 + 0.2, -1, "0.3");
    FMT(100, -1, "100");
    FMT(1e3, -1, "1000");
    FMT(37.5, -1, "37.5");
    FMT(1288.38, -1, "1288.38");
    FMT(-0.0, -1, "0");
    FMT(0, -1, "0");
    FMT(0, 2, "0");
    FMT(2.675, 2, "2.68");
    FMT(0.99740, 2, "1");
    FMT(9.9740, 2, "9.97");
    FMT(-1234.5, -1, "-1234.5");
    FMT(1.0 / 3, -1, "0.333333333333333");
    FMT(2.0 / 3, -1, "0.666666666666667");
    FMT(-1.0 / 3, 2, "-0.33");
    FMT(-0.004, 2, "0");                        /* rounds to zero: no "-0" */
    FMT(-0.005, 2, "-0.01");
    FMT(-0.4, 0, "0");
    FMT(0.5, 0, "1");
    FMT(123.456, 0, "123");
    FMT(1.005, 2, "1.01");
    FMT(12.3, 4, "12.3");                       /* 123000 units, trailing zeros dropped */
    FMT(-1230.5, 1, "-1230.5");
    FMT(-0.001, 2, "0");
    FMT(99.995, 2, "100");
    FMT(1250, -2, "1250");                      /* any maxdec < 0 means no limit */
    FMT(0.1 + 0.2, 20, "0.3");
    /* positional for |x| in [1e-15, 1e21) */
    FMT(0.000001, -1, "0.000001");
    FMT(1e-7, -1, "0.0000001");
    FMT(1.23e-10, -1, "0.000000000123");
    FMT(1e-15, -1, "0.000000000000001");
    FMT(-1.23456789012345e-15, -1, "-0.00000000000000123456789012345");
    FMT(1e20, -1, "100000000000000000000");
    FMT(1e20, 2, "100000000000000000000");
    FMT(-1e20, -1, "-100000000000000000000");
    FMT(123456789012345678.0, -1, "123456789012346000");
    FMT(123456789.123456789, -1, "123456789.123457");
    FMT(123456789.123456789, 2, "123456789.12");
    FMT(999999999999999.9, -1, "1000000000000000");
    FMT(0.1234567890123456, -1, "0.123456789012346");
    FMT(4503599627370497.0, -1, "4503599627370500");
    /* exponent outside */
    FMT(1e21, -1, "1e+21");
    FMT(9.999999999999999e20, -1, "1e+21");     /* 15 digits round up into 1e21 */
    FMT(1.5e21, -1, "1.5e+21");
    FMT(1e300, -1, "1e+300");
    FMT(-1.5e-300, -1, "-1.5e-300");
    FMT(1e-16, -1, "1e-16");
    FMT(1e-16, 20, "1e-16");
    FMT(1e-16, 15, "0");
    FMT(DBL_MAX, -1, "1.79769313486232e+308");
    FMT(-DBL_MAX, 2, "-1.79769313486232e+308");
    FMT(5e-324, -1, "4.94065645841247e-324");
    /* callers avoid these, but they print */
    FMT(NAN, -1, "NaN");
    FMT(INFINITY, -1, "Infinity");
    FMT(-INFINITY, 2, "-Infinity");
    /* a short buffer truncates and still terminates */
    {
        char b[5];
        CHECK(num_format(b, sizeof b, 123456, -1) == 4);
        CHECK_STR(b, "1234");
    }
}

static void test_fixed_pct(void)
{
    FIXED(99.7, 2, "99.70");
    FIXED(0, 2, "0.00");
    FIXED(-0.0, 2, "0.00");
    FIXED(-0.001, 2, "0.00");
    FIXED(-0.005, 2, "-0.01");
    FIXED(1.005, 2, "1.01");
    FIXED(2.675, 2, "2.68");
    FIXED(2, 0, "2");
    FIXED(0.5, 0, "1");
    FIXED(-2.5, 0, "-3");
    FIXED(1234567.891, 2, "1234567.89");
    FIXED(0.1 + 0.2, 3, "0.300");
    FIXED(1e-7, 3, "0.000");
    FIXED(9.9999, 3, "10.000");
    FIXED(123.456, 20, "123.45600000000000000000");
    FIXED(123.456, 99, "123.45600000000000000000");   /* clamped to 20 */
    FIXED(123.456, -1, "123");
    FIXED(1e20, 2, "100000000000000000000.00");
    FIXED(-1e20, 20, "-100000000000000000000.00000000000000000000");
    FIXED(1e21, 2, "1e+21");
    FIXED(1e-16, 20, "0.00000000000000010000");

    PCT(0.99740, "99.74%");
    PCT(1, "100.00%");
    PCT(0.19471, "19.47%");
    PCT(0.997, "99.70%");                       /* 0.997 * 100 is 99.69999999999999 */
    PCT(0.0, "0.00%");
    PCT(-0.0, "0.00%");
    PCT(-0.5, "-50.00%");
    PCT(0.00005, "0.01%");
    PCT(-0.00005, "-0.01%");
    PCT(0.000049, "0.00%");
    PCT(1.23456, "123.46%");
    PCT(0.012345, "1.23%");
    PCT(0.1 + 0.2, "30.00%");
    PCT(0.99995, "100.00%");
    PCT(12345, "1234500.00%");
    /* the fast path (x * 10^4 as an integer, away from ties) and its edges */
    PCT(-0.000001, "0.00%");                    /* rounds to zero: no "-0.00%" */
    PCT(0.123456, "12.35%");
    PCT(-0.123456, "-12.35%");
    PCT(99999.9999, "9999999.99%");             /* 999999999 units: the last fast one */
    PCT(100000, "10000000.00%");                /* 1e9 units: the exact path */
}

struct parse_case {
    const char *text;
    double want;
};

static void test_parse(void)
{
    static const struct parse_case ok[] = {
        {"12", 12}, {" 12 ", 12}, {"\t7\r\n", 7}, {"0", 0}, {"-0", 0}, {"+5", 5}, {"-5", -5},
        {"1,288.38", 1288.38}, {"1,234,567", 1234567}, {"-1,000", -1000}, {"999,999.5", 999999.5},
        {"99.7%", 0.997}, {"12%", 0.12}, {"100%", 1}, {"-5%", -0.05}, {"0.5%", 0.005},
        {"19.471%", 0.19471}, {"1e2%", 1}, {"1,288.38%", 12.8838},
        {"1e3", 1000}, {"1E3", 1000}, {"1.5E-2", 0.015}, {"2e+2", 200}, {"1e-999", 0},
        {".5", 0.5}, {"5.", 5}, {"-.25", -0.25}, {"007", 7},
        {"0.1", 0.1}, {"95.91", 95.91}, {"123456789012345678", 123456789012345678.0},
        /* full-width forms and blanks from Chinese spreadsheets */
        {"\xE3\x80\x80" "12" "\xE3\x80\x80", 12},                 /* 　12　 */
        {"\xC2\xA0" "12" "\xC2\xA0", 12},                         /* NBSP */
        {"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", 123},              /* １２３ */
        {"\xEF\xBC\x91\xEF\xBC\x8C\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"
         "\xEF\xBC\x8E\xEF\xBC\x95", 1234.5},                       /* １，２３４．５ */
        {"\xEF\xBC\x95\xEF\xBC\x90\xEF\xBC\x85", 0.5},              /* ５０％ */
        {"99.7\xEF\xBC\x85", 0.997},                                /* 99.7％ */
        {"\xEF\xBC\x8D\xEF\xBC\x93", -3},                           /* －３ */
    };
    static const char *const bad[] = {
        "", "   ", "\xE3\x80\x80", "abc", "1,2,3x", "12 34", "1,2,3", "1,2345", "12,34",
        ",123", "1234,567", "1,", "1,23", "1..2", "1.2.3", "0x10", "inf", "-inf", "nan",
        "Infinity", "NaN", "1e", "1e+", "e5", "+", "-", ".", "%", "5%%", "%5", "- 5",
        "+-5", "1e999", "-1e999", "12abc", "1 %", "1_000", "1'000", "\xEF\xBC\x91\xEF\xBD\x81",
        "\xEF\xBC", "12\x80",
    };
    double v;

    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        v = -12345;
        int r = num_parse(ok[i].text, strlen(ok[i].text), &v);
        if (!CHECK(r == 1 && v == ok[i].want && !signbit(v) == !(ok[i].want < 0)))
            printf("    num_parse(\"%s\") = %d, %.17g; want %.17g\n", ok[i].text, r, v,
                   ok[i].want);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        if (!CHECK(num_parse(bad[i], strlen(bad[i]), &v) == 0))
            printf("    num_parse(\"%s\") accepted: %.17g\n", bad[i], v);
    }
    /* the length bounds the text, which need not be terminated */
    CHECK(num_parse("12x", 2, &v) == 1 && v == 12);
    CHECK(num_parse("99.7%%", 5, &v) == 1 && v == 0.997);
    CHECK(num_parse("1,288.38", 0, &v) == 0);
    CHECK(num_parse("1\0" "2", 3, &v) == 0);     /* an embedded NUL is not a digit */
    /* "99.7%" is exactly the canonical 0.997, not 99.7 / 100 */
    CHECK(num_parse("99.7%", 5, &v) == 1 && v == num_canon(0.997));
    /* too long to be a number anyone typed */
    {
        char big[400];
        memset(big, '1', sizeof big);
        CHECK(num_parse(big, sizeof big, &v) == 0);
        big[200] = '\0';
        CHECK(num_parse(big, 200, &v) == 1 && v == strtod(big, NULL));
    }
}

/* n terms of x (then of y, alternately when y > 0) summed plainly, and with num_add. */
static double plain_sum(int n, double x, double y)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += y > 0 && i % 2 ? y : x;
    return num_canon(s);
}

static double exact_sum(int n, double x, double y)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s = num_add(s, y > 0 && i % 2 ? y : x);
    return s;
}

static void test_sum(void)
{
    /* a plain running sum drifts into the 15th digit past about 85 terms: 100 scores of 0.55
     * are 54.99999999999991, 54.9999999999999 in 15 digits (an xlsx parent's cached value that
     * SUM does not give); 50 of 0.55 and 50 of 1 are 77.4999999999999; 300 weights of 0.1 are
     * 30.0000000000002 */
    CHECK(plain_sum(100, 0.55, 0) != 55);
    CHECK(plain_sum(100, 0.55, 1) != 77.5);
    CHECK(plain_sum(300, 0.1, 0) != 30);
    CHECK_NUM(exact_sum(100, 0.55, 0), 55);
    CHECK_NUM(exact_sum(100, 0.55, 1), 77.5);
    CHECK_NUM(exact_sum(300, 0.1, 0), 30);
    CHECK_NUM(exact_sum(100000, 0.01, 0), 1000);
}

int main(void)
{
    test_canon();
    test_sum();
    test_round();
    test_floor_ceil();
    test_cmp();
    test_sub();
    test_format();
    test_fixed_pct();
    test_parse();
    return unit_done();
}
