#include "widgets/shell/MainToolbar.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>

#include <algorithm>

#include "app/core/runtime/ComputeThreads.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/lessons/LessonHost.h"
#include "widgets/shell/MessageBar.h"

namespace reslens {

MainToolbar::MainToolbar(ExplorerController* explorer, LessonHost& host, MessageBar* messages,
                         QWidget* parent)
    : QToolBar(tr("Main"), parent),
      explorer_(explorer),
      device_(new QComboBox(this)),
      threads_(new QSpinBox(this)) {
    setObjectName("mainToolbar");
    QAction* previous = addAction(tr("◀ Previous block"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    previous->setToolTip(tr("Previous block (Alt+Up; Up/PgUp in the block list)"));
    connect(previous, &QAction::triggered, explorer, [explorer] { explorer->stepEntry(-1); });
    QAction* next = addAction(tr("Next block ▶"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    next->setToolTip(tr("Next block (Alt+Down; Down/PgDn in the block list)"));
    connect(next, &QAction::triggered, explorer, [explorer] { explorer->stepEntry(1); });
    addSeparator();

    addWidget(new QLabel(tr(" Device: "), this));
    QString whyNoCuda;
    for (const QString& name : ExplorerController::devices(&whyNoCuda)) {
        device_->addItem(name, name);
    }
    if (!whyNoCuda.isEmpty()) {
        device_->addItem(tr("CUDA (unavailable)"), QString());
        auto* model = qobject_cast<QStandardItemModel*>(device_->model());
        QStandardItem* item = model->item(device_->count() - 1);
        item->setEnabled(false);
        item->setToolTip(whyNoCuda);
        device_->setToolTip(tr("CUDA: %1").arg(whyNoCuda));
    }
    device_->setObjectName("device");
    addWidget(device_);
    addWidget(new QLabel(tr(" CPU threads: "), this));
    threads_->setObjectName("threads");
    threads_->setRange(1, std::max(1, QThread::idealThreadCount()));
    threads_->setValue(std::max(1, QThread::idealThreadCount()));
    threads_->setToolTip(
        tr("Threads LibTorch uses on the CPU. While the training lab runs, a change waits "
           "and applies after its run."));
    addWidget(threads_);

    connect(device_, &QComboBox::activated, this, [this] {
        const QString name = device_->currentData().toString();
        if (!name.isEmpty()) {
            explorer_->setDevice(name);
        }
    });
    connect(threads_, &QSpinBox::valueChanged, this, [host = &host, messages](int n) {
        ComputeThreads::request(n);  // applies once no thread is inside LibTorch
        if (host->runInProgress()) {
            messages->showInfo(
                tr("%n thread(s) from the next run on: the run in progress "
                   "keeps its threads.",
                   nullptr, n));
        }
    });
}

void MainToolbar::restore(int threads, const QString& device) {
    if (threads > 0) {
        threads_->setValue(std::min(threads, threads_->maximum()));
    }
    ComputeThreads::request(threads_->value());
    if (device != "cpu") {
        const int index = device_->findData(device);
        if (index >= 0) {
            device_->setCurrentIndex(index);
        }
        explorer_->setDevice(device);
    }
}

int MainToolbar::threads() const {
    return threads_->value();
}

void MainToolbar::resetDevice() {
    device_->setCurrentIndex(0);
}

}  // namespace reslens
