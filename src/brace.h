/* brace.h - where a missing or extra '}' probably is, judged by indentation.
 *
 * A brace left out or typed once too often is found by the parser only where the nesting can no
 * longer go on: at the next 'test', at the end of the file, at a '}' with nothing to close,
 * often far below the mistake.  The parser hands every token to brace_token; on a syntax error
 * brace_note adds, once, a note that points at the likely culprit:
 *   - an opened block (indicator, grades, test …) inside which a line indented no deeper than
 *     the line that opened it starts something other than its '}': that block probably misses
 *     its '}';
 *   - a '}' first on its line that closes a block opened on a line indented less: that '}' is
 *     probably one too many;
 *   - failing both, at the end of the file, the innermost block still open.
 * Ownership: the tracker keeps a malloc'd stack; brace_free releases it.
 */
#ifndef JX_BRACE_H
#define JX_BRACE_H

#include <stdint.h>

struct diag;
struct source;
struct span;

enum brace_tok {
    BRACE_OTHER,    /* any other token */
    BRACE_KEYWORD,  /* a keyword that starts a block: indicator, bonus, from, grades, test */
    BRACE_OPEN,     /* '{' (also ｛) */
    BRACE_CLOSE,    /* '}' */
};

struct brace_block {
    uint32_t start, end;    /* what opened it: its keyword, else the first token of its line */
    uint32_t line;          /* line index (from 0) of what opened it */
    uint32_t indent;        /* display width of that line's indentation */
    int wide;               /* opened by ｛ (its '}' is then shown as ｝), not by { */
};

struct brace {
    const struct source *src;
    uint32_t line;              /* line index of the last token */
    uint32_t line_end;          /* where that line ends (the next one's start) */
    uint32_t indent;            /* indentation of that line */
    uint32_t first, first_end;  /* the first token of that line */
    uint32_t kw, kw_end;        /* the last block keyword since the last brace */
    uint32_t kw_line, kw_indent; /* its line, and that line's indentation */
    int has_kw, any;
    struct brace_block *open;   /* blocks not yet closed, innermost last */
    uint32_t nopen, cap;
    int suspect;                /* 0 none yet, 1 block missing its '}', 2 '}' one too many */
    struct brace_block blame;   /* the block (1), or the block the extra '}' closed (2) */
    uint32_t close;             /* the extra '}' (2) */
    int noted;                  /* a note was given: only one a file */
};

void brace_init(struct brace *b, const struct source *src);
void brace_token(struct brace *b, enum brace_tok kind, const struct span *at);
/* After a syntax error reported last to dg: attach the note, once a file, when the error is
 * of a kind a brace causes.  BRACE_MAYBE: a '}' or a statement where it cannot stand (note
 * only when the indentation points somewhere); BRACE_SURELY: the end of the file, or an item
 * that only stands at top level, inside a block (else the innermost block still open). */
enum brace_why { BRACE_UNRELATED, BRACE_MAYBE, BRACE_SURELY };
void brace_note(struct brace *b, struct diag *dg, uint32_t file, enum brace_why why);
/* 1 when the token at `at` (the last one given) starts its line, indented no deeper than the
 * line that opened the innermost block still open: it belongs outside that block, which
 * probably misses its '}'. */
int brace_outdented(const struct brace *b, const struct span *at);
void brace_free(struct brace *b);

#endif
