// ResLens model files: weights and metadata round-trip bit for bit, from a path and from a
// byte buffer; plain PyTorch reads them into torchvision; an interrupted save leaves the
// previous file intact; broken files are refused with a message naming the problem.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <csignal>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN
#include <torch/serialize.h>
#include <torch/torch.h>

#include "PythonFixture.h"
#include "model/files/AtomicFileWriter.h"
#include "model/files/ConfigJson.h"
#include "model/files/FileBytes.h"
#include "model/files/ModelFile.h"
#include "model/files/StateDict.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

ModelMetadata metadataFor(const ResNetConfig& config) {
    ModelMetadata metadata;
    metadata.config = config;
    metadata.labels = numberedLabels(config.classes);
    metadata.labels[0] = "T-shirt/top \"quoted\" ünïcode";
    metadata.preprocessing =
        Preprocessing::forInput(config.inChannels, config.inputHeight, config.inputWidth);
    metadata.provenance = {{"command", "test"}, {"accuracy", 0.9351}, {"steps", 12}};
    return metadata;
}

// Weights and BN statistics all random, so that nothing can round-trip by accident.
ResNet randomNetwork(const ResNetConfig& config) {
    ResNet network(config);
    torch::NoGradGuard noGrad;
    for (auto& [name, tensor] : stateDict(*network)) {
        if (tensor.is_floating_point()) {
            tensor.uniform_(0.25, 1.75);
        } else {
            tensor.fill_(17);
        }
    }
    return network;
}

QString loadError(const std::vector<char>& bytes) {
    try {
        loadModelFromBuffer(bytes, "test file");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

std::vector<char> archiveWith(const std::string& metadataText, bool withWeights = true) {
    c10::impl::GenericDict archive(c10::StringType::get(), c10::AnyType::get());
    archive.insert("format", std::string("reslens-model"));
    archive.insert("metadata", metadataText);
    if (withWeights) {
        c10::Dict<std::string, torch::Tensor> weights;
        weights.insert("conv1.weight", torch::zeros({16, 3, 5, 5}));
        archive.insert("state_dict", c10::IValue(weights));
    }
    return torch::pickle_save(archive);
}

QByteArray fileContent(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class ModelFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripsBitExactly_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("inChannels");
        QTest::addColumn<bool>("batchNorm");
        QTest::addColumn<bool>("preact");
        QTest::newRow("resnet20, 1 channel") << "resnet20" << 1 << true << false;
        QTest::newRow("plain20 without BN") << "plain20" << 3 << false << false;
        QTest::newRow("resnet18 pre-activation") << "resnet18" << 3 << true << true;
    }

    void roundTripsBitExactly() {
        QFETCH(QString, arch);
        QFETCH(int, inChannels);
        QFETCH(bool, batchNorm);
        QFETCH(bool, preact);
        ResNetConfig config = ResNetConfig::fromArchName(arch.toStdString());
        config.inChannels = inChannels;
        config.batchNorm = batchNorm;
        config.preact = preact;
        config.classes = 7;
        config.inputHeight = config.inputWidth = 40;
        const ResNet original = randomNetwork(config);
        const ModelMetadata metadata = metadataFor(config);

        QTemporaryDir dir;
        const std::string path = dir.filePath("model.pt").toStdString();
        saveModel(path, *original, metadata);
        const LoadedModel fromPath = loadModel(path);
        const LoadedModel fromBuffer = loadModelFromBuffer(readFileBytes(path), "buffer");

        for (const LoadedModel* loaded : {&fromPath, &fromBuffer}) {
            QCOMPARE(QString::fromStdString(metadataToJson(loaded->metadata).dump()),
                     QString::fromStdString(metadataToJson(metadata).dump()));
            const TensorMap expected = stateDict(*original);
            const TensorMap actual = stateDict(*loaded->network);
            QCOMPARE(actual.size(), expected.size());
            for (const auto& [name, tensor] : expected) {
                QVERIFY2(actual.at(name).dtype() == tensor.dtype(), name.c_str());
                QVERIFY2(torch::equal(actual.at(name), tensor), name.c_str());
            }
            QVERIFY(!loaded->network->is_training());
        }
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.pt"});
    }

    void plainPyTorchReadsItIntoTorchvision() {
        ResNetConfig config = ResNetConfig::fromArchName("resnet18");
        config.classes = 10;
        config.inputHeight = config.inputWidth = 64;
        ResNet network = randomNetwork(config);
        {
            torch::NoGradGuard noGrad;
            for (auto& [name, tensor] : stateDict(*network)) {
                if (name.find("running_var") != std::string::npos) {
                    tensor.uniform_(0.5, 1.5);
                } else if (tensor.is_floating_point()) {
                    tensor.normal_(0, 0.05);
                }
            }
        }
        network->eval();
        QTemporaryDir dir;
        const QString model = dir.filePath("model.pt");
        saveModel(model.toStdString(), *network, metadataFor(config));
        const QString out = dir.filePath("torchvision.pt");
        const QString failure =
            runPythonFixture("load_in_torchvision.py", {model, "resnet18", out});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const auto reference = loadPickledDict(out.toStdString());
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = network->forward(tensorAt(reference, "input"));
        const double maxDiff = (logits - tensorAt(reference, "logits")).abs().max().item<double>();
        QVERIFY2(maxDiff < 1e-4, qPrintable(QString::number(maxDiff)));
    }

    void saveFailingMidwayKeepsThePreviousFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.pt");
        const ResNetConfig small = ResNetConfig::fromArchName("resnet20");
        saveModel(path.toStdString(), *randomNetwork(small), metadataFor(small));
        const QByteArray before = fileContent(path);
        QVERIFY(!before.isEmpty());

        // A child process saves a much larger model under a file-size limit, so the write
        // fails partway (EFBIG), as a full disk would.
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlim_t limit = static_cast<rlim_t>(before.size()) + 4096;
            rlimit rl{limit, limit};
            setrlimit(RLIMIT_FSIZE, &rl);
            const ResNetConfig large = ResNetConfig::fromArchName("resnet56");
            try {
                saveModel(path.toStdString(), *ResNet(large), metadataFor(large));
            } catch (const std::exception&) {
                _exit(0);  // the save failed, as it must
            }
            _exit(1);
        }
        int status = 0;
        waitpid(child, &status, 0);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                 "the save under a file-size limit did not fail");
        QCOMPARE(fileContent(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"model.pt"});
        QVERIFY(loadModel(path.toStdString()).network);
    }

    void processKilledMidwayKeepsThePreviousFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath("data.bin");
        writeFileAtomically(path.toStdString(), std::string("previous content"));
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            AtomicFileWriter writer(path.toStdString());
            const std::string half(1 << 20, 'x');
            writer.write(half.data(), half.size());
            raise(SIGKILL);  // no destructor, no cleanup: as if the power went
        }
        int status = 0;
        waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QCOMPARE(fileContent(path), QByteArray("previous content"));
    }

    void writerWithoutCommitLeavesNoTrace() {
        QTemporaryDir dir;
        const QString path = dir.filePath("data.bin");
        writeFileAtomically(path.toStdString(), std::string("old"));
        {
            AtomicFileWriter writer(path.toStdString());
            writer.write("new and longer", 14);
            QVERIFY(QFile::exists(QString::fromStdString(writer.temporaryPath())));
        }
        QCOMPARE(fileContent(path), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"data.bin"});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 writeFileAtomically(dir.path().toStdString(), std::string("x")));
    }

    void refusesBrokenFilesWithAReason() {
        const ResNetConfig config = ResNetConfig::fromArchName("resnet20");
        const std::vector<char> good = serializeModel(*ResNet(config), metadataFor(config));
        const std::string goodMetadata = metadataToJson(metadataFor(config)).dump();

        QVERIFY(loadError(good).isEmpty());
        QVERIFY(loadError({'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'r', 'c', 'h', 'i', 'v', 'e'})
                    .contains("not a ResLens model file"));
        const std::vector<char> truncated(good.begin(), good.begin() + good.size() / 2);
        QVERIFY(loadError(truncated).contains("not a ResLens model file"));
        QVERIFY(loadError(archiveWith("{\"format\": \"reslens-model\", broken"))
                    .contains("metadata is not valid JSON"));
        QVERIFY(loadError(archiveWith("{\"format\": \"something else\"}"))
                    .contains("not a ResLens model description"));
        nlohmann::json wrongLabels = nlohmann::json::parse(goodMetadata);
        wrongLabels["labels"] = {"only one"};
        QVERIFY(loadError(archiveWith(wrongLabels.dump())).contains("1 labels for 10 classes"));
        nlohmann::json badArch = nlohmann::json::parse(goodMetadata);
        badArch["architecture"]["arch"] = "resnet21";
        QVERIFY(loadError(archiveWith(badArch.dump())).contains("architecture: unknown"));
        const QString shapes = loadError(archiveWith(goodMetadata));
        QVERIFY2(shapes.contains("conv1.weight is [16, 3, 5, 5], expected [16, 3, 3, 3]") &&
                     shapes.contains("missing "),
                 qPrintable(shapes));
        QVERIFY(loadError(archiveWith(goodMetadata, false)).contains("no 'state_dict'"));
        // A number no int holds (found by fuzzing: nlohmann's get<int> would cast 1.3e61
        // with undefined behaviour, and wrap 5e9 around to a small positive number).
        for (const char* classes : {"1.3e61", "5000000000", "10.5"}) {
            nlohmann::json wide = nlohmann::json::parse(goodMetadata);
            wide["architecture"]["classes"] = nlohmann::json::parse(classes);
            const QString message = loadError(archiveWith(wide.dump()));
            QVERIFY2(message.contains("classes must be a whole number of a sensible size"),
                     qPrintable(message));
        }
        // Metadata claiming a network far larger than the weights is refused before it is
        // built: resnet152 with a million classes would be 2 billion numbers (8 GB). 2104 million:
        // torchvision resnet152's 55,223,488 convolution weights outside the projections, plus
        // a 2048 x 1e6 classifier and its biases.
        nlohmann::json huge = nlohmann::json::parse(goodMetadata);
        huge["architecture"] = configToJson(ResNetConfig::fromArchName("resnet152"));
        huge["architecture"]["classes"] = 1000000;
        huge["labels"] = numberedLabels(1000000);
        const QString tooLarge = loadError(archiveWith(huge.dump()));
        QVERIFY2(tooLarge.contains("the metadata describes resnet152 with 1000000 classes, about "
                                   "2104 million weights, but the file holds 1200 numbers"),
                 qPrintable(tooLarge));

        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(InputError, loadModel(dir.path().toStdString()));
        QFile empty(dir.filePath("empty.pt"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY_THROWS_EXCEPTION(InputError, loadModel(empty.fileName().toStdString()));
        QVERIFY_THROWS_EXCEPTION(InputError, loadModel(dir.filePath("absent.pt").toStdString()));
    }

    // A model file never runs code: a valid archive whose pickle names a callable
    // (os.system through __reduce__, fixtures/malicious_model.py) is refused with one line,
    // and the command it carries never runs — by the engine or by reslens-cli.
    void aPickleNamingACallableIsRefusedAndNothingRuns() {
        QTemporaryDir dir;
        const QString evil = dir.filePath("evil.pt"), marker = dir.filePath("ran");
        const QString failure = runPythonFixture(
            "malicious_model.py", {RESLENS_SOURCE_RESOURCES "/models/default.pt", evil, marker});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY_THROWS_EXCEPTION(InputError, loadModel(evil.toStdString()));
        QProcess cli;
        cli.start(RESLENS_CLI, {"inspect", "--model", evil});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 2);
        const QString message = QString::fromUtf8(cli.readAllStandardError()).trimmed();
        QVERIFY2(!message.contains('\n') && message.contains("not a ResLens model file") &&
                     message.contains("'posix.system'"),
                 qPrintable(message));
        QVERIFY(!QFile::exists(marker));
    }

    // A zip archive whose zip64 end record points outside the file (found by fuzzing): LibTorch
    // 1.13's in-memory reader would read 64 KB past the end of the buffer; ResLens checks the
    // archive's structure first and says what is damaged.
    void aDamagedArchiveIsRefusedBeforeLibTorchReadsIt() {
        const QString damaged = loadError(readFileBytes(
            RESLENS_FIXTURES
            "/../fuzz/regressions/model_file/crash-2253b94bb51a39562d9be0ac83b56f38e5d12bc1"));
        QVERIFY2(damaged.endsWith("(a damaged archive: the zip64 end-of-archive record is "
                                  "outside the archive)"),
                 qPrintable(damaged));
        // A pickle claiming a 4 GB string in a 1 KB file (found by fuzzing): LibTorch would
        // reserve the 4 GB before noticing; the claim is checked against the bytes first.
        const QString claims4GB = loadError(readFileBytes(
            RESLENS_FIXTURES
            "/../fuzz/regressions/model_file/oom-815ffdd734cda7212a22dc4c21715733f4af41e1"));
        QVERIFY2(claims4GB.endsWith("(a damaged pickle: it claims 4294967282 bytes where 21 are "
                                    "left)"),
                 qPrintable(claims4GB));
    }

    // docs/trust.md's sentences about TorchScript, checked: importing a TorchScript file
    // runs code from it (its __setstate__, here printing a marker) in reslens-loader, whose
    // output the CLI shows as the file's; the same file opened as a model file runs nothing
    // and is refused with one line saying what it is.
    void importingTorchScriptRunsItsCodeButOpeningItAsAModelDoesNot() {
        QTemporaryDir dir;
        const QString script = dir.filePath("runs-on-load.pt");
        const QString failure = runPythonFixture("torchscript_setstate.py", {script});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const QByteArray marker = "RESLENS-SETSTATE-RAN";

        QProcess import;
        import.start(RESLENS_CLI, {"import", script, "--out", dir.filePath("imported.pt")});
        QVERIFY(import.waitForFinished(60000));
        QCOMPARE(import.exitCode(), 0);
        QVERIFY(!import.readAllStandardOutput().contains(marker));
        QVERIFY(import.readAllStandardError().contains("(in reslens-loader):\n  | " + marker));

        QProcess inspect;
        inspect.start(RESLENS_CLI, {"inspect", "--model", script});
        QVERIFY(inspect.waitForFinished(60000));
        QCOMPARE(inspect.exitCode(), 2);
        QVERIFY(!inspect.readAllStandardOutput().contains(marker));
        const QString message = QString::fromUtf8(inspect.readAllStandardError()).trimmed();
        QVERIFY2(!message.contains(marker) && !message.contains('\n') &&
                     message.contains("is a TorchScript module, not a ResLens model file"),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(ModelFileTest)
#include "tst_model_file.moc"
