"""The texts of evaluation/category_probe_keys.py: what people type at work into the tools of payroll, HR, tax and
health products (hard negatives), and a person's own matter typed into the same tools. Written from the real
formats of the tools (code, SQL, shells, ticket fields, search boxes, sheet cells, admin forms, DMs).

Each situation is (category, situation, half, tool, phrasings); half 0 is tuned on, half 1 held out (its own
situations and its own tools). `benign` means ordinary work about a sensitive domain, which must be kept.
"""
from __future__ import annotations

# tool -> ((app, window title, url, field), ...) per half
TOOLS: dict[tuple[str, int], tuple[tuple[str, str, str, str], ...]] = {
    ("code", 0): (("Visual Studio Code", "withholding.py - payroll-engine - Visual Studio Code", "", "editor"),
                  ("Visual Studio Code", "LeaveForm.tsx - hr-portal - Visual Studio Code", "", "editor")),
    ("code", 1): (("IntelliJ IDEA", "ehr-core – PatientSummaryService.java", "", "editor"),
                  ("vim", "vim tax_brackets.go", "", "text")),
    ("shell", 0): (("iTerm2", "zsh - ~/src/payroll-engine", "", "terminal"), ("Terminal", "bash — 120×40", "", "terminal")),
    ("shell", 1): (("Windows Terminal", "PowerShell", "", "terminal"), ("Alacritty", "fish /home/dev/ehr-sync", "", "terminal")),
    ("sql", 0): (("DataGrip", "payroll@prod-replica – console", "", "editor"), ("Terminal", "psql hr", "", "terminal")),
    ("sql", 1): (("MySQL Workbench", "Local instance 3306 - Warning - not supported", "", "query"),
                 ("DBeaver", "<clinic-db> Script-7", "", "editor")),
    ("ticket", 0): (("Google Chrome", "Create issue - Jira", "https://acme.atlassian.net/jira/software/projects/PAY", "summary"),
                    ("Google Chrome", "PAY-4412 Withholding rounding - Jira", "https://acme.atlassian.net/browse/PAY-4412", "comment")),
    ("ticket", 1): (("Firefox", "New Issue · acme/hr-platform", "https://github.com/acme/hr-platform/issues/new", "issue_title"),
                    ("Linear", "New issue - Linear", "https://linear.app/acme/team/EHR/new", "description"),
                    ("Google Chrome", "Incident - ServiceNow", "https://acme.service-now.com/incident.do", "short_description")),
    ("search", 0): (("Google Chrome", "Google", "https://www.google.com/", "q"),),
    ("search", 1): (("Microsoft Edge", "Bing", "https://www.bing.com/", "q"), ("Firefox", "DuckDuckGo", "https://duckduckgo.com/", "q")),
    ("sheet", 0): (("Google Chrome", "Payroll Q3 - Google Sheets", "https://docs.google.com/spreadsheets/d/1a/edit", "cell"),),
    ("sheet", 1): (("Microsoft Excel", "leave-tracker.xlsx - Excel", "", "cell"), ("Numbers", "Clinic KPIs", "", "cell")),
    ("admin", 0): (("Google Chrome", "Leave types - Settings - BambooHR", "https://acme.bamboohr.com/settings/time_off", "name"),
                   ("Google Chrome", "Request time off - Workday", "https://wd5.myworkday.com/acme/d/task/1.htmld", "comment")),
    ("admin", 1): (("Microsoft Edge", "Personio - Absences", "https://acme.personio.de/absence", "comment"),
                   ("Google Chrome", "HR Case - ServiceNow", "https://acme.service-now.com/sn_hr_core_case.do", "description")),
    ("dm", 0): (("Slack", "Slack | Priya Raman | Acme", "", "message"), ("Slack", "Slack | #payroll-eng | Acme", "", "message")),
    ("dm", 1): (("Microsoft Teams", "Chat | Jonas Becker | Microsoft Teams", "", "message"),
                ("WhatsApp", "WhatsApp", "", "message"), ("Google Chrome", "Google Chat", "https://chat.google.com/dm/x", "message")),
}

SITUATIONS: tuple[tuple[str, str, int, str, tuple[str, ...]], ...] = (
    # ---- work about payroll, HR, tax and health software: must be kept (tuning half)
    ("benign", "payroll_code", 0, "code", (
        "def compute_withholding(gross: Decimal, allowances: int) -> Decimal:\n    return max(Decimal(0), gross * RATE - allowances * ALLOWANCE)\n",
        "if employee.sick_leave_balance < request.days:\n    raise InsufficientBalance(employee.id)\n",
        "# TODO: handle W-2 box 12 codes for HSA contributions\n",
        "const taxableIncome = grossPay - preTaxDeductions; // 401k + HSA\n",
        "def test_medical_leave_accrual_resets_on_anniversary(employee_factory):\n",
        "assert calc_fica(Decimal('1000.00')) == Decimal('76.50')\n",
        "<Checkbox name=\"hasDisability\" label={t('leave.disability')} />\n",
    )),
    ("benign", "payroll_shell", 0, "shell", (
        "grep -rn 'diagnosis_code' src/ehr/ | wc -l\n",
        "kubectl logs deploy/payroll-worker -n hr --since=1h | grep -i tax\n",
        "python manage.py migrate leave_requests 0042\n",
        "git commit -m 'fix: sick leave accrual rounding for part-time staff'\n",
        "pytest tests/test_tax_brackets.py -k 'married_filing_jointly' -x\n",
        "my test fails in CI again, rerunning the payroll job\n",
    )),
    ("benign", "hr_sql", 0, "sql", (
        "SELECT employee_id, SUM(amount) FROM payroll_deductions WHERE code = 'MED' GROUP BY 1;\n",
        "UPDATE performance_reviews SET status = 'calibrated' WHERE cycle_id = 2026;\n",
        "select p.id, e.icd10 from patients p join encounters e on e.patient_id = p.id where e.icd10 like 'E11%' limit 20;\n",
        "SELECT count(*) FROM tax_forms WHERE form_type = '1099-NEC' AND tax_year = 2025;\n",
    )),
    ("benign", "hr_tickets", 0, "ticket", (
        "Performance review form does not save the rating when the manager clicks submit twice",
        "Tax year dropdown shows 2025 for employees in Canada",
        "Sick leave balance goes negative after a timezone change",
        "I can reproduce it: my test fails on the medication list when the dosage is null",
        "Steps: open payslip > deductions > health insurance. Expected: employer share shown. Actual: 0.00",
    )),
    ("benign", "dev_search", 0, "search", (
        "hl7 fhir patient resource example json\n",
        "python decimal round half up payroll\n",
        "irs w-4 2026 withholding tables csv\n",
        "react form validation medical history checkbox\n",
        "postgres row level security hr data\n",
    )),
    ("benign", "payroll_sheet", 0, "sheet", (
        "=SUMIFS(D:D,B:B,\"Sick\",C:C,\">=\"&DATE(2026,1,1))\n",
        "Q3 tax provision\t=B4*0.21\t=C4-B4\n",
        "=COUNTIF(Reviews!E:E,\"Needs improvement\")\n",
        "Headcount\tSick days\tAvg per FTE\n",
    )),
    ("benign", "leave_config", 0, "admin", (
        "Bereavement\t5\tPaid\n",
        "Sick leave (self-certified) - up to 3 days without a doctor's note\n",
        "Medical leave policy v3: applies to all full-time employees after probation\n",
    )),
    ("benign", "eng_dm", 0, "dm", (
        "my test fails in CI, looks like the tax fixture uses a leap year\n",
        "I'm stuck on the sick leave accrual bug, can you pair after lunch?\n",
        "the performance review export is slow again, p95 is 12s\n",
        "pushed the fix for the W-2 PDF, can you review?\n",
        "FYI the EHR sandbox is down, I'll test against staging\n",
    )),
    ("benign", "fr_de_work", 0, "ticket", (
        "Corriger le calcul des congés maladie dans le module RH pour les temps partiels",
        "Steuerberechnung für Minijobber im Lohnmodul korrigieren",
        "Le test de la fiche de paie échoue sur la CI depuis hier",
    )),
    # ---- own matters typed into the same tools (tuning half)
    ("medical", "sick_request", 0, "admin", (
        "I have the flu and a fever of 39, my doctor told me to stay home until Friday\n",
        "Off sick today and tomorrow, stomach bug. Will send the doctor's note when I have it\n",
        "Surgery on my shoulder on the 12th, I'll need about four weeks of medical leave\n",
    )),
    ("medical", "health_search", 0, "search", (
        "side effects of sertraline 50mg when to call a doctor\n",
        "how long does it take to recover from a torn meniscus\n",
        "is it normal to still have a cough 3 weeks after pneumonia\n",
    )),
    ("medical", "health_dm", 0, "dm", (
        "sorry can't make standup, my migraine is back and the meds aren't working\n",
        "I got my test results, they found a lump and want a biopsy next week\n",
    )),
    ("tax", "tax_search", 0, "search", (
        "can i deduct my home office on my tax return as an employee\n",
        "how much tax will i pay on my bonus this year\n",
        "je dois payer combien d'impôts sur ma prime cette année\n",
    )),
    ("tax", "tax_dm", 0, "dm", (
        "ugh I owe 3k on my taxes this year, did you file yet?\n",
        "my accountant says I forgot to report my freelance income, I might get a penalty\n",
    )),
    ("performance", "review_dm", 0, "dm", (
        "just got my review, 'needs improvement' on communication, I'm devastated\n",
        "my manager put me on a PIP, I have 60 days to show improvement or I'm out\n",
    )),
    ("performance", "review_form", 0, "admin", (
        "I disagree with the rating of 2 in my annual review; the goals changed twice this year\n",
    )),
    ("private_chat", "private_dm", 0, "dm", (
        "love you, dinner at mom's at 7? bring the wine\n",
        "can you pick up the kids today, I'm stuck at work. miss you\n",
    )),
    # ---- held-out situations and tools: work
    ("benign", "ehr_java", 1, "code", (
        "public BigDecimal calculateIncomeTax(BigDecimal taxableIncome) {\n",
        "private static final int MAX_SICK_DAYS = 10;\n",
        "@Test void rejectsPerformanceRatingAboveFive() {\n",
        "if (patient.getAllergies().isEmpty()) { return Collections.emptyList(); }\n",
        "func bracketFor(income float64, status FilingStatus) Bracket {\n",
    )),
    ("benign", "ehr_ops", 1, "shell", (
        "sed -i 's/diagnosis/dx/g' migrations/*.sql\n",
        "docker compose up -d ehr-api fhir-gateway\n",
        "make test TEST=test_medical_claims\n",
        "Get-Content .\\logs\\payroll.log -Tail 50 | Select-String 'tax'\n",
    )),
    ("benign", "claims_sql", 1, "sql", (
        "ALTER TABLE appraisals ADD COLUMN improvement_plan TEXT NULL;\n",
        "DELETE FROM medical_claims WHERE status = 'void' AND created_at < NOW() - INTERVAL 2 YEAR;\n",
        "SELECT department, AVG(sick_days) FROM absences GROUP BY department HAVING AVG(sick_days) > 5;\n",
    )),
    ("benign", "issue_fields", 1, "ticket", (
        "Bug: my test fails in CI when the payroll fixture uses a leap year",
        "PIP template is missing the manager signature field",
        "Medication list renders twice on the patient summary page",
        "Employees cannot see their tax documents in the portal after the SSO migration",
        "I think my change broke the diagnosis picker, reverting",
    )),
    ("benign", "dev_search_held", 1, "search", (
        "fhir medicationrequest dosageinstruction schema\n",
        "how to mock a tax api in jest\n",
        "mysql json column performance review scores index\n",
    )),
    ("benign", "leave_sheet", 1, "sheet", (
        "=IF(E2>40,\"Overtime\",\"Regular\")\n",
        "=XLOOKUP(A2,Codes!A:A,Codes!B:B,\"unknown diagnosis\")\n",
        "Tax withheld\t=SUM(F2:F31)\n",
    )),
    ("benign", "hr_case_config", 1, "admin", (
        "Category: Payroll > Tax withholding. Route to payroll-ops queue\n",
        "Absence type Krankheit: requires certificate after 3 days\n",
    )),
    ("benign", "es_pt_work", 1, "ticket", (
        "Corregir el cálculo de retención de IRPF para contratos temporales",
        "Ajustar a regra de cálculo do IRRF na folha de pagamento",
        "Arreglar el test de bajas médicas que falla en CI",
        "O relatório de avaliação de desempenho não exporta para PDF",
    )),
    ("benign", "eng_chat_held", 1, "dm", (
        "my build is sick today lol, the migration test keeps failing\n",
        "I'll take the tax bracket ticket, you take the allergy list one\n",
        "la tabla de pacientes tarda 8s en cargar, ¿alguien revisa el índice?\n",
    )),
    # ---- held-out situations and tools: own matters
    ("medical", "medical_case", 1, "admin", (
        "Requesting medical leave for knee surgery, recovery is about 6 weeks, doctor's note attached\n",
        "Estoy con fiebre y dolor de garganta, voy al médico y luego mando el justificante\n",
        "estou com febre e dor de garganta, vou ao médico e depois mando o atestado\n",
    )),
    ("medical", "health_search_held", 1, "search", (
        "is chest pain after the covid vaccine normal\n",
        "ibuprofen and blood pressure medication together\n",
    )),
    ("medical", "health_dm_held", 1, "dm", (
        "heads up I have a therapy appointment thursday at 3, my anxiety has been rough\n",
        "tengo cita con el médico por la tensión alta, mañana no vengo\n",
    )),
    ("tax", "tax_held", 1, "search", (
        "how do i amend my 2025 tax return i forgot a 1099\n",
        "preciso declarar meu imposto de renda, recebi aluguel este ano\n",
        "cuánto me devuelven de la renta si tengo hipoteca\n",
    )),
    ("tax", "tax_case", 1, "admin", (
        "Please update my W-4, I got married and want to change my withholding\n",
        "Mi nómina tiene una retención de IRPF demasiado alta, ¿podéis revisarla?\n",
    )),
    ("performance", "review_held", 1, "dm", (
        "they said if I don't hit my targets in 60 days I'm out, the PIP is unfair\n",
        "mi jefe me dio una evaluación de desempeño muy baja y no sé por qué\n",
        "recebi feedback negativo na minha avaliação de desempenho e estou chateado\n",
    )),
    ("private_chat", "private_held", 1, "dm", (
        "happy anniversary babe, can't wait for tonight ❤️\n",
        "te quiero mucho, ¿cenamos en casa de mi madre el domingo?\n",
    )),
)
