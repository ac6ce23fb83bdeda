#!/usr/bin/env bash
# Issue 12, "pay only for what you call": publishes bench/LiveAvatarGen.AotSize (one Stripe call, NativeAOT) for this
# machine's runtime identifier and prints the native binary's size next to a hello-world NativeAOT app published
# with the same settings. CPU-heavy (Stripe is about 40 MB of generated C#): minutes, not seconds.
#
#   bench/aot-size.sh                 baseline + the client built with `new StripeClient(http, options)`
#   bench/aot-size.sh --di            also the variant resolved from the generated services.AddStripeClient()
#   bench/aot-size.sh --filtered      also the variant generating only GetBalance (OpenApiIncludeOperations)
#   bench/aot-size.sh --mstat ...     also writes the ILC .mstat and .map files (what the binary holds, by node)
#
# Output goes to artifacts/aot-size/<variant>/; each binary is run once (it calls a loopback stand-in).
set -euo pipefail
cd "$(dirname "$0")/.."

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
out="artifacts/aot-size"
variants=(plain)
extra=()
for arg in "$@"; do
  case "$arg" in
    --di) variants+=(di) ;;
    --filtered) variants+=(filtered) ;;
    --mstat) extra+=(-p:IlcGenerateMstatFile=true -p:IlcGenerateDgmlFile=false -p:IlcGenerateMapFile=true) ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

publish() { # <name> <project> [msbuild args...]
  local name="$1" project="$2"; shift 2
  echo "publishing $name ($rid)..." >&2
  if ! dotnet publish "$project" -c Release -r "$rid" -o "$out/$name" ${extra[@]+"${extra[@]}"} "$@" > "$out/$name.log" 2>&1; then
    cat "$out/$name.log" >&2; echo "publish of $name failed" >&2; exit 1
  fi
  if grep -E 'warning IL[23][0-9]{3}' "$out/$name.log" >&2; then
    echo "$name: trimming/AOT warnings (above)" >&2; exit 1
  fi
}

size() { # <name> <binary>
  local bytes; bytes=$(stat -c %s "$out/$1/$2")
  awk -v n="$1" -v b="$bytes" 'BEGIN { printf "%-10s %12d bytes  %6.2f MB\n", n, b, b / 1048576 }'
}

mkdir -p "$out"
publish baseline bench/LiveAvatarGen.AotSize.Baseline/LiveAvatarGen.AotSize.Baseline.csproj
for v in "${variants[@]}"; do
  case "$v" in
    plain) publish plain bench/LiveAvatarGen.AotSize/LiveAvatarGen.AotSize.csproj ;;
    di) publish di bench/LiveAvatarGen.AotSize/LiveAvatarGen.AotSize.csproj -p:AotSizeWithDI=true ;;
    filtered) publish filtered bench/LiveAvatarGen.AotSize/LiveAvatarGen.AotSize.csproj -p:AotSizeOperations=GetBalance ;;
  esac
  "$out/$v/LiveAvatarGen.AotSize" >&2
done

echo "NativeAOT binary sizes, $rid, $(dotnet --version):"
size baseline LiveAvatarGen.AotSize.Baseline
for v in "${variants[@]}"; do size "$v" LiveAvatarGen.AotSize; done
