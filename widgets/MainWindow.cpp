#include "widgets/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include "widgets/BlockListWidget.h"

namespace reslens {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      archCombo_(new QComboBox(this)),
      blockList_(new BlockListWidget(this)),
      totals_(new QLabel(this)) {
    setWindowTitle(tr("ResLens"));
    resize(1000, 700);
    for (const char* arch :
         {"resnet20", "resnet32", "resnet44", "resnet56", "resnet110", "plain20", "plain56",
          "resnet18", "resnet34", "resnet50", "resnet101", "resnet152"}) {
        archCombo_->addItem(QString::fromLatin1(arch));
    }
    QToolBar* toolbar = addToolBar(tr("Architecture"));
    toolbar->setObjectName("architectureToolbar");
    toolbar->addWidget(new QLabel(tr("Architecture: "), this));
    toolbar->addWidget(archCombo_);
    setCentralWidget(blockList_);
    statusBar()->addPermanentWidget(totals_);

    connect(archCombo_, &QComboBox::textActivated, this, &MainWindow::showArchitecture);
    connect(&watcher_, &QFutureWatcher<ArchitectureSummary>::finished, this,
            &MainWindow::onSummaryReady);
}

QString MainWindow::architecture() const {
    return archCombo_->currentText();
}

void MainWindow::showArchitecture(const QString& arch) {
    pendingArch_ = arch;
    if (archCombo_->findText(arch) < 0) {
        archCombo_->addItem(arch);
    }
    archCombo_->setCurrentText(arch);
    statusBar()->showMessage(tr("Building %1…").arg(arch));
    const std::string name = arch.toStdString();
    // Building ResNet-152 takes a moment (its weights are initialised); keep the window live.
    watcher_.setFuture(
        QtConcurrent::run([name] { return summarize(ResNetConfig::fromArchName(name)); }));
}

void MainWindow::onSummaryReady() {
    try {
        const ArchitectureSummary summary = watcher_.result();
        blockList_->showSummary(summary);
        totals_->setText(tr("%1: %2 parameters, %3 G multiply-adds at %4×%5")
                             .arg(QString::fromStdString(summary.config.arch))
                             .arg(QLocale().toString(static_cast<qlonglong>(summary.totalParams)))
                             .arg(summary.macs / 1e9, 0, 'f', 3)
                             .arg(summary.config.inputHeight)
                             .arg(summary.config.inputWidth));
        statusBar()->clearMessage();
        Q_EMIT architectureShown(pendingArch_);
    } catch (const std::exception& e) {
        statusBar()->showMessage(
            tr("Cannot build %1: %2").arg(pendingArch_, QString::fromUtf8(e.what())));
    }
}

}  // namespace reslens
