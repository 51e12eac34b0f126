#include "widgets/common/QtResources.h"

#include <QFile>

namespace reslens {

std::optional<std::vector<char>> QtResources::read(const std::string& relativePath) const {
    QFile file(QString::fromStdString(locate(relativePath)));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    return std::vector<char>(bytes.begin(), bytes.end());
}

std::string QtResources::locate(const std::string& relativePath) const {
    return ":/" + relativePath;
}

}  // namespace reslens
