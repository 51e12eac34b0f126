#pragma once

// What libpng and libjpeg say while OpenCV decodes, caught per thread instead of printed.
//
// Both libraries print to stderr through default handlers that OpenCV leaves in place.
// Redirecting file descriptor 2 around a decode would catch them, but it is process-wide:
// in the app it would swallow every other thread's output for the duration. Instead this
// target installs its own handlers in the decoders OpenCV creates (LibraryMessages.cpp
// wraps png_create_read_struct and jpeg_std_error), and each message lands in the buffer of
// the LibraryMessages that is open on the decoding thread. With none open it is dropped:
// these messages only ever explain a failure that ResLens reports in its own words.

#include <string>

namespace reslens {

class LibraryMessages {
public:
    LibraryMessages();  // starts collecting on this thread
    ~LibraryMessages();
    LibraryMessages(const LibraryMessages&) = delete;
    LibraryMessages& operator=(const LibraryMessages&) = delete;

    // The first message, e.g. "libpng: IHDR: CRC error", or empty.
    const std::string& first() const { return first_; }

    // Called by the handlers; public for them only.
    static void record(const std::string& message);

private:
    std::string first_;
    LibraryMessages* outer_ = nullptr;  // an enclosing collection on the same thread
};

}  // namespace reslens
