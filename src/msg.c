/* msg.c - the message table (msg.h) as data. */
#include "msg.h"

static const char *const texts[MSG_COUNT][2] = {
#define X(id, en, zh) [id] = {en, zh},
    MESSAGES(X)
#undef X
};

const char *msg(enum lang lang, enum msg_id id)
{
    return texts[id][lang == LANG_ZH];
}
