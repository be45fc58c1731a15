/* See support.h. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long passed, failed;

void check_at(int ok, const char *what, const char *file, int line) {
  if (ok) {
    passed++;
  } else {
    failed++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
  }
}

int check_report(const char *name) {
  printf("%s: %lu passed, %lu failed\n", name, passed, failed);
  return failed == 0 && passed > 0 ? 0 : 1;
}

void *xmalloc(size_t n) {
  void *p = malloc(n == 0 ? 1 : n);
  if (p == NULL) {
    fprintf(stderr, "out of memory\n");
    exit(2);
  }
  return p;
}

void sb_init(sbuf *b) {
  b->cap = 64;
  b->len = 0;
  b->data = (char *)xmalloc(b->cap);
  b->data[0] = '\0';
}

void sb_free(sbuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

void sb_clear(sbuf *b) {
  b->len = 0;
  b->data[0] = '\0';
}

void sb_add(sbuf *b, const char *p, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap;
    char *grown;
    while (b->len + n + 1 > cap) cap *= 2;
    grown = (char *)xmalloc(cap);
    memcpy(grown, b->data, b->len);
    free(b->data);
    b->data = grown;
    b->cap = cap;
  }
  if (n > 0) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void sb_adds(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

void sb_addstr(sbuf *b, digicat_str s) { sb_add(b, s.data, s.len); }

void sb_addu(sbuf *b, unsigned long v) {
  char tmp[32];
  int n = sprintf(tmp, "%lu", v);
  sb_add(b, tmp, (size_t)n);
}

int str_is(digicat_str s, const char *c) {
  size_t n = strlen(c);
  return s.data != NULL && s.len == n && memcmp(s.data, c, n) == 0;
}

static void die(const char *path, size_t line, const char *why) {
  fprintf(stderr, "%s:%lu: %s\n", path, (unsigned long)line, why);
  exit(2);
}

size_t load_table(const char *path, size_t fields, char **text_out, vector **vectors_out) {
  FILE *f = fopen(path, "rb");
  sbuf text;
  char chunk[4096];
  size_t n, count = 0, cap = 16, line_no = 0;
  int header_seen = 0;
  char *p, *end;
  vector *vs;
  if (fields == 0 || fields > VECTOR_FIELDS) die(path, 0, "bad field count");
  if (f == NULL) die(path, 0, "cannot open");
  sb_init(&text);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&text, chunk, n);
  if (ferror(f)) die(path, 0, "cannot read");
  fclose(f);
  vs = (vector *)xmalloc(cap * sizeof *vs);
  p = text.data;
  end = text.data + text.len;
  while (p < end) {
    char *eol = (char *)memchr(p, '\n', (size_t)(end - p));
    char *stop = eol != NULL ? eol : end;
    char *q = p;
    vector v;
    size_t i = 0;
    line_no++;
    if (stop > p && stop[-1] == '\r') die(path, line_no, "CRLF line ending");
    if (stop == p || *p == '#') {
      p = stop + (eol != NULL);
      continue;
    }
    for (;;) {
      char *tab = (char *)memchr(q, '\t', (size_t)(stop - q));
      char *fend = tab != NULL ? tab : stop;
      if (i == fields) die(path, line_no, "too many fields");
      v.f[i].p = q;
      v.f[i].n = (size_t)(fend - q);
      i++;
      if (tab == NULL) break;
      q = tab + 1;
    }
    if (i != fields) die(path, line_no, "too few fields");
    v.line = line_no;
    p = stop + (eol != NULL);
    if (!header_seen) {
      if (v.f[0].n != 2 || memcmp(v.f[0].p, "id", 2) != 0) die(path, line_no, "header expected");
      header_seen = 1;
      continue;
    }
    if (count == cap) {
      vector *grown = (vector *)xmalloc(2 * cap * sizeof *vs);
      memcpy(grown, vs, cap * sizeof *vs);
      free(vs);
      vs = grown;
      cap *= 2;
    }
    vs[count++] = v;
  }
  *text_out = text.data;
  *vectors_out = vs;
  return count;
}

size_t load_vectors(const char *path, char **text_out, vector **vectors_out) {
  return load_table(path, VECTOR_FIELDS, text_out, vectors_out);
}

void free_vectors(char *text, vector *vectors) {
  free(text);
  free(vectors);
}

/* Appends "a,b,c" style lists. */
static void sep(sbuf *b, size_t i, const char *s) {
  if (i > 0) sb_adds(b, s);
}

digicat_rc vector_answer(const vector *v, int spans, sbuf *out) {
  digicat_options options = {0, 0};
  digicat_result *result = NULL;
  digicat_code_error *error = NULL;
  digicat_rc rc;
  size_t i, j, n;
  sbuf seen; /* evidence items so far, each followed by '\n' */
  if (v->f[3].n > 0) {
    digicat_policy policy;
    if (digicat_policy_parse(v->f[3].p, v->f[3].n, &policy) != DIGICAT_RC_OK)
      return DIGICAT_RC_INVALID_OPTION;
    options.policy = policy;
  }
  if (v->f[4].n > 0) {
    digicat_edition edition;
    if (digicat_edition_parse(v->f[4].p, v->f[4].n, &edition) != DIGICAT_RC_OK)
      return DIGICAT_RC_INVALID_OPTION;
    options.edition = edition;
  }
  rc = digicat_classify(v->f[1].p, v->f[1].n, v->f[2].p, v->f[2].n, &options, &result, &error);
  if (rc == DIGICAT_RC_INVALID_CODE) {
    sb_addstr(out, digicat_status_name(DIGICAT_STATUS_INVALID));
    sb_adds(out, "\t");
    sb_addstr(out, digicat_code_error_kind(error));
    sb_adds(out, "\t\t\t");
    digicat_code_error_free(error);
    return rc;
  }
  if (rc != DIGICAT_RC_OK) return rc;
  {
    digicat_status status;
    digicat_reason reason;
    if (digicat_result_status(result, &status) != DIGICAT_RC_OK ||
        digicat_result_reason(result, &reason) != DIGICAT_RC_OK) {
      digicat_result_free(result);
      return DIGICAT_RC_PANIC;
    }
    sb_addstr(out, digicat_status_name(status));
    sb_adds(out, "\t");
    sb_addstr(out, digicat_reason_name(reason));
    sb_adds(out, "\t");
  }
  n = digicat_result_industry_count(result);
  for (i = 0; i < n; i++) {
    const digicat_industry *industry = NULL;
    sep(out, i, ",");
    if (digicat_result_industry(result, i, &industry) == DIGICAT_RC_OK)
      sb_addu(out, digicat_industry_id(industry));
  }
  sb_adds(out, "\t");
  n = digicat_result_row_count(result);
  for (i = 0; i < n; i++) {
    const digicat_row *row = NULL;
    sep(out, i, ",");
    if (digicat_result_row(result, i, &row) == DIGICAT_RC_OK) sb_addstr(out, digicat_row_id(row));
  }
  sb_adds(out, "\t");
  sb_init(&seen);
  n = digicat_result_evidence_count(result);
  for (i = j = 0; i < n; i++) {
    digicat_evidence e;
    size_t mark = seen.len;
    if (digicat_result_evidence(result, i, &e) != DIGICAT_RC_OK) continue;
    sb_addstr(&seen, digicat_evidence_kind_name(e.kind));
    sb_adds(&seen, ":");
    sb_addstr(&seen, e.text);
    if (spans) {
      sb_adds(&seen, "/");
      sb_addstr(&seen, digicat_relation_name(e.relation));
      sb_adds(&seen, "@");
      sb_addu(&seen, (unsigned long)e.start);
      sb_adds(&seen, "-");
      sb_addu(&seen, (unsigned long)e.end);
      sb_adds(&seen, "#");
      sb_addstr(&seen, digicat_row_id(e.row));
    }
    sb_adds(&seen, "\n");
    {
      /* Distinct items only: skip when the same line is already in `seen`. */
      size_t item_len = seen.len - mark;
      const char *item = seen.data + mark;
      const char *s = seen.data;
      int dup = 0;
      while (s < item) {
        const char *nl = (const char *)memchr(s, '\n', (size_t)(item - s));
        if ((size_t)(nl + 1 - s) == item_len && memcmp(s, item, item_len) == 0) dup = 1;
        s = nl + 1;
      }
      if (dup) {
        seen.len = mark;
        seen.data[mark] = '\0';
        continue;
      }
      sep(out, j++, " | ");
      sb_add(out, item, item_len - 1);
    }
  }
  sb_free(&seen);
  digicat_result_free(result);
  return rc;
}
