/*
 * The stable sort order of a float64 lane in numpy's order (ascending, -0 equal to 0, NaN last), for np.sort,
 * np.argsort and np.unique on long lanes: an LSD radix sort on 11-bit digits of each value's bits made to sort
 * as unsigned integers. Six passes, each scattering into 2048 places that stay in cache, against a comparison
 * sort's log2(n) passes; a digit that is the same for every key (the low mantissa bits of integers stored as
 * doubles) costs no pass. Radix sorts are stable, so equal values keep their input order, as numpy's
 * kind="stable".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

enum { DIGIT_BITS = 11, DIGITS = 1 << DIGIT_BITS, PASSES = (64 + DIGIT_BITS - 1) / DIGIT_BITS };

/* The bits of x as an unsigned key in numpy's order: positives above negatives, every NaN above +inf. */
static uint64_t sort_key(double x) {
  if (x != x) return UINT64_MAX;
  if (x == 0) x = 0; /* -0 sorts as 0 */
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  return bits >> 63 ? ~bits : bits | (UINT64_C(1) << 63);
}

int tsdl_stable_order(const double *values, ptrdiff_t n, double *order) {
  uint64_t *keys = malloc(2 * (size_t)n * sizeof *keys);
  uint32_t *indices = malloc(2 * (size_t)n * sizeof *indices);
  uint32_t (*counts)[DIGITS] = calloc(PASSES, sizeof *counts);
  if (!keys || !indices || !counts) {
    free(keys), free(indices), free(counts);
    return 0;
  }
  uint64_t *key = keys, *next_key = keys + n;
  uint32_t *index = indices, *next_index = indices + n;
  for (ptrdiff_t i = 0; i < n; i++) {
    key[i] = sort_key(values[i]);
    index[i] = (uint32_t)i;
    for (int pass = 0; pass < PASSES; pass++) counts[pass][(key[i] >> (pass * DIGIT_BITS)) & (DIGITS - 1)]++;
  }
  for (int pass = 0; pass < PASSES; pass++) {
    int shift = pass * DIGIT_BITS;
    uint32_t *offsets = counts[pass];
    if (offsets[(key[0] >> shift) & (DIGITS - 1)] == (uint32_t)n) continue;
    uint32_t position = 0;
    for (int d = 0; d < DIGITS; d++) {
      uint32_t count = offsets[d];
      offsets[d] = position;
      position += count;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
      uint32_t to = offsets[(key[i] >> shift) & (DIGITS - 1)]++;
      next_key[to] = key[i];
      next_index[to] = index[i];
    }
    uint64_t *swap_key = key;
    key = next_key, next_key = swap_key;
    uint32_t *swap_index = index;
    index = next_index, next_index = swap_index;
  }
  for (ptrdiff_t i = 0; i < n; i++) order[i] = index[i];
  free(keys), free(indices), free(counts);
  return 1;
}
