#include "widgets/lessons/LessonsPage.h"

#include <QCommandLinkButton>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace reslens {

LessonsPage::LessonsPage(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    build();
}

void LessonsPage::build() {
    // Rebuilt whole on a language change: the buttons' texts are the catalogue's.
    QLayout* layout = this->layout();
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* content = new QWidget(scroll);
    auto* column = new QVBoxLayout(content);
    auto* heading = new QLabel(QStringLiteral("<h1>%1</h1>").arg(tr("Lessons")), content);
    auto* intro = new QLabel(
        tr("Each lesson sets the app up for one point in one click and says what to look "
           "at and what to ask the class. Its numbers are measured while it runs, on this "
           "machine, over several seeds, beside the reference machine's. Lessons ▸ End "
           "lesson, or the guide's button, closes it."),
        content);
    intro->setWordWrap(true);
    column->addWidget(heading);
    column->addWidget(intro);
    auto* grid = new QGridLayout;
    const QVector<LessonId> lessons = allLessons();
    for (int i = 0; i < lessons.size(); ++i) {
        const LessonText text = lessonText(lessons[i]);
        const double seconds = estimate_ ? estimate_(lessons[i]) : 0;
        QString summary = text.summary;
        if (seconds >= 60) {
            summary += ' ' + tr("(about %1 min)").arg(qRound(seconds / 60));
        } else if (seconds > 0) {
            summary += ' ' + tr("(under a minute)");
        }
        auto* button = new QCommandLinkButton(text.title, summary, content);
        button->setObjectName(QStringLiteral("lesson-") + lessonKey(lessons[i]));
        connect(button, &QCommandLinkButton::clicked, this,
                [this, lesson = lessons[i]] { Q_EMIT lessonChosen(lesson); });
        grid->addWidget(button, i / 2, i % 2);
    }
    column->addLayout(grid);
    column->addStretch();
    scroll->setWidget(content);
    layout->addWidget(scroll);
}

void LessonsPage::setEstimate(std::function<double(LessonId)> estimate) {
    estimate_ = std::move(estimate);
    build();
}

void LessonsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        build();
    }
    QWidget::changeEvent(event);
}

}  // namespace reslens
