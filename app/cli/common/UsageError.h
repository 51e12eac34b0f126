#pragma once

// Bad usage or bad input: reported as one line, exit code 2 (docs/cli.md). Anything else that
// fails exits with 1.

#include <stdexcept>

namespace reslens::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace reslens::cli
