#!/usr/bin/env python3
"""Regenerates the GDAL-written GeoTIFF samples the tests read (needs GDAL's Python bindings).

Every lossless sample holds value(b, r, c) of its pixel type (see SampleValues in the tests), so the tests
check pixels without GDAL. Run from this folder: /usr/bin/python3 make_samples.py
"""
import os
import numpy as np
from osgeo import gdal, osr

gdal.UseExceptions()
W, H = 37, 29
GT = (500000.0, 10.0, 0.0, 4600000.0, 0.0, -10.0)


def values(dtype, bands):
    b, r, c = np.meshgrid(np.arange(bands), np.arange(H), np.arange(W), indexing="ij")
    base = (b * 1009 + r * 71 + c * 13).astype(np.int64)
    if dtype == "uint8":
        return (base % 256).astype(np.uint8)
    if dtype == "int8":
        return ((base % 256) - 128).astype(np.int8)
    if dtype == "uint16":
        return (base % 65536).astype(np.uint16)
    if dtype == "int16":
        return ((base % 65536) - 32768).astype(np.int16)
    if dtype == "uint32":
        return (base * 65537).astype(np.uint32)
    if dtype == "int32":
        return (base * 65537 - 2000000000).astype(np.int32)
    if dtype == "float32":
        return (base * 0.5 - 1000.25).astype(np.float32)
    if dtype == "float64":
        return (base * 0.001 - 1000000.0 / 3.0).astype(np.float64)
    raise ValueError(dtype)


GDAL_TYPES = {"uint8": gdal.GDT_Byte, "int8": gdal.GDT_Byte, "uint16": gdal.GDT_UInt16, "int16": gdal.GDT_Int16,
              "uint32": gdal.GDT_UInt32, "int32": gdal.GDT_Int32, "float32": gdal.GDT_Float32,
              "float64": gdal.GDT_Float64}


def make(name, dtype, bands, options, srs="EPSG:32631", gt=GT, nodata=None, metadata=None, data=None):
    mem = gdal.GetDriverByName("MEM").Create("", W, H, bands, GDAL_TYPES[dtype],
                                             ["PIXELTYPE=SIGNEDBYTE"] if dtype == "int8" else [])
    arr = values(dtype, bands) if data is None else data
    for i in range(bands):
        band = mem.GetRasterBand(i + 1)
        band.WriteArray(arr[i].view(np.uint8) if dtype == "int8" else arr[i])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    if gt is not None:
        mem.SetGeoTransform(gt)
    if srs is not None:
        s = osr.SpatialReference()
        s.SetFromUserInput(srs)
        mem.SetProjection(s.ExportToWkt())
    if metadata:
        mem.SetMetadata(metadata)
    opts = list(options) + (["PIXELTYPE=SIGNEDBYTE"] if dtype == "int8" else [])
    gdal.GetDriverByName("GTiff").CreateCopy(name, mem, options=opts)
    aux = name + ".aux.xml"
    if os.path.exists(aux):
        os.remove(aux)


make("strips_contig_deflate_u8.tif", "uint8", 3, ["COMPRESS=DEFLATE", "BLOCKYSIZE=4"])
make("strips_none_u8_nodata.tif", "uint8", 1, [], nodata=7)
make("tiles_separate_lzw_pred2_u16.tif", "uint16", 2,
     ["COMPRESS=LZW", "PREDICTOR=2", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "INTERLEAVE=BAND"])
make("tiles_contig_deflate_pred2_u16_13band.tif", "uint16", 13,
     ["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
make("strips_packbits_i16.tif", "int16", 2, ["COMPRESS=PACKBITS", "INTERLEAVE=BAND"])
make("strips_deflate_pred3_f32_nodata.tif", "float32", 2, ["COMPRESS=DEFLATE", "PREDICTOR=3", "BLOCKYSIZE=8"],
     nodata=-9999.5)
make("tiles_deflate_pred3_f64.tif", "float64", 1,
     ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
make("strips_lzw_pred2_u32.tif", "uint32", 1, ["COMPRESS=LZW", "PREDICTOR=2"])
make("strips_deflate_i32.tif", "int32", 2, ["COMPRESS=DEFLATE"])
make("strips_none_i8.tif", "int8", 1, [])
make("bigtiff_deflate_u16.tif", "uint16", 2, ["COMPRESS=DEFLATE", "BIGTIFF=YES", "TILED=YES", "BLOCKXSIZE=16",
                                              "BLOCKYSIZE=16"])
make("pixelispoint_u8.tif", "uint8", 1, [], metadata={"AREA_OR_POINT": "Point"})
make("rotated_modeltransformation_u8.tif", "uint8", 1, [],
     gt=(500000.0, 8.660254037844387, 5.0, 4600000.0, 5.0, -8.660254037844387))
make("geographic_4326_u8.tif", "uint8", 1, [], srs="EPSG:4326", gt=(10.0, 0.001, 0.0, 45.0, 0.0, -0.001))
make("userdefined_tm_u8.tif", "uint8", 1, ["COMPRESS=DEFLATE"],
     srs="+proj=tmerc +lat_0=0 +lon_0=10.5 +k=0.9996 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
make("no_georeference_u8.tif", "uint8", 1, [], srs=None, gt=None)
# JPEG is lossy: store GDAL's own decoding of the file next to it for comparison.
smooth = np.stack([np.add.outer(np.arange(H) * 4, np.arange(W) * 3 + k * 40) % 256 for k in range(3)]).astype(np.uint8)
make("strips_jpeg_rgb_u8.tif", "uint8", 3, ["COMPRESS=JPEG", "JPEG_QUALITY=90"], data=smooth)
ds = gdal.Open("strips_jpeg_rgb_u8.tif")
ds.ReadAsArray().astype(np.uint8).tofile("strips_jpeg_rgb_u8.gdal.bin")
ds = None
# Unsupported compression for the safety tests (GDAL 3.6 writes ZSTD when built with it).
try:
    make("zstd_u8.tif", "uint8", 1, ["COMPRESS=ZSTD"])
except RuntimeError as e:
    print("no ZSTD:", e)
