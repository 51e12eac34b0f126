#include "widgets/explorer/ViewTypes.h"

namespace reslens {

int FeatureView::channelAt(int x, int y) const {
    const int cellW = tileWidth + gap, cellH = tileHeight + gap;
    if (x < 0 || y < 0 || cellW <= 0 || cellH <= 0) {
        return -1;
    }
    const int column = x / cellW, row = y / cellH;
    if (column >= columns || row >= rows || x % cellW >= tileWidth || y % cellH >= tileHeight) {
        return -1;
    }
    const int index = row * columns + column;
    return index < channels.size() ? channels[index] : -1;
}

QImage FeatureView::tile(int channel) const {
    const int index = channels.indexOf(channel);
    if (index < 0 || columns <= 0) {
        return QImage();
    }
    const int row = index / columns, column = index % columns;
    return grid.copy(column * (tileWidth + gap), row * (tileHeight + gap), tileWidth, tileHeight);
}

}  // namespace reslens
