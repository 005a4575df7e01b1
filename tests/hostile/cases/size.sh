# Issue 12: big rule scripts stay linear.  Each case would take minutes if the work it names
# were quadratic again, so the 20 s timeout of every case fails it.

# extends: the base's items were appended one by one to a list walked from its head each
# time (100,000 items: about 75 s before the fix, well under a second after).
hcase '12 an extending script over a base of 100,000 top-level indicators' \
  "awk 'BEGIN { print \"id \$名称\"; for (i = 1; i <= 100000; i++) printf \"indicator 指标%d 1 { score weight }\\n\", i }' >base.eval
   printf 'ruleset \"新\" extends \"base.eval\"\\nindicator 指标5 1 { score 0 }\\n' >new.eval
   echo '{\"名称\":\"甲\"}' >d.ndjson" \
  'run new.eval d.ndjson --format ndjson' 0 '' \
  "grep -qF '{\"id\":\"甲\",\"ruleset\":\"新\",\"score\":99999,\"max\":100000,' out"

# A from block with `group` over 100,000 rows, each in a group of its own: the groups are
# found by a map of their names, not by comparing every row with every group (before: 20 s
# for 20,000 rows, hours for 100,000).  The output keeps the groups in order of first
# appearance, each with its rows in data order.
hcase '12 a from block of 100,000 rows in 100,000 groups' \
  "printf 'indicator 产出 {\n  from \$行 group .组 name .名 weight .分 {\n    score weight\n  }\n}\n' >r.eval
   awk 'BEGIN { printf \"{\\\"行\\\":[\"; for (i = 1; i <= 100000; i++) printf \"%s{\\\"组\\\":\\\"组%d\\\",\\\"名\\\":\\\"项\\\",\\\"分\\\":1}\", (i > 1 ? \",\" : \"\"), 100001 - i; print \"]}\" }' >d.json" \
  'run r.eval d.json --format ndjson' 0 '' \
  'grep -q "^{\"id\":1,\"score\":100000,\"max\":100000,\"indicators\":\[{\"name\":\"产出\",\"weight\":100000,\"score\":100000,\"indicators\":\[{\"name\":\"组100000\",\"weight\":1,\"score\":1,\"indicators\":\[{\"name\":\"项\",\"row\":0,\"weight\":1,\"score\":1}\]},{\"name\":\"组99999\"" out'

# Dependency cycles: 20,000 indicators each reading the next and the first make 20,000
# cycles.  Each was reported with its whole chain, found by walking the search's stack:
# 4,000 took 11 s and 84 MB.  Long chains are now shortened and a cycle's start and first
# reference are found without a walk.
hcase '12 check: 20,000 indicators each reading the next and the first' \
  "awk 'BEGIN { for (i = 1; i < 20000; i++) printf \"indicator a%d 1 { score score(a%d) + score(a1) }\\n\", i, i + 1; print \"indicator a20000 1 { score score(a1) }\" }' >c.eval" \
  'check c.eval' 2 "c.eval:1:24: error: indicator 'a1' depends on its own score: a1 → a2 → a3 → a4 → … (19993 more) → a19998 → a19999 → a20000 → a1" \
  '[ "$(tail -n 1 err)" = "20000 errors" ]'
