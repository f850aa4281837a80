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
    /report – report a security concern (anonymously if you wish)
    /status – your reports, their status and the officers' replies
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
    • Reports you sent: { $tips } (deleting your data keeps them, without any link to you)
    • Staff roles: { $roles }
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

## Flood control
flood-slow-down = You are sending messages too fast. Please wait a minute, then carry on. In an emergency, call 113 now.
error-retry = The service is briefly unavailable, so your last message was NOT recorded. Please try again in a few minutes. In an emergency, call 113 now.

## Tips
menu-report = 📣 Report
menu-mytips = 📋 My reports
menu-inbox = 📥 Tip inbox
cat-theft = Theft, robbery
cat-drugs = Drugs
cat-gambling = Gambling, betting
cat-fraud = Fraud, online scams
cat-violence = Fights, violence
cat-suspicious = Suspicious person or vehicle
cat-traffic = Public order, traffic
cat-fire = Fire or explosion risk
cat-other = Something else
status-new = New
status-acknowledged = Acknowledged
status-in_progress = In progress
status-resolved = Resolved
status-rejected = Not taken up
status-duplicate = Duplicate
emergency-numbers =
    🚨 If anyone is in danger, call now:
    • 113 – Police
    • 114 – Fire and rescue
    • 115 – Ambulance
    • 112 – Search and rescue
    Your report is marked URGENT and goes straight to the commune police.
report-cancel = ✖️ Cancel
report-cancelled = Cancelled: nothing was sent.
report-need-area = Please choose your commune or ward before reporting: /settings → Area.
report-rate-limited = You have sent several reports in a short time. Please try again in about { $minutes } minutes. In an emergency, call 113 now.
report-rate-limited-hours = You have sent several reports in a short time. Please try again in about { $hours } hours. In an emergency, call 113 now.
report-urgent = 🚨 Urgent, happening now
report-ask-category = What would you like to report? Choose a type:
report-ask-description = Type: { $category }. Please describe what happened: what, when, who or which vehicle (description, plate number if known).
report-ask-description-again = Please type a description of what happened.
report-description-short = That is a bit short. Please write at least { $min } characters so officers understand what happened.
report-description-long = Your description has { $length } characters, over the limit of { $max }. Please shorten it; you can add details once you have a reference code.
report-photo-need-text = Photo received. Please also type a description of what happened.
report-ask-location = Where did it happen? Type the place (e.g. Hung My market, near the hamlet 3 bridge) or share a location (📍 button on Telegram).
report-location-skip-hint = If you would rather not say where, choose Skip.
report-location-expected = Please type a place, share a location or choose Skip.
report-place-long = That place is too long (at most { $max } characters). Please keep it short.
report-skip = ⏭️ Skip
report-ask-photos = Do you have photos of it? Send up to { $max } photos, or choose Skip.
report-photo-expected = Please send a photo (up to { $max }), or choose an option below to continue.
report-photo-received = Got { $count }/{ $max } photos. Send more or choose Done.
report-photo-limit = A report can have at most { $max } photos; the extra ones were not added.
report-photo-too-big = That photo is too large (at most { $mb } MB) and was not added. Please send a smaller one.
report-photos-done = ✅ Done
report-ask-identity = Send anonymously, or leave a phone number so officers can call you if needed? Either way, officers never see your name or messenger account.
report-anonymous = 🕶️ Send anonymously
report-leave-contact = 📞 Leave a phone number
report-ask-contact = Type your phone number (e.g. 0912 345 678).
report-contact-invalid = That phone number does not look right. Please type a Vietnamese mobile number (10 digits, e.g. 0912 345 678) or a landline with its area code (e.g. 028 3829 1234), or choose Send anonymously.
report-summary-title = Please check your report before sending:
report-summary-urgent = 🚨 Urgent
report-summary-photos = Photos: { $count }
report-summary-anonymous = Reporter: anonymous
report-summary-contact = Phone number for officers: { $phone }
report-send = 📨 Send report
report-use-options = Please choose one of the options below.
report-filed = ✅ Your report is recorded. Reference code: { $code }. The commune police have been notified. Send /status { $code } to follow it and add details.
report-filed-urgent = ✅ Your URGENT report is recorded. Reference code: { $code }. If anyone is in danger, call 113 now. Send /status { $code } to follow it.

## Tip card for officers
tip-card-title = 🆕 New tip { $code }
tip-card-urgent = 🚨 URGENT TIP { $code }
tip-card-category = Type: { $category }
tip-card-area = Area: { $area }
tip-card-time = Time: { $time }
tip-card-status = Status: { $status }
tip-card-description = Report: { $text }
tip-card-place = Place: { $place }
tip-card-location = Location: { $lat }, { $lng } (https://maps.google.com/?q={ $lat },{ $lng })
tip-card-photos = Photos: { $count }
tip-card-contact = The reporter chose to leave a phone number: { $phone }
tip-card-anonymous = Reporter: anonymous
tip-card-hint = Act on it: press a button below or send /tip { $code }
tip-action-ack = 👁️ Acknowledge
tip-action-take = 🙋 Take it
tip-action-reply = 💬 Reply to reporter
tip-action-resolve = ✅ Resolved
tip-action-reject = ⛔ Reject
tip-action-duplicate = 🔁 Duplicate
tip-action-spam = 🚫 Spam
tip-action-open = 📄 Open tip
tip-photo-caption = Photo { $n }/{ $total } – tip { $code }
tip-photos-elsewhere = Tip { $code } has { $count } photos that can only be viewed on Telegram.
thread-officer = Officer
thread-you = You
thread-reporter = Reporter
thread-photos = [{ $count } photos]
tip-not-found = That tip was not found, or you may not see it.
staff-only = This is for staff only. If you are an officer, send /staff with your invite code.
inbox-title = Tip inbox: { $count } open (page { $page }/{ $pages }). Urgent and oldest first.
inbox-empty = The tip inbox is empty: nothing is waiting.
inbox-prev = ⬅️ Previous
inbox-next = Next ➡️
tip-history = History:
tip-history-line = • { $time }: { $status }
tip-thread = Messages:
tip-status-set = Tip { $code } is now "{ $status }". The reporter has been told.
tip-status-unchanged = Tip { $code } is "{ $status }"; that action is not possible now.
tip-reply-ask = Type your reply to the reporter of { $code } (a photo is fine too). The reporter will not see your name or account.
tip-reply-sent = Reply sent to the reporter of { $code }.
tip-reply-no-reporter = The reporter of { $code } erased their data or blocked the bot, so the reply cannot reach them. It is kept with the tip.
tip-from-reporter = 💬 The reporter of { $code } writes:

## What the reporter receives
tip-now-new = Your report { $code } is recorded.
tip-now-acknowledged = 👁️ The commune police have acknowledged your report { $code }.
tip-now-in_progress = 🙋 An officer is working on your report { $code }.
tip-now-resolved = ✅ Your report { $code } has been resolved. Thank you for helping keep your community safe!
tip-now-rejected = Your report { $code } was not taken up (not enough information, or outside police remit). If you have more to add, send /status { $code }.
tip-now-duplicate = Your report { $code } is about something already reported; it is being followed up. Thank you!
tip-officer-reply = 💬 An officer replied about your report { $code }:
tip-answer-here = To answer, just send a message here (text or photo). The officer cannot see your name or account.
tip-answer-status = To answer, send /status { $code } and choose Add information.
mytip-answer = 💬 Answer the officer
mytips-none = You have not sent any reports yet. Choose "Report" to send one.
mytips-title = Your recent reports ({ $count }). Choose one for details:
mytip-view =
    Report { $code }
    Type: { $category }
    Status: { $status }
    Sent: { $time }
    Report: { $text }
mytip-add = ➕ Add information or photos
mytip-all = 📋 All my reports
mytip-write = Type what you want to add, or send photos, for { $code }. Officers cannot see your name or account.
mytip-sent = Passed on to the officers handling { $code }. Send more, or choose Done.
mytip-done = ✅ Done

## Staff
role-admin = Administrator
role-officer = Police officer
role-leader = Model leader
staff-role-line = • { $role }: { $area }
staff-roles = Your roles:
staff-usage = To become staff on the bot, send /staff with the invite code from your administrator, e.g. /staff ABCD-EFGH-JKMN
staff-too-many = Too many wrong codes. Please try again in an hour.
staff-code-invalid = That invite code is not valid. Please check it.
staff-code-expired = That invite code has expired. Please ask for a new one.
staff-code-used = That invite code has already been used.
staff-welcome = Welcome! You are now { $role } for { $area }. New tips of the area will reach you; send /inbox to see the tip inbox.
station-group-only = Send /station in your unit's Telegram group to link the group to your area.
station-linked = This group is now linked to { $area }: new tips of the area will be posted here. Send /station off to unlink.
station-unlinked = Unlinked: this group will no longer receive tips.
cmd-report = Report a security concern
cmd-status = My reports
cmd-inbox = Tip inbox (staff)
cmd-tip = Open and handle a tip (staff)
cmd-staff = Enter a staff invite code
cmd-station = Link your unit's group (staff)
apitoken-issued =
    Your API token (shown once; the previous one stops working):
    { $token }
    Send it as the header Authorization: Bearer <token>. Do not share it. Send /apitoken revoke to revoke it.
apitoken-revoked = Your API tokens are revoked.
cmd-apitoken = API token (staff)

## Broadcasts
cmd-broadcast = Send a notice to residents (staff)
menu-broadcast = 📢 Send a notice
menu-broadcasts = 📊 Notices sent
bc-header = 📢 NOTICE
bc-header-from = 📢 NOTICE from { $from }
bc-footer = (Type /stop if you no longer want to receive notices.)
bc-choose-area = 📢 Send a notice to the residents of which area?
bc-choose-filter = Who should receive it?
bc-filter-all = All residents (Telegram and Zalo)
bc-filter-telegram = Telegram users only
bc-filter-zalo = Zalo users only
bc-filter-vi = Vietnamese readers only
bc-filter-en = English readers only
bc-ask-text = Send the text of the notice ({ $min }–{ $max } characters). You may send one photo with the text as its caption.
bc-text-length = The text needs { $min } to { $max } characters (you sent { $length }). Please send it again.
bc-ask-english = If you like, send an English version for English readers. Otherwise choose "Skip": they get the Vietnamese text.
bc-skip = Skip
bc-preview = 👁 Residents will receive this:
bc-recipients = Draft #{ $id }. Recipients now: { $total } (Telegram { $telegram }, Zalo { $zalo }).{ $photo ->
    [yes] {" "}A photo sent from Telegram reaches Telegram users only.
   *[no] {""}
  }
bc-send-now = 🚀 Send now
bc-schedule = ⏰ Schedule
bc-discard = 🗑 Discard draft
bc-discarded = The draft notice was discarded.
bc-ask-time = When should it go out? Type a date and time in Vietnam time, e.g. 19/08 07:30
bc-bad-time = I could not read that time, or it is past or more than { $days } days ahead. Example: 19/08 07:30
bc-confirm-now = Send the notice now to { $count } people?
bc-confirm-later = Send the notice to about { $count } people at { $time }?
bc-confirm = ✅ Confirm
bc-started = 🚀 Notice #{ $id } is being sent. You will get a report when it is done.
bc-scheduled = ⏰ Notice #{ $id } will be sent at { $time }.
bc-not-now = Notice #{ $id } cannot do that in its current state.
bc-not-found = Notice not found, or you may not manage it.
bc-usage = Usage: /broadcast to compose; /broadcast list; /broadcast status|pause|resume|cancel <number>.
bc-do-status = 🔄 Progress
bc-do-pause = ⏸ Pause
bc-do-resume = ▶️ Resume
bc-do-cancel = ⛔ Cancel
bc-state-draft = draft
bc-state-scheduled = scheduled
bc-state-sending = sending
bc-state-paused = paused
bc-state-done = done
bc-state-cancelled = cancelled
bc-status-title = Notice #{ $id }: { $status }
bc-counts = Sent { $sent }, blocked { $blocked }, failed { $failed }, skipped { $skipped }, waiting { $queued } (total { $total }).
bc-elapsed = Time: { $duration }
bc-duration = { $minutes } min { $seconds } s
bc-report-title = 📊 Report of notice #{ $id }
bc-progress-title = ⏳ Notice #{ $id }: { $done }/{ $total } processed
bc-list-title = Recent notices of your areas:
bc-list-empty = No notices yet.
bc-list-recipients = { $count } recipients
