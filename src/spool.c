/* spool.c - bytes kept in memory, then in a temporary file, read back once in order. */
#include "spool.h"

#include <string.h>

void spool_add(struct spool *s, const void *p, size_t n)
{
    buf_add(&s->mem, p, n);
    if (s->mem.len < s->limit || (!s->file && !(s->file = tmpfile())))
        return;
    if (fwrite(s->mem.data, 1, s->mem.len, s->file) != s->mem.len)
        s->lost = true;
    s->mem.len = 0;
}

void spool_rewind(struct spool *s)
{
    s->at = 0;
    if (s->file && (fflush(s->file) != 0 || fseek(s->file, 0, SEEK_SET) != 0))
        s->lost = true;
}

size_t spool_read(struct spool *s, void *dst, size_t n)
{
    size_t got = 0;
    if (s->file && !feof(s->file) && !ferror(s->file))
        got = fread(dst, 1, n, s->file);
    if (s->file && ferror(s->file))
        s->lost = true;
    size_t take = s->mem.len - s->at < n - got ? s->mem.len - s->at : n - got;
    if (got < n && take) {
        memcpy((char *)dst + got, s->mem.data + s->at, take);
        s->at += take;
        got += take;
    }
    return got;
}

bool spool_ok(const struct spool *s)
{
    return !s->lost;
}

void spool_free(struct spool *s)
{
    if (s->file)
        fclose(s->file);
    buf_free(&s->mem);
    spool_init(s, s->limit);
}
