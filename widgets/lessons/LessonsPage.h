#pragma once

// The start page: every lesson as one button with its one-line summary and, before it
// starts, about how long it takes. A click sets the app up for the lesson (LessonDirector).

#include <QWidget>

#include <functional>

#include "widgets/lessons/LessonCatalog.h"

namespace reslens {

class LessonsPage : public QWidget {
    Q_OBJECT

public:
    explicit LessonsPage(QWidget* parent = nullptr);
    // Seconds a lesson takes (LessonDirector::estimatedSeconds); 0: unknown, not shown.
    void setEstimate(std::function<double(LessonId)> estimate);

Q_SIGNALS:
    void lessonChosen(reslens::LessonId lesson);

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();

    std::function<double(LessonId)> estimate_;
};

}  // namespace reslens
