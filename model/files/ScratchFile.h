#pragma once

// Bytes as a file for the length of a scope: for a library that reads only from a path
// (OpenCV's video decoder) when the bytes come from elsewhere (the app's compiled-in
// resources). A private file in the temporary directory, removed when this goes.

#include <string>
#include <vector>

namespace reslens {

class ScratchFile {
public:
    // `suffix` keeps the file's kind visible to decoders that look at it (".mkv").
    // Throws std::runtime_error with the system's reason when it cannot be written.
    ScratchFile(const std::vector<char>& bytes, const std::string& suffix);
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace reslens
