"""Tuning family, second batch: a person's own medical, tax, HR and private matters in the registers
of work tools the first batch lacks (terse chat, voice-call speech without punctuation, e-mail,
AI-assistant prompts, form fields, search queries, window titles of health, tax and HR portals),
under other countries' systems (NHS and GP, HMRC, CRA, ATO, Finanzamt and ELSTER, impots.gouv,
Agencia Tributaria), about a named colleague, and said without a category keyword; and the work of
people who build software about the same subjects (tickets, fixtures, schemas, support macros,
developer docs) in the same registers, with plain work in them as ordinary negatives."""
import re

from evaluation.generated.records import TextRecipe as R

# Where each register is captured.
_TERSE = (("Slack", "{p2.first} (DM) · Northwind", ""), ("Microsoft Teams", "{p2.full} | Teams", ""),
          ("Google Chat", "{p2.first} {p2.last}", ""), ("Mattermost", "@{p2.handle} - Mattermost", ""),
          ("Discord", "{p2.first} - Discord", ""))
_VOICE = (("Zoom", "Zoom Meeting 40-Minutes", ""), ("Microsoft Teams", "Daily sync | Microsoft Teams", ""),
          ("Google Meet", "Meet - weekly 1:1", ""), ("Otter", "Live transcript - Otter.ai", "https://otter.ai/u/{invite}"),
          ("Slack", "Huddle in #team-{repo}", ""))
_MAIL = (("Outlook", "Message (HTML) - {p1.email}", ""), ("Gmail", "New Message - Gmail", "https://mail.google.com/mail/u/0/"),
         ("Apple Mail", "Re: this week", ""), ("Thunderbird", "Write: Re: schedule", ""))
_ASSISTANT = (("Google Chrome", "ChatGPT - New chat", "https://chatgpt.com/"), ("Firefox", "New chat - Claude", "https://claude.ai/new"),
              ("Microsoft Edge", "Copilot | M365", "https://m365.cloud.microsoft/chat"), ("Google Chrome", "Gemini", ""))
_SEARCH = (("Google Chrome", "Google", "https://www.google.com/"), ("Firefox", "DuckDuckGo", "https://duckduckgo.com/"),
           ("Microsoft Edge", "Bing", "https://www.bing.com/"), ("Safari", "Ecosia - the search engine that plants trees", ""))
_HR_FORMS = (("Google Chrome", "Request absence - Workday", ""), ("Microsoft Edge", "HR Service Portal - New case", ""),
             ("Google Chrome", "Personio - Abwesenheit beantragen", ""), ("Firefox", "Employee self service - SAP", ""),
             ("Google Chrome", "Submit a request - People team", ""))
_TAX_FORMS = (("Google Chrome", "Online form - GOV.UK", ""), ("Firefox", "Contact us - web form", ""),
              ("Google Chrome", "Payroll query - Employee hub", ""), ("Safari", "Secure message - online account", ""))
_WORK_TOOLS = (("Google Chrome", "{ticket} - Jira", ""), ("Linear", "{ticket} Triage - Linear", ""),
               ("Visual Studio Code", "conftest.py - {repo}", ""), ("Zendesk", "Macros - Admin Center - Zendesk", ""),
               ("DataGrip", "schema.sql - {repo}", ""), ("Confluence", "Runbook - {repo} - Confluence", ""),
               ("Google Chrome", "Pull request #{num} - {repo} - GitHub", ""))

# How each register says a matter.
_TERSE_SAY = ("{m}", "fyi {m}", "sry {m}", "{m} ugh", "k so {m}", "{m} brb", "cant make it, {m}", "{m} ttyl")
_VOICE_SAY = ("um so {m} yeah", "uh yeah sorry {m} so i'll be in and out", "so basically {m} you know",
              "sorry i'm just um {m} so", "yeah no {m} so yeah", "uh can we keep it short {m}")
_MAIL_SAY = ("Hi {p2.first},\n\n{m}.\n\nCheers,\n{p1.first}", "{p2.first} -\n{m}. Happy to talk it through.",
             "Hello,\nJust to let you know, {m}.\nKind regards\n{p1.full}")
_ASSISTANT_SAY = ("{m}. what are my rights here", "help me reply, {m}", "{m}. write a short message to my boss",
                  "context: {m}. what should I do first")
_WORK_SAY = ("{ticket} {m}", "{m} - repro steps in the ticket", "pairing on {m} after lunch",
             "{m}, PR #{num} is up", "fixed {m}, deploying to staging")
_WORK_VOICE = ("um so yesterday i was on {m} and uh today same thing", "uh quick update {m} should land this sprint",
               "yeah so the blocker is {m} we need a decision")
_WORK_MAIL = ("Hi {p2.first},\n\nFollowing up on {m}. The fix is scheduled for {date}.\n\nThanks,\n{p1.first}",
              "Team -\nStatus on {m}: in QA, {num} test cases left.")
_WORK_ASK = ("write a pytest for {m}", "explain this stack trace, it's from {m}", "draft a Jira description for {m}",
             "suggest a SQL index for {m}")

_MEDICAL = ("my results came back and I need to start the meds Monday", "GP signed me off for two weeks, the fit note is in my inbox",
            "the blood test showed my iron is really low so more tests next week",
            "{p3.first} is off sick with stress and occupational health are involved",
            "I've got an occupational health referral on Thursday about my back",
            "my Krankmeldung runs until Friday, the doctor extended it", "still waiting on the biopsy, they said ten days",
            "{p3.first} lost the baby last week, please don't ask her about it", "I'm on a phased return after the operation",
            "the consultant wants to put my sertraline up to 100", "111 told me to go to A&E so I'll miss the demo",
            "the hospital moved my scan to the offsite week", "my son was kept in overnight with his asthma",
            "the pharmacy didn't have my prescription and I'm out of tablets", "I had a seizure on Saturday and can't drive for six months",
            "{p3.full} is having surgery on the 14th, someone cover her on-call", "the counsellor thinks I'm burnt out",
            "mum's dementia is getting worse and I'm the one taking her to appointments",
            "I'm in arrêt maladie until Friday", "tengo baja médica hasta el lunes",
            "the nurse rang, my smear needs repeating", "they found a lump so I'm going back for an ultrasound")
_TAX = ("they want the missing paperwork from 2023 or I pay the penalty",
        "HMRC fined me 100 quid for filing my self assessment late", "my ELSTER return got bounced and the Finanzamt wants receipts by the 30th",
        "CRA is holding my GST credit until I send my T4s", "the ATO kept my refund for the HECS debt",
        "my avis d'imposition is way higher than last year", "Hacienda me ha mandado un requerimiento por la renta",
        "I owe on the side income and it's due 31 January", "I still haven't done my return and the deadline is Friday",
        "{p3.first} is being audited, they're going through her last three years",
        "my payslip shows an emergency tax code again", "I paid the balancing payment but my online account says overdue",
        "the letter says I underpaid by 2,300 and the interest keeps growing",
        "I need payroll to confirm my income for the tax office", "my Steuerbescheid came and I have to pay back 900",
        "I forgot to declare the dividends so I have to correct last year", "the council is sending bailiffs over my arrears",
        "I need my UTR before I can register as self-employed", "{p3.first} owes the revenue office and they froze his account",
        "my accountant found I was taxed twice on the bonus")
_PERFORMANCE = ("HR put me on a PIP this morning, sixty days", "I got a written warning for the missed on-call",
                "I'm raising a grievance against my line manager", "{p3.first} is on garden leave until the settlement agreement is signed",
                "they offered me a settlement agreement and I have a week to get legal advice",
                "my manager wants to start a formal capability process with me",
                "{p3.full} keeps shouting at me in our 1:1s and I want to log it with HR",
                "I got meets most in my review so no bonus this year", "{p3.first} failed probation, her last day is Friday",
                "my review says I'm not ready for promotion and that's final", "the investigation meeting about my conduct is on Tuesday",
                "{p3.first} got an Abmahnung from HR last week", "my skip said I'm on the list for the next round of layoffs",
                "I'm appealing my dismissal, the hearing is next month", "{p3.first} is being managed out so keep her off the new project",
                "HR called me about the complaint {p3.first} made against me", "they're docking my bonus over the incident",
                "my manager rated me below expectations without any warning")
_PRIVATE = ("school called, {p3.first} got into a fight and I have to collect her", "my husband and I are separating, I'm moving out this weekend",
            "the custody hearing moved so I need Friday off", "mum and dad are fighting again so I'm at my sister's",
            "{p3.first} told me she's seeing someone from finance, don't say anything", "the nanny quit so I'm on kid duty all week",
            "our landlord is kicking us out at the end of the month", "I think my girlfriend is about to break up with me",
            "need to get my daughter from nursery at 3", "my brother got arrested last night, I'm at the station with mum",
            "my in-laws are driving me mad about the wedding", "{p3.first} and {p4.first} went home together after the party lol")
_ABOUT = ("the fit note upload failing for PDFs over 5 MB in the absence module",
          "the fixture for a patient on sertraline 100 mg in test_prescriptions",
          "the support macro for customers whose self assessment is still processing",
          "the ERiC library crash on the new Steuerbescheid XML", "the sick_note table missing an index on employee_id",
          "HMRC RTI error 6001 for starters on emergency tax codes", "T4 slip generation for the weekly payroll run",
          "the ATO STP phase 2 payload missing allowance codes", "the grievance case type in ServiceNow needing an approval step",
          "garden leave end dates not syncing from Workday to access revocation", "excluding test employees on a PIP from the promo report",
          "the settlement agreement template in DocuSign", "the consent checkbox on the occupational health referral form",
          "the impots.gouv withholding rate import for zero rates", "Agencia Tributaria SII invoice submission timeouts",
          "the eAU sick note import from the insurer API", "the biopsy result status enum missing PENDING_REVIEW",
          "GP appointment booking returning 500 for the surgery client", "the written warning count widget on the manager dashboard",
          "the late filing penalty calculation being off by a day in leap years",
          "custody fields in the school admin app's student record", "the family plan billing banner in the mobile app")
_PLAIN = ("the flaky login test on the release branch", "the dashboard migration to the new charts library",
          "the offsite agenda and travel bookings", "the CDN cache purge after the deploy",
          "onboarding docs for the two new contractors", "the quarterly planning doc")

# Text a person types into a form, a search box or a portal's own pages.
_MEDICAL_FORMS = ("Absence type: Sickness\nFirst day: {date}\nFit note: attached\nDetails: back surgery, phased return after",
                  "Occupational health referral\nEmployee: {p1.full}\nCondition: anxiety, on medication\nAdjustments: reduced hours",
                  "Reason for absence: hospital appointment for my daughter\nReturn date: {date}")
_TAX_FORMS_TEXT = ("Your query: my tax code changed to emergency after I started the new job, please correct it",
                   "Reason for late filing: I was in hospital in January and could not submit my return",
                   "Message: I received a penalty notice for {date} and I want to appeal it")
_PERFORMANCE_FORMS = ("Case type: Grievance\nAgainst: {p3.full}\nDescription: repeated belittling comments about me in team meetings",
                      "Leave type: garden leave\nEnd date: {date}\nReason: settlement agreement pending",
                      "Appeal against: written warning issued {date}\nGrounds: the process was not followed")
_PRIVATE_FORMS = ("Reason for leave: custody hearing for my son\nDates: {date}",
                  "Reason for request: childcare fell through, need to work from home this week")
_WORK_FORMS = ("Summary: fit note upload fails\nComponent: absence\nPriority: P2\nSteps: upload a 6 MB PDF",
               "Summary: emergency tax code not applied to starters\nComponent: payroll-rti\nAffects: {num} employees",
               "Summary: grievance case SLA timer wrong\nComponent: hr-cases\nEnvironment: staging",
               "Macro title: Self assessment still processing\nReply: Thanks for getting in touch. Returns can take up to 10 days.")
_MEDICAL_SEARCH = ("how long can a gp fit note be", "sertraline 100mg side effects tired", "can i work with shingles",
                   "phased return after surgery rights uk", "biopsy results how long nhs")
_TAX_SEARCH = ("hmrc self assessment late filing penalty appeal", "elster einspruch steuerbescheid frist",
               "cra notice of reassessment how to dispute", "ato refund offset hecs debt", "emergency tax code how to get money back")
_PERFORMANCE_SEARCH = ("can my employer put me on a pip while on sick leave", "settlement agreement how much is normal",
                       "how to write a grievance letter against my manager", "written warning how long does it stay on file")
_PRIVATE_SEARCH = ("divorce solicitor free consultation", "how to tell kids parents are separating",
                   "emergency childcare this week near me")
_WORK_SEARCH = ("hmrc rti fps error 6001", "fhir r4 observation valuequantity ucum example", "elster eric api dokumentation",
                "workday grievance case api", "ato stp phase 2 paytype codes", "pytest fixture sick note dates timezone")

# Window titles and URLs alone: a person's own pages in a portal, and developers' pages about the same systems.
_MEDICAL_PORTALS = (("Google Chrome", "Your test results - NHS App", "https://www.nhsapp.service.nhs.uk/patient/test-results"),
                    ("Safari", "Fit note - GP record - NHS App", "https://www.nhsapp.service.nhs.uk/patient/gp-medical-record"),
                    ("Firefox", "Repeat prescriptions - Patient Access", "https://app.patientaccess.com/prescriptions"),
                    ("Google Chrome", "Mes rendez-vous - Doctolib", "https://www.doctolib.fr/account/appointments"))
_TAX_PORTALS = (("Google Chrome", "Your Self Assessment account - GOV.UK", "https://www.tax.service.gov.uk/self-assessment"),
                ("Firefox", "My Account - Canada Revenue Agency", "https://apps.cra-arc.gc.ca/ebci/myab/mima/"),
                ("Safari", "Mein ELSTER - Bescheide", "https://www.elster.de/eportal/meinelster"),
                ("Google Chrome", "Mon espace particulier - impots.gouv.fr", "https://cfspart.impots.gouv.fr/"),
                ("Microsoft Edge", "Renta - Borrador - Agencia Tributaria", "https://sede.agenciatributaria.gob.es/"))
_PERFORMANCE_PORTALS = (("Google Chrome", "My performance improvement plan - Workday", "https://wd5.myworkday.com/northwind/"),
                        ("Microsoft Edge", "My grievance case - HR Service Portal", "https://northwind.service-now.com/hrportal"),
                        ("Firefox", "Disciplinary outcome letter - BambooHR", "https://northwind.bamboohr.com/"))
_WORK_PAGES = (("Google Chrome", "{ticket} Emergency tax code not applied to starters - Jira", ""),
               ("Firefox", "Self Assessment API - HMRC Developer Hub", "https://developer.service.gov.uk/api-documentation"),
               ("Visual Studio Code", "fit_note_parser.py - absence-service", ""),
               ("Google Chrome", "Observation - FHIR UK Core - Simplifier", "https://simplifier.net/guide/ukcoreversionhistory"),
               ("Google Chrome", "ERiC - ELSTER Entwicklerbereich", "https://www.elster.de/elsterweb/entwickler"),
               ("Confluence", "Grievance workflow - HR Tech - Confluence", ""))


def _lines(frames: tuple[str, ...], matters: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(frame.replace("{m}", matter) for frame in frames for matter in matters)


def _spoken(matters: tuple[str, ...]) -> tuple[str, ...]:
    """Matters as speech recognition writes them: lower case, no punctuation (slots kept)."""
    return tuple("".join(part if part.startswith("{") else re.sub(r"[.,;:!?]", "", part.lower())
                         for part in re.split(r"(\{[\w.]+\})", matter)) for matter in matters)


def _own(category: str, matters: tuple[str, ...], forms: tuple[str, ...], searches: tuple[str, ...]) -> tuple[R, ...]:
    return (R(f"tune2_{category}_terse", "transcript", category, _TERSE, _lines(_TERSE_SAY, matters), turns=(1, 2)),
            R(f"tune2_{category}_voice", "transcript", category, _VOICE, _lines(_VOICE_SAY, _spoken(matters)),
              source="voice", speakers="first", turns=(1, 2)),
            R(f"tune2_{category}_mail", "keystrokes", category, _MAIL, _lines(_MAIL_SAY, matters)),
            R(f"tune2_{category}_assistant", "transcript", category, _ASSISTANT, _lines(_ASSISTANT_SAY, matters),
              source="ai_prompt", speakers="roles", turns=(1, 1)),
            R(f"tune2_{category}_form", "keystrokes", category, _HR_FORMS if category != "tax" else _TAX_FORMS, forms),
            R(f"tune2_{category}_search", "keystrokes", category, _SEARCH, searches))


def _portal(category: str, contexts: tuple[tuple[str, str, str], ...]) -> R:
    return R(f"tune2_{category}_portal", "title_url", category, contexts)


CATEGORY_RECIPES = (
    *_own("medical", _MEDICAL, _MEDICAL_FORMS, _MEDICAL_SEARCH), *_own("tax", _TAX, _TAX_FORMS_TEXT, _TAX_SEARCH),
    *_own("performance", _PERFORMANCE, _PERFORMANCE_FORMS, _PERFORMANCE_SEARCH),
    *_own("private_chat", _PRIVATE, _PRIVATE_FORMS, _PRIVATE_SEARCH),
    _portal("medical", _MEDICAL_PORTALS), _portal("tax", _TAX_PORTALS), _portal("performance", _PERFORMANCE_PORTALS),
    R("tune2_work_terse", "transcript", "benign", _TERSE, _lines(_WORK_SAY, _ABOUT), turns=(1, 2), hard_negative=True),
    R("tune2_work_voice", "transcript", "benign", _VOICE, _lines(_WORK_VOICE, _spoken(_ABOUT)), source="voice",
      speakers="first", turns=(1, 2), hard_negative=True),
    R("tune2_work_mail", "keystrokes", "benign", _MAIL, _lines(_WORK_MAIL, _ABOUT), hard_negative=True),
    R("tune2_work_assistant", "transcript", "benign", _ASSISTANT, _lines(_WORK_ASK, _ABOUT), source="ai_prompt",
      speakers="roles", turns=(1, 1), hard_negative=True),
    R("tune2_work_form", "keystrokes", "benign", _WORK_TOOLS, _WORK_FORMS, hard_negative=True),
    R("tune2_work_search", "keystrokes", "benign", _SEARCH, _WORK_SEARCH, hard_negative=True),
    R("tune2_work_pages", "title_url", "benign", _WORK_PAGES, hard_negative=True),
    R("tune2_plain_terse", "transcript", "benign", _TERSE, _lines(_WORK_SAY, _PLAIN), turns=(1, 2)),
    R("tune2_plain_voice", "transcript", "benign", _VOICE, _lines(_WORK_VOICE, _spoken(_PLAIN)), source="voice",
      speakers="first", turns=(1, 2)),
)
