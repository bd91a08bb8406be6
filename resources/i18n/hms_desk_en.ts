<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name>AnnotationLayer</name>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="178" />
        <source>&amp;Pil</source>
        <extracomment>A press and release closer than this (screen pixels) is a click, not a drawing. A click this close (screen pixels) to a mark picks it. A freehand stroke takes a new point when the mouse moved this far (screen pixels). How many steps undo remembers. The widths the tools offer (name, width 1–12).</extracomment>
        <translation>&amp;Arrow</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="178" />
        <source>Pil: dra fra halen til spissen</source>
        <translation>Arrow: drag from the tail to the tip</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="179" />
        <source>&amp;Sirkel</source>
        <translation>&amp;Circle</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="179" />
        <source>Sirkel eller ellipse: dra over det som skal rammes inn</source>
        <translation>Circle or ellipse: drag over what should be circled</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="180" />
        <source>&amp;Rektangel</source>
        <translation>&amp;Rectangle</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="180" />
        <source>Rektangel: dra fra hjørne til hjørne</source>
        <translation>Rectangle: drag from corner to corner</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="181" />
        <source>&amp;Tekst</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="181" />
        <source>Tekst: klikk der teksten skal stå</source>
        <translation>Text: click where the text should go</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="182" />
        <source>Fri&amp;hånd</source>
        <translation>Free&amp;hand</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="182" />
        <source>Frihåndspenn: tegn med musen</source>
        <translation>Freehand pen: draw with the mouse</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="183" />
        <source>&amp;Nummer</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="183" />
        <source>Nummermerke: klikk for 1, 2, 3 … i rekkefølge</source>
        <translation>Numbered marker: click for 1, 2, 3 … in order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="184" />
        <source>&amp;Velg og flytt</source>
        <translation>&amp;Select and move</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="184" />
        <source>Velg en tegning, dra for å flytte, Delete fjerner</source>
        <translation>Select a mark, drag to move it, Delete removes it</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="192" />
        <source>&amp;Angre</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="193" />
        <source>Angre siste endring</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="194" />
        <source>&amp;Gjør om</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="195" />
        <source>Gjør om det som ble angret</source>
        <translation>Redo what was undone</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="196" />
        <source>&amp;Slett valgt tegning</source>
        <translation>&amp;Delete selected mark</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="197" />
        <source>&amp;Fjern alle tegninger</source>
        <translation>&amp;Clear all drawings</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="198" />
        <source>&amp;Legg fra deg verktøyet</source>
        <translation>&amp;Put the tool down</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="199" />
        <source>&amp;Følg merkene</source>
        <translation>&amp;Follow the marks</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="200" />
        <source>Merkene følger tingen når bildet går videre</source>
        <translation>The marks follow the object as the picture goes on</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="201" />
        <source>&amp;Slutt å følge</source>
        <translation>&amp;Stop following</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="202" />
        <source>Merkene fjernes, bildet går videre</source>
        <translation>The marks are removed, the picture goes on</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="203" />
        <source>&amp;Tynnere strek</source>
        <translation>&amp;Thinner line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="204" />
        <source>T&amp;ykkere strek</source>
        <translation>T&amp;hicker line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="206" />
        <source>Rød</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="206" />
        <source>Gul</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="206" />
        <source>Grønn</source>
        <translation>Green</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="206" />
        <source>Blå</source>
        <translation>Blue</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="206" />
        <source>Hvit</source>
        <translation>White</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="210" />
        <source>Farge: {0}</source>
        <translation>Colour: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="216" />
        <source>Tynn</source>
        <translation>Thin</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="216" />
        <source>Middels</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="216" />
        <source>Tykk</source>
        <translation>Thick</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="216" />
        <source>Ekstra tykk</source>
        <translation>Extra thick</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="220" />
        <source>Strek: {0}</source>
        <translation>Line: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="236" />
        <source>&amp;Farge</source>
        <translation>&amp;Colour</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="239" />
        <source>S&amp;trek</source>
        <translation>&amp;Line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="255" />
        <location filename="../../hms_desk/ui/annotation_layer.py" line="257" />
        <source>Tegneverktøy</source>
        <translation>Drawing tools</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="265" />
        <source>Farge</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="265" />
        <source>Strek</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="283" />
        <source>{0} – hurtigtast {1}</source>
        <translation>{0} – shortcut {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="571" />
        <source>Tekst på bildet</source>
        <translation>Text on the picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="576" />
        <source>Tekst (høyst 80 tegn, ingen personopplysninger):</source>
        <translation>Text (at most 80 characters, no personal data):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/annotation_layer.py" line="654" />
        <source>Tegn på bildet – punktet er utenfor.</source>
        <translation>Draw on the picture – that point is outside it.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="807" />
        <source>Revisjonslogg</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="810" />
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="810" />
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="810" />
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="811" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="811" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="811" />
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
        <location filename="../../hms_desk/ui/case_list.py" line="67" />
        <source>Linjer</source>
        <translation>Lines</translation>
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
    <message>
        <location filename="../../hms_desk/ui/case_list.py" line="184" />
        <source>(forventet levering {0})</source>
        <translation>(expected delivery {0})</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="61" />
        <location filename="../../hms_desk/ui/case_panel.py" line="728" />
        <source>Ingen sak er startet.</source>
        <translation>No case has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="68" />
        <source>Start &amp;ny sak</source>
        <translation>Start &amp;new case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="78" />
        <source>Til stede (rolle, aldri navn)</source>
        <translation>Present (role, never names)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="85" />
        <source>I bildet</source>
        <translation>In picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="86" />
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="94" />
        <source>Brukeren deltar i samtalen (også utenfor bildet)</source>
        <translation>The user takes part in the call (also out of picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="113" />
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="120" />
        <source>Registrer samtykke</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="121" />
        <location filename="../../hms_desk/ui/case_panel.py" line="490" />
        <source>Brukeren deltar ikke.</source>
        <translation>The user does not take part.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="147" />
        <source>Slett sakens bilder nå</source>
        <translation>Delete the case's pictures now</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="155" />
        <source>Vurdering</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="157" />
        <source>(ikke bestemt)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="162" />
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="164" />
        <source>Oppsummering av samtalen (ingen navn, fødselsnummer eller diagnose)</source>
        <translation>Summary of the call (no names, national ID numbers or diagnoses)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="169" />
        <source>Neste kontakt, f.eks. ny samtale tirsdag kl. 10</source>
        <translation>Next contact, e.g. new call Tuesday at 10</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="195" />
        <source>Slettebekreftelse (PDF)</source>
        <translation>Deletion receipt (PDF)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="196" />
        <source>Bekreftelse til kommunen på at sakens bilder er slettet</source>
        <translation>Confirmation to the municipality that the case's pictures are deleted</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="304" />
        <source>Sak {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="290" />
        <source>Sak {0} er startet.</source>
        <translation>Case {0} has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="74" />
        <source>&amp;Gjenoppta</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="84" />
        <source>f.eks. Oslo kommune, hjemmetjenesten</source>
        <translation>e.g. Oslo kommune, hjemmetjenesten</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="87" />
        <source>Legg til deltaker</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="89" />
        <source>Til stede</source>
        <translation>Present</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="91" />
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="92" />
        <source>Fjern deltaker</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="93" />
        <source>Fjerner en deltaker som ble ført opp ved en feil (loggføres)</source>
        <translation>Removes a participant added by mistake (logged)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="100" />
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="103" />
        <source>&amp;Organisasjon:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="125" />
        <source>Registrerte samtykker</source>
        <translation>Recorded consents</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="127" />
        <source>Fjern samtykke</source>
        <translation>Remove consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="128" />
        <source>Retter et samtykke som ble registrert ved en feil (loggføres)</source>
        <translation>Corrects a consent recorded by mistake (logged)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="130" />
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="130" />
        <source>Gitt &amp;av:</source>
        <translation>Given &amp;by:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="131" />
        <source>&amp;Gjelder:</source>
        <translation>&amp;Covers:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="140" />
        <source>Bilder (sladdet og kryptert)</source>
        <translation>Pictures (blurred and encrypted)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="141" />
        <source>Ansikter sladdes før bildet lagres; bildene er kryptert og slettes når saken lukkes</source>
        <translation>Faces are blurred before the picture is saved; the pictures are encrypted and deleted when the case is closed</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="143" />
        <source>Bilder i saken</source>
        <translation>Pictures in the case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="149" />
        <source>Slettes når saken lukkes.</source>
        <translation>Deleted when the case is closed.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="175" />
        <source>Det er ikke personopplysninger – lagre likevel</source>
        <translation>It is not personal data – save anyway</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="178" />
        <source>&amp;Beslutning:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="178" />
        <source>Be&amp;grunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="179" />
        <source>O&amp;ppsummering:</source>
        <translation>S&amp;ummary:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="179" />
        <source>Neste &amp;kontakt:</source>
        <translation>Next &amp;contact:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="186" />
        <source>&amp;Eksporter journalnotat …</source>
        <translation>&amp;Export journal note …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="187" />
        <source>Åpner journalnotatet: se over, rediger og eksporter (Ctrl+E)</source>
        <translation>Opens the journal note: review, edit and export (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="188" />
        <source>&amp;Meld avvik …</source>
        <translation>Report &amp;deviation …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="189" />
        <source>Meld et avvik for denne saken (Ctrl+Shift+A for alle avvik)</source>
        <translation>Report a deviation for this case (Ctrl+Shift+A for all deviations)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="190" />
        <source>Skriv ut …</source>
        <translation>Print …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="191" />
        <source>Skriv ut slettebekreftelse</source>
        <translation>Print deletion receipt</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="192" />
        <source>Skriv ut slettebekreftelsen (forhåndsvisning først)</source>
        <translation>Print the deletion receipt (preview first)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="194" />
        <source>&amp;Avslutt sak …</source>
        <translation>&amp;Close case …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="341" />
        <source>Hjelpemidler: {0}</source>
        <translation>Devices: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="342" />
        <source>Ingen hjelpemiddel slått opp ennå.</source>
        <translation>No device looked up yet.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="352" />
        <source>Sak {0} fra {1} er fortsatt åpen.</source>
        <translation>Case {0} from {1} is still open.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="354" />
        <source>%n annen sak er også åpen (se Saker).</source>
        <translation><numerusform>%n other case is also open (see Cases).</numerusform><numerusform>%n other cases are also open (see Cases).</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="361" />
        <source>Avslutt eller lukk den åpne saken før du gjenopptar en annen.</source>
        <translation>Close the open case before you resume another.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="378" />
        <source>Sak {0} er gjenopptatt.</source>
        <translation>Case {0} is resumed.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="383" />
        <source> (i bildet)</source>
        <translation> (in picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="402" />
        <source>Deltaker lagt til: {0}.</source>
        <translation>Participant added: {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="409" />
        <source>Velg deltakeren som skal fjernes.</source>
        <translation>Choose the participant to remove.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="415" />
        <source>Deltakeren er fjernet (rettingen er loggført).</source>
        <translation>The participant is removed (the correction is logged).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="443" />
        <source>{0} samtykke fra {1} til {2} – {3}, registrert av {4}</source>
        <translation>{0} consent from {1} for {2} – {3}, recorded by {4}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="451" />
        <source>Velg samtykket som skal rettes.</source>
        <translation>Choose the consent to correct.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="457" />
        <source>Samtykket er fjernet (rettingen er loggført).</source>
        <translation>The consent is removed (the correction is logged).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="469" />
        <source>Samtykke registrert: {0} fra {1} til {2}.</source>
        <translation>Consent recorded: {0} from {1} for {2}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="494" />
        <source>Brukeren deltar. Samtykke er registrert – bilder kan tas (ansikter sladdes alltid).</source>
        <translation>The user takes part. Consent is recorded – pictures may be taken (faces are always blurred).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="496" />
        <source>Brukeren deltar – samtykke registrert</source>
        <translation>The user takes part – consent recorded</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="499" />
        <source>Brukeren deltar: INGEN BILDER før samtykke er registrert. Ansikter sladdes i videobildet.</source>
        <translation>The user takes part: NO PICTURES until consent is recorded. Faces are blurred in the video.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="501" />
        <source>INGEN BILDER – samtykke mangler</source>
        <translation>NO PICTURES – consent missing</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="523" />
        <source>Start en sak før du tar bilde.</source>
        <translation>Start a case before taking a picture.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="539" />
        <source>%n ansikt(er) sladdet</source>
        <translation><numerusform>%n face blurred</numerusform><numerusform>%n faces blurred</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="541" />
        <source>Bilde %n</source>
        <translation><numerusform>Picture %n</numerusform><numerusform>Picture %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="547" />
        <source>Bilde lagret, %n ansikt(er) sladdet.</source>
        <translation><numerusform>Picture saved, %n face blurred.</numerusform><numerusform>Picture saved, %n faces blurred.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="607" />
        <source>Teksten ser ut til å inneholde personopplysninger – se varselet.</source>
        <translation>The text seems to contain personal data – see the warning.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="656" />
        <source>%n bilde(r) slettet.</source>
        <translation><numerusform>%n picture deleted.</numerusform><numerusform>%n pictures deleted.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="689" />
        <source>Slettebekreftelsen for {0} er sendt til skriveren.</source>
        <translation>The deletion receipt for {0} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="692" />
        <source>Slettebekreftelse {0}</source>
        <translation>Deletion receipt {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="723" />
        <source>Sak {0} er avsluttet. %n bilde(r) slettet.</source>
        <translation><numerusform>Case {0} is closed. %n picture deleted.</numerusform><numerusform>Case {0} is closed. %n pictures deleted.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="640" />
        <source>Journalnotat lagret: {0}</source>
        <translation>Journal note saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="646" />
        <source>Bildene trengs ikke lenger? Trykk «Slett sakens bilder nå».</source>
        <translation>Pictures no longer needed? Press “Delete the case's pictures now”.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="668" />
        <source>Slettebekreftelse lagret: {0}</source>
        <translation>Deletion receipt saved: {0}</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="761" />
        <source>Avslutt sak {0}</source>
        <translation>Close case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="765" />
        <source>Journalnotatet er ikke eksportert med alle bildene ennå.</source>
        <translation>The journal note has not been exported with all the pictures yet.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="768" />
        <source>Journalnotatet er eksportert.</source>
        <translation>The journal note is exported.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="770" />
        <source>Journalnotatet er ikke eksportert.</source>
        <translation>The journal note is not exported.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="774" />
        <source>Dokumenter lagret utenfor HMS Desk ({0}) slettes ikke av HMS Desk; slettebekreftelsen sier hvor de ble lagret.</source>
        <translation>Documents saved outside HMS Desk ({0}) are not deleted by HMS Desk; the deletion receipt says where they were saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="780" />
        <source>Innstillingen krever at journalnotatet eksporteres før bildene slettes.</source>
        <translation>The settings require the journal note to be exported before the pictures are deleted.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="783" />
        <source>&amp;Eksporter journalnotat først</source>
        <translation>&amp;Export the journal note first</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="787" />
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
    <name>DeviationForm</name>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="68" />
        <source>Hva skjedde? (ingen navn eller fødselsnummer)</source>
        <translation>What happened? (no names or national ID numbers)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="69" />
        <source>Hva ble følgen?</source>
        <translation>What was the consequence?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="70" />
        <source>Hva er gjort, og hva gjøres for at det ikke skjer igjen?</source>
        <translation>What was done, and what is done so it does not happen again?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="73" />
        <source>(ingen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="80" />
        <source>Organisasjon, f.eks. NAV Hjelpemiddelsentral Oslo</source>
        <translation>Organisation, e.g. NAV Hjelpemiddelsentral Oslo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="83" />
        <source>Organisasjon, f.eks. Oslo kommune</source>
        <translation>Organisation, e.g. Oslo municipality</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="84" />
        <source>Knytt til åpen sak</source>
        <translation>Link to the open case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="86" />
        <source>&amp;Registrer avvik</source>
        <translation>&amp;Register deviation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="95" />
        <source>Avviket</source>
        <translation>The deviation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="98" />
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="99" />
        <source>R&amp;etning:</source>
        <translation>D&amp;irection:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="100" />
        <source>&amp;Når skjedde det:</source>
        <translation>&amp;When did it happen:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="101" />
        <source>&amp;Hva skjedde:</source>
        <translation>W&amp;hat happened:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="102" />
        <source>&amp;Konsekvens:</source>
        <translation>&amp;Consequence:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="103" />
        <source>T&amp;iltak:</source>
        <translation>&amp;Measures taken:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="104" />
        <source>Meldt av og til (rolle og organisasjon – aldri navn)</source>
        <translation>Reported by and to (role and organisation – never names)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="107" />
        <source>Meldt &amp;av (rolle):</source>
        <translation>Reported &amp;by (role):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="108" />
        <source>Meldt av (&amp;organisasjon):</source>
        <translation>Reported by (&amp;organisation):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="109" />
        <source>Mel&amp;dt til (rolle):</source>
        <translation>Reported &amp;to (role):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="110" />
        <source>Meldt til (or&amp;ganisasjon):</source>
        <translation>Reported to (or&amp;ganisation):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="154" />
        <source>Knytt til åpen sak {0}</source>
        <translation>Link to the open case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="155" />
        <source>Ingen sak er åpen – avviket står alene</source>
        <translation>No case is open – the deviation stands alone</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="180" />
        <source>Avvik {0} er registrert.</source>
        <translation>Deviation {0} is registered.</translation>
    </message>
</context>
<context>
    <name>DeviationList</name>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="233" />
        <source>Alle avvik</source>
        <translation>All deviations</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="234" />
        <source>Den åpne saken</source>
        <translation>The open case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="235" />
        <source>Sak med nummer:</source>
        <translation>Case number:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="236" />
        <source>Avvik uten sak</source>
        <translation>Deviations without a case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="238" />
        <location filename="../../hms_desk/ui/deviations.py" line="239" />
        <source>Saksnummer</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="241" />
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="244" />
        <source>Fra dato</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="244" />
        <source>Til dato</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="253" />
        <source>Alle typer</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="257" />
        <source>Alle retninger</source>
        <translation>All directions</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="260" />
        <source>&amp;Vis</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="262" />
        <source>Utvalg</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="264" />
        <source>&amp;Sak:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="266" />
        <location filename="../../hms_desk/ui/deviations.py" line="291" />
        <source>Sak</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="273" />
        <source>T&amp;ype:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="275" />
        <source>Type avvik</source>
        <translation>Kind of deviation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="278" />
        <source>Re&amp;tning:</source>
        <translation>Di&amp;rection:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="280" />
        <location filename="../../hms_desk/ui/deviations.py" line="291" />
        <source>Retning</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="289" />
        <source>Avvik</source>
        <translation>Deviations</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="290" />
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="290" />
        <source>Skjedde</source>
        <translation>Occurred</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="290" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="291" />
        <source>Meldt av</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="292" />
        <source>Meldt til</source>
        <translation>Reported to</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="308" />
        <source>&amp;Eksporter PDF/A …</source>
        <translation>&amp;Export PDF/A …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="309" />
        <source>&amp;Kopier som tekst</source>
        <translation>&amp;Copy as text</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="310" />
        <source>Skriv &amp;ut …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="311" />
        <source>Kopier liste&amp;n</source>
        <translation>Copy the lis&amp;t</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="312" />
        <source>Hele utvalget som tekst, én linje per avvik</source>
        <translation>The whole selection as text, one line per deviation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="347" />
        <source>Den åpne saken ({0})</source>
        <translation>The open case ({0})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="348" />
        <source>Den åpne saken (ingen)</source>
        <translation>The open case (none)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="379" />
        <source>Ingen sak er åpen.</source>
        <translation>No case is open.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="385" />
        <source>Skriv saksnummeret.</source>
        <translation>Type the case number.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="394" />
        <source>«Fra» må være før «til».</source>
        <translation>“From” must be before “to”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/deviations.py" line="422" />
        <source>%n avvik i utvalget</source>
        <translation><numerusform>%n deviation in the selection</numerusform><numerusform>%n deviations in the selection</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="465" />
        <source>Eksporter avvik (PDF/A)</source>
        <translation>Export deviation (PDF/A)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="466" />
        <source>PDF/A (*.pdf)</source>
        <translation>PDF/A (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="472" />
        <source>Avviket er lagret: {0}</source>
        <translation>The deviation is saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="484" />
        <source>Avvik {0} er kopiert som tekst.</source>
        <translation>Deviation {0} was copied as text.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="493" />
        <source>Listen er kopiert som tekst.</source>
        <translation>The list was copied as text.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="504" />
        <source>Avvik {0} er sendt til skriveren.</source>
        <translation>Deviation {0} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="507" />
        <source>Avvik {0}</source>
        <translation>Deviation {0}</translation>
    </message>
</context>
<context>
    <name>DeviationsDialog</name>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="518" />
        <location filename="../../hms_desk/ui/deviations.py" line="524" />
        <source>Avvik</source>
        <translation>Deviations</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="525" />
        <source>&amp;Meld avvik</source>
        <translation>&amp;Report deviation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="526" />
        <source>Avviks&amp;liste</source>
        <translation>Deviation &amp;list</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/deviations.py" line="527" />
        <source>Lukk</source>
        <translation>Close</translation>
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
    <name>JournalEditor</name>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="135" />
        <location filename="../../hms_desk/ui/journal_editor.py" line="168" />
        <source>Journalnotat</source>
        <translation>Journal note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="163" />
        <source>Henter notatet …</source>
        <translation>Loading the note …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="176" />
        <source>Kladd</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="179" />
        <source>&amp;Mal:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="181" />
        <source>Mal</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="186" />
        <source>Tid og deltakere</source>
        <translation>Time and participants</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="195" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="198" />
        <source>&amp;Klokken:</source>
        <translation>Ti&amp;me:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="200" />
        <source>Klokken</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="203" />
        <source>&amp;Varighet:</source>
        <translation>D&amp;uration:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="205" />
        <source>Varighet i minutter</source>
        <translation>Duration in minutes</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="209" />
        <source>&amp;Dato:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="212" />
        <source>Teknikeren fra innstillingene (ansattident, aldri navn)</source>
        <translation>The technician from the settings (staff ident, never a name)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="213" />
        <source>Tekniker:</source>
        <translation>Technician:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="214" />
        <source>Brukeren deltok i samtalen</source>
        <translation>The user took part in the call</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="218" />
        <source>Legg til delt&amp;aker</source>
        <translation>&amp;Add participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="222" />
        <source>Til stede (rolle og organisasjon, aldri navn):</source>
        <translation>Present (role and organisation, never names):</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="226" />
        <source>Hjelpemidler og bestillinger</source>
        <translation>Devices and orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="230" />
        <source>Hjelpemidler i notatet</source>
        <translation>Devices in the note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="233" />
        <source>Kryss av for hjelpemidlene notatet gjelder:</source>
        <translation>Tick the devices the note is about:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="237" />
        <source>Samtalen</source>
        <translation>The call</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="240" />
        <source>Hva var problemet?</source>
        <translation>What was the problem?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="241" />
        <source>Hva ble funnet?</source>
        <translation>What was found?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="242" />
        <source>&amp;Problem:</source>
        <translation>&amp;Problem:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="243" />
        <source>&amp;Funn:</source>
        <translation>&amp;Findings:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="245" />
        <source>(ikke bestemt)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="248" />
        <source>&amp;Beslutning:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="249" />
        <source>Hvorfor?</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="250" />
        <source>Be&amp;grunnelse:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="252" />
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="256" />
        <source>Registrerte samtykker</source>
        <translation>Recorded consents</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="260" />
        <source>Merknad om samtykket (valgfritt)</source>
        <translation>Note on the consent (optional)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="261" />
        <source>Me&amp;rknad:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="263" />
        <source>Bilder (sladdet, markeringer tegnet inn)</source>
        <translation>Pictures (faces blurred, marks drawn in)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="267" />
        <source>Bilder i notatet</source>
        <translation>Pictures in the note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="274" />
        <source>Saken har ingen bilder.</source>
        <translation>The case has no pictures.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="276" />
        <source>Bildetekst for det valgte bildet</source>
        <translation>Caption for the selected picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="279" />
        <source>B&amp;ildetekst:</source>
        <translation>Capt&amp;ion:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="280" />
        <source>Kryss av for bildene som skal med i notatet:</source>
        <translation>Tick the pictures the note shall show:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="285" />
        <source>Avslutning</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="287" />
        <source>Oppsummering (ingen navn, fødselsnummer eller diagnose)</source>
        <translation>Summary (no names, national ID numbers or diagnoses)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="288" />
        <source>&amp;Oppsummering:</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="291" />
        <source>f.eks. ny samtale tirsdag kl. 10</source>
        <translation>e.g. another call Tuesday at 10</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="292" />
        <source>&amp;Neste kontakt:</source>
        <translation>&amp;Next contact:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="315" />
        <source>&amp;Eksporter PDF/A …</source>
        <translation>&amp;Export PDF/A …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="316" />
        <source>Kopier som &amp;tekst</source>
        <translation>Copy as &amp;text</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="317" />
        <source>Ren tekst til utklippstavlen, klar til å lime inn i journalsystemet</source>
        <translation>Plain text to the clipboard, ready to paste into the journal system</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="318" />
        <source>Eksporter &amp;JSON …</source>
        <translation>Export &amp;JSON …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="319" />
        <source>Skriv &amp;ut …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="320" />
        <source>&amp;Lukk</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="399" />
        <source>Journalnotat – sak {0}</source>
        <translation>Journal note – case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="400" />
        <source>Journalnotat for sak {0}</source>
        <translation>Journal note for case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="423" />
        <location filename="../../hms_desk/ui/journal_editor.py" line="570" />
        <source>Kladden er lagret (versjon {0}).</source>
        <translation>The draft is saved (version {0}).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="424" />
        <source>Nytt notat, fylt ut fra saken. Endringer lagres mens du skriver.</source>
        <translation>A new note, filled in from the case. Changes are saved as you type.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="435" />
        <source>Bestillinger: {0}</source>
        <translation>Orders: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="442" />
        <source>Ingen hjelpemiddel er slått opp i saken.</source>
        <translation>No device has been looked up in the case.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="448" />
        <source>{0} samtykke fra {1} til {2} {3}</source>
        <translation>{0} consent from {1} to {2} {3}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="452" />
        <source>Ingen samtykke er registrert i saken.</source>
        <translation>No consent is recorded in the case.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="457" />
        <source>Bilde {0}</source>
        <translation>Picture {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="458" />
        <source>Bilde {0} (slettet)</source>
        <translation>Picture {0} (deleted)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/journal_editor.py" line="470" />
        <source>%n ansikt(er) sladdet</source>
        <translation><numerusform>%n face blurred</numerusform><numerusform>%n faces blurred</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="537" />
        <source>Endret – lagres straks …</source>
        <translation>Changed – saving in a moment …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="545" />
        <location filename="../../hms_desk/ui/journal_editor.py" line="689" />
        <source>oppsummering</source>
        <translation>summary</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="546" />
        <location filename="../../hms_desk/ui/journal_editor.py" line="689" />
        <source>neste kontakt</source>
        <translation>next contact</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="548" />
        <source>Før eksport: fyll ut {0}.</source>
        <translation>Before export: fill in {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="548" />
        <location filename="../../hms_desk/ui/journal_editor.py" line="691" />
        <source> og </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="565" />
        <source>Lagrer kladden …</source>
        <translation>Saving the draft …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="578" />
        <source>Kladden er ikke lagret.</source>
        <translation>The draft is not saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="690" />
        <source>Journalnotatet kan ikke eksporteres ennå: fyll ut {0}.</source>
        <translation>The journal note cannot be exported yet: fill in {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="709" />
        <source>Eksporter journalnotat (PDF/A)</source>
        <translation>Export journal note (PDF/A)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="710" />
        <source>PDF/A (*.pdf)</source>
        <translation>PDF/A (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="717" />
        <source>Eksporter journalnotat (JSON)</source>
        <translation>Export journal note (JSON)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="718" />
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="747" />
        <source>Teksten er kopiert – lim den inn i journalsystemet.</source>
        <translation>The text is copied – paste it into the journal system.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="752" />
        <source>Journalnotatet er lagret: {0}</source>
        <translation>The journal note is saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="774" />
        <source>Journalnotat {0}</source>
        <translation>Journal note {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="781" />
        <source>Journalnotatet er sendt til skriveren.</source>
        <translation>The journal note was sent to the printer.</translation>
    </message>
</context>
<context>
    <name>LabelChip</name>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="123" />
        <source>Avlest merke</source>
        <extracomment>The live barcode path: a read every LIVE_INTERVAL_MS (4 Hz), each within LIVE_BUDGET_S. Sticker text on the live picture: at most this often, only after this long without any code in sight. «Les merke» on a frozen picture or a marked region. A live pair not read again for this long is taken off the chip. A message (nothing found, …) stays this long.</extracomment>
        <translation>Label read</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="151" />
        <location filename="../../hms_desk/ui/label_chip.py" line="153" />
        <source>Slå opp likevel</source>
        <translation>Look up anyway</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="159" />
        <source>Skjul avlest merke</source>
        <translation>Hide label read</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="160" />
        <source>Skjul</source>
        <translation>Hide</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="183" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="183" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="192" />
        <source>HMS-nr {0} · Serienr {1}</source>
        <translation>HMS no. {0} · Serial no. {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="194" />
        <source>— finnes ikke i registeret</source>
        <translation>— not in the register</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="195" />
        <location filename="../../hms_desk/ui/label_chip.py" line="204" />
        <source>Søk ({0})</source>
        <translation>Search ({0})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="198" />
        <source>Slå opp ({0})</source>
        <translation>Look up ({0})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="201" />
        <source>HMS-nr {0} · serienr ikke lest</source>
        <translation>HMS no. {0} · serial no. not read</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="203" />
        <source>Serienr {0} · HMS-nr ikke lest</source>
        <translation>Serial no. {0} · HMS no. not read</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="208" />
        <source>— ikke HMS-nr/serienr</source>
        <translation>— not an HMS no./serial no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="210" />
        <source>Leser merket …</source>
        <translation>Reading the label …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="226" />
        <source>Lest fra videobildet – sjekk tallene før du slår opp</source>
        <translation>Read from the video picture – check the numbers before you look them up</translation>
    </message>
</context>
<context>
    <name>LabelReader</name>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="322" />
        <source>&amp;Les merke</source>
        <translation>&amp;Read label</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="323" />
        <source>Fryser bildet og leser strekkoder og HMS-nr/serienr på merket</source>
        <translation>Freezes the picture and reads barcodes and the HMS no./serial no. on the label</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="324" />
        <source>Les merke i o&amp;mråde …</source>
        <translation>Read label in a re&amp;gion …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="325" />
        <source>Dra et rektangel rundt merket på det frosne bildet</source>
        <translation>Drag a rectangle around the label on the frozen picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="326" />
        <source>Slå opp &amp;avlest merke</source>
        <translation>Look up the &amp;label read</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="327" />
        <source>Fyller ut oppslaget med tallene i merkebrikken og slår opp</source>
        <translation>Fills in the lookup with the numbers in the label chip and looks them up</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="329" />
        <source>Slå opp avlest merke (Enter)</source>
        <translation>Look up the label read (Enter)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="330" />
        <source>Slår opp tallene i merkebrikken</source>
        <translation>Looks up the numbers in the label chip</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="511" />
        <source>GTIN {0}</source>
        <translation>GTIN {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="513" />
        <source>Produsentens serienr (21) {0}</source>
        <translation>Maker's serial no. (21) {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="515" />
        <source>Parti (10) {0}</source>
        <translation>Lot (10) {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="519" />
        <source>Strekkode {0} {1}</source>
        <translation>Barcode {0} {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="522" />
        <source>Strekkode {0} «{1}»</source>
        <translation>Barcode {0} “{1}”</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="532" />
        <location filename="../../hms_desk/ui/label_chip.py" line="541" />
        <source>Personvernpause: ingen bilder leses.</source>
        <translation>Privacy pause: no pictures are read.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="535" />
        <location filename="../../hms_desk/ui/label_chip.py" line="546" />
        <source>Ingen videobilde å lese merket fra.</source>
        <translation>No video picture to read the label from.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="553" />
        <source>Bildet er svart mens ansiktssladdingen starter eller henger etter. Slipp bildet fri og prøv igjen om et øyeblikk.</source>
        <translation>The picture is black while face blurring starts or catches up. Unfreeze the picture and try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="590" />
        <source>Fant ingen strekkode eller HMS-nr/serienr.</source>
        <translation>No barcode or HMS no./serial no. found.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_chip.py" line="592" />
        <source>Marker merket med Ctrl+Shift+R.</source>
        <translation>Mark the label with Ctrl+Shift+R.</translation>
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
        <location filename="../../hms_desk/ui/main_window.py" line="277" />
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
        <location filename="../../hms_desk/ui/main_window.py" line="331" />
        <source>Kamera på</source>
        <translation>Camera on</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="135" />
        <source>&amp;Ny sak</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="141" />
        <source>&amp;Importer …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="142" />
        <source>Importer katalog- eller registerfiler</source>
        <translation>Import catalogue or register files</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="143" />
        <source>Inn&amp;stillinger …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="144" />
        <source>A&amp;vslutt HMS Desk</source>
        <translation>&amp;Quit HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="145" />
        <source>&amp;Frys bilde</source>
        <translation>&amp;Freeze picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="146" />
        <source>Frys eller fortsett videobildet</source>
        <translation>Freeze or resume the video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="147" />
        <source>Ta &amp;bilde</source>
        <translation>Take &amp;picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="148" />
        <source>Lagrer bildet i saken med ansikter sladdet</source>
        <translation>Saves the picture in the case with faces blurred</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="149" />
        <source>&amp;Personvernpause</source>
        <translation>&amp;Privacy pause</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="150" />
        <source>Slår kameraet av med en gang</source>
        <translation>Turns the camera off at once</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="151" />
        <source>Zoom &amp;inn</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="152" />
        <source>Zoom &amp;ut</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="153" />
        <source>&amp;Tilbakestill zoom</source>
        <translation>&amp;Reset zoom</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="154" />
        <source>&amp;Roter 90°</source>
        <translation>&amp;Rotate 90°</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="155" />
        <source>Vis &amp;måltall (fps, forsinkelse)</source>
        <translation>Show &amp;metrics (fps, latency)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="156" />
        <source>&amp;Fullskjerm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="157" />
        <source>Gå til &amp;oppslag</source>
        <translation>Go to &amp;lookup</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="159" />
        <source>&amp;Arbeidsflate</source>
        <translation>&amp;Workspace</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="161" />
        <source>&amp;Tilbakestill vindusoppsett</source>
        <translation>&amp;Reset window layout</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="162" />
        <source>&amp;Om HMS Desk</source>
        <translation>&amp;About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="163" />
        <source>&amp;Hurtigtaster …</source>
        <translation>&amp;Keyboard shortcuts …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="164" />
        <source>&amp;Sladd ansikter i sanntid</source>
        <translation>&amp;Blur faces live</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="166" />
        <source>Sladder ansikter i videobildet (på når brukeren deltar)</source>
        <translation>Blurs faces in the video (on when the user takes part)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="167" />
        <source>&amp;Revisjonslogg …</source>
        <translation>&amp;Audit log …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="168" />
        <source>&amp;Delingsvindu (bilde med merker)</source>
        <translation>&amp;Share window (picture with marks)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="170" />
        <source>Åpner et rent vindu med bare bildet og merkene, til å dele i møteappen</source>
        <translation>Opens a clean window with only the picture and the marks, to share in the meeting app</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="174" />
        <source>Sak</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="174" />
        <source>Hjelpemiddel</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="174" />
        <source>Deler</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="174" />
        <source>Bestilling</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="175" />
        <source>Vis {0}</source>
        <translation>Show {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="179" />
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="187" />
        <source>&amp;Video</source>
        <translation>&amp;Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="199" />
        <source>V&amp;is</source>
        <translation>V&amp;iew</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="209" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="210" />
        <source>Norsk bokmål</source>
        <translation>Norsk bokmål (Norwegian)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="212" />
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="216" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="230" />
        <source>&amp;Annoter</source>
        <translation>&amp;Annotate</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="255" />
        <source>Delingsvinduet er åpent: del det i møteappen. Ctrl+Shift+D lukker det.</source>
        <translation>The share window is open: share it in the meeting app. Ctrl+Shift+D closes it.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="315" />
        <source>Bildet er svart fordi ansiktssladdingen starter eller henger etter. Ta bildet om et øyeblikk.</source>
        <translation>The picture is black because face blurring is starting or catching up. Take the picture in a moment.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="341" />
        <source>S&amp;øk</source>
        <translation>S&amp;earch</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="359" />
        <source>Forb&amp;eredelser</source>
        <translation>Pr&amp;eparations</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="360" />
        <source>&amp;Forberedelser (utprøving og bolig)</source>
        <translation>&amp;Preparations (trials and housing)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="362" />
        <source>Forbered utprøving eller boligsak: sjekkliste, produkter, tegninger, invitasjon og forberedelsesark</source>
        <translation>Prepare a trial or housing case: checklist, products, drawings, invitation and prep sheet</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="378" />
        <source>A&amp;vvik …</source>
        <translation>De&amp;viations …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="379" />
        <source>Meld avvik og se avvikslisten for internkontroll</source>
        <translation>Report deviations and see the list for internal control</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="483" />
        <source>Vindusoppsettet er tilbakestilt.</source>
        <translation>The window layout is reset.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="501" />
        <source>Demosamtalen er klar: sak «demo» under Saker.</source>
        <translation>The demo call is ready: case “demo” under Cases.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="268" />
        <source>Bestilling {0} sendt</source>
        <translation>Order {0} sent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="291" />
        <source>Video: {0}</source>
        <translation>Video: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="277" />
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
        <location filename="../../hms_desk/ui/main_window.py" line="288" />
        <source>Bes&amp;tilling</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="136" />
        <source>&amp;Eksporter journalnotat …</source>
        <translation>&amp;Export journal note …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="137" />
        <source>Åpner journalnotatet: se over, rediger og eksporter</source>
        <translation>Opens the journal note: review, edit and export</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="139" />
        <source>&amp;Avslutt sak …</source>
        <translation>&amp;Close case …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="140" />
        <source>Avslutter saken etter å ha vist hva som slettes</source>
        <translation>Closes the case after showing what will be deleted</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="237" />
        <source>Tegn på det frosne bildet – Esc legger fra deg verktøyet, Ctrl+Z angrer, Ctrl+Shift+Z gjør om.</source>
        <translation>Draw on the frozen picture – Esc puts the tool down, Ctrl+Z undoes, Ctrl+Shift+Z redoes.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="288" />
        <source>Bes&amp;tilling ({0})</source>
        <translation>&amp;Order ({0})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="306" />
        <source>Personvernpause: ingen bilder tas.</source>
        <translation>Privacy pause: no pictures are taken.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="310" />
        <source>Ingen videobilde å ta bilde av.</source>
        <translation>No video picture to capture.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="328" />
        <source>PERSONVERNPAUSE – kamera av</source>
        <translation>PRIVACY PAUSE – camera off</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="342" />
        <source>&amp;Søk etter hjelpemiddel</source>
        <translation>&amp;Search for a device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="350" />
        <source>Sa&amp;ker</source>
        <translation>Ca&amp;ses</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="351" />
        <source>Saker og &amp;bestillinger</source>
        <translation>Cases and &amp;orders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="402" />
        <source>Språket endres neste gang HMS Desk starter.</source>
        <translation>The language changes the next time HMS Desk starts.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="405" />
        <source>Om HMS Desk</source>
        <translation>About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="406" />
        <source>{0} {1}
Videostøtte, oppslag og delbestilling for NAV Hjelpemiddelsentral.
Katalogdata: NAV (MIT-lisens).</source>
        <translation>{0} {1}
Video support, lookup and parts ordering for NAV Hjelpemiddelsentral.
Catalogue data: NAV (MIT licence).</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="421" />
        <location filename="../../hms_desk/ui/main_window.py" line="424" />
        <source>Hurtigtaster</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="425" />
        <source>Handling</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="425" />
        <source>Tast</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="453" />
        <source>Velg &amp;videokilde …</source>
        <translation>Choose &amp;video source …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="454" />
        <source>Kamera, vindu, skjerm, strøm, fil eller demo</source>
        <translation>Camera, window, screen, stream, file or demo</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="455" />
        <source>Forhånds&amp;sjekk …</source>
        <translation>Pre-call &amp;check …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="456" />
        <source>Sjekk bilde, bildefrekvens og lys før samtalen</source>
        <translation>Check picture, frame rate and light before the call</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="248" />
        <source>Innstillingene kunne ikke lagres: {0}</source>
        <extracomment>Qt's translation in the main window's context (lupdate reads translate("MainWindow", …)).</extracomment>
        <translation>The settings could not be saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="301" />
        <source>Innstillingene er lagret.</source>
        <translation>The settings are saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="322" />
        <source>Ansikter sladdes i videobildet.</source>
        <translation>Faces are blurred in the video.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="323" />
        <source>Ansiktssladding i videobildet er av.</source>
        <translation>Live face blur is off.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="394" />
        <source>Første start: importerer produktkatalog og demoregister …</source>
        <translation>First start: importing the product catalogue and demo register …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="396" />
        <source>Produktkatalogen er klar.</source>
        <translation>The product catalogue is ready.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="494" />
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
    <name>ParticipantRow</name>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="92" />
        <source>Organisasjon, f.eks. Oslo kommune</source>
        <translation>Organisation, e.g. Oslo municipality</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="93" />
        <source>I bildet</source>
        <translation>In picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="95" />
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="109" />
        <source>Rolle, deltaker {0}</source>
        <translation>Role, participant {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="110" />
        <source>Organisasjon, deltaker {0}</source>
        <translation>Organisation, participant {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="111" />
        <source>I bildet, deltaker {0}</source>
        <translation>In the picture, participant {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/journal_editor.py" line="112" />
        <source>Fjern deltaker {0}</source>
        <translation>Remove participant {0}</translation>
    </message>
</context>
<context>
    <name>PartsPanel</name>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="111" />
        <source>Slå opp et hjelpemiddel for å se delene som passer.</source>
        <translation>Look up a device to see the parts that fit.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="117" />
        <source>Søk i deler (navn, HMS-nr, lev.art.nr)</source>
        <translation>Search parts (name, HMS no., supplier art. no.)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="121" />
        <source>Vis bare én kategori</source>
        <translation>Show one category only</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="122" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="363" />
        <source>Alle kategorier</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="125" />
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="125" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="125" />
        <source>Lev.art.nr</source>
        <translation>Supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="125" />
        <source>Std/maks</source>
        <translation>Default/max</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="132" />
        <source>Valgt del</source>
        <translation>Selected part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="138" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="413" />
        <source>Velg en del i listen.</source>
        <translation>Choose a part in the list.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="143" />
        <source>HMS-nr:</source>
        <translation>HMS no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="144" />
        <source>Lev.art.nr:</source>
        <translation>Supplier art. no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="145" />
        <source>Kategori:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="143" />
        <source>Standard antall:</source>
        <translation>Default quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="113" />
        <source>Ingen hjelpemiddel valgt.</source>
        <translation>No device chosen.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="119" />
        <source>Søk i deler</source>
        <translation>Search parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="124" />
        <source>Deler som passer, gruppert etter kategori</source>
        <translation>Parts that fit, grouped by category</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="144" />
        <source>Maks antall her:</source>
        <translation>Max quantity here:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="145" />
        <source>Kilde:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="164" />
        <source>Tilbehøret finnes på hjelpemidlet fra før</source>
        <translation>The accessory is already on the device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="165" />
        <source>NAV: tilbehør kan bare bestilles når det allerede er på hjelpemidlet</source>
        <translation>NAV: an accessory can only be ordered when it is already on the device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="168" />
        <source>&amp;Legg til i bestilling</source>
        <translation>&amp;Add to order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="172" />
        <source>Ukjent del (ikke i katalogen)</source>
        <translation>Unknown part (not in the catalogue)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="174" />
        <source>HMS-nr (6 siffer)</source>
        <translation>HMS no. (6 digits)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="177" />
        <source>eller lev.art.nr</source>
        <translation>or supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="180" />
        <source>Beskrivelse, f.eks. Bremsewire venstre, 120 cm</source>
        <translation>Description, e.g. brake cable left, 120 cm</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="184" />
        <source>Legg til &amp;ukjent del</source>
        <translation>Add &amp;unknown part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="221" />
        <source>Teknikeren har opplæring i batteribytte</source>
        <translation>The technician is trained in battery replacement</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="222" />
        <source>Kreves når bestillingen har batteri</source>
        <translation>Required when the order has a battery</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="229" />
        <source>Til servicejobben</source>
        <translation>To the service job</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="234" />
        <source>&amp;Send bestilling</source>
        <translation>&amp;Send order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="269" />
        <source>&amp;Antall:</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="344" />
        <source>Bestilling til {0} ({1} / {2})</source>
        <translation>Order for {0} ({1} / {2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="416" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="434" />
        <source>Ingen bilde</source>
        <translation>No picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="591" />
        <source>Bestilling {0}</source>
        <translation>Order {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="591" />
        <source>Reparasjonsordre {0}</source>
        <translation>Repair order {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="599" />
        <source>{0} for {1} er sendt til skriveren.</source>
        <translation>{0} for {1} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="600" />
        <source>Bestillingen</source>
        <translation>The order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="600" />
        <source>Reparasjonsordren</source>
        <translation>The repair order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="614" />
        <source>Eksportert til ordrekontoret: {0}</source>
        <translation>Exported for the order office: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="194" />
        <source>Antall:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="217" />
        <source>&amp;Fjern linje</source>
        <translation>&amp;Remove line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="218" />
        <source>Fjerner den valgte bestillingslinjen (Delete)</source>
        <translation>Removes the selected order line (Delete)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="228" />
        <source>Til XK-lager</source>
        <translation>To the XK store</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="245" />
        <source>Skriv ut &amp;bestilling</source>
        <translation>Print &amp;order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="246" />
        <source>Skriv ut &amp;reparasjonsordre</source>
        <translation>Print &amp;repair order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="247" />
        <source>&amp;Eksporter (JSON/CSV)</source>
        <translation>&amp;Export (JSON/CSV)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="279" />
        <source>Levering:</source>
        <translation>Delivery:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="298" />
        <source>Bestillingslinjer:</source>
        <translation>Order lines:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="352" />
        <source>Deler til {0} ({1}/{2}) — laster …</source>
        <translation>Parts for {0} ({1}/{2}) — loading …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="359" />
        <source>{0} deler passer til {1} ({2})</source>
        <translation>{0} parts fit {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="423" />
        <source> (krever opplæring)</source>
        <translation> (training required)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="549" />
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
    <name>PrepWorkspace</name>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="60" />
        <source>Velg tegning eller bilde</source>
        <extracomment>Below this width the list sits above the form; above it, beside it.</extracomment>
        <translation>Choose a drawing or picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="61" />
        <source>Bilder og PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pdf);;Alle filer (*)</source>
        <translation>Pictures and PDF (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="65" />
        <source>Lagre møteinvitasjon</source>
        <translation>Save meeting invitation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="66" />
        <source>Kalenderfil (*.ics)</source>
        <translation>Calendar file (*.ics)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="69" />
        <source>Lagre forberedelsesark</source>
        <translation>Save prep sheet</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="70" />
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="113" />
        <source>&amp;Ny forberedelse</source>
        <translation>&amp;New preparation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="115" />
        <source>Vis forberedelser</source>
        <translation>Show preparations</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="116" />
        <source>Kommende</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="117" />
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="118" />
        <source>Oppdater</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="123" />
        <source>Påminnelser</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="127" />
        <source>Forberedelser etter dato</source>
        <translation>Preparations by date</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="128" />
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="128" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="300" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="128" />
        <source>Åpne</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="129" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="129" />
        <source>Formål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="130" />
        <source>Punkter på sjekklisten som ikke er krysset av</source>
        <translation>Checklist items not ticked</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="155" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="633" />
        <source>Ny forberedelse</source>
        <translation>New preparation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="160" />
        <source>Møtet</source>
        <translation>The meeting</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="162" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="488" />
        <source>Utprøving</source>
        <translation>Trial (utprøving)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="163" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="488" />
        <source>Boligsak</source>
        <translation>Housing case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="167" />
        <source>Norsk tid</source>
        <translation>Norwegian time</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="172" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="176" />
        <source>Hva skal forberedes eller avklares? Ingen navn eller helseopplysninger.</source>
        <translation>What is to be prepared or settled? No names or health information.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="177" />
        <source>Ett spørsmål per linje</source>
        <translation>One question per line</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="178" />
        <source>F.eks. hele rullestolen fra siden, betjeningsboksen, terskelen</source>
        <translation>E.g. the whole wheelchair from the side, the control box, the threshold</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="181" />
        <source>F.eks. forfra, fra siden, ovenfra</source>
        <translation>E.g. from the front, from the side, from above</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="184" />
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="185" />
        <source>Én per linje: SIP-adresse, telefonnummer med kode</source>
        <translation>One per line: SIP address, phone number with code</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="186" />
        <source>1. Presentasjon  2. Filming  3. Avklaringer</source>
        <translation>1. Introductions  2. Filming  3. Decisions</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="189" />
        <source>4 siffer</source>
        <translation>4 digits</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="190" />
        <source>Brukeren deltar i møtet</source>
        <translation>The user takes part in the meeting</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="192" />
        <source>Ikke innhentet</source>
        <translation>Not obtained</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="201" />
        <source>Samtykke gitt av</source>
        <translation>Consent given by</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="202" />
        <source>Samtykket gjelder</source>
        <translation>Consent covers</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="207" />
        <source>&amp;Lagre forberedelsen</source>
        <translation>&amp;Save preparation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="208" />
        <source>Forkast endringer</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="209" />
        <source>Slett forberedelsen</source>
        <translation>Delete preparation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="211" />
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="211" />
        <source>&amp;Dato og tid:</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="212" />
        <source>Varighet:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="212" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="329" />
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="213" />
        <source>Formål:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="213" />
        <source>Spørsmål som skal avklares:</source>
        <translation>Questions to settle:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="214" />
        <source>Hva skal filmes:</source>
        <translation>What to film:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="214" />
        <source>Vinkler:</source>
        <translation>Angles:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="215" />
        <source>Videoadresse:</source>
        <translation>Video address:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="216" />
        <source>Andre måter å koble til:</source>
        <translation>Other ways to join:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="216" />
        <source>Agenda:</source>
        <translation>Agenda:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="217" />
        <source>Kommunenr.:</source>
        <translation>Municipality no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="220" />
        <source>Samtykke:</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="231" />
        <source>Deltakere (rolle og organisasjon, aldri navn)</source>
        <translation>Participants (role and organisation, never names)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="239" />
        <source>F.eks. Bærum kommune, ergoterapitjenesten</source>
        <translation>E.g. Bærum municipality, occupational therapy</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="241" />
        <source>Holder kameraet</source>
        <translation>Holds the camera</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="242" />
        <source>Legg til deltaker</source>
        <translation>Add participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="244" />
        <source>Deltakere</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="246" />
        <source>Denne holder kameraet</source>
        <translation>This one holds the camera</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="247" />
        <source>Fjern deltaker</source>
        <translation>Remove participant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="249" />
        <source>Rolle:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="250" />
        <source>Organisasjon:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="264" />
        <source>Sjekkliste (hvem og når lagres)</source>
        <translation>Checklist (who and when is recorded)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="282" />
        <source>Kjør forhåndssjekk og knytt resultatet …</source>
        <translation>Run the pre-call check and link the result …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="283" />
        <source>Sjekker bilde, bildefrekvens og lys på videokilden (Ctrl+Shift+K)</source>
        <translation>Checks picture, frame rate and light of the video source (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="288" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="299" />
        <source>Aktuelle produkter</source>
        <translation>Candidate products</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="290" />
        <source>Navn, HMS-nr, ISO-kode eller leverandør</source>
        <translation>Name, HMS no., ISO code or supplier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="292" />
        <source>Søk</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="294" />
        <source>Treff i katalogen</source>
        <translation>Catalogue hits</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="296" />
        <source>Legg til produkt</source>
        <translation>Add product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="300" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="300" />
        <source>Produkt</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="301" />
        <source>Deler</source>
        <translation>Parts</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="315" />
        <source>F.eks. prøv med hodestøtte</source>
        <translation>E.g. try with head support</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="316" />
        <source>Én per linje: HMS-nr med antall («150817:2») eller tekst</source>
        <translation>One per line: HMS no. with quantity («150817:2») or text</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="317" />
        <source>Lagre produktet</source>
        <translation>Save product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="318" />
        <source>Fjern produktet</source>
        <translation>Remove product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="323" />
        <source>Søk i katalogen:</source>
        <translation>Search the catalogue:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="330" />
        <source>Notat:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="331" />
        <source>Deler og tilbehør:</source>
        <translation>Parts and accessories:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="339" />
        <source>Tegninger og bilder (ansikter sladdes, lagres kryptert)</source>
        <translation>Drawings and pictures (faces blurred, stored encrypted)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="341" />
        <source>Tegninger og bilder</source>
        <translation>Drawings and pictures</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="347" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="764" />
        <source>Tegning</source>
        <translation>Drawing</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="348" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="764" />
        <source>Bilde</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="349" />
        <source>Tegning eller bilde</source>
        <translation>Drawing or picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="352" />
        <source>Bildetekst, f.eks. plantegning bad</source>
        <translation>Caption, e.g. floor plan bathroom</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="353" />
        <source>&amp;Importer tegning eller bilde …</source>
        <translation>&amp;Import drawing or picture …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="354" />
        <source>Slett bildet</source>
        <translation>Delete picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="360" />
        <source>Bildetekst:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="370" />
        <source>Møte&amp;invitasjon (.ics) …</source>
        <translation>Meeting &amp;invitation (.ics) …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="371" />
        <source>Forberedelses&amp;ark (PDF) …</source>
        <translation>Prep sh&amp;eet (PDF) …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="372" />
        <source>Skriv &amp;ut ark …</source>
        <translation>&amp;Print sheet …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="373" />
        <source>Forhåndsvisning og utskrift av forberedelsesarket</source>
        <translation>Preview and print the prep sheet</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="374" />
        <source>&amp;Hold møtet</source>
        <translation>&amp;Hold the meeting</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="375" />
        <source>Åpner saken for møtet med deltakere, samtykke og produkter</source>
        <translation>Opens the meeting's case with participants, consent and products</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="396" />
        <source>Forberedelsen</source>
        <translation>The preparation</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="484" />
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="484" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="491" />
        <source>Klar</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="484" />
        <source>Holdt</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="485" />
        <source>Dokumentert</source>
        <translation>Documented</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="491" />
        <source>Klargjøres</source>
        <translation>To prepare</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="491" />
        <source>Forkastet</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="494" />
        <source>Forbindelsen er sjekket</source>
        <translation>Connection checked</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="495" />
        <source>Forhåndssjekk av utstyret er holdt</source>
        <translation>Pre-call equipment check held</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="496" />
        <source>Rommet er stort nok til å vise hele hjelpemidlet</source>
        <translation>Room large enough to show the whole device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="497" />
        <source>Lys uten motlys</source>
        <translation>Light without backlight</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="498" />
        <source>Nøytrale klær</source>
        <translation>Neutral clothes</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="499" />
        <source>Kolleger er informert</source>
        <translation>Colleagues told</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="500" />
        <source>Samtykke er innhentet der det trengs</source>
        <translation>Consent obtained where needed</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="501" />
        <source>Tegninger er mottatt</source>
        <translation>Drawings received</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="504" />
        <source>Rådgiver</source>
        <translation>Adviser</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="504" />
        <source>Tekniker</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="505" />
        <source>Ergoterapeut</source>
        <translation>Occupational therapist</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="505" />
        <source>Fysioterapeut</source>
        <translation>Physiotherapist</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="506" />
        <source>Bruker</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="506" />
        <source>Pårørende</source>
        <translation>Next of kin</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="506" />
        <source>Verge</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="507" />
        <source>Hjelpepleier</source>
        <translation>Care assistant</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="507" />
        <source>Leverandør</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="508" />
        <source>Saksbehandler</source>
        <translation>Case officer</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="508" />
        <source>Annen</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="573" />
        <source>• {0} ({1}): møtet har vært, men er ikke holdt</source>
        <translation>• {0} ({1}): the meeting date has passed, but it was not held</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="575" />
        <source>• {0} ({1}): %n punkt(er) ikke krysset av</source>
        <translation><numerusform>• {0} ({1}): %n item not ticked</numerusform><numerusform>• {0} ({1}): %n items not ticked</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="578" />
        <source>… og {0} til</source>
        <translation>… and {0} more</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="579" />
        <source>Påminnelser før møtet:</source>
        <translation>Reminders before the meeting:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="593" />
        <location filename="../../hms_desk/ui/prep_workspace.py" line="628" />
        <source>Du har endringer som ikke er lagret. Trykk «Lagre forberedelsen» eller «Forkast endringer» først.</source>
        <translation>You have unsaved changes. Press «Save preparation» or «Discard changes» first.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="672" />
        <source> – sak {0}</source>
        <translation> – case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="713" />
        <source> (holder kameraet)</source>
        <translation> (holds the camera)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="731" />
        <source>Ikke aktuelt – brukeren deltar ikke</source>
        <translation>Not applicable – the user does not take part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="733" />
        <source>{0}, {1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="737" />
        <source>Ikke krysset av</source>
        <translation>Not ticked</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="747" />
        <source> (finnes ikke lenger i katalogen)</source>
        <translation> (no longer in the catalogue)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="770" />
        <source>{0} – %n ansikt(er) sladdet</source>
        <translation><numerusform>{0} – %n face blurred</numerusform><numerusform>{0} – %n faces blurred</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="836" />
        <source>Forberedelse {0} er laget.</source>
        <translation>Preparation {0} created.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="837" />
        <source>Forberedelse {0} er lagret.</source>
        <translation>Preparation {0} saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="846" />
        <source>Forberedelse {0} er slettet.</source>
        <translation>Preparation {0} deleted.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="865" />
        <source>Status: {0}.</source>
        <translation>Status: {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="878" />
        <source>Deltaker lagt til: {0}.</source>
        <translation>Participant added: {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="886" />
        <source>Velg deltakeren som skal fjernes.</source>
        <translation>Choose the participant to remove.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="894" />
        <source>Velg deltakeren som holder kameraet.</source>
        <translation>Choose the participant who holds the camera.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="912" />
        <source>«{0}» er krysset av.</source>
        <translation>«{0}» ticked.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="913" />
        <source>«{0}» er ikke lenger krysset av.</source>
        <translation>«{0}» no longer ticked.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="922" />
        <source>Forhåndssjekken kjører – resultatet knyttes til sjekklisten når den er ferdig.</source>
        <translation>The pre-call check is running – its result is linked to the checklist when it is done.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="955" />
        <source>Ingen treff</source>
        <translation>No hits</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="962" />
        <source>Velg et produkt i trefflisten.</source>
        <translation>Choose a product in the hit list.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="966" />
        <source>{0} {1} er lagt til.</source>
        <translation>{0} {1} added.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1001" />
        <source>Velg et produkt i listen over aktuelle produkter.</source>
        <translation>Choose a product in the list of candidate products.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1006" />
        <source>{0} er lagret.</source>
        <translation>{0} saved.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1028" />
        <source>Leser og anonymiserer {0} …</source>
        <translation>Reading and anonymising {0} …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1041" />
        <source>%n bilde(r) importert</source>
        <translation><numerusform>%n picture imported</numerusform><numerusform>%n pictures imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1042" />
        <source>%n ansikt(er) sladdet.</source>
        <translation><numerusform>%n face blurred.</numerusform><numerusform>%n faces blurred.</numerusform></translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1049" />
        <source>Velg bildet som skal slettes.</source>
        <translation>Choose the picture to delete.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1053" />
        <source>Bildet er slettet.</source>
        <translation>The picture is deleted.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1059" />
        <source>Lagre endringene i skjemaet først, så dokumentet viser det du har skrevet.</source>
        <translation>Save the changes in the form first, so the document shows what you have written.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1070" />
        <source>Møteinvitasjonen er lagret: {0}</source>
        <translation>Meeting invitation saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1085" />
        <source>Forberedelsesarket er lagret: {0}</source>
        <translation>Prep sheet saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1108" />
        <source>Forberedelsesarket for {0} er sendt til skriveren.</source>
        <translation>The prep sheet for {0} was sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1111" />
        <source>Forberedelsesark {0}</source>
        <translation>Prep sheet {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1122" />
        <source>En sak er allerede åpen. Avslutt den før du holder møtet.</source>
        <translation>A case is already open. Close it before you hold the meeting.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1128" />
        <source>Møtet er holdt i sak {0}.</source>
        <translation>The meeting is held in case {0}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1149" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/prep_workspace.py" line="1149" />
        <source>ikke OK</source>
        <translation>not OK</translation>
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
        <location filename="../../hms_desk/ui/main_window.py" line="544" />
        <source>Sak {0} er åpen</source>
        <translation>Case {0} is open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="545" />
        <source>Sak {0} er fortsatt åpen. Vil du avslutte saken nå (bildene slettes), eller la den stå åpen til neste gang HMS Desk starter?</source>
        <translation>Case {0} is still open. Do you want to close the case now (the pictures are deleted), or leave it open until HMS Desk starts next time?</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="547" />
        <source>&amp;La saken stå åpen</source>
        <translation>&amp;Leave the case open</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="548" />
        <source>&amp;Avslutt saken</source>
        <translation>&amp;Close the case</translation>
    </message>
</context>
<context>
    <name>RegionTool</name>
    <message>
        <location filename="../../hms_desk/ui/label_region.py" line="38" />
        <source>Marker område for merkelesing</source>
        <extracomment>A drag shorter than this many screen pixels on either side is not a region (a stray click). The smallest region the reader accepts, in picture pixels.</extracomment>
        <translation>Mark a region for label reading</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_region.py" line="39" />
        <source>Dra et rektangel rundt merket med musen. Esc avbryter.</source>
        <translation>Drag a rectangle around the label with the mouse. Esc cancels.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/label_region.py" line="172" />
        <source>Dra et rektangel rundt merket – Esc avbryter</source>
        <translation>Drag a rectangle around the label – Esc cancels</translation>
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
    <name>ShareView</name>
    <message>
        <location filename="../../hms_desk/ui/share_view.py" line="56" />
        <source>{0} – bilde til deling</source>
        <extracomment>The owner name the share view keeps the pane's video running under.</extracomment>
        <translation>{0} – picture for sharing</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/share_view.py" line="57" />
        <source>Bilde til deling</source>
        <translation>Picture for sharing</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/share_view.py" line="147" />
        <source>Ingen bilde akkurat nå</source>
        <translation>No picture right now</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/share_view.py" line="178" />
        <source>Stillbilde</source>
        <translation>Still picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/share_view.py" line="178" />
        <source>Direkte</source>
        <translation>Live</translation>
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
        <location filename="../../hms_desk/ui/video_pane.py" line="692" />
        <source>Følger</source>
        <extracomment>While following, a live frame is painted without marks once the tracker's newest answer is this many frames older than it (the tracker fell behind); normally the answered frame is shown.</extracomment>
        <translation>Following</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="692" />
        <source>Usikker</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="692" />
        <source>Mistet</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="693" />
        <source>Søker …</source>
        <translation>Searching …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="781" />
        <source>FRYST BILDE</source>
        <translation>FROZEN PICTURE</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="856" />
        <source>Merker: {0}</source>
        <translation>Marks: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="859" />
        <source>({0} % treff)</source>
        <translation>({0} % match)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="866" />
        <source>Ingen videokilde</source>
        <translation>No video source</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/video_pane.py" line="869" />
        <source>{0} bilder/s · {1} tapt · forsinkelse {2}</source>
        <translation>{0} frames/s · {1} lost · delay {2}</translation>
    </message>
</context>
<context>
    <name>_CloseCaseCounts</name>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="746" />
        <source>Når saken avsluttes, slettes %n bilde(r) for godt (slettingen loggføres).</source>
        <translation><numerusform>When the case is closed, %n picture is deleted for good (the deletion is logged).</numerusform><numerusform>When the case is closed, %n pictures are deleted for good (the deletion is logged).</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../hms_desk/ui/case_panel.py" line="749" />
        <source>%n eksportert(e) dokument(er) som ligger i HMS Desk slettes også.</source>
        <translation><numerusform>%n exported document kept in HMS Desk is deleted too.</numerusform><numerusform>%n exported documents kept in HMS Desk are deleted too.</numerusform></translation>
    </message>
</context>
</TS>