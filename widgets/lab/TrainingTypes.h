#pragma once

// What the training lab asks of its worker and what comes back, in plain values.

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include "model/network/ResNetConfig.h"
#include "model/training/RunStatus.h"

namespace reslens {

struct TrainingRequest {
    enum class Data { FashionMnist, Cifar10, Folder };
    ResNetConfig config;  // channels, input size and classes are fitted to the data
    Data data = Data::FashionMnist;
    QString directory;  // CIFAR-10 batches or an image folder; empty: Debian's Fashion-MNIST
    qint64 steps = 300;
    int batch = 128;
    double learningRate = 0.1;
    quint64 seed = 1;
    bool batchNorm = true;
    bool compare = true;  // train the no-skip twin beside it, on the same batches
    qint64 subset = 0;    // only the first N training images (0: all)
    QString device = QStringLiteral("cpu");  // the window's device
};

struct TrainingPlan {
    QStringList runs;    // e.g. "resnet56", "plain56"
    QStringList blocks;  // block names, in depth order
    qint64 totalSteps = 0;
    QString data;  // e.g. "fashion-mnist:train (60000 images)"
};

struct StepUpdate {
    int run = 0;
    qint64 step = 0;  // 1-based
    double loss = 0;
    double accuracy = 0;
    double learningRate = 0;
    double epoch = 0;             // fractional epochs seen
    QVector<double> blockNorms;   // L2 over each block's parameter gradients
    QVector<double> outputNorms;  // L2 of the gradient at each block's output
};

}  // namespace reslens

Q_DECLARE_METATYPE(reslens::RunStatus)
Q_DECLARE_METATYPE(reslens::TrainingRequest)
Q_DECLARE_METATYPE(reslens::TrainingPlan)
Q_DECLARE_METATYPE(reslens::StepUpdate)
