#pragma once

// A one-line message above the panels: errors stay until dismissed or replaced, so a user
// who looked away still sees why their file was refused; information fades by itself.

#include <QFrame>

class QLabel;
class QTimer;

namespace reslens {

class MessageBar : public QFrame {
    Q_OBJECT

public:
    explicit MessageBar(QWidget* parent = nullptr);

    void showError(const QString& text);
    void showInfo(const QString& text);
    QString text() const;
    bool showsError() const { return error_ && isVisibleTo(parentWidget()); }

public Q_SLOTS:
    void dismiss();

private:
    QLabel* label_;
    QTimer* fade_;
    bool error_ = false;
};

}  // namespace reslens
