// reslens-cli import / classify / features end to end, as scripts use them: torchvision's
// logits through the command line, the JSON contract, the feature PNG, `--model default`,
// `--device` refusals, and a corpus of bad inputs that must each end with exit code 2 and
// one clear line, never a crash or a hang.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/serialize.h>
#include <torch/torch.h>

#include "CliRunner.h"
#include "PythonFixture.h"
#include "imaging/ImageDecoder.h"
#include "imaging/ImageRendering.h"
#endif

namespace {

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class CliClassifyTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString file(const QString& name) const { return dir_.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString failure = runPythonFixture("torchvision_classify.py", {dir_.path()});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const CliRun run = runCli({"import", file("resnet18.ts"), "--out", file("resnet18.pt")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("resnet18"));
    }

    void classifyGivesTorchvisionsLogits() {
        const CliRun run = runCli({"classify", "--model", file("resnet18.pt"), file("square.png"),
                                   file("photo.png"), "--top", "3", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty());
        const QJsonArray results = QJsonDocument::fromJson(run.out).object()["results"].toArray();
        QCOMPARE(results.size(), 2);
        const auto reference = loadPickledDict(file("reference.pt").toStdString());

        QFile labelsFile(RESLENS_SOURCE_RESOURCES "/labels/imagenet1k.txt");
        QVERIFY(labelsFile.open(QIODevice::ReadOnly));
        const QStringList labels = QString::fromUtf8(labelsFile.readAll()).split('\n');

        const char* images[] = {"square.png", "photo.png"};
        for (int i = 0; i < 2; ++i) {
            const QJsonObject result = results[i].toObject();
            QCOMPARE(result["image"].toString(), file(images[i]));
            QCOMPARE(result["device"].toString(), QString("cpu"));
            const QJsonArray logits = result["logits"].toArray();
            const torch::Tensor expected =
                tensorAt(reference, std::string("resnet18/") + images[i]);
            QCOMPARE(logits.size(), 1000);
            double maxDiff = 0;
            for (int k = 0; k < 1000; ++k) {
                maxDiff =
                    std::max(maxDiff, std::abs(logits[k].toDouble() - expected[k].item<double>()));
            }
            QVERIFY2(maxDiff < 1e-4, qPrintable(QString::number(maxDiff)));

            // top: the three largest logits, best first, with softmax probabilities and the
            // ImageNet class names.
            const QJsonArray top = result["top"].toArray();
            QCOMPARE(top.size(), 3);
            const auto [values, indices] = torch::softmax(expected, 0).topk(3);
            for (int k = 0; k < 3; ++k) {
                const QJsonObject entry = top[k].toObject();
                QCOMPARE(entry["index"].toInteger(), indices[k].item<int64_t>());
                QVERIFY(std::abs(entry["probability"].toDouble() - values[k].item<double>()) <
                        1e-5);
                QCOMPARE(entry["label"].toString(), labels[entry["index"].toInt()]);
            }

            const QJsonArray blocks = result["blocks"].toArray();
            QCOMPARE(blocks.size(), 8);
            QCOMPARE(blocks[0].toObject()["name"].toString(), QString("layer1.0"));
            for (const auto& value : blocks) {
                const QJsonObject b = value.toObject();
                for (const char* key :
                     {"input_norm", "residual_norm", "shortcut_norm", "output_norm",
                      "residual_ratio", "cosine", "residual_std"}) {
                    QVERIFY2(b[key].isDouble(), key);
                }
                QVERIFY(std::abs(b["residual_ratio"].toDouble() -
                                 b["residual_norm"].toDouble() / b["shortcut_norm"].toDouble()) <
                        1e-6 * b["residual_ratio"].toDouble());
                QVERIFY(std::abs(b["cosine"].toDouble()) <= 1.0 + 1e-9);
            }
        }
    }

    void inspectReadsTheModelFile() {
        const CliRun run = runCli({"inspect", "--model", file("resnet18.pt"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc["arch"].toString(), QString("resnet18"));
        QCOMPARE(doc["total_params"].toInteger(), qint64(11689512));  // torchvision's count
        const CliRun both =
            runCli({"inspect", "--model", file("resnet18.pt"), "--arch", "resnet18"});
        QVERIFY(both.isOneLineUsageError());
    }

    void humanOutputNamesTheClasses() {
        const CliRun run = runCli({"classify", "--model", file("resnet18.pt"), file("square.png")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("1. "));
        QVERIFY(run.out.contains("layer4.1"));
        QVERIFY(run.out.contains("|F(x)|"));
    }

    void featuresWritesTheGridAsPng() {
        const QString out = file("grid.png");
        const CliRun run = runCli({"features", "--model", file("resnet18.pt"), file("photo.png"),
                                   "--block", "layer3.1", "--tensor", "residual", "--out", out,
                                   "--tile-size", "14", "--order", "activation"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const reslens::DecodedImage grid = reslens::decodeImageFile(out.toStdString());
        // layer3.1 of resnet18 at 224: 256 channels of 14x14 -> 16x16 tiles of 14, 1 px gaps.
        QCOMPARE(grid.pixels.cols, 16 * 15 - 1);
        QCOMPARE(grid.pixels.rows, 16 * 15 - 1);
        QCOMPARE(grid.pixels.channels(), 3);
        QCOMPARE(QDir(dir_.path()).entryList({"grid.png*"}, QDir::Files), QStringList{"grid.png"});
    }

    void defaultModelComesFromResources() {
        QTemporaryDir resources;
        QVERIFY(QDir(resources.path()).mkpath("models"));
        QVERIFY(QDir(resources.path()).mkpath("labels"));
        QVERIFY(QFile::copy(RESLENS_SOURCE_RESOURCES "/labels/imagenet1k.txt",
                            resources.filePath("labels/imagenet1k.txt")));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("RESLENS_RESOURCES", resources.path());

        const CliRun missing =
            runCli({"classify", "--model", "default", file("square.png")}, environment);
        QVERIFY2(missing.isOneLineUsageError(), missing.err.constData());
        QVERIFY(missing.err.contains("shipped default model"));

        QVERIFY(QFile::copy(file("resnet18.pt"), resources.filePath("models/default.pt")));
        const CliRun run =
            runCli({"classify", "--model", "default", file("square.png"), "--json"}, environment);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(QJsonDocument::fromJson(run.out).object()["arch"].toString(), QString("resnet18"));
    }

    void devicesAreCheckedBeforeAnyWork() {
        const CliRun cuda = runCli(
            {"classify", "--model", file("resnet18.pt"), file("square.png"), "--device", "cuda"});
        if (torch::cuda::is_available()) {
            QCOMPARE(cuda.exitCode, 0);
        } else {
            QVERIFY2(cuda.isOneLineUsageError(), cuda.err.constData());
            QVERIFY(cuda.err.contains("CUDA"));
        }
        const CliRun bogus = runCli(
            {"classify", "--model", file("resnet18.pt"), file("square.png"), "--device", "gpu7"});
        QVERIFY2(bogus.isOneLineUsageError(), bogus.err.constData());
        QVERIFY(bogus.err.contains("unknown device 'gpu7'"));
    }

    void badInputsGetOneClearLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");

        // Images.
        const QByteArray png = readBytes(file("square.png"));
        writeBytes(file("empty.png"), {});
        writeBytes(file("truncated.png"), png.left(png.size() / 2));
        const std::vector<char> jpegBytes =
            reslens::encodeJpeg(reslens::decodeImageFile(file("photo.png").toStdString()).pixels);
        const QByteArray jpeg(jpegBytes.data(), static_cast<int>(jpegBytes.size()));
        writeBytes(file("truncated.jpg"), jpeg.left(jpeg.size() / 2));
        writeBytes(file("text.png"), "a text file, named as if it were an image\n");
        QByteArray bomb = png;
        const char side[] = {0, 1, static_cast<char>(0x86), static_cast<char>(0xA0)};  // 100000
        bomb.replace(16, 4, side, 4).replace(20, 4, side, 4);
        writeBytes(file("bomb.png"), bomb);
        QVERIFY(QDir(dir_.path()).mkpath("folder.png"));

        const QString model = file("resnet18.pt");
        auto classify = [&](const QString& image) {
            return QStringList{"classify", "--model", model, image};
        };
        QTest::newRow("empty image") << classify(file("empty.png")) << "is empty";
        QTest::newRow("truncated PNG") << classify(file("truncated.png")) << "truncated";
        QTest::newRow("truncated JPEG") << classify(file("truncated.jpg")) << "truncated";
        QTest::newRow("text named .png") << classify(file("text.png")) << "not an image";
        QByteArray damaged = png;
        for (int i = 100; i < 400; ++i) {
            damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
        }
        writeBytes(file("damaged.png"), damaged);
        QTest::newRow("damaged PNG data (libpng complains)")
            << classify(file("damaged.png")) << "damaged png file";
        QTest::newRow("header claims 100000x100000")
            << classify(file("bomb.png")) << "100000x100000";
        QTest::newRow("a directory") << classify(file("folder.png")) << "is a directory";
        writeBytes(file("animation.gif"), QByteArray("GIF89a\x10\x00\x10\x00\x00\x00\x00;", 14));
        QTest::newRow("GIF") << classify(file("animation.gif")) << "GIF";
        QTest::newRow("missing image") << classify(file("absent.png")) << "cannot open";

        // Model files.
        const QByteArray modelBytes = readBytes(model);
        writeBytes(file("not_an_archive.pt"), "PK but not really a zip archive at all");
        writeBytes(file("truncated_model.pt"), modelBytes.left(modelBytes.size() / 3));
        {
            c10::impl::GenericDict archive(c10::StringType::get(), c10::AnyType::get());
            archive.insert("format", std::string("reslens-model"));
            archive.insert("metadata", std::string("{\"format\": \"reslens-model\", \"arch"));
            archive.insert("state_dict", c10::IValue(c10::Dict<std::string, torch::Tensor>()));
            const std::vector<char> bytes = torch::pickle_save(archive);
            writeBytes(file("corrupt_metadata.pt"),
                       QByteArray(bytes.data(), static_cast<int>(bytes.size())));
        }
        auto withModel = [&](const QString& modelFile) {
            return QStringList{"classify", "--model", modelFile, file("square.png")};
        };
        QTest::newRow("model: not an archive")
            << withModel(file("not_an_archive.pt")) << "not a ResLens model file";
        QTest::newRow("model: truncated")
            << withModel(file("truncated_model.pt")) << "not a ResLens model file";
        QTest::newRow("model: corrupt metadata")
            << withModel(file("corrupt_metadata.pt")) << "metadata is not valid JSON";
        QTest::newRow("model: an image")
            << withModel(file("square.png")) << "not a ResLens model file";
        QTest::newRow("model: a directory") << withModel(dir_.path()) << "is a directory";
        QTest::newRow("model: a TorchScript file, not imported")
            << withModel(file("resnet18.ts"))
            << "is a TorchScript module, not a ResLens model file: import it instead";
        QTest::newRow("model: a torch.save checkpoint, not imported")
            << withModel(file("resnet18_ordered_dict.pth"))
            << "is a PyTorch checkpoint, not a ResLens model file: import it instead";

        // Imports.
        auto import = [&](const QString& source) {
            return QStringList{"import", source, "--out", file("imported.pt")};
        };
        QTest::newRow("import: not a ResNet")
            << import(file("not_resnet.ts"))
            << "is not a ResNet ResLens can rebuild: no residual blocks";
        QTest::newRow("import: missing key")
            << import(file("missing_key.ts"))
            << "no classifier (a linear layer) after the last block";
        QTest::newRow("import: wrong shape")
            << import(file("wrong_shape.ts"))
            << "block 'layer1.0' (input 64 channels) is neither a basic block";
        QTest::newRow("import: not an archive")
            << import(file("text.png")) << "is neither a PyTorch checkpoint (torch.save)";
        QTest::newRow("import: --stem-pool-stride 9")
            << QStringList{"import",
                           file("resnet18_ordered_dict.pth"),
                           "--stem-pool-stride",
                           "9",
                           "--out",
                           file("imported.pt")}
            << "--stem-pool-stride must be 1, 2, 3, 4 or none";
        QTest::newRow("import: --mean for 2 channels")
            << QStringList{"import", file("resnet18_ordered_dict.pth"),
                           "--mean", "0.5,0.5",
                           "--out",  file("imported.pt")}
            << "--mean has 2 values; the network takes 3 channels";
        QTest::newRow("import: a directory") << import(dir_.path()) << "is a directory";
        QTest::newRow("import: wrong --arch")
            << QStringList{"import", file("resnet18.ts"), "--arch", "resnet50",
                           "--out",  file("imported.pt")}
            << "does not fit resnet50";
        QTest::newRow("import: labels do not fit")
            << QStringList{"import", file("resnet18.ts"), "--labels", file("text.png"),
                           "--out",  file("imported.pt")}
            << "has 1 labels but the network has 1000 classes";

        // Features.
        QTest::newRow("features: unknown block")
            << QStringList{"features", "--model",  model,   file("square.png"),
                           "--block",  "layer9.0", "--out", file("f.png")}
            << "no block 'layer9.0'";
        QTest::newRow("features: unknown tensor")
            << QStringList{"features", "--model",    model,      file("square.png"),
                           "--block",  "layer1.0",   "--tensor", "gradient",
                           "--out",    file("f.png")}
            << "--tensor";
        QTest::newRow("classify: --top 0")
            << QStringList{"classify", "--model", model, file("square.png"), "--top", "0"}
            << "--top";
    }

    void badInputsGetOneClearLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode != -1, "reslens-cli hung");
        QVERIFY2(run.exitCode != -2, "reslens-cli crashed");
        QVERIFY2(run.isOneLineUsageError(),
                 qPrintable(QString("exit %1: %2").arg(run.exitCode).arg(QString(run.err))));
        QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
        // Failed imports and feature exports leave no file behind.
        QVERIFY(!QFile::exists(file("imported.pt")));
        QVERIFY(!QFile::exists(file("f.png")));
    }
};

QTEST_GUILESS_MAIN(CliClassifyTest)
#include "tst_cli_classify.moc"
