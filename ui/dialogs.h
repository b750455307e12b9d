#pragma once
// The main window's dialogs: parameters, export, help.
#include "core/model/dataset.h"
#include "core/model/parameters.h"
#include "ui/export_layout.h"

#include <QDialog>
#include <QString>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTextBrowser;
class QUrl;

namespace maillage::ui {

class Session;

//! The defaults of a dataset: the application's defaults overlaid with those its import chose, kept in
//! the metadata as extra keys "defaults.<parameter key>" (e.g. "defaults.poles.mass_scale" = "0.25" for
//! BPE counts). A key that is unknown, not a number or out of its domain is ignored.
model::Parameters datasetDefaults(const model::Metadata& meta);

//! Asks the user a yes/no question (title, text); true for yes. Injectable so that tests do not block.
using Confirmation = std::function<bool(const QString& title, const QString& text)>;

//! Edits every parameter of the dataset (pôles with the mass scale, maillage, densities) and the
//! interface language. Apply/OK hand the values to applyRequested(); "Save in the dataset" to
//! saveRequested().
class ParametersDialog : public QDialog {
    Q_OBJECT
public:
    ParametersDialog(const model::Parameters& parameters, bool canSaveToDataset, QWidget* parent = nullptr);

    //! The values shown; `error` receives the message and false is returned when one is out of its domain.
    bool parameters(model::Parameters* out, QString* error) const;
    //! Shows `parameters`; they are also the base of the values the dialog has no widget for.
    void setParameters(const model::Parameters& parameters);
    //! What "Restore defaults" restores (default: the application's defaults, see datasetDefaults()).
    void setDefaults(const model::Parameters& defaults) { m_defaults = defaults; }
    //! Replaces the question asked before restoring the defaults (tests).
    void setConfirmation(Confirmation confirm) { m_confirm = std::move(confirm); }
    //! Disables "Save in the dataset" and says why in its tooltip and under the tabs.
    void setSaveUnavailableReason(const QString& reason);
    //! Restores the defaults after saying which parameters change (from -> to); false when the user
    //! declined (the values shown are then unchanged) or nothing differed.
    bool restoreDefaults();
    //! "system", "fr" or "en".
    QString language() const;

    //! What the demand's consumption weights by age use (`use(path)`: reads, checks, stores the file the user
    //! chooses; "" when done, else why not). `file`: the name of the dataset's weights file, "" for the
    //! shipped ones. Without it the choice is disabled (no dataset).
    using AgeWeightsUser = std::function<QString(const QString& path)>;
    void setAgeWeights(const QString& file, AgeWeightsUser use);
    //! What choosing `path` in the file dialog does: use(path), then the file's name shown, or the reason
    //! shown in red; false when refused. An empty `path`: back to the shipped weights ("Shipped weights").
    bool useAgeWeightsFile(const QString& path);

signals:
    void applyRequested(const model::Parameters& parameters);
    void saveRequested(const model::Parameters& parameters);

private:
    QWidget* createPolesTab();
    QWidget* createMaillageTab();
    QWidget* createDensityTab();
    QWidget* createAccessTab();
    //! The demand, supply and age-limit fields of the accessibility tab (access.demand, access.supply,
    //! access.max_age), added to `form`.
    void addAccessInputFields(QFormLayout* form);
    QWidget* createCrunchTab();
    QWidget* createInterfaceTab();
    //! The "access.*" keys of m_base with those whose widget now shows another value than m_base gives the
    //! professions de proximité: keys the user did not touch stay unset (each group keeps its defaults).
    std::map<std::string, double> shownAccess() const;
    //! The values of the widgets over m_base, unchecked.
    model::Parameters shown() const;
    //! The text of every parameter widget, in form order, with its row label.
    QList<QPair<QString, QString>> shownTexts() const;
    bool emitIfValid(bool save);
    void done(int result) override;

    model::Parameters m_base;
    model::Parameters m_defaults;
    Confirmation m_confirm;
    QList<QWidget*> m_fields;

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
    QDoubleSpinBox* m_fallbackSpeed;
    QDoubleSpinBox* m_primacy;
    QDoubleSpinBox* m_nearLargePoleKm;
    QDoubleSpinBox* m_secrecy;
    QDoubleSpinBox* m_catchmentKm;
    QDoubleSpinBox* m_catchmentMinutes;
    QComboBox* m_accessMethod;
    QDoubleSpinBox* m_accessCatchment;
    QDoubleSpinBox* m_accessDecay;
    QDoubleSpinBox* m_accessSpeed;
    QLabel* m_accessSteps;
    QComboBox* m_accessDemand;
    QComboBox* m_accessSupply;
    QDoubleSpinBox* m_accessMaxAge;
    QLabel* m_ageWeightsFile;
    QPushButton* m_chooseAgeWeights;
    QPushButton* m_shippedAgeWeights;
    AgeWeightsUser m_useAgeWeights;
    QComboBox* m_language;
    QString m_initialLanguage;
    QLabel* m_note;
    QLabel* m_error;
    QPushButton* m_save;
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

    //! Writes the file when Export is clicked; false with the reason in `error`. The dialog then stays
    //! open with the reason shown, so that the user can choose another folder or name.
    using Exporter = std::function<bool(const ExportDialog& dialog, QString* error)>;
    void setExporter(Exporter exporter) { m_exporter = std::move(exporter); }
    //! The reason of the last failure ("" when none).
    QString errorText() const;

    //! The folder proposed for exports: `remembered` (the last one used) if it still exists, else the
    //! user's Documents folder if it exists, else the home folder.
    static QString defaultFolder(const QString& remembered);

private:
    void browse();
    void formatChanged();
    void accept() override;

    Exporter m_exporter;
    QLabel* m_error;
    QLineEdit* m_title;
    QLineEdit* m_subtitle;
    QLineEdit* m_source;
    QRadioButton* m_landscape;
    QRadioButton* m_portrait;
    QComboBox* m_pageSize;
    QComboBox* m_format;
    QSpinBox* m_dpi;
    QLineEdit* m_path;
};

//! Help > User guide: the Markdown pages of docs/ (embedded as resources), with their relative links and
//! images, in the interface language. Not modal: the user reads while working.
class UserGuideWindow : public QDialog {
    Q_OBJECT
public:
    //! Opens `url` (a .md page); an empty url says that the guide is not installed.
    explicit UserGuideWindow(const QUrl& url, QWidget* parent = nullptr);
    //! The index page of the embedded guide in `language` ("fr" or "en"), else in the other language;
    //! empty when the guide is absent.
    static QUrl indexUrl(const QString& language);
    QTextBrowser* browser() const { return m_browser; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    //! Scales down the images wider than the page (screenshots), keeping their proportions.
    void fitImages();

    QTextBrowser* m_browser;
};

//! F1: the typology with the current thresholds, how to use the map, the shortcuts.
void showHelp(QWidget* parent, const Session& session);
//! Help > About: version, libraries, the dataset file (which holds the profession catalogue in use), and
//! whether the data shown are fictional.
void showAbout(QWidget* parent, const Session& session);

} // namespace maillage::ui
