#pragma once

// The lesson in progress, in a dock beside whatever the lesson shows: its title, what to
// look at, what to ask the class, and what this run measured, filled in as it comes.
// "Run again" restarts the lesson; "End lesson" closes the guide.

#include <QWidget>

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void redraw();

    LessonDirector* director_;
    QTextBrowser* text_;
    QPushButton* again_;
    QPushButton* end_;
};

}  // namespace reslens
