#pragma once
// The choice of the density map's classes (issue 11): method, number of classes, fixed limits. Reads and
// writes Session::densityClasses(), which the map follows (ui/map_layers.h).
#include "core/analysis/classes.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace maillage::ui {

class Session;

class DensityClassesChooser : public QWidget {
    Q_OBJECT
public:
    explicit DensityClassesChooser(Session* session, QWidget* parent = nullptr);

    //! "10; 20; 40" (the locale's decimal separator) as ascending limits; an error message naming the
    //! entry and what was expected when the text is not one.
    static std::vector<double> parseLimits(const QString& text, QString* error);

private:
    void showSpec();
    void apply();

    Session* m_session;
    QComboBox* m_method = nullptr;
    QSpinBox* m_count = nullptr;
    QLineEdit* m_limits = nullptr;
};

} // namespace maillage::ui
