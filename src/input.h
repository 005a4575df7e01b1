/* input.h - reading data sets: JSON files (an object, or an array of them), NDJSON, stdin,
 * directories of *.json (LANGUAGE.md §6, §9).  Data sets are handed to a callback one at a
 * time, in input order, with positions counted across all inputs.
 *
 * Ownership: the cJSON tree passed to the callback belongs to the reader and is freed after
 * the callback returns.
 */
#ifndef JX_INPUT_H
#define JX_INPUT_H

#include <stdint.h>
#include <cJSON.h>
#include "msg.h"

/* data is NULL for input that is not a data set; then at/message say why. */
typedef void (*input_fn)(void *ctx, const cJSON *data, uint64_t position, const char *at,
                         const char *message);

struct input {
    input_fn fn;
    void *ctx;
    enum lang lang;
    uint64_t position;      /* data sets so far */
};

/* Check that every path can be read; prints a message and returns 0 otherwise. */
int input_check_paths(char **paths, int n, enum lang lang);
/* Read one source: "-" is standard input; a directory is its *.json files in name order. */
void input_read(struct input *in, const char *path);

#endif
