# Issue 12.3: one result bigger than the output budget is written as it is made.  table, html
# and xlsx lay a result out from its table model (about 250 bytes a leaf, held while it is
# written), but hold neither its text nor (xlsx, past 8,192 cells a sheet) its cells: the peak
# memory of writing one result of a 50,000-leaf rule set stays near ndjson's (measured: table
# +11 MB, html +17 MB, xlsx +29 MB; when they were laid out whole, +38, +46 and +87 MB).  Peak
# memory as GNU time measures it; skipped without /usr/bin/time and under the sanitizer build
# (whose shadow memory would be measured).
if [ -x /usr/bin/time ] && ! ldd "$BIN" 2>/dev/null | grep -q libasan; then
  peak() {  # peak FORMAT: the peak resident memory (KB) of writing s.ndjson's result
    /usr/bin/time -f %M "$BIN" run s.eval s.ndjson --format "$1" -o "out.$1" 2>&1 >/dev/null | tail -n 1
  }
  within() {  # within FORMAT MB: FORMAT's peak is at most MB above ndjson's
    local n t
    n=$(peak ndjson) t=$(peak "$1")
    echo "$1: $((t / 1024)) MB, ndjson: $((n / 1024)) MB"
    [ $((t - n)) -le $(($2 * 1024)) ]
  }
  big_result() {  # s.eval: 500 x 100 one-line leaves; s.ndjson: the one data set they read
    awk 'BEGIN { print "id $名称"
      for (i = 1; i <= 500; i++) {
        printf "indicator 维度%d 100 {\n", i
        for (j = 1; j <= 100; j++)
          printf "  indicator 指标%d_%d 1 { score weight * min($数据.率%d / 100, 1) }\n", i, j, j
        print "}"
      } }' >s.eval
    awk 'BEGIN { printf "{\"名称\":\"甲\",\"数据\":{"
      for (j = 1; j <= 100; j++)
        printf "%s\"率%d\":%d", (j > 1 ? "," : ""), j, 50 + j % 50
      print "}}" }' >s.ndjson
  }
  hcase '12.3 one result of 50,000 leaves as table, html and xlsx: within 20, 28 and 48 MB of ndjson' \
    big_result \
    'run s.eval s.ndjson --format ndjson -o out.ndjson' 0 '' \
    'within table 20 && within html 28 && within xlsx 48'
  # A from block of 20,000 rows whose weight is no number: 20,000 row errors, each kept as its
  # text (about 60 bytes) until listed, and listed pointing at it.  Measured: ndjson +10 MB,
  # explain +8 MB over the same rows with good weights (when each error kept 780 bytes of fixed
  # buffers, in the rows' list and again in the result's: +62 and +59 MB).
  rows_peak() {   # rows_peak FILE FORMAT: the peak resident memory (KB) of scoring FILE.json
    /usr/bin/time -f %M "$BIN" run r.eval "$1.json" --format "$2" 2>&1 >/dev/null | tail -n 1
  }
  rows_within() {   # rows_within FORMAT MB: the errors' peak is at most MB above the good rows'
    local g b
    g=$(rows_peak good "$1") b=$(rows_peak bad "$1")
    echo "$1: $((b / 1024)) MB, good rows: $((g / 1024)) MB"
    [ $((b - g)) -le $(($2 * 1024)) ]
  }
  row_errors() {  # r.eval: one from block; bad.json: 20,000 rows weighing "x"; good.json: 1
    printf 'indicator 产出 20000 {\n  from $行 name .名 weight .分 { }\n}\n' >r.eval
    awk 'BEGIN { printf "{\"行\":["
      for (i = 0; i < 20000; i++) printf "%s{\"名\":\"r%d\",\"分\":\"x\"}", i ? "," : "", i
      print "]}" }' >bad.json
    sed 's/"x"/1/g' bad.json >good.json
  }
  hcase '12.3 20,000 row errors: within 20 MB of the same rows without errors (ndjson, explain)' \
    row_errors \
    'run r.eval bad.json --format ndjson -o out.ndjson' 1 \
    'jixiao: 1 of 1 data sets could not be scored (see "errors" in the results)' \
    'rows_within ndjson 20 && rows_within explain 20'
else
  echo "SKIP hostile: 12.3 the peak memory of one big result (needs /usr/bin/time and the plain build)"
  echo "SKIP hostile: 12.3 the peak memory of 20,000 row errors (needs /usr/bin/time and the plain build)"
fi
