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
#include "brace.h"
#include "diag.h"

enum { LEX_MAX_NEST = 1024 };   /* braces; the parser stack gives out first */
enum { LEX_MAX_STR = 32 };      /* strings inside interpolations inside strings */

/* The string literal being read. */
struct lex_str {
    uint32_t start;                 /* its opening quote */
    int parts;                      /* parts returned so far */
    int fancy;                      /* opened by “ (closed by ”) rather than " */
    int inner;                      /* inner “ not yet closed by ” (text, §10) */
    uint32_t other;                 /* 1 + offset of the first quote of the other kind */
};

/* Names and strings already read, each kept once in the arena: a name used a thousand times
 * (a data field, a function, a let), or a reason, costs its bytes once.  Open addressing;
 * freed by lex_close. */
struct lex_name {
    const char *s;
    uint32_t len, hash;
};

struct parse_ahead;                 /* parser.y */

struct parse_ctx {
    struct arena *ar;
    struct diag *dg;
    uint32_t file;
    const char *src;
    size_t len;
    size_t given;                   /* bytes of src handed to the scanner so far */
    void *scanner;
    /* lexer state */
    uint32_t off;                   /* byte offset of the next token */
    char nest[LEX_MAX_NEST];        /* 'B' block brace, 'I' interpolation */
    int depth;
    int prev_tok;                   /* last token returned (contextual keywords) */
    int in_from;                    /* between 'from' and its '{' */
    int keep_comments;              /* return COMMENT tokens (jixiao fmt) */
    struct buf sbuf;                /* text of the string part being read */
    struct lex_str str;             /* the string literal being read */
    struct lex_str outer[LEX_MAX_STR];  /* strings around the interpolations being read */
    int nouter;
    uint32_t part_start;            /* the current part of the string */
    struct brace brace;             /* where a missing or extra '}' probably is (brace.c) */
    int lost_open;                  /* '{' thrown away by error recovery: as many '}' will
                                     * come with nothing to close, not mistakes of their own */
    int closing;                    /* '}' (1) then close_tok (2) next: parser.y close_block */
    int close_tok;                  /* the keyword of a top-level item found inside a block */
    struct span close_at;           /* … where it is */
    uint32_t close_for;             /* 1 + its offset, once found inside a block */
    uint32_t close_passed;          /* 1 + offset of the last such '}' (parser.y: lost_close) */
    int take_block;                 /* the last syntax error was at a name: recovery takes the
                                     * block after it as an indicator body (parser.y) */
    int tok_last, tok_before;       /* the token read last and the one before it (parser.y) */
    uint32_t last_at;               /* where the token read last starts */
    uint32_t tokens;                /* tokens read so far (parser.y) */
    uint32_t err_at, err_tokens;    /* the last syntax error: where its token starts, and
                                     * tokens read when it was found */
    int err_again;                  /* a second error at that token (parser.y) */
    int *errstatus;                 /* the parser's yyerrstatus, while the token after a
                                     * recovery is awaited (parser.y: resync) */
    int resync_list;                /* … and the kind of list it is in */
    int *recovering;                /* the parser's yyerrstatus, always (parser.y) */
    int stray;                      /* the scanner reported and skipped a character since
                                     * the last token (lexer.l: stray) */
    int after_stray;                /* … before the token read last */
    int in_grades;                  /* the tokens are a grades block's (parser.y: lex_track) */
    struct parse_ahead *ahead;      /* a token read ahead of the parser (parser.y) */
    struct lex_name *names;         /* names read so far (lexer.l: intern) */
    uint32_t nnames, capnames;      /* capnames: a power of two, or 0 */
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
