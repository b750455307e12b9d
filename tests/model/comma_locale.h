#pragma once
// A C locale whose decimal mark is a comma (LC_NUMERIC=fr_FR, as QApplication sets it from a French
// user's environment), for the tests that check that the engine's numbers ignore it. Locales are not
// generated here: when none of the candidates is installed, tests skip.
#include <clocale>
#include <cstring>
#include <string>

namespace maillage::testing {

class CommaDecimalLocale {
public:
    CommaDecimalLocale() {
        if (const char* current = std::setlocale(LC_NUMERIC, nullptr))
            m_previous = current;
        for (const char* name : {"fr_FR.UTF-8", "fr_FR.utf8", "fr_FR", "de_DE.UTF-8", "de_DE.utf8", "de_DE",
                                 "fr_BE.UTF-8", "it_IT.UTF-8", "es_ES.UTF-8", "nl_NL.UTF-8", "ru_RU.UTF-8"}) {
            if (std::setlocale(LC_NUMERIC, name) && std::strcmp(std::localeconv()->decimal_point, ",") == 0) {
                m_name = name;
                return;
            }
        }
        std::setlocale(LC_NUMERIC, m_previous.c_str());
    }
    ~CommaDecimalLocale() { std::setlocale(LC_NUMERIC, m_previous.c_str()); }
    CommaDecimalLocale(const CommaDecimalLocale&) = delete;
    CommaDecimalLocale& operator=(const CommaDecimalLocale&) = delete;

    bool active() const { return !m_name.empty(); }
    const std::string& name() const { return m_name; }

private:
    std::string m_previous = "C";
    std::string m_name;
};

} // namespace maillage::testing

//! Sets a comma-decimal LC_NUMERIC for the scope of the test, or skips the test when none is installed.
#define MAILLAGE_REQUIRE_COMMA_DECIMAL_LOCALE(variable)                                                      \
    maillage::testing::CommaDecimalLocale variable;                                                          \
    if (!variable.active())                                                                                  \
        QSKIP("no locale with a decimal comma is installed (tried fr_FR.UTF-8, de_DE.UTF-8...; see "         \
              "`locale -a`)");
