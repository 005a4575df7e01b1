/* book.h - spreadsheets as data sets: the workbook every reader fills (in_csv.c, in_xlsx.c), the
 * two layouts (form and table, docs/spreadsheets.md) and the reading of a cell as the rules use
 * its data path (usage.h).
 *
 * Ownership: a book owns its arena; every sheet, row, cell and string lives in it and goes with
 * book_free.  Data sets made from a book are cJSON trees owned by the caller of book_emit only
 * during the input callback.
 */
#ifndef JX_BOOK_H
#define JX_BOOK_H

#include <stdint.h>
#include "input.h"
#include "mem.h"

/* The form's header row, and the one column of an array of plain values (numbers, text). */
#define BOOK_ITEM "数据项"
#define BOOK_VALUE "值"

enum cell_kind {
    C_EMPTY,
    C_TEXT,     /* text as typed (CSV cells are all text) */
    C_NUMBER,   /* num; text is its decimal form */
    C_BOOL,     /* num 0 or 1 */
    C_DATE,     /* a number shown as a date: text is YYYY-MM-DD */
    C_ERROR,    /* a formula error: text is #DIV/0! etc. */
};

struct cell {
    uint32_t col;       /* from 0 */
    uint8_t kind;
    double num;
    const char *text;
};

struct row {
    uint32_t num;       /* from 1, as the sheet numbers it */
    struct cell *cells; /* by column, ascending */
    uint32_t n, cap;
};

struct merge {
    uint32_t r1, c1, r2, c2;   /* rows from 1, columns from 0, inclusive */
};

struct sheet {
    const char *name;
    struct row *rows;   /* ascending */
    uint32_t n, cap;
    struct merge *merges;
    uint32_t nmerges, capmerges;
};

struct book {
    struct arena ar;
    const char *file;   /* as given on the command line */
    int csv;            /* cell addresses without the sheet name */
    struct sheet *sheets;
    uint32_t n, cap;
};

void book_init(struct book *b, const char *file);
void book_free(struct book *b);
struct sheet *book_add_sheet(struct book *b, const char *name);
/* Add a cell to row `row` of s (rows and columns in ascending order, as files store them). */
void book_add_cell(struct book *b, struct sheet *s, uint32_t row, uint32_t col,
                   enum cell_kind kind, double num, const char *text, size_t len);

/* The readers: fill b from the file; 0 and a message in err (from msg.h) when they cannot. */
int in_csv_read(struct book *b, const char *path, const char *encoding, enum lang lang,
                char *err, size_t errlen);
int in_xlsx_read(struct book *b, const char *path, enum lang lang, char *err, size_t errlen);

/* Read a spreadsheet file and hand its data sets to `in`, each or its error in order. */
void book_read(struct input *in, const char *path, int xlsx);

/* A day number of the 1900 date system (1 is 1900-01-01) as YYYY-MM-DD, into 32 bytes. */
void book_serial_date(char *buf, double serial);

/* "B7" for row 7, column 1. */
void book_cell_name(char *buf, uint32_t row, uint32_t col);

#endif
