"""Training family, category text (for `make train-textcat`): a person's own medical, tax, HR or
private matter written in work tools, and work *about* those subjects (payroll, benefits, health and
HR products; vendor paperwork; CRM contacts) written in the same tools, so that only who the text is
about tells them apart. Kept apart from TEXT_RECIPES, which `make train-ner` draws from unchanged.

Lines are built from frames x matters: a frame says how a person or a team writes ("sorry, {m}",
"{ticket}: {m}"); a matter says what about. Names come from Faker's many locales through the slots.
"""
from evaluation.generated.records import TextRecipe as R

_DM = (("Slack", "{p2.first} {p2.last} (direct) · Acme", ""), ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""),
       ("Google Chat", "{p2.first} | Google Chat", ""), ("Slack", "{p2.first_lower} · Initech · Slack", ""),
       ("Mattermost", "{p2.full} - Mattermost", ""), ("Zulip", "{p2.first} - Zulip", ""))
_CHANNEL = (("Slack", "#team-{repo} · Acme", ""), ("Microsoft Teams", "{repo} | General | Microsoft Teams", ""),
            ("Google Chat", "{repo} eng | Google Chat", ""), ("Mattermost", "town-square - {repo} - Mattermost", ""))
_CALL = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Meeting with {p2.full} | Microsoft Teams", ""),
         ("Google Meet", "Meet – {invite}", "https://meet.google.com/{invite}"), ("Webex", "Personal Room - {p2.full}", ""))
_MAIL = (("Outlook", "Inbox - {p1.email} - Outlook", ""), ("Gmail", "Compose - {p1.email} - Gmail", "https://mail.google.com/mail/u/0/#inbox"),
         ("Apple Mail", "New Message", ""), ("Thunderbird", "Write: (no subject)", ""))
_BOT = (("Google Chrome", "ChatGPT", "https://chatgpt.com/"), ("Firefox", "Claude", "https://claude.ai/new"),
        ("Microsoft Edge", "Copilot", "https://copilot.microsoft.com/"), ("Google Chrome", "Gemini", "https://gemini.google.com/app"))
_WORK_DOCS = (("Google Chrome", "{ticket} · {repo} · Jira", ""), ("Notion", "Design doc: {repo} · Notion", ""),
              ("Confluence", "{repo} / Spec - Confluence", ""), ("Visual Studio Code", "test_rules.py — {repo}", ""),
              ("Google Chrome", "Pull request #{num} · acme/{repo} · GitHub", ""), ("Linear", "{ticket} · Linear", ""))
_FORMS = (("Google Chrome", "Vendor onboarding | Coupa", ""), ("Google Chrome", "{company} - Account | Salesforce", ""),
          ("Google Chrome", "Contact: {p3.full} | HubSpot", ""), ("Google Sheets", "vendors_{num} - Google Sheets", ""),
          ("Microsoft Excel", "supplier_list.xlsx - Excel", ""), ("Google Chrome", "New supplier | SAP Ariba", ""))

_PERSONAL = ("{m}", "sorry, {m}", "heads up, {m}", "{m}, can you cover for me?", "not sure how to say this but {m}",
             "ugh. {m}", "fyi {m}, will be offline a bit", "{m}. don't tell anyone yet", "quick personal thing: {m}",
             "{m} so I'm a bit distracted today")
_PERSONAL_MAIL = ("Hi {p3.first},\n{m}.\nThanks, {p1.first}", "Dear HR team,\n{m}.\nRegards,\n{p1.full}",
                  "{p3.first} – {m}. Let me know what you need from me.")
_PERSONAL_ASK = ("help me write a message to my manager: {m}", "how do I tell my team that {m}?",
                 "{m}. what should I do?", "rewrite this politely: {m}")
_WORK = ("{ticket}: {m}", "{m} — can you review the PR?", "added unit tests for {m}", "the design review for {m} is on {date}",
         "{m}; {num} tenants are affected", "let's scope {m} for sprint {num}", "QA found a bug in {m}",
         "who owns {m}? the runbook is out of date", "demo of {m} went well, {num} customers in the beta",
         "{m}, merged to main behind a feature flag")
_WORK_ASK = ("write a test plan for {m}", "draft release notes: {m}", "summarize the tradeoffs for {m} in bullets",
             "draft a reminder to the team about {m}")

_MEDICAL = ("my MRI got moved to thursday morning", "I'm getting my wisdom teeth out on friday",
            "my doctor put me on antibiotics for a sinus infection", "I have a migraine again, the new meds aren't working",
            "my blood pressure was 150 over 95 at the checkup", "my daughter has a fever of 39 and I need to pick her up",
            "she's starting chemo next week", "my therapist thinks I should take some leave",
            "my dad had a stroke last night, he's in the ICU", "I tested positive for covid this morning",
            "I'm pregnant, 12 weeks, not telling the team yet", "my knee surgery recovery is taking longer than expected",
            "his insulin dose got changed after the A1C came back high", "I have a follow-up with the cardiologist at 3",
            "my son's allergist appointment ran late", "I've been really struggling with anxiety and panic attacks")
_TAX = ("my refund from the IRS still hasn't arrived", "I owe about 3k in state taxes this year",
        "I forgot to include my 1099 from the side gig", "my W-2 from my old employer has the wrong address",
        "my accountant says I should amend my 2024 return", "I need to change my W-4, too much is withheld from my paycheck",
        "my mortgage interest statement never came", "I got a letter from the IRS about an underpayment",
        "my bank flagged a charge on my card and froze the account", "I'm behind on my student loan payments",
        "my paycheck was short this month, I think my direct deposit split is wrong",
        "she's filing for an extension because her K-1 is late", "my credit score dropped after the loan application",
        "the tax man wants another 1,800 from me after reviewing last year", "I missed the January deadline for my tax return",
        "I'm setting up a payment plan for what I owe from {date}", "the revenue office froze my account over unpaid tax",
        "my landlord never sent the rent receipts I need for my tax claim", "our house was revalued so the rates bill doubled",
        "I'm registered for VAT as a freelancer and the quarter is due", "I need my tax number from the old employer",
        "my Lohnsteuerbescheinigung has the wrong income on it", "I got a penalty letter for filing my personal return late",
        "my partner and I are arguing about who claims the kids on our taxes", "my pension contribution relief never came through",
        "they're auditing my deductions from the rental flat", "I moved abroad and now I owe tax in both places")
_PERFORMANCE = ("I'm on a PIP and I'm scared I'll be let go", "my manager gave me a 2 in calibration",
                "I didn't get the promotion again this cycle", "I want to report {p3.full} for yelling at me in the standup",
                "{p3.first} is being put on a performance plan next week", "{p3.first} has been late every day and HR is involved",
                "I'm filing a complaint about {p3.full}'s comments on my appearance", "my raise was only 2 percent",
                "{p3.first} is getting let go after the review, keep it between us",
                "I'm interviewing elsewhere because my review was unfair", "{p3.first}'s rating got pushed down to below expectations",
                "he made inappropriate jokes about me again and I want HR to investigate",
                "my written warning is going in my file", "{p3.first} got a final warning for attendance",
                "I'd like to raise a grievance about how {p3.full} treats me in meetings",
                "{p3.first} keeps touching my shoulder and making remarks about my body, I want it on record",
                "I feel {p3.first} discriminates against me because of my age",
                "I was passed over again and my manager won't explain why",
                "{p3.first} was let go for misconduct, HR asked us not to discuss it",
                "HR wants to see me about a conduct complaint tomorrow", "I'm still on probation so they can let me go anytime",
                "they told me my position is being made redundant", "my appraisal came back as unsatisfactory",
                "my boss is building a case against me, every mistake gets emailed to HR",
                "{p3.first}'s end of year rating is going to be the lowest on the team",
                "{p3.first} failed her probation and won't be kept on", "I was marked down in calibration for not being visible",
                "{p3.first} got his second warning, next one is dismissal", "they gave the promotion to someone junior and not me",
                "my manager's notes on me say I'm not a culture fit", "I have a capability hearing next week with my union rep",
                "{p3.first} has until the end of the quarter to show improvement or she's out",
                "my bonus was cut in half because of my rating", "I was told I'm not senior material yet")
_PRIVATE = ("can you pick up the kids at 4? I'm stuck", "did you hear {p3.first} and her husband are splitting up",
            "my sister is staying with us until sunday", "{p3.first} is furious at {p4.first} about the wedding seating",
            "love you, see you tonight", "my ex keeps texting me, it's getting weird",
            "mom's flight lands at 6, can you grab her", "{p3.first} told me {p4.first} cheated on her, don't repeat it",
            "we're fighting about money again", "the babysitter cancelled, can you work from home tomorrow?",
            "my landlord is threatening to keep the deposit", "date went well btw, seeing him again saturday",
            "{p3.first} and {p4.first} aren't speaking since the party", "I need to get out of this relationship")

_WORK_MEDICAL = ("the ICD-10 code mapping in {repo}", "the HL7 parser for lab results", "the patient portal login flow",
                 "HIPAA audit logging for the EHR export", "the prescription refill API timeout",
                 "the appointment reminder SMS template", "the claims adjudication rules engine",
                 "the FHIR Observation schema migration", "dosage validation in the pharmacy service",
                 "the telehealth video SDK upgrade", "de-identification of the clinical notes dataset")
_WORK_TAX = ("the W-4 withholding calculator", "1099-NEC generation for contractors", "the payroll tax rounding bug",
             "state tax tables for {date}", "the benefits enrollment API", "the 401k contribution limit check",
             "the vendor W-9 collection form", "VAT rates in the invoicing service", "direct deposit file export to the bank",
             "the tax form PDF renderer", "withholding logic for multi-state employees", "the expense report approval flow",
             "the VAT registration check for EU sellers", "the tax authority notice importer", "property tax escrow in the loan app",
             "the tax residency questionnaire for vendors", "the e-filing integration with the revenue service")
_WORK_PERFORMANCE = ("the review-cycle deadline on {date}", "the Lattice sync job", "the performance review form builder",
                     "p95 performance regression in {repo}", "calibration dashboard filters", "the goals API for the HR app",
                     "the promotion workflow config for {company}", "the PTO accrual calculation", "the HRIS employee import",
                     "the 1:1 agenda template", "the onboarding checklist for new hires",
               "the probation end-date reminders in the HR system", "the disciplinary letter generator for the ER team",
               "the redundancy of the message queue", "the rating distribution chart for HR admins",
               "capability checks in the feature store")
_WORK_PLAIN = ("the vendor onboarding form for {company}", "the contact record for {p3.full} at {company}",
               "the offsite plan and budget", "the Q3 roadmap review", "our support phone line {phone}",
               "the shared calendar for the launch", "the office move to {city}", "the invoice template for {company}")
_CONTACT = ("my work number is {phone}, call if the deploy stalls", "you can reach {p3.full} at {p3.email} for the contract",
            "{p3.full}, procurement, {company}, {phone}", "send the signed NDA to {p3.email}",
            "Billing contact: {p3.full} <{p3.email}>", "let's move the vendor call to {time}, dial-in {phone}")

# A person's own HR or tax paperwork typed into a document, a sheet or notes (manager's notes, a plan,
# a warning letter, a rating table; a tax worksheet), and the same tools' work about those products.
_NOTES_APPS = (("Google Docs", "{p3.full} - notes - Google Docs", ""), ("Notes", "Notes", ""),
               ("Google Sheets", "{p1.first} - Google Sheets", ""), ("Microsoft Word", "Document1 - Word", ""),
               ("Notion", "{p3.first} 1:1 · Notion", ""), ("Obsidian", "daily/{date}.md", ""))
_PERFORMANCE_PAPERS = (
    "1:1 {p3.first} - second late handoff this month, told her plainly. noting it with dates. HR if it repeats",
    "Improvement plan\nEmployee: {p3.full}\nLength: {num} days\nGoal 1: on-call pages answered within 15 min\nCheck-ins weekly",
    "Written warning - {p3.full}\nReason: repeated unexcused absence\nThis letter will be kept on your personnel file",
    "ratings draft\n{p3.full}  3 -> 2  missed both launches\n{p4.full}  4  promo ready",
    "{p3.first}: not meeting the bar for her level; keep a log of each slipped commitment before the next review",
    "probation check-in {p3.full}: attendance poor, quality ok. decision at end of month: extend or end employment",
    "notes for HR meeting re {p3.first}: three complaints from the team, tone in code review, refused feedback",
    "my self-review draft: I know the second half was weak, I missed the migration date and lost the team's trust",
    "rewrite my review rebuttal so it's less angry: I disagree that I lack ownership of the billing work",
    "appraisal outcome: {p3.full} - unsatisfactory. increment withheld. review again in six months")
_TAX_PAPERS = (
    "estimated payments {date}\nfederal 2,400 paid\nstate 600 still due\npenalty if late",
    "self assessment {date}: balancing payment due, second payment on account in July",
    "my taxes - things to find: 1099-INT from the bank, daycare receipts, last year's AGI",
    "Tax office letter: they want the rental income records for the flat by the 15th",
    "notice from the revenue agency - owe 1,240 plus interest, payment plan option",
    "deductions list: donations 900, home office 14 sq m, work laptop, union dues",
    "VAT quarter for my freelance work: sales 8,200, VAT due 1,640, submit by the 7th",
    "bank details for payroll: new account ending 4471, switch from next paycheck")
_WORK_PAPERS = (
    "Improvement plan template v3\nfields: employee, manager, length, goals\nvalidation: length 30-90",
    "warning letter generator: add the personnel file clause to the letter template",
    "ratings import: map 1-5 to the new labels, {num} rows failed validation",
    "estimated payment reminder job: cron at 9am, {num} users in the test cohort",
    "self assessment deadline banner copy - check with legal before {date}",
    "VAT quarter export: CSV columns sales, vat_due, period; {num} merchants on the beta")


def _lines(frames: tuple[str, ...], matters: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(frame.replace("{m}", matter) for frame in frames for matter in matters)


def _own(category: str, matters: tuple[str, ...]) -> tuple[R, ...]:
    """A person's own matter, said in chat, a call, e-mail and to an assistant."""
    return (R(f"own_{category}_chat", "transcript", category, _DM + _CHANNEL, _lines(_PERSONAL, matters), turns=(1, 3)),
            R(f"own_{category}_call", "transcript", category, _CALL, _lines(_PERSONAL, matters), source="voice",
              speakers="first", turns=(1, 3)),
            R(f"own_{category}_mail", "transcript", category, _MAIL, _lines(_PERSONAL_MAIL, matters), turns=(1, 1)),
            R(f"own_{category}_ask", "transcript", category, _BOT, _lines(_PERSONAL_ASK, matters), source="ai_prompt",
              speakers="roles", turns=(1, 1)),
            R(f"own_{category}_typed", "keystrokes", category, _DM + _MAIL, _lines(_PERSONAL, matters)))


def _about(name: str, matters: tuple[str, ...]) -> tuple[R, ...]:
    """Work about a category's subject, in the same tools: hard negatives."""
    return (R(f"work_{name}_chat", "transcript", "benign", _DM + _CHANNEL, _lines(_WORK, matters), hard_negative=True),
            R(f"work_{name}_call", "transcript", "benign", _CALL, _lines(_WORK, matters), source="voice",
              speakers="first", hard_negative=True),
            R(f"work_{name}_ask", "transcript", "benign", _BOT, _lines(_WORK_ASK, matters), source="ai_prompt",
              speakers="roles", turns=(1, 1), hard_negative=True),
            R(f"work_{name}_typed", "keystrokes", "benign", _WORK_DOCS + _DM, _lines(_WORK, matters), hard_negative=True))


CATEGORY_RECIPES = (
    *_own("medical", _MEDICAL), *_own("tax", _TAX), *_own("performance", _PERFORMANCE), *_own("private_chat", _PRIVATE),
    *_about("medical", _WORK_MEDICAL), *_about("tax", _WORK_TAX), *_about("performance", _WORK_PERFORMANCE),
    *_about("plain", _WORK_PLAIN),
    R("own_performance_papers", "keystrokes", "performance", _NOTES_APPS, _PERFORMANCE_PAPERS),
    R("own_tax_papers", "keystrokes", "tax", _NOTES_APPS, _TAX_PAPERS),
    R("work_papers", "keystrokes", "benign", _NOTES_APPS + _WORK_DOCS, _WORK_PAPERS, hard_negative=True),
    R("work_contacts_call", "transcript", "benign", _CALL + _DM, _CONTACT, source="voice", speakers="first",
      hard_negative=True),
    R("work_contacts_forms", "keystrokes", "benign", _FORMS, _CONTACT + (
        "{company}\n{address}\nTax ID on file", "{p3.full}\t{p3.email}\t{phone}", "Payment terms: net 30\nIBAN {iban}",
        "Primary contact: {p3.last_first}", "{company} | {city} | {num} seats"), hard_negative=True),
)
