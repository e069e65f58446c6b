#include "support/atomic_write.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace maslahat::support {
namespace {

namespace fs = std::filesystem;

// A device, FIFO or socket cannot be replaced by a rename (that would swap /dev/null for a
// plain file): write into it directly. A FIFO without a reader fails at once (O_NONBLOCK)
// instead of blocking for ever.
bool write_in_place(const std::string& path, std::string_view content, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) {
        ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);  // the reader is there: block while writing
    }
    while (!content.empty()) {
        const ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            error = "cannot write '" + path + "': " + std::strerror(n < 0 ? errno : EIO);
            ::close(fd);
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::close(fd) != 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    return true;
}

// /dev/stdout, /dev/fd/N, /proc/self/fd/N name whatever the process has open (a terminal, a
// pipe, a file the shell opened): only writing through them reaches it.
bool is_special_path(const std::string& path) {
    return path.starts_with("/dev/") || path.starts_with("/proc/");
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view content, std::string& error) {
    std::error_code ec;
    const auto status = fs::status(path, ec);  // follows symbolic links
    if (fs::is_directory(status)) {
        error = "'" + path + "' is a directory";
        return false;
    }
    if (is_special_path(path) || (!ec && fs::exists(status) && !fs::is_regular_file(status))) {
        return write_in_place(path, content, error);
    }
    // Through a symbolic link, replace the file it names, not the link.
    fs::path target(path);
    if (fs::is_symlink(fs::symlink_status(path, ec))) {
        const auto resolved = fs::weakly_canonical(target, ec);
        if (!ec) {
            target = resolved;
        }
    }
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temp_name = ".";
    temp_name += target.filename().string();
    temp_name += ".tmp-";
    temp_name += std::to_string(::getpid());
    const std::string temp = (folder / temp_name).string();
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write '" + path + "': " + std::strerror(errno);
            return false;
        }
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) {
            error = "cannot write '" + path + "'";
            std::remove(temp.c_str());
            return false;
        }
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

}  // namespace maslahat::support
