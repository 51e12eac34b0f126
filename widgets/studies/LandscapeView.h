#pragma once

// The loss-landscape view (Li et al. 2018): slices around the loaded model and its twin —
// the same seed, each network its own filter-normalised directions — as 1-D curves
// overlaid, or 2-D filled contour maps side by side with shared log-spaced levels. Runs on
// a worker thread with an estimate before it starts (a short calibration of each model),
// the time left, progress and cancel; exports PNG, SVG and CSV.

#include <QHash>
#include <QVector>
#include <QWidget>

#include "app/core/studies/LandscapeRequest.h"

class QChartView;
class QCheckBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace reslens {

class LandscapeMap;
class StudyControls;
class StudyRunner;

class LandscapeView : public QWidget {
    Q_OBJECT

public:
    explicit LandscapeView(QWidget* parent = nullptr);
    ~LandscapeView() override;

    void setModel(const ModelRequest& request, const QString& title);
    void setDevice(const QString& device);
    // The controls, for `reslens --landscape` and tests.
    void setOptions(const LandscapeOptions& options);
    LandscapeOptions options() const;

    const QVector<NamedLandscape>& slices() const { return slices_; }
    QVector<ModelRequest> modelsToRun() const;  // the loaded model, then its shipped twin
    bool running() const;
    // What the run the controls describe should take, from a short calibration of each
    // model; below 0 until every model is calibrated.
    double estimatedSeconds() const;

    QString exportCharts(const QString& path);  // "" or the reason
    QString exportCsv(const QString& path) const;

public Q_SLOTS:
    void run();
    void cancel();

Q_SIGNALS:
    void allFinished();
    void estimateChanged();
    void errorOccurred(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void startNext();
    void redraw();
    void calibrate();
    void showEstimate();
    // secondsPerImage_'s key: a model's cost depends on the device it runs on.
    static QString costKey(const QString& device, const QString& location) {
        return device + '\n' + location;
    }
    QString costKey(const QString& location) const { return costKey(device_, location); }

    void onSlice(const NamedLandscape& slice);

    StudyRunner* runner_;
    ModelRequest model_;
    QString device_ = QStringLiteral("cpu");
    QVector<ModelRequest> queue_;
    bool calibrationPending_ = false;  // a model arrived while the view was hidden
    QVector<NamedLandscape> slices_;
    QHash<QString, double> secondsPerImage_;  // by costKey

    QLineEdit* data_;
    QSpinBox* samples_;
    QSpinBox* points_;
    QDoubleSpinBox* range_;
    QSpinBox* seed_;
    QCheckBox* twoD_;
    StudyControls* controls_;
    QWidget* charts_;
    QChartView* curves_;
    LandscapeMap* left_;
    LandscapeMap* right_;
};

}  // namespace reslens
