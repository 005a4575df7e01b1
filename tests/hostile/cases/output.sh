# Issue 6.5, 6.6, 6.7: writing output (src/outfile.c).  -o and fmt -w never write through a
# link or a file after truncating it: the file a link leads to is replaced by rename once the
# output is complete, keeping its mode and group (a new file: 0666 less the umask), a
# hard-linked file is overwritten in place at the end; an output that is also an input is
# refused before anything is written; -o - and -o /dev/stdout are standard output as it is;
# devices and pipes are written through.  A write error on standard output is reported and
# the exit status is 2, never 0.

D1='echo "{\"x\":1}" >d.json'
OUT1='{"id":1,"score":10,"max":10,"indicators":[{"name":"甲","weight":10,"score":10}]}'

# 6.5: an output that is also an input is refused, and the input is left as it was (before:
# link.json -> d.json left d.json at 0 bytes).
hcase '6.5 -o a symbolic link to the data file' \
  "$R1; $D1; ln -s d.json link.json" \
  'run r.eval d.json -o link.json' 2 'jixiao: error: cannot write link.json: it is the input d.json' \
  'test "$(cat d.json)" = "{\"x\":1}" && test -L link.json'

hcase '6.5 -o the rule script under another name (a hard link)' \
  "$R1; $D1; ln r.eval same.eval" \
  'run r.eval d.json -o same.eval' 2 'jixiao: error: cannot write same.eval: it is the input r.eval' \
  'grep -q "score weight" r.eval'

hcase '6.5 -o a base of the rule script' \
  "printf 'indicator 甲 10 { score weight }\n' >base.eval
   printf 'ruleset \"b\" extends \"base.eval\"\n' >r.eval; $D1" \
  'run r.eval d.json -o base.eval' 2 'jixiao: error: cannot write base.eval: it is the input base.eval' \
  'grep -q "score weight" base.eval'

hcase '6.5 -o a data file of a data directory' \
  "$R1; mkdir dd; $D1; mv d.json dd/a.json; echo '{\"x\":2}' >dd/b.json" \
  'run r.eval dd -o dd/b.json' 2 'jixiao: error: cannot write dd/b.json: it is the input dd' \
  'test "$(cat dd/b.json)" = "{\"x\":2}"'

hcase '6.5 -o the file standard input reads' \
  "$R1; $D1" \
  '! $RUN run r.eval -o d.json <d.json' 2 'jixiao: error: cannot write d.json: it is the input <stdin>' \
  'test "$(cat d.json)" = "{\"x\":1}"'

# 6.5: a link is followed and its target replaced; the link stays a link.
hcase '6.5 -o a symbolic link to an old results file' \
  "$R1; $D1; mkdir res; echo old >res/r.json; ln -s res/r.json link.json" \
  'run r.eval d.json --format ndjson -o link.json' 0 '' \
  "test -L link.json && test \"\$(cat res/r.json)\" = '$OUT1' && test \"\$(ls -A res)\" = r.json"

hcase '6.5 -o a dangling symbolic link makes its target' \
  "$R1; $D1; mkdir res; ln -s res/new.json link.json" \
  'run r.eval d.json --format ndjson -o link.json' 0 '' \
  "test -L link.json && test \"\$(cat res/new.json)\" = '$OUT1'"

# 6.5: standard output as it is: appending to a log, not truncating it.
hcase '6.5 -o /dev/stdout >> log appends' \
  "$R1; $D1; echo old >log" \
  '! $RUN run r.eval d.json --format ndjson -o /dev/stdout >>log' 0 '' \
  "test \"\$(cat log)\" = 'old
$OUT1'"

hcase '6.5 -o - >> log appends' \
  "$R1; $D1; echo old >log" \
  '! $RUN run r.eval d.json --format ndjson -o - >>log' 0 '' \
  "test \"\$(cat log)\" = 'old
$OUT1'"

hcase '6.5 -o /dev/fd/3 writes to descriptor 3 as it is' \
  "$R1; $D1; echo old >log" \
  '! $RUN run r.eval d.json --format ndjson -o /dev/fd/3 3>>log' 0 '' \
  "test \"\$(cat log)\" = 'old
$OUT1'"

# 6.5: devices and pipes are written through.
hcase '6.5 -o /dev/null' "$R1; $D1" 'run r.eval d.json -o /dev/null' 0 ''

hcase '6.5 -o a FIFO is written through' \
  "$R1; $D1; mkfifo p" \
  '! cat p >got & $RUN run r.eval d.json --format ndjson -o p; s=$?; wait; exit $s' 0 '' \
  "test -p p && test \"\$(cat got)\" = '$OUT1'"

hcase '6.5 -o /dev/full reports the write error' \
  "$R1; $D1" 'run r.eval d.json -o /dev/full' 2 \
  'jixiao: error: cannot write /dev/full: No space left on device'

# 6.5: a write error (the file size limit) while fmt -w rewrites a script through a link:
# the real script is left whole (before: cut to 0 bytes).
# (a limit of 1 KB: the rewritten script is over it, the message is not)
hcase '6.5 fmt -w of a linked script failing to write leaves the script whole' \
  "for i in \$(seq 100); do printf 'indicator   甲%d 1 {\n score weight\n}\n' \$i; done >s.eval
   ln -s s.eval l.eval; cp s.eval orig" \
  "! trap '' XFSZ; ulimit -f 1; \$RUN fmt -w l.eval" 2 \
  'jixiao: error: cannot write l.eval: File too large' \
  'cmp s.eval orig && test -L l.eval && ! ls -A | grep -q tmp'

hcase '6.5 fmt -w through a link rewrites the script it leads to' \
  "printf 'indicator   甲 10 {\n score weight\n}\n' >s.eval; ln -s s.eval l.eval" \
  'fmt -w l.eval' 0 '' \
  'test -L l.eval && test "$(cat s.eval)" = "$(printf "indicator 甲 10 {\n  score weight\n}")"'

# 6.6: modes, groups and hard links.
hcase '6.6 -o keeps the mode of the file it replaces' \
  "$R1; $D1; echo old >res.json; chmod 640 res.json" \
  'run r.eval d.json -o res.json' 0 '' \
  'test "$(stat -c %a res.json)" = 640 && grep -q "\"score\": 10" res.json'

hcase '6.6 -o makes a new file 0666 less the umask' \
  "$R1; $D1" \
  '! umask 027; $RUN run r.eval d.json -o res.json' 0 '' \
  'test "$(stat -c %a res.json)" = 640'

hcase '6.6 fmt -w keeps the mode of the script' \
  "printf 'indicator   甲 10 {\n score weight\n}\n' >s.eval; chmod 604 s.eval" \
  'fmt -w s.eval' 0 '' \
  'test "$(stat -c %a s.eval)" = 604 && grep -q "^  score weight" s.eval'

hcase '6.6 -o keeps the hard links of the file it replaces' \
  "$R1; $D1; echo old >res.json; ln res.json other.json" \
  'run r.eval d.json --format ndjson -o res.json' 0 '' \
  "test \"\$(cat other.json)\" = '$OUT1' && test \"\$(stat -c %h res.json)\" = 2 && ! ls -A | grep -q tmp"

hcase '6.6 fmt -w keeps the hard links of the script' \
  "printf 'indicator   甲 10 {\n score weight\n}\n' >s.eval; ln s.eval t.eval" \
  'fmt -w s.eval' 0 '' \
  'grep -q "^  score weight" t.eval && test "$(stat -c %i s.eval)" = "$(stat -c %i t.eval)"'

# the group, where the user may set it (root; or a user in a second group)
G=$(id -G | tr ' ' '\n' | grep -vx "$(id -g)" | head -1)
[ "$(id -u)" = 0 ] && G=${G:-1}
if [ -n "$G" ]; then
  hcase '6.6 -o keeps the group of the file it replaces' \
    "$R1; $D1; echo old >res.json; chgrp $G res.json" \
    'run r.eval d.json -o res.json' 0 '' \
    "test \"\$(stat -c %g res.json)\" = $G"
fi

# 6.7: write errors on standard output, every format and command: "jixiao: write error: ...",
# exit 2 (before: exit 0, the results lost).
for fmt in json ndjson table csv html explain xlsx; do
  hcase "6.7 run --format $fmt >/dev/full" \
    "$R1; $D1" "run r.eval d.json --format $fmt >/dev/full" 2 \
    'jixiao: write error: No space left on device'
done
for fmt in json table; do
  hcase "6.7 run --format $fmt with standard output closed" \
    "$R1; $D1" "run r.eval d.json --format $fmt >&-" 2 \
    'jixiao: write error: Bad file descriptor'
done

# 2,000 results (about 160 KB) into a pipe whose reader has gone: EPIPE, SIGPIPE ignored.
hcase '6.7 run into a broken pipe with SIGPIPE ignored' \
  "$R1; for i in \$(seq 2000); do echo '{\"x\":1}'; done >d.ndjson" \
  "! (trap '' PIPE; \$RUN run r.eval d.ndjson --format ndjson; echo \$? >rc) | (exec <&-; sleep 1); exit \$(cat rc)" \
  2 'jixiao: write error: Broken pipe'

# endless input: the first write error ends jixiao (it would score forever otherwise)
hcase '6.7 endless input into /dev/full ends at the first write error' \
  "$R1" "! yes '{\"x\":1}' 2>/dev/null | \$RUN run r.eval --format ndjson >/dev/full" 2 \
  'jixiao: write error: No space left on device'
hcase '6.7 endless input into a pipe that breaks, SIGPIPE ignored' \
  "$R1" \
  "! (trap '' PIPE; yes '{\"x\":1}' 2>/dev/null | \$RUN run r.eval --format ndjson; echo \$? >rc) | head -1 >/dev/null
   exit \$(cat rc)" 2 'jixiao: write error: Broken pipe'

hcase '6.7 explain >/dev/full' "$R1; $D1" 'explain r.eval d.json >/dev/full' 2 \
  'jixiao: write error: No space left on device'
hcase '6.7 check --format json >/dev/full' \
  "printf 'let 未用 = 1\nindicator 甲 10 { score weight }\n' >r.eval" \
  'check r.eval --format json >/dev/full' 2 'jixiao: write error: No space left on device'
hcase '6.7 test >/dev/full' \
  "printf 'indicator 甲 10 { score weight }\ntest \"t\" {\n  given \"d.json\"\n  expect score == 10\n}\n' >r.eval; echo '{}' >d.json" \
  'test r.eval >/dev/full' 2 'jixiao: write error: No space left on device'
hcase '6.7 fmt >/dev/full' "$R1" 'fmt r.eval >/dev/full' 2 \
  'jixiao: write error: No space left on device'
hcase '6.7 fmt --check >/dev/full' \
  "printf 'indicator   甲 10 {\n score weight\n}\n' >r.eval" \
  'fmt --check r.eval >/dev/full' 2 'jixiao: write error: No space left on device'
hcase '6.7 diff >/dev/full' \
  "$R1; printf 'indicator 甲 20 {\n  score weight\n}\n' >b.eval" \
  'diff r.eval b.eval >/dev/full' 2 'jixiao: write error: No space left on device'
hcase '6.7 template >/dev/full' "$R1" 'template r.eval >/dev/full' 2 \
  'jixiao: write error: No space left on device'
hcase '6.7 --help >/dev/full' '' '--help >/dev/full' 2 \
  'jixiao: write error: No space left on device'
hcase '6.7 nothing written, standard output closed: exit 0' \
  "$R1" 'check r.eval >&-' 0 ''

# 6.3: fmt of an empty script writes nothing (was fwrite(NULL, ...), a UBSan report)
hcase '6.3 fmt of an empty script' ': >e.eval' 'fmt e.eval' 0 '' '! test -s out'
hcase '6.3 fmt -w of an empty script' ': >e.eval' 'fmt -w e.eval' 0 '' '! test -s e.eval'

# a workbook is never written to a terminal, also when -o names standard output
if command -v script >/dev/null; then
  hcase '6.5 --format xlsx -o - on a terminal is refused' \
    "$R1; $D1" \
    "! script -qec \"\$RUN run r.eval d.json --format xlsx -o -\" /dev/null" 2 '' \
    "head -1 out | grep -q '^jixiao: xlsx is a binary file, not for a terminal'"
fi

# template -o: the workbook is written by name into the temporary file beside the target, or,
# for a device, into a private file copied through (none left behind)
hcase '6.5 template -o a link to a workbook replaces what it leads to' \
  "$R1; mkdir res; echo old >res/form.xlsx; ln -s res/form.xlsx f.xlsx" \
  'template r.eval -o f.xlsx' 0 '' \
  'test -L f.xlsx && test "$(head -c 2 res/form.xlsx)" = PK && test "$(ls -A res)" = form.xlsx'
hcase '6.5 template -o a link to /dev/null' \
  "$R1; ln -s /dev/null n.xlsx; mkdir tmp" \
  '! TMPDIR=$PWD/tmp $RUN template r.eval -o n.xlsx' 0 '' \
  'test -L n.xlsx && test -z "$(ls -A tmp)"'

# A json result of more than 1 MB and the lines of csv with from blocks past 1 MB are kept in
# a temporary file (src/spool.c) until they can be written.  When that file cannot be written
# (here: a file size limit of 600 KB, its signal ignored) the output is short, and jixiao says
# so and fails instead of printing a cut result (before: the json result ended early, exit 0).
BIGJSON='awk "BEGIN { for (i = 1; i <= 20000; i++) print \"indicator 甲\" i \" 1 { score weight * \$x }\" }" >r.eval; echo "{\"x\":1}" >d.json'
hcase '6.5 a big json result whose temporary file cannot be written is an error' \
  "$BIGJSON" \
  '!(trap "" XFSZ; ulimit -f 600; $RUN run r.eval d.json --format json >/dev/null)' 2 \
  'jixiao: error: json: the output kept in a temporary file could not be read back'
hcase '6.5 a big json result through a temporary file is whole' \
  "$BIGJSON" \
  'run r.eval d.json --format json' 0 '' \
  'test "$(grep -c "\"score\": 1" out)" = 20000 && tail -n 1 out | grep -qx "}"'
BIGCSV='printf "indicator 产出 {\n  from \$行 name .名 weight .分 {\n    score weight * .率\n  }\n}\n" >r.eval
  awk "BEGIN { for (d = 1; d <= 1500; d++) { printf \"{\\\"行\\\":[\"; for (i = 1; i <= 100; i++) printf \"%s{\\\"名\\\":\\\"项%d\\\",\\\"分\\\":1,\\\"率\\\":0.5}\", (i > 1 ? \",\" : \"\"), i; print \"]}\" } }" >d.ndjson'
hcase '6.5 csv lines kept in a temporary file that cannot be written is an error' \
  "$BIGCSV" \
  '!(trap "" XFSZ; ulimit -f 600; $RUN run r.eval d.ndjson --format csv >/dev/null)' 2 \
  'jixiao: error: csv: the output kept in a temporary file could not be read back'
hcase '6.5 csv lines kept in a temporary file are all written' \
  "$BIGCSV" \
  'run r.eval d.ndjson --format csv' 0 '' \
  'test "$(wc -l <out)" = 1501 && test "$(grep -c ",50,0.5,0.5," out)" = 1500'
