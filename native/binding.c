/*
 * Node-API glue of tsdl's native backend (loaded by lib/np/native.ts). Arrays arrive as Float64Arrays plus a
 * descriptor (a Float64Array of shape, offsets and strides in elements) so that a call converts one typed
 * array instead of a list of numbers. Every view is checked to stay inside its buffer before a kernel runs.
 */
#include <node_api.h>
#include <stdint.h>

#include "kernels.h"

#define CHECK(call)                                           \
  do {                                                        \
    if ((call) != napi_ok) return throw_error(env, #call);    \
  } while (0)

static napi_value throw_error(napi_env env, const char *message) {
  napi_throw_error(env, "TSDL_NATIVE", message);
  return NULL;
}

/* The elements of a Float64Array argument, or NULL (with a JS exception pending) if it is not one. */
static double *float64_elements(napi_env env, napi_value value, size_t *length) {
  napi_typedarray_type type;
  void *data;
  if (napi_get_typedarray_info(env, value, &type, length, &data, NULL, NULL) != napi_ok || type != napi_float64_array) {
    napi_throw_type_error(env, "TSDL_NATIVE", "expected a Float64Array");
    return NULL;
  }
  return data;
}

typedef struct {
  const double *values;
  size_t length, next;
  int ok;
} reader;

static ptrdiff_t next_value(reader *r) {
  if (r->next >= r->length) {
    r->ok = 0;
    return 0;
  }
  return (ptrdiff_t)r->values[r->next++];
}

/* Reads a view's offset and `ndim` strides, checking that every element it reaches lies in [0, length). */
static int read_view(reader *r, double *data, size_t length, int ndim, const ptrdiff_t *shape, tsdl_view *view) {
  ptrdiff_t offset = next_value(r), low = offset, high = offset;
  int empty = 0;
  for (int d = 0; d < ndim; d++) {
    ptrdiff_t stride = next_value(r);
    view->strides[d] = stride;
    if (shape[d] == 0) empty = 1;
    ptrdiff_t reach = stride * (shape[d] - 1);
    if (reach < 0) low += reach;
    else high += reach;
  }
  view->data = empty ? data : data + offset;
  return r->ok && (empty || (low >= 0 && (size_t)high < length));
}

static int read_shape(reader *r, int *ndim, ptrdiff_t *shape, ptrdiff_t *size) {
  *ndim = (int)next_value(r);
  if (*ndim < 0 || *ndim > TSDL_MAX_DIMS) return 0;
  *size = 1;
  for (int d = 0; d < *ndim; d++) {
    shape[d] = next_value(r);
    if (shape[d] < 0) return 0;
    *size *= shape[d];
  }
  return r->ok;
}

/* Arguments: op, the output, the inputs, then the descriptor. */
static napi_value elementwise(napi_env env, napi_callback_info info, int inputs) {
  size_t argc = 5;
  napi_value argv[5];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != (size_t)inputs + 3) return throw_error(env, "wrong number of arguments");
  int32_t op;
  CHECK(napi_get_value_int32(env, argv[0], &op));
  if (op < 0 || op >= (inputs == 1 ? TSDL_UNARY_COUNT : TSDL_BINARY_COUNT)) return throw_error(env, "unknown operation");
  double *arrays[3];
  size_t lengths[3], descriptor_length;
  for (int i = 0; i <= inputs; i++)
    if (!(arrays[i] = float64_elements(env, argv[1 + i], &lengths[i]))) return NULL;
  double *descriptor = float64_elements(env, argv[2 + inputs], &descriptor_length);
  if (!descriptor) return NULL;
  reader r = {descriptor, descriptor_length, 0, 1};
  int ndim;
  ptrdiff_t shape[TSDL_MAX_DIMS], size;
  if (!read_shape(&r, &ndim, shape, &size)) return throw_error(env, "bad shape");
  tsdl_view views[3];
  for (int i = 0; i <= inputs; i++)
    if (!read_view(&r, arrays[i], lengths[i], ndim, shape, &views[i])) return throw_error(env, "view outside its buffer");
  if (size == 0) return NULL;
  tsdl_elementwise(op, inputs, ndim, shape, views);
  return NULL;
}

static napi_value unary(napi_env env, napi_callback_info info) { return elementwise(env, info, 1); }
static napi_value binary(napi_env env, napi_callback_info info) { return elementwise(env, info, 2); }

/*
 * sumRuns(x, out, descriptor): descriptor = [ndim, shape…, x offset, x strides…] of a view whose last
 * dimension is the contiguous run (stride 1) summed into each element of out, in C order.
 */
static napi_value sum_runs(napi_env env, napi_callback_info info) {
  size_t argc = 3, x_length, out_length, descriptor_length;
  napi_value argv[3];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 3) return throw_error(env, "wrong number of arguments");
  double *x = float64_elements(env, argv[0], &x_length);
  double *out = x ? float64_elements(env, argv[1], &out_length) : NULL;
  double *descriptor = out ? float64_elements(env, argv[2], &descriptor_length) : NULL;
  if (!descriptor) return NULL;
  reader r = {descriptor, descriptor_length, 0, 1};
  int ndim;
  ptrdiff_t shape[TSDL_MAX_DIMS], size;
  if (!read_shape(&r, &ndim, shape, &size) || ndim == 0) return throw_error(env, "bad shape");
  tsdl_view view;
  if (!read_view(&r, x, x_length, ndim, shape, &view)) return throw_error(env, "view outside its buffer");
  ptrdiff_t run = shape[ndim - 1], count = run == 0 ? 0 : size / run;
  if (view.strides[ndim - 1] != 1 || (size_t)count > out_length) return throw_error(env, "bad runs");
  if (count > 0) tsdl_sum_runs(ndim - 1, shape, &view, run, out);
  return NULL;
}

/* stableOrder(values, order): order = the stable sort order of values (both the same length, below 2^32). */
static napi_value stable_order(napi_env env, napi_callback_info info) {
  size_t argc = 2, values_length, order_length;
  napi_value argv[2];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 2) return throw_error(env, "wrong number of arguments");
  double *values = float64_elements(env, argv[0], &values_length);
  double *order = values ? float64_elements(env, argv[1], &order_length) : NULL;
  if (!order) return NULL;
  if (order_length != values_length || values_length >= UINT32_MAX) return throw_error(env, "bad lengths");
  if (values_length > 0 && !tsdl_stable_order(values, (ptrdiff_t)values_length, order)) return throw_error(env, "out of memory");
  return NULL;
}

/* gemm(a, b, c, descriptor): descriptor = [m, n, k, then offset, row stride, column stride of a, b and c]. */
static napi_value gemm(napi_env env, napi_callback_info info) {
  size_t argc = 4, lengths[3], descriptor_length;
  napi_value argv[4];
  CHECK(napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  if (argc != 4) return throw_error(env, "wrong number of arguments");
  double *arrays[3];
  for (int i = 0; i < 3; i++)
    if (!(arrays[i] = float64_elements(env, argv[i], &lengths[i]))) return NULL;
  double *descriptor = float64_elements(env, argv[3], &descriptor_length);
  if (!descriptor) return NULL;
  reader r = {descriptor, descriptor_length, 0, 1};
  ptrdiff_t m = next_value(&r), n = next_value(&r), k = next_value(&r);
  ptrdiff_t shapes[3][2] = {{m, k}, {k, n}, {m, n}};
  tsdl_view views[3];
  for (int i = 0; i < 3; i++)
    if (m < 0 || n < 0 || k < 0 || !read_view(&r, arrays[i], lengths[i], 2, shapes[i], &views[i]))
      return throw_error(env, "view outside its buffer");
  tsdl_gemm(m, n, k, views[0].data, views[0].strides[0], views[0].strides[1], views[1].data, views[1].strides[0],
            views[1].strides[1], views[2].data, views[2].strides[0], views[2].strides[1]);
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value supported;
  CHECK(napi_get_boolean(env, tsdl_cpu_supported(), &supported));
  CHECK(napi_set_named_property(env, exports, "cpuSupported", supported));
  napi_value threaded_work;
  CHECK(napi_create_double(env, TSDL_THREADED_WORK, &threaded_work));
  CHECK(napi_set_named_property(env, exports, "threadedWork", threaded_work));
  napi_property_descriptor functions[] = {
      {"unary", NULL, unary, NULL, NULL, NULL, napi_default, NULL},
      {"binary", NULL, binary, NULL, NULL, NULL, napi_default, NULL},
      {"sumRuns", NULL, sum_runs, NULL, NULL, NULL, napi_default, NULL},
      {"gemm", NULL, gemm, NULL, NULL, NULL, napi_default, NULL},
      {"stableOrder", NULL, stable_order, NULL, NULL, NULL, napi_default, NULL},
  };
  CHECK(napi_define_properties(env, exports, sizeof functions / sizeof functions[0], functions));
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
