#include "app/core/lessons/LessonReport.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace reslens {
namespace {

using Measures = std::vector<SeedMeasure>;
constexpr const char* kScope = "LessonSentences";
const double kChanceLoss = std::log(10.0);  // ten classes: a network that knows nothing

std::vector<double> valuesOf(const Measures& measures, const std::string& name) {
    std::vector<double> values;
    for (const SeedMeasure& m : measures) {
        values.push_back(m.value(name));
    }
    return values;
}

std::vector<double> difference(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> out;
    for (size_t i = 0; i < a.size(); ++i) {
        out.push_back(a[i] - b[i]);
    }
    return out;
}

// One seed: the value; several: "median (min–max)".
std::string stat(const Quantity& q) {
    const std::string median = formatQuantityValue(q.median, q.kind);
    if (q.values.size() < 2 || !std::isfinite(q.min)) {
        return median;
    }
    return median + " (" + formatQuantityValue(q.min, q.kind) + "–" +
           formatQuantityValue(q.max, q.kind) + ")";
}

// A share's stat in percentage points: "76.2 (74.7–77.7)".
std::string points(const Quantity& share) {
    std::vector<double> scaled;
    for (double v : share.values) {
        scaled.push_back(100 * v);
    }
    return stat(quantityOf(share.name, QuantityKind::Number, scaled));
}

// Steps: whole numbers, "2" or "2 (2–3)".
std::string stepStat(const Quantity& q) {
    const auto whole = [](double v) {
        return std::isfinite(v) ? std::to_string(std::llround(v)) : std::string("–");
    };
    if (!std::isfinite(q.min) || q.min == q.max) {
        return whole(q.median);
    }
    return whole(q.median) + " (" + whole(q.min) + "–" + whole(q.max) + ")";
}

std::string signedStat(const Quantity& q) {
    return (q.median >= 0 ? "+" : "") + stat(q);
}

std::string seedList(const std::vector<uint64_t>& seeds) {
    std::string out;
    for (uint64_t seed : seeds) {
        out += (out.empty() ? "" : ", ") + std::to_string(seed);
    }
    return out;
}

class Report {
public:
    Report(LessonId lesson, const Measures& measures, const LessonSettings& settings)
        : measures_(measures) {
        record_.lesson = lessonName(lesson);
        record_.settings = settings.describe(lesson);
        if (lessonUsesSeeds(lesson)) {
            for (const SeedMeasure& m : measures) {
                record_.seeds.push_back(m.seed);
            }
        }
        for (const SeedMeasure& m : measures) {
            record_.complete = record_.complete && m.complete;
        }
    }

    Quantity add(const std::string& name, QuantityKind kind = QuantityKind::Number) {
        record_.quantities.push_back(quantityOf(name, kind, valuesOf(measures_, name)));
        return record_.quantities.back();
    }
    Quantity q(const std::string& name) const { return *record_.quantity(name); }
    std::vector<double> values(const std::string& name) const { return valuesOf(measures_, name); }
    void say(const char* text, std::vector<std::string> args = {}) {
        record_.sentences.push_back({text, std::move(args)});
    }
    // How many seeds, which, and how the numbers are written.
    void sayHowMeasured() {
        if (record_.seeds.size() == 1) {
            say(QT_TRANSLATE_NOOP("LessonSentences",
                                  "Measured in one run (seed %1). One run shows what happened "
                                  "once; it cannot say how much of it is chance."),
                {seedList(record_.seeds)});
        } else {
            say(QT_TRANSLATE_NOOP("LessonSentences",
                                  "Measured over %1 seeds (%2): each number is their median, "
                                  "with the range over the seeds in brackets."),
                {std::to_string(record_.seeds.size()), seedList(record_.seeds)});
        }
    }
    // Why runs ended early, every seed's; false when there were none.
    bool sayNotes() {
        bool any = false;
        for (const SeedMeasure& m : measures_) {
            for (const LessonSentence& note : m.notes) {
                LessonSentence withSeed{QT_TRANSLATE_NOOP("LessonSentences", "Seed %1: %2"),
                                        {std::to_string(m.seed), note.english()}};
                record_.sentences.push_back(withSeed);
                any = true;
            }
        }
        return any;
    }
    void sayOneRun() {
        say(QT_TRANSLATE_NOOP("LessonSentences",
                              "One run cannot settle the comparison: run the lesson with 3 seeds "
                              "for that."));
    }
    bool allSeeds(const std::string& name, bool (*test)(double)) const {
        const std::vector<double> v = values(name);
        return !v.empty() && std::all_of(v.begin(), v.end(), test);
    }
    int countSeeds(const std::string& name, bool (*test)(double)) const {
        const std::vector<double> v = values(name);
        return int(std::count_if(v.begin(), v.end(), test));
    }
    size_t seeds() const { return measures_.size(); }
    bool complete() const { return record_.complete; }
    LessonRecord take() { return std::move(record_); }

private:
    const Measures& measures_;
    LessonRecord record_;
};

// Step 1's gradient ratio of each network of a pair, and which way it goes.
void sayFirstStep(Report& r, const std::string& resnet, const std::string& plain) {
    const Quantity& resnetRatio = r.add(resnet + ".firstOverLast");
    const Quantity& plainRatio = r.add(plain + ".firstOverLast");
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "At step 1, the first block's gradient norm over the last block's: "
                            "%1 in %2, %3 in %4."),
          {stat(plainRatio), plain, stat(resnetRatio), resnet});
    for (const std::string& run : {plain, resnet}) {
        const std::string name = run + ".firstOverLast";
        if (r.seeds() == 1) {
            r.say(r.allSeeds(name, [](double v) { return v > 1; })
                      ? QT_TRANSLATE_NOOP("LessonSentences",
                                          "In %1 the gradient grows on its way back to the input.")
                      : QT_TRANSLATE_NOOP("LessonSentences",
                                          "In %1 the gradient shrinks on its way back to the "
                                          "input."),
                  {run});
        } else if (r.allSeeds(name, [](double v) { return v > 1; })) {
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In %1 the gradient grows on its way back to the input, in "
                                    "every seed."),
                  {run});
        } else if (r.allSeeds(name, [](double v) { return v < 1; })) {
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In %1 the gradient shrinks on its way back to the input, in "
                                    "every seed."),
                  {run});
        } else {
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In %1 the gradient grew on its way back in some seeds and "
                                    "shrank in others."),
                  {run});
        }
    }
}

LessonRecord whySkips(Report& r, const LessonSettings& settings) {
    const std::string resnet = "resnet56";
    const std::string plain = "plain56";
    r.sayHowMeasured();
    sayFirstStep(r, resnet, plain);
    const Evidence gradient =
        weigh(difference(r.values(plain + ".firstOverLast"), r.values(resnet + ".firstOverLast")),
              r.values(resnet + ".firstOverLast"));
    if (gradient == Evidence::Holds) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "In every seed that ratio was larger in %1 than in %2, by more "
                                "than %2's spread over the seeds."),
              {plain, resnet});
    } else if (gradient == Evidence::Opposite) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "In every seed that ratio was smaller in %1 than in %2, by more "
                                "than %2's spread over the seeds."),
              {plain, resnet});
    } else if (gradient == Evidence::Unsettled) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "These seeds did not settle in which network that ratio is "
                                "larger."));
    }
    r.add(resnet + ".firstLoss");
    const Quantity& plainFirst = r.add(plain + ".firstLoss");
    const Quantity& resnetLast = r.add(resnet + ".lastLoss");
    const Quantity& plainLast = r.add(plain + ".lastLoss");
    const Quantity& resnetPeak = r.add(resnet + ".peakOverFirst");
    const Quantity& plainPeak = r.add(plain + ".peakOverFirst");
    if (r.sayNotes()) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "A run that ended early has no last steps to compare: run the "
                                "lesson again."));
        return r.take();
    }
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "Mean batch loss over the last %1 of %2 steps: %3 for %4, %5 for %6."),
          {std::to_string(lastTenth(settings.steps)), std::to_string(settings.steps),
           stat(resnetLast), resnet, stat(plainLast), plain});
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "The highest batch loss of the run was %1× the first for %2 and %3× "
                            "for %4."),
          {stat(resnetPeak), resnet, stat(plainPeak), plain});
    const Evidence loss =
        weigh(difference(r.values(plain + ".lastLoss"), r.values(resnet + ".lastLoss")),
              r.values(resnet + ".lastLoss"));
    switch (loss) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed %1 ended behind %2, by more than %2's spread "
                                    "over the seeds."),
                  {plain, resnet});
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed %1 kept up with %2: it ended lower, by more "
                                    "than %2's spread over the seeds."),
                  {plain, resnet});
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "These seeds did not settle which network ends lower after "
                                    "%1 steps."),
                  {std::to_string(settings.steps)});
            break;
        case Evidence::OneRun:
            r.sayOneRun();
            break;
    }
    // Stuck or learning: its own last tenth against its own first loss, seed by seed.
    std::vector<double> fell;
    const std::vector<double> first = r.values(plain + ".firstLoss");
    const std::vector<double> last = r.values(plain + ".lastLoss");
    int learned = 0;
    for (size_t i = 0; i < first.size(); ++i) {
        learned += last[i] < 0.8 * first[i] ? 1 : 0;
    }
    if (learned == int(first.size())) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1 was not stuck: its loss fell from %2 at step 1 to %3."),
              {plain, stat(plainFirst), stat(plainLast)});
    } else if (learned == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1 hardly moved from its first loss (%2 at step 1, %3 at the "
                                "end)."),
              {plain, stat(plainFirst), stat(plainLast)});
    }
    return r.take();
}

LessonRecord withoutBatchNorm(Report& r, const LessonSettings& settings) {
    const std::string resnet = "resnet56";
    const std::string plain = "plain56";
    r.sayHowMeasured();
    sayFirstStep(r, resnet, plain);
    const Quantity& resnetFirst = r.add(resnet + ".firstLoss");
    const Quantity& plainFirst = r.add(plain + ".firstLoss");
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "The loss at step 1: %1 for %2, %3 for %4 (chance: %5)."),
          {stat(resnetFirst), resnet, stat(plainFirst), plain, formatNumber(kChanceLoss)});
    const Quantity& plainLast = r.add(plain + ".lastLoss");
    const int seeds = int(r.seeds());
    const int atChance = r.countSeeds(plain + ".lastLoss", [](double v) {
        return std::isfinite(v) && std::abs(v - std::log(10.0)) < 0.05;
    });
    const int finished =
        r.countSeeds(plain + ".lastLoss", [](double v) { return std::isfinite(v); });
    if (finished == seeds && atChance == seeds) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1 did not learn in any seed: its mean loss over the last %2 "
                                "steps stayed at chance (%3)."),
              {plain, std::to_string(lastTenth(settings.steps)), stat(plainLast)});
    } else if (finished == seeds && atChance == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1 learned in every seed: its loss moved away from chance "
                                "(%2 over the last %3 steps)."),
              {plain, stat(plainLast), std::to_string(lastTenth(settings.steps))});
    } else {
        r.say(QT_TRANSLATE_NOOP("LessonSentences", "%1's loss stayed at chance in %2 of %3 seeds."),
              {plain, std::to_string(atChance), std::to_string(seeds)});
    }
    r.add(resnet + ".diverged");
    const Quantity& divergedAt = r.add(resnet + ".divergedAt");
    const int diverged = r.countSeeds(resnet + ".diverged", [](double v) { return v > 0; });
    if (diverged == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences", "%1 did not diverge in any seed."), {resnet});
    } else {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1 without batch norm diverged in %2 of %3 seeds, at step %4."),
              {resnet, std::to_string(diverged), std::to_string(seeds), stepStat(divergedAt)});
    }
    return r.take();
}

LessonRecord degradation(Report& r, const LessonSettings& settings) {
    r.sayHowMeasured();
    const Quantity& resnet20 = r.add("resnet20.lastLoss");
    const Quantity& plain20 = r.add("plain20.lastLoss");
    const Quantity& resnet56 = r.add("resnet56.lastLoss");
    const Quantity& plain56 = r.add("plain56.lastLoss");
    if (r.sayNotes()) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "The lesson needs every run to finish: run it again."));
        return r.take();
    }
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "Mean batch loss over the last %1 of %2 steps, 20 layers: %3 for "
                            "resnet20, %4 for plain20; 56 layers: %5 for resnet56, %6 for "
                            "plain56."),
          {std::to_string(lastTenth(settings.degradationSteps)),
           std::to_string(settings.degradationSteps), stat(resnet20), stat(plain20), stat(resnet56),
           stat(plain56)});
    // The change from 20 to 56 layers, seed by seed.
    std::vector<double> plainChange =
        difference(r.values("plain56.lastLoss"), r.values("plain20.lastLoss"));
    std::vector<double> resnetChange =
        difference(r.values("resnet56.lastLoss"), r.values("resnet20.lastLoss"));
    const Quantity plain = quantityOf("plain.change", QuantityKind::Number, plainChange);
    const Quantity resnet = quantityOf("resnet.change", QuantityKind::Number, resnetChange);
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "From 20 to 56 layers the plain network's loss changed by %1 and "
                            "the ResNet's by %2."),
          {signedStat(plain), signedStat(resnet)});
    switch (weigh(difference(plainChange, resnetChange), resnetChange)) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP(
                "LessonSentences",
                "In every seed depth hurt the plain network more, by more than the ResNet's "
                "spread over the seeds. That is the direction of the degradation problem He et "
                "al. found (2015, Fig. 1 and 6); they measured training error at convergence, "
                "this lesson the loss after a short run."));
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed depth hurt the ResNet more than the plain "
                                    "network: not the direction He et al. found (2015)."));
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "These seeds did not settle whether depth hurts the plain "
                                    "network more: the difference changed sign between seeds, "
                                    "or was within the ResNet's spread."));
            break;
        case Evidence::OneRun:
            r.sayOneRun();
            break;
    }
    LessonRecord record = r.take();
    record.quantities.push_back(plain);
    record.quantities.push_back(resnet);
    return record;
}

LessonRecord lesion(Report& r, const LessonSettings& settings) {
    if (!r.complete() || r.seeds() == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "The study was cancelled: run the lesson again for its "
                                "numbers."));
        return r.take();
    }
    r.sayHowMeasured();
    for (const std::string& net : {std::string("resnet56"), std::string("plain56")}) {
        const Quantity& whole = r.add(net + ".whole", QuantityKind::Share);
        const Quantity& median = r.add(net + ".median", QuantityKind::Share);
        const Quantity& lowest = r.add(net + ".lowest", QuantityKind::Share);
        const Quantity& highest = r.add(net + ".highest", QuantityKind::Share);
        r.add(net + ".cost", QuantityKind::Share);
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "%1, one block bypassed at a time, on %2 test images a seed: "
                                "lowest %3, median %4, highest %5 (every block in place: %6)."),
              {net, std::to_string(settings.lesionImages), stat(lowest), stat(median),
               stat(highest), stat(whole)});
    }
    const Quantity& resnetCost = r.q("resnet56.cost");
    const Quantity& plainCost = r.q("plain56.cost");
    switch (weigh(difference(r.values("plain56.cost"), r.values("resnet56.cost")),
                  r.values("resnet56.cost"))) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP(
                      "LessonSentences",
                      "In every seed bypassing one block cost the plain network more than the "
                      "ResNet, by more than the ResNet's spread over the seeds: at the median "
                      "%1 points of accuracy against %2. Veit et al. 2016 (Fig. 3) found the "
                      "same, and explain it by the shortcut: without F(x), x still reaches the "
                      "next block."),
                  {points(plainCost), points(resnetCost)});
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed bypassing one block cost the ResNet more than "
                                    "the plain network: %1 points against %2 at the median."),
                  {points(resnetCost), points(plainCost)});
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "These seeds did not settle which network a bypassed block "
                                    "costs more: %1 points for the plain network, %2 for the "
                                    "ResNet, at the median."),
                  {points(plainCost), points(resnetCost)});
            break;
        case Evidence::OneRun:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "At the median, bypassing one block cost the plain network "
                                    "%1 points of accuracy and the ResNet %2."),
                  {points(plainCost), points(resnetCost)});
            r.sayOneRun();
            break;
    }
    return r.take();
}

LessonRecord landscape(Report& r, const LessonSettings& settings) {
    if (!r.complete() || r.seeds() == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "The landscape did not finish: run the lesson again for its "
                                "numbers."));
        return r.take();
    }
    r.sayHowMeasured();
    const Quantity& resnet = r.add("resnet56.below1", QuantityKind::Share);
    const Quantity& plain = r.add("plain56.below1", QuantityKind::Share);
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "On a %1×%1 grid reaching %2 along each direction, over the first %3 "
                            "training images, with new random directions each seed: the loss is "
                            "below 1 over %4 of resnet56's map and %5 of plain56's."),
          {std::to_string(settings.landscapePoints), formatNumber(settings.landscapeRange),
           std::to_string(settings.landscapeImages), stat(resnet), stat(plain)});
    switch (weigh(difference(r.values("resnet56.below1"), r.values("plain56.below1")),
                  r.values("plain56.below1"))) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed resnet56's region of low loss was the larger, "
                                    "by more than plain56's spread over the seeds: the direction "
                                    "of Li et al.'s finding (2018, Fig. 5)."));
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed plain56's region of low loss was the larger: "
                                    "not the direction of Li et al.'s finding (2018)."));
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "These seeds did not settle which network's region of low "
                                    "loss is larger."));
            break;
        case Evidence::OneRun:
            r.sayOneRun();
            break;
    }
    return r.take();
}

std::string thousands(double value) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(value)));
    for (int i = int(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(size_t(i), ",");
    }
    return digits;
}

LessonRecord bottleneck(Report& r) {
    const Quantity& conv = r.add("bottleneck.params");
    const Quantity& basic = r.add("basic.params");
    const Quantity& ratio = r.add("basic.overBottleneck");
    const Quantity& macs = r.add("bottleneck.macs");
    const Quantity& basicMacs = r.add("basic.macs");
    const Quantity& height = r.add("output.height");
    const Quantity& width = r.add("output.width");
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "layer1.1's three convolutions (1×1 256→64, 3×3 64→64, 1×1 64→256) "
                            "hold %1 parameters; two 3×3 convolutions at 256 channels would hold "
                            "3·3·256·256·2 = %2, %3× as many."),
          {thousands(conv.median), thousands(basic.median), formatNumber(ratio.median)});
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "At its %1×%2 output that is %3 multiply-adds against %4 per image."),
          {thousands(height.median), thousands(width.median), thousands(macs.median),
           thousands(basicMacs.median)});
    return r.take();
}

LessonRecord evidence(Report& r, const SeedMeasure& measure) {
    std::vector<std::string> parts;
    std::string stage;
    double low = 0;
    double high = 0;
    std::string resolution;
    const auto closeStage = [&] {
        if (!stage.empty()) {
            parts.push_back(stage + " (" + resolution + ") " + formatNumber(low) + " to " +
                            formatNumber(high));
        }
    };
    r.add("cam.probability", QuantityKind::Share);
    for (const CamStep& step : measure.camSteps) {
        r.add("cam." + step.target);
        const double c = step.correlationWithLast;
        const std::string size = std::to_string(step.height) + "×" + std::to_string(step.width);
        if (step.stage.empty()) {
            parts.push_back("stem (" + size + ") " + formatNumber(c));
            continue;
        }
        if (step.stage != stage) {
            closeStage();
            stage = step.stage;
            low = high = c;
            resolution = size;
        }
        low = std::min(low, c);
        high = std::max(high, c);
    }
    closeStage();
    std::string joined;
    for (const std::string& part : parts) {
        joined += (joined.empty() ? "" : " · ") + part;
    }
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "For %1 (%2), the correlation of each block's map with the last "
                            "block's, both at the input's resolution: %3."),
          {measure.camClass,
           formatQuantityValue(measure.value("cam.probability"), QuantityKind::Share), joined});
    const int settled = int(r.add("cam.settled").median);
    if (settled >= 0 && settled + 1 < int(measure.camSteps.size())) {
        const CamStep& step = measure.camSteps[size_t(settled)];
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "From %1 on, every map correlates at least 0.5 with the last "
                                "one: the evidence takes its final shape in %2."),
              {step.target, step.stage.empty() ? std::string("the stem") : step.stage});
    } else {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "No earlier map correlates at least 0.5 with the last one: the "
                                "evidence takes its shape at the very end."));
    }
    return r.take();
}

}  // namespace

// The shipped default over the turning clip: how often it names the product in each pose.
// The sentence about the cost of turning is only as strong as every pose's drop.
LessonRecord watchTheBlocks(Report& r, const Measures& measures) {
    const Quantity faceOn = r.add("watch.faceOn", QuantityKind::Share);
    const Quantity edgeOn = r.add("watch.edgeOn", QuantityKind::Share);
    const Quantity sideways = r.add("watch.sideways", QuantityKind::Share);
    const Quantity upsideDown = r.add("watch.upsideDown", QuantityKind::Share);
    const Quantity frames = r.add("watch.frames");
    if (measures.empty() || !measures.front().complete || !std::isfinite(faceOn.median)) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "The clip did not play to its end: play the lesson again for its "
                                "numbers."));
        return r.take();
    }
    const auto share = [](const Quantity& q) { return formatQuantityValue(q.median, q.kind); };
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "Over the clip's %1 frames, ResNet-20 named the product in %2 of the "
                            "frames that show it face-on, %3 edge-on, %4 lying on its side and %5 "
                            "upside down."),
          {stepStat(frames), share(faceOn), share(edgeOn), share(sideways), share(upsideDown)});
    double smallestDrop = 1;
    for (const Quantity* turned : {&edgeOn, &sideways, &upsideDown}) {
        smallestDrop = std::min(smallestDrop, faceOn.median - turned->median);
    }
    const std::string dropPoints = std::to_string(std::llround(100 * smallestDrop));
    if (smallestDrop >= 0.25) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "Every turn cost it at least %1 points. Fashion-MNIST shows every "
                                "product from the front (Xiao et al. 2017), and the shipped model "
                                "learned from those images shifted by up to 2 pixels and "
                                "mirrored, never turned: edge-on, on its side or upside down, a "
                                "product is one it has not seen."),
              {dropPoints});
    } else {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "Not every turn cost it much: the smallest drop from face-on was "
                                "%1 points."),
              {dropPoints});
    }
    return r.take();
}

// Balduzzi et al. 2017 at initialisation, then the trained pair: the lag at which the
// derivative along the line decorrelates, resnet56 against plain56.
LessonRecord shatteredGradients(Report& r, const LessonSettings& settings) {
    if (!r.complete() || r.seeds() == 0) {
        r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                "The lines were not walked to the end: run the lesson again for "
                                "its numbers."));
        return r.take();
    }
    const std::string resnet = "resnet56";
    const std::string plain = "plain56";
    r.sayHowMeasured();
    const Quantity& resnetFresh = r.add(resnet + ".freshLag");
    const Quantity& plainFresh = r.add(plain + ".freshLag");
    const Quantity& resnetTrained = r.add(resnet + ".trainedLag");
    const Quantity& plainTrained = r.add(plain + ".trainedLag");
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "Freshly initialised, with batch-norm statistics from %1 training "
                            "images: along %2 points through a test image, the derivative's "
                            "autocorrelation first fell below 0.5 at lag %3 in %4 and at lag %5 "
                            "in %6."),
          {std::to_string(settings.gradientLineOptions(0).statisticsImages),
           std::to_string(settings.linePoints), stepStat(resnetFresh), resnet, stepStat(plainFresh),
           plain});
    switch (weigh(difference(r.values(resnet + ".freshLag"), r.values(plain + ".freshLag")),
                  r.values(plain + ".freshLag"))) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP(
                      "LessonSentences",
                      "In every seed the fresh %1's derivative stayed correlated over more "
                      "points than the fresh %2's, by more than %2's spread over the seeds. "
                      "Balduzzi et al. 2017 found the same: at initialisation a deep plain "
                      "network's gradient is like white noise, a ResNet's like brown noise."),
                  {resnet, plain});
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "In every seed the fresh %1's derivative decorrelated sooner "
                                    "than the fresh %2's: not what Balduzzi et al. 2017 found."),
                  {resnet, plain});
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "These seeds did not settle which fresh network's derivative "
                                    "stays correlated longer."));
            break;
        case Evidence::OneRun:
            r.sayOneRun();
            break;
    }
    r.say(QT_TRANSLATE_NOOP("LessonSentences",
                            "The trained networks on the same lines: lag %1 in %2, lag %3 in %4."),
          {stepStat(resnetTrained), resnet, stepStat(plainTrained), plain});
    switch (weigh(difference(r.values(resnet + ".trainedLag"), r.values(plain + ".trainedLag")),
                  r.values(plain + ".trainedLag"))) {
        case Evidence::Holds:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "After training too, in every seed %1's derivative stayed "
                                    "correlated longer than %2's, by more than %2's spread."),
                  {resnet, plain});
            break;
        case Evidence::Opposite:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "After training, in every seed %2's derivative stayed "
                                    "correlated longer than %1's."),
                  {resnet, plain});
            break;
        case Evidence::Unsettled:
            r.say(QT_TRANSLATE_NOOP("LessonSentences",
                                    "After training these seeds did not settle which network's "
                                    "derivative stays correlated longer: training changes both."));
            break;
        case Evidence::OneRun:
            break;
    }
    return r.take();
}

std::vector<LessonSentence> firstStepSentences(const SeedMeasure& measure) {
    if (measure.runs.size() < 2) {
        return {};
    }
    const Measures one{measure};
    Report r(LessonId::WhySkips, one, LessonSettings::reference());
    sayFirstStep(r, measure.runs[0], measure.runs[1]);
    return r.take().sentences;
}

LessonRecord reportLesson(LessonId lesson, const std::vector<SeedMeasure>& measures,
                          const LessonSettings& settings) {
    Report r(lesson, measures, settings);
    switch (lesson) {
        case LessonId::WhySkips:
            return whySkips(r, settings);
        case LessonId::WithoutBatchNorm:
            return withoutBatchNorm(r, settings);
        case LessonId::Degradation:
            return degradation(r, settings);
        case LessonId::Bottleneck:
            return bottleneck(r);
        case LessonId::BlockIsCorrection:
            return lesion(r, settings);
        case LessonId::Landscape:
            return landscape(r, settings);
        case LessonId::EvidenceForms:
            return measures.empty() ? r.take() : evidence(r, measures.front());
        case LessonId::ShatteredGradients:
            return shatteredGradients(r, settings);
        case LessonId::WatchTheBlocks:
            return watchTheBlocks(r, measures);
    }
    return r.take();
}

}  // namespace reslens
