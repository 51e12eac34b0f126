#pragma once

// One sentence a lesson says, as an English template with %1, %2, ... and its arguments:
// reslens-cli writes the English, the app translates the template (context
// "LessonSentences") and fills in the same arguments. So both say the same thing for the
// same results, and a sentence's words live in one place.

#include <string>
#include <vector>

// Marks a template for lupdate, which looks for this name, without including Qt: the
// application layer knows no Qt. The app defines the same (identity) macro through Qt.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x  // spelled as qglobal.h does: no redefinition
#endif

namespace reslens {

struct LessonSentence {
    std::string text;  // the English template, e.g. "%1 diverged at step %2."
    std::vector<std::string> args;

    // The template with %1..%9 replaced by the arguments (a %N without one stays as it is).
    std::string english() const;
};

}  // namespace reslens
