#pragma once

// What identifies one version of a file on disk: device, inode, size, and the modification
// and status-change times. Replacing a file (by rename or by writing over it, even with
// `cp -p`, which keeps the modification time) changes the status-change time or the inode,
// so a model file that changed after it was opened is noticed before it is read again.

#include <cstdint>
#include <optional>
#include <string>

namespace reslens {

struct FileStamp {
    uint64_t device = 0;
    uint64_t inode = 0;
    int64_t size = 0;
    int64_t modifiedNs = 0;
    int64_t changedNs = 0;

    // nullopt when the path cannot be stat'ed (missing, no permission).
    static std::optional<FileStamp> of(const std::string& path);
    bool operator==(const FileStamp& other) const;
    bool operator!=(const FileStamp& other) const { return !(*this == other); }
};

}  // namespace reslens
