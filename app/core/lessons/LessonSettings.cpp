#include "app/core/lessons/LessonSettings.h"

#include <algorithm>
#include <cstdio>

namespace reslens {
namespace {

std::string recipe(int64_t steps, int batch, double rate) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "%lld steps, batch %d, rate %g, cosine, %lld warm-up steps, Fashion-MNIST",
                  static_cast<long long>(steps), batch, rate,
                  static_cast<long long>(std::max<int64_t>(1, steps / 10)));
    return text;
}

}  // namespace

void LessonSettings::setBatch(int newBatch) {
    batch = newBatch;
    learningRate = 0.1 * double(newBatch) / 128.0;
}

LessonSettings LessonSettings::reference() {
    return {};
}

LessonSettings LessonSettings::shortVersion() {
    LessonSettings s;
    s.steps = 12;
    s.degradationSteps = 100;
    s.lesionImages = 300;
    s.landscapePoints = 9;
    s.landscapeImages = 64;
    s.linePoints = 128;
    return s;
}

LandscapeOptions LessonSettings::landscapeOptions(uint64_t seed) const {
    LandscapeOptions options;
    options.twoD = true;
    options.points = landscapePoints;
    options.samples = landscapeImages;
    options.range = landscapeRange;
    options.seed = seed;
    return options;
}

LesionOptions LessonSettings::lesionOptions(uint64_t seed) const {
    LesionOptions options;
    options.samples = lesionImages;
    options.sampleSeed = seed;
    options.randomK = 0;  // single blocks only: the lesson's chart has no random lesions
    return options;
}

GradientLineOptions LessonSettings::gradientLineOptions(uint64_t seed) const {
    GradientLineOptions options;
    options.points = linePoints;
    options.seed = seed;
    options.data = DataSpec::parse("fashion-mnist");
    options.index = 0;
    return options;
}

std::string LessonSettings::describe(LessonId lesson) const {
    char text[200];
    switch (lesson) {
        case LessonId::WhySkips:
            return "resnet56 beside plain56, " + recipe(steps, batch, learningRate);
        case LessonId::WithoutBatchNorm:
            return "resnet56 beside plain56 without batch norm, " +
                   recipe(steps, batch, learningRate);
        case LessonId::Degradation:
            return "resnet20 beside plain20, then resnet56 beside plain56, each " +
                   recipe(degradationSteps, batch, learningRate);
        case LessonId::Bottleneck:
            return "a fresh resnet50 at 224x224, block layer1.1";
        case LessonId::BlockIsCorrection:
            std::snprintf(text, sizeof text,
                          "the shipped deep and deep-plain, one block bypassed at a time, %lld "
                          "test images drawn by the seed",
                          static_cast<long long>(lesionImages));
            return text;
        case LessonId::Landscape:
            std::snprintf(text, sizeof text,
                          "2-D slices of the shipped deep and deep-plain, %dx%d over +-%g, the "
                          "first %d training images, directions drawn by the seed",
                          landscapePoints, landscapePoints, landscapeRange, landscapeImages);
            return text;
        case LessonId::EvidenceForms:
            return "the shipped default, the sneaker photo, Grad-CAM from the stem to the last "
                   "block";
        case LessonId::ShatteredGradients:
            std::snprintf(text, sizeof text,
                          "the shipped deep and deep-plain and fresh networks of their "
                          "architectures, the top-1 logit's derivative at %d points along a line "
                          "through test image 0, direction and initialisation drawn by the seed",
                          linePoints);
            return text;
        case LessonId::WatchTheBlocks:
            return "the shipped default, every frame of the shipped clip of ten Fashion-MNIST "
                   "test products turning (480 frames)";
    }
    return {};
}

}  // namespace reslens
