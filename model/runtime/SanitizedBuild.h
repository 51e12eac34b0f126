#pragma once

// RESLENS_SANITIZED is defined when this code is built with AddressSanitizer or
// ThreadSanitizer (gcc's __SANITIZE_*__ or clang's __has_feature). Both reserve terabytes of
// address space for their shadow memory and keep freed memory a while, so an address-space
// limit cannot be set, and resident memory says nothing about the program.

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RESLENS_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define RESLENS_SANITIZED 1
#endif
#endif
