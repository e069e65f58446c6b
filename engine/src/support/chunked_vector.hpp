// ChunkedVector: a growable array stored in fixed-size chunks. Growing never moves
// elements (references stay valid) and never needs the old and a doubled new buffer at
// once, so large stores of tokens and fact records grow without copying or 2x peaks.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace maslahat::support {

template <typename T, std::size_t ChunkBits = 10>
class ChunkedVector {
public:
    static constexpr std::size_t chunk_size = std::size_t{1} << ChunkBits;

    T& operator[](std::size_t i) {
        return chunks_[i >> ChunkBits][i & (chunk_size - 1)];
    }
    const T& operator[](std::size_t i) const {
        return chunks_[i >> ChunkBits][i & (chunk_size - 1)];
    }
    std::size_t size() const {
        return size_;
    }
    bool empty() const {
        return size_ == 0;
    }
    /// Appends a default-constructed element and returns it.
    T& emplace_back() {
        if (size_ == chunks_.size() * chunk_size) {
            chunks_.push_back(std::make_unique<T[]>(chunk_size));
        }
        return (*this)[size_++];
    }
    /// Grows to at least n elements (never shrinks).
    void grow_to(std::size_t n) {
        while (size_ < n) {
            emplace_back();
        }
    }

private:
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t size_ = 0;
};

}  // namespace maslahat::support
