// ReservedVector: a growable array in one reserved range of virtual address space. Growing
// commits more pages of the range and never moves elements (references stay valid), never
// needs an old and a doubled new buffer at once, and indexing is one address computation:
// the stores of tokens, fact records and activations, read on every join step.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace maslahat::support {

/// Address space reserved but not committed (no memory is used until committed).
class AddressRange {
public:
    AddressRange() = default;
    AddressRange(const AddressRange&) = delete;
    AddressRange& operator=(const AddressRange&) = delete;
    AddressRange(AddressRange&& other) noexcept {
        swap(other);
    }
    AddressRange& operator=(AddressRange&& other) noexcept {
        AddressRange gone(std::move(other));
        swap(gone);
        return *this;
    }
    ~AddressRange();

    void* data() const {
        return base_;
    }
    std::size_t committed() const {
        return committed_;
    }
    /// Makes the first `bytes` usable, reserving the range on first use; throws
    /// std::bad_alloc when the system refuses.
    void commit(std::size_t bytes);

private:
    void swap(AddressRange& other) noexcept {
        std::swap(base_, other.base_);
        std::swap(reserved_, other.reserved_);
        std::swap(committed_, other.committed_);
    }
    void* base_ = nullptr;
    std::size_t reserved_ = 0;
    std::size_t committed_ = 0;
};

template <typename T>
class ReservedVector {
public:
    ReservedVector() = default;
    ReservedVector(const ReservedVector&) = delete;
    ReservedVector& operator=(const ReservedVector&) = delete;
    ReservedVector(ReservedVector&& other) noexcept
        : range_(std::move(other.range_)), size_(std::exchange(other.size_, 0)) {}
    ReservedVector& operator=(ReservedVector&& other) noexcept {
        if (this != &other) {
            destroy();
            range_ = std::move(other.range_);
            size_ = std::exchange(other.size_, 0);
        }
        return *this;
    }
    ~ReservedVector() {
        destroy();
    }

    T& operator[](std::size_t i) {
        return data()[i];
    }
    const T& operator[](std::size_t i) const {
        return data()[i];
    }
    std::size_t size() const {
        return size_;
    }
    bool empty() const {
        return size_ == 0;
    }
    /// Appends a default-constructed element and returns it.
    T& emplace_back() {
        if ((size_ + 1) * sizeof(T) > range_.committed()) {
            range_.commit((size_ + 1) * sizeof(T));
        }
        T* slot = ::new (static_cast<void*>(data() + size_)) T();
        ++size_;
        return *slot;
    }
    /// Grows to at least n elements (never shrinks).
    void grow_to(std::size_t n) {
        while (size_ < n) {
            emplace_back();
        }
    }

private:
    T* data() const {
        return static_cast<T*>(range_.data());
    }
    void destroy() {
        if constexpr (!std::is_trivially_destructible_v<T>) {
            for (std::size_t i = 0; i < size_; ++i) {
                data()[i].~T();
            }
        }
        size_ = 0;
    }

    AddressRange range_;
    std::size_t size_ = 0;
};

}  // namespace maslahat::support
