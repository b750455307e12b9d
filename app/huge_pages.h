#pragma once
// A command on large inputs runs with glibc's malloc asking the kernel for transparent huge pages
// (GLIBC_TUNABLES glibc.malloc.hugetlb=1, glibc 2.35 and later): its heap is then faulted in 2 MiB at a
// time rather than 4 KiB. On a virtual machine a page fault costs about 9 µs: the national classify took
// 8,200 of them, 40 % of its CPU time, and the national import 76,000. glibc reads its tunables once, when
// the process starts: the executable starts itself again with the tunable set, before anything is read.
// Only where the files named weigh 16 MiB or more (a dataset, the files of an import: national commands
// 20-30 % less CPU, 1-2 % more memory) and not where the system has huge pages off. Not for the national
// classify from its two tables (2.3 MB: 25 % less CPU, but 8 % more memory, twice sqlite3's). Anyone
// may still choose: GLIBC_TUNABLES=glibc.malloc.hugetlb=0 runs any command as it is (under valgrind,
// which stops following a program when it starts itself again).
#include <cstdint>
#include <string>
#include <vector>

namespace maillage::app {

//! The weight of the files named from which a command runs with huge pages.
inline constexpr std::uintmax_t kHugePagesInputs = 16u << 20;

//! Bytes of the regular files that `args` name (an argument, the value of --option=VALUE, or a path
//! followed by :YEAR as --professionals takes it), each file counted once.
std::uintmax_t namedFilesSize(const std::vector<std::string>& args);

//! Whether a command whose files weigh `inputs` bytes should start again with huge pages: inputs of
//! kHugePagesInputs or more, `thpEnabled` (the content of /sys/kernel/mm/transparent_hugepage/enabled)
//! not set to never, and `tunables` (GLIBC_TUNABLES, null when unset) not already saying how malloc uses
//! huge pages (the user's choice, or this process started again).
bool wantsHugePages(std::uintmax_t inputs, const std::string& thpEnabled, const char* tunables);

//! `tunables` (null when unset) with malloc's huge pages asked.
std::string withHugePages(const char* tunables);

//! Starts this executable again with `argv` and huge pages when wantsHugePages() says so for this
//! system and these arguments; returns (and the command runs as it is) when it should not or cannot.
void startAgainWithHugePagesIfWorthIt(int argc, char** argv);

} // namespace maillage::app
