#pragma once

// What a lesson says, in the app's language: LessonReport (app/core) chooses the sentences
// and their numbers; this translates their templates (context "LessonSentences") and names
// the numbers in the guide's table.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

#include "app/core/lessons/LessonSentence.h"
#include "app/core/lessons/SeedSpread.h"

namespace reslens {

class LessonFindings {
    Q_DECLARE_TR_FUNCTIONS(LessonFindings)

public:
    // The template translated, %1..%9 filled in one pass (an argument's own "%" stays).
    static QString sentence(const LessonSentence& sentence);
    static QStringList sentences(const std::vector<LessonSentence>& sentences);
    // A number's name for the guide, e.g. "plain56: mean loss over the last tenth".
    static QString label(const std::string& quantity);
    static QString value(double value, QuantityKind kind);
    // "median (min–max)", or the one value.
    static QString spread(const Quantity& quantity);
};

}  // namespace reslens
