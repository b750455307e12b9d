#pragma once
// The main window's dialogs: parameters, export, help.
#include "core/model/parameters.h"
#include "ui/export_layout.h"

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace maillage::ui {

class Session;

//! Edits every parameter of the dataset (pôles with the mass scale, maillage, densities) and the
//! interface language. Apply/OK hand the values to applyRequested(); "Save in the dataset" to
//! saveRequested().
class ParametersDialog : public QDialog {
    Q_OBJECT
public:
    ParametersDialog(const model::Parameters& parameters, bool canSaveToDataset, QWidget* parent = nullptr);

    //! The values shown; `error` receives the message and false is returned when one is out of its domain.
    bool parameters(model::Parameters* out, QString* error) const;
    void setParameters(const model::Parameters& parameters);
    //! "system", "fr" or "en".
    QString language() const;

signals:
    void applyRequested(const model::Parameters& parameters);
    void saveRequested(const model::Parameters& parameters);

private:
    bool emitIfValid(bool save);
    void done(int result) override;

    QDoubleSpinBox* m_metropoleMin;
    QDoubleSpinBox* m_grandPoleMin;
    QDoubleSpinBox* m_intermediateMin;
    QDoubleSpinBox* m_intermediatePoleShare;
    QDoubleSpinBox* m_intermediatePsyShare;
    QDoubleSpinBox* m_secondaryExPsyMin;
    QDoubleSpinBox* m_massScale;
    QDoubleSpinBox* m_beta;
    QComboBox* m_distance;
    QSpinBox* m_strongest;
    QDoubleSpinBox* m_intensityThreshold;
    QDoubleSpinBox* m_isolationKm;
    QDoubleSpinBox* m_isolationMinutes;
    QDoubleSpinBox* m_minDistanceKm;
    QDoubleSpinBox* m_secrecy;
    QDoubleSpinBox* m_catchmentKm;
    QDoubleSpinBox* m_catchmentMinutes;
    QComboBox* m_language;
    QString m_initialLanguage;
    QLabel* m_error;
};

//! Title, page orientation, format, resolution and file of a map export.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const ExportOptions& defaults, ExportFormat format, const QString& path,
                 QWidget* parent = nullptr);
    ExportOptions options() const;
    ExportFormat format() const;
    QString path() const;

private:
    void browse();
    void formatChanged();
    void accept() override;

    QLineEdit* m_title;
    QLineEdit* m_subtitle;
    QLineEdit* m_source;
    QRadioButton* m_landscape;
    QRadioButton* m_portrait;
    QComboBox* m_format;
    QSpinBox* m_dpi;
    QLineEdit* m_path;
};

//! F1: the typology with the current thresholds, how to use the map, the shortcuts.
void showHelp(QWidget* parent, const Session& session);
//! Help > About: version, libraries, and whether the data shown are fictional.
void showAbout(QWidget* parent, const Session& session);

} // namespace maillage::ui
