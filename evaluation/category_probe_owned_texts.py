"""Hand-written situations of `evaluation/category_probe_owned.py`: a named report's review, rating, PIP, promotion
case or feedback talked about in calls, chats, voice notes and AI-prompt drafts (several writers each), and a person's
tax forms and notices on screens (tax portals, payslips, W-2/1099/P60/Lohnsteuerbescheinigung pages as their text);
against them the same words as work on the *process* or *tool* (cycle dates, form fields, HR system bugs, tax
software). Names are invented placeholders ({n} a report, {m} another colleague)."""
from __future__ import annotations

# (category, situation, half, tool, texts). half 0 is tuned on, half 1 held out (whole situations). Tools: "voice" a
# call (turns split on " | "), "chat" a DM (" | "), "note" a voice memo (one speaker), "prompt" typed into an AI
# assistant, "screen" a window title, " || ", then the screen's lines split on " / ".
SITUATIONS: tuple[tuple[str, str, int, str, tuple[str, ...]], ...] = (
    # --- performance: a named or addressed person's own review, in conversation ---
    ("performance", "one_on_one_rating", 0, "voice", (
        "thanks for making time | sure | so I wanted to walk you through your mid-year rating | okay | I landed on "
        "partially meets, mostly because the billing migration slipped twice",
        "let's start with the review | go ahead | overall I've got you at below expectations for this half | that's "
        "hard to hear | I know, the on-call handoffs were missed three times",
        "how do you feel the quarter went | honestly not great | yeah, I'm rating you a two out of five this cycle, "
        "and I want us to agree on a plan",
    )),
    ("performance", "calibration_named", 0, "voice", (
        "next up is {n} | I have {n} at meets but I'd say borderline | why borderline | she missed the Q2 migration "
        "and the incident write-ups were late",
        "for {n} I'm proposing exceeds | I'd push back, his scope was small this half | fair, let's move him to meets",
        "{n} is a tough one | the feedback from peers was mixed, two said he's hard to work with | I'd put him at "
        "needs improvement",
    )),
    ("performance", "pip_talk", 0, "chat", (
        "hey, before our 1:1 tomorrow | HR and I have agreed to start a performance improvement plan for you | it "
        "runs 45 days and the goals are in the doc",
        "{n}, your PIP check-in is moved to Thursday | bring the status of the three goals we agreed",
        "I'm sorry but we are extending your improvement plan by 30 days | the test coverage goal wasn't met",
    )),
    ("performance", "promotion_case", 0, "voice", (
        "about your promotion case | yeah | the committee didn't approve it this round | what was missing | they "
        "want to see you lead a cross-team project first",
        "I'm not putting {n} up for senior this cycle | her design docs still need a lot of hand-holding",
    )),
    ("performance", "ai_prompt_feedback", 0, "prompt", (
        "help me write constructive feedback for my direct report {n} who has missed most sprint deadlines this "
        "quarter and is often late to standups; keep it firm but kind",
        "rewrite this so it sounds less harsh: {n}, your code reviews have been careless and two bugs reached "
        "production because of it",
        "draft the summary section of {n}'s annual review. rating: needs improvement. main issues: communication "
        "with stakeholders, missed deadlines",
    )),
    ("performance", "voice_note_review", 0, "note", (
        "note for {n}'s review, mention the missed handoffs in March and the customer escalation, rating probably "
        "a two",
        "reminder to self, talk to HR about {n}, third written warning this year, attendance again",
    )),
    ("performance", "es_pt_feedback", 0, "chat", (
        "{n}, tenemos que hablar de tu evaluación | este semestre te he puesto por debajo de lo esperado | los "
        "entregables llegaron tarde",
        "oi {n}, sobre a tua avaliação de desempenho | ficou abaixo do esperado | vamos combinar um plano de "
        "melhoria de 60 dias",
    )),
    ("performance", "one_on_one_feedback", 1, "chat", (
        "got a sec? I want to give you some feedback on the demo | you cut off the client twice and didn't know the "
        "numbers | this is the second time, so it's going in your review",
        "I've had complaints from two teams about your tone in code review | I need you to work on this, it's "
        "already affecting your rating",
    )),
    ("performance", "skip_level", 1, "voice", (
        "how is {n} doing on your team | honestly struggling | in what way | he's missed every estimate this "
        "quarter and I'm thinking of a formal plan",
        "I wanted your read on {n} | she's been disengaged since the reorg, output dropped a lot | should we loop "
        "in HR | yes, let's document it",
    )),
    ("performance", "hr_partner_call", 1, "voice", (
        "we need to document {n}'s performance issues before we can start a PIP | what do you have so far | three "
        "missed deadlines and a customer complaint",
        "so for {n} the recommendation is a final written warning | agreed, the attendance hasn't improved since "
        "the last one",
    )),
    ("performance", "ai_prompt_review", 1, "prompt", (
        "write a performance review for {n}, software engineer, who did not meet expectations: slow delivery, "
        "needs constant follow-up, good attitude",
        "my report {n} got a low rating this cycle and I have to tell her tomorrow. how do I open the conversation",
    )),
    ("performance", "own_review_worry", 1, "chat", (
        "my manager just told me I'm getting a meets-some rating | which means no bonus and probably no promo | "
        "I'm kind of gutted",
        "hé {n}, o meu gestor pôs-me num plano de melhoria de desempenho | estou preocupado com o emprego",
        "me acaban de dar la evaluación, no cumple expectativas | mi jefe quiere un plan de mejora",
    )),
    ("performance", "promotion_denied_note", 1, "note", (
        "for tomorrow's 1:1 with {n}, tell him the promotion was not approved, the committee said his impact was "
        "not at staff level yet",
    )),
    # --- tax: a person's own forms and notices on screens ---
    ("tax", "w2_page", 0, "screen", (
        "W-2 Wage and Tax Statement 2024 - ADP || Employee: {n} / 1 Wages, tips, other compensation 84,212.40 / "
        "2 Federal income tax withheld 11,902.55 / 17 State income tax 4,118.20",
        "Tax Documents - Workday || Form W-2 2024 / {n} / Box 1 wages 96,450.00 / Box 2 federal withholding "
        "13,220.10 / Download PDF",
    )),
    ("tax", "irs_account", 0, "screen", (
        "Your Online Account | Internal Revenue Service || Welcome, {n} / Balance due $2,431.18 / Payment plan: "
        "installment agreement active / Next payment due May 15",
        "IRS Where's My Refund || Tax year 2024 / Return received / Refund approved: $1,284.00 / Direct deposit "
        "expected by April 22",
    )),
    ("tax", "uk_payslip_p60", 0, "screen", (
        "Payslip - March 2025 - Sage || {n} / Tax code 1257L / Gross pay 3,850.00 / PAYE tax 561.20 / National "
        "Insurance 232.40 / Net pay 2,914.18",
        "P60 End of Year Certificate || Tax year to 5 April 2025 / Employee: {n} / Pay in this employment "
        "48,200.00 / Tax deducted 7,386.00",
    )),
    ("tax", "de_lohnsteuer", 0, "screen", (
        "Ausdruck der elektronischen Lohnsteuerbescheinigung für 2024 || {n} / Bruttoarbeitslohn 61.240,00 / "
        "Einbehaltene Lohnsteuer 9.812,00 / Solidaritätszuschlag 0,00 / Kirchensteuer 612,40",
        "ELSTER - Steuerbescheid 2023 || Festsetzung / Einkommensteuer 8.410 EUR / Erstattung 742 EUR / "
        "Bescheid vom 12.06.2024",
    )),
    ("tax", "turbo_refund", 0, "screen", (
        "TurboTax - Federal Review || {n}, your federal refund is $2,118 / State refund $312 / You owe $0 / "
        "Continue to file",
    )),
    ("tax", "es_pt_portal", 1, "screen", (
        "Agencia Tributaria - Renta 2024 - Borrador || {n} / Resultado de la declaración: a devolver 684,12 EUR / "
        "Rendimientos del trabajo 31.420,00 / Confirmar borrador",
        "Portal das Finanças - IRS 2024 || {n} / Nota de liquidação / Valor a reembolsar: 512,30 EUR / Data "
        "prevista de pagamento",
    )),
    ("tax", "ca_au_notice", 1, "screen", (
        "My Account - Canada Revenue Agency || Notice of assessment 2024 / {n} / Balance owing $1,902.44 / "
        "Payment due April 30",
        "ATO online services - myGov || Notice of assessment 2024-25 / Taxable income $92,310 / Amount due to you "
        "$1,140.55",
    )),
    ("tax", "us_1099_page", 1, "screen", (
        "Form 1099-NEC 2024 - Gusto || Recipient: {n} / 1 Nonemployee compensation 38,900.00 / 4 Federal income "
        "tax withheld 0.00 / Payer's TIN",
        "Fidelity - Tax Forms 2024 || 1099-DIV / Ordinary dividends 1,204.18 / 1099-B proceeds 12,880.00 / "
        "Consolidated Form 1099 for {n}",
    )),
    ("tax", "fr_in_notice", 1, "screen", (
        "impots.gouv.fr - Mon espace particulier || Avis d'impôt 2024 sur les revenus 2023 / {n} / Revenu fiscal "
        "de référence 38 412 / Montant restant à payer 1 240 €",
        "e-Filing Income Tax Department || ITR-1 AY 2024-25 / Form 16 / Refund due ₹ 18,420 / {n}",
    )),
    # --- hard negatives: the review process and its tools, said in the same tools ---
    ("benign", "cycle_dates", 0, "voice", (
        "quick update on the review cycle | self reviews open on the third, manager reviews are due the fourteenth "
        "| and calibration | the week after, ratings lock on the twenty-eighth",
        "for the mid-year cycle we're dropping the peer feedback step | managers still write a short summary | "
        "okay I'll update the calendar invite",
    )),
    ("benign", "review_tool_bug", 0, "chat", (
        "the rating field in the review form doesn't save when the comment box is empty | can you file a bug "
        "against the performance module | on it",
        "Lattice export drops the calibration column for managers with more than 50 reports | repro steps in the "
        "ticket",
        "stuck on the sick leave accrual bug, can you pair after lunch?",
    )),
    ("benign", "pip_template", 0, "chat", (
        "can we add a PIP template to the HRIS so managers stop using old word docs | sure, I'll ask the vendor "
        "whether custom forms are supported",
        "the promotion packet form needs a field for the sponsor's name | let's add it before the cycle opens",
    )),
    ("benign", "feedback_prompt_tool", 0, "prompt", (
        "write a python function that validates a performance review form: rating must be 1 to 5 and the comment "
        "at least 50 characters",
        "summarise best practices for running a fair calibration meeting across 12 engineering teams",
    )),
    ("benign", "tax_software_screen", 0, "screen", (
        "PAY-4412 W-2 box 12 codes misaligned in PDF export - Jira || Status: In progress / Assignee: {n} / Box 12 "
        "codes shift one row when more than four are present / Fix version 3.8",
        "payroll-engine - withholding.py - GitHub || def federal_withholding(gross, allowances): / bracket = "
        "BRACKETS_2024[filing_status] / return round(tax, 2)",
    )),
    ("benign", "process_note", 0, "note", (
        "remember to send the calibration deck to the leadership team and book the room for Thursday",
    )),
    ("benign", "cycle_planning", 1, "chat", (
        "promotion nominations close Friday | the committee meets on the 9th, I'll send the rubric | thanks, "
        "is the rubric the same as last year",
        "heads up, the performance review tool will be down Saturday for the upgrade | managers should save drafts "
        "before then",
    )),
    ("benign", "review_feature_call", 1, "voice", (
        "for the new review module we want managers to see last cycle's rating next to the form | privacy might "
        "object to that | let's ask legal before the sprint",
        "the feedback widget has a 500 character limit and people keep hitting it | can we raise it to 2000 | "
        "sure, it's just a config change",
    )),
    ("benign", "tax_ops_screen", 1, "screen", (
        "Year-end forms - Payroll admin || 1,284 W-2s generated / 3 failed validation: missing state ID / "
        "Corrections due before January 31 / Re-run batch",
        "HMRC RTI submissions - Payroll dashboard || FPS accepted for March / EPS due 19 April / 2 employees "
        "with tax code errors / View log",
    )),
    ("benign", "tax_dev_chat", 1, "chat", (
        "the 1099 threshold changed to 600, can you update the config and the tests | done, PR is up",
        "the refund estimate widget rounds down twice | I'll fix it in the tax calculator service today",
    )),
    ("benign", "ai_prompt_hr_doc", 1, "prompt", (
        "draft an announcement that the annual review cycle starts next Monday and self reviews are due in two "
        "weeks",
    )),
)
