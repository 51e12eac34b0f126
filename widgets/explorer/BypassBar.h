#pragma once

// The line that says a live lesion is on: "2 blocks bypassed: layer1.0, layer2.1" and a
// button that restores every block. Hidden while no block is bypassed, so a lesioned
// network is never mistaken for the trained one.

#include <QWidget>

class QLabel;
class QPushButton;

namespace reslens {

class BypassBar : public QWidget {
    Q_OBJECT

public:
    explicit BypassBar(QWidget* parent = nullptr);

    void showBypassed(const QStringList& blocks);
    QString text() const;

Q_SIGNALS:
    void restoreRequested();

private:
    QLabel* label_;
    QPushButton* restore_;
};

}  // namespace reslens
