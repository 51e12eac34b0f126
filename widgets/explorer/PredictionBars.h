#pragma once

// The top-k predictions as labelled probability bars, best first. Clicking one asks for
// its Grad-CAM; the class Grad-CAM shows is framed.

#include <QWidget>

#include "widgets/explorer/ViewTypes.h"

namespace reslens {

class PredictionBars : public QWidget {
    Q_OBJECT

public:
    explicit PredictionBars(QWidget* parent = nullptr);

    void setPredictions(const QVector<ClassProbability>& top);
    const QVector<ClassProbability>& predictions() const { return top_; }
    // The class whose Grad-CAM is on screen, framed; -1 for none.
    void setExplainedClass(int classIndex);
    int explainedClass() const { return explained_; }
    // The class drawn at this point, or -1.
    int classAt(const QPoint& point) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void classClicked(int classIndex);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    int rowHeight() const { return fontMetrics().height() + 10; }

    QVector<ClassProbability> top_;
    int explained_ = -1;
};

}  // namespace reslens
