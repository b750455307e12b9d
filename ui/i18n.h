#pragma once
// User-interface language: French by default, English available. The translators are installed once at
// start-up, before any widget exists (app/gui_main.cpp owns the order).
#include "core/model/error.h"

#include <QString>

#include <exception>

namespace maillage::ui::i18n {

//! Registers the resources compiled into the UI library (translations, icons). Idempotent.
void initResources();

//! Settings key of the language choice: "system" (default), "fr" or "en".
inline const char* const kLanguageSetting = "ui/language";

//! The language to use for a setting value: "fr" or "en" are kept; "system" (or anything else) follows
//! the system locale when it is French or English, and is French otherwise.
QString resolveLanguage(const QString& setting);

//! The saved language setting ("system" when none).
QString savedLanguageSetting();
void saveLanguageSetting(const QString& setting);

//! Installs the application's translator (embedded under :/i18n), Qt's qtbase and QGIS's translators for
//! `language` ("fr" or "en"), replacing those installed by a previous call, tells QGIS the language
//! (QgsApplication::setTranslation) and sets the default QLocale (number formats) to match. Call it after
//! QgsApplication::setPrefixPath() (QGIS's .qm files are found from it) and before initQgis(). Returns
//! false when the application's translation could not be loaded.
bool installTranslators(const QString& language);

//! The language installed by installTranslators() ("" before the first call).
QString currentLanguage();

//! The language in which the engine words its messages for the interface: English when the interface is
//! English, French otherwise (French is the default language of the interface).
Language engineLanguage();

//! An engine error (maillage::Error) in the interface language, files by their name; any other exception
//! by its what().
QString describe(const std::exception& error);
//! An engine warning in the interface language, with its location (files by their name) and details.
QString describe(const Warning& warning);
//! The file an engine error names, in full and with native separators ("" when none): for a tooltip or
//! the details of a message box, the message itself naming the file only.
QString errorFile(const std::exception& error);

} // namespace maillage::ui::i18n
