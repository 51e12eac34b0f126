#pragma once

// Linear probes (Alain & Bengio 2016) in the app: the test accuracy of a linear classifier on
// each block's globally averaged output, against depth, for the loaded model and its twin,
// each network's own accuracy drawn as a flat line. On the study runner's thread; exports
// PNG, SVG and CSV.

#include <QVector>
#include <QWidget>

#include "app/core/instruments/ProbeTypes.h"
#include "app/core/models/ModelRequest.h"

class QLabel;
class QLineEdit;
class QSpinBox;

namespace reslens {

class CurveChart;
class ModelQueue;
class StudyControls;
class StudyRunner;

class ProbeView : public QWidget {
    Q_OBJECT

public:
    explicit ProbeView(QWidget* parent = nullptr);
    ~ProbeView() override;

    void setModel(const ModelRequest& request, const QString& title);
    void setDevice(const QString& device) { device_ = device; }
    void setSamples(int training, int test);

    const QVector<ProbeResult>& results() const { return results_; }
    bool running() const;
    CurveChart* chart() const { return chart_; }

    QString exportChart(const QString& path);
    QString exportCsv(const QString& path) const;

public Q_SLOTS:
    void runLoadedModel();
    void runModel(const reslens::ModelRequest& request);
    void cancel();

Q_SIGNALS:
    void finished();
    void errorOccurred(const QString& message);

private:
    void start(const ModelRequest& request);
    void redraw();

    StudyRunner* runner_;
    ModelRequest model_;
    QString device_ = QStringLiteral("cpu");
    ModelQueue* queue_;
    QVector<ProbeResult> results_;
    StudyControls* controls_;
    QLineEdit* data_;
    QLineEdit* testData_;
    QSpinBox* samples_;
    QSpinBox* testSamples_;
    CurveChart* chart_;
    QLabel* summary_;
};

}  // namespace reslens
