// A folder under the system's temporary directory for one test, with the files it is given,
// removed with everything in it when the test ends.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

namespace maslahat::test {

class TempTree {
public:
    /// `files`: relative path -> content (folders are made as needed).
    TempTree(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files)
        : root_(std::filesystem::temp_directory_path() /
                ("maslahat_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(root_);
        for (const auto& [path, text] : files) {
            std::filesystem::create_directories((root_ / path).parent_path());
            std::ofstream(root_ / path, std::ios::binary) << text;
        }
    }
    ~TempTree() {
        std::error_code ec;
        std::filesystem::remove_all(root_, ec);
    }
    TempTree(const TempTree&) = delete;
    TempTree& operator=(const TempTree&) = delete;

    const std::filesystem::path& root() const {
        return root_;
    }
    /// The path of `name` inside the tree.
    std::string operator/(const char* name) const {
        return (root_ / name).string();
    }

private:
    std::filesystem::path root_;
};

}  // namespace maslahat::test
