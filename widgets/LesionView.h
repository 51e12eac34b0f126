#pragma once

// The lesion study view (Veit et al. 2016): bypass each block of the loaded model in turn
// and, with one more click, of its twin (the shipped partner or any model file), on the
// model's test data; then k random blocks at once. The study runs on its own thread with
// progress and cancel; the charts compare the models side by side and export as PNG, SVG
// and CSV.

#include <QThread>
#include <QVector>
#include <QWidget>

#include "app/core/LesionTypes.h"
#include "app/core/ModelRequest.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace reslens {

class LesionBlockChart;
class LesionDepthChart;
class LesionWorker;

class LesionView : public QWidget {
    Q_OBJECT

public:
    explicit LesionView(QWidget* parent = nullptr);
    ~LesionView() override;

    // The model the explorer has open: what "Run" studies. Clears the charts.
    void setModel(const ModelRequest& request, const QString& title, int classes);
    void setDevice(const QString& device) { device_ = device; }
    // The random lesions' controls: k = 1..maxK, `trials` draws each.
    void setRandomLesions(int maxK, int trials);
    // Study the first N images of the data (0: all of them).
    void setSamples(int samples);

    const QVector<NamedLesionStudy>& studies() const { return studies_; }
    bool running() const { return running_; }
    LesionBlockChart* blockChart() const { return blocks_; }
    LesionDepthChart* depthChart() const { return depth_; }

    // Each returns "" or the reason it failed.
    QString exportCharts(const QString& path);  // .png or .svg
    QString exportCsv(const QString& path) const;

public Q_SLOTS:
    void runLoadedModel();
    void runModel(const reslens::ModelRequest& request);  // added next to what is shown
    void cancel();

Q_SIGNALS:
    void studyFinished(const QString& title);
    void errorOccurred(const QString& message);

private:
    void start(const ModelRequest& request);
    void onFinished(const NamedLesionStudy& study);
    void setRunning(bool running);
    void chooseTwin();
    void redraw();

    QThread thread_;
    LesionWorker* worker_;
    ModelRequest model_;
    QString modelTitle_;
    int classes_ = 0;
    QString device_ = QStringLiteral("cpu");
    bool running_ = false;
    QVector<NamedLesionStudy> studies_;

    QLabel* modelLabel_;
    QLineEdit* data_;
    QSpinBox* samples_;
    QSpinBox* randomK_;
    QSpinBox* trials_;
    QPushButton* run_;
    QPushButton* twin_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* summary_;
    QWidget* charts_;
    LesionBlockChart* blocks_;
    LesionDepthChart* depth_;
};

}  // namespace reslens
