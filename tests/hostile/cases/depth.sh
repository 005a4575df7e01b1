# Issue 6.2: long chains of bindings, each reading the one before, overflowed the C stack in
# check and in run (the 1000-level nesting limit restarted at every binding).  The depth now
# runs on through the lets and consts an expression reads, and evaluation counts its own
# levels across score(PATH), so a chain is refused with a message, never a signal.

hcase '6.2 40,000 lets in a chain' \
  "{ echo 'let a0 = \$x'; for i in \$(seq 39999); do echo \"let a\$i = a\$((i - 1)) + 1\"; done
     echo 'indicator 甲 10 { score min(weight, a39999) }'; } >r.eval" \
  'run r.eval' 2 'r.eval:501:12: error: nesting too deep'

hcase '6.2 40,000 consts in a chain, the last first' \
  "{ echo 'indicator 甲 10 { score min(weight, a39999) }'
     for i in \$(seq 39999 -1 1); do echo \"const a\$i = a\$((i - 1)) + 1\"; done; echo 'const a0 = 1'; } >r.eval" \
  'check r.eval' 2 'r.eval:502:16: error: nesting too deep'

hcase '6.2 a chain of 400 lets is fine' \
  "{ echo 'let a0 = \$x'; for i in \$(seq 399); do echo \"let a\$i = a\$((i - 1)) + 1\"; done
     echo 'indicator 甲 10 { score min(weight, a399 - 395) }'; } >r.eval; echo '{\"x\":1}' >d.json" \
  'run r.eval d.json --format ndjson' 0 '' \
  "grep -qF '\"score\":5,' out"

# 40,000 indicators, each scored by the next one's score: check searched for cycles
# recursively, run scored them recursively (SIGSEGV in both).
hcase '6.2 40,000 indicators each reading the next by score()' \
  "{ for i in \$(seq 0 39998); do echo \"indicator 指标\$i 1 { score score(指标\$((i + 1))) }\"; done
     echo 'indicator 指标39999 1 { score 1 }'; } >r.eval; echo '{}' >d.json" \
  'run r.eval d.json --format ndjson' 1 \
  'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
  "grep -qF '\"message\":\"nesting too deep\"' out"
