"""Tuning family, third batch: how people meet their own tax, performance/HR and medical matters at
a computer, in the shortest records (a window title with its URL, a typed search, one chat line, one
spoken line, one assistant prompt, a few form fields): tax apps' and tax authorities' pages (US, UK,
Canada, Australia, Germany, India), crypto gains, estimated payments, amended returns, IRS notices, a
W-4 change, refunds; PIPs, warnings, calibration and ratings, denied promotions, 360 feedback, hearings,
exit interviews, manager notes, assistants asked to rewrite someone's review; pharmacy, lab, therapy,
telehealth, insurance and sick-note pages, typed symptom searches, a colleague's diagnosis in chat.
Hard negatives in the same registers: the engineers, support staff and finance or HR operations of
tax, HR and health products, vendor paperwork, company-wide announcements and general articles; and
plain work. Written apart from the other batches and the train, dev and test families."""
import re

from evaluation.generated.records import TextRecipe as R

SEED = 20261217

# Where each register is captured.
_DM = (("Slack", "{p2.first} {p2.last} (DM) - Initech", ""), ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""),
       ("WhatsApp", "WhatsApp", "https://web.whatsapp.com/"), ("Messages", "{p2.first}", ""),
       ("Google Chat", "{p2.first} - Google Chat", "https://chat.google.com/dm/{num}"), ("Slack", "#general · Initech", ""))
_CALL = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Meeting with {p2.full} | Microsoft Teams", ""),
         ("Google Meet", "Meet - {p2.first} / {p1.first} catch-up", "https://meet.google.com/{invite}"),
         ("Otter", "Notes - Otter.ai", "https://otter.ai/u/{invite}"))
_AI = (("Google Chrome", "ChatGPT", "https://chatgpt.com/"), ("Arc", "Claude", "https://claude.ai/new"),
       ("Microsoft Edge", "Microsoft 365 Copilot", "https://m365.cloud.microsoft/chat"),
       ("Google Chrome", "Gemini", "https://gemini.google.com/app"), ("Firefox", "Perplexity", "https://www.perplexity.ai/"))
_SEARCH = (("Google Chrome", "New Tab", ""), ("Google Chrome", "Google", "https://www.google.com/"),
           ("Safari", "Start Page", ""), ("Firefox", "DuckDuckGo — Privacy, simplified.", "https://duckduckgo.com/"),
           ("Microsoft Edge", "Bing", "https://www.bing.com/"))
_NOTES = (("Notes", "Notes", ""), ("Google Docs", "1:1 notes - Google Docs", "https://docs.google.com/document/d/{num}/edit"),
          ("Notion", "Private · Notion", ""), ("TextEdit", "Untitled", ""))
_TICKETS = (("Google Chrome", "{ticket} - Jira", "https://initech.atlassian.net/browse/{ticket}"),
            ("Linear", "{ticket} - Linear", ""), ("Visual Studio Code", "test_forms.py - {repo}", ""),
            ("Google Chrome", "Pull request #{num} - {repo} - GitHub", "https://github.com/initech/{repo}/pull/{num}"),
            ("Zendesk", "Ticket #{num} - Zendesk Agent", ""), ("Confluence", "Design: {repo} - Confluence", ""))

_DM_SAY = ("{m}", "{m} lol", "ugh {m}", "{m} 😩", "fyi {m}", "{m}, will be slow today", "so {m}", "{m}?")
_CALL_SAY = ("{m}", "yeah so {m}", "um {m} so that's fun", "sorry {m} so i might drop off early")
_AI_SAY = ("{m}", "{m}. keep it short", "{m}. I'm in a hurry", "please {m}")


def _frames(frames: tuple[str, ...], matters: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(frame.replace("{m}", matter) for frame in frames for matter in matters)


def _spoken(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines as speech recognition writes them: lower case, no punctuation (slots kept)."""
    return tuple("".join(part if part.startswith("{") else re.sub(r"[.,;:!?()\"]", "", part.lower())
                         for part in re.split(r"(\{[\w.]+\})", line)) for line in lines)


# ---- tax: a person's own --------------------------------------------------------------------
_TAX_PAGES = (
    ("Google Chrome", "Where's My Refund? | Internal Revenue Service", "https://sa.www4.irs.gov/wmr/"),
    ("Safari", "Online Account for Individuals | Internal Revenue Service", "https://sa.www4.irs.gov/ola/"),
    ("Google Chrome", "Direct Pay - Make a payment | IRS", "https://directpay.irs.gov/directpay/payment"),
    ("Firefox", "TurboTax Online - Federal Review", "https://myturbotax.intuit.com/"),
    ("Google Chrome", "Amend your 2025 return (1040-X) - FreeTaxUSA", "https://www.freetaxusa.com/"),
    ("Google Chrome", "H&R Block Online - Your refund", "https://www.hrblock.com/"),
    ("Microsoft Edge", "Form W-4 - Update withholding - ADP", "https://my.adp.com/"),
    ("Google Chrome", "Tax documents - W-2 - Gusto", "https://app.gusto.com/"),
    ("Google Chrome", "Koinly - Capital gains report 2025", "https://app.koinly.io/"),
    ("Google Chrome", "Tax Center - CoinTracker", "https://www.cointracker.io/"),
    ("Safari", "Taxes - Coinbase", "https://accounts.coinbase.com/taxes"),
    ("Google Chrome", "Personal tax account: sign in - GOV.UK", "https://www.tax.service.gov.uk/personal-account"),
    ("Firefox", "Check your Income Tax for the current year - GOV.UK", "https://www.tax.service.gov.uk/check-income-tax"),
    ("Google Chrome", "P60 end of year certificate - Employee self service", ""),
    ("Google Chrome", "CRA My Account - Notice of assessment", "https://apps.cra-arc.gc.ca/ebci/myab/"),
    ("Google Chrome", "Wealthsimple Tax - 2025 return", "https://my.wealthsimple.com/tax"),
    ("Microsoft Edge", "myGov - Australian Taxation Office", "https://my.gov.au/"),
    ("Google Chrome", "ATO online services - Lodge tax return", "https://onlineservices.ato.gov.au/"),
    ("Firefox", "Mein ELSTER - Einkommensteuererklärung 2025", "https://www.elster.de/eportal/"),
    ("Google Chrome", "File Income Tax Return - e-Filing Portal", "https://eportal.incometax.gov.in/iec/foservices/"),
    ("Google Chrome", "Form 26AS - TRACES", "https://services.tdscpc.gov.in/"),
    ("Google Chrome", "ClearTax - Upload Form 16", "https://cleartax.in/"),
    ("Safari", "MyFTB - Franchise Tax Board", "https://webapp.ftb.ca.gov/"),
)
_TAX_SEARCHES = (
    "how much tax on side hustle income", "do i pay tax on crypto if i didnt cash out",
    "cp2000 notice what to do", "wheres my refund its been 8 weeks", "w4 married filing jointly both work",
    "amend return forgot 1099 b", "estimated tax payment due dates 2026", "underpayment penalty estimated taxes",
    "lost my p60 how to get a copy", "where do i find my utr number", "hmrc self assessment payment on account explained",
    "cra my account t4 not showing", "ato tax return myGov linking code", "steuererklärung frist 2025 ohne steuerberater",
    "form 16 not received itr filing", "pan aadhaar link status check", "is my bonus taxed more",
    "rsu taxed twice w2 and 1099b", "can i deduct my home office as w2 employee", "tax refund smaller than last year why",
)
_TAX_SAY = (
    "turbotax says i owe 3k this year", "my refund finally hit", "got a CP2000, the IRS says I missed a 1099-B",
    "need to fix my W-4, way too much is coming out", "still no P60 from my old job", "accountant says I have to pay quarterly estimates now",
    "filed the amended return last night", "lost a ton on crypto this year, hoping I can write it off",
    "my Form 16 isn't out so I can't file my ITR", "CRA reassessed me and now I owe 1,200",
    "HMRC want £640 for my self assessment", "my ATO return is still processing, 4 weeks now",
    "Finanzamt says I get 400 back", "paid my Q3 estimated tax, that hurt", "I owe the IRS for the stock I sold",
    "my tax code is wrong again so my payslip is short",
)
_TAX_ASK = (
    "I freelance in the UK on top of my job, about 12k a year. how much should I set aside for my self assessment",
    "explain my CP2000 notice, it says I owe $2,140 on stock sales I already reported",
    "I sold ETH at a loss and BTC at a gain this year, how do I report that on my return",
    "help me fill out my W-4, married, my wife works too, two kids",
    "write a letter to HMRC appealing my late filing penalty, I was in hospital",
    "I got a T4 and a T4A this year, do I report both",
    "my employer didn't deduct TDS properly, how do I fix it in my ITR",
)
_TAX_FIELDS = (
    "Filing status: Married filing jointly\nDependents: 2\nEstimated payments made: 4,000",
    "Reason for amendment: I left out a 1099-INT from my savings account",
    "Additional withholding per pay period: 150\nMultiple jobs: yes",
    "Crypto disposals: 14\nTotal proceeds: 23,800\nCost basis: 19,200",
)

# ---- performance / HR: a person's own ---------------------------------------------------------
_PERF_PAGES = (
    ("Google Chrome", "Performance Improvement Plan - {p1.full} - Workday", "https://wd3.myworkday.com/initech/"),
    ("Google Chrome", "Your review: Meets expectations - Lattice", "https://initech.latticehq.com/reviews"),
    ("Microsoft Edge", "Calibration outcome - H2 cycle - Culture Amp", "https://initech.cultureamp.com/"),
    ("Microsoft Word", "Written warning - {p3.full}.docx", ""),
    ("Google Chrome", "360 feedback for {p3.full} - 15Five", "https://my.15five.com/"),
    ("Google Chrome", "Exit interview - BambooHR", "https://initech.bamboohr.com/"),
    ("Outlook", "Invitation: Disciplinary hearing - {date}", ""),
    ("Google Docs", "{p3.first} - manager notes - Google Docs", "https://docs.google.com/document/d/{num}/edit"),
    ("Google Chrome", "Promotion decision - Leapsome", "https://www.leapsome.com/app/"),
    ("Safari", "My case: grievance - HR Help", ""),
    ("Google Chrome", "Personalakte - Abmahnung - Personio", "https://initech.personio.de/"),
    ("Google Chrome", "Termination checklist - {p3.full} - Rippling", "https://app.rippling.com/"),
)
_PERF_SEARCHES = (
    "can you get fired while on a pip", "meets expectations raise percentage normal", "how to appeal a promotion denial",
    "written warning at work what happens next", "what to say in an exit interview", "how to respond to unfair performance review",
    "pip 30 days realistic to pass", "calibration rating changed after manager review", "disciplinary hearing what to expect uk",
    "how to tell an employee they didnt get promoted",
)
_PERF_SAY = (
    "they put me on a PIP", "got meets expectations again so basically no raise", "promo denied, next cycle maybe",
    "calibration knocked me down to a 2", "{p3.first} gets a written warning tomorrow", "my disciplinary hearing is thursday",
    "HR wants me in for an exit interview friday", "my manager's notes say I lack ownership lol",
    "{p3.first}'s 360 came back rough, three people said she's dismissive", "I'm on a final warning",
    "I didn't make senior, again", "{p3.first} failed the PIP so he's out friday",
)
_PERF_ASK = (
    "rewrite this review for {p3.first} so it sounds less harsh: missed two deadlines, defensive in feedback",
    "help me respond to my PIP, I disagree with goal 2",
    "I got partially meets, write a rebuttal to my manager's comments",
    "summarize these 360 comments about {p3.full} into strengths and growth areas",
    "draft talking points for telling {p3.first} she isn't getting promoted",
    "make my self review sound better, my rating last year was below expectations",
)
_PERF_FIELDS = (
    "Overall rating: Partially meets\nManager comments: {p3.first} missed most of her goals and needs closer supervision",
    "Outcome: first written warning\nEmployee: {p3.full}\nDuration on file: 12 months",
    "1:1 {p3.first}\n- still late on deliverables\n- talked about a PIP\n- HR looped in",
    "Promotion: not approved\nFeedback to employee: not yet operating at the next level",
)

# ---- medical: a person's own -----------------------------------------------------------------
_MED_PAGES = (
    ("Google Chrome", "Refill prescriptions - CVS Pharmacy", "https://www.cvs.com/account/prescriptions"),
    ("Safari", "Test Results - MyChart", "https://mychart.example-health.org/MyChart/app/test-results"),
    ("Google Chrome", "Lab results - Quest Diagnostics MyQuest", "https://myquest.questdiagnostics.com/"),
    ("Google Chrome", "Book a session - BetterHelp", "https://www.betterhelp.com/"),
    ("Microsoft Edge", "Explanation of Benefits - Aetna", "https://health.aetna.com/claims"),
    ("Google Chrome", "Video visit waiting room - Teladoc", "https://member.teladoc.com/"),
    ("Firefox", "Express Scripts - Order refill", "https://www.express-scripts.com/"),
    ("Google Chrome", "Therapy - Book with your provider - Lyra", "https://care.lyrahealth.com/"),
    ("Google Chrome", "Claims - Cigna", "https://my.cigna.com/"),
    ("Google Chrome", "Your visit summary - One Medical", "https://app.onemedical.com/"),
    ("Safari", "Request a sick note - eConsult", "https://econsult.net/"),
    ("Google Chrome", "Practo - Consult a dermatologist online", "https://www.practo.com/consult"),
    ("Google Chrome", "Mes résultats d'analyses - Doctolib", "https://www.doctolib.fr/"),
    ("Google Chrome", "Hims - Your prescription", "https://www.hims.com/account"),
)
_MED_SEARCHES = (
    "chest pain left arm when running", "sertraline and alcohol", "how long is strep contagious after antibiotics",
    "ozempic nausea how long", "is 145 over 95 blood pressure bad", "therapist near me that takes aetna",
    "urgent care open now", "ibs flare what to eat", "adhd assessment adult waiting list", "rash after amoxicillin stop taking",
    "migraine with aura every day", "what does high alt mean blood test", "panic attack at work what to do",
)
_MED_SAY = (
    "out today, migraine", "doc says stress fracture, boot for 6 weeks", "{p3.first} has shingles so she's out all week",
    "heading to therapy at 4", "started lexapro last week, feeling weird", "pharmacy messed up my refill again",
    "my A1C came back 7.2", "colonoscopy tomorrow so OOO", "{p3.first} told me she has MS, keep it quiet",
    "waiting on my MRI results", "the ER sent me home with antibiotics", "{p3.first}'s chemo starts monday",
)
_MED_ASK = (
    "my lab results say ALT 78 and AST 65, what does that mean",
    "write an email to my manager saying I need two weeks of sick leave for surgery without details",
    "I have a rash after starting amoxicillin, should I stop",
    "explain this EOB, it says I owe $412 for my MRI",
    "I've been sleeping 4 hours and crying at work, is this depression",
)
_MED_FIELDS = (
    "Reason for visit: anxiety, not sleeping\nPreferred time: evenings",
    "Medication: metformin 500 mg\nPharmacy: CVS Main St\nRefills left: 0",
    "Absence reason: sick - flu\nFirst day: {date}\nDoctor's note: yes",
)

# ---- private: a person's own -----------------------------------------------------------------
_PRIVATE_SAY = (
    "we broke up last night", "landlord wants us out by march", "can you grab the kids from school at 3, I'm stuck",
    "my dad's drinking again", "the divorce papers came today", "{p3.first} is cheating on her husband, I saw them",
)

# ---- hard negatives: work about the same subjects -------------------------------------------
_WORK_PAGES = (
    ("Google Chrome", "{ticket} W-4 2026 withholding wrong for multiple jobs - Jira", "https://initech.atlassian.net/browse/{ticket}"),
    ("Google Chrome", "Making Tax Digital for Income Tax - HMRC Developer Hub", "https://developer.service.gov.uk/api-documentation"),
    ("Firefox", "IRS Modernized e-File (MeF) schemas - IRS", "https://www.irs.gov/e-file-providers/modernized-e-file-mef-schemas-and-business-rules"),
    ("Google Chrome", "{ticket} Calibration grid doesn't sort by rating - Linear", ""),
    ("Google Chrome", "Review cycles API - Lattice Developer Docs", "https://developers.lattice.com/"),
    ("Confluence", "PIP template flow - People Tech - Confluence", ""),
    ("Google Chrome", "{ticket} MyChart SSO redirect loop on staging - Jira", ""),
    ("Google Chrome", "Patient - FHIR v4.0.1", "https://hl7.org/fhir/R4/patient.html"),
    ("Google Chrome", "2026 tax inflation adjustments announced - Reuters", "https://www.reuters.com/"),
    ("Google Chrome", "How to write a self-review - Harvard Business Review", "https://hbr.org/"),
    ("Google Chrome", "Vendor onboarding - W-9 and bank details - Coupa", "https://initech.coupahost.com/"),
    ("Google Chrome", "Open enrollment 2027 - benefits guide - Initech intranet", ""),
)
_WORK_SEARCHES = (
    "irs mef 1040 xml schema example", "hmrc mtd itsa sandbox test users", "ato sbr lodgment api error codes",
    "cra netfile certification test cases", "fhir observation lab result example json", "hipaa baa template for vendors",
    "lattice api review cycles endpoint", "workday performance review webhook", "icd 10 code lookup api free",
    "w4 withholding algorithm publication 15-t",
)
_WORK_SAY = (
    "the 1099-B import drops wash sale adjustments, PR #{num} fixes it", "can someone review the CP2000 letter copy before release",
    "{ticket} W-4 step 4(c) isn't saved for new hires", "refund status page is 500ing for UK users again",
    "the P60 PDF layout is off by a line on page 2", "Form 16 upload parser chokes on scanned files",
    "calibration export is missing the rating column", "PIP template needs legal sign-off before we ship it",
    "exit interview survey goes out on day -1 now", "the EOB generator wraps claim lines wrong",
    "HL7 ADT feed dropped discharge events overnight", "refill reminders double-sent to {num} users",
    "please send the signed W-9 so AP can pay the vendor", "the BAA with the lab vendor is signed, integration can start",
    "finance: Q3 sales tax remittance for the Texas entity is done", "all-hands slides: open enrollment closes the 15th",
)
_WORK_ASK = (
    "write a python function that computes federal withholding from a W-4 for one pay period",
    "draft a reminder to my team that self reviews are due friday in Lattice",
    "write a SQL query counting employees per rating after calibration",
    "generate test fixtures for a FHIR Patient with two lab Observations",
    "explain what a CP2000 notice is for our support macro, no customer details",
    "summarize this vendor's SOC 2 and BAA status in three bullets",
)
_WORK_FIELDS = (
    "Summary: W-4 extra withholding not saved\nComponent: payroll-onboarding\nPriority: P2",
    "Summary: calibration export missing ratings\nComponent: reviews\nAffects: {num} managers",
    "Summary: refill reminder sent twice\nComponent: notifications\nEnvironment: prod",
    "Vendor name: {company}\nTax form: W-9 attached\nPayment terms: Net 30",
)

# ---- plain work in the same registers -------------------------------------------------------
_PLAIN_SAY = (
    "deploy is green, merging", "can we push standup to 10", "lunch?", "the flaky test is back", "OOO friday, offsite",
    "who owns the dashboard migration", "sent you the deck", "release notes are in the doc",
)
_PLAIN_SEARCHES = ("python dataclass frozen default factory", "git rebase onto another branch", "cheap flights lisbon march",
                   "postgres jsonb index", "zoom virtual background blurry")
_PLAIN_PAGES = (("Google Chrome", "{ticket} Flaky login test - Jira", ""), ("Google Chrome", "Team calendar - Google Calendar", ""),
                ("Visual Studio Code", "settings.json - {repo}", ""), ("Google Chrome", "Q3 planning - Google Sheets", ""))


def _own(category: str, pages: tuple, searches: tuple, say: tuple, ask: tuple, fields: tuple) -> tuple[R, ...]:
    return (R(f"tune3_{category}_page", "title_url", category, pages),
            R(f"tune3_{category}_search", "keystrokes", category, _SEARCH, searches),
            R(f"tune3_{category}_dm", "transcript", category, _DM, _frames(_DM_SAY, say), turns=(1, 1)),
            R(f"tune3_{category}_typed", "keystrokes", category, _DM, say),
            R(f"tune3_{category}_voice", "transcript", category, _CALL, _frames(_CALL_SAY, _spoken(say)),
              source="voice", speakers="first", turns=(1, 1)),
            R(f"tune3_{category}_ai", "transcript", category, _AI, _frames(_AI_SAY, ask), source="ai_prompt",
              speakers="roles", turns=(1, 1)),
            R(f"tune3_{category}_fields", "keystrokes", category, _NOTES + pages[:3], fields))


def _work(name: str, pages: tuple, searches: tuple, say: tuple, ask: tuple, fields: tuple, hard: bool) -> tuple[R, ...]:
    recipes = (R(f"tune3_{name}_page", "title_url", "benign", pages, hard_negative=hard),
               R(f"tune3_{name}_search", "keystrokes", "benign", _SEARCH, searches, hard_negative=hard),
               R(f"tune3_{name}_dm", "transcript", "benign", _DM, _frames(_DM_SAY, say), turns=(1, 1), hard_negative=hard),
               R(f"tune3_{name}_voice", "transcript", "benign", _CALL, _frames(_CALL_SAY, _spoken(say)), source="voice",
                 speakers="first", turns=(1, 1), hard_negative=hard))
    if ask:
        recipes += (R(f"tune3_{name}_ai", "transcript", "benign", _AI, ask, source="ai_prompt", speakers="roles",
                      turns=(1, 1), hard_negative=hard),)
    if fields:
        recipes += (R(f"tune3_{name}_fields", "keystrokes", "benign", _TICKETS, fields, hard_negative=hard),)
    return recipes


CATEGORY_RECIPES = (
    *_own("tax", _TAX_PAGES, _TAX_SEARCHES, _TAX_SAY, _TAX_ASK, _TAX_FIELDS),
    *_own("performance", _PERF_PAGES, _PERF_SEARCHES, _PERF_SAY, _PERF_ASK, _PERF_FIELDS),
    *_own("medical", _MED_PAGES, _MED_SEARCHES, _MED_SAY, _MED_ASK, _MED_FIELDS),
    R("tune3_private_chat_dm", "transcript", "private_chat", _DM, _frames(_DM_SAY, _PRIVATE_SAY), turns=(1, 1)),
    R("tune3_private_chat_voice", "transcript", "private_chat", _CALL, _frames(_CALL_SAY, _spoken(_PRIVATE_SAY)),
      source="voice", speakers="first", turns=(1, 1)),
    *_work("about", _WORK_PAGES, _WORK_SEARCHES, _WORK_SAY, _WORK_ASK, _WORK_FIELDS, hard=True),
    *_work("plain", _PLAIN_PAGES, _PLAIN_SEARCHES, _PLAIN_SAY, (), (), hard=False),
)
