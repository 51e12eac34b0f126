#include "widgets/common/Export.h"

#include <QFileDialog>
#include <QImage>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

#include <functional>

namespace reslens {

QString writeAtomically(const QString& path, const std::function<bool(QSaveFile&)>& write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    if (!write(file)) {
        file.cancelWriting();
        return QObject::tr("cannot write %1").arg(path);
    }
    if (!file.commit()) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return QString();
}

QString csvField(QString text) {
    if (text.contains(',') || text.contains('"')) {
        text.replace('"', "\"\"");
        return '"' + text + '"';
    }
    return text;
}

QString saveImage(const QImage& image, const QString& path) {
    if (image.isNull()) {
        return QObject::tr("there is nothing to export yet");
    }
    return writeAtomically(path, [&](QSaveFile& file) { return image.save(&file, "PNG"); });
}

QString saveWidgetPng(QWidget* widget, const QString& path) {
    return saveImage(widget->grab().toImage(), path);
}

QString saveWidgetSvg(QWidget* widget, const QString& path, const QString& title) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(widget->size());
        generator.setViewBox(widget->rect());
        generator.setTitle(title);
        generator.setDescription(QObject::tr("Exported from ResLens"));
        QPainter painter;
        if (!painter.begin(&generator)) {
            return false;
        }
        widget->render(&painter);
        return painter.end();
    });
}

QString saveWidgetAs(QWidget* widget, const QString& path, const QString& title) {
    return path.endsWith(".svg", Qt::CaseInsensitive) ? saveWidgetSvg(widget, path, title)
                                                      : saveWidgetPng(widget, path);
}

QPushButton* exportButton(QWidget* parent, const QString& text, const QString& suggested,
                          const QString& filter, std::function<QString(const QString&)> save,
                          std::function<void(const QString&)> failed) {
    auto* button = new QPushButton(text, parent);
    QObject::connect(button, &QPushButton::clicked, parent, [=] {
        const QString path = QFileDialog::getSaveFileName(parent, text, suggested, filter);
        if (path.isEmpty()) {
            return;
        }
        if (const QString error = save(path); !error.isEmpty()) {
            failed(error);
        }
    });
    return button;
}

}  // namespace reslens
