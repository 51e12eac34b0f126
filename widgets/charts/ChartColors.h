#pragma once

// The lab's colours. Blocks are coloured by depth, shallow to deep, along viridis' end
// points and middle (dark violet, teal, yellow): readable for colour-blind viewers and on
// projectors.

#include <QColor>

namespace reslens {

inline QColor depthColor(int index, int count) {
    const double t = count > 1 ? double(index) / double(count - 1) : 0.0;
    const QColor stops[3] = {QColor(68, 1, 84), QColor(33, 145, 140), QColor(253, 231, 37)};
    const int segment = t < 0.5 ? 0 : 1;
    const double u = (t - 0.5 * segment) / 0.5;
    const QColor& a = stops[segment];
    const QColor& b = stops[segment + 1];
    return QColor(int(a.red() + (b.red() - a.red()) * u),
                  int(a.green() + (b.green() - a.green()) * u),
                  int(a.blue() + (b.blue() - a.blue()) * u));
}

// The two runs of a comparison, in every chart of the lab: the residual network blue, its
// plain twin orange.
inline QColor runColor(int run) {
    return run % 2 == 0 ? QColor(31, 119, 180) : QColor(255, 127, 14);
}

}  // namespace reslens
