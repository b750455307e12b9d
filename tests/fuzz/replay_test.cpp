// Replays every kept input of one fuzz target through the same LLVMFuzzerTestOneInput, without libFuzzer:
// the crashes fuzzing once found (regressions/<target>/) and the seed corpus. Run by CTest in the normal
// build and in the sanitizer build, where a memory error in a replay fails the test.
// An input with a sibling "<input>.skip" file is a known crash whose fix has not landed: the replay is
// skipped with the reason written in that file (tests/fuzz/README.md).
#include "testing.h"

#include <QDirIterator>
#include <QFile>
#include <QtTest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

//! The inputs of a folder (recursively, sorted), without the .skip notes and READMEs.
QStringList inputsUnder(const QString& dir) {
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!path.endsWith(QLatin1String(".skip")) && !path.endsWith(QLatin1String("README.md")))
            files << path;
    }
    files.sort();
    return files;
}

QStringList allInputs() {
    return inputsUnder(QStringLiteral(FUZZ_REGRESSION_DIR)) + inputsUnder(QStringLiteral(FUZZ_SEED_DIR));
}

} // namespace

class TestFuzzReplay : public QObject {
    Q_OBJECT
private slots:
    void seedCorpusIsNotEmpty();
    void keptInputsReplayWithoutCrash_data();
    void keptInputsReplayWithoutCrash();
};

void TestFuzzReplay::seedCorpusIsNotEmpty() {
    // A replay of nothing would pass whatever the code does.
    QVERIFY2(!inputsUnder(QStringLiteral(FUZZ_SEED_DIR)).isEmpty(), FUZZ_SEED_DIR " holds no input");
}

void TestFuzzReplay::keptInputsReplayWithoutCrash_data() {
    QTest::addColumn<QString>("path");
    for (const QString& path : allInputs())
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestFuzzReplay::keptInputsReplayWithoutCrash() {
    QFETCH(QString, path);
    QFile skip(path + QStringLiteral(".skip"));
    if (skip.open(QIODevice::ReadOnly))
        QSKIP(qPrintable(QStringLiteral("known crash, fix pending: ") +
                         QString::fromUtf8(skip.readAll()).trimmed()));
    QFile input(path);
    QVERIFY2(input.open(QIODevice::ReadOnly), qPrintable(QStringLiteral("cannot read ") + path));
    const QByteArray bytes = input.readAll();
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                    static_cast<std::size_t>(bytes.size())),
             0);
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "replay_test.moc"
