#!/usr/bin/env bash
# run.sh - the benchmark of bench/README.md: jixiao -j 1 and -j N, the cJSON floor and jq 1.6
# on the same generated input, plus the check time of a 20,000-indicator rule script.
#
#   bash bench/run.sh      (or `make bench` at the top)
#   BENCH_N=200000         data sets generated (bench/out/data-N.ndjson, kept for reuse)
#   BENCH_JQ_N=10000       data sets jq is timed on (jq is slow; its rates are per that sample)
#   BENCH_REPEAT=1         runs of each measurement; the fastest counts
#
# Prints wall time, data sets/s, MB/s and peak RSS of each tool, then the ratios against the
# targets, each marked met or NOT MET.  A missed target does not fail the run (this is a
# measurement); jq's totals disagreeing with jixiao's does (exit 1), as does any tool failing.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${BENCH_N:-200000}
JQ_N=${BENCH_JQ_N:-10000}
REPEAT=${BENCH_REPEAT:-1}
J=$(nproc)
OUT=bench/out
JIXIAO=build/jixiao
RULES=rules/2022/huangpu.eval
DATA=$OUT/data-$N.ndjson
SAMPLE=$OUT/sample-$JQ_N.ndjson

die() { echo "run.sh: $*" >&2; exit 1; }

[ -x /usr/bin/time ] || die "GNU time is missing: apt-get install -y time"
command -v jq >/dev/null || die "jq is missing: apt-get install -y jq"
[ -x $JIXIAO ] || die "$JIXIAO is missing: run make first"
{ [ -x bench/gen ] && [ -x bench/cjson_floor ]; } || die "bench tools are missing: run make -C bench tools"
mkdir -p $OUT
cp $JIXIAO $OUT/jixiao                  # a rebuild during the run must not mix two versions
JIXIAO=$OUT/jixiao

# measure [-i FILE] CMD...: fastest wall time of REPEAT runs into SECS, the largest peak RSS
# (KB) into KB.  Each run reads FILE (or nothing) and writes to /dev/null; GNU time reports
# to a file.
measure() {
    local in=/dev/null
    if [ "$1" = -i ]; then in=$2; shift 2; fi
    SECS="" KB=0
    for ((r = 0; r < REPEAT; r++)); do
        /usr/bin/time -f '%e %M' -o $OUT/time.txt "$@" < "$in" > /dev/null || die "failed: $*"
        read -r s k < $OUT/time.txt
        if [ -z "$SECS" ] || awk "BEGIN { exit !($s < $SECS) }"; then SECS=$s; fi
        if ((k > KB)); then KB=$k; fi
    done
}

[ -s "$DATA" ] || { echo "generating $N data sets ..."; bench/gen "$N" 1 > "$DATA"; }
head -n "$JQ_N" "$DATA" > "$SAMPLE"
bash bench/gen_rules.sh 100 200 > $OUT/big.eval
cat "$DATA" > /dev/null                 # warm the page cache: nobody pays for the disk

BYTES=$(wc -c < "$DATA")
SAMPLE_BYTES=$(wc -c < "$SAMPLE")
ROWS=""
# row NAME DATASETS BYTES: one line of the table from SECS and KB (DATASETS - : none)
row() {
    ROWS+=$(awk -v n="$1" -v d="$2" -v b="$3" -v s="$SECS" -v k="$KB" 'BEGIN {
        t = s > 0 ? s : 0.005     # GNU time has 10 ms resolution
        printf "%-30s %9s %9.2f %12s %9.1f %11.1f\n", n, d, s,
               d == "-" ? "-" : sprintf("%.0f", d / t), b / t / 1e6, k / 1024 }')$'\n'
}

echo "measuring on $DATA ($N data sets, $((BYTES / 1000000)) MB), $J cores, best of $REPEAT"
measure -i "$DATA" bench/cjson_floor
FLOOR=$SECS; row "cjson_floor (parse+print)" "$N" "$BYTES"
measure $JIXIAO run $RULES "$DATA" --format ndjson -j 1
J1=$SECS; row "jixiao -j 1" "$N" "$BYTES"
measure $JIXIAO run $RULES "$DATA" --format ndjson -j "$J"
JN=$SECS; row "jixiao -j $J" "$N" "$BYTES"
measure jq -c -f bench/score.jq "$SAMPLE"
JQ=$SECS; row "jq 1.6 score.jq (first $JQ_N)" "$JQ_N" "$SAMPLE_BYTES"
measure $JIXIAO check $OUT/big.eval
CHECK=$SECS; row "jixiao check (20,000 leaves)" - "$(wc -c < $OUT/big.eval)"

# jq's totals must be jixiao's, data set by data set, on the first CHECK_N data sets
CHECK_N=$((JQ_N < 2000 ? JQ_N : 2000))
head -n $CHECK_N "$SAMPLE" > $OUT/check.ndjson
jq -c -f bench/score.jq $OUT/check.ndjson > $OUT/check-jq.ndjson
$JIXIAO run $RULES $OUT/check.ndjson --format ndjson | jq -c '{id, score}' > $OUT/check-jixiao.ndjson
if ! cmp -s $OUT/check-jq.ndjson $OUT/check-jixiao.ndjson; then
    echo "run.sh: jq's totals differ from jixiao's (< jq, > jixiao):" >&2
    diff $OUT/check-jq.ndjson $OUT/check-jixiao.ndjson | head -n 10 >&2 || true
    exit 1
fi

echo
printf "%-30s %9s %9s %12s %9s %11s\n" tool "data sets" seconds "data sets/s" "MB/s" "peak RSS MB"
printf "%s" "$ROWS"
echo "(jq is timed on the first $JQ_N data sets only; its rates are per that sample)"
echo "jq's totals equal jixiao's on the first $CHECK_N data sets"
echo
awk -v floor="$FLOOR" -v j1="$J1" -v jn="$JN" -v jq="$JQ" -v check="$CHECK" \
    -v n="$N" -v jqn="$JQ_N" -v cores="$J" 'BEGIN {
    z = 0.005                                   # GNU time has 10 ms resolution
    target("jixiao -j 1 time / floor time", j1 / (floor > 0 ? floor : z), "<=", "1.0")
    target("jixiao -j 1 / jq throughput", (n / (j1 > 0 ? j1 : z)) / (jqn / (jq > 0 ? jq : z)), ">=", 20)
    target("jixiao -j 1 time / -j " cores " time", j1 / (jn > 0 ? jn : z), ">=", 1.6)
    target("check of 20,000 indicators (s)", check, "<", 0.5)
}
function target(what, v, op, goal,    ok) {
    ok = op == "<=" ? v <= goal + 0 : op == ">=" ? v >= goal + 0 : v < goal + 0
    printf "%-36s %8.2f   target %s %-4s %s\n", what, v, op, goal, ok ? "met" : "NOT MET"
}'
