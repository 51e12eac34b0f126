#include "model/network/LesionMask.h"

#include "model/network/ResNet.h"
#include "model/runtime/InputError.h"

namespace reslens {

void LesionMask::check(const ResNetImpl& network) const {
    for (const std::string& name : blocks_) {
        if (!network.block(name)) {
            std::string known;
            for (const auto& block : network.blocks()) {
                known += (known.empty() ? "" : ", ") + block->info().name;
            }
            throw InputError("no block '" + name + "' to bypass; the network has " +
                             (known.empty() ? std::string("no residual blocks") : known));
        }
    }
}

void LesionMask::applyTo(ResNetImpl& network) const {
    check(network);
    for (const auto& block : network.blocks()) {
        block->setBypassed(blocks_.count(block->info().name) > 0);
    }
}

LesionMask LesionMask::of(const ResNetImpl& network) {
    std::set<std::string> bypassed;
    for (const auto& block : network.blocks()) {
        if (block->bypassed()) {
            bypassed.insert(block->info().name);
        }
    }
    return LesionMask(std::move(bypassed));
}

ScopedLesion::ScopedLesion(ResNetImpl& network, const LesionMask& mask)
    : network_(network), previous_(LesionMask::of(network)) {
    mask.applyTo(network);
}

ScopedLesion::~ScopedLesion() {
    previous_.applyTo(network_);
}

}  // namespace reslens
