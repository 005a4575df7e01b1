/* num.h - decimal rounding, comparison, printing and parsing of numbers (docs/language.md §5).
 *
 * Contract: numbers are IEEE doubles, but every decision (rounding, floor/ceil, comparison,
 * printing) is taken on the value's shortest decimal form with at most 15 significant digits,
 * as a spreadsheet does, so 0.1 + 0.2 == 0.3 and round(2.675, 2) is 2.68.  Callers pass finite
 * numbers (NaN and infinities are passed through or printed as "NaN"/"Infinity" but never
 * decided on).  Nothing here allocates or keeps state, so every function is thread-safe.
 * Formatting functions write into a caller buffer of at least NUM_BUF bytes, always
 * NUL-terminate it and return the length written.
 */
#ifndef JX_NUM_H
#define JX_NUM_H

#include <stddef.h>

#define NUM_BUF 64      /* enough for any num_format* output */

/* x re-read from its 15-significant-digit decimal form (0.1 + 0.2 -> 0.3); -0 becomes 0. */
double num_canon(double x);

/* a - b as the difference of their decimal forms, to 15 significant digits of the larger:
 * 45 - 45.005 is -0.005 and 1 - 0.94 is 0.06, where plain subtracting leaves
 * -0.004999999999995453 and 0.06000000000000005, which 15 digits of the small result keep
 * (the language's - and +, and the selfscore review's "more than half a unit"). */
double num_sub(double a, double b);

/* a + b re-read from its 15-digit decimal form: the step of every running sum of weights and
 * scores, so that a sum of any number of decimals is that decimal (2,000 weights of 0.05 add
 * up to 100, where plain adding drifts to 99.9999999999965, which 15 digits keep).  Terms of
 * opposite signs are a difference (num_sub), so sum([1.06, -1]) is 0.06 as 1.06 - 1 is. */
static inline double num_add(double a, double b)
{
    return (a < 0) == (b < 0) ? num_canon(a + b) : num_sub(a, -b);
}

/* Half away from zero to `digits` decimals (negative: tens, hundreds...); the result is the
 * double nearest the decimal result, never -0. */
double num_round(double x, int digits);
double num_floor(double x);
double num_ceil(double x);

/* -1, 0 or 1 comparing the canonical forms of a and b. */
int num_cmp(double a, double b);

/* At most 15 significant digits and at most maxdec decimals (maxdec < 0: no limit), trailing
 * zeros and '.' dropped, positional for |x| in [1e-15, 1e21) and "1e+21"/"1e-16" outside. */
size_t num_format(char *buf, size_t cap, double x, int maxdec);

/* Exactly dec decimals (clamped to 0..20), zeros kept: 99.7 -> "99.70" (the ":.N" format). */
size_t num_format_fixed(char *buf, size_t cap, double x, int dec);

/* x * 100 with exactly 2 decimals and '%': 0.9974 -> "99.74%" (the ":%" format). */
size_t num_format_pct(char *buf, size_t cap, double x);

/* The number(x) built-in on text: "1,288.38", " 12 ", "99.7%" (-> 0.997), "－１２．５",
 * optional exponent.  Returns 1 and sets *out, or 0 when the text is not a number. */
int num_parse(const char *s, size_t len, double *out);

/* num_parse, or else of the text before a trailing unit of letters or CJK characters: "52人"
 * is 52, "90万元" is 90 (the unit is dropped, never applied): number() and spreadsheet cells. */
int num_parse_unit(const char *s, size_t len, double *out);

#endif
