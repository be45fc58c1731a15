/* Classifies the shared vectors from 8 threads at once, many rounds each, and compares every
 * answer (with evidence spans, relations and rows) to the single-threaded answers.
 * Usage: test_threads PATH/classify.tsv */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

enum { THREADS = 8, ROUNDS = 25 };

typedef struct job {
  const vector *vectors;
  size_t count;
  char **reference;
  size_t offset; /* each thread starts at another vector */
  unsigned long mismatches;
  unsigned long calls;
} job;

static void *run(void *arg) {
  job *j = (job *)arg;
  sbuf got;
  int round;
  size_t k;
  sb_init(&got);
  for (round = 0; round < ROUNDS; round++) {
    for (k = 0; k < j->count; k++) {
      size_t i = (k + j->offset) % j->count;
      sb_clear(&got);
      vector_answer(&j->vectors[i], 1, &got);
      j->calls++;
      if (strcmp(got.data, j->reference[i]) != 0) j->mismatches++;
    }
  }
  sb_free(&got);
  return NULL;
}

int main(int argc, char **argv) {
  char *text;
  vector *vectors;
  size_t count, i;
  char **reference;
  pthread_t threads[THREADS];
  job jobs[THREADS];
  sbuf got;
  int t;
  if (argc != 2) {
    fprintf(stderr, "usage: %s classify.tsv\n", argv[0]);
    return 2;
  }
  count = load_vectors(argv[1], &text, &vectors);
  CHECK(count >= 60);
  reference = (char **)xmalloc(count * sizeof *reference);
  sb_init(&got);
  for (i = 0; i < count; i++) {
    sb_clear(&got);
    vector_answer(&vectors[i], 1, &got);
    reference[i] = (char *)xmalloc(got.len + 1);
    memcpy(reference[i], got.data, got.len + 1);
  }
  sb_free(&got);
  for (t = 0; t < THREADS; t++) {
    jobs[t].vectors = vectors;
    jobs[t].count = count;
    jobs[t].reference = reference;
    jobs[t].offset = (size_t)t * count / THREADS;
    jobs[t].mismatches = 0;
    jobs[t].calls = 0;
    CHECK(pthread_create(&threads[t], NULL, run, &jobs[t]) == 0);
  }
  for (t = 0; t < THREADS; t++) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(jobs[t].calls == (unsigned long)ROUNDS * count);
    CHECK(jobs[t].mismatches == 0);
  }
  for (i = 0; i < count; i++) free(reference[i]);
  free(reference);
  free_vectors(text, vectors);
  return check_report("threads");
}
