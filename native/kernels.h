/* Kernels of tsdl's native backend: float64 only, any strides; the Node-API glue is in binding.c. */
#ifndef TSDL_KERNELS_H
#define TSDL_KERNELS_H

#include <stddef.h>

/* Most dimensions an operand may have after the JS side merged contiguous ones (numpy's limit is 64). */
#define TSDL_MAX_DIMS 32

/* Elementwise operations; the numbering is shared with lib/np/native.ts. */
enum tsdl_unary { TSDL_EXP, TSDL_LOG, TSDL_LOG1P, TSDL_TANH, TSDL_SIN, TSDL_COS, TSDL_SQRT, TSDL_NEGATIVE, TSDL_ABS, TSDL_SQUARE, TSDL_UNARY_COUNT };
enum tsdl_binary { TSDL_ADD, TSDL_SUBTRACT, TSDL_MULTIPLY, TSDL_DIVIDE, TSDL_MAXIMUM, TSDL_MINIMUM, TSDL_BINARY_COUNT };

/* A view: element pointer at index 0 and a stride per dimension, in elements. */
typedef struct {
  double *data;
  ptrdiff_t strides[TSDL_MAX_DIMS];
} tsdl_view;

/* Whether this CPU runs the AVX2/FMA code (the kernels are compiled for it, the glue is not). Called once, when
 * the addon loads; it also picks the vector width of the transcendental functions (elementwise.c). */
int tsdl_cpu_supported(void);

/* Most threads one operation uses: the caller and pool workers (parallel.c). */
#define TSDL_MAX_THREADS 4

/* Chunks per thread for work that splits evenly (elementwise, matrix·vector): enough that a thread slowed by
 * another process on its core leaves little for the others to wait on, few enough that each chunk is long. */
#define TSDL_CHUNKS_PER_THREAD 4

/* Most chunks one operation is cut into. */
#define TSDL_MAX_CHUNKS 0xffff

/* One chunk of an operation; chunks touch disjoint memory and may run in any order, on any thread. */
typedef void (*tsdl_part)(void *arg, int chunk);

/* How many threads can run chunks at once: this machine's cores, at most TSDL_MAX_THREADS. */
int tsdl_threads(void);

/* Runs part(arg, c) for every chunk c in [0, chunks), the caller and pool workers sharing them, and returns
 * when all are done. */
void tsdl_parallel(int chunks, tsdl_part part, void *arg);

/* Elementwise operations of at least this many elements (a transcendental function's counting 8 each) are
 * split over the cores; below it handing a part to another thread costs more than it saves. */
#define TSDL_THREADED_WORK (1 << 17)

/* views[0] = op(views[1]) or op(views[1], views[2]) (enum tsdl_unary or tsdl_binary by `inputs`) over `shape`. */
void tsdl_elementwise(int op, int inputs, int ndim, const ptrdiff_t *shape, const tsdl_view *views);

/* out[r] = numpy's pairwise sum of the contiguous run of `run` elements starting at each outer index of x. */
void tsdl_sum_runs(int ndim, const ptrdiff_t *outer_shape, const tsdl_view *x, ptrdiff_t run, double *out);

/* order[i] = the index of the i-th smallest of values[0..n) in numpy's stable order; 0 if memory ran out. */
int tsdl_stable_order(const double *values, ptrdiff_t n, double *order);

/* C = A·B for m×k A and k×n B with any strides (C overwritten). */
void tsdl_gemm(ptrdiff_t m, ptrdiff_t n, ptrdiff_t k,
               const double *a, ptrdiff_t a_rs, ptrdiff_t a_cs,
               const double *b, ptrdiff_t b_rs, ptrdiff_t b_cs,
               double *c, ptrdiff_t c_rs, ptrdiff_t c_cs);

#endif
