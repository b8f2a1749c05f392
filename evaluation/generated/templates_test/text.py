"""Test family: text records written apart from the development family. Never tune against these."""
from evaluation.generated.records import TextRecipe as R

_CHAT_DM = (("Slack", "{p2.full} - DM - Globex Slack", ""),
            ("Google Chat", "{p2.first} {p2.last} - Chat", "https://chat.google.com/dm/{invite}"),
            ("Mattermost", "@{p2.login} | Mattermost", "https://mm.globex.dev/globex/messages/@{p2.login}"))
_ROOM = (("Google Chat", "releases - Chat", "https://chat.google.com/room/{invite}"),
         ("Mattermost", "Town Square | Mattermost", ""), ("Zulip", "#backend > {repo} - Zulip", ""))
_SHELL = (("Alacritty", "{p1.login}@{server}: /srv/{repo}", ""), ("GNOME Terminal", "{p1.login}@{p1.host}: ~", ""),
          ("Terminal", "{p1.login} — -zsh — 120×40", ""))
_CODE = (("PyCharm", "{repo} – docker-compose.yml", ""), ("Sublime Text", "~/.aws/credentials - Sublime Text", ""),
         ("Visual Studio Code", "config.toml — {repo}", ""))
_ASSIST = (("Google Chrome", "Claude", "https://claude.ai/chat/{invite}"), ("Cursor", "Chat - Cursor", ""),
           ("Microsoft Edge", "Copilot", "https://copilot.microsoft.com/chats/{invite}"))

TEXT_RECIPES = (
    R("dm_headers", "title_url", "benign", _CHAT_DM + (
        ("Zoom", "Chat with {p2.full}", ""), ("Skype", "{p2.full} | Skype", ""),
        ("Google Chat", "{p2.first_lower}, {p3.first_lower} - Chat", ""))),
    R("profile_urls", "title_url", "benign", (
        ("Google Chrome", "{p2.full} - Staff Engineer - Globex | LinkedIn", "https://linkedin.com/in/{p2.slug}"),
        ("Firefox", "Repositories - {p2.login}", "https://gitlab.com/{p2.login}?tab=repos"),
        ("Google Chrome", "30 minute meeting - {p2.full}", "https://cal.com/{p2.slug}/30"),
        ("Microsoft Edge", "Invitation to Globex", "https://teams.microsoft.com/l/invite/{invite}?token={token}"),
        ("Google Chrome", "Discord | Accept invite", "https://discord.com/invite/{invite}"),
        ("Google Chrome", "{p2.login}.github.io", "https://{p2.login}.github.io/about"))),
    R("shell_titles", "title_url", "benign", _SHELL),
    R("document_titles", "title_url", "benign", (
        ("Explorer", "C:\\Users\\{p1.login}\\Documents\\Contracts", ""),
        ("Numbers", "{p2.full} expenses Q3.numbers", ""),
        ("Microsoft Word", "Offer letter - {p2.full}.docx", ""),
        ("Apple Mail", "{p2.full} — Re: invoice {num}", ""),
        ("Google Chrome", "Drive - {p1.email}", "https://drive.google.com/drive/u/0/my-drive"))),
    R("support_titles", "title_url", "benign", (
        ("Google Chrome", "Customer: {p2.last_first} ({account})", "https://globex.freshdesk.com/a/contacts/{num}"),
        ("Google Chrome", "{p2.full} · Intercom", "https://app.intercom.com/a/inbox/{invite}/inbox/conversation/{num}"),
        ("Google Chrome", "Pipedrive - {p2.full} - Person", "https://globex.pipedrive.com/person/{num}")),
      hard_negative=True),
    R("neutral_titles", "title_url", "benign", (
        ("PyCharm", "{repo} – tests/test_retry.py", ""),
        ("Google Chrome", "Pull request #{num} · globex/{repo}", "https://github.com/globex/{repo}/pull/{num}"),
        ("Google Chrome", "Datadog - {server}", "https://app.datadoghq.eu/dashboard/{invite}"),
        ("Linear", "{ticket} Flaky upload test", "")), weight=0.7),
    R("team_talk", "transcript", "benign", _CHAT_DM + _ROOM, (
        "{p3.first} {p3.last} owns the cutover tonight",
        "@{p3.login} pls rebase before you merge",
        "forwarding {p3.email}'s notes, see thread",
        "{p3.first_lower} and i will look at {ticket} tmrw",
        "the on-call rota says {p3.last_first} for next week",
        "shifted the retro to {time} bc {p3.first} is travelling",
        "👍 shipped",
        "canary on {server} looks healthy",
        "{ticket} reproduces only on arm64",
        "thanks {p3.first}, that fixed it",
        "{p3.full} from {company} is asking for the SOC2 report")),
    R("call_transcript", "transcript", "benign", (("Microsoft Teams", "Meeting with {p2.full}", ""), ("Zoom", "Zoom Meeting 8{num}{num}", "")), (
        "okay, {p3.full} is joining late, let's start",
        "you can reach {p3.first} at {phone}, that's her cell",
        "the replacement badge goes to {address}",
        "so, uh, {p3.first} said the vendor signed",
        "next up is the {repo} latency thing",
        "and {p3.last} will send the recap"), source="voice", speakers="first", turns=(3, 6)),
    R("assistant_prompts", "transcript", "benign", _ASSIST, (
        "proofread: Dear {p3.full}, following our call I attach the quote for {company}.",
        "my connection string is mongodb+srv://{p1.login}:{password}@cluster0.{repo}.mongodb.net why does it time out",
        "sort these by last name:\n{p3.full}\n{p4.full}\n{p5.full}",
        "here is my ~/.npmrc //registry.npmjs.org/:_authToken={token} — is it set up right?",
        "draft a note to customer {account} ({p3.email}) about the outage",
        "what does 'Host key verification failed' mean when I ssh as {p1.login} into {ip}"),
      source="ai_prompt", speakers="roles", turns=(1, 1)),
    R("shared_secrets", "transcript", "benign", _CHAT_DM, (
        "pw for the shared admin account: {password}",
        "token (expires friday): {token}",
        "redis://default:{password}@{server}:6379",
        "the guest network password is {password}",
        "join code {invite}",
        "here's my public key: ssh-ed25519 {ssh_key} {p1.login}@{p1.host}")),
    R("shell_typing", "keystrokes", "benign", _SHELL, (
        "git config --global user.name \"{p1.full}\" && git config --global user.email {p1.email}",
        "scp report.csv {p1.login}@{server}:/home/{p1.login}/",
        "export NPM_TOKEN={token}",
        "psql \"host={server} user={p1.login} password={password} dbname=app\"",
        "curl -H 'Authorization: Bearer {token}' https://api.globex.dev/v1/me",
        "cat /home/{p1.login}/.ssh/id_ed25519",
        "gh repo clone {p1.login}/{repo}")),
    R("config_typing", "keystrokes", "benign", _CODE, (
        "aws_secret_access_key = {token}",
        "POSTGRES_PASSWORD: {password}",
        "url = \"mysql://root:{password}@{server}/shop\"",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n{private_key}",
        "owner = \"{p1.email}\"")),
    R("message_typing", "keystrokes", "benign", _CHAT_DM + _ROOM, (
        "{p3.first} do you have a min for {ticket}?",
        "loop in {p3.first_lower} pls",
        "my new number is {phone}",
        "forwarded to {p3.email}",
        "done ✅",
        "{p3.handle} the fix is out")),
    R("table_typing", "keystrokes", "benign", (("LibreOffice Calc", "attendees.ods", ""), ("Airtable", "Vendors - Airtable", "https://airtable.com/{invite}")), (
        "{p3.last_first}\t{p3.email}\t{city}",
        "{p3.full};{phone};{national_id}",
        "{p3.first},{p3.last},{account}",
        "{p3.full}, {address}")),
    R("crm_notes_typing", "keystrokes", "benign", (("Google Chrome", "Log a call | HubSpot", "https://app.hubspot.com/contacts/{num}"),), (
        "spoke with {p3.full}, wants invoices sent to {p3.email}",
        "update account {account}: new IBAN {iban}",
        "{p3.first} prefers calls on {phone}"), hard_negative=True),
    R("people_search_typing", "keystrokes", "benign", (("Google Chrome", "Directory - BambooHR", "https://globex.bamboohr.com/employees/directory.php"), ("Outlook", "Search - Outlook", "")), (
        "{p3.last_first}", "from:{p3.email}", "{p3.first} {p3.last}"), field="search"),
    R("neutral_typing", "keystrokes", "benign", _ROOM + _CODE, (
        "rolled back to v{num}", "for item in batch: yield item", "standup in 5",
        "cache hit ratio is {pct} now", "fixme: flaky on CI"), weight=0.8),
    R("health_talk", "transcript", "medical", _CHAT_DM, (
        "physio says the ACL graft needs another six weeks",
        "got my cholesterol results, LDL is 190",
        "started on sertraline last week and I'm so tired",
        "the cardiologist wants a holter monitor for 48h",
        "{p3.first} has a migraine again so I'm covering",
        "my insulin pump alarm keeps going off in meetings")),
    R("health_typing", "keystrokes", "medical", (("Google Chrome", "Secure message - FollowMyHealth", "https://portal.stlukes.example/messages/new"), ("Notes", "symptoms", "")), (
        "Hi Dr. {p3.last}, the swelling in my knee is back since the injection",
        "dizzy after the new blood pressure pills, 2nd day",
        "need a refill of my inhaler before the trip")),
    R("tax_talk", "transcript", "tax", _CHAT_DM, (
        "what's your tax ID? the form needs it for the dependent",
        "my 1040 shows a 2k balance due, did we mess up the W-4",
        "our accountant needs last year's return and the 1098",
        "sending you my bank details for the refund, acct {account}",
        "is the home office deduction worth it for us")),
    R("family_talk", "transcript", "private_chat", (("Messages", "{p2.first}", ""), ("Telegram", "{p2.first} {p2.last}", "")), (
        "did the baby sleep at all last night",
        "happy anniversary 💍 dinner is booked",
        "mum wants us there sunday, can you drive",
        "i think we should tell them about the move",
        "the dog got out again lol",
        "can you send me the wifi pw at your place"), speakers="first"),
    R("people_decisions", "transcript", "performance", _CHAT_DM, (
        "{p3.first}'s final rating is a 2, HR signed off",
        "we're putting {p3.full} on a performance plan in january",
        "bonus pool: {p3.first} gets 60% of target",
        "exit package for {p3.last_first} is three months",
        "{p3.first} filed a grievance about the manager")),
    R("review_typing", "keystrokes", "performance", (("Google Chrome", "Culture Amp - Review of {p3.full}", ""), ("15Five", "Check-in", "")), (
        "{p3.first} consistently misses sprint commitments",
        "promotion not recommended this cycle for {p3.full}",
        "overall: below expectations")),
    R("domain_work_talk", "transcript", "benign", _ROOM, (
        "the 1099-NEC export drops the state column for contractors",
        "we should mock the IRS e-file endpoint in staging",
        "the HL7 feed from the lab sends DOB in two formats",
        "the PIP feature flag stands for picture-in-picture, not HR",
        "vendor onboarding needs their W-8BEN before the first payout",
        "I'll set up the quarterly review meeting invites for the architecture board",
        "salary band table migration ran on staging with fake data",
        "the clinic scheduler double-books when the provider has two locations"), hard_negative=True),
    R("domain_work_typing", "keystrokes", "benign", _CODE, (
        "def compute_fica(wages: Decimal) -> Decimal:",
        "ALTER TABLE diagnoses ADD COLUMN icd10 TEXT;",
        "it('rejects a 1040 with a negative refund')",
        "performance_review_reminder.delay(cycle_id)",
        "# TODO: medical claims batch retries"), hard_negative=True),
)
