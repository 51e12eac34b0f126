#include "model/data/Preprocessing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "model/runtime/InputError.h"
#include "model/runtime/JsonNumbers.h"

namespace reslens {

Preprocessing Preprocessing::imagenet() {
    return Preprocessing{};
}

Preprocessing Preprocessing::cifar10() {
    Preprocessing p;
    p.name = "cifar10";
    p.resizeShorterSide = 32;
    p.cropHeight = p.cropWidth = 32;
    p.mean = {0.4914, 0.4822, 0.4465};
    p.std = {0.2470, 0.2435, 0.2616};
    return p;
}

Preprocessing Preprocessing::fashionMnist() {
    Preprocessing p;
    p.name = "fashion-mnist";
    p.channels = 1;
    p.resizeShorterSide = 28;
    p.cropHeight = p.cropWidth = 28;
    p.invert = InvertPolicy::WhenBackgroundLight;
    p.framing = Framing::CropToObject;
    p.mean = {0.2860};
    p.std = {0.3530};
    return p;
}

Preprocessing Preprocessing::forInput(int channels, int height, int width) {
    Preprocessing p;
    if (channels == 1) {
        p = fashionMnist();
    } else if (channels == 3 && height == 32 && width == 32) {
        return cifar10();
    } else if (channels != 3) {
        p.name = "custom";
        p.mean.assign(channels, 0.5);
        p.std.assign(channels, 0.5);
    }
    if (height != p.cropHeight || width != p.cropWidth) {
        // Keep ImageNet's 256/224 margin for any other size.
        p.cropHeight = height;
        p.cropWidth = width;
        p.resizeShorterSide =
            p.name == "imagenet"
                ? static_cast<int>(std::lround(std::max(height, width) * 256.0 / 224.0))
                : std::max(height, width);
        if (p.name != "imagenet" && p.name != "custom") {
            p.name = "custom";
        }
    }
    return p;
}

void Preprocessing::validate() const {
    if (channels < 1 || channels > 4096) {
        throw InputError("preprocessing: " + std::to_string(channels) + " channels");
    }
    if (mean.size() != static_cast<size_t>(channels) || std.size() != mean.size()) {
        throw InputError("preprocessing: mean and std need one value per channel (" +
                         std::to_string(channels) + ")");
    }
    for (double s : std) {
        if (!(s > 0) || !std::isfinite(s)) {
            throw InputError("preprocessing: std must be positive");
        }
    }
    if (resizeShorterSide < 1 || resizeShorterSide > 8192 || cropHeight < 1 || cropWidth < 1 ||
        cropHeight > 8192 || cropWidth > 8192) {
        throw InputError("preprocessing: sizes must be between 1 and 8192");
    }
}

const char* framingName(Framing framing) {
    return framing == Framing::CropToObject ? "crop-to-object" : "whole-image";
}

nlohmann::json preprocessingToJson(const Preprocessing& p) {
    return {
        {"name", p.name},
        {"channels", p.channels},
        {"resize_shorter_side", p.resizeShorterSide},
        {"crop", {p.cropHeight, p.cropWidth}},
        {"invert", p.invert == InvertPolicy::Never ? "never" : "when-background-light"},
        {"framing", framingName(p.framing)},
        {"mean", p.mean},
        {"std", p.std},
    };
}

Preprocessing preprocessingFromJson(const nlohmann::json& json) {
    try {
        Preprocessing p;
        p.name = json.at("name").get<std::string>();
        p.channels = wholeNumber(json.at("channels"), "preprocessing: channels");
        p.resizeShorterSide =
            wholeNumber(json.at("resize_shorter_side"), "preprocessing: resize_shorter_side");
        const auto crop = wholeNumbers(json.at("crop"), "preprocessing: crop");
        if (crop.size() != 2) {
            throw InputError("preprocessing: crop must be [height, width]");
        }
        p.cropHeight = crop[0];
        p.cropWidth = crop[1];
        const auto invert = json.at("invert").get<std::string>();
        if (invert != "never" && invert != "when-background-light") {
            throw InputError("preprocessing: invert must be never or when-background-light");
        }
        p.invert = invert == "never" ? InvertPolicy::Never : InvertPolicy::WhenBackgroundLight;
        if (json.contains("framing")) {
            const auto framing = json.at("framing").get<std::string>();
            if (framing != "whole-image" && framing != "crop-to-object") {
                throw InputError("preprocessing: framing must be whole-image or crop-to-object");
            }
            p.framing = framing == "crop-to-object" ? Framing::CropToObject : Framing::WholeImage;
        } else {
            p.framing = p.name == "fashion-mnist" ? Framing::CropToObject : Framing::WholeImage;
        }
        p.mean = json.at("mean").get<std::vector<double>>();
        p.std = json.at("std").get<std::vector<double>>();
        p.validate();
        return p;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("preprocessing: ") + e.what());
    }
}

}  // namespace reslens
