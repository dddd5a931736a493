"""Writes src/test/resources/halffloat/numpy-float16.csv: float32 bit patterns and numpy's float16 of each
(round to nearest, ties to even), the reference HalfFloatTest checks HalfFloat.fromFloat against.
Run: /usr/bin/python3 tools/make_half_reference.py"""
import numpy as np

rng = np.random.default_rng(20261201)
bits = [rng.integers(0, 2**32, size=3000, dtype=np.uint64).astype(np.uint32)]
# every half and the midpoints between neighbours (ties), near the subnormal, normal and overflow edges
halves = np.arange(0, 0x7c00, dtype=np.uint16).view(np.float16).astype(np.float64)
mid = (halves[:-1] + halves[1:]) / 2
pick = np.concatenate([np.arange(0, 40), np.arange(1000, 1060), np.arange(0x7b00, 0x7bff), rng.integers(0, len(mid), 500)])
for m in mid[pick]:
    f = np.float32(m)
    bits.append(np.array([f.view(np.uint32), np.nextafter(f, np.float32(0)).view(np.uint32),
                          np.nextafter(f, np.float32(np.inf)).view(np.uint32)], dtype=np.uint32))
edge = np.array([0.0, -0.0, 65504, 65519.99, 65520, 65536, 1e30, np.inf, -np.inf, np.nan, 2**-24, 2**-25,
                 2**-25 * 1.0000001, 2**-14, 2**-14 * (1 - 2**-11), 6.1e-5, -1.0, 1 / 3], dtype=np.float32)
bits.append(edge.view(np.uint32))
bits = np.concatenate(bits)
halfs = bits.view(np.float32).astype(np.float16).view(np.uint16)
with open("src/test/resources/halffloat/numpy-float16.csv", "w") as out:
    out.write("# float32 bits, numpy " + np.__version__ + " float16 bits (hex)\n")
    for b, h in zip(bits, halfs):
        out.write("%08x,%04x\n" % (b, h))
