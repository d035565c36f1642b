#!/usr/bin/env python3
"""Reference quantiles for UncertainInputTests (InputDistribution.quantile), computed with scipy 1.17.

Run: python3 scripts/reference/uncertain-quantiles.py  (prints the Swift literal pasted in the test)
"""
import numpy as np
from scipy import stats

z95 = stats.norm.ppf(0.95)
ps = [0.01, 0.05, 0.3, 0.5, 0.8, 0.95, 0.999]
cases = []
# lognormal(median 100, p95 180): s = ln(1.8)/z95, scale = median
cases.append(("lognormal(median: 100, p95: 180)", stats.lognorm(s=np.log(1.8) / z95, scale=100)))
cases.append(("normal(mean: 5, sd: 2)", stats.norm(5, 2)))
cases.append(("uniform(low: 2, high: 3.5)", stats.uniform(2, 1.5)))
# triangular [1, 2, 5]: c = (mode - low)/(high - low)
cases.append(("triangular(low: 1, mode: 2, high: 5)", stats.triang(c=0.25, loc=1, scale=4)))
cases.append(("triangular(low: 0, mode: 0, high: 1)", stats.triang(c=0.0, loc=0, scale=1)))
# PERT [10, 12, 20], lambda 4: alpha = 1 + 4*(2/10) = 1.8, beta = 1 + 4*(8/10) = 4.2
cases.append(("pert(low: 10, mode: 12, high: 20)", stats.beta(1.8, 4.2, loc=10, scale=10)))
cases.append(("pert(low: 0, mode: 0.5, high: 1)", stats.beta(3, 3, loc=0, scale=1)))
# 90% interval 2.0 to 3.5, both positive: lognormal with p5 = 2, p95 = 3.5
mu = 0.5 * (np.log(2.0) + np.log(3.5)); s = (np.log(3.5) - np.log(2.0)) / (2 * z95)
cases.append(("interval90(p5: 2, p95: 3.5)", stats.lognorm(s=s, scale=np.exp(mu))))
# -1 to 3: normal with mean 1, sd 4/(2 z95)
cases.append(("interval90(p5: -1, p95: 3)", stats.norm(1, 4 / (2 * z95))))
print("static let ps: [Double] = " + repr(ps))
for name, d in cases:
    print(f"(.{name}, [" + ", ".join(repr(float(d.ppf(p))) for p in ps) + f"], mean: {float(d.mean())!r}),")
