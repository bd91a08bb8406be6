<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="nb_NO">
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="37" />
        <location filename="../../hms_desk/ui/case_panel.py" line="253" />
        <source>Ingen sak er startet.</source>
        <translation>No case has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="40" />
        <source>Start &amp;ny sak</source>
        <translation>Start &amp;new case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="43" />
        <source>Til stede (rolle, aldri navn)</source>
        <translation>Present (role, never names)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="48" />
        <source>Organisasjon, f.eks. Oslo kommune</source>
        <translation>Organisation, e.g. Oslo municipality</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="49" />
        <source>I bildet</source>
        <translation>In picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="50" />
        <source>Legg til</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="60" />
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="67" />
        <source>Registrer samtykke</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="68" />
        <location filename="../../hms_desk/ui/case_panel.py" line="160" />
        <source>Brukeren deltar ikke.</source>
        <translation>The user does not take part.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="76" />
        <source>Bilder (ansikter sladdet, kryptert, slettes når saken lukkes)</source>
        <translation>Pictures (faces blurred, encrypted, deleted when the case is closed)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="83" />
        <source>Vurdering</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="85" />
        <source>(ikke bestemt)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="89" />
        <source>Begrunnelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="91" />
        <source>Oppsummering av samtalen (ingen navn, fødselsnummer eller diagnose)</source>
        <translation>Summary of the call (no names, national ID numbers or diagnoses)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="94" />
        <source>Neste kontakt, f.eks. ny samtale tirsdag kl. 10</source>
        <translation>Next contact, e.g. new call Tuesday at 10</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="96" />
        <source>Beslutning:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="97" />
        <source>Begrunnelse:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="98" />
        <source>Oppsummering:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="99" />
        <source>Neste kontakt:</source>
        <translation>Next contact:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="101" />
        <source>&amp;Eksporter journalnotat (PDF)</source>
        <translation>&amp;Export journal note (PDF)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="102" />
        <source>&amp;Avslutt sak</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="153" />
        <source>Sak {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="162" />
        <source>Sak {0} er startet.</source>
        <translation>Case {0} has been started.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="169" />
        <source> (i bildet)</source>
        <translation> (in picture)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="171" />
        <source>Brukeren deltar: samtykke kreves før bilder.</source>
        <translation>The user takes part: consent is required before pictures.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="180" />
        <source>Samtykke registrert: {0} fra {1} til {2}.</source>
        <translation>Consent recorded: {0} from {1} for {2}.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="196" />
        <source>Start en sak før du tar bilde.</source>
        <translation>Start a case before taking a picture.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="208" />
        <source>{0} ansikt(er) sladdet</source>
        <translation>{0} face(s) blurred</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="211" />
        <source>Bilde lagret, {0} ansikt(er) sladdet.</source>
        <translation>Picture saved, {0} face(s) blurred.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="235" />
        <source>Journalnotat lagret: {0}</source>
        <translation>Journal note saved: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/case_panel.py" line="251" />
        <source>Sak {0} er avsluttet. {1} bilde(r) slettet.</source>
        <translation>Case {0} is closed. {1} picture(s) deleted.</translation>
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
        <location filename="../../hms_desk/ui/crash_dialog.py" line="35" />
        <source>Kopier rapport</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="39" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="42" />
        <source>Serienr</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="45" />
        <source>Slå &amp;opp</source>
        <translation>&amp;Look up</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="52" />
        <source>&amp;HMS-nr:</source>
        <translation>&amp;HMS no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="54" />
        <source>&amp;Serienr:</source>
        <translation>&amp;Serial no.:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="60" />
        <source>Hjelpemiddel</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="64" />
        <source>Produkt</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="64" />
        <source>Serie</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="65" />
        <source>Leverandør</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="65" />
        <source>ISO-kategori</source>
        <translation>ISO category</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="66" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="66" />
        <source>Utlån</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="67" />
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="67" />
        <source>HMS</source>
        <translation>HMS</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="68" />
        <source>Garanti</source>
        <translation>Warranty</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="68" />
        <source>Siste batteri</source>
        <translation>Last battery</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="69" />
        <source>Tidligere</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="111" />
        <source>Slår opp …</source>
        <translation>Looking up …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="129" />
        <source>under garanti</source>
        <translation>under warranty</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="129" />
        <source>utløpt</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="130" />
        <source>{0} år, til {1} ({2})</source>
        <translation>{0} years, until {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/lookup_panel.py" line="134" />
        <source>ingen</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="39" />
        <source>Sak og journal</source>
        <translation>Case and journal</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="40" />
        <source>Oppslag</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="41" />
        <source>Deler og bestilling</source>
        <translation>Parts and order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="45" />
        <location filename="../../hms_desk/ui/main_window.py" line="149" />
        <source>Ingen sak</source>
        <translation>No case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="46" />
        <source>Video: starter</source>
        <translation>Video: starting</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="47" />
        <location filename="../../hms_desk/ui/main_window.py" line="175" />
        <source>Kamera på</source>
        <translation>Camera on</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="81" />
        <source>&amp;Ny sak</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="82" />
        <source>&amp;Eksporter journalnotat</source>
        <translation>&amp;Export journal note</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="83" />
        <source>&amp;Avslutt sak</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="84" />
        <source>A&amp;vslutt HMS Desk</source>
        <translation>&amp;Quit HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="85" />
        <source>&amp;Frys bilde</source>
        <translation>&amp;Freeze picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="86" />
        <source>Frys eller fortsett videobildet</source>
        <translation>Freeze or resume the video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="87" />
        <source>Ta &amp;bilde</source>
        <translation>Take &amp;picture</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="88" />
        <source>Lagrer bildet i saken med ansikter sladdet</source>
        <translation>Saves the picture in the case with faces blurred</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="89" />
        <source>&amp;Personvernpause</source>
        <translation>&amp;Privacy pause</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="90" />
        <source>Slår kameraet av med en gang</source>
        <translation>Turns the camera off at once</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="91" />
        <source>Zoom &amp;inn</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="92" />
        <source>Zoom &amp;ut</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="93" />
        <source>&amp;Tilbakestill zoom</source>
        <translation>&amp;Reset zoom</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="94" />
        <source>&amp;Roter 90°</source>
        <translation>&amp;Rotate 90°</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="95" />
        <source>Vis &amp;måltall (fps, forsinkelse)</source>
        <translation>Show &amp;metrics (fps, latency)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="96" />
        <source>&amp;Fullskjerm</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="97" />
        <source>Gå til &amp;oppslag</source>
        <translation>Go to &amp;lookup</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="98" />
        <source>&amp;Om HMS Desk</source>
        <translation>&amp;About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="101" />
        <source>&amp;Fil</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="106" />
        <source>&amp;Video</source>
        <translation>&amp;Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="113" />
        <source>V&amp;is</source>
        <translation>V&amp;iew</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="117" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="118" />
        <source>Norsk bokmål</source>
        <translation>Norsk bokmål (Norwegian)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="120" />
        <source>&amp;Hjelp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="122" />
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="138" />
        <source>Bestilling {0} sendt</source>
        <translation>Order {0} sent</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="139" />
        <source>Video: {0}</source>
        <translation>Video: {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="145" />
        <source>Sak {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="157" />
        <source>Personvernpause: ingen bilder tas.</source>
        <translation>Privacy pause: no pictures are taken.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="161" />
        <source>Ingen videobilde å ta bilde av.</source>
        <translation>No video picture to capture.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="172" />
        <source>PERSONVERNPAUSE – kamera av</source>
        <translation>PRIVACY PAUSE – camera off</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="191" />
        <source>Språket endres neste gang HMS Desk starter.</source>
        <translation>The language changes the next time HMS Desk starts.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="194" />
        <source>Om HMS Desk</source>
        <translation>About HMS Desk</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/main_window.py" line="195" />
        <source>{0} {1}
Videostøtte, oppslag og delbestilling for NAV Hjelpemiddelsentral.
Katalogdata: NAV (MIT-lisens).</source>
        <translation>{0} {1}
Video support, lookup and parts ordering for NAV Hjelpemiddelsentral.
Catalogue data: NAV (MIT licence).</translation>
    </message>
</context>
<context>
    <name>PartsPanel</name>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="38" />
        <source>Slå opp et hjelpemiddel for å se delene som passer.</source>
        <translation>Look up a device to see the parts that fit.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="41" />
        <source>Søk i deler (navn, HMS-nr, lev.art.nr)</source>
        <translation>Search parts (name, HMS no., supplier art. no.)</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="44" />
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="44" />
        <location filename="../../hms_desk/ui/parts_panel.py" line="52" />
        <source>HMS-nr</source>
        <translation>HMS no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="44" />
        <source>Lev.art.nr</source>
        <translation>Supplier art. no.</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="44" />
        <source>Std/maks</source>
        <translation>Default/max</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="48" />
        <source>&amp;Legg til i bestilling</source>
        <translation>&amp;Add to order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="52" />
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="52" />
        <source>Antall</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="55" />
        <source>Teknikeren har opplæring i batteribytte</source>
        <translation>The technician is trained in battery replacement</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="57" />
        <source>Til kommunens lager</source>
        <translation>To the municipality's stock</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="58" />
        <source>Til servicejobben</source>
        <translation>To the service job</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="59" />
        <source>&amp;Send bestilling</source>
        <translation>&amp;Send order</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="69" />
        <source>Antall:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="74" />
        <source>Levering:</source>
        <translation>Delivery:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="84" />
        <source>Bestillingslinjer:</source>
        <translation>Order lines:</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="103" />
        <source>Deler til {0} ({1}/{2}) — laster …</source>
        <translation>Parts for {0} ({1}/{2}) — loading …</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="110" />
        <source>{0} deler passer til {1} ({2})</source>
        <translation>{0} parts fit {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="165" />
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../hms_desk/ui/parts_panel.py" line="192" />
        <source>Bestilling {0} er sendt.</source>
        <translation>Order {0} has been sent.</translation>
    </message>
</context>
<context>
    <name>win</name>
    <message>
        <location filename="../../hms_desk/ui/application.py" line="117" />
        <source>HMS Desk stoppet uventet forrige gang</source>
        <translation>HMS Desk stopped unexpectedly last time</translation>
    </message>
</context>
</TS>