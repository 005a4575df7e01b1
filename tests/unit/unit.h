/* unit.h - a tiny check framework for the C unit tests: CHECK counts, unit_done reports.
 *
 * Each test program includes this once, calls CHECK* as often as it likes and ends main with
 * `return unit_done();`, which prints "N passed, N failed" as the last line.
 */
#ifndef JX_UNIT_H
#define JX_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

static inline int unit_check(int ok, const char *file, int line, const char *expr)
{
    if (ok) {
        unit_passed++;
    } else {
        unit_failed++;
        printf("%s:%d: CHECK failed: %s\n", file, line, expr);
    }
    return ok;
}

/* The string form also shows what was got, which is what one needs to fix a format. */
static inline void unit_check_str(const char *got, const char *want, const char *file,
                                  int line, const char *expr)
{
    if (!unit_check(strcmp(got, want) == 0, file, line, expr))
        printf("    got \"%s\", want \"%s\"\n", got, want);
}

static inline void unit_check_num(double got, double want, const char *file, int line,
                                  const char *expr)
{
    if (!unit_check(got == want, file, line, expr))
        printf("    got %.17g, want %.17g\n", got, want);
}

#define CHECK(expr) unit_check(!!(expr), __FILE__, __LINE__, #expr)
#define CHECK_STR(got, want) unit_check_str((got), (want), __FILE__, __LINE__, #got " == " #want)
/* Exact equality of doubles: the point of num_ is that results are the exact nearest double. */
#define CHECK_NUM(got, want) unit_check_num((got), (want), __FILE__, __LINE__, #got " == " #want)

static inline int unit_done(void)
{
    printf("%d passed, %d failed\n", unit_passed, unit_failed);
    return unit_failed > 0;
}

#endif
