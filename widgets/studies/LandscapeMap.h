#pragma once

// One 2-D loss-landscape slice as a filled contour map (Li et al. 2018, Fig. 5): the P x P
// loss grid interpolated bilinearly in log space and painted in bands between the given
// levels (shared by the maps shown side by side, so equal colours mean equal loss), the
// trained network — the centre — marked with a cross and its loss written below; a colour
// key on the right gives the levels.

#include <QImage>
#include <QVector>
#include <QWidget>

namespace reslens {

class LandscapeMap : public QWidget {
    Q_OBJECT

public:
    explicit LandscapeMap(QWidget* parent = nullptr);

    // loss: row-major, `side` x `side`, row = beta. levels: increasing, log-spaced.
    void showSlice(const QString& title, const QVector<double>& loss, int side,
                   const QVector<double>& levels, double range);
    void clear();
    const QImage& image() const { return image_; }

    // `count` log-spaced levels from the smallest to the largest finite loss of all grids.
    static QVector<double> logLevels(const QVector<QVector<double>>& grids, int count);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString title_;
    QImage image_;
    double range_ = 1;
    QVector<double> levels_;
    double centreLoss_ = 0;
};

}  // namespace reslens
