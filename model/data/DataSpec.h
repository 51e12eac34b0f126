#pragma once

// `--data SPEC` of docs/cli.md: fashion-mnist[:DIR][:train|test], cifar10:DIR[:train|test],
// folder:DIR.

#include <string>

#include "model/data/Split.h"

namespace reslens {

// Where Debian's dataset-fashion-mnist puts the files: `--data fashion-mnist` without a
// directory.
inline constexpr const char* kFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

struct DataSpec {
    enum class Kind { FashionMnist, Cifar10, Folder };
    Kind kind = Kind::FashionMnist;
    std::string directory;
    Split split = Split::Train;
    bool splitGiven = false;

    // Throws InputError naming the accepted forms.
    static DataSpec parse(const std::string& text);
    // The same spec for the other split (folder: unchanged).
    DataSpec withSplit(Split other) const;
    std::string toString() const;
};

}  // namespace reslens
