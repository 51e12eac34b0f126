#pragma once

// Block similarity (Kornblith et al. 2019's linear CKA) in the app: the heat-map of every
// block's output against every other's, for the loaded model and its twin side by side, with
// the stage boundaries marked. On the study runner's thread; exports PNG, SVG and CSV.

#include <QVector>
#include <QWidget>

#include "app/core/instruments/SimilarityTypes.h"
#include "app/core/models/ModelRequest.h"

class QLabel;
class QLineEdit;
class QSpinBox;

namespace reslens {

class CkaHeatmap;
class ModelQueue;
class StudyControls;
class StudyRunner;

class SimilarityView : public QWidget {
    Q_OBJECT

public:
    explicit SimilarityView(QWidget* parent = nullptr);
    ~SimilarityView() override;

    void setModel(const ModelRequest& request, const QString& title);
    void setDevice(const QString& device) { device_ = device; }
    void setSamples(int samples);

    const QVector<SimilarityResult>& results() const { return results_; }
    bool running() const;

    QString exportCharts(const QString& path);
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
    QVector<SimilarityResult> results_;
    StudyControls* controls_;
    QLineEdit* data_;
    QSpinBox* samples_;
    QWidget* maps_;
    CkaHeatmap* left_;
    CkaHeatmap* right_;
    QLabel* summary_;
};

}  // namespace reslens
