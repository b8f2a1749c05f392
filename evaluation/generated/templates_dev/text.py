"""Development family: text records (titles and URLs, transcripts, keystrokes). Tune against these."""
from evaluation.generated.records import TextRecipe as R

_SLACK_DM = (("Slack", "{p2.first} (DM) - Northwind - Slack", "https://app.slack.com/client/T04{num}/D07{num}"),
             ("Slack", "{p2.full} | Direct message | Slack", ""),
             ("Microsoft Teams", "Chat | {p2.full} | Microsoft Teams", ""))
_CHANNEL = (("Slack", "#eng-{repo} - Northwind - Slack", "https://app.slack.com/client/T04{num}/C02{num}"),
            ("Microsoft Teams", "{repo} standup | General | Microsoft Teams", ""))
_TERMINAL = (("Terminal", "{p1.login}@{p1.host}: ~/src/{repo}", ""), ("iTerm2", "ssh {p1.login}@{server}", ""),
             ("Windows Terminal", "PowerShell - C:\\Users\\{p1.login}\\source\\repos\\{repo}", ""))
_EDITOR = (("Visual Studio Code", ".env - {repo} - Visual Studio Code", ""),
           ("Visual Studio Code", "settings.py - {repo} - Visual Studio Code", ""),
           ("IntelliJ IDEA", "{repo} - application.yml", ""))
_BROWSER_AI = (("Google Chrome", "ChatGPT", "https://chatgpt.com/c/{invite}"), ("Claude", "New chat - Claude", ""),
               ("Google Chrome", "Gemini", "https://gemini.google.com/app/{invite}"))

TEXT_RECIPES = (
    R("dm_titles", "title_url", "benign", _SLACK_DM + (
        ("Discord", "@{p2.login} - Discord", "https://discord.com/channels/@me/{num}{num}{num}"),
        ("Slack", "{p2.first}, {p3.first}, {p4.first} - Northwind - Slack", ""))),
    R("personal_urls", "title_url", "benign", (
        ("Google Chrome", "{p2.full} | LinkedIn", "https://www.linkedin.com/in/{p2.slug}/"),
        ("Firefox", "{p2.login} (GitHub)", "https://github.com/{p2.login}"),
        ("Google Chrome", "Book time with {p2.first} - Calendly", "https://calendly.com/{p2.slug}/30min"),
        ("Google Chrome", "Join Northwind on Slack", "https://join.slack.com/t/northwind/shared_invite/zt-{invite}"),
        ("Google Chrome", "Zoom", "https://us02web.zoom.us/j/8{num}{num}{num}?pwd={invite}"),
        ("Safari", "{p2.login}/dotfiles", "https://github.com/{p2.login}/dotfiles"))),
    R("terminal_titles", "title_url", "benign", _TERMINAL),
    R("file_titles", "title_url", "benign", (
        ("Finder", "/Users/{p1.login}/Downloads", ""),
        ("Microsoft Excel", "{p2.last_first} - hours.xlsx", ""),
        ("Google Chrome", "1:1 {p1.first} / {p2.first} - Google Docs", "https://docs.google.com/document/d/{invite}{invite}/edit"),
        ("Outlook", "RE: {repo} rollout - {p2.email} - Outlook", ""),
        ("Thunderbird", "Inbox - {p1.email} - Mozilla Thunderbird", ""))),
    R("crm_titles", "title_url", "benign", (
        ("Google Chrome", "{p2.full} | Contact | Salesforce", "https://northwind.lightning.force.com/lightning/r/Contact/003{account}/view"),
        ("Google Chrome", "{p2.full} - HubSpot", "https://app.hubspot.com/contacts/{num}/contact/{account}"),
        ("Google Chrome", "Account {account} - Zendesk", "https://northwind.zendesk.com/agent/users/{num}")),
      hard_negative=True),
    R("plain_titles", "title_url", "benign", (
        ("Visual Studio Code", "handlers.py - {repo} - Visual Studio Code", ""),
        ("Google Chrome", "{ticket}: retry on timeout - Jira", "https://northwind.atlassian.net/browse/{ticket}"),
        ("Google Chrome", "Grafana - {server} latency", "https://grafana.northwind.io/d/{invite}"),
        ("Slack", "#incidents - Northwind - Slack", "")), weight=0.7),
    R("work_chat", "transcript", "benign", _SLACK_DM + _CHANNEL, (
        "can you ask {p3.first} about the {repo} deploy?",
        "{p3.full} said the migration finished around {time}",
        "ping {p3.handle} for the staging creds",
        "cc {p3.email} on the vendor thread pls",
        "pairing with {p3.first_lower} after lunch on {ticket}",
        "{p3.last_first} is on call this week, not me",
        "moved the sync with {p3.first} to {time}",
        "lgtm, merging",
        "build on {repo} is green again",
        "anyone seen {ticket}? it's flaking on main",
        "thx {p3.first_lower}!! 🙏",
        "{p3.first} can you approve my PR when you get a sec")),
    R("voice_meeting", "transcript", "benign", (("Zoom", "Zoom Meeting", ""), ("Google Meet", "Weekly sync", "https://meet.google.com/{invite}")), (
        "so um {p3.first} will take the {repo} piece and I'll do the docs",
        "I talked to {p3.full} yesterday and they're fine with the date",
        "yeah her number is {phone} if the bridge doesn't work",
        "ship the loaner laptop to {address}, that's his home address",
        "okay so next item, the {server} alerts",
        "right, and {p3.first} {p3.last} from {company} joins at {time}",
        "let's give it till friday"), source="voice", speakers="full", turns=(3, 5)),
    R("ai_prompts", "transcript", "benign", _BROWSER_AI, (
        "rewrite this so it sounds less harsh, it's to {p3.full} ({p3.email}): we missed the date again",
        "why does psql postgres://{p1.login}:{password}@{server}:5432/prod hang on connect",
        "turn this into a table: name,email\n{p3.full},{p3.email}\n{p4.full},{p4.email}",
        "my .env has STRIPE_SECRET_KEY={token} and the webhook still returns 401, why",
        "write a polite reminder to {p3.first} that the invoice for account {account} is overdue",
        "explain this error: Permission denied (publickey) for {p1.login}@{server}"),
      source="ai_prompt", speakers="roles", turns=(1, 1)),
    R("credentials_chat", "transcript", "benign", _SLACK_DM, (
        "the temporary password is {password} , change it on first login",
        "here you go: {token}",
        "db url is postgres://app:{password}@{server}:5432/app",
        "new wifi pw for the office: {password}",
        "invite link https://discord.gg/{invite}",
        "use this key for the CI bot {token}")),
    R("terminal_typing", "keystrokes", "benign", _TERMINAL, (
        "git commit --author=\"{p1.full} <{p1.email}>\" -m 'fix retry'",
        "ssh -i ~/.ssh/id_ed25519 {p1.login}@{server}",
        "cd /home/{p1.login}/src/{repo} && make test",
        "export GITHUB_TOKEN={token}",
        "mysql -u admin -p{password} -h {server}",
        "echo 'ssh-ed25519 {ssh_key} {p1.login}@{p1.host}' >> ~/.ssh/authorized_keys",
        "git clone git@github.com:{p1.login}/dotfiles.git",
        "ls -la /Users/{p1.login}/Downloads")),
    R("env_typing", "keystrokes", "benign", _EDITOR, (
        "DATABASE_URL=postgres://svc:{password}@{server}:5432/main",
        "AWS_SECRET_ACCESS_KEY={token}",
        "SLACK_BOT_TOKEN={token}",
        "ADMIN_PASSWORD={password}",
        "# key fingerprint {fingerprint}")),
    R("chat_typing", "keystrokes", "benign", _SLACK_DM + _CHANNEL, (
        "hey {p3.first} can you review {ticket} today",
        "{p3.first_lower} is out, ask {p4.first_lower} instead",
        "sending the contract to {p3.email} now",
        "call me on {phone} if the vpn drops",
        "ok",
        "merged the fix for {ticket}, thanks {p3.handle}")),
    R("sheet_typing", "keystrokes", "benign", (("Microsoft Excel", "contacts.xlsx", ""), ("Google Chrome", "vendors - Google Sheets", "https://docs.google.com/spreadsheets/d/{invite}{invite}/edit")), (
        "{p3.full},{p3.email},{phone}",
        "{p3.last_first};{city};{account}",
        "{p3.full}\t{iban}",
        "{p3.initials},{p3.login},{date}")),
    R("crm_typing", "keystrokes", "benign", (("Google Chrome", "New contact | Salesforce", "https://northwind.lightning.force.com/lightning/o/Contact/new"),), (
        "{p3.full}\n{address}\n{phone}",
        "customer {account} asked to update billing to {address}",
        "email: {p3.email}"), hard_negative=True),
    R("search_typing", "keystrokes", "benign", (("Google Chrome", "Okta admin - People", "https://northwind-admin.okta.com/admin/users"), ("Slack", "Search - Northwind - Slack", "")), (
        "{p3.full}", "{p3.login}", "{p3.email}"), field="search"),
    R("plain_typing", "keystrokes", "benign", _CHANNEL + _EDITOR, (
        "deploy is green, rolling to 50%", "def retry(fn, attempts=3):", "lgtm, ship it",
        "bumped the pool size to {num}", "TODO: drop the legacy {repo} path"), weight=0.8),
    R("medical_chat", "transcript", "medical", _SLACK_DM, (
        "the endo bumped my metformin to 1000 twice a day",
        "I have a colonoscopy thursday so I'm out all day",
        "my therapist thinks the panic attacks are from the new meds",
        "biopsy came back benign, thank god",
        "still on antibiotics for the strep, working from bed",
        "{p3.first}'s chemo got moved to tuesdays so I'll leave early")),
    R("medical_typing", "keystrokes", "medical", (("MyChart", "Message your provider - MyChart", ""), ("Google Chrome", "Messages - Patient Portal", "https://portal.northwellclinic.example/messages")), (
        "Dr. {p3.last}, the rash spread after I started the amoxicillin",
        "my A1C was 8.1 last time, should I double the dose",
        "refill request for sertraline 50mg please")),
    R("tax_chat", "transcript", "tax", _SLACK_DM, (
        "can you send me your SSN so I can finish our joint return",
        "my W-2 from {company} has the wrong state withholding",
        "routing 021000021 account {account} for the refund",
        "the accountant needs the 1099s by friday",
        "I owe 3k this year, the withholding was way off")),
    R("private_chat", "transcript", "private_chat", (("WhatsApp", "{p2.first} - WhatsApp", ""), ("Slack", "{p2.first} (DM) - Northwind - Slack", "")), (
        "love you, call me when you land",
        "the landlord still hasn't fixed the heater",
        "are we still on for dinner with your parents sat?",
        "can you pick up the kids at 5, I'm stuck",
        "miss you already ❤️",
        "did you pay the rent yet?"), speakers="first"),
    R("performance_chat", "transcript", "performance", _SLACK_DM, (
        "{p3.first} is getting a PIP next week, keep it quiet",
        "calibration: put {p3.full} at meets-most, not exceeds",
        "comp adjustment for {p3.first}: 4% merit, no promo",
        "we're letting {p3.first} go friday, IT cuts access at four",
        "HR opened an investigation into {p3.last_first}'s complaint")),
    R("performance_typing", "keystrokes", "performance", (("Workday", "Performance Review - {p3.full} - Workday", ""), ("Lattice", "Review cycle - Lattice", "")), (
        "{p3.first} has not met expectations on delivery for two quarters",
        "recommend a 3% raise and no bonus for {p3.full}",
        "rating: needs improvement")),
    R("hard_negative_chat", "transcript", "benign", _CHANNEL, (
        "the payroll engine double-counts overtime when the pay period spans DST",
        "add a test for calculate_withholding with a zero-allowance W-4 fixture",
        "performance-review module times out when a cycle has more than 5k reviewees",
        "FHIR Patient import fails when birthDate is missing",
        "sent our W-9 to {company} AP, they need it before the PO",
        "booked the design review for {date} at {time}, room 4",
        "the tax-calc service returns 500 on /v2/quote again",
        "promote build {num} to prod after the perf regression is fixed"), hard_negative=True),
    R("hard_negative_typing", "keystrokes", "benign", _EDITOR, (
        "def calculate_withholding(gross, allowances):",
        "class PatientRecordMigration(Migration):",
        "SELECT employee_id, review_cycle FROM reviews WHERE status = 'calibrated'",
        "test_terminate_contract_sends_w9_reminder",
        "schedule_review(reviewer_id, due={date})"), hard_negative=True),
)
