#pragma once

// The lesson in progress, in a dock beside whatever the lesson shows: its title, what to
// look at, what to ask the class, and what it measured, filled in as it comes: the
// sentences, then each number over the seeds, this run's value beside it, and the
// reference machine's. "Seeds" chooses how many (1: quick, one run); "Run again" restarts
// the lesson on new seeds; "End lesson" closes the guide.

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace reslens {

class LessonDirector;

class LessonGuide : public QWidget {
    Q_OBJECT

public:
    LessonGuide(LessonDirector* director, QWidget* parent = nullptr);

    // The guide's text as shown, for tests.
    QString text() const;
    // The lesson's result as one page (.pdf or .png): its title, the window as it stands,
    // the question, what it said and its numbers with their seeds, the citation. The error,
    // or an empty string.
    QString writeHandout(const QString& path) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();
    QString numbersTable() const;
    void saveHandout();

    LessonDirector* director_;
    QTextBrowser* text_;
    QComboBox* seeds_;
    QPushButton* again_;
    QPushButton* handout_;
    QPushButton* end_;
};

}  // namespace reslens
