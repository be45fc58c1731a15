/* classify: reads "code<TAB>text" lines from standard input and writes a tab-separated table:
 * a header, then one row per input line, in order, none left out:
 *
 *   line  status  reason  industries  industry_names  rows  evidence  error
 *
 * "line" is the input line number (lines end with LF, CRLF or CR, as the CLI counts them); the
 * other seven are the batch columns of the digicat CLI and
 * of Python's classify_frame, names and values taken from the library
 * (digicat_report_column_name, digicat_result_report_field, digicat_code_error_report_field_lang),
 * so this tool writes exactly what they write. A code that cannot be read gives status
 * "invalid", its error kind as reason and its message in "error". A line that is not valid
 * UTF-8 gives status "invalid" with reason "invalid_encoding", the name the CLI gives
 * undecodable records. A line without a tab is a code alone. A blank line (or one of tabs and
 * spaces) and a "合计：9家"-style footer are not enterprises: status "skipped", reason
 * "blank_row" or "footer_row", decided by the library (digicat_report_skip_reason) as the CLI
 * and Python decide it.
 *
 * Usage: classify [standard|strict [auto|2017|2011 [en|zh]]]   (en|zh: the language of the
 * header, of the status and reason values and of the error messages, as the CLI's --lang)
 * Build: cc classify.c $(pkg-config --cflags --libs digicat) -o classify */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <digicat.h>

/* This tool's own reason for a line that is not valid UTF-8 (a problem of its input, not an
 * answer of the engine): the reason the digicat CLI reports for undecodable records. */
static const char REASON_INVALID_ENCODING[] = "invalid_encoding";

static void print_str(digicat_str s) { fwrite(s.data, 1, s.len, stdout); }

/* Prints the message of a digicat_rc to standard error. */
static void print_rc(const char *what, digicat_rc rc) {
  char buf[256];
  digicat_rc_message(rc, buf, sizeof buf, NULL);
  fprintf(stderr, "classify: %s: %s\n", what, buf);
}

/* The language of the header and of the status and reason values (argument 3). */
static digicat_lang g_lang = DIGICAT_LANG_EN;

/* Prints a status or reason code in g_lang: its Chinese label for zh (digicat_label, the
 * library's one table, as the CLI's --lang zh writes it), the code itself otherwise. */
static void print_code(const char *code, size_t n) {
  digicat_str label;
  if (digicat_label(code, n, g_lang, &label) == DIGICAT_RC_OK) {
    print_str(label);
  } else {
    fwrite(code, 1, n, stdout);
  }
}

/* A buffer for column values, grown when a value does not fit. */
typedef struct buffer {
  char *data;
  size_t cap;
} buffer;

/* Prints batch column `column` of a result, or of a code error when result is NULL. The first
 * call, with no buffer, asks for the length; the buffer is then grown to fit. 0 on success. */
static int print_field(const digicat_result *result, const digicat_code_error *error,
                       size_t column, buffer *b) {
  for (;;) {
    size_t n = 0;
    digicat_rc rc = result != NULL
                        ? digicat_result_report_field(result, column, b->data, b->cap, &n)
                        : digicat_code_error_report_field_lang(error, g_lang, column,
                                                               b->data, b->cap, &n);
    if (rc == DIGICAT_RC_OK) {
      if (column < 2) {
        print_code(b->data, n); /* status, reason */
      } else {
        fwrite(b->data, 1, n, stdout);
      }
      return 0;
    }
    if (rc != DIGICAT_RC_BUFFER_TOO_SMALL) {
      print_rc("column value", rc);
      return 1;
    }
    free(b->data);
    b->cap = n + 1;
    b->data = (char *)malloc(b->cap);
    if (b->data == NULL) {
      b->cap = 0;
      fputs("classify: out of memory\n", stderr);
      return 1;
    }
  }
}

/* Prints the seven batch columns of a result, or of a code error when result is NULL. */
static int print_fields(const digicat_result *result, const digicat_code_error *error,
                        buffer *b) {
  size_t column;
  for (column = 0; column < DIGICAT_REPORT_COLUMNS; column++) {
    putchar('\t');
    if (print_field(result, error, column, b) != 0) return 1;
  }
  return 0;
}

/* Reads one line of `in` into *line (grown as needed; *cap its size) without its end: LF, CRLF
 * or CR. Returns 1 with the length in *len, 0 at the end of the input (or on a read error: see
 * ferror), -1 when out of memory. */
static int read_line(FILE *in, char **line, size_t *cap, size_t *len) {
  int c;
  *len = 0;
  while ((c = getc(in)) != EOF) {
    if (c == '\n') return 1;
    if (c == '\r') {
      c = getc(in);
      if (c != '\n' && c != EOF) ungetc(c, in);
      return 1;
    }
    if (*len + 1 >= *cap) {
      size_t grown = *cap < 256 ? 256 : 2 * *cap;
      char *p = (char *)realloc(*line, grown);
      if (p == NULL) {
        fputs("classify: out of memory\n", stderr);
        return -1;
      }
      *line = p;
      *cap = grown;
    }
    (*line)[(*len)++] = (char)c;
  }
  return *len > 0;
}

/* Prints the columns of a row that is not an enterprise: status skipped, its reason, the other
 * columns empty. */
static void print_skipped(digicat_reason reason) {
  size_t column;
  putchar('\t');
  {
    digicat_str status = digicat_status_name(DIGICAT_STATUS_SKIPPED);
    digicat_str why = digicat_reason_name(reason);
    print_code(status.data, status.len);
    putchar('\t');
    print_code(why.data, why.len);
  }
  for (column = 2; column < DIGICAT_REPORT_COLUMNS; column++) putchar('\t');
}

/* Prints the columns of a line that is not valid UTF-8: status invalid, this tool's reason,
 * the library's message for the failure in the last column (error), the others empty. */
static void print_invalid_encoding(digicat_rc rc) {
  char message[256];
  size_t column;
  digicat_rc_message(rc, message, sizeof message, NULL);
  putchar('\t');
  {
    digicat_str status = digicat_status_name(DIGICAT_STATUS_INVALID);
    print_code(status.data, status.len);
  }
  putchar('\t');
  print_code(REASON_INVALID_ENCODING, strlen(REASON_INVALID_ENCODING));
  for (column = 2; column < DIGICAT_REPORT_COLUMNS - 1; column++) putchar('\t');
  printf("\t%s", message);
}

int main(int argc, char **argv) {
  digicat_options options = {DIGICAT_POLICY_STANDARD, DIGICAT_EDITION_AUTO};
  digicat_lang lang = DIGICAT_LANG_EN; /* copied to g_lang once parsed */
  buffer b = {NULL, 0};
  char *line = NULL;
  size_t cap = 0, len = 0, column;
  unsigned long line_no = 0;
  int failed = 0, got;
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
  if (argc > 3) {
    digicat_rc rc = digicat_lang_parse(argv[3], strlen(argv[3]), &lang);
    if (rc != DIGICAT_RC_OK) {
      print_rc(argv[3], rc);
      return 2;
    }
  }
  g_lang = lang;
  fputs("line", stdout);
  for (column = 0; column < DIGICAT_REPORT_COLUMNS; column++) {
    digicat_str name;
    if (digicat_report_column_name(lang, column, &name) != DIGICAT_RC_OK) return 1;
    putchar('\t');
    print_str(name);
  }
  putchar('\n');
  while (!failed && (got = read_line(stdin, &line, &cap, &len)) != 0) {
    size_t n = len, code_len;
    char *tab;
    const char *text = NULL;
    size_t text_len = 0;
    const char *fields[2];
    size_t lens[2];
    bool skip = false;
    digicat_reason skip_reason = DIGICAT_REASON_BLANK_ROW;
    digicat_result *result = NULL;
    digicat_code_error *error = NULL;
    digicat_rc rc;
    if (got < 0) {
      failed = 1;
      break;
    }
    line_no++;
    /* Pointer + length: the line need not be NUL-terminated where the fields end. */
    tab = n > 0 ? (char *)memchr(line, '\t', n) : NULL;
    code_len = tab != NULL ? (size_t)(tab - line) : n;
    if (tab != NULL) {
      text = tab + 1;
      text_len = n - code_len - 1;
    }
    fields[0] = line;
    lens[0] = code_len;
    fields[1] = text;
    lens[1] = text_len;
    printf("%lu", line_no);
    rc = digicat_report_skip_reason(fields, lens, 2, &skip, &skip_reason);
    if (rc == DIGICAT_RC_OK && skip) {
      print_skipped(skip_reason);
      putchar('\n');
      continue;
    }
    if (rc == DIGICAT_RC_OK) {
      rc = digicat_classify(line, code_len, text, text_len, &options, &result, &error);
    }
    if (rc == DIGICAT_RC_OK) {
      failed = print_fields(result, NULL, &b);
      digicat_result_free(result);
    } else if (rc == DIGICAT_RC_INVALID_CODE) {
      failed = print_fields(NULL, error, &b);
      digicat_code_error_free(error);
    } else if (rc == DIGICAT_RC_INVALID_UTF8) {
      print_invalid_encoding(rc);
    } else {
      /* Not a problem of the line (e.g. DIGICAT_RC_PANIC): stop rather than guess. */
      char where[64];
      sprintf(where, "line %lu", line_no);
      print_rc(where, rc);
      failed = 1;
    }
    putchar('\n');
  }
  free(line);
  free(b.data);
  if (ferror(stdin)) {
    perror("classify: stdin");
    return 1;
  }
  return failed;
}
