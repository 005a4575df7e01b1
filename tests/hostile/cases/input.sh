# Issue 6.4, 6.8, 6.10, 6.11, 6.17 and CSV/xlsx from pipes: reading data (src/input.c).
# Read errors are said on stderr with the file name and are an error result in their place;
# a bad NDJSON line, the first included, is its own error result; data text is UTF-8 without
# \u0000; a directory's files are read once each and directories inside are not entered.

# Six data sets, x = 0.1 .. 0.6 (scores 1 .. 6 of 10).
SIX='for i in 1 2 3 4 5 6; do echo "{\"x\": 0.$i}"; done >six.ndjson'
# As root, permissions do not stop reading: run as nobody (the case directory is opened).
AS_USER=
[ "$(id -u)" = 0 ] && command -v setpriv >/dev/null \
  && AS_USER='setpriv --reuid=65534 --regid=65534 --clear-groups'
OPEN='chmod o+rx "$TMP" .'

# 6.4: /proc/self/mem fails to read (EIO); it gave [] and exit 0.
hcase '6.4 a read error is said with the file name and is an error result' \
  "$R1" 'run r.eval /proc/self/mem --format ndjson' 1 \
  'jixiao: error: cannot read /proc/self/mem: Input/output error' \
  "grep -qF '{\"id\":1,\"errors\":[{\"at\":\"/proc/self/mem\",\"message\":\"cannot read /proc/self/mem: Input/output error\"}]}' out"

# 6.4: a line too long for memory ended the stream after 3 of 6 data sets, exit 0.
hcase '6.4 a line over 64 MB is an error result and the lines after it are scored' \
  "$R1; $SIX; { head -3 six.ndjson; printf '{\"x\":\"'; head -c 67200000 /dev/zero | tr '\\0' a; echo '\"}'; tail -3 six.ndjson; } >long.ndjson" \
  'run r.eval long.ndjson --format ndjson' 1 \
  'jixiao: 1 of 7 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 7 ] && grep -q '^{\"id\":4,\"errors\":\[{\"at\":\"long.ndjson:4\",\"message\":\"the line is longer than 64 MB' out && grep -q '^{\"id\":7,\"score\":6,' out"

# The same for a line under the limit that does not fit in the memory there is (plain build
# only: the sanitizers need the address space): it was "out of memory", exit 3, or the end.
if [ -n "$LIMIT" ]; then
hcase '6.4 a line too long for the memory there is is an error result' \
  "$R1; $SIX; { head -3 six.ndjson; printf '{\"x\":\"'; head -c 50000000 /dev/zero | tr '\\0' a; echo '\"}'; tail -3 six.ndjson; } >long.ndjson" \
  '! ulimit -v 60000; $RUN run r.eval long.ndjson --format ndjson -j 1' 1 \
  'jixiao: 1 of 7 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 7 ] && grep -qF '{\"id\":4,\"errors\":[{\"at\":\"long.ndjson:4\",\"message\":\"the line is too long for the memory there is\"}]}' out"
else
echo "SKIP hostile: 6.4 a line too long for the memory there is (the sanitizer build needs the address space that ulimit -v would take)"
fi

hcase '6.4 a JSON document over 64 MB is an error result' \
  "$R1; { echo '['; printf '{\"x\":\"'; head -c 67200000 /dev/zero | tr '\\0' a; echo '\"}]'; } >big.json" \
  'run r.eval big.json --format ndjson' 1 \
  'jixiao: error: big.json: the JSON document is larger than 64 MB, the limit for one document; give many data sets as NDJSON (one a line)'

hcase '6.4 an unreadable data file is refused before scoring' \
  "$R1; $OPEN; echo '{\"x\":1}' >u.json; chmod 000 u.json" \
  "! $AS_USER \$RUN run r.eval u.json" 2 \
  'jixiao: error: cannot read u.json: Permission denied'

hcase '6.4 an unreadable file in a directory is an error result in its place' \
  "$R1; $OPEN; mkdir d; chmod o+rx d; echo '{\"x\":0.1}' >d/a.json; echo '{\"x\":0.2}' >d/b.json; echo '{\"x\":0.3}' >d/c.json; chmod o+r d/*.json; chmod 000 d/b.json" \
  "! $AS_USER \$RUN run r.eval d --format ndjson" 1 \
  'jixiao: error: cannot read d/b.json: Permission denied' \
  "[ \$(wc -l <out) = 3 ] && grep -q '^{\"id\":2,\"errors\":\[{\"at\":\"d/b.json\"' out && grep -q '^{\"id\":3,\"score\":3,' out"

hcase '6.4 an unreadable directory is refused before scoring' \
  "$R1; $OPEN; mkdir d; echo '{\"x\":1}' >d/a.json; chmod 000 d" \
  "! $AS_USER \$RUN run r.eval d" 2 \
  'jixiao: error: cannot read d: Permission denied'

hcase '6.4 a dangling link in a directory is an error result' \
  "$R1; mkdir d; echo '{\"x\":0.1}' >d/a.json; ln -s nowhere.json d/b.json" \
  'run r.eval d --format ndjson' 1 \
  'jixiao: error: cannot read d/b.json: No such file or directory' \
  "[ \$(wc -l <out) = 2 ] && grep -q '^{\"id\":1,\"score\":1,' out"

hcase '6.4 a device as data is refused' \
  "$R1" 'run r.eval /dev/zero' 2 'jixiao: error: /dev/zero is a device or socket, not data'

# 6.8: a bad first line switched the stream to one whole document: one error, the rest lost.
hcase '6.8 a bad first line on standard input is one error result, the rest is NDJSON' \
  "$R1; $SIX" \
  "! { echo garbage; cat six.ndjson; } | \$RUN run r.eval --format ndjson" 1 \
  'jixiao: 1 of 7 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 7 ] && grep -qxF '{\"id\":1,\"errors\":[{\"at\":\"<stdin>:1\",\"message\":\"not valid JSON\"}]}' out && grep -q '^{\"id\":7,\"score\":6,' out"

hcase '6.8 a bad first line of a .json file of lines is one error result' \
  "$R1; $SIX; { echo '{\"x\": 1,}'; cat six.ndjson; } >d.json" \
  'run r.eval d.json --format ndjson' 1 \
  'jixiao: 1 of 7 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 7 ] && grep -q '^{\"id\":1,\"errors\":\[{\"at\":\"d.json:1\"' out"

hcase '6.8 a .ndjson file is read by lines even when its first line opens brackets' \
  "$R1; $SIX; { echo '{\"x\": [1,'; cat six.ndjson; } >d.ndjson" \
  'run r.eval d.ndjson --format ndjson' 1 \
  'jixiao: 1 of 7 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 7 ] && grep -q '^{\"id\":1,\"errors\":\[{\"at\":\"d.ndjson:1\"' out"

hcase '6.8 a document opened on its first line is still one document' \
  "$R1; printf '[\n  {\"x\": 0.5},\n  {\"x\": 1}\n]\n' >d.json" \
  'run r.eval d.json --format ndjson' 0 '' \
  "[ \$(wc -l <out) = 2 ] && grep -q '^{\"id\":2,\"score\":10,' out"

hcase '6.8 a broken document is one error at its line and column' \
  "$R1; printf '{\n  \"x\": 0.5,\n  \"y\": [1,, 2]\n}\n' >d.json" \
  'run r.eval d.json --format ndjson' 1 'd.json:3:11: error: not valid JSON'

# 6.10: \u0000 cut the string; bytes that are not UTF-8 went to the output unchanged.
hcase '6.10 \u0000 in a data string is an error result naming the data path' \
  "$R1; printf '{\"x\":1,\"名称\":\"a\\\\u0000b\"}\n{\"x\":0.5}\n' >d.ndjson" \
  'run r.eval d.ndjson --format ndjson' 1 \
  'jixiao: 1 of 2 data sets could not be scored (see "errors" in the results)' \
  "grep -qF '\"message\":\"\$名称 holds \\\\u0000 (a NUL character), which data text may not contain\"' out"

hcase '6.10 bytes that are not UTF-8 in data are an error result naming the data path' \
  "$R1; printf '{\"x\":1,\"部门\":{\"项目\":[{\"n\":\"ok\"},{\"n\":\"b\\xff\"}]}}\n{\"x\":0.5}\n' >d.ndjson" \
  'run r.eval d.ndjson --format ndjson' 1 \
  'jixiao: 1 of 2 data sets could not be scored (see "errors" in the results)' \
  "grep -qF '\"message\":\"\$部门.项目[1].n holds bytes that are not UTF-8 (byte 0xFF); save the data as UTF-8\"' out && iconv -f UTF-8 -t UTF-8 out >/dev/null"

hcase '6.10 a bad string in one element of an array document spoils only that element' \
  "$R1; printf '[\n{\"x\":1},\n{\"x\":1,\"a\":[\"\\\\u0000\"]},\n{\"x\":0.5}\n]\n' >d.json" \
  'run r.eval d.json --format ndjson' 1 \
  'jixiao: 1 of 3 data sets could not be scored (see "errors" in the results)' \
  "[ \$(wc -l <out) = 3 ] && grep -q '^{\"id\":2,\"errors\":\[{\"at\":\"d.json\",\"message\":\"\$a\[0\] holds' out"

# 6.11: a link to the directory itself scored the same file 41 times.
hcase '6.11 a directory linking to itself is read once' \
  "$R1; mkdir d; echo '{\"x\":0.1}' >d/a.json; ln -s . d/loop.json; ln -s .. d/up.json" \
  'run r.eval d --format ndjson' 0 '' "[ \$(wc -l <out) = 1 ]"

hcase '6.11 a file reached by a symbolic and a hard link is read once' \
  "$R1; mkdir d; echo '{\"x\":0.1}' >d/a.json; ln -s a.json d/b.json; ln d/a.json d/c.json; echo '{\"x\":0.2}' >d/e.json" \
  'run r.eval d --format ndjson' 0 '' \
  "[ \$(wc -l <out) = 2 ] && grep -q '^{\"id\":2,\"score\":2,' out"

# 6.17: a line of white space and \f was an error result.
hcase '6.17 lines of only white space, \f or \v are blank' \
  "$R1; printf '{\"x\":1}\n \\f \n\\v\n\t\r\n{\"x\":0.5}\n' >d.ndjson" \
  'run r.eval d.ndjson --format ndjson' 0 '' "[ \$(wc -l <out) = 2 ]"

# Pipes: NDJSON and CSV are read from a FIFO (as from standard input); an .xlsx workbook is a
# zip archive read at random, so it must be a regular file (it blocked waiting for a writer).
hcase 'a FIFO of NDJSON is read' \
  "$R1; $SIX; mkfifo p.ndjson" \
  "! { cat six.ndjson >p.ndjson & } ; \$RUN run r.eval p.ndjson --format ndjson" 0 '' \
  "[ \$(wc -l <out) = 6 ]"

hcase 'a FIFO of CSV is read' \
  "$R1; mkfifo p.csv" \
  "! { printf 'x\n0.5\n1\n' >p.csv & } ; \$RUN run r.eval p.csv --format ndjson" 0 '' \
  "[ \$(wc -l <out) = 2 ] && grep -q '^{\"id\":1,\"score\":5,' out"

hcase 'a FIFO named .xlsx is refused without waiting' \
  "$R1; mkfifo p.xlsx" 'run r.eval p.xlsx --format ndjson' 1 \
  'jixiao: error: p.xlsx is not a regular file (a device, pipe or socket)'

hcase 'a NUL byte in a CSV file is an encoding error' \
  "$R1; printf 'x\n0.5\0\n' >n.csv" 'run r.eval n.csv --format ndjson' 1 \
  'n.csv: error: cannot read the file as UTF-8 (byte 6)'
