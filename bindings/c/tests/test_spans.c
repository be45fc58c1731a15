/* Runs the shared span vectors (tests/vectors/spans.tsv, also run by the Rust and Python suites)
 * through the C API: kind, catalogue term, row and BYTE offsets of every evidence item, in
 * order, must equal the file's (its character offsets are for Python).
 *
 * The C API has no separate text-matching function: each text is classified with no code
 * (digicat_classify with NULL, 0), whose evidence is the engine's whole text match
 * (digicat::find_terms(text, policy)), as the header documents for digicat_result_evidence_count.
 * Usage: test_spans PATH/spans.tsv */
#include <stdio.h>
#include <string.h>

#include "support.h"

enum { SPAN_FIELDS = 4 }; /* id, policy, text, evidence */

/* The expected items: each "kind:term@row:BS-BE:CS-CE" of the evidence field without its
 * ":CS-CE" (the part after the last ':'), joined by " | ". */
static void expected(field evidence, sbuf *out) {
  const char *p = evidence.p, *end = evidence.p + evidence.n;
  size_t count = 0;
  while (p < end) {
    const char *stop = p, *colon = NULL, *q;
    while (stop < end && !((size_t)(end - stop) >= 3 && memcmp(stop, " | ", 3) == 0)) stop++;
    for (q = p; q < stop; q++)
      if (*q == ':') colon = q;
    CHECK(colon != NULL && colon > p);
    if (count++ > 0) sb_adds(out, " | ");
    sb_add(out, p, colon != NULL ? (size_t)(colon - p) : (size_t)(stop - p));
    p = stop + 3;
  }
}

/* The items of the text's evidence through the C API, in the file's format (byte offsets). */
static digicat_rc answer(const vector *v, sbuf *out) {
  digicat_options options = {0, 0};
  digicat_result *r = NULL;
  digicat_rc rc;
  size_t i, n;
  if (v->f[1].n > 0) {
    digicat_policy policy;
    rc = digicat_policy_parse(v->f[1].p, v->f[1].n, &policy);
    if (rc != DIGICAT_RC_OK) return rc;
    options.policy = policy;
  }
  rc = digicat_classify(NULL, 0, v->f[2].p, v->f[2].n, &options, &r, NULL);
  if (rc != DIGICAT_RC_OK) return rc;
  n = digicat_result_evidence_count(r);
  for (i = 0; i < n; i++) {
    digicat_evidence e;
    CHECK(digicat_result_evidence(r, i, &e) == DIGICAT_RC_OK);
    CHECK(e.start < e.end && e.end <= v->f[2].n);
    if (i > 0) sb_adds(out, " | ");
    sb_addstr(out, digicat_evidence_kind_name(e.kind));
    sb_adds(out, ":");
    sb_addstr(out, e.text);
    sb_adds(out, "@");
    sb_addstr(out, digicat_row_id(e.row));
    sb_adds(out, ":");
    sb_addu(out, (unsigned long)e.start);
    sb_adds(out, "-");
    sb_addu(out, (unsigned long)e.end);
  }
  digicat_result_free(r);
  return rc;
}

int main(int argc, char **argv) {
  char *text;
  vector *vectors;
  size_t count, i;
  sbuf got, want;
  if (argc != 2) {
    fprintf(stderr, "usage: %s spans.tsv\n", argv[0]);
    return 2;
  }
  count = load_table(argv[1], SPAN_FIELDS, &text, &vectors);
  CHECK(count >= 10);
  sb_init(&got);
  sb_init(&want);
  for (i = 0; i < count; i++) {
    const vector *v = &vectors[i];
    sb_clear(&got);
    sb_clear(&want);
    CHECK(answer(v, &got) == DIGICAT_RC_OK);
    expected(v->f[3], &want);
    if (strcmp(got.data, want.data) != 0)
      fprintf(stderr, "line %lu (%.*s):\n  want %s\n  got  %s\n", (unsigned long)v->line,
              (int)v->f[0].n, v->f[0].p, want.data, got.data);
    CHECK(strcmp(got.data, want.data) == 0);
  }
  sb_free(&got);
  sb_free(&want);
  free_vectors(text, vectors);
  return check_report("spans");
}
