#include "widgets/ResponseView.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

#include "app/core/ShippedModels.h"
#include "widgets/ChartOwnership.h"
#include "widgets/Export.h"
#include "widgets/ResponseWorker.h"

namespace reslens {
namespace {

// Skip networks solid, plain ones dashed; the shallow pair blue, the deep pair orange.
QPen penFor(const ResponseProfile& profile, int index) {
    const bool plain = profile.title.find("(plain") != std::string::npos;
    const QColor colors[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                             QColor(148, 103, 189)};
    return QPen(colors[(index / 2) % 4], 2, plain ? Qt::DashLine : Qt::SolidLine);
}

}  // namespace

ResponseView::ResponseView(QWidget* parent)
    : QWidget(parent),
      worker_(new ResponseWorker),
      modelLabel_(new QLabel(this)),
      measure_(new QPushButton(tr("Measure on the gallery"), this)),
      chart_(new QChartView(this)),
      summary_(new QLabel(this)) {
    qRegisterMetaType<ResponseProfile>();
    qRegisterMetaType<QVector<ModelRequest>>();
    measure_->setToolTip(
        tr("Classify the 100 gallery samples with the loaded model, its twin "
           "and the other shipped pair, and average each block's std of F(x)"));
    const auto failed = [this](const QString& error) { Q_EMIT errorOccurred(error); };
    QPushButton* exportChartButton = exportButton(
        this, tr("Export chart…"), "responses.svg", tr("SVG drawings (*.svg);;PNG images (*.png)"),
        [this](const QString& path) { return this->exportChart(path); }, failed);
    QPushButton* exportCsvButton = exportButton(
        this, tr("Export CSV…"), "responses.csv", tr("CSV tables (*.csv)"),
        [this](const QString& path) { return this->exportCsv(path); }, failed);
    auto* chart = new QChart;
    chart->setTitle(tr("Std of each block's response F(x) (He et al. 2015, Fig. 7)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    installChart(chart_, chart);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumSize(320, 240);
    summary_->setWordWrap(true);
    auto* controls = new QHBoxLayout;
    controls->addWidget(modelLabel_, 1);
    controls->addWidget(measure_);
    controls->addWidget(exportChartButton);
    controls->addWidget(exportCsvButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(chart_, 1);
    layout->addWidget(summary_);

    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName("responses");
    thread_.start();
    connect(worker_, &ResponseWorker::measured, this, [this](const ResponseProfile& profile) {
        profiles_.push_back(profile);
        redraw();
    });
    connect(worker_, &ResponseWorker::failed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Responses: %1").arg(message));
    });
    connect(worker_, &ResponseWorker::finished, this, [this] {
        measure_->setEnabled(true);
        Q_EMIT measurementFinished();
    });
    connect(measure_, &QPushButton::clicked, this, &ResponseView::measure);
    setModel({}, QString());
}

ResponseView::~ResponseView() {
    thread_.quit();
    thread_.wait();
}

void ResponseView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    modelLabel_->setText(title.isEmpty() ? tr("No model open")
                                         : tr("<b>Model:</b> %1").arg(title.toHtmlEscaped()));
    measure_->setEnabled(!title.isEmpty());
    profiles_.clear();
    redraw();
}

QVector<ModelRequest> ResponseView::modelsToMeasure() const {
    QVector<ModelRequest> models{model_};
    if (model_.kind != ModelKind::Shipped) {
        return models;
    }
    const ShippedModel* loaded = findShippedModel(model_.location);
    if (loaded && !loaded->twin.empty()) {
        models.push_back(ModelRequest::shipped(loaded->twin));
    }
    // The other depth: every other shipped pair, skip network first.
    for (const ShippedModel& other : shippedModels()) {
        if (loaded && other.name != loaded->name && other.name != loaded->twin &&
            other.name.find("-plain") == std::string::npos) {
            models.push_back(ModelRequest::shipped(other.name));
            if (!other.twin.empty()) {
                models.push_back(ModelRequest::shipped(other.twin));
            }
        }
    }
    return models;
}

void ResponseView::measure() {
    profiles_.clear();
    redraw();
    measure_->setEnabled(false);
    const QVector<ModelRequest> models = modelsToMeasure();
    QMetaObject::invokeMethod(worker_, [w = worker_, models] { w->measure(models); });
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
    return path.endsWith(".svg", Qt::CaseInsensitive)
               ? saveWidgetSvg(chart_, path, tr("ResLens responses"))
               : saveWidgetPng(chart_, path);
}

QString ResponseView::exportCsv(const QString& path) const {
    return saveResponseCsv(profiles_, path);
}

}  // namespace reslens
