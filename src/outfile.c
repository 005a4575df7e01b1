/* outfile.c - writing output safely: -o FILE, fmt -w, template -o, standard output
 * (outfile.h; docs/reliability.md, "Writing output"). */
#define _GNU_SOURCE     /* fopencookie, mkostemp */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "input.h"
#include "mem.h"

/* The temporary file of the output being written: removed when jixiao is interrupted or ends
 * on a write error. */
static char interrupted_tmp[PATH_MAX];

/* ---- streams whose first write error ends jixiao ---- */

/* A write error ends jixiao at once, as a broken pipe does by default: nothing more can reach
 * the output, and the input may be endless.  The temporary file goes; the old file stays. */
static _Noreturn void write_failed(const struct outfile_sink *s, int err)
{
    if (s->name)
        cli_error(M_CANT_WRITE, s->name, msg_errno(cli_lang(), err));
    else
        cli_message(M_WRITE_ERROR, msg_errno(cli_lang(), err));
    if (interrupted_tmp[0])
        unlink(interrupted_tmp);
    _exit(2);
}

static ssize_t sink_write(void *cookie, const char *data, size_t n)
{
    struct outfile_sink *s = cookie;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(s->fd, data + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            write_failed(s, w < 0 ? errno : EIO);
        done += (size_t)w;
    }
    return (ssize_t)done;
}

static int sink_close(void *cookie)
{
    struct outfile_sink *s = cookie;
    return close(s->fd);
}

/* A stream writing to s->fd (closing it at fclose) whose first write error ends jixiao. */
static FILE *sink_open(struct outfile_sink *s)
{
    FILE *f = fopencookie(s, "w", (cookie_io_functions_t){.write = sink_write,
                                                          .close = sink_close});
    if (f)
        setvbuf(f, NULL, _IOFBF, 1 << 16);
    return f;
}

/* ---- messages ---- */

static int cant_write(const struct outfile *of, int err)
{
    cli_error(M_CANT_WRITE, of->name, msg_errno(cli_lang(), err));
    return 0;
}

/* Report that of cannot be written and give it up; returns 0. */
static int fail(struct outfile *of, int err)
{
    cant_write(of, err);
    outfile_abort(of);
    return 0;
}

/* ---- interruption ---- */

static void on_signal(int sig)
{
    if (interrupted_tmp[0])
        unlink(interrupted_tmp);    /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch_tmp(const char *tmp)
{
    if (strlen(tmp) >= sizeof interrupted_tmp)
        return;
    memcpy(interrupted_tmp, tmp, strlen(tmp) + 1);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGHUP, on_signal);
}

/* ---- where a name leads ---- */

/* The descriptor a name stands for: /dev/stdout, /dev/fd/N, /proc/self/fd/N...; -1 if none. */
static int fd_name(const char *p)
{
    static const char *const std[] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};
    for (int i = 0; i < 3; i++)
        if (strcmp(p, std[i]) == 0)
            return i;
    const char *n = strncmp(p, "/dev/fd/", 8) == 0          ? p + 8
                    : strncmp(p, "/proc/self/fd/", 14) == 0 ? p + 14
                                                            : NULL;
    if (!n || !*n || strlen(n) > 6 || strspn(n, "0123456789") != strlen(n))
        return -1;
    return atoi(n);
}

/* The file `path` leads to, following symbolic links (a relative one from its link's
 * directory), or NULL with errno set.  *fd >= 0 when the chain ends at a descriptor name. */
static char *follow(const char *path, int *fd)
{
    char *p = xstrndup(path, strlen(path));
    for (int hops = 0;; hops++) {
        struct stat st;
        *fd = fd_name(p);
        if (*fd >= 0 || lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        char link[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(p, link, sizeof link) : -1;
        if (hops >= 40 || n < 0 || n == (ssize_t)sizeof link) {
            errno = hops >= 40 ? ELOOP : n < 0 ? errno : ENAMETOOLONG;
            free(p);
            return NULL;
        }
        const char *slash = strrchr(p, '/');
        size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - p) + 1;
        char *next = xmalloc(dir + (size_t)n + 1);
        memcpy(next, p, dir);
        memcpy(next + dir, link, (size_t)n);
        next[dir + (size_t)n] = '\0';
        free(p);
        p = next;
    }
}

static int same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The input that the regular file `st` (at `target`) is, or NULL. */
static const char *which_input(const struct stat *st, const char *target,
                               const struct outfile_inputs *in)
{
    for (uint32_t i = 0; in->sources && i < in->sources->nfiles; i++) {
        const struct source *s = &in->sources->files[i];
        if (s->dev == (uint64_t)st->st_dev && s->ino == (uint64_t)st->st_ino)
            return s->name;
    }
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    char *dir = slash ? xstrndup(target, (size_t)(slash - target) + 1) : xstrndup(".", 1);
    struct stat dst;
    int have_dir = stat(dir, &dst) == 0;
    free(dir);
    for (int i = 0; i < in->ndata; i++) {
        struct stat d;
        int is_stdin = strcmp(in->data[i], "-") == 0;
        if (is_stdin ? fstat(STDIN_FILENO, &d) != 0 : stat(in->data[i], &d) != 0)
            continue;
        if (same_file(&d, st))
            return is_stdin ? "<stdin>" : in->data[i];
        /* a directory's data files: an existing file of a name it reads is one */
        if (S_ISDIR(d.st_mode) && have_dir && same_file(&d, &dst) && input_reads_name(base))
            return in->data[i];
    }
    return NULL;
}

/* ---- opening ---- */

/* of->f writing to fd; on failure reported and given up */
static int open_through(struct outfile *of, int fd)
{
    of->sink.fd = fd;
    of->sink.name = of->name;
    of->f = sink_open(&of->sink);
    if (!of->f) {
        int e = errno;
        close(fd);
        return fail(of, e);
    }
    return 1;
}

/* A temporary file in the directory of of->target, with the old file's mode and group, or
 * 0666 less the umask for a new one. */
static int open_tmp(struct outfile *of)
{
    const char *slash = strrchr(of->target, '/');
    size_t dir = slash ? (size_t)(slash - of->target) + 1 : 0;
    of->tmp = xmalloc(strlen(of->target) + 16);
    sprintf(of->tmp, "%.*s.%s.tmpXXXXXX", (int)dir, of->target, of->target + dir);
    int fd = mkostemp(of->tmp, O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        free(of->tmp);
        of->tmp = NULL;
        return fail(of, e);
    }
    if (of->old.st_nlink) {
        /* owner and group: a user may only give a file a group of their own; where even
         * that is not allowed (EPERM) the file has the user's, and that is no error */
        int kept = fchown(fd, of->old.st_uid, of->old.st_gid) == 0
                   || fchown(fd, (uid_t)-1, of->old.st_gid) == 0;
        (void)kept;
        fchmod(fd, of->old.st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    watch_tmp(of->tmp);
    return open_through(of, fd);
}

int outfile_open(struct outfile *of, const char *name, const struct outfile_inputs *inputs)
{
    memset(of, 0, sizeof *of);
    of->name = name;
    of->sink.fd = -1;
    of->how = OUTFILE_THROUGH;
    int fd = -1;
    of->target = strcmp(name, "-") == 0 ? (fd = STDOUT_FILENO, xstrndup(name, 1))
                                        : follow(name, &fd);
    if (!of->target)
        return fail(of, errno);
    const char *input = NULL;
    struct stat st;
    if (fd >= 0) {
        /* standard output or another descriptor: used as it is, never reopened */
        if (fstat(fd, &st) != 0)
            return fail(of, errno);
        if (inputs && S_ISREG(st.st_mode))
            input = which_input(&st, "", inputs);
    } else if (stat(of->target, &of->old) != 0) {
        if (errno != ENOENT)
            return fail(of, errno);
        of->old.st_nlink = 0;           /* a new file */
    } else if (S_ISDIR(of->old.st_mode)) {
        return fail(of, EISDIR);
    } else if (S_ISREG(of->old.st_mode)) {
        if (inputs)
            input = which_input(&of->old, of->target, inputs);
        if (!input && access(of->target, W_OK) != 0)    /* a read-only file stays so */
            return fail(of, errno);
    }
    if (input) {
        cli_error(M_OUT_IS_INPUT, name, input);
        outfile_abort(of);
        return 0;
    }
    if (fd == STDOUT_FILENO) {
        of->how = OUTFILE_STDOUT;
        of->f = stdout;
        return 1;
    }
    if (fd >= 0) {
        int d = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        return d < 0 ? fail(of, errno) : open_through(of, d);
    }
    if (of->old.st_nlink && !S_ISREG(of->old.st_mode)) {
        /* a device, FIFO or socket: written through (nothing to truncate or replace) */
        int d = open(of->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        return d < 0 ? fail(of, errno) : open_through(of, d);
    }
    of->how = of->old.st_nlink > 1 ? OUTFILE_IN_PLACE : OUTFILE_REPLACE;
    return open_tmp(of);
}

const char *outfile_path(struct outfile *of)
{
    if (!of->tmp) {
        /* written through: a private file, copied into the stream by outfile_commit */
        const char *dir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
        of->tmp = xmalloc(strlen(dir) + 16);
        sprintf(of->tmp, "%s/jixiao.XXXXXX", dir);
        int fd = mkostemp(of->tmp, O_CLOEXEC);
        if (fd < 0) {
            cant_write(of, errno);
            free(of->tmp);
            of->tmp = NULL;
            return NULL;
        }
        close(fd);
        watch_tmp(of->tmp);
    }
    return of->tmp;
}

void outfile_fail(struct outfile *of, int err)
{
    fail(of, err);
}

/* ---- finishing ---- */

/* Copy the temporary file over the hard-linked target, in place: its other names see the
 * new content.  Returns 0 or an errno; *damaged when the target was partly written. */
static int copy_in_place(struct outfile *of, int *damaged)
{
    int to = open(of->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (to < 0)
        return errno;
    char block[1 << 16];
    off_t at = 0;
    int err = 0;
    for (;;) {
        ssize_t n = pread(of->sink.fd, block, sizeof block, at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            err = n < 0 ? errno : 0;
            break;
        }
        for (ssize_t done = 0; done < n && !err;) {
            ssize_t w = pwrite(to, block + done, (size_t)(n - done), at + done);
            if (w < 0 && errno != EINTR)
                err = errno;
            else if (w > 0)
                done += w, *damaged = 1;
        }
        if (err)
            break;
        at += n;
    }
    if (!err && (ftruncate(to, at) != 0 || fsync(to) != 0))
        err = errno, *damaged = 1;
    if (close(to) != 0 && !err)
        err = errno, *damaged = 1;
    return err;
}

/* Copy the file at path into the stream; 0 or the errno of reading (the stream keeps its own
 * errors). */
static int copy_out(const char *path, FILE *to)
{
    FILE *from = fopen(path, "rb");
    if (!from)
        return errno;
    char block[1 << 16];
    size_t n;
    while ((n = fread(block, 1, sizeof block, from)) > 0)
        fwrite(block, 1, n, to);
    int err = ferror(from) ? EIO : 0;
    fclose(from);
    return err;
}

static void release(struct outfile *of)
{
    if (of->tmp) {
        interrupted_tmp[0] = '\0';
        free(of->tmp);
    }
    free(of->target);
    of->tmp = of->target = NULL;
    of->f = NULL;
}

int outfile_commit(struct outfile *of)
{
    int through = of->how == OUTFILE_THROUGH || of->how == OUTFILE_STDOUT;
    int err = 0, damaged = 0;
    if (through && of->tmp)
        err = copy_out(of->tmp, of->f);     /* what was written by name */
    if (of->how == OUTFILE_STDOUT) {
        fflush(stdout);     /* its write errors: outfile_stdio_end */
    } else {
        if ((fflush(of->f) != 0 || ferror(of->f)) && !err)
            err = EIO;      /* (a write error has ended jixiao already) */
        if (!err && !through && fsync(of->sink.fd) != 0)
            err = errno;
        if (!err && of->how == OUTFILE_IN_PLACE)
            err = copy_in_place(of, &damaged);
        if (fclose(of->f) != 0 && !err)
            err = errno;
        if (!err && of->how == OUTFILE_REPLACE && rename(of->tmp, of->target) != 0)
            err = errno;
    }
    if (err)
        cant_write(of, err);
    if (err && damaged) {
        cli_message(M_OUT_KEPT, of->tmp);
    } else if (of->tmp && (err || of->how != OUTFILE_REPLACE)) {
        unlink(of->tmp);
    }
    release(of);
    return !err;
}

void outfile_abort(struct outfile *of)
{
    if (of->f && of->how != OUTFILE_STDOUT)
        fclose(of->f);
    if (of->tmp)
        unlink(of->tmp);
    release(of);
}

/* ---- standard output ---- */

static struct outfile_sink stdout_sink = {STDOUT_FILENO, NULL};

void outfile_stdio_begin(void)
{
    /* O_WRONLY for 0 and O_RDONLY for 1 and 2: reads and writes still fail with EBADF */
    for (int fd = 0; fd <= STDERR_FILENO; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
            open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
    if (isatty(STDOUT_FILENO))
        return;     /* a terminal keeps its stream (its width is asked through fileno) */
    FILE *f = sink_open(&stdout_sink);
    if (f)
        stdout = f;
}

int outfile_stdio_end(int status)
{
    int err = 0;
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
        err = errno ? errno : EIO;
    if (fclose(stdout) != 0 && !err)
        err = errno ? errno : EIO;
    if (!err)
        return status;
    cli_message(M_WRITE_ERROR, msg_errno(cli_lang(), err));
    return 2;
}
