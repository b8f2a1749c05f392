"""Texts of evaluation/category_probe_work.py, written from what engineers of payroll, HR, tax and health
products type and say (hard negatives) and from a person's own matter told in those same tools (positives).

Each entry is (category, register, tool, text); `benign` entries are hard negatives. The tool says where it
was written: `code` (an IDE or a terminal, typed), `ticket` (an issue tracker, typed), `msg` (a messenger,
typed), `doc` (a document or an e-mail, typed), `search` (a search box, typed), `chat` and `voice`
(transcripts, turns split by " | "), `screen` (a window title, then " || " and the screen's lines split by
" / "). `{n}` is a person's name. Whole registers are held out (category_probe_work.HELD_REGISTERS).
"""
from __future__ import annotations

WORK: tuple[tuple[str, str, str, str], ...] = (
    # Code typed in an IDE.
    ("benign", "code", "code", "def calc_w2_box12(employee, year):\n    codes = [d for d in employee.deductions if d.w2_code]\n    return sorted(codes, key=lambda d: d.w2_code)"),
    ("benign", "code", "code", "withholding_allowance = max(0, w4.allowances - pretax_adjustments)\nfederal_tax = bracket_tax(taxable_wages - withholding_allowance)"),
    ("benign", "code", "code", "class PerformanceImprovementPlan(models.Model):\n    employee = models.ForeignKey(Employee, on_delete=models.CASCADE)\n    ends_on = models.DateField()"),
    ("benign", "code", "code", "const diagnosisCodes = encounter.diagnoses.map((d) => d.icd10Code).filter(Boolean);"),
    ("benign", "code", "code", "if (taxReturn.refundAmount > 0) {\n  scheduleDirectDeposit(taxReturn.bankAccount, taxReturn.refundAmount);\n}"),
    ("benign", "code", "code", "enum LeaveType { SICK, PARENTAL, BEREAVEMENT, MEDICAL_FMLA, JURY_DUTY }"),
    ("benign", "code", "code", "def sick_leave_balance(employee, as_of):\n    return accrued_hours(employee, as_of) - used_hours(employee, LeaveType.SICK, as_of)"),
    ("benign", "code", "code", "rating_label = {1: 'Does not meet', 2: 'Partially meets', 3: 'Meets', 4: 'Exceeds', 5: 'Outstanding'}"),
    # SQL typed in a terminal or a database client.
    ("benign", "sql", "code", "SELECT p.id, c.claim_status, c.denial_reason FROM patients p JOIN claims c ON c.patient_id = p.id WHERE c.denied_at > now() - interval '7 days';"),
    ("benign", "sql", "code", "UPDATE reviews SET overall_rating = NULL WHERE cycle_id = 42 AND submitted_at IS NULL;"),
    ("benign", "sql", "code", "select employee_id, sum(amount) as federal_withheld from payroll_tax_lines where tax_code = 'FIT' and year = 2024 group by 1 having sum(amount) < 0;"),
    ("benign", "sql", "code", "CREATE INDEX CONCURRENTLY idx_prescriptions_patient_drug ON prescriptions (patient_id, ndc_code);"),
    ("benign", "sql", "code", "select count(*) from leave_requests where type = 'sick' and status = 'pending' and created_at < current_date - 14;"),
    # Test names and test code.
    ("benign", "test", "code", "def test_pip_status_is_cleared_when_manager_closes_plan(client, manager, report):"),
    ("benign", "test", "code", "it('shows the sick leave balance after the monthly accrual job runs', async () => {"),
    ("benign", "test", "code", "def test_refund_is_negative_tax_due_when_withholding_exceeds_liability():\n    assert compute_return(wages=50000, withheld=7000).refund == 1120"),
    ("benign", "test", "code", "@Test void lowRatingRequiresManagerComment() { assertThrows(ValidationError.class, () -> review.submit(Rating.BELOW)); }"),
    ("benign", "test", "code", "test('redacts the diagnosis field in the audit log export', () => {"),
    # Commit messages typed in a terminal.
    ("benign", "commit", "code", "git commit -m \"fix: round federal withholding per pay period before the state calc\""),
    ("benign", "commit", "code", "git commit -m \"payroll: handle 1099-NEC contractors in the year-end export\""),
    ("benign", "commit", "code", "git commit -am 'Add migration for performance_reviews.calibrated_rating'"),
    ("benign", "commit", "code", "git commit -m \"hl7: keep OBX lab results that have no units instead of dropping them\""),
    ("benign", "commit", "code", "git commit -m \"leave: stop double-counting sick days when the PTO policy changes mid-year\""),
    # Issue titles and bodies typed in a tracker.
    ("benign", "issue", "ticket", "W-2 box 12 code DD missing for employees with mid-year benefit changes\nSteps: enroll in medical mid-year, run year-end, open the W-2 PDF."),
    ("benign", "issue", "ticket", "Sick leave accrual shows a negative balance for part-time employees in California"),
    ("benign", "issue", "ticket", "Review form: the 'Needs improvement' option is greyed out for managers with delegated reports"),
    ("benign", "issue", "ticket", "FHIR Observation import rejects valueQuantity without a unit code, so 30% of lab results never reach the chart"),
    ("benign", "issue", "ticket", "Tax engine returns the wrong state withholding for remote employees who moved mid-quarter"),
    ("benign", "issue", "ticket", "As an HR admin I want to export all open performance improvement plans to CSV so I can audit them"),
    ("benign", "issue", "ticket", "Patients cannot see their own prescription history in the portal after the pharmacy sync fails"),
    # Review comments on pull requests.
    ("benign", "review_comment", "ticket", "nit: rename `refund` to `estimated_refund` here, the real value only comes back from the IRS later"),
    ("benign", "review_comment", "ticket", "This query on `patients` will full-scan. Add an index on (clinic_id, dob) or this pages someone at 2am."),
    ("benign", "review_comment", "ticket", "Can we not log the diagnosis here? Even at debug level it ends up in Datadog."),
    ("benign", "review_comment", "ticket", "The rating scale should be 1-5, not 1-4: the calibration view assumes five buckets and this breaks the histogram."),
    ("benign", "review_comment", "ticket", "LGTM once the withholding test covers the supplemental wage flat rate (22%)."),
    # On-call and team chat.
    ("benign", "oncall", "chat", "payroll run for the UK entity failed at the tax step | NI contributions API is timing out, retrying now | ok ping me if it fails again"),
    ("benign", "oncall", "chat", "anyone know why the claims-adjudication worker is OOMing? | started right after the ICD-10 table refresh | looks like it loads every diagnosis code into memory"),
    ("benign", "oncall", "chat", "review-cycle reminder emails went out twice to 3k employees | rolling back the cron now | I'll write the incident note"),
    ("benign", "oncall", "chat", "heads up the 1099 generation job is stuck | the IRS FIRE upload window closes friday | I'm on it"),
    ("benign", "oncall", "chat", "medication reminders are firing an hour late for patients in Arizona | DST handling again? | yes, they don't observe it, fixing the tz lookup"),
    # Planning calls.
    ("benign", "planning", "voice", "so for Q3 the big one is self-service tax documents | people should be able to download their W-2 without opening a ticket | agreed, and the 1095-C next to it"),
    ("benign", "planning", "voice", "the performance module needs the calibration view before the review cycle opens in October | that's the hard date | can design have mocks by the fifteenth"),
    ("benign", "planning", "voice", "we talked to three clinics and all of them want lab results in the patient timeline | okay so that's the FHIR work | yeah Observation and DiagnosticReport"),
    ("benign", "planning", "voice", "next item, sick leave policy configuration | the German customers need it per federal state | and the doctor's note rule after three days"),
    ("benign", "planning", "voice", "um so the PIP workflow, right now HR tracks it in spreadsheets | we want the check-ins as tasks with reminders | and the manager sign-off at the end"),
    # Design documents.
    ("benign", "design_doc", "doc", "3.2 Storing performance ratings\nRatings are encrypted at rest. Only the manager, the skip-level and HR business partners can read calibrated ratings; self-ratings are visible to the employee."),
    ("benign", "design_doc", "doc", "Tax withholding engine v2\nGoals: per-jurisdiction rules as data, supplemental wages, reciprocity agreements.\nNon-goals: filing returns for employees."),
    ("benign", "design_doc", "doc", "Appendix B: mapping HL7 v2 ADT events to FHIR Encounter\nA01 admit -> Encounter.status in-progress; A03 discharge -> finished."),
    ("benign", "design_doc", "doc", "Problem: employees on medical leave keep getting review reminders. Proposal: pause the review task while an approved leave of type medical overlaps the cycle."),
    # Release notes.
    ("benign", "release_notes", "doc", "Release 4.12\n- Managers can add private notes to a review; employees see only the shared summary.\n- Fixed: sick-note uploads over 10 MB failed silently."),
    ("benign", "release_notes", "doc", "What's new in March: W-4 forms can be signed in the app, state tax withholding for Oregon's transit tax, faster payslip PDFs."),
    ("benign", "release_notes", "doc", "v2.8.0: patients can now book a follow-up appointment straight from the visit summary; the lab results view shows reference ranges."),
    # Support macros.
    ("benign", "support_macro", "doc", "Hi {n}, thanks for reaching out. To update your employees' tax withholding in bulk, go to Payroll > Tax settings > Import W-4s and upload the template."),
    ("benign", "support_macro", "doc", "Hello {n}, we have reset the review cycle for your organisation. Managers will get a new reminder within 24 hours and drafted reviews are kept."),
    ("benign", "support_macro", "doc", "Hi {n}, sorry for the trouble. Clinics on the Basic plan can store up to 5,000 patient records; to import more, upgrade to Pro or archive inactive patients."),
    # HL7 and FHIR resources.
    ("benign", "fhir_hl7", "code", "{\"resourceType\": \"Condition\", \"clinicalStatus\": {\"coding\": [{\"code\": \"active\"}]}, \"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"44054006\", \"display\": \"Diabetes mellitus type 2\"}]}, \"subject\": {\"reference\": \"Patient/example\"}}"),
    ("benign", "fhir_hl7", "code", "MSH|^~\\&|LAB|GENHOSP|EHR|GENHOSP|202406011230||ORU^R01|MSG00001|P|2.5\nOBX|1|NM|2345-7^Glucose^LN||182|mg/dL|70-99|H|||F"),
    ("benign", "fhir_hl7", "code", "{\"resourceType\": \"MedicationRequest\", \"status\": \"active\", \"medicationCodeableConcept\": {\"text\": \"Lisinopril 10 mg tablet\"}, \"dosageInstruction\": [{\"text\": \"1 tablet daily\"}]}"),
    # Tax-form fields in product specs.
    ("benign", "form_spec", "doc", "Field 2a Tax-exempt interest maps to interest.tax_exempt; must be >= 0, rounded to whole dollars."),
    ("benign", "form_spec", "doc", "Form 1040 line 25a (federal income tax withheld from Forms W-2): the sum of box 2 of every W-2 of the taxpayer and spouse."),
    ("benign", "form_spec", "doc", "Self-review form: fields goals_met (1-5), strengths (text, 2000 chars), growth_areas (text), manager_rating (hidden from the employee until release)."),
    # Window titles with what the screen shows.
    ("benign", "title_screen", "screen", "PAY-4412 W-2 box 12 missing for mid-year changes - Jira || PAY-4412 / Type: Bug  Priority: High / Employees who change benefits mid-year get no code DD on the W-2."),
    ("benign", "title_screen", "screen", "withholding.py - payroll-engine - Visual Studio Code || def federal_withholding(wages, w4): / taxable = wages - w4.deductions / return bracket_tax(taxable)"),
    ("benign", "title_screen", "screen", "Performance reviews calibration · Pull Request #812 · acme/hr-platform · GitHub || Add calibration view / Managers can move ratings between buckets before release / 3 files changed"),
    ("benign", "title_screen", "screen", "claims_denials.sql - DataGrip || SELECT patient_id, diagnosis_code, denial_reason / FROM claims / WHERE status = 'denied'"),
    # Other languages.
    ("benign", "de_work", "ticket", "Lohnsteuerberechnung: Solidaritätszuschlag wird bei Steuerklasse 6 falsch gerundet"),
    ("benign", "de_work", "code", "git commit -m \"fix(krankmeldung): Upload der AU-Bescheinigung schlägt bei PDFs über 5 MB fehl\""),
    ("benign", "fr_work", "ticket", "Les évaluations annuelles ne s'affichent plus dans le tableau de bord RH depuis la mise à jour 3.4"),
    ("benign", "fr_work", "chat", "le calcul du prélèvement à la source plante pour les salariés à temps partiel | je regarde le taux neutre | ok merci"),
    ("benign", "es_work", "ticket", "La nómina de marzo calcula mal la retención del IRPF para contratos a tiempo parcial"),
    ("benign", "es_work", "voice", "bueno, el módulo de evaluación de desempeño tiene que estar listo para octubre | y la integración con las historias clínicas la dejamos para el siguiente trimestre"),
    ("benign", "pt_work", "ticket", "Erro ao gerar o informe de rendimentos para o imposto de renda de funcionários desligados"),
    ("benign", "pt_work", "chat", "o job de atestados médicos está falhando de novo | acho que é o upload no S3 | vou olhar"),

    # Positives: a person's own matter in the same tools.
    ("medical", "dm_full", "msg", "hey, won't make standup, I've been throwing up all night so I'm taking a sick day"),
    ("medical", "dm_full", "chat", "can you cover my on-call this week? | sure what's up | doctor says it's a herniated disc, I can barely sit, off until thursday"),
    ("medical", "dm_full", "chat", "I'll be offline tomorrow morning | all good? | just a follow-up for my thyroid, they're changing my levothyroxine dose"),
    ("medical", "dm_terse", "msg", "out sick. migraine. back tmrw"),
    ("medical", "dm_terse", "chat", "not in today | fever 39 | feel better!"),
    ("medical", "voice_1on1", "voice", "sorry I've been slow this week | I have a biopsy on Tuesday and honestly I'm not sleeping much | take whatever time you need"),
    ("medical", "voice_1on1", "voice", "so I wanted to tell you before it gets around | I was diagnosed with type 1 diabetes last month | I'll need breaks to check my blood sugar"),
    ("medical", "formal_letter", "doc", "Dear {n},\nPlease find attached my medical certificate covering my absence from 3 to 7 June following surgery.\nKind regards"),
    ("medical", "formal_letter", "doc", "I am requesting a reasonable accommodation under the ADA: my physician recommends a standing desk and two rest breaks a day because of my spinal condition."),
    ("medical", "search_prompt", "search", "can i take ibuprofen with my sertraline 100mg"),
    ("medical", "search_prompt", "search", "my ldl is 190 is that dangerous at 34"),
    ("medical", "de_own", "msg", "bin heute krankgeschrieben, Magen-Darm, morgen bin ich wieder da"),
    ("medical", "es_own", "chat", "estoy de baja esta semana | me operan de la rodilla el lunes | ánimo!"),
    ("medical", "pt_own", "msg", "hoje não vou, estou com atestado, o médico disse que é dengue"),
    # Tax, own.
    ("tax", "voice_call", "voice", "yeah my refund finally came through | like two thousand back | because I could take the home office deduction this year"),
    ("tax", "dm_full", "chat", "ugh I owe the IRS three grand this year | my withholding was way off after I went contractor | set aside 30% next time"),
    ("tax", "dm_full", "msg", "do you know if I can still file an extension? my accountant hasn't finished my return and I owe estimated tax"),
    ("tax", "dm_terse", "msg", "irs letter again. owe 1.2k from 2022. ugh"),
    ("tax", "search_prompt", "search", "how do i amend my 2023 return if i forgot a 1099-INT"),
    ("tax", "search_prompt", "search", "my w-2 box 1 is lower than my salary why"),
    ("tax", "formal_letter", "doc", "Dear Payroll,\nI am writing to request a corrected copy of my 2024 W-2, as box 2 does not match my final payslip and I need to file an amended return."),
    ("tax", "voice_1on1", "voice", "sorry I'm distracted | the tax office says I underpaid last year and they froze part of my account | I'm on the phone with them at lunch"),
    ("tax", "de_own", "chat", "meine Steuererklärung ist endlich durch | ich bekomme 1.200 Euro zurück | nice"),
    ("tax", "fr_own", "msg", "j'ai reçu mon avis d'impôt ce matin, je dois encore 800 euros, je ne comprends pas"),
    ("tax", "es_own", "voice", "oye, me devolvieron seiscientos euros de la renta | por la deducción de la hipoteca"),
    # Performance, own or a named person's.
    ("performance", "voice_1on1", "voice", "so your rating this cycle is partially meets | mostly because the migration slipped twice and the on-call handoffs were rough | I want us to set up a plan for the next ninety days"),
    ("performance", "voice_1on1", "voice", "I'll be straight with you {n}, this isn't a promo cycle for you | your scope is still at level | let's talk about what senior looks like"),
    ("performance", "voice_call", "voice", "I want to start documenting {n}'s performance issues | missed three deadlines this quarter and the code reviews are not at level | HR says we need it written down before a PIP"),
    ("performance", "dm_full", "chat", "heads up, {n} goes on a PIP next week | HR has the doc | please keep it quiet"),
    ("performance", "dm_full", "msg", "got meets expectations again, no promo, no bump. kind of gutted honestly"),
    ("performance", "dm_terse", "msg", "pip'd. 30 days. fml"),
    ("performance", "dm_terse", "chat", "how'd calibration go | you got a 2 | seriously?"),
    ("performance", "formal_letter", "doc", "Dear {n},\nThis letter is a formal written warning about your repeated unexcused absences and missed deliverables in the last quarter. Failure to improve may lead to termination."),
    ("performance", "formal_letter", "doc", "Performance Improvement Plan for {n}\nExpectations: deliver assigned tickets within the sprint; respond to pages within 15 minutes.\nReview dates: 30, 60, 90 days."),
    ("performance", "de_own", "chat", "mein Jahresgespräch war schlecht | Zielerreichung nur 70 Prozent | also kein Bonus dieses Jahr"),
    ("performance", "es_own", "msg", "me pusieron un plan de mejora de desempeño, tengo sesenta días para demostrar que puedo"),
    ("performance", "pt_own", "voice", "então, a tua avaliação este ano ficou abaixo do esperado | principalmente pelas entregas atrasadas"),
    ("performance", "screen_own", "screen", "{n} - Annual review 2024 - Workday || Overall rating: Partially meets / Manager comments: {n} struggled to deliver on the migration and needs closer guidance"),
    ("tax", "screen_own", "screen", "Your refund status - IRS || Where's My Refund? / Your tax return has been received and is being processed / Refund amount: $1,842"),
    ("medical", "screen_own", "screen", "Test results - MyChart || Lipid panel / LDL cholesterol 192 mg/dL (High) / Your provider has left a note: let's discuss statins at your next visit"),
    # Private chat, own.
    ("private_chat", "dm_full", "chat", "are you picking up the kids or am I | I can, running late though | love you, dinner at 7?"),
    ("private_chat", "dm_terse", "msg", "babe landed. cab now. miss u"),
)
