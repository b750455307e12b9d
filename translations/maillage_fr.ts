<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>ExportLayout</name>
    <message>
        <location filename="../ui/print/print_tools.cpp" line="+225"/>
        <source>Fictional data (demonstration dataset)</source>
        <translation>Données fictives (jeu de démonstration)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sources: %1</source>
        <translation>Sources : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Map: Maillage, %1</source>
        <translation>Carte : Maillage, %1</translation>
    </message>
    <message>
        <location filename="../ui/export_layout.cpp" line="+169"/>
        <source>Health care pôles</source>
        <translation>Pôles d&apos;offre de soins</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bassins de vie by type of pôle, %1 data</source>
        <translation>Bassins de vie par type de pôle, données %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Communes, accessibility (APL, DREES method): professionals per 100,000 inhabitants within reach</source>
        <translation>Communes, accessibilité (APL, méthode de la DREES) : professionnels pour 100 000 habitants accessibles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Communes, professionals per 10,000 inhabitants</source>
        <translation>Communes, professionnels pour 10 000 habitants</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../ui/print/print_tools.cpp" line="+19"/>
        <source>Cannot write in the folder %1.</source>
        <translation>Impossible d&apos;écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/export_layout.cpp" line="+96"/>
        <source>Not enough memory to export the map at %1 dpi.</source>
        <translation>Mémoire insuffisante pour exporter la carte à %1 dpi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The map could not be exported to %1.</source>
        <translation>La carte n&apos;a pas pu être exportée vers %1.</translation>
    </message>
    <message>
        <location filename="../ui/print/print_tools.cpp" line="+27"/>
        <source>The exported map could not be saved as %1.</source>
        <translation>La carte exportée n&apos;a pas pu être enregistrée sous %1.</translation>
    </message>
</context>
<context>
    <name>PanelTable</name>
    <message>
        <location filename="../ui/panels/panel_table.cpp" line="+64"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the selected rows (all rows when none is selected) with the header, to paste into a spreadsheet</source>
        <translation>Copier les lignes sélectionnées (toutes si aucune ne l&apos;est) avec l&apos;en-tête, à coller dans un tableur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy all</source>
        <translation>Tout copier</translation>
    </message>
    <message>
        <location filename="../ui/panels/table_export.cpp" line="+103"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for French spreadsheets (*.csv)</source>
        <translation>CSV pour tableurs en français (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenDocument spreadsheet (*.ods)</source>
        <translation>Classeur OpenDocument (*.ods)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+13"/>
        <source>Export the table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table could not be exported.

%1</source>
        <translation>Le tableau n&apos;a pas pu être exporté.

%1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the table (CSV, CSV for French spreadsheets, XLSX, ODS)</source>
        <translation>Exporter le tableau (CSV, CSV pour tableurs en français, XLSX, ODS)</translation>
    </message>
</context>
<context>
    <name>ProfessionChooser</name>
    <message>
        <location filename="../ui/panels/profession_chooser.cpp" line="+58"/>
        <source>%1 (no data)</source>
        <translation>%1 (aucune donnée)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All professions</source>
        <translation>Toutes les professions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First-line care (proximité)</source>
        <translation>Soins de premier recours (proximité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profession de pôle</source>
        <translation>Profession de pôle</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The dataset holds no count of this profession (its source does not count it)</source>
        <translation>Le jeu de données ne compte pas cette profession (sa source ne la recense pas)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="+707"/>
        <source>&lt;h2&gt;Maillage: pôles d&apos;offre de soins&lt;/h2&gt;&lt;p&gt;Each bassin de vie is classified by the number N of health professionals of the selected year. The rules are applied in order; the first that holds gives the type.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Maillage : pôles d&apos;offre de soins&lt;/h2&gt;&lt;p&gt;Chaque bassin de vie est classé selon le nombre N de professionnels de santé de l&apos;année choisie. Les règles s&apos;appliquent dans l&apos;ordre ; la première vérifiée donne le type.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;tr&gt;&lt;th&gt;Type&lt;/th&gt;&lt;th&gt;Rule (current parameters)&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th&gt;Type&lt;/th&gt;&lt;th&gt;Règle (paramètres actuels)&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;tr&gt;&lt;td&gt;1 — Pôle de grande métropole&lt;/td&gt;&lt;td&gt;N &amp;gt; %1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;1 — Pôle de grande métropole&lt;/td&gt;&lt;td&gt;N &amp;gt; %1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;tr&gt;&lt;td&gt;2 — Grand pôle&lt;/td&gt;&lt;td&gt;%1 ≤ N ≤ %2&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;2 — Grand pôle&lt;/td&gt;&lt;td&gt;%1 ≤ N ≤ %2&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;tr&gt;&lt;td&gt;3 — Pôle intermédiaire&lt;/td&gt;&lt;td&gt;%1 ≤ N &amp;lt; %2, pôle professions ≥ %3 of N, psychiatric nurses ≤ %4 of N&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;3 — Pôle intermédiaire&lt;/td&gt;&lt;td&gt;%1 ≤ N &amp;lt; %2, professions de pôle ≥ %3 de N, infirmiers en psychiatrie ≤ %4 de N&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;tr&gt;&lt;td&gt;4 — Pôle secondaire&lt;/td&gt;&lt;td&gt;not 1–3, and N outside psychiatry ≥ %1&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;4 — Pôle secondaire&lt;/td&gt;&lt;td&gt;ni 1 à 3, et N hors psychiatrie ≥ %1&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;tr&gt;&lt;td&gt;Hors pôle&lt;/td&gt;&lt;td&gt;everything else&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;Hors pôle&lt;/td&gt;&lt;td&gt;tous les autres&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;The map&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Click a bassin de vie to select it: the panels show its figures and the reason of its type. Shift-click adds to the selection.&lt;/li&gt;&lt;li&gt;Commune boundaries and names appear when you zoom in.&lt;/li&gt;&lt;li&gt;Type a name in the search field (accents optional) to go to a bassin de vie or a commune.&lt;/li&gt;&lt;li&gt;Parameters (Ctrl+,) change the thresholds: the map and the legend follow at once.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;La carte&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Cliquez sur un bassin de vie pour le sélectionner : les panneaux montrent ses chiffres et la raison de son type. Maj+clic l&apos;ajoute à la sélection.&lt;/li&gt;&lt;li&gt;Les limites et les noms des communes apparaissent quand on zoome.&lt;/li&gt;&lt;li&gt;Tapez un nom dans le champ de recherche (accents facultatifs) pour aller à un bassin de vie ou à une commune.&lt;/li&gt;&lt;li&gt;Les paramètres (Ctrl+,) changent les seuils : la carte et la légende suivent aussitôt.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;h3&gt;Shortcuts&lt;/h3&gt;&lt;table cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O&lt;/td&gt;&lt;td&gt;Open a dataset&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+I&lt;/td&gt;&lt;td&gt;Import official files&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;Export the map&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+P&lt;/td&gt;&lt;td&gt;Export the map as PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;Search a place&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+B&lt;/td&gt;&lt;td&gt;Bookmark the view&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Shift+F&lt;/td&gt;&lt;td&gt;Whole territory&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F1&lt;/td&gt;&lt;td&gt;This help&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;h3&gt;Raccourcis&lt;/h3&gt;&lt;table cellpadding=&apos;2&apos;&gt;&lt;tr&gt;&lt;td&gt;Ctrl+O&lt;/td&gt;&lt;td&gt;Ouvrir un jeu de données&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+I&lt;/td&gt;&lt;td&gt;Importer des fichiers officiels&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+E&lt;/td&gt;&lt;td&gt;Exporter la carte&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+P&lt;/td&gt;&lt;td&gt;Exporter la carte en PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+F&lt;/td&gt;&lt;td&gt;Chercher un lieu&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+B&lt;/td&gt;&lt;td&gt;Mettre la vue en signet&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ctrl+Maj+F&lt;/td&gt;&lt;td&gt;Tout le territoire&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;F1&lt;/td&gt;&lt;td&gt;Cette aide&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;&lt;b&gt;The demonstration dataset is fictional&lt;/b&gt;: its territory, places and counts are generated and describe no real place.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Le jeu de démonstration est fictif&lt;/b&gt; : son territoire, ses lieux et ses effectifs sont générés et ne décrivent aucun lieu réel.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maillage help</source>
        <translation>Aide de Maillage</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Pôles d&apos;offre de soins, maillage and Crunch diagnostics for regional health observatories (ORS) and elected officials.&lt;/p&gt;&lt;p&gt;Built on QGIS %2, Qt %3, GDAL, GEOS and PROJ.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Maillage %1&lt;/h3&gt;&lt;p&gt;Pôles d&apos;offre de soins, maillage et diagnostics de Crunch pour les observatoires régionaux de santé (ORS) et les élus.&lt;/p&gt;&lt;p&gt;Construit sur QGIS %2, Qt %3, GDAL, GEOS et PROJ.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;Dataset: %1&lt;br&gt;Profession catalogue: the one stored in this dataset (%2 professions).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Jeu de données : %1&lt;br&gt;Catalogue des professions : celui enregistré dans ce jeu de données (%2 professions).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;Profession catalogue: the one built into the application (%1 professions, resources/professions.csv).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Catalogue des professions : celui intégré à l&apos;application (%1 professions, resources/professions.csv).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;b&gt;The data shown are fictional&lt;/b&gt; (demonstration dataset).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Les données affichées sont fictives&lt;/b&gt; (jeu de démonstration).&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Maillage</source>
        <translation>À propos de Maillage</translation>
    </message>
    <message>
        <location filename="../ui/workshop_slides.cpp" line="+79"/>
        <source>the slides are not a JSON array (%1 at character %2)</source>
        <translation>les diapositives ne sont pas un tableau JSON (%1 au caractère %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>un objet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>slides %1 skipped: each needs a name and an extent (xmin, ymin, xmax, ymax)</source>
        <translation>diapositives %1 ignorées : chacune doit avoir un nom et une emprise (xmin, ymin, xmax, ymax)</translation>
    </message>
</context>
<context>
    <name>maillage::ui::AddDataDialog</name>
    <message>
        <location filename="../ui/add_data_dialog.cpp" line="+42"/>
        <source>Add data to the dataset</source>
        <translation>Ajouter des données au jeu de données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Home–work (commuting)</source>
        <translation>Domicile-travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Travel times</source>
        <translation>Temps de trajet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Travel-time matrix</source>
        <translation>Matrice des temps de trajet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observed flows</source>
        <translation>Flux observés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of flows</source>
        <translation>Type de flux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooperations</source>
        <translation>Coopérations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared cooperations</source>
        <translation>Coopérations déclarées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone polygons</source>
        <translation>Polygones des zones</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Population per zone</source>
        <translation>Population par zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zones → quartiers</source>
        <translation>Zones → quartiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health facilities (BPE)</source>
        <translation>Équipements de santé (BPE)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health facilities (BPE D1xx), year</source>
        <translation>Équipements de santé (BPE D1xx), année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Quartiers prioritaires (QPV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPV polygons</source>
        <translation>Polygones des QPV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register of professionals</source>
        <translation>Registre des professionnels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This dataset has no file (the generated demo): the data are added to the open map only.</source>
        <translation>Ce jeu de données n&apos;a pas de fichier (la démonstration générée)&#xa0;: les données sont ajoutées à la carte ouverte seulement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each file given replaces the dataset&apos;s (travel times, flows, zones, QPV, facilities of its year) or adds to it (cooperations). %1 is rewritten when all are read.</source>
        <translation>Chaque fichier donné remplace celui du jeu de données (temps de trajet, flux, zones, QPV, équipements de son année) ou s&apos;y ajoute (coopérations). %1 est réécrit quand tous sont lus.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Nothing to add: choose at least one file.</source>
        <translation>Rien à ajouter&#xa0;: choisissez au moins un fichier.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adding data</source>
        <translation>Ajout de données</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Adding was canceled: the dataset is unchanged.</source>
        <translation>Ajout annulé&#xa0;: le jeu de données est inchangé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was added: %1</source>
        <translation>Rien n’a été ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Added: %1 travel times, %2 flows, %3 cooperations, %4 zones, %5 QPV, %6 facility records in the dataset.</source>
        <translation>Ajouté&#xa0;: le jeu de données compte %1 temps de trajet, %2 flux, %3 coopérations, %4 zones, %5 QPV, %6 enregistrements d&apos;équipements.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ChangeLayer</name>
    <message>
        <location filename="../ui/change_layer.cpp" line="+152"/>
        <source>Statistical secrecy</source>
        <translation>Secret statistique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stable / within noise</source>
        <translation>Stable / dans le bruit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 and less</source>
        <translation>%1 et moins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 and more</source>
        <translation>%1 et plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All professions</source>
        <translation>Toutes professions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: change %2 → %3</source>
        <translation>%1 : évolution %2 → %3</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ChangePanel</name>
    <message>
        <location filename="../ui/panels/change_panel.cpp" line="+71"/>
        <source>Only the years with an earlier year of the same source are offered: the practice sites of the BPE are not compared with the people of a register</source>
        <translation>Seules les années précédées d&apos;une année de la même source sont proposées&#xa0;: les lieux d&apos;exercice de la BPE ne sont pas comparés aux personnes d&apos;un registre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bassins de vie</source>
        <translation>Bassins de vie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the change</source>
        <translation>Afficher l&apos;évolution</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>A change needs two years of counts from the same source: this dataset has none.</source>
        <translation>Une évolution demande deux années d&apos;effectifs de la même source&#xa0;: ce jeu de données n&apos;en a pas.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Computing the change…</source>
        <translation>Calcul de l&apos;évolution…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Statistical secrecy applied: counts under %1 and what gives them back are masked.</source>
        <translation>Secret statistique appliqué&#xa0;: les effectifs inférieurs à %1 et ce qui permet de les retrouver sont masqués.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Professionals of all professions counted in each pôle, per year, as the source counts them.</source>
        <translation>Professionnels de toutes les professions comptés dans chaque pôle, par année, tels que la source les compte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These are not the masses compared with the pôle thresholds: for these data the thresholds are multiplied by %1.</source>
        <translation>Ce ne sont pas les masses comparées aux seuils des pôles : pour ces données, les seuils sont multipliés par %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The change was cancelled.</source>
        <translation>Le calcul de l&apos;évolution a été annulé.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ChartImage</name>
    <message>
        <location filename="../ui/panels/chart_image.cpp" line="+42"/>
        <source>%1 is not a regular file: choose a file name.</source>
        <translation>%1 n&apos;est pas un fichier ordinaire&#xa0;: choisissez un nom de fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write in the folder %1.</source>
        <translation>Impossible d&apos;écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The chart could not be saved as %1.</source>
        <translation>Le graphique n&apos;a pas pu être enregistré sous %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy image</source>
        <translation>Copier l&apos;image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export image…</source>
        <translation>Exporter l&apos;image…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>maillage::ui::CooperationEditor</name>
    <message>
        <location filename="../ui/cooperation_editor.cpp" line="+70"/>
        <source>Declared cooperations</source>
        <translation>Coopérations déclarées</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. CHT du Valenciennois</source>
        <translation>par ex. CHT du Valenciennois</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Commune name or code</source>
        <translation>Nom ou code de commune</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add member</source>
        <translation>Ajouter le membre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove member</source>
        <translation>Retirer le membre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The declared seat or hub of the cooperation</source>
        <translation>Le siège ou pivot déclaré de la coopération</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+140"/>
        <source>not declared</source>
        <translation>non déclaré</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>e.g. ARS Hauts-de-France, 2016</source>
        <translation>par ex. ARS Hauts-de-France, 2016</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cooperation</source>
        <translation>Coopération</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start year</source>
        <translation>Année de début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add as new</source>
        <translation>Ajouter comme nouvelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply changes</source>
        <translation>Appliquer les modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writes the cooperations into the dataset file</source>
        <translation>Écrit les coopérations dans le fichier du jeu de données</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>“%1” names several communes: %2. Add the département, e.g. “%1 (59)”, or give the code.</source>
        <translation>«&#xa0;%1&#xa0;» désigne plusieurs communes&#xa0;: %2. Ajoutez le département, par ex. «&#xa0;%1 (59)&#xa0;», ou donnez le code.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is no commune of the dataset: expected a commune name or code.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une commune du jeu de données&#xa0;: un nom ou un code de commune était attendu.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Add “%1”</source>
        <translation>Ajouter «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit “%1”</source>
        <translation>Modifier «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete “%1”</source>
        <translation>Supprimer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The dataset has no file (the demo): save it first with File &gt; Save as.</source>
        <translation>Le jeu de données n&apos;a pas de fichier (la démonstration)&#xa0;: enregistrez-le d&apos;abord par Fichier &gt; Enregistrer sous.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save the changes to the cooperations?</source>
        <translation>Enregistrer les modifications des coopérations&#xa0;?</translation>
    </message>
</context>
<context>
    <name>maillage::ui::DatabaseDialog</name>
    <message>
        <location filename="../ui/database_dialog.cpp" line="+45"/>
        <source>Open from a database</source>
        <translation>Ouvrir depuis une base de données</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other connection (type it below)</source>
        <translation>Autre connexion (saisissez-la ci-dessous)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>service=ors  or  host=… dbname=… user=…</source>
        <translation>service=ors  ou  host=… dbname=… user=…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PostgreSQL connection without password: the password comes from PGPASSWORD, ~/.pgpass or the service file</source>
        <translation>Une connexion PostgreSQL sans mot de passe&#xa0;: le mot de passe vient de PGPASSWORD, de ~/.pgpass ou du fichier de service</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the datasets</source>
        <translation>Lister les jeux de données</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved connection:</source>
        <translation>Connexion enregistrée&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection:</source>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No Maillage dataset on this database.</source>
        <translation>Aucun jeu de données Maillage dans cette base.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::DensityClassesChooser</name>
    <message>
        <location filename="../ui/panels/density_classes.cpp" line="+24"/>
        <source>How the classes of the density map are chosen. Weighted by population, each class holds about as many inhabitants: a few tiny communes, whose density jumps with one professional, cannot make the top class on their own.</source>
        <translation>Comment les classes de la carte des densités sont choisies. Pondérées par la population, les classes comptent à peu près autant d&apos;habitants chacune&#xa0;: quelques toutes petites communes, dont la densité bondit avec un seul professionnel, ne font pas à elles seules la classe la plus haute.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantiles weighted by population</source>
        <translation>Quantiles pondérés par la population</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Seuils naturels (Jenks)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equal intervals</source>
        <translation>Intervalles égaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed limits</source>
        <translation>Limites fixées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 5; 10; 20</source>
        <translation>par ex. 5; 10; 20</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+37"/>
        <source>Limits between the classes, ascending, separated by semicolons</source>
        <translation>Limites entre les classes, croissantes, séparées par des points-virgules</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Limit %1 (&quot;%2&quot;) is not a number. Expected numbers separated by semicolons, e.g. 5; 10; 20.</source>
        <translation>La limite %1 («&#xa0;%2&#xa0;») n&apos;est pas un nombre. Des nombres séparés par des points-virgules étaient attendus, par ex. 5; 10; 20.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Limit %1 (%2) is not above the one before (%3). Expected ascending limits.</source>
        <translation>La limite %1 (%2) n&apos;est pas supérieure à la précédente (%3). Des limites croissantes étaient attendues.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::DensityPanel</name>
    <message>
        <location filename="../ui/panels/density_panel.cpp" line="+89"/>
        <location line="+3"/>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 per %1</source>
        <translation>1 pour %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Fewer than %1 professionals: masked (statistical secrecy)</source>
        <translation>Moins de %1 professionnels : masqué (secret statistique)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One professional for %1 inhabitants</source>
        <translation>Un professionnel pour %1 habitants</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Double-click to see the quartiers of %1</source>
        <translation>Double-cliquez pour voir les quartiers de %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Quartier</source>
        <translation>Quartier</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+436"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="-434"/>
        <source>Pop.</source>
        <translation>Pop.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prof.</source>
        <translation>Prof.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Professionals</source>
        <translation>Professionnels</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ratio</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Density: professionals per 10,000 inhabitants</source>
        <translation>Densité : professionnels pour 10 000 habitants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ratio: one professional for so many inhabitants</source>
        <translation>Ratio : un professionnel pour tant d&apos;habitants</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Year of the counts of professionals (also used for the pôles)</source>
        <translation>Année des effectifs de professionnels (utilisée aussi pour les pôles)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Colour the communes by the professionals within reach, shared with the population that also reaches them (two-step floating catchment), rather than by the professionals located in the commune</source>
        <translation>Colorer les communes selon les professionnels accessibles, partagés avec la population qui y accède aussi (méthode à deux étapes, 2SFCA), plutôt que selon les professionnels installés dans la commune</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset map colouring</source>
        <translation>Rétablir les couleurs de la carte</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+179"/>
        <location line="+280"/>
        <source>Choose a profession to colour the communes by density.</source>
        <translation>Choisissez une profession pour colorer les communes selon la densité.</translation>
    </message>
    <message>
        <location line="-456"/>
        <source>Accessibility and zonage</source>
        <translation>Accessibilité et zonage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Quartiers prioritaires (QPV)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Who the professionals are</source>
        <translation>Qui sont les professionnels</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>‹ Back</source>
        <translation>‹ Retour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the communes of the bassin de vie</source>
        <translation>Retour aux communes du bassin de vie</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The colouring of the map was cancelled.</source>
        <translation>La coloration de la carte a été annulée.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>All professions</source>
        <translation>Toutes les professions</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No quartiers are loaded for %1.</source>
        <translation>Aucun quartier n&apos;est chargé pour %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a bassin de vie on the map or in the Pôles panel.</source>
        <translation>Sélectionnez un bassin de vie sur la carte ou dans le panneau Pôles.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No dataset open.</source>
        <translation>Aucun jeu de données ouvert.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The densities could not be computed: %1</source>
        <translation>Les densités n&apos;ont pas pu être calculées : %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Commune: %1</source>
        <translation>Commune : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BV</source>
        <translation>BV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bassin de vie: %1</source>
        <translation>Bassin de vie : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dép.</source>
        <comment>département, abbreviated</comment>
        <translation>Dép.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Département: %1</source>
        <translation>Département : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Région</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <comment>the whole territory</comment>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whole territory: %1</source>
        <translation>Tout le territoire : %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sources recorded in the dataset:
%1</source>
        <translation>Sources enregistrées dans le jeu de données :
%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Map: %1.</source>
        <translation>Carte&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Région: %1</source>
        <translation>Région : %1</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>Accessibility (APL)</source>
        <translation>Accessibilité (APL)</translation>
    </message>
    <message>
        <location line="+364"/>
        <source>communes: %1</source>
        <translation>communes : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>other BVs selected: %1</source>
        <translation>autres BV sélectionnés : %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Counts under %1 are masked (statistical secrecy), as are the figures derived from them.</source>
        <translation>Les effectifs inférieurs à %1 sont masqués (secret statistique), ainsi que les chiffres qui en découlent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all professions</source>
        <translation>toutes professions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2.</source>
        <translation>%1, %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sources: %1.</source>
        <translation>Sources : %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fictional data.</source>
        <translation>Données fictives.</translation>
    </message>
    <message>
        <location line="-307"/>
        <source>The map could not be coloured: %1</source>
        <translation>La carte n&apos;a pas pu être colorée : %1</translation>
    </message>
</context>
<context>
    <name>maillage::ui::EarlyWarningLayer</name>
    <message>
        <location filename="../ui/early_warning_layer.cpp" line="+84"/>
        <source>Pôles at risk</source>
        <translation>Pôles menacés</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ExportDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="-302"/>
        <location line="+114"/>
        <source>Export the map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing</source>
        <translation>Dessin SVG</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source line</source>
        <translation>Ligne des sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The map could not be exported.</source>
        <translation>La carte n&apos;a pas pu être exportée.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ImportWizard</name>
    <message>
        <location filename="../ui/import_wizard.cpp" line="+86"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)</source>
        <translation>Tableaux (*.csv *.txt *.tsv *.xlsx *.ods);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Import official files</source>
        <translation>Importer des fichiers officiels</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>first layer</source>
        <translation>première couche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Hauts-de-France</source>
        <translation>par ex. Hauts-de-France</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+509"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location line="-507"/>
        <location line="+6"/>
        <source>Commune polygons</source>
        <translation>Polygones des communes</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The communes of the territory (IGN Admin Express or any GeoPackage, Shapefile, GeoJSON), reprojected to Lambert-93. The bassins de vie are dissolved from them.</source>
        <translation>Les communes du territoire (IGN Admin Express ou tout GeoPackage, Shapefile, GeoJSON), reprojetées en Lambert-93. Les bassins de vie en sont issus par fusion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+72"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>Vector data (*.gpkg *.shp *.geojson *.json);;All files (*)</source>
        <translation>Données vectorielles (*.gpkg *.shp *.geojson *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code field</source>
        <translation>Champ du code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name field</source>
        <translation>Champ du nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title of the dataset</source>
        <translation>Titre du jeu de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of the commune list (COG)</source>
        <translation>Millésime du COG (liste des communes)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Detect (BV2012 or BV2022)</source>
        <translation>Détecter (BV2012 ou BV2022)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bassins de vie</source>
        <translation>Bassins de vie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>INSEE&apos;s table of the communes and their bassin de vie (CODGEO, BV2012 or BV2022). Leave empty when the polygons carry a bv field.</source>
        <translation>La table d&apos;appartenance de l&apos;Insee des communes à leur bassin de vie (CODGEO, BV2012 ou BV2022). Laisser vide si les polygones portent un champ bv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+21"/>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Commune → bassin de vie table</source>
        <translation>Table commune → bassin de vie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoning</source>
        <translation>Zonage</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <location line="+381"/>
        <source>First rows</source>
        <translation>Premières lignes</translation>
    </message>
    <message>
        <location line="-388"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population per commune (optional, needed for densities).</source>
        <translation>Population par commune (facultatif, nécessaire aux densités).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Population table</source>
        <translation>Table de population</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+380"/>
        <source>Commune code column</source>
        <translation>Colonne du code commune</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>Population column</source>
        <translation>Colonne de la population</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One source per line, e.g. INSEE, BPE 2013</source>
        <translation>Une source par ligne, par ex. Insee, BPE 2013</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all; or e.g. 59,62</source>
        <translation>tous ; ou par ex. 59,62</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all; or e.g. 32</source>
        <translation>toutes ; ou par ex. 32</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health professionals</source>
        <translation>Professionnels de santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counts per commune and profession (RPPS, ADELI or INSEE BPE; long or wide tables). Add one file per year: two years allow evolution analyses.</source>
        <translation>Effectifs par commune et profession (RPPS, ADELI ou BPE de l&apos;Insee ; tables longues ou larges). Ajoutez un fichier par année : deux années permettent d&apos;analyser les évolutions.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep only the départements</source>
        <translation>Ne garder que les départements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep only the région</source>
        <translation>Ne garder que la région</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Professionals per commune</source>
        <translation>Professionnels par commune</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Home–work (commuting)</source>
        <translation>Domicile-travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Links between pôles</source>
        <translation>Liens entre pôles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: a commune × commune travel-time matrix (minutes or seconds), observed flows between communes (e.g. INSEE&apos;s commuting flows) and declared cooperations. Columns are detected; the last page reports what did not match.</source>
        <translation>Facultatif&#xa0;: une matrice de temps de trajet commune × commune (minutes ou secondes), des flux observés entre communes (par ex. les navettes domicile-travail de l&apos;INSEE) et des coopérations déclarées. Les colonnes sont détectées&#xa0;; la dernière page indique ce qui ne correspond pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Travel times</source>
        <translation>Temps de trajet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel-time matrix</source>
        <translation>Matrice des temps de trajet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observed flows</source>
        <translation>Flux observés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of flows</source>
        <translation>Type de flux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooperations</source>
        <translation>Coopérations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared cooperations</source>
        <translation>Coopérations déclarées</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register of professionals</source>
        <translation>Registre des professionnels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: a register of individual professionals (the RPPS extraction of the Annuaire santé, or a CSV of the generic layout). Its counts become a year of the dataset; professionals, sites and ages are kept for the profiles.</source>
        <translation>Facultatif&#xa0;: un registre de professionnels nominatif (l&apos;extraction RPPS de l&apos;Annuaire santé, ou un CSV au format générique). Ses effectifs deviennent une année du jeu de données&#xa0;; professionnels, sites et âges sont gardés pour les profils.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Check and save</source>
        <translation>Vérifier et enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The files are read and joined. Codes that do not match (merged communes, another COG year) are listed below: check them before saving.</source>
        <translation>Les fichiers sont lus et joints. Les codes sans correspondance (communes fusionnées, autre millésime du COG) sont listés ci-dessous : vérifiez-les avant d&apos;enregistrer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel the import</source>
        <translation>Annuler l&apos;import</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the dataset</source>
        <translation>Enregistrer le jeu de données</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save and open</source>
        <translation>Enregistrer et ouvrir</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The import was canceled.</source>
        <translation>L&apos;import a été annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import failed: %1</source>
        <translation>L&apos;import a échoué : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 communes in %2 bassins de vie. Check the joins below, then save.</source>
        <translation>%1 communes dans %2 bassins de vie. Vérifiez les jointures ci-dessous, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Columns of the selected file</source>
        <translation>Colonnes du fichier sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long: one row per commune and profession</source>
        <translation>Long&#xa0;: une ligne par commune et profession</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wide: one column per profession</source>
        <translation>Large&#xa0;: une colonne par profession</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>detect</source>
        <translation>détecter</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Layout</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profession column</source>
        <translation>Colonne de la profession</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count column</source>
        <translation>Colonne de l&apos;effectif</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Quartiers and QPV</source>
        <translation>Quartiers et QPV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional: zones below the commune (IRIS or quartiers) with their population, grouping and professionals, and the quartiers prioritaires (QPV).</source>
        <translation>Facultatif&#xa0;: zones sous la commune (IRIS ou quartiers) avec leur population, leur regroupement et leurs professionnels, et les quartiers prioritaires (QPV).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zone polygons</source>
        <translation>Polygones des zones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone code field</source>
        <translation>Champ du code de zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone name field</source>
        <translation>Champ du nom de zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commune field</source>
        <translation>Champ de la commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Population per zone</source>
        <translation>Population par zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zones → quartiers</source>
        <translation>Zones → quartiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Professionals per zone</source>
        <translation>Professionnels par zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Professionals per zone, year</source>
        <translation>Professionnels par zone, année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Quartiers prioritaires (QPV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QPV polygons</source>
        <translation>Polygones des QPV</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Registers</source>
        <translation>Registres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 professionals, %3 counted in the communes (%4)%5</source>
        <translation>%1&#xa0;: %2 professionnels, %3 comptés dans les communes (%4)%5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; it replaces the counts of that year</source>
        <translation>&#xa0;; il remplace les effectifs de cette année</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Joins</source>
        <translation>Jointures</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2: every code matches.</source>
        <translation>%1 → %2 : tous les codes correspondent.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No join to report.</source>
        <translation>Aucune jointure à signaler.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings (%1)</source>
        <translation>Avertissements (%1)</translation>
    </message>
</context>
<context>
    <name>maillage::ui::JoinPreviewPage</name>
    <message>
        <location filename="../ui/wizard_join_preview.cpp" line="+24"/>
        <source>%1 of %2 codes of %3 found in %4</source>
        <translation>%1 codes sur %2 de %3 trouvés dans %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; %1 professionals left out (%2)</source>
        <translation> ; %1 professionnels écartés (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 inhabitants concerned</source>
        <translation>&#xa0;; %1 habitants concernés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preview of the joins</source>
        <translation>Aperçu des jointures</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 communes read (COG %2).</source>
        <translation>%1 communes lues (COG %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>… and %1 more</source>
        <translation>… et %1 autres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 codes carried from COG %3 to COG %4.</source>
        <translation>%1&#xa0;: %2 codes reportés du COG %3 au COG %4.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What will join</source>
        <translation>Ce qui va se joindre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files are read and joined as the import will do it, nothing is written yet. Codes that do not match are listed with their likely reason: go back to change a file.</source>
        <translation>Les fichiers sont lus et joints comme l&apos;import le fera, rien n&apos;est encore écrit. Les codes qui ne correspondent pas sont listés avec leur raison probable&#xa0;: revenez en arrière pour changer un fichier.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading and joining the files…</source>
        <translation>Lecture et jointure des fichiers…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check the joins, then go on to import and save.</source>
        <translation>Vérifiez les jointures, puis continuez pour importer et enregistrer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The preview was canceled.</source>
        <translation>L&apos;aperçu a été annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files cannot be joined: %1</source>
        <translation>Les fichiers ne peuvent pas être joints&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MaillageLayers</name>
    <message>
        <location filename="../ui/maillage_layers.cpp" line="+209"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="+192"/>
        <source>Maillage links</source>
        <translation>Liens du maillage</translation>
    </message>
    <message>
        <location filename="../ui/styles/layer_styles.cpp" line="+365"/>
        <source>Dominant link (towards a heavier pôle)</source>
        <translation>Lien dominant (vers un pôle plus lourd)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other link</source>
        <translation>Autre lien</translation>
    </message>
    <message>
        <location filename="../ui/maillage_layers.cpp" line="+31"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="-2"/>
        <source>Pôles</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="-122"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="+1"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../ui/styles/layer_styles.cpp" line="+31"/>
        <source>Observed flows</source>
        <translation>Flux observés</translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../ui/styles/layer_styles.cpp" line="-4"/>
        <source>Declared cooperations</source>
        <translation>Coopérations déclarées</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Modelled vs declared</source>
        <translation>Modélisé / déclaré</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Strong link with no declared cooperation</source>
        <translation>Lien fort sans coopération déclarée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declared cooperation with no strong link</source>
        <translation>Coopération déclarée sans lien fort</translation>
    </message>
    <message>
        <location filename="../ui/styles/layer_styles.cpp" line="-88"/>
        <source>Isolated pôle (no peer within %1)</source>
        <translation>Pôle isolé (aucun pair à moins de %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pôle</source>
        <translation>Pôle</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MaillagePanel</name>
    <message>
        <location filename="../ui/panels/maillage_panel.cpp" line="+121"/>
        <source>%1 – %2: %3 %4, intensity %5%6</source>
        <translation>%1 – %2 : %3 %4, intensité %5%6</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (dominant link of %1)</source>
        <translation> (lien dominant de %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+521"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location line="-519"/>
        <location line="+519"/>
        <source>To</source>
        <translation>Vers</translation>
    </message>
    <message>
        <location line="-473"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Intensity</source>
        <translation>Intensité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dom.</source>
        <comment>dominant link, short column title</comment>
        <translation>Dom.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Distance between the pôles (%1)</source>
        <translation>Distance entre les pôles (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gravity interaction: professionals of both pôles divided by the distance raised to β</source>
        <translation>Interaction gravitaire : professionnels des deux pôles divisés par la distance élevée à la puissance β</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dominant link: the strongest link of a pôle towards a heavier one (the hierarchy of pôles)</source>
        <translation>Lien dominant : le lien le plus fort d&apos;un pôle vers un pôle plus lourd (la hiérarchie des pôles)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Gravity model</source>
        <translation>Modèle gravitaire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Distance exponent β of I = M₁·M₂ / d^β: higher values favour near pôles</source>
        <translation>Exposant de la distance β dans I = M₁·M₂ / d^β : plus il est élevé, plus les pôles proches sont favorisés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponent β</source>
        <translation>Exposant β</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the k strongest links of each pôle (dominant links are always kept)</source>
        <translation>Garder les k liens les plus forts de chaque pôle (les liens dominants sont toujours gardés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links per pôle</source>
        <translation>Liens par pôle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep only links at least this intense (dominant links are always kept)</source>
        <translation>Ne garder que les liens au moins aussi intenses (les liens dominants sont toujours gardés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. intensity</source>
        <translation>Intensité min.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A pôle is isolated when no pôle of equal or higher rank lies within this distance</source>
        <translation>Un pôle est isolé quand aucun pôle de rang égal ou supérieur ne se trouve à moins de cette distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolated beyond</source>
        <translation>Isolé au-delà de</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also on the map</source>
        <translation>Aussi sur la carte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Observed flows</source>
        <translation>Flux observés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cooperations</source>
        <translation>Coopérations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declared cooperations (CHT, GHT, GCS, CPTS…): each member linked to the largest one</source>
        <translation>Coopérations déclarées (CHT, GHT, GCS, CPTS…) : chaque membre relié au plus grand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disagreements</source>
        <translation>Désaccords</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strong modelled or observed links with no declared cooperation (red), declared cooperations with no strong link (orange)</source>
        <translation>Liens forts modélisés ou observés sans coopération déclarée (rouge), coopérations déclarées sans lien fort (orange)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pôle</source>
        <translation>Pôle</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <source>Attraction</source>
        <translation>Attraction</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Flows captured</source>
        <translation>Flux captés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Origins</source>
        <comment>bassins sending flows</comment>
        <translation>Origines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the flows leaving the bassins that send flows to the pôle which the pôle captures</source>
        <translation>Part des flux sortant des bassins qui envoient des flux au pôle que le pôle capte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Modelled vs declared</source>
        <translation>Modélisé / déclaré</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+77"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-77"/>
        <location line="+77"/>
        <location line="+243"/>
        <location line="+1"/>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Straight line (Lambert-93)</source>
        <translation>À vol d&apos;oiseau (Lambert-93)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geodesic</source>
        <translation>Géodésique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Travel time</source>
        <translation>Temps de trajet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Straight-line distance on the Lambert-93 projection</source>
        <translation>Distance à vol d&apos;oiseau dans la projection Lambert-93</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Distance on the ellipsoid</source>
        <translation>Distance sur l&apos;ellipsoïde</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The dataset has no flow table</source>
        <translation>Le jeu de données n&apos;a pas de table de flux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Observed flows aggregated to bassins de vie</source>
        <translation>Flux observés agrégés par bassin de vie</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No dataset open.</source>
        <translation>Aucun jeu de données ouvert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The maillage could not be computed.</source>
        <translation>Le maillage n&apos;a pas pu être calculé.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pôles: %1 · links: %2 · isolated: %3</source>
        <translation>Pôles : %1 · liens : %2 · isolés : %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>and %1 more</source>
        <translation>et %1 de plus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isolated (no peer within %1): %2</source>
        <translation>Isolés (aucun pair à moins de %1) : %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Far from any pôle (over %1): %2 bassins de vie, %3 inhabitants.</source>
        <translation>Loin de tout pôle (plus de %1) : %2 bassins de vie, %3 habitants.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Isolated pôles: %1</source>
        <translation>Pôles isolés : %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Observed flows shown</source>
        <translation>Flux observés affichés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out flows smaller than this (as counted in the file)</source>
        <translation>Écarter les flux inférieurs à cette valeur (comptés comme dans le fichier)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least</source>
        <translation>Au moins</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 km</source>
        <translation>0&#xa0;km</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length (straight line)</source>
        <translation>Longueur (à vol d&apos;oiseau)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>dominant</source>
        <translation>dominant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A modelled link is strong when it is dominant or at least this intense</source>
        <translation>Un lien modélisé est fort s&apos;il est dominant ou au moins aussi intense</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An observed link is strong from this volume (both directions)…</source>
        <translation>Un lien observé est fort à partir de ce volume (deux sens)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> %</source>
        <translation>&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…and this share of the outgoing flows of one of its bassins</source>
        <translation>…et de cette part des flux sortants de l&apos;un de ses bassins</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strong:</source>
        <translation>Fort&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Evidence</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home–work (commuting)</source>
        <translation>Domicile-travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The dataset has no flow table.</source>
        <translation>Le jeu de données n&apos;a pas de table de flux.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 flows between bassins de vie shown</source>
        <translation>%1 flux entre bassins de vie affichés sur %2</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>dominant link</source>
        <translation>lien dominant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intensity %1</source>
        <translation>intensité %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>flow %1</source>
        <translation>flux %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not declared</source>
        <translation>non déclaré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no strong link</source>
        <translation>pas de lien fort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Strong links with no declared cooperation: %1 · declared links with no strong link: %2 (%3 declared pairs)</source>
        <translation>Liens forts sans coopération déclarée&#xa0;: %1 · liens déclarés sans lien fort&#xa0;: %2 (%3 paires déclarées)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Distances in km on the ellipsoid.</source>
        <translation>Distances en km sur l&apos;ellipsoïde.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distances in km, straight line (Lambert-93).</source>
        <translation>Distances en km, à vol d&apos;oiseau (Lambert-93).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distances in minutes from the travel-time matrix where it covers the pair; elsewhere the straight line at %1 km/h.</source>
        <translation>Distances en minutes selon la matrice des temps de trajet quand elle couvre la paire&#xa0;; ailleurs à vol d&apos;oiseau à %1&#xa0;km/h.</translation>
    </message>
    <message>
        <location line="-265"/>
        <source>Every bassin de vie has a pôle within %1.</source>
        <translation>Chaque bassin de vie a un pôle à moins de %1.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="+1476"/>
        <source>This dataset has no commune boundaries (it was imported from a table without geometry): there is no map to draw, but every panel works. Import communes from a GeoPackage, Shapefile or GeoJSON to see the map.</source>
        <translation>Ce jeu de données n&apos;a pas de contours de communes (il a été importé d&apos;une table sans géométrie) : il n&apos;y a pas de carte à dessiner, mais tous les panneaux fonctionnent. Importez les communes depuis un GeoPackage, un Shapefile ou un GeoJSON pour voir la carte.</translation>
    </message>
    <message>
        <location line="-1278"/>
        <source>%1 (commune) — </source>
        <translation>%1 (commune) — </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bassin de vie of %1: %2</source>
        <translation>Bassin de vie de %1 : %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bassin de vie of %1</source>
        <translation>Bassin de vie de %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>QPV %1: its figures are being computed (Densités panel).</source>
        <translation>QPV %1&#xa0;: ses chiffres sont en cours de calcul (panneau Densités).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Zoom to layer</source>
        <translation>Zoomer sur la couche</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Unsaved parameters</source>
        <translation>Paramètres non enregistrés</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&amp;Open dataset…</source>
        <translation>&amp;Ouvrir un jeu de données…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a Maillage dataset (GeoPackage)</source>
        <translation>Ouvrir un jeu de données Maillage (GeoPackage)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open from a &amp;database…</source>
        <translation>Ouvrir depuis une &amp;base de données…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a Maillage dataset shared in a PostgreSQL/PostGIS database</source>
        <translation>Ouvrir un jeu de données Maillage partagé dans une base PostgreSQL/PostGIS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the &amp;demonstration dataset</source>
        <translation>Ouvrir le jeu de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import official files…</source>
        <translation>&amp;Importer des fichiers officiels…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build a dataset from commune polygons, the bassin de vie table, population and professionals</source>
        <translation>Construire un jeu de données à partir des polygones des communes, de la table des bassins de vie, de la population et des professionnels</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add data…</source>
        <translation>&amp;Ajouter des données…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add travel times, flows, cooperations, zones, facilities or QPV to the open dataset</source>
        <translation>Ajouter des temps de trajet, des flux, des coopérations, des zones, des équipements ou des QPV au jeu de données ouvert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export the map…</source>
        <translation>&amp;Exporter la carte…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the current view with title, legend, scale bar and sources</source>
        <translation>Exporter la vue actuelle avec titre, légende, échelle et sources</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export the map as &amp;PDF…</source>
        <translation>Exporter la carte en &amp;PDF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Atlas…</source>
        <translation>&amp;Atlas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PDF of one page per bassin de vie, pôle or département</source>
        <translation>Un PDF d&apos;une page par bassin de vie, pôle ou département</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Territory sheet…</source>
        <translation>&amp;Fiche territoire…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save the parameters in the dataset</source>
        <translation>&amp;Enregistrer les paramètres dans le jeu de données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Parameters…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thresholds of the typology, maillage and densities; language</source>
        <translation>Seuils de la typologie, maillage et densités ; langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Declared &amp;cooperations…</source>
        <translation>&amp;Coopérations déclarées…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List, add, edit and delete the dataset&apos;s declared cooperations</source>
        <translation>Lister, ajouter, modifier et supprimer les coopérations déclarées du jeu de données</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Select a bassin de vie or commune</source>
        <translation>&amp;Sélectionner un bassin de vie ou une commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pan</source>
        <translation>&amp;Déplacer la carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Zoom avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Whole territory</source>
        <translation>&amp;Tout le territoire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find a place…</source>
        <translation>&amp;Chercher un lieu…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Bookmark this view…</source>
        <translation>&amp;Mettre cette vue en signet…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Workshop mode</source>
        <translation>Mode &amp;atelier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen, large labels and slides, for a projector (Esc leaves)</source>
        <translation>Plein écran, grandes étiquettes et diapositives, pour un vidéoprojecteur (Échap pour quitter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Compare two maps</source>
        <translation>&amp;Comparer deux cartes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A second map beside this one, at the same place and scale</source>
        <translation>Une seconde carte à côté de celle-ci, au même endroit et à la même échelle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the &amp;two maps…</source>
        <translation>Exporter les &amp;deux cartes…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+67"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Maillage</source>
        <translation>&amp;À propos de Maillage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent datasets</source>
        <translation>Jeux de données &amp;récents</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Clear the selection</source>
        <translation>&amp;Effacer la sélection</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Signets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hange between two years</source>
        <translation>É&amp;volution entre deux années</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find and year</source>
        <translation>Recherche et année</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to a bassin de vie or a commune…</source>
        <translation>Aller à un bassin de vie ou une commune…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Year </source>
        <translation>Année </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Year of the professionals&apos; counts used by the map and the panels</source>
        <translation>Année des effectifs de professionnels utilisée par la carte et les panneaux</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Pôles and Crunch</source>
        <translation>Pôles et Crunch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maillage</source>
        <translation>Maillage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Densities</source>
        <translation>Densités</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fictional data</source>
        <translation>Données fictives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demonstration dataset describes no real place</source>
        <translation>Le jeu de démonstration ne décrit aucun lieu réel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Coordinates of the cursor in Lambert-93 (EPSG:2154), metres</source>
        <translation>Coordonnées du curseur en Lambert-93 (EPSG:2154), en mètres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Parameters can be changed and applied, but not saved: %1.</source>
        <translation>Les paramètres peuvent être modifiés et appliqués, mais pas enregistrés : %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+11"/>
        <source>Demonstration dataset</source>
        <translation>Jeu de démonstration</translation>
    </message>
    <message>
        <location line="+224"/>
        <source>%1 (register, %2 professionals)</source>
        <translation>%1 (registre, %2 professionnels)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 professionals, sparse)</source>
        <translation>%1 (%2 professionnels, couverture partielle)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Open a dataset first.</source>
        <translation>Ouvrez d&apos;abord un jeu de données.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The consumption weights shipped with Maillage are used but could not be stored in the dataset: %1</source>
        <translation>Les poids de consommation fournis avec Maillage sont utilisés mais n&apos;ont pas pu être enregistrés dans le jeu de données : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The consumption weights shipped with Maillage are used again, stored in %1.</source>
        <translation>Les poids de consommation fournis avec Maillage sont de nouveau utilisés, enregistrés dans %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The consumption weights shipped with Maillage are used again, not stored: %1.</source>
        <translation>Les poids de consommation fournis avec Maillage sont de nouveau utilisés, sans être enregistrés : %1.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the demonstration dataset has no file</source>
        <translation>le jeu de démonstration n&apos;a pas de fichier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a PostgreSQL dataset takes them from maillage add --age-weights</source>
        <translation>un jeu PostgreSQL les reçoit de maillage add --age-weights</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The consumption weights of %1 are used but could not be stored in the dataset: %2</source>
        <translation>Les pondérations de %1 sont utilisées mais n&apos;ont pas pu être enregistrées dans le jeu de données&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consumption weights of %1 stored in %2.</source>
        <translation>Pondérations de %1 enregistrées dans %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consumption weights of %1 used, not stored: %2.</source>
        <translation>Pondérations de %1 utilisées, non enregistrées&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>Territory:</source>
        <translation>Territoire&#xa0;:</translation>
    </message>
    <message>
        <location line="+263"/>
        <source>--panel: no panel is called “%1”; expected one of: %2.</source>
        <translation>--panel : aucun panneau ne s&apos;appelle « %1 » ; noms attendus : %2.</translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+9"/>
        <source>Export the two maps</source>
        <translation>Exporter les deux cartes</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>two-maps.png</source>
        <translation>deux-cartes.png</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Image PNG (*.png);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two maps exported to %1</source>
        <translation>Deux cartes exportées dans %1</translation>
    </message>
    <message>
        <location line="-887"/>
        <source>The demonstration dataset could not be built: %1</source>
        <translation>Le jeu de démonstration n&apos;a pas pu être construit : %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+21"/>
        <source>Open dataset</source>
        <translation>Ouvrir un jeu de données</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1 could not be opened.

%2</source>
        <translation>%1 n&apos;a pas pu être ouvert.

%2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Maillage dataset (*.gpkg);;All files (*)</source>
        <translation>Jeu de données Maillage (*.gpkg);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import official files</source>
        <translation>Importer des fichiers officiels</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Saving was canceled: %1 was not written.</source>
        <translation>L&apos;enregistrement a été annulé : %1 n&apos;a pas été écrit.</translation>
    </message>
    <message>
        <location line="-542"/>
        <source>A PDF sheet of the selected bassins de vie or of a département: map, types, densities, links, Crunch diagnosis</source>
        <translation>Une fiche PDF des bassins de vie sélectionnés ou d&apos;un département&#xa0;: carte, types, densités, liens, diagnostic de Crunch</translation>
    </message>
    <message>
        <location line="+543"/>
        <source>The dataset could not be saved.

%1</source>
        <translation>Le jeu de données n&apos;a pas pu être enregistré.

%1</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No recent dataset</source>
        <translation>Aucun jeu de données récent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear the list</source>
        <translation>Vider la liste</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (fictional data)</source>
        <translation>%1 (données fictives)</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Saving the parameters</source>
        <translation>Enregistrement des paramètres</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parameters saved in %1</source>
        <translation>Paramètres enregistrés dans %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Save the parameters</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+19"/>
        <source>The parameters could not be saved.

%1</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés.

%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The parameters applied to %1 are not saved in it. Save them before closing it?</source>
        <translation>Les paramètres appliqués à %1 n&apos;y sont pas enregistrés. Les enregistrer avant de le fermer ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parameters applied to %1 are not saved in it, and cannot be: %2

Close it anyway?</source>
        <translation>Les paramètres appliqués à %1 n&apos;y sont pas enregistrés, et ne peuvent pas l&apos;être : %2

Le fermer quand même ?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the demonstration dataset is not a file: there is nothing to save into</source>
        <translation>le jeu de démonstration n&apos;est pas un fichier : il n&apos;y a rien où enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is read-only</source>
        <translation>%1 est en lecture seule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the folder of %1 is read-only</source>
        <translation>le dossier de %1 est en lecture seule</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Write the parameters in use into %1</source>
        <translation>Enregistrer les paramètres en vigueur dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parameters cannot be saved: %1</source>
        <translation>Les paramètres ne peuvent pas être enregistrés : %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>map-poles</source>
        <translation>carte-poles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>map-densities</source>
        <translation>carte-densites</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Map exported to %1</source>
        <translation>Carte exportée vers %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+8"/>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+9"/>
        <source>Atlas</source>
        <translation>Atlas</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Save or import the dataset as a GeoPackage first: the atlas is drawn from it.</source>
        <translation>Enregistrez ou importez d&apos;abord le jeu de données en GeoPackage : l&apos;atlas est dessiné à partir de lui.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One page per bassin de vie</source>
        <translation>Une page par bassin de vie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One page per pôle</source>
        <translation>Une page par pôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One page per département</source>
        <translation>Une page par département</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One page per département holding a pôle</source>
        <translation>Une page par département ayant un pôle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages:</source>
        <translation>Pages :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>atlas</source>
        <translation>atlas</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Atlas written to %1</source>
        <translation>Atlas écrit dans %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <location line="+5"/>
        <location line="+6"/>
        <location line="+8"/>
        <source>Territory sheet</source>
        <translation>Fiche territoire</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Save or import the dataset as a GeoPackage first: the sheet is drawn from it.</source>
        <translation>Enregistrez ou importez d&apos;abord le jeu de données en GeoPackage : la fiche est dessinée à partir de lui.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sheet-%1</source>
        <translation>fiche-%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Territory sheet written to %1</source>
        <translation>Fiche territoire écrite dans %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>X %1  Y %2 m</source>
        <translation>X %1  Y %2 m</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 — bassin de vie</source>
        <translation>%1 — bassin de vie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2) — commune</source>
        <translation>%1 (%2) — commune</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No bassin de vie or commune named “%1”</source>
        <translation>Aucun bassin de vie ni aucune commune ne s’appelle « %1 »</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Bookmark this view</source>
        <translation>Mettre cette vue en signet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the view:</source>
        <translation>Nom de la vue :</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No bookmark for this dataset</source>
        <translation>Aucun signet pour ce jeu de données</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the bookmarks of this dataset</source>
        <translation>Supprimer les signets de ce jeu de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete every bookmark of this dataset?</source>
        <translation>Supprimer tous les signets de ce jeu de données ?</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MapCompare</name>
    <message>
        <location filename="../ui/map_compare.cpp" line="+149"/>
        <source>What the second map shows</source>
        <translation>Ce que montre la seconde carte</translation>
    </message>
    <message>
        <location line="+86"/>
        <location line="+156"/>
        <location line="+9"/>
        <source>Pôles d&apos;offre %1</source>
        <translation>Pôles d&apos;offre %1</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>all professions</source>
        <translation>toutes professions</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Density of %1 %2</source>
        <translation>Densité de %1 %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Densities of the second map</source>
        <translation>Densités de la seconde carte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The densities cannot be shown: %1</source>
        <translation>Les densités ne peuvent pas être affichées : %1</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Professionals per 10,000 inhabitants</source>
        <translation>Professionnels pour 10&#xa0;000 habitants</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+3"/>
        <location line="+6"/>
        <source>Pôles d&apos;offre</source>
        <translation>Pôles d&apos;offre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not a regular file: the figure is written to a new or regular file only</source>
        <translation>%1 n&apos;est pas un fichier ordinaire : la figure n&apos;est écrite que dans un fichier nouveau ou ordinaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit : %2</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MapLayers</name>
    <message>
        <location filename="../ui/map_layers.cpp" line="+319"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="+115"/>
        <source>Bassins de vie</source>
        <translation>Bassins de vie</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="+2"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../ui/styles/dataset_styles.cpp" line="+2"/>
        <source>Départements</source>
        <translation>Départements</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Quartiers prioritaires (QPV)</source>
        <translation>Quartiers prioritaires (QPV)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Infra-communal zones</source>
        <translation>Zones infra-communales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Health facilities (BPE)</source>
        <translation>Équipements de santé (BPE)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Selected bassin de vie</source>
        <translation>Bassin de vie sélectionné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected commune</source>
        <translation>Commune sélectionnée</translation>
    </message>
    <message>
        <location filename="../ui/styles/layer_styles.cpp" line="+136"/>
        <source>Statistical secrecy
(fewer than %1 professionals)</source>
        <translation>Secret statistique
(moins de %1 professionnels)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 – %2 per 100,000 inh. (APL)</source>
        <translation>%1 – %2 pour 100 000 hab. (APL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 – %2 per 10,000 inh.</source>
        <translation>%1 – %2 pour 10 000 hab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None within reach</source>
        <translation>Aucun accessible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No professional</source>
        <translation>Aucun professionnel</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map_layers.cpp" line="+68"/>
        <source>%n population-weighted quantile class(es)</source>
        <translation>
            <numerusform>%n classe de quantiles pondérés par la population</numerusform>
            <numerusform>%n classes de quantiles pondérés par la population</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n quantile class(es)</source>
        <translation>
            <numerusform>%n classe de quantiles</numerusform>
            <numerusform>%n classes de quantiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n class(es) of natural breaks</source>
        <translation>
            <numerusform>%n classe de seuils naturels</numerusform>
            <numerusform>%n classes de seuils naturels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n class(es) of equal width</source>
        <translation>
            <numerusform>%n classe d&apos;égale amplitude</numerusform>
            <numerusform>%n classes d&apos;égale amplitude</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n class(es) of fixed limits</source>
        <translation>
            <numerusform>%n classe de limites fixées</numerusform>
            <numerusform>%n classes de limites fixées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>all professions</source>
        <translation>toutes professions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accessibility to %1 (%2)</source>
        <translation>Accessibilité, %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Density of %1 (%2)</source>
        <translation>Densité, %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All professions</source>
        <translation>Toutes professions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — accessibility (APL), %2</source>
        <translation>%1 — accessibilité (APL), %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — density, %2</source>
        <translation>%1 — densité, %2</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Département boundaries</source>
        <translation>Limites des départements</translation>
    </message>
    <message>
        <location filename="../ui/styles/dataset_styles.cpp" line="-124"/>
        <source>Density of general practitioners (%1)</source>
        <translation>Densité de médecins généralistes (%1)</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Régions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location filename="../ui/styles/layer_styles.cpp" line="-389"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (type %2) — %3</source>
        <translation>%1 (type %2) — %3</translation>
    </message>
</context>
<context>
    <name>maillage::ui::MassChart</name>
    <message>
        <location filename="../ui/panels/mass_chart.cpp" line="+45"/>
        <location line="+1"/>
        <location line="+41"/>
        <source>Mass of the pôles over the years</source>
        <translation>Masse des pôles au fil des années</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>pole-mass.png</source>
        <translation>masse-poles.png</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No pôle mass to show</source>
        <translation>Aucune masse de pôle à afficher</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ParametersDialog</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="-593"/>
        <location line="+375"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+22"/>
        <location line="+22"/>
        <location line="+2"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Thresholds of the typology of pôles d&apos;offre, in professionals per bassin de vie (N = all professionals). The four count thresholds are multiplied by the mass scale.</source>
        <translation>Seuils de la typologie des pôles d&apos;offre, en professionnels par bassin de vie (N = tous les professionnels). Les quatre seuils d&apos;effectif sont multipliés par le facteur d&apos;échelle.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crunch</source>
        <translation>Crunch</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Pôle de grande métropole (type 1): N above</source>
        <translation>Pôle de grande métropole (type 1) : N supérieur à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grand pôle (type 2): N from</source>
        <translation>Grand pôle (type 2) : N à partir de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pôle intermédiaire (type 3): N from</source>
        <translation>Pôle intermédiaire (type 3) : N à partir de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… with pôle professions at least</source>
        <translation>… avec des professions de pôle d’au moins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… and psychiatric nurses at most</source>
        <translation>… et des infirmiers en psychiatrie d’au plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pôle secondaire (type 4): N outside psychiatry from</source>
        <translation>Pôle secondaire (type 4) : N hors psychiatrie à partir de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mass scale</source>
        <translation>Facteur d&apos;échelle des effectifs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 for RPPS + ADELI counts; about 0.25 for INSEE BPE data, which count only practices of professionals in private practice.</source>
        <translation>1 pour des effectifs RPPS + ADELI ; environ 0,25 pour la BPE de l&apos;Insee, qui ne compte que les cabinets des professionnels libéraux.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gravity model of the links between pôles: I = Mi × Mj / d^β.</source>
        <translation>Modèle gravitaire des liens entre pôles : I = Mi × Mj / d^β.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Straight line in Lambert-93 (planar)</source>
        <translation>À vol d&apos;oiseau en Lambert-93 (plane)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geodesic</source>
        <translation>Géodésique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel time (matrix of the dataset)</source>
        <translation>Temps de trajet (matrice du jeu de données)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+98"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+46"/>
        <source> km/h</source>
        <translation> km/h</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Distance exponent β</source>
        <translation>Exposant de la distance β</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strongest links kept per pôle</source>
        <translation>Liens les plus forts gardés par pôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum intensity of a link</source>
        <translation>Intensité minimale d&apos;un lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolated pôle: no peer within</source>
        <translation>Pôle isolé : aucun pôle de rang égal ou supérieur à moins de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… or, with travel times, within</source>
        <translation>… ou, avec les temps de trajet, à moins de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum distance between pôles</source>
        <translation>Distance minimale entre pôles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Travel times: speed for pairs missing from the matrix</source>
        <translation>Temps de trajet : vitesse pour les paires absentes de la matrice</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Statistical secrecy: mask counts below</source>
        <translation>Secret statistique : masquer les effectifs inférieurs à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility catchment radius</source>
        <translation>Rayon de la zone d&apos;accessibilité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… or, with travel times</source>
        <translation>… ou, avec les temps de trajet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accessibility of the communes (maillage access, Densities panel): DREES&apos;s APL by default. Values shown are those of the professions de proximité; the professions de pôle keep their 30-minute catchment unless you change it here.</source>
        <translation>Accessibilité des communes (maillage access, panneau Densités)&#xa0;: l&apos;APL de la DREES par défaut. Les valeurs affichées sont celles des professions de proximité&#xa0;; les professions de pôle gardent leur zone de chalandise de 30 minutes sauf si vous la changez ici.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>APL of the DREES (stepped weights)</source>
        <translation>APL de la DREES (poids par paliers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classic 2SFCA (binary catchment)</source>
        <translation>2SFCA classique (zone binaire)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian decay</source>
        <translation>Décroissance gaussienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential decay</source>
        <translation>Décroissance exponentielle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catchment</source>
        <translation>Zone de chalandise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APL steps</source>
        <translation>Paliers de l&apos;APL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian σ or exponential τ</source>
        <translation>σ gaussien ou τ exponentiel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Straight-line speed where travel times are missing</source>
        <translation>Vitesse à vol d&apos;oiseau là où les temps de trajet manquent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new catchment stretches the steps to it (10, 15, 20 minutes become 15, 22.5, 30 for 30 minutes).</source>
        <translation>Une nouvelle zone de chalandise étire les paliers (10, 15, 20 minutes deviennent 15, 22,5, 30 pour 30 minutes).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Population standardised by age</source>
        <translation>Population standardisée par âge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>access.demand: the population of each commune, or its population by age band weighted by the consumption of care of each band, as DREES computes the APL (needs the population by age: maillage add --population-by-age; weights: --age-weights, else those shipped).</source>
        <translation>access.demand : la population de chaque commune, ou sa population par tranche d&apos;âge pondérée par la consommation de soins de chaque tranche, comme la DREES calcule l&apos;APL (demande la population par âge : maillage add --population-by-age ; poids : --age-weights, sinon ceux livrés).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Professionals</source>
        <translation>Professionnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-time equivalents (register)</source>
        <translation>Équivalents temps plein (répertoire)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consultations</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not available: no dataset holds consultations per commune (Maillage imports none yet).</source>
        <translation>Indisponible&#xa0;: aucun jeu de données ne contient de consultations par commune (Maillage n&apos;en importe pas encore).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access.supply: count each professional once, or the full-time equivalents of each practice site given by the register of professionals of the year (RPPS, ADELI; maillage add --register). Consultations are not available: no dataset holds consultations per commune.</source>
        <translation>access.supply : compter chaque professionnel une fois, ou les équivalents temps plein de chaque lieu d&apos;exercice donnés par le répertoire des professionnels de l&apos;année (RPPS, ADELI ; maillage add --register). Les consultations ne sont pas disponibles : aucun jeu de données ne contient de consultations par commune.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access.max_age: count only the professionals younger than this age in the year of the counts (65 for the GP zonage); their ages come from the register of professionals. 0: no limit.</source>
        <translation>access.max_age : ne compter que les professionnels plus jeunes que cet âge l&apos;année des effectifs (65 pour le zonage des généralistes) ; leurs âges viennent du répertoire des professionnels. 0 : sans limite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Consumption weights by age band of the standardised demand, replacing the shipped ones: a table age_band;weight (bands 0-14 or 0014, …, 90+; weights 0 or more), e.g. the DREES&apos;s GP consumption by age band. Stored with the dataset, as maillage add --age-weights does.</source>
        <translation>Pondérations de consommation par tranche d&apos;âge de la demande standardisée, à la place de celles fournies : un tableau age_band;weight (tranches 0-14 ou 0014, …, 90+ ; poids 0 ou plus), par exemple la consommation de médecine générale par tranche d&apos;âge de la DREES. Enregistrées avec le jeu de données, comme maillage add --age-weights.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+18"/>
        <source>Consumption weights by age</source>
        <translation>Pondérations de consommation par âge</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Tables (*.csv *.txt *.tsv *.xlsx *.ods);;All files (*)</source>
        <translation>Tableaux (*.csv *.txt *.tsv *.xlsx *.ods);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shipped weights</source>
        <translation>Poids fournis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget the file&apos;s weights: the standardised demand uses the weights shipped with Maillage again (stored with the dataset, as maillage add --shipped-age-weights does).</source>
        <translation>Oublier les poids du fichier : la demande standardisée reprend les poids fournis avec Maillage (enregistré avec le jeu de données, comme maillage add --shipped-age-weights).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demand</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supply</source>
        <translation>Offre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professionals younger than</source>
        <translation>Professionnels de moins de</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Thresholds of the written Crunch diagnosis.</source>
        <translation>Seuils du diagnostic rédigé du Crunch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Macrocephalic system: primacy (1st / 2nd pôle) above</source>
        <translation>Système macrocéphale : primatie (1er / 2e pôle) au-dessus de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pôle at risk of absorption: within</source>
        <translation>Pôle menacé d&apos;absorption : à moins de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of a pôle of type 1 or 2, while losing professionals.</source>
        <translation>d&apos;un pôle de type 1 ou 2, en perdant des professionnels.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language changes at the next start.</source>
        <translation>La langue change au prochain démarrage.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 under %2 min</source>
        <translation>%1 avant %2&#xa0;min</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <source>shipped with Maillage</source>
        <translation>fournies avec Maillage</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Open a dataset first.</source>
        <translation>Ouvrez d&apos;abord un jeu de données.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The parameters cannot be saved: %1</source>
        <translation>Les paramètres ne peuvent pas être enregistrés : %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>• %1: %2 → %3</source>
        <translation>• %1 : %2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The values shown are already the defaults of this dataset.</source>
        <translation>Les valeurs affichées sont déjà les valeurs par défaut de ce jeu de données.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore the defaults of this dataset? These parameters change:

%1</source>
        <translation>Rétablir les valeurs par défaut de ce jeu de données ? Ces paramètres changent :

%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore defaults</source>
        <translation>Valeurs par défaut</translation>
    </message>
    <message>
        <location line="-410"/>
        <source>Pôles</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maillage</source>
        <translation>Maillage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Densities</source>
        <translation>Densités</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save in the dataset</source>
        <translation>Enregistrer dans le jeu de données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write these parameters into the open GeoPackage</source>
        <translation>Écrire ces paramètres dans le GeoPackage ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The demonstration dataset is not a file: nothing to save into</source>
        <translation>Le jeu de démonstration n&apos;est pas un fichier : rien où enregistrer</translation>
    </message>
</context>
<context>
    <name>maillage::ui::PolesPanel</name>
    <message>
        <location filename="../ui/panels/poles_panel.cpp" line="+129"/>
        <source>%1 (BV %2)
%3</source>
        <translation>%1 (BV %2)
%3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Bassin de vie</source>
        <translation>Bassin de vie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prof.</source>
        <translation>Prof.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pôle %</source>
        <translation>Pôle %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Psy %</source>
        <translation>Psy %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Margins</source>
        <translation>Marges</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Health professionals in the bassin de vie</source>
        <translation>Professionnels de santé du bassin de vie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the professions de pôle (psychiatric nurses included)</source>
        <translation>Part des professions de pôle (infirmiers en psychiatrie compris)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of psychiatric nurses</source>
        <translation>Part des infirmiers en psychiatrie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the bassin de vie has this type</source>
        <translation>Pourquoi le bassin de vie a ce type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many professionals it lacks for the type above, and how many it can lose and keep its type</source>
        <translation>Combien de professionnels lui manquent pour le type au-dessus, et combien il peut en perdre en gardant son type</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>not shown: counts below %1 are masked</source>
        <translation>non affichées : les effectifs inférieurs à %1 sont masqués</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pôles only</source>
        <translation>Pôles seulement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uncheck to list every bassin de vie, pôle or not</source>
        <translation>Décochez pour lister tous les bassins de vie, pôles ou non</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+153"/>
        <source>Pôles</source>
        <translation>Pôles</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Diagnosis</source>
        <translation>Diagnostic</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Detail for analysts</source>
        <translation>Détail pour analystes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole diagnosis with its technical figures: the Herfindahl index (how concentrated the professionals are, from 0 to 1) and the correlation between each bassin&apos;s change and its distance to the main pôle (from −1 to +1)</source>
        <translation>Le diagnostic complet avec ses chiffres techniques&#xa0;: l&apos;indice de Herfindahl (la concentration des professionnels, de 0 à 1) et la corrélation entre l&apos;évolution de chaque bassin et sa distance au pôle principal (de −1 à +1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pôles per type</source>
        <translation>Pôles par type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Here</source>
        <translation>Ici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Avg. per région</source>
        <translation>Moy. par région</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Concentration</source>
        <translation>Concentration</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>1st pôle</source>
        <translation>1er pôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2nd pôle</source>
        <translation>2e pôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Primacy</source>
        <translation>Primatie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professionals of the 1st pôle divided by those of the 2nd; above 10 the system is macrocephalic</source>
        <translation>Professionnels du 1er pôle divisés par ceux du 2e ; au-delà de 10, le système est macrocéphale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In the 1st pôle</source>
        <translation>Dans le 1er pôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the territory&apos;s professionals working in its 1st pôle</source>
        <translation>Part des professionnels du territoire exerçant dans son 1er pôle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Herfindahl</source>
        <translation>Herfindahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sum of the squared shares of the bassins de vie (0 to 1; higher = more concentrated), and the number of equally large pôles it amounts to</source>
        <translation>Somme des carrés des parts des bassins de vie (de 0 à 1 ; plus élevé = plus concentré), et le nombre de pôles de même taille auquel elle équivaut</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Elsewhere</source>
        <translation>Ailleurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drain</source>
        <translation>Vidange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation between the change of each bassin de vie and its distance to the main pôle. Negative: the farther away, the more it loses (the drain signature).</source>
        <translation>Corrélation entre l&apos;évolution de chaque bassin de vie et sa distance au pôle principal. Négative : plus il est loin, plus il perd (la signature de la vidange).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At risk</source>
        <translation>Menacés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Small pôles near a large one that lose professionals: at risk of being absorbed</source>
        <translation>Petits pôles proches d&apos;un grand qui perdent des professionnels : menacés d&apos;absorption</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Early warning: pôles at risk</source>
        <translation>Alerte&#xa0;: pôles menacés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Small pôles (types 3 and 4) losing professionals near a large pôle (types 1 and 2): at risk of being absorbed by it</source>
        <translation>Petits pôles (types 3 et 4) qui perdent des professionnels près d&apos;un grand pôle (types 1 et 2)&#xa0;: ils risquent d&apos;être absorbés par lui</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rank–size</source>
        <translation>Rang–taille</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each dot is a pôle. A slope near −1 is a balanced hierarchy; steeper means professionals concentrate in the largest pôles.</source>
        <translation>Chaque point est un pôle. Une pente proche de −1 indique une hiérarchie équilibrée ; plus raide, les professionnels se concentrent dans les plus grands pôles.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Crunch</source>
        <translation>Crunch</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The diagnosis was cancelled.</source>
        <translation>Le diagnostic a été annulé.</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>Table of the pôles</source>
        <translation>Tableau des pôles</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Pôles: %1 of %2 BV</source>
        <translation>Pôles : %1 sur %2 BV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 pôles among %2 bassins de vie</source>
        <translation>%1 pôles parmi %2 bassins de vie</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Margins:</source>
        <translation>Marges :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Whole territory</source>
        <translation>Tout le territoire</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Only one year of counts (%1) in this dataset: import the counts of another year to see the change.</source>
        <translation>Une seule année de comptages (%1) dans ce jeu de données : importez les comptages d&apos;une autre année pour voir l&apos;évolution.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Computing the diagnosis…</source>
        <translation>Calcul du diagnostic…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Bassins de vie: %1 · professionals in %2: %3</source>
        <translation>Bassins de vie : %1 · professionnels en %2 : %3</translation>
    </message>
    <message>
        <location line="-177"/>
        <source>Select a bassin de vie, here or on the map, to see why it is or is not a pôle.</source>
        <translation>Sélectionnez un bassin de vie, ici ou sur la carte, pour voir pourquoi il est ou n&apos;est pas un pôle.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Région %1</source>
        <translation>Région %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selected bassins de vie</source>
        <translation>Bassins de vie sélectionnés</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No comparison</source>
        <translation>Pas de comparaison</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No dataset open.</source>
        <translation>Aucun jeu de données ouvert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This dataset holds no count of health professionals: import counts to diagnose it.</source>
        <translation>Ce jeu de données ne contient aucun effectif de professionnels de santé : importez des effectifs pour le diagnostiquer.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Select one or more bassins de vie on the map or in the Pôles tab.</source>
        <translation>Sélectionnez un ou plusieurs bassins de vie sur la carte ou dans l&apos;onglet Pôles.</translation>
    </message>
    <message>
        <location line="-389"/>
        <source>The diagnosis failed: %1</source>
        <translation>Le diagnostic a échoué : %1</translation>
    </message>
    <message>
        <location line="+476"/>
        <source>The diagnosis is withheld: it rests on figures masked by statistical secrecy.</source>
        <translation>Le diagnostic n&apos;est pas publié&#xa0;: il repose sur des chiffres masqués par le secret statistique.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>prof.</source>
        <comment>abbreviation of professionals</comment>
        <translation>prof.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, macrocephalic</source>
        <translation>%1, macrocéphale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>— (fewer than two pôles)</source>
        <translation>— (moins de deux pôles)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 ≈ %2 equal pôles</source>
        <translation>%1 ≈ %2 pôles égaux</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Change %1 → %2</source>
        <translation>Évolution %1 → %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>(over the %n bassins de vie whose change is shown)</source>
        <translation>
            <numerusform>(sur le bassin de vie dont l’évolution est affichée)</numerusform>
            <numerusform>(sur les %n bassins de vie dont l’évolution est affichée)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ProfileView</name>
    <message>
        <location filename="../ui/panels/profile_view.cpp" line="+74"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bassin de vie</source>
        <translation>Bassin de vie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Région</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selected communes</source>
        <translation>Communes sélectionnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whole dataset</source>
        <translation>Ensemble des données</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retirements</source>
        <translation>Départs en retraite</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1: not shown (statistical secrecy).</source>
        <translation>%1&#xa0;: non diffusé (secret statistique).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No register of individual professionals for %1: ages, secteurs and retirements need one (File &gt; Add data…).</source>
        <translation>Aucun registre de professionnels pour %1&#xa0;: les âges, les secteurs et les départs en retraite en demandent un (Fichier &gt; Ajouter des données…).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Computing the profile of the professionals…</source>
        <translation>Calcul du profil des professionnels…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile of the professionals</source>
        <translation>Profil des professionnels</translation>
    </message>
</context>
<context>
    <name>maillage::ui::QpvView</name>
    <message>
        <location filename="../ui/panels/qpv_view.cpp" line="+57"/>
        <source>Computing the professionals around the QPV…</source>
        <translation>Calcul des professionnels autour des QPV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Professionals around the QPV</source>
        <translation>Professionnels autour des QPV</translation>
    </message>
</context>
<context>
    <name>maillage::ui::RankSizeChart</name>
    <message>
        <location filename="../ui/panels/rank_size_chart.cpp" line="+54"/>
        <source>Rank–size chart of the pôles</source>
        <translation>Graphique rang–taille des pôles</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+4"/>
        <source>Rank–size chart</source>
        <translation>Graphique rang–taille</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rank-size.png</source>
        <translation>rang-taille.png</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No pôle in this territory</source>
        <translation>Aucun pôle dans ce territoire</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Rank (log scale)</source>
        <translation>Rang (échelle log)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Professionals (log scale)</source>
        <translation>Professionnels (échelle log)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Slope %1</source>
        <translation>Pente %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (%2)
rank %3, %4 professionals</source>
        <translation>%1 (%2)
rang %3, %4 professionnels</translation>
    </message>
</context>
<context>
    <name>maillage::ui::RegisterInputs</name>
    <message>
        <location filename="../ui/wizard_register.cpp" line="+30"/>
        <source>%1 professionals read from %2 rows (%3), year %4.</source>
        <translation>%1 professionnels lus sur %2 lignes (%3), année %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 practice sites located in a commune; %3 duplicated rows merged.</source>
        <translation>%1 sur %2 sites d&apos;exercice localisés dans une commune&#xa0;; %3 lignes en double fusionnées.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>from the file name</source>
        <translation>d&apos;après le nom du fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPPS extraction (Annuaire santé, &apos;|&apos;)</source>
        <translation>Extraction RPPS (Annuaire santé, «&#xa0;|&#xa0;»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generic (CSV)</source>
        <translation>Générique (CSV)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Once, at the main site</source>
        <translation>Une fois, à son site principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared between the sites by activity</source>
        <translation>Partagé entre les sites selon l&apos;activité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaces the counts (BPE) of that year</source>
        <translation>Remplace les effectifs (BPE) de cette année</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register file</source>
        <translation>Fichier du registre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Register of professionals</source>
        <translation>Registre des professionnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registers (*.txt *.csv);;All files (*)</source>
        <translation>Registres (*.txt *.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year of the extraction</source>
        <translation>Année de l&apos;extraction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layout</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Professionals with several sites</source>
        <translation>Professionnels à plusieurs sites</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose a register file.</source>
        <translation>Choisissez un fichier de registre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the register…</source>
        <translation>Lecture du registre…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the register</source>
        <translation>Lecture du registre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The register cannot be read: %1</source>
        <translation>Le registre ne peut pas être lu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ScenarioLayer</name>
    <message>
        <location filename="../ui/scenario_layer.cpp" line="+80"/>
        <source>Type changed by the scenario</source>
        <translation>Type changé par le scénario</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>After the scenario “%1”</source>
        <translation>Après le scénario « %1 »</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ScenarioPanel</name>
    <message>
        <location filename="../ui/scenario_panel.cpp" line="+76"/>
        <source>Scenarios of the dataset</source>
        <translation>Scénarios du jeu de données</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of a new scenario</source>
        <translation>Nom d’un nouveau scénario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the new scenario a name no other scenario has.</source>
        <translation>Donnez au nouveau scénario un nom qu’aucun autre scénario ne porte.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Retire the professionals aged</source>
        <translation>Départs en retraite à partir de l’âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove professionals</source>
        <translation>Retirer des professionnels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a maison de santé</source>
        <translation>Ouvrir une maison de santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close a site</source>
        <translation>Fermer un site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a cooperation</source>
        <translation>Ajouter une coopération</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a cooperation</source>
        <translation>Supprimer une coopération</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Commune or bassin de vie</source>
        <translation>Commune ou bassin de vie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Professionals</source>
        <translation>Professionnels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Age or more</source>
        <translation>Âge (et plus)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cooperation</source>
        <translation>Coopération</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of cooperation</source>
        <translation>Type de coopération</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pôles linked</source>
        <translation>Pôles reliés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add the change</source>
        <translation>Ajouter le changement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the change</source>
        <translation>Retirer le changement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save in the dataset</source>
        <translation>Enregistrer dans le jeu de données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scenarios saved in the dataset.</source>
        <translation>Scénarios enregistrés dans le jeu de données.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Before / after</source>
        <translation>Avant / après</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The map before the scenario on the left, after it on the right</source>
        <translation>La carte avant le scénario à gauche, après à droite</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Everywhere</source>
        <translation>Partout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BV %1 %2</source>
        <translation>BV %1 %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+133"/>
        <source>Create or choose a scenario first.</source>
        <translation>Créez ou choisissez d’abord un scénario.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>The demonstration dataset has no file: save it (File &gt; Save as…) before saving scenarios.</source>
        <translation>Le jeu de démonstration n’a pas de fichier&#xa0;: enregistrez-le (Fichier &gt; Enregistrer sous…) avant d’y enregistrer des scénarios.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Zonage thresholds “%1”: expected numbers above 0, ascending, separated by semicolons (for instance %2).</source>
        <translation>Seuils du zonage «&#xa0;%1&#xa0;»&#xa0;: des nombres supérieurs à 0, croissants, séparés par des points-virgules étaient attendus (par exemple %2).</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Apply a scenario first: its map after the changes goes on the right.</source>
        <translation>Appliquez d&apos;abord un scénario : sa carte après les changements va à droite.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The two-map view is not available in this window.</source>
        <translation>La vue à deux cartes n&apos;est pas disponible dans cette fenêtre.</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>Applying the scenario “%1”…</source>
        <translation>Application du scénario «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <location line="-317"/>
        <source>Zonage thresholds of the accessibility, ascending and separated by semicolons (%1): the communes that cross one are listed. Empty: none.</source>
        <translation>Seuils du zonage de l&apos;accessibilité, croissants et séparés par des points-virgules (%1)&#xa0;: les communes qui en franchissent un sont listées. Vide&#xa0;: aucun.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Zonage thresholds</source>
        <translation>Seuils du zonage</translation>
    </message>
    <message>
        <location line="+305"/>
        <source>Scenario %1</source>
        <translation>Scénario %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Crunch before: %1 — after: %2</source>
        <translation>Crunch avant&#xa0;: %1 — après&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>maillage::ui::SensitivityLayer</name>
    <message>
        <location filename="../ui/sensitivity_layer.cpp" line="+122"/>
        <source>Type changes (sensitivity)</source>
        <translation>Changements de type (sensibilité)</translation>
    </message>
</context>
<context>
    <name>maillage::ui::SensitivityPanel</name>
    <message>
        <location filename="../ui/panels/sensitivity_panel.cpp" line="+70"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bassin de vie</source>
        <translation>Bassin de vie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type now</source>
        <translation>Type actuel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type then</source>
        <translation>Type alors</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The threshold of the typology to move (or the mass scale)</source>
        <translation>Le seuil de la typologie à faire varier (ou l’échelle des effectifs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Values tried below and above the threshold&apos;s own value</source>
        <translation>Valeurs essayées au-dessous et au-dessus de la valeur du seuil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in</source>
        <translation>en</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>steps each side</source>
        <translation>pas de chaque côté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The computation was cancelled.</source>
        <translation>Le calcul a été annulé.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose a threshold and a range: the bassins de vie that change type are listed here and outlined on the map.</source>
        <translation>Choisissez un seuil et une plage : les bassins de vie qui changent de type sont listés ici et entourés sur la carte.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Computing…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n bassins de vie change type within the range.</source>
        <translation>
            <numerusform>%n bassin de vie change de type dans la plage.</numerusform>
            <numerusform>%n bassins de vie changent de type dans la plage.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maillage::ui::Session</name>
    <message>
        <location filename="../ui/session.cpp" line="+385"/>
        <source>Crunch diagnosis</source>
        <translation>Diagnostic de Crunch</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Accessibility of the communes</source>
        <translation>Accessibilité des communes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Densities of the communes</source>
        <translation>Densités des communes</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Sensitivity of the pôle types</source>
        <translation>Sensibilité des types de pôles</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Change between two years</source>
        <translation>Évolution entre deux années</translation>
    </message>
</context>
<context>
    <name>maillage::ui::TaskProgressWidget</name>
    <message>
        <location filename="../ui/tasks.cpp" line="+113"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running task</source>
        <translation>Annuler la tâche en cours</translation>
    </message>
</context>
<context>
    <name>maillage::ui::UserGuideWindow</name>
    <message>
        <location filename="../ui/dialogs.cpp" line="+639"/>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <location line="+17"/>
        <source># User guide

The user guide is not installed with this build.</source>
        <translation># Guide de l&apos;utilisateur

Le guide de l&apos;utilisateur n&apos;est pas installé avec cette version.</translation>
    </message>
</context>
<context>
    <name>maillage::ui::WorkshopMode</name>
    <message>
        <location filename="../ui/workshop.cpp" line="+430"/>
        <source>Pôles d&apos;offre de soins</source>
        <translation>Pôles d&apos;offre de soins</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Previous slide</source>
        <translation>Diapositive précédente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next slide</source>
        <translation>Diapositive suivante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave the workshop mode</source>
        <translation>Quitter le mode atelier</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>Previous slide (Page Up)</source>
        <translation>Diapositive précédente (Page préc.)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next slide (Page Down)</source>
        <translation>Diapositive suivante (Page suiv.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave the workshop mode (Esc)</source>
        <translation>Quitter le mode atelier (Échap)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No slide yet (Ctrl+B)</source>
        <translation>Pas encore de diapositive (Ctrl+B)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n slide(s)</source>
        <translation>
            <numerusform>%n diapositive</numerusform>
            <numerusform>%n diapositives</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Click a bassin de vie to see its figures.</source>
        <translation>Cliquez sur un bassin de vie pour voir ses chiffres.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>fewer than %1</source>
        <translation>moins de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 health professionals</source>
        <translation>%1 professionnels de santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 inhabitants</source>
        <translation>%1 habitants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 professionals per %2 inhabitants</source>
        <translation>%1 professionnels pour %2 habitants</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The diagnosis is being computed…</source>
        <translation>Le diagnostic est en cours de calcul…</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ZonageLayer</name>
    <message>
        <location filename="../ui/sensitivity_layer.cpp" line="-53"/>
        <source>Under %1</source>
        <translation>Sous %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changed class</source>
        <translation>Classe changée</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Zonage</source>
        <translation>Zonage</translation>
    </message>
</context>
<context>
    <name>maillage::ui::ZonageView</name>
    <message>
        <location filename="../ui/panels/sensitivity_zonage.cpp" line="+53"/>
        <source>Communes below this accessibility are under-served (zone d&apos;intervention prioritaire for GPs: 2.5 consultations per standardised inhabitant and per year)</source>
        <translation>Les communes sous cette accessibilité sont sous-dotées (zone d’intervention prioritaire pour les médecins généralistes : 2,5 consultations par habitant standardisé et par an)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An optional second threshold (zone d&apos;action complémentaire); 0 = none</source>
        <translation>Un second seuil facultatif (zone d’action complémentaire) ; 0 = aucun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zonage thresholds</source>
        <translation>Seuils du zonage</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Thresholds not applied: %1</source>
        <translation>Seuils non appliqués : %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Accessibility in %1</source>
        <translation>Accessibilité en %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>under %1</source>
        <translation>moins de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 and more</source>
        <translation>%1 et plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %Ln communes, %2 inhabitants</source>
        <translation>
            <numerusform>%1 : %Ln commune, %2 habitants</numerusform>
            <numerusform>%1 : %Ln communes, %2 habitants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%Ln communes change class.</source>
        <translation>
            <numerusform>%Ln commune change de classe.</numerusform>
            <numerusform>%Ln communes changent de classe.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-19"/>
        <source>No commune changes class.</source>
        <translation>Aucune commune ne change de classe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (class %2 → %3)</source>
        <translation>%1 (classe %2 → %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Who enters or leaves: %1</source>
        <translation>Qui entre ou sort : %1</translation>
    </message>
</context>
<context>
    <name>maillage::ui::print::PrintText</name>
    <message>
        <location filename="../ui/print/atlas.cpp" line="+97"/>
        <location filename="../ui/print/report.cpp" line="+280"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Atlas of the pôles d&apos;offre de soins</source>
        <translation>Atlas des pôles d&apos;offre de soins</translation>
    </message>
    <message>
        <location line="+117"/>
        <location filename="../ui/print/report.cpp" line="+354"/>
        <source>%1: the dataset has no outlines of these territories.</source>
        <translation>%1 : le jeu de données n&apos;a pas les contours de ces territoires.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: no territory to print.</source>
        <translation>%1 : aucun territoire à imprimer.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: the atlas could not be written (%2).</source>
        <translation>%1 : l&apos;atlas n&apos;a pas pu être écrit (%2).</translation>
    </message>
    <message>
        <location filename="../ui/print/print_project.cpp" line="+35"/>
        <source>%1: the dataset cannot be copied for printing.</source>
        <translation>%1 : le jeu de données ne peut pas être copié pour l&apos;impression.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: the map of the dataset cannot be drawn (%2).</source>
        <translation>%1 : la carte du jeu de données ne peut pas être dessinée (%2).</translation>
    </message>
    <message>
        <location filename="../ui/print/report.cpp" line="-317"/>
        <source>Health professionals and densities</source>
        <translation>Professionnels de santé et densités</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Territory sheet — %1 — %2, %3</source>
        <translation>Fiche territoire — %1 — %2, %3</translation>
    </message>
    <message numerus="yes">
        <location line="-19"/>
        <source>%n région(s)</source>
        <translation>
            <numerusform>%n région</numerusform>
            <numerusform>%n régions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Professionals of %1 by profession, and densities per 10,000 inhabitants against the references (figures of %2).</source>
        <translation>Professionnels de %1 par profession, et densités pour 10 000 habitants comparées aux territoires de référence (chiffres de %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the selection</source>
        <translation>la sélection</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Bassins de vie whose main commune is in the département (%1), with all their communes, some in neighbouring départements: %2 health professionals, the figure of the Crunch diagnosis. The département&apos;s own communes: %3.</source>
        <translation>Bassins de vie dont la commune principale est dans le département (%1), avec toutes leurs communes, dont certaines dans des départements voisins : %2 professionnels de santé, le chiffre du diagnostic Crunch. Communes du département seules : %3.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Links of the maillage</source>
        <translation>Liens du maillage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No declared link for this bassin de vie; modelled links join pôles, and it is none.</source>
        <translation>Aucun lien déclaré pour ce bassin de vie ; les liens modélisés relient des pôles, et il n&apos;en est pas un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No modelled or declared link for these bassins de vie.</source>
        <translation>Aucun lien modélisé ou déclaré pour ces bassins de vie.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Communes of the selection</source>
        <translation>Communes de la sélection</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Crunch diagnosis of the département&apos;s bassins de vie</source>
        <translation>Diagnostic Crunch des bassins de vie du département</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Counts below the threshold, and the figures from which they could be recomputed (with the totals, the references or the other professions), are shown as « &lt; threshold ».</source>
        <translation>Les effectifs inférieurs au seuil, et les chiffres qui permettraient de les recalculer (avec les totaux, les territoires de référence ou les autres professions), sont remplacés par «&#xa0;&lt;&#xa0;seuil&#xa0;».</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Bassins de vie of the département and their type</source>
        <translation>Bassins de vie du département et leur type</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 — territory sheet</source>
        <translation>%1 — fiche territoire</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pôles d&apos;offre:</source>
        <translation>Pôles d&apos;offre&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bassin de vie</source>
        <translation>bassin de vie</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>département</source>
        <translation>département</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Selection of 1 commune</source>
        <translation>Sélection d&apos;une commune</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selection of %1 communes</source>
        <translation>Sélection de %1 communes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 commune chosen</source>
        <translation>1 commune choisie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 communes chosen</source>
        <translation>%1 communes choisies</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>selection of communes</source>
        <translation>sélection de communes</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1: a territory sheet is for a bassin de vie, a département or a list of communes, not %2.</source>
        <translation>%1&#xa0;: une fiche territoire porte sur un bassin de vie, un département ou une liste de communes, pas sur %2.</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>Crunch diagnosis of the région</source>
        <translation>Diagnostic de Crunch de la région</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Sources and statistical secrecy</source>
        <translation>Sources et secret statistique</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Territory sheet — %1</source>
        <translation>Fiche territoire — %1</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>%1: the territory sheet could not be written.</source>
        <translation>%1 : la fiche territoire n&apos;a pas pu être écrite.</translation>
    </message>
    <message>
        <location filename="../ui/print/territory_content.cpp" line="+64"/>
        <source>No pôle</source>
        <translation>Aucun pôle</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n pôle(s): %1</source>
        <translation>
            <numerusform>%n pôle : %1</numerusform>
            <numerusform>%n pôles : %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/print/report.cpp" line="-74"/>
        <location filename="../ui/print/territory_content.cpp" line="+30"/>
        <location line="+36"/>
        <source>Population: %1</source>
        <translation>Population : %1</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+27"/>
        <location filename="../ui/print/territory_content.cpp" line="-34"/>
        <source>Health professionals: %1</source>
        <translation>Professionnels de santé : %1</translation>
    </message>
    <message>
        <location filename="../ui/print/territory_content.cpp" line="+2"/>
        <source>Share of pôle professions: %1</source>
        <translation>Part des professions de pôle : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n bassin(s) de vie</source>
        <translation>
            <numerusform>%n bassin de vie</numerusform>
            <numerusform>%n bassins de vie</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Bassin de vie (%1)</source>
        <translation>Bassin de vie (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Département (%1)</source>
        <translation>Département (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Région (%1)</source>
        <translation>Région (%1)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+15"/>
        <location line="+41"/>
        <source>Bassin de vie</source>
        <translation>Bassin de vie</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Whole dataset</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selection</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <location line="+117"/>
        <location line="+26"/>
        <source>Professionals</source>
        <translation>Professionnels</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Density: %1</source>
        <translation>Densité&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 = whole dataset</source>
        <translation>%1 = ensemble du jeu de données</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Linked to</source>
        <translation>Lié à</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Distance (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intensity</source>
        <translation>Intensité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dominant link</source>
        <translation>Lien dominant</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>declared: %1</source>
        <translation>déclaré : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>modelled</source>
        <translation>modélisé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes, that of %1</source>
        <translation>oui, celui de %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Bassin de vie: %1 (%2)</source>
        <translation>Bassin de vie&#xa0;: %1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The %n selected bassins de vie (%1)</source>
        <translation>
            <numerusform>Le bassin de vie sélectionné (%1)</numerusform>
            <numerusform>Les %n bassins de vie sélectionnés (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Département: %1 (%2)</source>
        <translation>Département&#xa0;: %1 (%2)</translation>
    </message>
</context>
</TS>
