/* ast.c - constructors of syntax-tree nodes, one per grammar action. */
#include "ast.h"

#include <string.h>

struct ast *ast_new(struct arena *ar, enum ast_kind kind, struct span at)
{
    struct ast *n = arena_zalloc(ar, sizeof *n);
    n->kind = (uint8_t)kind;
    n->at = at;
    return n;
}

/* primary -> NUMBER | PERCENT */
struct ast *ast_num(struct arena *ar, double v, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_NUM, at);
    n->num = v;
    return n;
}

/* primary -> 'true' | 'false' */
struct ast *ast_bool(struct arena *ar, int v, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_BOOL, at);
    n->num = v != 0;
    return n;
}

/* string -> STRING; also names and fields, whose text is the token's */
struct ast *ast_str(struct arena *ar, const char *s, size_t len, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_STR, at);
    n->str = arena_strndup(ar, s, len);
    n->len = (uint32_t)len;
    return n;
}

/* string -> STRING; path steps, names of lets, bands, tests: the token's text, not copied */
struct ast *ast_text(struct arena *ar, struct word w)
{
    struct ast *n = ast_new(ar, AST_E_STR, w.at);
    n->str = w.str;
    n->len = w.len;
    return n;
}

/* The source text of `at` is filled in by check (the parser has the offsets only). */
struct ast *ast_source(struct arena *ar, struct span at)
{
    return ast_new(ar, AST_E_STR, at);
}

/* expr -> 'not' expr | '-' expr | postfix '[' '*' ']'; item -> 'id' expr | … */
struct ast *ast_unary(struct arena *ar, enum ast_kind kind, struct ast *a, struct span at)
{
    struct ast *n = ast_new(ar, kind, at);
    n->a = a;
    return n;
}

/* expr -> expr op expr */
struct ast *ast_binop(struct arena *ar, enum binop op, struct ast *a, struct ast *b, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_BIN, at);
    n->op = (uint8_t)op;
    n->a = a;
    n->b = b;
    return n;
}

struct ast *ast_node(struct arena *ar, enum ast_kind kind, struct ast *a, struct ast *b,
                     struct ast *c, struct span at)
{
    struct ast *n = ast_new(ar, kind, at);
    n->a = a;
    n->b = b;
    n->c = c;
    return n;
}

/* let -> 'let' NAME '=' expr; band -> name 'if' expr; test_item -> 'given' STRING; … */
struct ast *ast_named(struct arena *ar, enum ast_kind kind, struct word name, struct ast *a,
                      struct ast *b, struct span at)
{
    struct ast *n = ast_new(ar, kind, at);
    n->str = name.str;
    n->len = name.len;
    n->a = a;
    n->b = b;
    n->name_at = (struct ast_range){name.at.start, name.at.end};
    return n;
}

/* interp -> expr FMT: the format in str, and as an E_STR in c (for its span) */
struct ast *ast_fmt(struct arena *ar, struct ast *expr, struct word fmt, struct span at)
{
    struct ast *n = ast_node(ar, AST_E_FMT, expr, NULL, ast_text(ar, fmt), at);
    n->str = fmt.str;
    n->len = fmt.len;
    return n;
}

/* primary -> NAME */
struct ast *ast_name(struct arena *ar, struct word name, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_NAME, at);
    n->str = name.str;
    n->len = name.len;
    return n;
}

/* item -> 'precision' NUMBER */
struct ast *ast_precision(struct arena *ar, double digits, struct span num, struct span at)
{
    return ast_unary(ar, AST_S_PRECISION, ast_num(ar, digits, num), at);
}

/* item -> 'na' ('full' | 'rescale') */
struct ast *ast_na(struct arena *ar, int rescale, struct span at)
{
    struct ast *n = ast_new(ar, AST_S_NA, at);
    n->op = (uint8_t)rescale;
    return n;
}

/* weight -> [['-'] (NUMBER | PERCENT)] */
struct weight_lit ast_weight(double num, int wkind, int negative, struct span at)
{
    return (struct weight_lit){negative ? -num : num, at, (uint8_t)wkind};
}

/* indicator -> 'indicator' path [weight] '{' body '}': the name, the weight and where they
 * are kept in the node itself (the path's steps only when it has dots) */
struct ast *ast_indicator(struct arena *ar, struct ast_path path, struct weight_lit weight,
                          struct ast *body, struct span at)
{
    struct ast *n = ast_new(ar, AST_S_INDICATOR, at);
    n->a = path.steps.head;
    n->str = path.last.str;
    n->len = path.last.len;
    n->name_at = (struct ast_range){path.last.at.start, path.last.at.end};
    n->weight_at = (struct ast_range){weight.at.start, weight.at.end};
    n->weight = weight.num;
    n->op = (uint8_t)(weight.kind << IND_WKIND_SHIFT);
    n->kids = body;
    return n;
}

/* bonus -> 'bonus' path weight '{' body '}' */
struct ast *ast_bonus(struct arena *ar, struct ast_path path, struct weight_lit weight,
                      struct ast *body, struct span at)
{
    struct ast *n = ast_indicator(ar, path, weight, body, at);
    n->op |= IND_BONUS;
    return n;
}

struct span ast_name_at(const struct ast *ind)
{
    return (struct span){ind->at.file, ind->name_at.start, ind->name_at.end};
}

struct span ast_weight_at(const struct ast *ind)
{
    if (ast_wkind(ind) == W_NONE)
        return ast_name_at(ind);
    return (struct span){ind->at.file, ind->weight_at.start, ind->weight_at.end};
}

/* item -> 'drop' path */
struct ast *ast_drop(struct arena *ar, struct ast_path path, struct span at)
{
    return ast_unary(ar, AST_S_DROP, ast_path_nodes(ar, path), at);
}

/* from -> 'from' expr ['group' expr] 'name' expr 'weight' expr '{' body '}' */
struct ast *ast_from(struct arena *ar, struct ast *array, struct ast *group, struct ast *name,
                     struct ast *weight, struct ast *body, struct span at)
{
    struct ast *row = ast_node(ar, AST_S_ROW, name, weight, NULL, at);
    return ast_with_kids(ast_node(ar, AST_S_FROM, array, group, row, at), body);
}

/* primary -> ('score' | 'ratio') '(' path ')' */
struct ast *ast_score_of(struct arena *ar, int ratio, struct ast_path path, struct span at)
{
    struct ast *n = ast_unary(ar, AST_E_SCOREOF, ast_path_nodes(ar, path), at);
    n->op = (uint8_t)ratio;
    return n;
}

/* test_item -> 'expect' 'grades' op expr */
struct ast *ast_expect_grade(struct arena *ar, enum binop op, struct ast *want, struct span kw,
                             struct span at)
{
    struct ast *grade = ast_new(ar, AST_E_NAME, kw);
    grade->str = "grade";
    grade->len = 5;
    struct span cmp = {at.file, kw.start, at.end};
    return ast_unary(ar, AST_S_EXPECT, ast_binop(ar, op, grade, want, cmp), at);
}

/* The root of every $name path: one node for them all (a big rule set reads data in nearly
 * every leaf).  Never written to, so it is shared by every rule set, and thread; it has no
 * span of its own: where one is needed (check.c's messages), its field's is the same. */
static struct ast data_root = {.kind = AST_E_ROOT};

struct ast *ast_data_root(void)
{
    return &data_root;
}

/* primary -> DFIELD */
struct ast *ast_data_field(struct arena *ar, struct word name, struct span at)
{
    return ast_field(ar, &data_root, name, at);
}

/* postfix -> postfix FIELD | postfix '.' STRING; primary -> DOTFIELD */
struct ast *ast_field(struct arena *ar, struct ast *obj, struct word name, struct span at)
{
    struct ast *n = ast_new(ar, AST_E_FIELD, at);
    n->a = obj;
    n->str = name.str;
    n->len = name.len;
    return n;
}

/* primary -> NAME '(' args ')' */
struct ast *ast_call(struct arena *ar, struct word name, struct ast *args, struct span at)
{
    struct ast *n = ast_name(ar, name, at);     /* no c: check.c finds the name's span */
    n->kind = AST_E_CALL;
    n->kids = args;
    return n;
}

/* primary -> 'case' [expr] arm {arm} ['else' expr] 'end' */
struct ast *ast_case(struct arena *ar, struct ast *subject, struct ast *arms, struct ast *otherwise,
                     struct span at)
{
    struct ast *n = ast_node(ar, AST_E_CASE, subject, NULL, otherwise, at);
    n->kids = arms;
    return n;
}

/* A text part of an interpolated string: none when it is empty ("{x}" has two), as
 * ast_seq_add leaves out. */
static struct ast *text_part(struct arena *ar, struct word w)
{
    return w.len ? ast_text(ar, w) : NULL;
}

/* string -> ISTR_HEAD interps ISTR_TAIL: kids are its text and E_FMT parts, in order */
struct ast *ast_interp(struct arena *ar, struct word head, struct ast_seq parts, struct word tail,
                       struct span at)
{
    struct ast *n = ast_new(ar, AST_E_INTERP, at);
    struct ast_seq kids = ast_seq_add(AST_SEQ_EMPTY, text_part(ar, head));
    kids = ast_seq_add(kids, parts.head);       /* the whole chain of parts */
    n->kids = ast_seq_add(kids, text_part(ar, tail)).head;
    return n;
}

/* item -> 'test' STRING '{' tests '}' */
struct ast *ast_test(struct arena *ar, struct word name, struct ast *items, struct span at)
{
    struct ast *n = ast_named(ar, AST_S_TEST, name, NULL, NULL, at);
    n->kids = items;
    return n;
}

/* Lists grow at the end, one item at a time, and the parser keeps each list's tail beside
 * its head (struct ast_seq): appending stays O(1) however long an indicator body or script
 * is, and no node spends a field on it. */
struct ast_seq ast_seq_add(struct ast_seq list, struct ast *item)
{
    if (!item)
        return list;
    struct ast *tail = item;
    while (tail->next)
        tail = tail->next;
    if (list.tail)
        list.tail->next = item;
    else
        list.head = item;
    list.tail = tail;
    return list;
}

struct ast_path ast_path_step(struct arena *ar, struct ast_path path, struct word step)
{
    if (path.last.str && !path.steps.head)      /* a second step: the first becomes a node */
        path.steps = ast_seq_add(path.steps, ast_text(ar, path.last));
    if (path.steps.head)
        path.steps = ast_seq_add(path.steps, ast_text(ar, step));
    path.last = step;
    return path;
}

struct ast *ast_path_nodes(struct arena *ar, struct ast_path path)
{
    return path.steps.head ? path.steps.head : ast_text(ar, path.last);
}

struct ast_seq ast_interp_part(struct arena *ar, struct ast_seq parts, struct word mid,
                               struct ast *part)
{
    return ast_seq_add(ast_seq_add(parts, text_part(ar, mid)), part);
}

struct ast *ast_with_kids(struct ast *node, struct ast *kids)
{
    node->kids = kids;
    return node;
}

int ast_count(const struct ast *list)
{
    int n = 0;
    for (; list; list = list->next)
        n++;
    return n;
}
