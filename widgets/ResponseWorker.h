#pragma once

// The response chart's worker, on its own thread: decodes the gallery once and measures
// each requested model's per-block std of F(x) over it (ResponseProfile).

#include <QObject>
#include <QVector>

#include <memory>
#include <vector>

#include "app/core/ModelRequest.h"
#include "app/core/ResponseProfile.h"

namespace reslens {

struct DecodedImage;
class QtResources;

class ResponseWorker : public QObject {
    Q_OBJECT

public:
    ResponseWorker();
    ~ResponseWorker() override;

public Q_SLOTS:
    void measure(const QVector<reslens::ModelRequest>& models);

Q_SIGNALS:
    void measured(const reslens::ResponseProfile& profile);
    void failed(const QString& message);
    void finished();

private:
    std::unique_ptr<QtResources> resources_;
    std::vector<DecodedImage> gallery_;
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::ResponseProfile)
