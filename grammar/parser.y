/* parser.y - the grammar of .eval rule scripts (docs/language.md §2-§8).  Actions are one
 * constructor call each; the constructors live in src/ast.c. */

%code requires {
#include "parse.h"
}

%code {
#include <stdlib.h>
#include <string.h>
#include "encoding.h"
#include "keywords.h"
#include "utf8.h"

#define AR (ctx->ar)
#define yylex lex_track
#define YYMALLOC xmalloc
#define YYFREE free
#define YYMAXDEPTH 2000

#define YYLLOC_DEFAULT(Cur, Rhs, N) do {                                  \
        if (N) {                                                          \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                           \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                         \
            (Cur).end = YYRHSLOC(Rhs, N).end;                             \
        } else {                                                          \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                           \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;               \
        }                                                                 \
    } while (0)

static void yyerror(const struct span *loc, struct parse_ctx *ctx, const char *text);
static void resync(struct parse_ctx *ctx, int list, int la, struct span at, int *errstatus);
static int recovered(struct parse_ctx *ctx, int la, struct span at);
static int list_takes(int list, int tok);
static int goes_on(int tok);
static int starts_statement(int tok);
static int new_mistake(struct parse_ctx *ctx, struct span at);
static int lex_track(YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx);
static void lost_close(struct parse_ctx *ctx);
static int track(YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx);
static int close_block(struct span *lloc, struct parse_ctx *ctx);

/* A token read ahead of the parser (lex_track: band_follows), with what came with it. */
struct parse_ahead {
    int have;
    int tok;
    YYSTYPE val;
    struct span at;
    int stray;
};
}

%define api.pure full
%define api.location.type {struct span}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%parse-param {struct parse_ctx *ctx}
%lex-param {struct parse_ctx *ctx}
%initial-action { ctx->recovering = &yyerrstatus; }

/* A '{' the error recovery throws away (in a grades or test block: statements and top-level
 * items take the block whole, `error '{' body '}'`) leaves its '}' to close the block around
 * it, and that block's own '}' then has nothing to close: counted here, so that '}' is not
 * reported as a second error for the same mistake (a '}' thrown away too: lost_close). */
%destructor { if (strcmp(yymsg, "Error: discarding") == 0) ctx->lost_open++; } '{'

%union {
    struct ast *node;
    struct ast_seq seq;     /* a list being built: head and tail */
    struct word word;       /* a name or string token: nodes are made only where kept */
    struct ast_path path;   /* a dotted path: a node for each step only when it has dots */
    struct weight_lit weight;   /* an indicator's weight, kept in its node */
    double num;             /* a number token */
}

%token <word> NAME "name" DFIELD "data path" DOTFIELD "field"
%token <num> NUMBER "number" PERCENT "percentage"
%token <word> STRING "string" ISTR_HEAD "string with {}"
%token <word> ISTR_MID "string part" ISTR_TAIL "end of string" FMT "format"
%token <num> '{'   /* typed only for its %destructor below: the value is never set */
%token EQ "==" NE "!=" LE "<=" GE ">=" COAL "??"
%token COMMENT "comment"   /* only for jixiao fmt: the parser never sees it */
%token <word> BAND "band name" /* a NAME or STRING that starts a band (lex_track) */
/* ORDER KEYWORDS */
%token KW_RULESET "'ruleset'" KW_VERSION "'version'" KW_EXTENDS "'extends'" KW_ID "'id'"
%token KW_PRECISION "'precision'" KW_NA "'na'" KW_FULL "'full'" KW_RESCALE "'rescale'"
%token KW_SELFSCORE "'selfscore'" KW_CONST "'const'" KW_LET "'let'"
%token KW_INDICATOR "'indicator'" KW_SCORE "'score'" KW_DEDUCT "'deduct'" KW_FAIL "'fail'"
%token KW_SKIP "'skip'" KW_NOTE "'note'" KW_IF "'if'" KW_THEN "'then'" KW_ELSE "'else'"
%token KW_CASE "'case'" KW_WHEN "'when'" KW_END "'end'" KW_GRADES "'grades'"
%token KW_OTHERWISE "'otherwise'" KW_AND "'and'" KW_OR "'or'" KW_NOT "'not'"
%token KW_TRUE "'true'" KW_FALSE "'false'" KW_NULL "'null'" KW_DROP "'drop'"
%token KW_TEST "'test'" KW_GIVEN "'given'" KW_EXPECT "'expect'" KW_WITH "'with'"
%token KW_WHERE "'where'" KW_WEIGHT "'weight'" KW_RATIO "'ratio'" KW_MAP "'map'"
%token KW_BONUS "'bonus'" KW_FROM "'from'" KW_GROUP "'group'" KW_NAME "'name'"

%type <node> item let indicator body_item rule grades band
%type <node> cond reason string interp expr postfix primary
%type <node> case_arm case_else version extends test_item json_text from group
%type <seq> items body bands tests interps case_arms args arglist
%type <path> path
%type <weight> weight
%type <word> band_name

%precedence KW_ELSE
%left KW_WHERE KW_MAP
%left COAL
%left KW_OR
%left KW_AND
%precedence KW_NOT
%nonassoc EQ NE '<' LE '>' GE
%left '+' '-'
%left '*' '/'
%precedence UMINUS

%%

script: items                           { ctx->items = $1.head; }
    ;

items: %empty                           { $$ = AST_SEQ_EMPTY; }
    | items item                        { $$ = ast_seq_add($1, $2); }
    ;

/* item -> ruleset | id | precision | na | selfscore | const | let | indicator | bonus | rule
 *         | grades | drop | test
 * Recovery (here and in body_item): after a mistake the parser skips to the next statement, or
 * takes a block whole when it reaches its '{' first (`指标管理效率 5 { … }`, the split hint):
 * the block's own statements are still checked, its '}' closes it and nothing outside.  Once a
 * block is taken, or the next statement starts a line of its own (recovered), the parser is
 * back in step (yyerrok): the next mistake is reported, not swallowed as bison does within
 * three tokens. */
item: KW_RULESET STRING version extends { $$ = ast_named(AR, AST_S_RULESET, $2, $3, $4, @$); }
    | KW_ID expr                        { $$ = ast_unary(AR, AST_S_ID, $2, @$); }
    | KW_PRECISION NUMBER               { $$ = ast_precision(AR, $2, @2, @$); }
    | KW_NA KW_FULL                     { $$ = ast_na(AR, 0, @$); }
    | KW_NA KW_RESCALE                  { $$ = ast_na(AR, 1, @$); }
    | KW_SELFSCORE expr                 { $$ = ast_unary(AR, AST_S_SELFSCORE, $2, @$); }
    | KW_CONST NAME '=' expr            { $$ = ast_named(AR, AST_S_CONST, $2, $4, NULL, @$); }
    | let
    | indicator
    | KW_BONUS path weight '{' body '}' { (void)$4; $$ = ast_bonus(AR, $2, $3, $5.head, @$); }
    | rule
    | grades
    | KW_DROP path                      { $$ = ast_drop(AR, $2, @$); }
    | KW_TEST STRING '{' tests '}'      { (void)$3; $$ = ast_test(AR, $2, $4.head, @$); }
    | error                             { $$ = NULL; resync(ctx, 0, yychar, yylloc, &yyerrstatus); }
    | error '{' block_taken body '}'    { (void)$2; $$ = NULL; yyerrok; }
    ;

/* After a mistake at a name (`指标管理效率 5 {`: a keyword glued to the name, or missing), the
 * block that follows is taken whole as an indicator body; after any other (a 'test' inside an
 * indicator left open) the block is of some other kind: thrown away as before, its '{' counted
 * in lost_open as the %destructor counts a '{' discarded. */
block_taken: %empty                     { if (!ctx->take_block) { ctx->lost_open++; YYERROR; }
                                          ctx->take_block = 0; }
    ;

version: %empty                         { $$ = NULL; }
    | KW_VERSION STRING                 { $$ = ast_text(AR, $2); }
    ;

extends: %empty                         { $$ = NULL; }
    | KW_EXTENDS STRING                 { $$ = ast_text(AR, $2); }
    ;

let: KW_LET NAME '=' expr               { $$ = ast_named(AR, AST_S_LET, $2, $4, NULL, @$); }
    ;

/* indicator -> 'indicator' path [weight] '{' body '}' */
indicator: KW_INDICATOR path weight '{' body '}'
                                        { (void)$4; $$ = ast_indicator(AR, $2, $3, $5.head, @$); }
    ;

/* path -> (NAME | STRING) { '.' (NAME | STRING) }: a quoted step may hold any text */
path: NAME                              { $$ = ast_path_step(AR, AST_PATH_EMPTY, $1); }
    | STRING                            { $$ = ast_path_step(AR, AST_PATH_EMPTY, $1); }
    | path DOTFIELD                     { $$ = ast_path_step(AR, $1, $2); }
    | path '.' STRING                   { $$ = ast_path_step(AR, $1, $3); }
    ;

weight: %empty                          { $$ = ast_weight(0, W_NONE, 0, @$); }
    | NUMBER                            { $$ = ast_weight($1, W_ABS, 0, @$); }
    | PERCENT                           { $$ = ast_weight($1, W_PCT, 0, @$); }
    | '-' NUMBER                        { $$ = ast_weight($2, W_ABS, 1, @$); }
    | '-' PERCENT                       { $$ = ast_weight($2, W_PCT, 1, @$); }
    ;

body: %empty                            { $$ = AST_SEQ_EMPTY; }
    | body body_item                    { $$ = ast_seq_add($1, $2); }
    ;

body_item: let
    | indicator
    | from
    | grades
    | rule
    | KW_SCORE expr reason              { $$ = ast_node(AR, AST_S_SCORE, $2, NULL, $3, @$); }
    | KW_SKIP cond reason               { $$ = ast_node(AR, AST_S_SKIP, NULL, $2, $3, @$); }
    | KW_NA KW_FULL                     { $$ = ast_na(AR, 0, @$); }
    | KW_NA KW_RESCALE                  { $$ = ast_na(AR, 1, @$); }
    | KW_SELFSCORE expr                 { $$ = ast_unary(AR, AST_S_SELFSCORE, $2, @$); }
    | error                             { $$ = NULL; resync(ctx, 0, yychar, yylloc, &yyerrstatus); }
    | error '{' block_taken body '}'    { (void)$2; $$ = NULL; yyerrok; }
    ;

/* from -> 'from' expr ['group' expr] 'name' expr 'weight' expr '{' body '}' (§11) */
from: KW_FROM expr group KW_NAME expr KW_WEIGHT expr '{' body '}'
                                        { (void)$8; $$ = ast_from(AR, $2, $3, $5, $7, $9.head, @$); }
    ;

group: %empty                           { $$ = NULL; }
    | KW_GROUP expr                     { $$ = $2; }
    ;

/* rule -> deduct | fail | note: in an indicator, or at top level (rules of the total) */
rule: KW_DEDUCT expr cond reason        { $$ = ast_node(AR, AST_S_DEDUCT, $2, $3, $4, @$); }
    | KW_FAIL cond reason               { $$ = ast_node(AR, AST_S_FAIL, NULL, $2, $3, @$); }
    | KW_NOTE expr cond                 { $$ = ast_node(AR, AST_S_NOTE, $2, $3, NULL, @$); }
    ;

cond: %empty                            { $$ = NULL; }
    | KW_IF expr                        { $$ = $2; }
    ;

reason: %empty                          { $$ = NULL; }
    | ':' string                        { $$ = $2; }
    ;

/* grades -> 'grades' '{' { name ('if' expr | 'otherwise') } '}' */
grades: KW_GRADES '{' bands '}'         { (void)$2; $$ = ast_with_kids(ast_new(AR, AST_S_GRADES, @$), $3.head); }
    ;

bands: %empty                           { $$ = AST_SEQ_EMPTY; }
    | bands band                        { $$ = ast_seq_add($1, $2); }
    ;

band: band_name KW_IF expr reason       { $$ = ast_named(AR, AST_S_BAND, $1, $4, $3, @$); }
    | band_name KW_OTHERWISE reason     { $$ = ast_named(AR, AST_S_BAND, $1, $3, NULL, @$); }
    | error                             { $$ = NULL; resync(ctx, 'B', yychar, yylloc, &yyerrstatus); }
    ;

band_name: NAME | STRING | BAND ;

tests: %empty                           { $$ = AST_SEQ_EMPTY; }
    | tests test_item                   { $$ = ast_seq_add($1, $2); }
    ;

/* test_item -> 'given' string ['with' json] | 'expect' expr | 'expect' 'grades' ('=='|'!=') expr
 * (等级 is the keyword 'grades', so `期望 等级 == "优"` needs its own rule) */
test_item: KW_GIVEN STRING              { $$ = ast_named(AR, AST_S_GIVEN, $2, NULL, NULL, @$); }
    | KW_GIVEN STRING KW_WITH json_text { $$ = ast_named(AR, AST_S_GIVEN, $2, $4, NULL, @$); }
    | KW_EXPECT expr                    { $$ = ast_unary(AR, AST_S_EXPECT, $2, @$); }
    | KW_EXPECT KW_GRADES EQ expr       { $$ = ast_expect_grade(AR, OP_EQ, $4, @2, @$); }
    | KW_EXPECT KW_GRADES NE expr       { $$ = ast_expect_grade(AR, OP_NE, $4, @2, @$); }
    | error                             { $$ = NULL; resync(ctx, 'T', yychar, yylloc, &yyerrstatus); }
    ;

/* The object after 'with' is JSON text: the parser only finds its extent.  A mistake in it is
 * skipped to the end of the object or array it is in, so the test goes on from there. */
json_text: '{' json_members '}'         { (void)$1; $$ = ast_source(AR, @$); }
    | '{' error '}'                     { (void)$1; $$ = NULL; }
    ;
json_members: %empty | json_member_list ;
json_member_list: json_member | json_member_list ',' json_member ;
json_member: STRING ':' json_value ;
json_value: STRING | NUMBER | '-' NUMBER | KW_TRUE | KW_FALSE | KW_NULL
    | '{' json_members '}' | '[' json_elements ']'
    | '{' error '}' | '[' error ']' ;
json_elements: %empty | json_element_list ;
json_element_list: json_value | json_element_list ',' json_value ;

/* string -> STRING | head { expr [fmt] mid } expr [fmt] tail */
string: STRING                          { $$ = ast_text(AR, $1); }
    | ISTR_HEAD interps ISTR_TAIL       { $$ = ast_interp(AR, $1, $2, $3, @$); }
    ;

interps: interp                         { $$ = ast_seq_add(AST_SEQ_EMPTY, $1); }
    | interps ISTR_MID interp           { $$ = ast_interp_part(AR, $1, $2, $3); }
    ;

interp: expr                            { $$ = ast_node(AR, AST_E_FMT, $1, NULL, NULL, @$); }
    | expr FMT                          { $$ = ast_fmt(AR, $1, $2, @$); }
    ;

expr: postfix
    | KW_IF expr KW_THEN expr KW_ELSE expr
                                        { $$ = ast_node(AR, AST_E_IF, $2, $4, $6, @$); }
    | expr KW_WHERE expr                { $$ = ast_node(AR, AST_E_WHERE, $1, $3, NULL, @$); }
    | expr KW_MAP expr                  { $$ = ast_node(AR, AST_E_MAP, $1, $3, NULL, @$); }
    | expr COAL expr                    { $$ = ast_node(AR, AST_E_COAL, $1, $3, NULL, @$); }
    | expr KW_OR expr                   { $$ = ast_node(AR, AST_E_OR, $1, $3, NULL, @$); }
    | expr KW_AND expr                  { $$ = ast_node(AR, AST_E_AND, $1, $3, NULL, @$); }
    | KW_NOT expr                       { $$ = ast_unary(AR, AST_E_NOT, $2, @$); }
    | expr EQ expr                      { $$ = ast_binop(AR, OP_EQ, $1, $3, @$); }
    | expr NE expr                      { $$ = ast_binop(AR, OP_NE, $1, $3, @$); }
    | expr '<' expr                     { $$ = ast_binop(AR, OP_LT, $1, $3, @$); }
    | expr LE expr                      { $$ = ast_binop(AR, OP_LE, $1, $3, @$); }
    | expr '>' expr                     { $$ = ast_binop(AR, OP_GT, $1, $3, @$); }
    | expr GE expr                      { $$ = ast_binop(AR, OP_GE, $1, $3, @$); }
    | expr '+' expr                     { $$ = ast_binop(AR, OP_ADD, $1, $3, @$); }
    | expr '-' expr                     { $$ = ast_binop(AR, OP_SUB, $1, $3, @$); }
    | expr '*' expr                     { $$ = ast_binop(AR, OP_MUL, $1, $3, @$); }
    | expr '/' expr                     { $$ = ast_binop(AR, OP_DIV, $1, $3, @$); }
    | '-' expr %prec UMINUS             { $$ = ast_unary(AR, AST_E_NEG, $2, @$); }
    ;

postfix: primary
    | postfix DOTFIELD                  { $$ = ast_field(AR, $1, $2, @$); }
    | postfix '.' STRING                { $$ = ast_field(AR, $1, $3, @$); }
    | postfix '[' expr ']'              { $$ = ast_node(AR, AST_E_INDEX, $1, $3, NULL, @$); }
    | postfix '[' '*' ']'               { $$ = ast_unary(AR, AST_E_SPREAD, $1, @$); }
    ;

primary: NUMBER                         { $$ = ast_num(AR, $1, @$); }
    | PERCENT                           { $$ = ast_num(AR, $1, @$); }
    | string
    | KW_TRUE                           { $$ = ast_bool(AR, 1, @$); }
    | KW_FALSE                          { $$ = ast_bool(AR, 0, @$); }
    | KW_NULL                           { $$ = ast_new(AR, AST_E_NULL, @$); }
    | '$'                               { $$ = ast_new(AR, AST_E_ROOT, @$); }
    | DFIELD                            { $$ = ast_data_field(AR, $1, @$); }
    | '.'                               { $$ = ast_new(AR, AST_E_ELEM, @$); }
    | DOTFIELD                          { $$ = ast_field(AR, ast_new(AR, AST_E_ELEM, @$), $1, @$); }
    | NAME                              { $$ = ast_name(AR, $1, @$); }
    | NAME '(' args ')'                 { $$ = ast_call(AR, $1, $3.head, @$); }
    | KW_WEIGHT                         { $$ = ast_new(AR, AST_E_WEIGHT, @$); }
    | KW_SCORE                          { $$ = ast_new(AR, AST_E_SCORE, @$); }
    | KW_RATIO                          { $$ = ast_new(AR, AST_E_RATIO, @$); }
    | KW_SCORE '(' path ')'             { $$ = ast_score_of(AR, 0, $3, @$); }
    | KW_RATIO '(' path ')'             { $$ = ast_score_of(AR, 1, $3, @$); }
    | '(' expr ')'                      { $$ = $2; }
    | KW_CASE case_arms case_else KW_END
                                        { $$ = ast_case(AR, NULL, $2.head, $3, @$); }
    | KW_CASE expr case_arms case_else KW_END
                                        { $$ = ast_case(AR, $2, $3.head, $4, @$); }
    ;

case_arms: case_arm                     { $$ = ast_seq_add(AST_SEQ_EMPTY, $1); }
    | case_arms case_arm                { $$ = ast_seq_add($1, $2); }
    ;

case_arm: KW_WHEN expr KW_THEN expr     { $$ = ast_node(AR, AST_E_WHEN, $2, $4, NULL, @$); }
    ;

case_else: %empty                       { $$ = NULL; }
    | KW_ELSE expr                      { $$ = $2; }
    ;

args: %empty                            { $$ = AST_SEQ_EMPTY; }
    | arglist
    ;

arglist: expr                           { $$ = ast_seq_add(AST_SEQ_EMPTY, $1); }
    | arglist ',' expr                  { $$ = ast_seq_add($1, $3); }
    ;

%%

/* Only bison's own "memory exhausted" comes here (syntax errors go to yyreport_syntax_error):
 * the parser stack is full, which means nesting far too deep. */
static void yyerror(const struct span *loc, struct parse_ctx *ctx, const char *text)
{
    (void)text;
    diag_error(ctx->dg, *loc, M_TOO_DEEP);
}

/* The next token from the scanner, or the one read ahead; `stray` as lex_next left it. */
static int lex_token(YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx)
{
    struct parse_ahead *a = ctx->ahead;
    if (!a->have)
        return lex_next(lval, lloc, ctx);
    a->have = 0;
    *lval = a->val;
    *lloc = a->at;
    ctx->stray = a->stray;
    return a->tok;
}

/* In a grades block, a name or string followed by 'if' or 'otherwise' starts a band: nothing
 * else there goes on with them, so a band after a condition left unfinished (`优 if score >=`
 * / `良 if …`) is not read as its operand.  Reads the next token ahead. */
static int band_follows(struct parse_ctx *ctx)
{
    struct parse_ahead *a = ctx->ahead;
    int stray = ctx->stray;     /* the current token's, kept for it */
    ctx->stray = 0;
    a->tok = lex_next(&a->val, &a->at, ctx);
    a->stray = ctx->stray;
    a->have = 1;
    ctx->stray = stray;
    return a->tok == KW_IF || a->tok == KW_OTHERWISE;
}

/* After an item that only stands at top level ('test', 'const', 'bonus' …: top_level_only)
 * found inside a block whose '}' is missing (yyreport_syntax_error, and thrown away by the
 * recovery): a '}' in place of the missing one, then the item's keyword again.  If the parser
 * still finds it inside a block, another '}' follows, and so on; once at top level, the item
 * is read as what it is, its own mistakes reported.  Each '}' taken closes a block the parser
 * holds, so this ends; a '}' not taken (where a ']' is missing too) ends it at once, and the
 * item is thrown away with the mistake as before. */
static int close_block(struct span *lloc, struct parse_ctx *ctx)
{
    *lloc = ctx->close_at;
    if (ctx->closing == 1) {
        ctx->closing = 2;
        lloc->end = lloc->start;
        return '}';
    }
    ctx->closing = 0;
    if (*ctx->recovering == 3)
        ctx->close_for = 0;     /* not taken: taking a token leaves yyerrstatus below 3 */
    else
        *ctx->recovering = 0;   /* an item of its own: back in step */
    return ctx->close_tok;
}

/* The keyword of an item that only stands at top level, if `la` is one; else 0. */
static int top_level_only(yysymbol_kind_t la)
{
    static const int items[] = {KW_TEST, KW_CONST, KW_BONUS, KW_DROP, KW_RULESET, KW_ID,
                                KW_PRECISION};
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
        if (YYTRANSLATE(items[i]) == la)
            return items[i];
    return 0;
}

/* An operator that only stands between two operands ('-' and 'not' also stand before one). */
static int binary_only(int tok)
{
    switch (tok) {
    case '*': case '/': case '+': case '<': case '>': case EQ: case NE: case LE: case GE:
    case COAL: case KW_AND: case KW_OR: case KW_WHERE: case KW_MAP:
        return 1;
    default:
        return 0;
    }
}

/* The scanner's tokens on their way to the parser (track).  A binary operator right after
 * another (`0.5 * * count($x)`, `and and`) is reported here, as the parser would, and then
 * left out, so the rest of the statement is still read and a second mistake in it reported
 * (`… count($x) )`): the only repair inside an expression, where the mistake cannot be read
 * two ways.  Not while tokens are thrown away after another mistake (they are its). */
static int lex_track(YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx)
{
    for (int left = 0;; left++) {
        int last = ctx->tok_last, before = ctx->tok_before;
        int tok = track(lval, lloc, ctx);
        if (!binary_only(tok) || !(binary_only(last) || last == '-') || *ctx->recovering != 0
            || ctx->after_stray)
            return tok;
        if (!left) {    /* `* * *` is one mistake */
            struct buf what = {0};
            size_t len;
            const char *t = diag_text(ctx->dg, *lloc, &len);
            buf_printf(&what, msg(ctx->dg->lang, M_QUOTED), (int)len, t);
            diag_error(ctx->dg, *lloc, M_EXPECTED, buf_cstr(&what),
                       msg(ctx->dg->lang, M_TOK_EXPR));
            buf_free(&what);
        }
        ctx->tok_last = last;       /* as if it were not there */
        ctx->tok_before = before;
    }
}

/* The scanner's tokens, shown to the brace tracker on their way to the parser. */
static int track(YYSTYPE *lval, struct span *lloc, struct parse_ctx *ctx)
{
    if (ctx->closing)
        return close_block(lloc, ctx);
    if (ctx->tok_last == '}' && *ctx->recovering == 3)
        lost_close(ctx);        /* not taken: taking a token leaves yyerrstatus below 3 */
    int tok = lex_token(lval, lloc, ctx);
    enum brace_tok kind = BRACE_OTHER;
    switch (tok) {
    case '{': kind = BRACE_OPEN; break;
    case '}': kind = BRACE_CLOSE; break;
    case KW_INDICATOR: case KW_BONUS: case KW_FROM: case KW_GRADES: case KW_TEST:
        kind = BRACE_KEYWORD;
        break;
    case YYEOF: return tok;
    }
    if (tok == '{')
        ctx->in_grades = ctx->tok_last == KW_GRADES;
    else if (tok == '}' || starts_statement(tok))
        ctx->in_grades = 0;
    else if (ctx->in_grades && (tok == NAME || tok == STRING) && band_follows(ctx))
        tok = BAND;
    brace_token(&ctx->brace, kind, lloc);
    ctx->tok_before = ctx->tok_last;
    ctx->tok_last = tok;
    ctx->last_at = lloc->start;
    ctx->tokens++;
    if (ctx->errstatus) {       /* the first token after a recovery (resync) */
        if (list_takes(ctx->resync_list, tok) && recovered(ctx, tok, *lloc))
            *ctx->errstatus = 0;
        ctx->errstatus = NULL;
    }
    if (*ctx->recovering == 3 && tok == NAME && new_mistake(ctx, *lloc))
        *ctx->recovering = 0;   /* it cannot start a statement: the parser reports it */
    ctx->after_stray = ctx->stray;
    ctx->stray = 0;
    return tok;
}

/* A token that cannot end a statement: the line after it goes on with the same one. */
static int goes_on(int tok)
{
    switch (tok) {
    case '+': case '-': case '*': case '/': case '<': case '>': case '=': case '(': case '[':
    case ',': case ':': case '.': case EQ: case NE: case LE: case GE: case COAL:
    case KW_IF: case KW_THEN: case KW_ELSE: case KW_WHEN: case KW_CASE: case KW_AND:
    case KW_OR: case KW_NOT: case KW_WHERE: case KW_MAP: case KW_WITH:
    case ISTR_HEAD: case ISTR_MID:
        return 1;
    default:
        return 0;
    }
}

/* A token that only ever starts a statement: never a part of an expression. */
static int starts_statement(int tok)
{
    switch (tok) {
    case KW_RULESET: case KW_ID: case KW_PRECISION: case KW_NA: case KW_SELFSCORE:
    case KW_CONST: case KW_LET: case KW_INDICATOR: case KW_DEDUCT: case KW_FAIL: case KW_SKIP:
    case KW_NOTE: case KW_GRADES: case KW_DROP: case KW_TEST: case KW_GIVEN: case KW_EXPECT:
    case KW_BONUS: case KW_FROM:
        return 1;
    default:
        return 0;
    }
}

/* 1 when nothing but white space stands before `at` on its line. */
static int first_on_line(const struct parse_ctx *ctx, struct span at)
{
    for (size_t i = at.start; i > 0; i--) {
        unsigned char c = (unsigned char)ctx->src[i - 1];
        if (c == '\n')
            return 1;
        if (i >= 3 && memcmp(ctx->src + i - 3, "\xE3\x80\x80", 3) == 0)
            i -= 2;         /* the ideographic space U+3000 */
        else if (c != ' ' && c != '\t' && c != '\r')
            return 0;
    }
    return 1;
}

/* Error recovery resumes at the next statement (`la`, at `at`, the token read last): 1 when
 * it is a statement of its own whose mistakes are its own.  So is one that starts its line
 * when the line before does not go on into it (a line that goes on may start with 'score',
 * which is an expression too: `扣分 1 如果 $a ＝ 1 且` / `  得分 > 0` is one mistake), and one
 * that starts with a keyword no expression holds (扣分, 设, 期望 …), on its own line or after
 * the tokens thrown away on the same one.  Not that keyword when it is the very token of the
 * error (`设 说明 = 1`: 说明 is a name written as a keyword, and `= 1` is no new mistake). */
static int recovered(struct parse_ctx *ctx, int la, struct span at)
{
    ctx->take_block = 0;
    if (la == YYEMPTY || la == YYEOF || la == '}')
        return 0;       /* a '}' ends a statement, it starts none */
    if (ctx->err_again && at.start == ctx->err_at)
        return 0;       /* it did not: see yyreport_syntax_error */
    if (la == BAND)
        return 1;       /* a band, even the error's own token: the operand before it is missing */
    int own_line = first_on_line(ctx, at);
    if (starts_statement(la))
        return own_line || at.start != ctx->err_at;
    return own_line && !goes_on(ctx->tok_before);
}

/* While tokens are thrown away after a mistake (the parser's yyerrstatus is 3: no token taken
 * since), a name that starts its own line, when the line before does not go on into it, is
 * the start of a statement of its own (recovered) and not one the list can take: no
 * statement starts with a name outside a grades block, whose bands are back in step by
 * resync.  It is reported as a mistake of its own (`foo 1` after `score )`) instead of being
 * thrown away unseen, as the start of a new line would in a statement taken. */
static int new_mistake(struct parse_ctx *ctx, struct span at)
{
    return !ctx->in_grades && first_on_line(ctx, at) && !goes_on(ctx->tok_before);
}

/* Whether a grades ('B') or test ('T') block takes `tok` next; any other list (0: items, an
 * indicator body) is checked by the parser itself (LAC) before it reduces `X: error`. */
static int list_takes(int list, int tok)
{
    switch (list) {
    case 'B': return tok == NAME || tok == STRING || tok == BAND;
    case 'T': return tok == KW_GIVEN || tok == KW_EXPECT;
    default: return 1;
    }
}

/* After `X: error` (a statement thrown away): back in step (yyerrok) when the next token starts
 * a statement of its own (recovered) that the list goes on with.  In a grades or test block
 * `X: error` is reduced before the parser looks at the next token (la is the error's own
 * token, or YYEMPTY): lex_track decides when that token comes. */
static void resync(struct parse_ctx *ctx, int list, int la, struct span at, int *errstatus)
{
    ctx->errstatus = NULL;
    if (la == YYEMPTY) {
        ctx->errstatus = errstatus;
        ctx->resync_list = list;
    } else if (list_takes(list, la) && recovered(ctx, la, at)) {
        *errstatus = 0;
    }
}

/* The '}' read last was thrown away after a mistake (in a top-level item thrown away, where
 * there is no block for it to close).  If '{' thrown away are counted, it is the '}' of one
 * of them, no longer awaited: left counted, it would hide a later '}' that has nothing to
 * close, a mistake of its own.  Not when yyreport_syntax_error let it pass already as such. */
static void lost_close(struct parse_ctx *ctx)
{
    if (ctx->lost_open > 0 && ctx->last_at + 1 != ctx->close_passed)
        ctx->lost_open--;
}

/* How likely a syntax error at `la` comes from a missing or extra '}' (brace.h); `closes`:
 * a '}' would have been accepted there. */
static enum brace_why brace_why(yysymbol_kind_t la, int closes)
{
    switch (la) {
    case YYSYMBOL_YYEOF: case YYSYMBOL_KW_TEST: case YYSYMBOL_KW_RULESET: case YYSYMBOL_KW_ID:
    case YYSYMBOL_KW_PRECISION: case YYSYMBOL_KW_CONST: case YYSYMBOL_KW_DROP:
    case YYSYMBOL_KW_BONUS:
        return closes ? BRACE_SURELY : BRACE_MAYBE;  /* the end, or a top-level item in a block */
    case YYSYMBOL_KW_SCORE: case YYSYMBOL_KW_SKIP: case YYSYMBOL_KW_FROM: case YYSYMBOL_KW_GIVEN:
    case YYSYMBOL_KW_EXPECT:
        return BRACE_MAYBE;     /* a block's statement outside it */
    default:
        return la == YYTRANSLATE('}') ? BRACE_MAYBE : BRACE_UNRELATED;
    }
}

/* Tokens that can start an expression: listed as one word, "expression". */
static int starts_expr(yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_NAME: case YYSYMBOL_DFIELD: case YYSYMBOL_DOTFIELD: case YYSYMBOL_NUMBER:
    case YYSYMBOL_PERCENT: case YYSYMBOL_STRING: case YYSYMBOL_ISTR_HEAD: case YYSYMBOL_KW_IF:
    case YYSYMBOL_KW_NOT: case YYSYMBOL_KW_TRUE: case YYSYMBOL_KW_FALSE: case YYSYMBOL_KW_NULL:
    case YYSYMBOL_KW_CASE: case YYSYMBOL_KW_WEIGHT: case YYSYMBOL_KW_SCORE: case YYSYMBOL_KW_RATIO:
        return 1;
    default:    /* '-' '$' '.' '(' */
        return strchr("-$.(", yysymbol_name(k)[1] ? yysymbol_name(k)[1] : 'x') != NULL
               && yysymbol_name(k)[0] == '\'';
    }
}

/* A token's name in a message; in Chinese, keywords by their twin and classes translated. */
static void add_symbol(struct buf *b, yysymbol_kind_t k, enum lang lang)
{
    static const struct { yysymbol_kind_t k; enum msg_id id; } classes[] = {
        {YYSYMBOL_NAME, M_TOK_NAME}, {YYSYMBOL_DFIELD, M_TOK_DFIELD},
        {YYSYMBOL_DOTFIELD, M_TOK_FIELD}, {YYSYMBOL_NUMBER, M_TOK_NUMBER},
        {YYSYMBOL_PERCENT, M_TOK_PERCENT}, {YYSYMBOL_STRING, M_TOK_STRING},
        {YYSYMBOL_ISTR_HEAD, M_TOK_ISTR}, {YYSYMBOL_ISTR_MID, M_TOK_ISTR_MID},
        {YYSYMBOL_ISTR_TAIL, M_TOK_ISTR_END}, {YYSYMBOL_FMT, M_TOK_FMT},
    };
    static const struct { const char *en, *zh; } keywords[] = {
#define X(t, en, zh) {en, zh},
        KEYWORDS(X)
#undef X
    };
    const char *name = yysymbol_name(k);
    size_t n = strlen(name);
    if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
        name++;
        n -= 2;
    }
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (classes[i].k == k) {
            buf_adds(b, msg(lang, classes[i].id));
            return;
        }
    if (lang == LANG_ZH) {
        for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
            if (n == strlen(keywords[i].en) + 2 && memcmp(keywords[i].en, name + 1, n - 2) == 0) {
                buf_printf(b, msg(lang, M_QUOTED), (int)strlen(keywords[i].zh), keywords[i].zh);
                return;
            }
    }
    buf_add(b, name, n);
}

/* A name that starts with a keyword's Chinese twin (指标管理效率): the split it probably
 * meant ("指标 管理效率"), as a hint into b; 1 when there is one. */
static int split_word(struct buf *b, enum lang lang, const char *w, size_t n)
{
    static const char *const twins[] = {
#define X(t, en, zh) zh,
        KEYWORDS(X)
#undef X
    };
    const char *best = NULL;
    size_t bestlen = 0;
    for (size_t i = 0; i < sizeof twins / sizeof twins[0]; i++) {
        size_t k = strlen(twins[i]);
        if (k < n && k > bestlen && memcmp(w, twins[i], k) == 0) {
            uint32_t cp;
            if (utf8_decode(w + k, n - k, &cp) > 0 && utf8_is_name_char(cp)) {
                best = twins[i];
                bestlen = k;
            }
        }
    }
    if (!best)
        return 0;
    char rest[256];
    snprintf(rest, sizeof rest, "%.*s", (int)(n - bestlen), w + bestlen);
    buf_printf(b, msg(lang, M_SPLIT), best, rest);
    return 1;
}

/* The word (name) at `off`, or the last one ending before it on the same line. */
static void split_hint(struct parse_ctx *ctx, struct span at, struct buf *b)
{
    const char *src = ctx->src;
    size_t start = at.start;
    while (start > 0 && src[start - 1] != '\n')
        start--;
    const char *words[2] = {NULL, NULL};
    size_t lens[2] = {0, 0};
    for (size_t i = start; i < ctx->len && i <= at.start && src[i] != '\n';) {
        uint32_t cp;
        int k = utf8_decode(src + i, ctx->len - i, &cp);
        if (k <= 0)
            break;
        if (!utf8_is_name_start(cp)) {
            i += (size_t)k;
            continue;
        }
        size_t j = i;
        while (j < ctx->len && (k = utf8_decode(src + j, ctx->len - j, &cp)) > 0
               && utf8_is_name_char(cp))
            j += (size_t)k;
        if (i == at.start) {
            words[0] = src + i;     /* the unexpected token is itself a name */
            lens[0] = j - i;
        } else if (j <= at.start) {
            words[1] = src + i;     /* the last name before it */
            lens[1] = j - i;
        }
        i = j;
    }
    for (int w = 0; w < 2; w++)
        if (words[w] && split_word(b, ctx->dg->lang, words[w], lens[w]))
            return;
}

/* Hints for what an input method makes easy (§10): a name one edit from a keyword the parser
 * expects (得份 -> 得分, indicatr -> indicator), a lone '=' (or ＝) where '==' would do. */
static void typo_hint(struct parse_ctx *ctx, yysymbol_kind_t la, struct span at,
                      const yysymbol_kind_t *exp, int n, struct buf *b)
{
    static const struct { int tok; const char *en, *zh; } keywords[] = {
#define X(t, en, zh) {t, en, zh},
        KEYWORDS(X)
#undef X
    };
    enum lang lang = ctx->dg->lang;
    for (int i = 0; i < n; i++)
        if (la == YYTRANSLATE('=') && exp[i] == YYSYMBOL_EQ) {
            buf_adds(b, msg(lang, M_HINT_EQ));
            return;
        }
    if (la != YYSYMBOL_NAME)
        return;
    size_t len;
    const char *t = diag_text(ctx->dg, at, &len);
    char word[128];
    snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word - 1 ? len : sizeof word - 1), t);
    struct diag_suggest sg = {word, NULL, (size_t)-1};
    if (utf8_count(word, strlen(word)) < 2)
        return;     /* one letter is one edit from too many keywords */
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        for (int i = 0; i < n; i++)
            if (exp[i] == YYTRANSLATE(keywords[k].tok)) {
                diag_consider(&sg, keywords[k].en);
                if (utf8_count(keywords[k].zh, strlen(keywords[k].zh)) >= 2)
                    diag_consider(&sg, keywords[k].zh);     /* not 设, 则, 当 …: too near */
            }
    if (sg.best)
        buf_printf(b, msg(lang, M_DID_YOU_MEAN), sg.best);
}

/* "unexpected X, expected A, B or C": X quoted from the source, A.. by their names. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, struct parse_ctx *ctx)
{
    enum lang lang = ctx->dg->lang;
    struct span at = *yypcontext_location(yyctx);
    yysymbol_kind_t la = yypcontext_token(yyctx);
    int top = top_level_only(la);
    if (top && at.start + 1 == ctx->close_for) {
        ctx->closing = 1;       /* the same item, still in a block: one more '}' (close_block) */
        return 0;
    }
    if (la == YYTRANSLATE('}') && ctx->lost_open > 0) {
        ctx->lost_open--;       /* the '}' of a '{' thrown away: already reported (%destructor) */
        ctx->close_passed = at.start + 1;
        return 0;
    }
    if (at.start == ctx->err_at && ctx->err_tokens == ctx->tokens) {
        ctx->err_again = 1;     /* the same token again, after a recovery that took it as the
                                 * start of a statement (recovered): said once, and now thrown
                                 * away as bison does */
        return 0;
    }
    ctx->err_at = at.start;
    ctx->err_tokens = ctx->tokens;
    ctx->err_again = 0;
    ctx->take_block = la == YYSYMBOL_NAME;
    if (ctx->after_stray)
        return 0;       /* the token after a character the scanner reported and skipped
                         * (`$a ～ $b`): the same mistake */
    struct buf what = {0}, want = {0}, text = {0}, hint = {0};
    if (la == YYSYMBOL_YYEOF) {
        buf_adds(&what, msg(lang, M_TOK_EOF));
    } else {
        size_t n, len;
        const char *t = diag_text(ctx->dg, at, &len);
        const char *nl = memchr(t, '\n', len);
        if (nl)
            len = (size_t)(nl - t);     /* one line of it */
        if (len && t[len - 1] == '\r')
            len--;
        for (n = len > 40 ? 40 : len; n > 0 && n < len && (t[n] & 0xC0) == 0x80; n--)
            ;   /* do not cut a character in two */
        buf_printf(&what, msg(lang, M_QUOTED), (int)n, t);
    }
    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(yyctx, exp, YYNTOKENS);
    int str = 0;        /* "string", not "string or string with {}": both are strings */
    int closes = 0;
    for (int i = 0; i < n; i++) {
        str |= exp[i] == YYSYMBOL_STRING;
        closes |= exp[i] == YYTRANSLATE('}');
    }
    for (int i = 0; i < n; i++)
        if ((str && exp[i] == YYSYMBOL_ISTR_HEAD) || exp[i] == YYSYMBOL_BAND) {
            memmove(exp + i, exp + i + 1, (size_t)(n - i - 1) * sizeof exp[0]);
            n--;
            i--;    /* a band name is a name or a string, listed already */
        }
    int words = 0, expr = 0;
    for (int i = 0; i < n; i++)
        expr |= starts_expr(exp[i]) && exp[i] == YYSYMBOL_NUMBER;
    for (int i = 0; i < n; i++)
        words += !(expr && starts_expr(exp[i]));
    words += expr;
    if (n > 0 && words <= 5) {
        int k = 0;
        if (expr) {
            buf_adds(&want, msg(lang, M_TOK_EXPR));
            k++;
        }
        for (int i = 0; i < n; i++) {
            if (expr && starts_expr(exp[i]))
                continue;
            if (k > 0)
                buf_adds(&want, msg(lang, k == words - 1 ? M_OR : M_LIST_SEP));
            add_symbol(&want, exp[i], lang);
            k++;
        }
        buf_printf(&text, msg(lang, M_EXPECTED), buf_cstr(&what), buf_cstr(&want));
    } else {
        buf_printf(&text, msg(lang, M_UNEXPECTED), buf_cstr(&what));
    }
    if (la == YYSYMBOL_BAND && expr && first_on_line(ctx, at))
        buf_printf(&hint, msg(lang, M_HINT_BAND), buf_cstr(&what));
    if (la != YYSYMBOL_YYEOF && !hint.len)
        split_hint(ctx, at, &hint);
    if (la != YYSYMBOL_YYEOF && !hint.len)
        typo_hint(ctx, la, at, exp, n, &hint);
    diag_error_hint(ctx->dg, at, buf_cstr(&text), hint.len ? buf_cstr(&hint) : NULL);
    brace_note(&ctx->brace, ctx->dg, ctx->file, brace_why(la, closes));
    if (top && brace_outdented(&ctx->brace, &at)) {
        ctx->closing = 1;       /* a block before it misses its '}': close_block */
        ctx->close_tok = top;
        ctx->close_at = at;
        ctx->close_for = at.start + 1;
    }
    buf_free(&text);
    buf_free(&hint);
    buf_free(&what);
    buf_free(&want);
    return 0;
}

struct ast *parse_file(struct arena *ar, struct diag *dg, uint32_t file)
{
    struct parse_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.ar = ar;
    ctx.dg = dg;
    ctx.file = file;
    struct parse_ahead ahead = {0};
    ctx.ahead = &ahead;
    ctx.src = dg->files[file].text;
    ctx.len = dg->files[file].len;
    size_t bad = utf8_validate(ctx.src, ctx.len);
    if (bad < ctx.len) {
        struct span at = {file, (uint32_t)bad, (uint32_t)bad + 1};
        diag_error(dg, at, enc_gbk_text(ctx.src, ctx.len, 0) ? M_BAD_UTF8_GBK : M_BAD_UTF8,
                   (unsigned char)ctx.src[bad]);
        return NULL;
    }
    if (!lex_open(&ctx))
        return NULL;
    brace_init(&ctx.brace, &dg->files[file]);
    yyparse(&ctx);
    brace_free(&ctx.brace);
    lex_close(&ctx);
    return ctx.items;
}
