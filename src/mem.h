/* mem.h - allocation: the one out-of-memory policy, arenas, and growable byte buffers.
 *
 * Ownership: xmalloc/xrealloc never return NULL (out of memory prints a message and exits 3).
 * An arena owns everything allocated from it; arena_free releases it all at once, and
 * arena_reset keeps the first chunk for reuse (per-data-set scratch memory).  A buf owns its
 * bytes until buf_free.
 */
#ifndef JX_MEM_H
#define JX_MEM_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrndup(const char *s, size_t n);

struct arena_chunk;
struct arena {
    struct arena_chunk *head;   /* newest chunk first */
    char *ptr, *end;            /* free space in head */
};

void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);          /* 8-byte aligned, uninitialised */
void *arena_zalloc(struct arena *a, size_t n);         /* zero-filled */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* n bytes of src copied into the arena (a list grown with VEC_PUSH, kept with the arena). */
void *arena_copy(struct arena *a, const void *src, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* x, sep and y one after the other (a dotted path, a map key): arena_printf without the
 * format's cost, for the checker's and usage's hot paths. */
char *arena_join(struct arena *a, const char *x, const char *sep, const char *y);
void arena_reset(struct arena *a);                     /* free all but the first chunk */
void arena_free(struct arena *a);

struct buf {
    char *data;
    size_t len, cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_adds(struct buf *b, const char *s);

/* The hot calls of every writer, inline: growing is the rare case. */
static inline void buf_reserve(struct buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap)
        buf_grow(b, extra);
}

static inline void buf_add(struct buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        __builtin_memcpy(b->data + b->len, s, n);
    b->len += n;
}

static inline void buf_addc(struct buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
}
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
const char *buf_cstr(struct buf *b);
/* The bytes of b, "" when nothing was ever added (no allocation yet: data is NULL). */
static inline const char *buf_data(const struct buf *b)
{
    return b->data ? b->data : "";
}
void buf_free(struct buf *b);
/* Append everything left in the file descriptor fd, at most max bytes.  Returns 0, or an
 * errno value: EFBIG past max, or what read said (b is then as before). */
int buf_read_fd(struct buf *b, int fd, size_t max);
struct stat;
/* Read the whole regular file `path` of at most `max` bytes into b (appended; buf_cstr'd).
 * Returns 0, or an errno value: EISDIR a directory, ENODEV not a regular file (a device,
 * FIFO or socket: refused without reading, so /dev/zero cannot fill memory and a FIFO cannot
 * block), EFBIG larger than max, or what open/read said.  *st (may be NULL) gets the file's
 * identity (st_dev, st_ino) for cycle checks. */
int buf_read_file(struct buf *b, const char *path, size_t max, struct stat *st);

/* Growable arrays of anything: VEC_PUSH(ptr, len, cap, item) */
#define VEC_PUSH(v, n, cap, item) do {                                  \
        if ((n) == (cap)) {                                             \
            (cap) = (cap) ? 2 * (cap) : 8;                              \
            (v) = xrealloc((v), (cap) * sizeof *(v));                   \
        }                                                               \
        (v)[(n)++] = (item);                                            \
    } while (0)

#endif
