#pragma once
// A register of individual professionals (issue 12) as the import wizard and File > Add data… take it,
// with the options of `maillage import --register FILE[:YEAR] --register-layout --site-rule
// --register-replaces-counts`, and a preview read in a background task (professionals read, sites
// located, unknown codes).
#include "core/io/register.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTextBrowser;

namespace maillage::ui {

class FunctionTask;

//! What the preview of a register says (HTML): professionals, sites located, rows merged, and the
//! register reader's warnings (unknown profession or commune codes, postcode-only rows…).
QString registerPreviewHtml(const io::RegisterRead& read);

class RegisterInputs : public QWidget {
    Q_OBJECT
public:
    explicit RegisterInputs(QWidget* parent = nullptr);
    ~RegisterInputs() override;

    //! The register chosen (none when no file is named).
    std::vector<io::RegisterSource> sources() const;
    //! Fills the fields from `source` (e.g. to import again with the same files).
    void setSource(const io::RegisterSource& source);
    //! Reads the register in a background task and shows what was read; previewReady() when done.
    void preview();
    //! The last preview (plain text), empty until one is ready.
    QString previewText() const;

signals:
    void taskStarted(maillage::ui::FunctionTask* task);
    void previewReady();

private:
    QLineEdit* m_file;
    QSpinBox* m_year;
    QComboBox* m_layout;
    QComboBox* m_rule;
    QCheckBox* m_replaces;
    QLabel* m_status;
    QTextBrowser* m_preview;
    QPointer<FunctionTask> m_task;
    int m_run = 0; //!< the run whose result is shown
    bool m_ready = false;
};

} // namespace maillage::ui
