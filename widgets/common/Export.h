#pragma once

// What every export shares, knowing no feature's types: files written through QSaveFile
// (they appear complete or not at all), widgets as PNG or SVG, and the export button. The
// features' own formats live with them (explorer/StatisticsExport.h, studies/StudyExport.h).

#include <QString>

#include <functional>

class QImage;
class QPushButton;
class QSaveFile;
class QWidget;

namespace reslens {

// Runs `write` on a QSaveFile at `path` and commits it; "" on success, else the reason.
QString writeAtomically(const QString& path, const std::function<bool(QSaveFile&)>& write);
// A CSV field, quoted when it holds a comma or a quote.
QString csvField(QString text);

// Each returns an empty string on success, else the reason.
QString saveImage(const QImage& image, const QString& path);
// The widget as drawn on screen (at the screen's pixel ratio).
QString saveWidgetPng(QWidget* widget, const QString& path);
// The widget painted as vectors (charts stay sharp on slides).
QString saveWidgetSvg(QWidget* widget, const QString& path, const QString& title);
// .svg as vectors, anything else as PNG.
QString saveWidgetAs(QWidget* widget, const QString& path, const QString& title);

// A button that asks for a file name (`filter`, e.g. "CSV tables (*.csv)", suggesting
// `suggested`) and hands it to `save`; a failure's reason goes to `failed`.
QPushButton* exportButton(QWidget* parent, const QString& text, const QString& suggested,
                          const QString& filter, std::function<QString(const QString&)> save,
                          std::function<void(const QString&)> failed);

}  // namespace reslens
