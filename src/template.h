/* template.h - jixiao template: the data-entry form of a rule set (docs/spreadsheets.md). */
#ifndef JX_TEMPLATE_H
#define JX_TEMPLATE_H

#include <stdio.h>
#include "ruleset.h"

/* path not NULL: the form workbook written there (whatever its name); otherwise the CSV
 * table's header row written to out.  Returns 0 when the workbook cannot be written. */
int template_write(const struct ruleset *rs, const char *path, FILE *out);

#endif
