/* test_json.c - unit tests of json_get: the hashed look-up in wide objects finds exactly what
 * cJSON's own linear scan finds (the first member of a name), at every width, for names
 * present, repeated and missing, over many objects of one data set (the table of hashes grows)
 * and after json_lookup_reset. */
#include "unit.h"
#include "json.h"
#include "mem.h"

/* An object of `width` members k0 … k{width-1}; every seventh name repeats an earlier one. */
static cJSON *object(struct arena *ar, int width)
{
    struct buf b = {0};
    buf_addc(&b, '{');
    for (int i = 0; i < width; i++) {
        int name = i % 7 == 6 ? i / 2 : i;
        buf_printf(&b, "%s\"k%d\":%d", i ? "," : "", name, i);
    }
    buf_addc(&b, '}');
    cJSON *j = json_parse_in(ar, b.data, b.len);
    buf_free(&b);
    return j;
}

/* Every name k0 … k{width}, and a few never present, agree with the linear scan. */
static int agrees(struct json_lookup *lk, const cJSON *obj, int width)
{
    char key[32];
    for (int i = -3; i <= width + 1; i++) {
        snprintf(key, sizeof key, i < 0 ? "x%d" : "k%d", i);
        if (json_get(lk, obj, key) != cJSON_GetObjectItemCaseSensitive(obj, key))
            return 0;
    }
    return json_get(lk, obj, "") == NULL && json_get(lk, obj, "k") == NULL;
}

static void test_widths(void)
{
    struct arena ar;
    arena_init(&ar);
    struct json_lookup lk;
    json_lookup_reset(&lk, &ar);
    static const int widths[] = {0, 1, 7, JSON_NARROW, JSON_NARROW + 1, 9, 16, 17, 100, 1000};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        cJSON *obj = object(&ar, widths[w]);
        CHECK(obj && agrees(&lk, obj, widths[w]));
        CHECK(agrees(&lk, obj, widths[w]));            /* the second time, from the hash */
    }
    /* many wide objects in one data set: the table of hashes grows past its first size */
    cJSON *objs[200];
    for (int i = 0; i < 200; i++)
        objs[i] = object(&ar, 20 + i % 5);
    int ok = 1;
    for (int i = 0; i < 200; i++)
        ok &= agrees(&lk, objs[i], 20 + i % 5);
    CHECK(ok);
    CHECK(lk.n == 200 + 6);                 /* one hash per wide object, none for narrow ones */
    /* a new data set: the arena is reset, the table forgotten */
    arena_reset(&ar);
    json_lookup_reset(&lk, &ar);
    cJSON *obj = object(&ar, 50);
    CHECK(lk.n == 0 && agrees(&lk, obj, 50) && lk.n == 1);
    /* "k3" in a wide object: the first of the two members named k3 (k3 at 3, repeated at 6) */
    CHECK(cJSON_GetNumberValue(json_get(&lk, obj, "k3")) == 3);
    arena_free(&ar);
}

int main(void)
{
    json_init();
    test_widths();
    return unit_done();
}
