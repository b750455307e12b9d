#pragma once
// Memory mapped ahead of its first writes. Each page of a new heap block is mapped by a page fault on its
// first write; on a virtual machine a fault traps to the hypervisor and costs about 9 µs (perf:
// pvm_irq_enable), 40 % of the CPU time of `maillage classify` on the national tables (tests/bench/README.md,
// sessions 27 and 28). Mapped by one system call, the same pages cost a fraction of that.
#include <cstddef>
#include <vector>

namespace maillage::memory {

//! Maps now the whole pages of [data, data + bytes) that a caller is about to write (Linux 5.14's
//! MADV_POPULATE_WRITE): the same memory as the writes would map, without a page fault each. Blocks under
//! 64 KiB are left alone (a few faults, fewer than the call costs), and so is everything where the system
//! cannot do it (an older kernel, another system): the pages are then mapped by the writes, as before.
void prefault(void* data, std::size_t bytes) noexcept;

//! prefault() of the capacity of `v`, reserved for the elements about to be added.
template <typename T> void prefaultCapacity(std::vector<T>& v) noexcept {
    prefault(v.data(), v.capacity() * sizeof(T));
}

} // namespace maillage::memory
