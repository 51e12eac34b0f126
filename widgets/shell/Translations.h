#pragma once

// The app's language: English (the source strings) or Chinese (zh_CN, the translation in
// resources/translations, compiled into the app). It follows the system locale unless
// View ▸ Language chose one, which is remembered; widgets translate their texts as they
// are built, so a new choice applies from the next start (the menu offers to restart).

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace reslens {

class Translations : public QObject {
    Q_OBJECT

public:
    // Installs the translators for the chosen (or the system's) language on the application,
    // Qt's own strings (standard buttons, dialogs) included. Call before building widgets;
    // calling it again replaces what the last call installed.
    static void install();
    // The language in use: "en" or "zh_CN".
    static QString language();
    // The remembered choice: "system", "en" or "zh_CN".
    static QString choice();
    // Languages ResLens has, by code, each named in its own language.
    static QStringList languages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }
    static QString nativeName(const QString& code);

    // View ▸ Language: system, then each language; choosing one remembers it and offers to
    // restart the app in it.
    static void addMenu(QMenu* view, QWidget* window);

private:
    static QString resolve(const QString& choice);
};

}  // namespace reslens
