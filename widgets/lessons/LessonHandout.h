#pragma once

// A lesson's result as one page for students to take home (PDF or PNG, by the file's
// suffix): the title, the window as it stands (the charts the lesson drew), the question for
// the class, what the lesson said, its numbers with their seeds, and the citation.

#include <QImage>
#include <QString>
#include <QStringList>

namespace reslens {

struct HandoutContent {
    QString title;
    QString summary;
    QString ask;            // the question for the class
    QStringList sentences;  // what the lesson said
    QString numbersHtml;    // the guide's table
    QString seeds;          // e.g. "Measured over seeds 1, 2, 3 on this machine."
    QString citation;
    QImage screen;  // the window with the lesson's charts
};

class LessonHandout {
public:
    // Writes an A4 page to `path` (.pdf or .png), atomically for the PNG; the error, or an
    // empty string.
    static QString write(const QString& path, const HandoutContent& content);
};

}  // namespace reslens
