#pragma once

// A file manager's drop, for the window tests. Header-only and Qt-only, so that widget
// tests need no LibTorch headers.

#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace reslens::testing {

// What a file manager's drop delivers: drag-enter, then the drop, both handled by the
// widget's own event(). QApplication would route a drop only to the target of a real drag
// in progress (which QTest cannot start), hence the direct calls.
inline bool dropFile(QWidget* target, const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QObject* receiver = target;
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    receiver->event(&enter);
    if (!enter.isAccepted()) {
        return false;
    }
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    receiver->event(&drop);
    return drop.isAccepted();
}

}  // namespace reslens::testing
