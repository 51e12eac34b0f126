#pragma once

// A structural check of the zip archives PyTorch writes (torch.save, torch::pickle_save,
// torch.jit.save), before LibTorch reads one from memory. LibTorch 1.13's in-memory reader
// (VectorReadAdapter under torch::pickle_load) copies whatever range miniz asks for without
// checking it against the buffer, so a damaged central directory makes it read past the end
// of the file's bytes (found by fuzzing: tests/fuzz/regressions/model_file/). Every range
// miniz and PyTorch's reader will read is checked here first.

#include <cstdint>
#include <string>
#include <vector>

namespace reslens {

struct ZipEntry {
    std::string name;
    uint64_t dataOffset = 0;  // where its bytes start in the archive
    uint64_t size = 0;        // as stored
    bool stored = true;       // false: deflated
};

// Throws InputError("<sourceName> is not a ResLens model file (a damaged archive: <why>)")
// unless the end-of-archive records (zip64 included), every central-directory entry, its
// local header and its data lie inside `bytes`. Entries are stored (tensors, pickles) or
// deflated (TorchScript's code, at most 64 MB inflated in all); anything else is refused.
// Returns the entries, in the central directory's order.
std::vector<ZipEntry> requireSoundZipArchive(const std::vector<char>& bytes,
                                             const std::string& sourceName);

}  // namespace reslens
