/* msg.h - every message text, in English and Chinese (docs/language.md §10: --lang, LANG).
 *
 * ORDER MESSAGES: one line a message: id, English printf format, Chinese printf format.  Both
 * formats take the same arguments in the same order.
 */
#ifndef JX_MSG_H
#define JX_MSG_H

#define MESSAGES(X)                                                                          \
    /* rule-script diagnostics */                                                            \
    X(M_ERROR, "error", "错误")                                                              \
    X(M_QUOTED, "'%.*s'", "「%.*s」")   /* a word of the script in a message */                 \
    X(M_TEXT, "%s", "%s")       /* a message formatted already, in either language */          \
    X(M_WARNING, "warning", "警告")                                                          \
    X(M_NOTE, "note", "注")                                                                  \
    X(M_COUNT1, "1 error", "共 1 个错误")                                                    \
    X(M_COUNTN, "%d errors", "共 %d 个错误")                                                 \
    X(M_WCOUNT1, "1 warning", "共 1 个警告")                                                 \
    X(M_WCOUNTN, "%d warnings", "共 %d 个警告")                                              \
    X(M_TOO_MANY, "too many errors, stopping", "错误太多，停止检查")                         \
    X(M_CANT_READ, "cannot read %s: %s", "无法读取 %s：%s")                                  \
    X(M_CANT_WRITE, "cannot write %s: %s", "无法写入 %s：%s")                                  \
    X(M_OUT_IS_INPUT, "cannot write %s: it is the input %s", "无法写入 %s：它就是输入文件 %s") \
    X(M_OUT_KEPT, "the complete output is kept in %s", "完整的输出保存在 %s")                \
    X(M_WRITE_ERROR, "write error: %s", "写出错误：%s")                                     \
    X(M_IS_DIR, "%s is a directory, not a rule script", "%s 是目录，不是规则脚本")          \
    X(M_NOT_REGULAR, "%s is not a regular file (a device, pipe or socket)",                  \
      "%s 不是普通文件（而是设备、管道或套接字）")                                          \
    X(M_TOO_BIG, "%s is larger than %d MB, the limit for a rule script",                    \
      "%s 超过 %d MB，规则脚本不能这么大")                                                  \
    X(M_BAD_UTF8, "invalid UTF-8 (byte 0x%02X)", "无效的 UTF-8 编码（字节 0x%02X）")         \
    X(M_BAD_UTF8_GBK, "invalid UTF-8 (byte 0x%02X): the file looks like GBK/GB18030; save it " \
      "as UTF-8 (Notepad: Save As, Encoding: UTF-8)",                                        \
      "无效的 UTF-8 编码（字节 0x%02X）：文件似乎是 GBK/GB18030 编码，请另存为 UTF-8"          \
      "（记事本：另存为，编码选 UTF-8）")                                                     \
    X(M_BAD_CHAR, "unexpected character '%s'", "不能识别的字符「%s」")                       \
    X(M_UNTERMINATED, "unterminated string", "字符串缺少结束引号")                          \
    X(M_BAD_ESCAPE, "unknown escape '%s' (use \\\" \\\\ \\n \\t \\u{...})",                  \
      "未知的转义「%s」（可用 \\\" \\\\ \\n \\t \\u{...}）")                                 \
    X(M_BAD_CODEPOINT, "'%s' is not a valid code point", "「%s」不是有效的字符编码")         \
    X(M_LONE_BRACE, "single '}' in a string; write '}}' for a brace",                        \
      "字符串中单独的「}」；字面的花括号请写「}}」")                                         \
    X(M_UNCLOSED_FMT, "'{' in a string is not closed by '}'", "字符串中的「{」缺少「}」")   \
    X(M_TOO_DEEP, "nesting too deep", "嵌套过深")                                            \
    X(M_UNEXPECTED, "unexpected %s", "此处不应出现%s")                                       \
    X(M_EXPECTED, "unexpected %s, expected %s", "此处不应出现%s，应为%s")                    \
    X(M_OR, " or ", "或")                                                                    \
    X(M_LIST_SEP, ", ", "、")                                                                \
    /* tokens by their class, in syntax errors ("unexpected end of file, expected a string") */ \
    X(M_TOK_EOF, "end of file", "文件结尾")                                                  \
    X(M_TOK_EXPR, "an expression", "表达式")                                                 \
    X(M_TOK_NAME, "name", "名称")                                                            \
    X(M_TOK_DFIELD, "data path", "数据路径")                                                 \
    X(M_TOK_FIELD, "field", "字段")                                                          \
    X(M_TOK_NUMBER, "number", "数字")                                                        \
    X(M_TOK_PERCENT, "percentage", "百分数")                                                 \
    X(M_TOK_STRING, "string", "字符串")                                                      \
    X(M_TOK_ISTR, "string with {}", "带 {} 的字符串")                                        \
    X(M_TOK_ISTR_MID, "string part", "字符串中 {} 之间的部分")                               \
    X(M_TOK_ISTR_END, "end of string", "字符串结尾")                                         \
    X(M_TOK_FMT, "format", "格式")                                                           \
    /* hints: diag_error_hint shows them after the message and M_SEMICOLON */               \
    X(M_SPLIT, "did you mean %s %s?", "是否想写「%s %s」？")                                 \
    X(M_UNKNOWN_NAME, "unknown name '%s'", "未知的名称「%s」")                              \
    X(M_UNKNOWN_FUNC, "unknown function '%s'", "未知的函数「%s」")                          \
    X(M_DID_YOU_MEAN, "did you mean '%s'?", "是否想写「%s」？")                              \
    X(M_HINT_EQ, "did you mean '=='? (a single '=' only defines a let or const)",            \
      "是否想写「==」？（单个「=」只用于定义「设」和「常量」）")                              \
    X(M_HINT_COMMA, "did you mean ','? (arguments are separated by commas)",                 \
      "是否想写「，」？（参数之间用逗号分隔）")                                                \
    X(M_FW_DIGITS, "full-width digits '%s'", "全角数字「%s」")                              \
    X(M_HINT_DIGITS, "did you mean %s? (type numbers with half-width digits)",               \
      "是否想写「%s」？（数字请用半角输入）")                                                  \
    X(M_HINT_BAND, "%s starts the next band: the condition on the line before is not finished", \
      "%s是下一个等级：上一行的条件没有写完")                                                 \
    X(M_HINT_QUOTES, "the string opens with %s but ends with %s: use “…” or \"…\" at both ends", \
      "字符串以 %s 开始，却以 %s 结束：两端请使用同一种引号，“…”或 \"…\"")                    \
    /* notes after a syntax error (brace.c): where a '}' is probably missing or extra */     \
    /* the second %s (the first of M_NOTE_EXTRA): the script's own brace, } or ｝ */         \
    X(M_NOTE_UNCLOSED, "the '%s' opened here may be missing its '%s'",                      \
      "此处开始的「%s」可能缺少结尾的「%s」")                                                 \
    X(M_NOTE_EXTRA, "this '%s' may be one too many: it closes the '%s' of line %u, which is indented less", \
      "这个「%1$s」可能多余：它关闭的是第 %3$u 行缩进更少的「%2$s」")                        \
    /* a call with the wrong number of arguments: singular and plural in English */         \
    X(M_ARITY_1, "%s() takes 1 argument, not %d", "%s() 需要 1 个参数，而不是 %d 个")            \
    X(M_ARITY_N, "%s() takes %d arguments, not %d", "%s() 需要 %d 个参数，而不是 %d 个")          \
    X(M_ARITY_MIN1, "%s() takes at least 1 argument, not %d",                                  \
      "%s() 需要至少 1 个参数，而不是 %d 个")                                                    \
    X(M_ARITY_MIN, "%s() takes at least %d arguments, not %d",                                 \
      "%s() 需要至少 %d 个参数，而不是 %d 个")                                                   \
    X(M_ARITY_RANGE, "%s() takes %d or %d arguments, not %d",                                  \
      "%s() 需要 %d 或 %d 个参数，而不是 %d 个")                                                 \
    X(M_WEIGHT_SUM, "indicator '%s' has weight %s but its sub-indicators add up to %s",      \
      "指标「%s」的分值 %s 与下级分值之和 %s 不符")                                          \
    X(M_NO_WEIGHT, "indicator '%s' has no weight (an indicator without sub-indicators needs one)", \
      "末级指标「%s」没有分值")                                                              \
    X(M_NEG_WEIGHT, "indicator '%s' has a negative weight %s", "指标「%s」的分值 %s 为负数") \
    X(M_DUP_INDICATOR, "duplicate indicator '%s' (also at line %u)",                         \
      "指标「%s」重复（第 %u 行已有）")                                                       \
    X(M_DUP_NAME, "'%s' is already defined at line %u", "「%s」已在第 %u 行定义")           \
    X(M_DUP_ITEM, "'%s' is given twice (also at line %u)", "「%s」重复出现（第 %u 行已有）")  \
    X(M_SCORE_IN_LEAF, "'%s' cannot be read in the rules of indicator '%s', which compute it", \
      "指标「%2$s」的规则不能读取「%1$s」（它正由这些规则计算）")                            \
    X(M_SCORE_HERE, "'%s' can only be read in grades and in a parent indicator's deduct, fail and note", \
      "「%s」只能在等级、上级指标的扣分、不得分和说明中读取")                                \
    X(M_SCORE_PARENT, "'score' sets a leaf's base score, but '%s' has sub-indicators",       \
      "「得分」用于末级指标，而指标「%s」有下级指标")                                       \
    X(M_TWO_SCORES, "indicator '%s' has a second 'score' rule (first at line %u)",           \
      "指标「%s」有第二条得分规则（第 %u 行已有）")                                          \
    X(M_PCT_SUM, "percentage weights under '%s' add up to %s, not 100%%",                    \
      "「%s」下级指标的百分比分值之和为 %s，应为 100%%")                                      \
    X(M_PCT_MIXED, "sub-indicators of '%s' mix percentage and absolute weights",             \
      "「%s」的下级指标混用了百分比分值和绝对分值")                                          \
    X(M_PCT_SUM_TOP, "percentage weights of the top-level indicators add up to %s, not 100%%", \
      "一级指标的百分比分值之和为 %s，应为 100%%")                                            \
    X(M_PCT_MIXED_TOP, "top-level indicators mix percentage and absolute weights",           \
      "一级指标混用了百分比分值和绝对分值")                                                  \
    X(M_PCT_NO_BASE, "'%s' has a percentage weight, but its parent '%s' has no weight",      \
      "「%s」使用百分比分值，但上级指标「%s」没有分值")                                       \
    X(M_CONST_DATA, "const '%s' cannot read %s (consts are computed once, before any data)", \
      "常量「%s」不能读取 %s（常量在读入数据前计算）")                                        \
    X(M_ELEM_OUTSIDE, "'.' names an element only inside 'where' and 'map'",                  \
      "「.」只能在「满足」条件和「逐项」中使用")                                               \
    X(M_WEIGHT_DECIMALS, "weight %s has more decimals than precision %d",                     \
      "分值 %s 的小数位数多于精度 %d")                                                         \
    X(M_NEG_DEDUCT, "deduct amount %s is negative", "扣分 %s 为负数")                         \
    X(M_NO_INDICATOR, "no indicator '%s'", "没有指标「%s」")                                   \
    X(M_IND_CYCLE, "indicator '%s' depends on its own score: %s",                              \
      "指标「%s」依赖它自己的得分：%s")                                                        \
    X(M_CHAIN_MORE, "… (%u more)", "…（另 %u 个）")                                          \
    X(M_DOTS_NAME, "'%s' is one new indicator whose name contains dots, not a path (write a path unquoted, or quote each step: a.\"b\")", \
      "「%s」是一个名称中带点的新指标，而不是路径（路径请不加引号书写，或逐段加引号：a.\"b\"）") \
    X(M_PRECISION, "precision must be a whole number from 0 to 10", "精度应为 0 到 10 的整数") \
    X(M_CYCLE, "'%s' is defined in terms of itself", "「%s」的定义引用了它自身")                  \
    X(M_BAD_FMT, "unknown format ':%s' (use {x}, {x:%%} or {x:.2})",                        \
      "未知的格式「:%s」（可用 {x}、{x:%%} 或 {x:.2}）")                                     \
    X(M_RULESET_FIRST, "'ruleset' must come first", "「规则集」应写在最前面")                 \
    X(M_EXT_DEPTH, "'extends' goes deeper than %d scripts: %s", "「继承」超过 %d 层：%s")      \
    X(M_EXT_CYCLE, "'extends' goes round in a circle: %s", "「继承」形成循环：%s")            \
    X(M_EXT_NO_PARENT, "the base rule set has no indicator '%s' to put '%s' under",             \
      "基础规则集中没有指标「%s」，无法在其下加入「%s」")                                     \
    X(M_DROP_MISSING, "the base rule set has no indicator '%s' to drop",                        \
      "基础规则集中没有要删除的指标「%s」")                                                    \
    X(M_DROP_NO_BASE, "'drop' needs a base rule set ('extends')", "「删除」只能用于继承的规则集") \
    X(M_EXPECT_TARGET, "expect compares an indicator path, score, grade or errors with a value", \
      "期望应比较指标路径、得分（score）、等级（grade）或错误（errors）与一个值")                                   \
    X(M_EXPECT_NO_IND, "no indicator '%s' to expect a score of", "没有指标「%s」，无法期望它的得分")              \
    X(M_WITH_JSON, "the object after 'with' is not valid JSON", "「合并」之后的对象不是有效的 JSON") \
    X(M_ROW_BODY, "a 'from' body is one row's rules: it cannot hold indicators or 'from' blocks", \
      "「来自」的规则体是每一行的规则，不能包含指标或「来自」")                               \
    X(M_DOTTED, "a dotted indicator name needs 'extends'", "带点的指标路径只能用于继承的规则集") \
    /* warnings (lint.c): the script runs, but part of it can have no effect; a quoted %s   \
       is a keyword in the message's language */                                           \
    X(M_L_UNUSED_LET, "let '%s' is never used", "变量「%s」定义后从未使用")                   \
    X(M_L_UNUSED_CONST, "const '%s' is never used", "常量「%s」定义后从未使用")               \
    X(M_L_NEVER, "this '%s' never fires: its condition is always false",                      \
      "这条「%s」永远不会生效：条件始终不成立")                                                \
    X(M_L_GUARDED, "this '%s' never fires: the '%s' at line %u always decides the indicator first", \
      "这条「%1$s」永远不会生效：第 %3$u 行的「%2$s」总是先决定该指标的得分")                   \
    X(M_L_BAND_FALSE, "grade '%s' is never given: its condition is always false",             \
      "等级「%s」永远不会评出：条件始终不成立")                                                \
    X(M_L_BAND_AFTER, "grade '%s' is never given: the band at line %u always matches first",  \
      "等级「%s」永远不会评出：第 %u 行的等级总是先成立")                                       \
    X(M_L_SELF_NULL, "this '%s' never gives a claim: it is always null",                      \
      "这条「%s」永远不会给出自评分：它始终为空")                                              \
    X(M_L_SELF_CONST, "this '%s' never gives claims: it must be an object read from the data, and it reads no data", \
      "这条「%s」永远不会给出自评分：它应是从数据中读取的对象，却没有读取任何数据")             \
    /* jixiao diff --data: how the scores of each data set move (diff.c); %s are texts and    \
       numbers already formatted, %llu counts */                                            \
    X(M_D_HEADER, "Scores on the data (old rules → new rules):",                               \
      "数据得分变化（旧规则 → 新规则）：")                                                       \
    X(M_D_SET, "%s: %s → %s", "%s：%s → %s")                                                  \
    X(M_D_IND, "  %s: %s → %s", "  %s：%s → %s")                                              \
    X(M_D_DELTA, " (%s)", "（%s）")                                                           \
    X(M_D_UNSCORED, "not scored (%s)", "未能计分（%s）")                                       \
    X(M_D_NO_GRADE, "no grade", "无等级")                                                     \
    X(M_D_NOUN, "data sets", "部门")            /* what the data sets are */                 \
    X(M_D_NOUN_PROJ, "data sets", "项目")       /* … when the rule set's name has 项目 */     \
    X(M_D_SUMMARY, "Summary: %llu %s: %llu with a new total (%llu up, %llu down), %llu with the same", \
      "汇总：%llu 个%s，%llu 个总分变化（%llu 个上升，%llu 个下降），%llu 个总分不变")          \
    X(M_D_GRADES, "; %llu %s changed grade: ", "；%llu 个%s等级变化：")                        \
    X(M_D_NO_GRADES, "; no grade changed", "；等级均无变化")                                  \
    X(M_D_DOWN, "%llu from %s down to %s", "%llu 个由%s降为%s")                                \
    X(M_D_UP, "%llu from %s up to %s", "%llu 个由%s升为%s")                                    \
    X(M_D_TO, "%llu from %s to %s", "%llu 个由%s变为%s")                                       \
    X(M_D_LIST_SEP, ", ", "，")                                                              \
    X(M_D_ERRORS, "; %llu could not be scored (old rules: %llu, new rules: %llu)",             \
      "；%llu 个未能计分（旧规则 %llu 个，新规则 %llu 个）")                                    \
    /* jixiao diff: the rule differences (diff.c); %s are paths, names, numbers and rule     \
       texts as written, or M_D_NONE and M_D_NA_* */                                        \
    X(M_D_MAX, "~ max: %s -> %s", "~ 满分：%s → %s")                                        \
    X(M_D_REMOVED, "- %s (weight %s)", "- %s（分值 %s）")                                   \
    X(M_D_ADDED, "+ %s (weight %s)", "+ %s（分值 %s）")                                     \
    X(M_D_WEIGHT, "~ %s: weight %s -> %s", "~ %s：分值 %s → %s")                            \
    X(M_D_RULES, "~ %s: rules changed", "~ %s：规则有变化")                                 \
    X(M_D_CONST_ADDED, "+ const %s = %s", "+ 常量 %s = %s")                                 \
    X(M_D_CONST_CHANGED, "~ const %s: %s -> %s", "~ 常量 %s：%s → %s")                      \
    X(M_D_CONST_REMOVED, "- const %s", "- 常量 %s")                                         \
    X(M_D_LET_ADDED, "+ let %s = %s", "+ 变量 %s = %s")                                     \
    X(M_D_LET_CHANGED, "~ let %s: %s -> %s", "~ 变量 %s：%s → %s")                          \
    X(M_D_LET_REMOVED, "- let %s", "- 变量 %s")                                             \
    X(M_D_GRADES_CHANGED, "~ grades: %s -> %s", "~ 等级：%s → %s")                          \
    X(M_D_NONE, "(none)", "（无）")         /* no grades block */                            \
    X(M_D_PRECISION, "~ precision: %d -> %d", "~ 精度：%d → %d")                            \
    X(M_D_NA, "~ na: %s -> %s", "~ 不适用指标：%s → %s")                                    \
    X(M_D_NA_FULL, "full", "按满分计")                                                      \
    X(M_D_NA_RESCALE, "rescale", "按比例折算")                                              \
    X(M_U_DIFF_FORMAT, "unknown format '%s' for diff (use text or json)",                      \
      "diff 不支持格式「%s」（可用 text 或 json）")                                            \
    /* jixiao explain (out_explain.c): %s are texts and numbers already formatted */        \
    X(M_X_TOTAL, "total %s / %s", "总分 %s / %s")                                          \
    X(M_X_GRADE, ", grade %s", "，等级 %s")                                                 \
    X(M_X_IND_GRADE, "  grade %s", "  等级 %s")                                             \
    X(M_X_ROW, "(line %u)", "（第 %u 行）")                                                 \
    X(M_X_NA, "n/a", "不适用")                                                              \
    X(M_X_NA_TERM, "(n/a)", "（不适用）")                                                   \
    X(M_X_FAILED, "(fails)", "（不得分）")                                                  \
    X(M_X_BONUS, "(bonus)", "（加分项）")                                                   \
    X(M_X_CAPPED, " (at most %s)", "（以满分 %s 为限）")                                    \
    X(M_X_APPLIES, "applies", "适用")                                                       \
    X(M_X_NOT_MET, "condition not met", "条件不成立")                                       \
    X(M_X_DEDUCT, "deducts %s", "扣 %s 分")                                            \
    X(M_X_FAIL, "fails", "不得分")                                                          \
    X(M_X_BAND, "grade %s", "等级 %s")                                                      \
    X(M_X_COLON, ": ", "：")                                                                \
    X(M_X_SEP, ", ", "，")                                                                  \
    X(M_X_ERROR, "error: ", "错误：")                                                       \
    X(M_X_RESCALE, "na rescale: %s / %s × %s = %s", "不适用指标分值按比例折算：%s ÷ %s × %s = %s") \
    X(M_X_RESCALE_ALL, "na rescale: nothing applies, so the full %s",                     \
      "不适用指标分值按比例折算：全部不适用，按满分 %s 计")                                   \
    X(M_X_RESCALE_NA, " (n/a: %s)", "（不适用：%s）")                                       \
    X(M_X_RESCALE_TO, "; weights × %s/%s: %s", "；分值 × %s/%s：%s")                        \
    /* command-line errors */                                                                \
    X(M_U_MISSING_CMD, "missing command", "缺少命令")                                          \
    X(M_U_UNKNOWN_CMD, "unknown command '%s'", "未知的命令「%s」")                             \
    X(M_U_UNKNOWN_OPT, "unknown option '%s'", "未知的选项「%s」")                              \
    X(M_U_NEEDS_VALUE, "option %s needs a value", "选项 %s 需要一个值")                        \
    X(M_U_LANG, "unknown language '%s' (use zh or en)", "未知的语言「%s」（可用 zh 或 en）")   \
    X(M_U_FORMAT, "unknown format '%s' (use json, ndjson, csv, table, explain, xlsx or html)", \
      "未知的格式「%s」（可用 json、ndjson、csv、table、explain、xlsx 或 html）")                \
    X(M_U_CHECK_FORMAT, "unknown format '%s' for check (use text or json)",                 \
      "check 不支持格式「%s」（可用 text 或 json）")                                           \
    X(M_U_XLSX_TTY, "xlsx is a binary file, not for a terminal%s: write it with -o FILE.xlsx", \
      "xlsx 是二进制文件，不能输出到终端%s：请用 -o 文件名.xlsx 写入文件")                      \
    X(M_U_THREADS, "-j needs a number of threads from 1 to 1024, not '%s'",                     \
      "-j 需要 1 到 1024 的线程数，而不是「%s」")                                               \
    X(M_U_STYLE, "--style needs zh or en, not '%s'", "--style 需要 zh 或 en，而不是「%s」")     \
    X(M_U_RUN_NEEDS, "run needs a rule script", "run 需要一个规则脚本")                         \
    X(M_U_NEEDS_ONE, "%s needs at least one rule script", "%s 至少需要一个规则脚本")            \
    X(M_U_DIFF_NEEDS, "diff needs two rule scripts: OLD.eval NEW.eval",                         \
      "diff 需要两个规则脚本：旧.eval 新.eval")                                                  \
    X(M_U_TEMPLATE_NEEDS, "template needs one rule script", "template 需要一个规则脚本")        \
    X(M_U_TEMPLATE_EXT, "-o %s: a template is FILE.xlsx (the form) or FILE.csv (the table header)", \
      "-o %s：模板应为 FILE.xlsx（填报表）或 FILE.csv（汇总表的表头）")                        \
    X(M_U_TRY, "Try 'jixiao --help' for more.", "运行 jixiao --help 查看详细说明。")             \
    /* the command line's own errors and notes (cli_error, cli_warning, cli_message) */       \
    X(M_OOM, "out of memory (%zu bytes)", "内存不足（需要 %zu 字节）")                            \
    X(M_THREAD, "cannot start thread %d", "无法启动第 %d 个线程")                                 \
    X(M_PROGRESS, "%llu data sets, %.0f/s", "已计分 %llu 个数据集，每秒 %.0f 个")                 \
    X(M_PROGRESS_ETA, ", %.0f%%, ETA %dm%02ds", "，已读 %.0f%%，预计还需 %d 分 %02d 秒")          \
    X(M_XLSX_LIB, "xlsx: %s", "xlsx：%s")   /* libxlsxwriter's own (English) reason */          \
    X(M_XLSX_TMP, "xlsx: cannot make a temporary file in %s: %s",                                \
      "xlsx：无法在 %s 创建临时文件：%s")                                                        \
    X(M_XLSX_COPY, "xlsx: cannot copy the workbook: %s", "xlsx：无法复制工作簿：%s")               \
    X(M_XLSX_FAILED, "xlsx: the workbook could not be written", "xlsx：工作簿未能写出")            \
    X(M_HTML_TMP, "html: cannot make a temporary file", "html：无法创建临时文件")                  \
    X(M_HELD, "%s: the output kept in a temporary file could not be read back",                 \
      "%s：暂存在临时文件中的输出未能读回")                                                     \
    X(M_SHEET_NAME, "the array %s cannot be a sheet name (at most 31 characters, none of []:*?/\\); its sheet is left out", \
      "数组 %s 不能用作工作表名称（最多 31 个字符，不能含 []:*?/\\）；不为它建工作表")            \
    /* jixiao test: a failing test, on standard output */                                    \
    X(M_TEST_FAILED, "%s: test \"%s\" failed: %s", "%s: 测试「%s」未通过：%s")                  \
    X(M_TEST_EXPECTED, "expected %.*s, got ", "期望 %.*s，实际为 ")                               \
    X(M_TEST_ERROR_RESULT, "an error result (no scores)", "错误结果（无得分）")                   \
    X(M_TEST_GOT_STRING, "\"%.*s\"", "“%.*s”")    /* an actual grade; null is M_T_NULL */    \
    X(M_TEST_CANT_EVAL, "%.*s: %s", "期望 %.*s 无法计算：%s")  /* why an expectation has no value */ \
    X(M_TEST_NO_FILE, "cannot read %s", "无法读取 %s")                                            \
    X(M_TEST_NOT_OBJECT, "%s is not a JSON object", "%s 不是 JSON 对象")                          \
    /* evaluation errors (in results) */                                                     \
    X(M_E_MISSING, "%s is missing", "%s 缺失")                                              \
    X(M_E_TYPE, "%s is %s, expected %s", "%s 是%s，应为%s")                                 \
    X(M_E_NOFIELD, "%s is %s, so it has no field '%s'", "%s 是%s，没有字段「%s」")           \
    X(M_E_DIV0, "division by zero: %s is 0", "除数为零：%s 等于 0")                          \
    X(M_E_NUMBER, "%s is not a number: \"%s\"", "%s 不是数值：“%s”")                        \
    X(M_E_NEGATIVE, "deduct amount %s is negative (%s)", "扣分 %s 为负数（%s）")             \
    X(M_E_ATTAIN, "attain: the target \"%s\" has no number (a qualitative target is scored by the rules themselves)", \
      "attain：指标值“%s”没有数值（定性指标应由规则自行评分）")                              \
    /* the errors of a from block's rows: the error's indicator (the block's parent) is not
       named again, every line that shows the message begins with it (table_error_text) */  \
    X(M_E_ROWS_SUM, "its rows add up to %s, not its weight %s (%s)",                         \
      "各行分值之和 %s 与分值 %s 不符（%s）")                                                 \
    X(M_E_ROW_NONAME, "%s has no name (%s is missing or empty)",                             \
      "%s 没有名称（%s 缺失或为空）")                                                         \
    X(M_E_ROW_NOGROUP, "%s has no group (%s is missing or empty)",                           \
      "%s 没有分组（%s 缺失或为空）")                                                         \
    X(M_E_ROW_WEIGHT, "the weight of %s is %s, not a number >= 0 (%s)",                      \
      "%s 的分值是%s，应为不小于 0 的数值（%s）")                                             \
    /* two children of one indicator with one name: the one the data made (the later of two
       rows) is named by its place in the data (a row's, a group's first row's), the other
       row too when there are two */                                                        \
    X(M_E_ROW_DUP, "%s has the same name as %s: '%s'", "%s 与 %s 重名：「%s」")                  \
    X(M_E_ROW_DUP_GROUP, "%s has the same name as %s: '%s' (group '%s')",                    \
      "%s 与 %s 重名：「%s」（分组「%s」）")                                                   \
    X(M_E_ROW_DUP_SIB, "%s has the same name as another indicator beside it: '%s'",          \
      "%s 与同级指标重名：「%s」")                                                             \
    X(M_E_GROUP_DUP, "%s is in group '%s', which has the same name as another indicator beside it", \
      "%s 所在的分组「%s」与同级指标重名")                                                     \
    X(M_E_NO_ROW, "no indicator '%s' in this data set's rows", "本数据集的各行中没有指标「%s」") \
    X(M_E_ROW_CYCLE, "indicator '%s' depends on its own score", "指标「%s」的得分依赖它自身")  \
    X(M_E_EMPTY, "%s is an empty array", "%s 是空数组")                                      \
    X(M_E_DATE, "%s is not a date: \"%s\" (write 2022-03-15, 2022/3/15, 2022.3.15 or 2022年3月15日)", \
      "%s 不是日期：“%s”（应写作 2022-03-15、2022/3/15、2022.3.15 或 2022年3月15日）")        \
    X(M_E_CLAMP, "clamp: the lower bound %s is greater than the upper bound %s",             \
      "clamp：下限 %s 大于上限 %s")                                                          \
    X(M_E_JSON, "not valid JSON", "不是有效的 JSON")                                         \
    X(M_E_NOT_OBJECT, "a data set must be a JSON object, not %s", "数据集应为 JSON 对象，而不是%s") \
    /* reading data (input.c, json.c) */                                                   \
    X(M_E_LINE_LONG, "the line is longer than %d MB, the limit for one data set",             \
      "该行超过 %d MB，一个数据集不能这么大")                                                 \
    X(M_E_LINE_MEM, "the line is too long for the memory there is", "该行太长，内存容纳不下")      \
    X(M_E_DOC_BIG, "%s: the JSON document is larger than %d MB, the limit for one document; " \
      "give many data sets as NDJSON (one a line)",                                          \
      "%s：JSON 文档超过 %d MB，一个文档不能这么大；数据集多时请用 NDJSON（每行一个）")       \
    X(M_E_BOOK_BIG, "%s is larger than %d MB, the limit for one spreadsheet",                 \
      "%s 超过 %d MB，一个电子表格不能这么大")                                                 \
    X(M_NOT_DATA, "%s is a device or socket, not data", "%s 是设备或套接字，不是数据")        \
    X(M_E_DATA_UTF8, "%s holds bytes that are not UTF-8 (byte 0x%02X); save the data as UTF-8", \
      "%s 含有不是 UTF-8 的字节（0x%02X）；请把数据存为 UTF-8")                               \
    X(M_E_DATA_NUL, "%s holds \\u0000 (a NUL character), which data text may not contain",   \
      "%s 含有 \\u0000（空字符），数据文本中不能有空字符")                                   \
    /* spreadsheets (book.c, in_csv.c, in_xlsx.c): cells by their data path and text */    \
    X(M_SEMICOLON, "; ", "；")                                                               \
    X(M_E_CELL_NUMBER, "%s: \"%s\" is not a number", "%s：“%s”不是数值")                    \
    X(M_E_CELL_BOOL, "%s: \"%s\" is not yes or no (是/否, √/×, TRUE/FALSE)",                 \
      "%s：“%s”不是是否值（请填 是/否、√/× 或 TRUE/FALSE）")                                 \
    X(M_E_CELL_ERROR, "%s: the cell holds the error %s", "%s：单元格是错误值 %s")            \
    X(M_E_CELL_KEY, "%s \"%s\" names no row of the first sheet",                             \
      "%s“%s”在第一个工作表中没有对应的行")                                                  \
    X(M_E_GBK_JSON, "the file is not UTF-8 but GBK/GB18030 (as Notepad or Excel save \"ANSI\" "  \
      "on Chinese Windows); save it as UTF-8 (Notepad: Save As, Encoding: UTF-8) or convert "  \
      "it with: iconv -f GB18030 -t UTF-8 %s > NEW.json",                                    \
      "文件不是 UTF-8 编码，而是 GBK/GB18030（中文 Windows 记事本或 Excel 的“ANSI”）；"        \
      "请另存为 UTF-8（记事本：另存为，编码选 UTF-8），或用 iconv -f GB18030 -t UTF-8 %s > 新文件.json 转换") \
    X(M_E_ENCODING, "cannot read the file as %s (byte %zu)", "无法按 %s 编码读取文件（第 %zu 字节）") \
    X(M_E_BAD_ENCODING, "unknown encoding %s", "未知的编码 %s")                               \
    X(M_E_XLSX, "not a readable .xlsx workbook (%s)", "不是可读取的 .xlsx 工作簿（%s）")     \
    X(M_E_SELFSCORE, "selfscore must give an object, not %s", "自评分应为对象，而不是%s")    \
    X(M_E_DEPENDS, "indicator '%s' could not be scored", "指标「%s」未能计分")                \
    X(M_E_UNSCORED, "%llu of %llu data sets could not be scored (see \"errors\" in the results)", \
      "%llu 个数据集未能计分（共 %llu 个，见结果中的 \"errors\"）")                          \
    /* numbers beyond a double (issue 6.9, 6.10): never Infinity or NaN in any output */    \
    X(M_NUM_HUGE, "number too large: %s (the largest is about 1.8e308)",                     \
      "数字过大：%s（最大约为 1.8e308）")                                                    \
    X(M_E_HUGE, "%s is too large a number (beyond about 1.8e308)",                            \
      "%s 数值过大（超出约 1.8e308）")                                                        \
    X(M_E_NAN, "%s is NaN, not a number", "%s 是 NaN，不是数值")                             \
    X(M_W_HUGE, "the claim is too large a number (beyond about 1.8e308)",                  \
      "自评分数值过大（超出约 1.8e308）")                                                      \
    X(M_BIG_WEIGHT, "indicator '%s' has weight %s, more than the largest weight, 1e15",      \
      "指标「%s」的分值 %s 超过分值的上限 1e15")                                               \
    X(M_E_ROW_BIG_WEIGHT, "the weight of %s is %s, more than the largest weight, 1e15 (%s)", \
      "%s 的分值是%s，超过分值的上限 1e15（%s）")                                            \
    X(M_E_ROW_DECIMALS, "the weight of %s is %s, with more decimals than precision %d (%s)",  \
      "%s 的分值是%s，小数位数超过精度 %d（%s）")                                             \
    /* review_warnings: why a selfscore claim cannot be used */                              \
    X(M_W_NO_IND, "names no indicator", "没有这个指标")                                       \
    X(M_W_AMBIGUOUS, "several leaves have this name: write the path",                        \
      "有多个末级指标同名，请写完整路径")                                                      \
    X(M_W_NOT_NUMBER, "the claim is %s, not a number", "自评分是%s，不是数值")                  \
    X(M_W_TOTAL, "the total is not an indicator: claims are compared indicator by indicator", \
      "总分不是指标：自评分按指标逐项比较")                                                    \
    /* --help texts, printed as they are (not printf formats); the usage's lines up to its  \
       first blank line are the synopsis a usage error shows */                             \
    X(M_H_USAGE,                                                                           \
      "usage: jixiao run RULES [DATA...] [-o FILE] [--format json|ndjson|csv|table] [-j N]\n" \
      "       jixiao check RULES... [--format text|json]\n" \
      "       jixiao test RULES...\n" \
      "       jixiao explain RULES [DATA...]\n" \
      "       jixiao diff OLD.eval NEW.eval [--data DATA...] [--format text|json]\n" \
      "       jixiao template RULES [-o FILE.xlsx|FILE.csv]\n" \
      "       jixiao fmt [-w | --check] [--style en|zh] RULES...\n" \
      "       jixiao --help | --version\n" \
      "\n" \
      "Scores performance-evaluation data sets (JSON) with a .eval rule script.\n" \
      "\n" \
      "commands:\n" \
      "  run     score every data set of DATA (files, directories of *.json, or - for\n" \
      "          standard input; JSON or newline-delimited JSON) and print the results\n" \
      "  check   report every error and warning of the rule scripts; silent when there\n" \
      "          are none\n" \
      "  test    run the test blocks of the rule scripts; ends with \"N passed, N failed\"\n" \
      "  explain show, for each data set, every rule of every indicator and what it did\n" \
      "  diff    list what changed from one version of a rule set to another, and with\n" \
      "          --data how every data set's scores move\n" \
      "  template write the data-entry form of a rule set: every data path the rules read\n" \
      "  fmt     rewrite rule scripts in one style (English or Chinese keywords)\n" \
      "\n" \
      "options:\n" \
      "  -o FILE          write the results to FILE (replaced only when the run completes)\n" \
      "  --format FMT     json (default), ndjson, csv, table, explain, xlsx (the\n" \
      "                   自评表 workbook, with -o FILE.xlsx) or html (a printable report)\n" \
      "  --detail         csv: one row per indicator (path, weight, score, self, reasons)\n" \
      "  -j N             score with N threads (default: the number of cores); the output\n" \
      "                   is the same for every N\n" \
      "  --encoding ENC   read CSV data in ENC (GBK, GB18030, UTF-8...); default: detected\n" \
      "  -q, --quiet      no progress line on standard error\n" \
      "  --lang zh|en     language of diagnostics (default: from LC_ALL, LC_MESSAGES, LANG)\n" \
      "  -h, --help       this help\n" \
      "  --version        the version\n" \
      "\n" \
      "exit status: 0 all scored, 1 some data set could not be scored, 2 the rule script\n" \
      "or the command line is wrong (nothing is scored).\n",\
      "用法：jixiao run 规则 [数据...] [-o 文件] [--format json|ndjson|csv|table] [-j N]\n" \
      "      jixiao check 规则... [--format text|json]\n" \
      "      jixiao test 规则...\n" \
      "      jixiao explain 规则 [数据...]\n" \
      "      jixiao diff 旧.eval 新.eval [--data 数据...] [--format text|json]\n" \
      "      jixiao template 规则 [-o 文件.xlsx|文件.csv]\n" \
      "      jixiao fmt [-w | --check] [--style en|zh] 规则...\n" \
      "      jixiao --help | --version\n" \
      "\n" \
      "用 .eval 规则脚本为绩效评价数据集（JSON）计分。\n" \
      "\n" \
      "命令：\n" \
      "  run      为数据中的每个数据集计分并输出结果（数据：文件、存放 *.json 的目录，\n" \
      "           或 - 表示标准输入；JSON 或每行一个 JSON）\n" \
      "  check    报告规则脚本的全部错误和警告；没有时不输出\n" \
      "  test     运行规则脚本中的测试块；最后一行为\u201cN passed, N failed\u201d\n" \
      "  explain  逐个数据集显示每个指标的每条规则及其作用\n" \
      "  diff     列出规则集两个版本之间的变化；加 --data 时还显示每个数据集得分的变化\n" \
      "  template 生成规则集的数据填报表：规则读取的每个数据路径\n" \
      "  fmt      以统一风格（英文或中文关键字）重写规则脚本\n" \
      "\n" \
      "选项：\n" \
      "  -o 文件          把结果写入文件（运行完成后才替换该文件）\n" \
      "  --format 格式    json（默认）、ndjson、csv、table、explain、xlsx（自评表工作簿，\n" \
      "                   需 -o 文件.xlsx）或 html（可打印的报告）\n" \
      "  --detail         csv：每个指标一行（路径、分值、得分、自评分、扣分原因）\n" \
      "  -j N             用 N 个线程计分（默认：CPU 核数）；输出与 N 无关\n" \
      "  --encoding 编码  按此编码读取 CSV 数据（GBK、GB18030、UTF-8……）；默认自动识别\n" \
      "  -q, --quiet      不在标准错误上显示进度\n" \
      "  --lang zh|en     提示信息的语言（默认取自 LC_ALL、LC_MESSAGES、LANG）\n" \
      "  -h, --help       显示本帮助\n" \
      "  --version        显示版本\n" \
      "\n" \
      "退出状态：0 全部计分；1 有数据集未能计分；2 规则脚本或命令行有误（不计分）。\n") \
    X(M_H_RUN,                                                                           \
      "usage: jixiao run RULES [DATA...] [-o FILE] [--format FMT] [--detail] [-j N] [--lang zh|en]\n" \
      "\n" \
      "Checks RULES, then scores every data set of DATA in order and prints one result per\n" \
      "data set. DATA: a JSON file holding an object (one data set) or an array (many), an\n" \
      "NDJSON file (one data set a line), a directory (its *.json files in name order), or\n" \
      "- (standard input, also the default). Exit 0 when all were scored, 1 when some could\n" \
      "not be (their results list the errors), 2 when RULES or the command line is wrong.\n",\
      "用法：jixiao run 规则 [数据...] [-o 文件] [--format 格式] [--detail] [-j N] [--lang zh|en]\n" \
      "\n" \
      "先检查规则，再按顺序为数据中的每个数据集计分，每个数据集输出一个结果。数据：含一个对象\n" \
      "（一个数据集）或一个数组（多个数据集）的 JSON 文件，NDJSON 文件（每行一个数据集），目录\n" \
      "（其中的 *.json 文件，按文件名排序），或 -（标准输入，也是默认）。退出状态：0 全部计分，\n" \
      "1 有数据集未能计分（其结果列出错误），2 规则或命令行有误。\n") \
    X(M_H_EXPLAIN,                                                                           \
      "usage: jixiao explain RULES [DATA...] [--lang zh|en]\n" \
      "\n" \
      "Scores each data set like run, then shows every indicator with every rule: its source,\n" \
      "what it did (the score it computed, the points it took and why, a condition that did\n" \
      "not hold) and where it is written. The same as run --format explain.\n",\
      "用法：jixiao explain 规则 [数据...] [--lang zh|en]\n" \
      "\n" \
      "像 run 一样为每个数据集计分，然后显示每个指标的每条规则：规则原文、它做了什么（算出的\n" \
      "得分、扣了多少分及原因、不成立的条件）以及它写在哪里。与 run --format explain 相同。\n") \
    X(M_H_FMT,                                                                           \
      "usage: jixiao fmt [-w | --check] [--style en|zh] RULES...\n" \
      "\n" \
      "Prints each rule script in one style: keywords in English (--style en) or Chinese\n" \
      "(--style zh); without --style, the script's own (that of most of its keywords). ASCII\n" \
      "punctuation, strings in \"...\" or \u201c...\u201d, two-space indentation, one space\n" \
      "between words; comments and line breaks are kept. With -w the files are rewritten in\n" \
      "place. With --check nothing is written: the names of the files that fmt would change are\n" \
      "printed, and the exit status is 1 when there is one (for CI). A script with syntax\n" \
      "errors is not touched (exit 2).\n",\
      "用法：jixiao fmt [-w | --check] [--style en|zh] 规则...\n" \
      "\n" \
      "以统一风格输出每个规则脚本：关键字用英文（--style en）或中文（--style zh）；不加 --style\n" \
      "时沿用脚本自己的风格（多数关键字的风格）。标点用 ASCII，字符串用 \"...\" 或 \u201c...\u201d，\n" \
      "缩进两个空格，词与词之间一个空格；保留注释和换行。加 -w 时直接改写文件。加 --check 时\n" \
      "不写任何文件：列出 fmt 会改动的文件名，有这样的文件时退出状态为 1（供 CI 使用）。有语法\n" \
      "错误的脚本不会被改动（退出状态 2）。\n") \
    X(M_H_CHECK,                                                                           \
      "usage: jixiao check RULES... [--format text|json] [--lang zh|en]\n" \
      "\n" \
      "Reports every error of each rule script (up to 20) as FILE:LINE:COL: error: ...,\n" \
      "with the source line and a caret, and warnings (FILE:LINE:COL: warning: ...) about\n" \
      "rules that can never fire and lets or consts never used. Exit 0 when the scripts have\n" \
      "no errors (warnings do not count), 2 otherwise. --format json writes one JSON object a\n" \
      "line to standard output instead, for editors and CI: file, line, column, end {line,\n" \
      "column}, severity (error or warning), message, hint (\"did you mean ...?\" or null).\n",\
      "用法：jixiao check 规则... [--format text|json] [--lang zh|en]\n" \
      "\n" \
      "报告每个规则脚本的全部错误（最多 20 个），格式为 文件:行:列: 错误: ...，附源代码行和\n" \
      "指示符；并给出警告（文件:行:列: 警告: ...）：永远不会生效的规则、从未使用的变量和常量。\n" \
      "脚本没有错误时退出状态为 0（警告不算），否则为 2。--format json 改为在标准输出上每行写\n" \
      "一个 JSON 对象，供编辑器和 CI 使用：file、line、column、end {line, column}、severity\n" \
      "（error 或 warning）、message、hint（\u201c是否想写……？\u201d或 null）。\n") \
    X(M_H_TEST,                                                                           \
      "usage: jixiao test RULES... [--lang zh|en]\n" \
      "\n" \
      "Runs every test block of each rule script: scores its given data (with its 'with'\n" \
      "object merged over it) and compares the expectations. Names each failing test with\n" \
      "its location, the expectation and the actual value; ends with \"N passed, N failed\".\n" \
      "Exit 0 when all passed, 1 when some failed, 2 when a script is wrong.\n",\
      "用法：jixiao test 规则... [--lang zh|en]\n" \
      "\n" \
      "运行每个规则脚本中的全部测试块：用测试给出的数据（合并其「合并」对象后）计分，并比较\n" \
      "各项期望。每个未通过的测试都列出其位置、期望值和实际值；最后一行为\u201cN passed, N failed\u201d。\n" \
      "退出状态：0 全部通过，1 有未通过的测试，2 脚本有误。\n") \
    X(M_H_DIFF,                                                                           \
      "usage: jixiao diff OLD.eval NEW.eval [--data DATA...] [--format text|json] [--lang zh|en]\n" \
      "\n" \
      "Compares two versions of a rule set indicator by indicator (by dotted path): '+' added,\n" \
      "'-' removed, '~' changed (weight, rules, consts and lets, grades, settings). With --data,\n" \
      "scores every data set of DATA (as run reads it) with both and shows how each moved: the\n" \
      "total and grade before and after and the indicators whose score changed, then a summary\n" \
      "(in Chinese unless --lang en). --format json writes all of it as one JSON object. Exit 0\n" \
      "when they score alike, 1 when something changed, 2 when a script is wrong.\n",\
      "用法：jixiao diff 旧.eval 新.eval [--data 数据...] [--format text|json] [--lang zh|en]\n" \
      "\n" \
      "按指标（按点分路径）比较规则集的两个版本：「+」新增，「-」删除，「~」修改（分值、规则、\n" \
      "常量和变量、等级、设置）。加 --data 时，用两个版本分别为数据中的每个数据集（读法同 run）\n" \
      "计分，显示每个数据集的变化：前后的总分和等级、得分变化的指标，最后是汇总（除非\n" \
      "--lang en，否则用中文）。--format json 把全部内容写成一个 JSON 对象。退出状态：0 计分\n" \
      "相同，1 有变化，2 脚本有误。\n") \
    X(M_H_TEMPLATE,                                                                           \
      "usage: jixiao template RULES [-o FILE.xlsx|FILE.csv] [--lang zh|en]\n" \
      "\n" \
      "Writes the data-entry form of RULES: every data path the rules read, in the order of the\n" \
      "indicators that read them. FILE.xlsx: the form (数据项 | 值 | 类型 | 说明, data validation,\n" \
      "a sheet per array), one data set per file. FILE.csv, or standard output without -o: the\n" \
      "header row of a table, one data set per row. Filled in, either is scored by run\n" \
      "(docs/spreadsheets.md).\n",\
      "用法：jixiao template 规则 [-o 文件.xlsx|文件.csv] [--lang zh|en]\n" \
      "\n" \
      "生成规则的数据填报表：规则读取的每个数据路径，按读取它们的指标排序。文件.xlsx：填报表\n" \
      "（数据项 | 值 | 类型 | 说明，带数据验证，每个数组一个工作表），一个文件一个数据集。文件.csv，\n" \
      "或不加 -o 时输出到标准输出：汇总表的表头行，一行一个数据集。填好后两者都可由 run 计分\n" \
      "（docs/spreadsheets.md）。\n") \
    /* type names, for M_E_TYPE and friends */                                                \
    X(M_T_MISSING, "missing", "缺失")                                                        \
    X(M_T_NULL, "null", "空值")                                                              \
    X(M_T_BOOL, "a boolean", "布尔值")                                                       \
    X(M_T_NUMBER, "a number", "数值")                                                        \
    X(M_T_STRING, "a string", "字符串")                                                      \
    X(M_T_ARRAY, "an array", "数组")                                                         \
    X(M_T_OBJECT, "an object", "对象")                                                       \
    /* an evaluation error as the table, report, workbook and CSV show it (table_error_text): \
       the indicator's path, the message and its place (FILE:LINE:COL or an input position, \
       kept as it is, so a program finds it between the last brackets), in the punctuation \
       of the message's language */                                                          \
    X(M_ERR_LINE_IND, "%s: %s (%s)", "%s：%s（%s）")                                          \
    X(M_ERR_LINE, "%s (%s)", "%s（%s）")                                                      \
    /* why a file could not be read or written (msg_errno): the English is the C library's   \
       own text of that errno, the Chinese what a person at a desk understands */           \
    X(M_ERRNO_NOENT, "No such file or directory", "文件或目录不存在")                         \
    X(M_ERRNO_ACCES, "Permission denied", "没有访问权限")                                     \
    X(M_ERRNO_PERM, "Operation not permitted", "不允许此操作")                                \
    X(M_ERRNO_ISDIR, "Is a directory", "这是一个目录")                                         \
    X(M_ERRNO_NOTDIR, "Not a directory", "路径中有一段不是目录")                               \
    X(M_ERRNO_NOSPC, "No space left on device", "磁盘空间已满")                               \
    X(M_ERRNO_DQUOT, "Disk quota exceeded", "超出磁盘配额")                                   \
    X(M_ERRNO_ROFS, "Read-only file system", "文件系统只读")                                  \
    X(M_ERRNO_NAMETOOLONG, "File name too long", "文件名太长")                                \
    X(M_ERRNO_LOOP, "Too many levels of symbolic links", "符号链接层数太多")                   \
    X(M_ERRNO_MFILE, "Too many open files", "打开的文件太多")                                 \
    X(M_ERRNO_FBIG, "File too large", "文件太大")                                             \
    X(M_ERRNO_IO, "Input/output error", "读写设备出错")                                       \
    X(M_ERRNO_BUSY, "Device or resource busy", "设备或资源正忙")                              \
    X(M_ERRNO_TXTBSY, "Text file busy", "文件正在使用中")                                     \
    X(M_ERRNO_EXIST, "File exists", "文件已存在")

enum msg_id {
#define X(id, en, zh) id,
    MESSAGES(X)
#undef X
    MSG_COUNT
};

enum lang { LANG_EN, LANG_ZH };

/* The format of message `id` in language `lang`. */
const char *msg(enum lang lang, enum msg_id id);
/* Why a file operation failed (errno err), in language `lang`: strerror's text in English,
 * its translation in Chinese (strerror itself for an errno the table does not have). */
const char *msg_errno(enum lang lang, int err);

#endif
