#!/usr/bin/env python3
"""Upstream SCANEO's inference loop, reproduced for the issue-5 throughput comparison.

Upstream (Python, FastAPI + rasterio) sends one image at a time: read the GeoTIFF with rasterio, write the
(preprocessed) array to an in-memory GeoTIFF keeping CRS and transform, POST it as multipart field `image` with
`requests`, then read the returned mask with rasterio. No concurrency, no session reuse (requests.post opens a
new connection per call, as upstream does).

Usage:
    scaneo serve-model --port 8765 --delay-ms 50 &
    python3 benchmarks/upstream/upstream_sequential.py --url http://127.0.0.1:8765/segmentation \
        --image samples/data/L7_ETMs.tif --count 100

Prints one JSON line: images, seconds, images_per_second, mean_latency_ms.
"""
import argparse
import json
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--image", required=True)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()

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
