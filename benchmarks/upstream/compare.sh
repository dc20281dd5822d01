#!/usr/bin/env bash
# Issue 5's throughput comparison in one command: one reference model server (50 ms simulated latency) on
# loopback, upstream's sequential Python loop against it, then the .NET batch benchmark (concurrency 8)
# against the same server. Run on an idle machine; prints the Python JSON line and BenchmarkDotNet's table.
# Ratio = upstream "seconds" / the BatchRunner row's Mean (both are 100 images).
#   benchmarks/upstream/compare.sh [delay_ms=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
delay="${1:-50}"

dotnet build src/Scaneo.Cli -c Release -v q -nologo | grep -E "error|Build succeeded" | sort -u
log="$(mktemp)"
src/Scaneo.Cli/bin/Release/net10.0/scaneo serve-model --port 0 --delay-ms "$delay" > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  grep -q '^listening on ' "$log" && break
  sleep 0.2
done
base="$(sed -n 's/^listening on \(.*\)$/\1/p' "$log" | head -n 1)"
[ -n "$base" ] || { echo "scaneo serve-model did not start:"; cat "$log"; exit 1; }
echo "server: $base (delay ${delay} ms)"

echo "== upstream: python3 + requests + rasterio, sequential, 100 images"
/usr/bin/python3 benchmarks/upstream/upstream_sequential.py --url "${base%/}/segmentation" --count 100

echo "== .NET: InferenceBatchRunner and a plain HttpClient loop, concurrency 8, 100 images per operation"
SCANEO_BENCH_URL="$base" dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- \
  --filter '*BatchThroughput*' --job short --warmupCount 1 --inProcess
