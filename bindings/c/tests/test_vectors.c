/* Runs the shared vectors (tests/vectors/classify.tsv, also run by the Rust and Python suites)
 * through the C API: status, reason (the error kind for invalid codes), industries, rows and
 * the distinct evidence kind:text pairs must equal the file's, and every evidence span must lie
 * inside the text. Usage: test_vectors PATH/classify.tsv */
#include <stdio.h>
#include <string.h>

#include "support.h"

/* The expected answer: fields 5..9 joined by tabs. */
static void expected(const vector *v, sbuf *out) {
  int i;
  for (i = 5; i < VECTOR_FIELDS; i++) {
    if (i > 5) sb_adds(out, "\t");
    sb_add(out, v->f[i].p, v->f[i].n);
  }
}

/* Every evidence span of the vector's classification lies inside its text, start < end. */
static void check_spans(const vector *v) {
  digicat_result *result = NULL;
  digicat_options options = {0, 0};
  size_t i, n;
  if (v->f[3].n > 0 || v->f[4].n > 0) return;
  if (digicat_classify(v->f[1].p, v->f[1].n, v->f[2].p, v->f[2].n, &options, &result, NULL) !=
      DIGICAT_RC_OK)
    return;
  n = digicat_result_evidence_count(result);
  for (i = 0; i < n; i++) {
    digicat_evidence e;
    CHECK(digicat_result_evidence(result, i, &e) == DIGICAT_RC_OK);
    CHECK(e.start < e.end && e.end <= v->f[2].n);
    CHECK(e.row != NULL && e.text.len > 0);
  }
  digicat_result_free(result);
}

int main(int argc, char **argv) {
  char *text;
  vector *vectors;
  size_t count, i;
  sbuf got, want;
  if (argc != 2) {
    fprintf(stderr, "usage: %s classify.tsv\n", argv[0]);
    return 2;
  }
  count = load_vectors(argv[1], &text, &vectors);
  CHECK(count >= 60);
  sb_init(&got);
  sb_init(&want);
  for (i = 0; i < count; i++) {
    const vector *v = &vectors[i];
    digicat_rc rc;
    sb_clear(&got);
    sb_clear(&want);
    rc = vector_answer(v, 0, &got);
    expected(v, &want);
    CHECK(rc == DIGICAT_RC_OK || rc == DIGICAT_RC_INVALID_CODE);
    /* Exactly the vectors whose status is invalid fail with DIGICAT_RC_INVALID_CODE. */
    CHECK((rc == DIGICAT_RC_INVALID_CODE) ==
          (v->f[5].n == 7 && memcmp(v->f[5].p, "invalid", 7) == 0));
    if (strcmp(got.data, want.data) != 0) {
      fprintf(stderr, "line %lu (%.*s):\n  want %s\n  got  %s\n", (unsigned long)v->line,
              (int)v->f[0].n, v->f[0].p, want.data, got.data);
    }
    CHECK(strcmp(got.data, want.data) == 0);
    check_spans(v);
  }
  sb_free(&got);
  sb_free(&want);
  free_vectors(text, vectors);
  return check_report("vectors");
}
