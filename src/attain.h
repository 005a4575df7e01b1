/* attain.h - attain(actual, target): the completion ratio of a quantitative target as project
 * tables write it (docs/language.md §11): "≥50个", ">=50", "=8个", "≤202.6万元", "≥95%", "≥100百分比".
 *
 * Pure functions over text and numbers: nothing allocated, no state, thread-safe.
 */
#ifndef JX_ATTAIN_H
#define JX_ATTAIN_H

#include <stdbool.h>
#include <stddef.h>

/* A quantity read from a table cell: [comparator] number [unit]. */
struct quantity {
    bool reverse;       /* ≤ or <: the smaller the better (成本, 结余率, 次数上限) */
    bool has_cmp;       /* a comparator was written */
    bool pct;           /* written as a percentage (%, ％, 百分比): n is the fraction */
    double n;
};

/* Reads `s` as a quantity.  With `cmp`, a leading comparator is accepted (≥ ≤ > < = >= <=,
 * their full-width forms, and words such as 不低于 / 不超过); the unit after the number is
 * any text of letters or CJK characters.  Returns false when there is no number. */
bool attain_read(const char *s, size_t len, bool cmp, struct quantity *q);

/* The completion ratio, between 0 and 1, of `actual` against `target`.  `actual_pct` says
 * the actual was written as a percentage; a plain actual above 1 against a percentage target
 * is read as percent (82 against "≥90%" is 82%). */
double attain_ratio(double actual, bool actual_pct, const struct quantity *target);

#endif
