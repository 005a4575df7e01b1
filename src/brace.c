/* brace.c - where a missing or extra '}' probably is, judged by indentation (see brace.h). */
#include "brace.h"

#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "diag.h"
#include "mem.h"
#include "utf8.h"

enum { TAB_WIDTH = 4 };     /* what the editors policy staff use show a tab as */

void brace_init(struct brace *b, const struct source *src)
{
    memset(b, 0, sizeof *b);
    b->src = src;
}

void brace_free(struct brace *b)
{
    free(b->open);
    b->open = NULL;
    b->nopen = b->cap = 0;
}

/* Display width of the white space that starts line `line` (up to `upto`, its first token). */
static uint32_t indent_of(const struct source *s, uint32_t line, uint32_t upto)
{
    uint32_t w = 0;
    for (uint32_t i = s->starts[line]; i < upto && i < s->len;) {
        uint32_t cp;
        int n = utf8_decode(s->text + i, s->len - i, &cp);
        if (n <= 0)
            break;
        w = cp == '\t' ? (w / TAB_WIDTH + 1) * TAB_WIDTH : w + (cp == ' ' ? 1 : (uint32_t)utf8_width(cp));
        i += (uint32_t)n;
    }
    return w;
}

static void suspect(struct brace *b, int kind, const struct brace_block *blame, uint32_t close)
{
    b->suspect = kind;
    b->blame = *blame;
    b->close = close;
}

/* The line of offset off.  Tokens come in order, so the search starts at the last token's
 * line and moves on line by line: O(1) a token, not a binary search each time. */
static uint32_t line_of(const struct brace *b, uint32_t off)
{
    const struct source *s = b->src;
    uint32_t line = b->line;
    if (off < s->starts[line])
        return source_line(s, off);     /* not in order after all: search */
    while (line + 1 < s->nlines && s->starts[line + 1] <= off)
        line++;
    return line;
}

void brace_token(struct brace *b, enum brace_tok kind, const struct span *at)
{
    if (kind == BRACE_OTHER && b->any && at->start < b->line_end
        && at->start >= b->src->starts[b->line])
        return;     /* most tokens: neither a brace nor first on their line */
    uint32_t line = line_of(b, at->start);
    int first = !b->any || line != b->line;
    b->any = 1;
    if (first) {
        b->line = line;
        b->line_end = line + 1 < b->src->nlines ? b->src->starts[line + 1] : UINT32_MAX;
        b->indent = indent_of(b->src, line, at->start);
        b->first = at->start;
        b->first_end = at->end;
    }
    /* A line that starts inside a block but is indented no deeper than the line that opened
     * it: only the block's own '}' may stand there. */
    if (first && !b->suspect && b->nopen > 0) {
        const struct brace_block *top = &b->open[b->nopen - 1];
        if (kind == BRACE_CLOSE && b->indent > top->indent)
            suspect(b, 2, top, at->start);      /* closes a block opened further left */
        else if (kind == BRACE_CLOSE ? b->indent < top->indent
                                     : b->indent <= top->indent)
            suspect(b, 1, top, 0);
    }
    switch (kind) {
    case BRACE_KEYWORD:
        b->kw = at->start;
        b->kw_end = at->end;
        b->kw_line = line;
        b->kw_indent = b->indent;
        b->has_kw = 1;
        break;
    case BRACE_OPEN: {
        struct brace_block blk = {b->first, b->first_end, line, b->indent,
                                  b->src->text[at->start] != '{'};
        if (b->has_kw) {
            blk.start = b->kw;
            blk.end = b->kw_end;
            blk.line = b->kw_line;      /* '{' alone on the next line: the keyword's line */
            blk.indent = b->kw_indent;
        }
        VEC_PUSH(b->open, b->nopen, b->cap, blk);
        b->has_kw = 0;
        break;
    }
    case BRACE_CLOSE:
        if (b->nopen > 0)
            b->nopen--;
        b->has_kw = 0;
        break;
    case BRACE_OTHER:
        break;
    }
}

void brace_note(struct brace *b, struct diag *dg, uint32_t file, enum brace_why why)
{
    if (b->noted || why == BRACE_UNRELATED)
        return;
    if (!b->suspect) {
        if (why != BRACE_SURELY || b->nopen == 0)
            return;
        suspect(b, 1, &b->open[b->nopen - 1], 0);   /* no clue from indentation */
    }
    b->noted = 1;
    struct span what = {file, b->blame.start, b->blame.end};
    size_t len;
    const char *t = diag_text(dg, what, &len);
    size_t n = len > 40 ? 40 : len;
    while (n > 0 && n < len && (t[n] & 0xC0) == 0x80)
        n--;    /* do not cut a character in two */
    char word[64];
    snprintf(word, sizeof word, "%.*s", (int)n, t);
    /* the braces as the script writes them: } or ｝ (U+FF5D, 3 bytes) */
    static const char *const closer[] = {"}", "\xEF\xBD\x9D"};
    if (b->suspect == 1) {
        diag_note(dg, what, M_NOTE_UNCLOSED, word, closer[b->blame.wide]);
    } else {
        int wide = b->src->text[b->close] != '}';
        struct span close = {file, b->close, b->close + (uint32_t)strlen(closer[wide])};
        diag_note(dg, close, M_NOTE_EXTRA, closer[wide], word, b->blame.line + 1);
    }
}

int brace_outdented(const struct brace *b, const struct span *at)
{
    return b->nopen > 0 && b->first == at->start && b->indent <= b->open[b->nopen - 1].indent;
}
