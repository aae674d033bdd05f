#!/usr/bin/env bash
# Throughput of the Spark job in local[N] against ./supercuts segment --threads N, back to back on the same images and
# the same machine, ROUNDS times; then checks that every mask picture of the two is byte for byte the same.
#
# Usage: examples/spark/scripts/compare-local.sh [IMAGES_DIR] [OUT_PREFIX] [N] [ROUNDS]
#   default: ../shared/datasets/ECSSD/images /tmp/spark-compare 2 2
# Prints one line per run (wall s, images/s, CPU s, load average before) and the ratios; the runs' outputs stay under
# OUT_PREFIX-*. Both sides write the same pictures (mask, soft, overlay, levels); segment also writes its JSON, the job
# its Parquet table. A third run per round, the job without --png (table only), shows the cost of the pictures
# (TABLE_ONLY=0 leaves it out).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
images="$(cd "${1:-$root/../shared/datasets/ECSSD/images}" && pwd)"
out="${2:-/tmp/spark-compare}"
n="${3:-2}"
rounds="${4:-2}"
cd "$root"
[[ -x /usr/bin/time ]] || { echo "needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
./supercuts --version >/dev/null              # builds the CLI jar if needed, outside the timings
./supercuts spark --version >/dev/null        # builds the Spark job if needed
count="$(find "$images" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | wc -l)"
echo "images: $count in $images; N = $n; $(nproc) cores; $(date -u +%FT%TZ)"

timed() { # label outdir command...
  local label="$1" dir="$2"; shift 2
  rm -rf "$dir"
  local load; load="$(cut -d' ' -f1-3 /proc/loadavg)"
  local t0; t0="$(date +%s.%N)"
  /usr/bin/time -f '%U %S' -o "$dir.cpu" "$@" >"$dir.log" 2>&1 || { echo "$label failed, see $dir.log" >&2; tail -5 "$dir.log" >&2; exit 1; }
  local t1; t1="$(date +%s.%N)"
  local wall; wall="$(calc "$t1 - $t0")"
  local cpu; cpu="$(awk '{print $1 + $2}' "$dir.cpu")"
  printf '%-14s wall %7.1f s  %6.2f images/s  cpu %7.1f s  load before %s\n' "$label" "$wall" "$(calc "$count / $wall")" "$cpu" "$load"
  echo "$wall" >"$dir.wall"
}

for r in $(seq 1 "$rounds"); do
  echo "round $r"
  # shellcheck disable=SC2046
  timed "cli" "$out-cli-$r" ./supercuts segment --threads "$n" --out "$out-cli-$r" $(find "$images" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' \) | sort)
  timed "spark+png" "$out-spark-$r" ./supercuts spark --master "local[$n]" --images "$images" --out "$out-spark-$r/table" --png "$out-spark-$r/png"
  printf 'round %s: spark+png / cli throughput = %.3f\n' "$r" "$(calc "$(cat "$out-cli-$r.wall") / $(cat "$out-spark-$r.wall")")"
  if [[ "${TABLE_ONLY:-1}" == 1 ]]; then
    timed "spark-table" "$out-table-$r" ./supercuts spark --master "local[$n]" --images "$images" --out "$out-table-$r/table"
    printf 'round %s: spark table-only / cli throughput = %.3f\n' "$r" "$(calc "$(cat "$out-cli-$r.wall") / $(cat "$out-table-$r.wall")")"
  fi
  grep -h "^spark:" "$out-spark-$r.log" "$out-table-$r.log" 2>/dev/null || true
done

different=0
for f in "$out-cli-1"/*-mask.png; do
  cmp -s "$f" "$out-spark-1/png/$(basename "$f")" || { different=$((different + 1)); echo "differs: $(basename "$f")"; }
done
echo "mask pictures compared: $(ls "$out-cli-1"/*-mask.png | wc -l), different: $different"
