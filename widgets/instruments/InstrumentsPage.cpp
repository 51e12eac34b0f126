#include "widgets/instruments/InstrumentsPage.h"

#include "widgets/instruments/GradientLineView.h"
#include "widgets/instruments/ProbeView.h"
#include "widgets/instruments/SimilarityView.h"

namespace reslens {

InstrumentsPage::InstrumentsPage(QWidget* parent)
    : QTabWidget(parent),
      gradientLine_(new GradientLineView(this)),
      similarity_(new SimilarityView(this)),
      probes_(new ProbeView(this)) {
    addTab(gradientLine_, tr("Shattered gradients"));
    addTab(similarity_, tr("Block similarity"));
    addTab(probes_, tr("Linear probes"));
    setDocumentMode(true);
    connect(gradientLine_, &GradientLineView::errorOccurred, this, &InstrumentsPage::errorOccurred);
    connect(similarity_, &SimilarityView::errorOccurred, this, &InstrumentsPage::errorOccurred);
    connect(probes_, &ProbeView::errorOccurred, this, &InstrumentsPage::errorOccurred);
}

void InstrumentsPage::setModel(const ModelRequest& request, const QString& title) {
    gradientLine_->setModel(request, title);
    similarity_->setModel(request, title);
    probes_->setModel(request, title);
}

void InstrumentsPage::setDevice(const QString& device) {
    gradientLine_->setDevice(device);
    similarity_->setDevice(device);
    probes_->setDevice(device);
}

void InstrumentsPage::setExplorerImage(const QString& path) {
    gradientLine_->setExplorerImage(path);
}

bool InstrumentsPage::running() const {
    return gradientLine_->running() || similarity_->running() || probes_->running();
}

}  // namespace reslens
