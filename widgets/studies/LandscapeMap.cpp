#include "widgets/studies/LandscapeMap.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartColors.h"

namespace reslens {
namespace {

constexpr int kPixels = 240;   // the map's side, whatever the grid's
constexpr int kKeyWidth = 72;  // the colour key right of the map: a bar and its labels

// A level for the key, short enough for its narrow column: 0.12, 2.4, 48, 220, 1.2e+03.
QString levelText(double level) {
    return level >= 100 && level < 10000 ? QString::number(level, 'f', 0)
                                         : QString::number(level, 'g', 2);
}

}  // namespace

LandscapeMap::LandscapeMap(QWidget* parent) : QWidget(parent) {
    setMinimumSize(kPixels + kKeyWidth + 20, kPixels + 60);
}

QVector<double> LandscapeMap::logLevels(const QVector<QVector<double>>& grids, int count) {
    double low = std::numeric_limits<double>::infinity(), high = 0;
    for (const auto& grid : grids) {
        for (double v : grid) {
            if (std::isfinite(v) && v > 0) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    QVector<double> levels;
    if (!(high > low)) {
        return levels;
    }
    for (int i = 0; i < count; ++i) {
        levels << low * std::pow(high / low, double(i) / (count - 1));
    }
    return levels;
}

void LandscapeMap::clear() {
    title_.clear();
    image_ = QImage();
    update();
}

void LandscapeMap::showSlice(const QString& title, const QVector<double>& loss, int side,
                             const QVector<double>& levels, double range) {
    title_ = title;
    range_ = range;
    levels_ = levels;
    centreLoss_ = side > 0 && loss.size() == side * side ? loss[(side / 2) * side + side / 2] : 0;
    image_ = QImage(kPixels, kPixels, QImage::Format_RGB32);
    image_.fill(Qt::white);
    if (side < 2 || loss.size() != side * side || levels.size() < 2) {
        update();
        return;
    }
    const auto logAt = [&](int row, int column) {
        const double v = loss[row * side + column];
        return std::isfinite(v) && v > 0 ? std::log(v) : std::log(levels.back());
    };
    for (int y = 0; y < kPixels; ++y) {
        // Row 0 of the grid is the lowest beta: drawn at the bottom.
        const double gy = (kPixels - 1 - y) * double(side - 1) / (kPixels - 1);
        const int r0 = std::min(int(gy), side - 2);
        const double fy = gy - r0;
        for (int x = 0; x < kPixels; ++x) {
            const double gx = x * double(side - 1) / (kPixels - 1);
            const int c0 = std::min(int(gx), side - 2);
            const double fx = gx - c0;
            const double value = (1 - fy) * ((1 - fx) * logAt(r0, c0) + fx * logAt(r0, c0 + 1)) +
                                 fy * ((1 - fx) * logAt(r0 + 1, c0) + fx * logAt(r0 + 1, c0 + 1));
            int band = 0;
            while (band < levels.size() - 1 && value > std::log(levels[band + 1])) {
                ++band;
            }
            image_.setPixelColor(x, y, depthColor(band, int(levels.size()) - 1));
        }
    }
    update();
}

void LandscapeMap::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.drawText(QRect(0, 0, width(), 20), Qt::AlignCenter, title_);
    if (image_.isNull()) {
        return;
    }
    const int side = std::max(40, std::min(width() - kKeyWidth - 20, height() - 60));
    const QRect target((width() - kKeyWidth - side) / 2, 22, side, side);
    painter.drawImage(target, image_);
    painter.setPen(QPen(Qt::white, 2));
    const QPoint centre = target.center();
    painter.drawLine(centre - QPoint(6, 6), centre + QPoint(6, 6));
    painter.drawLine(centre - QPoint(6, -6), centre + QPoint(6, -6));
    painter.setPen(palette().windowText().color());
    painter.drawText(QRect(target.left(), target.bottom() + 2, side, 16), Qt::AlignCenter,
                     tr("α from %1 to %2 →, β upwards").arg(-range_).arg(range_));
    painter.drawText(QRect(target.left(), target.bottom() + 18, side, 16), Qt::AlignCenter,
                     tr("× the trained network: loss %1").arg(centreLoss_, 0, 'g', 3));

    // The key: one swatch per band, lowest at the bottom, every other level labelled.
    const int bands = int(levels_.size()) - 1;
    if (bands < 1) {
        return;
    }
    const QRect bar(target.right() + 8, target.top(), 12, side);
    for (int band = 0; band < bands; ++band) {
        const int top = bar.bottom() + 1 - (band + 1) * bar.height() / bands;
        const int bottom = bar.bottom() + 1 - band * bar.height() / bands;
        painter.fillRect(QRect(bar.left(), top, bar.width(), bottom - top),
                         depthColor(band, bands));
    }
    QFont small = painter.font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter.setFont(small);
    for (int level = 0; level <= bands; level += 2) {
        const int y = bar.bottom() + 1 - level * bar.height() / bands;
        painter.drawText(QRect(bar.right() + 4, y - 8, kKeyWidth - 16, 16),
                         Qt::AlignVCenter | Qt::AlignLeft, levelText(levels_[level]));
    }
}

}  // namespace reslens
