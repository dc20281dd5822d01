"""numpy timings on the same 5 x 2048 x 2048 float32 logits as UncertaintyMapBenchmarks (best of 7)."""
import time
import numpy as np

rng = np.random.default_rng(42)
z = (rng.random((5, 2048, 2048), dtype=np.float32) * 12 - 6).astype(np.float32)

def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)

p = softmax(z)

def entropy(p):
    return -(p * np.log(np.clip(p, 1e-30, None))).sum(axis=0)

def best(f, n=7):
    t = []
    for _ in range(n):
        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)
    return min(t) * 1000

def margin(p):
    s = np.sort(p, axis=0)
    return 1 - (s[-1] - s[-2])

print(f"numpy {np.__version__}")
print(f"softmax                 {best(lambda: softmax(z)):7.1f} ms")
print(f"entropy map (probs)     {best(lambda: entropy(p)):7.1f} ms")
print(f"softmax+entropy+mean    {best(lambda: entropy(softmax(z)).mean()):7.1f} ms")
print(f"sorted margin (probs)   {best(lambda: margin(p)):7.1f} ms")
print(f"least confidence        {best(lambda: 1 - p.max(axis=0)):7.1f} ms")
