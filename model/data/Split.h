#pragma once

// Which part of a dataset: the training or the test split.

namespace reslens {

enum class Split { Train, Test };

}  // namespace reslens
