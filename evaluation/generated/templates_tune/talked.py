"""Tuning family, sixth batch: performance matters talked through (scripted 1:1 calls and Teams/Zoom
transcripts with speaker labels where a manager and a report go over missed goals, a rating, a
support plan or a warning; calibration talk about named people; an HR chat about a complaint; exit
interviews), tax matters on screens (the OCR text of tax portals, W-2/1099/P60/Lohnsteuer forms,
tax-software screens, refund status pages and property-tax bills, with OCR's misreadings and table
layouts), and typed hard negatives (engineers, HR-ops, finance and clinic-IT staff typing SQL, tickets,
tests, configs and FAQs about the same subjects) with ordinary typed work. Screens are written as the
category step reads them (OCR words), without rendering. Written apart from the other batches and the
train, dev and test families, before reading the category rules; its own seed."""
from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from evaluation.generated.records import TextRecipe as R

SEED = 20261207_9


@dataclass(frozen=True)
class Script:
    """A talked record whose turns follow each other: (speaker number, template) per turn."""

    name: str
    category: str
    contexts: tuple[tuple[str, str, str], ...]
    dialogues: tuple[tuple[tuple[int, str], ...], ...]
    hard_negative: bool = False
    source: str = "voice"
    labels: tuple[str, ...] = ()  # speaker label templates, "{n}" the speaker's number; the full name when empty


@dataclass(frozen=True)
class ScreenText:
    """A screenshot as its OCR reads it: one text per screen, a line per OCR line."""

    name: str
    category: str
    contexts: tuple[tuple[str, str, str], ...]
    screens: tuple[str, ...]
    hard_negative: bool = False
    noise: Callable[[str, random.Random], str] | None = None  # OCR's misreadings; ocr_noise when None


_CALL = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "{p1.full} | Microsoft Teams", ""),
         ("Microsoft Teams", "Meeting in \"1:1 {p1.first} / {p2.first}\"", ""), ("Phone", "Call", ""),
         ("Google Meet", "Meet - weekly 1:1", "https://meet.google.com/{invite}"),
         ("Fireflies", "Transcript - Fireflies.ai", "https://app.fireflies.ai/view/{num}"))
_HR_CHAT = (("Slack", "{p2.first} {p2.last} (DM) - Globex", ""), ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""),
            ("Zendesk", "HR case {num} - People Help", ""), ("Slack", "people-partners - Globex", ""))
_ENG_CALL = (("Zoom", "Platform weekly", ""), ("Microsoft Teams", "Perf triage | Microsoft Teams", ""),
             ("Google Meet", "Meet - payroll squad", "https://meet.google.com/{invite}"))


# ---- performance, talked in turns -----------------------------------------------------------
_MANAGER_REPORT = (
    ((1, "Thanks for making time. I wanted to go through where things landed for you this half."),
     (2, "Sure. I'm guessing it's not great given how the launch went."),
     (1, "Honestly the committee came back with a two. The onboarding revamp slipped twice and that was your goal."),
     (2, "I flagged the dependency on the identity team back in April though."),
     (1, "You did, and I'll note that. But you didn't escalate when it slipped the second time.")),
    ((1, "So I'm going to be direct. The goals we agreed in January, you hit one of four."),
     (2, "I know. The migration ate everything."),
     (1, "I get that, but it means I can't put you forward for the senior role this round."),
     (2, "Is there a plan for getting me there next time?")),
    ((1, "We need to talk about the last few weeks. You've missed three deadlines on the reporting work."),
     (2, "I've had a lot going on, I said that in our last chat."),
     (1, "I hear you. What I'm going to do is put a formal support plan in place, six weeks, with weekly check-ins."),
     (2, "Is this the first step to letting me go?"),
     (1, "It's a chance to get back on track. If the targets aren't met we'd move to the next stage.")),
    ((1, "Before we start, HR asked me to confirm this is the formal meeting about the incident on the ninth."),
     (2, "Okay."),
     (1, "After the investigation we're issuing you a first written warning. It stays on your record for twelve months."),
     (2, "I want to appeal that. Nobody asked for my side.")),
    ((2, "Can I ask why my score went down? Last year I was at exceeds."),
     (1, "The feedback from your peers was that you weren't around when they needed reviews."),
     (2, "That's because I was covering for {p3.first} for two months."),
     (1, "I know, and I argued that in calibration, but it didn't move.")),
    ((1, "hey so the numbers for this quarter, you were at sixty percent of quota"),
     (2, "yeah I know, two big deals pushed"),
     (1, "that's the second quarter in a row, so I have to put you on a documented plan"),
     (2, "okay what do I have to hit"),
     (1, "ninety percent of target by end of next quarter or we'll have a harder conversation")),
)
_CALIBRATION = (
    ((1, "Next up is {p3.full}. I've got her at strong, the payments rewrite was basically her."),
     (2, "I'd push back. Her reviews from the mobile team were pretty rough."),
     (1, "Fair, but that was one project."),
     (3, "Let's land her at solid and revisit mid-year.")),
    ((1, "{p3.first} is the one I'm worried about. Missed every milestone since March."),
     (2, "Is he on anything formal yet?"),
     (1, "Not yet, I want to start a plan after this cycle."),
     (2, "Then we should rate him below bar so it's consistent.")),
    ((2, "I don't think {p4.first} is ready for staff, the scope just isn't there."),
     (1, "Her manager disagrees, she led the outage response end to end."),
     (2, "One incident isn't a promotion case. Keep her at senior, top of band.")),
    ((1, "for {p3.first} I'm proposing needs development, he's been coasting since the reorg"),
     (3, "agreed, and the attendance thing too, he's late to half the standups"),
     (1, "ok so below expectations and no bonus multiplier")),
)
_HR_COMPLAINT = (
    ((1, "Hi, I'm the people partner on your case. Can you tell me what happened with {p3.first}?"),
     (2, "He keeps talking over me in meetings and last week he called my work sloppy in front of the client."),
     (1, "Thanks. Has this happened before?"),
     (2, "Many times. I have messages I can send you.")),
    ((2, "I want to make a formal complaint about my team lead."),
     (1, "I'm sorry to hear that. Can you tell me a bit more?"),
     (2, "{p3.full} gives all the good projects to the same two people and told me I'm not leadership material."),
     (1, "I'll open a case and we'll talk to witnesses. Nothing goes to your manager without your okay.")),
    ((1, "We've finished looking into the concerns raised about you by {p3.first}."),
     (2, "And?"),
     (1, "Some of it was upheld. There'll be a note on your file and a course on respectful communication.")),
)
_EXIT = (
    ((1, "Thanks for doing this exit interview. What's the main reason you're leaving?"),
     (2, "Honestly my manager. I was passed over twice and never got a straight answer why."),
     (1, "Did you raise that with anyone?"),
     (2, "I raised it with HR last spring. Nothing changed, and my review got worse after that.")),
    ((1, "Is there anything about your time here you'd want us to know?"),
     (2, "After my warning in March I felt like I was being watched all the time."),
     (1, "That's useful feedback. Did you feel the warning was fair?"),
     (2, "No. I still think it was about me complaining about {p3.first}.")),
)
# Hard negatives talked in turns: system performance, and HR or payroll software as work.
_SYSTEM_TALK = (
    ((1, "The p95 on checkout went from 180 to 420 milliseconds after Tuesday's deploy."),
     (2, "Is it the new pricing call? I saw retries in the traces."),
     (1, "Probably. Can you own the rollback and I'll write up the regression?"),
     (2, "Yep, I'll post in the channel when it's done.")),
    ((1, "The perf review of the database is done, the index on orders is the bottleneck."),
     (2, "Did we miss the latency goal for the quarter then?"),
     (1, "We missed it by about ten percent, we'll rate it amber in the OKR review.")),
)
_HR_PRODUCT_TALK = (
    ((1, "For the review cycle feature, the calibration screen needs to show the rating distribution per team."),
     (2, "Customers keep asking for a way to lock ratings once calibration is done."),
     (1, "Let's add that. And the warning letter template needs a second approver."),
     (2, "I'll write the ticket.")),
    ((1, "Payroll run for the German entity failed again, the Lohnsteuer file got rejected."),
     (2, "Was it the tax class mapping? We changed it last sprint."),
     (1, "Looks like it. I'll patch the mapping and rerun for the two hundred affected employees.")),
    ((1, "So the new performance plan workflow, do managers see the HR notes?"),
     (2, "No, only the people partner role, that's in the permissions matrix."),
     (1, "Good, let's demo it to the pilot customer Thursday.")),
)


# ---- tax, on screens (OCR text) -------------------------------------------------------------
_TAX_BROWSER = (("Google Chrome", "Where's My Refund? | Internal Revenue Service", "https://sa.www4.irs.gov/wmr/"),
                ("Safari", "Your tax account - GOV.UK", "https://www.tax.service.gov.uk/account"),
                ("Google Chrome", "Mein ELSTER", "https://www.elster.de/eportal/meinelster"),
                ("Microsoft Edge", "My Account - Canada Revenue Agency", ""),
                ("Google Chrome", "TurboTax Online", "https://myturbotax.intuit.com/"),
                ("Firefox", "Property Tax Bill Search", ""), ("Preview", "", ""), ("Adobe Acrobat Reader", "", ""),
                ("Google Chrome", "Documents - Workday", "https://wd5.myworkday.com/globex/d/task/{num}.htmld"))
_TAX_SCREENS = (
    "IRS\nWhere's My Refund?\nReturn    Refund    Refund\nReceived  Approved  Sent\n"
    "Your tax refund is approved.\nWe approved your tax refund and are preparing to send it to your bank by\n"
    "March 14, 2026. Tax Year 2025 Refund Amount $1,842.00\nCheck back tomorrow for updates.",
    "a Employee's social security number | OMB No. 1545-0008\n{national_id}\n"
    "b Employer identification number (EIN) 1 Wages, tips, other compensation 2 Federal income tax withheld\n"
    "84-3302119 84,211.50 11,9O2.33\nc Employer's name, address, and ZIP code 3 Social security wages 4 Social security tax withheld\n"
    "{company} 84,211.50 5,221.11\ne Employee's first name and initial Last name\n{p1.full}\n"
    "Form W-2 Wage and Tax Statement 2O25 Department of the Treasury—Internal Revenue Service",
    "PAYER'S name, street address, city | 1 Rents | OMB No. 1545-0115\n{company}\n"
    "PAYER'S TIN RECIPIENT'S TIN 7 Nonemployee compensation\n{national_id} $ 23,400.00\n"
    "RECIPIENT'S name\n{p1.full}\nForm 1099-NEC (Rev. 1-2O24) Copy B For Recipient\n"
    "This is important tax information and is being furnished to the IRS.",
    "HM Revenue & Customs\nP60 End of Year Certificate\nTax year to 5 April 2026\n"
    "Employee's details\nSurname {p1.last} Forenames {p1.first}\nNational Insurance number {national_id}\n"
    "Pay and Income Tax details Pay Tax deducted\nIn this employment £42,310.00 £6,201.40\n"
    "Final tax code 1257L\nEmployer PAYE reference 123/AB456",
    "Ausdruck der elektronischen Lohnsteuerbescheinigung für 2025\nIdentifikationsnummer: {national_id}\n"
    "Dauer des Dienstverhältnisses 01.01.-31.12.\n3. Bruttoarbeitslohn einschl. Sachbezüge 52.340,00\n"
    "4. Einbehaltene Lohnsteuer von 3. 8.112,00\n5. Einbehaltener Solidaritätszuschlag von 3. 0,00\n"
    "6. Einbehaltene Kirchensteuer des Arbeitnehmers 712,35\nSteuerklasse/Faktor 1",
    "TurboTax\nFederal refund $2,114   NJ refund $312\nLet's keep going with your deductions & credits\n"
    "Student loan interest paid (1098-E)        Start\nCharitable donations        $450        Edit\n"
    "Child and dependent care credit        Revisit\nYour 2025 federal tax return is ready to e-file\nContinue",
    "HMRC\nYour tax account\nSelf Assessment\nYou owe £1,204.60\nPay by 31 January 2026\n"
    "Unique Taxpayer Reference (UTR): 48210 33917\nView your tax return for 2024 to 2025\n"
    "Payments on account  £602.30  due 31 July 2026\nPay now",
    "COUNTY TREASURER-TAX COLLECTOR\n2025-2026 SECURED PROPERTY TAX BILL\nParcel Number 043-1127-019-00\n"
    "Owner of record {p1.full}\nProperty address {address}\nAssessed value Land 212,000 Improvements 198,400\n"
    "1st Installment Due 11/01/2025 $3,118.22 2nd Installment Due 02/01/2026 $3,118.22\nDelinquent after 12/10/2025",
    "Mein ELSTER\nEinkommensteuerbescheid 2024\nFestgesetzte Einkommensteuer 9.871,00 EUR\n"
    "Bereits gezahlt (Lohnsteuer) 10.995,00 EUR\nErstattung 1.124,00 EUR\nSteuernummer 21/815/08150\n"
    "Der Betrag wird auf Ihr Konto überwiesen.",
    "Canada Revenue Agency\nNotice of assessment Tax year 2025\nSummary\nTotal income (line 15000) 71,420\n"
    "Total deductions -4,950\nTaxable income (line 26000) 66,470\nRefund 842.10\n"
    "Social insurance number {national_id}\nWe assessed your return and calculated a refund.",
    "Pay stub\nEarnings Current YTD\nRegular 4,230.77 76,153.86\nDeductions\nFederal Income Tax 612.04 11,016.72\n"
    "Social Security 262.31 4,721.58\nMedicare 61.35 1,104.30\nState Tax NY 233.90 4,210.20\n"
    "Net pay 2,961.17\nEmployee {p1.full}   SSN xxx-xx-1234",
    "Refund status\nStatus: Sent\nYour 2025 Individual Income Tax refund of $ 612.00 was issued\n"
    "as a direct deposit on 04/02/2026.\nFiling status: Married filing jointly\nTaxpayer ID ***-**-{num}",
    "Form 1040 (2025) U.S. Individual Income Tax Return\nYour first name and middle initial  Last name\n"
    "{p1.first} {p1.last}\n1a Total amount from Form(s) W-2, box 1 ........ 1a 84,211\n"
    "25a Federal income tax withheld from Form(s) W-2 ........ 25a 11,902\n34 Amount overpaid ... 34 1,842\n"
    "37 Amount you owe ... 37",
    "myGov   ATO Online services\nIncome tax return 2025\nEstimate\nYour tax refund estimate\n$1,322.45\n"
    "Taxable income $88,140\nTax withheld $21,880\nMedicare levy $1,762\nLodge now",
)
# What OCR keeps of a tax screen in a dark theme, a small window or behind other windows: a few fields.
_TAX_FRAGMENTS = (
    "S1,842.00\nRefund Arnount\nTax Year 2025\nReturn Received Refund Approved",
    "Box 1 84211.50 Box 2 11902.33\nW—2 2025 Copy B",
    "Lohnsteuer 8.112,00 Solidaritatszuschlag 0,00\nKirchensteuer 712,35 Steuerklasse 1",
    "Balance due £1,204.60\nSelf Assessment\nPay now  View statement",
    "Amount due 3,118.22\nParcel 043-1127-019-00\nInstallment 1 of 2",
    "Estimated federal refund\n$2,114\nState refund $312\nDeductions & Credits",
    "1099-INT Interest income 412.88\nPayer {company}\nCopy B for recipient",
    "Tax withheld $21,880 Taxable income $88,140\nLodge",
    "Your return was accepted\nE-file status Accepted 03/02/2026\nExpected refund $ 1,113",
    "Notice CP14 Balance due $1,942.17\nPay by 04/30/2026 to avoid penalties and interest",
)
_SMALL_WINDOW = (("Preview", "IMG_4471.png", ""), ("Photos", "Photos", ""), ("Google Chrome", "", ""),
                 ("Safari", "", ""), ("Microsoft Edge", "Document", ""))
_TAX_SCREEN_NOISE = (("W-2", "W—2"), ("withheld", "withhe1d"), ("Refund", "Refiund"), ("$", "S"), ("l", "I"),
                     ("rn", "m"), (" ", "  "))
# Hard negatives on screens: work about tax products and their bugs, and ordinary work screens.
_WORK_BROWSER = (("Google Chrome", "{ticket} - Jira", "https://globex.atlassian.net/browse/{ticket}"),
                 ("Visual Studio Code", "{word}.py - {repo}", ""), ("Grafana", "tax-calc - Grafana", ""),
                 ("Google Chrome", "Pull request #{num} - GitHub", "https://github.com/globex/{repo}/pull/{num}"),
                 ("Confluence", "1099 e-file design - Confluence", ""))
_TAX_WORK_SCREENS = (
    "{ticket}\nW-2 PDF export drops box 12 codes for HSA contributions\nStatus IN PROGRESS  Priority High\n"
    "Description\nWhen a tenant has more than 500 employees the W-2 export omits box 12 code W.\n"
    "Steps to reproduce 1. Run year-end export 2. Open any W-2 with HSA\nAssignee {p2.full}  Sprint 41",
    "def test_refund_when_withheld_exceeds_liability():\n    ret = TaxReturn(wages=Decimal('84211.50'), withheld=Decimal('11902.33'))\n"
    "    assert compute_refund(ret) == Decimal('1842.00')\n\ndef test_w2_box12_codes():\n    w2 = make_w2(box12={'W': 3850})",
    "tax-calc-service\np95 latency  412 ms   p99 1.2 s\nRequests/s 380\nErrors 0.4%\n"
    "Withholding table lookup (ms)\nRefund estimate endpoint (ms)\nLast 24 hours",
    "Add 2026 federal withholding tables #{num}\nfiles changed 6\ntables/federal_2026.csv\n"
    "Updates percentage method tables from Pub 15-T. Refund estimator reads the new brackets.\n"
    "Checks passed  Approved by {p2.full}",
    "1099 e-file integration - design\nGoals\n- submit 1099-NEC and 1099-MISC to the IRS FIRE system\n"
    "- retry rejected batches\nNon-goals\n- state filings\nOpen questions\n- TIN matching before submission?",
)
_PLAIN_SCREENS = (
    "#release-train\n{p2.first} 10:42 build 8812 is green, promoting to staging\n{p3.first} 10:44 thanks!\n"
    "{p2.first} 10:51 smoke tests passed",
    "Q3 pipeline by region\nRegion Deals Value Stage\nEMEA 42 1,204,000 Proposal\nAMER 61 2,310,500 Negotiation\n"
    "APAC 18 402,000 Discovery",
    "Calendar  Week 41\nMon 9:30 Standup\nTue 14:00 Design review: search ranking\nThu 11:00 Quarterly planning",
)


# ---- typed: hard negatives (work about the subjects) and ordinary work ----------------------
_IDE = (("Visual Studio Code", "{word}.sql - {repo}", ""), ("DataGrip", "console [prod_replica]", ""),
        ("PyCharm", "{repo} - test_{word}.py", ""), ("Terminal", "psql - {server}", ""),
        ("Visual Studio Code", "config.yaml - {repo}", ""), ("IntelliJ IDEA", "{repo} - ReviewCycleConfig.kt", ""))
_TRACKER = (("Google Chrome", "Create issue - Jira", "https://globex.atlassian.net/secure/CreateIssue.jspa"),
            ("Linear", "New issue - Linear", ""), ("ServiceNow", "New Incident | ServiceNow", ""),
            ("Google Chrome", "Edit - Confluence", "https://globex.atlassian.net/wiki/pages/{num}"),
            ("Zendesk Guide", "New article - Help Center", ""))
_SEARCHES = (("Google Chrome", "Google", "https://www.google.com/"), ("Grafana", "Explore - Grafana", ""),
             ("Google Chrome", "Search - Confluence", ""))
_TYPED_WORK = (
    "SELECT e.employee_id, p.gross_pay, p.fed_withholding\nFROM payroll p JOIN employees e USING (employee_id)\n"
    "WHERE p.pay_date >= '2026-01-01' AND p.fed_withholding = 0;",
    "select d.icd10_code, count(*) as n from diagnosis d join encounters e on e.id = d.encounter_id group by 1 order by n desc limit 20;",
    "ALTER TABLE payroll ADD COLUMN state_tax_withheld numeric(12,2) NOT NULL DEFAULT 0;",
    "{ticket}: W-2 export writes box 14 twice when an employee has two state records. Repro on tenant acme-staging, year-end run 2025",
    "Bug: 1099-NEC PDF cuts off the recipient TIN on Safari. Expected: full masked TIN. Actual: last 2 digits hidden",
    "def test_discharge_summary_lists_all_diagnoses(self):\n    patient = make_patient(name='Jane Testcase', dob='1970-01-01')\n"
    "    patient.add_diagnosis('J45.909')\n    self.assertEqual(len(summary(patient).diagnoses), 1)",
    "performance_review_cycle:\n  name: H2-2026\n  self_review_due: 2026-11-14\n  calibration_window_days: 10\n"
    "  rating_scale: [1, 2, 3, 4, 5]\n  allow_manager_override: false",
    "p95 latency regression api-gateway",
    "Q: When can I change my benefits elections?\nA: During open enrolment (1-15 November) or within 30 days of a "
    "qualifying life event such as marriage or the birth of a child.",
    "Q: Where do I find my P60?\nA: P60s are published in the payroll portal under Documents by 31 May each year.",
    "journal: accrue Dec employer payroll taxes 4410-200 Dr 182,400.00 / 2310-100 Cr 182,400.00",
    "Reconcile Q4 941 filing vs GL: variance 312.18 in Medicare, check the bonus run on 12/20",
    "INC{num}: Epic Hyperspace freezes on the MAR screen at nurse station 3 East. Workstation WS-3E-04, restarted twice",
    "printer in exam room 2 not mapping to the lab label queue, users cannot print specimen labels",
    "UPDATE review_ratings SET locked = true WHERE cycle_id = 'H2-2026' AND calibrated_at IS NOT NULL;",
    "it('hides the warning letter from the employee view until HR publishes it', async () => {",
    "pytest tests/payroll/test_withholding.py -k 'refund or overpaid' -x",
    "grep -rn \"sick_leave_balance\" services/ | head",
)
_TYPED_PLAIN = (
    "Hi {p2.first}, shared the deck for tomorrow, slides 4-7 are the new pricing. Comments welcome",
    "standup: yesterday finished the search index rebuild, today pairing with {p3.first} on the flaky test",
    "kubectl rollout status deploy/web -n prod",
    "Thanks all for a great offsite! Photos are in the shared drive",
    "Can we push the vendor call to 3pm? Legal still has the contract",
    "docker compose up -d postgres redis && make migrate",
)


def _spoken(text: str) -> str:
    """A line as speech recognition writes it: lower case, no punctuation (slots kept)."""
    return "".join(part if part.startswith("{") else re.sub(r"[.,;:!?()\"]", "", part.lower())
                   for part in re.split(r"(\{[\w.]+\})", text))


def spoken_or_written(text: str, rng: random.Random) -> str:
    """A turn as a voice transcript (spoken form) or as a meeting tool's captions (as written), at random."""
    return _spoken(text) if rng.random() < 0.5 else text


def ocr_noise(text: str, rng: random.Random) -> str:
    """A screen's text with a few of OCR's usual misreadings."""
    for pattern, replacement in _TAX_SCREEN_NOISE:
        if rng.random() < 0.3:
            text = text.replace(pattern, replacement, 1)
    return text


SCRIPTS = (
    Script("tune6_performance_one_on_one", "performance", _CALL, _MANAGER_REPORT),
    Script("tune6_performance_calibration", "performance", _CALL, _CALIBRATION),
    Script("tune6_performance_hr_complaint", "performance", _HR_CHAT, _HR_COMPLAINT, source="chat"),
    Script("tune6_performance_exit", "performance", _CALL, _EXIT),
    Script("tune6_about_system_talk", "benign", _ENG_CALL, _SYSTEM_TALK, hard_negative=True),
    Script("tune6_about_hr_product_talk", "benign", _ENG_CALL, _HR_PRODUCT_TALK, hard_negative=True),
)
SCREENS = (
    ScreenText("tune6_tax_screen", "tax", _TAX_BROWSER, _TAX_SCREENS),
    ScreenText("tune6_tax_fragment", "tax", _SMALL_WINDOW + _TAX_BROWSER[-3:], _TAX_FRAGMENTS),
    ScreenText("tune6_about_tax_screen", "benign", _WORK_BROWSER, _TAX_WORK_SCREENS, hard_negative=True),
    ScreenText("tune6_plain_screen", "benign", (("Slack", "release-train - Globex", ""), ("Microsoft Excel", "pipeline.xlsx", ""),
                                                ("Calendar", "Calendar", "")), _PLAIN_SCREENS),
)
CATEGORY_RECIPES = (
    R("tune6_about_typed", "keystrokes", "benign", _IDE + _TRACKER + _SEARCHES, _TYPED_WORK, hard_negative=True),
    R("tune6_plain_typed", "keystrokes", "benign", _IDE[:2] + _TRACKER[:2], _TYPED_PLAIN),
)
