#pragma once

// Shattered gradients (Balduzzi et al. 2017) in the app: the derivative of the top-1 logit
// along a line through input space, for the loaded model and its twin as a trained pair and
// as a fresh pair (one above the other), with each curve's autocorrelation beside it; one
// more click sweeps fresh networks of depth 20, 56 and 110 with and without skips. Runs on
// the study runner's thread with progress and cancel; exports PNG, SVG and CSV.

#include <QVector>
#include <QWidget>

#include <optional>

#include "app/core/instruments/GradientLineTypes.h"
#include "app/core/models/ModelRequest.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace reslens {

class CurveChart;
class ModelQueue;
class StudyControls;
class StudyRunner;

class GradientLineView : public QWidget {
    Q_OBJECT

public:
    explicit GradientLineView(QWidget* parent = nullptr);
    ~GradientLineView() override;

    void setModel(const ModelRequest& request, const QString& title);
    void setDevice(const QString& device) { device_ = device; }
    // The image the explorer shows: offered as x0 instead of a dataset image.
    void setExplorerImage(const QString& path);
    void setPoints(int points);
    void setSeed(int seed);
    // Points, seed, data and test image as `line` says (a lesson's line); x0 from the data.
    void setLine(const GradientLineOptions& line);

    const QVector<GradientLineResult>& results() const { return results_; }
    const std::optional<DepthSweepResult>& sweep() const { return sweep_; }
    bool running() const;
    CurveChart* trainedChart() const { return trainedDerivative_; }
    CurveChart* freshChart() const { return freshDerivative_; }
    CurveChart* sweepChart() const { return sweepChart_; }

    QString exportCharts(const QString& path);  // .png or .svg; "" or the reason
    QString exportCsv(const QString& path) const;

public Q_SLOTS:
    void runLoadedModel();                                // the model, then its twin
    void runModel(const reslens::ModelRequest& request);  // added beside what is shown
    void runSweep();
    void cancel();

Q_SIGNALS:
    void finished();
    void errorOccurred(const QString& message);

private:
    GradientLineOptions options() const;
    void start(const ModelRequest& request);
    void redraw();

    StudyRunner* runner_;
    ModelRequest model_;
    QString device_ = QStringLiteral("cpu");
    QString explorerImage_;
    ModelQueue* queue_;
    QVector<GradientLineResult> results_;
    std::optional<DepthSweepResult> sweep_;

    StudyControls* controls_;
    QLineEdit* data_;
    QSpinBox* index_;
    QCheckBox* useExplorerImage_;
    QSpinBox* points_;
    QSpinBox* seed_;
    QPushButton* sweepButton_;
    QWidget* charts_;
    CurveChart* trainedDerivative_;
    CurveChart* trainedAutocorrelation_;
    CurveChart* freshDerivative_;
    CurveChart* freshAutocorrelation_;
    CurveChart* sweepChart_;
    QLabel* summary_;
};

}  // namespace reslens
