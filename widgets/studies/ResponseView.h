#pragma once

// He et al. 2015, Fig. 7 in the app: the std of each block's response F(x), averaged over
// the gallery, against depth, for the loaded model with its twin and — for the shipped
// models — the other depth's pair overlaid. Measured on a worker thread; exports as PNG,
// SVG and CSV.

#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

#include "app/core/models/ModelRequest.h"
#include "app/core/studies/ResponseProfile.h"

class QChartView;
class QLabel;

namespace reslens {

struct DecodedImage;
class StudyControls;
class StudyRunner;

class ResponseView : public QWidget {
    Q_OBJECT

public:
    explicit ResponseView(QWidget* parent = nullptr);
    ~ResponseView() override;

    void setModel(const ModelRequest& request, const QString& title);
    const QVector<ResponseProfile>& profiles() const { return profiles_; }
    // The models a measurement covers: the loaded one, its twin, and the other shipped pair.
    QVector<ModelRequest> modelsToMeasure() const;
    bool running() const;

    QString exportChart(const QString& path);  // .png or .svg; "" or the reason
    QString exportCsv(const QString& path) const;

public Q_SLOTS:
    void measure();
    void cancel();

Q_SIGNALS:
    void measurementFinished();
    void errorOccurred(const QString& message);

private:
    void redraw();
    void measureNext();

    StudyRunner* runner_;
    ModelRequest model_;
    QVector<ModelRequest> queue_;
    QVector<ResponseProfile> profiles_;
    // The gallery, decoded once on the runner's thread and only touched there.
    std::shared_ptr<std::vector<DecodedImage>> gallery_;
    StudyControls* controls_;
    QChartView* chart_;
    QLabel* summary_;
};

}  // namespace reslens
