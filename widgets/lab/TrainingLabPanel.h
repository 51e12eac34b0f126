#pragma once

// The training lab: choose a network and data, train it (and, to compare, its plain twin
// on the very same batches) and watch loss, accuracy and every block's gradient norm live.
// The worker trains on its own thread; the panel buffers the steps it reports and redraws
// the charts from a 10 Hz timer, so the charts cost the run next to nothing however fast
// steps arrive.

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <QWidget>

#include "model/network/ResNetConfig.h"
#include "widgets/lab/TrainingHistory.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QScrollArea;
class QPushButton;
class QSpinBox;

namespace reslens {

class DepthProfileChart;
class GradientHistoryChart;
class LossChart;
class TrainingWorker;

class TrainingLabPanel : public QWidget {
    Q_OBJECT

public:
    explicit TrainingLabPanel(QWidget* parent = nullptr);
    ~TrainingLabPanel() override;

    // Offered first in the architecture list as "loaded model (name)".
    void setLoadedArchitecture(const ResNetConfig& config);
    TrainingRequest request() const;
    // For scripted runs (tests, benchmarks): the choices the form would make.
    void setArchitecture(const QString& arch);
    void setSteps(qint64 steps);
    void setBatch(int batch);
    void setCompare(bool compare);
    void setSubset(qint64 images);
    void setLearningRate(double rate);
    void setBatchNorm(bool enabled);
    void setSeed(int seed);
    // The lab's measured defaults (docs/benchmarks.md, *Lab defaults*): 300 steps at batch
    // 64, the rate following the batch (0.05), seed 1, every image, batch norm, compare on,
    // Fashion-MNIST. The architecture stays as chosen. A lesson starts from here.
    void useDefaultRecipe();
    // The device the window runs on ("cpu", "cuda:0"): the lab trains there too.
    void setDevice(const QString& device) { device_ = device; }
    QObject* worker() const;

    bool running() const { return running_; }
    bool paused() const;
    const TrainingHistory& history() const { return history_; }
    LossChart* lossChart() const { return loss_; }
    GradientHistoryChart* historyChart(int run) const { return run == 0 ? skip_ : noskip_; }
    DepthProfileChart* depthChart() const { return depth_; }
    int chartRefreshes() const { return refreshes_; }

    // Each returns an empty string on success, else the reason.
    QString exportCsv(const QString& path) const;
    QString exportCharts(const QString& path);  // .png or .svg
    QString saveModel(int run, const QString& path) const;
    // The run on the charts as one file (docs/design.md, *Saved runs*), with the trained
    // weights when asked; and such a file, or a `reslens-cli compare --out` folder, back on
    // the charts as they were, its recipe in the form. A file that cannot be read leaves
    // the lab as it was.
    QString saveRun(const QString& path, bool withWeights) const;
    QString openRun(const QString& path);
    // Where the run on the charts came from: empty for one trained here, else the file.
    QString openedFrom() const { return openedFrom_; }

public Q_SLOTS:
    void start();
    void togglePause();
    void stop();
    void saveRunAs();  // dialogs, for the buttons and the window's File menu
    void openRunFile();

Q_SIGNALS:
    void runStarted();
    void runFinished();
    void chartsRefreshed();
    void openInExplorer(const QByteArray& modelFile, const QString& title);
    void errorOccurred(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStarted(const reslens::TrainingPlan& plan);
    void onStepped(const reslens::StepUpdate& update);
    void onRunEnded(int run, reslens::RunStatus status, const QString& message);
    void onFinished();
    void resetCharts(const TrainingPlan& plan);
    void fitControlColumn();
    void noteDivergence(int run);    // on its history chart, when the run diverged
    QString whyNoRunToSave() const;  // empty when there is one
    void showOutcome();
    void showRecipe(const TrainingRequest& request);
    QByteArray trainedModel(int run, QString* error) const;
    void refreshCharts();
    void refreshPhase(int phase);
    void flushCharts();
    void redrawHistories();
    void chooseDataDirectory();
    void updateButtons();
    void showProgress();
    void openRunInExplorer();
    void saveModelAs();
    void exportChartsAs();
    void exportCsvAs();

    QThread thread_;
    TrainingWorker* worker_;
    TrainingHistory history_;
    TrainingRequest runRequest_;  // the recipe of the run on the charts
    // A run opened from a file: its weights per run (empty: not saved with it).
    QString openedFrom_;
    QVector<QByteArray> openedWeights_;
    // Per run: steps of history_ already in the loss chart / the history chart; the step
    // the depth profile shows.
    QVector<qsizetype> drawnLoss_;
    QVector<qsizetype> drawnHistory_;
    QVector<qint64> profileStep_;
    QVector<bool> firstDrawn_;  // per run: the first step's profile is on the depth chart
    qint64 lastCountedStep_ = 0;
    int tick_ = 0;
    QTimer refresh_;
    QElapsedTimer clock_;
    qint64 pausedMs_ = 0;
    QElapsedTimer pausedClock_;
    bool running_ = false;
    bool rateFollowsBatch_ = true;  // until the learning rate is set by hand
    int refreshes_ = 0;

    ResNetConfig loadedConfig_;
    QString device_ = QStringLiteral("cpu");
    QComboBox* arch_;
    QComboBox* data_;
    QString dataDirectory_;
    QLabel* dataLabel_;
    QSpinBox* steps_;
    QSpinBox* batch_;
    QDoubleSpinBox* learningRate_;
    QSpinBox* seed_;
    QSpinBox* subset_;
    QCheckBox* batchNorm_;
    QCheckBox* compare_;
    QCheckBox* firstStep_;
    QComboBox* normKind_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QLabel* status_;
    QComboBox* trainedRun_;
    QPushButton* open_;
    QPushButton* save_;
    QPushButton* saveRun_;
    QWidget* charts_;
    QWidget* controlBox_ = nullptr;
    QScrollArea* controlScroll_ = nullptr;
    int designLineHeight_ = 0;
    LossChart* loss_;
    DepthProfileChart* depth_;
    GradientHistoryChart* skip_;
    GradientHistoryChart* noskip_;
};

}  // namespace reslens
