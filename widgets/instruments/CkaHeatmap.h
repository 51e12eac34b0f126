#pragma once

// One network's block-to-block CKA matrix as a heat-map: the stem at the top left, blocks in
// network order, white lines at the stage boundaries, a colour bar from 0 to 1. Painted with
// QPainter, so that it exports as vectors.

#include <QWidget>

#include "app/core/instruments/SimilarityTypes.h"

namespace reslens {

class CkaHeatmap : public QWidget {
    Q_OBJECT

public:
    explicit CkaHeatmap(QWidget* parent = nullptr);

    void setResult(const SimilarityResult& result);
    void clear();
    bool hasResult() const { return !result_.cka.empty(); }
    QSize sizeHint() const override { return {420, 420}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    SimilarityResult result_;
};

}  // namespace reslens
