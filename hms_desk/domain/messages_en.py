"""The core's texts in English: bokmål → English (see :mod:`hms_desk.domain.i18n`).

A key with ``{name}`` parts is a template: the parts stand for values (a file
name, a number, another message), and a value that is itself in the catalogue
is translated too.  ``{n}`` and ``{n_*}`` match numbers only.  Keys are the
exact texts the core writes; ``tests/test_translations.py`` fails when the
core writes a message that is not here (``python tests/i18n_scan.py`` lists
them).

Grouped by where the texts come from.  English quotes are “…” where bokmål
has «…».
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- domain: values shown on cards, lists and combos ------------------------------------
    "Permanent utlån": "Permanent loan",
    "Tidsbestemt utlån": "Fixed-term loan",
    "Korttidsutlån": "Short-term loan",
    "Utprøvingslån": "Trial loan",
    "I utlån": "On loan",
    "Til reparasjon": "Under repair",
    "Utlån ikke funnet": "Loan not found",
    "Innsendt": "Submitted",
    "Registrert": "Registered",
    "Klargjort": "Prepared",
    "Delvis skipningsbekreftet": "Partly shipped",
    "Skipningsbekreftet": "Shipped",
    "Lukket": "Closed",
    "Annullert": "Cancelled",
    "Mottatt hos NAV": "Received by NAV",
    "Levert": "Delivered",
    "Plukket på lager": "Picked at the warehouse",
    "Klar til plukk": "Ready to pick",
    "Delvis plukket på lager": "Partly picked at the warehouse",
    "Til XK-lager": "To the XK store",
    "Brukes i serviceoppdrag": "Used in a service job",
    "Repareres lokalt av kommunen": "Repaired locally by the municipality",
    "Sendes inn til HMS": "Sent in to the assistive technology centre",
    "Deler må bestilles": "Parts must be ordered",
    "Ny samtale avtales": "A new call is arranged",
    # participants' roles and consents (the case panel's combos)
    "tekniker": "technician",
    "terapeut": "therapist",
    "bruker": "user",
    "pårørende": "next of kin",
    "verge": "guardian",
    "hjelpepleier": "care assistant",
    "annen": "other",
    "muntlig": "oral",
    "skriftlig": "written",
    "bilder": "pictures",
    "video": "video",
    "opptak": "recording",
    # field labels in messages (domain.limits)
    "Oppsummering": "Summary",
    "Begrunnelse": "Reason",
    "Neste kontakt": "Next contact",
    "Organisasjon": "Organisation",
    "Hendelse": "Event",
    "Tekst i bildet": "Text in the picture",
    "Beskrivelse av delen": "Description of the part",
    "Lev. art.nr": "Supplier art. no.",
    "Avvik": "Deviation",
    "Søketekst": "Search text",
    "Bestiller": "Orderer",
    "Endret av": "Changed by",
    "Utført av": "Done by",
    "Tekniker": "Technician",
    "ISO-kode": "ISO code",
    "Artikkelstatus": "Article status",
    "Navn": "Name",
    "Artikkelnavn": "Article name",
    "Leverandør": "Supplier",
    "Kategori": "Category",
    "Bilde": "Picture",
    "Serie": "Series",
    "Serienavn": "Series name",
    "Katalog-id": "Catalogue id",
    "Passer til (id)": "Fits (id)",
    "Kommunenavn": "Municipality name",
    "Teksten": "The text",
    "Hmsnr": "HMS no.",
    "Serienr": "Serial no.",
    "HMS-nr": "HMS no.",
    "Produktets hmsnr": "The product's HMS no.",
    "Delens hmsnr": "The part's HMS no.",
    "Formål": "Purpose",
    "Spørsmål som skal avklares": "Questions to settle",
    "Hva som skal filmes": "What to film",
    "Vinkler": "Angles",
    "Agenda": "Agenda",
    "Videoadresse": "Video address",
    "Alternativ adresse": "Alternative address",
    "Resultat": "Result",
    "Notat": "Note",
    "Del eller tilbehør": "Part or accessory",
    "Bildetekst": "Caption",

    # --- domain: validation, personal data, names -----------------------------------------------
    "Vi finner dessverre ikke et utlån på dette art.nr og serienr.":
        "Unfortunately we cannot find a loan for this art. no. and serial no.",
    "{label} må ha {n} siffer": "{label} must have {n} digits",
    "{label} må ha 6 siffer": "{label} must have 6 digits",
    "{label} skal kun bestå av tall": "{label} must consist of digits only",
    "{label} mangler": "{label} is missing",
    "«{label}» skal være tekst.": "“{label}” must be text.",
    "«{label}» er for lang: høyst {n_max} tegn (teksten har {n_len}).":
        "“{label}” is too long: at most {n_max} characters (the text has {n_len}).",
    "Teksten ser ut til å inneholde et fødselsnummer (eller D-nummer). HMS Desk lagrer aldri fødselsnummer – "
    "fjern det og prøv igjen.":
        "The text seems to contain a national identity number (or D number). HMS Desk never stores national "
        "identity numbers – remove it and try again.",
    "Teksten ser ut til å inneholde et navn («navn: …»). Skriv rolle (bruker, pårørende, terapeut …), aldri navn.":
        "The text seems to contain a name (“name: …”). Write a role (user, next of kin, therapist …), never a "
        "name.",
    "«{label}» inneholder ugyldige kontrolltegn (for eksempel NUL). Fjern dem og prøv igjen.":
        "“{label}” contains invalid control characters (for example NUL). Remove them and try again.",
    "«{label}» kan ikke ha linjeskift.": "“{label}” cannot have line breaks.",
    "«{label}» inneholder ugyldige tegn (ødelagt tegnkoding). Skriv teksten på nytt.":
        "“{label}” contains invalid characters (broken character encoding). Type the text again.",
    "«{label}» inneholder skjulte retningstegn som kan gjøre teksten villedende. Fjern dem og prøv igjen.":
        "“{label}” contains hidden direction marks that can make the text misleading. Remove them and try "
        "again.",
    "«{label}» skal være en ansattident (for eksempel Z123456), initialer (for eksempel KN) eller et brukernavn "
    "med små bokstaver – aldri et navn eller et fødselsnummer.":
        "“{label}” must be an employee ident (for example Z123456), initials (for example KN) or a user name in "
        "lower case – never a name or a national identity number.",
    "«{label}» skal være en ISO-kode med 2–10 siffer.": "“{label}” must be an ISO code of 2–10 digits.",
    "«{label}» skal være en status med ord (for eksempel «I utlån») – ikke navn, tall eller andre opplysninger.":
        "“{label}” must be a status in words (for example “I utlån”) – not names, numbers or other details.",
    "«{label}» mangler.": "“{label}” is missing.",
    "«{label}» er for lang: høyst {n} tegn.": "“{label}” is too long: at most {n} characters.",
    "ser ut som et personnavn": "looks like a person's name",
    "ser ut som et navn på en person": "looks like the name of a person",
    "11 siffer ser ut som et fødselsnummer": "11 digits look like a national identity number",
    "Personopplysninger skal ikke lagres: {parts}. Fjern det, eller bekreft at det ikke gjelder en person.":
        "Personal data must not be stored: {parts}. Remove it, or confirm that it is not about a person.",
    "Organisasjonen kan ikke inneholde et fødselsnummer.":
        "The organisation cannot contain a national identity number.",
    "Organisasjonen ser ut som navnet på en person. Skriv organisasjonen (f.eks. «Oslo kommune, "
    "hjemmetjenesten»), aldri navnet på en person.":
        "The organisation looks like the name of a person. Write the organisation (e.g. “Oslo kommune, "
        "hjemmetjenesten”), never the name of a person.",

    # --- parts: NAV's order rules ----------------------------------------------------------------
    "Bestiller mangler.": "The orderer is missing.",
    "Ukjent hjelpemiddelsentral{shown}. Velg din hjelpemiddelsentral i innstillingene.":
        "Unknown assistive technology centre{shown}. Choose your centre in the settings.",
    "Du må velge levering.": "You must choose a delivery.",
    "Kommunen ({municipality}) har ikke XK-lager. Delene brukes i serviceoppdrag: velg levering til "
    "servicejobben.":
        "The municipality ({municipality}) has no XK store. The parts are used in a service job: choose delivery "
        "to the service job.",
    "ukjent": "unknown",
    "Delbestillingen må inneholde minst én dellinje": "The parts order must contain at least one part line",
    "Kan ikke ha antall < 1. Fant antall={quantity} for hmsnr {ref}":
        "Cannot have quantity < 1. Found quantity={quantity} for HMS no. {ref}",
    "(uten nummer)": "(without number)",
    "Du kan bestille høyst {n} stk. ({line}).": "You can order at most {n} pcs. ({line}).",
    "linje {n}: {name}": "line {n}: {name}",
    "linje {n}": "line {n}",
    "Delen {part} står ikke i delelisten for dette hjelpemiddelet. Bestill den som ukjent del med beskrivelse.":
        "The part {part} is not in this device's parts list. Order it as an unknown part with a description.",
    "(ugyldig HMS-nr)": "(invalid HMS no.)",
    "(uten HMS-nr)": "(without HMS no.)",
    "Delen {part} står på flere linjer. Slå linjene sammen.":
        "The part {part} is on several lines. Merge the lines.",
    "Linje {n}: oppgi HMS-nr eller leverandørens artikkelnummer for delen.":
        "Line {n}: give the part's HMS no. or the supplier's article number.",
    "Linje {n}: beskriv delen du trenger.": "Line {n}: describe the part you need.",
    "Linje {n}: {message}": "Line {n}: {message}",
    "Du må svare på om tilbehøret finnes på hjelpemidlet fra før":
        "You must answer whether the accessory is already on the device",
    "Kan ikke bestilles: Når dette tilbehøret ikke er på hjelpemidlet allerede, kan det ikke bestilles. Ta kontakt "
    "med fysio- eller ergoterapeut som kan melde behov til Hjelpemiddelsentralen.":
        "Cannot be ordered: when this accessory is not already on the device, it cannot be ordered. Contact a "
        "physiotherapist or occupational therapist who can report the need to the assistive technology centre.",
    "Tekniker må bekrefte opplæring i bytting av batteriene":
        "The technician must confirm training in changing the batteries",
    "{nav_text} Det ble bestilt batteri for {days} dager siden ({ordered}); nytt batteri kan tidligst bestilles "
    "{allowed}.":
        "{nav_text} A battery was ordered {days} days ago ({ordered}); a new battery can be ordered on "
        "{allowed} at the earliest.",
    "Det er allerede bestilt batteri til dette hjelpemiddelet i dag. Ta kontakt med Hjelpemiddelsentralen hvis det "
    "likevel er behov for nytt batteri.":
        "A battery has already been ordered for this device today. Contact the assistive technology centre if a "
        "new battery is needed all the same.",
    "Batteriene til dette hjelpemiddelet ble byttet for mindre enn ett år siden, og er innenfor garantitid. Det er "
    "derfor ikke mulig å bestille nye batterier via denne tjenesten. Ta kontakt med Nav hjelpemiddelsentral for å "
    "avklare om feilen dekkes av garantien.":
        "The batteries of this device were changed less than a year ago and are under warranty. New batteries "
        "can therefore not be ordered through this service. Contact the NAV assistive technology centre to find "
        "out whether the warranty covers the fault.",
    "{nav_text} Garantien ({years} år) varer til {end}.": "{nav_text} The warranty ({years} years) lasts until {end}.",
    "Hjelpemiddelet er innenfor garantitid. Det er derfor ikke mulig å bestille nye batterier via denne tjenesten. "
    "Ta kontakt med Nav hjelpemiddelsentral for å avklare om feilen dekkes av garantien.":
        "The device is under warranty. New batteries can therefore not be ordered through this service. Contact "
        "the NAV assistive technology centre to find out whether the warranty covers the fault.",
    "Du kan kun sende inn {n} bestillinger per artikkelnr+serienr per døgn.":
        "You can only send {n} orders per article no. + serial no. in 24 hours.",
    "ingen hjelpemiddelsentral": "no assistive technology centre",
    "Vi finner ikke hvilken hjelpemiddelsentral utlånet hører til, og kan derfor ikke sende bestillingen. Ta "
    "kontakt med hjelpemiddelsentralen.":
        "We cannot find which assistive technology centre the loan belongs to, so the order cannot be sent. "
        "Contact the assistive technology centre.",
    "Du kan ikke bestille deler til et hjelpemiddel som hører til en annen hjelpemiddelsentral. Utlånet hører til "
    "{device_unit}, du er knyttet til {own_unit}.":
        "You cannot order parts for a device that belongs to another assistive technology centre. The loan "
        "belongs to {device_unit}, you belong to {own_unit}.",

    # --- parts: orders and their documents ----------------------------------------------------------
    "Bestillingen ble avvist.": "The order was refused.",
    "Fant ingen bestilling med nummer {number}.": "Found no order with number {number}.",
    "Ukjent status. Bruk REGISTRERT, KLARGJORT, DELVIS_SKIPNINGSBEKREFTET, SKIPNINGSBEKREFTET, LUKKET eller "
    "ANNULLERT.":
        "Unknown status. Use REGISTRERT, KLARGJORT, DELVIS_SKIPNINGSBEKREFTET, SKIPNINGSBEKREFTET, LUKKET or "
        "ANNULLERT.",
    "Bestilling {number} kan ikke endres fra «{old}» til «{new}». Status kan bare gå fremover, og en lukket eller "
    "annullert bestilling kan ikke endres.":
        "Order {number} cannot be changed from “{old}” to “{new}”. The status can only move forward, and a "
        "closed or cancelled order cannot be changed.",
    "Bestilling {number} har status «{status}»; skipningsbekreftelse for enkeltlinjer tas ikke imot lenger.":
        "Order {number} has status “{status}”; shipping confirmations for single lines are no longer accepted.",
    "Bestilling {number} har ingen linje {line}.": "Order {number} has no line {line}.",
    "Ukjent dokumenttype «{kind}».": "Unknown document type “{kind}”.",
    "Ukjent format «{fmt}». Velg json, csv, pdf eller repair-pdf.":
        "Unknown format “{fmt}”. Choose json, csv, pdf or repair-pdf.",

    # --- services: cases, captures, deletion ------------------------------------------------------------
    "Bildet kunne ikke kodes som PNG.": "The picture could not be encoded as PNG.",
    "Bildet kunne ikke leses.": "The picture could not be read.",
    "Deltakeren finnes ikke i saken.": "The participant is not in the case.",
    "Samtykket finnes ikke i saken.": "The consent is not in the case.",
    "Saken finnes ikke.": "The case does not exist.",
    "Saken er lukket.": "The case is closed.",
    "Ukjent rolle: {role}": "Unknown role: {role}",
    "Samtykke må være muntlig eller skriftlig.": "Consent must be oral or written.",
    "Samtykke gis av bruker, pårørende eller verge.": "Consent is given by the user, next of kin or a guardian.",
    "Samtykke gjelder bilder, video eller opptak.": "Consent covers pictures, video or recording.",
    "Saken ble avsluttet før bildet ble lagret. Bildet er ikke lagret.":
        "The case was closed before the picture was saved. The picture is not saved.",
    "Brukeren deltar i samtalen: registrer samtykke til bilder før du tar bilde.":
        "The user takes part in the call: record consent to pictures before you take a picture.",
    "Bildet er slettet.": "The picture is deleted.",
    "Ugyldig bildefilnavn.": "Invalid picture file name.",
    "Nøkkelen til de lagrede bildene mangler i {store}, men {folder} har bilder. HMS Desk lager ikke en ny nøkkel "
    "over dem. Gjenopprett nøkkelringen eller hemmelighetsfilen fra sikkerhetskopi.":
        "The key to the stored pictures is missing from {store}, but {folder} has pictures. HMS Desk does not "
        "make a new key over them. Restore the keyring or the secrets file from a backup.",
    "Kunne ikke lagre bildet: {why}": "Could not save the picture: {why}",
    "Bildet er slettet eller finnes ikke.": "The picture is deleted or does not exist.",
    "Bildefilen er skadet.": "The picture file is damaged.",
    "Bildet kan ikke dekrypteres (feil nøkkel eller skadet fil).":
        "The picture cannot be decrypted (wrong key or damaged file).",
    "{n} bilde": "{n} picture",
    "{n} bilder": "{n} pictures",
    "{n} ansikt": "{n} face",
    "{n} ansikter": "{n} faces",
    "{n} eksportert dokument": "{n} exported document",
    "{n} eksporterte dokumenter": "{n} exported documents",
    "{n} element": "{n} item",
    "{n} elementer": "{n} items",
    "{n} linje": "{n} line",
    "{n} linjer": "{n} lines",
    "{n} punkt": "{n} point",
    "{n} punkter": "{n} points",
    # the case's history and the audit log (stored in bokmål, shown in the user's language)
    "Bilde tatt, {faces} sladdet": "Picture taken, {faces} blurred",
    "{pictures} slettet ({reason})": "{pictures} deleted ({reason})",
    "Sak lukket, {pictures} og {exports} i profilen slettet":
        "Case closed, {pictures} and {exports} in the profile deleted",
    "Slettebekreftelse utstedt ({items})": "Deletion receipt issued ({items})",
    "saken ble lukket": "the case was closed",
    "Saken har {pictures} som ikke er slettet ennå. Avslutt saken (eller slett bildene) før du lager "
    "slettebekreftelse.":
        "The case still has {pictures} not deleted. Close the case (or delete the pictures) before you make "
        "the deletion receipt.",
    "Slettingen av noen bilder står ikke i revisjonsloggen – slettebekreftelse kan ikke utstedes. Kontakt "
    "systemansvarlig.":
        "The deletion of some pictures is not in the audit log – a deletion receipt cannot be issued. Contact the "
        "system administrator.",
    "{documents} med saksopplysninger ligger fortsatt i HMS Desk. Avslutt saken før du lager slettebekreftelse.":
        "{documents} with case details are still in HMS Desk. Close the case before you make the deletion "
        "receipt.",
    "Kunne ikke skrive slettebekreftelsen til {path}: {why}": "Could not write the deletion receipt to {path}: {why}",

    # --- services: deviations, lookup, journal, OeBS --------------------------------------------------
    "Velg type avvik: feil samtale, lyd eller bilde borte, uvedkommende i samtalen, feil del levert, feil på "
    "utstyr eller annet.":
        "Choose the kind of deviation: wrong call, sound or picture lost, outsider in the call, wrong part "
        "delivered, equipment failure or other.",
    "Retning må være fra HMS til kommunen, fra kommunen til HMS eller intern.":
        "The direction must be from the centre to the municipality, from the municipality to the centre or "
        "internal.",
    "Skriv hva som skjedde.": "Write what happened.",
    "Teksten er for lang ({n_len} tegn; høyst {n_max}).": "The text is too long ({n_len} characters; at most {n_max}).",
    "Oppgi rolle, ikke navn: velg en av {roles}.": "Give a role, not a name: choose one of {roles}.",
    "Oppgi hvem som meldte avviket (rolle).": "Give who reported the deviation (role).",
    "Tidspunktet for avviket kan ikke være fram i tid.": "The time of the deviation cannot be in the future.",
    "Fant ingen sak «{case}».": "Found no case “{case}”.",
    "Avviket kunne ikke lagres. Prøv igjen.": "The deviation could not be saved. Try again.",
    "Fant ikke avvik «{number}».": "Found no deviation “{number}”.",
    "Ukjent type avvik «{kind}».": "Unknown kind of deviation “{kind}”.",
    "Ukjent retning «{direction}».": "Unknown direction “{direction}”.",
    "Svaret fra OeBS kunne ikke lagres i det lokale registeret.":
        "The answer from OeBS could not be saved in the local register.",
    "Kladden til journalnotatet kan ikke leses. Start et nytt notat.":
        "The draft of the journal note cannot be read. Start a new note.",
    "Kunne ikke lagre journalnotatet som {path}: {why}": "Could not save the journal note as {path}: {why}",
    "Notatet hører til en annen sak.": "The note belongs to another case.",
    "OeBS ga et svar som ikke kan brukes: {why}.": "OeBS gave an answer that cannot be used: {why}.",
    "Ingen adresse til OeBS er satt opp.": "No OeBS address is set up.",
    "Adressen til OeBS er ugyldig: «{url}». Den skal begynne med https://.":
        "The OeBS address is invalid: “{url}”. It must begin with https://.",
    "Tidsavbruddet for OeBS må være større enn 0 sekunder.": "The OeBS timeout must be more than 0 seconds.",
    "OeBS-tokenet i nøkkelringen er ugyldig (det kan bare ha vanlige tegn).":
        "The OeBS token in the keyring is invalid (it can only have ordinary characters).",
    "OeBS svarte ikke ferdig innen {seconds} sekunder.": "OeBS did not finish answering within {seconds} seconds.",
    "OeBS svarte ikke innen {seconds} sekunder.": "OeBS did not answer within {seconds} seconds.",
    "Får ikke kontakt med OeBS (nettverksfeil). Sjekk nettverket eller adressen i innstillingene.":
        "Cannot reach OeBS (network error). Check the network or the address in the settings.",
    "OeBS svarte med en feil på serveren (HTTP {status}).": "OeBS answered with a server error (HTTP {status}).",
    "OeBS avviste tilgangen (HTTP {status}). Sjekk OeBS-tokenet i nøkkelringen.":
        "OeBS refused access (HTTP {status}). Check the OeBS token in the keyring.",
    "Fant ikke oppslagstjenesten på {url} (HTTP 404). Sjekk adressen.":
        "Found no lookup service at {url} (HTTP 404). Check the address.",
    "OeBS avviste forespørselen (HTTP {status}).": "OeBS refused the request (HTTP {status}).",
    # why an OeBS answer is not used (inside "OeBS ga et svar som ikke kan brukes: …")
    "svaret er ikke et JSON-objekt": "the answer is not a JSON object",
    "feltet «utlån» mangler": "the field “utlån” is missing",
    "«utlån» er ikke et objekt": "“utlån” is not an object",
    "utlånet gjelder et annet hjelpemiddel enn det som ble spurt etter":
        "the loan is for another device than the one asked for",
    "«isokode» skal være et ISO-nummer med siffer": "“isokode” must be an ISO number in digits",
    "«kommunenummer» skal være 4 siffer": "“kommunenummer” must be 4 digits",
    "«utlånsType» er ukjent": "“utlånsType” is unknown",
    "«artikkelstatus» er ugyldig": "“artikkelstatus” is invalid",
    "«artikkelstatus» inneholder personopplysninger og ble ikke brukt":
        "“artikkelstatus” contains personal data and was not used",
    "svaret er for stort": "the answer is too large",
    "svaret er ikke gyldig JSON": "the answer is not valid JSON",
    "svaret er ikke JSON (innholdstype «{kind}»)": "the answer is not JSON (content type “{kind}”)",
    "«{field}» mangler": "“{field}” is missing",
    "«{field}» er ikke en dato": "“{field}” is not a date",
    "«{field}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)": "“{field}” is not a valid date (YYYY-MM-DD)",
    "«{field}» skal være 6 siffer": "“{field}” must be 6 digits",

    # --- storage --------------------------------------------------------------------------------
    "Databasen er opptatt av en annen skriving (for eksempel en registerimport) og ble ikke ledig innen {seconds} "
    "sekunder. Ingenting ble lagret – prøv igjen når den er ferdig.":
        "The database is busy with another write (for example a register import) and was not free within "
        "{seconds} seconds. Nothing was saved – try again when it is done.",
    "Disken er full – databasen kunne ikke skrive. Ingenting ble lagret. Frigjør plass og prøv igjen.":
        "The disk is full – the database could not write. Nothing was saved. Free some space and try again.",
    "Databasen kan ikke skrives (filen eller mappen er skrivebeskyttet). Ingenting ble lagret. Gi brukeren "
    "skrivetilgang, eller start med en annen profil (--profile MAPPE).":
        "The database cannot be written (the file or folder is read-only). Nothing was saved. Give the user "
        "write access, or start with another profile (--profile FOLDER).",
    "Databasefilen er ikke en SQLite-database, eller den er skadet. Velg riktig fil med --db, eller gjenopprett den "
    "fra en sikkerhetskopi i profilens backups-mappe.":
        "The database file is not an SQLite database, or it is damaged. Choose the right file with --db, or "
        "restore it from a backup in the profile's backups folder.",
    "Databasefilen kan ikke åpnes (mappen finnes ikke eller kan ikke skrives). Sjekk --db eller profilmappen.":
        "The database file cannot be opened (the folder does not exist or cannot be written). Check --db or the "
        "profile folder.",
    "Databasen mangler en tabell eller kolonne HMS Desk trenger – den kan være skadet eller fra en annen versjon. "
    "Gjenopprett den fra en sikkerhetskopi.":
        "The database lacks a table or column HMS Desk needs – it may be damaged or from another version. "
        "Restore it from a backup.",
    "Databasen kunne ikke skrive til disken (disken kan være full, eller det er en I/O-feil). Ingenting ble lagret. "
    "Frigjør plass og prøv igjen.":
        "The database could not write to the disk (the disk may be full, or there is an I/O error). Nothing was "
        "saved. Free some space and try again.",
    "Ugyldig databaseadresse: {url}": "Invalid database address: {url}",
    "Kan ikke opprette mappen for databasen ({folder}): {why}": "Cannot create the database's folder ({folder}): {why}",
    "PostgreSQL-driveren mangler. Installer hms-desk[postgres].":
        "The PostgreSQL driver is missing. Install hms-desk[postgres].",
    "Databasen er skadet: den mangler {tables} {names}. Gjenopprett den fra en sikkerhetskopi (profilens "
    "backups-mappe), eller start med en ny database.":
        "The database is damaged: it lacks the {tables} {names}. Restore it from a backup (the profile's "
        "backups folder), or start with a new database.",
    "tabellen": "table",
    "tabellene": "tables",
    "Kan ikke åpne databasen: {why}": "Cannot open the database: {why}",
    "Databasen er laget av en nyere versjon av HMS Desk (skjema {schema}). Oppdater programmet før du åpner den.":
        "The database was made by a newer version of HMS Desk (schema {schema}). Update the program before you "
        "open it.",
    "Oppgradering av databasen feilet: {why}": "Upgrading the database failed: {why}",
    "Databasen mangler sin identitet (app_meta.database_id).": "The database lacks its identity (app_meta.database_id).",
    "venter på databasen … (en annen skriving pågår, for eksempel en registerimport)":
        "waiting for the database … (another write is going on, for example a register import)",

    # --- platform: profile, logs, secrets, settings ----------------------------------------------------
    "Kan ikke skrive i loggmappen {folder} ({why}). Gi brukeren skrivetilgang til mappen, eller start med en "
    "annen profil (--profile MAPPE).":
        "Cannot write in the log folder {folder} ({why}). Give the user write access to the folder, or start "
        "with another profile (--profile FOLDER).",
    "Kan ikke skrive loggfilen i {folder} ({why}). Gi brukeren skrivetilgang til mappen, eller start med en annen "
    "profil (--profile MAPPE).":
        "Cannot write the log file in {folder} ({why}). Give the user write access to the folder, or start with "
        "another profile (--profile FOLDER).",
    "Kan ikke opprette mappen {folder} i profilen ({why}). Gi brukeren skrivetilgang, eller start med en annen "
    "profil (--profile MAPPE).":
        "Cannot create the folder {folder} in the profile ({why}). Give the user write access, or start with "
        "another profile (--profile FOLDER).",
    "Hemmelighetsfilen {path} er skadet eller ufullstendig og kan ikke leses ({why}). HMS Desk stopper her for "
    "ikke å lage en ny bildenøkkel – da ville alle lagrede bilder bli uleselige – og for ikke å glemme "
    "OeBS-tokenet. Hent filen fra sikkerhetskopi, eller flytt den bort hvis det ikke finnes bilder å ta vare på, "
    "og start igjen.":
        "The secrets file {path} is damaged or incomplete and cannot be read ({why}). HMS Desk stops here so "
        "as not to make a new picture key – all stored pictures would then be unreadable – and not to forget "
        "the OeBS token. Get the file from a backup, or move it away if there are no pictures to keep, and "
        "start again.",
    "ikke gyldig JSON": "not valid JSON",
    "Fant ingen nøkkelring i operativsystemet. Hemmeligheter lagres i stedet i en fil som bare din bruker kan lese, "
    "i profilmappen. Installer en nøkkelring (Secret Service) for bedre vern.":
        "Found no keyring in the operating system. Secrets are stored instead in a file only your user can "
        "read, in the profile folder. Install a keyring (Secret Service) for better protection.",
    "HMS Desk stoppet på grunn av en uventet feil ({kind}). Ingenting du har lagret er tapt. Detaljer er skrevet "
    "til {where}. Send gjerne filen til systemansvarlig.":
        "HMS Desk stopped because of an unexpected error ({kind}). Nothing you have saved is lost. Details are "
        "written to {where}. Please send the file to the system administrator.",
    "loggen (krasjloggen kunne ikke skrives)": "the log (the crash log could not be written)",
    "operativsystemets nøkkelring": "the operating system's keyring",
    "fil i profilen (ingen nøkkelring tilgjengelig)": "file in the profile (no keyring available)",
    "innstillinger": "settings",
    "«{key}» skal være et objekt": "“{key}” must be an object",
    "«{key}» skal være sann/usann, ikke {value}": "“{key}” must be true/false, not {value}",
    "«{key}» skal være et tall, ikke {value}": "“{key}” must be a number, not {value}",
    "«{key}» skal være tekst, ikke {value}": "“{key}” must be text, not {value}",
    "«retention_days» må være mellom 1 og 365 dager": "“retention_days” must be between 1 and 365 days",
    "«ui.language» må være «nb» eller «en»": "“ui.language” must be “nb” or “en”",
    "«hms_unit» skal være et lagernummer med 4 siffer": "“hms_unit” must be a store number of 4 digits",
    "«oebs.timeout_s» må være mellom 0 og 120 sekunder": "“oebs.timeout_s” must be between 0 and 120 seconds",
    "«oebs.retries» må være mellom 0 og 5": "“oebs.retries” must be between 0 and 5",
    "«ui.layouts» skal være et objekt med vindusoppsett per skjermstørrelse":
        "“ui.layouts” must be an object with window layouts per screen size",
    "«oebs.base_url» må begynne med https:// (eller http://localhost for test)":
        "“oebs.base_url” must begin with https:// (or http://localhost for tests)",
    "innstillingene skal være et JSON-objekt": "the settings must be a JSON object",
    "«schema_version» mangler eller er ugyldig": "“schema_version” is missing or invalid",
    "Innstillingene er laget av en nyere versjon av HMS Desk (versjon {version}).":
        "The settings were made by a newer version of HMS Desk (version {version}).",
    "filen skal inneholde et JSON-objekt": "the file must contain a JSON object",
    "filen kunne ikke leses": "the file could not be read",
    "filen er altfor stor til å være en innstillingsfil": "the file is far too large to be a settings file",
    "Innstillingsfilen {path} er laget av en nyere versjon av HMS Desk (versjon {version}). Den brukes ikke og blir "
    "ikke endret – standardinnstillinger brukes til du oppdaterer HMS Desk.":
        "The settings file {path} was made by a newer version of HMS Desk (version {version}). It is not used "
        "and not changed – default settings are used until you update HMS Desk.",
    "Kunne ikke lagre innstillingene i {path}: {why}": "Could not save the settings in {path}: {why}",
    "Innstillingsfilen var ødelagt ({why}). Standardinnstillinger brukes.{moved}":
        "The settings file was broken ({why}). Default settings are used.{moved}",
    "Den gamle filen er lagt til side som {name}.": "The old file is put aside as {name}.",
    "Innstillingsfilen {path} kan ikke leses ({why}). Standardinnstillinger brukes; filen er ikke endret.":
        "The settings file {path} cannot be read ({why}). Default settings are used; the file is not changed.",
    "De felles innstillingene i {path} kan ikke brukes ({why}). HMS Desk bruker sine egne standardverdier; si fra "
    "til IT.":
        "The shared settings in {path} cannot be used ({why}). HMS Desk uses its own defaults; tell IT.",

    # --- documents --------------------------------------------------------------------------------
    "Ukjent format «{fmt}». Velg pdf, text eller json.": "Unknown format “{fmt}”. Choose pdf, text or json.",
    "Kunne ikke lage {what} ({why}). Ingenting ble skrevet; feilen er logget.":
        "Could not make {what} ({why}). Nothing was written; the error is logged.",
    "Kunne ikke skrive {what} til {path}: {why}": "Could not write {what} to {path}: {why}",
    "Ukjent beslutning. Velg reparer lokalt, send inn, bestill deler eller ny samtale.":
        "Unknown decision. Choose repair locally, send in, order parts or new call.",
    "Varigheten må være mellom 0 og 1440 minutter.": "The duration must be between 0 and 1440 minutes.",
    "Teksten er for lang ({n_len} tegn; høyst {n_max}). Del den opp eller legg den ved i journalsystemet.":
        "The text is too long ({n_len} characters; at most {n_max}). Split it up or attach it in the journal "
        "system.",
    "Journalnotatet kan ikke eksporteres ennå: fyll ut {fields}.":
        "The journal note cannot be exported yet: fill in {fields}.",
    "Ukjent mal for notatet: «{template}».": "Unknown template for the note: “{template}”.",
    "Skriften {font} mangler i installasjonen ({why}).": "The font {font} is missing from the installation ({why}).",
    "Et bilde er tomt, så dokumentet ble ikke laget.": "A picture is empty, so the document was not made.",
    "Et bilde kunne ikke gjøres klart for dokumentet.": "A picture could not be made ready for the document.",
    "Et bilde kunne ikke leses, så dokumentet ble ikke laget.": "A picture could not be read, so the document was not made.",
    "Dokumentet «{title}» kunne ikke lages: innholdet fikk ikke plass på siden eller inneholdt noe som ikke kan "
    "skrives ut. Feilen er logget.":
        "The document “{title}” could not be made: the content did not fit on the page or contained something "
        "that cannot be printed. The error is logged.",
    "Kunne ikke lagre {what} som {path}: {why}": "Could not save {what} as {path}: {why}",
    # what a document is, in the two messages above
    "journalnotatet": "the journal note",
    "slettebekreftelsen": "the deletion receipt",
    "avviksmeldingen": "the deviation report",
    "delbestilling": "the parts order",
    "reparasjonsordre": "the repair order",
    "eksporten": "the export",
    "dokumentet": "the document",

    # --- catalogue and register imports ------------------------------------------------------------
    "Linje": "Line",
    "Treff": "Hit",
    "Filen «{name}» {problem}": "The file “{name}” {problem}",
    "finnes ikke.": "does not exist.",
    "kan ikke leses: {why}.": "cannot be read: {why}.",
    "er lagret som UTF-16. Lagre den som «CSV UTF-8» og prøv igjen.":
        "is saved as UTF-16. Save it as “CSV UTF-8” and try again.",
    "er en gammel Excel-fil (.xls). Lagre den som .xlsx eller «CSV UTF-8».":
        "is an old Excel file (.xls). Save it as .xlsx or “CSV UTF-8”.",
    "er ikke en CSV-fil (det ser ut som en Excel- eller zip-fil).":
        "is not a CSV file (it looks like an Excel or zip file).",
    "er ikke en CSV-fil (den inneholder binærdata).": "is not a CSV file (it contains binary data).",
    "er ikke UTF-8-kodet. Lagre den som «CSV UTF-8» og prøv igjen.":
        "is not UTF-8 encoded. Save it as “CSV UTF-8” and try again.",
    "er tom.": "is empty.",
    "er ikke en gyldig CSV-fil.": "is not a valid CSV file.",
    "er ikke UTF-8-kodet (feil rundt linje {line}). Lagre den som «CSV UTF-8» og prøv igjen.":
        "is not UTF-8 encoded (error around line {line}). Save it as “CSV UTF-8” and try again.",
    "er ikke en gyldig CSV-fil (feil på linje {line}).": "is not a valid CSV file (error on line {line}).",
    "mangler påkrevde kolonner: {columns}.": "lacks required columns: {columns}.",
    "Filen «{name}» finnes ikke.": "The file “{name}” does not exist.",
    "Filen «{name}» kunne ikke leses som Excel-arbeidsbok (.xlsx). Den kan være skadet eller i et annet format.":
        "The file “{name}” could not be read as an Excel workbook (.xlsx). It may be damaged or in another "
        "format.",
    "Filen «{name}» har ikke noe ark med kolonnene {columns}.": "The file “{name}” has no sheet with the columns {columns}.",
    "Filen «{name}» kunne ikke leses som Excel-arbeidsbok (.xlsx). Den kan være skadet.":
        "The file “{name}” could not be read as an Excel workbook (.xlsx). It may be damaged.",
    "Import støttes ikke for databasetypen {kind}.": "Import is not supported for the database type {kind}.",
    "Avbrutt – ingen endringer ble lagret.": "Cancelled – no changes were saved.",
    "Importen feilet i databasen ({why}). Ingen endringer ble lagret.":
        "The import failed in the database ({why}). No changes were saved.",
    "Importen ble ikke lagret: {why}": "The import was not saved: {why}",
    "Filen «{name}» er ikke UTF-8-kodet JSON.": "The file “{name}” is not UTF-8 encoded JSON.",
    "Filen «{name}» er ikke gyldig JSON fra hjelpemiddeldatabasen.":
        "The file “{name}” is not valid JSON from the assistive device database.",
    "Filen «{name}» er for dypt nøstet til å være et søkesvar fra hjelpemiddeldatabasen.":
        "The file “{name}” is nested too deeply to be a search answer from the assistive device database.",
    "Filen «{name}» har ikke formen til et søkesvar fra hjelpemiddeldatabasen (hits.hits).":
        "The file “{name}” does not have the form of a search answer from the assistive device database "
        "(hits.hits).",
    "Treffet mangler «_source»": "The hit lacks “_source”",
    "«compatibleWith.{key}» må være en liste": "“compatibleWith.{key}” must be a list",
    "Ugyldig dato i «{column}» (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)":
        "Invalid date in “{column}” (use YYYY-MM-DD or DD.MM.YYYY)",
    "«{column}» må være et heltall": "“{column}” must be a whole number",
    "«{column}» må være mellom {low} og {high}": "“{column}” must be between {low} and {high}",
    "«{column}» må være true/false eller ja/nei": "“{column}” must be true/false or yes/no",
    "Kolonnen «{column}» ser ut til å inneholde personopplysninger (fødselsnummer eller navn). Verdien vises ikke "
    "her – rett raden i filen.":
        "The column “{column}” seems to contain personal data (national identity number or name). The value is "
        "not shown here – correct the row in the file.",
    "Kolonnen «{column}» ser ut til å inneholde et fødselsnummer (uten første null). Verdien vises ikke her – "
    "rett raden i filen.":
        "The column “{column}” seems to contain a national identity number (without its leading zero). The "
        "value is not shown here – correct the row in the file.",
    "Kolonnen «{column}» er ukjent og ble ikke importert.": "The column “{column}” is unknown and was not imported.",
    "Kolonnen «{column}» inneholder personopplysninger og ble ikke importert.":
        "The column “{column}” contains personal data and was not imported.",
    "{label} er for lang (maks {n} tegn)": "{label} is too long (at most {n} characters)",
    "Maks. antall kan ikke være mindre enn standard antall":
        "The maximum quantity cannot be less than the default quantity",
    "Arkene {sheets} i «{name}» ble ikke lest (bare arket med delelisten importeres).":
        "The sheets {sheets} in “{name}” were not read (only the sheet with the parts list is imported).",
    "{n} treff uten HMS-nr ble hoppet over.": "{n} hits without HMS no. were skipped.",
    "{pictures} kunne ikke leses eller sladdes og ble ikke lagret (del {parts}).":
        "{pictures} could not be read or blurred and were not saved (part {parts}).",
    "Kommunenummer må ha 4 siffer": "The municipality number must have 4 digits",
    "Ukjent HMS-enhet": "Unknown HMS unit",
    "Ukjent utlånstype (bruk P, F, K eller U)": "Unknown loan type (use P, F, K or U)",
    "Delen {part} finnes ikke i delekatalogen": "The part {part} is not in the parts catalogue",
    "Den medfølgende katalogen kunne ikke importeres ({kind}): {why}":
        "The bundled catalogue could not be imported ({kind}): {why}",
    "(viser de {n} første)": "(showing the first {n})",
    "{n} rader har feil{shown}. Ingenting ble importert – rett feilene og prøv igjen.":
        "{n} rows have errors{shown}. Nothing was imported – correct the errors and try again.",
    "Lest {n_rows} rader: {n_new} nye, {n_updated} oppdatert, {n_skipped} hoppet over.":
        "Read {n_rows} rows: {n_new} new, {n_updated} updated, {n_skipped} skipped.",

    # --- video: sources, pipeline, live blur, picture quality, annotations ----------------------------------
    "Klarte ikke å lage demobildet: {why}": "Could not make the demo picture: {why}",
    "Klarte ikke å åpne videofilen «{name}». Er det en video i et format vi kan lese?":
        "Could not open the video file “{name}”. Is it a video in a format we can read?",
    "Klarte ikke å åpne strømmen {name}. Sjekk adressen og at kameraet eller møtet sender.":
        "Could not open the stream {name}. Check the address and that the camera or meeting is sending.",
    "Fant ikke videofilen «{name}».": "Found no video file “{name}”.",
    "Videoformatet i «{name}» støttes ikke: filen har ingen bilder vi kan dekode.":
        "The video format of “{name}” is not supported: the file has no frames we can decode.",
    "Videoadressen «{url}» er ikke en gyldig adresse.": "The video address “{url}” is not a valid address.",
    "Videoadressen «{url}» er ikke en rtsp-, http- eller https-adresse.":
        "The video address “{url}” is not an rtsp, http or https address.",
    "Videoadressen «{url}» mangler en gyldig maskin (vertsnavn eller IP).":
        "The video address “{url}” lacks a valid host (host name or IP).",
    "Ugyldig oppløsning i videokilden «{spec}».": "Invalid resolution in the video source “{spec}”.",
    "Ugyldig bildefrekvens i videokilden «{spec}».": "Invalid frame rate in the video source “{spec}”.",
    "Videokilden «window:» mangler vindustittel eller vindus-id.":
        "The video source “window:” lacks a window title or window id.",
    "Skjermutsnittet i «{spec}» er for lite (minst 16×16 punkter).":
        "The screen area in “{spec}” is too small (at least 16×16 points).",
    "«{spec}» er ikke en kamera-, vindus- eller skjermkilde.": "“{spec}” is not a camera, window or screen source.",
    "Videokilden «file:» mangler filsti.": "The video source “file:” lacks a file path.",
    "Kamera, vindu og skjerm kan bare brukes fra skjermbildet til HMS Desk.":
        "Camera, window and screen can only be used from the HMS Desk window.",
    "Ukjent videokilde «{spec}». Bruk «demo», «file:<sti>», «url:<adresse>», «camera:<id>», «window:<tittel>» "
    "eller «screen:<navn>».":
        "Unknown video source “{spec}”. Use “demo”, “file:<path>”, “url:<address>”, “camera:<id>”, "
        "“window:<title>” or “screen:<name>”.",
    # the pipeline's states and messages (the video pane and the status bar)
    "starter": "starting",
    "kjører": "running",
    "pause": "paused",
    "tilkobler på nytt": "reconnecting",
    "stoppet": "stopped",
    "feil": "error",
    "Personvernpause: kameraet er av. Ingen bilder tas imot.":
        "Privacy pause: the camera is off. No pictures are received.",
    "Viser bilder fra {source}.": "Showing pictures from {source}.",
    "{reason} Ga opp etter {n} forsøk.": "{reason} Gave up after {n} attempts.",
    "{reason} Prøver igjen om {seconds} s (forsøk {n}) …": "{reason} Trying again in {seconds} s (attempt {n}) …",
    "Ansiktssladding feilet – bildet vises ikke.": "Face blurring failed – the picture is not shown.",
    "Mistet forbindelsen til strømmen.": "Lost the connection to the stream.",
    "Starter {source} …": "Starting {source} …",
    "Lesefeil fra strømmen ({why}).": "Read error from the stream ({why}).",
    "Videoen er slutt.": "The video has ended.",
    "Uventet feil i videoen: {why}": "Unexpected error in the video: {why}",
    "Videoen er stoppet.": "The video is stopped.",
    "Venter på bilde …": "Waiting for a picture …",
    "Ingen videokilde er startet.": "No video source has been started.",
    "PERSONVERNPAUSE — kameraet er av": "PRIVACY PAUSE — the camera is off",
    "Ingen bilder tas imot, vises eller lagres mens pausen varer.":
        "No pictures are received, shown or saved while the pause lasts.",
    "ANSIKTSSLADDING VIRKER IKKE – ansikter kan vises": "FACE BLURRING IS NOT WORKING – faces may be visible",
    "ANSIKTSSLADDINGEN HENGER ETTER – ansikter kan vises": "FACE BLURRING IS LAGGING – faces may be visible",
    "Ansiktssladding virker ikke – bildet er skjult": "Face blurring is not working – the picture is hidden",
    "Ansikter sladdes i sanntid.": "Faces are blurred live.",
    "Ansiktssladding starter …": "Face blurring is starting …",
    "Motlys: snu kameraet slik at vinduet ikke er bak gjenstanden.":
        "Backlight: turn the camera so the window is not behind the object.",
    "For mørkt: slå på taklyset eller flytt gjenstanden nærmere lyset.":
        "Too dark: switch on the ceiling light or move the object closer to the light.",
    "For lyst: flytt gjenstanden bort fra sterkt lys eller direkte sol.":
        "Too bright: move the object away from strong light or direct sun.",
    "Uskarpt: tørk av kameralinsen og hold kameraet litt lenger unna, så det får fokusert.":
        "Blurred: wipe the camera lens and hold the camera a little further away so it can focus.",
    "Bildet er utydelig fordi kameraet beveger seg: hold det stille eller støtt det mot noe.":
        "The picture is unclear because the camera moves: hold it still or rest it against something.",
    "Bildet ser bra ut.": "The picture looks good.",
    "bilde": "frame",                  # the demo video's frame counter
    "Ansiktsgjenkjenning er ikke tilgjengelig – bildet ble ikke lagret.":
        "Face detection is not available – the picture was not saved.",
    "Bildet er tomt eller ugyldig – det ble ikke lagret.": "The picture is empty or invalid – it was not saved.",
    "Bildet er for stort ({megapixels} megapiksler, største tillatte er {limit}) – det ble ikke lagret.":
        "The picture is too large ({megapixels} megapixels, the largest allowed is {limit}) – it was not saved.",
    "Ansiktsgjenkjenningen feilet – bildet ble ikke lagret.": "Face detection failed – the picture was not saved.",
    # camera, window and screen capture (hms_desk/ui/capture_sources.py)
    "Kamera, vindu og skjerm krever at skjermbildet til HMS Desk kjører.":
        "Camera, window and screen need the HMS Desk window to be running.",
    "Fant ingen kamera.": "Found no camera.",
    "Fant ikke kameraet «{name}». Er det koblet til?": "Found no camera “{name}”. Is it connected?",
    "Fant ikke vinduet «{name}». Er møtet eller programmet åpent?":
        "Found no window “{name}”. Is the meeting or the program open?",
    "Fant ikke skjermen «{name}».": "Found no screen “{name}”.",
    "Kamerafeil: {why}": "Camera error: {why}",
    "Vindusopptaket feilet: {why}": "The window capture failed: {why}",
    "Skjermopptaket feilet: {why}": "The screen capture failed: {why}",
    "Skjermen ble koblet fra.": "The screen was disconnected.",
    "Kameraet ble koblet fra.": "The camera was disconnected.",
    "Vinduet som ble tatt opp er lukket.": "The captured window was closed.",
    "Fikk ikke bilde fra {source} innen {seconds} s.": "Got no picture from {source} within {seconds} s.",
    # annotations on a frozen picture
    "Ugyldig tegning på bildet: {why}": "Invalid mark on the picture: {why}",
    "hver tegning må være et objekt med «kind» og «points».": "every mark must be an object with “kind” and “points”.",
    "ukjent felt «{field}».": "unknown field “{field}”.",
    "ukjent type «{kind}» (bruk pil, sirkel, rektangel, tekst, penn eller nummer).":
        "unknown kind “{kind}” (use pil, sirkel, rektangel, tekst, penn or nummer).",
    "fargen «{colour}» er ikke på formen #rrggbb.": "the colour “{colour}” is not of the form #rrggbb.",
    "strekbredden må være et heltall fra 1 til {n}.": "the line width must be a whole number from 1 to {n}.",
    "teksten må være tekst.": "the text must be text.",
    "tekstfeltet er tomt.": "the text field is empty.",
    "teksten er lengre enn {n} tegn.": "the text is longer than {n} characters.",
    "teksten kan ikke ha linjeskift eller kontrolltegn.": "the text cannot have line breaks or control characters.",
    "bare tekst kan ha tekst, ikke {kind}.": "only a text can have text, not {kind}.",
    "nummeret må være et heltall fra 1 til {n}.": "the number must be a whole number from 1 to {n}.",
    "bare et nummermerke kan ha nummer, ikke {kind}.": "only a numbered marker can have a number, not {kind}.",
    "en frihåndsstrek skal ha fra 2 til {n} punkter.": "a freehand line must have from 2 to {n} points.",
    "{kind} skal ha {points}.": "{kind} must have {points}.",
    "et punkt må være to tall [x, y].": "a point must be two numbers [x, y].",
    "et punkt ligger utenfor bildet.": "a point lies outside the picture.",
    "tegningene må være en liste.": "the marks must be a list.",
    "mer enn {n} tegninger på ett bilde.": "more than {n} marks on one picture.",
    "bildet har ingen størrelse.": "the picture has no size.",
    "teksten": "the text",
    "nummermerket": "the numbered marker",
    "{what} er plassert utenfor bildet – sett det på bildet.": "{what} is placed outside the picture – put it on the picture.",
    "teksten er bredere enn bildet – skriv kortere eller velg tynnere strek.":
        "the text is wider than the picture – write less or choose a thinner line.",
    "nummermerket er større enn bildet.": "the numbered marker is larger than the picture.",
    "pilen er for kort – dra fra der den skal starte til der den skal peke.":
        "the arrow is too short – drag from where it starts to where it points.",
    "{kind}en ligger utenfor bildet – tegn den på bildet.": "the {kind} lies outside the picture – draw it on the picture.",
    "bildet må være et BGR-bilde (8 bit, 3 kanaler).": "the picture must be a BGR picture (8 bit, 3 channels).",
    "pil": "arrow",
    "sirkel": "circle",
    "rektangel": "rectangle",
    "tekst": "text",
    "frihåndsstrek": "freehand line",
    "nummermerke": "numbered marker",

    # --- services: an adviser's preparations (utprøving, boligsak) ---------------------------------
    "Utprøving": "Trial",
    "Boligsak": "Housing case",
    "utprøving": "trial",
    "boligsak": "housing case",
    "Planlagt": "Planned",
    "Klar": "Ready",
    "Holdt": "Held",
    "Dokumentert": "Documented",
    "planlagt": "planned",
    "klar": "ready",
    "holdt": "held",
    "dokumentert": "documented",
    "Klargjøres": "To prepare",
    "Forkastet": "Rejected",
    "Rådgiver": "Adviser",
    "Ergoterapeut": "Occupational therapist",
    "Fysioterapeut": "Physiotherapist",
    "Bruker": "User",
    "Pårørende": "Next of kin",
    "Verge": "Guardian",
    "Hjelpepleier": "Care assistant",
    "Saksbehandler": "Case officer",
    "Annen": "Other",
    "Forbindelsen er sjekket": "Connection checked",
    "Forhåndssjekk av utstyret er holdt": "Pre-call equipment check held",
    "Rommet er stort nok til å vise hele hjelpemidlet": "Room large enough to show the whole device",
    "Lys uten motlys": "Light without backlight",
    "Nøytrale klær": "Neutral clothes",
    "Kolleger er informert": "Colleagues told",
    "Samtykke er innhentet der det trengs": "Consent obtained where needed",
    "Tegninger er mottatt": "Drawings received",
    "Tegning": "Drawing",
    "Ikke aktuelt – brukeren deltar ikke": "Not applicable – the user does not take part",
    "Ikke innhentet ennå": "Not obtained yet",
    "Muntlig": "Oral",
    "Skriftlig": "Written",
    "{kind} samtykke fra {given_by} til {scope}": "{kind} consent from {given_by} to {scope}",
    "Godkjent": "Passed",
    "Ikke godkjent": "Not passed",
    "ISO-kode {code}": "ISO code {code}",
    "{number}, {faces} sladdet": "{number}, {faces} blurred",
    "{number} ({when}): ikke krysset av: {items}": "{number} ({when}): not ticked: {items}",
    "{number} ({when}): møtet har vært, men er ikke holdt i HMS Desk.":
        "{number} ({when}): the meeting date has passed, but it was not held in HMS Desk.",
    "{number} ({when}): møtet har vært, men er ikke holdt i HMS Desk. Ikke krysset av: {items}":
        "{number} ({when}): the meeting date has passed, but it was not held in HMS Desk. Not ticked: {items}",
    "{n} punkt på sjekklisten gjenstår.": "{n} checklist item remains.",
    "{n} punkter på sjekklisten gjenstår.": "{n} checklist items remain.",
    "{n} åpent punkt": "{n} open item",
    "{n} åpne punkter": "{n} open items",
    # what the adviser is told
    "Velg utprøving eller boligsak.": "Choose trial or housing case.",
    "Skriv formålet med møtet – hva skal forberedes eller avklares?":
        "Write the purpose of the meeting – what is to be prepared or settled?",
    "Velg dato og klokkeslett for møtet.": "Choose the date and time of the meeting.",
    "Tidspunktet {when} har allerede vært. Velg et tidspunkt fram i tid.":
        "The time {when} has already passed. Choose a time in the future.",
    "Varigheten må være et antall minutter.": "The duration must be a number of minutes.",
    "Varigheten må være mellom {n_min} og {n_max} minutter.":
        "The duration must be between {n_min} and {n_max} minutes.",
    "Videoadressen må være en lenke som begynner med https://, eller en sip:- eller tel:-adresse, uten mellomrom.":
        "The video address must be a link that starts with https://, or a sip: or tel: address, without spaces.",
    "Høyst {n} alternative adresser.": "At most {n} alternative addresses.",
    "Kommunenummeret har 4 siffer.": "The municipality number has 4 digits.",
    "Forberedelsen finnes ikke (den kan være slettet).": "The preparation does not exist (it may have been deleted).",
    "Forberedelse {number} er {status} og kan ikke endres lenger.":
        "Preparation {number} is {status} and can no longer be changed.",
    "Fant ingen forberedelse med nummer «{number}».": "Found no preparation with number “{number}”.",
    "Ukjent status.": "Unknown status.",
    "Status «Holdt» settes når du holder møtet («Hold møtet»).":
        "The status “Held” is set when you hold the meeting (“Hold the meeting”).",
    "{number} er {status} og kan ikke settes til «{new}».": "{number} is {status} and cannot be set to “{new}”.",
    "Velg en rolle fra listen.": "Choose a role from the list.",
    "Organisasjonen er for lang (høyst 120 tegn).": "The organisation is too long (at most 120 characters).",
    "Deltakeren finnes ikke i forberedelsen.": "The participant is not in the preparation.",
    "Ukjent punkt på sjekklisten.": "Unknown checklist item.",
    "«{item}» hører ikke til en {kind}.": "“{item}” does not belong to a {kind}.",
    "Produktet med HMS-nr {hmsnr} finnes ikke (lenger) i katalogen. Søk på nytt – katalogen kan ha blitt "
    "oppdatert.":
        "The product with HMS no. {hmsnr} is not (or no longer) in the catalogue. Search again – the catalogue "
        "may have been updated.",
    "{hmsnr} {name} står allerede på listen.": "{hmsnr} {name} is already on the list.",
    "Status må være «Klargjøres», «Klar» eller «Forkastet».":
        "The status must be “Klargjøres” (to prepare), “Klar” (ready) or “Forkastet” (rejected).",
    "Produktet står ikke lenger på listen.": "The product is no longer on the list.",
    "Delen {hmsnr} finnes ikke i katalogen.": "The part {hmsnr} is not in the catalogue.",
    "Skriv delen som HMS-nr (6 siffer) eller tekst, ev. med antall: «150817:2».":
        "Write the part as an HMS no. (6 digits) or text, with a quantity if needed: “150817:2”.",
    "Antallet for «{part}» må være mellom 1 og 99.": "The quantity for “{part}” must be between 1 and 99.",
    "Velg tegning eller bilde.": "Choose drawing or picture.",
    "Bildet kunne ikke kodes som PNG. Ingenting er lagret.": "The picture could not be encoded as PNG. Nothing is saved.",
    "Tegningen eller bildet er slettet.": "The drawing or picture is deleted.",
    "Tegningen eller bildet er allerede slettet.": "The drawing or picture is already deleted.",
    "Møtet for {number} er allerede holdt (sak {case}).": "The meeting for {number} is already held (case {case}).",
    "{number} er {status}; møtet kan ikke holdes.": "{number} is {status}; the meeting cannot be held.",
    "Ingen mappe å lagre i.": "No folder to save in.",
    "forberedelsesarket": "the prep sheet",
    "Kunne ikke skrive forberedelsesarket til {path}: {why}": "Could not write the prep sheet to {path}: {why}",
    "Kunne ikke skrive invitasjonen til {path}: {why}": "Could not write the invitation to {path}: {why}",
    # reading a drawing or picture file
    "filen": "the file",
    "Filen «{name}» er tom. Ingenting er lagret.": "The file “{name}” is empty. Nothing is saved.",
    "Filen «{name}» er for stor ({n_size} MB, høyst {n_max} MB). Ingenting er lagret.":
        "The file “{name}” is too large ({n_size} MB, at most {n_max} MB). Nothing is saved.",
    "Filen «{name}» kan ikke leses som et bilde – den er skadet eller i et format HMS Desk ikke kjenner (bruk PNG, "
    "JPEG eller PDF). Ingenting er lagret.":
        "The file “{name}” cannot be read as a picture – it is damaged or in a format HMS Desk does not know "
        "(use PNG, JPEG or PDF). Nothing is saved.",
    "PDF-filen «{name}» kan ikke åpnes – den er skadet eller passordbeskyttet. Ingenting er lagret.":
        "The PDF file “{name}” cannot be opened – it is damaged or password-protected. Nothing is saved.",
    "PDF-filen «{name}» har ingen sider. Ingenting er lagret.": "The PDF file “{name}” has no pages. Nothing is saved.",
    "PDF-filen «{name}» har {n_pages} sider; høyst {n_max} kan importeres. Del den opp først. Ingenting er lagret.":
        "The PDF file “{name}” has {n_pages} pages; at most {n_max} can be imported. Split it up first. "
        "Nothing is saved.",
    "«{name}» er en mappe, ikke en fil.": "“{name}” is a folder, not a file.",
    "Filen «{name}» kan ikke leses: {why}": "The file “{name}” cannot be read: {why}",
    "«{name}» er tom (0 byte).": "“{name}” is empty (0 bytes).",
    "«{name}» er skadet eller ufullstendig (filen slutter før bildet) – ikke et bilde vi kan lese.":
        "“{name}” is damaged or incomplete (the file ends before the picture) – not a picture we can read.",
    "«{name}» er for stort (Pillow: {why}).": "“{name}” is too large (Pillow: {why}).",
    "«{name}» er for stort til å leses i minnet.": "“{name}” is too large to be read into memory.",

    # --- labels: the label reader ------------------------------------------------------------------
    "Bildet er tomt eller ugyldig.": "The picture is empty or invalid.",
    "Det markerte området er utenfor bildet eller for lite.": "The marked area is outside the picture or too small.",
    "Tekstgjenkjenning (OCR) er ikke tilgjengelig: {why}. Strekkoder leses fortsatt.":
        "Text recognition (OCR) is not available: {why}. Barcodes are still read.",
    "pakken rapidocr mangler": "the rapidocr package is missing",
    "modellfilene mangler ({files})": "the model files are missing ({files})",

    # --- the audit log's actions, the device card's history, search reasons --------------------------
    "åpnet": "opened",
    "tok bilde": "took a picture",
    "eksporterte": "exported",
    "skrev ut": "printed",
    "slettet": "deleted",
    "avsluttet": "closed",
    "opprettet": "created",
    "endret status": "changed status",
    "rettet": "corrected",
    "skipningsbekreftet linje": "confirmed the shipping of a line",
    "åpen": "open",
    "lukket": "closed",
    "(ukjent produkt)": "(unknown product)",
    "eksakt treff": "exact match",
    "to siffer byttet om": "two digits swapped",
    "ett siffer mangler": "one digit missing",
    "ett siffer for mye": "one digit too many",
    "delvis treff": "partial match",
    "{digit} lest som {typed}": "{digit} read as {typed}",
    "produktnavn": "product name",
    "artikkelnavn": "article name",
    "serie": "series",
    "leverandør": "supplier",
    "leverandørens art.nr.": "supplier's art. no.",
    "HMS-nr stemmer": "HMS no. matches",
    "treff i {fields}": "match in {fields}",
    # where a part's facts come from (the parts panel)
    "katalogen (serien)": "the catalogue (the series)",
    "katalogen (produktet)": "the catalogue (the product)",
    "delelisten": "the parts list",

    # --- the user interface's own errors (hms_desk/ui) -----------------------------------------------
    "Saken er lukket og kan ikke gjenopptas.": "The case is closed and cannot be resumed.",
    "Kunne ikke lese PDF-en {path} for utskrift: {why}": "Could not read the PDF {path} for printing: {why}",
    "Skriveren kunne ikke startes.": "The printer could not be started.",
    "Skjermutsnittet må skrives som x,y,bredde,høyde, for eksempel 0,0,1280,720.":
        "Write the screen area as x,y,width,height, for example 0,0,1280,720.",
    "Velg en videofil først.": "Choose a video file first.",
    "Velg en videokilde i lista.": "Choose a video source in the list.",

    # --- the command line --------------------------------------------------------------------------
    "Argument nr. {n} er ikke gyldig tekst (ugyldig UTF-8). Skriv det på nytt.":
        "Argument no. {n} is not valid text (invalid UTF-8). Type it again.",
    "Et argument": "An argument",
    "{option}: {message}": "{option}: {message}",
    "Fant ikke filen «{name}».": "Found no file “{name}”.",
    "Kunne ikke lese «{name}»: {why}": "Could not read “{name}”: {why}",
    "«{name}» er ikke en fil.": "“{name}” is not a file.",
    "«{name}» er tom.": "“{name}” is empty.",
    "«{name}» er for stor ({size} MB, største tillatte er {limit} MB).":
        "“{name}” is too large ({size} MB, the largest allowed is {limit} MB).",
    "«{name}» er for stort ({width}×{height} piksler, største tillatte er {limit} megapiksler).":
        "“{name}” is too large ({width}×{height} pixels, the largest allowed is {limit} megapixels).",
    "«{name}» kunne ikke leses som bilde ({why}).": "“{name}” could not be read as a picture ({why}).",
    "«{name}» er ikke et bilde vi kan lese (skadet eller ukjent format).":
        "“{name}” is not a picture we can read (damaged or unknown format).",
    "Kunne ikke kode «{name}».": "Could not encode “{name}”.",
    "Kunne ikke skrive «{name}»: {why}": "Could not write “{name}”: {why}",
    "(ingen)": "(none)",
    "«{name}»: filtypen {suffix} støttes ikke (bruk {allowed}).":
        "“{name}”: the file type {suffix} is not supported (use {allowed}).",
    "«{name}»: utmappen er den samme som originalens – originalen blir ikke overskrevet.":
        "“{name}”: the output folder is the original's – the original is not overwritten.",
    "Kunne ikke lage utmappen «{name}»: {why}": "Could not make the output folder “{name}”: {why}",
    "{option} «{value}»: skriv datoen som ÅÅÅÅ-MM-DD.": "{option} “{value}”: write the date as YYYY-MM-DD.",
    "--tidspunkt «{value}»: skriv tidspunktet som ÅÅÅÅ-MM-DD TT:MM.":
        "--tidspunkt “{value}”: write the time as YYYY-MM-DD HH:MM.",
    "Antall hjelpemidler kan ikke være negativt.": "The number of devices cannot be negative.",
    "Mappen {folder} finnes ikke.": "The folder {folder} does not exist.",
    "Kan ikke lage registeret: {why}": "Cannot make the register: {why}",
    "Kan ikke skrive {path}: {why}": "Cannot write {path}: {why}",
    "Fant ikke filen {path}": "Found no file {path}",
    "--unknown «{value}»: skriv REF:ANTALL:BESKRIVELSE, f.eks. 1503-1003:1:Bremsewire venstre.":
        "--unknown “{value}”: write REF:QUANTITY:DESCRIPTION, e.g. 1503-1003:1:Brake cable left.",
    "{option} «{value}»: antall må være et heltall.": "{option} “{value}”: the quantity must be a whole number.",
    "Tilbehøret {part} kan ikke både finnes og ikke finnes på hjelpemidlet.":
        "The accessory {part} cannot both be and not be on the device.",
    "--date «{value}»: skriv datoen som ÅÅÅÅ-MM-DD.": "--date “{value}”: write the date as YYYY-MM-DD.",
    "--time «{value}»: skriv klokkeslettet som TT:MM.": "--time “{value}”: write the time as HH:MM.",
    "--participant «{value}»: ukjent rolle «{role}». Bruk en av: {roles}.":
        "--participant “{value}”: unknown role “{role}”. Use one of: {roles}.",
    "--consent «{value}»: skriv TYPE:GITT_AV:GJELDER, f.eks. muntlig:bruker:video.":
        "--consent “{value}”: write TYPE:GITT_AV:GJELDER (kind:given by:covers), e.g. "
        "muntlig:bruker:video.",
    "Fant ikke produktet med HMS-nr {hmsnr} i katalogen.": "Found no product with HMS no. {hmsnr} in the catalogue.",
}
