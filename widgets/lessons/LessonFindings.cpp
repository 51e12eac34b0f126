#include "widgets/lessons/LessonFindings.h"

#include <cmath>

namespace reslens {

QString LessonFindings::sentence(const LessonSentence& sentence) {
    const QString text = QCoreApplication::translate("LessonSentences", sentence.text.c_str());
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const size_t arg = size_t(text[i + 1].unicode() - '1');
            if (arg < sentence.args.size()) {
                out += QString::fromStdString(sentence.args[arg]);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QStringList LessonFindings::sentences(const std::vector<LessonSentence>& sentences) {
    QStringList out;
    for (const LessonSentence& s : sentences) {
        out << sentence(s);
    }
    return out;
}

QString LessonFindings::label(const std::string& quantity) {
    const QString name = QString::fromStdString(quantity);
    const qsizetype dot = name.lastIndexOf('.');
    const QString owner = dot > 0 ? name.left(dot) : QString();
    const QString what = dot > 0 ? name.mid(dot + 1) : name;
    QString described;
    if (what == "firstOverLast") {
        described = tr("step 1, first block's gradient norm ÷ last block's");
    } else if (what == "firstLoss") {
        described = tr("loss at step 1");
    } else if (what == "lastLoss") {
        described = tr("mean loss over the last tenth of the steps");
    } else if (what == "peakOverFirst") {
        described = tr("highest loss ÷ first");
    } else if (what == "diverged") {
        described = tr("diverged (1) or not (0)");
    } else if (what == "divergedAt") {
        described = tr("the step it diverged at");
    } else if (what == "change") {
        described = tr("change of the loss from 20 to 56 layers");
    } else if (what == "whole") {
        described = tr("accuracy with every block");
    } else if (what == "median") {
        described = tr("accuracy, one block bypassed: median");
    } else if (what == "lowest") {
        described = tr("accuracy, one block bypassed: lowest");
    } else if (what == "highest") {
        described = tr("accuracy, one block bypassed: highest");
    } else if (what == "cost") {
        described = tr("accuracy lost at the median");
    } else if (what == "below1") {
        described = tr("share of the map below loss 1");
    } else if (what == "params") {
        described = tr("parameters");
    } else if (what == "macs") {
        described = tr("multiply-adds per image");
    } else if (what == "overBottleneck") {
        described = tr("parameters ÷ the bottleneck's");
    } else if (owner == "watch" && what == "faceOn") {
        return tr("frames named right: face-on");
    } else if (owner == "watch" && what == "edgeOn") {
        return tr("frames named right: edge-on");
    } else if (owner == "watch" && what == "sideways") {
        return tr("frames named right: on its side");
    } else if (owner == "watch" && what == "upsideDown") {
        return tr("frames named right: upside down");
    } else if (owner == "watch" && what == "frames") {
        return tr("frames of the clip classified");
    } else if (owner == "cam" && what == "probability") {
        return tr("probability of the class explained");
    } else if (owner == "cam" && what == "settled") {
        return tr("the step from which every map correlates ≥ 0.5");
    } else if (name.startsWith("cam.")) {
        return tr("%1: correlation with the last map").arg(name.mid(4));
    } else {
        return name;
    }
    return owner.isEmpty() ? described : QStringLiteral("%1: %2").arg(owner, described);
}

QString LessonFindings::value(double value, QuantityKind kind) {
    return QString::fromStdString(formatQuantityValue(value, kind));
}

QString LessonFindings::spread(const Quantity& quantity) {
    const QString median = value(quantity.median, quantity.kind);
    if (quantity.values.size() < 2 || !std::isfinite(quantity.min)) {
        return median;
    }
    return QStringLiteral("%1 (%2–%3)")
        .arg(median, value(quantity.min, quantity.kind), value(quantity.max, quantity.kind));
}

}  // namespace reslens
