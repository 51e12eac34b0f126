#pragma once

// The lesion study view (Veit et al. 2016): bypass each block of the loaded model in turn
// and, with one more click, of its twin (the shipped partner or any model file), on the
// model's test data; then k random blocks at once. The study runs on its own thread with
// progress and cancel; the charts compare the models side by side and export as PNG, SVG
// and CSV.

#include <QVector>
#include <QWidget>

#include "app/core/models/ModelRequest.h"
#include "app/core/studies/LesionTypes.h"

class QLabel;
class QLineEdit;
class QSpinBox;

namespace reslens {

class LesionBlockChart;
class LesionDepthChart;
class StudyControls;
class StudyRunner;

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
    // The first `samples` images, or with `drawnBySeed` that many drawn by the seed (the
    // lessons' seeds); changing the count by hand goes back to the first ones.
    void setSamples(int samples, quint64 drawnBySeed = 0);

    const QVector<NamedLesionStudy>& studies() const { return studies_; }
    bool running() const;
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
    void redraw();

    StudyRunner* runner_;
    ModelRequest model_;
    int classes_ = 0;
    QString device_ = QStringLiteral("cpu");
    QVector<NamedLesionStudy> studies_;

    StudyControls* controls_;
    QLineEdit* data_;
    QSpinBox* samples_;
    quint64 sampleSeed_ = 0;
    QSpinBox* randomK_;
    QSpinBox* trials_;
    QLabel* summary_;
    QWidget* charts_;
    LesionBlockChart* blocks_;
    LesionDepthChart* depth_;
};

}  // namespace reslens
