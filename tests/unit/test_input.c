/* test_input.c - the order in which the reader hands items to the runner (src/input.c).
 *
 * Regression for commit 0598ed6: cJSON keeps the position of its last error in a global, so the
 * main thread may parse a whole file only after the worker threads have finished parsing the
 * NDJSON lines handed out before it; otherwise a worker's parse can overwrite the position and
 * the error is reported at 1:1. The runner finishes its workers on ITEM_FLUSH, so a flush must
 * come between the last line and a whole-file parse. The race itself cannot be provoked
 * reliably; the order of the items is what makes it impossible, and is what is tested here.
 */
#include <stdio.h>
#include <string.h>

#include "input.h"
#include "unit.h"

/* Items as letters: L line, V value, E error, F flush; and the position of the last error. */
struct seen {
    char kinds[64];
    size_t n;
    char error_at[256];
};

static void record(void *ctx, const struct input_item *it)
{
    struct seen *s = ctx;
    static const char letter[] = {[ITEM_LINE] = 'L', [ITEM_VALUE] = 'V', [ITEM_ERROR] = 'E',
                                  [ITEM_FLUSH] = 'F'};
    if (s->n + 1 < sizeof s->kinds)
        s->kinds[s->n++] = letter[it->kind];
    if (it->kind == ITEM_ERROR)
        snprintf(s->error_at, sizeof s->error_at, "%s", it->at);
}

static void write_file(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* Reads the files in order, as `jixiao run` does, and returns what the runner was given. */
static struct seen read_all(const char *const *paths, int n)
{
    struct seen s = {0};
    struct input in = {.fn = record, .ctx = &s, .lang = LANG_EN};
    for (int i = 0; i < n; i++)
        input_read(&in, paths[i]);
    s.kinds[s.n] = '\0';
    return s;
}

int main(void)
{
    write_file("lines.ndjson", "{\"a\":1}\n{\"a\":2}\n");
    /* a whole file (not NDJSON: its first line is not a value) with an error at 3:14 */
    write_file("broken.json", "{\n  \"x\": 1,\n  \"y\": [1, 2,, 3]\n}\n");
    write_file("whole.json", "[\n  {\"a\": 3},\n  {\"a\": 4}\n]\n");

    const char *broken[] = {"lines.ndjson", "broken.json"};
    struct seen s = read_all(broken, 2);
    CHECK_STR(s.kinds, "LLFE");             /* the flush comes before the parse that fails */
    CHECK_STR(s.error_at, "broken.json:3:14");

    const char *whole[] = {"lines.ndjson", "whole.json"};
    s = read_all(whole, 2);
    CHECK_STR(s.kinds, "LLFVVF");           /* and before a parse that succeeds */

    const char *lines_only[] = {"lines.ndjson"};
    s = read_all(lines_only, 1);
    CHECK_STR(s.kinds, "LL");               /* lines alone need no flush (the runner's end does) */

    remove("lines.ndjson");
    remove("broken.json");
    remove("whole.json");
    return unit_done();
}
