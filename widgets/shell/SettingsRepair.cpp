#include "widgets/shell/SettingsRepair.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <functional>

#include "widgets/shell/SettingsKeys.h"

namespace reslens {
namespace {

bool isBool(const QVariant& value) {
    const QString text = value.toString().toLower();
    return value.typeId() == QMetaType::Bool || text == "true" || text == "false";
}

std::function<bool(const QVariant&)> intIn(int low, int high) {
    return [low, high](const QVariant& value) {
        bool ok = false;
        const int number = value.toInt(&ok);
        return ok && number >= low && number <= high;
    };
}

bool isPathList(const QVariant& value) {
    if (value.typeId() != QMetaType::QStringList && value.typeId() != QMetaType::QString) {
        return false;
    }
    for (const QString& path : value.toStringList()) {
        if (path.isEmpty() || path.contains(QChar(0)) || path.size() > 4096) {
            return false;
        }
    }
    return true;
}

struct Check {
    const char* key;
    const char* name;  // as the message says it
    std::function<bool(const QVariant&)> sound;
};

}  // namespace

SettingsRepair::SettingsRepair() {
    {
        QSettings settings;
        if (settings.status() == QSettings::FormatError) {
            const QString file = settings.fileName();
            movedAside_ = file + ".damaged";
            QFile::remove(movedAside_);
            if (!QFile::rename(file, movedAside_)) {
                QFile::remove(file);
                movedAside_.clear();
            }
        }
    }
    if (!movedAside_.isEmpty()) {
        return;
    }
    QSettings settings;
    const Check checks[] = {
        {settings::kThreads, QT_TRANSLATE_NOOP("SettingsRepair", "threads"), intIn(0, 4096)},
        {settings::kCropToObject, QT_TRANSLATE_NOOP("SettingsRepair", "crop to the object"),
         isBool},
        {settings::kTorchScriptWarningRead,
         QT_TRANSLATE_NOOP("SettingsRepair", "TorchScript warning"), isBool},
        {settings::kPresenterMode, QT_TRANSLATE_NOOP("SettingsRepair", "presenter mode"), isBool},
        {settings::kPresenterHighContrast,
         QT_TRANSLATE_NOOP("SettingsRepair", "presenter contrast"), isBool},
        {settings::kPresenterScale, QT_TRANSLATE_NOOP("SettingsRepair", "presenter scale"),
         intIn(100, 400)},
        {settings::kStartPageShown, QT_TRANSLATE_NOOP("SettingsRepair", "start page"), isBool},
        {settings::kRecentImages, QT_TRANSLATE_NOOP("SettingsRepair", "recent images"), isPathList},
        {settings::kFeatures, QT_TRANSLATE_NOOP("SettingsRepair", "feature-map options"),
         [](const QVariant& value) { return value.typeId() == QMetaType::QVariantMap; }},
        {settings::kWindowGeometry, QT_TRANSLATE_NOOP("SettingsRepair", "window layout"),
         [](const QVariant& value) { return value.typeId() == QMetaType::QByteArray; }},
        {settings::kWindowState, QT_TRANSLATE_NOOP("SettingsRepair", "window layout"),
         [](const QVariant& value) { return value.typeId() == QMetaType::QByteArray; }},
    };
    for (const Check& check : checks) {
        if (settings.contains(check.key) && !check.sound(settings.value(check.key))) {
            markDamaged(check.key, QCoreApplication::translate("SettingsRepair", check.name));
        }
    }
}

void SettingsRepair::markDamaged(const QString& key, const QString& name) {
    QSettings().remove(key);
    if (!damaged_.contains(name)) {
        damaged_.append(name);
    }
}

QString SettingsRepair::message() const {
    if (!movedAside_.isEmpty()) {
        return QCoreApplication::translate(
                   "SettingsRepair",
                   "Your settings could not be read: ResLens started with its defaults (the "
                   "damaged file is kept as %1).")
            .arg(movedAside_);
    }
    if (!damaged_.isEmpty()) {
        return QCoreApplication::translate(
                   "SettingsRepair",
                   "Some settings could not be read (%1): they are back to their defaults.")
            .arg(damaged_.join(", "));
    }
    return {};
}

}  // namespace reslens
