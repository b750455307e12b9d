// The French translation is complete: every string of the UI sources (as lupdate finds them now) has a
// finished French translation in translations/maillage_fr.ts, with the same %1..%9 placeholders.
#include "testing.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString translation;
    bool finished = false;
};
using Catalogue = QMap<QString, Message>; // "context\nsource" -> translation

Catalogue readTs(const QString& path, QString* error) {
    Catalogue out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context, source;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name"))
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                message = Message();
            else if (name == QLatin1String("source"))
                source = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                message.finished = type.isEmpty();
                message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.insert(context + QLatin1Char('\n') + source, message);
        }
    }
    if (xml.hasError())
        *error = path + QStringLiteral(": ") + xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%[1-9]"));
    QSet<QString> out;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        out.insert(it.next().captured(0));
    return out;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void frenchIsComplete();
    void everySourceStringIsTranslated();
};

void TestTranslations::frenchIsComplete() {
    QString error;
    const Catalogue fr = readTs(QStringLiteral(MAILLAGE_SOURCE_DIR "/translations/maillage_fr.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(fr.size() > 100);
    QStringList problems;
    for (auto it = fr.cbegin(); it != fr.cend(); ++it) {
        if (!it->finished || it->translation.isEmpty())
            problems << QStringLiteral("unfinished: ") + it.key();
        else if (placeholders(it.key().section(QLatin1Char('\n'), 1)) != placeholders(it->translation))
            problems << QStringLiteral("placeholders differ: ") + it.key();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::everySourceStringIsTranslated() {
    const QString lupdate = QStringLiteral(MAILLAGE_LUPDATE);
    if (lupdate.isEmpty() || !QFile::exists(lupdate))
        QSKIP("lupdate not found");
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh_fr.ts"));
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(MAILLAGE_SOURCE_DIR));
    process.start(lupdate, {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                            QStringLiteral("-I"), QStringLiteral(MAILLAGE_SOURCE_DIR), QStringLiteral("ui"),
                            QStringLiteral("app"), QStringLiteral("-ts"), fresh});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
    QString error;
    const Catalogue current = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(current.size() > 100);
    const Catalogue fr = readTs(QStringLiteral(MAILLAGE_SOURCE_DIR "/translations/maillage_fr.ts"), &error);
    QStringList missing;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const auto found = fr.constFind(it.key());
        if (found == fr.cend() || !found->finished)
            missing << QString(it.key()).replace(QLatin1Char('\n'), QStringLiteral(" | "));
    }
    QVERIFY2(
        missing.isEmpty(),
        qPrintable(QStringLiteral("not translated in translations/maillage_fr.ts (run the lupdate target, "
                                  "then translate):\n") +
                   missing.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
