#include "widgets/shell/ImportDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include "app/core/models/ImportInspection.h"
#include "model/data/Preprocessing.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

QString joined(const std::vector<double>& values) {
    QStringList parts;
    for (double v : values) {
        parts << QString::number(v);
    }
    return parts.join(',');
}

}  // namespace

ImportDialog::ImportDialog(const QString& path, QWidget* parent) : QDialog(parent), path_(path) {
    setObjectName("importDialog");
    setWindowTitle(tr("Import %1").arg(QFileInfo(path).fileName()));
    auto* layout = new QVBoxLayout(this);

    architecture_ = new QLabel;
    architecture_->setObjectName("importArchitecture");
    architecture_->setWordWrap(true);
    architecture_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = architecture_->font();
    bold.setBold(true);
    architecture_->setFont(bold);
    source_ = new QLabel;
    source_->setWordWrap(true);
    assumptions_ = new QLabel;
    assumptions_->setObjectName("importAssumptions");
    assumptions_->setWordWrap(true);
    problem_ = new QLabel;
    problem_->setObjectName("importProblem");
    problem_->setWordWrap(true);
    problem_->setStyleSheet("color: palette(link);");
    layout->addWidget(architecture_);
    layout->addWidget(source_);
    layout->addWidget(assumptions_);
    layout->addWidget(problem_);

    auto* form = new QFormLayout;
    key_ = new QComboBox;
    key_->setObjectName("importKey");
    key_->setToolTip(tr("The file holds several sets of weights: which one to open"));
    form->addRow(tr("Weights:"), key_);
    stemPool_ = new QComboBox;
    stemPool_->setObjectName("importStemPool");
    stemPool_->addItem(tr("usual for the stem"), -1);
    stemPool_->addItem(tr("none"), 0);
    for (int stride = 1; stride <= 2; ++stride) {
        stemPool_->addItem(tr("3x3 max-pool, stride %1").arg(stride), stride);
    }
    stemPool_->setToolTip(
        tr("A state dict cannot say whether the stem pools: torchvision's "
           "7x7 stem does (stride 2), He et al.'s 3x3 CIFAR stem does not"));
    form->addRow(tr("Stem pooling:"), stemPool_);
    padding_ = new QComboBox;
    padding_->setObjectName("importPadding");
    padding_->addItem(tr("half before, half after (F.pad)"), int(ZeroPadPlacement::Both));
    padding_->addItem(tr("after the input's channels"), int(ZeroPadPlacement::End));
    padding_->setToolTip(tr("Where option A's zero channels go when a stage widens"));
    form->addRow(tr("Option A zeros:"), padding_);

    auto* size = new QHBoxLayout;
    height_ = new QSpinBox;
    width_ = new QSpinBox;
    for (QSpinBox* box : {height_, width_}) {
        box->setRange(1, 8192);
        size->addWidget(box);
    }
    height_->setObjectName("importHeight");
    width_->setObjectName("importWidth");
    form->addRow(tr("Input (height, width):"), size);
    mean_ = new QLineEdit;
    mean_->setObjectName("importMean");
    std_ = new QLineEdit;
    std_->setObjectName("importStd");
    form->addRow(tr("Normalize mean:"), mean_);
    form->addRow(tr("Normalize std:"), std_);
    auto* labelsRow = new QHBoxLayout;
    labels_ = new QLineEdit;
    labels_->setObjectName("importLabels");
    labels_->setPlaceholderText(tr("ImageNet names for 1000 classes, else numbered"));
    auto* browse = new QPushButton(tr("Choose…"));
    labelsRow->addWidget(labels_);
    labelsRow->addWidget(browse);
    form->addRow(tr("Labels:"), labelsRow);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Class names, one per line"));
        if (!file.isEmpty()) {
            labels_->setText(file);
        }
    });
    for (QComboBox* box : {key_, stemPool_, padding_}) {
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &ImportDialog::reinspect);
    }
}

ModelRequest ImportDialog::request() const {
    ModelRequest request = ModelRequest::torchScript(path_.toStdString());
    ImportSettings& settings = request.import;
    if (key_->count() > 1) {
        settings.key = key_->currentText().toStdString();
    }
    if (stemPool_->currentData().toInt() >= 0) {
        settings.stemPoolStride = stemPool_->currentData().toInt();
    }
    if (padding_->isEnabled()) {
        settings.zeroPad = ZeroPadPlacement(padding_->currentData().toInt());
    }
    if (sizeShown_) {
        settings.input = std::make_pair(height_->value(), width_->value());
    }
    if (!mean_->text().trimmed().isEmpty()) {
        settings.mean = ImportSettings::parseTriple(mean_->text().trimmed().toStdString(),
                                                    tr("Mean").toStdString());
    }
    if (!std_->text().trimmed().isEmpty()) {
        settings.std = ImportSettings::parseTriple(std_->text().trimmed().toStdString(),
                                                   tr("Std").toStdString());
    }
    request.labels = LabelChoice::parse(labels_->text().trimmed().toStdString());
    return request;
}

bool ImportDialog::inspect() {
    error_.clear();
    std::optional<ModelRequest> asked;
    try {
        asked = request();
    } catch (const std::exception& e) {
        error_ = QString::fromStdString(e.what());
    }
    if (asked) {
        // Off the window's thread: a TorchScript file loads in reslens-loader for up to a
        // minute (docs/trust.md), and the window keeps drawing meanwhile. Cancel stops the
        // loader at once.
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        asked->import.cancelLoad = cancel;
        QProgressDialog progress(tr("Reading %1…").arg(QFileInfo(path_).fileName()), tr("Cancel"),
                                 0, 0, this);
        progress.setObjectName("importProgress");
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setAutoClose(false);
        progress.setAutoReset(false);
        QTimer::singleShot(400, &progress, [&progress] { progress.show(); });
        connect(&progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
        QEventLoop loop;
        std::optional<ImportReport> report;
        QString failure;
        QApplication::setOverrideCursor(Qt::BusyCursor);
        std::thread reader([&, request = *asked] {
            try {
                report = inspectImport(request);
            } catch (const std::exception& e) {
                failure = QString::fromUtf8(e.what());
            }
            QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
        });
        loop.exec();
        reader.join();
        QApplication::restoreOverrideCursor();
        if (report) {
            report_ = *report;
        } else {
            error_ = failure;
        }
    }
    if (error_.isEmpty()) {
        showReport();
    }
    problem_->setText(error_);
    return error_.isEmpty();
}

void ImportDialog::reinspect() {
    if (!filling_) {
        inspect();
    }
}

void ImportDialog::showReport() {
    filling_ = true;
    architecture_->setText(QString::fromStdString(report_.architectureLine()));
    QString source =
        tr("%1, weights: %2")
            .arg(QString::fromStdString(report_.format),
                 report_.weightsPath.empty() ? tr("the file itself")
                                             : QString::fromStdString(report_.weightsPath));
    if (!report_.strippedPrefix.empty()) {
        source += tr(", prefix '%1' removed").arg(QString::fromStdString(report_.strippedPrefix));
    }
    source_->setText(source);
    QStringList assumed;
    for (const auto& line : report_.assumptions) {
        assumed << "• " + QString::fromStdString(line);
    }
    assumptions_->setText(tr("What the weights cannot say, taken as:") + "\n" + assumed.join('\n'));
    if (key_->count() == 0 && report_.candidates.size() > 1) {
        for (const auto& name : report_.candidates) {
            key_->addItem(QString::fromStdString(name));
        }
        key_->setCurrentText(QString::fromStdString(report_.weightsPath));
    }
    key_->setEnabled(report_.candidates.size() > 1);
    padding_->setEnabled(report_.config.shortcut == ShortcutOption::A);
    height_->setValue(report_.config.inputHeight);
    width_->setValue(report_.config.inputWidth);
    const Preprocessing usual = Preprocessing::forInput(
        report_.config.inChannels, report_.config.inputHeight, report_.config.inputWidth);
    mean_->setPlaceholderText(joined(usual.mean));
    std_->setPlaceholderText(joined(usual.std));
    sizeShown_ = true;
    filling_ = false;
}

void ImportDialog::accept() {
    try {
        request();
    } catch (const InputError& e) {
        problem_->setText(QString::fromStdString(e.what()));
        return;
    }
    QDialog::accept();
}

}  // namespace reslens
