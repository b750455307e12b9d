#pragma once
// Shared helpers for the Qt Test suites.
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace maillage::testing {

//! Path of a file under tests/data.
inline std::string dataPath(const char* relative) {
    return (QString::fromUtf8(TEST_DATA_DIR) + QLatin1Char('/') + QString::fromUtf8(relative)).toStdString();
}

//! std::string -> QString, for comparisons.
inline QString q(const std::string& s) {
    return QString::fromStdString(s);
}

//! std::vector<std::string> -> QStringList, for comparisons.
inline QStringList qList(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << q(s);
    return out;
}

//! The exception of type E that `f` throws, or nullopt when it throws none.
template <typename E, typename F> std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

//! Path of a file under ../shared/data (real public data, absent on users' machines).
inline QString sharedPath(const char* relative) {
    return QString::fromUtf8(SHARED_DATA_DIR) + QLatin1Char('/') + QString::fromUtf8(relative);
}

} // namespace maillage::testing

namespace QTest {
//! Readable QCOMPARE failures on std::string.
template <> inline char* toString(const std::string& s) {
    return qstrdup(s.c_str());
}
} // namespace QTest

//! Skips the current test cleanly when a file of ../shared/data is absent.
#define MAILLAGE_REQUIRE_SHARED(relative)                                                                    \
    do {                                                                                                     \
        if (!QFileInfo::exists(maillage::testing::sharedPath(relative)))                                     \
            QSKIP(qPrintable(QStringLiteral("shared data absent: ") +                                        \
                             maillage::testing::sharedPath(relative)));                                      \
    } while (false)
