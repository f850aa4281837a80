## General
welcome = Hello! This is the assistant of the "All people protect national security" movement: report security concerns to your commune police, join local self-managed models and follow the festival day where you live.
main-menu = What would you like to do?
menu-hint = Reply with the number or the name of an item.
menu-settings = ⚙️ Settings
menu-help = ❓ Help
nav-back = ↩️ Back
welcome-back = Welcome back!
group-private-only = Please message the bot privately to use personal features.
unknown-command = The bot does not know this command. Send /help to see what you can use.
choice-expired = This choice is no longer valid. Please choose again.
not-understood = The bot did not understand. Please choose an item below.
unsupported-message = The bot cannot read this kind of message yet. Please send text or choose an item below.
error-generic = Sorry, the bot ran into a problem handling your message. Please try again in a few minutes.

## Language
language-ask = Chọn ngôn ngữ / Choose your language:
language-saved = Switched to English.
language-name-vi = Vietnamese
language-name-en = English

## Consent to personal-data processing (Decree 13/2023/ND-CP, Personal Data Protection Law 2025)
consent-text =
    Before we start, please read this and tell us whether you agree:

    • The bot stores your messenger account, display name, language and the commune/ward you choose, to send you local security information, festival and model notices, and to pass your reports to the commune police.
    • Your account id and name are encrypted at rest; officers cannot see who you are.
    • You can see your data (/mydata), stop notices (/stop), withdraw consent and erase your data (/deleteme) at any time.

    If you do not agree, the bot stores nothing about you.
consent-accept = ✅ I agree
consent-decline = ❌ I do not agree
consent-recorded = Thank you. Your consent has been recorded.
consent-declined = The bot has stored nothing about you. Send /start whenever you want to begin again.
consent-already = You have already agreed.

## Area
area-ask = Which commune or ward do you live in? Type its name, e.g. Hưng Mỹ. Old names from before the 2025 merger work too, e.g. Hòa Mỹ, Cái Nước.
area-share-location = 📍 Share my location
area-location-unresolved = The bot could not work out your commune from this location. Please type the name of your commune or ward.
area-not-found = No commune or ward matches "{ $query }". Please check the spelling or add the province name.
area-pick = { $count ->
    [one] Found 1 match. Is this where you live?
   *[other] Found { $count } matches. Where do you live?
}
area-match-via = { $place } (formerly { $old })
area-saved = Area updated: { $place }.
onboarding-done = All set! Your area: { $place }.

## Help
help =
    Commands you can use:
    /start – start again
    /settings – settings (language, area, notices)
    /language – change language
    /stop – stop all notices
    /mydata – see what the bot stores about you
    /deleteme – erase your data
    In an emergency call 113 (police), 114 (fire), 115 (ambulance) or 112 right away.
help-guest = Send /start to begin. In an emergency call 113 (police), 114 (fire), 115 (ambulance) or 112 right away.

## Settings
settings-title = Settings
settings-language = 🌐 Language
settings-area = 📍 Area
settings-notices = 🔔 Notices
settings-mydata = 📄 My data
settings-deleteme = 🗑️ Erase my data
notices-title = Choose which notices to receive:
notices-status-on = You are receiving notices.
notices-status-stopped = You have stopped all notices.
notice-festival = Festival day
notice-models = Self-managed models
notice-general = General announcements
notice-stop = 🔕 Stop all
notice-resume = 🔔 Receive notices again
stop-done = Stopped. You will not receive any more notices. To receive them again, go to /settings → Notices.
resume-done = Notices are back on, as chosen below.

## Personal data
mydata =
    What the bot stores about you:
    { $accounts }
    • Language: { $language }
    • Area: { $area }
    • Consent to data processing: { $consentAt } (notice version { $consentVersion })
    • Notices: { $broadcasts }
    • Notice kinds: { $notices }
    • Registered: { $createdAt }
    Your account ids and name are encrypted at rest.
mydata-account = • { $platform } account: { $name }{ $blocked ->
    [yes] (bot blocked)
   *[no] {""}
}
mydata-none = (none)
mydata-receiving = receiving
mydata-stopped = stopped since { $since }
deleteme-confirm = Are you sure you want to erase all your data and withdraw your consent? This cannot be undone.
deleteme-yes = 🗑️ Erase for good
deleteme-no = No, keep it
deleteme-cancelled = Cancelled; your data is kept.
deleteme-done = All your personal data has been erased and your consent withdrawn. Thank you for taking part. Send /start if you want to use the bot again.

## Telegram command menu descriptions
cmd-start = Start
cmd-help = Help
cmd-settings = Settings
cmd-language = Change language
cmd-stop = Stop notices
cmd-mydata = See my data
cmd-deleteme = Erase my data
