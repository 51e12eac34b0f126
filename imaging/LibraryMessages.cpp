#include "imaging/LibraryMessages.h"

#include <dlfcn.h>

#include <jpeglib.h>
#include <png.h>
#include <cstdio>  // jpeglib.h needs FILE

namespace reslens {
namespace {

thread_local LibraryMessages* current = nullptr;

void onPngError(png_structp png, png_const_charp message) {
    LibraryMessages::record(std::string("libpng: ") + message);
    png_longjmp(png, 1);  // what libpng's own handler does after printing
}

void onPngWarning(png_structp, png_const_charp message) {
    LibraryMessages::record(std::string("libpng warning: ") + message);
}

void onJpegMessage(j_common_ptr info) {
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    LibraryMessages::record(std::string("libjpeg: ") + text);
}

template <typename Function>
Function next(const char* name) {
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

}  // namespace

LibraryMessages::LibraryMessages() : outer_(current) {
    current = this;
}

LibraryMessages::~LibraryMessages() {
    current = outer_;
}

void LibraryMessages::record(const std::string& message) {
    if (current && current->first_.empty()) {
        current->first_ = message;
        while (!current->first_.empty() &&
               (current->first_.back() == '\n' || current->first_.back() == ' ')) {
            current->first_.pop_back();
        }
    }
}

}  // namespace reslens

// The wrappers. An executable that links this target defines these symbols itself, so the
// dynamic linker binds OpenCV's calls to them (ELF interposition); each calls the library's
// own function, found with RTLD_NEXT, and replaces only the handlers that would print.
// A caller that passes its own handlers keeps them.

extern "C" png_structp png_create_read_struct(png_const_charp version, png_voidp errorData,
                                              png_error_ptr onError, png_error_ptr onWarning) {
    using Create = png_structp (*)(png_const_charp, png_voidp, png_error_ptr, png_error_ptr);
    static const Create create = reslens::next<Create>("png_create_read_struct");
    if (!create) {
        return nullptr;  // libpng is not loaded: nobody can have called this for real
    }
    return create(version, errorData, onError ? onError : reslens::onPngError,
                  onWarning ? onWarning : reslens::onPngWarning);
}

extern "C" struct jpeg_error_mgr* jpeg_std_error(struct jpeg_error_mgr* errors) {
    using StdError = struct jpeg_error_mgr* (*)(struct jpeg_error_mgr*);
    static const StdError stdError = reslens::next<StdError>("jpeg_std_error");
    if (!stdError) {
        return errors;
    }
    struct jpeg_error_mgr* result = stdError(errors);
    result->output_message = reslens::onJpegMessage;
    return result;
}
