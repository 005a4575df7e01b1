#!/usr/bin/env bash
# gen_scale.sh - inputs that grow one list of a rule set or data set, to show that the time
# to check, run or explain them grows linearly (the measurements of bench/README.md).
#
#   bash bench/gen_scale.sh KIND N DIR    writes DIR/KIND-N.eval and DIR/KIND-N.json
#
# KIND (and what to time):
#   warn      N claims naming no indicator: N review warnings (run)
#   rowerr    N rows whose weight is no number: N row errors under one indicator (run)
#   groups    N rows of a from block, each in its own group (run)
#   madepath  N rows each reading score(PATH) of another block's last row (run)
#   findmade  N rows, N claims naming them by row name (run)
#   widefind  N top-level indicators, N claims by a path with a quoted step (run)
#   deducts   one indicator of N deducts and N notes, each firing (run, explain)
#   reads     one rule reading N data paths (explain)
#   lets      one indicator of N lets, each reading a let of its parent (check)
#   unknown   N consts and N indicators each reading a name that is not there (check)
#   badpath   N indicators each reading score() of a path that is not there (check)
#   extends   DIR/KIND-N.eval extends DIR/extends-N-base.eval (N consts, N indicators and one
#             of N children) and changes each, drops and adds children (check)
set -euo pipefail
kind=$1 n=$2 dir=$3
mkdir -p "$dir"
r=$dir/$kind-$n.eval d=$dir/$kind-$n.json
echo '{}' > "$d"
case $kind in
warn)
  printf 'selfscore $自评\nindicator a 10 { }\n' > "$r"
  awk -v n="$n" 'BEGIN { printf "{\"自评\":{"; for (i = 0; i < n; i++) printf "%s\"k%d\":1", i ? "," : "", i; print "}}" }' > "$d" ;;
rowerr)
  printf 'indicator 产出 10 {\n  from $行 name .名 weight .分 { }\n}\n' > "$r"
  awk -v n="$n" 'BEGIN { printf "{\"行\":["; for (i = 0; i < n; i++) printf "%s{\"名\":\"r%d\",\"分\":\"x\"}", i ? "," : "", i; print "]}" }' > "$d" ;;
groups)
  printf 'indicator 产出 {\n  from $行 group .g name .名 weight .分 { }\n}\n' > "$r"
  awk -v n="$n" 'BEGIN { printf "{\"行\":["; for (i = 0; i < n; i++) printf "%s{\"g\":\"g%d\",\"名\":\"r%d\",\"分\":1}", i ? "," : "", i, i; print "]}" }' > "$d" ;;
madepath)
  printf 'indicator A {\n  from $a name .n weight .w { }\n}\nindicator B {\n  from $b name .n weight .w { score weight * ratio(A.last) }\n}\n' > "$r"
  awk -v n="$n" 'BEGIN {
    printf "{\"a\":["; for (i = 0; i < n; i++) printf "%s{\"n\":\"%s\",\"w\":1}", i ? "," : "", i == n - 1 ? "last" : "a" i
    printf "],\"b\":["; for (i = 0; i < n; i++) printf "%s{\"n\":\"b%d\",\"w\":1}", i ? "," : "", i; print "]}" }' > "$d" ;;
findmade)
  printf 'selfscore $自评\nindicator A {\n  from $a name .n weight .w { }\n}\n' > "$r"
  awk -v n="$n" 'BEGIN {
    printf "{\"a\":["; for (i = 0; i < n; i++) printf "%s{\"n\":\"a%d\",\"w\":1}", i ? "," : "", i
    printf "],\"自评\":{"; for (i = 0; i < n; i++) printf "%s\"a%d\":0", i ? "," : "", i; print "}}" }' > "$d" ;;
widefind)
  awk -v n="$n" 'BEGIN { print "selfscore $自评"; for (i = 0; i < n; i++) printf "indicator i%d 1 { }\n", i }' > "$r"
  awk -v n="$n" 'BEGIN { printf "{\"自评\":{"; for (i = 0; i < n; i++) printf "%s\"\\\"i%d\\\".x\":1", i ? "," : "", i; print "}}" }' > "$d" ;;
deducts)
  awk -v n="$n" 'BEGIN { printf "indicator a %d {\n", 2 * n; for (i = 0; i < n; i++) printf "  deduct 1 : \"d%d\"\n  note \"n%d\"\n", i, i; print "}" }' > "$r" ;;
reads)
  awk -v n="$n" 'BEGIN { printf "indicator a 1 {\n  score weight * min(1"; for (i = 0; i < n; i++) printf ", $a%d", i; print ")\n}" }' > "$r"
  awk -v n="$n" 'BEGIN { printf "{"; for (i = 0; i < n; i++) printf "%s\"a%d\":1", i ? "," : "", i; print "}" }' > "$d" ;;
lets)
  awk -v n="$n" 'BEGIN { print "indicator p 1 {\n  let q = 1\n  indicator c 1 {"; for (i = 0; i < n; i++) printf "    let v%d = q + %d\n", i, i; print "    score weight * min(1, v0)\n  }\n}" }' > "$r" ;;
unknown)
  awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "const c%d = 1\n", i; for (i = 0; i < n; i++) printf "indicator i%d 1 { score weight * d%d }\n", i, i }' > "$r" ;;
badpath)
  awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "indicator i%d 1 { score weight * ratio(j%d) }\n", i, i }' > "$r" ;;
extends)
  awk -v n="$n" 'BEGIN {
    print "ruleset \"基\" version \"1\""
    for (i = 0; i < n; i++) printf "const c%d = 1\n", i
    for (i = 0; i < n; i++) printf "indicator i%d 2 {\n  indicator k 2 { }\n}\n", i
    printf "indicator w %d {\n", n
    for (i = 0; i < n; i++) printf "  indicator w%d 1 { }\n", i
    print "}" }' > "$dir/extends-$n-base.eval"
  awk -v n="$n" -v base="extends-$n-base.eval" 'BEGIN {
    print "ruleset \"新\" version \"2\" extends \"" base "\""
    for (i = n - 1; i >= 0; i--) printf "const c%d = 2\n", i
    for (i = n - 1; i >= 0; i--) printf "indicator i%d 2 {\n  indicator k 1 { }\n  indicator m 1 { }\n}\n", i
    for (i = 0; i < n; i += 2) printf "drop w.w%d\nindicator w.x%d 1 { score weight * 0.5 }\n", i, i
    for (i = 1; i < n; i += 2) printf "indicator w.w%d 1 { score weight * c%d }\n", i, i }' > "$r" ;;
*)
  echo "gen_scale.sh: unknown kind '$kind'" >&2; exit 2 ;;
esac
