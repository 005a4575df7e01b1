# Issue 6.3, 6.9, 6.10: numbers.  A literal beyond a double was an Infinity written into the
# JSON ("max": Infinity), a data value 1e999 likewise ("score": Infinity); a literal longer
# than 127 characters was cut (000…0005 was 0); round(x, 3e9) converted 3e9 to int
# (undefined behaviour, UBSan aborts).  No output may hold Infinity or NaN, in any format.

hcase '6.9 a weight of 1e400 is a check error, not "max": Infinity' \
  "printf 'indicator 甲 1e400 {\n  score weight\n}\n' >r.eval; echo '{}' >d.json" \
  'run r.eval d.json' 2 'r.eval:1:13: error: number too large: 1e400 (the largest is about 1.8e308)' \
  '! [ -s out ]'

for f in json ndjson csv table explain html; do
  hcase "6.9 a data value 1e999 is an error result ($f)" \
    "$R1; echo '{\"x\": 1e999}' >d.json" \
    "run r.eval d.json --format $f" 1 \
    'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
    "grep -qF 'too large a number' out && ! grep -qE 'Infinity|NaN|inf' out"
done

hcase '6.9 a data value 1e999 is an error result (xlsx)' \
  "$R1; echo '{\"x\": 1e999}' >d.json" \
  'run r.eval d.json --format xlsx -o o.xlsx' 1 \
  'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
  "unzip -p o.xlsx | grep -qF 'too large a number' && ! unzip -p o.xlsx | grep -qE 'Infinity|NaN'"

hcase '6.9 1e300 * 1e300 in the rules is an error result naming the expression' \
  "printf 'indicator 甲 10 {\n  score min(weight, \$x * \$x)\n}\n' >r.eval; echo '{\"x\": 1e300}' >d.json" \
  'run r.eval d.json --format ndjson' 1 \
  'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
  "grep -qF '\"message\":\"\$x * \$x is too large a number (beyond about 1.8e308)\"' out"

hcase '6.10 a number literal of 300 characters is read whole' \
  "{ printf 'indicator 甲 10 {\n  score '; printf '0%.0s' \$(seq 299); printf '5\n}\n'; } >r.eval; echo '{}' >d.json" \
  'run r.eval d.json --format ndjson' 0 '' \
  "grep -qF '{\"id\":1,\"score\":5,' out"

hcase '6.3 round(x, 3e9) and round(x, -1e300) need no int conversion' \
  "printf 'indicator 甲 10 {\n  score round(\$x, 3e9) + round(\$x, -1e300)\n}\n' >r.eval; echo '{\"x\": 1.5}' >d.json" \
  'run r.eval d.json --format ndjson' 0 '' \
  "grep -qF '{\"id\":1,\"score\":1.5,' out"

# The html report's histogram put score / max * 10 into an int: rows can make a data set's
# maximum 1e18 times the rule set's (UBSan: float-cast-overflow).
hcase '6.3 a score far above the rule set'"'"'s maximum in the html histogram' \
  "printf 'precision 3\nindicator 小 0.001 { }\nindicator 产出 {\n  from \$行 name .名 weight .分 {\n    score weight\n  }\n}\n' >r.eval
   echo '{\"行\": [{\"名\": \"a\", \"分\": 1e15}]}' >d.json" \
  'run r.eval d.json --format html -o o.html' 0 '' \
  "grep -qF '</html>' o.html"
