#include "widgets/studies/ResponseView.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

#include "app/core/models/ModelTwins.h"
#include "imaging/ImageDecoder.h"
#include "widgets/charts/ChartOwnership.h"
#include "widgets/common/Export.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyExport.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {
namespace {

// Skip networks solid, plain ones dashed; the shallow pair blue, the deep pair orange.
QPen penFor(const ResponseProfile& profile, int index) {
    const bool plain = profile.title.find("(plain") != std::string::npos;
    const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                             QColor(148, 103, 189)};
    return QPen(colors[(index / 2) % 4], 2, plain ? Qt::DashLine : Qt::SolidLine);
}

// The 100 Fashion-MNIST samples of the gallery: the images the magnitude claims are made on.
std::vector<DecodedImage> decodeGallery() {
    std::vector<DecodedImage> gallery;
    const QDir folder(QStringLiteral(":/samples/fashion-mnist"));
    for (const QString& name : folder.entryList({"*.png"}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray bytes = file.readAll();
            gallery.push_back(
                decodeImage(std::vector<char>(bytes.begin(), bytes.end()), name.toStdString()));
        }
    }
    return gallery;
}

}  // namespace

ResponseView::ResponseView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("responses"), this)),
      gallery_(std::make_shared<std::vector<DecodedImage>>()),
      controls_(new StudyControls(
          tr("Measure on the gallery"),
          tr("Classify the 100 gallery samples with the loaded model, its twin and the other "
             "shipped pair, and average each block's std of F(x)"),
          this)),
      chart_(new QChartView(this)),
      summary_(new QLabel(this)) {
    controls_->addExport(tr("Export chart…"), "responses.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportChart(path); });
    controls_->addExport(tr("Export CSV…"), "responses.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });
    auto* chart = new QChart;
    chart->setTitle(tr("Std of each block's response F(x) (He et al. 2015, Fig. 7)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(chart_, chart);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumSize(320, 240);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls_);
    layout->addWidget(chart_, 1);
    layout->addWidget(summary_);

    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        queue_.clear();
        measureNext();
        Q_EMIT errorOccurred(tr("Responses: %1").arg(message));
    });
    connect(controls_, &StudyControls::runClicked, this, &ResponseView::measure);
    connect(controls_, &StudyControls::cancelClicked, this, &ResponseView::cancel);
    connect(controls_, &StudyControls::exportFailed, this, &ResponseView::errorOccurred);
    setModel({}, QString());
}

ResponseView::~ResponseView() = default;

bool ResponseView::running() const {
    return !queue_.isEmpty() || runner_->running();
}

void ResponseView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    controls_->setModel(request, title);
    profiles_.clear();
    redraw();
}

QVector<ModelRequest> ResponseView::modelsToMeasure() const {
    std::vector<ModelRequest> models = modelWithTwin(model_);
    for (const ModelRequest& other : otherShippedPairs(model_)) {
        models.push_back(other);
    }
    return QVector<ModelRequest>(models.begin(), models.end());
}

void ResponseView::measure() {
    if (running()) {
        return;
    }
    profiles_.clear();
    redraw();
    queue_ = modelsToMeasure();
    controls_->setRunning(true);
    measureNext();
}

void ResponseView::cancel() {
    queue_.clear();  // the model being measured finishes; no other starts
}

void ResponseView::measureNext() {
    if (queue_.isEmpty()) {
        controls_->setRunning(false);
        controls_->showIdle(profiles_.isEmpty() ? QString() : tr("done"));
        Q_EMIT measurementFinished();
        return;
    }
    controls_->showProgress(
        int(profiles_.size()), int(profiles_.size() + queue_.size()),
        tr("model %1 of %2").arg(profiles_.size() + 1).arg(profiles_.size() + queue_.size()));
    const ModelRequest request = queue_.takeFirst();
    runner_->run<ResponseProfile>(
        [request, gallery = gallery_](StudyContext& context) {
            if (gallery->empty()) {
                *gallery = decodeGallery();
            }
            return measureResponseProfile(context.resources(), request, *gallery);
        },
        [this](const ResponseProfile& profile) {
            profiles_.push_back(profile);
            redraw();
            measureNext();
        });
}

void ResponseView::redraw() {
    QChart* chart = chart_->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto* x = new QValueAxis;
    x->setTitleText(tr("block (1 = the first after the stem)"));
    x->setLabelFormat("%d");
    auto* y = new QValueAxis;
    y->setTitleText(tr("std of F(x), mean over the gallery"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double top = 0;
    int blocks = 1;
    QStringList lines;
    for (int i = 0; i < profiles_.size(); ++i) {
        const ResponseProfile& p = profiles_[i];
        auto* series = new QLineSeries;
        series->setName(QString::fromStdString(p.title));
        series->setPen(penFor(p, i));
        double sum = 0;
        for (size_t b = 0; b < p.meanResidualStd.size(); ++b) {
            series->append(double(b + 1), p.meanResidualStd[b]);
            top = std::max(top, p.meanResidualStd[b]);
            sum += p.meanResidualStd[b];
        }
        blocks = std::max(blocks, int(p.meanResidualStd.size()));
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        lines << tr("%1: mean std of F(x) %2 over %3 blocks and %4 images")
                     .arg(QString::fromStdString(p.title))
                     .arg(sum / std::max<size_t>(1, p.meanResidualStd.size()), 0, 'f', 3)
                     .arg(p.meanResidualStd.size())
                     .arg(p.images);
    }
    x->setRange(1, blocks);
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    summary_->setText(lines.join('\n'));
}

QString ResponseView::exportChart(const QString& path) {
    return saveWidgetAs(chart_, path, tr("ResLens responses"));
}

QString ResponseView::exportCsv(const QString& path) const {
    return saveResponseCsv(profiles_, path);
}

}  // namespace reslens
