#!/usr/bin/env bash
# Adds every new public symbol of the given library projects (default: all in src/) to its
# PublicAPI.Unshipped.txt, using the PublicApiAnalyzers code fix. Review the diff before committing:
# the baseline exists so that API changes are deliberate.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  mapfile -t projects < <(ls src/*/PublicAPI.Unshipped.txt | xargs -n1 dirname)
fi
for p in "${projects[@]}"; do
  csproj=$(ls "$p"/*.csproj)
  dotnet format analyzers "$csproj" --diagnostics RS0016 RS0017 --severity error -v q || true
  # Keep the file sorted so merges stay easy.
  f="$p/PublicAPI.Unshipped.txt"
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$f" | sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
done
