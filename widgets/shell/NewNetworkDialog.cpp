#include "widgets/shell/NewNetworkDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace reslens {

NewNetworkDialog::NewNetworkDialog(QWidget* parent)
    : QDialog(parent),
      arch_(new QComboBox(this)),
      skip_(new QCheckBox(tr("Skip connections"), this)),
      shortcut_(new QComboBox(this)),
      strideOn_(new QComboBox(this)),
      preact_(new QCheckBox(tr("Full pre-activation (He et al. 2016)"), this)),
      batchNorm_(new QCheckBox(tr("Batch norm"), this)),
      inChannels_(new QSpinBox(this)),
      classes_(new QSpinBox(this)),
      height_(new QSpinBox(this)),
      width_(new QSpinBox(this)),
      error_(new QLabel(this)) {
    setWindowTitle(tr("New network with fresh weights"));
    arch_->setEditable(true);
    arch_->addItems({"resnet20", "resnet32", "resnet44", "resnet56", "resnet110", "resnet1202",
                     "plain20", "plain56", "plain110", "resnet18", "resnet34", "resnet50",
                     "resnet101", "resnet152"});
    arch_->setToolTip(tr("resnet18/34/50/101/152, resnetN for N = 6n+2, or plainN"));
    shortcut_->addItem(tr("A: zero-padding identity"), "A");
    shortcut_->addItem(tr("B: 1×1 projection + BN"), "B");
    strideOn_->addItem(tr("3×3 (v1.5, torchvision)"), "3x3");
    strideOn_->addItem(tr("first 1×1 (v1, the paper)"), "1x1");
    inChannels_->setRange(1, 16);
    classes_->setRange(1, 100000);
    height_->setRange(8, 2048);
    width_->setRange(8, 2048);
    error_->setWordWrap(true);
    error_->setStyleSheet("color: #b00020");

    auto* form = new QFormLayout(this);
    form->addRow(tr("Architecture:"), arch_);
    form->addRow(QString(), skip_);
    form->addRow(tr("Shortcut where the shape changes:"), shortcut_);
    form->addRow(tr("Bottleneck stride on:"), strideOn_);
    form->addRow(QString(), preact_);
    form->addRow(QString(), batchNorm_);
    form->addRow(tr("Input channels:"), inChannels_);
    form->addRow(tr("Classes:"), classes_);
    form->addRow(tr("Input height:"), height_);
    form->addRow(tr("Input width:"), width_);
    form->addRow(error_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewNetworkDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewNetworkDialog::reject);
    connect(arch_, &QComboBox::currentTextChanged, this, &NewNetworkDialog::applyDefaults);
    applyDefaults();
}

void NewNetworkDialog::setArchitecture(const QString& arch) {
    arch_->setCurrentText(arch);
    applyDefaults();
}

// A new name brings that family's defaults (CIFAR: 3x32x32, option A; ImageNet:
// 3x224x224, option B), as `reslens-cli inspect --arch NAME` would.
void NewNetworkDialog::applyDefaults() {
    try {
        const ResNetConfig defaults =
            ResNetConfig::fromArchName(arch_->currentText().toStdString());
        skip_->setChecked(defaults.skip);
        shortcut_->setCurrentIndex(defaults.shortcut == ShortcutOption::A ? 0 : 1);
        strideOn_->setCurrentIndex(defaults.strideOn == StrideOn::Conv3x3 ? 0 : 1);
        strideOn_->setEnabled(defaults.block == BlockKind::Bottleneck);
        preact_->setChecked(defaults.preact);
        batchNorm_->setChecked(defaults.batchNorm);
        inChannels_->setValue(defaults.inChannels);
        classes_->setValue(defaults.classes);
        height_->setValue(defaults.inputHeight);
        width_->setValue(defaults.inputWidth);
        error_->clear();
    } catch (const std::exception& e) {
        error_->setText(QString::fromUtf8(e.what()));
    }
}

ResNetConfig NewNetworkDialog::config() const {
    ResNetConfig config = ResNetConfig::fromArchName(arch_->currentText().trimmed().toStdString());
    config.skip = skip_->isChecked();
    config.shortcut =
        shortcut_->currentData().toString() == "A" ? ShortcutOption::A : ShortcutOption::B;
    config.strideOn =
        strideOn_->currentData().toString() == "1x1" ? StrideOn::Conv1x1 : StrideOn::Conv3x3;
    config.preact = preact_->isChecked();
    config.batchNorm = batchNorm_->isChecked();
    config.inChannels = inChannels_->value();
    config.classes = classes_->value();
    config.inputHeight = height_->value();
    config.inputWidth = width_->value();
    config.arch = config.canonicalName();
    config.validate();
    return config;
}

void NewNetworkDialog::accept() {
    try {
        config();
        QDialog::accept();
    } catch (const std::exception& e) {
        error_->setText(QString::fromUtf8(e.what()));
    }
}

}  // namespace reslens
