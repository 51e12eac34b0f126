// reslens: the desktop application.

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "model/ResNetConfig.h"
#include "widgets/MainWindow.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("ResLens");
    QApplication::setOrganizationName("ResLens");
    QApplication::setApplicationVersion("0.1.0");

    QCommandLineParser parser;
    parser.setApplicationDescription("Look inside a residual network.");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption archOption(
        "arch", "Architecture to show (resnet20, resnet50, plain56, ...).", "name", "resnet20");
    parser.addOption(archOption);
    QCommandLineOption screenshotOption(
        "screenshot", "Save a PNG of the window once it has drawn, then quit (for docs).", "file");
    parser.addOption(screenshotOption);
    parser.process(app);

    const QString arch = parser.value(archOption);
    try {
        reslens::ResNetConfig::fromArchName(arch.toStdString());
    } catch (const std::exception& e) {
        qCritical("reslens: %s", e.what());
        return 2;
    }

    reslens::MainWindow window;
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &reslens::MainWindow::architectureShown, &window,
                         [&window, file] {
                             // Let the window paint the new contents before grabbing it.
                             QTimer::singleShot(500, &window, [&window, file] {
                                 const bool saved = window.grab().save(file, "PNG");
                                 QCoreApplication::exit(saved ? 0 : 1);
                             });
                         });
    }
    window.showArchitecture(arch);
    return app.exec();
}
