#include "widgets/charts/M4Aggregate.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace reslens {

void M4Aggregate::reset(double xMin, double xMax, int columns) {
    columns_.assign(size_t(std::max(1, columns)), Column{});
    xMin_ = xMin;
    scale_ = xMax > xMin ? double(columns_.size()) / (xMax - xMin) : 0;
    samples_ = 0;
    changed_ = true;
}

void M4Aggregate::add(double x, double y) {
    if (columns_.empty()) {
        reset(0, 1, 1);
    }
    const double at = std::floor((x - xMin_) * scale_);
    const size_t index =
        size_t(std::clamp(std::isfinite(at) ? at : 0.0, 0.0, double(columns_.size() - 1)));
    Column& c = columns_[index];
    const QPointF p(x, y);
    if (!c.used) {
        c = {p, p, p, p, true};
    } else {
        if (x < c.first.x()) {
            c.first = p;
        }
        if (x >= c.last.x()) {
            c.last = p;
        }
        if (y < c.low.y()) {
            c.low = p;
        }
        if (y > c.high.y()) {
            c.high = p;
        }
    }
    ++samples_;
    changed_ = true;
}

QList<QPointF> M4Aggregate::points() {
    changed_ = false;
    QList<QPointF> out;
    out.reserve(qsizetype(std::min<size_t>(columns_.size() * 4, size_t(samples_))));
    for (const Column& c : columns_) {
        if (!c.used) {
            continue;
        }
        // First and last keep their places; the extremes go between them in x order, so the
        // line through the column goes where the samples went.
        std::array<QPointF, 2> middle{c.low, c.high};
        if (middle[1].x() < middle[0].x()) {
            std::swap(middle[0], middle[1]);
        }
        for (const QPointF& p : {c.first, middle[0], middle[1], c.last}) {
            if (out.isEmpty() || out.last() != p) {
                out.append(p);
            }
        }
    }
    return out;
}

}  // namespace reslens
