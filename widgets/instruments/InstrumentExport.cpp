#include "widgets/instruments/InstrumentExport.h"

#include <QSaveFile>
#include <QTextStream>

#include "widgets/common/Export.h"

namespace reslens {
namespace {

QString number(double value) {
    return QString::number(value, 'g', 10);
}

void writeCurve(QTextStream& out, const QString& model, const QString& network,
                const std::vector<double>& t, const LineCurve& curve) {
    for (size_t i = 0; i < curve.derivative.size() && i < t.size(); ++i) {
        out << model << ',' << csvField(network) << ',' << i << ',' << number(t[i]) << ','
            << number(curve.derivative[i]) << ','
            << (i < curve.autocorrelation.size() ? number(curve.autocorrelation[i]) : QString())
            << ',' << curve.lag << '\n';
    }
}

}  // namespace

QString saveGradientLineCsv(const QVector<GradientLineResult>& results,
                            const std::optional<DepthSweepResult>& sweep, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,network,index,t,derivative,autocorrelation,lag\n";
        for (const GradientLineResult& r : results) {
            const QString model = csvField(QString::fromStdString(r.title));
            writeCurve(out, model, QStringLiteral("trained"), r.t, r.model);
            writeCurve(out, model, QStringLiteral("fresh"), r.t, r.fresh);
        }
        if (sweep) {
            for (const DepthSweepEntry& e : sweep->entries) {
                writeCurve(out, QStringLiteral("depth sweep"),
                           QStringLiteral("fresh ") + QString::fromStdString(e.arch), sweep->t,
                           e.curve);
            }
        }
        return out.status() == QTextStream::Ok;
    });
}

QString saveSimilarityCsv(const QVector<SimilarityResult>& results, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,samples,block_a,block_b,stage_a,stage_b,cka\n";
        for (const SimilarityResult& r : results) {
            const QString model = csvField(QString::fromStdString(r.title));
            for (size_t i = 0; i < r.cka.size(); ++i) {
                for (size_t j = 0; j < r.cka[i].size(); ++j) {
                    out << model << ',' << r.samples << ',' << QString::fromStdString(r.blocks[i])
                        << ',' << QString::fromStdString(r.blocks[j]) << ',' << r.stages[i] << ','
                        << r.stages[j] << ',' << number(r.cka[i][j]) << '\n';
                }
            }
        }
        return out.status() == QTextStream::Ok;
    });
}

QString saveProbeCsv(const QVector<ProbeResult>& results, const QString& path) {
    return writeAtomically(path, [&](QSaveFile& file) {
        QTextStream out(&file);
        out << "model,samples,test_samples,block,stage,features,accuracy\n";
        for (const ProbeResult& r : results) {
            const QString model = csvField(QString::fromStdString(r.title)) + ',' +
                                  QString::number(r.samples) + ',' + QString::number(r.testSamples);
            for (const BlockProbe& b : r.blocks) {
                out << model << ',' << QString::fromStdString(b.name) << ',' << b.stage << ','
                    << b.features << ',' << number(b.accuracy) << '\n';
            }
            out << model << ",network,,," << number(r.networkAccuracy) << '\n';
        }
        return out.status() == QTextStream::Ok;
    });
}

}  // namespace reslens
