#pragma once

// How a model reaches the explorer from the File menu or a drop: a ResLens model file opens;
// a checkpoint, safetensors or TorchScript file (after the TorchScript warning) goes
// through the import dialog; a fresh network through its dialog; anything else is said in
// one line.

#include <QObject>
#include <QString>

class QWidget;

namespace reslens {

class ExplorerController;

class ModelOpener : public QObject {
    Q_OBJECT

public:
    // Dialogs are parented to `window`; the model goes to `explorer`.
    ModelOpener(QWidget* window, ExplorerController* explorer);

public Q_SLOTS:
    void openModelFile(const QString& path);
    void chooseModelFile();
    void chooseImport();
    void buildFreshNetwork();

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    // TorchScript's trust warning; false when the user cancels.
    bool confirmTorchScript();

    QWidget* window_;
    ExplorerController* explorer_;
};

}  // namespace reslens
