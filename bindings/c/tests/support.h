/* Shared helpers of the C tests: checks with counters, a growable string, the shared vectors
 * (tests/vectors/classify.tsv) and one formatted answer per record. Valid C99 and C++11. */
#ifndef DIGICAT_TEST_SUPPORT_H
#define DIGICAT_TEST_SUPPORT_H

#include <stddef.h>

#include "digicat.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Records one check; prints the failing expression with its place. */
void check_at(int ok, const char *what, const char *file, int line);
#define CHECK(cond) check_at((cond) ? 1 : 0, #cond, __FILE__, __LINE__)
/* Prints "NAME: N passed, M failed" and returns the exit status (0 when nothing failed). */
int check_report(const char *name);

/* Allocation that exits on failure. */
void *xmalloc(size_t n);

/* A growable byte string, always NUL-terminated. */
typedef struct sbuf {
  char *data;
  size_t len;
  size_t cap;
} sbuf;
void sb_init(sbuf *b);
void sb_free(sbuf *b);
void sb_clear(sbuf *b);
void sb_add(sbuf *b, const char *p, size_t n);
void sb_adds(sbuf *b, const char *s);
void sb_addstr(sbuf *b, digicat_str s);
void sb_addu(sbuf *b, unsigned long v);

/* 1 when s holds exactly the NUL-terminated c. */
int str_is(digicat_str s, const char *c);

/* One line of a vectors file: its fields (10 in classify.tsv, fewer in other files) as pointer +
 * length into the file's text (not NUL-terminated: each is followed by a tab or a newline). */
enum { VECTOR_FIELDS = 10 };
typedef struct field {
  const char *p;
  size_t n;
} field;
typedef struct vector {
  field f[VECTOR_FIELDS];
  size_t line;
} vector;

/* Reads a vectors file of `fields` (at most VECTOR_FIELDS) tab-separated fields a line, after
 * '#' comments and a header whose first field is "id"; exits with a message when it is
 * malformed. Frees with free_vectors. */
size_t load_table(const char *path, size_t fields, char **text_out, vector **vectors_out);
/* load_table of tests/vectors/classify.tsv (VECTOR_FIELDS fields). */
size_t load_vectors(const char *path, char **text_out, vector **vectors_out);
void free_vectors(char *text, vector *vectors);

/* Classifies a vector and appends its answer in the file's format: status, reason, industries,
 * rows, evidence, tab-separated. With spans != 0 the evidence items also carry relation and
 * byte span (kind:text/relation@start-end, every item), for comparing runs exactly.
 * Returns the digicat_rc of digicat_classify. */
digicat_rc vector_answer(const vector *v, int spans, sbuf *out);

#ifdef __cplusplus
}
#endif

#endif
