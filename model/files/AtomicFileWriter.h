#pragma once

// Writes a file so that readers only ever see the old content or the complete new one:
// the bytes go to a temporary file beside the target, which is flushed to disk and then
// renamed over it. Destroyed without commit() (an exception, a cancelled save), the
// temporary file is removed and the target is untouched.

#include <cstddef>
#include <string>
#include <vector>

namespace reslens {

class AtomicFileWriter {
public:
    // Creates the temporary file. Throws std::runtime_error (with the system's reason)
    // when the target's directory cannot be written.
    explicit AtomicFileWriter(std::string path);
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter&) = delete;
    AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

    // Throws std::runtime_error on a failed write (disk full, file size limit, ...).
    void write(const void* data, size_t size);
    // Flushes, closes and renames over the target. Throws std::runtime_error.
    void commit();

    const std::string& temporaryPath() const { return temporaryPath_; }

private:
    void discard() noexcept;

    std::string path_;
    std::string temporaryPath_;
    int fd_ = -1;
    bool committed_ = false;
};

// The whole buffer, atomically.
void writeFileAtomically(const std::string& path, const void* data, size_t size);
inline void writeFileAtomically(const std::string& path, const std::vector<char>& bytes) {
    writeFileAtomically(path, bytes.data(), bytes.size());
}
inline void writeFileAtomically(const std::string& path, const std::string& text) {
    writeFileAtomically(path, text.data(), text.size());
}

}  // namespace reslens
