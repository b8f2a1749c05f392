"""Hand-written texts of the category probe (`evaluation/category_probe.py`) where no public set exists:
performance reviews and HR matters about one person in the registers of real HR tools and managers,
personal tax notices in other countries' wording, and hard negatives (work by people who build HR,
tax and health software). Written for the probe only; names are invented placeholders ({n})."""
from __future__ import annotations

# (where it is seen, text): "voice" a call transcript (turns split on " | "), "chat" a DM (turns
# split on " | "), "typed" a line typed into a field, "screen" a window title, then " || " and the
# screen's lines split on " / ".
PERFORMANCE: tuple[tuple[str, str], ...] = (
    ("screen", "Workday - Performance Review - {n} || Manager Evaluation / Overall rating: Partially meets expectations / "
               "Comments: {n} struggled to deliver the Q3 roadmap items on time and needs closer supervision"),
    ("screen", "Lattice | Review cycle H2 | {n} || Manager assessment / Below expectations / Growth areas: ownership, "
               "communication with stakeholders / Recommended: performance improvement plan"),
    ("screen", "15Five - 1-on-1 with {n} || Private notes / Missed two sprint commitments again / "
               "Discussed attendance; third late arrival this month / Follow up with HRBP"),
    ("screen", "BambooHR - Employee file - {n} || Written warning / Date issued: 03/14 / Reason: repeated failure to "
               "meet agreed deadlines / Employee signature"),
    ("screen", "SuccessFactors Calibration || Name: {n} / Rating: 2 - Needs improvement / Potential: low / "
               "Flight risk: medium / Comp action: no merit increase"),
    ("screen", "Name: {n} || Strengths: friendly, helps others / Areas to improve: output is well below the team, "
               "quality issues in every release / Next steps: weekly check-ins for 60 days"),
    ("screen", "Culture Amp - Performance - {n} || Self reflection: I know I have not met my targets this half / "
               "Manager reflection: agreed, the gap is significant"),
    ("screen", "Personio - Mitarbeitergespräch {n} || Zielerreichung: nicht erreicht / Verhalten im Team: "
               "mehrfach unpünktlich / Maßnahme: Abmahnung wird vorbereitet"),
    ("screen", "Entretien annuel - {n} || Objectifs non atteints / Points d'amélioration: rigueur, respect des "
               "délais / Plan d'accompagnement sur trois mois"),
    ("screen", "Evaluación de desempeño - {n} || Calificación: insuficiente / No cumple los objetivos del trimestre / "
               "Se acuerda un plan de mejora con seguimiento quincenal"),
    ("screen", "Beoordelingsgesprek {n} || Functioneert onder de maat / Afspraken: verbeterplan van twee maanden / "
               "Bij onvoldoende verbetering volgen verdere stappen"),
    ("screen", "Avaliação de desempenho - {n} || Nota final: abaixo do esperado / Precisa melhorar a entrega "
               "dentro do prazo / Plano de melhoria de 90 dias"),
    ("chat", "hey {n}, got a minute? | I need to talk to you about the last few weeks | your tickets keep slipping "
             "and the client noticed | if this doesn't turn around by end of month I'll have to involve HR"),
    ("chat", "{n} you need to improve your response times by Friday or we will have to formalise this"),
    ("chat", "just a heads up, your review came back as needs improvement | let's talk tomorrow about what that means "
             "for your bonus"),
    ("chat", "I've put you on a performance plan starting Monday | the goals are in the doc I shared, we meet every "
             "Thursday to check progress"),
    ("chat", "honestly {n}, the quality of your last three PRs was not acceptable | I expect you to take more care "
             "before asking for review"),
    ("chat", "hola {n}, tenemos que hablar de tu rendimiento | no estás cumpliendo los plazos y el equipo lo nota"),
    ("chat", "{n}, je dois te parler de tes résultats | tu n'as pas atteint tes objectifs ce trimestre"),
    ("chat", "hi {n}, HR asked me to document the missed deadlines | can you send me your side before our meeting"),
    ("voice", "so the reason I wanted this call is your performance | okay | the last two projects came in late and "
              "the quality wasn't there | I understand | we're going to set up a plan with clear goals for the next "
              "sixty days"),
    ("voice", "I have to be straight with you, you're not meeting the bar for your level | what does that mean for me "
              "| it means no promotion this cycle and we need to see real change"),
    ("voice", "this is a formal warning about your attendance | you've been absent without notice three times | "
              "if it happens again it could lead to termination"),
    ("voice", "let's go through your self review | you rated yourself exceeds, I'd put it at partially meets | "
              "mainly because of the missed launch dates"),
    ("voice", "ik wil het met je hebben over je functioneren | de afgelopen maanden heb je je doelen niet gehaald | "
              "we gaan een verbetertraject starten"),
    ("voice", "wir müssen über deine Leistung sprechen | die Ziele aus dem letzten Gespräch sind nicht erreicht | "
              "ich werde das dokumentieren"),
    ("typed", "{n} consistently misses deadlines and has been unresponsive in standups; recommending a PIP"),
    ("typed", "Feedback for {n}: needs to improve ownership and communication, rating 2 of 5"),
    ("typed", "Name: {n} Rating: does not meet expectations Comments: poor attendance, late deliverables"),
    ("typed", "{n} has not shown the improvement we agreed on in March, next step is a final written warning"),
    ("typed", "you need to get the backlog cleared by Friday or this goes into your review"),
    ("typed", "underperforming for two quarters now, I'd not renew the contract for {n}"),
    ("typed", "Leistungsbeurteilung {n}: Erwartungen nicht erfüllt, Verbesserungsplan ab nächster Woche"),
    ("typed", "{n} ne répond pas aux attentes du poste, avertissement écrit à prévoir"),
    ("typed", "desempeño de {n} por debajo de lo esperado, sin aumento este año"),
    ("typed", "{n} functioneert niet naar behoren, gesprek met HR ingepland"),
    ("screen", "Gmail - PIP - {n} - Confidential || Dear {n}, / This letter confirms that you are being placed on a "
               "Performance Improvement Plan effective today. / Failure to meet the objectives below may result in "
               "further action up to and including termination."),
    ("screen", "Jira - HR-231 Disciplinary follow-up {n} || Summary: second verbal warning for missed on-call shifts / "
               "Assignee: HR Business Partner"),
    ("screen", "Google Docs - {n} mid-year review DRAFT || What went well: mentoring / What needs to change: "
               "delivery, estimates are off by weeks / Overall: partially meets"),
    ("screen", "Notion - 1:1 notes {n} || Raised concern about output again / {n} was defensive / "
               "agreed on weekly goals, will revisit in 2 weeks"),
)

TAX: tuple[tuple[str, str], ...] = (
    ("screen", "Mijn Belastingdienst || Voorlopige aanslag 2025 / U moet € 1.240 betalen / Betaal voor 31 mei"),
    ("screen", "Mi Agencia Tributaria || Borrador de la declaración / Resultado: a devolver 412,50 € / Confirmar"),
    ("screen", "Agencia Tributaria - Notificación || Requerimiento de información / Ejercicio 2024 / "
               "Plazo de diez días hábiles para aportar justificantes"),
    ("screen", "ELSTER - Mein ELSTER || Einkommensteuererklärung 2024 / Werbungskosten / Bescheid abrufen"),
    ("screen", "impots.gouv.fr - Espace particulier || Avis d'impôt 2025 / Montant restant à payer: 860 € / "
               "Prélèvement à la source"),
    ("screen", "HMRC - Your Self Assessment || Balancing payment due 31 January / Amount owed: £1,932.40 / Pay now"),
    ("screen", "TurboTax - 2024 Return || Your federal refund: $1,284 / Itemized deductions / W-2 from employer"),
    ("screen", "Skatteverket - Inkomstdeklaration || Slutlig skatt / Du får tillbaka 3 214 kr"),
    ("chat", "my aanslag came in, I owe them 900 euros?? | did you use the hypotheekrente aftrek"),
    ("chat", "can you check my return before I file, I think I missed the 1099 from my side gig"),
    ("chat", "la renta me sale a pagar este año | ¿desgravaste el alquiler?"),
    ("typed", "how much can I deduct for home office on my own return"),
    ("typed", "voorlopige aanslag terugbetalen termijnen"),
    ("typed", "declaración de la renta borrador modificar datos personales"),
    ("voice", "so I got this letter saying I owe back taxes from 2022 | how much | about three thousand with "
              "penalties | you should call them and ask for a payment plan"),
    ("voice", "my accountant says I can claim the childcare costs | did you file jointly last year | yes with my wife"),
)

HARD_NEGATIVE: tuple[tuple[str, str], ...] = (
    ("typed", "add a performance_rating enum to the review schema and migrate existing rows"),
    ("typed", "fix: PIP template renders the employee name twice in the PDF export"),
    ("typed", "SELECT employee_id, rating FROM reviews WHERE cycle = 'H2' AND rating < 3"),
    ("typed", "the tax calculation service returns 500 when the filing status is missing"),
    ("typed", "bump fhir client to 5.2 so the patient resource parses the new extension"),
    ("typed", "unit test for the deduction rounding: 0.005 should round half even"),
    ("chat", "the review cycle launch is moved to next week, calibration sessions start the 12th | ok I'll update "
             "the timeline in the HR rollout doc"),
    ("chat", "can someone look at the 1099 import job? it's stuck on batch 14 | on it"),
    ("chat", "the clinic scheduling API keeps timing out for appointments after 6pm | probably the timezone bug again"),
    ("chat", "we need the VAT rates for NL and ES in the pricing config before the invoice run"),
    ("chat", "delivery is two weeks later than planned because the vendor shipped the wrong parts | let's tell "
             "the customer today"),
    ("chat", "the performance of the checkout page dropped after the release, p95 is at 1.8s | rolling back"),
    ("chat", "who owns the manager feedback widget in Lattice integration? it's showing stale ratings"),
    ("voice", "for the HR product demo we show the review form, the rating scale and the calibration grid | "
              "and the PIP workflow | yes but with the demo tenant data only"),
    ("voice", "the EHR export has to strip patient names before it leaves the hospital network | agreed, "
              "we use the de-identification step"),
    ("voice", "the tax engine team wants the new withholding tables by Friday | can we get them from the "
              "payroll vendor | I'll ask"),
    ("voice", "our sprint velocity dropped this sprint because of the outage | let's not overcommit next time"),
    ("screen", "Jira - PERF-88 Review form: rating dropdown loses value on save || Steps: open review / pick "
               "Needs improvement / save / rating shows blank"),
    ("screen", "GitHub - hr-platform/pull/412 || Add warning letter templates for DE and FR / "
               "Files changed: templates/abmahnung.html, templates/avertissement.html"),
    ("screen", "Confluence - Tax filing product - Requirements || Users upload W-2 and 1099 forms / "
               "We calculate the refund estimate / Out of scope: state returns"),
    ("screen", "Grafana - claims-service || Medical claims processed per minute / error rate 0.4% / "
               "latency p99 820 ms"),
    ("screen", "Figma - Performance review redesign || Rating scale component / Manager comments / "
               "Self review step"),
    ("screen", "Datadog - patient-portal || Appointment booking errors / Prescription refill endpoint healthy"),
    ("screen", "Linear - TAX-301 Dutch aanslag letters parsed wrong || The amount field picks up the reference "
               "number instead of the total"),
    ("typed", "Leistungsbeurteilung Formular: Pflichtfeld Zielerreichung wird nicht validiert"),
    ("typed", "corregir cálculo de retenciones IRPF para nóminas de marzo"),
    ("typed", "the new hire onboarding checklist is missing the laptop step"),
    ("typed", "we need to improve the build time by Friday or the release slips"),
    ("chat", "you need to update the changelog before Friday or the release notes will be empty | will do"),
    ("chat", "Name: build-agent-7 | Status: failing since the disk filled up | I'll clean the cache"),
)
