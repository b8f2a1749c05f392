"""Tuning family, seventh batch, written as other generator authors would, before reading the category
rules or term lists: performance matters said in plain words in calls and chats (no review vocabulary,
speaker labels of several transcription tools), tax matters on screens as OCR text of forms and portals
of several countries with character-level OCR noise, personal matters in work tools, and as hard
negatives the talk and typing of people who build payroll, tax, HR and health software (standups, code
review, SQL, config, fixtures, support macros, release notes, assistant prompts drafting work documents),
with ordinary work. Its own seed; scored by `python -m evaluation.tune_categories --batch elsewhere`."""
from __future__ import annotations

import random

from evaluation.generated.records import TextRecipe as R
from evaluation.generated.templates_tune.talked import ScreenText, Script

SEED = 20261207_31

# Speaker labels as other tools write them; "{n}" is the speaker's number.
_LABELS = ("Speaker {n}", "SPEAKER_0{n}", "{p{n}.initials}", "{p{n}.first}", "Participant {n}", "{p{n}.email}",
           "Guest-{n}")
_CALLS = (("Otter.ai", "Otter - Recording {num}", "https://otter.ai/u/{num}"), ("Webex", "Webex meeting", ""),
          ("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Call with {p2.first}", ""), ("RingCentral", "Call", ""),
          ("Google Meet", "Meet", "https://meet.google.com/{invite}"), ("Gong", "Gong | Call {num}", ""))
_CHATS = (("Slack", "{p2.first} (DM) - {company}", ""), ("Mattermost", "Direct message - {p2.full}", ""),
          ("Discord", "@{p2.first}", ""), ("Microsoft Teams", "Chat | {p2.full}", ""), ("Google Chat", "Chat", ""))
_MAIL = (("Outlook", "Untitled - Message (HTML)", ""), ("Gmail", "Compose Mail - {company}", "https://mail.google.com/mail/u/0/"),
         ("Thunderbird", "Write: (no subject)", ""))
_ENG_CALLS = (("Zoom", "Daily standup", ""), ("Google Meet", "Meet - sprint planning", "https://meet.google.com/{invite}"),
              ("Microsoft Teams", "Backlog grooming | Microsoft Teams", ""), ("Webex", "Release sync", ""))
_EDITORS = (("Visual Studio Code", "{word}.sql - {repo}", ""), ("PyCharm", "{repo} - test_{word}.py", ""),
            ("IntelliJ IDEA", "{repo} - {word}.yaml", ""), ("DBeaver", "SQL Editor - prod replica", ""),
            ("Terminal", "psql - {server}", ""))
_DESK = (("Zendesk", "Macros - Admin Center", ""), ("Confluence", "Release notes - {word}", ""),
         ("Jira", "{ticket}: edit", "https://{company}.atlassian.net/browse/{ticket}"), ("Notion", "Changelog", ""),
         ("Intercom", "Saved replies", ""), ("GitHub", "Pull request #{num}", "https://github.com/{company}/{repo}/pull/{num}"))
_ASSISTANTS = (("ChatGPT", "ChatGPT", "https://chatgpt.com/"), ("Claude", "Claude", "https://claude.ai/new"),
               ("Microsoft Copilot", "Copilot", ""), ("Gemini", "Gemini", "https://gemini.google.com/app"))

# ---- performance, said plainly ------------------------------------------------------------------
_PLAIN_PERFORMANCE = (
    ((1, "I need to see a change in how you handle the Acme account by March or we'll have to talk about next steps."),
     (2, "What kind of change are we talking about?"),
     (1, "Returning calls the same day, for a start. They've complained to me twice now.")),
    ((1, "I'm going to be straight with you, the last two months haven't been good enough."),
     (2, "Okay. Is this coming from you or from above?"),
     (1, "Both. If it doesn't pick up by the end of the quarter, I can't keep defending you.")),
    ((2, "Did I do something wrong? You've been short with me all week."),
     (1, "Honestly, yes. You told the client the feature was ready when it wasn't, and I had to walk it back."),
     (2, "I thought it was ready."),
     (1, "Then you need to check before you say it. This is the third time, and next time it goes in writing.")),
    ((1, "so about the on-call thing, you slept through two pages last week"),
     (2, "I know, I'm really sorry"),
     (1, "I need you to understand that if it happens again I'm taking you off the rotation and it'll come up when we talk about your future here")),
    ((1, "You've been coming in after ten most days and leaving early. People are noticing."),
     (2, "I didn't think anyone tracked that."),
     (1, "I'm not tracking it, but I can't give you the lead role while the team feels you're not around.")),
    ((1, "{p3.first} said you were pretty rude to her in the design review."),
     (2, "I was frustrated, the spec kept changing."),
     (1, "I understand, but you can't talk to people like that. I'm asking you to apologise, and I'll be watching how it goes.")),
    ((1, "We've decided not to renew your contract when it ends in June."),
     (2, "Can I ask why?"),
     (1, "The quality of the last few deliverables wasn't where we needed it, and we'd raised it with you before.")),
    ((2, "Am I getting the raise we talked about?"),
     (1, "Not this time. You're doing okay, but okay isn't enough for a bump at your level."),
     (2, "What would be enough?"),
     (1, "Owning a project start to finish without me chasing you.")),
)
_PLAIN_PERFORMANCE_CHAT = (
    ((1, "hey can we chat about yesterday"),
     (2, "sure"),
     (1, "you walked out of the client meeting halfway through. that can't happen again or I'll have to take it further")),
    ((1, "quick one: I had to redo most of your slides for the board deck"),
     (2, "oh no, what was wrong with them?"),
     (1, "numbers didn't match finance's. second time this month, I need you to double check before sending stuff up")),
    ((2, "are you annoyed with me about the release?"),
     (1, "a bit honestly. you merged without tests and it took prod down for an hour"),
     (1, "I'm going to mention it to {p3.first} because I think you need some support with how you work")),
    ((1, "just so you know, {p3.full} isn't going to get the team lead job, she's not ready"),
     (2, "did you tell her?"),
     (1, "not yet, I'll do it friday. she keeps missing her own deadlines")),
    ((1, "I've noticed you're not speaking up in planning anymore"),
     (2, "I don't feel like my ideas go anywhere"),
     (1, "fair, but if you want to move up you need to be more visible. let's set some goals for you next week")),
)
_COMPLAINT_MAIL = (
    "Hi {p2.first},\nI want to raise something about {p3.full}. In the last three team meetings he has made comments "
    "about my accent and yesterday he told a client I 'wouldn't understand'. I don't feel comfortable working with him "
    "and I'd like this handled formally.\n{p1.first}",
    "Dear People team, I'm writing about how my manager {p3.full} has been treating me since I came back from leave. "
    "I have been left off every project meeting and he told me my job might not be here in the new year.",
    "{p2.first} - following our chat, I'd like to put in writing that {p3.first} shouted at me in front of the team on "
    "Tuesday. This is not the first time. Please tell me what happens next.",
    "To whom it may concern, I am making a grievance about being passed over for the senior role. I was told by "
    "{p3.full} that I 'don't fit the culture', which I believe is because of my age.",
)
_MANAGER_NOTES = (
    "notes for thursday with {p3.first}: missed the vendor deadline again, didn't tell anyone, client found out from us. "
    "tell him plainly this is the last informal chat",
    "{p3.full} - keeps arguing with QA in public channels. Talked to her 2x already. Next: loop in HR, put expectations in writing",
    "things to raise w/ {p3.first}: late to standup most days, PRs sit for a week, team is carrying her. "
    "ask what's going on, offer help, but be clear it has to change by end of month",
    "1:1 prep. {p3.first} asked about promotion. my honest view: not yet, ownership is weak, misses follow-ups",
)

# ---- tax on screens, several countries ----------------------------------------------------------
_TAX_SCREENS_CONTEXTS = (
    ("Google Chrome", "My Account - Canada.ca", "https://www.canada.ca/en/revenue-agency.html"),
    ("Safari", "myGov", "https://my.gov.au/"), ("Firefox", "impots.gouv.fr - Espace particulier", ""),
    ("Microsoft Edge", "Mijn Belastingdienst", ""), ("Google Chrome", "Agencia Tributaria - Sede", ""),
    ("Preview", "{word}.pdf", ""), ("Adobe Acrobat Reader", "scan_{num}.pdf", ""),
    ("Google Chrome", "Income Tax e-Filing", "https://www.incometax.gov.in/iec/foportal/"),
    ("Firefox", "ELSTER - Mein ELSTER", "https://www.elster.de/eportal/"))
_TAX_FORMS = (
    "NOTICE OF ASSESSMENT\nTax year 2025\nSocial insurance number {national_id}\n{p1.full}\n{address}\n"
    "Line 15000 Total income 71,204.88\nLine 26000 Taxable income 66,912.10\nBalance owing 1,318.40\n"
    "Please pay by April 30 to avoid interest",
    "Australian Taxation Office\nIncome tax return 2024-25\nYour notice of assessment\nTaxable income $88,412\n"
    "Tax on taxable income $19,783.84\nMedicare levy $1,768.24\nPAYG withholding $21,930.00\nYour refund $377.92",
    "Avis d'impot sur le revenu 2025\nDeclarant 1 {p1.full}\nNumero fiscal {national_id}\nRevenu fiscal de reference 41 870\n"
    "Impot sur le revenu net 3 214\nPrelevement a la source deja paye 3 560\nRestitution 346",
    "Voorlopige aanslag inkomstenbelasting 2025\nBurgerservicenummer {national_id}\nBox 1 belastbaar inkomen 52.310\n"
    "Te betalen 1.142\nBetaal voor 1 mei",
    "Renta 2024 - Borrador de la declaracion\nNIF {national_id}\nBase liquidable general 31.480,22\n"
    "Cuota diferencial -412,77\nResultado a devolver 412,77",
    "Form 16 Part B\nEmployee PAN {national_id}\nGross salary 14,62,000\nDeductions under Chapter VI-A 1,50,000\n"
    "Tax payable 1,41,700\nTDS deducted 1,38,900\nBalance payable 2,800",
    "Einkommensteuerbescheid 2024\nSteuer-ID {national_id}\nZu versteuerndes Einkommen 58.214\nFestgesetzte Einkommensteuer 12.406\n"
    "Abzuglich Lohnsteuer 13.112\nErstattung 706",
    "SELF ASSESSMENT STATEMENT\nUTR {national_id}\n{p1.full}\nBalancing payment 2024-25  2,410.60\n"
    "1st payment on account 2025-26  1,205.30\nTotal due 31 Jan  3,615.90",
    "IRS Online Account\nWelcome {p1.first}\nBalance due $2,184.09\nPayment plan: Installment agreement\n"
    "Next payment $250.00 due {date}\nTax records  Transcripts  Notices",
)
_OCR_CONFUSIONS = {"o": "0", "O": "0", "l": "1", "I": "l", "e": "c", "S": "5", "B": "8", "a": "o", "i": "j", ",": ".", "m": "rn"}


def noisy(text: str, rng: random.Random) -> str:
    """OCR's misreadings at character level: about one character in twenty-five swapped, some spaces lost or doubled."""
    out = []
    for char in text:
        roll = rng.random()
        if char in _OCR_CONFUSIONS and roll < 0.04:
            out.append(_OCR_CONFUSIONS[char])
        elif char == " " and roll < 0.05:
            out.append(rng.choice(("", "  ")))
        else:
            out.append(char)
    return "".join(out)


# ---- personal matters in work tools -------------------------------------------------------------
_PERSONAL_CALL = (
    ((1, "hey sorry, quick personal thing before the meeting, can you take the kids Saturday? my mum's in hospital again"),
     (2, "yeah of course, drop them at ours about nine"),
     (1, "you're a lifesaver, {p3.first} is away so it's just me")),
    ((2, "how did the thing with your landlord go?"),
     (1, "badly, he's keeping the whole deposit and my partner wants to take him to small claims"),
     (2, "ugh, I'm sorry, that's awful")),
    ((1, "between us, {p3.first} and her husband are splitting up, she told me at lunch"),
     (2, "oh no, is she okay?"),
     (1, "not really, she's sleeping on her sister's sofa, don't say anything")),
    ((1, "so we found out it's a girl!"),
     (2, "congratulations! how is {p3.first} feeling?"),
     (1, "tired, the morning sickness has been rough, we haven't told her parents yet")),
    ((2, "did you sort out the custody schedule in the end?"),
     (1, "sort of, I get them every other weekend and wednesdays, the lawyer thinks it's fair"),
     (2, "that's something at least")),
)
_PERSONAL_DM = (
    ((1, "did you hear what {p3.first} said about {p4.first} at the party"),
     (2, "no what"),
     (1, "that she's been seeing someone from finance behind her boyfriend's back. they had a massive row in the car park")),
    ((1, "can't focus today, had a huge fight with my brother about dad's will"),
     (2, "oh no. want to grab a coffee and talk?"),
     (1, "yes please. he's saying I don't deserve the house")),
    ((2, "is everything ok? you seemed upset in standup"),
     (1, "my girlfriend moved out last night. sorry, I'll be fine"),
     (2, "take the afternoon, I'll cover your tickets")),
    ((1, "lol {p3.first} just told me she's been on three dates with the guy from the gym"),
     (2, "the one with the tattoo?? spill"),
     (1, "yes!! and her ex keeps texting her")),
)
_MEDICAL_TYPED = (
    "Hi {p2.first}, I won't make the offsite, the doctor thinks the dizziness is coming from my inner ear and wants "
    "me to rest until the scan on {date}",
    "out tomorrow morning for my chemo session, should be online after 2",
    "heads up I'm back on the antidepressants and they make me foggy for the first couple weeks, bear with me",
    "can I swap my on-call week? I'm having my gallbladder out on the 14th and recovery is about ten days",
    "{p2.first} sorry for the late reply, my son has been in the children's ward with pneumonia since sunday",
)

# ---- hard negatives: people who build payroll, tax, HR and health software -----------------------
_BUILDER_STANDUP = (
    ((1, "Yesterday I finished the withholding calculator for the new state brackets, today I'm on the rounding bug."),
     (2, "Nice. I'm still stuck on the 1099 export, the PDF library chokes on the box labels."),
     (3, "I can pair with you after lunch, I hit the same thing last year.")),
    ((1, "The performance review module is blocked on design, they want the manager comments collapsible."),
     (2, "I'll ping them. Anything else blocking?"),
     (1, "The warning letter template still has the wrong merge fields, I've got a ticket for it.")),
    ((2, "Heads up, the claims ingestion job for the clinic partners failed overnight again."),
     (1, "Was it the diagnosis code mapping?"),
     (2, "Yeah, ICD-10 codes with a trailing dot. I'll add a normaliser and backfill.")),
    ((1, "For the sprint I'd like to finish the payslip redesign and the tax year rollover."),
     (3, "The rollover has to ship before April sixth or UK customers get the wrong tax codes."),
     (1, "Agreed, that's the priority then.")),
    ((1, "Support says three tenants are seeing duplicate refunds on the return filing screen."),
     (2, "That's the retry in the payment webhook. I'll put the fix behind a flag today."),
     (3, "Please add an alert, we only found out from customers.")),
    ((2, "The disciplinary case workflow is live for the pilot customer."),
     (1, "Any feedback from their HR admins?"),
     (2, "They want to attach documents to the hearing step and restrict who sees the outcome.")),
)
_CODE_REVIEW_CHAT = (
    "left a few comments on your PR, mainly the tax bracket lookup should not hit the db for every employee",
    "nit: rename calc_penalty to late_filing_penalty so it matches the spec",
    "LGTM once the migration for the sick_leave_balance column has a default",
    "can you add a test where the employee has two jobs and both withhold?",
    "why is the termination_reason enum duplicated in the frontend? we should generate it",
    "the diagnosis field is free text in the API but we index it, that's going to hurt search",
    "approved, but please don't log the payslip body, just the id and the count",
    "this breaks the underperformance flag for tenants on the old review template, see the failing fixture",
)
_SQL_CONFIG = (
    "SELECT employee_id, tax_code, SUM(gross_pay) AS gross, SUM(income_tax) AS withheld\nFROM payroll_lines\n"
    "WHERE period BETWEEN '2025-04-06' AND '2026-04-05'\nGROUP BY employee_id, tax_code;",
    "UPDATE review_cycles SET status = 'closed', closed_at = now() WHERE cycle_id = {num} AND status = 'calibration';",
    "ALTER TABLE disciplinary_actions ADD COLUMN appeal_deadline date;\nCREATE INDEX ON disciplinary_actions (employee_id);",
    "tax:\n  default_country: GB\n  rounding: half_up\n  brackets_file: data/brackets_2026.yaml\n  enable_student_loan: true",
    "leave_policy:\n  sick_days_per_year: 10\n  carry_over: false\n  requires_doctor_note_after_days: 3",
    "SELECT count(*) FROM patients p JOIN appointments a ON a.patient_id = p.id WHERE a.status = 'no_show';",
    "INSERT INTO tax_forms (form_code, country, year) VALUES ('P60', 'GB', 2026), ('T4', 'CA', 2026);",
)
_FIXTURES = (
    "def test_refund_is_zero_when_tax_owed():\n    result = compute(Return(income=52000, withheld=4100))\n    assert result.refund == 0",
    "EMPLOYEE = dict(name='Test User', salary=60000, tax_code='1257L', on_probation=True)",
    "it('shows the final warning banner when three strikes are recorded', () => {\n  render(<CaseBanner strikes='3' />)",
    "fixtures/patients.json: 200 synthetic patients with random conditions, no real data",
    "class TestUnderperformanceFlag:\n    def test_flag_set_when_rating_below_two(self):\n        assert flag(rating=1.5)",
)
_MACROS_NOTES = (
    "Macro: Tax form not received. Hi there, thanks for reaching out. Year-end forms are published by January 31; "
    "you can download yours from Documents > Tax forms. If it's missing, reply with your company name.",
    "Release notes 4.12: Managers can now add private notes to review conversations. Fixed: W-2 preview showed last "
    "year's employer address for some customers. Improved: sick leave accrual for part-time staff.",
    "Saved reply: We can't change a patient's diagnosis from our side. Please ask the clinic to update the record "
    "in their EHR and it will sync within 24 hours.",
    "Changelog: the disciplinary workflow now supports a hearing step and an appeal step; the performance "
    "improvement template has a new 30/60/90 layout. 340 customers enabled it in the beta.",
    "Known issue: some customers in Quebec see provincial tax withheld twice on the preview. Payroll totals are correct.",
)
_WORK_PROMPTS = (
    "Draft a reminder email to all managers that self-reviews and peer feedback are due by Friday the 12th, friendly tone",
    "Write a short FAQ for employees about when their annual tax statement will be available in the portal",
    "Summarise this design doc about the new sick leave accrual rules into five bullet points for the sprint review",
    "Help me write a Jira ticket: payroll export fails for employees with two tax codes, include acceptance criteria",
    "Make this release note clearer: 'fixed bug where warning letters generated twice for some HR admins'",
    "Create a checklist for our support team handling questions about late tax filing penalties shown in the app",
)
_BUILDER_SCREENS = (
    "{ticket}  Tax summary PDF shows wrong refund amount\nStatus: In review   Assignee: {p2.full}\n"
    "Customers affected: 41 tenants\nRepro: employee with two W-2s, refund = withheld - liability computed per job\n"
    "Linked PR #{num}",
    "Sprint {num} board\nTO DO  Payslip redesign  |  Year-end tax forms export  |  Review cycle reminders\n"
    "IN PROGRESS  Sick leave accrual fix  |  Disciplinary case attachments\nDONE  P60 bulk download",
    "tax_engine/brackets.py\n12  def bracket_for(income: Decimal, year: int) -> Bracket:\n"
    "13      for bracket in BRACKETS[year]:\n14          if income <= bracket.upper:\n15              return bracket",
    "Dashboard - Returns filed today 12,408   Refunds issued 9,211   Failed submissions 37\n"
    "Top errors: AGI mismatch (14), missing dependent SSN (9), timeout (14)",
)
# ---- ordinary work ------------------------------------------------------------------------------
_ORDINARY_TALK = (
    ((1, "Can we move the quarterly planning to Thursday? Half the team is at the conference."),
     (2, "Works for me, I'll update the invite."),
     (1, "Thanks. And let's keep it to an hour this time.")),
    ((2, "The new onboarding flow is live, conversion is up a bit already."),
     (1, "Great, let's share the numbers at the all-hands."),
     (2, "I'll make two slides.")),
    ((1, "Did the vendor send the revised quote?"),
     (2, "Yes, it's about eight percent lower, but the delivery is two weeks later."),
     (1, "Let's take it, the timeline still works.")),
)
_ORDINARY_TYPED = (
    "agenda for tomorrow: roadmap update, hiring plan for Q2, office move",
    "pushed the fix for the flaky login test, CI is green again",
    "thanks everyone for the launch, great work on a tight schedule",
    "can someone review my doc on the caching layer before friday?",
    "booked the room for the retro, 3pm, snacks on me",
)

SCRIPTS = (
    Script("tune7_performance_plain_call", "performance", _CALLS, _PLAIN_PERFORMANCE, labels=_LABELS),
    Script("tune7_performance_plain_chat", "performance", _CHATS, _PLAIN_PERFORMANCE_CHAT, source="chat",
           labels=_LABELS),
    Script("tune7_private_call", "private_chat", _CALLS, _PERSONAL_CALL, labels=_LABELS),
    Script("tune7_private_dm", "private_chat", _CHATS, _PERSONAL_DM, source="chat", labels=_LABELS),
    Script("tune7_builder_standup", "benign", _ENG_CALLS, _BUILDER_STANDUP, hard_negative=True, labels=_LABELS),
    Script("tune7_ordinary_talk", "benign", _CALLS, _ORDINARY_TALK, labels=_LABELS),
)
SCREENS = (
    ScreenText("tune7_tax_forms_screen", "tax", _TAX_SCREENS_CONTEXTS, _TAX_FORMS, noise=noisy),
    ScreenText("tune7_builder_screen", "benign", _DESK + _EDITORS, _BUILDER_SCREENS, hard_negative=True, noise=noisy),
)
CATEGORY_RECIPES = (
    R("tune7_performance_complaint_mail", "keystrokes", "performance", _MAIL, _COMPLAINT_MAIL, field="body"),
    R("tune7_performance_manager_notes", "keystrokes", "performance", _DESK[3:4] + _MAIL, _MANAGER_NOTES),
    R("tune7_medical_typed", "keystrokes", "medical", _CHATS + _MAIL, _MEDICAL_TYPED),
    R("tune7_builder_review_chat", "transcript", "benign", _CHATS + _DESK[5:], _CODE_REVIEW_CHAT, hard_negative=True),
    R("tune7_builder_sql_config", "keystrokes", "benign", _EDITORS, _SQL_CONFIG, hard_negative=True),
    R("tune7_builder_fixtures", "keystrokes", "benign", _EDITORS, _FIXTURES, hard_negative=True),
    R("tune7_builder_macros_notes", "keystrokes", "benign", _DESK, _MACROS_NOTES, hard_negative=True),
    R("tune7_builder_prompts", "keystrokes", "benign", _ASSISTANTS, _WORK_PROMPTS, hard_negative=True),
    R("tune7_ordinary_typed", "keystrokes", "benign", _CHATS + _EDITORS, _ORDINARY_TYPED),
)
