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
