#include "widgets/lessons/LessonCatalog.h"

#include <QCoreApplication>

namespace reslens {

QVector<LessonId> allLessons() {
    QVector<LessonId> lessons;
    for (LessonId lesson : lessonIds()) {
        lessons << lesson;
    }
    return lessons;
}

QString lessonKey(LessonId lesson) {
    return QString::fromStdString(lessonName(lesson));
}

std::optional<LessonId> lessonFromKey(const QString& key) {
    return lessonNamed(key.toStdString());
}

QStringList lessonKeys() {
    QStringList keys;
    for (LessonId lesson : lessonIds()) {
        keys << lessonKey(lesson);
    }
    return keys;
}

// Each text spelled out as QCoreApplication::translate("Lessons", ...): lupdate reads
// literal calls only, and files these under the context "Lessons".
LessonText lessonText(LessonId lesson) {
    switch (lesson) {
        case LessonId::WhySkips:
            return {
                QCoreApplication::translate("Lessons", "Why skip connections?"),
                QCoreApplication::translate(
                    "Lessons",
                    "ResNet-56 beside plain-56, same weights, same batches: the gradient at the "
                    "first step, then a short paired run."),
                QCoreApplication::translate(
                    "Lessons",
                    "The depth profile: every block's gradient norm at step 1 (dashed) for both "
                    "networks, block 1 on the left. Then the loss chart as the run goes on, and "
                    "the two per-block charts: do the shallow (violet) and deep (yellow) curves "
                    "stay together?"),
                QCoreApplication::translate(
                    "Lessons",
                    "Before the first step: which network's first block will get the larger "
                    "gradient, and by how much? After the run: is the plain network stuck, or "
                    "only slower?")};
        case LessonId::Degradation:
            return {
                QCoreApplication::translate("Lessons",
                                            "Degradation: deeper is not better without skips"),
                QCoreApplication::translate(
                    "Lessons",
                    "20 and 56 layers, each with and without skips, trained alike for a few "
                    "minutes: does depth help? (He et al. 2015, Fig. 1 and 6)"),
                QCoreApplication::translate(
                    "Lessons",
                    "The measurements below fill in as each paired run ends: first the "
                    "20-layer networks, then the 56-layer ones. The charts show the pair in "
                    "training."),
                QCoreApplication::translate(
                    "Lessons",
                    "Will the 56-layer plain network end better or worse than the 20-layer one? "
                    "And the ResNets? He et al. argue that a deeper network could copy a "
                    "shallower one and make its extra layers identities: so why would it be "
                    "worse?")};
        case LessonId::WithoutBatchNorm:
            return {QCoreApplication::translate("Lessons", "Without batch norm"),
                    QCoreApplication::translate(
                        "Lessons",
                        "ResNet-56 and plain-56 with no batch normalisation: where does the "
                        "gradient go, and does either network learn?"),
                    QCoreApplication::translate(
                        "Lessons",
                        "The depth profile at step 1: block 1 on the left. Then the loss chart: "
                        "chance on ten classes is a loss of ln 10 = 2.30."),
                    QCoreApplication::translate(
                        "Lessons",
                        "Batch norm rescales every layer's output during training. Take it away: "
                        "what happens to the signal going forward through 56 layers, and to the "
                        "gradient coming back?")};
        case LessonId::Bottleneck:
            return {QCoreApplication::translate("Lessons", "Bottleneck against basic"),
                    QCoreApplication::translate(
                        "Lessons",
                        "ResNet-50's layer1.1: why a 1×1 convolution before and after the 3×3 "
                        "saves parameters."),
                    QCoreApplication::translate(
                        "Lessons",
                        "The Parameters table at layer1.1, and the Blocks list's Params and "
                        "Mult-adds columns for every block."),
                    QCoreApplication::translate(
                        "Lessons",
                        "A block takes 256 channels and gives 256. Two 3×3 convolutions at 256 "
                        "channels, or 1×1 down to 64, 3×3 at 64, 1×1 back up to 256: which costs "
                        "more, and by how much?")};
        case LessonId::BlockIsCorrection:
            return {
                QCoreApplication::translate("Lessons", "A block is a correction"),
                QCoreApplication::translate(
                    "Lessons",
                    "Bypass one block at a time in the trained ResNet-56 and plain-56 and measure "
                    "the accuracy (Veit et al. 2016)."),
                QCoreApplication::translate(
                    "Lessons",
                    "The left chart: the accuracy with each block bypassed, both networks side "
                    "by side, chance dotted. Then, in the Feature maps tab, tick Bypass on a "
                    "block in the Blocks list and watch the prediction."),
                QCoreApplication::translate(
                    "Lessons",
                    "If you delete one layer of a 56-layer network, what happens? Does it "
                    "matter whether the network has skip connections?")};
        case LessonId::Landscape:
            return {QCoreApplication::translate("Lessons", "The loss landscape of the deep twins"),
                    QCoreApplication::translate(
                        "Lessons",
                        "The loss around the trained ResNet-56 and plain-56 along two random, "
                        "filter-normalised directions (Li et al. 2018)."),
                    QCoreApplication::translate(
                        "Lessons",
                        "The two maps share their contour levels; ✕ marks the trained network. "
                        "Compare the size and shape of the region of low loss around it."),
                    QCoreApplication::translate(
                        "Lessons",
                        "Which network's training would you rather steer, from what you see? "
                        "What would a wide, round basin mean for gradient descent?")};
        case LessonId::EvidenceForms:
            return {QCoreApplication::translate("Lessons", "Where the evidence forms"),
                    QCoreApplication::translate(
                        "Lessons",
                        "Grad-CAM through the blocks of ResNet-20 for a photo of a sneaker: from "
                        "which block on does the map show what the network decides on?"),
                    QCoreApplication::translate(
                        "Lessons",
                        "The Grad-CAM view: step through the blocks with the arrow keys, from the "
                        "stem to the last block, and watch the map's resolution and shape."),
                    QCoreApplication::translate(
                        "Lessons",
                        "Where in the image will the evidence for Sneaker lie at the first block? "
                        "At the last? Where does it settle?")};
        case LessonId::ShatteredGradients:
            return {QCoreApplication::translate("Lessons", "Shattered gradients"),
                    QCoreApplication::translate(
                        "Lessons",
                        "Walk a straight line through input space and follow the gradient: in "
                        "ResNet-56 and plain-56, trained and freshly initialised (Balduzzi et al. "
                        "2017)."),
                    QCoreApplication::translate(
                        "Lessons",
                        "The Shattered gradients view: the derivative of the top-1 logit along "
                        "the line, trained networks above, fresh ones below, solid ResNet and "
                        "dashed plain. Beside each, its autocorrelation by lag: how many points "
                        "along the line the derivative still resembles itself."),
                    QCoreApplication::translate(
                        "Lessons",
                        "Gradient descent trusts that the gradient here says something about the "
                        "gradient a small step away. Which fresh network keeps that promise? "
                        "What would training a network whose gradient is noise be like?")};
        case LessonId::WatchTheBlocks:
            return {QCoreApplication::translate("Lessons", "Watch the blocks"),
                    QCoreApplication::translate(
                        "Lessons",
                        "Ten products turn in front of ResNet-20, frame by frame: first about "
                        "their vertical axis, then in the picture's plane. Every block's maps "
                        "follow them live (Yosinski et al. 2015)."),
                    QCoreApplication::translate(
                        "Lessons",
                        "The clip plays once as fast as the network goes, then Play (Space) "
                        "shows it again at its own rate. Watch the predictions as a product "
                        "turns edge-on or upside down, and the feature maps of layer2.0: which "
                        "channels stay lit while the product turns, and which go dark? Pause, "
                        "then step through the blocks (arrow keys) or frame by frame (.). With "
                        "a camera (File ▸ Camera), hold up a shoe and turn it."),
                    QCoreApplication::translate(
                        "Lessons",
                        "At which angle does the prediction change, and to what? Does the "
                        "first block's output change as much as the last block's when the "
                        "product turns? What would the network need to see in training to "
                        "name a product upside down?")};
    }
    return {};
}

QString lessonCitation(LessonId lesson) {
    switch (lesson) {
        case LessonId::WhySkips:
        case LessonId::Degradation:
            return QStringLiteral(
                "K. He, X. Zhang, S. Ren, J. Sun. Deep Residual Learning for Image Recognition. "
                "CVPR 2016 (arXiv:1512.03385).");
        case LessonId::WithoutBatchNorm:
            return QStringLiteral(
                "S. Ioffe, C. Szegedy. Batch Normalization. ICML 2015. H. Zhang, Y. N. Dauphin, "
                "T. Ma. Fixup Initialization: Residual Learning Without Normalization. ICLR "
                "2019.");
        case LessonId::Bottleneck:
            return QStringLiteral(
                "K. He, X. Zhang, S. Ren, J. Sun. Deep Residual Learning for Image Recognition. "
                "CVPR 2016, §4.1, Deeper Bottleneck Architectures.");
        case LessonId::BlockIsCorrection:
            return QStringLiteral(
                "A. Veit, M. Wilber, S. Belongie. Residual Networks Behave Like Ensembles of "
                "Relatively Shallow Networks. NeurIPS 2016.");
        case LessonId::Landscape:
            return QStringLiteral(
                "H. Li, Z. Xu, G. Taylor, C. Studer, T. Goldstein. Visualizing the Loss "
                "Landscape of Neural Nets. NeurIPS 2018.");
        case LessonId::EvidenceForms:
            return QStringLiteral(
                "R. R. Selvaraju, M. Cogswell, A. Das, R. Vedantam, D. Parikh, D. Batra. "
                "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based "
                "Localization. ICCV 2017.");
        case LessonId::ShatteredGradients:
            return QStringLiteral(
                "D. Balduzzi, M. Frean, L. Leary, J. P. Lewis, K. W.-D. Ma, B. McWilliams. The "
                "Shattered Gradients Problem: If resnets are the answer, then what is the "
                "question? ICML 2017.");
        case LessonId::WatchTheBlocks:
            return QStringLiteral(
                "J. Yosinski, J. Clune, A. Nguyen, T. Fuchs, H. Lipson. Understanding Neural "
                "Networks Through Deep Visualization. ICML Deep Learning Workshop 2015. H. Xiao, "
                "K. Rasul, R. Vollgraf. Fashion-MNIST: a Novel Image Dataset for Benchmarking "
                "Machine Learning Algorithms. arXiv:1708.07747, 2017.");
    }
    return {};
}

}  // namespace reslens
