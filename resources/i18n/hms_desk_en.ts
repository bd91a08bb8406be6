<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name>AnnotationLayer</name>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="166" />
        <source>&amp;Pil</source>
        <extracomment>A press and release closer than this (screen pixels) is a click, not a drawing. A click this close (screen pixels) to a mark picks it. A freehand stroke takes a new point when the mouse moved this far (screen pixels). How many steps undo remembers. The widths the tools offer (name, width 1–12).</extracomment>
        <translation>&amp;Arrow</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="166" />
        <source>Pil: dra fra halen til spissen</source>
        <translation>Arrow: drag from the tail to the tip</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="167" />
        <source>&amp;Sirkel</source>
        <translation>&amp;Circle</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="167" />
        <source>Sirkel eller ellipse: dra over det som skal rammes inn</source>
        <translation>Circle or ellipse: drag over what should be circled</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="168" />
        <source>&amp;Rektangel</source>
        <translation>&amp;Rectangle</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="168" />
        <source>Rektangel: dra fra hjørne til hjørne</source>
        <translation>Rectangle: drag from corner to corner</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="169" />
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="169" />
        <source>Tekst: klikk der teksten skal stå</source>
        <translation>Text: click where the text should go</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="170" />
        <source>Fri&amp;hånd</source>
        <translation>Free&amp;hand</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="170" />
        <source>Frihåndspenn: tegn med musen</source>
        <translation>Freehand pen: draw with the mouse</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="171" />
        <source>&amp;Nummer</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="171" />
        <source>Nummermerke: klikk for 1, 2, 3 … i rekkefølge</source>
        <translation>Numbered marker: click for 1, 2, 3 … in order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="172" />
        <source>&amp;Velg og flytt</source>
        <translation>&amp;Select and move</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="172" />
        <source>Velg en tegning, dra for å flytte, Delete fjerner</source>
        <translation>Select a mark, drag to move it, Delete removes it</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="180" />
        <source>&amp;Angre</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="181" />
        <source>Angre siste endring</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="182" />
        <source>&amp;Gjør om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="183" />
        <source>Gjør om det som ble angret</source>
        <translation>Redo what was undone</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="184" />
        <source>&amp;Slett valgt tegning</source>
        <translation>&amp;Delete selected mark</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="185" />
        <source>&amp;Fjern alle tegninger</source>
        <translation>&amp;Clear all drawings</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="186" />
        <source>&amp;Legg fra deg verktøyet</source>
        <translation>&amp;Put the tool down</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="187" />
        <source>&amp;Tynnere strek</source>
        <translation>&amp;Thinner line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="188" />
        <source>T&amp;ykkere strek</source>
        <translation>T&amp;hicker line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="190" />
        <source>Rød</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="190" />
        <source>Gul</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="190" />
        <source>Grønn</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="190" />
        <source>Blå</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="190" />
        <source>Hvit</source>
        <translation>White</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="194" />
        <source>Farge: {0}</source>
        <translation>Colour: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="200" />
        <source>Tynn</source>
        <translation>Thin</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="200" />
        <source>Middels</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="200" />
        <source>Tykk</source>
        <translation>Thick</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="200" />
        <source>Ekstra tykk</source>
        <translation>Extra thick</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="204" />
        <source>Strek: {0}</source>
        <translation>Line: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="219" />
        <source>&amp;Farge</source>
        <translation>&amp;Colour</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="222" />
        <source>S&amp;trek</source>
        <translation>&amp;Line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="235" />
        <location filename="../../hms_desk/ui/annotation_layer.py" line="237" />
        <source>Tegneverktøy</source>
        <translation>Drawing tools</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="242" />
        <source>Farge</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="242" />
        <source>Strek</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="260" />
        <source>{0} – hurtigtast {1}</source>
        <translation>{0} – shortcut {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="479" />
        <source>Tekst på bildet</source>
        <translation>Text on the picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="484" />
        <source>Tekst (høyst 80 tegn, ingen personopplysninger):</source>
        <translation>Text (at most 80 characters, no personal data):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="562" />
        <source>Tegn på bildet – punktet er utenfor.</source>
        <translation>Draw on the picture – that point is outside it.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="769" />
        <source>Revisjonslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="772" />
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="772" />
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="772" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="773" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="773" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="773" />
        <source>Detalj</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="34" />
        <source>Vis saker</source>
        <translation>Show cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="35" />
        <source>Åpne saker</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="36" />
        <source>Lukkede saker</source>
        <translation>Closed cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="37" />
        <source>Alle saker</source>
        <translation>All cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="39" />
        <source>Saksnummer, HMS-nr eller serienr</source>
        <translation>Case number, HMS no. or serial no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="40" />
        <source>Søk i saker</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="42" />
        <source>&amp;Oppdater</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="46" />
        <source>Saker</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="47" />
        <source>Sak</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="47" />
        <source>Startet</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="47" />
        <location filename="../../hms_desk/ui/case_list.py" line="66" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="48" />
        <source>Hjelpemidler</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="48" />
        <source>Bilder/bestillinger</source>
        <translation>Pictures/orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="56" />
        <source>&amp;Gjenoppta sak</source>
        <translation>&amp;Resume case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="58" />
        <source>Alle &amp;bestillinger</source>
        <translation>All &amp;orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="59" />
        <source>Vis alle bestillinger, ikke bare den valgte sakens</source>
        <translation>Show all orders, not just the chosen case's</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="61" />
        <source>Bestillinger</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="64" />
        <source>Bestillinger med statushistorikk</source>
        <translation>Orders with status history</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="65" />
        <source>Bestilling</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="65" />
        <source>Hjelpemiddel</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="66" />
        <source>Opprettet</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="67" />
        <source>Historikk</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="125" />
        <source>åpen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="125" />
        <source>lukket</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="158" />
        <source>Bestillinger i sak {0}</source>
        <translation>Orders in case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="159" />
        <source>Alle bestillinger</source>
        <translation>All orders</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="58" />
        <location filename="../../hms_desk/ui/case_panel.py" line="690" />
        <source>Ingen sak er startet.</source>
        <translation>No case has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="65" />
        <source>Start &amp;ny sak</source>
        <translation>Start &amp;new case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="75" />
        <source>Til stede (rolle, aldri navn)</source>
        <translation>Present (role, never names)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="82" />
        <source>I bildet</source>
        <translation>In picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="83" />
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="91" />
        <source>Brukeren deltar i samtalen (også utenfor bildet)</source>
        <translation>The user takes part in the call (also out of picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="110" />
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="117" />
        <source>Registrer samtykke</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="118" />
        <location filename="../../hms_desk/ui/case_panel.py" line="474" />
        <source>Brukeren deltar ikke.</source>
        <translation>The user does not take part.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="144" />
        <source>Slett sakens bilder nå</source>
        <translation>Delete the case's pictures now</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="152" />
        <source>Vurdering</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="154" />
        <source>(ikke bestemt)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="159" />
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="161" />
        <source>Oppsummering av samtalen (ingen navn, fødselsnummer eller diagnose)</source>
        <translation>Summary of the call (no names, national ID numbers or diagnoses)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="166" />
        <source>Neste kontakt, f.eks. ny samtale tirsdag kl. 10</source>
        <translation>Next contact, e.g. new call Tuesday at 10</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="183" />
        <source>&amp;Eksporter journalnotat (PDF)</source>
        <translation>&amp;Export journal note (PDF)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="185" />
        <source>Slettebekreftelse (PDF)</source>
        <translation>Deletion receipt (PDF)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="186" />
        <source>Bekreftelse til kommunen på at sakens bilder er slettet</source>
        <translation>Confirmation to the municipality that the case's pictures are deleted</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="289" />
        <source>Sak {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="275" />
        <source>Sak {0} er startet.</source>
        <translation>Case {0} has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="71" />
        <source>&amp;Gjenoppta</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="81" />
        <source>f.eks. Oslo kommune, hjemmetjenesten</source>
        <translation>e.g. Oslo kommune, hjemmetjenesten</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="84" />
        <source>Legg til deltaker</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="86" />
        <source>Til stede</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="88" />
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="89" />
        <source>Fjern deltaker</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="90" />
        <source>Fjerner en deltaker som ble ført opp ved en feil (loggføres)</source>
        <translation>Removes a participant added by mistake (logged)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="97" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="100" />
        <source>&amp;Organisasjon:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="122" />
        <source>Registrerte samtykker</source>
        <translation>Recorded consents</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="124" />
        <source>Fjern samtykke</source>
        <translation>Remove consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="125" />
        <source>Retter et samtykke som ble registrert ved en feil (loggføres)</source>
        <translation>Corrects a consent recorded by mistake (logged)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="127" />
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="127" />
        <source>Gitt &amp;av:</source>
        <translation>Given &amp;by:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="128" />
        <source>&amp;Gjelder:</source>
        <translation>&amp;Covers:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="137" />
        <source>Bilder (sladdet og kryptert)</source>
        <translation>Pictures (blurred and encrypted)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="138" />
        <source>Ansikter sladdes før bildet lagres; bildene er kryptert og slettes når saken lukkes</source>
        <translation>Faces are blurred before the picture is saved; the pictures are encrypted and deleted when the case is closed</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="140" />
        <source>Bilder i saken</source>
        <translation>Pictures in the case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="146" />
        <source>Slettes når saken lukkes.</source>
        <translation>Deleted when the case is closed.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="172" />
        <source>Det er ikke personopplysninger – lagre likevel</source>
        <translation>It is not personal data – save anyway</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="175" />
        <source>&amp;Beslutning:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="175" />
        <source>Be&amp;grunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="176" />
        <source>O&amp;ppsummering:</source>
        <translation>S&amp;ummary:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="176" />
        <source>Neste &amp;kontakt:</source>
        <translation>Next &amp;contact:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="184" />
        <source>&amp;Avslutt sak …</source>
        <translation>&amp;Close case …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="325" />
        <source>Hjelpemidler: {0}</source>
        <translation>Devices: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="326" />
        <source>Ingen hjelpemiddel slått opp ennå.</source>
        <translation>No device looked up yet.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="336" />
        <source>Sak {0} fra {1} er fortsatt åpen.</source>
        <translation>Case {0} from {1} is still open.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="338" />
        <source>%n annen sak er også åpen (se Saker).</source>
        <translation><numerusform>%n other case is also open (see Cases).</numerusform><numerusform>%n other cases are also open (see Cases).</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="345" />
        <source>Avslutt eller lukk den åpne saken før du gjenopptar en annen.</source>
        <translation>Close the open case before you resume another.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="362" />
        <source>Sak {0} er gjenopptatt.</source>
        <translation>Case {0} is resumed.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="367" />
        <source> (i bildet)</source>
        <translation> (in picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="386" />
        <source>Deltaker lagt til: {0}.</source>
        <translation>Participant added: {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="393" />
        <source>Velg deltakeren som skal fjernes.</source>
        <translation>Choose the participant to remove.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="399" />
        <source>Deltakeren er fjernet (rettingen er loggført).</source>
        <translation>The participant is removed (the correction is logged).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="427" />
        <source>{0} samtykke fra {1} til {2} – {3}, registrert av {4}</source>
        <translation>{0} consent from {1} for {2} – {3}, recorded by {4}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="435" />
        <source>Velg samtykket som skal rettes.</source>
        <translation>Choose the consent to correct.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="441" />
        <source>Samtykket er fjernet (rettingen er loggført).</source>
        <translation>The consent is removed (the correction is logged).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="453" />
        <source>Samtykke registrert: {0} fra {1} til {2}.</source>
        <translation>Consent recorded: {0} from {1} for {2}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="478" />
        <source>Brukeren deltar. Samtykke er registrert – bilder kan tas (ansikter sladdes alltid).</source>
        <translation>The user takes part. Consent is recorded – pictures may be taken (faces are always blurred).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="480" />
        <source>Brukeren deltar – samtykke registrert</source>
        <translation>The user takes part – consent recorded</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="483" />
        <source>Brukeren deltar: INGEN BILDER før samtykke er registrert. Ansikter sladdes i videobildet.</source>
        <translation>The user takes part: NO PICTURES until consent is recorded. Faces are blurred in the video.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="485" />
        <source>INGEN BILDER – samtykke mangler</source>
        <translation>NO PICTURES – consent missing</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="507" />
        <source>Start en sak før du tar bilde.</source>
        <translation>Start a case before taking a picture.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="523" />
        <source>%n ansikt(er) sladdet</source>
        <translation><numerusform>%n face blurred</numerusform><numerusform>%n faces blurred</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="525" />
        <source>Bilde %n</source>
        <translation><numerusform>Picture %n</numerusform><numerusform>Picture %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="531" />
        <source>Bilde lagret, %n ansikt(er) sladdet.</source>
        <translation><numerusform>Picture saved, %n face blurred.</numerusform><numerusform>Picture saved, %n faces blurred.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="591" />
        <source>Teksten ser ut til å inneholde personopplysninger – se varselet.</source>
        <translation>The text seems to contain personal data – see the warning.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="640" />
        <source>%n bilde(r) slettet.</source>
        <translation><numerusform>%n picture deleted.</numerusform><numerusform>%n pictures deleted.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="687" />
        <source>Sak {0} er avsluttet. %n bilde(r) slettet.</source>
        <translation><numerusform>Case {0} is closed. %n picture deleted.</numerusform><numerusform>Case {0} is closed. %n pictures deleted.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="624" />
        <source>Journalnotat lagret: {0}</source>
        <translation>Journal note saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="630" />
        <source>Bildene trengs ikke lenger? Trykk «Slett sakens bilder nå».</source>
        <translation>Pictures no longer needed? Press “Delete the case's pictures now”.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="652" />
        <source>Slettebekreftelse lagret: {0}</source>
        <translation>Deletion receipt saved: {0}</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="723" />
        <source>Avslutt sak {0}</source>
        <translation>Close case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="727" />
        <source>Journalnotatet er ikke eksportert med alle bildene ennå.</source>
        <translation>The journal note has not been exported with all the pictures yet.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="730" />
        <source>Journalnotatet er eksportert.</source>
        <translation>The journal note is exported.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="732" />
        <source>Journalnotatet er ikke eksportert.</source>
        <translation>The journal note is not exported.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="736" />
        <source>Dokumenter lagret utenfor HMS Desk ({0}) slettes ikke av HMS Desk; slettebekreftelsen sier hvor de ble lagret.</source>
        <translation>Documents saved outside HMS Desk ({0}) are not deleted by HMS Desk; the deletion receipt says where they were saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="742" />
        <source>Innstillingen krever at journalnotatet eksporteres før bildene slettes.</source>
        <translation>The settings require the journal note to be exported before the pictures are deleted.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="745" />
        <source>&amp;Eksporter journalnotat først</source>
        <translation>&amp;Export the journal note first</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="749" />
        <source>&amp;Avslutt og slett bildene</source>
        <translation>&amp;Close and delete the pictures</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../hms_desk/ui/crash_dialog.py" line="21" />
        <source>HMS Desk – uventet feil</source>
        <translation>HMS Desk – unexpected error</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/crash_dialog.py" line="23" />
        <source>Det oppstod en uventet feil. Arbeidet ditt er lagret så langt det var mulig.
Send gjerne feilrapporten under til brukerstøtte. Den inneholder ingen personopplysninger.</source>
        <translation>An unexpected error occurred. Your work has been saved as far as possible.
Please send the report below to support. It contains no personal data.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/crash_dialog.py" line="27" />
        <source>Rapporten er lagret i: {0}</source>
        <translation>The report is saved in: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/crash_dialog.py" line="32" />
        <source>Feilrapport</source>
        <translation>Error report</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/crash_dialog.py" line="36" />
        <source>Kopier rapport</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="68" />
        <source>Importer filer</source>
        <extracomment>``do_import(kind, paths, progress, cancel) -&gt; ImportReport`` (see ``ui.application``)</extracomment>
        <translation>Import files</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="72" />
        <source>Hjelpemiddelregister fra OeBS (CSV)</source>
        <translation>Device register from OeBS (CSV)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="72" />
        <location filename="../../hms_desk/ui/import_dialog.py" line="75" />
        <location filename="../../hms_desk/ui/import_dialog.py" line="76" />
        <source>CSV-filer (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="73" />
        <source>Produktkatalog fra NAV (grunndata, JSON)</source>
        <translation>Product catalogue from NAV (grunndata, JSON)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="73" />
        <source>JSON-filer (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="74" />
        <source>Deleliste (CSV eller Excel)</source>
        <translation>Parts list (CSV or Excel)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="74" />
        <source>Deleliste (*.csv *.xlsx)</source>
        <translation>Parts list (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="75" />
        <source>Produkter (CSV)</source>
        <translation>Products (CSV)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="76" />
        <source>Deler per produkt (CSV)</source>
        <translation>Parts per product (CSV)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="81" />
        <source>Hva skal importeres</source>
        <translation>What to import</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="83" />
        <source>Valgte filer</source>
        <translation>Chosen files</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="85" />
        <source>&amp;Velg filer …</source>
        <translation>&amp;Choose files …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="86" />
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="89" />
        <location filename="../../hms_desk/ui/import_dialog.py" line="184" />
        <location filename="../../hms_desk/ui/import_dialog.py" line="244" />
        <source>&amp;Avbryt import</source>
        <translation>&amp;Cancel import</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="91" />
        <source>&amp;Lukk</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="95" />
        <location filename="../../hms_desk/ui/import_dialog.py" line="163" />
        <source>Velg hva som skal importeres og filene.</source>
        <translation>Choose what to import and the files.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="99" />
        <source>Detaljer om importen</source>
        <translation>Details of the import</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="102" />
        <source>Resultatet vises her.</source>
        <translation>The result is shown here.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="105" />
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="109" />
        <source>Filer:</source>
        <translation>Files:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="154" />
        <source>Velg filer: {0}</source>
        <translation>Choose files: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="155" />
        <source>Alle filer (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/import_dialog.py" line="162" />
        <source>%n fil(er) valgt.</source>
        <translation><numerusform>%n file chosen.</numerusform><numerusform>%n files chosen.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="179" />
        <source>Importerer …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="193" />
        <source>Avbryter …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="194" />
        <source>Avbryter – ingen endringer blir lagret …</source>
        <translation>Cancelling – no changes will be saved …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="203" />
        <source>{0} av ca. {1} rader lest …</source>
        <translation>{0} of about {1} rows read …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="205" />
        <source>{0} rader lest …</source>
        <translation>{0} rows read …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="211" />
        <source>Advarsel: {0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="213" />
        <source>{0}: {1} {2}: {3}</source>
        <translation>{0}: {1} {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="216" />
        <source>… og {0} feil til.</source>
        <translation>… and {0} more errors.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/import_dialog.py" line="233" />
        <source>Ingenting ble importert. Databasen er som før.</source>
        <translation>Nothing was imported. The database is as it was.</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="61" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="64" />
        <source>Serienr</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="67" />
        <source>Slå &amp;opp</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="79" />
        <source>&amp;HMS-nr:</source>
        <translation>&amp;HMS no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="81" />
        <source>&amp;Serienr:</source>
        <translation>&amp;Serial no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="87" />
        <source>Hjelpemiddel</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="91" />
        <source>Produkt</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="91" />
        <source>Serie</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="92" />
        <source>Leverandør</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="92" />
        <source>ISO-kategori</source>
        <translation>ISO category</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="93" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="93" />
        <source>Utlån</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="94" />
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="94" />
        <source>HMS</source>
        <translation>HMS</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="95" />
        <source>Garanti</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="95" />
        <source>Siste batteri</source>
        <translation>Last battery</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="96" />
        <source>Tidligere</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="96" />
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="139" />
        <source>Slår opp …</source>
        <translation>Looking up …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="159" />
        <source>frakoblet — aldri synkronisert</source>
        <translation>offline — never synchronised</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="161" />
        <source>frakoblet — sist synkronisert {0} kl. {1}</source>
        <translation>offline — last synchronised {0} at {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="184" />
        <source>ukjent type</source>
        <translation>unknown type</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="185" />
        <source>{0}, fra {1}</source>
        <translation>{0}, from {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="189" />
        <source>under garanti</source>
        <translation>under warranty</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="189" />
        <source>utløpt</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="190" />
        <source>{0} år, til {1} ({2})</source>
        <translation>{0} years, until {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="154" />
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="60" />
        <location filename="../../hms_desk/ui/lookup_panel.py" line="63" />
        <source>6 siffer</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="195" />
        <source>OeBS</source>
        <translation>OeBS</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="197" />
        <source>lokalt register (OeBS svarer ikke)</source>
        <translation>local register (OeBS does not answer)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="199" />
        <source>lokalt register</source>
        <translation>local register</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="94" />
        <location filename="../../hms_desk/ui/main_window.py" line="247" />
        <source>Ingen sak</source>
        <translation>No case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="98" />
        <source>Video: starter</source>
        <translation>Video: starting</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="100" />
        <location filename="../../hms_desk/ui/main_window.py" line="295" />
        <source>Kamera på</source>
        <translation>Camera on</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="135" />
        <source>&amp;Ny sak</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="136" />
        <source>&amp;Eksporter journalnotat</source>
        <translation>&amp;Export journal note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="140" />
        <source>&amp;Importer …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="141" />
        <source>Importer katalog- eller registerfiler</source>
        <translation>Import catalogue or register files</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="142" />
        <source>Inn&amp;stillinger …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="143" />
        <source>A&amp;vslutt HMS Desk</source>
        <translation>&amp;Quit HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="144" />
        <source>&amp;Frys bilde</source>
        <translation>&amp;Freeze picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="145" />
        <source>Frys eller fortsett videobildet</source>
        <translation>Freeze or resume the video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="146" />
        <source>Ta &amp;bilde</source>
        <translation>Take &amp;picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="147" />
        <source>Lagrer bildet i saken med ansikter sladdet</source>
        <translation>Saves the picture in the case with faces blurred</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="148" />
        <source>&amp;Personvernpause</source>
        <translation>&amp;Privacy pause</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="149" />
        <source>Slår kameraet av med en gang</source>
        <translation>Turns the camera off at once</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="150" />
        <source>Zoom &amp;inn</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="151" />
        <source>Zoom &amp;ut</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="152" />
        <source>&amp;Tilbakestill zoom</source>
        <translation>&amp;Reset zoom</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="153" />
        <source>&amp;Roter 90°</source>
        <translation>&amp;Rotate 90°</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="154" />
        <source>Vis &amp;måltall (fps, forsinkelse)</source>
        <translation>Show &amp;metrics (fps, latency)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="155" />
        <source>&amp;Fullskjerm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="156" />
        <source>Gå til &amp;oppslag</source>
        <translation>Go to &amp;lookup</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="158" />
        <source>&amp;Arbeidsflate</source>
        <translation>&amp;Workspace</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="160" />
        <source>&amp;Tilbakestill vindusoppsett</source>
        <translation>&amp;Reset window layout</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="161" />
        <source>&amp;Om HMS Desk</source>
        <translation>&amp;About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="162" />
        <source>&amp;Hurtigtaster …</source>
        <translation>&amp;Keyboard shortcuts …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="163" />
        <source>&amp;Sladd ansikter i sanntid</source>
        <translation>&amp;Blur faces live</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="165" />
        <source>Sladder ansikter i videobildet (på når brukeren deltar)</source>
        <translation>Blurs faces in the video (on when the user takes part)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="166" />
        <source>&amp;Revisjonslogg …</source>
        <translation>&amp;Audit log …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="168" />
        <source>Sak</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="168" />
        <source>Hjelpemiddel</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="168" />
        <source>Deler</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="168" />
        <source>Bestilling</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="169" />
        <source>Vis {0}</source>
        <translation>Show {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="173" />
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="181" />
        <source>&amp;Video</source>
        <translation>&amp;Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="191" />
        <source>V&amp;is</source>
        <translation>V&amp;iew</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="201" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="202" />
        <source>Norsk bokmål</source>
        <translation>Norsk bokmål (Norwegian)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="204" />
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="208" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="222" />
        <source>&amp;Annoter</source>
        <translation>&amp;Annotate</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="305" />
        <source>S&amp;øk</source>
        <translation>S&amp;earch</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="413" />
        <source>Vindusoppsettet er tilbakestilt.</source>
        <translation>The window layout is reset.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="238" />
        <source>Bestilling {0} sendt</source>
        <translation>Order {0} sent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="261" />
        <source>Video: {0}</source>
        <translation>Video: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="247" />
        <source>Sak {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="81" />
        <location filename="../../hms_desk/ui/main_window.py" line="91" />
        <source>Arbeidsflate</source>
        <extracomment>The work dock's width: a share of the window, within these bounds (px).</extracomment>
        <translation>Workspace</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="87" />
        <source>&amp;Sak</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="88" />
        <source>&amp;Hjelpemiddel</source>
        <translation>&amp;Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="89" />
        <source>&amp;Deler</source>
        <translation>&amp;Parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="90" />
        <location filename="../../hms_desk/ui/main_window.py" line="258" />
        <source>Bes&amp;tilling</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="138" />
        <source>&amp;Avslutt sak …</source>
        <translation>&amp;Close case …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="139" />
        <source>Avslutter saken etter å ha vist hva som slettes</source>
        <translation>Closes the case after showing what will be deleted</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="228" />
        <source>Tegn på det frosne bildet – Esc legger fra deg verktøyet, Ctrl+Z angrer, Ctrl+Shift+Z gjør om.</source>
        <translation>Draw on the frozen picture – Esc puts the tool down, Ctrl+Z undoes, Ctrl+Shift+Z redoes.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="258" />
        <source>Bes&amp;tilling ({0})</source>
        <translation>&amp;Order ({0})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="276" />
        <source>Personvernpause: ingen bilder tas.</source>
        <translation>Privacy pause: no pictures are taken.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="280" />
        <source>Ingen videobilde å ta bilde av.</source>
        <translation>No video picture to capture.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="292" />
        <source>PERSONVERNPAUSE – kamera av</source>
        <translation>PRIVACY PAUSE – camera off</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="306" />
        <source>&amp;Søk etter hjelpemiddel</source>
        <translation>&amp;Search for a device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="314" />
        <source>Sa&amp;ker</source>
        <translation>Ca&amp;ses</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="315" />
        <source>Saker og &amp;bestillinger</source>
        <translation>Cases and &amp;orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="340" />
        <source>Språket endres neste gang HMS Desk starter.</source>
        <translation>The language changes the next time HMS Desk starts.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="343" />
        <source>Om HMS Desk</source>
        <translation>About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="344" />
        <source>{0} {1}
Videostøtte, oppslag og delbestilling for NAV Hjelpemiddelsentral.
Katalogdata: NAV (MIT-lisens).</source>
        <translation>{0} {1}
Video support, lookup and parts ordering for NAV Hjelpemiddelsentral.
Catalogue data: NAV (MIT licence).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="359" />
        <location filename="../../hms_desk/ui/main_window.py" line="362" />
        <source>Hurtigtaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="363" />
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="363" />
        <source>Tast</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="391" />
        <source>Velg &amp;videokilde …</source>
        <translation>Choose &amp;video source …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="392" />
        <source>Kamera, vindu, skjerm, strøm, fil eller demo</source>
        <translation>Camera, window, screen, stream, file or demo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="393" />
        <source>Forhånds&amp;sjekk …</source>
        <translation>Pre-call &amp;check …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="394" />
        <source>Sjekk bilde, bildefrekvens og lys før samtalen</source>
        <translation>Check picture, frame rate and light before the call</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="133" />
        <source>Innstillingene kunne ikke lagres: {0}</source>
        <extracomment>Qt's translation in the main window's context (lupdate reads translate("MainWindow", …)).</extracomment>
        <translation>The settings could not be saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="186" />
        <source>Innstillingene er lagret.</source>
        <translation>The settings are saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="207" />
        <source>Ansikter sladdes i videobildet.</source>
        <translation>Faces are blurred in the video.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="208" />
        <source>Ansiktssladding i videobildet er av.</source>
        <translation>Live face blur is off.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="263" />
        <source>Første start: importerer produktkatalog og demoregister …</source>
        <translation>First start: importing the product catalogue and demo register …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="265" />
        <source>Produktkatalogen er klar.</source>
        <translation>The product catalogue is ready.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="363" />
        <source>HMS Desk stoppet uventet forrige gang</source>
        <translation>HMS Desk stopped unexpectedly last time</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="26" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="26" />
        <source>Lev.art.nr</source>
        <translation>Supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="26" />
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="26" />
        <source>Antall</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="27" />
        <source>Merknad</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="48" />
        <source>Ukjent</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="52" />
        <source> (ukjent del)</source>
        <translation> (unknown part)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="63" />
        <source>Høyst {0} stk. for dette hjelpemiddelet</source>
        <translation>At most {0} for this device</translation>
    </message>
</context>
<context>
    <name>PartsPanel</name>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="113" />
        <source>Slå opp et hjelpemiddel for å se delene som passer.</source>
        <translation>Look up a device to see the parts that fit.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="119" />
        <source>Søk i deler (navn, HMS-nr, lev.art.nr)</source>
        <translation>Search parts (name, HMS no., supplier art. no.)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="123" />
        <source>Vis bare én kategori</source>
        <translation>Show one category only</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="124" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="360" />
        <source>Alle kategorier</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="127" />
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="127" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="127" />
        <source>Lev.art.nr</source>
        <translation>Supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="127" />
        <source>Std/maks</source>
        <translation>Default/max</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="134" />
        <source>Valgt del</source>
        <translation>Selected part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="140" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="408" />
        <source>Velg en del i listen.</source>
        <translation>Choose a part in the list.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="145" />
        <source>HMS-nr:</source>
        <translation>HMS no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="146" />
        <source>Lev.art.nr:</source>
        <translation>Supplier art. no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="147" />
        <source>Kategori:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="145" />
        <source>Standard antall:</source>
        <translation>Default quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="115" />
        <source>Ingen hjelpemiddel valgt.</source>
        <translation>No device chosen.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="121" />
        <source>Søk i deler</source>
        <translation>Search parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="126" />
        <source>Deler som passer, gruppert etter kategori</source>
        <translation>Parts that fit, grouped by category</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="146" />
        <source>Maks antall her:</source>
        <translation>Max quantity here:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="147" />
        <source>Kilde:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="166" />
        <source>&amp;Legg til i bestilling</source>
        <translation>&amp;Add to order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="170" />
        <source>Ukjent del (ikke i katalogen)</source>
        <translation>Unknown part (not in the catalogue)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="172" />
        <source>HMS-nr (6 siffer)</source>
        <translation>HMS no. (6 digits)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="175" />
        <source>eller lev.art.nr</source>
        <translation>or supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="178" />
        <source>Beskrivelse, f.eks. Bremsewire venstre, 120 cm</source>
        <translation>Description, e.g. brake cable left, 120 cm</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="182" />
        <source>Legg til &amp;ukjent del</source>
        <translation>Add &amp;unknown part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="219" />
        <source>Teknikeren har opplæring i batteribytte</source>
        <translation>The technician is trained in battery replacement</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="220" />
        <source>Kreves når bestillingen har batteri</source>
        <translation>Required when the order has a battery</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="226" />
        <source>Til kommunens lager</source>
        <translation>To the municipality's stock</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="227" />
        <source>Til servicejobben</source>
        <translation>To the service job</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="232" />
        <source>&amp;Send bestilling</source>
        <translation>&amp;Send order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="267" />
        <source>&amp;Antall:</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="341" />
        <source>Bestilling til {0} ({1} / {2})</source>
        <translation>Order for {0} ({1} / {2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="411" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="429" />
        <source>Ingen bilde</source>
        <translation>No picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="583" />
        <source>Bestilling {0}</source>
        <translation>Order {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="583" />
        <source>Reparasjonsordre {0}</source>
        <translation>Repair order {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="593" />
        <source>{0} for {1} er sendt til skriveren.</source>
        <translation>{0} for {1} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="594" />
        <source>Bestillingen</source>
        <translation>The order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="594" />
        <source>Reparasjonsordren</source>
        <translation>The repair order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="608" />
        <source>Eksportert til ordrekontoret: {0}</source>
        <translation>Exported for the order office: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="192" />
        <source>Antall:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="215" />
        <source>&amp;Fjern linje</source>
        <translation>&amp;Remove line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="216" />
        <source>Fjerner den valgte bestillingslinjen (Delete)</source>
        <translation>Removes the selected order line (Delete)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="243" />
        <source>Skriv ut &amp;bestilling</source>
        <translation>Print &amp;order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="244" />
        <source>Skriv ut &amp;reparasjonsordre</source>
        <translation>Print &amp;repair order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="245" />
        <source>&amp;Eksporter (JSON/CSV)</source>
        <translation>&amp;Export (JSON/CSV)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="277" />
        <source>Levering:</source>
        <translation>Delivery:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="295" />
        <source>Bestillingslinjer:</source>
        <translation>Order lines:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="349" />
        <source>Deler til {0} ({1}/{2}) — laster …</source>
        <translation>Parts for {0} ({1}/{2}) — loading …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="356" />
        <source>{0} deler passer til {1} ({2})</source>
        <translation>{0} parts fit {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="418" />
        <source> (krever opplæring)</source>
        <translation> (training required)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="543" />
        <source>Bestilling {0} er sendt.</source>
        <translation>Order {0} has been sent.</translation>
    </message>
</context>
<context>
    <name>PreCallCheckDialog</name>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="68" />
        <source>Forhåndssjekk av video</source>
        <translation>Video pre-call check</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="80" />
        <location filename="../../hms_desk/ui/precall_check.py" line="82" />
        <source>Venter på bilde …</source>
        <translation>Waiting for a picture …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="91" />
        <source>1. Bilde kommer fram:</source>
        <translation>1. Picture arrives:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="92" />
        <source>2. Oppløsning og bildefrekvens:</source>
        <translation>2. Resolution and frame rate:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="93" />
        <source>3. Jevn bildefrekvens:</source>
        <translation>3. Steady frame rate:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="95" />
        <source>4. Bildekvalitet:</source>
        <translation>4. Picture quality:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="139" />
        <source>Personvernpause: sjekken venter. Ingen bilder tas imot eller analyseres.</source>
        <translation>Privacy pause: the check is waiting. No pictures are received or analysed.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="159" />
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="165" />
        <source>{0}×{1}, {2} bilder/s</source>
        <translation>{0}×{1}, {2} frames/s</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="174" />
        <source>Jevn: {0} bilder/s i snitt, minst {1} i hvert sekund.</source>
        <translation>Steady: {0} frames/s on average, at least {1} in every second.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="177" />
        <source>Ujevn: {0} bilder/s i snitt, ned til {1} i ett sekund, lengste opphold {2} s. Sjekk nettet eller lukk andre programmer.</source>
        <translation>Uneven: {0} frames/s on average, down to {1} in one second, longest gap {2} s. Check the network or close other programs.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/precall_check.py" line="182" />
        <source>Måler … {0} av {1} s</source>
        <translation>Measuring … {0} of {1} s</translation>
    </message>
</context>
<context>
    <name>QuantityDelegate</name>
    <message>
        <location filename="../../hms_desk/ui/order_lines_model.py" line="137" />
        <source>Antall</source>
        <translation>Quantity</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="469" />
        <source>Sak {0} er åpen</source>
        <translation>Case {0} is open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="470" />
        <source>Sak {0} er fortsatt åpen. Vil du avslutte saken nå (bildene slettes), eller la den stå åpen til neste gang HMS Desk starter?</source>
        <translation>Case {0} is still open. Do you want to close the case now (the pictures are deleted), or leave it open until HMS Desk starts next time?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="472" />
        <source>&amp;La saken stå åpen</source>
        <translation>&amp;Leave the case open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="473" />
        <source>&amp;Avslutt saken</source>
        <translation>&amp;Close the case</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="43" />
        <source>Serienr, «HMS-nr serienr» eller produkt/leverandør</source>
        <extracomment>Milliseconds of quiet typing before the search runs.</extracomment>
        <translation>Serial no., “HMS no. serial no.” or product/supplier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="44" />
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="47" />
        <source>Søketreff</source>
        <translation>Search results</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="74" />
        <source>Søker …</source>
        <translation>Searching …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="86" />
        <source>{0} · HMS-nr {1} · serienr {2} — {3}</source>
        <translation>{0} · HMS no. {1} · serial no. {2} — {3}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="89" />
        <source>{0} · HMS-nr {1} (produkt) — {2}</source>
        <translation>{0} · HMS no. {1} (product) — {2}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="92" />
        <source>Treffsikkerhet {0:.0%}</source>
        <translation>Match {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="97" />
        <source>Ingen treff på «{0}».</source>
        <translation>No results for “{0}”.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/search_panel.py" line="99" />
        <source>{0} treff – Enter eller dobbeltklikk fyller ut oppslaget.</source>
        <translation>{0} results – Enter or double-click fills in the lookup.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="36" />
        <source>Innstillinger</source>
        <extracomment>A NAV staff ident (one letter and six digits) or initials (2–4 letters).</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="43" />
        <source>NAV-ident (f.eks. T123456) eller initialer – aldri navn</source>
        <translation>NAV ident (e.g. T123456) or initials – never a name</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="49" />
        <source>https://… (tomt: bare det lokale registeret)</source>
        <translation>https://… (empty: only the local register)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="52" />
        <source>uendret</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="52" />
        <source>ikke satt</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="55" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="58" />
        <source>tomt: SQLite i profilen; ellers postgresql://…</source>
        <translation>empty: SQLite in the profile; else postgresql://…</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="61" />
        <source> dager</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="67" />
        <source>Sladd ansikter i videobildet fra start</source>
        <translation>Blur faces in the video from the start</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="69" />
        <source>Svart bilde når ansiktssladdingen ikke henger med</source>
        <translation>Black picture when face blurring cannot keep up</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="71" />
        <source>Åpne forhåndssjekken når en ny sak startes</source>
        <translation>Open the pre-call check when a new case starts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="73" />
        <source>Slett sakens bilder når journalnotatet er eksportert</source>
        <translation>Delete the case's pictures when the journal note is exported</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="75" />
        <source>Krev eksportert journalnotat før bildene slettes</source>
        <translation>Require an exported journal note before the pictures are deleted</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="78" />
        <source>Bestiller</source>
        <translation>Orderer</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="80" />
        <source>&amp;Tekniker (ident):</source>
        <translation>&amp;Technician (ident):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="81" />
        <source>&amp;Hjelpemiddelsentral:</source>
        <translation>&amp;Assistive technology centre:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="82" />
        <source>OeBS og database</source>
        <translation>OeBS and database</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="84" />
        <source>OeBS-&amp;adresse:</source>
        <translation>OeBS &amp;address:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="85" />
        <source>OeBS-&amp;nøkkel:</source>
        <translation>OeBS &amp;key:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="86" />
        <source>&amp;Tidsavbrudd:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="87" />
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="88" />
        <source>Personvern og video</source>
        <translation>Privacy and video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="90" />
        <source>&amp;Oppbevaring av bilder:</source>
        <translation>&amp;Keep pictures for:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="93" />
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="95" />
        <source>&amp;Språk:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="106" />
        <source>Hemmeligheter lagres i: {0}</source>
        <translation>Secrets are stored in: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="143" />
        <source>Tekniker må være en NAV-ident (én bokstav og seks siffer) eller initialer (2–4 bokstaver) – aldri et navn eller fødselsnummer.</source>
        <translation>The technician must be a NAV ident (one letter and six digits) or initials (2–4 letters) – never a name or national identity number.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="146" />
        <source>Databaseadressen må begynne med sqlite:// eller postgresql://.</source>
        <translation>The database address must begin with sqlite:// or postgresql://.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="149" />
        <source>OeBS-nøkkelen kan ikke inneholde mellomrom eller linjeskift.</source>
        <translation>The OeBS key cannot contain spaces or line breaks.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/settings_dialog.py" line="170" />
        <source>Innstillingene kunne ikke lagres: {0}</source>
        <translation>The settings could not be saved: {0}</translation>
    </message>
</context>
<context>
    <name>SourcePickerDialog</name>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="48" />
        <source>Velg videokilde</source>
        <translation>Choose video source</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="56" />
        <source>Videokilder</source>
        <translation>Video sources</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="60" />
        <source>x,y,bredde,høyde (tomt = hele skjermen)</source>
        <translation>x,y,width,height (empty = whole screen)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="64" />
        <location filename="../../hms_desk/ui/source_picker.py" line="210" />
        <source>Ingen fil valgt</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="65" />
        <source>Velg &amp;fil …</source>
        <translation>Choose &amp;file …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="74" />
        <source>Oppløsning:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="75" />
        <source>Skjermutsnitt:</source>
        <translation>Screen region:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="76" />
        <source>Strømadresse:</source>
        <translation>Stream address:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="80" />
        <source>Videofil:</source>
        <translation>Video file:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="83" />
        <source>&amp;Oppdater</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="110" />
        <source>Velg videofil</source>
        <translation>Choose video file</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="130" />
        <source>Demo (generert bilde)</source>
        <translation>Demo (generated picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="134" />
        <source>{0} kamera funnet.</source>
        <translation>{0} camera(s) found.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="136" />
        <source>Kamera: {0}</source>
        <translation>Camera: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="138" />
        <source> (standard)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="141" />
        <source>Fant ingen kamera. Du kan bruke et vindu, en skjerm, en strøm, en fil eller demoen.</source>
        <translation>No camera found. You can use a window, a screen, a stream, a file or the demo.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="143" />
        <source>Kamera: Fant ingen kamera</source>
        <translation>Camera: no camera found</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="146" />
        <source>Vindu: {0}</source>
        <translation>Window: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="148" />
        <source>Vindu: fant ingen vinduer å ta opp</source>
        <translation>Window: no windows to capture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="150" />
        <source>Skjerm: {0}</source>
        <translation>Screen: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="151" />
        <source>Videofil …</source>
        <translation>Video file …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="152" />
        <source>Nettverksstrøm (RTSP, HTTP/MJPEG, HLS)</source>
        <translation>Network stream (RTSP, HTTP/MJPEG, HLS)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/source_picker.py" line="201" />
        <source>Kameraets standard</source>
        <translation>Camera default</translation>
    </message>
</context>
<context>
    <name>VideoPane</name>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="542" />
        <source>FRYST BILDE</source>
        <translation>FROZEN PICTURE</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="614" />
        <source>Ingen videokilde</source>
        <translation>No video source</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="617" />
        <source>{0} bilder/s · {1} tapt · forsinkelse {2}</source>
        <translation>{0} frames/s · {1} lost · delay {2}</translation>
    </message>
</context>
<context>
    <name>_CloseCaseCounts</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="708" />
        <source>Når saken avsluttes, slettes %n bilde(r) for godt (slettingen loggføres).</source>
        <translation><numerusform>When the case is closed, %n picture is deleted for good (the deletion is logged).</numerusform><numerusform>When the case is closed, %n pictures are deleted for good (the deletion is logged).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="711" />
        <source>%n eksportert(e) dokument(er) som ligger i HMS Desk slettes også.</source>
        <translation><numerusform>%n exported document kept in HMS Desk is deleted too.</numerusform><numerusform>%n exported documents kept in HMS Desk are deleted too.</numerusform></translation>
    </message>
</context>
</TS>