#include "widgets/studies/StudyExport.h"

#include <QSaveFile>
#include <QTextStream>

#include "app/core/studies/LandscapeCsv.h"
#include "widgets/common/Export.h"

namespace reslens {

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
    const QByteArray text = QByteArray::fromStdString(
        landscapeCsv(std::vector<NamedLandscape>(slices.begin(), slices.end()), seed));
    return writeAtomically(path, [&](QSaveFile& file) { return file.write(text) == text.size(); });
}

}  // namespace reslens
