#include "widgets/SettingsValues.h"

namespace reslens {
namespace {

// ModelRequest::Kind's order in 0.1, when the kind was saved as int(enum).
constexpr ModelKind kLegacyKinds[] = {ModelKind::Shipped, ModelKind::File, ModelKind::TorchScript,
                                      ModelKind::Fresh, ModelKind::Memory};

}  // namespace

QVariant settingFor(ModelKind kind) {
    return QString::fromStdString(toString(kind));
}

std::optional<ModelKind> modelKindFromSetting(const QVariant& value) {
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong) {
        const int index = value.toInt();
        if (index >= 0 && index < int(std::size(kLegacyKinds))) {
            return kLegacyKinds[index];
        }
        return std::nullopt;
    }
    const QString text = value.toString();
    bool isNumber = false;
    const int index = text.toInt(&isNumber);  // an INI file gives every value back as text
    if (isNumber) {
        return modelKindFromSetting(QVariant(index));
    }
    return modelKindFromString(text.toStdString());
}

}  // namespace reslens
