// gen_tables_doc [OUT]: writes docs/tables.md (to OUT, or stdout) from the schema/ declarations.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "schema/tables_doc.h"

int main(int argc, char** argv) {
  const std::string md = igodbc::schema::tablesMarkdown();
  if (argc < 2) {
    std::cout << md;
    return 0;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << md;
  if (!out) {
    std::fprintf(stderr, "gen_tables_doc: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
