/* spool.h - bytes kept to be read back once, in order: in memory up to a limit, then in a
 * temporary file, so that holding a big result or the lines of a whole batch costs bounded
 * memory.  When no temporary file can be made the bytes stay in memory (nothing is lost).
 *
 * Ownership: the spool owns its buffer and file; spool_free releases both.
 */
#ifndef JX_SPOOL_H
#define JX_SPOOL_H

#include <stdbool.h>
#include <stdio.h>

#include "mem.h"

struct spool {
    struct buf mem;     /* the bytes after those in `file` */
    FILE *file;         /* the first bytes, once `limit` of them had been added */
    size_t limit;
    size_t at;          /* reading: how many bytes of mem have been read */
    bool lost;          /* a write to the file failed: reading back comes up short */
};

static inline void spool_init(struct spool *s, size_t limit)
{
    *s = (struct spool){.limit = limit};
}

void spool_add(struct spool *s, const void *p, size_t n);
/* Start reading at the first byte added. */
void spool_rewind(struct spool *s);
/* Up to n of the next bytes into dst; how many were read (fewer than n only at the end, or
 * when the temporary file could not be written or read back: see spool_ok). */
size_t spool_read(struct spool *s, void *dst, size_t n);
/* Everything added was read back (after the last spool_read). */
bool spool_ok(const struct spool *s);
/* Forget every byte; the spool can be used again. */
void spool_free(struct spool *s);

#endif
