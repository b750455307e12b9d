<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>maillage::ui::print::PrintText</name>
    <message numerus="yes">
        <location filename="../ui/print/territory_content.cpp" line="+65"/>
        <source>%n pôle(s): %1</source>
        <translation>
            <numerusform>%n pôle: %1</numerusform>
            <numerusform>%n pôles: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>%n bassin(s) de vie</source>
        <translation>
            <numerusform>%n bassin de vie</numerusform>
            <numerusform>%n bassins de vie</numerusform>
        </translation>
    </message>
</context>
</TS>
