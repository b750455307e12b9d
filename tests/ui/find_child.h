#pragma once
// The child widget a UI test drives, found by object name; the test stops at once when it is missing.
#include <QWidget>

namespace maillage::testing {

template <typename T> T* child(QWidget* parent, const char* name) {
    T* c = parent->findChild<T*>(QString::fromLatin1(name));
    if (!c)
        qFatal("no child %s", name);
    return c;
}

} // namespace maillage::testing
