"""Hand-written situations of `evaluation/category_probe_catrec.py` (issue 17, recall): the classes of a person's own
performance or tax matter other writers produce and the older probes lack: a manager's rambling voice note about a
report's rating, an employee asking an AI to polish their own self-review or answer their own rating, a promotion packet
read off a screen, tax portals and payslips read by OCR with its broken lines and split words; against them talk about
the review process and tax or payroll software. Names are invented placeholders ({n} a person, {m} another)."""
from __future__ import annotations

# Same shape as category_probe_owned_texts.SITUATIONS: (category, situation, half, tool, texts); half 0 tuned on, half
# 1 held out (whole situations, measured once at the end). Screens: "title || line / line", OCR's line breaks kept.
SITUATIONS: tuple[tuple[str, str, int, str, tuple[str, ...]], ...] = (
    # --- performance, tuning half ---
    ("performance", "manager_voice_note", 0, "note", (
        "okay so notes on {n} for calibration um she's solid on the technical side but the stakeholder stuff is "
        "weak so I'm thinking meets not exceeds and I need examples for the write up",
        "voice memo uh {n} year end, he did really well on the payments launch, I want to push for a strong rating "
        "and flag him as promo ready next cycle",
        "thoughts on {n} before the review meeting, the ownership is not there, two incidents with no follow up, "
        "probably a two, talk to HR first",
    )),
    ("performance", "self_review_polish", 0, "prompt", (
        "can you make my self review sound more confident? here it is: this year I led the data migration, "
        "mentored two juniors and I think I deserve an exceeds",
        "polish this for my annual self-assessment, keep it under 200 words: I delivered the reporting revamp "
        "late but it cut support tickets by 30 percent",
        "I have to write my self evaluation for my performance review tomorrow. rewrite my accomplishments so they "
        "sound more impactful: reduced cloud spend, onboarded 3 new hires",
    )),
    ("performance", "promo_packet_screen", 0, "screen", (
        "Promotion packet - {n} - Google Docs || Promotion Case: {n} / Current level: L4 Software Engineer / "
        "Proposed level: L5 Senior / Sponsor: {m} / Impact summary / Led the billing rewrite across three teams",
        "{n} - Promo nomination 2025 - Google Docs || Nominee {n} / Manager recommendation: Strongly support / "
        "Calibrated rating last cycle: Exceeds / Evidence of next-level scope",
    )),
    ("performance", "feedback_call_asr", 0, "voice", (
        "so um I wanted to talk about the last quarter | yeah | to be honest your numbers were under target three "
        "months running | I know | so I'm putting that in your review",
        "hey thanks for jumping on | no problem | so the team gave some feedback about you in the three sixty | "
        "okay | a few people said you shut down ideas in meetings",
    )),
    ("performance", "own_outcome_chat", 0, "chat", (
        "just got out of my review | and? | got a 3 again, meets expectations, no raise beyond cost of living | "
        "ugh sorry",
        "they turned down my promotion again | seriously? | yeah manager says I need more visibility | that sucks",
        "guess who's on a performance plan | no way | 60 days, weekly check-ins | I'm updating my CV tonight",
    )),
    # --- performance, held-out half ---
    ("performance", "employee_voice_memo", 1, "note", (
        "note to self for the review meeting friday, ask why my rating went from exceeds to meets when I shipped "
        "both launches, bring the customer emails",
        "um reminder I need to push back on the feedback in my review, the comment about missing deadlines isn't "
        "fair, the scope changed twice",
    )),
    ("performance", "rebuttal_prompt", 1, "prompt", (
        "my manager gave me a below expectations rating and I disagree. help me write a professional response "
        "that lists what I actually delivered",
        "I was just put on a performance improvement plan. write an email to HR asking for clearer goals and "
        "more time",
        "help me prepare for my promotion conversation, my boss said I'm not ready for senior yet and I want to "
        "ask what is missing",
    )),
    ("performance", "review_form_screen", 1, "screen", (
        "Annual Review 2024 - {n} || Employee: {n} / Reviewer: {m} / Overall rating Partially Meets / Manager "
        "comments: needs to improve delivery predictability / Acknowledge",
        "Mid-year check-in: {n} || Goal 1 Reduce onboarding time - Off track / Goal 2 Migrate reports - At risk / "
        "Manager assessment: Below expectations / Next steps: development plan",
    )),
    ("performance", "promo_committee_call", 1, "voice", (
        "next case is {n} for senior | her manager is sponsoring | my worry is the scope, it's mostly one team | "
        "I'd hold her until the next cycle",
        "so {n}'s packet | strong on delivery, weak on influence | I can't support it this round | agreed, let's "
        "give him that feedback directly",
    )),
    ("performance", "skip_dm_rating", 1, "chat", (
        "quick one before calibration | I want to move {n} down from meets to partially meets | the Q3 misses "
        "were on her | ok bring the examples",
        "{n}'s rating came back as a 2 | he's going to take it badly | let's do the conversation together",
    )),
    # --- tax, tuning half ---
    ("tax", "hmrc_ocr", 0, "screen", (
        "Personal tax account - GOV.UK || {n} / Your tax calcul ation for 2023 to 2024 / Total Income Tax due "
        "£1,86 2.40 / Pay by 31 Janu ary 2025 / View your tax code",
        "SA302 Tax Calculation || Tax year 6 April 2023 to 5 April 2024 / Name {n} / Total income received "
        "52, 410.00 / Income Tax due 7,9 18.20 / Class 4 National Insurance",
    )),
    ("tax", "payslip_ocr", 0, "screen", (
        "Payslip_Mar2025.pdf || ACME LTD Pay Advice / Employee {n} NI No QQ 12 34 56 C / Gross Pav 4,120.00 / "
        "PAYE Tax 612.60 Nat Ins 281.30 / Net Pav 3, 102.44 / Tax Code 1257L",
        "paystub-2025-04-15.pdf || Earnings Statement / {n} / Gross Pay 3,846.15 YTD 26,923.05 / Federal Income "
        "Tax 412.31 / Social Security 238.46 Medicare 55.77 / Net Pay 2,881.10",
    )),
    ("tax", "own_tax_chat", 0, "chat", (
        "ugh just did my taxes | how bad | I owe the IRS like 2,800 because of the side gig | oof",
        "my refund finally landed | nice how much | 1,140, going straight into savings",
        "does anyone know if I can still amend my return from 2023 | I forgot to claim the home office",
    )),
    ("tax", "own_tax_prompt", 0, "prompt", (
        "I earned 84k on my W-2 and about 15k freelancing this year, how much should I set aside for taxes and do "
        "I need to pay quarterly",
        "explain my HMRC tax calculation: it says I owe 1,862 pounds but I thought PAYE covered everything",
    )),
    # --- tax, held-out half ---
    ("tax", "notice_ocr", 1, "screen", (
        "Notice of Assessment 2024 - CRA || {n} / Summary / Total income 71,480 / Balance from this assess ment "
        "$ 1,204. 50 / Amount due / Refund issued by direct deposit",
        "Belastingdienst - Mijn Belastingdienst || Definitieve aanslag inkomstenbelasting 2023 / {n} / U krijgt "
        "€ 842 terug / Datum: 14 mei 2024",
        "Modello 730/2024 - Agenzia delle Entrate || {n} / Prospetto di liquidazione / Rimborso IRPEF 1.024,00 / "
        "Codice fiscale",
    )),
    ("tax", "us_paystub_ocr", 1, "screen", (
        "Pay Statement - {n} || Period 03/01 - 03/15 / Gross 4,583.33 / Fed Withholdng 498.12 / State Tax "
        "201.40 / FICA 350.63 / Net Pay 3,187.21 / YTD Gross 22,916.65",
    )),
    ("tax", "accountant_call", 1, "voice", (
        "so I went through your documents | okay | with the 1099 income you'll owe around four thousand federal | "
        "that's more than last year | yes because nothing was withheld",
        "your return is ready to sign | great | you're getting back about nine hundred federal and a small state "
        "refund",
    )),
    ("tax", "own_tax_note", 1, "note", (
        "reminder, call the tax office about my assessment, they charged me the late filing penalty but I "
        "filed on time",
    )),
    # --- hard negatives: the process and the software, tuning half ---
    ("benign", "review_process_voice", 0, "voice", (
        "for this cycle we're moving self reviews into Workday | okay | managers get the calibration view two weeks "
        "later | and the rating scale stays five points",
        "people ops wants every manager to finish the review training before the cycle | I'll send the link | "
        "thanks",
    )),
    ("benign", "self_review_guide_prompt", 0, "prompt", (
        "write a short guide for new employees on how to write a good self review, with three examples of strong "
        "accomplishment statements",
        "create a promotion packet template for engineers with sections for scope, impact and sponsor comments",
    )),
    ("benign", "tax_help_screen", 0, "screen", (
        "Understanding your payslip - GOV.UK || Your payslip shows your gross pay, tax and National Insurance "
        "deductions / Tax codes explained / What to do if your tax code is wrong",
        "Payroll settings - Admin console || Pay schedule: semi-monthly / Federal withholding table: 2025 / "
        "State: CA / Save changes",
    )),
    ("benign", "payslip_bug_chat", 0, "chat", (
        "the payslip PDF cuts off the net pay row on A5 | is it the template or the renderer | template, the "
        "footer height is fixed",
        "tax year rollover job failed last night | which step | the P60 generation, I'll rerun it",
    )),
    # --- hard negatives, held-out half ---
    ("benign", "review_demo_call", 1, "voice", (
        "in this demo I'll show how a manager submits a rating | click the employee, pick the rating, add a "
        "comment | and the employee sees it after calibration closes",
    )),
    ("benign", "payroll_sql_prompt", 1, "prompt", (
        "write a SQL query that sums federal tax withheld per employee per quarter from the payroll_lines table",
        "how should we structure the promotion committee's rubric so levels are applied consistently across "
        "teams",
    )),
    ("benign", "guidance_screen", 1, "screen", (
        "Tax brackets 2025 explained - NerdWallet || How federal income tax brackets work / Standard deduction "
        "rises to 15,000 / Use our tax calculator",
        "Promotion policy - Intranet || Promotions happen twice a year / Nominations are made by managers / "
        "Committees review packets against the level guide",
    )),
    ("benign", "promo_process_chat", 1, "chat", (
        "when do promo packets lock this half | the 20th | and who's on the committee | same as last time plus "
        "two new directors",
        "can someone remind me which form employees use to update their W-4 | it's in the benefits portal under "
        "tax forms",
    )),
)
