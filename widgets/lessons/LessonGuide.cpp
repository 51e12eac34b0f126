#include "widgets/lessons/LessonGuide.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

#include "widgets/lessons/LessonDirector.h"
#include "widgets/lessons/LessonFindings.h"
#include "widgets/lessons/LessonHandout.h"

namespace reslens {
namespace {

// "1, 2, 3": how the guide, its table and the handout name the seeds.
QString seedList(const std::vector<uint64_t>& seeds) {
    QStringList list;
    for (uint64_t seed : seeds) {
        list << QString::number(seed);
    }
    return list.join(QStringLiteral(", "));
}

}  // namespace

LessonGuide::LessonGuide(LessonDirector* director, QWidget* parent)
    : QWidget(parent),
      director_(director),
      text_(new QTextBrowser(this)),
      seeds_(new QComboBox(this)),
      again_(new QPushButton(tr("Run again"), this)),
      handout_(new QPushButton(tr("Handout…"), this)),
      end_(new QPushButton(tr("End lesson"), this)) {
    text_->setObjectName("lessonText");
    text_->setOpenLinks(false);
    again_->setToolTip(tr("Set the lesson up again and measure anew"));
    end_->setToolTip(tr("Close the guide; a run the lesson started goes on"));
    seeds_->setObjectName("lessonSeeds");
    for (int n : {3, 5, 1}) {
        seeds_->addItem(n == 1 ? tr("1 run (quick)") : tr("%1 seeds").arg(n), n);
    }
    seeds_->setCurrentIndex(seeds_->findData(director_->seedCount()));
    seeds_->setToolTip(
        tr("How many seeds the lesson measures: each number is their median and range, and a "
           "sentence that compares is said only when every seed agrees"));
    connect(seeds_, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            [this] { director_->setSeedCount(seeds_->currentData().toInt()); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(seeds_);
    buttons->addWidget(again_);
    buttons->addWidget(handout_);
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
    handout_->setObjectName("lessonHandout");
    handout_->setToolTip(tr("Save this lesson's result as one page (PDF or PNG) for students"));
    connect(handout_, &QPushButton::clicked, this, &LessonGuide::saveHandout);
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
    handout_->setEnabled(director_->current() && director_->complete());
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
    const std::vector<uint64_t>& seeds = director_->seeds();
    if (!director_->complete()) {
        const double estimate = director_->estimatedSeconds(*director_->current());
        QString plan = seeds.size() > 1
                           ? tr("Measuring seeds %1: the first here, the others beside it.")
                                 .arg(seedList(seeds))
                       : seeds.size() == 1 ? tr("Measuring one run (seed %1).").arg(seedList(seeds))
                                           : QString();
        if (estimate >= 1) {
            plan += ' ' + tr("About %1 min on the reference machine.")
                              .arg(QString::number(std::max(1.0, estimate / 60.0), 'f', 0));
        }
        if (!plan.isEmpty()) {
            html += QStringLiteral("<p><i>%1</i></p>").arg(plan.toHtmlEscaped());
        }
    }
    for (const QString& finding : director_->findings()) {
        html += QStringLiteral("<p>%1</p>").arg(finding.toHtmlEscaped());
    }
    if (!director_->complete()) {
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("Measuring…").toHtmlEscaped());
        if (!director_->backgroundProgress().isEmpty()) {
            html +=
                QStringLiteral("<p><i>%1</i></p>")
                    .arg(
                        tr("Other seeds: %1").arg(director_->backgroundProgress()).toHtmlEscaped());
        }
    } else {
        html += numbersTable();
        const double seconds = director_->seconds();
        html +=
            QStringLiteral("<p><i>%1</i></p>")
                .arg((seconds < 1 ? tr("Measured in under a second on this machine.")
                                  : tr("Measured in %1 s on this machine.").arg(qRound(seconds)))
                         .toHtmlEscaped());
    }
    text_->setHtml(html);
}

void LessonGuide::saveHandout() {
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the handout"), lessonKey(*director_->current()) + QStringLiteral(".pdf"),
        tr("PDF (*.pdf);;PNG image (*.png)"), &selected);
    if (path.isEmpty()) {
        return;
    }
    const QString error = writeHandout(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Handout"), error);
    }
}

QString LessonGuide::writeHandout(const QString& path) const {
    if (!director_->current() || !director_->complete()) {
        return tr("The lesson has not measured yet.");
    }
    const LessonId lesson = *director_->current();
    const LessonText text = lessonText(lesson);
    HandoutContent content;
    content.title = text.title;
    content.summary = text.summary;
    content.ask = text.ask;
    content.sentences = director_->findings();
    content.numbersHtml = numbersTable();
    const QString seeds = seedList(director_->seeds());
    content.seeds = seeds.isEmpty() ? tr("Measured on this machine.")
                                    : tr("Measured over seeds %1 on this machine.").arg(seeds);
    content.citation = lessonCitation(lesson);
    content.screen = window()->grab().toImage();
    return LessonHandout::write(path, content);
}

// Each number: this run, the median and range over this machine's seeds, and the
// reference machine's (docs/lessons/measured.json) for the same settings.
QString LessonGuide::numbersTable() const {
    const std::optional<LessonRecord>& record = director_->record();
    if (!record || record->quantities.empty()) {
        return {};
    }
    const LessonRecord* reference = director_->reference();
    const bool seeded = record->seeds.size() > 1;
    QString html = QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"2\">");
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th>%2</th>")
                .arg(tr("Number").toHtmlEscaped(), tr("This run").toHtmlEscaped());
    if (seeded) {
        html += QStringLiteral("<th>%1</th>")
                    .arg(tr("%1 seeds here").arg(record->seeds.size()).toHtmlEscaped());
    }
    if (reference) {
        html += QStringLiteral("<th>%1</th>")
                    .arg(tr("Measured on the reference machine").toHtmlEscaped());
    }
    html += QStringLiteral("</tr>");
    for (const Quantity& q : record->quantities) {
        html +=
            QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td>")
                .arg(LessonFindings::label(q.name).toHtmlEscaped(),
                     LessonFindings::value(q.values.empty() ? q.median : q.values.front(), q.kind)
                         .toHtmlEscaped());
        if (seeded) {
            html += QStringLiteral("<td align=\"right\">%1</td>")
                        .arg(LessonFindings::spread(q).toHtmlEscaped());
        }
        if (reference) {
            const Quantity* there = reference->quantity(q.name);
            html += QStringLiteral("<td align=\"right\">%1</td>")
                        .arg(there ? LessonFindings::spread(*there).toHtmlEscaped()
                                   : QStringLiteral("–"));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (reference) {
        const QString list = seedList(reference->seeds);
        const QString settings = QString::fromStdString(reference->settings);
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg((list.isEmpty() ? tr("Reference: %1.").arg(settings)
                                         : tr("Reference: seeds %1; %2.").arg(list, settings))
                             .toHtmlEscaped());
    }
    return html;
}

}  // namespace reslens
