# Sanitizer and fuzzing builds, each in its own build folder (see .ci/run and tests/fuzz/README.md):
#   -DMAILLAGE_SANITIZERS=address,undefined   AddressSanitizer + UBSan over the engine, the CLI and the tests
#   -DMAILLAGE_BUILD_FUZZERS=ON               libFuzzer targets (Clang only), built with the sanitizers above
set(MAILLAGE_SANITIZERS "" CACHE STRING "Comma-separated -fsanitize= list for the whole build (e.g. address,undefined)")
option(MAILLAGE_BUILD_FUZZERS "Build the libFuzzer targets of tests/fuzz (Clang)" OFF)

if(MAILLAGE_BUILD_FUZZERS AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "MAILLAGE_BUILD_FUZZERS needs Clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++-14")
endif()

if(MAILLAGE_SANITIZERS)
  # No recovery: the first report fails the test, as CI must see it.
  add_compile_options(-fsanitize=${MAILLAGE_SANITIZERS} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${MAILLAGE_SANITIZERS})
endif()
if(MAILLAGE_BUILD_FUZZERS)
  # Coverage instrumentation everywhere; only the fuzz executables link libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
