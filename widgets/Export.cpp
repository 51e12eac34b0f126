#include "widgets/Export.h"

#include <QFileDialog>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <QWidget>

#include <functional>

namespace reslens {
namespace {

QString writeAtomically(const QString& path, const std::function<bool(QSaveFile&)>& write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    if (!write(file)) {
        file.cancelWriting();
        return QObject::tr("cannot write %1").arg(path);
    }
    if (!file.commit()) {
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    }
    return QString();
}

QString optionalText(const std::optional<double>& value) {
    return value ? QString::number(*value, 'g', 8) : QString();
}

QJsonValue optionalJson(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString csvField(QString text) {
    if (text.contains(',') || text.contains('"')) {
        text.replace('"', "\"\"");
        return '"' + text + '"';
    }
    return text;
}

}  // namespace

QString saveImage(const QImage& image, const QString& path) {
    if (image.isNull()) {
        return QObject::tr("there is nothing to export yet");
    }
    return writeAtomically(path, [&](QSaveFile& file) { return image.save(&file, "PNG"); });
}

QString saveWidgetPng(QWidget* widget, const QString& path) {
    return saveImage(widget->grab().toImage(), path);
}

QString saveWidgetSvg(QWidget* widget, const QString& path, const QString& title) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(widget->size());
        generator.setViewBox(widget->rect());
        generator.setTitle(title);
        generator.setDescription(QObject::tr("Exported from ResLens"));
        QPainter painter;
        if (!painter.begin(&generator)) {
            return false;
        }
        widget->render(&painter);
        return painter.end();
    });
}

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

QString saveLesionCsv(const QVector<NamedLesionStudy>& studies, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,data,kind,block,stage,downsampling,k,trials,accuracy,loss,std_accuracy\n";
        for (const NamedLesionStudy& study : studies) {
            const QString model = csvField(QString::fromStdString(study.title)) + ',' +
                                  csvField(QString::fromStdString(study.data));
            const LesionStudyResult& r = study.result;
            out << model << ",baseline,,,,0,1," << QString::number(r.baselineAccuracy, 'g', 8)
                << ',' << QString::number(r.baselineLoss, 'g', 8) << ",\n";
            for (const BlockLesion& b : r.blocks) {
                out << model << ",block," << QString::fromStdString(b.name) << ','
                    << QString::fromStdString(b.stage) << ',' << (b.downsampling ? 1 : 0) << ",1,1,"
                    << QString::number(b.accuracy, 'g', 8) << ',' << QString::number(b.loss, 'g', 8)
                    << ",\n";
            }
            for (const RandomLesion& k : r.random) {
                out << model << ",random,,,," << k.k << ',' << k.trials << ','
                    << QString::number(k.meanAccuracy, 'g', 8) << ",,"
                    << QString::number(k.stdAccuracy, 'g', 8) << '\n';
            }
        }
        return out.status() == QTextStream::Ok;
    });
}

QString saveResponseCsv(const QVector<ResponseProfile>& profiles, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,block_index,block,mean_residual_std,images\n";
        for (const ResponseProfile& p : profiles) {
            for (size_t b = 0; b < p.blocks.size(); ++b) {
                out << csvField(QString::fromStdString(p.title)) << ',' << b + 1 << ','
                    << QString::fromStdString(p.blocks[b]) << ','
                    << QString::number(p.meanResidualStd[b], 'g', 8) << ',' << p.images << '\n';
            }
        }
        return out.status() == QTextStream::Ok;
    });
}

QString saveLandscapeCsv(const QVector<NamedLandscape>& slices, uint64_t seed,
                         const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,data,samples,seed,beta,alpha,loss,accuracy\n";
        for (const NamedLandscape& s : slices) {
            const LandscapeResult& r = s.result;
            const size_t rows = r.betas.empty() ? 1 : r.betas.size();
            for (size_t row = 0; row < rows; ++row) {
                for (size_t column = 0; column < r.alphas.size(); ++column) {
                    const size_t i = row * r.alphas.size() + column;
                    out << csvField(QString::fromStdString(s.title)) << ','
                        << QString::fromStdString(s.data) << ',' << r.samples << ',' << seed << ','
                        << (r.betas.empty() ? QString() : QString::number(r.betas[row])) << ','
                        << r.alphas[column] << ',' << QString::number(r.loss[i], 'g', 9) << ','
                        << QString::number(r.accuracy[i], 'g', 9) << '\n';
                }
            }
        }
        return out.status() == QTextStream::Ok;
    });
}

QPushButton* exportButton(QWidget* parent, const QString& text, const QString& suggested,
                          const QString& filter, std::function<QString(const QString&)> save,
                          std::function<void(const QString&)> failed) {
    auto* button = new QPushButton(text, parent);
    QObject::connect(button, &QPushButton::clicked, parent, [=] {
        const QString path = QFileDialog::getSaveFileName(parent, text, suggested, filter);
        if (path.isEmpty()) {
            return;
        }
        if (const QString error = save(path); !error.isEmpty()) {
            failed(error);
        }
    });
    return button;
}

}  // namespace reslens
