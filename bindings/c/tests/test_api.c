/* The C API beyond the vectors: version macros, every error path (NULL pointers, zero lengths,
 * invalid UTF-8, embedded NUL bytes, huge inputs, out-of-range indexes and enum values, foreign
 * pointers), error handles and messages, use of everything read from a result after it is
 * freed, and the static catalogue. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* The version macros must be plain integers usable by the preprocessor, and agree. */
#if !defined(DIGICAT_VERSION_MAJOR) || !defined(DIGICAT_VERSION_MINOR) || \
    !defined(DIGICAT_VERSION_PATCH) || !defined(DIGICAT_VERSION_NUMBER)
#error "version macros missing"
#endif
#if DIGICAT_VERSION_NUMBER != \
    DIGICAT_VERSION_MAJOR * 10000 + DIGICAT_VERSION_MINOR * 100 + DIGICAT_VERSION_PATCH
#error "DIGICAT_VERSION_NUMBER disagrees with MAJOR/MINOR/PATCH"
#endif

#define LIT(s) s, (sizeof(s) - 1)

/* Reads "a.b.c" into three numbers; 1 on success. */
static int parse_version(const char *s, size_t n, unsigned long v[3]) {
  size_t i = 0;
  int part = 0;
  v[0] = v[1] = v[2] = 0;
  for (; i < n; i++) {
    if (s[i] == '.') {
      if (++part > 2) return 0;
    } else if (s[i] >= '0' && s[i] <= '9') {
      v[part] = v[part] * 10 + (unsigned long)(s[i] - '0');
    } else {
      return 0;
    }
  }
  return part == 2;
}

static void test_version(void) {
  digicat_str v = digicat_version();
  unsigned long lib[3], hdr[3];
  digicat_str cat = digicat_catalogue_version();
  digicat_meta meta = digicat_catalogue_meta();
  CHECK(str_is(v, DIGICAT_VERSION));
  CHECK(parse_version(v.data, v.len, lib));
  CHECK(parse_version(DIGICAT_VERSION, strlen(DIGICAT_VERSION), hdr));
  CHECK(lib[0] == DIGICAT_VERSION_MAJOR && hdr[0] == DIGICAT_VERSION_MAJOR);
  CHECK(lib[1] == DIGICAT_VERSION_MINOR && hdr[1] == DIGICAT_VERSION_MINOR);
  CHECK(lib[2] == DIGICAT_VERSION_PATCH && hdr[2] == DIGICAT_VERSION_PATCH);
  CHECK(lib[0] * 10000 + lib[1] * 100 + lib[2] == DIGICAT_VERSION_NUMBER);
  /* Catalogue version: YYYY-MM-DD+xxxxxxxx, the same as in the metadata. */
  CHECK(cat.len == 19 && cat.data[4] == '-' && cat.data[10] == '+');
  CHECK(meta.version.len == cat.len && memcmp(meta.version.data, cat.data, cat.len) == 0);
  CHECK(str_is(meta.document, "东工信〔2019〕160号"));
  CHECK(str_is(meta.date, "2019-07-30"));
  CHECK(str_is(meta.edition, "GB/T 4754-2017"));
  CHECK(str_is(meta.status, "试行"));
  CHECK(str_is(meta.title, "东莞市数字产业集聚试点园区重点发展产业、产品和服务目录表（试行）"));
  CHECK(str_is(meta.issuer, "东莞市工业和信息化局"));
}

/* Classifies and returns the result, checking the call succeeded. */
static digicat_result *classify_ok(const char *code, size_t code_len, const char *text,
                                   size_t text_len, const digicat_options *options) {
  digicat_result *r = NULL;
  digicat_code_error *e = NULL;
  CHECK(digicat_classify(code, code_len, text, text_len, options, &r, &e) == DIGICAT_RC_OK);
  CHECK(r != NULL && e == NULL);
  return r;
}

static int has(const digicat_result *r, digicat_status status, digicat_reason reason) {
  digicat_status s;
  digicat_reason why;
  return digicat_result_status(r, &s) == DIGICAT_RC_OK &&
         digicat_result_reason(r, &why) == DIGICAT_RC_OK && s == status && why == reason;
}

static void test_classify(void) {
  digicat_result *r = classify_ok(LIT("6513"), LIT("计算机视听觉软件"), NULL);
  const digicat_industry *ind = NULL;
  const digicat_row *row = NULL;
  digicat_evidence e;
  CHECK(has(r, DIGICAT_STATUS_IN_SCOPE, DIGICAT_REASON_LISTED_PRODUCT));
  CHECK(digicat_result_industry_count(r) == 1);
  CHECK(digicat_result_industry(r, 0, &ind) == DIGICAT_RC_OK && digicat_industry_id(ind) == 3);
  CHECK(str_is(digicat_industry_name(ind), "人工智能软件开发"));
  CHECK(digicat_result_row_count(r) == 1);
  CHECK(digicat_result_row(r, 0, &row) == DIGICAT_RC_OK && str_is(digicat_row_id(row), "3.2"));
  CHECK(digicat_row_code(row) == 6513 && digicat_row_is_partial(row));
  CHECK(digicat_result_evidence_count(r) == 1);
  CHECK(digicat_result_evidence(r, 0, &e) == DIGICAT_RC_OK);
  CHECK(e.kind == DIGICAT_EVIDENCE_KIND_PRODUCT && e.relation == DIGICAT_RELATION_NONE);
  CHECK(e.start == 0 && e.end == 24 && e.row == row);
  CHECK(str_is(e.text, "计算机视听觉软件"));
  digicat_result_free(r);

  /* Options: NULL and all-zero are the defaults; strict policy changes the answer. */
  {
    digicat_options zero = {0, 0}, strict = {DIGICAT_POLICY_STRICT, DIGICAT_EDITION_AUTO};
    digicat_options old = {DIGICAT_POLICY_STANDARD, DIGICAT_EDITION_GBT2011};
    r = classify_ok(LIT("6513"), LIT("人工智能应用软件开发"), NULL);
    CHECK(has(r, DIGICAT_STATUS_IN_SCOPE, DIGICAT_REASON_SCOPE_PHRASE));
    digicat_result_free(r);
    r = classify_ok(LIT("6513"), LIT("人工智能应用软件开发"), &zero);
    CHECK(has(r, DIGICAT_STATUS_IN_SCOPE, DIGICAT_REASON_SCOPE_PHRASE));
    digicat_result_free(r);
    r = classify_ok(LIT("6513"), LIT("人工智能应用软件开发"), &strict);
    CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_NO_PRODUCT_EVIDENCE));
    CHECK(digicat_result_evidence_count(r) == 0);
    digicat_result_free(r);
    r = classify_ok(LIT("6520"), NULL, 0, &old);
    CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_OLD_EDITION_CODE));
    digicat_result_free(r);
  }

  /* The inferred row 4.7 (6591*, products not published): review, candidate industry 4. */
  r = classify_ok(LIT("6591"), NULL, 0, NULL);
  CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_PRODUCTS_NOT_PUBLISHED));
  CHECK(digicat_result_industry_count(r) == 1);
  CHECK(digicat_result_industry(r, 0, &ind) == DIGICAT_RC_OK && digicat_industry_id(ind) == 4);
  CHECK(digicat_result_row(r, 0, &row) == DIGICAT_RC_OK && digicat_row_is_inferred(row));
  digicat_result_free(r);
}

static void test_absent_and_null(void) {
  digicat_result *r = (digicat_result *)&r; /* poison: must be overwritten */
  digicat_code_error *e = (digicat_code_error *)&e;

  /* NULL with length 0, and a real pointer with length 0, both mean "absent". */
  r = classify_ok(NULL, 0, LIT("计算机视听觉软件"), NULL);
  CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_NO_CODE));
  digicat_result_free(r);
  r = classify_ok("6513", 0, LIT("计算机视听觉软件"), NULL);
  CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_NO_CODE));
  digicat_result_free(r);
  r = classify_ok(LIT("6513"), NULL, 0, NULL);
  CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_NO_PRODUCT_EVIDENCE));
  digicat_result_free(r);
  r = classify_ok(LIT("6513"), "计算机视听觉软件", 0, NULL);
  CHECK(has(r, DIGICAT_STATUS_NEEDS_REVIEW, DIGICAT_REASON_NO_PRODUCT_EVIDENCE));
  digicat_result_free(r);
  r = classify_ok(NULL, 0, NULL, 0, NULL);
  CHECK(has(r, DIGICAT_STATUS_OUT_OF_SCOPE, DIGICAT_REASON_NOTHING_NAMED));
  digicat_result_free(r);
  r = classify_ok(LIT(" \t "), LIT("  "), NULL); /* blank fields are absent too */
  CHECK(has(r, DIGICAT_STATUS_OUT_OF_SCOPE, DIGICAT_REASON_NOTHING_NAMED));
  digicat_result_free(r);

  /* NULL with a nonzero length: an error, and the outputs are NULL. */
  r = (digicat_result *)&r;
  e = (digicat_code_error *)&e;
  CHECK(digicat_classify(NULL, 4, LIT("x"), NULL, &r, &e) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(r == NULL && e == NULL);
  r = (digicat_result *)&r;
  CHECK(digicat_classify(LIT("6513"), NULL, 1, NULL, &r, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(r == NULL);
  /* No place for the result. */
  e = (digicat_code_error *)&e;
  CHECK(digicat_classify(LIT("6513"), NULL, 0, NULL, NULL, &e) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_classify(LIT("x"), NULL, 0, NULL, NULL, NULL) == DIGICAT_RC_NULL_PARAMETER);

  /* Out-of-range option values. */
  {
    digicat_options bad_policy = {2, 0}, bad_edition = {0, 99}, huge = {UINT32_MAX, UINT32_MAX};
    CHECK(digicat_classify(LIT("6513"), NULL, 0, &bad_policy, &r, NULL) ==
          DIGICAT_RC_INVALID_OPTION);
    CHECK(r == NULL);
    CHECK(digicat_classify(LIT("6513"), NULL, 0, &bad_edition, &r, NULL) ==
          DIGICAT_RC_INVALID_OPTION);
    CHECK(digicat_classify(LIT("6513"), NULL, 0, &huge, &r, NULL) == DIGICAT_RC_INVALID_OPTION);
    CHECK(r == NULL);
  }

  /* Accessors on NULL. */
  {
    digicat_status s = DIGICAT_STATUS_INVALID;
    digicat_reason why = DIGICAT_REASON_NO_CODE;
    const digicat_industry *ind = NULL;
    const digicat_row *row = NULL;
    digicat_evidence ev;
    CHECK(digicat_result_status(NULL, &s) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(s == DIGICAT_STATUS_INVALID);
    CHECK(digicat_result_reason(NULL, &why) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(why == DIGICAT_REASON_NO_CODE);
    CHECK(digicat_result_industry_count(NULL) == 0);
    CHECK(digicat_result_row_count(NULL) == 0);
    CHECK(digicat_result_evidence_count(NULL) == 0);
    CHECK(digicat_result_industry(NULL, 0, &ind) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(digicat_result_row(NULL, 0, &row) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(digicat_result_evidence(NULL, 0, &ev) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(ind == NULL && row == NULL);
    digicat_result_free(NULL);
    digicat_code_error_free(NULL);
  }
}

static void test_indexes(void) {
  digicat_result *r = classify_ok(LIT("6513"), LIT("计算机视听觉软件和办公软件"), NULL);
  const digicat_industry *ind = (const digicat_industry *)&ind;
  const digicat_row *row = (const digicat_row *)&row;
  digicat_evidence ev;
  digicat_status s;
  size_t n = digicat_result_industry_count(r);
  CHECK(n == 2);
  CHECK(digicat_result_industry(r, n, &ind) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_result_industry(r, SIZE_MAX, &ind) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(ind == (const digicat_industry *)&ind); /* untouched on failure */
  CHECK(digicat_result_industry(r, 0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_row(r, digicat_result_row_count(r), &row) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(row == (const digicat_row *)&row);
  CHECK(digicat_result_row(r, 0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_evidence_count(r) == 2);
  CHECK(digicat_result_evidence(r, 2, &ev) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_result_evidence(r, SIZE_MAX, &ev) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_result_evidence(r, 0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_status(r, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_reason(r, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_result_status(r, &s) == DIGICAT_RC_OK);
  digicat_result_free(r);
}

static void test_invalid_utf8(void) {
  static const char *const bad[] = {
      "\xff",         /* never valid */
      "\xe8\xae",     /* truncated 3-byte sequence */
      "\xc0\xaf",     /* overlong '/' */
      "\xed\xa0\x80", /* UTF-16 surrogate */
      "6513\x80",     /* stray continuation byte */
      "\xc8\xed\xbc\xfe", /* 软件 in GBK: GBK text passed as UTF-8 */
  };
  size_t i;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    digicat_result *r = (digicat_result *)&r;
    digicat_code_error *e = (digicat_code_error *)&e;
    size_t n = strlen(bad[i]);
    CHECK(digicat_classify(bad[i], n, NULL, 0, NULL, &r, &e) == DIGICAT_RC_INVALID_UTF8);
    CHECK(r == NULL && e == NULL);
    r = (digicat_result *)&r;
    CHECK(digicat_classify(LIT("6513"), bad[i], n, NULL, &r, &e) == DIGICAT_RC_INVALID_UTF8);
    CHECK(r == NULL && e == NULL);
  }
  /* Valid bytes before a cut: only the given length is read, so cutting inside a character is
   * invalid, and cutting before it is fine. */
  {
    digicat_result *r = NULL;
    CHECK(digicat_classify(NULL, 0, "计算", 4, NULL, &r, NULL) == DIGICAT_RC_INVALID_UTF8);
    CHECK(digicat_classify(NULL, 0, "计算", 3, NULL, &r, NULL) == DIGICAT_RC_OK);
    digicat_result_free(r);
  }
}

static void test_embedded_nul(void) {
  static const char text[] = "计算机视听觉软件\0计算机视听觉软件";
  digicat_result *r;
  digicat_code_error *e = NULL;
  digicat_evidence ev;
  /* A NUL byte in the code is an ordinary (invalid) code character. */
  r = (digicat_result *)&r;
  CHECK(digicat_classify("6513\0", 5, NULL, 0, NULL, &r, &e) == DIGICAT_RC_INVALID_CODE);
  CHECK(r == NULL && e != NULL);
  CHECK(str_is(digicat_code_error_kind(e), "malformed_code"));
  digicat_code_error_free(e);
  /* In the text, the whole given length is read: both products are found, the second after
   * the NUL byte. */
  r = classify_ok(LIT("6513"), text, sizeof text - 1, NULL);
  CHECK(has(r, DIGICAT_STATUS_IN_SCOPE, DIGICAT_REASON_LISTED_PRODUCT));
  CHECK(digicat_result_evidence_count(r) == 2);
  CHECK(digicat_result_evidence(r, 1, &ev) == DIGICAT_RC_OK && ev.start == 25 && ev.end == 49);
  digicat_result_free(r);
  /* A lone NUL: not a code; as a text it names nothing. */
  CHECK(digicat_classify("\0", 1, NULL, 0, NULL, &r, NULL) == DIGICAT_RC_INVALID_CODE);
  r = classify_ok(NULL, 0, "\0\0", 2, NULL);
  CHECK(has(r, DIGICAT_STATUS_OUT_OF_SCOPE, DIGICAT_REASON_NOTHING_NAMED));
  digicat_result_free(r);
}

enum { HUGE_LEN = 10 * 1024 * 1024 };

static void test_huge_inputs(void) {
  static const char filler[] = "餐饮服务；"; /* names nothing */
  static const char product[] = "计算机视听觉软件";
  size_t fill = sizeof filler - 1, prod = sizeof product - 1, len = 0, n = 0;
  char *text = (char *)xmalloc(HUGE_LEN + prod);
  char *code = (char *)xmalloc(HUGE_LEN);
  digicat_result *r;
  digicat_code_error *e = NULL;
  digicat_evidence ev;
  char small[16];
  while (len + fill <= HUGE_LEN) {
    memcpy(text + len, filler, fill);
    len += fill;
  }
  memcpy(text + len, product, prod);
  r = classify_ok(LIT("6513"), text, len + prod, NULL);
  CHECK(has(r, DIGICAT_STATUS_IN_SCOPE, DIGICAT_REASON_LISTED_PRODUCT));
  CHECK(digicat_result_evidence_count(r) == 1);
  CHECK(digicat_result_evidence(r, 0, &ev) == DIGICAT_RC_OK);
  CHECK(ev.start == len && ev.end == len + prod);
  digicat_result_free(r);
  /* Invalid UTF-8 at the very end of a huge text. */
  text[len + prod - 1] = '\xff';
  r = (digicat_result *)&r;
  CHECK(digicat_classify(NULL, 0, text, len + prod, NULL, &r, NULL) == DIGICAT_RC_INVALID_UTF8);
  CHECK(r == NULL);
  /* A 10 MB code: malformed, and its message (which quotes it) is bigger still. */
  memset(code, '6', HUGE_LEN);
  CHECK(digicat_classify(code, HUGE_LEN, NULL, 0, NULL, &r, &e) == DIGICAT_RC_INVALID_CODE);
  CHECK(str_is(digicat_code_error_kind(e), "malformed_code"));
  CHECK(digicat_code_error_message(e, NULL, 0, &n) == DIGICAT_RC_BUFFER_TOO_SMALL);
  CHECK(n > HUGE_LEN);
  CHECK(digicat_code_error_message(e, small, sizeof small, &n) == DIGICAT_RC_BUFFER_TOO_SMALL);
  CHECK(strlen(small) < sizeof small);
  {
    char *full = (char *)xmalloc(n + 1);
    size_t m = 0;
    CHECK(digicat_code_error_message(e, full, n + 1, &m) == DIGICAT_RC_OK);
    CHECK(m == n && strlen(full) == n && strncmp(full, small, strlen(small)) == 0);
    free(full);
  }
  digicat_code_error_free(e);
  /* Lengths beyond PTRDIFF_MAX are refused before anything is read. */
  CHECK(digicat_classify(code, SIZE_MAX, NULL, 0, NULL, &r, NULL) == DIGICAT_RC_INVALID_LENGTH);
  CHECK(digicat_classify(NULL, 0, text, (size_t)PTRDIFF_MAX + 1, NULL, &r, NULL) ==
        DIGICAT_RC_INVALID_LENGTH);
  CHECK(r == NULL);
  free(text);
  free(code);
}

/* Every prefix written for every buffer length is NUL-terminated, a prefix of the full message,
 * and does not end inside a UTF-8 character. */
static void check_truncation(const digicat_code_error *e, const char *full, size_t n) {
  size_t len;
  char *buf = (char *)xmalloc(n + 1);
  for (len = 1; len <= n + 1; len++) {
    size_t m = 0, w;
    digicat_rc rc = digicat_code_error_message(e, buf, len, &m);
    w = strlen(buf);
    CHECK(m == n && w < len);
    CHECK(rc == (len == n + 1 ? DIGICAT_RC_OK : DIGICAT_RC_BUFFER_TOO_SMALL));
    CHECK(memcmp(buf, full, w) == 0);
    CHECK(w == n || (full[w] & 0xC0) != 0x80);
    CHECK(len - w <= 4); /* at most a 4-byte character (and the NUL) is left out */
  }
  free(buf);
}

static void test_code_errors(void) {
  /* quoted: the message quotes the input as given */
  static const struct {
    const char *code;
    const char *kind;
    int quoted;
  } cases[] = {
      {"6599x", "malformed_code", 1},        {"65130", "malformed_code", 1},
      {"I9", "malformed_code", 1},           {"9999", "unknown_code", 0},
      {"C6513", "section_mismatch", 1},      {"不存在的行业", "unknown_class_name", 1},
      {"6513-基础软件开发", "code_name_mismatch", 0},
      {"65/6431", "hierarchy_mismatch", 1},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    digicat_result *r = (digicat_result *)&r;
    digicat_code_error *e = NULL;
    size_t n = 0;
    char buf[512];
    CHECK(digicat_classify(cases[i].code, strlen(cases[i].code), LIT("计算机视听觉软件"), NULL, &r,
                           &e) == DIGICAT_RC_INVALID_CODE);
    CHECK(r == NULL && e != NULL);
    CHECK(str_is(digicat_code_error_kind(e), cases[i].kind));
    CHECK(digicat_code_error_message(e, buf, sizeof buf, &n) == DIGICAT_RC_OK);
    CHECK(n == strlen(buf) && n > 0);
    CHECK(!cases[i].quoted || strstr(buf, cases[i].code) != NULL);
    check_truncation(e, buf, n);
    /* Error paths of the message function itself. */
    CHECK(digicat_code_error_message(e, NULL, 0, &n) == DIGICAT_RC_BUFFER_TOO_SMALL);
    CHECK(digicat_code_error_message(e, NULL, 10, &n) == DIGICAT_RC_NULL_PARAMETER);
    CHECK(digicat_code_error_message(e, buf, 0, NULL) == DIGICAT_RC_BUFFER_TOO_SMALL);
    CHECK(digicat_code_error_message(e, buf, sizeof buf, NULL) == DIGICAT_RC_OK);
    digicat_code_error_free(e);
    /* Without an error handle asked for, the code is still reported. */
    CHECK(digicat_classify(cases[i].code, strlen(cases[i].code), NULL, 0, NULL, &r, NULL) ==
          DIGICAT_RC_INVALID_CODE);
  }
  {
    char buf[8] = "x";
    size_t n = 7;
    CHECK(digicat_code_error_kind(NULL).len == 0);
    CHECK(digicat_code_error_kind(NULL).data != NULL);
    CHECK(digicat_code_error_message(NULL, buf, sizeof buf, &n) == DIGICAT_RC_NULL_PARAMETER);
  }
}

static void test_rc_messages(void) {
  char buf[256], prev[256] = "";
  uint32_t rc;
  size_t n;
  for (rc = DIGICAT_RC_OK; rc <= DIGICAT_RC_PANIC; rc++) {
    CHECK(digicat_rc_message(rc, buf, sizeof buf, &n) == DIGICAT_RC_OK);
    CHECK(n > 0 && n == strlen(buf) && strcmp(buf, prev) != 0);
    memcpy(prev, buf, n + 1);
  }
  CHECK(digicat_rc_message(DIGICAT_RC_PANIC + 1, buf, sizeof buf, &n) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(n > 0);
  CHECK(digicat_rc_message(UINT32_MAX, buf, sizeof buf, NULL) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_rc_message(DIGICAT_RC_OK, NULL, 0, &n) == DIGICAT_RC_BUFFER_TOO_SMALL && n > 0);
  CHECK(digicat_rc_message(DIGICAT_RC_OK, NULL, 5, &n) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_rc_message(DIGICAT_RC_OK, buf, 1, &n) == DIGICAT_RC_BUFFER_TOO_SMALL);
  CHECK(buf[0] == '\0');
}

static void test_enum_names(void) {
  digicat_policy p = DIGICAT_POLICY_STANDARD;
  digicat_edition ed = DIGICAT_EDITION_AUTO;
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_IN_SCOPE), "in_scope"));
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_NEEDS_REVIEW), "needs_review"));
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_OUT_OF_SCOPE), "out_of_scope"));
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_INVALID), "invalid"));
  CHECK(str_is(digicat_status_name(DIGICAT_STATUS_SKIPPED), "skipped"));
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_BLANK_ROW), "blank_row"));
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_WHOLE_CLASS), "whole_class"));
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_NOTHING_NAMED), "nothing_named"));
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_PRODUCTS_NOT_PUBLISHED),
               "products_not_published"));
  CHECK(DIGICAT_REASON_PRODUCTS_NOT_PUBLISHED == 11); /* appended: earlier values unchanged */
  CHECK(DIGICAT_REASON_BROADER_PHRASES_ONLY == 12);
  CHECK(DIGICAT_REASON_BLANK_ROW == 13 && DIGICAT_REASON_FOOTER_ROW == 14);
  CHECK(DIGICAT_STATUS_SKIPPED == 4);
  CHECK(str_is(digicat_evidence_kind_name(DIGICAT_EVIDENCE_KIND_SCOPE_PHRASE), "scope_phrase"));
  CHECK(str_is(digicat_relation_name(DIGICAT_RELATION_BROADER), "broader"));
  CHECK(str_is(digicat_relation_name(DIGICAT_RELATION_NONE), ""));
  CHECK(str_is(digicat_policy_name(DIGICAT_POLICY_STRICT), "strict"));
  CHECK(str_is(digicat_edition_name(DIGICAT_EDITION_GBT2011), "2011"));
  /* Unknown values: the empty string, never a crash. */
  CHECK(str_is(digicat_reason_name(DIGICAT_REASON_BROADER_PHRASES_ONLY), "broader_phrases_only"));
  CHECK(str_is(digicat_status_name(5), "") && str_is(digicat_reason_name(100), ""));
  CHECK(str_is(digicat_evidence_kind_name(4), "") && str_is(digicat_relation_name(3), ""));
  CHECK(str_is(digicat_policy_name(UINT32_MAX), "") && str_is(digicat_edition_name(3), ""));
  CHECK(digicat_policy_parse(LIT("strict"), &p) == DIGICAT_RC_OK && p == DIGICAT_POLICY_STRICT);
  CHECK(digicat_policy_parse(LIT(" standard "), &p) == DIGICAT_RC_OK &&
        p == DIGICAT_POLICY_STANDARD);
  p = DIGICAT_POLICY_STRICT;
  CHECK(digicat_policy_parse(LIT("loose"), &p) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_policy_parse(NULL, 0, &p) == DIGICAT_RC_INVALID_OPTION);
  CHECK(p == DIGICAT_POLICY_STRICT); /* untouched on failure */
  CHECK(digicat_policy_parse(NULL, 3, &p) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_policy_parse(LIT("strict"), NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_policy_parse(LIT("\xff"), &p) == DIGICAT_RC_INVALID_UTF8);
  CHECK(digicat_edition_parse(LIT("2011"), &ed) == DIGICAT_RC_OK && ed == DIGICAT_EDITION_GBT2011);
  CHECK(digicat_edition_parse(LIT("2017"), &ed) == DIGICAT_RC_OK && ed == DIGICAT_EDITION_GBT2017);
  CHECK(digicat_edition_parse(LIT("auto"), &ed) == DIGICAT_RC_OK && ed == DIGICAT_EDITION_AUTO);
  CHECK(digicat_edition_parse(LIT("2002"), &ed) == DIGICAT_RC_INVALID_OPTION);
  CHECK(digicat_edition_parse(LIT("auto"), NULL) == DIGICAT_RC_NULL_PARAMETER);
}

/* Everything read from a result stays valid after the result is freed (valgrind and ASan
 * would report a read of freed memory here). */
static void test_use_after_free_by_design(void) {
  digicat_result *r = classify_ok(LIT("6513"), LIT("提供计算机视听觉软件"), NULL);
  const digicat_industry *ind = NULL;
  const digicat_row *row = NULL;
  digicat_evidence ev;
  digicat_status s;
  digicat_str status_name, industry_name;
  digicat_code_error *e = NULL;
  digicat_str kind;
  CHECK(digicat_result_industry(r, 0, &ind) == DIGICAT_RC_OK);
  CHECK(digicat_result_row(r, 0, &row) == DIGICAT_RC_OK);
  CHECK(digicat_result_evidence(r, 0, &ev) == DIGICAT_RC_OK);
  CHECK(digicat_result_status(r, &s) == DIGICAT_RC_OK);
  status_name = digicat_status_name(s);
  industry_name = digicat_industry_name(ind);
  digicat_result_free(r);
  CHECK(str_is(status_name, "in_scope"));
  CHECK(str_is(industry_name, "人工智能软件开发"));
  CHECK(digicat_industry_id(ind) == 3 && str_is(digicat_row_id(row), "3.2"));
  CHECK(str_is(ev.text, "计算机视听觉软件") && ev.start == 6 && ev.row == row);
  CHECK(str_is(digicat_row_name(ev.row), "应用软件开发"));

  CHECK(digicat_classify(LIT("9999"), NULL, 0, NULL, &r, &e) == DIGICAT_RC_INVALID_CODE);
  kind = digicat_code_error_kind(e);
  digicat_code_error_free(e);
  CHECK(str_is(kind, "unknown_code"));
}

static void test_catalogue(void) {
  size_t i, j, n = digicat_industry_count(), rows = digicat_row_count();
  size_t products = digicat_product_count(), listed = 0;
  const digicat_industry *ind = NULL;
  const digicat_row *row = NULL;
  const digicat_product *prod = NULL;
  char local[64] = {0};
  CHECK(n == 9 && rows == 30 && products > 0);
  for (i = 0; i < n; i++) {
    CHECK(digicat_industry_get(i, &ind) == DIGICAT_RC_OK);
    CHECK(digicat_industry_id(ind) == i + 1);
    CHECK(digicat_industry_name(ind).len > 0);
    CHECK(digicat_industry_category_id(ind) == 1 || digicat_industry_category_id(ind) == 2);
    CHECK(digicat_industry_category_name(ind).len > 0);
  }
  CHECK(digicat_industry_get(n, &ind) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_industry_get(0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  for (i = 0; i < rows; i++) {
    const digicat_row *found = NULL;
    digicat_str id;
    size_t np;
    CHECK(digicat_row_get(i, &row) == DIGICAT_RC_OK);
    id = digicat_row_id(row);
    CHECK(digicat_row_find(id.data, id.len, &found) == DIGICAT_RC_OK && found == row);
    CHECK(digicat_row_name(row).len > 0);
    CHECK(digicat_row_code(row) >= 1000 && digicat_row_code(row) <= 9999);
    ind = digicat_row_industry(row);
    CHECK(ind != NULL && id.len >= 3 && (size_t)(id.data[0] - '0') == digicat_industry_id(ind));
    np = digicat_row_product_count(row);
    /* Starred rows list products, except an inferred one (not printed; products not published),
     * which says why in its note. */
    CHECK((digicat_row_is_partial(row) && !digicat_row_is_inferred(row)) == (np > 0));
    CHECK(digicat_row_is_inferred(row) == (digicat_row_note(row).len > 0));
    for (j = 0; j < np; j++) {
      CHECK(digicat_row_product(row, j, &prod) == DIGICAT_RC_OK);
      CHECK(digicat_product_row(prod) == row && digicat_product_name(prod).len > 0);
    }
    CHECK(digicat_row_product(row, np, &prod) == DIGICAT_RC_OUT_OF_RANGE);
    listed += np;
  }
  CHECK(listed == products);
  CHECK(digicat_row_get(rows, &row) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_row_get(SIZE_MAX, &row) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_row_get(0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  for (i = 0; i < products; i++) {
    CHECK(digicat_product_get(i, &prod) == DIGICAT_RC_OK && digicat_product_row(prod) != NULL);
    CHECK(digicat_product_note(prod).data != NULL);
  }
  CHECK(digicat_product_get(products, &prod) == DIGICAT_RC_OUT_OF_RANGE);
  CHECK(digicat_product_get(0, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_row_find(LIT("3.2"), &row) == DIGICAT_RC_OK);
  CHECK(str_is(digicat_row_name(row), "应用软件开发") && digicat_row_code(row) == 6513);
  CHECK(digicat_row_find(LIT("9.9"), &row) == DIGICAT_RC_NOT_FOUND);
  CHECK(digicat_row_find(NULL, 0, &row) == DIGICAT_RC_NOT_FOUND);
  CHECK(digicat_row_find(NULL, 3, &row) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_row_find(LIT("3.2"), NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_row_find(LIT("3.\xff"), &row) == DIGICAT_RC_INVALID_UTF8);
  CHECK(digicat_row_is_partial(row)); /* still 3.2: untouched by the failures */
  CHECK(!digicat_row_is_inferred(row) && digicat_row_note(row).len == 0);
  CHECK(digicat_row_find(LIT("4.7"), &row) == DIGICAT_RC_OK);
  CHECK(str_is(digicat_row_name(row), "呼叫中心") && digicat_row_code(row) == 6591);
  CHECK(digicat_row_is_partial(row) && digicat_row_is_inferred(row));
  CHECK(digicat_row_product_count(row) == 0 && digicat_row_note(row).len > 0);

  /* NULL and pointers that are not catalogue objects: neutral answers, nothing is read. */
  CHECK(digicat_industry_id(NULL) == 0 && digicat_industry_name(NULL).len == 0);
  CHECK(digicat_industry_category_id(NULL) == 0 && digicat_industry_category_name(NULL).len == 0);
  CHECK(digicat_row_id(NULL).len == 0 && digicat_row_name(NULL).len == 0);
  CHECK(digicat_row_code(NULL) == 0 && !digicat_row_is_partial(NULL));
  CHECK(!digicat_row_is_inferred(NULL) && digicat_row_note(NULL).len == 0);
  CHECK(digicat_row_industry(NULL) == NULL && digicat_row_product_count(NULL) == 0);
  CHECK(digicat_row_product(NULL, 0, &prod) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_product_name(NULL).len == 0 && digicat_product_note(NULL).len == 0);
  CHECK(digicat_product_row(NULL) == NULL);
  CHECK(digicat_industry_id((const digicat_industry *)local) == 0);
  CHECK(digicat_row_name((const digicat_row *)local).len == 0);
  CHECK(digicat_product_row((const digicat_product *)local) == NULL);
  CHECK(digicat_industry_get(0, &ind) == DIGICAT_RC_OK);
  CHECK(digicat_industry_id((const digicat_industry *)((const char *)ind + 1)) == 0);
  CHECK(digicat_row_id((const digicat_row *)ind).len == 0); /* an industry is not a row */
}

static void test_gbt_names(void) {
  digicat_str name = {NULL, 0};
  digicat_code_error *e = (digicat_code_error *)&e;
  CHECK(digicat_gbt_name(LIT("6513"), &name, &e) == DIGICAT_RC_OK);
  CHECK(str_is(name, "应用软件开发") && e == NULL);
  CHECK(digicat_gbt_name(LIT("I6513"), &name, NULL) == DIGICAT_RC_OK);
  CHECK(str_is(name, "应用软件开发"));
  CHECK(digicat_gbt_name(LIT("６５２０"), &name, NULL) == DIGICAT_RC_OK);
  CHECK(str_is(name, "集成电路设计"));
  CHECK(digicat_gbt_name(LIT("65"), &name, NULL) == DIGICAT_RC_OK && name.len > 0);
  CHECK(digicat_gbt_name(LIT("9999"), &name, &e) == DIGICAT_RC_NOT_FOUND && e == NULL);
  CHECK(digicat_gbt_name(LIT("65x"), &name, &e) == DIGICAT_RC_INVALID_CODE);
  CHECK(str_is(digicat_code_error_kind(e), "malformed_code"));
  digicat_code_error_free(e);
  CHECK(digicat_gbt_name(NULL, 0, &name, &e) == DIGICAT_RC_INVALID_CODE);
  CHECK(str_is(digicat_code_error_kind(e), "empty_code"));
  digicat_code_error_free(e);
  CHECK(digicat_gbt_name(LIT("C6513"), &name, NULL) == DIGICAT_RC_INVALID_CODE);
  CHECK(digicat_gbt_name(NULL, 2, &name, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_gbt_name(LIT("6513"), NULL, NULL) == DIGICAT_RC_NULL_PARAMETER);
  CHECK(digicat_gbt_name(LIT("65\xff"), &name, NULL) == DIGICAT_RC_INVALID_UTF8);
  CHECK(digicat_gbt_name("6513", SIZE_MAX, &name, NULL) == DIGICAT_RC_INVALID_LENGTH);
}

int main(void) {
  test_version();
  test_classify();
  test_absent_and_null();
  test_indexes();
  test_invalid_utf8();
  test_embedded_nul();
  test_huge_inputs();
  test_code_errors();
  test_rc_messages();
  test_enum_names();
  test_use_after_free_by_design();
  test_catalogue();
  test_gbt_names();
  return check_report("api");
}
