// The app's own files damaged under it: its settings file garbled or cut short, settings of
// the wrong kind, a saved lab run cut short, and a model file or saved run deleted or
// replaced while the app has it open. Each gives defaults (or keeps what is on screen) and
// one message; nothing crashes.

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <memory>

#include "WindowTesting.h"
#include "app/core/models/ModelRequest.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/explorer/PredictionBars.h"
#include "widgets/lab/TrainingLabPanel.h"
#include "widgets/shell/MainToolbar.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/SettingsKeys.h"
#include "widgets/studies/LesionView.h"

using namespace reslens;
using reslens::testing::find;

namespace {

constexpr int kWaitMs = 120000;

QString sample() {
    return QStringLiteral(RESLENS_SOURCE_RESOURCES "/samples/fashion-mnist/7-sneaker-0009.png");
}

QString settingsFile() {
    return QSettings().fileName();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class DamagedStateTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;

    // A window started as main() starts it, its messages kept; true once it shows a model.
    bool launch() {
        window_ = std::make_unique<MainWindow>();
        messages_.clear();
        connect(window_.get(), &MainWindow::errorShown, this,
                [this](const QString& message) { messages_.append(message); });
        window_->show();
        QSignalSpy shown(find<ExplorerController>(*window_), &ExplorerController::modelShown);
        window_->start({});
        return shown.count() > 0 || shown.wait(kWaitMs);
    }
    void closeWindow() {
        window_->close();
        window_.reset();
    }
    bool classifies() {
        QSignalSpy shown(find<ExplorerController>(*window_), &ExplorerController::predictionsShown);
        find<ExplorerController>(*window_)->classifyFile(sample());
        return shown.wait(kWaitMs);
    }

private Q_SLOTS:
    void init() {
        QFile::remove(settingsFile());
        QFile::remove(settingsFile() + ".damaged");
    }
    void cleanup() {
        if (window_) {
            closeWindow();
        }
    }

    void aSettingsFileOfGarbageIsKeptAsideAndTheAppStartsOnDefaults() {
        QDir().mkpath(QFileInfo(settingsFile()).path());
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i) {
            garbage.append(char((i * 7919 + 13) % 256));
        }
        writeFile(settingsFile(), "[General]\nthreads=1\n[broken\n" + garbage);
        QVERIFY(launch());
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_.first().contains("could not be read") &&
                     messages_.first().contains(".damaged"),
                 qPrintable(messages_.first()));
        QVERIFY(QFile::exists(settingsFile() + ".damaged"));
        QVERIFY(find<MainToolbar>(*window_)->threads() != 1);  // not the damaged file's
        QVERIFY(classifies());
        closeWindow();
        // The next start reads the settings the app wrote: no message.
        QVERIFY(launch());
        QVERIFY2(messages_.isEmpty(), qPrintable(messages_.join(" | ")));
    }

    // A settings file cut short in the middle of the window's layout.
    void aTruncatedSettingsFileGivesDefaultsAndOneMessage() {
        QVERIFY(launch());
        closeWindow();
        const QByteArray whole = fileBytes(settingsFile());
        const int layout = whole.indexOf("geometry=@ByteArray(");
        QVERIFY2(layout > 0, whole.constData());
        writeFile(settingsFile(), whole.left(layout + 40));
        QVERIFY(launch());
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_.first().contains("could not be read"), qPrintable(messages_.first()));
        QVERIFY(classifies());
    }

    void settingsOfTheWrongKindAreResetAndNamed() {
        QDir().mkpath(QFileInfo(settingsFile()).path());
        writeFile(settingsFile(),
                  "[General]\nthreads=many\nfeatures=not a map\ncropToObject=perhaps\n");
        QVERIFY(launch());
        QCOMPARE(messages_.size(), 1);
        for (const char* name : {"threads", "feature-map options", "crop to the object"}) {
            QVERIFY2(messages_.first().contains(name), qPrintable(messages_.first()));
        }
        QVERIFY(!QSettings().contains(settings::kThreads) ||
                QSettings().value(settings::kThreads).toString() != "many");
        QVERIFY(classifies());
    }

    // The lesion study reads the open model file again; deleted, it says so in one line and
    // the explorer keeps the weights it has.
    void aModelFileDeletedWhileOpenIsOneMessage() {
        QVERIFY(launch());
        const QString path = dir_.filePath("deleted.pt");
        QVERIFY(QFile::copy(RESLENS_SOURCE_RESOURCES "/models/default.pt", path));
        QSignalSpy models(find<ExplorerController>(*window_), &ExplorerController::modelShown);
        find<ExplorerController>(*window_)->openModel(ModelRequest::file(path.toStdString()));
        QVERIFY(models.wait(kWaitMs));
        QVERIFY(QFile::remove(path));
        QSignalSpy errors(find<LesionView>(*window_), &LesionView::errorOccurred);
        find<LesionView>(*window_)->runLoadedModel();
        QVERIFY(errors.wait(kWaitMs));
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains("no longer there") && !message.contains('\n'),
                 qPrintable(message));
        QVERIFY(classifies());
    }

    // A saved run is read whole when opened: deleted or replaced afterwards, the lab keeps
    // it (and opens its weights in the explorer); a copy cut short is refused in one line
    // and leaves the lab as it was.
    void aSavedRunDeletedReplacedOrCutShortLeavesTheLabAsItWas() {
        QVERIFY(launch());
        TrainingLabPanel* lab = find<TrainingLabPanel>(*window_);
        lab->setArchitecture("resnet20");
        lab->setSteps(3);
        lab->setBatch(8);
        lab->setSubset(64);
        lab->setCompare(true);
        QSignalSpy finished(lab, &TrainingLabPanel::runFinished);
        lab->start();
        QVERIFY(finished.wait(kWaitMs));
        const QString saved = dir_.filePath("night.reslens-run");
        QCOMPARE(lab->saveRun(saved, true), QString());
        QCOMPARE(lab->openRun(saved), QString());
        QCOMPARE(lab->history().steps(0).size(), 3);

        QVERIFY(QFile::remove(saved));
        QSignalSpy models(find<ExplorerController>(*window_), &ExplorerController::modelShown);
        QPushButton* open = nullptr;
        for (QPushButton* button : lab->findChildren<QPushButton*>()) {
            open = button->text() == "Open in explorer" ? button : open;
        }
        QVERIFY(open && open->isEnabled());
        open->click();
        QVERIFY(models.count() > 0 || models.wait(kWaitMs));
        QVERIFY(classifies());

        // Written again, then cut short: refused in one line, the lab unchanged.
        QCOMPARE(lab->saveRun(saved, true), QString());
        const QByteArray whole = fileBytes(saved);
        writeFile(saved, whole.left(whole.size() / 2));
        const QString refused = lab->openRun(saved);
        QVERIFY2(!refused.isEmpty() && !refused.contains('\n'), qPrintable(refused));
        QCOMPARE(lab->history().steps(0).size(), 3);
        // And replaced by something that is no run at all.
        writeFile(saved, "not a saved run");
        QVERIFY(!lab->openRun(saved).isEmpty());
        QCOMPARE(lab->history().plan().runs, (QStringList{"resnet20", "plain20"}));
    }
};

int main(int argc, char** argv) {
    return reslens::testing::runWithOwnSettings<DamagedStateTest>(argc, argv, "tst_damaged_state");
}
#include "tst_damaged_state.moc"
