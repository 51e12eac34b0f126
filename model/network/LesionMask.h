#pragma once

// Which residual blocks are bypassed at inference — the lesion study of Veit, Wilber and
// Belongie 2016 ("Residual networks behave like ensembles of relatively shallow
// networks"): delete a block of a trained ResNet and see whether the rest still works.
// Applying a mask only sets each block's bypass switch (ResidualBlockImpl::setBypassed);
// weights are never touched, so applying the empty mask restores the network exactly.

#include <set>
#include <string>

namespace reslens {

class ResNetImpl;

class LesionMask {
public:
    LesionMask() = default;
    explicit LesionMask(std::set<std::string> blocks) : blocks_(std::move(blocks)) {}

    const std::set<std::string>& blocks() const { return blocks_; }
    bool empty() const { return blocks_.empty(); }

    // Throws InputError naming the network's blocks when the mask names one it lacks.
    void check(const ResNetImpl& network) const;
    // Bypasses exactly the mask's blocks and restores every other. Throws InputError naming
    // the network's blocks when the mask names one it does not have; the network is then
    // left as it was.
    void applyTo(ResNetImpl& network) const;
    // The blocks a network has bypassed now.
    static LesionMask of(const ResNetImpl& network);

private:
    std::set<std::string> blocks_;
};

// Applies a mask for a scope and restores the one before.
class ScopedLesion {
public:
    ScopedLesion(ResNetImpl& network, const LesionMask& mask);
    ~ScopedLesion();
    ScopedLesion(const ScopedLesion&) = delete;
    ScopedLesion& operator=(const ScopedLesion&) = delete;

private:
    ResNetImpl& network_;
    LesionMask previous_;
};

}  // namespace reslens
