#include "widgets/studies/StudyControls.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/core/models/ModelTwins.h"
#include "widgets/common/Export.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {

StudyControls::StudyControls(const QString& runText, const QString& runTip, QWidget* parent)
    : QWidget(parent),
      modelLabel_(new QLabel(this)),
      run_(new QPushButton(runText, this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      note_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      row_(new QHBoxLayout) {
    run_->setToolTip(runTip);
    cancel_->setEnabled(false);
    progress_->setTextVisible(true);
    progress_->setFormat(QString());
    note_->hide();
    row_->setContentsMargins(0, 0, 0, 0);
    row_->addWidget(run_);
    row_->addWidget(cancel_);
    row_->addWidget(note_);
    row_->addWidget(progress_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(modelLabel_);
    layout->addLayout(row_);
    connect(run_, &QPushButton::clicked, this, &StudyControls::runClicked);
    connect(cancel_, &QPushButton::clicked, this, &StudyControls::cancelClicked);
    setModel({}, QString());
}

void StudyControls::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    hasModel_ = !title.isEmpty();
    modelLabel_->setText(hasModel_ ? tr("<b>Model:</b> %1").arg(title.toHtmlEscaped())
                                   : tr("No model open"));
    twinEnabled_ = false;
    setRunning(running_);
}

void StudyControls::addTwinButton(const QString& text, const QString& tip) {
    twin_ = new QPushButton(text, this);
    twin_->setToolTip(tip);
    row_->insertWidget(1, twin_);
    connect(twin_, &QPushButton::clicked, this, &StudyControls::chooseTwin);
    setRunning(running_);
}

void StudyControls::setTwinEnabled(bool enabled) {
    twinEnabled_ = enabled;
    setRunning(running_);
}

void StudyControls::addExport(const QString& text, const QString& suggested, const QString& filter,
                              std::function<QString(const QString&)> save) {
    row_->addWidget(exportButton(this, text, suggested, filter, std::move(save),
                                 [this](const QString& error) { Q_EMIT exportFailed(error); }));
}

void StudyControls::setNote(const QString& note) {
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

void StudyControls::setRunning(bool running) {
    running_ = running;
    run_->setEnabled(!running && hasModel_);
    cancel_->setEnabled(running);
    if (twin_) {
        twin_->setEnabled(!running && twinEnabled_);
    }
    if (running) {
        progress_->setRange(0, 0);
        progress_->setFormat(tr("opening the model and the data…"));
    }
}

void StudyControls::showProgress(int done, int total, const QString& text) {
    progress_->setRange(0, total);
    progress_->setValue(done);
    progress_->setFormat(text);
}

void StudyControls::showIdle(const QString& text) {
    progress_->setRange(0, 1);
    progress_->setValue(text.isEmpty() ? 0 : 1);
    progress_->setFormat(text);
}

void StudyControls::connectTo(StudyRunner* runner) {
    connect(runner, &StudyRunner::progressed, this,
            [this](int done, int total, const QString& what, double) {
                showProgress(done, total,
                             what.isEmpty() ? tr("%1 of %2").arg(done).arg(total)
                                            : tr("%1 of %2: %3").arg(done).arg(total).arg(what));
            });
}

void StudyControls::chooseTwin() {
    QMenu menu(this);
    if (const std::optional<ModelRequest> twin = shippedTwin(model_)) {
        menu.addAction(tr("%1 (the shipped twin)").arg(QString::fromStdString(twin->location)),
                       this, [this, twin = *twin] { Q_EMIT twinChosen(twin); });
    }
    menu.addAction(tr("Model file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Model to compare with"), {},
                                                          tr("ResLens models (*.pt)"));
        if (!path.isEmpty()) {
            Q_EMIT twinChosen(ModelRequest::file(path.toStdString()));
        }
    });
    menu.exec(twin_->mapToGlobal(QPoint(0, twin_->height())));
}

}  // namespace reslens
