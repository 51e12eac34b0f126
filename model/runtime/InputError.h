#pragma once

// Bad input from the user: an unreadable image, a wrong or corrupt model file, an
// unavailable device. Front ends report it as one clear line (the CLI with exit code 2)
// and keep their previous state.

#include <stdexcept>

namespace reslens {

class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace reslens
