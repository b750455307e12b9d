<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>maillage::ui::MapLayers</name>
    <message numerus="yes">
        <location filename="../ui/map_layers.cpp" line="+568"/>
        <source>%n population-weighted quantile class(es)</source>
        <translation>
            <numerusform>%n population-weighted quantile class</numerusform>
            <numerusform>%n population-weighted quantile classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n quantile class(es)</source>
        <translation>
            <numerusform>%n quantile class</numerusform>
            <numerusform>%n quantile classes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n class(es) of natural breaks</source>
        <translation>
            <numerusform>%n class of natural breaks</numerusform>
            <numerusform>%n classes of natural breaks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n class(es) of equal width</source>
        <translation>
            <numerusform>%n class of equal width</numerusform>
            <numerusform>%n classes of equal width</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n class(es) of fixed limits</source>
        <translation>
            <numerusform>%n class of fixed limits</numerusform>
            <numerusform>%n classes of fixed limits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::ui::PolesPanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/poles_panel.cpp" line="+1069"/>
        <source>(over the %n bassins de vie whose change is shown)</source>
        <translation>
            <numerusform>(over the bassin de vie whose change is shown)</numerusform>
            <numerusform>(over the %n bassins de vie whose change is shown)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::ui::SensitivityPanel</name>
    <message numerus="yes">
        <location filename="../ui/panels/sensitivity_panel.cpp" line="+198"/>
        <source>%n bassins de vie change type within the range.</source>
        <translation>
            <numerusform>%n bassin de vie changes type within the range.</numerusform>
            <numerusform>%n bassins de vie change type within the range.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::ui::WorkshopMode</name>
    <message numerus="yes">
        <location filename="../ui/workshop.cpp" line="+733"/>
        <source>%n slide(s)</source>
        <translation>
            <numerusform>%n slide</numerusform>
            <numerusform>%n slides</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::ui::ZonageView</name>
    <message numerus="yes">
        <location filename="../ui/panels/sensitivity_zonage.cpp" line="+172"/>
        <source>%1: %Ln communes, %2 inhabitants</source>
        <translation>
            <numerusform>%1: %Ln commune, %2 inhabitants</numerusform>
            <numerusform>%1: %Ln communes, %2 inhabitants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%Ln communes change class.</source>
        <translation>
            <numerusform>%Ln commune changes class.</numerusform>
            <numerusform>%Ln communes change class.</numerusform>
        </translation>
    </message>
</context>
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
        <location line="+67"/>
        <source>%n bassin(s) de vie</source>
        <translation>
            <numerusform>%n bassin de vie</numerusform>
            <numerusform>%n bassins de vie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+330"/>
        <source>The %n selected bassins de vie (%1)</source>
        <translation>
            <numerusform>The selected bassin de vie (%1)</numerusform>
            <numerusform>The %n selected bassins de vie (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/print/report.cpp" line="+241"/>
        <source>%n région(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
</context>
</TS>
