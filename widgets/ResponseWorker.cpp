#include "widgets/ResponseWorker.h"

#include <QDir>
#include <QFile>

#include "imaging/ImageDecoder.h"
#include "widgets/QtResources.h"

namespace reslens {

ResponseWorker::ResponseWorker() : resources_(std::make_unique<QtResources>()) {}

ResponseWorker::~ResponseWorker() = default;

void ResponseWorker::measure(const QVector<ModelRequest>& models) {
    try {
        if (gallery_.empty()) {
            // The 100 Fashion-MNIST samples: the images the magnitude claims are made on.
            const QDir folder(QStringLiteral(":/samples/fashion-mnist"));
            for (const QString& name : folder.entryList({"*.png"}, QDir::Files, QDir::Name)) {
                QFile file(folder.filePath(name));
                if (!file.open(QIODevice::ReadOnly)) {
                    continue;
                }
                const QByteArray bytes = file.readAll();
                gallery_.push_back(
                    decodeImage(std::vector<char>(bytes.begin(), bytes.end()), name.toStdString()));
            }
        }
        for (const ModelRequest& model : models) {
            Q_EMIT measured(measureResponseProfile(*resources_, model, gallery_));
        }
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    }
    Q_EMIT finished();
}

}  // namespace reslens
