/* keywords.h - the keyword table: token, English spelling, Chinese twin (docs/language.md §2, §10).
 *
 * ORDER KEYWORDS: adding a keyword is one line here plus its %token in grammar/parser.y.
 * `full` and `rescale` are keywords only right after `na`, `group` and `name` only between
 * `from` and its `{` (the lexer checks CONTEXTUAL).
 */
#ifndef JX_KEYWORDS_H
#define JX_KEYWORDS_H

#define KEYWORDS(X)                                                     \
    X(KW_RULESET,   "ruleset",   "规则集")   /* ruleset "名称" */         \
    X(KW_VERSION,   "version",   "版本")     /* … version "2022" */       \
    X(KW_EXTENDS,   "extends",   "继承")     /* … extends "base.eval" */  \
    X(KW_ID,        "id",        "标识")     /* id $部门名称 */           \
    X(KW_PRECISION, "precision", "精度")     /* precision 2 */            \
    X(KW_NA,        "na",        "不适用处理") /* na full|rescale */      \
    X(KW_FULL,      "full",      "满分")     /* CONTEXTUAL after na */    \
    X(KW_RESCALE,   "rescale",   "折算")     /* CONTEXTUAL after na */    \
    X(KW_SELFSCORE, "selfscore", "自评分")   /* selfscore $自评 */        \
    X(KW_CONST,     "const",     "常量")                                  \
    X(KW_LET,       "let",       "设")                                    \
    X(KW_INDICATOR, "indicator", "指标")                                  \
    X(KW_SCORE,     "score",     "得分")     /* statement and value */    \
    X(KW_DEDUCT,    "deduct",    "扣分")                                  \
    X(KW_FAIL,      "fail",      "不得分")                                \
    X(KW_SKIP,      "skip",      "不适用")                                \
    X(KW_NOTE,      "note",      "说明")                                  \
    X(KW_IF,        "if",        "如果")                                  \
    X(KW_THEN,      "then",      "则")                                    \
    X(KW_ELSE,      "else",      "否则")                                  \
    X(KW_CASE,      "case",      "分情况")                                \
    X(KW_WHEN,      "when",      "当")                                    \
    X(KW_END,       "end",       "结束")                                  \
    X(KW_GRADES,    "grades",    "等级")                                  \
    X(KW_OTHERWISE, "otherwise", "其余")                                  \
    X(KW_AND,       "and",       "且")                                    \
    X(KW_OR,        "or",        "或")                                    \
    X(KW_NOT,       "not",       "非")                                    \
    X(KW_TRUE,      "true",      "真")                                    \
    X(KW_FALSE,     "false",     "假")                                    \
    X(KW_NULL,      "null",      "空")                                    \
    X(KW_DROP,      "drop",      "删除")                                  \
    X(KW_TEST,      "test",      "测试")                                  \
    X(KW_GIVEN,     "given",     "给定")                                  \
    X(KW_EXPECT,    "expect",    "期望")                                  \
    X(KW_WITH,      "with",      "合并")                                  \
    X(KW_WHERE,     "where",     "满足")                                  \
    X(KW_WEIGHT,    "weight",    "分值")                                  \
    X(KW_RATIO,     "ratio",     "得分率")                                \
    X(KW_MAP,       "map",       "逐项")     /* arr map expr */           \
    X(KW_BONUS,     "bonus",     "加分项")   /* bonus NAME W { … } */     \
    X(KW_FROM,      "from",      "来自")     /* from rows (§11) */         \
    X(KW_GROUP,     "group",     "分组")     /* CONTEXTUAL in a from header */ \
    X(KW_NAME,      "name",      "名称")     /* CONTEXTUAL in a from header */

#endif
