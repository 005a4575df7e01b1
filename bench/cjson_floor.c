/* cjson_floor.c - the floor of any cJSON-based scorer: parse each stdin line, print it back.
 *
 * Reads newline-delimited JSON from standard input, runs cJSON_Parse and
 * cJSON_PrintUnformatted on each line and writes the result and '\n' to standard output.
 * A tool that scores the data must do at least this much work, so its time is the floor
 * that bench/run.sh compares jixiao against.  A line that does not parse prints "null".
 */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        cJSON *v = cJSON_Parse(line);
        char *text = v ? cJSON_PrintUnformatted(v) : NULL;
        fputs(text ? text : "null", stdout);
        putchar('\n');
        cJSON_free(text);
        cJSON_Delete(v);
    }
    free(line);
    return fflush(stdout) == 0 ? 0 : 1;
}
