#include "widgets/LessonCatalog.h"

#include <QCoreApplication>

namespace reslens {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("Lessons", text);
}

}  // namespace

QVector<LessonId> allLessons() {
    return {LessonId::WhySkips,   LessonId::Degradation,       LessonId::WithoutBatchNorm,
            LessonId::Bottleneck, LessonId::BlockIsCorrection, LessonId::Landscape,
            LessonId::EvidenceForms};
}

QString lessonKey(LessonId lesson) {
    switch (lesson) {
    case LessonId::WhySkips:
        return QStringLiteral("why-skips");
    case LessonId::Degradation:
        return QStringLiteral("degradation");
    case LessonId::WithoutBatchNorm:
        return QStringLiteral("without-batch-norm");
    case LessonId::Bottleneck:
        return QStringLiteral("bottleneck");
    case LessonId::BlockIsCorrection:
        return QStringLiteral("lesion");
    case LessonId::Landscape:
        return QStringLiteral("landscape");
    case LessonId::EvidenceForms:
        return QStringLiteral("grad-cam");
    }
    return {};
}

std::optional<LessonId> lessonFromKey(const QString& key) {
    for (LessonId lesson : allLessons()) {
        if (lessonKey(lesson) == key) {
            return lesson;
        }
    }
    return std::nullopt;
}

LessonText lessonText(LessonId lesson) {
    switch (lesson) {
    case LessonId::WhySkips:
        return {tr("Why skip connections?"),
                tr("ResNet-56 beside plain-56, same weights, same batches: the gradient at the "
                   "first step, then a short paired run."),
                tr("The depth profile: every block's gradient norm at step 1 (dashed) for both "
                   "networks, block 1 on the left. Then the loss chart as the run goes on, and "
                   "the two per-block charts: do the shallow (violet) and deep (yellow) curves "
                   "stay together?"),
                tr("Before the first step: which network's first block will get the larger "
                   "gradient, and by how much? After the run: is the plain network stuck, or "
                   "only slower?")};
    case LessonId::Degradation:
        return {tr("Degradation: deeper is not better without skips"),
                tr("20 and 56 layers, each with and without skips, trained alike for a few "
                   "minutes: does depth help? (He et al. 2015, Fig. 1 and 6)"),
                tr("The table below fills in as each paired run ends: first the 20-layer "
                   "networks, then the 56-layer ones. The charts show the pair in training."),
                tr("Will the 56-layer plain network end better or worse than the 20-layer one? "
                   "And the ResNets? A deeper network can represent everything a shallower one "
                   "can, so why would it be worse?")};
    case LessonId::WithoutBatchNorm:
        return {tr("Without batch norm"),
                tr("ResNet-56 and plain-56 with no batch normalisation: where does the "
                   "gradient go, and does either network learn?"),
                tr("The depth profile at step 1: block 1 on the left. Then the loss chart: "
                   "chance on ten classes is a loss of ln 10 = 2.30."),
                tr("Batch norm rescales every layer's output during training. Take it away: "
                   "what happens to the signal going forward through 56 layers, and to the "
                   "gradient coming back?")};
    case LessonId::Bottleneck:
        return {tr("Bottleneck against basic"),
                tr("ResNet-50's layer1.1: why a 1×1 convolution before and after the 3×3 "
                   "saves parameters."),
                tr("The Parameters table at layer1.1, and the Blocks list's Params and "
                   "Mult-adds columns for every block."),
                tr("A block takes 256 channels and gives 256. Two 3×3 convolutions at 256 "
                   "channels, or 1×1 down to 64, 3×3 at 64, 1×1 back up to 256: which costs "
                   "more, and by how much?")};
    case LessonId::BlockIsCorrection:
        return {tr("A block is a correction"),
                tr("Bypass one block at a time in the trained ResNet-56 and plain-56 and measure "
                   "the accuracy (Veit et al. 2016)."),
                tr("The left chart: the accuracy with each block bypassed, both networks side "
                   "by side, chance dotted. Then, in the Feature maps tab, tick Bypass on a "
                   "block in the Blocks list and watch the prediction."),
                tr("If you delete one layer of a 56-layer network, what happens? Does it "
                   "matter whether the network has skip connections?")};
    case LessonId::Landscape:
        return {tr("The loss landscape of the deep twins"),
                tr("The loss around the trained ResNet-56 and plain-56 along two random, "
                   "filter-normalised directions (Li et al. 2018)."),
                tr("The two maps share their contour levels; ✕ marks the trained network. "
                   "Compare the size and shape of the region of low loss around it."),
                tr("Which network's training would you rather steer, from what you see? "
                   "What would a wide, round basin mean for gradient descent?")};
    case LessonId::EvidenceForms:
        return {tr("Where the evidence forms"),
                tr("Grad-CAM through the blocks of ResNet-20 for a photo of a sneaker: from "
                   "which block on does the map show what the network decides on?"),
                tr("The Grad-CAM view: step through the blocks with the arrow keys, from the "
                   "stem to the last block, and watch the map's resolution and shape."),
                tr("Where in the image will the evidence for Sneaker lie at the first block? "
                   "At the last? Where does it settle?")};
    }
    return {};
}

}  // namespace reslens
