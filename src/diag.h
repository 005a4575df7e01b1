/* diag.h - rule-script diagnostics: FILE:LINE:COL: error: …, the source line and a caret,
 * or one JSON object a line for editors and CI (check --format json).
 *
 * Every diagnostic, error or warning, located or not, is written by one formatter (emit in
 * diag.c), in text or JSON.  Sources are registered once and kept for the life of the
 * struct diag, which owns their names and texts.
 */
#ifndef JX_DIAG_H
#define JX_DIAG_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include "msg.h"

struct span;

struct source {
    char *name;
    char *text;     /* NUL-terminated, BOM removed */
    size_t len;
    uint32_t bom;   /* bytes of BOM removed (offsets stay relative to text) */
    uint32_t *starts;   /* offset of each line's first byte: starts[0] == 0 */
    uint32_t nlines;
    uint64_t dev, ino;  /* the file's identity (0 for text not read from a file) */
};

enum { DIAG_MAX = 20 };     /* text: at most this many are printed (JSON: all) */
/* The largest rule script read (bytes): far above any real one (the biggest seed is 30 KB),
 * low enough that a wrong file is refused at once.  Positions are 32-bit offsets. */
enum { DIAG_MAX_SOURCE = 64 << 20 };

enum diag_severity { DIAG_ERROR, DIAG_WARNING };
enum diag_format { DIAG_TEXT, DIAG_JSON };

struct diag_entry {
    uint32_t file, off, end, seq;   /* file UINT32_MAX: no location */
    enum diag_severity severity;
    char *text;
    char *hint;                     /* "did you mean …?", or NULL */
    char *note;                     /* a note elsewhere in the file (brace.c), or NULL */
    uint32_t note_off;              /* … at this offset of the same file */
};

struct diag {
    struct diag_entry *pending;     /* errors with a location, printed sorted by diag_summary */
    uint32_t npending, cappending;
    struct source *files;
    uint32_t nfiles, cap;
    int nerrors;        /* errors found (all, printed or not) */
    int nwarnings;      /* warnings: never change an exit status */
    enum lang lang;
    enum diag_format format;
    FILE *out;          /* stderr (text), or stdout (JSON) */
    const char *script; /* the rule script being loaded: JSON names it for errors that have
                           no location (a base that cannot be read) */
};

void diag_init(struct diag *dg, enum lang lang, FILE *out);
void diag_free(struct diag *dg);
/* Register a source; takes ownership of text (malloc'd, NUL-terminated). */
uint32_t diag_add_source(struct diag *dg, const char *name, char *text, size_t len);
/* Read a regular file of at most DIAG_MAX_SOURCE bytes and register it; on failure (also a
 * directory, device or FIFO) reports the error and returns UINT32_MAX. */
uint32_t diag_load(struct diag *dg, const char *path);

/* Report an error at `at`: FILE:LINE:COL: error: <message>, the line, a caret.  Errors are
 * printed by diag_summary, in source order, at most DIAG_MAX of them. */
void diag_error(struct diag *dg, struct span at, enum msg_id id, ...);
/* The same with a message already formatted. */
void diag_error_text(struct diag *dg, struct span at, const char *text);
/* The same with a hint (M_DID_YOU_MEAN …): text shows "message; hint", JSON has "hint". */
void diag_error_hint(struct diag *dg, struct span at, const char *text, const char *hint);
/* A note at `at` (same file) attached to the error reported last: printed after it as
 * FILE:LINE:COL: note: …, the line, a caret; JSON gives the error a "note" object. */
void diag_note(struct diag *dg, struct span at, enum msg_id id, ...);
/* A warning at `at` (lint.c): FILE:LINE:COL: warning: …; never changes an exit status. */
void diag_warning(struct diag *dg, struct span at, enum msg_id id, ...);
/* An error with no location: "jixiao: error: <message>", printed at once. */
void diag_plain(struct diag *dg, enum msg_id id, ...);
/* Messages of the command line itself (not of a rule script), on standard error with
 * their text escaped for the terminal, in the language of cli_set_lang (main sets it from
 * the environment, then from --lang; English until then).  Set it before starting threads. */
void cli_set_lang(enum lang lang);
enum lang cli_lang(void);
/* "jixiao: error: <message>" */
void cli_error(enum msg_id id, ...);
/* "WHERE: error: <message>": a data file's error (WHERE: its name, name:LINE, ...) */
void cli_error_at(const char *where, enum msg_id id, ...);
/* "jixiao: warning: <message>" */
void cli_warning(enum msg_id id, ...);
/* "jixiao: <message>": usage errors and summaries, which are neither */
void cli_message(enum msg_id id, ...);
/* "jixiao: out of memory (N bytes)", written without allocating (mem.c) */
void cli_out_of_memory(size_t n);
/* Print the errors and warnings in source order, then "N errors" and "N warnings" when
 * there were any (text only: JSON is one object a diagnostic and nothing else). */
void diag_summary(struct diag *dg);

/* "FILE:LINE:COL" of a span, into buf. */
void diag_where(const struct diag *dg, struct span at, char *buf, size_t cap);
/* Line and column (both from 1, column in characters) of a byte offset; col may be NULL.
 * Lines end at "\n", "\r\n" or a lone "\r". */
/* The line (from 0) holding byte offset off of s: a binary search of its line-start table. */
uint32_t source_line(const struct source *s, uint32_t off);
void diag_linecol(const struct diag *dg, uint32_t file, uint32_t off, uint32_t *line, uint32_t *col);
/* The line (from 1) where a span starts. */
uint32_t diag_line(const struct diag *dg, struct span at);
/* Source text of a span. */
const char *diag_text(const struct diag *dg, struct span at, size_t *len);
/* Write text for a person (stderr, a terminal) with control and bidi characters escaped
 * visibly (utf8_escape_term): file names, data and script bytes in every message. */
void diag_put_term(FILE *f, const char *s, size_t len);
struct buf;
/* The same appended to out on one line: every run of white space made one space (reasons,
 * explain, diff quote rules this way). */
void diag_text_line(const struct diag *dg, struct span at, struct buf *out);

/* "did you mean": of the candidates considered, the nearest to `word` by edit distance over
 * code points, within 1 edit for candidates of one or two characters, 2 up to five, 3 beyond
 * (best NULL: none).  Start with {word, NULL, (size_t)-1}. */
struct diag_suggest {
    const char *word, *best;
    size_t dist;
};
void diag_consider(struct diag_suggest *sg, const char *cand);

#endif
