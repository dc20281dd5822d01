"""GDAL and OpenCV anchors on exactly the benchmark masks, for same-session ratios (docs/performance.md).

Write the masks first, then time:
  dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- write-masks /tmp/masks
  /usr/bin/python3 benchmarks/Scaneo.Benchmarks/Polygonize/polygonize_anchor.py /tmp/masks [RUNS] [KINDS]

KINDS is a comma-separated subset (e.g. noise_1024) to re-time one mask beside a benchmark.

GDAL: GDALPolygonize (4-connected) into an in-memory OGR layer, as in anchors.md. OpenCV: findContours of each
class's binary mask (external contours, simple chain: no polygons, no holes), as in anchors.md. Best and median
of RUNS runs (default 5; the tile runs at most 3 times with GDAL).
"""
import os
import sys
import time

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()
try:
    import cv2
except ImportError:  # apt-get install python3-opencv
    cv2 = None


def timed(f, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[0] * 1000, times[len(times) // 2] * 1000, result


def gdal_polygonize(band):
    mem = ogr.GetDriverByName("Memory").CreateDataSource("anchor")
    layer = mem.CreateLayer("polygons", geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
    gdal.Polygonize(band, None, layer, 0, [], callback=None)
    return layer.GetFeatureCount()


def opencv_contours(array):
    count = 0
    for value in np.unique(array):
        binary = (array == value).astype(np.uint8)
        contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        count += len(contours)
    return count


def main():
    directory = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"GDAL {gdal.__version__}, OpenCV {cv2.__version__ if cv2 else 'not installed'}, numpy {np.__version__}")
    kinds = sys.argv[3].split(",") if len(sys.argv) > 3 else ["landcover_2048", "noise_1024", "roads_4096", "tile_10980"]
    for kind in kinds:
        path = os.path.join(directory, kind + ".tif")
        dataset = gdal.Open(path)
        # Read into a MEM dataset first: the anchors time polygonizing, not decoding.
        memory = gdal.GetDriverByName("MEM").CreateCopy("", dataset)
        band = memory.GetRasterBand(1)
        best, median, polygons = timed(lambda: gdal_polygonize(band), min(runs, 3) if kind == "tile_10980" else runs)
        line = f"{kind:15} GDAL best {best:8.0f} ms median {median:8.0f} ms ({polygons} polygons)"
        if cv2 is not None:
            array = band.ReadAsArray()
            cbest, cmedian, contours = timed(lambda: opencv_contours(array), runs)
            line += f" | OpenCV best {cbest:6.0f} ms median {cmedian:6.0f} ms ({contours} contours)"
        print(line, flush=True)


if __name__ == "__main__":
    main()
