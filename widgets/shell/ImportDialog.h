#pragma once

// Importing the user's own ResNet: what was recognised in the file, shown first (stages,
// blocks, widths, parameters, classes, where the weights were, what was assumed), then what
// the weights cannot say (the stem's pooling, where option A's zeros go, which set of
// weights of several) and how its images were prepared (input size, Normalize's mean and
// std, labels). Every change is inspected again at once; OK opens the network as stated.

#include <QDialog>
#include <QString>

#include "app/core/models/ImportReport.h"
#include "app/core/models/ModelRequest.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace reslens {

class ImportDialog : public QDialog {
    Q_OBJECT

public:
    ImportDialog(const QString& path, QWidget* parent = nullptr);

    // Reads and recognises the file with the dialog's settings (a second or two for a
    // large file). False, with the reason in error(), when it cannot be imported.
    bool inspect();
    QString error() const { return error_; }
    const ImportReport& report() const { return report_; }
    // The import as the fields state it. Throws InputError for a mean or std that is no list
    // of numbers.
    ModelRequest request() const;

    void accept() override;

private:
    void showReport();
    void reinspect();

    QString path_;
    ImportReport report_;
    QString error_;
    bool filling_ = false;    // the fields are being set from a report
    bool sizeShown_ = false;  // the size fields hold the first report's size or the user's
    QLabel* architecture_;
    QLabel* source_;
    QLabel* assumptions_;
    QLabel* problem_;
    QComboBox* key_;
    QComboBox* stemPool_;
    QComboBox* padding_;
    QSpinBox* height_;
    QSpinBox* width_;
    QLineEdit* mean_;
    QLineEdit* std_;
    QLineEdit* labels_;
};

}  // namespace reslens
