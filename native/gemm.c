/*
 * C = A·B in float64, the way BLAS libraries do it (Goto/BLIS): blocks of A and B are packed into contiguous
 * panels — any strides, so a transposed operand costs nothing extra — and a 6×8 register-blocked AVX2/FMA
 * micro-kernel multiplies them. Large products are split over the CPU's cores (parallel.c), by rows or
 * columns of C, whichever is longer. Matrix·vector products take a streaming path instead: packing would
 * read the matrix twice.
 */
#pragma GCC target("avx2,fma")
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

enum {
  MR = 6,    /* rows of the micro-kernel's tile: 6×8 doubles = 12 of the 16 ymm registers */
  NR = 8,
  KC = 256,  /* depth of a packed block: a KC×NR panel of B (16 KiB) stays in L1 */
  MC = 72,   /* rows of a packed block of A (144 KiB, in L2) */
  NC = 2048, /* columns of a packed block of B (4 MiB, in L3) */
};

/* Below this many multiply-adds a second thread costs more to start than it saves. */
static const double THREADED_WORK = 1 << 20;

typedef struct {
  ptrdiff_t m, n, k;
  const double *a;
  ptrdiff_t a_rs, a_cs;
  const double *b;
  ptrdiff_t b_rs, b_cs;
  double *c;
  ptrdiff_t c_rs, c_cs;
} product;

/* Pack buffers of each thread of a product, owned by the calling thread and kept between calls: fresh
 * memory costs a page fault per 4 KiB on first touch, more than packing itself. */
typedef struct {
  double *a, *b;
  size_t b_capacity;
} pack_buffers;

static __thread pack_buffers buffers[TSDL_MAX_THREADS];

static void reserve(pack_buffers *buf, size_t b_doubles) {
  if (!buf->a) buf->a = aligned_alloc(64, MC * KC * sizeof(double));
  if (buf->b_capacity < b_doubles) {
    free(buf->b);
    buf->b = aligned_alloc(64, b_doubles * sizeof(double));
    buf->b_capacity = b_doubles;
  }
}

/* A's rows [0, mc) × columns [0, kc) as MR-row panels, each stored column by column, zero-padded. */
static void pack_a(ptrdiff_t mc, ptrdiff_t kc, const double *a, ptrdiff_t rs, ptrdiff_t cs, double *dst) {
  for (ptrdiff_t ir = 0; ir < mc; ir += MR) {
    ptrdiff_t mr = mc - ir < MR ? mc - ir : MR;
    const double *panel = a + ir * rs;
    for (ptrdiff_t p = 0; p < kc; p++) {
      ptrdiff_t i = 0;
      for (; i < mr; i++) dst[i] = panel[i * rs + p * cs];
      for (; i < MR; i++) dst[i] = 0;
      dst += MR;
    }
  }
}

/* B's rows [0, kc) × columns [0, nc) as NR-column panels, each stored row by row, zero-padded. */
static void pack_b(ptrdiff_t kc, ptrdiff_t nc, const double *b, ptrdiff_t rs, ptrdiff_t cs, double *dst) {
  for (ptrdiff_t jr = 0; jr < nc; jr += NR) {
    ptrdiff_t nr = nc - jr < NR ? nc - jr : NR;
    const double *panel = b + jr * cs;
    if (nr == NR && cs == 1) {
      for (ptrdiff_t p = 0; p < kc; p++, dst += NR) {
        _mm256_store_pd(dst, _mm256_loadu_pd(panel + p * rs));
        _mm256_store_pd(dst + 4, _mm256_loadu_pd(panel + p * rs + 4));
      }
      continue;
    }
    ptrdiff_t p = 0;
    if (nr == NR && rs == 1) {
      /* B's columns are contiguous (B is a transposed view, as Xᵀ in dW = dZ·Xᵀ): four steps of four columns
       * are read as four vectors and transposed in registers, instead of gathered one element at a time. */
      for (; p + 4 <= kc; p += 4, dst += 4 * NR) {
        for (int half = 0; half < NR; half += 4) {
          const double *column = panel + half * cs + p;
          __m256d c0 = _mm256_loadu_pd(column), c1 = _mm256_loadu_pd(column + cs);
          __m256d c2 = _mm256_loadu_pd(column + 2 * cs), c3 = _mm256_loadu_pd(column + 3 * cs);
          __m256d low01 = _mm256_unpacklo_pd(c0, c1), high01 = _mm256_unpackhi_pd(c0, c1);
          __m256d low23 = _mm256_unpacklo_pd(c2, c3), high23 = _mm256_unpackhi_pd(c2, c3);
          _mm256_store_pd(dst + half, _mm256_permute2f128_pd(low01, low23, 0x20));
          _mm256_store_pd(dst + NR + half, _mm256_permute2f128_pd(high01, high23, 0x20));
          _mm256_store_pd(dst + 2 * NR + half, _mm256_permute2f128_pd(low01, low23, 0x31));
          _mm256_store_pd(dst + 3 * NR + half, _mm256_permute2f128_pd(high01, high23, 0x31));
        }
      }
    }
    for (; p < kc; p++, dst += NR) {
      ptrdiff_t j = 0;
      for (; j < nr; j++) dst[j] = panel[p * rs + j * cs];
      for (; j < NR; j++) dst[j] = 0;
    }
  }
}

/* The mr×nr corner of C (+)= packed A panel · B panel, whose rows of NR are `b_step` apart (NR when packed);
 * `accumulate` is 0 for the first depth block. */
static void micro_kernel(ptrdiff_t kc, const double *restrict a, const double *restrict b, ptrdiff_t b_step, double *c,
                         ptrdiff_t rs, ptrdiff_t cs, int accumulate, ptrdiff_t mr, ptrdiff_t nr) {
  __m256d c00 = _mm256_setzero_pd(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
  __m256d c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
  for (ptrdiff_t p = 0; p < kc; p++, a += MR, b += b_step) {
    __m256d b0 = _mm256_loadu_pd(b), b1 = _mm256_loadu_pd(b + 4), ai;
    ai = _mm256_broadcast_sd(a + 0); c00 = _mm256_fmadd_pd(ai, b0, c00); c01 = _mm256_fmadd_pd(ai, b1, c01);
    ai = _mm256_broadcast_sd(a + 1); c10 = _mm256_fmadd_pd(ai, b0, c10); c11 = _mm256_fmadd_pd(ai, b1, c11);
    ai = _mm256_broadcast_sd(a + 2); c20 = _mm256_fmadd_pd(ai, b0, c20); c21 = _mm256_fmadd_pd(ai, b1, c21);
    ai = _mm256_broadcast_sd(a + 3); c30 = _mm256_fmadd_pd(ai, b0, c30); c31 = _mm256_fmadd_pd(ai, b1, c31);
    ai = _mm256_broadcast_sd(a + 4); c40 = _mm256_fmadd_pd(ai, b0, c40); c41 = _mm256_fmadd_pd(ai, b1, c41);
    ai = _mm256_broadcast_sd(a + 5); c50 = _mm256_fmadd_pd(ai, b0, c50); c51 = _mm256_fmadd_pd(ai, b1, c51);
  }
  __m256d tile[MR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
  if (mr == MR && nr == NR && cs == 1) {
    for (int i = 0; i < MR; i++) {
      double *row = c + i * rs;
      if (accumulate) {
        tile[i][0] = _mm256_add_pd(tile[i][0], _mm256_loadu_pd(row));
        tile[i][1] = _mm256_add_pd(tile[i][1], _mm256_loadu_pd(row + 4));
      }
      _mm256_storeu_pd(row, tile[i][0]);
      _mm256_storeu_pd(row + 4, tile[i][1]);
    }
    return;
  }
  double values[MR][NR];
  for (int i = 0; i < MR; i++) {
    _mm256_storeu_pd(values[i], tile[i][0]);
    _mm256_storeu_pd(values[i] + 4, tile[i][1]);
  }
  for (ptrdiff_t i = 0; i < mr; i++)
    for (ptrdiff_t j = 0; j < nr; j++) c[i * rs + j * cs] = (accumulate ? c[i * rs + j * cs] : 0) + values[i][j];
}

static void gemm_serial(const product *q, pack_buffers *buf) {
  ptrdiff_t ncap = q->n < NC ? q->n : NC;
  reserve(buf, (size_t)KC * (size_t)((ncap + NR - 1) / NR * NR));
  /* With A's rows in one block, each packed panel of B would serve a single pass: when B's rows are
   * contiguous, full panels are read where they are (W·X in a first layer, a 12 MB copy saved) and only
   * the ragged last one is packed. */
  int b_in_place = q->b_cs == 1 && q->m <= MC;
  for (ptrdiff_t jc = 0; jc < q->n; jc += NC) {
    ptrdiff_t nc = q->n - jc < NC ? q->n - jc : NC;
    for (ptrdiff_t pc = 0; pc < q->k; pc += KC) {
      ptrdiff_t kc = q->k - pc < KC ? q->k - pc : KC;
      const double *b_block = q->b + pc * q->b_rs + jc * q->b_cs;
      if (!b_in_place) pack_b(kc, nc, b_block, q->b_rs, q->b_cs, buf->b);
      for (ptrdiff_t ic = 0; ic < q->m; ic += MC) {
        ptrdiff_t mc = q->m - ic < MC ? q->m - ic : MC;
        pack_a(mc, kc, q->a + ic * q->a_rs + pc * q->a_cs, q->a_rs, q->a_cs, buf->a);
        for (ptrdiff_t jr = 0; jr < nc; jr += NR) {
          ptrdiff_t nr = nc - jr < NR ? nc - jr : NR;
          const double *b_panel = buf->b + jr * kc;
          ptrdiff_t b_step = NR;
          if (b_in_place && nr == NR) {
            b_panel = b_block + jr;
            b_step = q->b_rs;
          } else if (b_in_place) {
            pack_b(kc, nr, b_block + jr, q->b_rs, 1, buf->b);
            b_panel = buf->b;
          }
          for (ptrdiff_t ir = 0; ir < mc; ir += MR) {
            ptrdiff_t mr = mc - ir < MR ? mc - ir : MR;
            double *tile = q->c + (ic + ir) * q->c_rs + (jc + jr) * q->c_cs;
            micro_kernel(kc, buf->a + ir * kc, b_panel, b_step, tile, q->c_rs, q->c_cs, pc > 0, mr, nr);
          }
        }
      }
    }
  }
}

typedef struct {
  product part;
  pack_buffers *buf;
} task;

static void run_task(void *tasks, int part) {
  task *t = (task *)tasks + part;
  gemm_serial(&t->part, t->buf);
}

/*
 * y[r] = row r of a · x for `rows` consecutive rows, sharing each load of x between them so that the FMA units,
 * not their latency, set the pace. Each row's sum is formed the same way whatever `rows` is.
 */
static inline __attribute__((always_inline)) void dot_rows(int rows, const double *a, ptrdiff_t rs, const double *x, ptrdiff_t k,
                                                           double *y, ptrdiff_t ys) {
  __m256d s0[4], s1[4];
  for (int r = 0; r < rows; r++) s0[r] = s1[r] = _mm256_setzero_pd();
  ptrdiff_t p = 0;
  for (; p + 8 <= k; p += 8) {
    __m256d x0 = _mm256_loadu_pd(x + p), x1 = _mm256_loadu_pd(x + p + 4);
    for (int r = 0; r < rows; r++) {
      s0[r] = _mm256_fmadd_pd(_mm256_loadu_pd(a + r * rs + p), x0, s0[r]);
      s1[r] = _mm256_fmadd_pd(_mm256_loadu_pd(a + r * rs + p + 4), x1, s1[r]);
    }
  }
  for (int r = 0; r < rows; r++) {
    double lanes[4];
    _mm256_storeu_pd(lanes, _mm256_add_pd(s0[r], s1[r]));
    double sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    for (ptrdiff_t q = p; q < k; q++) sum += a[r * rs + q] * x[q];
    y[r * ys] = sum;
  }
}

/* y = M·x for an m×k matrix M: row dot products when rows are contiguous, column updates when columns are. */
static void gemv(ptrdiff_t m, ptrdiff_t k, const double *a, ptrdiff_t rs, ptrdiff_t cs, const double *x, ptrdiff_t xs,
                 double *y, ptrdiff_t ys) {
  if (cs == 1 && xs == 1) {
    ptrdiff_t i = 0;
    for (; i + 4 <= m; i += 4) dot_rows(4, a + i * rs, rs, x, k, y + i * ys, ys);
    for (; i < m; i++) dot_rows(1, a + i * rs, rs, x, k, y + i * ys, ys);
    return;
  }
  if (rs == 1 && ys == 1) {
    for (ptrdiff_t i = 0; i < m; i++) y[i] = 0;
    for (ptrdiff_t p = 0; p < k; p++) {
      const double *column = a + p * cs;
      const double xp = x[p * xs];
      for (ptrdiff_t i = 0; i < m; i++) y[i] += column[i] * xp;
    }
    return;
  }
  for (ptrdiff_t i = 0; i < m; i++) {
    double sum = 0;
    for (ptrdiff_t p = 0; p < k; p++) sum += a[i * rs + p * cs] * x[p * xs];
    y[i * ys] = sum;
  }
}

/* Matrix·vector products stream the matrix from memory once: from this many multiply-adds, both cores read. */
static const double THREADED_MATVEC = 1 << 17;

typedef struct {
  ptrdiff_t m, k;
  const double *a;
  ptrdiff_t rs, cs;
  const double *x;
  ptrdiff_t xs;
  double *y;
  ptrdiff_t ys;
  int chunks;
} matvec;

/* A run of y's elements; each is computed as in the whole product. */
static void matvec_chunk(void *job, int chunk) {
  const matvec *v = job;
  ptrdiff_t start = v->m * chunk / v->chunks, end = v->m * (chunk + 1) / v->chunks;
  gemv(end - start, v->k, v->a + start * v->rs, v->rs, v->cs, v->x, v->xs, v->y + start * v->ys, v->ys);
}

static void gemv_parallel(ptrdiff_t m, ptrdiff_t k, const double *a, ptrdiff_t rs, ptrdiff_t cs, const double *x, ptrdiff_t xs,
                          double *y, ptrdiff_t ys) {
  int chunks = (double)m * (double)k < THREADED_MATVEC ? 1 : TSDL_CHUNKS_PER_THREAD * tsdl_threads();
  if (chunks > m) chunks = (int)m;
  matvec job = {m, k, a, rs, cs, x, xs, y, ys, chunks};
  tsdl_parallel(chunks, matvec_chunk, &job);
}

static int thread_count(const product *q) {
  if ((double)q->m * (double)q->n * (double)q->k < THREADED_WORK) return 1;
  ptrdiff_t tiles = q->m / MR > q->n / NR ? q->m / MR : q->n / NR;
  int threads = tsdl_threads();
  if (threads > tiles) threads = (int)tiles;
  return threads < 1 ? 1 : threads;
}

void tsdl_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k, const double *a, ptrdiff_t a_rs, ptrdiff_t a_cs, const double *b,
               ptrdiff_t b_rs, ptrdiff_t b_cs, double *c, ptrdiff_t c_rs, ptrdiff_t c_cs) {
  if (m == 0 || n == 0) return;
  if (k == 0) {
    for (ptrdiff_t i = 0; i < m; i++)
      for (ptrdiff_t j = 0; j < n; j++) c[i * c_rs + j * c_cs] = 0;
    return;
  }
  if (n == 1) return gemv_parallel(m, k, a, a_rs, a_cs, b, b_rs, c, c_rs);
  if (m == 1) return gemv_parallel(n, k, b, b_cs, b_rs, a, a_cs, c, c_cs); /* (a·B)ᵀ = Bᵀ·aᵀ */
  product whole = {m, n, k, a, a_rs, a_cs, b, b_rs, b_cs, c, c_rs, c_cs};
  int threads = thread_count(&whole);
  if (threads == 1) return gemm_serial(&whole, &buffers[0]);
  /* Split C's longer side into equal shares of whole tiles; thread 0 is the caller. */
  int by_rows = m / MR > n / NR;
  ptrdiff_t length = by_rows ? m : n, unit = by_rows ? MR : NR;
  ptrdiff_t tiles = (length + unit - 1) / unit;
  task tasks[TSDL_MAX_THREADS];
  for (int t = 0; t < threads; t++) {
    ptrdiff_t start = tiles * t / threads * unit, end = tiles * (t + 1) / threads * unit;
    if (end > length) end = length;
    product part = whole;
    if (by_rows) {
      part.m = end - start;
      part.a = a + start * a_rs;
      part.c = c + start * c_rs;
    } else {
      part.n = end - start;
      part.b = b + start * b_cs;
      part.c = c + start * c_cs;
    }
    tasks[t] = (task){part, &buffers[t]};
  }
  tsdl_parallel(threads, run_task, tasks);
}
