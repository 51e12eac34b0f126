#pragma once

// A walk over a pickle's opcodes that checks every length the stream claims against the
// bytes that are there, before LibTorch's unpickler reads it. LibTorch 1.13 reserves a
// string of the claimed length first (Unpickler::readBytes): a 1 KB model file claiming a
// 4 GB string made it allocate 4 GB (found by fuzzing: tests/fuzz/regressions/model_file/).

#include <cstddef>
#include <string>
#include <vector>

namespace reslens {

// Throws InputError("<sourceName> is not a ResLens model file (a damaged pickle: <why>)")
// for an opcode no pickle protocol has, or an argument or length that runs past the end.
void requireBoundedPickle(const char* data, size_t size, const std::string& sourceName);

// What torch::pickle_load or torch::jit::load is about to read, checked: the archive's
// structure (ZipArchiveCheck) and every pickle stored in it (data.pkl, constants.pkl).
void requireSoundPickleArchive(const std::vector<char>& bytes, const std::string& sourceName);

}  // namespace reslens
