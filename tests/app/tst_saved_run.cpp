// Saved lab runs (app/core/SavedRunFile, CompareFolder): a run written and read back is the
// same to the last bit, NaN and infinities included; every damaged or edited file is refused
// with one line naming it; a reslens-cli compare folder reads as the CSVs say. References:
// RFC 4648's base64 test vectors and the published FNV-1a test vector, not this code.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>
#include <cstring>

// What the test uses and its moc does not need: moc would walk every LibTorch header
// these reach (8 s a test) for a class it finds in this file alone.
#ifndef Q_MOC_RUN

#include "CliRunner.h"
#include "app/core/models/Base64.h"
#include "app/core/training/CompareFolder.h"
#include "app/core/training/SavedRunFile.h"
#include "model/runtime/InputError.h"
#endif

using namespace reslens;

namespace {

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (size_t i = 0; i < a.size(); ++i) {
        if (!sameBits(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

// A run with everything a file must carry exactly: awkward doubles, a diverged twin with
// NaN and infinite values, an empty output-norm list, weights holding every byte value.
SavedRun awkwardRun() {
    SavedRun run;
    run.source = "ResLens training lab";
    run.savedAt = "2026-11-29T12:00:00Z";
    run.recipe.architecture = ResNetConfig::fromArchName("resnet20");
    run.recipe.steps = 5;
    run.recipe.batch = 16;
    run.recipe.learningRate = 0.1;
    run.recipe.seed = 7;
    run.recipe.subset = 512;
    run.dataDescription = "fashion-mnist:train (512 images)";
    run.blocks = {"layer1.0", "layer2.0", "layer3.0"};
    const double odd[] = {0.1, 1.0 / 3.0, 1e-300, 5e-324, 2.302585092994046, 1e300};
    SavedTrack skip;
    skip.arch = "resnet20";
    skip.status = RunStatus::Finished;
    for (int s = 1; s <= 5; ++s) {
        StepReport r;
        r.step = s;
        r.totalSteps = 5;
        r.epoch = s * 16 / 512.0;
        r.loss = odd[s % 6];
        r.accuracy = s / 16.0;
        r.learningRate = 0.1 * s / 5;
        r.blockGradientNorms = {odd[s % 6], odd[(s + 1) % 6], odd[(s + 2) % 6]};
        r.outputGradientNorms = {odd[(s + 3) % 6], 0.0, -0.0};
        skip.steps.push_back(r);
    }
    for (int b = 0; b < 256; ++b) {
        skip.weights.push_back(static_cast<char>(b));
    }
    SavedTrack plain;
    plain.arch = "plain20";
    plain.status = RunStatus::Diverged;
    plain.message = "loss is NaN at step 2";
    for (int s = 1; s <= 2; ++s) {
        StepReport r;
        r.step = s;
        r.totalSteps = 5;
        r.loss = s == 1 ? INFINITY : std::nan("");
        r.accuracy = 0;
        r.learningRate = 0.02;
        r.blockGradientNorms = {-INFINITY, std::nan(""), 3.0};
        plain.steps.push_back(r);
    }
    run.runs = {skip, plain};
    return run;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// The message reading `path` gives, or "" when it reads.
QString refusal(const QString& path) {
    try {
        openSavedRun(path.toStdString());
    } catch (const InputError& e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

// FNV-1a 64 as published (Fowler, Noll, Vo; draft-eastlake-fnv): offset basis and prime.
quint64 fnv1a64(const QByteArray& bytes) {
    quint64 hash = 14695981039346656037ull;
    for (char c : bytes) {
        hash = (hash ^ quint8(c)) * 1099511628211ull;
    }
    return hash;
}

// A file with a correct header for `body`: what a person editing with care would produce.
QByteArray withHeader(const QByteArray& body) {
    return QByteArray("RESLENS-RUN 1 length=") + QByteArray::number(body.size()) +
           " fnv1a64=" + QByteArray::number(fnv1a64(body), 16).rightJustified(16, '0') + "\n" +
           body;
}

}  // namespace

class SavedRunTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void base64MatchesRfc4648() {
        const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                               {"f", "Zg=="},
                                                               {"fo", "Zm8="},
                                                               {"foo", "Zm9v"},
                                                               {"foob", "Zm9vYg=="},
                                                               {"fooba", "Zm9vYmE="},
                                                               {"foobar", "Zm9vYmFy"}};
        for (const auto& [plain, encoded] : vectors) {
            const std::vector<char> bytes(plain, plain + std::strlen(plain));
            QCOMPARE(QString::fromStdString(toBase64(bytes)), QString(encoded));
            const auto decoded = fromBase64(encoded);
            QVERIFY(decoded);
            QVERIFY(*decoded == bytes);
        }
        for (const char* bad : {"Zg=", "Zg=a", "Z===", "Zm9v!A==", "=Zm9", "Zg==Zg=="}) {
            QVERIFY2(!fromBase64(bad), bad);
        }
    }

    void fnvHeaderUsesThePublishedHash() {
        // The FNV-1a 64 test vector for "a" is 0xaf63dc4c8601ec8c.
        QCOMPARE(fnv1a64("a"), quint64(0xaf63dc4c8601ec8cull));
        QTemporaryDir dir;
        const QString path = dir.filePath("run.reslens-run");
        writeSavedRun(path.toStdString(), awkwardRun());
        const QByteArray bytes = readAll(path);
        const QByteArray body = bytes.mid(bytes.indexOf('\n') + 1);
        QCOMPARE(bytes, withHeader(body));
    }

    void aWrittenRunReadsBackBitForBit() {
        QTemporaryDir dir;
        const QString path = dir.filePath("run.reslens-run");
        const SavedRun original = awkwardRun();
        writeSavedRun(path.toStdString(), original);
        const SavedRun back = readSavedRun(path.toStdString());
        QCOMPARE(back.source, original.source);
        QCOMPARE(back.savedAt, original.savedAt);
        QCOMPARE(back.dataDescription, original.dataDescription);
        QVERIFY(back.blocks == original.blocks);
        QCOMPARE(back.recipe.architecture.arch, std::string("resnet20"));
        QCOMPARE(back.recipe.steps, original.recipe.steps);
        QCOMPARE(back.recipe.batch, original.recipe.batch);
        QVERIFY(sameBits(back.recipe.learningRate, original.recipe.learningRate));
        QCOMPARE(back.recipe.seed, original.recipe.seed);
        QCOMPARE(back.recipe.subset, original.recipe.subset);
        QCOMPARE(back.runs.size(), size_t(2));
        for (size_t r = 0; r < 2; ++r) {
            const SavedTrack& a = original.runs[r];
            const SavedTrack& b = back.runs[r];
            QCOMPARE(b.arch, a.arch);
            QVERIFY(b.status == a.status);
            QCOMPARE(b.message, a.message);
            QVERIFY(b.weights == a.weights);
            QCOMPARE(b.steps.size(), a.steps.size());
            for (size_t s = 0; s < a.steps.size(); ++s) {
                QCOMPARE(b.steps[s].step, a.steps[s].step);
                QVERIFY(sameBits(b.steps[s].epoch, a.steps[s].epoch));
                QVERIFY(sameBits(b.steps[s].loss, a.steps[s].loss) ||
                        (std::isnan(a.steps[s].loss) && std::isnan(b.steps[s].loss)));
                QVERIFY(sameBits(b.steps[s].accuracy, a.steps[s].accuracy));
                QVERIFY(sameBits(b.steps[s].learningRate, a.steps[s].learningRate));
                for (size_t k = 0; k < a.steps[s].blockGradientNorms.size(); ++k) {
                    const double x = a.steps[s].blockGradientNorms[k];
                    const double y = b.steps[s].blockGradientNorms[k];
                    QVERIFY(sameBits(x, y) || (std::isnan(x) && std::isnan(y)));
                }
                QVERIFY(sameBits(b.steps[s].outputGradientNorms, a.steps[s].outputGradientNorms));
            }
        }
    }

    void everyDamagedFileGivesOneLineNamingIt_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cut in the header") << "cut:20"
                                           << "not a ResLens saved run";
        QTest::newRow("cut after the header") << "cut:header"
                                              << "truncated";
        QTest::newRow("cut in the middle") << "cut:half"
                                           << "truncated";
        QTest::newRow("last byte lost") << "cut:-1"
                                        << "truncated";
        QTest::newRow("bytes appended") << "append"
                                        << "damaged";
        QTest::newRow("a digit edited") << "edit:digit"
                                        << "changed after it was saved";
        QTest::newRow("a name edited") << "edit:name"
                                       << "changed after it was saved";
        QTest::newRow("newer format") << "version"
                                      << "format 2";
        QTest::newRow("empty file") << "empty"
                                    << "not a ResLens saved run";
        QTest::newRow("an image") << "png"
                                  << "not a ResLens saved run";
        QTest::newRow("no such file") << "missing"
                                      << "no such file";
        // Edited with care (the header recomputed): the content checks still hold.
        QTest::newRow("not JSON") << "body:{\"source\": "
                                  << "not valid JSON";
        QTest::newRow("a list") << "body:[1,2]"
                                << "the run is not an object";
        QTest::newRow("step out of order") << "json:steps"
                                           << "out of order";
        QTest::newRow("a norm missing") << "json:norms"
                                        << "\"block_norms\" is not a list of 3";
        QTest::newRow("unknown status") << "json:status"
                                        << "unknown status";
        QTest::newRow("bad weights") << "json:weights"
                                     << "not base64";
        QTest::newRow("three runs") << "json:runs"
                                    << "one or two runs";
        QTest::newRow("unknown architecture") << "json:arch"
                                              << "architecture ResLens cannot build";
        QTest::newRow("a number as text") << "json:loss"
                                          << "\"loss\" is not a number";
    }

    void everyDamagedFileGivesOneLineNamingIt() {
        QFETCH(QString, damage);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("run.reslens-run");
        writeSavedRun(path.toStdString(), awkwardRun());
        const QByteArray good = readAll(path);
        const int headerEnd = good.indexOf('\n') + 1;
        const QByteArray body = good.mid(headerEnd);
        QByteArray bad = good;
        if (damage == "cut:20") {
            bad = good.left(20);
        } else if (damage == "cut:header") {
            bad = good.left(headerEnd);
        } else if (damage == "cut:half") {
            bad = good.left(good.size() / 2);
        } else if (damage == "cut:-1") {
            bad.chop(1);
        } else if (damage == "append") {
            bad += "\n";
        } else if (damage == "edit:digit") {
            const int at = bad.indexOf("\"batch\": 16");
            QVERIFY(at > 0);
            bad[at + 10] = '7';
        } else if (damage == "edit:name") {
            const int at = bad.indexOf("plain20");
            QVERIFY(at > 0);
            bad[at] = 'P';
        } else if (damage == "version") {
            bad.replace("RESLENS-RUN 1 ", "RESLENS-RUN 2 ");
        } else if (damage == "empty") {
            bad.clear();
        } else if (damage == "png") {
            bad = readAll(QStringLiteral(RESLENS_SOURCE_RESOURCES) +
                          "/samples/fashion-mnist/1-trouser-0002.png");
            QVERIFY(!bad.isEmpty());
        } else if (damage.startsWith("body:")) {
            bad = withHeader(damage.mid(5).toUtf8());
        } else if (damage.startsWith("json:")) {
            QJsonDocument doc = QJsonDocument::fromJson(body);
            QVERIFY(doc.isObject());
            QJsonObject root = doc.object();
            QJsonArray runs = root["runs"].toArray();
            QJsonObject run = runs[0].toObject();
            QJsonArray steps = run["steps"].toArray();
            QJsonObject step = steps[1].toObject();
            const QString what = damage.mid(5);
            if (what == "steps") {
                step["step"] = 1;
            } else if (what == "norms") {
                QJsonArray norms = step["block_norms"].toArray();
                norms.removeLast();
                step["block_norms"] = norms;
            } else if (what == "status") {
                run["status"] = "exploded";
            } else if (what == "weights") {
                run["weights"] = "not*base64";
            } else if (what == "loss") {
                step["loss"] = "0.5";
            }
            steps[1] = step;
            run["steps"] = steps;
            runs[0] = run;
            if (what == "runs") {
                runs.append(runs[0]);
                runs.append(runs[1]);
            }
            root["runs"] = runs;
            if (what == "arch") {
                QJsonObject recipe = root["recipe"].toObject();
                QJsonObject architecture = recipe["architecture"].toObject();
                architecture["arch"] = "resnet21";
                recipe["architecture"] = architecture;
                root["recipe"] = recipe;
            }
            bad = withHeader(QJsonDocument(root).toJson());
        }
        const QString target = damage == "missing" ? dir.filePath("gone.reslens-run") : path;
        if (damage != "missing") {
            writeAll(path, bad);
        }
        const QString message = refusal(target);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(target), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }

    void aFailedSaveLeavesNothingBehind() {
        QTemporaryDir dir;
        // The target is a folder: the rename at the end fails (also for root, whom file
        // permissions would not stop), after the whole run was written to a temporary file.
        const QString path = dir.filePath("run.reslens-run");
        QVERIFY(QDir(dir.path()).mkdir("run.reslens-run"));
        bool refused = false;
        try {
            writeSavedRun(path.toStdString(), awkwardRun());
        } catch (const std::runtime_error&) {
            refused = true;
        }
        QVERIFY(refused);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 0);
        QVERIFY(QFileInfo(path).isDir());
    }

    void aCompareFolderReadsAsItsCsvsSay() {
        QTemporaryDir dir;
        const QString out = dir.filePath("compare");
        const CliRun run =
            runCli({"--threads", "1", "compare", "--arch", "resnet20", "--data", "fashion-mnist",
                    "--steps", "3", "--batch", "8", "--seed", "3", "--no-bn", "--out", out});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const SavedRun saved = openSavedRun(out.toStdString());
        QCOMPARE(saved.source, std::string("reslens-cli compare"));
        QCOMPARE(saved.recipe.steps, int64_t(3));
        QCOMPARE(saved.recipe.batch, 8);
        QCOMPARE(saved.recipe.seed, uint64_t(3));
        QVERIFY(!saved.recipe.batchNorm);
        QCOMPARE(saved.runs.size(), size_t(2));
        QCOMPARE(saved.runs[0].arch, std::string("resnet20"));
        QCOMPARE(saved.runs[1].arch, std::string("plain20"));
        QCOMPARE(saved.blocks.size(), size_t(9));
        // Its summary.json opens the same folder (what a file dialog hands over).
        QCOMPARE(openSavedRun((out + "/summary.json").toStdString()).runs[1].steps.size(),
                 size_t(3));
        const char* csvs[] = {"skip.csv", "noskip.csv"};
        for (size_t r = 0; r < 2; ++r) {
            const QList<QByteArray> lines = readAll(out + "/" + csvs[r]).trimmed().split('\n');
            QCOMPARE(lines.size(), 4);  // header and three steps
            const QList<QByteArray> header = lines[0].split(',');
            for (size_t b = 0; b < 9; ++b) {
                QCOMPARE(QByteArray::fromStdString(saved.blocks[b]), header[3 + int(b)]);
            }
            for (int s = 1; s <= 3; ++s) {
                const QList<QByteArray> cells = lines[s].split(',');
                const StepReport& step = saved.runs[r].steps[s - 1];
                QCOMPARE(step.step, int64_t(cells[0].toLongLong()));
                QCOMPARE(step.loss, cells[1].toDouble());
                QCOMPARE(step.accuracy, cells[2].toDouble());
                for (int b = 0; b < 9; ++b) {
                    QCOMPARE(step.blockGradientNorms[b], cells[3 + b].toDouble());
                }
                QCOMPARE(step.learningRate, cells[12].toDouble());
                QCOMPARE(step.epoch, cells[13].toDouble());
                QVERIFY(step.outputGradientNorms.empty());
            }
        }

        // Damaged folders: one line each, naming the file.
        QFile::copy(out + "/noskip.csv", dir.filePath("noskip.csv"));
        QVERIFY(QFile::remove(out + "/noskip.csv"));
        QString message = refusal(out);
        QVERIFY2(message.contains("noskip.csv") && message.contains("cannot be read"),
                 qPrintable(message));
        QByteArray csv = readAll(dir.filePath("noskip.csv"));
        csv.replace(csv.indexOf('\n') + 3, 1, "x");
        writeAll(out + "/noskip.csv", csv);
        message = refusal(out);
        QVERIFY2(message.contains("noskip.csv, line 2") && !message.contains('\n'),
                 qPrintable(message));
        QByteArray summary = readAll(out + "/summary.json");
        summary.replace("\"noskip.csv\"", "\"../noskip.csv\"");
        writeAll(out + "/summary.json", summary);
        message = refusal(out);
        QVERIFY2(message.contains("must name a file in the folder"), qPrintable(message));
        QVERIFY(QFile::remove(out + "/summary.json"));
        message = refusal(out);
        QVERIFY2(message.contains("summary.json") && message.contains("cannot be read"),
                 qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(SavedRunTest)
#include "tst_saved_run.moc"
