// Per-call timing shared by the np benchmarks (bench/np_numpy.py does the same in Python).

/**
 * Median over `reps` repetitions of the time per call in seconds, each repetition looping long enough
 * (`minTime`) to be measurable. A call slower than `slowCall` is timed three times, once per repetition.
 */
function perCall(fn, reps, minTime, slowCall = 0.2) {
  let loops = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < loops; i++) fn();
    const elapsed = (performance.now() - start) / 1000;
    if (loops === 1 && elapsed > slowCall) reps = Math.min(reps, 3);
    if (elapsed >= minTime) break;
    loops *= 2;
  }
  const times = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    for (let i = 0; i < loops; i++) fn();
    times.push((performance.now() - start) / 1000 / loops);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

module.exports = { perCall };
