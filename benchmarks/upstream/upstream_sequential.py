#!/usr/bin/env python3
"""Upstream SCANEO's inference loop, reproduced for the issue-5 throughput comparison.

Upstream (Python, FastAPI + rasterio) sends one image at a time: read the GeoTIFF with rasterio, write the
(preprocessed) array to an in-memory GeoTIFF keeping CRS and transform, POST it as multipart field `image` with
`requests`, then read the returned mask with rasterio. No concurrency, no session reuse (requests.post opens a
new connection per call, as upstream does).

Usage (one command: without --url the script builds and starts `scaneo serve-model --delay-ms 50` itself,
on a free loopback port, and stops it at the end):
    python3 benchmarks/upstream/upstream_sequential.py
or against a server you started (e.g. the one the .NET benchmark also uses, see compare.sh):
    python3 benchmarks/upstream/upstream_sequential.py --url http://127.0.0.1:8765/segmentation

Prints one JSON line: images, seconds, images_per_second, mean_latency_ms.
"""
import argparse
import json
import os
import subprocess
import sys
import threading
import time

import rasterio
import requests
from rasterio.io import MemoryFile


def encode(path):
    # Upstream reads the image and re-encodes it as GeoTIFF for every request; do the same inside the timed loop.
    with rasterio.open(path) as src:
        data = src.read()
        profile = src.profile.copy()
    profile.update(driver="GTiff")
    with MemoryFile() as mem:
        with mem.open(**profile) as dst:
            dst.write(data)
        return mem.read()


def infer(url, path):
    payload = encode(path)
    response = requests.post(url, files={"image": ("image.tif", payload, "image/tiff")})
    response.raise_for_status()
    with MemoryFile(response.content) as mem:
        with mem.open() as mask:
            return mask.read(1)


REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def start_server(delay_ms):
    """Builds the CLI (Release) and starts the reference model server; returns (process, segmentation URL)."""
    subprocess.run(["dotnet", "build", os.path.join(REPO, "src", "Scaneo.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    exe = os.path.join(REPO, "src", "Scaneo.Cli", "bin", "Release", "net10.0", "scaneo")
    server = subprocess.Popen([exe, "serve-model", "--port", "0", "--delay-ms", str(delay_ms)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in server.stdout:
        if line.startswith("listening on "):
            # Keep draining its output so the server never blocks on a full pipe.
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            return server, line[len("listening on "):].strip().rstrip("/") + "/segmentation"
    server.kill()
    sys.exit("scaneo serve-model exited without printing its URL")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="segmentation endpoint; default: start scaneo serve-model on a free port")
    parser.add_argument("--image", default=os.path.join(REPO, "samples", "data", "L7_ETMs.tif"))
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--delay-ms", type=int, default=50, help="simulated model latency of the started server")
    args = parser.parse_args()

    server = None
    if args.url is None:
        server, args.url = start_server(args.delay_ms)
    try:
        run(args)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


def run(args):
    infer(args.url, args.image)  # warm-up: imports, GDAL drivers, server JIT
    latencies = []
    start = time.perf_counter()
    for _ in range(args.count):
        t0 = time.perf_counter()
        mask = infer(args.url, args.image)
        latencies.append(time.perf_counter() - t0)
        assert mask.ndim == 2
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "images": args.count,
        "seconds": round(elapsed, 3),
        "images_per_second": round(args.count / elapsed, 2),
        "mean_latency_ms": round(1000 * sum(latencies) / len(latencies), 1),
    }))


if __name__ == "__main__":
    main()
