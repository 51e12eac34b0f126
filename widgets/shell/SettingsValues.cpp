#include "widgets/shell/SettingsValues.h"

#include <QFileInfo>
#include <QSettings>

#include "app/core/models/ShippedModels.h"
#include "widgets/shell/SettingsKeys.h"

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

std::optional<ModelRequest> rememberedModel() {
    const QSettings settings;
    const std::optional<ModelKind> kind =
        modelKindFromSetting(settings.value(settings::kModelKind));
    const QString location = settings.value(settings::kModelLocation).toString();
    if (location.isEmpty()) {
        return std::nullopt;
    }
    if (kind == ModelKind::Shipped && findShippedModel(location.toStdString())) {
        return ModelRequest::shipped(location.toStdString());
    }
    if (kind == ModelKind::File && QFileInfo::exists(location)) {
        return ModelRequest::file(location.toStdString());
    }
    if (kind == ModelKind::TorchScript && QFileInfo::exists(location)) {
        ModelRequest request = ModelRequest::torchScript(location.toStdString());
        applyImportStateText(request,
                             settings.value(settings::kModelImport).toString().toStdString());
        return request;
    }
    return std::nullopt;
}

void rememberModel(const ModelRequest& request) {
    if (request.kind == ModelKind::Fresh || request.kind == ModelKind::Memory) {
        return;
    }
    QSettings settings;
    settings.setValue(settings::kModelKind, settingFor(request.kind));
    settings.setValue(settings::kModelLocation, QString::fromStdString(request.location));
    settings.setValue(settings::kModelImport, QString::fromStdString(importStateText(request)));
}

}  // namespace reslens
