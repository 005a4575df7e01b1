/* mem.c - allocation wrappers, arenas and byte buffers. */
#include "mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

static void out_of_memory(size_t n)
{
    cli_out_of_memory(n);
    exit(3);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

struct arena_chunk {
    struct arena_chunk *next;
    size_t size;
    /* payload follows, max-aligned */
    _Alignas(16) char data[];
};

enum { CHUNK_MIN = 64 * 1024 };

void arena_init(struct arena *a)
{
    a->head = NULL;
    a->ptr = a->end = NULL;
}

static void new_chunk(struct arena *a, size_t need)
{
    size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
    struct arena_chunk *c = xmalloc(sizeof *c + size);
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->ptr = c->data;
    a->end = c->data + size;
}

void *arena_alloc(struct arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (!a->ptr || (size_t)(a->end - a->ptr) < n)
        new_chunk(a, n);
    void *p = a->ptr;
    a->ptr += n;
    return p;
}

void *arena_zalloc(struct arena *a, size_t n)
{
    void *p = arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void *arena_copy(struct arena *a, const void *src, size_t n)
{
    void *p = arena_alloc(a, n);
    if (n)
        memcpy(p, src, n);
    return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    /* one pass when the text fits in the current chunk, which is nearly always */
    size_t room = a->ptr ? (size_t)(a->end - a->ptr) : 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(room ? a->ptr : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((((size_t)n + 1 + 7) & ~(size_t)7) <= room)
        return arena_alloc(a, (size_t)n + 1);   /* the text is already there */
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

char *arena_join(struct arena *a, const char *x, const char *sep, const char *y)
{
    size_t nx = strlen(x), ns = strlen(sep), ny = strlen(y);
    char *p = arena_alloc(a, nx + ns + ny + 1);
    memcpy(p, x, nx);
    memcpy(p + nx, sep, ns);
    memcpy(p + nx + ns, y, ny + 1);
    return p;
}

void arena_reset(struct arena *a)
{
    if (!a->head)
        return;
    /* keep the oldest chunk: the steady-state working set of one data set */
    struct arena_chunk *c = a->head;
    while (c->next) {
        struct arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = c;
    a->ptr = c->data;
    a->end = c->data + c->size;
}

void arena_free(struct arena *a)
{
    struct arena_chunk *c = a->head;
    while (c) {
        struct arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena_init(a);
}

void buf_grow(struct buf *b, size_t extra)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_adds(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *buf_cstr(struct buf *b)
{
    buf_reserve(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}

int buf_read_fd(struct buf *b, int fd, size_t max)
{
    size_t start = b->len;
    int err = 0;
    while (!err) {
        if (!b->cap || b->len + 1 >= b->cap)
            buf_reserve(b, 65536);      /* full: grow (a file sized beforehand never is) */
        ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            err = errno;
        else if (n == 0)
            break;
        else if ((b->len += (size_t)n) - start > max)
            err = EFBIG;
    }
    if (err)
        b->len = start;
    return err;
}

int buf_read_file(struct buf *b, const char *path, size_t max, struct stat *st)
{
    struct stat own;
    if (!st)
        st = &own;
    /* look before opening: opening a FIFO blocks, opening some devices does things */
    if (stat(path, st) != 0)
        return errno;
    if (S_ISDIR(st->st_mode))
        return EISDIR;
    if (!S_ISREG(st->st_mode))
        return ENODEV;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = 0;
    if (fstat(fd, st) != 0)                     /* what was opened, if it was swapped */
        err = errno;
    else if (!S_ISREG(st->st_mode))
        err = S_ISDIR(st->st_mode) ? EISDIR : ENODEV;
    else if ((uint64_t)st->st_size > max)
        err = EFBIG;
    if (!err) {
        /* exactly the file's size, plus its NUL and one byte for read to see the end in:
         * doubling would leave up to half of a big rule script unused */
        size_t want = b->len + (size_t)st->st_size + 2;
        if (b->cap < want) {
            b->data = xrealloc(b->data, want);
            b->cap = want;
        }
        err = buf_read_fd(b, fd, max);          /* to the end, even if it grew meanwhile */
    }
    close(fd);
    buf_cstr(b);
    return err;
}

void buf_free(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
