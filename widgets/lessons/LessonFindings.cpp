#include "widgets/lessons/LessonFindings.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/core/explorer/GradCamTrace.h"
#include "app/core/lessons/LessonMeasures.h"
#include "widgets/lab/TrainingHistory.h"

namespace reslens {
namespace {

constexpr double kLastShare = 0.1;  // "the last 10% of the steps"
// Fashion-MNIST has ten classes: a network that knows nothing scores ln 10.
const double kChanceLoss = std::log(10.0);

std::vector<double> losses(const QVector<StepUpdate>& steps) {
    std::vector<double> out;
    for (const StepUpdate& step : steps) {
        out.push_back(step.loss);
    }
    return out;
}

qint64 lastCount(qint64 steps) {
    return std::max<qint64>(1, qint64(std::ceil(kLastShare * double(steps))));
}

// Each run's mean loss over its last tenth, and why a run ended early, if one did.
struct Endings {
    QVector<double> last;
    QStringList early;  // "resnet56 diverged at step 2.", ...
};

}  // namespace

QString LessonFindings::number(double value) {
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals);
}

QString LessonFindings::percent(double share) {
    return QLocale().toString(100 * share, 'f', 1);
}

LessonFindings::Findings LessonFindings::firstStep(const TrainingHistory& history,
                                                   LessonId lesson) {
    Findings f;
    const QStringList& runs = history.plan().runs;
    QStringList clauses;
    for (int run = 0; run < 2; ++run) {
        const StepUpdate& first = history.steps(run).first();
        const double ratio =
            firstOverLast(std::vector<double>(first.blockNorms.begin(), first.blockNorms.end()));
        f.values[runs[run] + ".firstOverLast"] = ratio;
        f.values[runs[run] + ".firstLoss"] = first.loss;
        clauses << (ratio >= 1 ? tr("in %1 the first block's gradient norm is %2× the last "
                                    "block's: it grows on its way back to the input")
                               : tr("in %1 the first block's gradient norm is %2× the last "
                                    "block's: it shrinks on its way back to the input"))
                       .arg(runs[run], number(ratio));
    }
    f.sentences << tr("At step 1, %1; %2.").arg(clauses[1], clauses[0]);
    if (lesson == LessonId::WithoutBatchNorm) {
        f.sentences << tr("The loss at step 1: %1 for %2, %3 for %4 (chance: %5).")
                           .arg(number(f.values[runs[0] + ".firstLoss"]), runs[0],
                                number(f.values[runs[1] + ".firstLoss"]), runs[1],
                                number(kChanceLoss));
    }
    return f;
}

namespace {

Endings endingsOf(const TrainingHistory& history, QMap<QString, double>& values) {
    const QStringList& runs = history.plan().runs;
    Endings e;
    for (int run = 0; run < 2; ++run) {
        const QVector<StepUpdate>& steps = history.steps(run);
        e.last << meanOfLast(losses(steps), kLastShare);
        values[runs[run] + ".lastLoss"] = e.last.back();
        values[runs[run] + ".steps"] = double(steps.size());
        const std::optional<RunStatus> status = history.status(run);
        if (status == RunStatus::Diverged) {
            values[runs[run] + ".diverged"] = 1;
            e.early << QCoreApplication::translate("LessonFindings", "%1 diverged at step %2.")
                           .arg(runs[run])
                           .arg(steps.size() + 1);
        } else if (status == RunStatus::Cancelled) {
            e.early << QCoreApplication::translate("LessonFindings",
                                                   "%1 was stopped after %2 steps.")
                           .arg(runs[run])
                           .arg(steps.size());
        }
    }
    return e;
}

}  // namespace

LessonFindings::Findings LessonFindings::runEnd(const TrainingHistory& history, LessonId lesson,
                                                const QMap<QString, double>& firstLosses) {
    Findings f;
    const QStringList& runs = history.plan().runs;
    const Endings e = endingsOf(history, f.values);
    f.clean = e.early.isEmpty();
    const qint64 total = history.plan().totalSteps;
    const auto finished = [&](int run) { return history.status(run) == RunStatus::Finished; };
    if (f.clean) {
        f.sentences << tr("Mean batch loss over the last %1 of %2 steps: %3 for %4, %5 for %6.")
                           .arg(lastCount(total))
                           .arg(total)
                           .arg(number(e.last[0]), runs[0], number(e.last[1]), runs[1]);
    } else {
        // A run that diverged or was stopped has no "last tenth of the run" to compare.
        QStringList parts;
        for (int run = 0; run < 2; ++run) {
            if (finished(run)) {
                parts << tr("%1: mean batch loss %2 over its last %3 steps.")
                             .arg(runs[run], number(e.last[run]))
                             .arg(lastCount(history.steps(run).size()));
            }
        }
        f.sentences << (parts + e.early).join(' ');
    }
    const double plainFirst = firstLosses.value(runs[1] + ".firstLoss");
    if (lesson == LessonId::WhySkips && f.clean) {
        // Whether the recipe trains calmly: a spike would make the ResNet look worse early.
        QVector<double> peak;
        for (int run = 0; run < 2; ++run) {
            const std::vector<double> loss = losses(history.steps(run));
            peak << *std::max_element(loss.begin(), loss.end()) / loss.front();
            f.values[runs[run] + ".peakOverFirst"] = peak.back();
        }
        f.sentences << tr("The highest batch loss of the run was %1× the first for %2 and %3× "
                          "for %4.")
                           .arg(number(peak[0]), runs[0], number(peak[1]), runs[1]);
        if (e.last[1] > e.last[0]) {
            f.sentences << (e.last[1] < 0.8 * plainFirst
                                ? tr("The plain network ended behind, but it was not stuck: its "
                                     "loss fell from %1 at step 1 to %2.")
                                : tr("The plain network ended behind and hardly moved from its "
                                     "first loss (%1 at step 1, %2 at the end)."))
                               .arg(number(plainFirst), number(e.last[1]));
        } else {
            f.sentences << tr("In this run the plain network kept up with the ResNet.");
        }
    } else if (lesson == LessonId::WithoutBatchNorm) {
        if (finished(1)) {
            f.sentences << (std::abs(e.last[1] - kChanceLoss) < 0.05
                                ? tr("%1 has not learned: its loss stayed at chance.")
                                : tr("%1 learned: its loss moved away from chance."))
                               .arg(runs[1]);
        }
        if (f.values.contains(runs[0] + ".diverged")) {
            f.sentences << tr("%1 without batch norm diverged, its loss at step 1 already %2: "
                              "every block adds its F(x) to x, and with nothing to rescale them "
                              "the activations grow with depth (Zhang et al. 2019, Fixup, §2).")
                               .arg(runs[0], number(firstLosses.value(runs[0] + ".firstLoss")));
        }
    }
    return f;
}

LessonFindings::Findings LessonFindings::degradationPair(const TrainingHistory& history, int pair) {
    Findings f;
    const QStringList& runs = history.plan().runs;
    const Endings e = endingsOf(history, f.values);
    f.clean = e.early.isEmpty();
    const qint64 total = history.plan().totalSteps;
    f.sentences << tr("%1 and %2: mean batch loss over the last %3 of %4 steps %5 and %6.")
                           .arg(runs[0], runs[1])
                           .arg(lastCount(total))
                           .arg(total)
                           .arg(number(e.last[0]), number(e.last[1])) +
                       (f.clean ? QString() : ' ' + e.early.join(' '));
    f.values[QStringLiteral("pair%1.resnet").arg(pair)] = e.last[0];
    f.values[QStringLiteral("pair%1.plain").arg(pair)] = e.last[1];
    if (!f.clean) {
        f.sentences << tr("The lesson needs both pairs to finish: run it again.");
    }
    return f;
}

LessonFindings::Findings LessonFindings::degradation(const QMap<QString, double>& pairs) {
    Findings f;
    const double plainChange = pairs["pair1.plain"] - pairs["pair0.plain"];
    const double resnetChange = pairs["pair1.resnet"] - pairs["pair0.resnet"];
    const QString signedPlain = (plainChange >= 0 ? "+" : "") + number(plainChange);
    const QString signedResnet = (resnetChange >= 0 ? "+" : "") + number(resnetChange);
    f.sentences << (plainChange > 0 && resnetChange < plainChange
                        ? tr("From 20 to 56 layers the plain network's loss changed by %1 and "
                             "the ResNet's by %2: depth hurt the plain network more. This is "
                             "the degradation problem He et al. found (2015, Fig. 1 and 6).")
                        : tr("From 20 to 56 layers the plain network's loss changed by %1 and "
                             "the ResNet's by %2: in this run depth did not hurt the plain "
                             "network more. A few hundred steps are noisy; the shipped deep "
                             "twins, trained for 8 epochs, are compared in the user guide."))
                       .arg(signedPlain, signedResnet);
    return f;
}

LessonFindings::Findings LessonFindings::bottleneck(const BlockAccount& block) {
    Findings f;
    const double conv = double(block.convParams);
    const double basic = double(block.basicEquivalentParams.value_or(0));
    const double pixels = double(block.outputShape[1]) * double(block.outputShape[2]);
    f.values["bottleneck.conv"] = conv;
    f.values["bottleneck.basic"] = basic;
    f.values["bottleneck.macs"] = double(block.macs);
    f.values["basic.macs"] = basic * pixels;
    const QLocale locale;
    f.sentences << tr("layer1.1's three convolutions (1×1 256→64, 3×3 64→64, 1×1 64→256) hold "
                      "%1 parameters; two 3×3 convolutions at 256 channels would hold "
                      "3·3·256·256·2 = %2, %3× as many.")
                       .arg(locale.toString(qint64(conv)), locale.toString(qint64(basic)),
                            number(basic / conv));
    f.sentences << tr("At its %1×%2 output that is %3 multiply-adds against %4 per image.")
                       .arg(block.outputShape[1])
                       .arg(block.outputShape[2])
                       .arg(locale.toString(qint64(block.macs)),
                            locale.toString(qint64(basic * pixels)));
    return f;
}

LessonFindings::Findings LessonFindings::lesion(const QVector<NamedLesionStudy>& studies) {
    Findings f;
    QVector<LesionSpread> spreads;
    for (const NamedLesionStudy& study : studies) {
        if (study.result.cancelled || study.result.blocks.empty()) {
            f.clean = false;
            f.sentences =
                QStringList{tr("The study was cancelled: run the lesson again for its numbers.")};
            return f;
        }
        const LesionSpread spread = lesionSpread(study.result);
        spreads << spread;
        const QString name = QString::fromStdString(study.arch);
        f.values[name + ".median"] = spread.median;
        f.values[name + ".lowest"] = spread.lowest;
        f.values[name + ".highest"] = spread.highest;
        f.values[name + ".baseline"] = spread.baseline;
        f.values[name + ".samples"] = double(study.result.samples);
        f.sentences << tr("%1 on the first %2 test images, one block bypassed at a time: from "
                          "%3% to %4%, median %5% (every block in place: %6%).")
                           .arg(name)
                           .arg(study.result.samples)
                           .arg(percent(spread.lowest), percent(spread.highest),
                                percent(spread.median), percent(spread.baseline));
    }
    if (spreads.size() < 2) {
        return f;
    }
    const double resnetCost = spreads[0].baseline - spreads[0].median;
    const double plainCost = spreads[1].baseline - spreads[1].median;
    f.sentences << (plainCost > resnetCost + 0.2
                        ? tr("At the median, bypassing one block costs the ResNet %1 points and "
                             "the plain network %2 (chance: 10%). Remove a block of the ResNet "
                             "and its shortcut still passes x on, so the rest of the network "
                             "works on; in the plain network every block is a link of the only "
                             "path (Veit et al. 2016, Fig. 3).")
                        : tr("At the median, bypassing one block costs the ResNet %1 points and "
                             "the plain network %2: in this run the two were hurt alike."))
                       .arg(percent(resnetCost), percent(plainCost));
    return f;
}

LessonFindings::Findings LessonFindings::landscape(const QVector<NamedLandscape>& slices,
                                                   const LandscapeOptions& options) {
    Findings f;
    if (slices.size() < 2 || slices[0].result.cancelled || slices[1].result.cancelled) {
        f.clean = false;
        f.sentences << tr("The landscape did not finish: run the lesson again for its numbers.");
        return f;
    }
    QVector<double> below;
    QStringList names;
    for (const NamedLandscape& slice : slices.mid(0, 2)) {
        below << shareBelow(slice.result.loss, 1.0);
        names << QString::fromStdString(slice.arch);
        f.values[names.back() + ".below1"] = below.back();
    }
    f.sentences << tr("On a %1×%1 grid reaching %2 along each direction, over the first %3 "
                      "training images, the loss is below 1 over %4% of %5's map and %6% of "
                      "%7's.")
                       .arg(options.points)
                       .arg(number(options.range))
                       .arg(slices[0].result.samples)
                       .arg(percent(below[0]), names[0], percent(below[1]), names[1]);
    f.sentences << (below[0] > below[1]
                        ? tr("%1's region of low loss is the larger one, %2 times %3's: the "
                             "direction of Li et al.'s finding (2018, Fig. 5), milder here, "
                             "where the plain network has batch norm.")
                              .arg(names[0], below[1] > 0 ? number(below[0] / below[1]) : "∞",
                                   names[1])
                        : tr("In this slice %1's region of low loss was not the larger one.")
                              .arg(names[0]));
    return f;
}

LessonFindings::Findings LessonFindings::evidence(const CamTrace& trace) {
    Findings f;
    QStringList parts;
    QString stage;
    double low = 0;
    double high = 0;
    QString resolution;
    const auto closeStage = [&] {
        if (!stage.isEmpty()) {
            parts << tr("%1 (%2) %3 to %4").arg(stage, resolution, number(low), number(high));
        }
    };
    for (const CamStep& step : trace.steps) {
        const double r = step.correlationWithLast;
        f.values["cam." + QString::fromStdString(step.target)] = r;
        if (step.stage.empty()) {
            parts << tr("stem (%1×%2) %3").arg(step.height).arg(step.width).arg(number(r));
            continue;
        }
        const QString name = QString::fromStdString(step.stage);
        if (name != stage) {
            closeStage();
            stage = name;
            low = high = r;
            resolution = QStringLiteral("%1×%2").arg(step.height).arg(step.width);
        }
        low = std::min(low, r);
        high = std::max(high, r);
    }
    closeStage();
    f.sentences << tr("For %1 (%2%), the correlation of each block's map with the last block's, "
                      "both at the input's resolution: %3.")
                       .arg(QString::fromStdString(trace.classLabel), percent(trace.probability),
                            parts.join(QStringLiteral(" · ")));
    const int settled = firstSettledStep(trace, 0.5);
    f.values["cam.settled"] = settled;
    if (settled >= 0 && settled + 1 < int(trace.steps.size())) {
        const CamStep& step = trace.steps[size_t(settled)];
        f.sentences << tr("From %1 on, every map correlates at least 0.5 with the last one: the "
                          "evidence takes its final shape in %2.")
                           .arg(QString::fromStdString(step.target),
                                step.stage.empty() ? tr("the stem")
                                                   : QString::fromStdString(step.stage));
    } else {
        f.sentences << tr(
            "No earlier map correlates at least 0.5 with the last one: the "
            "evidence takes its shape at the very end.");
    }
    return f;
}

}  // namespace reslens
