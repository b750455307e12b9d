#pragma once
// Small presentation helpers shared by the docked panels: locale-aware number formatting, labels in
// the UI language. Presentation only: no analysis here.
#include "core/analysis/poles.h"
#include "core/model/dataset.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QString>
#include <QWidget>

#include <cmath>
#include <string>

namespace maillage::ui::panel {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

//! True when the user interface speaks French (the default locale is set from the UI language).
inline bool uiIsFrench() {
    return QLocale().language() == QLocale::French;
}

//! "24 812" (fr) / "24,812" (en). French thousands are separated by a no-break space (U+00A0): Qt's
//! narrow one (U+202F) is a line-break opportunity for word-wrapped labels, which split "359 391".
inline QString number(double value, int decimals = 0) {
    return QLocale().toString(value, 'f', decimals).replace(QChar(0x202F), QChar(0x00A0));
}

//! A share 0..1 as a percentage: "19,4 %" (fr) / "19.4%" (en).
inline QString percent(double share, int decimals = 1) {
    const QString n = number(100.0 * share, decimals);
    return uiIsFrench() ? n + QChar(0x00A0) + QLatin1Char('%') : n + QLatin1Char('%');
}

//! A signed change with a true minus sign: "+4,2 %", "−3,1 %".
inline QString signedPercent(double percentValue, int decimals = 1) {
    const QString n = number(std::abs(percentValue), decimals);
    const QString sign = percentValue > 0   ? QStringLiteral("+")
                         : percentValue < 0 ? QString(QChar(0x2212))
                                            : QString();
    return sign + n + (uiIsFrench() ? QString(QChar(0x00A0)) + QLatin1Char('%') : QStringLiteral("%"));
}

//! A signed plain number with a true minus sign: "−0,45".
inline QString signedNumber(double value, int decimals) {
    const QString n = number(std::abs(value), decimals);
    return (value < 0 ? QString(QChar(0x2212)) : QString()) + n;
}

//! Rounds to `digits` significant digits (1 134 -> 1 130), the way local reports quote ratios.
inline double roundSignificant(double value, int digits) {
    if (value == 0 || !std::isfinite(value))
        return value;
    const double magnitude = std::pow(10.0, digits - 1 - std::floor(std::log10(std::abs(value))));
    return std::round(value * magnitude) / magnitude;
}

//! Full label of a pôle type in the UI language ("Grand pôle" / "Large pôle").
inline QString poleTypeLabel(int type) {
    const auto t = static_cast<analysis::PoleType>(type);
    return qs(uiIsFrench() ? analysis::poleTypeLabelFr(t) : analysis::poleTypeLabelEn(t));
}

//! Name of a BV, or its code when unknown.
inline QString bassinName(const model::Dataset& dataset, const std::string& code) {
    const model::Bassin* b = dataset.bassin(code);
    return b && !b->name.empty() ? qs(b->name) : qs(code);
}

//! Greys a widget's text out (captions, hints): a mix of the text and window colours, which stays
//! readable in light and dark palettes.
inline void setMuted(QWidget* widget, bool muted = true) {
    if (!muted) {
        widget->setPalette(QPalette());
        return;
    }
    const QPalette app = QGuiApplication::palette();
    const QColor text = app.color(QPalette::WindowText), window = app.color(QPalette::Window);
    const QColor mixed((text.red() * 62 + window.red() * 38) / 100,
                       (text.green() * 62 + window.green() * 38) / 100,
                       (text.blue() * 62 + window.blue() * 38) / 100);
    QPalette pal = widget->palette();
    pal.setColor(QPalette::WindowText, mixed);
    pal.setColor(QPalette::Text, mixed);
    widget->setPalette(pal);
}

//! Label of a profession in the UI language.
inline QString professionLabel(const model::Profession& p) {
    const std::string& label = uiIsFrench() || p.labelEn.empty() ? p.labelFr : p.labelEn;
    return qs(label.empty() ? p.code : label);
}

} // namespace maillage::ui::panel
