#!/usr/bin/env bash
# Issue 12, "pay only for what you call": publishes bench/LiveAvatarGen.AotSize (one Stripe call, NativeAOT) for this
# machine's runtime identifier and prints the native binary's size next to two apps published with the same
# settings. CPU-heavy (Stripe is about 40 MB of generated C#): about ten minutes a variant on a busy 2-core machine.
#
#   bench/aot-size.sh [--mstat] [VARIANT...]     VARIANT: plain (the default), di, filtered
#
# Always: hello world, and the same GET /v1/balance written by hand with HttpClient and Utf8JsonReader. Then:
#   plain     the client over the whole Stripe spec, built with `new StripeClient(http, options)`
#   di        the same client resolved from the generated services.AddStripeClient() (IHttpClientFactory)
#   filtered  a client generated for GetBalance only (OpenApiIncludeOperations): what plain should be close to
#   --mstat   also writes ILC's .mstat and .map.xml (what the binary holds, node by node) under the project's
#             obj/Release/net10.0/<rid>/native/
# Output goes to artifacts/aot-size/<variant>/; each binary is run once (it calls a loopback stand-in).
set -euo pipefail
cd "$(dirname "$0")/.."

rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
out="artifacts/aot-size"
variants=()
extra=()
for arg in "$@"; do
  case "$arg" in
    plain|di|filtered) variants+=("$arg") ;;
    --mstat) extra+=(-p:IlcGenerateMstatFile=true -p:IlcGenerateDgmlFile=false -p:IlcGenerateMapFile=true) ;;
    *) echo "unknown argument: $arg (variants: plain, di, filtered; option: --mstat)" >&2; exit 2 ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=(plain)

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
publish byhand bench/LiveAvatarGen.AotSize.Baseline/LiveAvatarGen.AotSize.Baseline.csproj -p:AotSizeBaselineHttp=true
"$out/byhand/LiveAvatarGen.AotSize.Baseline" >&2
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
size byhand LiveAvatarGen.AotSize.Baseline
for v in "${variants[@]}"; do size "$v" LiveAvatarGen.AotSize; done
