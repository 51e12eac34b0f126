#pragma once

// The instruments' page: shattered gradients, block similarity and linear probes, one tab
// each, all following the model the explorer has open and the device chosen.

#include <QTabWidget>

#include "app/core/models/ModelRequest.h"

namespace reslens {

class GradientLineView;
class ProbeView;
class SimilarityView;

class InstrumentsPage : public QTabWidget {
    Q_OBJECT

public:
    explicit InstrumentsPage(QWidget* parent = nullptr);

    void setModel(const ModelRequest& request, const QString& title);
    void setDevice(const QString& device);
    void setExplorerImage(const QString& path);
    bool running() const;

    GradientLineView* gradientLine() const { return gradientLine_; }
    SimilarityView* similarity() const { return similarity_; }
    ProbeView* probes() const { return probes_; }

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    GradientLineView* gradientLine_;
    SimilarityView* similarity_;
    ProbeView* probes_;
};

}  // namespace reslens
