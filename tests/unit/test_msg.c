/* test_msg.c - the message table (src/msg.h) says everything in both languages.
 *
 * Every message has a Chinese text that is not the English one, uses the same printf
 * conversions for the same arguments, and says something the other Chinese texts do not
 * when its English twin differs from theirs (issue 7.13: 「应为字符串或字符串」 had hidden
 * "string" and "string with {}").  A message added without its translation fails here.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "unit.h"

static const char *const names[MSG_COUNT] = {
#define X(id, en, zh) [id] = #id,
    MESSAGES(X)
#undef X
};

/* The printf conversions of fmt, argument by argument ("%2$s" counts as argument 2), as a
 * string of their conversion letters: "s d s". */
static void conversions(const char *fmt, char *out, size_t cap)
{
    char conv[32] = {0};
    int next = 0, max = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        if (*++p == '%')
            continue;
        int arg = 0;
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            arg = arg * 10 + (*q++ - '0');
        if (*q == '$')
            p = q + 1;
        else
            arg = ++next;
        while (*p && strchr("-+ #0123456789.*lhzj", *p))
            p++;
        if (arg > 0 && arg < (int)sizeof conv) {
            conv[arg] = *p;
            if (arg > max)
                max = arg;
        }
        if (!*p)
            break;
    }
    size_t n = 0;
    for (int i = 1; i <= max && n + 2 < cap; i++) {
        out[n++] = conv[i] ? conv[i] : '?';
        out[n++] = ' ';
    }
    out[n] = '\0';
}

/* English without its article: "a string" and "string" say the same (字符串). */
static const char *bare(const char *en)
{
    return !strncmp(en, "a ", 2) ? en + 2 : !strncmp(en, "an ", 3) ? en + 3 : en;
}

static int has_cjk(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 1;
    return 0;
}

int main(void)
{
    for (int id = 0; id < MSG_COUNT; id++) {
        const char *en = msg(LANG_EN, id), *zh = msg(LANG_ZH, id);
        if (!CHECK(en && zh && *en && *zh)) {
            printf("    %s has an empty text\n", names[id]);
            continue;
        }
        /* Chinese text in Chinese: an English copy is a missing translation */
        if (id != M_TEXT && !CHECK(strcmp(en, zh) != 0 && has_cjk(zh)))    /* M_TEXT: "%s" */
            printf("    %s is not translated: \"%s\"\n", names[id], zh);
        char ce[64], cz[64];
        conversions(en, ce, sizeof ce);
        conversions(zh, cz, sizeof cz);
        if (!CHECK(strcmp(ce, cz) == 0))
            printf("    %s: English takes \"%s\", Chinese \"%s\"\n", names[id], ce, cz);
        /* what English tells apart, Chinese tells apart */
        for (int other = 0; other < id; other++)
            if (strcmp(bare(en), bare(msg(LANG_EN, other))) != 0 && !CHECK(strcmp(zh, msg(LANG_ZH, other)) != 0))
                printf("    %s and %s differ in English but both read \"%s\"\n", names[other],
                       names[id], zh);
    }
    /* msg_errno: in English exactly what strerror says (so English output is as before), in
     * Chinese the translation; an errno the table lacks is strerror's in both */
    static const int errs[] = {ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, ENOSPC, EDQUOT, EROFS,
                               ENAMETOOLONG, ELOOP, EMFILE, EFBIG, EIO, EBUSY, ETXTBSY, EEXIST};
    for (size_t i = 0; i < sizeof errs / sizeof errs[0]; i++) {
        char en[256];
        snprintf(en, sizeof en, "%s", strerror(errs[i]));
        if (!CHECK(strcmp(msg_errno(LANG_EN, errs[i]), en) == 0))
            printf("    errno %d: \"%s\", strerror says \"%s\"\n", errs[i],
                   msg_errno(LANG_EN, errs[i]), en);
        CHECK(has_cjk(msg_errno(LANG_ZH, errs[i])));
    }
    CHECK(strcmp(msg_errno(LANG_ZH, EDOM), strerror(EDOM)) == 0);
    return unit_done();
}
