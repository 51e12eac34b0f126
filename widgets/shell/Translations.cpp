#include "widgets/shell/Translations.h"

#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QTranslator>

#include "widgets/shell/SettingsKeys.h"

namespace reslens {
namespace {

QString& installed() {
    static QString language = QStringLiteral("en");
    return language;
}

// The translators install() put on the application, removed by the next install().
QList<QTranslator*>& translators() {
    static QList<QTranslator*> list;
    return list;
}

bool installTranslator(const QString& file, const QString& directory) {
    auto* translator = new QTranslator(qApp);
    if (!translator->load(file, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    translators() << translator;
    return true;
}

}  // namespace

QString Translations::choice() {
    const QString stored = QSettings().value(settings::kLanguage).toString();
    return languages().contains(stored) ? stored : QStringLiteral("system");
}

QString Translations::resolve(const QString& choice) {
    if (choice != QLatin1String("system")) {
        return choice;
    }
    // The first of the user's UI languages that ResLens has (LANGUAGE, LC_ALL, LANG, ...):
    // Chinese in simplified script takes the zh_CN translation, everything else English.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::Chinese) {
            return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("en")
                                                                        : QStringLiteral("zh_CN");
        }
        if (locale.language() == QLocale::English) {
            return QStringLiteral("en");
        }
    }
    return QStringLiteral("en");
}

void Translations::install() {
    for (QTranslator* translator : translators()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    translators().clear();
    const QString language = resolve(choice());
    installed() = QStringLiteral("en");
    if (language == QLatin1String("en") ||
        !installTranslator(QStringLiteral("reslens_%1.qm").arg(language),
                           QStringLiteral(":/translations"))) {
        return;
    }
    installed() = language;
    // Qt's own strings (standard buttons, the file dialog), from qt6-translations-l10n.
    installTranslator(QStringLiteral("qtbase_%1").arg(language),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

QString Translations::language() {
    return installed();
}

QString Translations::nativeName(const QString& code) {
    return code == QLatin1String("zh_CN") ? QStringLiteral("中文（简体）")
                                          : QStringLiteral("English");
}

void Translations::addMenu(QMenu* view, QWidget* window) {
    QMenu* menu = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(menu);
    const QString current = choice();
    auto add = [&](const QString& code, const QString& label) {
        QAction* action = menu->addAction(label);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, window, [code, window] {
            if (code == choice()) {
                return;
            }
            QSettings().setValue(settings::kLanguage, code);
            if (resolve(code) == language()) {
                return;  // already showing it
            }
            const auto answer = QMessageBox::question(
                window, tr("Language"),
                tr("ResLens shows the new language from its next start. Restart now?"),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            if (answer == QMessageBox::Yes && window->close()) {
                QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                        QCoreApplication::arguments().mid(1));
            }
        });
    };
    add(QStringLiteral("system"), tr("Follow the system"));
    for (const QString& code : languages()) {
        add(code, nativeName(code));
    }
}

}  // namespace reslens
