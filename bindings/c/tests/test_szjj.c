/* Runs the shared szjj-2021 vectors (tests/vectors/szjj.tsv, also run by the Rust and Python
 * suites) through digicat_szjj_classify: status, reason (the error kind for invalid codes), the
 * 小类 codes and (小类:GB/T code) rows of the batch columns, and the distinct evidence kind:text
 * pairs must equal the file's; every span lies inside the text. Usage: test_szjj PATH/szjj.tsv */
#include <stdio.h>
#include <string.h>

#include "support.h"

/* Appends batch column `column` of `result`. */
static void add_field(sbuf *out, const digicat_szjj_result *result, size_t column) {
  char buf[1024];
  size_t n = 0;
  CHECK(digicat_szjj_result_report_field(result, column, buf, sizeof buf, &n) == DIGICAT_RC_OK);
  sb_add(out, buf, n);
}

/* The vector's answer in the file's format. */
static digicat_rc answer(const vector *v, sbuf *out) {
  digicat_options options = {0, 0};
  digicat_szjj_result *result = NULL;
  digicat_code_error *error = NULL;
  digicat_rc rc;
  size_t i, n, items = 0;
  sbuf seen;
  if (v->f[3].n > 0) {
    digicat_policy policy;
    if (digicat_policy_parse(v->f[3].p, v->f[3].n, &policy) != DIGICAT_RC_OK)
      return DIGICAT_RC_INVALID_OPTION;
    options.policy = policy;
  }
  rc = digicat_szjj_classify(v->f[1].p, v->f[1].n, v->f[2].p, v->f[2].n, &options, &result,
                             &error);
  if (rc == DIGICAT_RC_INVALID_CODE) {
    sb_addstr(out, digicat_status_name(DIGICAT_STATUS_INVALID));
    sb_adds(out, "\t");
    sb_addstr(out, digicat_code_error_kind(error));
    sb_adds(out, "\t\t\t");
    digicat_code_error_free(error);
    return rc;
  }
  if (rc != DIGICAT_RC_OK) return rc;
  add_field(out, result, 0);
  sb_adds(out, "\t");
  add_field(out, result, 1);
  sb_adds(out, "\t");
  add_field(out, result, 2);
  sb_adds(out, "\t");
  add_field(out, result, 4);
  sb_adds(out, "\t");
  sb_init(&seen);
  sb_adds(&seen, "\n");
  n = digicat_szjj_result_evidence_count(result);
  for (i = 0; i < n; i++) {
    digicat_szjj_evidence e;
    sbuf item;
    CHECK(digicat_szjj_result_evidence(result, i, &e) == DIGICAT_RC_OK);
    CHECK(e.start < e.end && e.end <= v->f[2].n && e.class_code.len == 6);
    sb_init(&item);
    sb_adds(&item, "\n");
    sb_addstr(&item, digicat_evidence_kind_name(e.kind));
    sb_adds(&item, ":");
    sb_addstr(&item, e.text);
    sb_adds(&item, "\n");
    if (strstr(seen.data, item.data) == NULL) {
      if (items++ > 0) sb_adds(out, " | ");
      sb_add(out, item.data + 1, item.len - 2);
      sb_add(&seen, item.data + 1, item.len - 1);
    }
    sb_free(&item);
  }
  sb_free(&seen);
  digicat_szjj_result_free(result);
  return DIGICAT_RC_OK;
}

int main(int argc, char **argv) {
  char *text;
  vector *vectors;
  size_t count, i;
  sbuf got, want;
  digicat_str name;
  if (argc != 2) {
    fprintf(stderr, "usage: %s szjj.tsv\n", argv[0]);
    return 2;
  }
  CHECK(digicat_szjj_report_column_name(DIGICAT_LANG_EN, 0, &name) == DIGICAT_RC_OK);
  CHECK(name.len == 11 && memcmp(name.data, "szjj_status", 11) == 0);
  count = load_vectors(argv[1], &text, &vectors);
  CHECK(count >= 30);
  sb_init(&got);
  sb_init(&want);
  for (i = 0; i < count; i++) {
    const vector *v = &vectors[i];
    size_t k;
    digicat_rc rc;
    sb_clear(&got);
    sb_clear(&want);
    rc = answer(v, &got);
    for (k = 5; k < VECTOR_FIELDS; k++) {
      if (k > 5) sb_adds(&want, "\t");
      sb_add(&want, v->f[k].p, v->f[k].n);
    }
    CHECK(rc == DIGICAT_RC_OK || rc == DIGICAT_RC_INVALID_CODE);
    if (strcmp(got.data, want.data) != 0) {
      fprintf(stderr, "line %lu (%.*s):\n  want %s\n  got  %s\n", (unsigned long)v->line,
              (int)v->f[0].n, v->f[0].p, want.data, got.data);
    }
    CHECK(strcmp(got.data, want.data) == 0);
  }
  sb_free(&got);
  sb_free(&want);
  free_vectors(text, vectors);
  return check_report("szjj");
}
