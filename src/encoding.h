/* encoding.h - text encodings of data files: UTF-8 (with or without BOM), UTF-16 by its BOM,
 * and GB18030 (which includes GBK), what Excel and Notepad save on Chinese Windows.
 *
 * Ownership: results are appended to a caller's buf; nothing is kept.
 */
#ifndef JX_ENCODING_H
#define JX_ENCODING_H

#include <stddef.h>
#include <stdio.h>
#include "mem.h"

/* Whether s[0..n), which is not valid UTF-8, reads as GB18030 (a rule script or a data file
 * saved as "ANSI" on Chinese Windows).  A character cut at n counts as read when `cut` is set
 * (n is only the start of a longer file). */
int enc_gbk_text(const char *s, size_t n, int cut);

/* Whether the start of the regular file fd holds text that is not UTF-8 but reads as GB18030
 * (read with pread: the file offset does not move). */
int enc_gbk_file(int fd);

/* s[0..n) as UTF-8 into out, without a BOM.  from: the encoding to read (iconv's names,
 * "GBK", "GB18030", "UTF-8"...), or NULL to detect it: a UTF-8 or UTF-16 BOM, else UTF-8 when
 * valid, else GB18030.  *used names the encoding read.  Returns 0 when the text is not valid
 * in it, with *bad the offset of the first byte that is not; -1 when `from` is unknown. */
int enc_to_utf8(const char *s, size_t n, const char *from, struct buf *out, const char **used,
                size_t *bad);

/* Whether iconv can read the encoding `name` (for --encoding). */
int enc_known(const char *name);

#endif
