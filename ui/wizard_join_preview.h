#pragma once
// The import wizard's preview of the joins, before its last page: the communes of the polygons matched by
// the BV table, the population and each professionals file, and the first codes that did not match with
// their likely reason (another COG year, Corsica's 20/2A/2B…), computed by io::previewImportJoins (the
// import's own steps) in a background task.
#include "core/io/import.h"

#include <QPointer>
#include <QWizardPage>

#include <functional>

class QLabel;
class QTextBrowser;

namespace maillage::ui {

class FunctionTask;

//! The preview as HTML: one line per join ("32 of 34 communes of the polygons have a bassin de vie")
//! and the first unmatched codes with their reason, then the COG carries.
QString joinPreviewHtml(const io::JoinPreview& preview);

class JoinPreviewPage : public QWizardPage {
    Q_OBJECT
public:
    //! `options` gives the wizard's current choices when the page is shown.
    explicit JoinPreviewPage(std::function<io::ImportOptions()> options, QWidget* parent = nullptr);
    ~JoinPreviewPage() override;
    void initializePage() override;
    void cleanupPage() override;
    //! The preview shown (plain text), empty while it is computed.
    QString previewText() const;
    //! True once the preview is computed (or failed: the page then says why, and Next stays enabled:
    //! the import will report the same error).
    bool isReady() const { return m_ready; }

signals:
    void taskStarted(maillage::ui::FunctionTask* task);
    void previewReady();

private:
    std::function<io::ImportOptions()> m_options;
    QLabel* m_status;
    QTextBrowser* m_view;
    QPointer<FunctionTask> m_task;
    bool m_ready = false;
    int m_run = 0; //!< the run whose result is shown
};

} // namespace maillage::ui
