#include "widgets/instruments/GradientLineView.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/core/instruments/GradientLineStudy.h"
#include "widgets/common/Export.h"
#include "widgets/instruments/CurveChart.h"
#include "widgets/instruments/InstrumentExport.h"
#include "widgets/instruments/ModelQueue.h"
#include "widgets/studies/StudyControls.h"
#include "widgets/studies/StudyRunner.h"

namespace reslens {
namespace {

QVector<double> values(const std::vector<double>& v) {
    return QVector<double>(v.begin(), v.end());
}

QVector<double> lags(size_t n) {
    QVector<double> x;
    for (size_t i = 0; i < n; ++i) {
        x.append(double(i));
    }
    return x;
}

// A curve divided by its largest magnitude: a fresh plain network's derivative is orders of
// magnitude larger than a ResNet's, and on one scale the ResNet's would be a flat line. The
// shape is what the autocorrelation measures, and it does not change.
QVector<double> scaled(const LineCurve& curve) {
    const double largest = curve.largest();
    QVector<double> out;
    for (double x : curve.derivative) {
        out.append(largest > 0 ? x / largest : 0.0);
    }
    return out;
}

bool isPlain(const std::string& arch) {
    return arch.rfind("plain", 0) == 0;
}

}  // namespace

GradientLineView::GradientLineView(QWidget* parent)
    : QWidget(parent),
      runner_(new StudyRunner(QStringLiteral("gradient-line"), this)),
      queue_(new ModelQueue(
          runner_, [this](const ModelRequest& request) { start(request); }, this)),
      controls_(new StudyControls(
          tr("Walk the line"),
          tr("Follow the derivative of the top-1 logit along a line through input space, for "
             "the model and its twin, trained and freshly initialised"),
          this)),
      data_(new QLineEdit(QStringLiteral("fashion-mnist"), this)),
      index_(new QSpinBox(this)),
      useExplorerImage_(new QCheckBox(tr("the explorer's image"), this)),
      points_(new QSpinBox(this)),
      seed_(new QSpinBox(this)),
      sweepButton_(new QPushButton(tr("Depth sweep"), this)),
      charts_(new QWidget(this)),
      trainedDerivative_(new CurveChart(tr("Trained: derivative along the line"), tr("t"),
                                        tr("d/dt ÷ its largest |d/dt|"), charts_)),
      trainedAutocorrelation_(new CurveChart(tr("Trained: autocorrelation"), tr("lag (points)"),
                                             tr("autocorrelation"), charts_)),
      freshDerivative_(new CurveChart(tr("Fresh: derivative along the line"), tr("t"),
                                      tr("d/dt ÷ its largest |d/dt|"), charts_)),
      freshAutocorrelation_(new CurveChart(tr("Fresh: autocorrelation"), tr("lag (points)"),
                                           tr("autocorrelation"), charts_)),
      sweepChart_(new CurveChart(tr("Fresh networks by depth: autocorrelation"), tr("lag (points)"),
                                 tr("autocorrelation"), charts_)),
      summary_(new QLabel(this)) {
    controls_->addTwinButton(tr("Add a twin…"), tr("Walk the same line with another model"));
    controls_->addExport(tr("Export charts…"), "gradient-line.svg",
                         tr("SVG drawings (*.svg);;PNG images (*.png)"),
                         [this](const QString& path) { return exportCharts(path); });
    controls_->addExport(tr("Export CSV…"), "gradient-line.csv", tr("CSV tables (*.csv)"),
                         [this](const QString& path) { return exportCsv(path); });
    controls_->connectTo(runner_);
    data_->setToolTip(
        tr("x0 is this data's test image; the fresh networks' batch-norm "
           "statistics come from its training images"));
    index_->setRange(0, 1000000);
    index_->setToolTip(tr("Which test image is x0"));
    useExplorerImage_->setEnabled(false);
    useExplorerImage_->setToolTip(tr("Start the line at the image the explorer shows"));
    points_->setRange(16, 4096);
    points_->setValue(256);
    points_->setToolTip(tr("Points on t in [-1, 1]"));
    seed_->setRange(0, 1000000);
    seed_->setToolTip(
        tr("Seed of the random direction, the fresh networks' initialisation and "
           "the images their statistics come from"));
    for (CurveChart* chart : {trainedAutocorrelation_, freshAutocorrelation_, sweepChart_}) {
        chart->setWholeNumberX(true);
    }
    sweepButton_->setToolTip(tr("Fresh resnet20/56/110 and plain20/56/110 on the same line"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Data:"), this));
    options->addWidget(data_, 1);
    options->addWidget(new QLabel(tr("Test image:"), this));
    options->addWidget(index_);
    options->addWidget(useExplorerImage_);
    options->addWidget(new QLabel(tr("Points:"), this));
    options->addWidget(points_);
    options->addWidget(new QLabel(tr("Seed:"), this));
    options->addWidget(seed_);
    options->addWidget(sweepButton_);
    auto* grid = new QGridLayout(charts_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(trainedDerivative_, 0, 0);
    grid->addWidget(trainedAutocorrelation_, 0, 1);
    grid->addWidget(freshDerivative_, 1, 0);
    grid->addWidget(freshAutocorrelation_, 1, 1);
    grid->addWidget(sweepChart_, 2, 0, 1, 2);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(controls_);
    layout->addLayout(options);
    layout->addWidget(charts_, 1);
    layout->addWidget(summary_);
    sweepChart_->hide();

    connect(controls_, &StudyControls::runClicked, this, &GradientLineView::runLoadedModel);
    connect(controls_, &StudyControls::cancelClicked, this, &GradientLineView::cancel);
    connect(controls_, &StudyControls::twinChosen, this, &GradientLineView::runModel);
    connect(controls_, &StudyControls::exportFailed, this, &GradientLineView::errorOccurred);
    connect(sweepButton_, &QPushButton::clicked, this, &GradientLineView::runSweep);
    connect(runner_, &StudyRunner::failed, this, [this](const QString& message) {
        Q_EMIT errorOccurred(tr("Gradient line: %1").arg(message));
    });
    connect(queue_, &ModelQueue::allFinished, this, [this] {
        const bool cancelled =
            (!results_.isEmpty() && results_.back().cancelled) || (sweep_ && sweep_->cancelled);
        controls_->showIdle(cancelled ? tr("cancelled: what ran is shown") : tr("done"));
        sweepButton_->setEnabled(true);
        Q_EMIT finished();
    });
    setModel({}, QString());
}

GradientLineView::~GradientLineView() = default;

bool GradientLineView::running() const {
    return queue_->running();
}

void GradientLineView::setModel(const ModelRequest& request, const QString& title) {
    model_ = request;
    queue_->setModel(request);
    controls_->setModel(request, title);
    controls_->setTwinEnabled(!title.isEmpty());
    sweepButton_->setEnabled(!title.isEmpty());
    results_.clear();
    sweep_.reset();
    redraw();
}

void GradientLineView::setExplorerImage(const QString& path) {
    explorerImage_ = path;
    useExplorerImage_->setEnabled(!path.isEmpty());
    useExplorerImage_->setText(
        path.isEmpty() ? tr("the explorer's image")
                       : tr("the explorer's image (%1)").arg(QFileInfo(path).fileName()));
}

void GradientLineView::setPoints(int points) {
    points_->setValue(points);
}

void GradientLineView::setSeed(int seed) {
    seed_->setValue(seed);
}

void GradientLineView::setLine(const GradientLineOptions& line) {
    points_->setValue(line.points);
    seed_->setValue(int(line.seed));
    if (line.data) {
        // x0 comes from the test split unless the spec names one: spelled out, so that the
        // view reads the same images as the line it was given.
        const DataSpec spec =
            line.data->splitGiven ? *line.data : line.data->withSplit(Split::Test);
        data_->setText(QString::fromStdString(spec.toString()));
    }
    index_->setValue(int(line.index));
    useExplorerImage_->setChecked(false);
}

GradientLineOptions GradientLineView::options() const {
    GradientLineOptions o;
    o.points = points_->value();
    o.seed = uint64_t(seed_->value());
    const QString data = data_->text().trimmed();
    if (!data.isEmpty()) {
        o.data = DataSpec::parse(data.toStdString());
    }
    if (useExplorerImage_->isChecked() && !explorerImage_.isEmpty()) {
        o.image = explorerImage_.toStdString();
    } else {
        o.index = index_->value();
    }
    return o;
}

void GradientLineView::runLoadedModel() {
    if (queue_->running()) {
        return;
    }
    results_.clear();
    redraw();
    queue_->runModelAndTwin();
}

void GradientLineView::runModel(const ModelRequest& request) {
    queue_->add(request);
}

void GradientLineView::start(const ModelRequest& request) {
    GradientLineOptions o;
    try {
        o = options();
    } catch (const std::exception& e) {
        queue_->clear();
        Q_EMIT errorOccurred(tr("Gradient line: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    const std::string device = device_.toStdString();
    runner_->run<GradientLineResult>(
        [request, o, device](StudyContext& context) {
            return runGradientLine(context.resources(), request, o, device,
                                   [&context](int done, int total, const std::string& what) {
                                       return context.progress(done, total,
                                                               QString::fromStdString(what));
                                   });
        },
        [this](const GradientLineResult& result) {
            results_.append(result);
            redraw();
        });
}

void GradientLineView::runSweep() {
    if (running()) {
        return;
    }
    GradientLineOptions o;
    try {
        o = options();
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Gradient line: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    sweepButton_->setEnabled(false);
    const ModelRequest request = model_;
    const std::string device = device_.toStdString();
    runner_->run<DepthSweepResult>(
        [request, o, device](StudyContext& context) {
            return runDepthSweep(context.resources(), request, o, device,
                                 [&context](int done, int total, const std::string& what) {
                                     return context.progress(done, total,
                                                             QString::fromStdString(what));
                                 });
        },
        [this](const DepthSweepResult& sweep) {
            sweep_ = sweep;
            redraw();
        });
}

void GradientLineView::cancel() {
    queue_->clear();
    runner_->cancel();
}

void GradientLineView::redraw() {
    QVector<Curve> trained, trainedAc, fresh, freshAc;
    QStringList lines;
    for (int i = 0; i < results_.size(); ++i) {
        const GradientLineResult& r = results_[i];
        const QString title = QString::fromStdString(r.title);
        const bool plain = isPlain(r.arch);
        const QVector<double> t = values(r.t);
        trained.append({tr("%1 (÷ %2)").arg(title).arg(r.model.largest(), 0, 'g', 3), t,
                        scaled(r.model), curvePen(i, plain)});
        trainedAc.append({title, lags(r.model.autocorrelation.size()),
                          values(r.model.autocorrelation), curvePen(i, plain)});
        const QString freshTitle = tr("fresh %1").arg(QString::fromStdString(r.arch));
        fresh.append({tr("%1 (÷ %2)").arg(freshTitle).arg(r.fresh.largest(), 0, 'g', 3), t,
                      scaled(r.fresh), curvePen(i, plain)});
        freshAc.append({freshTitle, lags(r.fresh.autocorrelation.size()),
                        values(r.fresh.autocorrelation), curvePen(i, plain)});
        lines << tr("%1: lag %2 trained, %3 fresh (of %4 points; x0 %5, direction %6%7)")
                     .arg(title)
                     .arg(r.model.lag)
                     .arg(r.fresh.lag)
                     .arg(r.t.size())
                     .arg(QString::fromStdString(r.input))
                     .arg(QString::fromStdString(r.direction))
                     .arg(r.cancelled ? tr("; cancelled") : QString());
    }
    trainedDerivative_->setCurves(trained, -1, 1);
    trainedAutocorrelation_->setCurves(trainedAc, -1, 1);
    freshDerivative_->setCurves(fresh, -1, 1);
    freshAutocorrelation_->setCurves(freshAc, -1, 1);
    if (sweep_) {
        QVector<Curve> sweepCurves;
        QStringList lagText;
        for (size_t i = 0; i < sweep_->entries.size(); ++i) {
            const DepthSweepEntry& e = sweep_->entries[i];
            sweepCurves.append({QString::fromStdString(e.arch),
                                lags(e.curve.autocorrelation.size()),
                                values(e.curve.autocorrelation), curvePen(int(i / 2), !e.skip)});
            lagText << tr("%1 %2").arg(QString::fromStdString(e.arch)).arg(e.curve.lag);
        }
        sweepChart_->setCurves(sweepCurves, -1, 1);
        sweepChart_->show();
        lines << tr("Fresh networks, lag by depth: %1").arg(lagText.join(QStringLiteral(", ")));
    } else {
        sweepChart_->hide();
    }
    if (!results_.isEmpty()) {
        lines << tr("Lag: the first lag at which the derivative's autocorrelation falls below "
                    "0.5. Fresh networks' batch-norm statistics: %1.")
                     .arg(QString::fromStdString(results_.front().statistics));
    }
    summary_->setText(lines.join('\n'));
}

QString GradientLineView::exportCharts(const QString& path) {
    return saveWidgetAs(charts_, path, tr("ResLens gradient line"));
}

QString GradientLineView::exportCsv(const QString& path) const {
    return saveGradientLineCsv(results_, sweep_, path);
}

}  // namespace reslens
