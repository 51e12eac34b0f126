#pragma once

// The start page: every lesson as one button with its one-line summary. A click sets the
// app up for the lesson (LessonDirector).

#include <QWidget>

#include "widgets/lessons/LessonCatalog.h"

namespace reslens {

class LessonsPage : public QWidget {
    Q_OBJECT

public:
    explicit LessonsPage(QWidget* parent = nullptr);

Q_SIGNALS:
    void lessonChosen(reslens::LessonId lesson);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
};

}  // namespace reslens
