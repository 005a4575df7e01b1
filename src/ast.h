/* ast.h - syntax tree of a rule script: node kinds, spans and constructors.
 *
 * Ownership: every node and string lives in the arena of the rule set being parsed and is
 * freed with it (but the root of $name paths, ast_data_root: one static node, never written
 * to); constructors never fail.  Lists (indicator bodies, arguments, case arms) are
 * chained through `next`.
 */
#ifndef JX_AST_H
#define JX_AST_H

#include <stdint.h>
#include <stdbool.h>
#include "mem.h"

/* A piece of source: byte offsets [start, end) into file `file` of the rule set (a rule set
 * has at most a few dozen files: its script and the bases it extends).  Ten bytes, aligned to
 * two, so that a node's kind and op fill the two before it (struct ast): every node of a big
 * rule set carries one. */
struct __attribute__((packed, aligned(2))) span {
    uint16_t file;
    uint32_t start, end;
};

/* ORDER AST_KINDS: one line a node kind; a, b, c, kids say what the children hold. */
#define AST_KINDS(X)                                                             \
    /* expressions */                                                            \
    X(E_NUM)      /* num */                                                     \
    X(E_STR)      /* str (unescaped) */                                         \
    X(E_INTERP)   /* kids: E_STR (never empty) and E_FMT parts of "…{x}…" */   \
    X(E_FMT)      /* a: expression, str: format ("", "%", ".2"), c: its E_STR */\
    X(E_BOOL)     /* num: 0 or 1 */                                             \
    X(E_NULL)     /*  */                                                        \
    X(E_ROOT)     /* $ */                                                       \
    X(E_ELEM)     /* . inside where */                                          \
    X(E_FIELD)    /* a.str */                                                   \
    X(E_INDEX)    /* a[b] */                                                    \
    X(E_SPREAD)   /* a[*] */                                                    \
    X(E_NAME)     /* str; check turns it into one of the next four */           \
    X(E_LET)      /* ref: struct binding of a let */                            \
    X(E_CONST)    /* ref: struct binding of a const */                          \
    X(E_WEIGHT)   /* ref: struct indicator (NULL: top level, the max) */        \
    X(E_SCORE)    /* ref: struct indicator (NULL: the total) */                 \
    X(E_RATIO)    /* ref: struct indicator (NULL: total / max) */               \
    X(E_CALL)     /* str: function, kids: arguments, op: builtin */             \
    X(E_NEG)      /* -a */                                                      \
    X(E_NOT)      /* not a */                                                   \
    X(E_BIN)      /* a op b, op an enum binop */                                \
    X(E_AND)      /* a and b */                                                 \
    X(E_OR)       /* a or b */                                                  \
    X(E_COAL)     /* a ?? b */                                                  \
    X(E_IF)       /* if a then b else c */                                      \
    X(E_CASE)     /* case [a] kids: E_WHEN… else c */                           \
    X(E_WHEN)     /* when a then b */                                           \
    X(E_WHERE)    /* a where b */                                               \
    X(E_MAP)      /* a map b: b for each element of a */                        \
    X(E_SCOREOF)  /* score(PATH), ratio(PATH): a path (E_STR list), op 1 ratio, \
                     ref: struct indicator (check.c) */                         \
    /* statements */                                                             \
    X(S_RULESET)  /* str: name, a: version (E_STR), b: extends (E_STR) */       \
    X(S_ID)       /* a */                                                       \
    X(S_PRECISION)/* num */                                                     \
    X(S_NA)       /* op: 0 full, 1 rescale */                                   \
    X(S_SELFSCORE)/* a */                                                       \
    X(S_CONST)    /* str = a */                                                 \
    X(S_LET)      /* str = a */                                                 \
    X(S_INDICATOR)/* str: name, weight, weight_at, op: IND_*, kids: body;      \
                     a: path (E_STR list) if written with dots */               \
    X(S_SCORE)    /* a, c: reason or NULL */                                    \
    X(S_DEDUCT)   /* a: amount, b: condition or NULL, c: reason or NULL */      \
    X(S_FAIL)     /* b: condition or NULL, c: reason or NULL */                 \
    X(S_SKIP)     /* b: condition or NULL, c: reason or NULL */                 \
    X(S_NOTE)     /* a: text, b: condition or NULL */                           \
    X(S_GRADES)   /* kids: S_BAND */                                            \
    X(S_BAND)     /* str: grade, b: condition or NULL (otherwise), a: reason */ \
    X(S_DROP)     /* a: path (E_STR list) */                                    \
    X(S_FROM)     /* from rows (§11): a: array, b: group or NULL, c: S_ROW,     \
                     kids: body */                                              \
    X(S_ROW)      /* a from's header: a: name, b: weight */                     \
    X(S_TEST)     /* str: name, kids: S_GIVEN / S_EXPECT */                     \
    X(S_GIVEN)    /* str: file, a: with-JSON text (E_STR) or NULL */            \
    X(S_EXPECT)   /* a: target (E_STR path list, E_SCORE, or E_NAME grade/errors), b: expected */

enum ast_kind {
#define X(k) AST_##k,
    AST_KINDS(X)
#undef X
    AST_KIND_COUNT
};

/* ORDER BINOPS */
enum binop { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

/* How an indicator's weight was written. */
enum { W_NONE, W_ABS, W_PCT };

/* An S_INDICATOR's op: IND_BONUS for a bonus item, and how its weight was written (W_*)
 * above it: ast_wkind. */
enum { IND_BONUS = 1, IND_WKIND_SHIFT = 1 };

/* Where a part of a node is, in the node's file (an indicator's name and weight). */
struct ast_range {
    uint32_t start, end;
};

/* Fields ordered so that nothing is padded (72 bytes, not 104): a big rule set is mostly
 * nodes.  num, ref, slot and name_at share their place: no kind has two of them (E_NUM and
 * E_BOOL hold a number and are never resolved; ref is set only on names, scores, weights,
 * score(PATH)s and expects; slot only on fields; name_at only on the statements named by a
 * token: ruleset, const, let, indicator, band, test, given).  An indicator keeps its weight
 * and where it is in the place of b and c, which it has no use for: the head of nearly every
 * indicator, a name and a number, costs no node of its own (ast_name_at, ast_weight_at). */
struct ast {
    uint8_t kind;       /* enum ast_kind */
    uint8_t op;         /* enum binop, builtin id, na mode, IND_* */
    struct span at;
    uint32_t len;       /* bytes of str */
    const char *str;    /* NUL-terminated, arena */
    struct ast *a;
    union {
        struct {
            struct ast *b, *c;
        };
        struct {        /* S_INDICATOR */
            double weight;
            struct ast_range weight_at;
        };
    };
    struct ast *kids;   /* first child of a list */
    struct ast *next;   /* next sibling in a list */
    union {
        double num;
        void *ref;      /* resolved target (check.c) */
        uint32_t slot;  /* E_FIELD on a plain data path: 1 + its cache slot (check.c) */
        struct ast_range name_at;   /* where the name of a named statement is */
    };
};
_Static_assert(sizeof(struct ast) == 72, "struct ast: a field added or padded");

/* A name or string token on its way from the scanner to the parser: its text (unescaped, in
 * the arena) and the span a node made of it gets.  Only tokens the grammar keeps become
 * nodes. */
struct word {
    const char *str;
    uint32_t len;
    struct span at;
};

/* A list being built by the parser: its first and last items, so appending is O(1). */
struct ast_seq {
    struct ast *head, *tail;
};
#define AST_SEQ_EMPTY ((struct ast_seq){NULL, NULL})

/* A dotted path being parsed (an indicator's, a drop's, score(PATH)'s).  A path of one step,
 * the name of nearly every indicator, is kept as its token: it becomes a node only where
 * nodes are wanted (ast_path_nodes). */
struct ast_path {
    struct word last;           /* its last step; str NULL while it has none */
    struct ast_seq steps;       /* E_STR of every step when there are two or more */
};
#define AST_PATH_EMPTY ((struct ast_path){{NULL, 0, {0, 0, 0}}, AST_SEQ_EMPTY})

/* An indicator's weight as written: kind W_NONE when there is none. */
struct weight_lit {
    double num;
    struct span at;
    uint8_t kind;
};

struct ast *ast_new(struct arena *ar, enum ast_kind kind, struct span at);
struct ast *ast_num(struct arena *ar, double v, struct span at);
struct ast *ast_bool(struct arena *ar, int v, struct span at);
struct ast *ast_str(struct arena *ar, const char *s, size_t len, struct span at);
struct ast *ast_text(struct arena *ar, struct word w);     /* E_STR of a token */
struct ast *ast_source(struct arena *ar, struct span at);   /* E_STR of the source text */
struct ast *ast_unary(struct arena *ar, enum ast_kind kind, struct ast *a, struct span at);
struct ast *ast_binop(struct arena *ar, enum binop op, struct ast *a, struct ast *b, struct span at);
struct ast *ast_node(struct arena *ar, enum ast_kind kind, struct ast *a, struct ast *b,
                     struct ast *c, struct span at);
/* A statement named by the token `name`: its str is the name's, name_at where it is. */
struct ast *ast_named(struct arena *ar, enum ast_kind kind, struct word name, struct ast *a,
                      struct ast *b, struct span at);
/* primary -> NAME: an E_NAME (its span is the name's, so it keeps no c) */
struct ast *ast_name(struct arena *ar, struct word name, struct span at);
/* item -> 'precision' NUMBER */
struct ast *ast_precision(struct arena *ar, double digits, struct span num, struct span at);
struct ast *ast_na(struct arena *ar, int rescale, struct span at);
/* weight -> [['-'] (NUMBER | PERCENT)] (W_NONE: none written) */
struct weight_lit ast_weight(double num, int wkind, int negative, struct span at);
struct ast *ast_indicator(struct arena *ar, struct ast_path path, struct weight_lit weight,
                          struct ast *body, struct span at);
/* bonus -> 'bonus' path weight '{' body '}': an S_INDICATOR with IND_BONUS */
struct ast *ast_bonus(struct arena *ar, struct ast_path path, struct weight_lit weight,
                      struct ast *body, struct span at);
/* Where a named statement's name is (an indicator's: its last step; the path's first step
 * is ->a's, when it has dots) and an indicator's weight (its name when it has none); how
 * the weight was written (W_*). */
struct span ast_name_at(const struct ast *ind);
struct span ast_weight_at(const struct ast *ind);
static inline int ast_wkind(const struct ast *ind)
{
    return ind->op >> IND_WKIND_SHIFT;
}
/* item -> 'drop' path */
struct ast *ast_drop(struct arena *ar, struct ast_path path, struct span at);
/* from -> 'from' expr ['group' expr] 'name' expr 'weight' expr '{' body '}' */
struct ast *ast_from(struct arena *ar, struct ast *array, struct ast *group, struct ast *name,
                     struct ast *weight, struct ast *body, struct span at);
/* primary -> ('score' | 'ratio') '(' path ')' */
struct ast *ast_score_of(struct arena *ar, int ratio, struct ast_path path, struct span at);
/* test_item -> 'expect' 'grades' op expr: the same E_BIN as `expect grade op expr` */
struct ast *ast_expect_grade(struct arena *ar, enum binop op, struct ast *want, struct span kw,
                             struct span at);
/* postfix -> postfix FIELD | postfix '.' STRING: the field's name is its str (no c) */
struct ast *ast_field(struct arena *ar, struct ast *obj, struct word name, struct span at);
/* primary -> DFIELD: a field of ast_data_root(), the E_ROOT shared by every $name path; it
 * has no span (its field's is the same) */
struct ast *ast_data_field(struct arena *ar, struct word name, struct span at);
struct ast *ast_data_root(void);
struct ast *ast_call(struct arena *ar, struct word name, struct ast *args, struct span at);
struct ast *ast_case(struct arena *ar, struct ast *subject, struct ast *arms, struct ast *otherwise,
                     struct span at);
struct ast *ast_interp(struct arena *ar, struct word head, struct ast_seq parts, struct word tail,
                       struct span at);
struct ast *ast_test(struct arena *ar, struct word name, struct ast *items, struct span at);
/* interp -> expr FMT */
struct ast *ast_fmt(struct arena *ar, struct ast *expr, struct word fmt, struct span at);
struct ast *ast_with_kids(struct ast *node, struct ast *kids);
/* Lists in the parser: item appended (NULL: nothing, after an error). */
struct ast_seq ast_seq_add(struct ast_seq list, struct ast *item);
/* path -> path '.' step: the step appended (the steps become E_STRs from the second on) */
struct ast_path ast_path_step(struct arena *ar, struct ast_path path, struct word step);
/* The steps of a path as a list of E_STR. */
struct ast *ast_path_nodes(struct arena *ar, struct ast_path path);
/* interps -> interps ISTR_MID interp */
struct ast_seq ast_interp_part(struct arena *ar, struct ast_seq parts, struct word mid,
                               struct ast *part);
int ast_count(const struct ast *list);

#endif
