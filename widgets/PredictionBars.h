#pragma once

// The top-k predictions as labelled probability bars, best first.

#include <QWidget>

#include "widgets/ViewTypes.h"

namespace reslens {

class PredictionBars : public QWidget {
    Q_OBJECT

public:
    explicit PredictionBars(QWidget* parent = nullptr);

    void setPredictions(const QVector<ClassProbability>& top);
    const QVector<ClassProbability>& predictions() const { return top_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<ClassProbability> top_;
};

}  // namespace reslens
