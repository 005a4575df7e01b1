/* main.c - the command line: jixiao run, check, test, explain, diff, template, fmt
 * (docs/language.md §9).  Only argument parsing and wiring live here: each
 * command's work is in its own module. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval.h"
#include "input.h"
#include "json.h"
#include "lint.h"
#include "out.h"
#include "ruleset.h"
#include "diff.h"
#include "encoding.h"
#include "fmt.h"
#include "outfile.h"
#include "run.h"
#include "test.h"
#include "template.h"
#include "usage.h"

#define JIXIAO_VERSION "0.1.0"








/* One line saying what is wrong, then the synopsis (the first lines of the usage). */
static int usage_error(enum msg_id id, const char *arg)
{
    cli_message(id, arg);
    const char *usage = msg(cli_lang(), M_H_USAGE), *end = strstr(usage, "\n\n");
    fprintf(stderr, "%.*s\n%s\n", (int)(end - usage), usage, msg(cli_lang(), M_U_TRY));
    return 2;
}

static enum lang env_lang(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
    }
    return LANG_EN;
}

struct options {
    enum lang lang;
    int lang_given;         /* --lang was given: csv headers follow it */
    int detail;             /* csv --detail */
    enum out_format format;
    const char *output;
    int threads;            /* -j; 0: the number of cores */
    const char *encoding;   /* --encoding: of CSV data files */
    int write;              /* fmt -w */
    int check;              /* fmt --check */
    int zh_style;           /* fmt --style zh */
    int quiet;
    enum diag_format diag_format;   /* check and diff --format text|json */
    int data_from;                  /* diff --data: the index of the first data argument */
    char **args;            /* positional arguments */
    int nargs;
    int help;
};

/* Options may come anywhere among the arguments; "--" ends them. */
static int parse_options(int argc, char **argv, struct options *o, int run)
{
    o->lang = env_lang();
    o->args = xcalloc((size_t)argc + 1, sizeof *o->args);
    int only_args = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            o->args[o->nargs++] = argv[i];
            continue;
        }
        const char *val = NULL;
        if (strcmp(a, "--") == 0) {
            only_args = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->help = 1;
        } else if (strcmp(a, "--lang") == 0 || strncmp(a, "--lang=", 7) == 0) {
            val = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                return usage_error(M_U_NEEDS_VALUE, a);
            o->lang_given = 1;
            if (strcmp(val, "zh") == 0)
                cli_set_lang(o->lang = LANG_ZH);
            else if (strcmp(val, "en") == 0)
                cli_set_lang(o->lang = LANG_EN);
            else
                return usage_error(M_U_LANG, val);
        } else if ((run == 1 || run == 3 || run == 4)
                   && (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0)) {
            val = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                return usage_error(M_U_NEEDS_VALUE, a);
            if (run >= 3 && (strcmp(val, "json") == 0 || strcmp(val, "text") == 0))
                o->diag_format = val[0] == 'j' ? DIAG_JSON : DIAG_TEXT;
            else if (run >= 3)
                return usage_error(run == 3 ? M_U_CHECK_FORMAT : M_U_DIFF_FORMAT, val);
            else if (!out_parse_format(val, &o->format))
                return usage_error(M_U_FORMAT, val);
        } else if (run == 1 && strcmp(a, "--detail") == 0) {
            o->detail = 1;
        } else if (run == 4 && strcmp(a, "--data") == 0) {
            o->data_from = o->nargs;    /* the arguments from here on are data */
        } else if ((run == 1 || run == 4) && (strcmp(a, "--encoding") == 0 || strncmp(a, "--encoding=", 11) == 0)) {
            val = a[10] == '=' ? a + 11 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val)
                return usage_error(M_U_NEEDS_VALUE, a);
            o->encoding = val;
        } else if ((run == 1 || run == 3) && strcmp(a, "-o") == 0) {
            if (i + 1 >= argc)
                return usage_error(M_U_NEEDS_VALUE, a);
            o->output = argv[++i];
        } else if (run == 1 && (strcmp(a, "-j") == 0 || (strncmp(a, "-j", 2) == 0 && a[2]))) {
            val = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            char *end;
            long n = val ? strtol(val, &end, 10) : 0;
            if (!val || *end || n < 1 || n > 1024)
                return usage_error(M_U_THREADS, val ? val : "");
            o->threads = (int)n;
        } else if (run == 2 && strcmp(a, "-w") == 0) {
            o->write = 1;
        } else if (run == 2 && strcmp(a, "--check") == 0) {
            o->check = 1;
        } else if (run == 2 && (strcmp(a, "--style") == 0 || strncmp(a, "--style=", 8) == 0)) {
            val = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!val || (strcmp(val, "zh") != 0 && strcmp(val, "en") != 0))
                return usage_error(M_U_STYLE, val ? val : "");
            o->zh_style = strcmp(val, "zh") == 0;
        } else if (run == 1 && (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0)) {
            o->quiet = 1;
        } else {
            return usage_error(M_U_UNKNOWN_OPT, a);
        }
    }
    return 0;
}

/* The common head of a command: options, --help, the number of scripts.  Returns -1 to go
 * on, or the exit status (o->args freed). */
static int command_start(int argc, char **argv, struct options *o, int run, enum msg_id help,
                         int min, int max, enum msg_id need, const char *name)
{
    int rc = parse_options(argc, argv, o, run);
    if (rc || o->help) {
        if (o->help)
            fputs(msg(cli_lang(), help), stdout);
        free(o->args);
        return rc;
    }
    if (o->nargs < min || (max > 0 && o->nargs > max)) {
        free(o->args);
        return usage_error(need, name);
    }
    return -1;
}

/* run, and explain (the same with format explain, one thread) */
static int cmd_run(int argc, char **argv, enum out_format format)
{
    struct options o = {.format = format};
    int rc = command_start(argc, argv, &o, 1, format == OUT_EXPLAIN ? M_H_EXPLAIN : M_H_RUN, 1,
                           0, M_U_RUN_NEEDS, "run");
    if (rc >= 0)
        return rc;
    if (o.encoding && !enc_known(o.encoding)) {
        free(o.args);
        return usage_error(M_E_BAD_ENCODING, o.encoding);
    }
    struct ruleset *rs = ruleset_load(o.args[0], o.lang);
    if (!rs) {
        free(o.args);
        return 2;
    }
    char *data_default[] = {"-"};
    char **data = o.nargs > 1 ? o.args + 1 : data_default;
    int ndata = o.nargs > 1 ? o.nargs - 1 : 1;
    if (!input_check_paths(data, ndata, o.lang)) {
        ruleset_free(rs);
        free(o.args);
        return 2;
    }
    struct outfile of;
    struct outfile_inputs inputs = {.sources = &rs->dg, .data = data, .ndata = ndata};
    int opened = outfile_open(&of, o.output ? o.output : "-", &inputs);
    /* a workbook is not shown on a terminal (-o -, -o /dev/tty too) */
    int tty = opened && o.format == OUT_XLSX && of.how != OUTFILE_REPLACE
              && of.how != OUTFILE_IN_PLACE
              && isatty(of.how == OUTFILE_STDOUT ? STDOUT_FILENO : of.sink.fd);
    if (!opened || tty) {
        if (tty)
            outfile_abort(&of);
        ruleset_free(rs);
        free(o.args);
        return tty ? usage_error(M_U_XLSX_TTY, "") : 2;
    }
    FILE *f = of.f;
    int threads = o.threads;
    if (threads == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        threads = cores < 1 ? 1 : cores > 64 ? 64 : (int)cores;
    }
    struct out out;
    struct out_opts opts = {.lang = o.lang_given ? o.lang : LANG_EN, .detail = o.detail};
    if (o.format == OUT_JSON || o.format == OUT_NDJSON)
        out_json_head(rs);      /* before any worker writes */
    out_open(&out, o.format, rs, f, &opts);
    struct usage *usage = usage_later(rs);  /* how spreadsheet cells are read, if any */
    struct input in = {.lang = o.lang, .bytes_total = input_size(data, ndata), .usage = usage,
                       .encoding = o.encoding};
    struct runner *runner = run_start(rs, &out, threads,
                                      !o.quiet && isatty(STDERR_FILENO) ? &in : NULL);
    in.fn = run_item;
    in.ctx = runner;
    for (int i = 0; i < ndata; i++)
        input_read(&in, data[i]);
    int status = run_finish(runner) ? 1 : 0;
    if (!out_close(&out)) {
        status = 2;             /* said why; nothing replaces the output file */
        outfile_abort(&of);
    } else if (!outfile_commit(&of)) {
        status = 2;
    }
    usage_free(usage);
    ruleset_free(rs);
    free(o.args);
    return status;
}


static int cmd_template(int argc, char **argv)
{
    struct options o = {0};
    int rc = command_start(argc, argv, &o, 3, M_H_TEMPLATE, 1, 1, M_U_TEMPLATE_NEEDS,
                           "template");
    if (rc >= 0)
        return rc;
    size_t n = o.output ? strlen(o.output) : 0;
    int xlsx = n > 5 && strcasecmp(o.output + n - 5, ".xlsx") == 0;
    if (o.output && !xlsx && !(n > 4 && strcasecmp(o.output + n - 4, ".csv") == 0)) {
        free(o.args);
        return usage_error(M_U_TEMPLATE_EXT, o.output);
    }
    struct ruleset *rs = ruleset_load(o.args[0], o.lang);
    struct outfile_inputs inputs = {.sources = rs ? &rs->dg : NULL};
    struct outfile of;
    int status = 2;
    if (rs && outfile_open(&of, o.output ? o.output : "-", &inputs)) {
        /* a workbook is written by name: into the temporary file, or one copied from */
        const char *path = xlsx ? outfile_path(&of) : NULL;
        if (xlsx && !path)
            outfile_abort(&of);     /* said why */
        else if (!template_write(rs, path, of.f))
            outfile_fail(&of, EIO);
        else
            status = outfile_commit(&of) ? 0 : 2;
    }
    ruleset_free(rs);
    free(o.args);
    return status;
}

static int cmd_check(int argc, char **argv)
{
    struct options o = {0};
    int rc = command_start(argc, argv, &o, 3, M_H_CHECK, 1, 0,
                           M_U_NEEDS_ONE, "check");
    if (rc >= 0)
        return rc;
    int status = 0;
    for (int i = 0; i < o.nargs; i++) {
        struct ruleset *rs = ruleset_load_as(o.args[i], o.lang, o.diag_format);
        if (!rs) {
            status = 2;         /* the errors are printed */
            continue;
        }
        lint_ruleset(rs);       /* warnings: the exit status stays 0 */
        diag_summary(&rs->dg);
        ruleset_free(rs);
    }
    free(o.args);
    return status;
}

static int cmd_test(int argc, char **argv)
{
    struct options o = {0};
    int rc = command_start(argc, argv, &o, 0, M_H_TEST, 1, 0,
                           M_U_NEEDS_ONE, "test");
    if (rc >= 0)
        return rc;
    int passed = 0, failed = 0, broken = 0;
    for (int i = 0; i < o.nargs; i++) {
        struct ruleset *rs = ruleset_load(o.args[i], o.lang);
        if (!rs) {
            broken = 1;
            continue;
        }
        test_run(rs, o.args[i], stdout, &passed, &failed);
        ruleset_free(rs);
    }
    printf("%d passed, %d failed\n", passed, failed);
    free(o.args);
    return broken ? 2 : failed ? 1 : 0;
}

static int cmd_diff(int argc, char **argv)
{
    struct options o = {.data_from = -1};
    int rc = command_start(argc, argv, &o, 4, M_H_DIFF, 2, 0,
                           M_U_DIFF_NEEDS, "diff");
    if (rc >= 0)
        return rc;
    int scripts = o.data_from < 0 ? o.nargs : o.data_from;
    if (scripts != 2 || (o.data_from >= 0 && o.nargs == o.data_from)) {
        free(o.args);
        return usage_error(scripts != 2 ? M_U_DIFF_NEEDS : M_U_NEEDS_VALUE, "--data");
    }
    /* a score report, like the tables, is in Chinese unless --lang en says otherwise */
    enum lang lang = o.lang_given || o.nargs == 2 ? o.lang : LANG_ZH;
    cli_set_lang(lang);     /* its errors too */
    struct diff_opts d = {.lang = lang, .json = o.diag_format == DIAG_JSON, .data = o.args + 2,
                          .ndata = o.nargs - 2, .encoding = o.encoding};
    if (!input_check_paths(d.data, d.ndata, lang)) {
        free(o.args);
        return 2;
    }
    struct ruleset *a = ruleset_load(o.args[0], lang);
    struct ruleset *b = a ? ruleset_load(o.args[1], lang) : NULL;
    if (b) {                    /* indicators are compared by path */
        ruleset_index(a);
        ruleset_index(b);
    }
    int status = 2;
    if (a && b)
        status = diff_run(a, b, &d, stdout) ? 1 : 0;
    ruleset_free(a);
    ruleset_free(b);
    free(o.args);
    return status;
}

static int cmd_fmt(int argc, char **argv)
{
    struct options o = {.zh_style = -1};    /* -1: the script's own style */
    int rc = command_start(argc, argv, &o, 2, M_H_FMT, 1, 0, M_U_NEEDS_ONE, "fmt");
    if (rc >= 0)
        return rc;
    int status = 0;
    for (int i = 0; i < o.nargs; i++) {
        struct diag dg;
        diag_init(&dg, o.lang, stderr);
        uint32_t file = diag_load(&dg, o.args[i]);
        struct buf out = {0};
        if (file == UINT32_MAX || !fmt_file(&dg, file, o.zh_style, &out)) {
            diag_summary(&dg);
            status = 2;
        } else if (o.check) {
            const struct source *src = &dg.files[file];
            if (src->bom || out.len != src->len || memcmp(out.data, src->text, out.len) != 0) {
                printf("%s\n", o.args[i]);
                if (status == 0)
                    status = 1;
            }
        } else if (!o.write) {
            if (out.len)
                fwrite(out.data, 1, out.len, stdout);
        } else {
            struct outfile of;
            if (!outfile_open(&of, o.args[i], NULL)) {
                status = 2;
            } else {
                if (out.len)
                    fwrite(out.data, 1, out.len, of.f);    /* errors: outfile_commit */
                if (!outfile_commit(&of))
                    status = 2;
            }
        }
        buf_free(&out);
        diag_free(&dg);
    }
    free(o.args);
    return status;
}

static int command(int argc, char **argv);

int main(int argc, char **argv)
{
    outfile_stdio_begin();
    json_init();
    cli_set_lang(env_lang());   /* then --lang, once it is read */
    int status = command(argc, argv);
    return outfile_stdio_end(status);   /* a write error on standard output: 2 */
}

/* The command argv[1] names, or usage and version. */
static int command(int argc, char **argv)
{
    if (argc < 2)
        return usage_error(M_U_MISSING_CMD, "");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(msg(cli_lang(), M_H_USAGE), stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("jixiao %s\n", JIXIAO_VERSION);
        return 0;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2, OUT_JSON);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0)
        return cmd_test(argc - 2, argv + 2);
    if (strcmp(cmd, "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "explain") == 0)
        return cmd_run(argc - 2, argv + 2, OUT_EXPLAIN);
    if (strcmp(cmd, "fmt") == 0)
        return cmd_fmt(argc - 2, argv + 2);
    if (strcmp(cmd, "template") == 0)
        return cmd_template(argc - 2, argv + 2);
    if (cmd[0] == '-')
        return usage_error(M_U_UNKNOWN_OPT, cmd);
    return usage_error(M_U_UNKNOWN_CMD, cmd);
}
