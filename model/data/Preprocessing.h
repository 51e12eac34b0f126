#pragma once

// How a model wants its input prepared, stored in the model file's metadata. Plain types:
// the imaging target applies it, the GUI shows it, the engine never needs OpenCV for it.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace reslens {

// Fashion-MNIST shows light objects on black; photos of clothes are usually the opposite.
enum class InvertPolicy { Never, WhenBackgroundLight };

// What part of a photo the network sees. Fashion-MNIST's products were trimmed to their
// bounding box and centred (Xiao et al. 2017, §2), so a photo has to be, too: a shoe
// filling a tenth of the frame is not what the network was trained on.
enum class Framing {
    WholeImage,    // resize the shorter side, center-crop: torchvision's eval transform
    CropToObject,  // find the object, pad its box to the input's shape, resize (photos)
};

struct Preprocessing {
    std::string name = "imagenet";  // imagenet, cifar10, fashion-mnist, or custom
    int channels = 3;               // 1: grayscale (ITU-R 601 luma, as PIL's convert("L"))
    int resizeShorterSide = 256;    // the shorter side is resized to this (bilinear, antialiased)
    int cropHeight = 224;           // then the center is cropped to this
    int cropWidth = 224;
    InvertPolicy invert = InvertPolicy::Never;
    Framing framing = Framing::WholeImage;
    std::vector<double> mean = {0.485, 0.456, 0.406};  // per channel, on [0, 1] pixels
    std::vector<double> std = {0.229, 0.224, 0.225};

    // torchvision's ImageNet eval transform: Resize(256), CenterCrop(224), Normalize.
    static Preprocessing imagenet();
    // CIFAR-10 at 32x32 with the training set's mean and std.
    static Preprocessing cifar10();
    // Fashion-MNIST: grayscale 28x28, cropped to the object, inverted when the background
    // is light.
    static Preprocessing fashionMnist();
    // The usual preset for a network's input shape: 1 channel -> Fashion-MNIST style,
    // 32x32 -> CIFAR-10, otherwise ImageNet's, adapted to the input size.
    static Preprocessing forInput(int channels, int height, int width);

    // Throws InputError when the values cannot be applied (e.g. std 0, crop > resize).
    void validate() const;
};

const char* framingName(Framing framing);  // "whole-image", "crop-to-object"

nlohmann::json preprocessingToJson(const Preprocessing& preprocessing);
// Files written before framing was recorded get today's rule for their preset: a
// fashion-mnist file crops to the object, every other keeps the whole image. Throws
// InputError.
Preprocessing preprocessingFromJson(const nlohmann::json& json);

}  // namespace reslens
