#pragma once

// The photo with what the preparation found: the object's box (solid) and, when the
// network sees a crop, the window grown around it to the input's shape (dashed). Drawn by
// the inference worker on the image it hands the drop zone, or by the input panel when the
// worker had no size to fit it to.

#include <QImage>

#include "widgets/explorer/ViewTypes.h"

namespace reslens {

QImage markedObject(const QImage& original, const ClassificationView& view);

// `marked` shrunk smoothly to fit `devicePixels` (keeping its aspect): what the drop zone
// shows. A null image when the size is unknown or the image is smaller, which the drop zone
// then enlarges itself, in crisp pixels.
QImage shownImage(const QImage& marked, const QSize& devicePixels);

}  // namespace reslens
