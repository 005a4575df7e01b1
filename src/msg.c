/* msg.c - the message table (msg.h) as data. */
#include "msg.h"

#include <errno.h>
#include <string.h>

static const char *const texts[MSG_COUNT][2] = {
#define X(id, en, zh) [id] = {en, zh},
    MESSAGES(X)
#undef X
};

const char *msg(enum lang lang, enum msg_id id)
{
    return texts[id][lang == LANG_ZH];
}

const char *msg_errno(enum lang lang, int err)
{
    static const struct { int err; enum msg_id id; } known[] = {
        {ENOENT, M_ERRNO_NOENT}, {EACCES, M_ERRNO_ACCES}, {EPERM, M_ERRNO_PERM},
        {EISDIR, M_ERRNO_ISDIR}, {ENOTDIR, M_ERRNO_NOTDIR}, {ENOSPC, M_ERRNO_NOSPC},
        {EDQUOT, M_ERRNO_DQUOT}, {EROFS, M_ERRNO_ROFS}, {ENAMETOOLONG, M_ERRNO_NAMETOOLONG},
        {ELOOP, M_ERRNO_LOOP}, {EMFILE, M_ERRNO_MFILE}, {EFBIG, M_ERRNO_FBIG},
        {EIO, M_ERRNO_IO}, {EBUSY, M_ERRNO_BUSY}, {ETXTBSY, M_ERRNO_TXTBSY},
        {EEXIST, M_ERRNO_EXIST},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i].err == err)
            return msg(lang, known[i].id);
    return strerror(err);
}
