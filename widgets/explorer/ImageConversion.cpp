#include "widgets/explorer/ImageConversion.h"

#include <QPainter>

#include <opencv2/core.hpp>

#include <cstring>
#include <stdexcept>

namespace reslens {

QImage qImageFromMat(const cv::Mat& mat) {
    if (mat.empty()) {
        return QImage();
    }
    if (mat.depth() != CV_8U || (mat.channels() != 1 && mat.channels() != 3)) {
        throw std::invalid_argument("qImageFromMat: expected 8-bit gray or RGB");
    }
    const QImage::Format format =
        mat.channels() == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    return QImage(mat.data, mat.cols, mat.rows, static_cast<qsizetype>(mat.step), format).copy();
}

cv::Mat matFromQImage(const QImage& image) {
    QImage rgb(image.size(), QImage::Format_RGB888);
    rgb.fill(Qt::white);
    {
        QPainter painter(&rgb);
        painter.drawImage(0, 0, image);
    }
    cv::Mat mat(rgb.height(), rgb.width(), CV_8UC3);
    for (int y = 0; y < rgb.height(); ++y) {
        std::memcpy(mat.ptr(y), rgb.constScanLine(y), static_cast<size_t>(rgb.width()) * 3);
    }
    return mat;
}

}  // namespace reslens
