#pragma once

// The ResLens main window: in the middle, the feature maps or the training lab (tabs);
// around them, in docks, the input (drop zone, network view, samples), the predictions,
// the block navigator, the magnitude chart and the parameter table. The window only draws: every
// tensor operation happens in the InferenceWorker on its own thread.

#include <QHash>
#include <QMainWindow>
#include <QThread>

#include <functional>
#include <optional>

#include "widgets/ViewTypes.h"

class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSpinBox;
class QTabWidget;

namespace reslens {

class BlockListWidget;
class BypassBar;
class FeatureMapPanel;
class InferenceWorker;
class InputPanel;
class LandscapeView;
class LesionView;
class LessonDirector;
class LessonsPage;
class ResponseView;
class MagnitudeChart;
class MessageBar;
class ParameterTable;
class PredictionBars;
class PresenterMode;
class TrainingLabPanel;
struct CamTrace;

struct StartupOptions {
    std::optional<ModelRequest> model;  // none: the last model, else the shipped default
    QString image;                      // none: the first sample of the gallery
    QString device;                     // none: the last device, else "cpu"
    int threads = 0;                    // 0: the last setting, else every core
};

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Loads the model and classifies the image the options name (see StartupOptions).
    void start(const StartupOptions& options);

    InputPanel* inputPanel() const { return input_; }
    PredictionBars* predictions() const { return predictions_; }
    BlockListWidget* blockList() const { return blocks_; }
    LesionView* lesionView() const { return lesion_; }
    ResponseView* responseView() const { return responses_; }
    LandscapeView* landscapeView() const { return landscape_; }
    void showLesionStudy();
    void showLandscape();
    QString bypassText() const;  // the bypass bar's line; empty while no block is bypassed
    FeatureMapPanel* featurePanel() const { return features_; }
    MagnitudeChart* magnitudeChart() const { return magnitudes_; }
    ParameterTable* parameterTable() const { return parameters_; }
    MessageBar* messageBar() const { return messages_; }
    TrainingLabPanel* trainingLab() const { return lab_; }
    PresenterMode* presenterMode() const { return presenter_; }
    LessonDirector* lessons() const { return lessons_; }
    // The start page: every lesson, one click each.
    void showLessonsPage();
    // The lab, the lesion study or the landscape wants the room (a lesson, or the start-up
    // options that open them): the explorer's docks go away, but `keep`, and come back as
    // they were when shown again — which the Feature maps tab does.
    void setExplorerDocksShown(bool shown, const QString& keep = QString());
    // The lab, the lesion study or the landscape is running.
    bool runInProgress() const;
    // Brings the explorer (feature maps) or the training lab to the front.
    void showTrainingLab(bool show);
    const ModelView& model() const { return model_; }
    QObject* worker() const;
    const ClassificationView& lastClassification() const { return classification_; }

    // Each returns an empty string on success, else the reason (also shown in the window).
    QString exportFeatureGrid(const QString& path);
    QString exportMagnitudeChart(const QString& path);  // .png or .svg
    QString exportStatistics(const QString& path);      // .csv or .json

public Q_SLOTS:
    void openModel(const reslens::ModelRequest& request);
    void classifyFile(const QString& path);
    // A ResLens model file opens; a checkpoint, safetensors or TorchScript file (after the
    // TorchScript warning) goes through the import dialog; anything else is said in one line.
    void openModelFile(const QString& path);
    void classifyPastedImage(const QImage& image);
    void setCropToObject(bool enabled);
    // A live lesion: these blocks bypassed, the current image classified again.
    void setBypass(const QStringList& blocks);
    // Grad-CAM of the current image at the stem and every block (GradCamTrace.h); answers
    // with gradCamTraced, or shows why not.
    void traceGradCam();
    // One line at the top of the window (MessageBar); also emitted as errorShown.
    void showError(const QString& message);

Q_SIGNALS:
    void modelShown(const QString& title);
    void predictionsShown(int requestId);
    void featureGridShown(int entry);
    void errorShown(const QString& message);
    void gradCamTraced(const reslens::CamTrace& trace);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void reclassifyCurrent();
    void buildLessons();
    void buildDocks();
    void buildActions();
    void buildToolbar();
    void connectWorker();
    void restoreSettings();
    void rememberRecentImage(const QString& path);
    void updateRecentMenu();

    void onModelLoaded(const reslens::ModelView& view);
    void onClassified(const reslens::ClassificationView& view);
    void onClassificationFailed(int requestId, const QString& message);
    void onEntrySelected(int entry);
    void onFeaturesRendered(const reslens::FeatureView& view);
    void requestFeatures();

    void chooseImage();
    void chooseModelFile();
    void chooseImport();
    // TorchScript's trust warning; false when the user cancels.
    bool confirmTorchScript();
    void buildFreshNetwork();
    void saveFeatureGridAs();
    void saveChartAs();
    void saveStatisticsAs();
    void pasteImage();
    QString exportDirectory() const;

    QThread workerThread_;
    InferenceWorker* worker_;
    InputPanel* input_;
    PredictionBars* predictions_;
    BlockListWidget* blocks_;
    BypassBar* bypassBar_;
    FeatureMapPanel* features_;
    MagnitudeChart* magnitudes_;
    ParameterTable* parameters_;
    MessageBar* messages_;
    TrainingLabPanel* lab_;
    PresenterMode* presenter_ = nullptr;
    LesionView* lesion_;
    ResponseView* responses_;
    LandscapeView* landscape_;
    LessonsPage* lessonsPage_;
    LessonDirector* lessons_ = nullptr;
    QTabWidget* tabs_;
    QComboBox* device_;
    QSpinBox* threads_;
    QLabel* modelLabel_;
    QLabel* timingLabel_;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QList<QDockWidget*> explorerDocks_;  // input, predictions, blocks, magnitudes, parameters
    QList<QDockWidget*> hiddenForRoom_;  // those setExplorerDocksShown(false) put away

    ModelView model_;
    ModelRequest pendingModel_;
    bool modelReady_ = false;
    ClassificationView classification_;
    QImage lastPastedImage_;            // re-classified when "crop to object" changes
    QString lastImagePath_;             // re-classified when another model is opened
    QHash<int, QString> pendingPaths_;  // request id -> file, until it is answered
    int classificationId_ = 0;
    int featureId_ = 0;
    bool startupDone_ = false;
    QString startupImage_;
    std::function<void()> defaultDockSizes_;
};

}  // namespace reslens
