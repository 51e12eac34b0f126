// reslens: the desktop application.

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

#include "app/core/ShippedModels.h"
#include "model/network/ResNetConfig.h"
#include "widgets/BlockListWidget.h"
#include "widgets/FeatureMapPanel.h"
#include "widgets/LandscapeView.h"
#include "widgets/LesionView.h"
#include "widgets/LessonCatalog.h"
#include "widgets/LessonDirector.h"
#include "widgets/MainWindow.h"
#include "widgets/PresenterMode.h"
#include "widgets/SettingsKeys.h"
#include "widgets/TrainingHistory.h"
#include "widgets/TrainingLabPanel.h"
#include "widgets/Translations.h"

using reslens::ModelRequest;

namespace {

// `--model` takes a shipped name or a file, as reslens-cli's does.
ModelRequest modelRequestFor(const QString& value) {
    if (reslens::findShippedModel(value.toStdString())) {
        return ModelRequest::shipped(value.toStdString());
    }
    return ModelRequest::file(QFileInfo(value).absoluteFilePath().toStdString());
}

}  // namespace

int main(int argc, char** argv) {
    QApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName("ResLens");
    QApplication::setOrganizationName("ResLens");
    QApplication::setApplicationVersion(RESLENS_VERSION);
    // The menu entry's name: lets the desktop match the window to its .desktop file and icon.
    QGuiApplication::setDesktopFileName("io.github.reslens.ResLens");
    QApplication::setWindowIcon(QIcon(":/icons/io.github.reslens.ResLens.svg"));
    // Before any widget: widgets translate their texts as they are built.
    reslens::Translations::install();

    // The options' descriptions in the user's language too (`reslens --help`).
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Look inside a residual network: drop an image, step through the blocks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        "image", QCoreApplication::translate("main", "An image to classify at start-up."),
        "[IMAGE]");
    QCommandLineOption modelOption(
        "model",
        QCoreApplication::translate("main", "A ResLens model file, or a shipped model: %1.")
            .arg(QString::fromStdString(reslens::shippedModelNames())),
        "file");
    QCommandLineOption importOption(
        "import",
        QCoreApplication::translate(
            "main", "A torchvision ResNet saved as TorchScript (or a state dict) to import."),
        "file");
    QCommandLineOption archOption(
        "arch",
        QCoreApplication::translate(
            "main", "Build this architecture with fresh weights (resnet50, plain56, ...)."),
        "name");
    QCommandLineOption deviceOption(
        "device", QCoreApplication::translate("main", "cpu or cuda[:N]."), "device");
    QCommandLineOption threadsOption(
        "threads", QCoreApplication::translate("main", "CPU threads for LibTorch."), "n");
    QCommandLineOption blockOption(
        "block",
        QCoreApplication::translate(
            "main", "Select this navigator entry at start-up (0 stem, 1 the first block, ...)."),
        "n");
    QCommandLineOption gradCamOption(
        "grad-cam",
        QCoreApplication::translate(
            "main", "Show Grad-CAM (the top-1 class) in the feature panel at start-up."));
    QCommandLineOption labOption(
        "lab",
        QCoreApplication::translate(
            "main", "Open the training lab and train this architecture against its plain twin."),
        "arch");
    QCommandLineOption labStepsOption(
        "lab-steps", QCoreApplication::translate("main", "Steps of the --lab run (default 300)."),
        "n", "300");
    QCommandLineOption labBatchOption(
        "lab-batch",
        QCoreApplication::translate(
            "main",
            "Batch size of the --lab run (default 64; the learning rate is 0.1 × batch / 128)."),
        "n", "64");
    QCommandLineOption lesionOption(
        "lesion",
        QCoreApplication::translate(
            "main", "Open the lesion study and run it for the model and its shipped twin."));
    QCommandLineOption landscapeOption(
        "landscape",
        QCoreApplication::translate(
            "main",
            "Open the loss landscape and slice the model and its shipped twin: N points per axis "
            "(1-D), or NxN with --landscape-2d."),
        "points");
    QCommandLineOption landscape2dOption(
        "landscape-2d", QCoreApplication::translate("main", "With --landscape: a 2-D slice."));
    QCommandLineOption landscapeSamplesOption(
        "landscape-samples",
        QCoreApplication::translate(
            "main", "With --landscape: images of the training split (default 2000)."),
        "n", "2000");
    QCommandLineOption openRunOption(
        "open-run",
        QCoreApplication::translate(
            "main", "Open a saved lab run (or a reslens-cli compare folder) in the lab."),
        "file");
    QCommandLineOption presenterOption(
        "presenter",
        QCoreApplication::translate(
            "main", "Start in presenter mode (full screen, scaled, high-contrast charts)."));
    QCommandLineOption presenterScaleOption(
        "presenter-scale",
        QCoreApplication::translate("main",
                                    "Presenter mode's scale in percent: 125, 150, 175 or 200."),
        "percent");
    QCommandLineOption lessonOption(
        "lesson",
        QCoreApplication::translate(
            "main",
            "Start a lesson: %1. With --screenshot, the shot is taken once the lesson shows "
            "its first result and the app quits when the lesson has measured everything.")
            .arg(reslens::lessonKeys().join(", ")),
        "name");
    QCommandLineOption screenshotOption(
        "screenshot",
        QCoreApplication::translate(
            "main",
            "Save a PNG of the window once it has drawn, then quit (for docs); with --landscape, "
            "the slices' CSV beside it."),
        "file");
    parser.addOptions({modelOption, importOption, archOption, deviceOption, threadsOption,
                       blockOption, gradCamOption, labOption, labStepsOption, labBatchOption,
                       lesionOption, landscapeOption, landscape2dOption, landscapeSamplesOption,
                       openRunOption, presenterOption, presenterScaleOption, lessonOption,
                       screenshotOption});
    parser.process(app);

    reslens::StartupOptions options;
    if (!parser.positionalArguments().isEmpty()) {
        options.image = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    }
    if (parser.isSet(modelOption)) {
        options.model = modelRequestFor(parser.value(modelOption));
    } else if (parser.isSet(importOption)) {
        options.model = ModelRequest::torchScript(
            QFileInfo(parser.value(importOption)).absoluteFilePath().toStdString());
    } else if (parser.isSet(archOption)) {
        try {
            const reslens::ResNetConfig config =
                reslens::ResNetConfig::fromArchName(parser.value(archOption).toStdString());
            options.model = ModelRequest::fresh(config);
        } catch (const std::exception& e) {
            qCritical("reslens: %s", e.what());
            return 2;
        }
    }
    options.device = parser.value(deviceOption);
    options.threads = parser.value(threadsOption).toInt();

    reslens::MainWindow window;
    if (parser.isSet(presenterScaleOption)) {
        window.presenterMode()->setScalePercent(parser.value(presenterScaleOption).toInt());
    }
    if (parser.isSet(presenterOption)) {
        window.presenterMode()->setActive(true);
    }
    window.show();
    if (parser.isSet(blockOption)) {
        const int entry = parser.value(blockOption).toInt();
        QObject::connect(&window, &reslens::MainWindow::modelShown, &window,
                         [&window, entry] { window.blockList()->selectEntry(entry); });
    }
    if (parser.isSet(gradCamOption)) {
        window.featurePanel()->showGradCam();
    }
    const bool lab = parser.isSet(labOption);
    if (lab) {
        reslens::TrainingLabPanel* panel = window.trainingLab();
        panel->setArchitecture(parser.value(labOption));
        panel->setSteps(parser.value(labStepsOption).toLongLong());
        panel->setBatch(parser.value(labBatchOption).toInt());
        panel->setCompare(true);
        window.showTrainingLab(true);
        window.setExplorerDocksShown(false);
        QObject::connect(&window, &reslens::MainWindow::predictionsShown, panel, [panel] {
            if (!panel->running() && panel->history().empty()) {
                panel->start();
            }
        });
    }
    const bool openRun = parser.isSet(openRunOption);
    if (openRun) {
        const QString error = window.trainingLab()->openRun(parser.value(openRunOption));
        if (!error.isEmpty()) {
            qCritical("reslens: %s", qPrintable(error));
            return 2;
        }
        window.showTrainingLab(true);
        window.setExplorerDocksShown(false);
    }
    const bool lesion = parser.isSet(lesionOption);
    if (lesion) {
        reslens::LesionView* view = window.lesionView();
        window.showLesionStudy();
        window.setExplorerDocksShown(false, "blocksDock");
        // After start-up's first prediction, once.
        QObject::connect(&window, &reslens::MainWindow::predictionsShown, view,
                         &reslens::LesionView::runLoadedModel, Qt::SingleShotConnection);
        QObject::connect(view, &reslens::LesionView::studyFinished, view, [view, &window] {
            const ModelRequest& loaded = window.model().request;
            const reslens::ShippedModel* shipped = reslens::findShippedModel(loaded.location);
            if (view->studies().size() == 1 && loaded.kind == reslens::ModelKind::Shipped &&
                shipped && !shipped->twin.empty()) {
                view->runModel(ModelRequest::shipped(shipped->twin));
            }
        });
    }
    const bool landscape = parser.isSet(landscapeOption);
    if (landscape) {
        reslens::LandscapeView* view = window.landscapeView();
        reslens::LandscapeOptions slice;
        slice.points = parser.value(landscapeOption).toInt();
        slice.samples = parser.value(landscapeSamplesOption).toInt();
        slice.twoD = parser.isSet(landscape2dOption);
        view->setOptions(slice);
        window.showLandscape();
        window.setExplorerDocksShown(false);
        QObject::connect(&window, &reslens::MainWindow::predictionsShown, view,
                         &reslens::LandscapeView::run, Qt::SingleShotConnection);
    }
    std::optional<reslens::LessonId> lesson;
    if (parser.isSet(lessonOption)) {
        lesson = reslens::lessonFromKey(parser.value(lessonOption));
        if (!lesson) {
            qCritical("reslens: --lesson %s: no such lesson (%s)",
                      qPrintable(parser.value(lessonOption)),
                      qPrintable(reslens::lessonKeys().join(", ")));
            return 2;
        }
        QObject::connect(
            &window, &reslens::MainWindow::predictionsShown, &window,
            [&window, lesson] { window.lessons()->start(*lesson); }, Qt::SingleShotConnection);
        // How long it took and what it found, for the docs and whoever runs it.
        QObject::connect(window.lessons(), &reslens::LessonDirector::completed, &window,
                         [&window, key = parser.value(lessonOption)] {
                             const reslens::LessonDirector* lessons = window.lessons();
                             std::printf("lesson %s: %.1f s\n", qPrintable(key),
                                         lessons->seconds());
                             for (const QString& finding : lessons->findings()) {
                                 std::printf("  %s\n", qPrintable(finding));
                             }
                             std::fflush(stdout);
                         });
    } else if (parser.positionalArguments().isEmpty() && !lab && !openRun && !lesion &&
               !landscape && !parser.isSet(blockOption) && !parser.isSet(gradCamOption) &&
               !QSettings().value(reslens::settings::kStartPageShown).toBool()) {
        // The very first start, with no view asked for: the lessons are where to begin.
        QSettings().setValue(reslens::settings::kStartPageShown, true);
        window.showLessonsPage();
    }
    // --screenshot: once the view has drawn, let the window paint, save it (and whatever
    // `alsoSave` writes beside it), then quit with whether it all worked.
    const QString shotFile = parser.value(screenshotOption);
    const auto shootAndQuit = [&window, shotFile](std::function<bool()> alsoSave = {}) {
        QTimer::singleShot(800, &window, [&window, shotFile, alsoSave] {
            const bool saved = window.grab().save(shotFile, "PNG") && (!alsoSave || alsoSave());
            QCoreApplication::exit(saved ? 0 : 1);
        });
    };
    if (parser.isSet(screenshotOption) && lesson) {
        // The lesson's screen once it shows what it teaches; quit once it is complete.
        auto saved = std::make_shared<bool>(false);
        QObject::connect(window.lessons(), &reslens::LessonDirector::showcaseReady, &window,
                         [&window, saved, shotFile] {
                             QTimer::singleShot(800, &window, [&window, saved, shotFile] {
                                 *saved = window.grab().save(shotFile, "PNG");
                             });
                         });
        QObject::connect(
            window.lessons(), &reslens::LessonDirector::completed, &window, [&window, saved] {
                QTimer::singleShot(1600, &window,
                                   [saved] { QCoreApplication::exit(*saved ? 0 : 1); });
            });
    } else if (parser.isSet(screenshotOption) && landscape) {
        QObject::connect(window.landscapeView(), &reslens::LandscapeView::allFinished, &window,
                         [&window, shotFile, shootAndQuit] {
                             // The numbers behind the picture, beside it (name.csv).
                             const QFileInfo png(shotFile);
                             const QString csv =
                                 png.dir().filePath(png.completeBaseName() + ".csv");
                             shootAndQuit([&window, csv] {
                                 return window.landscapeView()->exportCsv(csv).isEmpty();
                             });
                         });
    } else if (parser.isSet(screenshotOption) && lesion) {
        QObject::connect(
            window.lesionView(), &reslens::LesionView::studyFinished, &window,
            [&window, shootAndQuit] {
                if (!window.lesionView()->running() && window.lesionView()->studies().size() >= 2) {
                    shootAndQuit();
                }
            });
    } else if (parser.isSet(screenshotOption) && openRun) {
        QObject::connect(&window, &reslens::MainWindow::predictionsShown, &window,
                         [shootAndQuit] { shootAndQuit(); });
    } else if (parser.isSet(screenshotOption) && lab) {
        QObject::connect(window.trainingLab(), &reslens::TrainingLabPanel::runFinished, &window,
                         [shootAndQuit] { shootAndQuit(); });
    } else if (parser.isSet(screenshotOption)) {
        // After the first prediction and its feature grid.
        auto shot = std::make_shared<QMetaObject::Connection>();
        *shot = QObject::connect(&window, &reslens::MainWindow::featureGridShown, &window,
                                 [&window, shot, shootAndQuit] {
                                     if (window.lastClassification().top.isEmpty()) {
                                         return;
                                     }
                                     QObject::disconnect(*shot);
                                     shootAndQuit();
                                 });
        QObject::connect(
            &window, &reslens::MainWindow::errorShown, &window,
            [](const QString& message) { qCritical("reslens: %s", qPrintable(message)); });
    }
    window.start(options);
    return app.exec();
}
