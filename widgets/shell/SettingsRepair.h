#pragma once

// The app's own settings file, checked before anything reads it. A file QSettings cannot
// parse is moved aside (kept as <file>.damaged) and the app starts on its defaults; a value of
// the wrong kind (a thread count that is text, a feature-map setting that is not a map) is
// removed, so that its default is used. Either way the user is told once, at start.

#include <QString>
#include <QStringList>

namespace reslens {

class SettingsRepair {
public:
    // Checks and repairs the application's QSettings (QCoreApplication's names).
    SettingsRepair();

    // Marks a setting that turned out damaged when it was used (a window layout Qt could
    // not restore): it is removed and named in the message.
    void markDamaged(const QString& key, const QString& name);

    // The one line to show at start, or empty when the settings were sound.
    QString message() const;

private:
    QString movedAside_;   // the damaged file's new name, when the whole file was
    QStringList damaged_;  // names of the settings reset
};

}  // namespace reslens
