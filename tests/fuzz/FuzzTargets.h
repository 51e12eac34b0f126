#pragma once

// The parsers ResLens runs on files a user hands it, each behind one entry point taking raw
// bytes. libFuzzer drives them (FuzzMain.cpp, tools/fuzz.sh); the ordinary test build feeds
// them every saved crash and the seed corpora (tst_fuzz_regressions). An entry point lets
// InputError -- bad input, said in one line -- end quietly; anything else escaping it
// (another exception, a crash, a sanitizer report) is a finding.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace reslens::fuzz {

struct FuzzTarget {
    std::string name;  // also the folder of its seeds and regressions under tests/fuzz/
    void (*run)(const uint8_t* data, size_t size);
};

// Every target this build has: the imaging ones only with RESLENS_WITH_IMAGING.
const std::vector<FuzzTarget>& fuzzTargets();

// nullptr when there is no target of that name.
const FuzzTarget* findFuzzTarget(const std::string& name);

}  // namespace reslens::fuzz
