#include "widgets/explorer/StatisticsExport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include "widgets/common/Export.h"

namespace reslens {
namespace {

QString optionalText(const std::optional<double>& value) {
    return value ? QString::number(*value, 'g', 8) : QString();
}

QJsonValue optionalJson(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

}  // namespace

QString saveStatisticsCsv(const StatisticsSnapshot& snapshot, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "block,stage,kind,shortcut,params,conv_params,bn_params,shortcut_params,"
               "basic_equivalent_params,macs,output_shape,input_norm,residual_norm,"
               "shortcut_norm,output_norm,residual_ratio,cosine\n";
        const auto& blocks = snapshot.summary.blocks;
        for (size_t i = 0; i < blocks.size(); ++i) {
            const BlockAccount& b = blocks[i];
            const Shape3& s = b.outputShape;
            out << csvField(QString::fromStdString(b.info.name)) << ','
                << QString::fromStdString(b.info.stage) << ','
                << QString::fromStdString(toString(b.info.kind)) << ','
                << QString::fromStdString(toString(b.info.shortcut)) << ',' << b.params << ','
                << b.convParams << ',' << b.bnParams << ',' << b.shortcutParams << ','
                << (b.basicEquivalentParams ? QString::number(*b.basicEquivalentParams) : QString())
                << ',' << b.macs << ',' << QStringLiteral("%1x%2x%3").arg(s[0]).arg(s[1]).arg(s[2]);
            if (int(i) < snapshot.magnitudes.size()) {
                const BlockMagnitude& m = snapshot.magnitudes[int(i)];
                out << ',' << QString::number(m.inputNorm, 'g', 8) << ','
                    << QString::number(m.residualNorm, 'g', 8) << ','
                    << optionalText(m.shortcutNorm) << ',' << QString::number(m.outputNorm, 'g', 8)
                    << ',' << optionalText(m.ratio) << ',' << optionalText(m.cosine);
            } else {
                out << ",,,,,,";
            }
            out << '\n';
        }
        out.flush();
        return out.status() == QTextStream::Ok;
    });
}

QString saveStatisticsJson(const StatisticsSnapshot& snapshot, const QString& path) {
    QJsonArray blocks;
    const auto& accounts = snapshot.summary.blocks;
    for (size_t i = 0; i < accounts.size(); ++i) {
        const BlockAccount& b = accounts[i];
        QJsonObject block{
            {"name", QString::fromStdString(b.info.name)},
            {"stage", QString::fromStdString(b.info.stage)},
            {"kind", QString::fromStdString(toString(b.info.kind))},
            {"shortcut", QString::fromStdString(toString(b.info.shortcut))},
            {"params", qint64(b.params)},
            {"conv_params", qint64(b.convParams)},
            {"bn_params", qint64(b.bnParams)},
            {"shortcut_params", qint64(b.shortcutParams)},
            {"macs", qint64(b.macs)},
            {"output_shape", QJsonArray{qint64(b.outputShape[0]), qint64(b.outputShape[1]),
                                        qint64(b.outputShape[2])}}};
        if (b.basicEquivalentParams) {
            block["basic_equivalent_params"] = qint64(*b.basicEquivalentParams);
        }
        if (int(i) < snapshot.magnitudes.size()) {
            const BlockMagnitude& m = snapshot.magnitudes[int(i)];
            block["input_norm"] = m.inputNorm;
            block["residual_norm"] = m.residualNorm;
            block["shortcut_norm"] = optionalJson(m.shortcutNorm);
            block["output_norm"] = m.outputNorm;
            block["residual_ratio"] = optionalJson(m.ratio);
            block["cosine"] = optionalJson(m.cosine);
        }
        blocks.append(block);
    }
    QJsonArray top;
    for (const ClassProbability& p : snapshot.top) {
        top.append(
            QJsonObject{{"index", p.index}, {"label", p.label}, {"probability", p.probability}});
    }
    const QJsonObject root{{"model", snapshot.model},
                           {"arch", QString::fromStdString(snapshot.summary.config.arch)},
                           {"params", qint64(snapshot.summary.totalParams)},
                           {"macs", qint64(snapshot.summary.macs)},
                           {"image", snapshot.image},
                           {"top", top},
                           {"blocks", blocks}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return writeAtomically(path,
                           [&](QSaveFile& file) { return file.write(bytes) == bytes.size(); });
}

}  // namespace reslens
