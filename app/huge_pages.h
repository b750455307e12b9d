#pragma once
// The desktop application, and a command on large inputs, run with glibc's malloc asking the kernel for
// transparent huge pages (GLIBC_TUNABLES glibc.malloc.hugetlb=1, glibc 2.35 and later): their heap is then
// faulted in 2 MiB at a time rather than 4 KiB. On a virtual machine a page fault costs about 9 µs: the
// national classify took 8,200 of them, 40 % of its CPU time, the national import 76,000, the desktop's
// opening of the national dataset about 100,000 (390 MiB). glibc reads its tunables once, when the process
// starts: the executable starts itself again with the tunable set, before anything is read. Commands only
// where the files named weigh 16 MiB or more (a dataset, the files of an import: national commands 20-30 %
// less CPU, 1-2 % more memory); not the national classify from its two tables (2.3 MB: 25 % less CPU, but
// 8 % more memory, twice sqlite3's). Never where the system has huge pages off. Anyone may still choose:
// GLIBC_TUNABLES=glibc.malloc.hugetlb=0 runs as before (under valgrind, which stops following a program
// that starts itself again).
#include <cstdint>
#include <string>
#include <vector>

namespace maillage::app {

//! The weight of the files named from which a command runs with huge pages.
inline constexpr std::uintmax_t kHugePagesInputs = 16u << 20;

//! The path an argument names: the argument, or the value of -option=VALUE / --option=VALUE.
std::string argumentPath(const std::string& arg);

//! Bytes of the regular files that `args` name (an argument, the value of --option=VALUE, or a path
//! followed by :YEAR as --professionals takes it), each file counted once.
std::uintmax_t namedFilesSize(const std::vector<std::string>& args);

//! Whether malloc may be asked for huge pages: `thpEnabled` (the content of
//! /sys/kernel/mm/transparent_hugepage/enabled) not set to never, and `tunables` (GLIBC_TUNABLES, null
//! when unset) not already saying how malloc uses them (the user's choice, or this process started again).
bool hugePagesAvailable(const std::string& thpEnabled, const char* tunables);

//! Whether a command whose files weigh `inputs` bytes should start again with huge pages: inputs of
//! kHugePagesInputs or more, and hugePagesAvailable().
bool wantsHugePages(std::uintmax_t inputs, const std::string& thpEnabled, const char* tunables);

//! `tunables` (null when unset) with malloc's huge pages asked.
std::string withHugePages(const char* tunables);

//! Starts this executable again with `argv` and huge pages when hugePagesAvailable() on this system;
//! returns (and the program runs as it is) when they are not or it cannot start again.
void startAgainWithHugePages(char** argv);

//! startAgainWithHugePages() for a command, when wantsHugePages() says so for these arguments.
void startAgainWithHugePagesIfWorthIt(int argc, char** argv);

} // namespace maillage::app
