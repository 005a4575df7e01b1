/* fmt.c - the formatter: the token stream of a script printed again, keeping its lines and
 * comments.  Parsing first guarantees that only well-formed scripts are rewritten. */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "parser.h"
#include "ruleset.h"

struct tok {
    int kind;
    struct span at;
};

enum { JSON_TEXT = -2 };    /* a `with` object, kept as written */

/* The tokens of the file's bytes [start, end) (a well-formed part: the file, a rule), with
 * their offsets in the file; comments too when asked. */
static struct tok *tokens(struct diag *dg, uint32_t file, uint32_t start, uint32_t end,
                          int comments, struct arena *ar, size_t *n)
{
    struct parse_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.ar = ar;
    ctx.dg = dg;
    ctx.file = file;
    ctx.src = dg->files[file].text + start;
    ctx.len = end - start;
    ctx.off = start;
    ctx.keep_comments = comments;
    struct tok *v = NULL;
    size_t cap = 0;
    *n = 0;
    if (!lex_open(&ctx))
        return NULL;
    for (;;) {
        YYSTYPE val;
        struct span at;
        int k = lex_next(&val, &at, &ctx);
        if (k <= 0)
            break;
        VEC_PUSH(v, *n, cap, ((struct tok){k, at}));
    }
    lex_close(&ctx);
    return v;
}

static const char *text(struct diag *dg, struct span at, size_t *len)
{
    return diag_text(dg, at, len);
}

/* Tokens after which an operand ends (so a following '-' is binary, '(' '[' bind). */
static int ends_operand(int k)
{
    return k == NAME || k == NUMBER || k == PERCENT || k == DFIELD || k == DOTFIELD
           || k == STRING || k == ISTR_TAIL || k == ')' || k == ']' || k == '$' || k == '.'
           || k == KW_SCORE || k == KW_WEIGHT || k == KW_RATIO || k == KW_TRUE
           || k == KW_FALSE || k == KW_NULL || k == KW_END;
}

static int has(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

/* A string literal from its opening to its closing quote, in the chosen quotes. */
static void put_string(struct buf *out, const char *s, size_t n, int zh)
{
    int fancy = n >= 6 && memcmp(s, "\xE2\x80\x9C", 3) == 0;
    size_t open = fancy ? 3 : 1, close = fancy ? 3 : 1;
    const char *body = s + open;
    size_t blen = n >= open + close ? n - open - close : 0;
    /* a string whose {…} hold strings of their own keeps its quotes in both styles (below),
     * so that --style zh then --style en gives the script back */
    int nested = has(body, blen, "{") && has(body, blen, "\"");
    if (zh && !fancy && !nested && !has(body, blen, "\\\"") && !has(body, blen, "\xE2\x80\x9D")) {
        buf_adds(out, "\xE2\x80\x9C");
        buf_add(out, body, blen);
        buf_adds(out, "\xE2\x80\x9D");
        return;
    }
    /* a “…” whose {…} hold strings of their own stays as written: escaping their quotes
     * would break them (found by fuzz_script) */
    if (!zh && fancy && !nested) {
        buf_addc(out, '"');
        for (size_t i = 0; i < blen; i++) {     /* a " inside “…” is text: escape it */
            if (body[i] == '"')
                buf_addc(out, '\\');
            buf_addc(out, body[i]);
        }
        buf_addc(out, '"');
        return;
    }
    buf_add(out, s, n);
}

/* Whether byte b may go on a word (a name or keyword): an ASCII letter, digit or '_', or a byte
 * of a UTF-8 character (the lexer reads most of them as name characters). */
static int wordish(unsigned char b)
{
    return b >= 0x80 || b == '_' || (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/* A string with {…} parts, tokens v[head..tail]: as written, but for the keywords in its {…}
 * (the lexer's keyword tokens: not fields, names or the strings inside), which are spelled in
 * the chosen style.  A keyword whose new spelling would touch a word is set apart by a space
 * (whitespace between the tokens of a {…} is insignificant), so it is read back the same. */
static void put_interpolated(struct buf *out, struct diag *dg, const struct tok *v, size_t head,
                             size_t tail, int zh)
{
    struct buf b = {0};
    const char *src = dg->files[v[head].at.file].text;
    uint32_t at = v[head].at.start;
    for (size_t k = head + 1; k < tail; k++) {
        const char *kw = lex_keyword_text(v[k].kind, zh);
        size_t n = kw ? strlen(kw) : 0;
        struct span w = v[k].at;
        if (!kw || (w.end - w.start == n && memcmp(src + w.start, kw, n) == 0))
            continue;
        buf_add(&b, src + at, w.start - at);
        if (w.start > 0 && wordish((unsigned char)src[w.start - 1]))
            buf_addc(&b, ' ');
        buf_add(&b, kw, n);
        if (wordish((unsigned char)src[w.end]))
            buf_addc(&b, ' ');
        at = w.end;
    }
    buf_add(&b, src + at, v[tail].at.end - at);
    put_string(out, buf_data(&b), b.len, zh);
    buf_free(&b);
}

/* One token as it is printed. */
static void put_token(struct buf *out, struct diag *dg, const struct tok *t, int zh)
{
    size_t n;
    const char *s = text(dg, t->at, &n);
    const char *kw = lex_keyword_text(t->kind, zh);
    if (kw) {
        buf_adds(out, kw);
        return;
    }
    switch (t->kind) {
    case EQ: buf_adds(out, "=="); return;
    case NE: buf_adds(out, "!="); return;
    case LE: buf_adds(out, "<="); return;
    case GE: buf_adds(out, ">="); return;
    case COAL: buf_adds(out, "??"); return;
    case STRING: put_string(out, s, n, zh); return;
    case JSON_TEXT: buf_add(out, s, n); return;
    case DFIELD:
    case DOTFIELD: {
        /* ＄ ￥ ． written in full width: the ASCII symbol, then the name as written */
        size_t k = (unsigned char)s[0] < 0x80 ? 1 : 3;
        buf_addc(out, t->kind == DFIELD ? '$' : '.');
        buf_add(out, s + k, n - k);
        return;
    }
    case PERCENT:
        if (n >= 3 && (unsigned char)s[n - 1] == 0x85) {
            buf_add(out, s, n - 3);
            buf_addc(out, '%');
            return;
        }
        break;
    default:
        if (t->kind > 0 && t->kind < 128) {     /* punctuation, perhaps full width */
            buf_addc(out, (char)t->kind);
            return;
        }
        break;
    }
    buf_add(out, s, n);
}

/* Whether `.` at `dot` (between `prev` and `next`) steps into a quoted name: a path step
 * (投入.预算配置."‘三公’经费") or a data key ($预算."年初 预算"), written close as a path is. */
static int quoted_step(const struct tok *prev, const struct tok *dot, const struct tok *next)
{
    return prev && dot->kind == '.' && next && next->kind == STRING && ends_operand(prev->kind)
           && prev->kind != KW_SCORE && prev->kind != KW_WEIGHT && prev->kind != KW_RATIO;
}

/* Whether a space goes between two tokens on one line. */
static int spaced(const struct tok *before_prev, const struct tok *prev, const struct tok *cur,
                  const struct tok *next, int prev_starts)
{
    int p = prev->kind, c = cur->kind;
    if (c == COMMENT)
        return 1;
    if (quoted_step(prev, cur, next) || quoted_step(before_prev, prev, cur))
        return 0;
    if (p == '(' || p == '[' || c == ')' || c == ']' || c == ',')
        return 0;
    if (c == DOTFIELD)                  /* $a.b, but where .完成 and from … weight .分值 */
        return !ends_operand(p) || p == KW_WEIGHT;
    if (c == '(' && (p == KW_SCORE || p == KW_RATIO))  /* score(产出指标), but `score (a + b)` */
        return p == KW_SCORE && (prev_starts || (before_prev && before_prev->kind == '{'));
    if (c == '(')
        return p != NAME;               /* a call: min(… */
    if (c == '[')
        return !ends_operand(p);        /* an index: $a[0] */
    if (p == '-' && (!before_prev || !ends_operand(before_prev->kind)))
        return 0;                       /* unary minus */
    return 1;
}

/* The index of the token closing the one opened at i (the last token if none does). */
static size_t closing(const struct tok *v, size_t n, size_t i, int open, int close)
{
    int nest = 0;
    for (size_t j = i; j < n; j++) {
        nest += v[j].kind == open;
        nest -= v[j].kind == close;
        if (nest == 0)
            return j;
    }
    return n - 1;
}

/* A line that goes on with the statement of the line before (`: "reason"`, `and …`, `if …`
 * after an amount) sits one step in, as written in the rule sets. */
static int continues(const struct tok *prev, const struct tok *t)
{
    switch (t->kind) {
    case ':': case KW_AND: case KW_OR: case COAL: case KW_WHERE: case KW_MAP: case '+':
    case '*': case '/':
        return 1;
    case KW_IF:
        return prev && ends_operand(prev->kind);
    default:
        return 0;
    }
}

/* A string with {…} parts (from its head to its tail: put_interpolated prints it) as one token;
 * *i moves to its tail. */
static struct tok whole_string(const struct tok *v, size_t n, size_t *i)
{
    struct tok t = v[*i];
    if (t.kind == ISTR_HEAD) {
        *i = closing(v, n, *i, ISTR_HEAD, ISTR_TAIL);
        t.kind = STRING;
        t.at.end = v[*i].at.end;
    }
    return t;
}

/* `expect grade == …` and `expect errors …` in the chosen style (NULL: any other token): grade
 * and errors are names, which test blocks also take in Chinese: 错误, and 等级, the keyword
 * grades (so only before == and !=, as the grammar has it). */
static const char *expect_word(struct diag *dg, const struct tok *prev, const struct tok *t,
                               const struct tok *next, int zh)
{
    if (!prev || prev->kind != KW_EXPECT || !next)
        return NULL;
    int eq = next->kind == EQ || next->kind == NE;
    if (t->kind == KW_GRADES)
        return zh ? "等级" : "grade";
    if (t->kind != NAME || !(eq || next->kind == '<' || next->kind == '>' || next->kind == LE
                             || next->kind == GE))
        return NULL;
    size_t n;
    const char *s = text(dg, t->at, &n);
    if (eq && n == 5 && memcmp(s, "grade", 5) == 0)
        return zh ? "等级" : "grade";
    if ((n == 6 && memcmp(s, "errors", 6) == 0) || (n == 6 && memcmp(s, "错误", 6) == 0))
        return zh ? "错误" : "errors";
    return NULL;
}

/* Token t as it is printed: v[i], or the string v[head..i] with {…} parts; prev: the token
 * before it. */
static void put(struct buf *out, struct diag *dg, const struct tok *v, size_t n, size_t head,
                size_t i, const struct tok *t, const struct tok *prev, int zh)
{
    const char *w;
    if (head < i && v[head].kind == ISTR_HEAD)
        put_interpolated(out, dg, v, head, i, zh);
    else if ((w = expect_word(dg, prev, t, i + 1 < n ? &v[i + 1] : NULL, zh)))
        buf_adds(out, w);
    else
        put_token(out, dg, t, zh);
}

/* The script's own style: Chinese when most of its keywords are written in Chinese. */
static int own_style(struct diag *dg, const struct tok *v, size_t n)
{
    long score = 0;
    for (size_t i = 0; i < n; i++) {
        const char *zh = lex_keyword_text(v[i].kind, 1);
        if (zh) {
            size_t len;
            const char *s = text(dg, v[i].at, &len);
            score += strlen(zh) == len && memcmp(zh, s, len) == 0 ? 1 : -1;
        }
    }
    return score > 0;
}

int fmt_file(struct diag *dg, uint32_t file, int zh, struct buf *out)
{
    struct arena ar;
    arena_init(&ar);
    int before = dg->nerrors;
    parse_file(&ar, dg, file);
    if (dg->nerrors > before) {
        arena_free(&ar);
        return 0;
    }
    size_t n;
    struct tok *v = tokens(dg, file, 0, (uint32_t)dg->files[file].len, 1, &ar, &n);
    if (zh < 0)
        zh = own_style(dg, v, n);
    int depth = 0, cases = 0;   /* braces, and case … end open across lines */
    uint32_t line = 0;
    const struct tok *prev = NULL, *before_prev = NULL;
    int starts = 0, prev_starts = 0;    /* the token (the one before) is first on its line */
    for (size_t i = 0; i < n; i++) {
        size_t head = i;
        struct tok t = whole_string(v, n, &i);
        /* the JSON text after `with`: as written (it is JSON, not our syntax) */
        if (t.kind == '{' && prev && prev->kind == KW_WITH) {
            i = closing(v, n, i, '{', '}');
            t.kind = JSON_TEXT;
            t.at.end = v[i].at.end;
        }
        uint32_t l = diag_line(dg, t.at);
        if (t.kind == '}')
            depth = depth > 0 ? depth - 1 : 0;
        prev_starts = starts;
        starts = !prev || l > line;
        if (starts) {
            if (prev)
                buf_add(out, l > line + 1 ? "\n\n" : "\n", l > line + 1 ? 2 : 1);
            /* the when/else lines of a case spread over lines sit one step in; its end not */
            int indent = depth + cases - (t.kind == KW_END && cases > 0) + continues(prev, &t);
            for (int d = 0; d < indent; d++)
                buf_add(out, "  ", 2);
        } else if (spaced(before_prev, prev, &t, i + 1 < n ? &v[i + 1] : NULL, prev_starts))
            buf_add(out, t.kind == COMMENT ? "  " : " ", t.kind == COMMENT ? 2 : 1);
        put(out, dg, v, n, head, i, &t, prev, zh);
        if (t.kind == '{')
            depth++;
        cases += t.kind == KW_CASE;
        cases -= t.kind == KW_END && cases > 0;
        /* the line of a token that spans lines is its last one */
        uint32_t end_line;
        diag_linecol(dg, t.at.file, t.at.end > t.at.start ? t.at.end - 1 : t.at.start, &end_line,
                     NULL);
        line = end_line;
        before_prev = prev;
        prev = &v[i];
        v[i] = t;
    }
    if (n)
        buf_addc(out, '\n');
    free(v);
    arena_free(&ar);
    return 1;
}

/* fmt_style and fmt_span lex text that was parsed already: the lexer reports nothing into
 * dg (so explain's workers may do it at once). */
int fmt_style(const struct diag *cdg, uint32_t file)
{
    struct diag *dg = (struct diag *)cdg;
    struct arena ar;
    arena_init(&ar);
    size_t n;
    struct tok *v = tokens(dg, file, 0, (uint32_t)dg->files[file].len, 0, &ar, &n);
    int zh = own_style(dg, v, n);
    free(v);
    arena_free(&ar);
    return zh;
}

void fmt_span(const struct diag *cdg, struct span at, int statement, int zh, struct buf *out)
{
    struct diag *dg = (struct diag *)cdg;
    struct arena ar;
    arena_init(&ar);
    size_t n;
    struct tok *v = tokens(dg, at.file, at.start, at.end, 0, &ar, &n);
    const struct tok *prev = NULL, *before_prev = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t head = i;
        struct tok t = whole_string(v, n, &i);
        if (prev && spaced(before_prev, prev, &t, i + 1 < n ? &v[i + 1] : NULL,
                           statement && !before_prev))
            buf_addc(out, ' ');
        put(out, dg, v, n, head, i, &t, prev, zh);
        before_prev = prev;
        v[i] = t;
        prev = &v[i];
    }
    free(v);
    arena_free(&ar);
}
