#pragma once

// Ctrl-C during a run cancels it between steps (what was learned is kept); a second
// Ctrl-C ends the process at once.

#include "model/training/RunControl.h"

namespace reslens::cli {

class SigintCancel {
public:
    explicit SigintCancel(RunControl& control);
    ~SigintCancel();
    SigintCancel(const SigintCancel&) = delete;
    SigintCancel& operator=(const SigintCancel&) = delete;
};

}  // namespace reslens::cli
