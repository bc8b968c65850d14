/*
 * The threads large operations share: an operation is cut into parts, the caller runs part 0 and pool workers
 * the others. Workers start on first use. Between operations a worker first spins for a while, then sleeps:
 * waking a sleeping thread costs about 50 µs here (as much as a whole 10^6-element add), noticing a new
 * operation while spinning well under one, and operations in a loop come microseconds apart.
 * One operation holds the pool at a time; a caller that finds it taken (another Node thread) runs every part
 * itself.
 */
#include <immintrin.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include "kernels.h"

/* How long a worker keeps looking for the next operation before it sleeps. */
static const long SPIN_NANOSECONDS = 200 * 1000;

static pthread_mutex_t pool_taken = PTHREAD_MUTEX_INITIALIZER;

/* The posted operation: written before `generation` is raised, read by workers after they see it raised. */
static tsdl_part posted_part;
static void *posted_arg;
static int posted_parts;
static atomic_ulong generation;
/* Workers that have not yet finished with the posted operation; every worker counts, with a part or not,
 * so that the next operation is posted only after all of them are done reading this one. */
static atomic_int unfinished;

static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_posted = PTHREAD_COND_INITIALIZER;
static int sleepers; /* guarded by sleep_lock */

static int workers = -1; /* started so far; -1 until the first operation */

typedef struct {
  int part;
  unsigned long seen;
} worker_start;

static worker_start starts[TSDL_MAX_THREADS];

static long elapsed_nanoseconds(const struct timespec *since) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1000000000L + (now.tv_nsec - since->tv_nsec);
}

/* Returns the first generation after `seen`: spinning, then asleep. */
static unsigned long next_generation(unsigned long seen) {
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (unsigned spins = 1;; spins++) {
    unsigned long now = atomic_load_explicit(&generation, memory_order_acquire);
    if (now != seen) return now;
    _mm_pause();
    if (spins % 64 == 0 && elapsed_nanoseconds(&start) > SPIN_NANOSECONDS) break;
  }
  pthread_mutex_lock(&sleep_lock);
  sleepers++;
  unsigned long now;
  while ((now = atomic_load_explicit(&generation, memory_order_acquire)) == seen) pthread_cond_wait(&work_posted, &sleep_lock);
  sleepers--;
  pthread_mutex_unlock(&sleep_lock);
  return now;
}

static void *work(void *start_) {
  const worker_start *start = start_;
  for (unsigned long seen = start->seen;;) {
    seen = next_generation(seen);
    if (start->part < posted_parts) posted_part(posted_arg, start->part);
    atomic_fetch_sub_explicit(&unfinished, 1, memory_order_acq_rel);
  }
  return NULL;
}

int tsdl_threads(void) {
  static long cores = 0;
  if (!cores) cores = sysconf(_SC_NPROCESSORS_ONLN);
  return cores < 1 ? 1 : cores > TSDL_MAX_THREADS ? TSDL_MAX_THREADS : (int)cores;
}

/* A worker that fails to start leaves the pool smaller. */
static void start_workers(void) {
  workers = 0;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  for (int part = 1; part < tsdl_threads(); part++) {
    pthread_t id;
    starts[part] = (worker_start){part, atomic_load(&generation)};
    if (pthread_create(&id, &attributes, work, &starts[part]) != 0) break;
    workers++;
  }
  pthread_attr_destroy(&attributes);
}

void tsdl_parallel(int parts, tsdl_part part, void *arg) {
  if (parts <= 1 || pthread_mutex_trylock(&pool_taken) != 0) {
    for (int p = 0; p < parts; p++) part(arg, p);
    return;
  }
  if (workers < 0) start_workers();
  int pooled = parts - 1 < workers ? parts - 1 : workers;
  posted_part = part;
  posted_arg = arg;
  posted_parts = pooled + 1;
  atomic_store_explicit(&unfinished, workers, memory_order_relaxed);
  atomic_fetch_add_explicit(&generation, 1, memory_order_release);
  pthread_mutex_lock(&sleep_lock);
  if (sleepers > 0) pthread_cond_broadcast(&work_posted);
  pthread_mutex_unlock(&sleep_lock);
  part(arg, 0);
  /* Parts beyond the pool's size (only when a worker failed to start) run here. */
  for (int p = pooled + 1; p < parts; p++) part(arg, p);
  for (unsigned spins = 1; atomic_load_explicit(&unfinished, memory_order_acquire) > 0; spins++) {
    if (spins % 64 == 0) sched_yield();
    else _mm_pause();
  }
  pthread_mutex_unlock(&pool_taken);
}
