"""Hand-written situations of `evaluation/category_probe_plain.py` (issue 17, recall): a specific person's performance
talked about in plain words, without the review process's vocabulary (no review, PIP, rating or promotion: deadlines
missed, quality of their work, attendance, what must change by when, a second warning said informally, a skip-level's
concerns), and tax portals and notices of many countries read by OCR with no IBAN on them; against them the same plain
words about a project, release, vendor, build or sprint, and the screens of the people who build tax software. Several
writers per class. Names are invented placeholders ({n} a person, {m} another)."""
from __future__ import annotations

# Same shape as category_probe_owned_texts.SITUATIONS: (category, situation, half, tool, texts); half 0 tuned on, half
# 1 held out (whole situations, other countries and phrasings, measured once at the end). Screens: "title || line /
# line", OCR's broken lines and split words kept.
SITUATIONS: tuple[tuple[str, str, int, str, tuple[str, ...]], ...] = (
    # --- performance in plain words, tuning half ---
    ("performance", "manager_call_deadlines", 0, "voice", (
        "thanks for hopping on | sure what's up | I want to talk about how the last few weeks have gone for you | "
        "okay | you've missed the last three deadlines you committed to and I only found out the day of",
        "so {n}, I need to be straight with you | go ahead | the work you handed in on the 12th wasn't at the level "
        "I expect from you, the tests were missing and it broke staging | yeah I rushed it",
        "can we talk about your timekeeping | sure | you were late to standup eight times this month and twice you "
        "didn't show at all without telling anyone | I've had some stuff going on",
    )),
    ("performance", "what_must_change", 0, "voice", (
        "here's what has to change | okay | by the end of March I need you shipping what you commit to, answering "
        "the on-call pages within fifteen minutes, and telling me early when something slips",
        "I'm not seeing the improvement we talked about in January | I thought it was better | it's not, and if "
        "it doesn't turn around in the next four weeks we'll have to take this further",
    )),
    ("performance", "informal_warning_chat", 0, "chat", (
        "hey {n}, this is the second time I'm raising this with you | the handover notes were missing again on "
        "Friday | I need this fixed, it can't happen a third time",
        "{n} can you hop on a call at 3 | sure, is something wrong | I'm not happy with how the client call went "
        "today, you weren't prepared and it's not the first time",
        "honestly {n} I'm worried | your tickets have been sitting for two weeks with no updates | we talked about "
        "this last month and nothing has changed",
    )),
    ("performance", "skip_level_concerns", 0, "voice", (
        "I had a skip level with {m} yesterday | how did it go | {m} raised concerns about {n}, says the quality of "
        "his work has dropped and the team is covering for him | that matches what I'm seeing",
        "before we go on, {m} flagged {n} to me | what about | missed the last two handoffs, and the customer "
        "complained about her tone on the call | okay I'll talk to her this week",
    )),
    ("performance", "manager_prompt_plain", 0, "prompt", (
        "help me tell my team member {n} that her work has not been meeting expectations, she keeps missing "
        "deadlines and her updates are vague. I want to be direct but supportive",
        "write a message to {n} summarizing our conversation today: deadlines missed on the 3rd and the 10th, "
        "quality issues in the last two pull requests, and that I expect a clear change by May 1",
        "my report keeps coming in late and leaving early and his output has dropped a lot in the last month. how "
        "do I bring this up with him without it turning into a fight",
    )),
    ("performance", "voice_note_attendance", 0, "note", (
        "note to self, talk to {n} on Monday about attendance, three sick days on Mondays in a row and the missed "
        "client call on the 4th, this is the second time I'm raising it",
        "okay thoughts on {n} after this week, she's struggling, the reports are late and full of errors, I need "
        "to set clear expectations and check in every Friday until end of month",
    )),
    ("performance", "report_own_side", 0, "chat", (
        "my manager pulled me aside today | what happened | she said my work hasn't been good enough lately and I "
        "have until the end of the month to turn it around | that's rough",
        "got told off again by {m} for missing the deadline | seriously? | yeah he said if it happens again it "
        "goes to HR",
    )),
    # --- performance in plain words, held-out half ---
    ("performance", "lead_call_quality", 1, "voice", (
        "right so {n} I wanted to catch up on the last sprint | yep | a lot of what you merged came back from QA "
        "and some of it went out broken, that's on you, I need you checking your own work | understood",
        "okay let's go through it | sure | you said the export would be done on the 2nd, then the 9th, now it's "
        "the 20th, and I keep hearing about it from the client before I hear it from you | I'm sorry",
        "I'll be honest, your last month has been below where you need to be | what specifically | slow "
        "responses, work I have to redo, and you missed two meetings with no heads up",
    )),
    ("performance", "hr_partner_call", 1, "voice", (
        "I want to loop you in about {n} | okay | this is the third time we've spoken about her lateness and it's "
        "getting worse | have you documented it | yes, dates are in the notes, the 4th, the 11th and the 18th",
        "about {n} | go on | his manager says he's disengaged, he's not hitting what was agreed in September and "
        "he's been rude in stand-ups | do we have it in writing",
    )),
    ("performance", "last_chance_chat", 1, "chat", (
        "{n}, I've let a lot slide but I can't anymore | what do you mean | you told the customer it was fixed when "
        "it wasn't | this is your final warning on this, by Friday I need the whole backlog cleared",
        "quick one {n} | yes? | I expected the analysis on my desk Tuesday, it's Thursday | if this keeps happening "
        "I'll have to escalate it",
    )),
    ("performance", "intern_lead_note", 1, "note", (
        "recording this before I forget, {n} the new hire, two weeks in and still hasn't finished onboarding, "
        "skipped the pairing sessions twice, I need to tell her what I expect by next Friday",
        "for my chat with {n} tomorrow, the last six weeks just haven't been good enough, missed the launch date, "
        "didn't tell anyone, the documentation was a mess, he needs to own his work",
    )),
    ("performance", "copilot_manager_draft", 1, "prompt", (
        "draft an email to {n}, one of my analysts. she has missed the last four weekly deadlines and the numbers "
        "she sends are often wrong. say this can't continue and that I want to see a change by June 14",
        "I need to talk to someone on my team who keeps disappearing during the workday and not answering "
        "messages. what do I say so he understands it has to stop",
        "give me talking points for a hard conversation with {n}: late deliveries since August, sloppy handover, "
        "a complaint from another team. I want a clear list of what must change by next month",
    )),
    ("performance", "de_fr_plain", 1, "chat", (
        "{n}, wir müssen reden | worum geht's | du hast die letzten drei Termine nicht eingehalten und die "
        "Qualität deiner Arbeit ist deutlich schlechter geworden | bis Ende des Monats muss sich das ändern",
        "{n}, je dois te parler de ces dernières semaines | oui ? | tu as raté plusieurs échéances et tes retards "
        "le matin posent problème à l'équipe | il faut que ça change d'ici fin juin",
    )),
    # --- tax screens without an IBAN, tuning half (US, UK, Canada, Australia) ---
    ("tax", "irs_transcript_ocr", 0, "screen", (
        "Account Transcript - IRS || Form 1040 Account Transcript / Tax Period Requested: Dec. 31, 2023 / "
        "Taxpayer: {n} / SSN provided: XXX-XX-4821 / Account balance: 1,30 4.00 / Accrued interest: 21.18 / "
        "Return due date or return received date 04-15-2024",
        "IRS - Your Online Account || Welcome, {n} / Balance Due $ 2,116.43 / Tax Year 2023 / Payment Plan: None / "
        "Make a Payment / View Tax Records",
    )),
    ("tax", "irs_cp2000_ocr", 0, "screen", (
        "CP2000 Notice - Adobe Acrobat || Department of the Treasury / Internal Revenue Service / Notice CP2000 / "
        "Tax year 2022 / Notice date August 19, 2024 / {n} / Proposed amount due $3,41 2 / Respond by "
        "September 18, 2024",
        "Notice CP14 - IRS || We show you owe $ 918.20 for 2023 / {n} / Amount due by June 3, 2024 / Taxpayer ID "
        "nmbr XXX-XX-1174 / If you already paid",
    )),
    ("tax", "hmrc_sa302_ocr", 0, "screen", (
        "SA302 Tax calculation - HM Revenue & Customs || Tax Calculation / Year ended 5 April 2024 / {n} / "
        "UTR 46213 87295 / Total income received 58, 112.00 / Income Tax due 9,6 40.20 / Issue date 12/02/2025",
        "Personal tax account - GOV.UK || {n} / Your Self Assessment / Balancing payment for 2023 to 2024 / "
        "£2,04 1.60 due / Payment on account 31 July 2025 / Unique Taxpayer Reference 58204 11379",
    )),
    ("tax", "cra_noa_ocr", 0, "screen", (
        "My Account - Canada Revenue Agency || Notice of assessment / Tax year 2023 / {n} / Date issued "
        "April 29, 2024 / Total income 64,2 18 / Refund 1,113.72 / Direct deposit",
        "CRA - Notice of reassessment || {n} / Reassessment for 2022 / Balance owing $ 487. 35 / Due "
        "immediately / Social insurance number *** *** 912",
    )),
    ("tax", "ato_mygov_ocr", 0, "screen", (
        "myGov - Australian Taxation Office || Income tax 2024 / Notice of assessment / {n} / TFN ending 482 / "
        "Your taxable income 92,41 0 / Amount refunded $1,62 0.55 / Issued 18 August 2024",
        "ATO Online services || {n} / Tax return 2023-24 / Status: Processed / Balance $ 0.00 / Lodged 02/08/2024 "
        "/ Assessment issued",
    )),
    ("tax", "portal_dashboard_ocr", 0, "screen", (
        "Your online account | Internal Revenue Service || Hello {n} / Account Balance / $ 1,48 2.17 / Includes "
        "penalties and interest through 05/31/2024 / Payment Activity / Tax Records / Make a Payment",
        "HMRC online services || {n} / Self Assess ment / Bal ance due 31 Jan 2025 / £ 3, 118.40 / Reference "
        "4821 93 7751 K / View statements / Make a payment",
        "Canada.ca - My Account || {n} / Account balance / Balance owing $ 612. 08 / Notice of assess ment for "
        "2023 / Date 2024-05-06 / Benefits and credits",
    )),
    ("tax", "notice_letter_ocr", 0, "screen", (
        "notice_2024.pdf - Preview || HM Revenue and Customs / {n} / Tax calcul ation / 6 April 2023 to 5 April "
        "2024 / You owe £ 1,04 8.60 / Pay by 31 January 2025 / Reference 7739 41 0283",
        "letter_0612.pdf || Department of the Treasury / {n} / We changed your 2022 Form 1O4O / You owe $ 2,30 1.00 "
        "/ Pay by July 8, 2024 / Notice date June 17, 2024 / Account number 4 41 2 9",
    )),
    # --- tax screens without an IBAN, held-out half (Germany, France, Italy, Netherlands, Sweden, India) ---
    ("tax", "elster_bescheid_ocr", 1, "screen", (
        "Mein ELSTER - Bescheiddaten || Bescheid für 2023 über Einkommensteuer / {n} / Steuernummer 143/ 228/ "
        "40917 / Festgesetzt werden 8.4 12,00 / Erstattung 1.0 37,00 € / Datum 21.06.2024",
        "Finanzamt - Steuerbescheid.pdf || Einkommensteuerbescheid 2022 / {n} / Nachzahlung 612,40 EUR / "
        "fällig am 14.03.2024 / Identifikationsnummer 83 491 027 556",
    )),
    ("tax", "impots_avis_ocr", 1, "screen", (
        "impots.gouv.fr - Espace particulier || Avis d'impôt 2024 sur les revenus 2023 / {n} / Numéro fiscal "
        "30 12 456 789 123 / Montant de votre impôt : 2 3 14 € / Date de mise en recouvrement : 31/07/2024",
        "Mon espace particulier - impots.gouv || {n} / Avis de situation déclarative / Revenu fiscal de référence "
        "41 2 80 / Solde à payer 415 € / avant le 15/09/2024",
    )),
    ("tax", "agenzia_entrate_ocr", 1, "screen", (
        "Agenzia delle Entrate - Cassetto fiscale || {n} / Dichiarazione dei redditi 2023 / Protocollo telematico "
        "24061812345678 / Imposta a debito 1.2 18,00 / Scadenza 30/06/2024",
    )),
    ("tax", "belastingdienst_ocr", 1, "screen", (
        "Mijn Belastingdienst || {n} / Voorlopige aanslag 2025 / Aanslagnummer 1234.56.789.H.56 / U moet "
        "betalen € 1.3 06 / Betalen vóór 28 februari 2025",
    )),
    ("tax", "skatteverket_ocr", 1, "screen", (
        "Skatteverket - Mina sidor || Slutskattebesked 2024 / {n} / Inkomstår 2023 / Skatt att betala 4 1 82 kr "
        "/ Förfallodag 12 november 2024 / Skattekonto",
    )),
    ("tax", "india_itr_ocr", 1, "screen", (
        "Income Tax Department - e-Filing || INDIAN INCOME TAX RETURN ACKNOWLEDGEMENT / Assessment Year 2024-25 / "
        "Name {n} / PAN ABCPK1234F / Acknowledgement Number 61234567 8230724 / Refundable 12, 480 / Date of "
        "filing 24-Jul-2024",
    )),
    ("tax", "portal_dashboard_held_ocr", 1, "screen", (
        "ELSTER - Ihr Online-Finanzamt || Willkommen {n} / Postfach / Bescheid vom 03.07.2024 / Kontostand "
        "Finanzamt / Zahlung fällig 05.08.2024 / 1.2 84,00 € / Aktenzeichen 21 /815/ 08150",
        "Skatteverket || {n} / Skattekonto / Saldo -3 2 14 kr / Betala senast 2024-11-12 / OCR-nummer "
        "1982 0412 3456 / Händelser",
        "e-Filing Dashboard - Income Tax Department || Welcome {n} / Refund status / A.Y. 2024-25 / Amount "
        "12,48 0 / Refund issued on 14-Sep-2024 / Ack. No. 6123 4567 8230 724",
    )),
    # --- hard negatives: the same plain words about work things, tuning half ---
    ("benign", "project_slipping_call", 0, "voice", (
        "where are we on the billing export | honestly it's slipping again | we've missed the last three dates we "
        "gave the client | okay, what has to change to hit the 20th",
        "the quality of the last release wasn't where it needs to be | agreed, QA found forty bugs after the code "
        "freeze | so by end of March I want the regression suite green before every cut",
    )),
    ("benign", "vendor_quality_chat", 0, "chat", (
        "the vendor missed the SLA again on Friday | how many times is that | third time this month | I'll tell "
        "their account manager this can't happen again",
        "{m}, the new CDN provider has been flaky for two weeks | timeouts? | yeah, if it doesn't improve by the "
        "15th we switch back",
    )),
    ("benign", "sprint_retro_voice", 0, "voice", (
        "okay retro time | what went wrong | we committed to eight stories and finished three, the estimates were "
        "way off | and the API work was late because the spec kept changing",
        "the nightly build has been red for four days | nobody owns it | that's the problem, let's agree who fixes "
        "it by Wednesday",
    )),
    ("benign", "deadline_prompt", 0, "prompt", (
        "write a status update for stakeholders: the mobile release is two weeks late, the payment integration "
        "had quality issues, and the new date is May 1",
        "our team keeps missing sprint deadlines. suggest changes to how we estimate and plan so we stop "
        "overcommitting",
    )),
    # --- hard negatives, held-out half ---
    ("benign", "migration_late_chat", 1, "chat", (
        "quick one | yes? | the data migration was supposed to land on the 2nd, then the 9th, now it's the 20th | "
        "I know, the vendor's API keeps changing",
        "the contractor's last drop was poor, half the endpoints failed the contract tests | if that's not "
        "fixed by Friday I'll escalate to their lead",
    )),
    ("benign", "service_quality_voice", 1, "voice", (
        "let's talk about the support queue | it's not good | response times doubled since August and customers "
        "noticed | we need a clear plan to bring them down by next month",
        "the staging cluster has been unreliable for weeks | is it the nodes | partly, I want a fix list and "
        "owners before the June 14 launch",
    )),
    ("benign", "release_email_prompt", 1, "prompt", (
        "draft an email to the client explaining that the integration has missed two delivery dates, what went "
        "wrong, and what will change so the June 14 date holds",
        "give me talking points for the release postmortem: late deliveries since August, sloppy handover "
        "between teams, and what must change by next quarter",
    )),
    # --- hard negatives: the builders of tax software, on screens ---
    ("benign", "tax_ticket_screen", 0, "screen", (
        "TAX-2291 Notice of assessment PDF cuts off refund line - Jira || Assignee {n} / Status In Progress / "
        "Steps: open fixture taxpayer 0001, tax year 2023 / Expected: Refund 1,113.72 shown / Actual: row "
        "missing",
        "Pull request #4812 - notice templates - GitHub || {n} wants to merge 3 commits / Update CP2000 layout "
        "for tax year 2024 / tests/fixtures/notice_cp2000.json / Checks passing",
    )),
    ("benign", "tax_admin_config_screen", 0, "screen", (
        "Tax engine settings - Admin || Tax year: 2025 / Rounding: half up / Notice templates: CP14, CP2000 / "
        "Assessment batch schedule: nightly 02:00 / Save",
    )),
    ("benign", "tax_fixture_screen", 1, "screen", (
        "Storybook - NoticeOfAssessment || Components / Notice / Default / taxpayer: Test User / taxYear: 2023 / "
        "refund: 1000.00 / issued: 2024-04-29 / Docs Controls",
        "bescheid-parser - Visual Studio Code || test_bescheid.py / def test_erstattung(): / bescheid = "
        "load('einkommensteuer_2023.xml') / assert bescheid.erstattung == 1037 / Ran 14 tests",
    )),
    ("benign", "tax_release_notes_screen", 1, "screen", (
        "Release notes 4.2 - Confluence || Avis d'impôt import now supports 2024 / Fixed: Slutskattebesked "
        "amounts with spaces / Known issue: ITR acknowledgement date format / Owner {n}",
    )),
)
