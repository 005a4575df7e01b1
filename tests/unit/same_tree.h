/* same_tree.h - two cJSON trees alike as cJSON builds them: types, names and strings byte for
 * byte, numbers bit for bit, valueint, and the links (each list's head points back at its last
 * member).  Shared by tests/unit/test_json.c and fuzz/fuzz_json.c. */
#ifndef JX_SAME_TREE_H
#define JX_SAME_TREE_H

#include <string.h>
#include <cJSON.h>

static int same_tree(const cJSON *a, const cJSON *b)
{
    for (; a || b; a = a->next, b = b->next) {
        if (!a || !b || a->type != b->type || a->valueint != b->valueint
            || memcmp(&a->valuedouble, &b->valuedouble, sizeof a->valuedouble) != 0
            || !a->string != !b->string || (a->string && strcmp(a->string, b->string) != 0)
            || !a->valuestring != !b->valuestring
            || (a->valuestring && strcmp(a->valuestring, b->valuestring) != 0)
            || !a->child != !b->child)
            return 0;
        if (a->child) {
            const cJSON *la = a->child, *lb = b->child;
            while (la->next)
                la = la->next;
            while (lb->next)
                lb = lb->next;
            if (a->child->prev != la || b->child->prev != lb || !same_tree(a->child, b->child))
                return 0;
        }
    }
    return 1;
}

#endif
