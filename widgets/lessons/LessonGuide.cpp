#include "widgets/lessons/LessonGuide.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "widgets/lessons/LessonDirector.h"

namespace reslens {

LessonGuide::LessonGuide(LessonDirector* director, QWidget* parent)
    : QWidget(parent),
      director_(director),
      text_(new QTextBrowser(this)),
      again_(new QPushButton(tr("Run again"), this)),
      end_(new QPushButton(tr("End lesson"), this)) {
    text_->setObjectName("lessonText");
    text_->setOpenLinks(false);
    again_->setToolTip(tr("Set the lesson up again and measure anew"));
    end_->setToolTip(tr("Close the guide; a run the lesson started goes on"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(again_);
    buttons->addStretch();
    buttons->addWidget(end_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(text_, 1);
    layout->addLayout(buttons);

    connect(again_, &QPushButton::clicked, this, [this] {
        if (director_->current()) {
            director_->start(*director_->current());
        }
    });
    connect(end_, &QPushButton::clicked, director_, &LessonDirector::end);
    connect(director_, &LessonDirector::started, this, &LessonGuide::redraw);
    connect(director_, &LessonDirector::findingsChanged, this, &LessonGuide::redraw);
}

QString LessonGuide::text() const {
    return text_->toPlainText();
}

void LessonGuide::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        redraw();
    }
    QWidget::changeEvent(event);
}

void LessonGuide::redraw() {
    if (!director_->current()) {
        text_->clear();
        return;
    }
    const LessonText lesson = lessonText(*director_->current());
    QString html = QStringLiteral("<h2>%1</h2><p><i>%2</i></p>")
                       .arg(lesson.title.toHtmlEscaped(), lesson.summary.toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(tr("Look at").toHtmlEscaped(), lesson.look.toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                .arg(tr("Ask the class").toHtmlEscaped(), lesson.ask.toHtmlEscaped());
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Measured here").toHtmlEscaped());
    for (const QString& finding : director_->findings()) {
        html += QStringLiteral("<p>%1</p>").arg(finding.toHtmlEscaped());
    }
    if (!director_->complete()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Measuring…").toHtmlEscaped());
    } else {
        const double seconds = director_->seconds();
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg((seconds < 1 ? tr("Measured in under a second on this machine.")
                                  : tr("Measured in %1 s on this machine.").arg(qRound(seconds)))
                         .toHtmlEscaped());
    }
    text_->setHtml(html);
}

}  // namespace reslens
