#include "PythonFixture.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <QProcess>
#include <fstream>
#include <iterator>

QString runPythonFixture(const QString& script, const QStringList& arguments, int timeoutMs) {
    QProcess python;
    python.start(RESLENS_PYTHON,
                 QStringList{QStringLiteral(RESLENS_FIXTURES "/") + script} + arguments);
    if (!python.waitForFinished(timeoutMs)) {
        python.kill();
        python.waitForFinished();
        return script + " did not finish";
    }
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        return script + " failed: " + QString::fromLocal8Bit(python.readAllStandardError());
    }
    return {};
}

c10::impl::GenericDict loadPickledDict(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    return torch::pickle_load(bytes).toGenericDict();
}

torch::Tensor tensorAt(const c10::impl::GenericDict& dict, const std::string& key) {
    return dict.at(key).toTensor();
}
