/* fmt.h - `jixiao fmt`: a rule script rewritten in one style (docs/language.md §9, §10). */
#ifndef JX_FMT_H
#define JX_FMT_H

#include "diag.h"
#include "mem.h"

/* Re-lay out file `file` of dg into out: keywords in English or Chinese (zh), ASCII
 * punctuation, strings in "…" (en) or “…” (zh, where the text allows), two-space indentation
 * by braces, single spaces between tokens, comments and line breaks kept.  Returns 0 when
 * the script has syntax errors (reported to dg; nothing is written). */
int fmt_file(struct diag *dg, uint32_t file, int zh, struct buf *out);
/* The style of file `file` (which parses): 1 when most of its keywords are Chinese. */
int fmt_style(const struct diag *dg, uint32_t file);
/* The well-formed source `at` (a statement, such as a rule, or an expression) on one line,
 * appended to out as fmt_file prints it in the style zh, comments left out (explain). */
void fmt_span(const struct diag *dg, struct span at, int statement, int zh, struct buf *out);

#endif
