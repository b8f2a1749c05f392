"""Tuning family, fourth batch: a person's own medical and performance/HR matters as typed (key
events with Backspace-fixed typos, and the typos people leave in), and their own tax and
performance matters as talked (calls with an accountant, a tax office, a spouse, a manager; a
colleague venting; assistant prompts). Typed: messages to a doctor, pharmacy or insurer, symptom
searches, sick-leave mails, self-reviews, replies to a PIP, 1:1 notes on one's own rating, HR
complaints. Hard negatives in the same kinds: engineers typing code, SQL, tickets and commit
messages about tax, payroll, HR and health products, test fixtures with fake patients, planning
calls about a benefits feature, a manager's generic review-cycle reminder; and plain work. Written
apart from the other batches and the train, dev and test families; its own seed."""
import re

from evaluation.generated.records import TextRecipe as R

SEED = 20261228

_MAIL = (("Outlook", "Untitled - Message (HTML)", ""), ("Google Chrome", "Compose Mail - Gmail", "https://mail.google.com/mail/u/0/#inbox?compose=new"),
         ("Mail", "New Message", ""), ("Microsoft Outlook", "RE: {p2.full}", ""))
_PORTAL = (("Google Chrome", "Messages - MyChart", "https://mychart.example-health.org/MyChart/app/messages"),
           ("Safari", "Send a message to your care team", ""), ("Google Chrome", "Contact us - Aetna", "https://www.aetna.com/contact"),
           ("Google Chrome", "Prescriptions - Boots Online Doctor", ""), ("Google Chrome", "Ask a pharmacist - CVS", "https://www.cvs.com/"),
           ("Firefox", "Claims - Member portal", ""))
_SEARCH = (("Google Chrome", "New Tab", ""), ("Google Chrome", "Google", "https://www.google.com/"),
           ("Firefox", "DuckDuckGo", "https://duckduckgo.com/"), ("Microsoft Edge", "Bing", "https://www.bing.com/"))
_DOCS = (("Google Docs", "Self review H2 - Google Docs", "https://docs.google.com/document/d/{num}/edit"),
         ("Notes", "Notes", ""), ("Microsoft Word", "Response.docx", ""), ("Notion", "1:1 with {p2.first}", ""),
         ("Google Chrome", "Write your self-review - Lattice", "https://initech.latticehq.com/reviews"),
         ("Obsidian", "journal - Obsidian", ""))
_DM = (("Slack", "{p2.first} {p2.last} (DM) - Initech", ""), ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""),
       ("WhatsApp", "WhatsApp", "https://web.whatsapp.com/"))
_CALL = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Call with {p2.full} | Microsoft Teams", ""),
         ("Phone", "Call", ""), ("Otter", "Notes - Otter.ai", "https://otter.ai/u/{invite}"),
         ("Google Meet", "Meet - {p2.first} / {p1.first}", "https://meet.google.com/{invite}"))
_AI = (("Google Chrome", "ChatGPT", "https://chatgpt.com/"), ("Arc", "Claude", "https://claude.ai/new"),
       ("Microsoft Edge", "Copilot", "https://copilot.microsoft.com/"))
_CODE = (("Visual Studio Code", "{word}.py - {repo}", ""), ("IntelliJ IDEA", "{repo} - PayrollService.java", ""),
         ("Terminal", "zsh - {repo}", ""), ("PyCharm", "{repo} - test_{word}.py", ""), ("DataGrip", "console - prod_replica", ""))
_TICKETS = (("Google Chrome", "{ticket} - Jira", "https://initech.atlassian.net/browse/{ticket}"), ("Linear", "New issue - Linear", ""),
            ("Google Chrome", "Open a pull request - GitHub", "https://github.com/initech/{repo}/compare"),
            ("Terminal", "git commit - {repo}", ""))
_PLANNING = (("Zoom", "Benefits squad planning", ""), ("Microsoft Teams", "Sprint planning - People Tech | Microsoft Teams", ""),
             ("Google Meet", "Meet - tax engine sync", "https://meet.google.com/{invite}"))


def _spoken(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines as speech recognition writes them: lower case, no punctuation (slots kept)."""
    return tuple("".join(part if part.startswith("{") else re.sub(r"[.,;:!?()\"]", "", part.lower())
                         for part in re.split(r"(\{[\w.]+\})", line)) for line in lines)


# ---- medical, typed -------------------------------------------------------------------------
_MED_TO_CARE = (
    "Hi Dr {p2.last}, the rash on my arms is spreading since I started the new antibiotic. should I stop taking it?",
    "hello, im still getting migranes 3-4 times a week on the propranolol, can we try something else",
    "Could I get a refill of my sertraline 50mg? I run out on friday",
    "my blood sugar readings have been 180+ in the mornings, is that ok with the metformin",
    "Hi, I was told my biopsy results would be back this week, any news?",
    "I need to reschedule my colonoscopy prep appt, I can't get the day off",
    "is it normal to still have chest tightness 2 weeks after covid? i get out of breath on stairs",
    "the pharmacy says my prior authorization for the inhaler was denied, what do I do",
    "Hi, my claim for the MRI got rejected as not medically necessary. my doctor ordered it for my knee",
    "can you tell me if my therapy sessions are covered, I have 8 left on my plan?",
    "my insulin pen is out of stock everywhere, is there an alternative you can prescribe",
    "still bleeding a bit after the extraction yesterday, is that normal",
)
_MED_SEARCH = (
    "sharp pain lower right abdomen when walking", "can i drink alcohol on amoxicilin", "sertraline side effects insomnia",
    "panic attack vs heart attack symptoms", "how long does a uti last without antibiotics", "tsh level 6.2 meaning",
    "lump under armpit painful no fever", "ibs flare up what to eat", "how to tell boss about depression",
    "does fmla cover therapy appointments", "ozempic nausea how long", "endometriosis surgery recovery time off work",
)
_MED_SICK = (
    "Hi {p2.first}, I won't be in today, I've got a stomach bug and have been up all night. Will check slack if I can",
    "Hi team, I'm off sick today with a migraine, back tomorrow hopefully",
    "Hi {p2.first}, just to let you know I have surgery on the 14th and will be off for two weeks recovering",
    "Sorry for the late notice, my doctor signed me off for a week with bronchitis, fit note attached",
    "I need to take a few days off, my anxiety has been really bad and my therapist thinks I need a break",
    "heads up I tested positive for covid this morning so I'm working from home and might be slow",
)

# ---- performance / HR, typed ----------------------------------------------------------------
_PERF_SELF = (
    "This half I led the migration of the billing service and mentored two new hires. I missed the Q3 deadline on reporting, which I own",
    "I believe my rating of 'partially meets' does not reflect the work I did on the outage response",
    "Self-assessment: I exceeded expectations on delivery but I need to improve my communication with stakeholders",
    "I disagree with the feedback that I am not collaborative. I was never told about this before the review",
    "Goals for next cycle: get promoted to senior, lead a project end to end",
    "I was rated a 2 this cycle and I'd like to understand what specifically I need to change",
)
_PERF_PIP = (
    "Dear {p2.first}, thank you for the performance improvement plan. I want to respond to some of the points in it",
    "I don't think the goals in my PIP are achievable in 30 days given I'm on call for two of those weeks",
    "re the PIP: I accept that my code reviews were slow, but the claim that I missed standups is not accurate",
    "I'm requesting that HR attend my next PIP check-in as a witness",
    "I was put on a performance plan after coming back from parental leave and I think that's unfair",
)
_PERF_NOTES = (
    "1:1 notes\n- ask why I got meets expectations when {p3.first} got exceeds for less\n- promo timeline?",
    "for 1:1: my rating dropped from 4 to 3, want concrete examples\n- ask about comp adjustment",
    "talk to {p2.first} about the written warning, I want it removed from my file",
    "- my manager says I'm not ready for promotion again\n- ask for a development plan in writing",
)
_PERF_HR = (
    "Hi HR, I want to raise a formal complaint about {p3.full}. In the team meeting on Tuesday he shouted at me in front of everyone",
    "I'd like to file a grievance about how my performance review was handled, my manager didn't give me any of this feedback before",
    "Hello, I'm writing because I feel I'm being treated differently since I reported {p3.first}'s comments",
    "I want to report that my manager keeps making comments about my age. this has happened at least 4 times",
)

# ---- tax, talked ----------------------------------------------------------------------------
_TAX_ACCOUNTANT = (
    "So for your return this year you owe about 2,400 because your employer didn't withhold enough",
    "did you get the 1099 from the brokerage? I need it before I can file for you",
    "my rental income was around 14 thousand and I have the receipts for the repairs",
    "I think you can claim your home office but only the square footage you use",
    "we should file an extension, your K-1 from the partnership isn't out yet",
    "I'd set aside about 30 percent of your freelance income for taxes",
    "the refund should be around 1,100 once they process the amended return",
)
_TAX_OFFICE = (
    "I'm calling about a letter I got saying I owe penalties on my self assessment",
    "can I have your national insurance number and date of birth please",
    "I've been put on the wrong tax code, my payslip shows emergency tax",
    "I'd like to set up a payment plan for the balance I owe, I can't pay it all at once",
    "the notice says my return was selected for review, what documents do you need from me",
    "I never got my refund check, it's been 10 weeks",
)
_TAX_SPOUSE = (
    "did you send the accountant your W-2 yet",
    "we got a smaller refund because of the childcare credit change",
    "should we file jointly or separately this year with your student loans",
    "I found the daycare receipts for the dependent care FSA",
    "my bonus pushed us into a higher bracket apparently",
    "the IRS letter came, they want proof of the education credit",
)
_TAX_ASK = (
    "help me answer this HMRC letter, they say I underpaid tax in 2024 but I was on PAYE the whole year",
    "I got a CP2000 saying I owe $1,800 for unreported stock sales, draft a response disagreeing",
    "my wife and I both work and we owed 3k this year, how should we change our W-4s",
    "write an email to my accountant asking why my refund is so much lower than last year",
    "I sold my flat in 2025, do I owe capital gains tax if I lived there 4 years",
)

# ---- performance, talked --------------------------------------------------------------------
_PERF_MANAGER = (
    "so I want to talk about your rating this cycle, calibration landed you at partially meets",
    "I know this isn't what you were hoping for but you won't be promoted this round",
    "we're going to put you on a performance improvement plan, it'll run for 60 days",
    "your peer feedback said you were hard to work with in the incident reviews",
    "honestly I'm disappointed, I thought I'd get exceeds after shipping the whole thing",
    "I want you to know the written warning stays on your file for 12 months",
    "I'm giving you a 3 this time, mostly because of the missed deadlines in Q2",
)
_PERF_VENT = (
    "they put me on a PIP today, I'm honestly shocked",
    "{p3.first} just got put on a PIP and nobody told the team",
    "I think they're managing me out, the PIP goals are impossible",
    "my manager gave me a meets again even though I carried the project",
    "HR said the complaint against me is being investigated, I can't sleep",
    "I didn't get the promotion, again, they said next cycle",
)
_PERF_ASK = (
    "rewrite my response to my manager's feedback so it sounds less defensive: I don't agree that I'm not a team player",
    "help me write a reply to my PIP, I think the goals are unfair and I want it on record",
    "my manager said I'm not meeting expectations. help me prepare for the 1:1 tomorrow",
    "draft a grievance letter to HR about my performance review being biased",
    "how do I ask for a raise after getting an exceeds rating",
)

# ---- hard negatives: work about the same subjects ---------------------------------------------
_CODE_TYPED = (
    "def withholding_for(w4: W4Form, gross: Decimal) -> Decimal:\n    return compute_federal_tax(w4.filing_status, gross)",
    "SELECT employee_id, rating, calibrated_rating FROM review_cycle_results WHERE cycle_id = 42",
    "assert pip_status(employee) == PipStatus.ACTIVE",
    "patient = Patient(name='Test Patient', mrn='TEST-0001', diagnosis_code='E11.9')",
    "UPDATE claims SET status = 'denied' WHERE prior_auth_id IS NULL AND created_at < now()",
    "const refund = calculateRefund(taxReturn.totalWithheld, taxReturn.liability);",
    "if (prescription.refillsRemaining === 0) { notifyPharmacy(prescription.id); }",
    "SELECT count(*) FROM sick_leave_requests WHERE approved = false GROUP BY team_id",
    "fixtures/patients.json: add a diabetic patient with two HbA1c observations",
    "it('shows the PIP banner when the review is below expectations', () => {",
)
_TICKET_TYPED = (
    "{ticket}: W-2 PDF shows wrong box 12 codes for employees with HSA contributions",
    "Bug: performance review form loses the manager's rating when you switch tabs",
    "fix(payroll): round state withholding to cents before summing",
    "feat(reviews): add calibration export to CSV",
    "{ticket} sick leave balance not updated after approval in the mobile app",
    "chore: update ICD-10 code table to 2026 release",
    "Symptom checker returns 'see a doctor' for every input after the model update",
    "fix: HMRC MTD submission fails when the tax year spans two periods",
    "Repro: open a patient chart, add a prescription, the dosage field resets",
    "test: cover PIP end date validation and the HR complaint intake form",
)
_REMINDER = (
    "Hi all, a reminder that self-reviews are due this Friday in Lattice. Managers, please finish calibration prep by the 20th",
    "Team: review cycle kicks off Monday. Please write your self-assessment and nominate two peers for feedback",
    "Reminder: open enrollment for health benefits closes on the 15th. Check the benefits portal for plan changes",
    "Friendly reminder to submit your expense reports and timesheets before payroll closes on Thursday",
)
_PLANNING_SAY = (
    "so for the benefits feature we need the enrollment form to handle dependents first",
    "the tax engine team says the new withholding tables land in December",
    "can we get the sick leave accrual logic into this sprint or is it too big",
    "design wants the PIP workflow to send reminders to the manager not the employee",
    "we have about 40 customers asking for the HSA contribution report",
    "QA found the W-2 generation is slow for tenants with more than 10k employees",
    "let's demo the symptom triage flow to the clinical advisors next week",
    "the performance review module needs the calibration view before the customer's cycle starts",
)
_WORK_ASK = (
    "write a python function that validates a W-4 form's filing status and dependents amount",
    "draft a generic reminder to all managers that the review cycle closes on the 30th",
    "generate 10 fake patient records as JSON for our test database, with made up diagnoses",
    "write a SQL query that finds employees whose sick leave balance went negative",
    "explain the difference between form 1099-NEC and 1099-MISC for our help center article",
)

# ---- plain work ------------------------------------------------------------------------------
_PLAIN_TYPED = (
    "Hi {p2.first}, can we move our sync to Thursday? I have a conflict", "git push origin main --force-with-lease",
    "SELECT * FROM orders WHERE created_at > '2026-01-01' LIMIT 100", "thanks, looks good to me, merging after CI",
    "Agenda: 1. roadmap 2. hiring 3. offsite logistics",
)
_PLAIN_SAY = ("ok let's ship it after lunch", "can you share your screen", "the build is red again, I'm looking",
              "we're on track for the release", "I'll send the notes after the call")


def _own_typed(category: str, name: str, contexts: tuple, lines: tuple, field: str = "text") -> R:
    return R(f"tune4_{category}_{name}", "keystrokes", category, contexts, lines, field=field)


def _talked(group: str, name: str, lines: tuple, source: str = "voice", contexts: tuple = _CALL,
            hard: bool = False) -> R:
    """A call or chat (2-4 turns) or one assistant prompt; `group` is a category, or "about"/"plain" for work."""
    category = "benign" if group in ("about", "plain") else group
    if source == "ai_prompt":
        return R(f"tune4_{group}_{name}", "transcript", category, _AI, lines, source=source, speakers="roles",
                 turns=(1, 1), hard_negative=hard)
    return R(f"tune4_{group}_{name}", "transcript", category, contexts,
             _spoken(lines) if source == "voice" else lines, source=source, speakers="first", turns=(2, 4),
             hard_negative=hard)


CATEGORY_RECIPES = (
    _own_typed("medical", "to_care", _PORTAL + _MAIL, _MED_TO_CARE),
    _own_typed("medical", "search", _SEARCH, _MED_SEARCH),
    _own_typed("medical", "sick_mail", _MAIL + _DM, _MED_SICK),
    _talked("medical", "chat", _MED_TO_CARE[:6] + _MED_SICK[:3], source="chat", contexts=_DM),
    _own_typed("performance", "self_review", _DOCS, _PERF_SELF),
    _own_typed("performance", "pip_reply", _MAIL + _DOCS[:3], _PERF_PIP),
    _own_typed("performance", "one_on_one", _DOCS, _PERF_NOTES),
    _own_typed("performance", "hr_complaint", _MAIL, _PERF_HR),
    _talked("performance", "manager", _PERF_MANAGER),
    _talked("performance", "vent", _PERF_VENT, source="chat", contexts=_DM),
    _talked("performance", "vent_voice", _PERF_VENT),
    _talked("performance", "ai", _PERF_ASK, source="ai_prompt"),
    _talked("tax", "accountant", _TAX_ACCOUNTANT),
    _talked("tax", "office", _TAX_OFFICE),
    _talked("tax", "spouse", _TAX_SPOUSE),
    _talked("tax", "spouse_chat", _TAX_SPOUSE, source="chat", contexts=_DM),
    _talked("tax", "ai", _TAX_ASK, source="ai_prompt"),
    _own_typed("tax", "typed", _MAIL + _DM, _TAX_SPOUSE + _TAX_ASK),
    R("tune4_about_code", "keystrokes", "benign", _CODE, _CODE_TYPED, hard_negative=True),
    R("tune4_about_ticket", "keystrokes", "benign", _TICKETS, _TICKET_TYPED, hard_negative=True),
    R("tune4_about_reminder", "keystrokes", "benign", _MAIL + _DM[:2], _REMINDER, hard_negative=True),
    _talked("about", "planning", _PLANNING_SAY, contexts=_PLANNING, hard=True),
    _talked("about", "planning_chat", _PLANNING_SAY, source="chat", contexts=_DM[:2], hard=True),
    _talked("about", "ai", _WORK_ASK + _REMINDER[:2], source="ai_prompt", hard=True),
    R("tune4_plain_typed", "keystrokes", "benign", _MAIL + _CODE[:3], _PLAIN_TYPED),
    _talked("plain", "voice", _PLAIN_SAY),
)
