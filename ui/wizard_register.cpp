#include "ui/wizard_register.h"

#include "core/model/catalogue.h"
#include "ui/i18n.h"
#include "ui/import_wizard.h"
#include "ui/panels/panel_util.h"
#include "ui/tasks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextBrowser>

namespace maillage::ui {

QString registerPreviewHtml(const io::RegisterRead& read) {
    std::size_t sites = 0, located = 0;
    for (const model::RegisteredProfessional& p : read.reg.professionals)
        for (const model::PracticeSite& site : p.sites) {
            ++sites;
            located += site.commune.empty() ? 0 : 1;
        }
    QString text =
        QStringLiteral("<p>") +
        RegisterInputs::tr("%1 professionals read from %2 rows (%3), year %4.")
            .arg(panel::number(static_cast<double>(read.reg.professionals.size())),
                 panel::number(static_cast<double>(read.rows)),
                 QString::fromStdString(read.reg.source).toHtmlEscaped())
            .arg(read.reg.vintage) +
        QStringLiteral("</p><p>") +
        RegisterInputs::tr("%1 of %2 practice sites located in a commune; %3 duplicated rows merged.")
            .arg(panel::number(static_cast<double>(located)), panel::number(static_cast<double>(sites)),
                 panel::number(static_cast<double>(read.mergedRows))) +
        QStringLiteral("</p>");
    if (!read.warnings.empty()) {
        text += QStringLiteral("<ul>");
        for (const Warning& w : read.warnings)
            text += QStringLiteral("<li>") + i18n::describe(w).toHtmlEscaped() + QStringLiteral("</li>");
        text += QStringLiteral("</ul>");
    }
    return text;
}

RegisterInputs::RegisterInputs(QWidget* parent) : QWidget(parent) {
    m_file = new QLineEdit;
    m_file->setObjectName(QStringLiteral("registerFile"));
    m_year = new QSpinBox;
    m_year->setObjectName(QStringLiteral("registerYear"));
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("from the file name"));
    m_layout = new QComboBox;
    m_layout->setObjectName(QStringLiteral("registerLayout"));
    m_layout->addItem(tr("Detect"), static_cast<int>(io::RegisterLayout::Auto));
    m_layout->addItem(tr("RPPS extraction (Annuaire santé, '|')"),
                      static_cast<int>(io::RegisterLayout::Rpps));
    m_layout->addItem(tr("Generic (CSV)"), static_cast<int>(io::RegisterLayout::Generic));
    m_rule = new QComboBox;
    m_rule->setObjectName(QStringLiteral("registerSiteRule"));
    m_rule->addItem(tr("Once, at the main site"), static_cast<int>(model::SiteRule::MainSite));
    m_rule->addItem(tr("Shared between the sites by activity"),
                    static_cast<int>(model::SiteRule::SharedByActivity));
    m_replaces = new QCheckBox(tr("Replaces the counts (BPE) of that year"));
    m_replaces->setObjectName(QStringLiteral("registerReplacesCounts"));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("registerStatus"));
    m_preview = new QTextBrowser;
    m_preview->setObjectName(QStringLiteral("registerPreview"));
    auto* previewButton = new QPushButton(tr("Preview"));
    previewButton->setObjectName(QStringLiteral("registerPreviewButton"));
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Register file"), fileRow(this, m_file, tr("Register of professionals"),
                                              tr("Registers (*.txt *.csv);;All files (*)")));
    form->addRow(tr("Year of the extraction"), m_year);
    form->addRow(tr("Layout"), m_layout);
    form->addRow(tr("Professionals with several sites"), m_rule);
    form->addRow(QString(), m_replaces);
    form->addRow(previewButton, m_status);
    form->addRow(m_preview);
    connect(previewButton, &QPushButton::clicked, this, &RegisterInputs::preview);
}

RegisterInputs::~RegisterInputs() {
    if (m_task)
        m_task->cancel();
}

std::vector<io::RegisterSource> RegisterInputs::sources() const {
    const QString path = m_file->text().trimmed();
    if (path.isEmpty())
        return {};
    io::RegisterSource source;
    source.path = path.toStdString();
    source.vintage = m_year->value();
    source.layout = static_cast<io::RegisterLayout>(m_layout->currentData().toInt());
    source.rule = static_cast<model::SiteRule>(m_rule->currentData().toInt());
    source.replaceCounts = m_replaces->isChecked();
    return {source};
}

void RegisterInputs::setSource(const io::RegisterSource& source) {
    m_file->setText(QString::fromStdString(source.path));
    m_year->setValue(source.vintage);
    m_layout->setCurrentIndex(std::max(0, m_layout->findData(static_cast<int>(source.layout))));
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(static_cast<int>(source.rule))));
    m_replaces->setChecked(source.replaceCounts);
}

void RegisterInputs::preview() {
    if (m_task)
        m_task->cancel();
    m_ready = false;
    m_preview->clear();
    const std::vector<io::RegisterSource> chosen = sources();
    if (chosen.empty()) {
        m_status->setText(tr("Choose a register file."));
        return;
    }
    m_status->setText(tr("Reading the register…"));
    auto read = std::make_shared<io::RegisterRead>();
    const io::RegisterSource source = chosen.front();
    QPointer<RegisterInputs> self(this);
    const int run = ++m_run;
    m_task = FunctionTask::start(
        tr("Reading the register"),
        [source, read](Feedback&) { *read = io::readRegister(source, model::standardCatalogue().catalogue); },
        [self, read, run](bool ok, const QString& error) {
            if (!self || run != self->m_run)
                return; // a canceled run, another started since
            self->m_ready = ok;
            self->m_status->setText(ok ? QString() : tr("The register cannot be read: %1").arg(error));
            if (ok)
                self->m_preview->setHtml(registerPreviewHtml(*read));
            emit self->previewReady();
        });
    emit taskStarted(m_task);
}

QString RegisterInputs::previewText() const {
    return m_ready ? m_preview->toPlainText() : QString();
}

} // namespace maillage::ui
