#pragma once

// The lessons (docs/user-guide.md, *Lessons*): one-click demonstrations for a class, each
// with what to look at and what to ask. Their texts live here, translated; what each lesson
// runs and measures lives in LessonDirector. No lesson text states a number: the numbers
// are measured by the lesson on the machine it runs on.

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

#include "app/core/lessons/LessonId.h"

namespace reslens {

struct LessonText {
    QString title;
    QString summary;  // one line, on the start page and under the title
    QString look;     // what to look at
    QString ask;      // what to ask the class
};

QVector<LessonId> allLessons();
LessonText lessonText(LessonId lesson);
// The paper the lesson is about, as a reference list writes it (not translated).
QString lessonCitation(LessonId lesson);
// The lesson's name on the command line (`reslens --lesson why-skips`).
QString lessonKey(LessonId lesson);
std::optional<LessonId> lessonFromKey(const QString& key);
QStringList lessonKeys();  // every lesson's, in order

}  // namespace reslens
