/* input.h - reading data sets: JSON files (an object, or an array of them), NDJSON, stdin,
 * directories of *.json (docs/language.md §6, §9).  Data sets are handed to a callback one at a
 * time, in input order, with positions counted across all inputs.
 *
 * Ownership: items point into the reader's buffers and are valid during the callback only,
 * except ITEM_VALUE trees, which stay until the ITEM_FLUSH that precedes their release.
 * NDJSON lines are handed over unparsed, so that parsing can run in the worker threads.
 */
#ifndef JX_INPUT_H
#define JX_INPUT_H

#include <stdint.h>
#include <cJSON.h>
#include "msg.h"

struct usage;

/* The longest NDJSON line and the largest JSON document (a file or standard input holding one
 * value), in MB: past it, an error result (docs/reliability.md). */
#define INPUT_MAX_MB 64

enum item_kind {
    ITEM_LINE,      /* one line of NDJSON, not parsed yet: text, len, at ("FILE:LINE") */
    ITEM_VALUE,     /* an element of a parsed file: value, valid until the next ITEM_FLUSH */
    ITEM_ERROR,     /* input that is not a data set: at, message */
    ITEM_FLUSH,     /* parsed values are about to be freed: finish everything before */
};

struct input_item {
    enum item_kind kind;
    uint64_t position;      /* from 1, across all inputs (not for ITEM_FLUSH) */
    const char *text;
    size_t len;
    const cJSON *value;
    const char *at;
    const char *message;
};

typedef void (*input_fn)(void *ctx, const struct input_item *item);

struct input {
    input_fn fn;
    void *ctx;
    enum lang lang;
    uint64_t position;      /* data sets so far */
    uint64_t bytes_done;    /* input read so far, for the progress line */
    uint64_t bytes_total;   /* 0: unknown (standard input) */
    const struct usage *usage;  /* how the rules read each data path: spreadsheet cells */
    const char *encoding;       /* --encoding: CSV text in this encoding, NULL to detect */
};

/* Hand one item to in->fn, counting positions (for the readers of book.c). */
void input_emit(struct input *in, struct input_item *it);

/* Check that every path exists, can be read and is no device; prints a message and returns 0
 * otherwise. */
int input_check_paths(char **paths, int n, enum lang lang);
/* Bytes of all the inputs, or 0 when one of them is standard input. */
uint64_t input_size(char **paths, int n);
/* Whether a directory's entry of this name is read as data (by its extension). */
int input_reads_name(const char *name);
/* Read one source: "-" is standard input; a directory is its data files in name order (each
 * file once, directories inside not entered).  What cannot be read is said on standard error
 * and is an error result in its place. */
void input_read(struct input *in, const char *path);

#endif
