/* classify: reads "code<TAB>text" lines from standard input and prints one classification per
 * line, tab-separated:
 *
 *   line  status  reason  industries  rows  evidence  error
 *
 * industries: "3 人工智能软件开发; 1 ..." (id and name); rows: catalogue row ids "3.2,1.3";
 * evidence: "product:计算机视听觉软件@0-24" items (kind, catalogue term, byte span in the text)
 * joined by "; " (a term that counts for several rows is listed once). For a code that cannot be
 * read the status is "invalid", the reason is the error kind and the last column the message.
 * A line without a tab is a code alone. Usage: classify [standard|strict [auto|2017|2011]]
 *
 * Build: cc classify.c $(pkg-config --cflags --libs digicat) -o classify */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <digicat.h>

static void print_str(digicat_str s) { fwrite(s.data, 1, s.len, stdout); }

/* Prints the message of a digicat_rc. */
static void print_rc(const char *what, digicat_rc rc) {
  char buf[256];
  digicat_rc_message(rc, buf, sizeof buf, NULL);
  fprintf(stderr, "classify: %s: %s\n", what, buf);
}

static int print_result(const digicat_result *result) {
  digicat_status status;
  digicat_reason reason;
  digicat_evidence prev;
  size_t i, n;
  memset(&prev, 0, sizeof prev);
  if (digicat_result_status(result, &status) != DIGICAT_RC_OK ||
      digicat_result_reason(result, &reason) != DIGICAT_RC_OK)
    return 1;
  print_str(digicat_status_name(status));
  putchar('\t');
  print_str(digicat_reason_name(reason));
  putchar('\t');
  n = digicat_result_industry_count(result);
  for (i = 0; i < n; i++) {
    const digicat_industry *industry;
    if (digicat_result_industry(result, i, &industry) != DIGICAT_RC_OK) return 1;
    printf("%s%u ", i > 0 ? "; " : "", (unsigned)digicat_industry_id(industry));
    print_str(digicat_industry_name(industry));
  }
  putchar('\t');
  n = digicat_result_row_count(result);
  for (i = 0; i < n; i++) {
    const digicat_row *row;
    if (digicat_result_row(result, i, &row) != DIGICAT_RC_OK) return 1;
    if (i > 0) putchar(',');
    print_str(digicat_row_id(row));
  }
  putchar('\t');
  n = digicat_result_evidence_count(result);
  for (i = 0; i < n; i++) {
    digicat_evidence e;
    if (digicat_result_evidence(result, i, &e) != DIGICAT_RC_OK) return 1;
    /* A match naming several rows gives one item per row, one after the other. */
    if (i > 0 && e.start == prev.start && e.end == prev.end && e.kind == prev.kind &&
        e.text.data == prev.text.data)
      continue;
    prev = e;
    if (i > 0) fputs("; ", stdout);
    print_str(digicat_evidence_kind_name(e.kind));
    putchar(':');
    print_str(e.text);
    printf("@%lu-%lu", (unsigned long)e.start, (unsigned long)e.end);
  }
  fputs("\t\n", stdout);
  return 0;
}

static int print_error(const digicat_code_error *error) {
  size_t n = 0;
  char *message;
  fputs("invalid\t", stdout);
  print_str(digicat_code_error_kind(error));
  fputs("\t\t\t\t", stdout);
  /* Ask for the length first, then fetch the whole message. */
  digicat_code_error_message(error, NULL, 0, &n);
  message = (char *)malloc(n + 1);
  if (message == NULL) return 1;
  if (digicat_code_error_message(error, message, n + 1, NULL) == DIGICAT_RC_OK)
    fputs(message, stdout);
  free(message);
  putchar('\n');
  return 0;
}

int main(int argc, char **argv) {
  digicat_options options = {DIGICAT_POLICY_STANDARD, DIGICAT_EDITION_AUTO};
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  unsigned long line_no = 0;
  int failed = 0;
  if (argc > 1) {
    digicat_policy policy;
    digicat_rc rc = digicat_policy_parse(argv[1], strlen(argv[1]), &policy);
    if (rc != DIGICAT_RC_OK) {
      print_rc(argv[1], rc);
      return 2;
    }
    options.policy = policy;
  }
  if (argc > 2) {
    digicat_edition edition;
    digicat_rc rc = digicat_edition_parse(argv[2], strlen(argv[2]), &edition);
    if (rc != DIGICAT_RC_OK) {
      print_rc(argv[2], rc);
      return 2;
    }
    options.edition = edition;
  }
  while ((len = getline(&line, &cap, stdin)) != -1) {
    size_t n = (size_t)len, code_len;
    char *tab;
    const char *text = NULL;
    size_t text_len = 0;
    digicat_result *result = NULL;
    digicat_code_error *error = NULL;
    digicat_rc rc;
    line_no++;
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
    /* Pointer + length: the line need not be NUL-terminated where the fields end. */
    tab = (char *)memchr(line, '\t', n);
    code_len = tab != NULL ? (size_t)(tab - line) : n;
    if (tab != NULL) {
      text = tab + 1;
      text_len = n - code_len - 1;
    }
    rc = digicat_classify(line, code_len, text, text_len, &options, &result, &error);
    printf("%lu\t", line_no);
    if (rc == DIGICAT_RC_OK) {
      failed |= print_result(result);
      digicat_result_free(result);
    } else if (rc == DIGICAT_RC_INVALID_CODE) {
      failed |= print_error(error);
      digicat_code_error_free(error);
    } else {
      /* e.g. invalid UTF-8: say so and go on with the next line. */
      char buf[256];
      digicat_rc_message(rc, buf, sizeof buf, NULL);
      printf("error\t\t\t\t\t%s\n", buf);
    }
  }
  free(line);
  if (ferror(stdin)) {
    perror("classify: stdin");
    return 1;
  }
  return failed;
}
