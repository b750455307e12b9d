#include "ui/wizard_join_preview.h"

#include "ui/i18n.h"
#include "ui/panels/panel_util.h"
#include "ui/tasks.h"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace maillage::ui {
namespace {

using panel::number;

QString worded(const Message& message) {
    return QString::fromStdString(word(message, i18n::engineLanguage(), PathStyle::FileName));
}

//! "32 of 34 codes of communes (x.gpkg) found in population (pop.csv)", with the share of the
//! professionals or the population that the unmatched codes carry.
QString joinLine(const io::JoinReport& join) {
    const auto matched = static_cast<double>(join.codes - std::min(join.codes, join.unmatched.size()));
    QString line = JoinPreviewPage::tr("%1 of %2 codes of %3 found in %4")
                       .arg(number(matched), number(static_cast<double>(join.codes)),
                            QString::fromStdString(join.left).toHtmlEscaped(),
                            QString::fromStdString(join.right).toHtmlEscaped());
    if (join.unmatchedProfessionals > 0 && join.totalProfessionals > 0)
        line += JoinPreviewPage::tr("; %1 professionals left out (%2)")
                    .arg(number(join.unmatchedProfessionals),
                         panel::percent(join.unmatchedProfessionals / join.totalProfessionals));
    else if (join.unmatchedPopulation > 0)
        line += JoinPreviewPage::tr("; %1 inhabitants concerned").arg(number(join.unmatchedPopulation));
    return line;
}

//! Runs the preview: the same reading and joining steps as the import.
FunctionTask* startPreview(const io::ImportOptions& options, std::shared_ptr<io::JoinPreview> out,
                           FunctionTask::Done done) {
    return FunctionTask::start(
        JoinPreviewPage::tr("Preview of the joins"),
        [options, out](Feedback& feedback) { *out = io::previewImportJoins(options, 20, &feedback); },
        std::move(done));
}

} // namespace

QString joinPreviewHtml(const io::JoinPreview& preview) {
    QString text =
        QStringLiteral("<p>") +
        JoinPreviewPage::tr("%1 communes read (COG %2).")
            .arg(number(static_cast<double>(preview.communes)),
                 preview.cogYear ? QString::number(preview.cogYear) : JoinPreviewPage::tr("unknown")) +
        QStringLiteral("</p><ul>");
    for (std::size_t i = 0; i < preview.report.joins.size(); ++i) {
        const io::JoinReport& join = preview.report.joins[i];
        text += QStringLiteral("<li>") + (join.ok() ? QStringLiteral("✓ ") : QStringLiteral("<b>⚠</b> ")) +
                joinLine(join);
        if (!join.ok() && i < preview.reasons.size()) {
            text += QStringLiteral("<ul>");
            for (const io::UnmatchedCode& code : preview.reasons[i])
                text += QStringLiteral("<li>") + worded(code.explanation()).toHtmlEscaped() +
                        QStringLiteral("</li>");
            if (join.unmatched.size() > preview.reasons[i].size())
                text +=
                    QStringLiteral("<li>") +
                    JoinPreviewPage::tr("… and %1 more")
                        .arg(number(static_cast<double>(join.unmatched.size() - preview.reasons[i].size()))) +
                    QStringLiteral("</li>");
            text += QStringLiteral("</ul>");
        }
        text += QStringLiteral("</li>");
    }
    text += QStringLiteral("</ul>");
    for (const io::CogCarry& carry : preview.report.cogCarries)
        if (carry.from != carry.to)
            text += QStringLiteral("<p>") +
                    JoinPreviewPage::tr("%1: %2 codes carried from COG %3 to COG %4.")
                        .arg(QString::fromStdString(carry.file).section(QLatin1Char('/'), -1).toHtmlEscaped())
                        .arg(number(static_cast<double>(carry.codesCarried)))
                        .arg(carry.from)
                        .arg(carry.to) +
                    QStringLiteral("</p>");
    return text;
}

JoinPreviewPage::JoinPreviewPage(std::function<io::ImportOptions()> options, QWidget* parent)
    : QWizardPage(parent), m_options(std::move(options)) {
    setObjectName(QStringLiteral("joinPreviewPage"));
    setTitle(tr("What will join"));
    setSubTitle(tr("The files are read and joined as the import will do it, nothing is written yet. Codes "
                   "that do not match are listed with their likely reason: go back to change a file."));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("joinPreviewStatus"));
    m_status->setWordWrap(true);
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("joinPreview"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
}

JoinPreviewPage::~JoinPreviewPage() {
    if (m_task)
        m_task->cancel();
}

void JoinPreviewPage::initializePage() {
    cleanupPage();
    m_view->clear();
    m_ready = false;
    m_status->setText(tr("Reading and joining the files…"));
    auto preview = std::make_shared<io::JoinPreview>();
    QPointer<JoinPreviewPage> self(this);
    const int run = ++m_run;
    m_task = startPreview(m_options(), preview, [self, preview, run](bool ok, const QString& error) {
        if (!self || run != self->m_run)
            return; // a canceled run, the page shown again since
        self->m_ready = true;
        if (ok) {
            self->m_status->setText(tr("Check the joins, then go on to import and save."));
            self->m_view->setHtml(joinPreviewHtml(*preview));
        } else {
            self->m_status->setText(error.isEmpty() ? tr("The preview was canceled.")
                                                    : tr("The files cannot be joined: %1").arg(error));
        }
        emit self->previewReady();
    });
    emit taskStarted(m_task);
}

void JoinPreviewPage::cleanupPage() {
    if (m_task)
        m_task->cancel();
    m_task = nullptr;
}

QString JoinPreviewPage::previewText() const {
    return m_ready ? m_view->toPlainText() : QString();
}

} // namespace maillage::ui
