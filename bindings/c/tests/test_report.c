/* The batch columns (digicat_report_column_name, digicat_result_report_field,
 * digicat_code_error_report_field): their names as the CLI documents them, their values on every
 * shared vector (tests/vectors/classify.tsv) against the vector and the result accessors, and
 * every error path (NULL handles and buffers, out-of-range columns and languages, buffers of
 * every size); rows that are not enterprises (digicat_report_skip_reason) on the shared row
 * vectors (tests/vectors/rows.tsv). Usage: test_report PATH/classify.tsv PATH/rows.tsv */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define LIT(s) s, (sizeof(s) - 1)

/* Separators of the list columns, as the CLI documents them. */
static const char COMMA[] = ",";
static const char FULLWIDTH_SEMICOLON[] = "；";

/* Reads column `column` of a result (or of a code error when result is NULL) into out: asks for
 * the length first, then reads into a buffer of exactly that length plus the NUL. */
static void read_field(const digicat_result *result, const digicat_code_error *error,
                       size_t column, sbuf *out) {
  size_t n = SIZE_MAX, m = SIZE_MAX;
  char *buf;
  digicat_rc rc = result != NULL ? digicat_result_report_field(result, column, NULL, 0, &n)
                                 : digicat_code_error_report_field(error, column, NULL, 0, &n);
  CHECK(rc == DIGICAT_RC_BUFFER_TOO_SMALL && n != SIZE_MAX);
  buf = (char *)xmalloc(n + 1);
  rc = result != NULL ? digicat_result_report_field(result, column, buf, n + 1, &m)
                      : digicat_code_error_report_field(error, column, buf, n + 1, &m);
  CHECK(rc == DIGICAT_RC_OK && m == n && strlen(buf) == n);
  sb_clear(out);
  if (rc == DIGICAT_RC_OK) sb_add(out, buf, n);
  free(buf);
}

static void test_column_names(void) {
  static const char *const en[] = {"status", "reason",   "industries", "industry_names",
                                   "rows",   "evidence", "error"};
  static const char *const zh[] = {"状态",   "原因", "产业编号", "产业名称",
                                   "目录行", "依据", "错误信息"};
  digicat_str name, untouched = {"x", 1};
  digicat_lang lang = DIGICAT_LANG_ZH;
  size_t i;
  CHECK(DIGICAT_REPORT_COLUMNS == 7);
  CHECK(sizeof en / sizeof en[0] == DIGICAT_REPORT_COLUMNS);
  CHECK(DIGICAT_LANG_EN == 0 && DIGICAT_LANG_ZH == 1);
  for (i = 0; i < DIGICAT_REPORT_COLUMNS; i++) {
    CHECK(digicat_report_column_name(DIGICAT_LANG_EN, i, &name) == DIGICAT_RC_OK);
    CHECK(str_is(name, en[i]));
    CHECK(digicat_report_column_name(DIGICAT_LANG_ZH, i, &name) == DIGICAT_RC_OK);
    CHECK(str_is(name, zh[i]));
  }
  /* Errors leave the output untouched. */
  name = untouched;
  CHECK(digicat_report_column_name(2, 0, &name) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_report_column_name(UINT32_MAX, 0, &name) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_report_column_name(DIGICAT_LANG_EN, DIGICAT_REPORT_COLUMNS, &name) ==
        DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_report_column_name(DIGICAT_LANG_ZH, SIZE_MAX, &name) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(name.data == untouched.data && name.len == 1);
  CHECK(digicat_report_column_name(DIGICAT_LANG_EN, 0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_report_column_name(9, 99, NULL) == DIGICAT_RC_NULL_PARAMETER);
  /* digicat_lang_parse reads the names the other surfaces take. */
  CHECK(digicat_lang_parse(LIT("en"), &lang) == DIGICAT_RC_OK && lang == DIGICAT_LANG_EN);
  CHECK(digicat_lang_parse(LIT(" zh "), &lang) == DIGICAT_RC_OK && lang == DIGICAT_LANG_ZH);
  CHECK(digicat_lang_parse(LIT("fr"), &lang) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_lang_parse(LIT("EN"), &lang) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_lang_parse(NULL, 0, &lang) == DIGICAT_RC_INVALID_OPTION);
  CHECK(lang == DIGICAT_LANG_ZH);
  CHECK(digicat_lang_parse(NULL, 2, &lang) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_lang_parse(LIT("en"), NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_lang_parse(LIT("e\xff"), &lang) == DIGICAT_RC_INVALID_UTF8);
  CHECK(digicat_lang_parse("en", SIZE_MAX, &lang) == DIGICAT_RC_INVALID_LENGTH);
  CHECK(lang == DIGICAT_LANG_ZH);
}

/* Appends the distinct catalogue terms of a vector's evidence field ("kind:term | ..."),
 * `sep`-joined, in order. */
static void vector_terms(field evidence, const char *sep, sbuf *out) {
  const char *p = evidence.p, *end = evidence.p + evidence.n;
  /* Every item is at least "k:t" and a " | " separator: at most n / 2 + 1 of them. */
  field *terms = (field *)xmalloc((evidence.n / 2 + 1) * sizeof *terms);
  size_t count = 0, i;
  while (p < end) {
    const char *stop = p, *colon;
    while (stop < end && !((size_t)(end - stop) >= 3 && memcmp(stop, " | ", 3) == 0)) stop++;
    colon = (const char *)memchr(p, ':', (size_t)(stop - p));
    CHECK(colon != NULL);
    if (colon != NULL) {
      field t;
      int dup = 0;
      t.p = colon + 1;
      t.n = (size_t)(stop - t.p);
      for (i = 0; i < count; i++)
        if (terms[i].n == t.n && memcmp(terms[i].p, t.p, t.n) == 0) dup = 1;
      if (!dup) {
        if (count > 0) sb_adds(out, sep);
        sb_add(out, t.p, t.n);
        terms[count++] = t;
      }
    }
    p = stop + 3;
  }
  free(terms);
}

/* Appends the distinct catalogue terms of a result's evidence, `sep`-joined, in order. */
static void result_terms(const digicat_result *r, const char *sep, sbuf *out) {
  size_t n = digicat_result_evidence_count(r), count = 0, i, j;
  digicat_str *terms = (digicat_str *)xmalloc((n + 1) * sizeof *terms);
  for (i = 0; i < n; i++) {
    digicat_evidence e;
    int dup = 0;
    CHECK(digicat_result_evidence(r, i, &e) == DIGICAT_RC_OK);
    for (j = 0; j < count; j++)
      if (terms[j].len == e.text.len && memcmp(terms[j].data, e.text.data, e.text.len) == 0)
        dup = 1;
    if (!dup) {
      if (count > 0) sb_adds(out, sep);
      sb_addstr(out, e.text);
      terms[count++] = e.text;
    }
  }
  free(terms);
}

/* Appends the result's industry ids (names when `names`), `sep`-joined, from the accessors. */
static void result_industries(const digicat_result *r, int names, const char *sep, sbuf *out) {
  size_t i, n = digicat_result_industry_count(r);
  for (i = 0; i < n; i++) {
    const digicat_industry *industry = NULL;
    CHECK(digicat_result_industry(r, i, &industry) == DIGICAT_RC_OK);
    if (i > 0) sb_adds(out, sep);
    if (names)
      sb_addstr(out, digicat_industry_name(industry));
    else
      sb_addu(out, digicat_industry_id(industry));
  }
}

/* Appends the result's row ids, `sep`-joined, from the accessors. */
static void result_rows(const digicat_result *r, const char *sep, sbuf *out) {
  size_t i, n = digicat_result_row_count(r);
  for (i = 0; i < n; i++) {
    const digicat_row *row = NULL;
    CHECK(digicat_result_row(r, i, &row) == DIGICAT_RC_OK);
    if (i > 0) sb_adds(out, sep);
    sb_addstr(out, digicat_row_id(row));
  }
}

/* Reports a column that differs from what was expected. */
static void check_column(const vector *v, size_t column, const sbuf *got, const char *want) {
  if (strcmp(got->data, want) != 0)
    fprintf(stderr, "line %lu (%.*s), column %lu:\n  want %s\n  got  %s\n", (unsigned long)v->line,
            (int)v->f[0].n, v->f[0].p, (unsigned long)column, want, got->data);
  CHECK(strcmp(got->data, want) == 0);
}

/* Checks column `column` against the vector's field. */
static void check_vector_field(const vector *v, size_t column, const sbuf *got, field f) {
  sbuf want;
  sb_init(&want);
  sb_add(&want, f.p, f.n);
  check_column(v, column, got, want.data);
  sb_free(&want);
}

/* The columns of a result: status, reason, industries and rows as in the vector and as the
 * accessors give them; industry names as the accessors give them; the evidence terms as the
 * vector's evidence has them and as the accessors give them; no error. */
static void check_result(const vector *v, const digicat_result *r) {
  sbuf got, want;
  digicat_status status;
  digicat_reason reason;
  sb_init(&got);
  sb_init(&want);
  CHECK(digicat_result_status(r, &status) == DIGICAT_RC_OK);
  CHECK(digicat_result_reason(r, &reason) == DIGICAT_RC_OK);
  read_field(r, NULL, 0, &got);
  check_vector_field(v, 0, &got, v->f[5]);
  CHECK(str_is(digicat_status_name(status), got.data));
  read_field(r, NULL, 1, &got);
  check_vector_field(v, 1, &got, v->f[6]);
  CHECK(str_is(digicat_reason_name(reason), got.data));
  read_field(r, NULL, 2, &got);
  check_vector_field(v, 2, &got, v->f[7]);
  result_industries(r, 0, COMMA, &want);
  check_column(v, 2, &got, want.data);
  read_field(r, NULL, 3, &got);
  sb_clear(&want);
  result_industries(r, 1, FULLWIDTH_SEMICOLON, &want);
  check_column(v, 3, &got, want.data);
  read_field(r, NULL, 4, &got);
  check_vector_field(v, 4, &got, v->f[8]);
  sb_clear(&want);
  result_rows(r, COMMA, &want);
  check_column(v, 4, &got, want.data);
  read_field(r, NULL, 5, &got);
  sb_clear(&want);
  vector_terms(v->f[9], FULLWIDTH_SEMICOLON, &want);
  check_column(v, 5, &got, want.data);
  sb_clear(&want);
  result_terms(r, FULLWIDTH_SEMICOLON, &want);
  check_column(v, 5, &got, want.data);
  read_field(r, NULL, 6, &got);
  check_column(v, 6, &got, "");
  sb_free(&got);
  sb_free(&want);
}

/* A code error in Chinese: status and reason as their Chinese labels (digicat_label), the
 * message as digicat_code_error_message_lang gives it, with no ASCII letter but in the input,
 * codes and GB/T. */
static void check_code_error_zh(const digicat_code_error *e) {
  char buf[1024], message[1024];
  size_t n = 0, m = 0;
  digicat_str label;
  digicat_str kind = digicat_code_error_kind(e);
  CHECK(digicat_code_error_report_field_lang(e, DIGICAT_LANG_ZH, 0, buf, sizeof buf, &n) ==
        DIGICAT_RC_OK);
  CHECK(strcmp(buf, "无效输入") == 0);
  CHECK(digicat_label(kind.data, kind.len, DIGICAT_LANG_ZH, &label) == DIGICAT_RC_OK);
  CHECK(digicat_code_error_report_field_lang(e, DIGICAT_LANG_ZH, 1, buf, sizeof buf, &n) ==
        DIGICAT_RC_OK);
  CHECK(n == label.len && memcmp(buf, label.data, n) == 0);
  CHECK(digicat_code_error_message_lang(e, DIGICAT_LANG_ZH, message, sizeof message, &m) ==
        DIGICAT_RC_OK);
  CHECK(digicat_code_error_report_field_lang(e, DIGICAT_LANG_ZH, 6, buf, sizeof buf, &n) ==
        DIGICAT_RC_OK);
  CHECK(n == m && strcmp(buf, message) == 0 && m > 0);
  CHECK(digicat_code_error_message_lang(e, 7, message, sizeof message, &m) ==
        DIGICAT_RC_INVALID_OPTION);
}

/* The columns of a code error: status invalid, the error kind as reason (both as in the
 * vector), columns 2 to 5 empty (as in the vector), the error's message. */
static void check_code_error(const vector *v, const digicat_code_error *e) {
  sbuf got;
  size_t column, n = 0;
  char *message;
  sb_init(&got);
  read_field(NULL, e, 0, &got);
  check_vector_field(v, 0, &got, v->f[5]);
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_INVALID), got.data));
  read_field(NULL, e, 1, &got);
  check_vector_field(v, 1, &got, v->f[6]);
  CHECK(str_is(digicat_code_error_kind(e), got.data));
  for (column = 2; column < 6; column++) {
    read_field(NULL, e, column, &got);
    check_column(v, column, &got, "");
  }
  CHECK(v->f[7].n == 0 && v->f[8].n == 0 && v->f[9].n == 0);
  read_field(NULL, e, 6, &got);
  CHECK(digicat_code_error_message(e, NULL, 0, &n) == DIGICAT_RC_BUFFER_TOO_SMALL);
  message = (char *)xmalloc(n + 1);
  CHECK(digicat_code_error_message(e, message, n + 1, NULL) == DIGICAT_RC_OK);
  check_column(v, 6, &got, message);
  CHECK(n > 0);
  free(message);
  check_code_error_zh(e);
  sb_free(&got);
}

static void test_vectors(const char *path) {
  char *text;
  vector *vectors;
  size_t count = load_vectors(path, &text, &vectors), i, ok = 0, invalid = 0;
  CHECK(count >= 60);
  for (i = 0; i < count; i++) {
    const vector *v = &vectors[i];
    digicat_options options = {0, 0};
    digicat_result *r = NULL;
    digicat_code_error *e = NULL;
    digicat_rc rc;
    if (v->f[3].n > 0) {
      digicat_policy policy;
      CHECK(digicat_policy_parse(v->f[3].p, v->f[3].n, &policy) == DIGICAT_RC_OK);
      options.policy = policy;
    }
    if (v->f[4].n > 0) {
      digicat_edition edition;
      CHECK(digicat_edition_parse(v->f[4].p, v->f[4].n, &edition) == DIGICAT_RC_OK);
      options.edition = edition;
    }
    rc = digicat_classify(v->f[1].p, v->f[1].n, v->f[2].p, v->f[2].n, &options, &r, &e);
    CHECK(rc == DIGICAT_RC_OK || rc == DIGICAT_RC_INVALID_CODE);
    if (rc == DIGICAT_RC_OK) {
      check_result(v, r);
      ok++;
    } else if (rc == DIGICAT_RC_INVALID_CODE) {
      check_code_error(v, e);
      invalid++;
    }
    digicat_result_free(r);
    digicat_code_error_free(e);
  }
  CHECK(ok > 0 && invalid > 0 && ok + invalid == count);
  free_vectors(text, vectors);
}

/* Column `column` of a result (or of a code error when r is NULL) through buffers of every
 * length from 0 to its length + 2: what is written is NUL-terminated, a prefix of the value, not
 * cut inside a UTF-8 character and at most one character short; the full length is always
 * reported; a zero-length buffer is not written to. */
static void check_buffers(const digicat_result *r, const digicat_code_error *e, size_t column) {
  sbuf full;
  size_t len, n;
  char *buf;
  sb_init(&full);
  read_field(r, e, column, &full);
  n = full.len;
  buf = (char *)xmalloc(n + 3);
  for (len = 0; len <= n + 2; len++) {
    size_t m = SIZE_MAX, w;
    digicat_rc rc;
    memset(buf, 'x', n + 3);
    rc = r != NULL ? digicat_result_report_field(r, column, buf, len, &m)
                   : digicat_code_error_report_field(e, column, buf, len, &m);
    CHECK(m == n);
    CHECK(rc == (len > n ? DIGICAT_RC_OK : DIGICAT_RC_BUFFER_TOO_SMALL));
    if (len == 0) {
      CHECK(buf[0] == 'x');
      continue;
    }
    w = strlen(buf);
    CHECK(w < len && w <= n);
    CHECK(memcmp(buf, full.data, w) == 0);
    CHECK(w == n || (full.data[w] & 0xC0) != 0x80);
    CHECK(w == n || len - 1 - w < 4); /* at most a 4-byte character is left out */
    CHECK(buf[w + 1] == 'x' || w + 1 == len);
  }
  /* Without out_n, and a length-only query. */
  CHECK((r != NULL ? digicat_result_report_field(r, column, buf, n + 1, NULL)
                   : digicat_code_error_report_field(e, column, buf, n + 1, NULL)) ==
        DIGICAT_RC_OK);
  CHECK(strcmp(buf, full.data) == 0);
  {
    size_t m = SIZE_MAX;
    CHECK((r != NULL ? digicat_result_report_field(r, column, NULL, 0, &m)
                     : digicat_code_error_report_field(e, column, NULL, 0, &m)) ==
          DIGICAT_RC_BUFFER_TOO_SMALL);
    CHECK(m == n);
    /* NULL with a length is an error; the length is still reported. */
    m = SIZE_MAX;
    CHECK((r != NULL ? digicat_result_report_field(r, column, NULL, 8, &m)
                     : digicat_code_error_report_field(e, column, NULL, 8, &m)) ==
          DIGICAT_RC_NULL_PARAMETER);
    CHECK(m == n);
  }
  free(buf);
  sb_free(&full);
}

/* Tiny buffers on every column of a result whose values have several multi-byte characters and
 * of a code error (whose message has some), then the error paths of both functions. */
static void test_buffers_and_errors(void) {
  digicat_result *r = NULL, *none = NULL;
  digicat_code_error *e = NULL;
  size_t column, n;
  char buf[16];
  CHECK(digicat_classify(LIT("6513"), LIT("计算机视听觉软件和办公软件"), NULL, &r,
                         NULL) == DIGICAT_RC_OK);
  CHECK(digicat_classify(LIT("６５９９ｘ"), NULL, 0, NULL, &none, &e) == DIGICAT_RC_INVALID_CODE);
  CHECK(r != NULL && none == NULL && e != NULL);
  for (column = 0; column < DIGICAT_REPORT_COLUMNS; column++) {
    check_buffers(r, NULL, column);
    check_buffers(NULL, e, column);
  }
  /* NULL handles: DIGICAT_RC_NULL_PARAMETER, checked first; nothing written. */
  memcpy(buf, "untouched", 10);
  n = 77;
  CHECK(digicat_result_report_field(NULL, 0, buf, sizeof buf, &n) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_code_error_report_field(NULL, 0, buf, sizeof buf, &n) ==
        DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_report_field(NULL, SIZE_MAX, NULL, 5, &n) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_code_error_report_field(NULL, SIZE_MAX, NULL, 5, NULL) ==
        DIGICAT_RC_NULL_PARAMETER);
  /* Columns out of range: DIGICAT_RC_OUT_OF_RANGE, before the buffer is looked at. */
  CHECK(digicat_result_report_field(r, DIGICAT_REPORT_COLUMNS, buf, sizeof buf, &n) ==
        DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_code_error_report_field(e, DIGICAT_REPORT_COLUMNS, buf, sizeof buf, &n) ==
        DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_result_report_field(r, SIZE_MAX, NULL, 5, &n) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_code_error_report_field(e, SIZE_MAX, NULL, 0, NULL) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(n == 77 && strcmp(buf, "untouched") == 0);
  digicat_result_free(r);
  digicat_code_error_free(e);
}

/* digicat_report_skip_reason: blank rows and footers are skipped with their reason, records are
 * not, and bad arguments are error codes that write nothing. */
static void test_skip_reason(void) {
  static const char footer[] = "合计：9家";
  static const char code[] = "6513";
  static const char bad[] = "\xff";
  const char *fields[2];
  size_t lens[2];
  bool skip = true;
  digicat_reason reason = DIGICAT_REASON_NOTHING_NAMED;
  CHECK(DIGICAT_STATUS_SKIPPED == 4 && DIGICAT_REASON_BLANK_ROW == 13 &&
        DIGICAT_REASON_FOOTER_ROW == 14);
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_SKIPPED), "skipped"));
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_FOOTER_ROW), "footer_row"));
  fields[0] = NULL;
  lens[0] = 0;
  fields[1] = " ";
  lens[1] = 1;
  CHECK(digicat_report_skip_reason(fields, lens, 2, &skip, &reason) == DIGICAT_RC_OK);
  CHECK(skip && reason == DIGICAT_REASON_BLANK_ROW);
  fields[0] = footer;
  lens[0] = sizeof footer - 1;
  CHECK(digicat_report_skip_reason(fields, lens, 2, &skip, &reason) == DIGICAT_RC_OK);
  CHECK(skip && reason == DIGICAT_REASON_FOOTER_ROW);
  fields[0] = code;
  lens[0] = sizeof code - 1;
  reason = DIGICAT_REASON_NOTHING_NAMED;
  CHECK(digicat_report_skip_reason(fields, lens, 2, &skip, &reason) == DIGICAT_RC_OK);
  CHECK(!skip && reason == DIGICAT_REASON_NOTHING_NAMED);
  CHECK(digicat_report_skip_reason(NULL, NULL, 0, &skip, &reason) == DIGICAT_RC_OK && skip);
  fields[0] = bad;
  lens[0] = 1;
  skip = false;
  CHECK(digicat_report_skip_reason(fields, lens, 2, &skip, &reason) == DIGICAT_RC_INVALID_UTF8);
  CHECK(!skip);
  CHECK(digicat_report_skip_reason(NULL, lens, 2, &skip, &reason) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_report_skip_reason(fields, lens, 2, NULL, &reason) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_report_skip_reason(fields, lens, 2, &skip, NULL) == DIGICAT_RC_NULL_PARAMETER);
}

/* The shared row vectors (tests/vectors/rows.tsv): three "|"-separated fields a row and the
 * reason it is skipped with, or none for a record. */
static void test_row_vectors(const char *path) {
  char *text;
  vector *vectors;
  size_t count = load_table(path, 3, &text, &vectors), i, skipped = 0;
  CHECK(count >= 15);
  for (i = 0; i < count; i++) {
    const vector *v = &vectors[i];
    const char *fields[3];
    size_t lens[3], k = 0;
    const char *p = v->f[1].p, *end = v->f[1].p + v->f[1].n;
    bool skip = false;
    digicat_reason reason = DIGICAT_REASON_NOTHING_NAMED;
    fields[0] = p;
    while (p < end && k < 2) {
      if (*p == '|') {
        lens[k] = (size_t)(p - fields[k]);
        fields[++k] = p + 1;
      }
      p++;
    }
    CHECK(k == 2 && memchr(fields[2], '|', (size_t)(end - fields[2])) == NULL);
    if (k != 2) continue;
    lens[2] = (size_t)(end - fields[2]);
    CHECK(digicat_report_skip_reason(fields, lens, 3, &skip, &reason) == DIGICAT_RC_OK);
    if (v->f[2].n == 0) {
      if (skip) fprintf(stderr, "rows.tsv line %lu: skipped, not a record\n", (unsigned long)v->line);
      CHECK(!skip);
    } else {
      digicat_str name = digicat_reason_name(reason);
      CHECK(skip && name.len == v->f[2].n && memcmp(name.data, v->f[2].p, name.len) == 0);
      skipped++;
    }
  }
  CHECK(skipped > 0 && skipped < count);
  free_vectors(text, vectors);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s classify.tsv rows.tsv\n", argv[0]);
    return 2;
  }
  test_column_names();
  test_vectors(argv[1]);
  test_buffers_and_errors();
  test_skip_reason();
  test_row_vectors(argv[2]);
  return check_report("report");
}
