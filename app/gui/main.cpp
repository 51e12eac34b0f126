// reslens: the desktop application. Parses the command line into StartupOptions; the
// window's StartupScript carries them out.

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QIcon>

#include "app/core/models/ShippedModels.h"
#include "model/network/ResNetConfig.h"
#include "widgets/lessons/LessonCatalog.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/StartupScript.h"
#include "widgets/shell/Translations.h"

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
    const qint64 launchedMs = QDateTime::currentMSecsSinceEpoch();  // for --startup-time
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
    QCommandLineOption videoOption(
        "video",
        QCoreApplication::translate(
            "main",
            "Play a video through the explorer (File ▸ Open video). With --screenshot, the shot "
            "is taken when it has played to its end."),
        "file");
    QCommandLineOption startupTimeOption(
        "startup-time",
        QCoreApplication::translate("main",
                                    "Print how long after launch the first image was classified "
                                    "and drawn, then quit (tests/bench/cold_start.py)."));
    QCommandLineOption screenshotOption(
        "screenshot",
        QCoreApplication::translate(
            "main",
            "Save a PNG of the window once it has drawn, then quit (for docs); with --landscape, "
            "the slices' CSV beside it."),
        "file");
    parser.addOptions({modelOption,          importOption,
                       archOption,           deviceOption,
                       threadsOption,        blockOption,
                       gradCamOption,        labOption,
                       labStepsOption,       labBatchOption,
                       lesionOption,         landscapeOption,
                       landscape2dOption,    landscapeSamplesOption,
                       openRunOption,        presenterOption,
                       presenterScaleOption, lessonOption,
                       screenshotOption,     startupTimeOption,
                       videoOption});
    parser.process(app);

    reslens::StartupOptions options;
    if (!parser.positionalArguments().isEmpty()) {
        options.image = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    }
    if (parser.isSet(videoOption)) {
        options.video = QFileInfo(parser.value(videoOption)).absoluteFilePath();
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
    if (parser.isSet(blockOption)) {
        options.block = parser.value(blockOption).toInt();
    }
    options.gradCam = parser.isSet(gradCamOption);
    if (parser.isSet(labOption)) {
        options.labArch = parser.value(labOption);
        options.labSteps = parser.value(labStepsOption).toLongLong();
        options.labBatch = parser.value(labBatchOption).toInt();
    }
    options.openRun = parser.value(openRunOption);
    options.lesion = parser.isSet(lesionOption);
    if (parser.isSet(landscapeOption)) {
        reslens::LandscapeOptions slice;
        slice.points = parser.value(landscapeOption).toInt();
        slice.samples = parser.value(landscapeSamplesOption).toInt();
        slice.twoD = parser.isSet(landscape2dOption);
        options.landscape = slice;
    }
    if (parser.isSet(lessonOption)) {
        options.lesson = reslens::lessonFromKey(parser.value(lessonOption));
        if (!options.lesson) {
            qCritical("reslens: --lesson %s: no such lesson (%s)",
                      qPrintable(parser.value(lessonOption)),
                      qPrintable(reslens::lessonKeys().join(", ")));
            return 2;
        }
    }
    options.screenshot = parser.value(screenshotOption);
    options.presenter = parser.isSet(presenterOption);
    options.presenterScale = parser.value(presenterScaleOption).toInt();
    options.reportStartup = parser.isSet(startupTimeOption);
    options.launchedMs = launchedMs;

    reslens::MainWindow window;
    window.show();
    QObject::connect(&window, &reslens::MainWindow::scriptFinished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    if (!options.screenshot.isEmpty()) {
        // Unattended: what went wrong goes to the terminal too.
        QObject::connect(&window, &reslens::MainWindow::errorShown, &app,
                         [](const QString& m) { qCritical("reslens: %s", qPrintable(m)); });
    }
    if (const QString error = window.start(options); !error.isEmpty()) {
        qCritical("reslens: %s", qPrintable(error));
        return 2;
    }
    return app.exec();
}
