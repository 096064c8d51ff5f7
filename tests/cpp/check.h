// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The observer developers
//
// The smallest test harness that does the job: CHECK/CHECK_EQ report the failing expression
// with both values and keep going; main returns report(), non-zero if any check failed.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace check {

inline int failures = 0;
inline int checks = 0;

inline void fail(const char* file, int line, const char* expr, const std::string& detail) {
  ++failures;
  std::fprintf(stderr, "%s:%d: CHECK(%s) failed%s%s\n", file, line, expr,
               detail.empty() ? "" : ": ", detail.c_str());
}

inline std::string show(std::string_view v) { return "\"" + std::string(v) + "\""; }
inline std::string show(const std::string& v) { return show(std::string_view(v)); }
inline std::string show(const char* v) { return show(std::string_view(v)); }
template <class T>
std::string show(const T& v) {
  return std::to_string(v);
}

template <class A, class B>
void equal(const char* file, int line, const char* expr, const A& a, const B& b) {
  ++checks;
  if (!(a == b)) fail(file, line, expr, show(a) + " != " + show(b));
}

inline int report(const char* suite) {
  std::printf("%s: %d checks, %d failed\n", suite, checks, failures);
  return failures ? 1 : 0;
}

}  // namespace check

#define CHECK(cond)                                                 \
  do {                                                              \
    ++check::checks;                                                \
    if (!(cond)) check::fail(__FILE__, __LINE__, #cond, std::string()); \
  } while (0)
#define CHECK_EQ(a, b) check::equal(__FILE__, __LINE__, #a " == " #b, (a), (b))
