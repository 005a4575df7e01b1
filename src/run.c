/* run.c - scoring batches of data sets on worker threads, writing them in input order.
 *
 * Memory is bounded by bytes, not by a count of data sets (docs/scale.md):
 *  - the input copied into batches waiting to be scored is at most RUN_INPUT_BUDGET in all,
 *    split over the ring of batches;
 *  - a batch holds at most its share of RUN_OUTPUT_BUDGET of rendered results (plus the one
 *    result that crossed it); past that, its worker waits until the batch is the oldest one
 *    not yet written and from then on writes each result as soon as it is made;
 *  - the number of workers is at most RUN_MAX_THREADS, and fewer for big rule sets, so that
 *    the workers' evaluations (about EVAL_BYTES_PER_INDICATOR an indicator each) fit in
 *    RUN_EVAL_BUDGET.
 * Whoever finds the oldest batch finished writes it (the calling thread, or a worker that is
 * waiting for its turn); `writing` makes sure only one thread writes at a time.
 * With one thread (-j 1) nothing is copied or queued: each data set is scored as it is read,
 * into the one batch's output, which is written every INLINE_OUT bytes.
 */
#include "run.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "eval.h"
#include "json.h"

enum {
    BATCH_ITEMS = 256,
    BATCH_BYTES_MAX = 1 << 20,              /* input bytes of one batch, at most */
    BATCH_BYTES_MIN = 16 << 10,
    RUN_INPUT_BUDGET = 8 << 20,
    RUN_OUTPUT_BUDGET = 8 << 20,
    RUN_EVAL_BUDGET = 16 << 20,
    EVAL_BYTES_PER_INDICATOR = 256,         /* measured (heaptrack, bench/gen_rules.sh leaves):
                                               about 170 of results, their text, lists */
    INLINE_OUT = 64 << 10,                  /* -j 1 writes every 64 KB: they stay in the cache */
};

enum batch_state { B_FREE, B_QUEUED, B_WORKING, B_DONE };

struct item {
    enum item_kind kind;
    uint64_t position;
    const char *text, *at, *message;    /* in the batch's arena */
    size_t len;
    const cJSON *value;
};

struct batch {
    enum batch_state state;
    uint64_t seq;
    struct item items[BATCH_ITEMS];
    uint32_t n;
    uint32_t nwritten;                  /* items already written (by a streaming worker) */
    bool streaming;                     /* its worker holds the right to write */
    size_t bytes;
    struct arena ar;
    struct buf out;                     /* the renderings of items nwritten.. */
    size_t ends[BATCH_ITEMS];           /* end of each item's rendering in out */
    int failed;
};

struct runner {
    const struct ruleset *rs;
    struct out *out;
    int nthreads;
    struct batch *ring;
    uint32_t nring;
    size_t batch_in, batch_out;         /* per batch: input bytes, rendered bytes held */
    uint64_t filled, written;           /* batches submitted, batches written */
    bool writing;                       /* a thread is writing results */
    struct evaluator *inline_ev;        /* -j 1: no threads, no copies of the input */
    struct arena trees;                 /* -j 1: the parsed line */
    pthread_t *threads;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    bool stop;
    uint64_t failed;            /* data sets that could not be scored */
    const struct input *progress;
    uint64_t count;
    struct timespec started, shown;
};

const struct eval_result *run_score_item(struct evaluator *ev, struct arena *trees,
                                        const struct input_item *it)
{
    enum lang lang = eval_lang(ev);
    if (it->kind == ITEM_VALUE)
        return eval_run(ev, it->value, it->position);
    if (it->kind != ITEM_LINE)
        return eval_input_error(ev, it->position, it->value, it->at, it->message);
    arena_reset(trees);
    cJSON *parsed = json_parse_in(trees, it->text, it->len);
    if (!parsed)
        return eval_input_error(ev, it->position, NULL, it->at, msg(lang, M_E_JSON));
    char m[512];
    if (!cJSON_IsObject(parsed))
        snprintf(m, sizeof m, msg(lang, M_E_NOT_OBJECT), json_type_name(lang, parsed));
    else if (!json_check_text(it->text, it->len, lang, m, sizeof m)) {  /* UTF-8, no \u0000 */
        json_last_wins(parsed, false);
        return eval_run(ev, parsed, it->position);
    }
    return eval_input_error(ev, it->position, NULL, it->at, m);
}

static double seconds(struct timespec a, struct timespec b)
{
    return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

/* A progress line on a terminal's stderr, at most twice a second. */
static void show_progress(struct runner *r, bool last)
{
    if (!r->progress)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!last && seconds(r->shown, now) < 0.5)
        return;
    r->shown = now;
    double t = seconds(r->started, now);
    const struct input *in = r->progress;
    char eta[128] = "", done[128];
    if (!last && in->bytes_total && in->bytes_done && t > 0) {
        double left = (double)(in->bytes_total - (in->bytes_done < in->bytes_total ? in->bytes_done
                                                                                     : in->bytes_total));
        double secs = left / ((double)in->bytes_done / t);
        snprintf(eta, sizeof eta, msg(cli_lang(), M_PROGRESS_ETA),
                 100.0 * (double)in->bytes_done / (double)in->bytes_total,
                 (int)(secs / 60), (int)secs % 60);
    }
    snprintf(done, sizeof done, msg(cli_lang(), M_PROGRESS), (unsigned long long)r->count,
             t > 0 ? (double)r->count / t : 0.0);
    fprintf(stderr, "\r%s%s   %s", done, eta, last ? "\n" : "");
}

/* Write the rendered items nwritten..upto-1 of a batch (json frames each one) and, when
 * `more`, the part of item upto made so far (the rest follows later), then empty its buffer.
 * Only the thread holding the right to write calls this. */
static void write_items(struct runner *r, struct batch *b, uint32_t upto, bool more)
{
    size_t start = 0;
    for (uint32_t i = b->nwritten; i < upto; i++) {
        out_write_part(r->out, b->out.data + start, b->ends[i] - start, true);
        start = b->ends[i];
    }
    if (more)
        out_write_part(r->out, b->out.data + start, b->out.len - start, false);
    r->count += upto - b->nwritten;
    b->nwritten = upto;
    b->out.len = 0;
}

/* Write what is left of a batch and free its slot; the writer's bookkeeping. */
static void write_batch(struct runner *r, struct batch *b)
{
    write_items(r, b, b->n, false);
    r->failed += (uint64_t)b->failed;
    b->n = b->nwritten = 0;
    b->bytes = 0;
    b->failed = 0;
    b->streaming = false;
    arena_reset(&b->ar);
    if (b->out.cap > 2 * r->batch_out)      /* one big result must not stay in every slot */
        buf_free(&b->out);
    show_progress(r, false);
}

/* With the lock held: write the oldest batch if it is finished and nobody is writing.
 * Returns false when there was nothing this thread could write. */
static bool write_head(struct runner *r)
{
    if (r->written == r->filled || r->writing)
        return false;
    struct batch *h = &r->ring[r->written % r->nring];
    if (h->state != B_DONE)
        return false;
    r->writing = true;
    pthread_mutex_unlock(&r->mu);
    write_batch(r, h);
    pthread_mutex_lock(&r->mu);
    h->state = B_FREE;
    r->written++;
    r->writing = false;
    pthread_cond_broadcast(&r->done);
    return true;
}

/* A worker's batch holds too much output: wait (writing finished batches meanwhile) until
 * it is the oldest one not written, then keep the right to write until it is finished. */
static void take_turn(struct runner *r, struct batch *b)
{
    if (b->streaming)
        return;
    b->streaming = true;
    if (!r->threads)
        return;                         /* -j 1: every batch is written as soon as made */
    pthread_mutex_lock(&r->mu);
    while (r->written != b->seq || r->writing)
        if (!write_head(r))
            pthread_cond_wait(&r->done, &r->mu);
    r->writing = true;
    pthread_mutex_unlock(&r->mu);
}

/* The result being rendered as item i of batch b. */
struct making {
    struct runner *r;
    struct batch *b;
    uint32_t i;
};

/* out_spill: the batch's output has passed its share of the budget in the middle of a
 * result (a big rule set): write what it holds so far, this result's part included. */
static void spill(void *arg)
{
    struct making *m = arg;
    take_turn(m->r, m->b);
    write_items(m->r, m->b, m->i, true);
}

/* Score one data set and render its result as item i of batch b. */
static void render(struct runner *r, struct evaluator *ev, struct arena *trees, struct batch *b,
                   uint32_t i, const struct input_item *in)
{
    const struct eval_result *res = run_score_item(ev, trees, in);
    if (res->nerrors)
        b->failed++;
    struct making m = {r, b, i};
    out_spill_to(&b->out, r->batch_out, spill, &m);
    out_format_result(&b->out, r->out->fmt, r->rs, res);
    out_spill_to(NULL, 0, NULL, NULL);
    b->ends[i] = b->out.len;
}

/* Score and render one batch: the workers' part. */
static void process(struct runner *r, struct evaluator *ev, struct batch *b)
{
    struct arena trees;     /* the parsed line, until its result is rendered */
    arena_init(&trees);
    b->out.len = 0;
    for (uint32_t i = 0; i < b->n; i++) {
        const struct item *it = &b->items[i];
        struct input_item in = {it->kind, it->position, it->text, it->len, it->value, it->at,
                                it->message};
        render(r, ev, &trees, b, i, &in);
        if (b->out.len >= r->batch_out) {   /* holding too much: write as we go */
            take_turn(r, b);
            write_items(r, b, i + 1, false);
        }
    }
    arena_free(&trees);
}

static struct evaluator *new_evaluator(struct runner *r)
{
    struct evaluator *ev = eval_new(r->rs);
    eval_trace(ev, r->out->fmt == OUT_EXPLAIN);    /* explain shows what every rule did */
    return ev;
}

static void *worker(void *arg)
{
    struct runner *r = arg;
    struct evaluator *ev = new_evaluator(r);
    pthread_mutex_lock(&r->mu);
    for (;;) {
        struct batch *b = NULL;
        for (uint32_t i = 0; i < r->nring; i++) {
            struct batch *c = &r->ring[i];
            if (c->state == B_QUEUED && (!b || c->seq < b->seq))
                b = c;
        }
        if (!b) {
            if (r->stop)
                break;
            pthread_cond_wait(&r->work, &r->mu);
            continue;
        }
        b->state = B_WORKING;
        pthread_mutex_unlock(&r->mu);
        process(r, ev, b);
        if (b->streaming) {             /* it is the oldest and ours to write: finish it */
            write_batch(r, b);
            pthread_mutex_lock(&r->mu);
            b->state = B_FREE;
            r->written++;
            r->writing = false;
        } else {
            pthread_mutex_lock(&r->mu);
            b->state = B_DONE;
        }
        pthread_cond_broadcast(&r->done);
    }
    pthread_mutex_unlock(&r->mu);
    eval_free(ev);
    return NULL;
}

/* Write finished batches in order until `until` batches have been written.  Called with the
 * lock held. */
static void drain(struct runner *r, uint64_t until)
{
    while (r->written < until)
        if (!write_head(r))
            pthread_cond_wait(&r->done, &r->mu);
}

static struct batch *filling(struct runner *r)
{
    return &r->ring[r->filled % r->nring];
}

static void submit(struct runner *r)
{
    struct batch *b = filling(r);
    if (b->n == 0)
        return;
    if (!r->threads) {          /* -j 1: already scored and rendered by run_item */
        write_batch(r, b);
        return;
    }
    b->seq = r->filled;
    pthread_mutex_lock(&r->mu);
    b->state = B_QUEUED;
    r->filled++;
    pthread_cond_signal(&r->work);
    /* the next slot must be free: write what is done, wait for the oldest otherwise */
    if (r->filled - r->written >= r->nring)
        drain(r, r->filled - r->nring + 1);
    pthread_mutex_unlock(&r->mu);
}

static void finish_all(struct runner *r)
{
    submit(r);
    if (r->threads) {
        pthread_mutex_lock(&r->mu);
        drain(r, r->filled);
        pthread_mutex_unlock(&r->mu);
    }
}

static const char *copy(struct batch *b, const char *s, size_t n)
{
    if (!s)
        return NULL;
    b->bytes += n;
    return arena_strndup(&b->ar, s, n);
}

void run_item(void *arg, const struct input_item *in)
{
    struct runner *r = arg;
    if (in->kind == ITEM_FLUSH) {
        finish_all(r);      /* parsed values are about to go */
        return;
    }
    struct batch *b = filling(r);
    if (!r->threads) {      /* -j 1: scored at once, while its line is still in the cache */
        render(r, r->inline_ev, &r->trees, b, b->n++, in);
        if (b->n == BATCH_ITEMS || b->out.len >= r->batch_out)
            write_batch(r, b);
        return;
    }
    struct item *it = &b->items[b->n++];
    it->kind = in->kind;
    it->position = in->position;
    it->value = in->value;
    it->len = in->len;
    it->text = copy(b, in->text, in->len);
    it->at = copy(b, in->at, in->at ? strlen(in->at) : 0);
    it->message = copy(b, in->message, in->message ? strlen(in->message) : 0);
    if (b->n == BATCH_ITEMS || b->bytes >= r->batch_in)
        submit(r);
}

/* How many workers: what was asked, at most RUN_MAX_THREADS, and no more than the
 * evaluation budget holds for a rule set of this size. */
static int workers_for(const struct ruleset *rs, int asked)
{
    size_t per = ((size_t)rs->nall + 1) * EVAL_BYTES_PER_INDICATOR;
    size_t fit = RUN_EVAL_BUDGET / per;
    int n = asked < 1 ? 1 : asked > RUN_MAX_THREADS ? RUN_MAX_THREADS : asked;
    if ((size_t)n > fit)
        n = fit < 1 ? 1 : (int)fit;
    return n;
}

static size_t share(size_t budget, uint32_t parts)
{
    size_t s = budget / parts;
    return s < BATCH_BYTES_MIN ? BATCH_BYTES_MIN : s > BATCH_BYTES_MAX ? BATCH_BYTES_MAX : s;
}

struct runner *run_start(const struct ruleset *rs, struct out *out, int threads,
                         const struct input *progress)
{
    struct runner *r = xcalloc(1, sizeof *r);
    r->rs = rs;
    r->out = out;
    threads = workers_for(rs, threads);
    r->nthreads = threads;
    r->nring = threads > 1 ? 2 * (uint32_t)threads + 2 : 1;
    r->batch_in = share(RUN_INPUT_BUDGET, r->nring);
    r->batch_out = share(RUN_OUTPUT_BUDGET, r->nring);
    r->ring = xcalloc(r->nring, sizeof *r->ring);
    for (uint32_t i = 0; i < r->nring; i++)
        arena_init(&r->ring[i].ar);
    r->progress = progress;
    clock_gettime(CLOCK_MONOTONIC, &r->started);
    r->shown = r->started;
    if (threads <= 1) {
        r->inline_ev = new_evaluator(r);
        arena_init(&r->trees);
        r->batch_out = INLINE_OUT;
        return r;
    }
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->work, NULL);
    pthread_cond_init(&r->done, NULL);
    r->threads = xcalloc((size_t)threads, sizeof *r->threads);
    for (int i = 0; i < threads; i++)
        if (pthread_create(&r->threads[i], NULL, worker, r) != 0) {
            cli_error(M_THREAD, i);
            exit(3);
        }
    return r;
}

int run_finish(struct runner *r)
{
    finish_all(r);
    if (r->threads) {
        pthread_mutex_lock(&r->mu);
        r->stop = true;
        pthread_cond_broadcast(&r->work);
        pthread_mutex_unlock(&r->mu);
        for (int i = 0; i < r->nthreads; i++)
            pthread_join(r->threads[i], NULL);
        free(r->threads);
        pthread_mutex_destroy(&r->mu);
        pthread_cond_destroy(&r->work);
        pthread_cond_destroy(&r->done);
    }
    if (r->progress && r->count)
        show_progress(r, true);
    int failed = r->failed > 0;
    if (failed)     /* §6: exit 1 says how many */
        cli_message(M_E_UNSCORED, (unsigned long long)r->failed, (unsigned long long)r->count);
    eval_free(r->inline_ev);
    arena_free(&r->trees);
    for (uint32_t i = 0; i < r->nring; i++) {
        arena_free(&r->ring[i].ar);
        buf_free(&r->ring[i].out);
    }
    free(r->ring);
    free(r);
    return failed;
}
