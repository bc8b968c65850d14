/*
 * The threads large operations share. An operation is cut into chunks; the caller and the pool's workers claim
 * chunks one at a time until none is left, so a thread that is late (asleep, or sharing its core with the
 * garbage collector's threads) leaves its share to the others instead of holding up the operation.
 * Workers start on first use. Between operations a worker spins for 50 µs, then sleeps: waking a sleeping
 * thread costs about 50 µs here (as much as a whole 10^6-element add), noticing a new operation while spinning
 * well under one, and operations in a loop come microseconds apart.
 * One operation holds the pool at a time; a caller that finds it taken (another Node thread) runs every chunk
 * itself.
 */
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "kernels.h"

/* How long a worker keeps looking for the next operation before it sleeps: long enough for the next operation
 * of a loop, short enough not to take a core from other processes on a loaded machine. */
static const long SPIN_NANOSECONDS = 50 * 1000;

static pthread_mutex_t pool_taken = PTHREAD_MUTEX_INITIALIZER;

/*
 * The posted operation. `claims` packs the operation's number (high 32 bits), the next unclaimed chunk and the
 * chunk count (16 bits each): a thread claims a chunk with one compare-and-swap, which fails for a chunk of an
 * operation that has since been replaced. The callback and its argument are written before the operation is
 * published in `claims` and read only by a thread holding a claim, which the caller waits for.
 */
static tsdl_part posted_part;
static void *posted_arg;
static _Atomic uint64_t claims;
static atomic_int completed;

static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_posted = PTHREAD_COND_INITIALIZER;
static int sleepers; /* guarded by sleep_lock */

static int workers_started;

static uint32_t operation_of(uint64_t state) { return (uint32_t)(state >> 32); }

/* Runs chunks of operation `operation` until none is left unclaimed. */
static void run_chunks(uint32_t operation) {
  uint64_t state = atomic_load_explicit(&claims, memory_order_acquire);
  for (;;) {
    unsigned next = (unsigned)(state >> 16) & 0xffff, count = (unsigned)state & 0xffff;
    if (operation_of(state) != operation || next >= count) return;
    if (!atomic_compare_exchange_weak_explicit(&claims, &state, state + (1u << 16), memory_order_acq_rel, memory_order_acquire)) continue;
    posted_part(posted_arg, (int)next);
    atomic_fetch_add_explicit(&completed, 1, memory_order_release);
    state = atomic_load_explicit(&claims, memory_order_acquire);
  }
}

static long elapsed_nanoseconds(const struct timespec *since) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1000000000L + (now.tv_nsec - since->tv_nsec);
}

static uint32_t posted_operation(void) { return operation_of(atomic_load_explicit(&claims, memory_order_acquire)); }

/* Returns the first operation posted after `seen`: spinning, then asleep. */
static uint32_t next_operation(uint32_t seen) {
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (unsigned spins = 1;; spins++) {
    uint32_t now = posted_operation();
    if (now != seen) return now;
    _mm_pause();
    if (spins % 64 == 0 && elapsed_nanoseconds(&start) > SPIN_NANOSECONDS) break;
  }
  pthread_mutex_lock(&sleep_lock);
  sleepers++;
  uint32_t now;
  while ((now = posted_operation()) == seen) pthread_cond_wait(&work_posted, &sleep_lock);
  sleepers--;
  pthread_mutex_unlock(&sleep_lock);
  return now;
}

static void *work(void *unused) {
  (void)unused;
  for (uint32_t seen = posted_operation();;) {
    seen = next_operation(seen);
    run_chunks(seen);
  }
  return NULL;
}

int tsdl_threads(void) {
  static long cores = 0;
  if (!cores) cores = sysconf(_SC_NPROCESSORS_ONLN);
  return cores < 1 ? 1 : cores > TSDL_MAX_THREADS ? TSDL_MAX_THREADS : (int)cores;
}

/* A worker that fails to start leaves the pool smaller; with none, callers run every chunk themselves. */
static void start_workers(void) {
  workers_started = 1;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  for (int worker = 1; worker < tsdl_threads(); worker++) {
    pthread_t id;
    if (pthread_create(&id, &attributes, work, NULL) != 0) break;
  }
  pthread_attr_destroy(&attributes);
}

void tsdl_parallel(int chunks, tsdl_part part, void *arg) {
  if (chunks <= 1 || chunks > TSDL_MAX_CHUNKS || pthread_mutex_trylock(&pool_taken) != 0) {
    for (int c = 0; c < chunks; c++) part(arg, c);
    return;
  }
  if (!workers_started) start_workers();
  posted_part = part;
  posted_arg = arg;
  atomic_store_explicit(&completed, 0, memory_order_relaxed);
  uint32_t operation = posted_operation() + 1;
  atomic_store_explicit(&claims, (uint64_t)operation << 32 | (uint64_t)chunks, memory_order_release);
  pthread_mutex_lock(&sleep_lock);
  if (sleepers > 0) pthread_cond_broadcast(&work_posted);
  pthread_mutex_unlock(&sleep_lock);
  run_chunks(operation);
  for (unsigned spins = 1; atomic_load_explicit(&completed, memory_order_acquire) < chunks; spins++) {
    if (spins % 64 == 0) sched_yield();
    else _mm_pause();
  }
  pthread_mutex_unlock(&pool_taken);
}
