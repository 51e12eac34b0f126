#include "imaging/ImageDecoder.h"

#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "imaging/ExifOrientation.h"
#include "imaging/ImageHeader.h"
#include "imaging/LibraryMessages.h"
#include "model/files/FileBytes.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

void requireWithinLimit(int64_t width, int64_t height, const DecodeOptions& options,
                        const std::string& sourceName) {
    if (width <= 0 || height <= 0) {
        throw InputError(sourceName + ": the header claims an empty image (" +
                         std::to_string(width) + "x" + std::to_string(height) + ")");
    }
    if (width > options.maxPixels / height) {
        throw InputError(sourceName + ": the header claims " + std::to_string(width) + "x" +
                         std::to_string(height) + " pixels, more than the limit of " +
                         std::to_string(options.maxPixels / 1'000'000) +
                         " megapixels; not decoding it");
    }
}

// 16-bit to 8-bit by v/257 rounded, so 65535 -> 255 and 0 -> 0; float taken as [0, 1].
cv::Mat toEightBit(const cv::Mat& image, const std::string& sourceName) {
    cv::Mat out;
    switch (image.depth()) {
        case CV_8U:
            return image;
        case CV_16U:
            image.convertTo(out, CV_8U, 1.0 / 257.0);
            return out;
        case CV_32F:
            image.convertTo(out, CV_8U, 255.0);
            return out;
        default:
            throw InputError(sourceName +
                             ": unsupported pixel depth (only 8-bit, 16-bit and "
                             "float images)");
    }
}

// Alpha over a uniform background: c * a + background * (1 - a), rounded.
cv::Mat compositeOnBackground(const cv::Mat& colour, const cv::Mat& alpha, uint8_t background) {
    cv::Mat out(colour.size(), colour.type());
    const int channels = colour.channels();
    for (int y = 0; y < colour.rows; ++y) {
        const uint8_t* c = colour.ptr<uint8_t>(y);
        const uint8_t* a = alpha.ptr<uint8_t>(y);
        uint8_t* o = out.ptr<uint8_t>(y);
        for (int x = 0; x < colour.cols; ++x) {
            const int w = a[x];
            for (int ch = 0; ch < channels; ++ch) {
                o[x * channels + ch] = static_cast<uint8_t>(
                    (c[x * channels + ch] * w + background * (255 - w) + 127) / 255);
            }
        }
    }
    return out;
}

}  // namespace

DecodedImage decodeImage(const std::vector<char>& bytes, const std::string& sourceName,
                         const DecodeOptions& options) {
    if (bytes.empty()) {
        throw InputError(sourceName + " is empty");
    }
    DecodedImage result;
    result.format = "image";
    if (auto header = readImageHeader(bytes, sourceName)) {
        requireWithinLimit(header->width, header->height, options, sourceName);
        requireCompleteImage(bytes, header->format, sourceName);
        result.format = header->format;
        if (result.format == "gif") {
            // OpenCV has no GIF decoder; say so rather than call the file damaged.
            throw InputError(sourceName +
                             " is a GIF, which ResLens cannot decode (save it as PNG)");
        }
    }

    // OpenCV's own messages would break the one-line error; ours say it better.
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    cv::Mat raw;
    std::string libraryMessage;
    {
        LibraryMessages messages;  // this thread's libpng/libjpeg complaints, not stderr's
        try {
            const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U,
                                 const_cast<char*>(bytes.data()));
            raw = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
        } catch (const cv::Exception&) {
            raw.release();
        }
        libraryMessage = messages.first();
    }
    if (raw.empty()) {
        throw InputError(sourceName +
                         (result.format == "image" ? " is not an image in a format ResLens can read"
                                                   : " is a damaged " + result.format + " file") +
                         (libraryMessage.empty() ? "" : " (" + libraryMessage + ")"));
    }
    requireWithinLimit(raw.cols, raw.rows, options, sourceName);

    result.sourceChannels = raw.channels();
    result.sourceBitDepth = raw.depth() == CV_16U ? 16 : raw.depth() == CV_32F ? 32 : 8;
    result.exifOrientation = result.format == "jpeg" ? jpegExifOrientation(bytes) : 1;
    cv::Mat image = toEightBit(raw, sourceName);

    std::vector<cv::Mat> planes;
    cv::split(image, planes);
    switch (planes.size()) {
        case 1:
            result.pixels = image;
            break;
        case 2:  // gray + alpha
            result.hadAlpha = true;
            result.pixels = compositeOnBackground(planes[0], planes[1], options.background);
            break;
        case 3:
            cv::cvtColor(image, result.pixels, cv::COLOR_BGR2RGB);
            break;
        case 4: {
            result.hadAlpha = true;
            cv::Mat rgb;
            cv::merge(std::vector<cv::Mat>{planes[2], planes[1], planes[0]}, rgb);
            result.pixels = compositeOnBackground(rgb, planes[3], options.background);
            break;
        }
        default:
            throw InputError(sourceName + ": " + std::to_string(planes.size()) +
                             " channels per pixel is not an image ResLens can show");
    }
    result.pixels = applyExifOrientation(result.pixels, result.exifOrientation);
    if (!result.pixels.isContinuous()) {
        result.pixels = result.pixels.clone();
    }
    return result;
}

DecodedImage decodeImageFile(const std::string& path, const DecodeOptions& options) {
    // 1 GiB of file is far beyond any image within the pixel limit.
    return decodeImage(readFileBytes(path, size_t(1) << 30), "'" + path + "'", options);
}

}  // namespace reslens
