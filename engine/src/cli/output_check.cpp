#include "cli/output_check.hpp"

#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace maslahat::cli {
namespace {

namespace fs = std::filesystem;

// True when the existing file `output` (canonical) is `input` or would be read from the
// folder `input` (files with `extension` below it).
bool is_input(const fs::path& output, const std::string& input, std::string_view extension) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
        return false;
    }
    if (!fs::is_directory(status)) {
        return fs::equivalent(input, output, ec) && !ec;
    }
    if (output.extension() != extension) {
        return false;
    }
    const auto folder = fs::canonical(input, ec);
    if (ec) {
        return false;
    }
    const auto relative = output.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

std::optional<std::string> output_problem(const CliOptions& options) {
    if (options.output_file.empty()) {
        return std::nullopt;
    }
    std::error_code ec;
    const auto output = fs::canonical(options.output_file, ec);
    if (ec) {
        return std::nullopt;  // does not exist yet: it cannot be an input
    }
    const std::vector<std::string> facts =
        options.facts_given ? options.facts : std::vector<std::string>{"facts"};
    for (const auto& [inputs, extension] :
         {std::pair{&options.rules, ".rules"}, std::pair{&facts, ".toml"}}) {
        for (const auto& input : *inputs) {
            if (is_input(output, input, extension)) {
                return "-o '" + options.output_file + "' would overwrite the input '" + input + "'";
            }
        }
    }
    return std::nullopt;
}

}  // namespace maslahat::cli
