#pragma once

// Builds any architecture docs/cli.md names, with fresh weights, to inspect its shapes and
// parameters: the name, then the options `reslens-cli inspect` takes.

#include <QDialog>

#include "model/network/ResNetConfig.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace reslens {

class NewNetworkDialog : public QDialog {
    Q_OBJECT

public:
    explicit NewNetworkDialog(QWidget* parent = nullptr);

    // The configuration the fields describe. Throws ConfigError.
    ResNetConfig config() const;
    void setArchitecture(const QString& arch);

    void accept() override;

private:
    void applyDefaults();

    QComboBox* arch_;
    QCheckBox* skip_;
    QComboBox* shortcut_;
    QComboBox* strideOn_;
    QCheckBox* preact_;
    QCheckBox* batchNorm_;
    QSpinBox* inChannels_;
    QSpinBox* classes_;
    QSpinBox* height_;
    QSpinBox* width_;
    QLabel* error_;
};

}  // namespace reslens
