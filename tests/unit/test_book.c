/* test_book.c - spreadsheet helpers of book.c that need no workbook. */
#include "book.h"
#include "unit.h"

/* Excel's day numbers (the 1900 system) to dates; a serial outside 1900..9999 (a date-styled
 * cell holding 1e300 or -5) is shown as its number: it was converted to long out of range,
 * undefined behaviour (issue 6.3). */
static void test_serial_date(void)
{
    char b[32];
    book_serial_date(b, 44635);
    CHECK_STR(b, "2022-03-15");
    book_serial_date(b, 61);
    CHECK_STR(b, "1900-03-01");
    book_serial_date(b, 2958465);
    CHECK_STR(b, "9999-12-31");
    book_serial_date(b, 1e300);
    CHECK_STR(b, "1e+300");
    book_serial_date(b, -5);
    CHECK_STR(b, "-5");
    book_serial_date(b, 2958466);
    CHECK_STR(b, "2958466");
}

int main(void)
{
    test_serial_date();
    return unit_done();
}
