#pragma once
// Helpers of the import wizard's tests: a small file written in a temporary folder, a combo box's items.
#include <QComboBox>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

namespace maillage::testing {

//! Writes `text` to `name` in `dir` and returns its path.
inline QString writeText(const QTemporaryDir& dir, const char* name, const QByteArray& text) {
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

//! The texts of the items of `combo`, in order.
inline QStringList itemsOf(const QComboBox* combo) {
    QStringList items;
    for (int i = 0; i < combo->count(); ++i)
        items << combo->itemText(i);
    return items;
}

} // namespace maillage::testing
