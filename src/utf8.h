/* utf8.h - UTF-8 decoding, display width, and the character classes of the lexer (§2, §10).
 *
 * Contract: strings are (pointer, length) pairs and need not be NUL-terminated.  Nothing here
 * allocates or keeps state.  Invalid bytes are never skipped silently: decode reports them,
 * and the counting functions count each invalid byte as one character of width 1, so that
 * columns stay meaningful while the caller reports the error.
 */
#ifndef JX_UTF8_H
#define JX_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* One code point from s[0..len): bytes consumed (1-4), or 0 when the sequence is invalid
 * (overlong, surrogate, above U+10FFFF, truncated, stray continuation byte) or len is 0;
 * *cp is only written on success. */
int utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Offset of the first invalid byte, or len when all of s is valid. */
size_t utf8_validate(const char *s, size_t len);

/* Bytes written (1-4), or 0 for a surrogate or a value above U+10FFFF. */
int utf8_encode(uint32_t cp, char out[4]);

/* Terminal columns: 0 for combining and zero-width marks, 2 for East Asian Wide and Fullwidth
 * characters, 1 otherwise. */
int utf8_width(uint32_t cp);
size_t utf8_str_width(const char *s, size_t len);

/* Number of code points (what error columns and len() count). */
size_t utf8_count(const char *s, size_t len);

/* Name characters (§2): ASCII letters, '_', any non-ASCII code point except punctuation and
 * symbols (Latin-1 punctuation, × ÷, general and CJK punctuation, full-width forms, BOM, and
 * the operators of §10); name_char also takes ASCII digits. */
int utf8_is_name_start(uint32_t cp);
int utf8_is_name_char(uint32_t cp);

/* The §10 table: a full-width character read as ASCII outside strings ('（' -> "(",
 * '≥' -> ">=").  Returns 1 and sets *ascii, or 0. */
int utf8_fullwidth_punct(uint32_t cp, const char **ascii);

struct buf;
/* Append s[0..len) to b for a person's terminal: C0 controls and DEL as \xHH (\n \r \t for
 * those three), C1 controls, line/paragraph separators and the bidi embeddings, overrides and
 * isolates (U+202A-202E, U+2066-2069, U+200E/U+200F, U+061C) as \uHHHH, and each byte of
 * invalid UTF-8 as \xHH, so that what is printed is valid UTF-8 and cannot move the cursor,
 * recolour, retitle or reorder the screen.  Everything else is copied. */
void utf8_escape_term(struct buf *b, const char *s, size_t len);

#endif
