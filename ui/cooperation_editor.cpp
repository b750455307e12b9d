#include "ui/cooperation_editor.h"

#include "core/io/cooperations.h"
#include "core/io/gpkg.h"
#include "core/io/postgis.h"
#include "ui/i18n.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

namespace maillage::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

bool sameCooperations(const std::vector<model::Cooperation>& a, const std::vector<model::Cooperation>& b) {
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(), [](const model::Cooperation& x, const model::Cooperation& y) {
            return x.name == y.name && x.kind == y.kind && x.bassins == y.bassins && x.seat == y.seat &&
                   x.startYear == y.startYear && x.source == y.source && x.establishments == y.establishments;
        });
}

} // namespace

//! One edit of the list: the list before and after (a handful of cooperations: copies are cheap and
//! make every edit undoable the same way).
class SetCooperationsCommand : public QUndoCommand {
public:
    SetCooperationsCommand(CooperationEditor* editor, std::vector<model::Cooperation> before,
                           std::vector<model::Cooperation> after, const QString& text)
        : QUndoCommand(text), m_editor(editor), m_before(std::move(before)), m_after(std::move(after)) {}
    void undo() override { m_editor->setCooperations(m_before); }
    void redo() override { m_editor->setCooperations(m_after); }

private:
    CooperationEditor* m_editor;
    std::vector<model::Cooperation> m_before, m_after;
};

CooperationEditor::CooperationEditor(const model::Dataset& dataset, const QString& path, QWidget* parent)
    : QDialog(parent), m_path(path), m_cooperations(dataset.cooperations),
      m_savedCooperations(dataset.cooperations), m_undo(new QUndoStack(this)) {
    m_communes.reserve(dataset.communes.size());
    for (const model::Commune& c : dataset.communes) {
        m_communeIndex.emplace(c.code, m_communes.size());
        m_communes.push_back(c);
        model::Wkb().swap(m_communes.back().geometry); // released, not only emptied
    }
    setObjectName(QStringLiteral("CooperationEditor"));
    setWindowTitle(tr("Declared cooperations"));
    buildForm();
    refreshList();
    if (!m_cooperations.empty())
        m_list->setCurrentRow(0);
}

CooperationEditor::~CooperationEditor() = default;

void CooperationEditor::buildForm() {
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("cooperationList"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("cooperationName"));
    m_name->setPlaceholderText(tr("e.g. CHT du Valenciennois"));
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("cooperationKind"));
    m_kind->setEditable(true);
    // The kinds the engine recognises (io::normaliseCooperationKind); other text is kept as written.
    for (const std::string& k : io::cooperationKinds())
        m_kind->addItem(qs(k));
    m_member = new QLineEdit;
    m_member->setObjectName(QStringLiteral("memberInput"));
    m_member->setPlaceholderText(tr("Commune name or code"));
    QStringList names;
    for (const model::Commune& c : m_communes)
        names << communeLabel(c.code);
    auto* completer = new QCompleter(names, m_member);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_member->setCompleter(completer);
    auto* addMember = new QPushButton(tr("Add member"));
    addMember->setObjectName(QStringLiteral("addMember"));
    auto* removeMember = new QPushButton(tr("Remove member"));
    m_members = new QListWidget;
    m_members->setObjectName(QStringLiteral("memberList"));
    m_seat = new QComboBox;
    m_seat->setObjectName(QStringLiteral("cooperationSeat"));
    m_seat->setToolTip(tr("The declared seat or hub of the cooperation"));
    m_startYear = new QSpinBox;
    m_startYear->setObjectName(QStringLiteral("cooperationStartYear"));
    m_startYear->setRange(0, 2100);
    m_startYear->setSpecialValueText(tr("not declared"));
    m_source = new QLineEdit;
    m_source->setObjectName(QStringLiteral("cooperationSource"));
    m_source->setPlaceholderText(tr("e.g. ARS Hauts-de-France, 2016"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("cooperationMessage"));
    m_message->setWordWrap(true);

    auto* memberRow = new QHBoxLayout;
    memberRow->addWidget(m_member, 1);
    memberRow->addWidget(addMember);
    memberRow->addWidget(removeMember);
    auto* formBox = new QGroupBox(tr("Cooperation"));
    auto* form = new QFormLayout(formBox);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Members"), memberRow);
    form->addRow(QString(), m_members);
    form->addRow(tr("Seat"), m_seat);
    form->addRow(tr("Start year"), m_startYear);
    form->addRow(tr("Source"), m_source);

    auto* add = new QPushButton(tr("Add as new"));
    add->setObjectName(QStringLiteral("addCooperation"));
    auto* apply = new QPushButton(tr("Apply changes"));
    apply->setObjectName(QStringLiteral("applyCooperation"));
    auto* remove = new QPushButton(tr("Delete"));
    remove->setObjectName(QStringLiteral("deleteCooperation"));
    auto* undo = new QPushButton(tr("Undo"));
    auto* redo = new QPushButton(tr("Redo"));
    auto* editRow = new QHBoxLayout;
    for (QPushButton* b : {add, apply, remove})
        editRow->addWidget(b);
    editRow->addStretch(1);
    editRow->addWidget(undo);
    editRow->addWidget(redo);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setEnabled(false);
    m_save->setToolTip(tr("Writes the cooperations into the dataset file"));

    auto* columns = new QHBoxLayout;
    columns->addWidget(m_list, 2);
    auto* right = new QVBoxLayout;
    right->addWidget(formBox);
    right->addLayout(editRow);
    right->addWidget(m_message);
    right->addStretch(1);
    columns->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(820, 480);

    connect(m_list, &QListWidget::currentRowChanged, this, &CooperationEditor::showCooperation);
    connect(addMember, &QPushButton::clicked, this, &CooperationEditor::addMemberFromField);
    connect(m_member, &QLineEdit::returnPressed, this, &CooperationEditor::addMemberFromField);
    connect(removeMember, &QPushButton::clicked, this, [this] {
        delete m_members->takeItem(m_members->currentRow());
        refreshSeats();
    });
    connect(add, &QPushButton::clicked, this, [this] {
        QString error;
        model::Cooperation c;
        if (!formCooperation(c, &error) || !addCooperation(c, &error))
            m_message->setText(error);
    });
    connect(apply, &QPushButton::clicked, this, [this] {
        QString error;
        model::Cooperation c;
        if (m_list->currentRow() >= 0 &&
            (!formCooperation(c, &error) || !replaceCooperation(m_list->currentRow(), c, &error)))
            m_message->setText(error);
    });
    connect(remove, &QPushButton::clicked, this, [this] { removeCooperation(m_list->currentRow()); });
    connect(undo, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        QString error;
        if (!save(&error))
            QMessageBox::warning(this, windowTitle(), error);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
}

QString CooperationEditor::communeLabel(const std::string& code) const {
    const auto it = m_communeIndex.find(code);
    if (it == m_communeIndex.end())
        return qs(code);
    const model::Commune* c = &m_communes[it->second];
    return QStringLiteral("%1 (%2)").arg(qs(c->name), qs(c->dep.empty() ? c->code : c->dep));
}

QString CooperationEditor::resolveMember(const QString& text, QString* error) const {
    std::string problem;
    std::vector<std::string> candidates;
    const std::string code = io::resolveMember(text.trimmed().toStdString(), m_communes, problem, candidates);
    if (code.empty() && error) {
        QStringList list;
        for (const std::string& c : candidates)
            list << qs(c);
        *error = problem == "ambiguous"
                     ? tr("“%1” names several communes: %2. Add the département, e.g. “%1 (59)”, or give "
                          "the code.")
                           .arg(text.trimmed(), list.join(QStringLiteral(", ")))
                     : tr("“%1” is no commune of the dataset: expected a commune name or code.")
                           .arg(text.trimmed());
    }
    return qs(code);
}

void CooperationEditor::addMemberFromField() {
    QString error;
    const QString code = resolveMember(m_member->text(), &error);
    if (code.isEmpty()) {
        m_message->setText(error);
        return;
    }
    for (int i = 0; i < m_members->count(); ++i)
        if (m_members->item(i)->data(Qt::UserRole).toString() == code) {
            m_member->clear();
            return; // already a member
        }
    auto* item = new QListWidgetItem(communeLabel(code.toStdString()));
    item->setData(Qt::UserRole, code);
    m_members->addItem(item);
    m_member->clear();
    m_message->clear();
    refreshSeats();
}

void CooperationEditor::refreshSeats() {
    const QString current = m_seat->currentData().toString();
    const QSignalBlocker block(m_seat);
    m_seat->clear();
    m_seat->addItem(tr("not declared"), QString());
    for (int i = 0; i < m_members->count(); ++i)
        m_seat->addItem(m_members->item(i)->text(), m_members->item(i)->data(Qt::UserRole));
    m_seat->setCurrentIndex(std::max(0, m_seat->findData(current)));
}

bool CooperationEditor::formCooperation(model::Cooperation& out, QString* error) const {
    io::DeclaredCooperation d;
    d.name = m_name->text().trimmed().toStdString();
    d.kind = io::normaliseCooperationKind(m_kind->currentText().trimmed().toStdString());
    d.seat = m_seat->currentData().toString().toStdString();
    for (int i = 0; i < m_members->count(); ++i)
        d.members.push_back(m_members->item(i)->data(Qt::UserRole).toString().toStdString());
    d.startYear = m_startYear->value();
    d.source = m_source->text().trimmed().toStdString();
    try {
        out = io::makeCooperation(d, m_communes); // the seat first, members resolved, as the import does
    } catch (const std::exception& e) {
        if (error)
            *error = i18n::describe(e);
        return false;
    }
    return true;
}

void CooperationEditor::showCooperation(int row) {
    m_members->clear();
    if (row < 0 || row >= static_cast<int>(m_cooperations.size())) {
        m_name->clear();
        m_startYear->setValue(0);
        m_source->clear();
        refreshSeats();
        return;
    }
    const model::Cooperation& c = m_cooperations[static_cast<std::size_t>(row)];
    m_name->setText(qs(c.name));
    m_kind->setCurrentText(qs(c.kind));
    for (const std::string& code : c.bassins) {
        auto* item = new QListWidgetItem(communeLabel(code));
        item->setData(Qt::UserRole, qs(code));
        m_members->addItem(item);
    }
    refreshSeats();
    m_seat->setCurrentIndex(std::max(0, m_seat->findData(qs(c.seat))));
    m_startYear->setValue(c.startYear);
    m_source->setText(qs(c.source));
    m_message->clear();
}

namespace {

//! `edit` applied to a dataset holding `cooperations` only: the engine's rules (io::addCooperation...)
//! decide, the editor records the result. False, with `error`, when the engine refuses.
template <typename Edit>
bool edited(const std::vector<model::Cooperation>& cooperations, Edit edit,
            std::vector<model::Cooperation>& after, QString* error) {
    model::Dataset scratch;
    scratch.cooperations = cooperations;
    try {
        edit(scratch);
    } catch (const std::exception& e) {
        if (error)
            *error = i18n::describe(e);
        return false;
    }
    after = std::move(scratch.cooperations);
    return true;
}

} // namespace

bool CooperationEditor::addCooperation(const model::Cooperation& cooperation, QString* error) {
    std::vector<model::Cooperation> after;
    if (!edited(
            m_cooperations, [&](model::Dataset& d) { io::addCooperation(d, cooperation); }, after, error))
        return false;
    push(std::move(after), tr("Add “%1”").arg(qs(cooperation.name)));
    m_list->setCurrentRow(static_cast<int>(m_cooperations.size()) - 1);
    return true;
}

bool CooperationEditor::replaceCooperation(int row, const model::Cooperation& cooperation, QString* error) {
    if (row < 0 || row >= static_cast<int>(m_cooperations.size()))
        return false;
    const model::Cooperation& before = m_cooperations[static_cast<std::size_t>(row)];
    model::Cooperation c = cooperation;
    if (c.establishments.empty())
        c.establishments = before.establishments; // the form lists communes: keep what the file declared
    std::vector<model::Cooperation> after;
    if (!edited(
            m_cooperations, [&](model::Dataset& d) { io::replaceCooperation(d, before.name, c); }, after,
            error))
        return false;
    push(std::move(after), tr("Edit “%1”").arg(qs(cooperation.name)));
    m_list->setCurrentRow(row);
    return true;
}

void CooperationEditor::removeCooperation(int row) {
    if (row < 0 || row >= static_cast<int>(m_cooperations.size()))
        return;
    const QString name = qs(m_cooperations[static_cast<std::size_t>(row)].name);
    std::vector<model::Cooperation> after;
    if (edited(
            m_cooperations, [&](model::Dataset& d) { io::removeCooperation(d, name.toStdString()); }, after,
            nullptr))
        push(std::move(after), tr("Delete “%1”").arg(name));
}

void CooperationEditor::push(std::vector<model::Cooperation> after, const QString& text) {
    m_undo->push(new SetCooperationsCommand(this, m_cooperations, std::move(after), text));
}

void CooperationEditor::setCooperations(const std::vector<model::Cooperation>& cooperations) {
    m_cooperations = cooperations;
    refreshList();
}

void CooperationEditor::refreshList() {
    const int row = m_list->currentRow();
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const model::Cooperation& c : m_cooperations) {
            QStringList members;
            for (const std::string& code : c.bassins)
                members << communeLabel(code);
            auto* item = new QListWidgetItem(
                QStringLiteral("%1 · %2").arg(qs(c.name), qs(c.kind.empty() ? "other" : c.kind)));
            item->setToolTip(members.join(QStringLiteral(", ")));
            m_list->addItem(item);
        }
    }
    m_list->setCurrentRow(std::min(row, m_list->count() - 1));
    m_save->setEnabled(isModified() && !m_path.isEmpty());
}

bool CooperationEditor::isModified() const {
    return !sameCooperations(m_cooperations, m_savedCooperations);
}

bool CooperationEditor::save(QString* error) {
    if (m_path.isEmpty()) {
        if (error)
            *error = tr("The dataset has no file (the demo): save it first with File > Save as.");
        return false;
    }
    try {
        // A database dataset: only its cooperations rows, refused when based on a stale version.
        if (io::isPostgisDataset(m_path.toStdString()))
            m_version = io::savePostgisCooperations(m_path.toStdString(), m_cooperations, m_version).version;
        else
            io::writeCooperations(m_path.toStdString(), m_cooperations);
    } catch (const std::exception& e) {
        if (error)
            *error = i18n::describe(e);
        return false;
    }
    m_savedCooperations = m_cooperations;
    m_undo->setClean();
    m_save->setEnabled(false);
    emit saved(m_cooperations);
    return true;
}

void CooperationEditor::closeEvent(QCloseEvent* event) {
    if (isModified() && !m_path.isEmpty()) {
        const auto answer = QMessageBox::question(
            this, windowTitle(), tr("Save the changes to the cooperations?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    event->accept();
}

} // namespace maillage::ui
