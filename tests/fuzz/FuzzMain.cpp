// One libFuzzer executable per target: RESLENS_FUZZ_TARGET names which (tests/fuzz/CMakeLists.txt).

#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/FuzzTargets.h"

namespace {

const reslens::fuzz::FuzzTarget& target() {
    static const reslens::fuzz::FuzzTarget* found =
        reslens::fuzz::findFuzzTarget(RESLENS_FUZZ_TARGET);
    if (found == nullptr) {
        std::fprintf(stderr, "no fuzz target named %s\n", RESLENS_FUZZ_TARGET);
        std::abort();
    }
    return *found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    target().run(data, size);
    return 0;
}
