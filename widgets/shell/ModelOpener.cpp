#include "widgets/shell/ModelOpener.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

#include "app/core/models/ModelFileKind.h"
#include "model/runtime/InputError.h"
#include "widgets/explorer/ExplorerController.h"
#include "widgets/shell/ImportDialog.h"
#include "widgets/shell/NewNetworkDialog.h"
#include "widgets/shell/SettingsKeys.h"

namespace reslens {

ModelOpener::ModelOpener(QWidget* window, ExplorerController* explorer)
    : QObject(window), window_(window), explorer_(explorer) {}

void ModelOpener::chooseModelFile() {
    const QString path = QFileDialog::getOpenFileName(window_, tr("Open ResLens model"), QString(),
                                                      tr("ResLens models (*.pt);;All files (*)"));
    if (!path.isEmpty()) {
        explorer_->openModel(ModelRequest::file(path.toStdString()));
    }
}

bool ModelOpener::confirmTorchScript() {
    // Loading a TorchScript module runs code from the file (docs/trust.md); a checkpoint or a
    // ResLens model file never does. Say so before it is read, until the user has read it.
    if (QSettings().value(settings::kTorchScriptWarningRead, false).toBool()) {
        return true;
    }
    QMessageBox warning(QMessageBox::Warning, tr("Import runs code from the file"),
                        tr("Importing a TorchScript file runs code stored in it."),
                        QMessageBox::Cancel, window_);
    warning.setObjectName("torchScriptWarning");
    warning.setInformativeText(
        tr("TorchScript modules carry their own methods, and loading one runs some of them "
           "(its __setstate__). ResLens loads the file in a separate process, which it stops "
           "if the file's code crashes, runs for more than a minute or takes too much "
           "memory; the code cannot reach Python, and ResLens keeps only the weights. Still, "
           "prefer files you trust: a checkpoint saved with torch.save, a safetensors file "
           "and ResLens model files hold data only and run nothing."));
    QPushButton* import = warning.addButton(tr("Import"), QMessageBox::AcceptRole);
    auto* dontAsk = new QCheckBox(tr("Don't warn me again"));
    warning.setCheckBox(dontAsk);
    warning.exec();
    if (warning.clickedButton() != import) {
        return false;
    }
    QSettings().setValue(settings::kTorchScriptWarningRead, dontAsk->isChecked());
    return true;
}

void ModelOpener::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(
        window_, tr("Import your own ResNet"), QString(),
        tr("PyTorch and safetensors files (*.pt *.pth *.th *.tar *.ckpt *.bin *.ts "
           "*.safetensors);;All files (*)"));
    if (!path.isEmpty()) {
        openModelFile(path);
    }
}

void ModelOpener::openModelFile(const QString& path) {
    ModelFileKind kind = ModelFileKind::NotAModel;
    try {
        kind = modelFileKind(path.toStdString());
    } catch (const InputError& e) {
        Q_EMIT errorOccurred(QString::fromStdString(e.what()));
        return;
    }
    switch (kind) {
        case ModelFileKind::ResLensModel:
            explorer_->openModel(ModelRequest::file(path.toStdString()));
            return;
        case ModelFileKind::NotAModel:
            Q_EMIT errorOccurred(
                tr("%1 is neither a ResLens model, a PyTorch checkpoint, a safetensors file "
                   "nor a TorchScript module.")
                    .arg(QFileInfo(path).fileName()));
            return;
        case ModelFileKind::TorchScript:
            if (!confirmTorchScript()) {
                return;
            }
            break;
        case ModelFileKind::Checkpoint:
            break;
    }
    ImportDialog dialog(path, window_);
    if (!dialog.inspect()) {
        Q_EMIT errorOccurred(dialog.error());
        return;
    }
    if (dialog.exec() == QDialog::Accepted) {
        explorer_->openModel(dialog.request());
    }
}

void ModelOpener::buildFreshNetwork() {
    NewNetworkDialog dialog(window_);
    dialog.setArchitecture(QString::fromStdString(explorer_->model().summary.config.arch));
    if (dialog.exec() == QDialog::Accepted) {
        const ResNetConfig config = dialog.config();
        explorer_->openModel(ModelRequest::fresh(config));
    }
}

}  // namespace reslens
