"""Tuning family recipes: own tax and performance matters told in work tools, and work about tax and
HR products told in the same tools, each matter in several frames (chat, mail, call, assistant,
notes)."""
from evaluation.generated.records import TextRecipe as R

_CHAT = (("Slack", "{p2.full} (DM) - Globex", ""), ("Microsoft Teams", "{p2.first} {p2.last} | Chat", ""),
         ("Google Chat", "Chat with {p2.first}", ""), ("Discord", "@{p2.handle}", ""),
         ("Slack", "#random · {company}", ""), ("Webex", "{p2.full} | Webex", ""))
_CALL = (("Zoom", "Zoom Workplace", ""), ("Google Meet", "Meet - 1:1 {p2.first} / {p1.first}", ""),
         ("Microsoft Teams", "Call | {p2.full}", ""), ("Slack", "Huddle with {p2.first}", ""))
_MAIL = (("Outlook", "RE: quick question - Outlook", ""), ("Gmail", "Inbox (3) - {p1.email} - Gmail", ""),
         ("Superhuman", "Draft", ""), ("Apple Mail", "Re: Friday", ""))
_BOT = (("Google Chrome", "ChatGPT", "https://chatgpt.com/c/{num}"), ("Safari", "Claude", "https://claude.ai/chat/{num}"),
        ("Microsoft Edge", "Microsoft Copilot", ""), ("Firefox", "Perplexity", "https://www.perplexity.ai/"))
_NOTES = (("Notion", "Notes · {p1.first}'s workspace", ""), ("Google Docs", "Untitled document - Google Docs", ""),
          ("Obsidian", "inbox.md - vault", ""), ("Apple Notes", "Notes", ""))
_DOCS = (("Google Chrome", "{ticket} - Jira", ""), ("Notion", "RFC: {repo} - Notion", ""),
         ("Visual Studio Code", "README.md - {repo}", ""), ("Google Chrome", "Pull Request #{num} · {repo} · GitHub", ""),
         ("Confluence", "How-to: {repo} - Confluence", ""), ("Linear", "{ticket} - Linear", ""))

_SAY = ("{m}", "ok so {m}", "random but {m}", "{m} :(", "{m}, any advice?", "btw {m}", "{m}. kind of stressed about it",
        "can't focus, {m}", "{m} - will explain later")
_WRITE = ("Hi {p2.first},\n{m}. Could we talk tomorrow?\n{p1.first}", "{p2.first}, {m}. Sorry for the short notice.",
          "Hello,\n{m}.\nBest regards,\n{p1.full}")
_ASK = ("{m}. how should I handle this?", "explain what to do: {m}", "draft an email about this: {m}",
        "{m} - what are my options?")
_NOTE = ("todo: {m}", "{date}: {m}", "- {m}\n- follow up next week")
_WORK = ("{ticket} {m}", "can someone pair on {m}?", "{m} is blocked on legal review", "PR for {m} is up, {num} files changed",
         "customer escalation about {m}, {num} accounts hit", "spec for {m} is ready for comments",
         "{m}: fixed in v{num}.2", "reminder: {m} ships on {date}")
_WORK_ASK = ("write unit tests for {m}", "summarize the open issues on {m}", "draft a changelog entry for {m}")
_WORK_NOTE = ("{m} - estimate {num} points", "{date} standup: {m}", "- {m}\n- owner: {p3.first}")

_TAX = ("my second quarter estimated payment to the IRS is late", "I got a CP2000 notice saying I underreported income",
        "the county reassessed our house and our property tax bill jumped", "HMRC says I owe money on my self assessment",
        "my P60 has the wrong tax code and I've been on emergency tax since {date}",
        "I'm waiting for my P45 before the new payroll can fix my tax code",
        "I still have to submit the VAT return for my side business", "the ATO is reviewing my tax return from last year",
        "CRA sent me a notice of reassessment and disallowed my moving expenses",
        "I need to finish my Steuererklärung, the Finanzamt sent a reminder",
        "my accountant thinks I'm a tax resident of two countries this year",
        "they want proof my son lived with us for the child tax credit",
        "I have a meeting with the tax auditor about my {num} return",
        "I filed an extension because my K-1 from the partnership is late again",
        "I'm on an installment agreement for back taxes", "my tax refund was offset for an old debt",
        "I got hit with the alternative minimum tax after exercising my options",
        "I have to file an FBAR for my savings account abroad", "someone already filed a return using my SSN",
        "my wages are being garnished for unpaid state taxes", "I have to pay my council tax arrears before the court date",
        "I overpaid tax through PAYE and I'm claiming it back", "my 1099-MISC from the consulting gig never arrived",
        "I claimed the home office deduction and now they want receipts",
        "I need to amend my return, I forgot the crypto sales", "my state tax refund is stuck in review",
        "I received a tax bill of {num}00 euros from the tax office", "I owe capital gains tax after selling the flat")
_PERFORMANCE = ("HR set up a disciplinary hearing with me on Monday",
                "my probation got extended by three months after the probation review",
                "I got a 2 out of 5 in my annual review and no bonus",
                "{p3.first} is on a performance improvement plan, keep it out of standup",
                "I'm not getting promoted this cycle, again", "calibration moved {p3.first} down to needs improvement",
                "the 360 feedback on {p3.first} says he talks over junior engineers",
                "I'm writing up {p3.first}'s missed deadlines before her PIP check-in",
                "we're letting {p3.first} go at the end of the month", "my role is at risk of redundancy",
                "I got a first written warning that stays on file for a year",
                "I want to appeal the decision to deny my promotion",
                "I've been invited to a capability meeting about my performance",
                "my manager says I lack ownership in my review and I disagree",
                "I have 30 days on my PIP to improve my velocity",
                "{p3.first} keeps missing sprint commitments and I need to document it for HR",
                "I was ranked in the bottom 10 percent this year", "{p3.first} is below the bar for senior",
                "my review says inconsistent delivery and my merit increase is zero",
                "the investigation found the complaints against {p3.first} were substantiated",
                "{p3.first} is on gardening leave until the investigation ends",
                "we're moving {p3.first} out of the lead role, she isn't meeting expectations",
                "I got rated partially achieved for the first time", "my manager says I'm not ready for the next level",
                "{p3.first} got a verbal warning for being rude to a customer",
                "I'm being let go on Friday with two months of severance",
                "the promo committee turned down my packet", "I need to fire {p3.first} after three no-call no-shows",
                "my skip level wants to discuss my low rating", "{p3.first}'s manager flagged her as a low performer")

_WORK_TAX = ("the HMRC Making Tax Digital integration", "VAT return export in the invoicing app",
             "the estimated tax payment reminder emails", "the IRS e-file schema update for {date}",
             "property tax assessment import for the county data", "the 1099-K threshold change in the payouts service",
             "the tax residency field on the vendor profile", "CRA and ATO rate tables in the payroll engine",
             "the W-2 correction workflow for employers", "the notice of assessment OCR parser",
             "child tax credit eligibility rules in the benefits calculator", "the audit trail export for the tax team",
             "the self assessment deadline banner in the UK app", "installment agreement status in the support tool")
_WORK_PERFORMANCE = ("the probation period field in the HRIS", "the disciplinary case template in the ER tool",
                     "the calibration grid export in Lattice", "performance review reminders for managers",
                     "the PIP document template in Workday", "the promotion nomination form",
                     "the 360 feedback survey questions", "stack ranking removal from the review tool",
                     "the redundancy of the primary database", "the rating scale labels for the {num} cycle",
                     "the written warning letter template for HR", "the attrition dashboard in Looker",
                     "the performance budget for the checkout page", "review cycle timeline and manager training")


def _lines(frames: tuple[str, ...], matters: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(frame.replace("{m}", matter) for frame in frames for matter in matters)


def _own(category: str, matters: tuple[str, ...]) -> tuple[R, ...]:
    return (R(f"tune_own_{category}_chat", "transcript", category, _CHAT, _lines(_SAY, matters), turns=(1, 2)),
            R(f"tune_own_{category}_call", "transcript", category, _CALL, _lines(_SAY, matters), source="voice",
              speakers="first", turns=(1, 2)),
            R(f"tune_own_{category}_mail", "keystrokes", category, _MAIL, _lines(_WRITE, matters)),
            R(f"tune_own_{category}_ask", "transcript", category, _BOT, _lines(_ASK, matters), source="ai_prompt",
              speakers="roles", turns=(1, 1)),
            R(f"tune_own_{category}_note", "keystrokes", category, _NOTES, _lines(_NOTE, matters)))


def _about(name: str, matters: tuple[str, ...]) -> tuple[R, ...]:
    return (R(f"tune_work_{name}_chat", "transcript", "benign", _CHAT, _lines(_WORK, matters), hard_negative=True),
            R(f"tune_work_{name}_ask", "transcript", "benign", _BOT, _lines(_WORK_ASK, matters), source="ai_prompt",
              speakers="roles", turns=(1, 1), hard_negative=True),
            R(f"tune_work_{name}_doc", "keystrokes", "benign", _DOCS, _lines(_WORK_NOTE + _WORK, matters),
              hard_negative=True))


CATEGORY_RECIPES = (*_own("tax", _TAX), *_own("performance", _PERFORMANCE),
                    *_about("tax", _WORK_TAX), *_about("performance", _WORK_PERFORMANCE))
