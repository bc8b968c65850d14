/*
 * The threads large operations share: an operation is cut into parts, the caller runs part 0 and pool workers
 * the others. Workers start on first use and sleep between operations, so an operation pays a wake-up
 * (microseconds) instead of a thread start (tens of microseconds, what products used to pay per call).
 * One operation holds the pool at a time; a caller that finds it taken (another Node thread) runs every part
 * itself.
 */
#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

#include "kernels.h"

static pthread_mutex_t pool_taken = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_posted = PTHREAD_COND_INITIALIZER;
static pthread_cond_t work_done = PTHREAD_COND_INITIALIZER;

/* Guarded by `lock`: the posted operation, numbered so a worker runs each one once. */
static unsigned long generation;
static tsdl_part posted_part;
static void *posted_arg;
static int posted_parts;
static int unfinished;

static int workers = -1; /* started so far; -1 until the first operation */

typedef struct {
  int part;
  unsigned long seen;
} worker_start;

static worker_start starts[TSDL_MAX_THREADS];

static void *work(void *start_) {
  const worker_start *start = start_;
  unsigned long seen = start->seen;
  pthread_mutex_lock(&lock);
  for (;;) {
    while (generation == seen) pthread_cond_wait(&work_posted, &lock);
    seen = generation;
    if (start->part >= posted_parts) continue;
    tsdl_part part = posted_part;
    void *arg = posted_arg;
    pthread_mutex_unlock(&lock);
    part(arg, start->part);
    pthread_mutex_lock(&lock);
    if (--unfinished == 0) pthread_cond_signal(&work_done);
  }
  return NULL;
}

int tsdl_threads(void) {
  static long cores = 0;
  if (!cores) cores = sysconf(_SC_NPROCESSORS_ONLN);
  return cores < 1 ? 1 : cores > TSDL_MAX_THREADS ? TSDL_MAX_THREADS : (int)cores;
}

/* Called with `lock` held; a worker that fails to start leaves the pool smaller. */
static void start_workers(void) {
  workers = 0;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  for (int part = 1; part < tsdl_threads(); part++) {
    pthread_t id;
    starts[part] = (worker_start){part, generation};
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
  pthread_mutex_lock(&lock);
  if (workers < 0) start_workers();
  int pooled = parts - 1 < workers ? parts - 1 : workers;
  posted_part = part;
  posted_arg = arg;
  posted_parts = pooled + 1;
  unfinished = pooled;
  generation++;
  pthread_cond_broadcast(&work_posted);
  pthread_mutex_unlock(&lock);
  part(arg, 0);
  /* Parts beyond the pool's size (only when a worker failed to start) run here. */
  for (int p = pooled + 1; p < parts; p++) part(arg, p);
  pthread_mutex_lock(&lock);
  while (unfinished > 0) pthread_cond_wait(&work_done, &lock);
  pthread_mutex_unlock(&lock);
  pthread_mutex_unlock(&pool_taken);
}
