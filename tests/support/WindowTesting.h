#pragma once

// For the window tests: a file manager's drop, and main() with settings of their own. Header-only
// and Qt-only, so that widget tests need no LibTorch headers.

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QTemporaryDir>
#include <QUrl>
#include <QWidget>
#include <QtTest/QtTest>

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

// main() of a window test: its own empty settings (last model, window layout, language),
// so neither the user's nor another test's leak in, then the test object's slots.
template <class Test>
int runWithOwnSettings(int argc, char** argv, const char* name) {
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ResLensTests");
    QApplication::setApplicationName(name);
    Test test;
    return QTest::qExec(&test, argc, argv);
}

// A part of the window, found as the user's eye would: the one child of its type. The
// window hands none out; a test that cannot find one fails here rather than crashing.
template <class Part>
Part* find(QObject& window) {
    Part* part = window.findChild<Part*>();
    if (!part) {
        qFatal("the window has no %s", Part::staticMetaObject.className());
    }
    return part;
}

}  // namespace reslens::testing
