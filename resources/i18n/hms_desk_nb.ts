<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="nb_NO" sourcelanguage="nb_NO">
<context>
    <name>CasePanel</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="354" />
        <source>%n annen sak er også åpen (se Saker).</source>
        <translation><numerusform>%n annen sak er også åpen (se Saker).</numerusform><numerusform>%n andre saker er også åpne (se Saker).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="539" />
        <source>%n ansikt(er) sladdet</source>
        <translation><numerusform>%n ansikt sladdet</numerusform><numerusform>%n ansikter sladdet</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="541" />
        <source>Bilde %n</source>
        <translation><numerusform>Bilde %n</numerusform><numerusform>Bilde %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="547" />
        <source>Bilde lagret, %n ansikt(er) sladdet.</source>
        <translation><numerusform>Bilde lagret, %n ansikt sladdet.</numerusform><numerusform>Bilde lagret, %n ansikter sladdet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="656" />
        <source>%n bilde(r) slettet.</source>
        <translation><numerusform>%n bilde slettet.</numerusform><numerusform>%n bilder slettet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="723" />
        <source>Sak {0} er avsluttet. %n bilde(r) slettet.</source>
        <translation><numerusform>Sak {0} er avsluttet. %n bilde slettet.</numerusform><numerusform>Sak {0} er avsluttet. %n bilder slettet.</numerusform></translation>
    </message>
</context>
<context>
    <name>DeviationList</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/deviations.py" line="422" />
        <source>%n avvik i utvalget</source>
        <translation><numerusform>%n avvik i utvalget</numerusform><numerusform>%n avvik i utvalget</numerusform></translation>
    </message>
    </context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/import_dialog.py" line="162" />
        <source>%n fil(er) valgt.</source>
        <translation><numerusform>%n fil valgt.</numerusform><numerusform>%n filer valgt.</numerusform></translation>
    </message>
    </context>
<context>
    <name>JournalEditor</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/journal_editor.py" line="470" />
        <source>%n ansikt(er) sladdet</source>
        <translation><numerusform>%n ansikt sladdet</numerusform><numerusform>%n ansikter sladdet</numerusform></translation>
    </message>
    </context>
<context>
    <name>PrepWorkspace</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="575" />
        <source>• {0} ({1}): %n punkt(er) ikke krysset av</source>
        <translation><numerusform>• {0} ({1}): %n punkt ikke krysset av</numerusform><numerusform>• {0} ({1}): %n punkter ikke krysset av</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="770" />
        <source>{0} – %n ansikt(er) sladdet</source>
        <translation><numerusform>{0} – %n ansikt sladdet</numerusform><numerusform>{0} – %n ansikter sladdet</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1041" />
        <source>%n bilde(r) importert</source>
        <translation><numerusform>%n bilde importert</numerusform><numerusform>%n bilder importert</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1042" />
        <source>%n ansikt(er) sladdet.</source>
        <translation><numerusform>%n ansikt sladdet.</numerusform><numerusform>%n ansikter sladdet.</numerusform></translation>
    </message>
    </context>
<context>
    <name>_CloseCaseCounts</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="746" />
        <source>Når saken avsluttes, slettes %n bilde(r) for godt (slettingen loggføres).</source>
        <translation><numerusform>Når saken avsluttes, slettes %n bilde for godt (slettingen loggføres).</numerusform><numerusform>Når saken avsluttes, slettes %n bilder for godt (slettingen loggføres).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="749" />
        <source>%n eksportert(e) dokument(er) som ligger i HMS Desk slettes også.</source>
        <translation><numerusform>%n eksportert dokument som ligger i HMS Desk, slettes også.</numerusform><numerusform>%n eksporterte dokumenter som ligger i HMS Desk, slettes også.</numerusform></translation>
    </message>
</context>
</TS>