# Issue 6.13 and 6.17: positions become line and column through a line-start table (binary
# search), so many errors, explain and fmt are linear; a lone CR ends a line.

# 60,000 indicators that all fail on one data set: was 95 s for 100,000 (a rescan from byte 0
# for each error's line), now well under a second.
hcase '6.13 every indicator of a huge script failing' \
  "awk 'BEGIN { for (i = 0; i < 60000; i++) printf \"indicator 指标%d 1 { score weight * \$率 }\n\", i }' >r.eval
   echo '{\"率\":\"x\"}' >d.json" \
  'run r.eval d.json --format ndjson' 1 \
  'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
  "grep -o 'r.eval:60000:[0-9]*' out | head -1 | grep -qx 'r.eval:60000:38'"

# fmt was quadratic (8,000 indicators: 13.8 s)
hcase '6.13 fmt of a 40,000-indicator script' \
  "awk 'BEGIN { for (i = 0; i < 40000; i++) printf \"indicator 指标%d 1 {\n  score weight\n}\n\", i }' >r.eval" \
  'fmt r.eval' 0 '' \
  'cmp -s out r.eval'

hcase '6.17 CR-only line ends count as lines' \
  "printf 'indicator 甲 1 {\r  score 1 +\r}\r' >r.eval" \
  'check r.eval' 2 "r.eval:3:1: error: unexpected '}', expected an expression"

hcase '6.17 CR LF line ends count once' \
  "printf 'indicator 甲 1 {\r\n  score 1 +\r\n}\r\n' >r.eval" \
  'check r.eval' 2 "r.eval:3:1: error: unexpected '}', expected an expression"
