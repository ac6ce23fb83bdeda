#!/usr/bin/env bash
# Issue 12's figures from one run, in one command: every number `docs/performance.md` marks met or not met, measured
# one after the other on the same machine and code, so no row comes from another hour.
#
#   bench/issue12-pass.sh [--no-aot]
#
# 1. generation: BenchmarkDotNet, fifteen iterations per benchmark (ours, the bare Microsoft.OpenApi parse, NSwag,
#    the two incremental edits; six specs), about 10 minutes;
# 2. --sizes: C# characters, Release compile (ours and NSwag's taking turns, medians of five), dll bytes, 2 minutes;
# 3. the runtime parse benchmarks (the "no slower" check), about 3 minutes;
# 4. bench/aot-size.sh plain: the NativeAOT app that calls one Stripe operation, about 10 minutes (--no-aot skips it).
# Each step's whole output is kept in artifacts/issue12-pass/<step>.log; the tables are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

out="artifacts/issue12-pass"
aot=true
for arg in "$@"; do
  case "$arg" in
    --no-aot) aot=false ;;
    *) echo "unknown argument: $arg (option: --no-aot)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"

step() { # <name> <command...>: runs one step, its output to the step's log, and says when it started and ended
  local name="$1"; shift
  echo "$(date -u +%H:%M:%S) $name: $*" >&2
  if ! "$@" > "$out/$name.log" 2>&1; then
    tail -n 40 "$out/$name.log" >&2; echo "$name failed (whole output: $out/$name.log)" >&2; exit 1
  fi
}

echo "commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/pass.txt" >&2
GENERATION_ITERATIONS=15 step generation dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --filter '*GenerationBenchmarks*'
step sizes dotnet run -c Release --project bench/LiveAvatarGen.Generator.Benchmarks -- --sizes
step parse dotnet run -c Release --project bench/LiveAvatarGen.Benchmarks -- --filter '*ParseBenchmarks*'
if [ "$aot" = true ]; then
  step aot bench/aot-size.sh plain
fi
echo "$(date -u +%H:%M:%S) done" >&2

# BenchmarkDotNet's summary tables and --sizes' table are the lines that start with '|'; aot-size.sh ends with its own.
{
  cat "$out/pass.txt"
  echo; echo "## generation"; grep '^|' "$out/generation.log" || true
  echo; echo "## sizes"; grep '^|\|^Compile times' "$out/sizes.log" || true
  echo; echo "## parse"; grep '^|' "$out/parse.log" || true
  if [ "$aot" = true ]; then echo; echo "## aot"; sed -n '/^NativeAOT binary sizes/,$p' "$out/aot.log"; fi
} | tee "$out/summary.md"
