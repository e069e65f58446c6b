#include "support/reserved_vector.hpp"

#include <algorithm>
#include <sys/mman.h>
#include <unistd.h>

namespace maslahat::support {
namespace {
/// What a store may grow to: 32 GiB of address space (a fraction of what x86-64 gives a
/// process), less where the system allows less; nothing is used until committed.
constexpr std::size_t most = std::size_t{1} << 35;
constexpr std::size_t least = std::size_t{1} << 24;

std::size_t page_size() {
    static const auto size = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    return size;
}
}  // namespace

AddressRange::~AddressRange() {
    if (base_ != nullptr) {
        munmap(base_, reserved_);
    }
}

void AddressRange::commit(std::size_t bytes) {
    if (bytes <= committed_) {
        return;
    }
    if (base_ == nullptr) {
        // PROT_NONE costs no memory and counts against no commit limit
        for (std::size_t size = most; size >= least; size /= 2) {
            void* p =
                mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (p != MAP_FAILED) {
                base_ = p;
                reserved_ = size;
                break;
            }
        }
        if (base_ == nullptr) {
            throw std::bad_alloc();
        }
    }
    // commit in doubling steps (at least 64 KiB): few system calls as a store grows
    const std::size_t page = page_size();
    std::size_t target = std::max({bytes, committed_ * 2, std::size_t{1} << 16});
    target = std::min((target + page - 1) / page * page, reserved_);
    if (target < bytes || mprotect(static_cast<char*>(base_) + committed_, target - committed_,
                                   PROT_READ | PROT_WRITE) != 0) {
        throw std::bad_alloc();
    }
    committed_ = target;
}

}  // namespace maslahat::support
