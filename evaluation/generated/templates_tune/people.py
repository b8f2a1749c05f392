"""Tuning family, fifth batch: performance matters of a named person or of oneself, and medical
matters with few or no medical terms, typed (key events) and talked. Performance: a manager's notes
on a report, peer feedback, calibration talk, ratings with names, attendance and disciplinary steps,
denied promotions, an HR chat about a warning letter, a 1:1 call about someone's underperformance.
Medical: lab-value and dosage searches, refills, booking forms, sick-leave messages, a parent's
diagnosis in a chat, therapy scheduling, results portals. Hard negatives in the same kinds: system
performance (latency, regressions, benchmarks, load tests), review-cycle configuration, HR-software
tickets, EHR engineering and health-app QA with test data; and plain work. Written apart from the
other batches and the train, dev and test families; its own seed."""
import re

from evaluation.generated.records import TextRecipe as R

SEED = 20261207

_DOCS = (("Google Docs", "Team notes - Google Docs", "https://docs.google.com/document/d/{num}/edit"),
         ("Notion", "1:1 {p2.first} / {p1.first}", ""), ("Notes", "Notes", ""), ("Microsoft Word", "Document1", ""),
         ("Confluence", "Manager notes - Confluence", ""), ("Obsidian", "people - Obsidian", ""))
_HRIS = (("Google Chrome", "Performance - Workday", "https://wd5.myworkday.com/initech/d/task/{num}.htmld"),
         ("Google Chrome", "Reviews - Lattice", "https://initech.latticehq.com/reviews/{num}"),
         ("Microsoft Edge", "Feedback - 15Five", ""), ("Google Chrome", "Culture Amp", "https://initech.cultureamp.com/"),
         ("Firefox", "BambooHR", ""))
_DM = (("Slack", "{p2.first} {p2.last} (DM) - Initech", ""), ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""),
       ("Slack", "hr-help - Initech", ""), ("Signal", "Signal", ""))
_MAIL = (("Outlook", "Untitled - Message (HTML)", ""), ("Google Chrome", "Compose Mail - Gmail", "https://mail.google.com/mail/u/0/#inbox"),
         ("Mail", "New Message", ""))
_CALL = (("Zoom", "Zoom Meeting", ""), ("Microsoft Teams", "Call with {p2.full} | Microsoft Teams", ""),
         ("Google Meet", "Meet - calibration", "https://meet.google.com/{invite}"), ("Phone", "Call", ""),
         ("Otter", "Notes - Otter.ai", ""))
_SEARCH = (("Google Chrome", "Google", "https://www.google.com/"), ("Safari", "Start Page", ""),
           ("Firefox", "DuckDuckGo", "https://duckduckgo.com/"), ("Microsoft Edge", "New tab", ""))
_FORMS = (("Google Chrome", "Book an appointment - Zocdoc", "https://www.zocdoc.com/"),
          ("Safari", "Refill request - Walgreens", ""), ("Google Chrome", "Test results - MyChart", ""),
          ("Google Chrome", "Request time off - Workday", ""), ("Firefox", "Online booking - Practice", ""))
_AI = (("Google Chrome", "ChatGPT", "https://chatgpt.com/"), ("Arc", "Claude", "https://claude.ai/new"),
       ("Microsoft Edge", "Copilot", ""))
_CODE = (("Visual Studio Code", "{word}.py - {repo}", ""), ("Terminal", "zsh - {repo}", ""),
         ("IntelliJ IDEA", "{repo} - ReviewCycleService.kt", ""), ("Grafana", "API latency - Grafana", ""))
_TICKETS = (("Google Chrome", "{ticket} - Jira", "https://initech.atlassian.net/browse/{ticket}"), ("Linear", "New issue - Linear", ""),
            ("Google Chrome", "Pull request - GitHub", "https://github.com/initech/{repo}/pull/{num}"))
_WORK_CALL = (("Zoom", "Perf sync", ""), ("Microsoft Teams", "Incident review | Microsoft Teams", ""),
              ("Google Meet", "Meet - EHR integration", "https://meet.google.com/{invite}"))


def _spoken(lines: tuple[str, ...]) -> tuple[str, ...]:
    """Lines as speech recognition writes them: lower case, no punctuation (slots kept)."""
    return tuple("".join(part if part.startswith("{") else re.sub(r"[.,;:!?()\"]", "", part.lower())
                         for part in re.split(r"(\{[\w.]+\})", line)) for line in lines)


# ---- performance of a named person, typed -----------------------------------------------------
_MGR_NOTES = (
    "{p3.first} missed his Q3 targets again, PIP discussion Friday",
    "{p3.first}: two late deliveries this month, talked about it, agreed on weekly check-ins",
    "- {p3.full} rated below expectations by 3 of 4 peers\n- start documenting for HR",
    "{p3.first} has been late to standup 6 times in 3 weeks, need to raise attendance",
    "talk to HR re {p3.first} - second written warning or straight to final?",
    "{p3.first} not ready for senior, holding promo until next cycle",
    "notes: {p3.first} quality of code reviews has dropped, seems disengaged, ask if anything going on",
    "{p3.full} - meets expectations, {p4.full} - exceeds, {p2.first} - needs improvement",
)
_SELF_TOOL = (
    "My biggest miss this cycle was the onboarding revamp, I underestimated it and shipped 6 weeks late",
    "I think I performed at a meets level, I'd like to grow into leading the platform work",
    "Areas to improve: I need to speak up more in design reviews and delegate better",
    "I struggled in the first half after my team changed, my output dropped and I own that",
    "Accomplishments: cut our cloud bill 18%. Challenges: missed two sprint commitments",
)
_PEER = (
    "{p3.first} is great technically but often misses deadlines without telling anyone",
    "I'd like to see {p3.first} take more ownership, I usually have to chase her for updates",
    "Working with {p3.first} has been hard, he dismisses feedback in reviews and the team avoids him",
    "{p3.first} consistently exceeds, she should be promoted this cycle",
)
_HR_CHAT = (
    "hi, I got a letter saying it's a formal warning for my attendance, can I appeal?",
    "can you tell me how long the final written warning stays on {p3.first}'s record",
    "I need to start a disciplinary for one of my reports, {p3.full}, what's the process",
    "is my probation going to be extended? my manager hinted at it",
    "we're letting {p3.first} go at the end of the month, can you prep the paperwork",
    "I was told I'm being demoted to L3 after the reorg, is that allowed",
)

# ---- performance, talked ----------------------------------------------------------------------
_ONE_ON_ONE = (
    "so I need to talk about {p3.first}, the last two sprints he has delivered maybe half of what he committed",
    "the feedback from the team is that you haven't been pulling your weight since march",
    "I'm worried about {p3.first}, the quality has really slipped and customers are noticing",
    "if things don't improve in the next 30 days we'll have to move to a formal plan",
    "you were late eight times last month, that's something we have to address",
)
_CALIBRATION = (
    "I'd put {p3.first} at partially meets, the delivery just wasn't there this half",
    "I can't support {p3.first} for promotion, she hasn't shown the scope yet",
    "{p3.first} should come down from exceeds to meets, the impact isn't at that level",
    "we have to land two people at does not meet, I'd nominate {p3.first} and {p4.first}",
    "{p3.first} is a flight risk if we don't promote him this round",
)
_PERF_AI = (
    "help me write a warning email to {p3.first} about repeated missed deadlines",
    "draft talking points for telling my report she did not get promoted",
    "rewrite this feedback for {p3.first} so it's kinder: you don't finish what you start",
    "how do I document poor performance before putting someone on a PIP",
)

# ---- medical, typed (few terms) ----------------------------------------------------------------
_MED_SEARCH = (
    "tsh level meaning", "alt 68 normal range", "a1c 6.1 results", "ldl 190 what does it mean", "ferritin 8 low",
    "how much ibuprofen can i take in a day", "can i take tylenol with lisinopril", "psa 5.2 at 55",
    "egfr 52 stage", "hcg levels 4 weeks", "500mg twice a day missed dose", "vitamin d 12 ng/ml",
)
_MED_FORMS = (
    "Reason for visit: follow up on blood pressure, dizziness in the mornings",
    "Refill: atorvastatin 20 mg, 90 day supply, pickup at Main St store",
    "Preferred time: mornings. Reason: annual physical + knee still swollen",
    "Medication: lamotrigine 100mg. Remaining refills: 0. Please contact prescriber",
    "Reason for absence: doctor's appointment (hospital), 2 days",
)
_MED_MSG = (
    "can't make it in today, running a fever and can barely get out of bed",
    "my dad got his diagnosis back, it's stage 2, they want to start chemo next month",
    "heading out at 3 for my therapy appointment, back online at 5",
    "need to move my session with my counselor to thursday",
    "my results came back, iron is really low so that explains the tiredness",
    "mum's in hospital again, the heart thing, I'll be offline tomorrow",
    "the doctor upped my dose again, I'm so foggy",
)
_MED_TALK = (
    "my mum had a fall last week and they found a fracture, I'm driving up to see her tomorrow",
    "the doctor said my cholesterol is high and wants me on statins",
    "I've been seeing someone for my anxiety every two weeks, it helps",
    "I'm waiting on scan results, they think it might be a cyst",
    "I'm pregnant, I'll tell the team next month but wanted you to know first",
)

# ---- hard negatives ---------------------------------------------------------------------------
_SYSTEM_PERF = (
    "p95 latency review: checkout-api regressed from 180ms to 420ms after the deploy",
    "performance regression in the search indexer, bisect points to the new tokenizer",
    "benchmark: throughput dropped 12% on the arm instances, rerun with warm caches",
    "perf: memoize the rating lookup, it was 40% of the profile",
    "load test results: the service misses its SLO target above 3k rps",
    "{ticket} underperforming shard db-prod-3 needs rebalancing",
)
_HR_SOFTWARE = (
    "{ticket}: review cycle config ignores the calibration deadline for managers in EMEA",
    "bug: PIP template renders the employee name twice in the warning letter preview",
    "feat: add 'meets expectations' to the rating scale enum and migrate old values",
    "SELECT rating, count(*) FROM performance_reviews WHERE cycle = '2026H2' GROUP BY rating",
    "test_promotion_denied_sends_notification fails on the attendance policy fixture",
    "review_cycle.yaml: set self_review_due to 14 days before calibration",
)
_HEALTH_ENG = (
    "EHR integration: the HL7 feed drops the TSH observation when the unit is missing",
    "QA: test patient Jane Testcase, dose 500mg twice a day, the refill button stays disabled",
    "fix(labs): normal range for ALT shown in wrong units in the results view",
    "{ticket}: appointment booking form accepts a reason for visit longer than 500 chars",
    "seed data: 20 fake patients with a1c results between 5.0 and 9.0",
    "the dosage calculator rounds 2.5 mg to 3 mg, add a unit test",
)
_WORK_TALK = (
    "the p95 is still too high, we missed the latency target again this week",
    "our review cycle config is broken for the new tenants, calibration dates are empty",
    "the clinics want the lab results view to show the normal range next to each value",
    "the performance of the new cluster is below expectations, let's bring in the vendor",
    "QA used fake patients for the refill flow and it passed on staging",
)
_PLAIN = (
    "can we push the sync to 3? running over", "LGTM, merging once CI is green", "Agenda: roadmap, hiring plan, offsite",
    "npm run build && npm test", "thanks {p2.first}, I'll take a look after lunch",
)
_PLAIN_SAY = ("let's look at the roadmap first", "the release is going out tomorrow morning",
              "can you share the doc in the chat", "I'll follow up with the vendor")


def _typed(category: str, name: str, contexts: tuple, lines: tuple, hard: bool = False) -> R:
    group = "about" if hard else category
    return R(f"tune5_{group}_{name}", "keystrokes", category, contexts, lines, hard_negative=hard)


def _talked(category: str, name: str, lines: tuple, source: str = "voice", contexts: tuple = _CALL,
            hard: bool = False) -> R:
    """A call or chat (2-4 turns) or one assistant prompt."""
    group = "about" if hard else category
    if source == "ai_prompt":
        return R(f"tune5_{group}_{name}", "transcript", category, _AI, lines, source=source, speakers="roles",
                 turns=(1, 1), hard_negative=hard)
    return R(f"tune5_{group}_{name}", "transcript", category, contexts,
             _spoken(lines) if source == "voice" else lines, source=source, speakers="first", turns=(2, 4),
             hard_negative=hard)


CATEGORY_RECIPES = (
    _typed("performance", "mgr_notes", _DOCS, _MGR_NOTES),
    _typed("performance", "self_tool", _HRIS, _SELF_TOOL),
    _typed("performance", "peer", _HRIS, _PEER),
    _typed("performance", "hr_chat", _DM, _HR_CHAT),
    _talked("performance", "one_on_one", _ONE_ON_ONE),
    _talked("performance", "calibration", _CALIBRATION),
    _talked("performance", "hr_dm", _HR_CHAT, source="chat", contexts=_DM),
    _talked("performance", "ai", _PERF_AI, source="ai_prompt"),
    _typed("medical", "search", _SEARCH, _MED_SEARCH),
    _typed("medical", "forms", _FORMS, _MED_FORMS),
    _typed("medical", "msg", _DM + _MAIL, _MED_MSG),
    _talked("medical", "talk", _MED_TALK),
    _talked("medical", "chat", _MED_MSG + _MED_TALK[:3], source="chat", contexts=_DM),
    _typed("benign", "system_perf", _CODE + _TICKETS, _SYSTEM_PERF, hard=True),
    _typed("benign", "hr_software", _TICKETS + _CODE[:3], _HR_SOFTWARE, hard=True),
    _typed("benign", "health_eng", _TICKETS + _CODE[:2], _HEALTH_ENG, hard=True),
    _talked("benign", "work_call", _WORK_TALK, contexts=_WORK_CALL, hard=True),
    _talked("benign", "work_chat", _SYSTEM_PERF[:3] + _HEALTH_ENG[:3], source="chat", contexts=_DM[:2], hard=True),
    R("tune5_plain_typed", "keystrokes", "benign", _MAIL + _DOCS[:2], _PLAIN),
    R("tune5_plain_voice", "transcript", "benign", _CALL, _PLAIN_SAY, source="voice", speakers="first"),
)
