#pragma once
// Declared cooperations (DOMAIN.md §4, 3): list, add, edit and delete the dataset's cooperations (name,
// kind, member communes picked by name, declared seat), with undo and redo, and save them into the
// dataset file (only its cooperations table, atomically).
#include "core/model/dataset.h"

#include <QDialog>
#include <QString>

#include <unordered_map>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QUndoStack;

namespace maillage::ui {

class CooperationEditor : public QDialog {
    Q_OBJECT
public:
    //! Edits the cooperations of `dataset`; `path` is the dataset file that save() rewrites. The editor
    //! keeps what it needs (communes without their polygons), not a reference to `dataset`.
    CooperationEditor(const model::Dataset& dataset, const QString& path, QWidget* parent = nullptr);
    ~CooperationEditor() override;

    //! The cooperations as edited (members as commune codes, the declared seat first).
    const std::vector<model::Cooperation>& cooperations() const { return m_cooperations; }
    QUndoStack* undoStack() const { return m_undo; }

    //! Adds `cooperation` (undoable). False, with `error`, when io::addCooperation refuses it (a
    //! cooperation of that name exists).
    bool addCooperation(const model::Cooperation& cooperation, QString* error = nullptr);
    //! Replaces cooperation `row` (undoable). False, with `error`, when io::replaceCooperation refuses it.
    bool replaceCooperation(int row, const model::Cooperation& cooperation, QString* error = nullptr);
    //! Deletes cooperation `row` (undoable).
    void removeCooperation(int row);
    //! Writes the cooperations into the dataset file (only its cooperations table, atomically). False,
    //! with `error`, when it cannot; the file is then unchanged.
    bool save(QString* error = nullptr);
    //! For a dataset in PostgreSQL: the version of its cooperations that the edits are based on (read with
    //! the dataset); save() is refused, the edits kept, when someone saved since (core/io/postgis.h).
    void setDatabaseVersion(long long version) { m_version = version; }
    //! The version after the last save (what the next edits are based on).
    long long databaseVersion() const { return m_version; }
    //! True when the cooperations differ from the last saved ones.
    bool isModified() const;

    //! A member typed by the user ("Denain", "Saint-Amand-les-Eaux (59)", "59172") as a commune code;
    //! "" with `error` (unknown, or ambiguous with the candidates) when it cannot be resolved.
    QString resolveMember(const QString& text, QString* error = nullptr) const;

signals:
    //! The cooperations were saved into the file (the Session takes them).
    void saved(const std::vector<maillage::model::Cooperation>& cooperations);

private:
    friend class SetCooperationsCommand;
    void buildForm();
    void setCooperations(const std::vector<model::Cooperation>& cooperations);
    void push(std::vector<model::Cooperation> after, const QString& text);
    void refreshList();
    void showCooperation(int row);
    //! The cooperation the form describes (io::makeCooperation); false, with `error`, when it is invalid.
    bool formCooperation(model::Cooperation& out, QString* error) const;
    void addMemberFromField();
    void refreshSeats();
    QString communeLabel(const std::string& code) const;
    void closeEvent(QCloseEvent* event) override;

    std::vector<model::Commune> m_communes; // without polygons
    std::unordered_map<std::string, std::size_t> m_communeIndex;
    QString m_path;
    long long m_version = 0;
    std::vector<model::Cooperation> m_cooperations, m_savedCooperations;
    QUndoStack* m_undo;
    QListWidget* m_list = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_member = nullptr;
    QListWidget* m_members = nullptr;
    QComboBox* m_seat = nullptr;
    QSpinBox* m_startYear = nullptr;
    QLineEdit* m_source = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace maillage::ui
