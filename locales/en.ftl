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
flow-use-options = Please choose one of the options below.
flow-draft-reset = Sorry, what you had entered so far could not be read back (the bot was just updated). Please answer this question again.
flow-draft-lost = Sorry, what you had entered so far could not be read back (the bot was just updated). Please start again from the menu.
resume-offer = You were in the middle of something. Everything you entered is kept. Would you like to continue?
resume-continue = ↩️ Continue where I left off
resume-drop = 🗑️ Drop what I entered
resume-dropped = Dropped what you had entered.
not-understood = The bot did not understand. Please choose an item below.
unsupported-message = The bot cannot read this kind of message yet. Please send text or choose an item below.
error-generic = Sorry, the bot ran into a problem handling your message. Please try again in a few minutes.
error-update-set-aside = Sorry, the bot hit an error with your last message and could not do it. Nothing you had confirmed before was lost. Please try again or choose something else; in an emergency, call 113 now.

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
consent-declined = The bot has stored nothing about you. Send /start whenever you want to begin again. In an emergency call 113 (police), 114 (fire), 115 (ambulance) or 112 right away.
consent-already = You have already agreed.

## Area
area-ask = Which commune or ward do you live in? Type its name, e.g. Hưng Mỹ. Old names from before the 2025 merger work too, e.g. Hoà Mỹ, Cái Nước.
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
    /groups – local self-managed models: join, leave, your models
    /festivals – festival days near you: answer, calendar
    /settings – settings (language, area, notices)
    /language – change language
    /stop – stop all notices
    /mydata – see what the bot stores about you
    /deleteme – erase your data
    In an emergency call 113 (police), 114 (fire), 115 (ambulance) or 112 right away.
acknowledged = Got it, thank you! Whenever you need something, choose below. In an emergency call 113 right away.
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
    • Models joined: { $models }; festival answers: { $rsvps } (erased when you delete your data)
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
report-cancel = ✖️ Cancel
report-cancelled = Cancelled: nothing was sent.
report-additions-stopped = Stopped adding. Report { $code } keeps what you already sent. Send /status { $code } to follow it and write more.
report-need-area = Please choose your commune or ward before reporting: /settings → Area.
report-rate-limited = You have sent several reports in a short time. Please try again in about { $minutes } minutes. In an emergency, call 113 now.
report-rate-limited-hours = You have sent several reports in a short time. Please try again in about { $hours } hours. In an emergency, call 113 now.
report-urgent = 🚨 Urgent, happening now
report-ask-category = What would you like to report? Choose a type:
report-ask-description = Type: { $category }. Please describe what happened: what, when, who or which vehicle (description, plate number if known).
report-ask-description-urgent = 🚨 Type a few lines now: what is happening, and where. The report is recorded as soon as you send the description; then you can add the place, photos and a phone number.
report-ask-description-again = Please type a description of what happened.
report-description-short = That is a bit short. Please write at least { $min } characters so officers understand what happened.
report-description-long = Your description has { $length } characters, over the limit of { $max }. Please shorten it; you can add details once you have a reference code.
report-description-over = Your description is { $length } characters long; a tip holds { $max }. What would you like to do? You can also type a shorter text instead.
report-long-keep = ✂️ Keep the first { $max } characters
report-long-split = ➕ Send the rest as a follow-up
report-description-too-long = Your description is { $length } characters long; the bot takes at most { $max } characters for one tip, including what follows it. Please shorten it; you can send more details once you have the tip code.
report-summary-rest = The rest of the description ({ $length } characters): sent right after the tip, as a follow-up.
report-rest-added = The rest of your description was added to tip { $code } as a follow-up.
report-photo-need-text = Photo received. Please also type a description of what happened.
report-ask-location = Where did it happen? Type the place (e.g. Hung My market, near the hamlet 3 bridge){ $share ->
    [yes] {" "}or share a location with the 📍 Share my location button.
   *[no] .
}
report-location-skip-hint = If you would rather not say where, choose Skip.
report-location-expected = { $share ->
    [yes] Please type a place, share a location or choose Skip.
   *[no] Please type a place or choose Skip.
}
report-place-long = That place is too long (at most { $max } characters). Please keep it short.
report-skip = ⏭️ Skip
report-ask-photos = Do you have photos of it? Send up to { $max } photos, or choose Skip.
report-photo-expected = Please send a photo (up to { $max }), or choose an option below to continue.
report-photo-received = Got { $count }/{ $max } photos. Send more or choose Done.
report-photo-limit = A report can have at most { $max } photos; the extra ones were not added.
report-photo-too-big = That photo is too large (at most { $mb } MB) and was not added. Please send a smaller one.
report-caption-long = The photo's caption would make the description longer than { $max } characters, so it was not added. The photo was received; you can send a shorter caption with your next photo.
report-photos-done = ✅ Done
report-ask-identity = Send anonymously, or leave a phone number so officers can call you if needed? Either way, officers never see your name or messenger account.
report-anonymous = 🕶️ Send anonymously
report-leave-contact = 📞 Leave a phone number
report-ask-contact = Type your phone number (e.g. 0912 345 678).
report-contact-invalid = That phone number does not look right. Please type a Vietnamese mobile number (10 digits, e.g. 0912 345 678) or a landline with its area code (e.g. 028 3829 1234), or choose Send anonymously.
contact-form-title = 📞 Leave a phone number
contact-form-subtitle = Or tap here to send your Zalo phone number. Only the number is kept with the tip.
report-summary-title = Please check your report before sending:
report-summary-urgent = 🚨 Urgent
report-summary-photos = Photos: { $count }
report-summary-anonymous = Reporter: anonymous
report-summary-contact = Phone number for officers: { $phone }
report-send = 📨 Send report
report-use-options = Please choose one of the options below.
report-filed = ✅ Your report is recorded. Reference code: { $code }. The commune police have been notified. Send /status { $code } to follow it and add details.
report-urgent-sent = 🚨 Your URGENT report is recorded and was passed at once to the police officers in charge. Reference code: { $code }. You can add the place, photos and a phone number in the next steps.
report-urgent-no-officer = 🚨 Your URGENT report is stored, reference code: { $code }. No officer receives reports through this bot in your area yet, so nobody has seen it. Call 113 now.
report-added-sent = Added to report { $code } and passed to the officers.
report-added-stored = Added to report { $code } (no officer receives reports through this bot in your area yet).
report-urgent-done = ✅ Done. URGENT report { $code } holds everything you sent. Send /status { $code } to follow it and write more.
report-filed-urgent = ✅ Your URGENT report is recorded. Reference code: { $code }. If anyone is in danger, call 113 now. Send /status { $code } to follow it.
report-filed-unrouted = ✅ Your report is stored. Reference code: { $code }. Your area has no police officer on the bot yet, so no officer has seen this report; the administrators have been told so they can find one. If anyone is in danger, call 113 now. Send /status { $code } to follow it.
tip-unrouted-admin = ⚠️ Tip { $code } ({ $category }) in { $area }, at { $time }, has reached no officer: this commune and its province have no police officer or station group on the bot. Please invite an officer for the area; on joining they will see the waiting tips.

## Zalo Official Account token (to admins)
oa-token-failing-admin = ⚠️ Renewing the Zalo Official Account's access token failed ({ $reason }). Once the current token runs out, messages to people on the Zalo OA wait in the queue, none is dropped, until the OA is connected again. To fix it, the operator runs on the server: npm run cli -- zalo-oa connect
oa-token-working-admin = ✅ The Zalo Official Account has a working access token again: messages waiting for it are being sent.

## Tip card for officers
tip-card-title = 🆕 New tip { $code }
tip-card-title-seen = 📄 Tip { $code }
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
tip-card-contact-private = The reporter left a phone number: officers see it in their private chat.
tip-card-anonymous = Reporter: anonymous
tip-card-hint = { $buttons ->
    [yes] Act on it: press a button below or send /tip { $code }
    [menu] Act on it: reply with a number from the list above, or send /tip { $code } to see the whole tip.
   *[no] Act on it: send /tip { $code } to see the actions, then answer with a number.
}
tip-action-ack = 👁️ Acknowledge
tip-action-take = 🙋 Take it
tip-action-reply = 💬 Reply to reporter
tip-action-resolve = ✅ Resolved
tip-action-reject = ⛔ Reject
tip-action-duplicate = 🔁 Duplicate
tip-action-spam = 🚫 Spam
tip-action-reopen = 🔓 Reopen tip
tip-close-ask = Close tip { $code } as "{ $status }"? The reporter will be told.
tip-close-spam = It will be marked as spam: the reporter's tips and messages are then limited more strictly.
tip-close-note-hint = You can type a short note on the outcome to send the reporter with it.
tip-close-note = Note for the reporter: "{ $note }" (type again to change it).
tip-close-yes = ✅ Confirm
tip-close-no = ↩️ No
tip-close-kept = Tip { $code } was not closed; it is still "{ $status }".
tip-history-reopened = Reopened, { $status }
tip-reopened-by-reporter = 🔓 The reporter reopened tip { $code } (it was "{ $was }"); it is "{ $status }" again.
tip-action-open = 📄 Open tip
tip-photo-caption = Photo { $n }/{ $total } – tip { $code }
tip-photos-elsewhere = Tip { $code } has { $count } photos that can only be viewed on Telegram.
tip-photo-links = Tip { $code } has { $count } photos sent from Telegram. Open them with the links below (they expire in { $hours } hours; do not share them):
    { $links }
tip-photos-elsewhere-web = Tip { $code } has { $count } photos sent through the web chat; officers see them in the console.
tip-photo-links-web = Tip { $code } has { $count } photos sent through the web chat. Open them with the links below (they expire in { $hours } hours; do not share them):
    { $links }
tip-photo-link = Photo { $n }: { $url }
thread-officer = Officer
thread-you = You
thread-reporter = Reporter
thread-photos = [{ $count } photos]
tip-not-found = That tip was not found, or you may not see it.
tip-press-refused = Only police officers of this area can act on this tip.
staff-only = This is for staff only. If you are an officer, send /staff with your invite code.
inbox-title = Tip inbox: { $count } open (page { $page }/{ $pages }). Urgent and oldest first.
inbox-empty = The tip inbox is empty: nothing is waiting.
inbox-prev = ⬅️ Previous
inbox-next = Next ➡️
tip-history = History:
tip-history-line = • { $time }: { $status }
tip-history-by = • { $time }: { $status } – { $by }
tip-by-reporter = The reporter
tip-by-operator = System operator
tip-by-officer = An officer (no display name set)
tip-colleague-took = 🙋 { $by } has taken tip { $code }.
tip-colleague-closed = { $by } has set tip { $code } to "{ $status }".
tip-assigned-to-you = 📌 { $by } has given tip { $code } to you. The reporter's messages about it now come to you.
tip-thread = Messages:
tip-status-set = Tip { $code } is now "{ $status }". The reporter has been told.
tip-status-set-waiting = Tip { $code } is now "{ $status }". The reporter has not written to the bot for a while, so their messenger does not let the bot write to them yet; they will be told when they next write.
tip-status-unchanged = Tip { $code } is "{ $status }"; that action is not possible now.
tip-reply-ask = Type your reply to the reporter of { $code } (a photo is fine too). The reporter will not see your name or account.
tip-reply-sent = Reply sent to the reporter of { $code }.
tip-reply-no-reporter = The reporter of { $code } erased their data or blocked the bot, so the reply cannot reach them. It is kept with the tip.
tip-reply-waiting = Your reply is kept with tip { $code } but not sent yet: the reporter has not written to the bot for a while, so their messenger does not let the bot write to them. It will be sent when they next write.
tip-reporter-held = Tip { $code }: the reporter's messenger does not take messages from the bot now (they have not written to it for a while). The message to them is kept and will be sent when they next write.
tip-addition = ➕ The reporter adds to { $code }:
tip-from-reporter = 💬 The reporter of { $code } writes:

## What the reporter receives
tip-now-new = Your report { $code } is recorded.
tip-now-acknowledged = 👁️ The commune police have acknowledged your report { $code }.
tip-now-in_progress = 🙋 An officer is working on your report { $code }.
tip-now-resolved = ✅ Your report { $code } has been resolved. Thank you for helping keep your community safe!
tip-now-rejected = Your report { $code } was not taken up (not enough information, or outside police remit). If you have more to add, send /status { $code }.
tip-now-duplicate = Your report { $code } is about something already reported; it is being followed up. Thank you!
tip-now-reopened = 🔓 Your tip { $code } was reopened by an officer to look into it again.
tip-now-note = Note from the officer: { $note }
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
mytip-sent-all = Your messages were passed on to the officers handling { $code }.
mytip-stored-unrouted = Saved to tip { $code }. No police officer receives reports through the bot in this area yet; when one does, they will see this message with the tip. If you are in danger, call 113 now.
mytip-held = Saved to { $code }. Messages sent close together reach the officers as one: when you choose Done, or with your next message after { $seconds } seconds.
mytip-too-many = You have sent many messages about { $code } in the past hour. This one was not saved and not passed on to the officers; please try again in about { $minutes } minutes.
mytip-spam-closed = Officers judged { $code } to be spam, so your message was not saved and not passed on to them.
mytip-closed = Tip { $code } is closed ("{ $status }").
mytip-closed-held = Your message was not saved and not passed on to the officers yet.
mytip-closed-full = This message was not kept: it goes over the length or photo limit. Please choose an option below.
mytip-reopen-offer = If the matter is not over, you can reopen the tip for the officers to look into it again.
mytip-reopen = 🔓 Reopen the tip
mytip-reopen-send = 🔓 Reopen and send my message
mytip-reopen-no = ↩️ No
mytip-reopened = Tip { $code } is reopened; the officers handling it have been told.
mytip-reopened-unrouted = Tip { $code } is reopened. No police officer receives reports through the bot in this area yet; when one does, they will see the tip. If you are in danger, call 113 now.
mytip-still-closed = Tip { $code } stays closed.
mytip-still-closed-held = Tip { $code } stays closed; your message was not saved and not passed on to the officers.
tip-from-reporter-many = 💬 The reporter of { $code } writes { $count } messages:

## Staff
role-admin = Administrator
role-officer = Police officer
role-leader = Model leader
staff-role-line = • { $role }: { $area }
staff-roles = Your roles:
staff-ask-code = To become staff on the bot, type the invite code from your administrator, e.g. ABCD-EFGH-JKMN
staff-too-many = Too many wrong codes. Please try again in an hour.
staff-code-invalid = That invite code is not valid. Please check it.
staff-code-expired = That invite code has expired. Please ask for a new one.
staff-code-used = That invite code has already been used.
staff-welcome-officer = Welcome! You are now { $role } for { $area }. New tips of the area will reach you; send /inbox to see the tip inbox.
staff-welcome-admin = Welcome! You are now { $role } for { $area }. New tips of the area will reach you; send /inbox to see the tip inbox. You are also told when a tip has reached no officer.
staff-welcome-leader = Welcome! You are now { $role } of "{ $model }" in { $area }. You approve requests to join, send notices to the members and see the member list: send /models. Next come the model's { $share ->
        [qr] join code, link and QR code
        [link] join code and link
       *[code] join code
    } to invite residents.
staff-welcome-leader-unassigned = Welcome! You are now { $role } for { $area }. Once you are given a self-managed model (with a model leader invite), you approve requests to join and send notices to its members; send /models to see the models you lead.
staff-waiting-title = 📋 Tips waiting for an officer:
staff-waiting-line = • { $code } · { $category } · { $time }
staff-revoked = Your role of { $role } for { $area } has ended; your API tokens have been revoked too.
staff-code-accepted = ✅ The invite code is valid.
staff-ask-label = Your display name for colleagues, e.g. Captain Nguyen Van A ({ $min }–{ $max } characters). It appears in tip histories and in notices to officers of the same area; reporters do not see it.
staff-label-bad = A display name needs { $min } to { $max } characters. Please type it again.
staff-label-saved = Display name for colleagues saved: { $label }.
staff-label-is = Your display name for colleagues: { $label }. Send /staff label to change it.
staff-label-change = Send /staff label to change your display name for colleagues.
station-group-only = Send /station in your unit's Telegram group to link the group to your area.
station-linked = This group is now linked to { $area }: new tips of the area will be posted here. Send /station off to unlink.
station-unlinked = Unlinked: this group will no longer receive tips.
station-members = This group has { $count } members.
station-members-unknown = The number of members of this group is not known.
station-confirm = Link this group to { $area }? Every member will read the area's new tips (without the reporter's phone number).
station-link = ✅ Link
station-cancel = Cancel
station-not-linked = Not linked: this group will not receive tips.
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
bc-filter-all = All residents (Telegram, Zalo and Zalo OA)
bc-filter-telegram = Telegram users only
bc-filter-zalo = Zalo users only
bc-filter-zalo_oa = Zalo OA users only
bc-filter-vi = Vietnamese readers only
bc-filter-en = English readers only
bc-ask-text = Send the text of the notice ({ $min }–{ $max } characters). You may send one photo with the text as its caption.
bc-text-length = The text needs { $min } to { $max } characters (you sent { $length }). Please send it again.
bc-ask-english = If you like, send an English version for English readers. Otherwise choose "Skip": they get the Vietnamese text.
bc-skip = Skip
bc-preview = 👁 Residents will receive this:
bc-recipients = Draft #{ $id }. Recipients now: { $total } (Telegram { $telegram }, Zalo { $zalo }, Zalo OA { $zalo_oa }).{ $photo ->
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
bc-cancel-confirm = Cancel notice #{ $id } ({ $status })? Those not reached yet will not get it; this cannot be undone.
bc-cancel-keep = ↩️ No
bc-state-draft = draft
bc-state-scheduled = scheduled
bc-state-sending = sending
bc-state-paused = paused
bc-state-done = done
bc-state-cancelled = cancelled
bc-status-title = Notice #{ $id }: { $status }
bc-counts = Sent { $sent }, blocked { $blocked }, failed { $failed }, skipped { $skipped }, outside the interaction window { $outside_window }, waiting { $queued } (total { $total }).
bc-held = ⏸ { $platform }: { $queued } waiting, paused until { $time }: its sending quota is spent.
bc-held-title = ⚠️ Notice #{ $id }: { $platform } is out of sending quota. Messages through { $platform } are paused until { $time }{ $others ->
    [yes] ; the other channels go on sending.
   *[no] .
  }
bc-elapsed = Time: { $duration }
bc-duration = { $minutes } min { $seconds } s
bc-report-title = 📊 Report of notice #{ $id }
bc-progress-title = ⏳ Notice #{ $id }: { $done }/{ $total } processed
bc-list-title = Recent notices of your areas:
bc-list-empty = No notices yet.
bc-list-recipients = { $count } recipients

## Self-managed models
cmd-groups = Local self-managed models
cmd-join = Join a model by its code
cmd-models = Manage and review models (officers, leaders)
menu-models = 🏘 Local models
menu-models-manage = 🗂 Manage models
mdl-kind-camera = Security camera
mdl-kind-team = Self-management team
mdl-kind-religious = Religious solidarity
mdl-kind-club = Club
mdl-kind-other = Other model
mdl-kind-icon-camera = 📹
mdl-kind-icon-team = 🛡
mdl-kind-icon-religious = 🕊
mdl-kind-icon-club = 🤝
mdl-kind-icon-other = 🏘
mdl-list-title = Self-managed models in { $area }. Choose one to see it and join:
mdl-list-empty = { $area } has no self-managed model on the bot yet. If you have a join code, choose "Enter a join code".
mdl-mine = ⭐ My models
mdl-enter-code = 🔑 Enter a join code
mdl-mine-title = Models you are in or lead:
mdl-mine-empty = You have not joined any model yet.
mdl-not-found = This model was not found, or you may not do this.
mdl-details =
    { $name }
    Kind: { $kind }
    Area: { $area }
    Members: { $members }
    Joining: { $policy }
mdl-no-leader = This model has no leader on the bot yet; the commune officers approve instead.
mdl-policy-open = open (join at once)
mdl-policy-open-label = Open (join at once)
mdl-policy-approval = the leader approves
mdl-policy-approval-label = The leader approves
mdl-retired = 💤 This model is no longer active.
mdl-you-member = ✅ You are a member.
mdl-you-pending = ⏳ Your request to join is waiting for approval.
mdl-join = ➕ Join
mdl-leave = 🚪 Leave the model
mdl-withdraw = ↩️ Withdraw my request
mdl-ask-show-name = You are joining "{ $name }". May the model's leader see your display name? (Your account is never shown.)
mdl-show-name-yes = 👤 Show my name
mdl-show-name-no = 🙈 Hide my name
mdl-outcome-joined = 🎉 You joined "{ $name }". You will receive the model's notices.
mdl-outcome-requested = 📨 Your request to join "{ $name }" was sent. You will be told when the leader approves it.
mdl-outcome-already-member = You are already a member of "{ $name }".
mdl-outcome-already-pending = Your request to join "{ $name }" is waiting for approval.
mdl-outcome-retired = "{ $name }" is no longer active and takes no new members.
mdl-request-to-leader = 📝 Someone wants to join "{ $model }": { $who }. Type /models and choose the model to decide.
mdl-hidden-name = A resident (name hidden)
mdl-approve = ✅ Approve
mdl-decline = ❌ Decline
mdl-left = You left "{ $name }" and will receive no more of its notices.
mdl-not-member = You are not a member of this model.
mdl-ask-code = Type the join code printed on the poster, for example: MH-7K3Q9P
mdl-code-unknown = No model has this code. Please check it and type it again (for example: MH-7K3Q9P).
mdl-notice = 📢 Send a notice to the members
mdl-members = 👥 Members
mdl-requests = 📝 Requests waiting ({ $count })
mdl-qr = 🔳 Join code and QR code
mdl-members-list =
    Members of "{ $name }": { $count } ({ $hidden } with their name hidden).
    { $list }
mdl-requests-title = Requests to join "{ $name }":
mdl-requests-none = No requests are waiting.
mdl-request-done = This request was already decided.
mdl-approved = ✅ You were approved into "{ $name }". You will receive the model's notices.
mdl-declined = Your request to join "{ $name }" was not accepted.
mdl-qr-hint = Print the QR code on the poster: Telegram users scan it to join; Zalo users send the code to the bot.
mdl-notice-ask = Send the notice for the members of "{ $name }" ({ $min }–{ $max } characters).
mdl-notice-confirm = Send this notice to the { $count } members of "{ $name }"?
mdl-share = Model "{ $name }" – join code: { $code }
    Zalo users: send the code { $code } to the bot (or /join { $code }).
mdl-share-link = Telegram users: scan the QR code or open { $link }
mdl-share-no-link = (No Telegram link yet: the bot does not know its own username.)
mdl-you-lead = 👑 You lead "{ $name }". Requests to join will come to you for approval.
mdl-review = 📊 Review
mdl-leader-invite = 👑 Invite a leader
mdl-retire = 💤 Retire
mdl-reactivate = ♻️ Reactivate
mdl-review-line = #{ $id } { $name }: { $members } members, { $pending } waiting; { $joins } joined, { $leaves } left; { $notices } notices; { $tips } tips by members
mdl-led-title = Models you lead:
mdl-manage-title = Model review (last { $days } days):
mdl-manage-empty = Your area has no model on the bot yet.
mdl-create = ➕ Create a model
mdl-retired-done = "{ $name }" is retired. Its members get no new notices of it.
mdl-reactivated-done = "{ $name }" is active again.
mdl-leader-invite-code = Leader invite for "{ $name }": { $code }
    The leader sends the bot: /staff { $code } (one use, within { $days } days).
mdl-create-area = Which commune or ward is the model in?
mdl-create-area-type = Choose the area, or type the name of a commune or ward in your province.
mdl-create-area-none = No commune or ward of your area matches. Please type the name again.
mdl-create-name = The model's name ({ $min }–{ $max } characters), for example: Hamlet 3 security cameras
mdl-create-kind = What kind of model?
mdl-create-description = A short description (at most { $max } characters), or choose "Skip".
mdl-create-policy = How do residents join?
mdl-period = { $half ->
    [first] first half of
   *[second] second half of
} { $year }
mdl-verdict-keep = Keep
mdl-verdict-improve = Improve
mdl-verdict-retire = Retire
mdl-decide-keep = ✅ Decision: keep
mdl-decide-improve = 🔧 Decision: improve
mdl-decide-retire = 💤 Decision: retire
mdl-decision-line = Decision for the { $period }: { $verdict }
mdl-decision-line-note = Decision for the { $period }: { $verdict } — { $note }
mdl-decision-choose = Record the review's decision for the { $period }:
mdl-decision-ask-note = Decision for the { $period }: { $verdict }. Type a note (at most { $max } characters), or choose "Skip".
mdl-decision-note-long = The note is longer than { $max } characters. Please type a shorter one.
mdl-decision-recorded = Decision for the { $period } recorded for "{ $name }": { $verdict }.
mdl-decision-replaced = Decision for the { $period } replaced for "{ $name }": { $verdict }.

## Festival days
cmd-festivals = Festival days near me
cmd-festival = Manage festival days (officers)
menu-festivals = 🎉 Festival days
menu-festivals-manage = 🗓 Manage festival days
fest-unit-day = { $n ->
    [one] 1 day
   *[other] { $n } days
}
fest-unit-hour = { $n ->
    [one] 1 hour
   *[other] { $n } hours
}
fest-unit-minute = { $n ->
    [one] 1 minute
   *[other] { $n } minutes
}
fest-unit-second = { $n ->
    [one] 1 second
   *[other] { $n } seconds
}
fest-details =
    🎉 { $title }
    📍 { $area }
    🕒 From { $start } to { $end }
    🏛 Venue: { $venue }
    📋 Programme: { $programme }
fest-announce-head = You are warmly invited to the festival day "All people protect national security":
fest-announce-foot = To say you will come: type /festivals.
fest-moved-head = ⚠️ The festival day has a new time:
fest-moved-foot = If you can no longer come, type /festivals to tell us.
fest-cancelled-head = ⛔ This festival day is cancelled:
fest-cancelled-foot = We are sorry for the inconvenience.
fest-reminder-head = ⏰ Reminder: the festival day is { $left } away.
fest-commend-text =
    🏅 Commendations at "{ $title }"
    These people and collectives are commended for their part in the movement "All people protect national security":
    { $list }
    Congratulations!
fest-going = ✅ I will come
fest-not-going = ❌ I will not come
fest-list-title = Upcoming festival days near you:
fest-list-empty = No festival day is coming up near you.
fest-not-found = This festival day was not found, or you may not do this.
fest-you-going = You said you will come.
fest-you-not-going = You said you will not come.
fest-you-unanswered = Will you come?
fest-is-cancelled = ⛔ This festival day is cancelled.
fest-ics = 📅 Add to calendar (.ics)
fest-ics-sent = Here is the calendar file: open it to add the festival day to your phone's calendar.
fest-rsvp-going = ✅ Noted: you will come to "{ $title }".
fest-rsvp-not-going = Noted: you will not come to "{ $title }".
fest-create = ➕ Create a festival day
fest-manage-title = Festival days of your area:
fest-manage-empty = Your area has no festival day yet.
fest-reminders = Reminders:
fest-reminder-line = • { $left } before: { $time } – { $status }
fest-reminder-pending = scheduled
fest-reminder-sent = sent
fest-reminder-missed = skipped (too late)
fest-reminder-dropped = cancelled
fest-counts = Answers: { $going } coming, { $notGoing } not coming. Reminders go to: { $to }.
fest-remind-rsvp = people who said they will come
fest-remind-rsvp-label = People who said they will come
fest-remind-area = every resident of the area
fest-remind-area-label = Every resident of the area
fest-move = 🕒 Change the time
fest-commend = 🏅 Announce commendations
fest-cancel = ⛔ Cancel the festival day
fest-create-area = Which area is the festival day for?
fest-ask-title = The festival day's title (at most { $max } characters)
fest-ask-start = When does it start? Type a date and time in Vietnam time, for example: 19/08 07:30
fest-bad-time = That time could not be read, or it has passed. For example: 19/08 07:30
fest-past-time = { $time } has already passed. Please type a time still to come, for example: 19/08 07:30
fest-ask-end = It starts { $start }. When does it end? Type a time (for example 11:30) or a date and time.
fest-bad-end = The end must come after the start, within 7 days. For example: 11:30
fest-ask-venue = The venue (at most { $max } characters), for example: the commune cultural house
fest-ask-programme = The programme (at most { $max } characters), or choose "Skip".
fest-ask-remind = The bot reminds people { $offsets } before. Who gets the reminders?
fest-preview = Preview of the notice, exactly as residents will read it (to { $count } accounts in { $area }):
fest-preview-confirm = 📢 Announce the festival day
fest-preview-ask = Send this notice and create the festival day?
fest-created = ✅ Festival day #{ $id } created. Notice #{ $broadcast } is being sent to the area's residents.
fest-not-now = This cannot be done to the festival day in its state.
fest-invalid = The festival day's details are incomplete or not valid (title, venue, time). Please create it again.
fest-area-unknown = This area was not found.
fest-bad-names = The list of commendations is not valid (too many names, or a name too short or too long).
fest-moved-done = ✅ Festival day #{ $id } has a new time; reminders are rescheduled. The notice of the change goes to { $count } accounts that got the announcement or said they will come.
fest-cancel-confirm = Cancel "{ $title }"? Its reminders are dropped and everyone who got the announcement or said they will come is told.
fest-cancelled-done = Festival day #{ $id } is cancelled. The notice goes to { $count } accounts that got the announcement or said they will come.
fest-ask-names = Type the names of the people and collectives commended, one a line or separated by ";" (at most { $names } names, each 2–{ $name } characters).
fest-commend-confirm = Announce commendations of { $count } people/collectives to the area's residents: { $list }?
fest-commend-done = ✅ Commendations of { $count } people/collectives announced (notice #{ $broadcast }).

## Web console (server texts)
cmd-web = Open the management console in a browser (staff)
cmd-stats = Statistics of my area (officers)
console-web-link =
    🔐 Sign-in link to the management console in your browser:
    { $link }
    The link works once, within { $minutes } minutes. Whoever has it signs in with your rights: do not forward it. Send /web for a new link.
console-web-unavailable = The browser console is not switched on (the server has no public address, PUBLIC_URL). Please tell the system administrator.
console-login-unknown = This sign-in link is not valid. Send /web to the bot in a private chat for a new link.
console-login-used = This sign-in link has been used already (each link works once). Send /web to the bot in a private chat for a new link.
console-login-expired = This sign-in link has expired (after { $minutes } minutes). Send /web to the bot in a private chat for a new link.
console-login-not-staff = You no longer hold a staff role, so you cannot sign in.
console-login-title = Could not sign in
console-not-built = The console has not been built on this server (run: npm run build:console).

## Web console (the page's texts: console-ui-*, no variables)
console-ui-title = National Security Console
console-ui-loading = Loading…
console-ui-signed-out-title = Not signed in
console-ui-signed-out =
    To sign in, send /web to the bot in a private chat (Telegram or Zalo). The bot sends you a one-time link, valid for 10 minutes. Open it in this browser.
console-ui-signed-out-operator = System administrator: run npm run cli -- console-link --admin on the server.
console-ui-operator = System administrator
console-ui-all-areas = All areas
console-ui-roles = Roles
console-ui-logout = Sign out
console-ui-logged-out = You are signed out.
console-ui-language = Language
console-ui-nav = Sections
console-ui-nav-tips = Tips
console-ui-nav-broadcasts = Notices
console-ui-nav-models = Models
console-ui-nav-festivals = Festival days
console-ui-nav-staff = Staff
console-ui-nav-stats = Statistics
console-ui-page-soon = This section is not in the console yet. Meanwhile, please use the bot in chat.
console-ui-welcome = Choose a section above.
console-ui-error = The data could not be loaded. Please reload the page.

## /stats: the movement's figures for an officer's areas
stats-title = 📊 Statistics of { $area }, last { $days } days (since { $from }):
stats-tips = Tips received: { $received } (urgent { $urgent }). New { $new }, acknowledged { $acknowledged }, in progress { $in_progress }, resolved { $resolved }, rejected { $rejected }, duplicate { $duplicate }.
stats-categories = By category: { $list }.
stats-times = Time to an officer's first step (median): { $ack }; to resolved: { $resolve }.
stats-residents = Registered residents: { $people } ({ $list }).
stats-models = Active local models: { $active }, { $members } members.
stats-festivals = Festival days in the period: { $held }, { $going } said they will attend.
stats-broadcasts = Broadcasts sent: { $sent }, reaching { $reached } recipients.
stats-none = none yet
stats-minutes = { $n } min
stats-hours = { $n } h
stats-days = { $n } days
stats-usage = Type /stats for the last 30 days, or /stats with a number of days (1–{ $max }), e.g. /stats 90.

## Web console: tips (console-ui-*, no variables)
console-ui-col-code = Code
console-ui-col-area = Area
console-ui-col-category = Category
console-ui-col-status = Status
console-ui-col-urgent = Urgency
console-ui-col-filed = Filed
console-ui-col-updated = Updated
console-ui-col-description = Content
console-ui-col-place = Place
console-ui-col-age = Waiting
console-ui-urgent = Urgent
console-ui-normal = Normal
console-ui-filters = Filters
console-ui-filter-status = Status
console-ui-filter-category = Category
console-ui-filter-urgency = Urgency
console-ui-filter-from = From
console-ui-filter-to = To
console-ui-filter-code = Code
console-ui-filter-area = Area
console-ui-filter-sort = Sort
console-ui-any = All
console-ui-status-open = Open (new, acknowledged, in progress)
console-ui-status-closed = Closed (resolved, rejected, duplicate)
console-ui-sort-urgent = Urgent first
console-ui-sort-newest = Newest first
console-ui-sort-oldest = Oldest first
console-ui-export = Export CSV
console-ui-prev = ‹ Previous
console-ui-next = Next ›
console-ui-page = Page
console-ui-total = Tips:
console-ui-tips-arrived = New tips came in: the list is up to date.
console-ui-no-tips = No tip matches the filters.
console-ui-age-minutes = min
console-ui-age-hours = h
console-ui-age-days = d
console-ui-overdue = Waiting too long to be acknowledged
console-ui-back = ‹ Tip inbox
console-ui-tip-not-found = There is no such tip in your areas.
console-ui-content = Content
console-ui-place = Place
console-ui-location = Shared location
console-ui-contact = Phone number the reporter left
console-ui-photos = Photos attached
console-ui-photo = Photo
console-ui-history = History
console-ui-thread = Anonymous thread with the reporter
console-ui-thread-empty = No messages yet.
console-ui-from-citizen = Reporter
console-ui-from-officer = Officer
console-ui-by-reporter = Reporter
console-ui-by-operator = System administrator
console-ui-by-officer = An officer
console-ui-reply = Reply to the reporter (they see neither your name nor your account)
console-ui-reply-send = Send reply
console-ui-reply-sent = The reply was sent to the reporter.
console-ui-reply-stored = The reply is kept in the thread; the reporter can no longer be reached through the bot.
console-ui-reporter-waits = The reporter's messenger does not allow a message now: it arrives when they next write to the bot.
console-ui-reply-empty = Please type a reply.
console-ui-reply-too-long = The reply is too long.
console-ui-move-acknowledged = Acknowledge
console-ui-move-in_progress = Take it on
console-ui-move-resolved = Resolved
console-ui-move-rejected = Reject
console-ui-move-duplicate = Duplicate
console-ui-move-reopened = Reopen
console-ui-move-spam = Spam (throttle the sender)
console-ui-map = Map
console-ui-map-located = Tips with a location:
console-ui-desk-assignee = Officer in charge
console-ui-desk-nobody = Not given to anyone
console-ui-desk-assign = Give the tip
console-ui-desk-assigned = Tip given. The officer has been told in the bot; the reporter's messages now go to them.
console-ui-desk-closed = The tip is closed: reopen it before giving it.
console-ui-desk-invalid = Empty or too long.
console-ui-desk-canned = Ready answers
console-ui-desk-canned-pick = Pick one to fill the reply box
console-ui-desk-canned-save = Keep the reply being written as a ready answer
console-ui-desk-canned-saved = Ready answer kept for the commune's officers.
console-ui-desk-canned-retire = Remove this ready answer
console-ui-desk-canned-retired = Ready answer removed.
console-ui-desk-notes = Internal notes
console-ui-desk-notes-hint = Only officers see these notes; the reporter never does.
console-ui-desk-note = New note
console-ui-desk-note-save = Keep the note
console-ui-desk-note-saved = Internal note kept (the reporter is not told).
console-ui-confirm-title = Change the tip's status
console-ui-confirm-to = New status:
console-ui-note = Note to the reporter (optional)
console-ui-confirm = Confirm
console-ui-cancel = Cancel
console-ui-moved = The tip's status is changed.
console-ui-not-now = Someone else just updated this tip; this is its status now.
## Web console: staff, invites, the audit log, the system (operator)
console-ui-nav-audit = Audit log
console-ui-nav-system = System
console-ui-staff-forbidden = This section is for police officers and area admins.
console-ui-staff-grants = Staff of the area
console-ui-staff-none = No staff in the area yet.
console-ui-staff-no-label = No display label
console-ui-staff-since = Since
console-ui-staff-revoke = Revoke role
console-ui-staff-revoke-confirm = Confirm revoking
console-ui-staff-revoked = Role revoked; this person's console sessions have ended:
console-ui-invite-new = New invite code
console-ui-invite-role = Role
console-ui-invite-area = Area
console-ui-invite-days = Valid for (days)
console-ui-invite-create = Create code
console-ui-invite-code = Invite code:
console-ui-invite-until = Usable until
console-ui-invite-how = The invited person sends the bot:
console-ui-invite-once = The code is shown only now and works once; the server does not keep it.
console-ui-invites = Invite codes
console-ui-invite-state = State
console-ui-invite-state-open = Still usable
console-ui-invite-state-used = Used
console-ui-invite-state-expired = Expired
console-ui-invite-state-revoked = Revoked
console-ui-invites-none = No invite codes.
console-ui-invite-created = Created
console-ui-invite-expires = expires
console-ui-invite-used = used
console-ui-invite-revoked = revoked
console-ui-invite-withdraw = Revoke code
console-ui-audit-forbidden = The audit log is for area admins (of their own areas).
console-ui-audit-actor = Done by
console-ui-audit-action = Action
console-ui-audit-any = All
console-ui-audit-area = Area
console-ui-audit-from = From
console-ui-audit-to = To
console-ui-audit-search = Filter
console-ui-audit-none = No entries.
console-ui-audit-when = When
console-ui-audit-by = Done by
console-ui-audit-someone = Not shown (not or no longer staff)
console-ui-audit-more = Show more
console-ui-health = System health
console-ui-health-ready = All parts are working.
console-ui-health-not-ready = Some part is not working.
console-ui-health-postgres = PostgreSQL database
console-ui-health-redis = Redis (queues)
console-ui-health-zalo_oa = Zalo OA access token
console-ui-health-queues = Queues in PostgreSQL
console-ui-health-queue_backend = Where the queues run
console-ui-health-state-redis = Redis
console-ui-health-state-postgres = PostgreSQL only (no Redis)
console-ui-health-state-ok = working
console-ui-health-state-down = not answering
console-ui-health-state-unknown = unknown (no answer in time)
console-ui-health-state-not-connected = not connected (run: npm run cli -- zalo-oa connect)
console-ui-health-state-expired = expired (renewed at the next send)
console-ui-health-state-refresh-failing = renewal failing (run: npm run cli -- zalo-oa connect)
console-ui-health-state-none-usable = no usable token (run: npm run cli -- zalo-oa connect)
console-ui-queues = Queues
console-ui-queues-open = Open the queues' dashboard (Bull Board)
## Web console: statistics and the periodic review report
console-ui-stats-area = Area
console-ui-stats-from = From
console-ui-stats-to = To
console-ui-stats-show = Show
console-ui-stats-report = Review report
console-ui-stats-no-area = This area is not among yours.
console-ui-stats-bad-period = Not a period: the start must come before the end, 366 days at most.
console-ui-stats-none = none yet
console-ui-stats-minutes = min
console-ui-stats-hours = h
console-ui-stats-days = days
console-ui-stats-received = Tips received
console-ui-stats-handled = Tips handled
console-ui-stats-urgent = Urgent tips
console-ui-stats-median-ack = Time to acknowledge (median)
console-ui-stats-median-resolve = Time to resolve (median)
console-ui-stats-residents = Registered residents
console-ui-stats-models-active = Active models
console-ui-stats-models-created = New models
console-ui-stats-models-kept = Models kept
console-ui-stats-models-retired = Models retired
console-ui-stats-members = Model members
console-ui-stats-members-joined = Members joined
console-ui-stats-members-left = Members left
console-ui-stats-festivals-held = Festival days held
console-ui-stats-festivals-answers = Answers to invitations
console-ui-stats-festivals-going = Answered "going"
console-ui-stats-commendations = Commendations announced
console-ui-stats-commended = Groups and people commended
console-ui-stats-broadcasts-sent = Notices sent
console-ui-stats-broadcasts-recipients = Intended recipients
console-ui-stats-broadcasts-reached = Delivered
console-ui-stats-over-time = Tips over time, by category
console-ui-stats-chart = Chart of tips over time, by category
console-ui-stats-week = Week of
console-ui-stats-month = Month
console-ui-stats-total = Total
console-ui-stats-no-tips = No tips in this period.
console-ui-stats-back = Back to Statistics
console-ui-stats-print = Print the report
console-ui-stats-report-title = Review report of the movement "All people protect national security"
console-ui-stats-report-from = From
console-ui-stats-report-to = to
console-ui-stats-report-made = Figures as of
console-ui-stats-report-guarded = Counts under 5 that could point at a reporter are shown as "< 5".
console-ui-stats-none-in-period = None in the period.
console-ui-stats-col-item = Item
console-ui-stats-col-count = Count
console-ui-stats-col-received = Received
console-ui-stats-col-handled = Handled
console-ui-stats-col-members = Members
console-ui-stats-col-joined = Joined in period
console-ui-stats-col-left = Left in period
console-ui-stats-col-member-tips = Members' tips
console-ui-stats-table-tips = Tips received and handled
console-ui-stats-table-categories = Tips by category
console-ui-stats-table-models = Self-managed models
console-ui-stats-table-model-list = Each model
console-ui-stats-table-festivals = Festival days and commendations
console-ui-stats-table-residents = Residents on the messengers
console-ui-stats-table-broadcasts = Notices to residents

## Console: the models' review
console-ui-models-none = Your areas have no models on the bot yet.
console-ui-models-window = Joins, leaves, notices and members' tips: counted over the last
console-ui-models-days = days.
console-ui-models-active = Active
console-ui-models-retired = Retired
console-ui-models-has-leader = Has a leader
console-ui-models-no-leader = No leader yet
console-ui-models-fig-members = Members
console-ui-models-fig-pending = Pending
console-ui-models-fig-joins = Joined
console-ui-models-fig-leaves = Left
console-ui-models-fig-notices = Notices
console-ui-models-fig-tips = Members' tips
console-ui-models-no-decision = No review decision yet.
console-ui-models-half-1 = First half of
console-ui-models-half-2 = Second half of
console-ui-models-an-officer = An officer
console-ui-models-decide = Record the review's decision
console-ui-models-period = Review period
console-ui-models-replaces = This period has a decision already: the new one replaces it.
console-ui-models-verdict = Decision
console-ui-models-verdict-keep = Keep
console-ui-models-verdict-improve = Improve
console-ui-models-verdict-retire = Retire
console-ui-models-retire-warning = The model will be retired: no new members, and members get no new notices from it.
console-ui-models-note = Note (optional, at most 1000 characters)
console-ui-models-save = Save the decision
console-ui-models-choose-verdict = Please choose a decision.
console-ui-models-bad-decision = Not saved: the review period or the note is not valid.
console-ui-models-recorded = Decision recorded for the
console-ui-models-replaced = Decision replaced for the
console-ui-models-retired-done = The model is retired.
console-ui-models-invite = Invite a leader
console-ui-models-invite-code = Leader invite code (shown once):
console-ui-models-invite-how = The invited person sends the bot:
console-ui-models-invite-until = single use, expires
console-ui-models-poster = Printable poster
console-ui-models-back = ‹ All models
console-ui-models-not-found = There is no such model in your areas.
console-ui-models-print = Print the poster
console-ui-models-poster-retired = This model is retired: it takes no new members.
console-ui-models-poster-title = Join our local model
console-ui-models-poster-code = Join code
console-ui-models-poster-qr = QR code to join on Telegram
console-ui-models-poster-telegram = Scan the QR code with your phone's camera, or open the link:
console-ui-models-poster-telegram-code = Send the join code above to the bot.
console-ui-models-poster-zalo = Send the code
console-ui-models-poster-zalo-end = to the bot on Zalo, then choose “Join”.

## The console's festivals section
console-ui-festivals-new = New festival day
console-ui-festivals-none = Your areas have no festival days yet.
console-ui-festivals-going = Going:
console-ui-festivals-not-going = Not going:
console-ui-festivals-state-scheduled = Upcoming
console-ui-festivals-state-held = Held
console-ui-festivals-state-cancelled = Cancelled
console-ui-festivals-title = Title
console-ui-festivals-area = Area
console-ui-festivals-venue = Venue
console-ui-festivals-time = Time (Vietnam time)
console-ui-festivals-day = Day
console-ui-festivals-start = Starts
console-ui-festivals-end = Ends
console-ui-festivals-end-day = Last day (if not the first)
console-ui-festivals-programme = Programme, description
console-ui-festivals-remind-to = Send reminders to
console-ui-festivals-remind-rsvp = People who said they are going
console-ui-festivals-remind-area = Every resident of the area
console-ui-festivals-lead-times = The bot reminds people ahead by:
console-ui-festivals-preview = Preview the announcement
console-ui-festivals-preview-title = Preview: the message exactly as residents will receive it
console-ui-festivals-preview-to = To
console-ui-festivals-accounts = accounts
console-ui-festivals-announce = Announce and create the festival day
console-ui-festivals-back-edit = Go back
console-ui-festivals-back = ‹ Festival days
console-ui-festivals-not-found = There is no such festival day in your areas.
console-ui-festivals-answers = Answers
console-ui-festivals-reminders = Reminders
console-ui-festivals-no-reminders = This festival day has no reminders.
console-ui-festivals-before-start = before the start
console-ui-festivals-unit-day-one = day
console-ui-festivals-unit-day-many = days
console-ui-festivals-unit-hour-one = hour
console-ui-festivals-unit-hour-many = hours
console-ui-festivals-unit-minute-one = minute
console-ui-festivals-unit-minute-many = minutes
console-ui-festivals-unit-second-one = second
console-ui-festivals-unit-second-many = seconds
console-ui-festivals-reminder-pending = Scheduled
console-ui-festivals-reminder-sent = Sent
console-ui-festivals-reminder-missed = Skipped (too late)
console-ui-festivals-reminder-dropped = Cancelled
console-ui-festivals-move = Change the time
console-ui-festivals-move-confirm = Change the time? This notice of the new time will go out
console-ui-festivals-move-done = Time changed; the reminders are planned again. The notice of the new time goes to
console-ui-festivals-cancel = Cancel the festival day
console-ui-festivals-cancel-confirm = Cancel the festival day? Its reminders are dropped and this notice will go out
console-ui-festivals-cancel-done = Festival day cancelled. The notice goes to
console-ui-festivals-commendations = Commendations
console-ui-festivals-no-commendations = No commendations announced yet.
console-ui-festivals-commend-names = People or collectives commended (one a line, or separated by ";")
console-ui-festivals-commend = Announce the commendations
console-ui-festivals-commend-confirm = Announce these commendations to the area's residents?
console-ui-festivals-commended = Commendations announced. People or collectives:
console-ui-festivals-refused-fest-invalid = The festival day's details are incomplete or not valid: title and venue of at least 3 characters, the end after the start and within 7 days.
console-ui-festivals-refused-fest-bad-time = The start is not valid or has passed. Choose a time ahead.
console-ui-festivals-refused-fest-not-now = This cannot be done to the festival day in its state.
console-ui-festivals-refused-fest-bad-names = The list of commendations is not valid (too many names, or a name too short or too long).
console-ui-festivals-refused-fest-area-unknown = This area was not found.
## Web console: broadcasts (console-ui-broadcasts-*, no variables)
console-ui-broadcasts-new = New broadcast
console-ui-broadcasts-audience = Send to
console-ui-broadcasts-kind-area = Residents of an area
console-ui-broadcasts-kind-model = Members of a model
console-ui-broadcasts-kind-festival = Residents going to a festival
console-ui-broadcasts-area = Area
console-ui-broadcasts-model = Model
console-ui-broadcasts-festival = Festival
console-ui-broadcasts-platform = Messenger
console-ui-broadcasts-platform-all = All messengers
console-ui-broadcasts-language = Recipients' language
console-ui-broadcasts-language-all = All languages
console-ui-broadcasts-language-vi = Vietnamese
console-ui-broadcasts-language-en = English
console-ui-broadcasts-recipients = Recipients now:
console-ui-broadcasts-counting = Counting recipients…
console-ui-broadcasts-outside = These recipients are outside your areas.
console-ui-broadcasts-text-vi = Text (Vietnamese)
console-ui-broadcasts-text-en = English version (optional)
console-ui-broadcasts-text-length = Each version of the text needs 5 to 3,500 characters.
console-ui-broadcasts-invalid = The broadcast is not valid yet. Check its text and its time.
console-ui-broadcasts-when = When to send
console-ui-broadcasts-now = Now
console-ui-broadcasts-later = At a set time
console-ui-broadcasts-time = Time (Vietnam time)
console-ui-broadcasts-bad-time = Choose a time at least 1 minute ahead and within the next 90 days.
console-ui-broadcasts-preview = Preview
console-ui-broadcasts-preview-title = What residents will receive
console-ui-broadcasts-send = Send broadcast
console-ui-broadcasts-schedule = Schedule broadcast
console-ui-broadcasts-confirm-now = Send the broadcast now. Recipients:
console-ui-broadcasts-confirm-later = Schedule the broadcast. Recipients:
console-ui-broadcasts-confirm = Confirm
console-ui-broadcasts-list = Recent broadcasts
console-ui-broadcasts-none = No broadcasts yet.
console-ui-broadcasts-progress = Broadcast progress
console-ui-broadcasts-state-draft = Draft
console-ui-broadcasts-state-scheduled = Scheduled
console-ui-broadcasts-state-sending = Sending
console-ui-broadcasts-state-paused = Paused
console-ui-broadcasts-state-done = Done
console-ui-broadcasts-state-cancelled = Cancelled
console-ui-broadcasts-created = Created
console-ui-broadcasts-scheduled-at = Scheduled for
console-ui-broadcasts-started = Started
console-ui-broadcasts-finished = Finished
console-ui-broadcasts-back = ‹ All broadcasts
console-ui-broadcasts-not-found = No such broadcast in your areas.
console-ui-broadcasts-pause = Pause
console-ui-broadcasts-resume = Resume
console-ui-broadcasts-cancel = Cancel sending
console-ui-broadcasts-cancel-confirm = Cancel this broadcast? Those not reached yet will not get it; this cannot be undone.
console-ui-broadcasts-cancel-yes = Confirm cancelling
console-ui-broadcasts-cancel-keep = Keep sending
console-ui-broadcasts-not-now = The broadcast's state just changed; this is how it stands now.
console-ui-broadcasts-held = waiting: paused because the sending quota is used up, until
console-ui-broadcasts-report = Outcomes
console-ui-broadcasts-outcome = Outcome
console-ui-broadcasts-people = People
console-ui-broadcasts-outcome-sent = Sent
console-ui-broadcasts-outcome-blocked = Blocked
console-ui-broadcasts-outcome-failed = Failed
console-ui-broadcasts-outcome-skipped = Skipped
console-ui-broadcasts-outcome-outside_window = Outside the interaction window
console-ui-broadcasts-outcome-queued = Waiting
console-ui-broadcasts-total = Total

console-ui-webchat-title = Chat with the commune police
console-ui-webchat-intro = Hello! Here you can send a tip to the commune police, follow the tips you sent and get the commune's notices.
console-ui-webchat-start = Start
console-ui-webchat-placeholder = Type a message…
console-ui-webchat-send = Send
console-ui-webchat-photo = Send a photo
console-ui-webchat-open-photo = Open the photo
console-ui-webchat-offline = Reconnecting…
console-ui-webchat-slow-down = You are sending a little fast. Please wait a minute before sending more: your last message was not sent.
console-ui-webchat-photo-too-large = The photo is too large and was not sent. Please choose a smaller one.
console-ui-webchat-photo-type = Only JPEG, PNG or WebP photos can be sent. This one was not sent.
console-ui-webchat-send-failed = Not sent. Please check your connection and try again.
console-ui-webchat-widget-open = Send a tip to the commune police
console-ui-webchat-widget-close = Close
