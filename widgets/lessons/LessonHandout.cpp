#include "widgets/lessons/LessonHandout.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace reslens {
namespace {

constexpr int kDpi = 150;

QString html(const HandoutContent& c) {
    QString out = QStringLiteral("<h1>%1</h1><p><i>%2</i></p>")
                      .arg(c.title.toHtmlEscaped(), c.summary.toHtmlEscaped());
    out += QStringLiteral("<h3>%1</h3><p>%2</p>")
               .arg(QCoreApplication::translate("LessonHandout", "Question").toHtmlEscaped(),
                    c.ask.toHtmlEscaped());
    out += QStringLiteral("<h3>%1</h3>")
               .arg(QCoreApplication::translate("LessonHandout", "What the lesson measured")
                        .toHtmlEscaped());
    for (const QString& sentence : c.sentences) {
        out += QStringLiteral("<p>%1</p>").arg(sentence.toHtmlEscaped());
    }
    out += c.numbersHtml;
    out += QStringLiteral("<p><small>%1</small></p>").arg(c.seeds.toHtmlEscaped());
    out += QStringLiteral("<p><small>%1 %2</small></p>")
               .arg(QCoreApplication::translate("LessonHandout", "Reference:").toHtmlEscaped(),
                    c.citation.toHtmlEscaped());
    return out;
}

// The page: the window's picture across the top third at most, the text below it, scaled
// down as a whole when it would run over the page.
void paint(QPainter& painter, const QRectF& page, const HandoutContent& content) {
    const double margin = page.width() * 0.06;
    const QRectF area = page.adjusted(margin, margin, -margin, -margin);
    double top = area.top();
    if (!content.screen.isNull()) {
        QSizeF size = content.screen.size();
        size.scale(area.width(), area.height() / 3, Qt::KeepAspectRatio);
        const QRectF target(area.left() + (area.width() - size.width()) / 2, top, size.width(),
                            size.height());
        painter.drawImage(target, content.screen);
        top += size.height() + margin / 3;
    }
    QTextDocument document;
    QFont font = document.defaultFont();
    font.setPointSizeF(10);
    document.setDefaultFont(font);
    document.setHtml(html(content));
    // The document lays out in the painter's units: points scaled to the device.
    const double scale = painter.device()->logicalDpiX() / 72.0;
    document.setTextWidth(area.width() / scale);
    const double height = document.size().height() * scale;
    const double room = area.bottom() - top;
    const double fit = height > room ? room / height : 1.0;
    painter.save();
    painter.translate(area.left(), top);
    painter.scale(scale * fit, scale * fit);
    document.drawContents(&painter);
    painter.restore();
}

}  // namespace

QString LessonHandout::write(const QString& path, const HandoutContent& content) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "pdf") {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            return QCoreApplication::translate("LessonHandout", "Cannot write %1: %2")
                .arg(path, file.errorString());
        }
        {
            QPdfWriter writer(&file);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setResolution(kDpi);
            writer.setTitle(content.title);
            writer.setCreator(QStringLiteral("ResLens"));
            QPainter painter(&writer);
            paint(painter, QRectF(QPointF(0, 0), QSizeF(writer.width(), writer.height())), content);
        }
        if (!file.commit()) {
            return QCoreApplication::translate("LessonHandout", "Cannot write %1: %2")
                .arg(path, file.errorString());
        }
        return {};
    }
    if (suffix == "png") {
        QImage image(QPageSize(QPageSize::A4).sizePixels(kDpi), QImage::Format_RGB32);
        image.setDotsPerMeterX(qRound(kDpi / 0.0254));
        image.setDotsPerMeterY(qRound(kDpi / 0.0254));
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            paint(painter, QRectF(image.rect()), content);
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
            return QCoreApplication::translate("LessonHandout", "Cannot write %1: %2")
                .arg(path, file.errorString());
        }
        return {};
    }
    return QCoreApplication::translate("LessonHandout", "A handout is a .pdf or a .png file: %1")
        .arg(path);
}

}  // namespace reslens
