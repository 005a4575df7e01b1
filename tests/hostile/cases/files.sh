# Issue 6.1, 6.12, 6.17: rule scripts, bases of `extends` and `given` files that are not what
# they seem.  Cycles are found by device and inode (realpath() may fail), depth is always
# counted, and only regular files of at most 64 MB are read.

# 6.1: realpath() fails on a deleted file opened through /proc/self/fd; the self-extension
# recursed past the 32-entry chain (a stack overflow, SIGSEGV).
hcase '6.1 a deleted script extending itself through /proc/self/fd' \
  "printf 'ruleset \"a\" extends \"3\"\n' >r.eval" \
  '! exec 3<r.eval; rm r.eval; $RUN check /proc/self/fd/3' \
  2 "/proc/self/fd/3:1:21: error: 'extends' goes round in a circle: /proc/self/fd/3 → /proc/self/fd/3"

# 6.1: realpath() fails when the working directory's path is longer than PATH_MAX.
hcase '6.1 a script extending itself from a directory deeper than PATH_MAX' \
  "d=\$(printf 'd%.0s' {1..250}); for i in \$(seq 20); do mkdir \$d && cd \$d || exit 1; done
   printf 'ruleset \"a\" extends \"r.eval\"\n' >r.eval" \
  "! cd \$(printf 'd%.0s' {1..250}) && for i in \$(seq 19); do cd \$(printf 'd%.0s' {1..250}); done
   \$RUN check r.eval" \
  2 "r.eval:1:21: error: 'extends' goes round in a circle: r.eval → r.eval"

hcase '6.1 a cycle through a symbolic link to the script itself' \
  "printf 'ruleset \"a\" extends \"b.eval\"\nindicator 甲 1 { score 1 }\n' >a.eval; ln -s a.eval b.eval" \
  'check a.eval' 2 "a.eval:1:21: error: 'extends' goes round in a circle: a.eval → b.eval"

# 6.17: a chain longer than 32 is not a cycle: the message names the limit.
hcase '6.17 an extends chain deeper than 32 names the depth limit' \
  "for i in \$(seq 0 39); do printf 'ruleset \"s%d\" extends \"s%d.eval\"\n' \$i \$((i + 1)) >s\$i.eval; done
   echo 'indicator 甲 1 { score 1 }' >s40.eval" \
  'check s0.eval' 2 \
  "s31.eval:1:23: error: 'extends' goes deeper than 32 scripts: $(for i in $(seq 0 31); do printf 's%d.eval → ' $i; done)s32.eval"

hcase '6.17 an extends chain of 32 scripts is fine' \
  "for i in \$(seq 0 30); do printf 'ruleset \"s%d\" extends \"s%d.eval\"\n' \$i \$((i + 1)) >s\$i.eval; done
   echo 'indicator 甲 1 { score 1 }' >s31.eval" \
  'check s0.eval' 0 ''

# 6.12: devices, FIFOs and huge files are refused before reading (memory grew at 1 GB/s, a
# FIFO blocked forever).
hcase '6.12 /dev/zero as a rule script' \
  '' 'check /dev/zero' 2 'jixiao: error: /dev/zero is not a regular file (a device, pipe or socket)'

hcase '6.12 a FIFO as a rule script' \
  'mkfifo f.eval' 'run f.eval' 2 'jixiao: error: f.eval is not a regular file (a device, pipe or socket)'

hcase '6.12 /dev/urandom as the base of extends' \
  "printf 'ruleset \"a\" extends \"/dev/urandom\"\n' >r.eval" \
  'check r.eval' 2 'jixiao: error: /dev/urandom is not a regular file (a device, pipe or socket)'

hcase '6.12 a FIFO as the base of extends' \
  "mkfifo base.eval; printf 'ruleset \"a\" extends \"base.eval\"\n' >r.eval" \
  'check r.eval' 2 'jixiao: error: base.eval is not a regular file (a device, pipe or socket)'

hcase '6.12 /dev/zero and a FIFO as given files of tests' \
  "mkfifo f.json; printf 'indicator 甲 1 { score 1 }\ntest \"z\" {\n  given \"/dev/zero\"\n  expect score == 1\n}\ntest \"f\" {\n  given \"f.json\"\n  expect score == 1\n}\n' >r.eval" \
  'test r.eval' 1 '' \
  "grep -qxF 'r.eval:2:1: test \"z\" failed: cannot read /dev/zero' out && grep -qxF '0 passed, 2 failed' out"

hcase '6.12 a rule script over 64 MB' \
  'truncate -s 65M big.eval' 'check big.eval' 2 'jixiao: error: big.eval is larger than 64 MB, the limit for a rule script'

hcase '6.12 a directory as a rule script' \
  'mkdir d.eval' 'check d.eval' 2 'jixiao: error: d.eval is a directory, not a rule script'
