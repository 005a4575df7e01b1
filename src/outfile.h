/* outfile.h - where output goes: standard output, a file named by -o, a script rewritten by
 * fmt -w (docs/reliability.md, "Writing output").
 *
 * A file is never written through after truncating it: the output goes to a temporary file
 * beside the file a name leads to (symbolic links followed), which replaces it by rename once
 * complete, keeping its mode and group (a new file: 0666 less the umask).  A file with other
 * hard links is overwritten in place instead, once the whole output is ready.  Standard
 * output ("-", /dev/stdout, /dev/fd/N) is used as it is; devices and pipes are written
 * through.  An output that is also an input is refused before anything is written.
 *
 * Every write is checked: the first write error (disk full, broken pipe, closed descriptor)
 * ends jixiao at once with its reason and exit status 2, the temporary file removed, as a
 * broken pipe ends it by default; the input may be endless, and nothing more would arrive.
 *
 * Ownership: outfile_open fills a struct outfile, which must stay where it is (its stream
 * refers to it) until outfile_commit or outfile_abort (exactly one of them) releases it.
 */
#ifndef JX_OUTFILE_H
#define JX_OUTFILE_H

#include <stdio.h>
#include <sys/stat.h>

struct diag;

enum outfile_how {
    OUTFILE_STDOUT,     /* standard output as it is */
    OUTFILE_THROUGH,    /* a device, pipe or descriptor: written through */
    OUTFILE_REPLACE,    /* a temporary file renamed over the target */
    OUTFILE_IN_PLACE,   /* a temporary file copied into the (hard-linked) target at the end */
};

/* A descriptor written through a stream, and the name its write errors are reported by
 * (NULL: standard output, "write error: ..."). */
struct outfile_sink {
    int fd;
    const char *name;
};

struct outfile {
    FILE *f;                /* write the output here */
    const char *name;       /* as given, for messages */
    char *target;           /* the file the name leads to, links followed */
    char *tmp;              /* the temporary file, NULL when written through */
    enum outfile_how how;
    struct stat old;        /* the target before (st_nlink 0: there was none) */
    struct outfile_sink sink;   /* what f writes to */
};

/* What an output must not overwrite: the rule script and its bases (every source of `dg`,
 * may be NULL) and the data (files and directories, "-" for standard input). */
struct outfile_inputs {
    const struct diag *sources;
    char *const *data;
    int ndata;
};

/* Prepare to write `name` ("-": standard output).  Returns 0 with the reason reported when
 * it cannot be written or is one of `inputs` (NULL: nothing to compare, as for fmt -w). */
int outfile_open(struct outfile *of, const char *name, const struct outfile_inputs *inputs);
/* Finish: flush, and put the output in place.  Returns 0, with the reason reported and the
 * old file left as it was, when something could not be written. */
int outfile_commit(struct outfile *of);
/* Give up (the output is incomplete): the target is left as it was. */
void outfile_abort(struct outfile *of);
/* A path a writer may write the whole output to by name (libxlsxwriter): the temporary
 * file, or when written through a private one that outfile_commit copies into the stream.
 * NULL (reported) when none can be made. */
const char *outfile_path(struct outfile *of);
/* Report that the output cannot be written (errno err) and give it up. */
void outfile_fail(struct outfile *of, int err);

/* At start: descriptors 0, 1 and 2 that are closed are held open on /dev/null the wrong way
 * round (writes to 1 and 2 fail as before, with EBADF), so that no file opened later takes
 * their place and receives results or messages; standard output that is not a terminal
 * becomes a stream whose first write error ends jixiao ("jixiao: write error: ..."). */
void outfile_stdio_begin(void);
/* At exit: flush and close standard output; on a write error say
 * "jixiao: write error: <reason>" and return 2, else `status`. */
int outfile_stdio_end(int status);

#endif
