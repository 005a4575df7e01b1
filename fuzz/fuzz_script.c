/* fuzz_script.c - libFuzzer target (a): the bytes are a rule script.  Each input is read,
 * parsed and checked as `jixiao check` does it (with the warnings of lint), then formatted
 * as `jixiao fmt` does in both styles; a formatted script must format to itself again (fmt
 * is idempotent: `fmt --check` of its own output is clean).
 *
 * Built and run by `make fuzz` (see the Makefile and docs/reliability.md).  Everything runs
 * in-process per input and frees what it made, so LeakSanitizer holds it to no leaks.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "lint.h"
#include "ruleset.h"

static char path[64];           /* the script as a file: ruleset_load reads a path */
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char dir[] = "/tmp/jixiao-fuzz-script.XXXXXX";
    if (!mkdtemp(dir))
        abort();
    snprintf(path, sizeof path, "%s/r.eval", dir);
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

/* fmt of text (size bytes) in style zh into out; 1 when it had no syntax errors. */
static int format(const char *text, size_t size, int zh, struct buf *out)
{
    struct diag dg;
    diag_init(&dg, LANG_EN, devnull);
    char *copy = malloc(size + 1);
    memcpy(copy, text, size);
    copy[size] = '\0';
    uint32_t file = diag_add_source(&dg, "r.eval", copy, size);
    int ok = fmt_file(&dg, file, zh, out);
    diag_free(&dg);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);

    struct ruleset *rs = ruleset_load(path, LANG_EN);
    if (rs) {
        lint_ruleset(rs);
        ruleset_free(rs);
    }

    for (int zh = 0; zh <= 1; zh++) {
        struct buf once = {0}, twice = {0};
        if (format((const char *)data, size, zh, &once)
            && (!format(once.data ? once.data : "", once.len, zh, &twice)
                || twice.len != once.len
                || (once.len && memcmp(twice.data, once.data, once.len) != 0))) {
            fprintf(stderr, "fmt is not idempotent (style %s):\n--- once\n%.*s\n--- twice\n%.*s\n",
                    zh ? "zh" : "en", (int)once.len, once.data, (int)twice.len,
                    twice.data ? twice.data : "");
            abort();
        }
        buf_free(&once);
        buf_free(&twice);
    }
    return 0;
}
