/* parse.h - the parser front end: one rule-script file in, a list of top-level AST items out.
 *
 * Wraps the flex scanner (grammar/lexer.l) and the bison parser (grammar/parser.y); both are
 * reentrant and share one struct parse_ctx.  Ownership: nodes go to ctx->ar (the rule set's
 * arena); the source text belongs to the caller's struct diag.
 */
#ifndef JX_PARSE_H
#define JX_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include "ast.h"
#include "diag.h"

enum { LEX_MAX_NEST = 1024 };   /* braces; the parser stack gives out first */

struct parse_ctx {
    struct arena *ar;
    struct diag *dg;
    uint32_t file;
    const char *src;
    size_t len;
    void *scanner;
    /* lexer state */
    uint32_t off;                   /* byte offset of the next token */
    char nest[LEX_MAX_NEST];        /* 'B' block brace, 'I' interpolation */
    int depth;
    int prev_tok;                   /* last token returned (contextual keywords) */
    int in_from;                    /* between 'from' and its '{' */
    int keep_comments;              /* return COMMENT tokens (jixiao fmt) */
    struct buf sbuf;                /* text of the string part being read */
    uint32_t str_start, part_start; /* string literal and current part */
    int str_parts;                  /* parts returned so far of this string */
    int str_fancy;                  /* closed by ” rather than " */
    /* result */
    struct ast *items;
};

/* Parse one file already registered with diag as `file`; returns the top-level items (NULL if
 * empty).  Errors go to ctx->dg; the caller checks diag_count. */
struct ast *parse_file(struct arena *ar, struct diag *dg, uint32_t file);

/* The scanner (grammar/lexer.l), called by the generated parser. */
union YYSTYPE;
int lex_open(struct parse_ctx *ctx);
int lex_next(union YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx);
void lex_close(struct parse_ctx *ctx);
/* A keyword token's spelling, English or Chinese (zh); NULL for other tokens. */
const char *lex_keyword_text(int tok, int zh);

#endif
