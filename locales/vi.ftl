## Chung
welcome = Xin chào! Đây là trợ lý của phong trào "Toàn dân bảo vệ an ninh Tổ quốc": báo tin an ninh cho Công an xã, tham gia mô hình tự quản và theo dõi Ngày hội ở nơi bạn sống.
main-menu = Bạn muốn làm gì?
menu-hint = Trả lời bằng số thứ tự hoặc tên mục.
menu-settings = ⚙️ Cài đặt
menu-help = ❓ Trợ giúp
nav-back = ↩️ Quay lại
welcome-back = Chào mừng bạn quay lại!
group-private-only = Vui lòng nhắn riêng cho bot để sử dụng các chức năng cá nhân.
unknown-command = Bot chưa hiểu lệnh này. Gõ /help để xem các lệnh có thể dùng.
choice-expired = Lựa chọn này không còn hiệu lực. Mời bạn chọn lại.
flow-use-options = Vui lòng chọn một mục bên dưới.
flow-draft-reset = Xin lỗi, phần bạn đang nhập dở không đọc lại được (bot vừa được cập nhật). Mời bạn trả lời lại câu hỏi này.
flow-draft-lost = Xin lỗi, phần bạn đang nhập dở không đọc lại được (bot vừa được cập nhật). Mời bạn bắt đầu lại từ menu.
resume-offer = Bạn đang nhập dở một việc trước đó. Những gì bạn đã nhập vẫn được giữ nguyên. Bạn muốn tiếp tục không?
resume-continue = ↩️ Tiếp tục phần đang nhập dở
resume-drop = 🗑️ Bỏ phần đang nhập dở
resume-dropped = Đã bỏ phần đang nhập dở.
not-understood = Bot chưa hiểu ý bạn. Mời bạn chọn một mục dưới đây.
unsupported-message = Bot chưa đọc được loại tin nhắn này. Vui lòng gửi chữ hoặc chọn một mục dưới đây.
error-generic = Xin lỗi, bot gặp sự cố khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.
error-update-set-aside = Xin lỗi, bot gặp lỗi khi xử lý tin nhắn vừa rồi nên chưa làm được việc này. Những gì bạn đã xác nhận trước đó vẫn được lưu, không mất gì. Mời bạn thử lại hoặc chọn việc khác; nếu khẩn cấp, hãy gọi ngay 113.

## Ngôn ngữ
language-ask = Chọn ngôn ngữ / Choose your language:
language-saved = Đã chuyển sang tiếng Việt.
language-name-vi = Tiếng Việt
language-name-en = Tiếng Anh

## Đồng ý xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân 2025)
consent-text =
    Trước khi bắt đầu, xin bạn đọc và cho biết có đồng ý hay không:

    • Bot lưu tài khoản nhắn tin, tên hiển thị, ngôn ngữ và xã/phường bạn chọn để gửi cho bạn thông tin an ninh, Ngày hội và mô hình tự quản ở địa phương, và để chuyển tin bạn báo đến Công an xã.
    • Mã tài khoản và tên của bạn được mã hoá khi lưu; cán bộ không xem được danh tính của bạn.
    • Bạn có thể xem dữ liệu của mình (/mydata), dừng nhận thông báo (/stop), rút lại sự đồng ý và xoá dữ liệu (/deleteme) bất cứ lúc nào.

    Nếu không đồng ý, bot sẽ không lưu gì về bạn.
consent-accept = ✅ Tôi đồng ý
consent-decline = ❌ Không đồng ý
consent-recorded = Cảm ơn bạn. Sự đồng ý của bạn đã được ghi nhận.
consent-declined = Bot không lưu thông tin nào của bạn. Khi nào cần, bạn gõ /start để bắt đầu lại. Trường hợp khẩn cấp, hãy gọi ngay 113 (Công an), 114 (Cứu hoả), 115 (Cấp cứu) hoặc 112.
consent-already = Bạn đã đồng ý trước đó.

## Khu vực
area-ask = Bạn sống ở xã/phường nào? Hãy gõ tên, ví dụ: Hưng Mỹ. Có thể gõ cả tên cũ trước sáp nhập, ví dụ: Hoà Mỹ, Cái Nước.
area-share-location = 📍 Gửi vị trí của tôi
area-location-unresolved = Bot chưa xác định được xã/phường từ vị trí này. Vui lòng gõ tên xã/phường của bạn.
area-not-found = Không tìm thấy xã/phường nào khớp với "{ $query }". Vui lòng kiểm tra chính tả hoặc gõ thêm tên tỉnh.
area-pick = { $count ->
    [one] Tìm thấy 1 kết quả. Đây có phải nơi bạn sống không?
   *[other] Tìm thấy { $count } kết quả. Bạn sống ở đâu?
}
area-match-via = { $place } (trước đây: { $old })
area-saved = Đã cập nhật khu vực: { $place }.
onboarding-done = Hoàn tất! Khu vực của bạn: { $place }.

## Trợ giúp
help =
    Các lệnh bạn có thể dùng:
    /start – bắt đầu lại
    /report – báo tin an ninh (có thể ẩn danh)
    /status – tin đã báo, trạng thái và trả lời của cán bộ
    /groups – mô hình tự quản ở địa phương: tham gia, rời, mô hình của bạn
    /festivals – Ngày hội ở địa phương: đăng ký tham gia, thêm vào lịch
    /settings – cài đặt (ngôn ngữ, khu vực, thông báo)
    /language – đổi ngôn ngữ
    /stop – dừng nhận mọi thông báo
    /mydata – xem dữ liệu bot lưu về bạn
    /deleteme – xoá dữ liệu của bạn
    Trường hợp khẩn cấp, hãy gọi ngay 113 (Công an), 114 (Cứu hoả), 115 (Cấp cứu) hoặc 112.
acknowledged = Dạ, bot đã nhận được tin nhắn của bạn. Cảm ơn bạn! Khi cần, bạn có thể chọn một mục dưới đây. Trường hợp khẩn cấp, hãy gọi ngay 113.
help-guest = Gõ /start để bắt đầu. Trường hợp khẩn cấp, hãy gọi ngay 113 (Công an), 114 (Cứu hoả), 115 (Cấp cứu) hoặc 112.

## Cài đặt
settings-title = Cài đặt
settings-language = 🌐 Ngôn ngữ
settings-area = 📍 Khu vực
settings-notices = 🔔 Nhận thông báo
settings-mydata = 📄 Dữ liệu của tôi
settings-deleteme = 🗑️ Xoá dữ liệu của tôi
notices-title = Chọn loại thông báo muốn nhận:
notices-status-on = Bạn đang nhận thông báo.
notices-status-stopped = Bạn đã dừng nhận mọi thông báo.
notice-festival = Ngày hội
notice-models = Mô hình tự quản
notice-general = Thông báo chung
notice-stop = 🔕 Dừng tất cả
notice-resume = 🔔 Nhận lại thông báo
stop-done = Đã dừng. Bạn sẽ không nhận thêm thông báo nào. Muốn nhận lại, vào /settings → Nhận thông báo.
resume-done = Đã bật lại. Bạn sẽ nhận thông báo theo lựa chọn bên dưới.

## Dữ liệu cá nhân
mydata =
    Dữ liệu bot lưu về bạn:
    { $accounts }
    • Ngôn ngữ: { $language }
    • Khu vực: { $area }
    • Đồng ý xử lý dữ liệu: { $consentAt } (văn bản phiên bản { $consentVersion })
    • Thông báo: { $broadcasts }
    • Loại thông báo: { $notices }
    • Ngày đăng ký: { $createdAt }
    • Tin báo đã gửi: { $tips } (khi xoá dữ liệu, tin báo vẫn được giữ nhưng không còn gắn với bạn)
    • Mô hình tham gia: { $models }; trả lời Ngày hội: { $rsvps } (xoá khi bạn xoá dữ liệu)
    • Vai trò cán bộ: { $roles }
    Mã tài khoản và tên của bạn được mã hoá khi lưu.
mydata-account = • Tài khoản { $platform }: { $name }{ $blocked ->
    [yes] (đã chặn bot)
   *[no] {""}
}
mydata-none = (chưa có)
mydata-receiving = đang nhận
mydata-stopped = đã dừng từ { $since }
deleteme-confirm = Bạn có chắc muốn xoá toàn bộ dữ liệu của mình và rút lại sự đồng ý? Việc này không thể hoàn tác.
deleteme-yes = 🗑️ Xoá vĩnh viễn
deleteme-no = Không, giữ lại
deleteme-cancelled = Đã huỷ, dữ liệu của bạn vẫn được giữ.
deleteme-done = Đã xoá toàn bộ dữ liệu cá nhân của bạn và ghi nhận việc rút lại sự đồng ý. Cảm ơn bạn đã đồng hành. Gõ /start nếu muốn sử dụng lại.

## Mô tả lệnh trong menu Telegram
cmd-start = Bắt đầu
cmd-help = Trợ giúp
cmd-settings = Cài đặt
cmd-language = Đổi ngôn ngữ
cmd-stop = Dừng nhận thông báo
cmd-mydata = Xem dữ liệu của tôi
cmd-deleteme = Xoá dữ liệu của tôi

## Chống làm phiền
flood-slow-down = Bạn đang gửi tin nhắn quá nhanh. Vui lòng chờ một phút rồi tiếp tục. Nếu khẩn cấp, hãy gọi ngay 113.
error-retry = Hệ thống đang tạm thời gián đoạn nên tin nhắn vừa rồi CHƯA được ghi nhận. Vui lòng thử lại sau ít phút. Nếu khẩn cấp, hãy gọi ngay 113.

## Báo tin
menu-report = 📣 Báo tin
menu-mytips = 📋 Tin đã báo
menu-inbox = 📥 Hộp tin báo
cat-theft = Trộm cắp, cướp giật
cat-drugs = Ma tuý
cat-gambling = Cờ bạc, cá độ
cat-fraud = Lừa đảo, lừa đảo qua mạng
cat-violence = Đánh nhau, bạo lực
cat-suspicious = Người, phương tiện khả nghi
cat-traffic = Trật tự công cộng, giao thông
cat-fire = Nguy cơ cháy, nổ
cat-other = Việc khác
status-new = Mới
status-acknowledged = Đã tiếp nhận
status-in_progress = Đang xử lý
status-resolved = Đã xử lý xong
status-rejected = Không tiếp nhận
status-duplicate = Trùng tin đã báo
emergency-numbers =
    🚨 Nếu đang có nguy hiểm, hãy gọi ngay:
    • 113 – Công an
    • 114 – Cứu hoả, cứu nạn
    • 115 – Cấp cứu
    • 112 – Tìm kiếm cứu nạn
report-cancel = ✖️ Huỷ
report-cancelled = Đã huỷ, tin báo chưa được gửi.
report-additions-stopped = Đã dừng bổ sung. Tin báo { $code } vẫn giữ những gì bạn đã gửi. Gõ /status { $code } để theo dõi và nhắn thêm.
report-need-area = Bạn cần chọn xã/phường trước khi báo tin: vào /settings → Khu vực.
report-rate-limited = Bạn đã gửi nhiều tin báo trong thời gian ngắn. Vui lòng thử lại sau khoảng { $minutes } phút. Nếu khẩn cấp, hãy gọi ngay 113.
report-rate-limited-hours = Bạn đã gửi nhiều tin báo trong thời gian ngắn. Vui lòng thử lại sau khoảng { $hours } giờ. Nếu khẩn cấp, hãy gọi ngay 113.
report-urgent = 🚨 Khẩn cấp, đang xảy ra
report-ask-category = Bạn muốn báo về việc gì? Chọn một loại:
report-ask-description = Loại: { $category }. Hãy mô tả sự việc: chuyện gì, khi nào, ai hoặc phương tiện nào (đặc điểm, biển số nếu biết).
report-ask-description-urgent = 🚨 Gõ ngay vài dòng: chuyện gì đang xảy ra, ở đâu. Tin sẽ được ghi nhận ngay khi bạn gửi mô tả, rồi bạn có thể bổ sung địa điểm, ảnh và số điện thoại.
report-ask-description-again = Hãy gõ nội dung mô tả sự việc.
report-description-short = Mô tả hơi ngắn. Vui lòng viết ít nhất { $min } ký tự để cán bộ hiểu rõ sự việc.
report-description-long = Mô tả dài { $length } ký tự, vượt giới hạn { $max } ký tự. Vui lòng rút gọn; bạn có thể gửi thêm chi tiết sau khi có mã tin.
report-description-over = Mô tả dài { $length } ký tự, một tin báo chứa được { $max } ký tự. Bạn muốn làm thế nào? Bạn cũng có thể gõ lại nội dung ngắn hơn.
report-long-keep = ✂️ Chỉ giữ { $max } ký tự đầu
report-long-split = ➕ Gửi phần còn lại thành tin bổ sung
report-description-too-long = Mô tả dài { $length } ký tự; bot nhận tối đa { $max } ký tự cho một tin báo, kể cả phần gửi tiếp. Vui lòng rút gọn; bạn có thể gửi thêm chi tiết sau khi có mã tin.
report-summary-rest = Phần còn lại của mô tả ({ $length } ký tự): gửi tiếp ngay sau tin báo, thành tin bổ sung.
report-rest-added = Phần còn lại của mô tả đã được thêm vào tin { $code } thành tin bổ sung.
report-photo-need-text = Đã nhận ảnh. Hãy gõ thêm nội dung mô tả sự việc.
report-ask-location = Sự việc xảy ra ở đâu? Gõ địa điểm (ví dụ: chợ Hưng Mỹ, gần cầu ấp 3){ $share ->
    [yes] {" "}hoặc gửi vị trí bằng nút 📍 Gửi vị trí của tôi.
   *[no] .
}
report-location-skip-hint = Nếu không muốn cho biết địa điểm, chọn Bỏ qua.
report-location-expected = { $share ->
    [yes] Vui lòng gõ địa điểm, gửi vị trí hoặc chọn Bỏ qua.
   *[no] Vui lòng gõ địa điểm hoặc chọn Bỏ qua.
}
report-place-long = Địa điểm quá dài (tối đa { $max } ký tự). Vui lòng gõ ngắn gọn hơn.
report-skip = ⏭️ Bỏ qua
report-ask-photos = Bạn có ảnh về sự việc không? Gửi tối đa { $max } ảnh, hoặc chọn Bỏ qua.
report-photo-expected = Vui lòng gửi ảnh (tối đa { $max } ảnh), hoặc chọn mục bên dưới để tiếp tục.
report-photo-received = Đã nhận { $count }/{ $max } ảnh. Gửi thêm ảnh hoặc chọn Xong.
report-photo-limit = Chỉ gửi được tối đa { $max } ảnh cho một tin báo; ảnh vượt quá không được nhận.
report-photo-too-big = Ảnh quá lớn (tối đa { $mb } MB) nên không được nhận. Vui lòng gửi ảnh nhỏ hơn.
report-caption-long = Chú thích ảnh làm phần mô tả dài quá { $max } ký tự nên chưa được ghi thêm. Ảnh vẫn được nhận; bạn có thể gửi chú thích ngắn hơn cùng ảnh sau.
report-photos-done = ✅ Xong
report-ask-identity = Bạn muốn gửi ẩn danh hay để lại số điện thoại để cán bộ liên hệ khi cần? Dù chọn cách nào, cán bộ cũng không thấy tên hay tài khoản nhắn tin của bạn.
report-anonymous = 🕶️ Gửi ẩn danh
report-leave-contact = 📞 Để lại số điện thoại
report-ask-contact = Gõ số điện thoại của bạn (ví dụ: 0912 345 678).
report-contact-invalid = Số điện thoại chưa đúng. Vui lòng gõ số di động (10 chữ số, ví dụ 0912 345 678) hoặc số cố định có mã vùng (ví dụ 028 3829 1234), hoặc chọn Gửi ẩn danh.
contact-form-title = 📞 Để lại số điện thoại
contact-form-subtitle = Hoặc bấm vào đây để gửi số điện thoại Zalo của bạn. Chỉ số điện thoại được ghi vào tin báo.
report-summary-title = Kiểm tra lại tin báo trước khi gửi:
report-summary-urgent = 🚨 Khẩn cấp
report-summary-photos = Ảnh: { $count }
report-summary-anonymous = Người báo: ẩn danh
report-summary-contact = Số điện thoại để liên hệ: { $phone }
report-send = 📨 Gửi tin báo
report-use-options = Vui lòng chọn một mục bên dưới.
report-filed = ✅ Đã ghi nhận tin báo của bạn. Mã tin: { $code }. Công an xã đã được thông báo. Gõ /status { $code } để theo dõi và trao đổi thêm.
report-urgent-sent = 🚨 Đã ghi nhận tin báo KHẨN CẤP và đã chuyển ngay cho cán bộ công an phụ trách. Mã tin: { $code }. Bạn có thể bổ sung địa điểm, ảnh và số điện thoại ở các bước sau.
report-urgent-no-officer = 🚨 Đã lưu tin báo KHẨN CẤP, mã tin: { $code }. Hiện chưa có cán bộ nào nhận tin qua bot ở địa bàn này nên chưa ai xem được tin. Hãy gọi ngay 113.
report-added-sent = Đã bổ sung vào tin { $code } và chuyển cho cán bộ.
report-added-stored = Đã bổ sung vào tin { $code } (chưa có cán bộ nào nhận tin qua bot ở địa bàn này).
report-urgent-done = ✅ Xong. Tin báo KHẨN CẤP { $code } gồm mọi thứ bạn đã gửi. Gõ /status { $code } để theo dõi và nhắn thêm.
report-filed-urgent = ✅ Đã ghi nhận tin báo KHẨN CẤP. Mã tin: { $code }. Nếu đang có nguy hiểm, hãy gọi ngay 113. Gõ /status { $code } để theo dõi.
report-filed-unrouted = ✅ Đã lưu tin báo của bạn. Mã tin: { $code }. Địa bàn của bạn hiện chưa có cán bộ công an trên bot, nên chưa có cán bộ công an nào xem được tin này; quản trị viên đã được báo để tìm cán bộ phụ trách. Nếu đang có nguy hiểm, hãy gọi ngay 113. Gõ /status { $code } để theo dõi.
tip-unrouted-admin = ⚠️ Tin báo { $code } ({ $category }) tại { $area }, lúc { $time }, chưa đến được cán bộ nào: xã và tỉnh này chưa có cán bộ công an hay nhóm trực ban trên bot. Hãy cấp mã mời cán bộ cho địa bàn; khi nhận quyền, cán bộ sẽ thấy các tin đang chờ.

## Mã truy cập Zalo Official Account (gửi quản trị viên)
oa-token-failing-admin = ⚠️ Gia hạn mã truy cập (access token) của Zalo Official Account không thành công ({ $reason }). Khi mã hiện tại hết hạn, tin nhắn tới người dân trên Zalo OA sẽ chờ trong hàng đợi, không tin nào bị bỏ, cho đến khi OA được kết nối lại. Để khắc phục, người vận hành chạy trên máy chủ: npm run cli -- zalo-oa connect
oa-token-working-admin = ✅ Zalo Official Account đã có lại mã truy cập dùng được: các tin nhắn đang chờ đang được gửi đi.

## Thẻ tin báo cho cán bộ
tip-card-title = 🆕 Tin báo mới { $code }
tip-card-title-seen = 📄 Tin báo { $code }
tip-card-urgent = 🚨 TIN BÁO KHẨN CẤP { $code }
tip-card-category = Loại: { $category }
tip-card-area = Địa bàn: { $area }
tip-card-time = Thời gian: { $time }
tip-card-status = Trạng thái: { $status }
tip-card-description = Nội dung: { $text }
tip-card-place = Địa điểm: { $place }
tip-card-location = Vị trí: { $lat }, { $lng } (https://maps.google.com/?q={ $lat },{ $lng })
tip-card-photos = Ảnh: { $count }
tip-card-contact = Người báo đồng ý để lại số điện thoại: { $phone }
tip-card-contact-private = Người báo có để lại số điện thoại: cán bộ xem trong tin nhắn riêng.
tip-card-anonymous = Người báo: ẩn danh
tip-card-hint = { $buttons ->
    [yes] Xử lý: bấm nút bên dưới hoặc gõ /tip { $code }
    [menu] Xử lý: trả lời bằng số thứ tự ở trên, hoặc gõ /tip { $code } để xem toàn bộ tin.
   *[no] Xử lý: gõ /tip { $code } để xem các thao tác, rồi trả lời bằng số thứ tự.
}
tip-action-ack = 👁️ Tiếp nhận
tip-action-take = 🙋 Nhận xử lý
tip-action-reply = 💬 Trả lời người báo
tip-action-resolve = ✅ Đã xử lý xong
tip-action-reject = ⛔ Không tiếp nhận
tip-action-duplicate = 🔁 Trùng tin
tip-action-spam = 🚫 Tin rác
tip-action-reopen = 🔓 Mở lại tin
tip-close-ask = Đóng tin báo { $code } với trạng thái "{ $status }"? Người báo tin sẽ được thông báo.
tip-close-spam = Tin sẽ được đánh dấu là tin rác: người báo tin sẽ bị giới hạn gửi tin báo và tin nhắn chặt hơn.
tip-close-note-hint = Có thể gõ một ghi chú ngắn về kết quả để gửi kèm cho người báo tin.
tip-close-note = Ghi chú gửi người báo tin: "{ $note }" (gõ lại để sửa).
tip-close-yes = ✅ Xác nhận
tip-close-no = ↩️ Không
tip-close-kept = Tin { $code } chưa bị đóng, vẫn ở trạng thái "{ $status }".
tip-history-reopened = Mở lại, { $status }
tip-reopened-by-reporter = 🔓 Người báo tin đã mở lại tin { $code } (trước đó: "{ $was }"); tin trở lại trạng thái "{ $status }".
tip-action-open = 📄 Xem tin
tip-photo-caption = Ảnh { $n }/{ $total } – tin { $code }
tip-photos-elsewhere = Tin { $code } có { $count } ảnh chỉ xem được trên Telegram.
tip-photo-links = Tin { $code } có { $count } ảnh gửi từ Telegram. Mở ảnh bằng liên kết dưới đây (hết hạn sau { $hours } giờ; không chia sẻ liên kết cho người khác):
    { $links }
tip-photos-elsewhere-web = Tin { $code } có { $count } ảnh gửi qua trang trò chuyện trên web; cán bộ xem ảnh trong trang quản lý.
tip-photo-links-web = Tin { $code } có { $count } ảnh gửi qua trang trò chuyện trên web. Mở ảnh bằng liên kết dưới đây (hết hạn sau { $hours } giờ; không chia sẻ liên kết cho người khác):
    { $links }
tip-photo-link = Ảnh { $n }: { $url }
thread-officer = Cán bộ
thread-you = Bạn
thread-reporter = Người báo
thread-photos = [{ $count } ảnh]
tip-not-found = Không tìm thấy tin báo này, hoặc bạn không có quyền xem.
tip-press-refused = Chỉ cán bộ công an của khu vực mới thao tác được tin báo này.
staff-only = Chức năng này chỉ dành cho cán bộ. Nếu bạn là cán bộ, hãy gõ /staff kèm mã mời.
inbox-title = Hộp tin báo: { $count } tin đang mở (trang { $page }/{ $pages }). Tin khẩn cấp và tin cũ nhất ở trên.
inbox-empty = Hộp tin báo trống: không có tin nào đang chờ xử lý.
inbox-prev = ⬅️ Trang trước
inbox-next = Trang sau ➡️
tip-history = Diễn biến:
tip-history-line = • { $time }: { $status }
tip-history-by = • { $time }: { $status } – { $by }
tip-by-reporter = Người báo tin
tip-by-operator = Quản trị hệ thống
tip-by-officer = Cán bộ (chưa đặt tên hiển thị)
tip-colleague-took = 🙋 { $by } đã nhận xử lý tin báo { $code }.
tip-colleague-closed = { $by } đã chuyển tin báo { $code } sang "{ $status }".
tip-assigned-to-you = 📌 { $by } đã giao tin báo { $code } cho đồng chí xử lý. Tin nhắn của người báo về tin này sẽ chuyển tới đồng chí.
tip-thread = Trao đổi:
tip-status-set = Tin { $code }: đã chuyển sang "{ $status }". Người báo tin đã được thông báo.
tip-status-set-waiting = Tin { $code }: đã chuyển sang "{ $status }". Người báo tin đã lâu không nhắn bot nên ứng dụng của họ chưa cho bot gửi tin; họ sẽ được thông báo khi nhắn lại.
tip-status-unchanged = Tin { $code } đang ở trạng thái "{ $status }", không thể thực hiện thao tác này.
tip-reply-ask = Gõ nội dung trả lời người báo tin { $code } (có thể gửi kèm ảnh). Người báo sẽ không thấy tên hay tài khoản của bạn.
tip-reply-sent = Đã gửi trả lời cho người báo tin { $code }.
tip-reply-no-reporter = Người báo tin { $code } đã xoá dữ liệu hoặc chặn bot nên không nhận được trả lời. Nội dung vẫn được lưu vào tin.
tip-reply-waiting = Đã lưu trả lời vào tin { $code }, nhưng chưa gửi được: người báo tin đã lâu không nhắn bot nên ứng dụng của họ chưa cho bot gửi tin. Trả lời sẽ được gửi khi họ nhắn lại.
tip-reporter-held = Tin { $code }: ứng dụng của người báo tin không nhận tin từ bot lúc này (họ đã lâu không nhắn bot). Tin gửi họ được giữ lại và sẽ được gửi khi họ nhắn lại.
tip-addition = ➕ Người báo bổ sung cho tin { $code }:
tip-from-reporter = 💬 Người báo tin { $code } nhắn:

## Người báo tin nhận
tip-now-new = Tin báo { $code } của bạn đã được ghi nhận.
tip-now-acknowledged = 👁️ Tin báo { $code } của bạn đã được Công an xã tiếp nhận.
tip-now-in_progress = 🙋 Tin báo { $code } của bạn đang được cán bộ xử lý.
tip-now-resolved = ✅ Tin báo { $code } của bạn đã được xử lý xong. Cảm ơn bạn đã chung tay giữ gìn an ninh trật tự!
tip-now-rejected = Tin báo { $code } của bạn không được tiếp nhận xử lý (chưa đủ thông tin hoặc không thuộc thẩm quyền). Nếu có thêm thông tin, gõ /status { $code } để gửi bổ sung.
tip-now-duplicate = Tin báo { $code } của bạn trùng với sự việc đã được báo trước đó; sự việc vẫn đang được theo dõi. Cảm ơn bạn!
tip-now-reopened = 🔓 Tin báo { $code } của bạn đã được cán bộ mở lại để xem xét tiếp.
tip-now-note = Cán bộ ghi chú: { $note }
tip-officer-reply = 💬 Cán bộ trả lời về tin báo { $code }:
tip-answer-here = Để trả lời, bạn chỉ cần nhắn ngay tại đây (chữ hoặc ảnh). Cán bộ không thấy tên hay tài khoản của bạn.
tip-answer-status = Để trả lời, gõ /status { $code } rồi chọn Gửi thêm thông tin.
mytip-answer = 💬 Trả lời cán bộ
mytips-none = Bạn chưa gửi tin báo nào. Chọn "Báo tin" để gửi.
mytips-title = Các tin báo gần đây của bạn ({ $count }). Chọn một tin để xem chi tiết:
mytip-view =
    Tin báo { $code }
    Loại: { $category }
    Trạng thái: { $status }
    Gửi lúc: { $time }
    Nội dung: { $text }
mytip-add = ➕ Gửi thêm thông tin, ảnh
mytip-all = 📋 Tất cả tin đã báo
mytip-write = Gõ nội dung bổ sung hoặc gửi ảnh cho tin { $code }. Cán bộ không thấy tên hay tài khoản của bạn.
mytip-sent = Đã chuyển tới cán bộ phụ trách tin { $code }. Bạn có thể gửi thêm, hoặc chọn Xong.
mytip-done = ✅ Xong
mytip-sent-all = Đã chuyển các tin nhắn của bạn tới cán bộ phụ trách tin { $code }.
mytip-stored-unrouted = Đã lưu vào tin { $code }. Hiện chưa có cán bộ công an nào nhận tin báo qua bot ở khu vực này; khi có, cán bộ sẽ thấy tin nhắn này cùng tin báo. Nếu đang nguy hiểm, hãy gọi ngay 113.
mytip-held = Đã lưu vào tin { $code }. Các tin nhắn gửi liền nhau được chuyển tới cán bộ gộp một lần: khi bạn chọn Xong, hoặc cùng tin nhắn tiếp theo sau { $seconds } giây.
mytip-too-many = Bạn đã gửi nhiều tin nhắn cho tin { $code } trong một giờ qua. Tin nhắn này chưa được lưu và chưa được chuyển tới cán bộ; vui lòng thử lại sau khoảng { $minutes } phút.
mytip-spam-closed = Tin { $code } đã bị cán bộ đánh giá là tin rác, nên tin nhắn của bạn không được lưu và không được chuyển tới cán bộ.
mytip-closed = Tin { $code } đã đóng ("{ $status }").
mytip-closed-held = Tin nhắn vừa rồi chưa được lưu và chưa được chuyển tới cán bộ.
mytip-closed-full = Tin nhắn này không được giữ lại vì đã quá giới hạn độ dài hoặc số ảnh. Vui lòng chọn một mục bên dưới.
mytip-reopen-offer = Nếu sự việc chưa xong, bạn có thể mở lại tin báo để cán bộ xem xét tiếp.
mytip-reopen = 🔓 Mở lại tin báo
mytip-reopen-send = 🔓 Mở lại và gửi tin nhắn
mytip-reopen-no = ↩️ Không
mytip-reopened = Đã mở lại tin { $code }; cán bộ phụ trách đã được báo.
mytip-reopened-unrouted = Đã mở lại tin { $code }. Hiện chưa có cán bộ công an nào nhận tin báo qua bot ở khu vực này; khi có, cán bộ sẽ thấy tin báo. Nếu đang nguy hiểm, hãy gọi ngay 113.
mytip-still-closed = Tin { $code } vẫn đóng.
mytip-still-closed-held = Tin { $code } vẫn đóng; tin nhắn của bạn không được lưu và không được chuyển tới cán bộ.
tip-from-reporter-many = 💬 Người báo tin { $code } nhắn { $count } tin:

## Cán bộ
role-admin = Quản trị
role-officer = Cán bộ Công an
role-leader = Trưởng mô hình
staff-role-line = • { $role }: { $area }
staff-roles = Vai trò của bạn:
staff-ask-code = Để trở thành cán bộ trên bot, hãy gõ mã mời do quản trị cấp, ví dụ: ABCD-EFGH-JKMN
staff-too-many = Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau một giờ.
staff-code-invalid = Mã mời không đúng. Vui lòng kiểm tra lại.
staff-code-expired = Mã mời đã hết hạn. Vui lòng xin mã mới.
staff-code-used = Mã mời này đã được sử dụng.
staff-welcome-officer = Chào mừng! Bạn đã được cấp quyền { $role } tại { $area }. Tin báo mới của địa bàn sẽ được gửi tới bạn; gõ /inbox để xem hộp tin báo.
staff-welcome-admin = Chào mừng! Bạn đã được cấp quyền { $role } tại { $area }. Tin báo mới của địa bàn sẽ được gửi tới bạn; gõ /inbox để xem hộp tin báo. Bạn cũng được báo khi một tin báo chưa đến được cán bộ nào.
staff-welcome-leader = Chào mừng! Bạn đã được cấp quyền { $role } "{ $model }" tại { $area }. Bạn duyệt người xin tham gia, gửi thông báo tới thành viên và xem danh sách thành viên: gõ /models. Ngay sau đây là { $share ->
        [qr] mã tham gia, đường dẫn và mã QR
        [link] mã tham gia và đường dẫn
       *[code] mã tham gia
    } của mô hình để mời bà con tham gia.
staff-welcome-leader-unassigned = Chào mừng! Bạn đã được cấp quyền { $role } tại { $area }. Khi được giao một mô hình tự quản (bằng mã mời trưởng mô hình), bạn sẽ duyệt người xin tham gia và gửi thông báo tới thành viên; gõ /models để xem mô hình bạn phụ trách.
staff-waiting-title = 📋 Tin báo đang chờ cán bộ tiếp nhận:
staff-waiting-line = • { $code } · { $category } · { $time }
staff-revoked = Vai trò { $role } của bạn tại { $area } đã kết thúc; mã truy cập API của bạn cũng đã bị thu hồi.
staff-code-accepted = ✅ Mã mời hợp lệ.
staff-ask-label = Tên hiển thị với đồng nghiệp, ví dụ: Đại uý Nguyễn Văn A ({ $min }–{ $max } ký tự). Tên này hiện trong diễn biến tin báo và trong thông báo tới cán bộ cùng địa bàn; người báo tin không thấy tên này.
staff-label-bad = Tên hiển thị cần dài từ { $min } đến { $max } ký tự. Vui lòng gõ lại.
staff-label-saved = Đã lưu tên hiển thị với đồng nghiệp: { $label }.
staff-label-is = Tên hiển thị với đồng nghiệp: { $label }. Gõ /staff label để đổi.
staff-label-change = Gõ /staff label để đổi tên hiển thị với đồng nghiệp.
station-group-only = Gõ /station trong nhóm Telegram của đơn vị để liên kết nhóm với địa bàn.
station-linked = Đã liên kết nhóm này với { $area }: tin báo mới của địa bàn sẽ được gửi vào đây. Gõ /station off để huỷ liên kết.
station-unlinked = Đã huỷ liên kết: nhóm này sẽ không nhận tin báo nữa.
station-members = Nhóm này có { $count } thành viên.
station-members-unknown = Không biết được số thành viên của nhóm này.
station-confirm = Liên kết nhóm với { $area }? Mọi thành viên sẽ đọc được tin báo mới của địa bàn (không kèm số điện thoại của người báo).
station-link = ✅ Liên kết
station-cancel = Huỷ
station-not-linked = Chưa liên kết: nhóm này sẽ không nhận tin báo.
cmd-report = Báo tin an ninh
cmd-status = Tin đã báo
cmd-inbox = Hộp tin báo (cán bộ)
cmd-tip = Xem, xử lý một tin báo (cán bộ)
cmd-staff = Nhập mã mời cán bộ
cmd-station = Liên kết nhóm đơn vị (cán bộ)
apitoken-issued =
    Mã truy cập API của bạn (chỉ hiện một lần, mã cũ hết hiệu lực):
    { $token }
    Dùng trong tiêu đề: Authorization: Bearer <mã>. Không chia sẻ mã này. Gõ /apitoken revoke để thu hồi.
apitoken-revoked = Đã thu hồi mã truy cập API của bạn.
cmd-apitoken = Mã truy cập API (cán bộ)

## Broadcasts
cmd-broadcast = Gửi thông báo tới người dân (cán bộ)
menu-broadcast = 📢 Gửi thông báo
menu-broadcasts = 📊 Thông báo đã gửi
bc-header = 📢 THÔNG BÁO
bc-header-from = 📢 THÔNG BÁO của { $from }
bc-footer = (Gõ /stop nếu bạn không muốn nhận thông báo nữa.)
bc-choose-area = 📢 Gửi thông báo tới người dân của địa bàn nào?
bc-choose-filter = Gửi tới những ai?
bc-filter-all = Tất cả người dân (Telegram, Zalo và Zalo OA)
bc-filter-telegram = Chỉ người dùng Telegram
bc-filter-zalo = Chỉ người dùng Zalo
bc-filter-zalo_oa = Chỉ người dùng Zalo OA
bc-filter-vi = Chỉ người đọc tiếng Việt
bc-filter-en = Chỉ người đọc tiếng Anh
bc-ask-text = Hãy gửi nội dung thông báo ({ $min }–{ $max } ký tự). Có thể gửi kèm một ảnh, với nội dung là chú thích của ảnh.
bc-text-length = Nội dung cần từ { $min } đến { $max } ký tự (bạn đã gửi { $length }). Mời bạn gửi lại.
bc-ask-english = Nếu muốn, hãy gửi bản tiếng Anh cho người đọc tiếng Anh. Nếu không, chọn "Bỏ qua": họ sẽ nhận bản tiếng Việt.
bc-skip = Bỏ qua
bc-preview = 👁 Người dân sẽ nhận được như sau:
bc-recipients = Bản nháp #{ $id }. Số người nhận hiện tại: { $total } (Telegram { $telegram }, Zalo { $zalo }, Zalo OA { $zalo_oa }).{ $photo ->
    [yes] {" "}Ảnh chỉ gửi được tới người dùng Telegram nếu ảnh được gửi từ Telegram.
   *[no] {""}
  }
bc-send-now = 🚀 Gửi ngay
bc-schedule = ⏰ Hẹn giờ gửi
bc-discard = 🗑 Huỷ bản nháp
bc-discarded = Đã huỷ bản nháp thông báo.
bc-ask-time = Gửi vào lúc nào? Gõ ngày giờ theo giờ Việt Nam, ví dụ: 19/08 07:30
bc-bad-time = Không đọc được thời điểm này, hoặc thời điểm đã qua hay xa quá { $days } ngày. Ví dụ đúng: 19/08 07:30
bc-confirm-now = Gửi thông báo ngay tới { $count } người?
bc-confirm-later = Gửi thông báo tới khoảng { $count } người vào lúc { $time }?
bc-confirm = ✅ Xác nhận
bc-started = 🚀 Thông báo #{ $id } đang được gửi. Bạn sẽ nhận báo cáo khi gửi xong.
bc-scheduled = ⏰ Thông báo #{ $id } sẽ được gửi lúc { $time }.
bc-not-now = Thông báo #{ $id } không thể làm việc này ở trạng thái hiện tại.
bc-not-found = Không tìm thấy thông báo này, hoặc bạn không có quyền quản lý nó.
bc-usage = Cách dùng: /broadcast để soạn; /broadcast list; /broadcast status|pause|resume|cancel <số>.
bc-do-status = 🔄 Xem tiến độ
bc-do-pause = ⏸ Tạm dừng
bc-do-resume = ▶️ Tiếp tục
bc-do-cancel = ⛔ Huỷ gửi
bc-cancel-confirm = Huỷ thông báo #{ $id } ({ $status })? Những người chưa nhận sẽ không nhận được nữa; việc này không thể hoàn tác.
bc-cancel-keep = ↩️ Không
bc-state-draft = bản nháp
bc-state-scheduled = đã hẹn giờ
bc-state-sending = đang gửi
bc-state-paused = tạm dừng
bc-state-done = đã xong
bc-state-cancelled = đã huỷ
bc-status-title = Thông báo #{ $id }: { $status }
bc-counts = Đã gửi { $sent }, bị chặn { $blocked }, lỗi { $failed }, bỏ qua { $skipped }, ngoài khung tương tác { $outside_window }, đang chờ { $queued } (tổng { $total }).
bc-held = ⏸ { $platform }: { $queued } tin đang chờ, tạm dừng đến { $time } vì hết hạn mức gửi tin.
bc-held-title = ⚠️ Thông báo #{ $id }: { $platform } hết hạn mức gửi tin. Tin qua { $platform } tạm dừng đến { $time }{ $others ->
    [yes] , các kênh khác vẫn gửi.
   *[no] .
  }
bc-elapsed = Thời gian: { $duration }
bc-duration = { $minutes } phút { $seconds } giây
bc-report-title = 📊 Báo cáo thông báo #{ $id }
bc-progress-title = ⏳ Thông báo #{ $id }: đã xử lý { $done }/{ $total }
bc-list-title = Các thông báo gần đây của địa bàn bạn:
bc-list-empty = Chưa có thông báo nào.
bc-list-recipients = { $count } người nhận

## Mô hình tự quản
cmd-groups = Mô hình tự quản ở địa phương
cmd-join = Tham gia mô hình bằng mã
cmd-models = Quản lý, tổng kết mô hình (cán bộ, trưởng mô hình)
menu-models = 🏘 Mô hình tự quản
menu-models-manage = 🗂 Quản lý mô hình
mdl-kind-camera = Camera an ninh
mdl-kind-team = Tổ tự quản
mdl-kind-religious = Tôn giáo đoàn kết
mdl-kind-club = Câu lạc bộ
mdl-kind-other = Mô hình khác
mdl-kind-icon-camera = 📹
mdl-kind-icon-team = 🛡
mdl-kind-icon-religious = 🕊
mdl-kind-icon-club = 🤝
mdl-kind-icon-other = 🏘
mdl-list-title = Các mô hình tự quản ở { $area }. Chọn một mô hình để xem và tham gia:
mdl-list-empty = { $area } chưa có mô hình tự quản nào trên bot. Nếu có mã tham gia, hãy chọn "Nhập mã tham gia".
mdl-mine = ⭐ Mô hình của tôi
mdl-enter-code = 🔑 Nhập mã tham gia
mdl-mine-title = Mô hình bạn tham gia hoặc phụ trách:
mdl-mine-empty = Bạn chưa tham gia mô hình nào.
mdl-not-found = Không tìm thấy mô hình này, hoặc bạn không có quyền làm việc này.
mdl-details =
    { $name }
    Loại: { $kind }
    Địa bàn: { $area }
    Thành viên: { $members }
    Tham gia: { $policy }
mdl-no-leader = Mô hình chưa có trưởng mô hình trên bot; cán bộ xã duyệt thay.
mdl-policy-open = tự do (tham gia ngay)
mdl-policy-open-label = Tự do (tham gia ngay)
mdl-policy-approval = cần trưởng mô hình duyệt
mdl-policy-approval-label = Cần trưởng mô hình duyệt
mdl-retired = 💤 Mô hình này đã ngừng hoạt động.
mdl-you-member = ✅ Bạn là thành viên.
mdl-you-pending = ⏳ Yêu cầu tham gia của bạn đang chờ duyệt.
mdl-join = ➕ Tham gia
mdl-leave = 🚪 Rời mô hình
mdl-withdraw = ↩️ Rút yêu cầu tham gia
mdl-ask-show-name = Bạn muốn tham gia "{ $name }". Bạn có đồng ý cho trưởng mô hình thấy tên hiển thị của bạn không? (Tài khoản của bạn không bao giờ được hiển thị.)
mdl-show-name-yes = 👤 Đồng ý hiện tên
mdl-show-name-no = 🙈 Không hiện tên
mdl-outcome-joined = 🎉 Bạn đã tham gia "{ $name }". Bạn sẽ nhận thông báo của mô hình.
mdl-outcome-requested = 📨 Đã gửi yêu cầu tham gia "{ $name }". Bạn sẽ được báo khi trưởng mô hình duyệt.
mdl-outcome-already-member = Bạn đã là thành viên của "{ $name }".
mdl-outcome-already-pending = Yêu cầu tham gia "{ $name }" của bạn đang chờ duyệt.
mdl-outcome-retired = Mô hình "{ $name }" đã ngừng hoạt động, không nhận thành viên mới.
mdl-request-to-leader = 📝 Có người muốn tham gia "{ $model }": { $who }. Gõ /models rồi chọn mô hình để duyệt.
mdl-hidden-name = Người dân (ẩn tên)
mdl-approve = ✅ Duyệt
mdl-decline = ❌ Từ chối
mdl-left = Bạn đã rời "{ $name }" và sẽ không nhận thông báo của mô hình nữa.
mdl-not-member = Bạn không phải thành viên của mô hình này.
mdl-ask-code = Hãy gõ mã tham gia in trên tờ thông báo, ví dụ: MH-7K3Q9P
mdl-code-unknown = Không có mô hình nào với mã này. Vui lòng kiểm tra và gõ lại mã (ví dụ: MH-7K3Q9P).
mdl-notice = 📢 Gửi thông báo cho thành viên
mdl-members = 👥 Danh sách thành viên
mdl-requests = 📝 Yêu cầu chờ duyệt ({ $count })
mdl-qr = 🔳 Mã tham gia và mã QR
mdl-members-list =
    Thành viên của "{ $name }": { $count } người ({ $hidden } người không hiện tên).
    { $list }
mdl-requests-title = Yêu cầu tham gia "{ $name }" đang chờ duyệt:
mdl-requests-none = Không còn yêu cầu nào chờ duyệt.
mdl-request-done = Yêu cầu này đã được xử lý trước đó.
mdl-approved = ✅ Bạn đã được duyệt vào "{ $name }". Bạn sẽ nhận thông báo của mô hình.
mdl-declined = Yêu cầu tham gia "{ $name }" của bạn chưa được chấp nhận.
mdl-qr-hint = In mã QR lên tờ thông báo: người dùng Telegram quét để tham gia; người dùng Zalo nhắn mã cho bot.
mdl-notice-ask = Hãy gửi nội dung thông báo cho thành viên "{ $name }" ({ $min }–{ $max } ký tự).
mdl-notice-confirm = Gửi thông báo này tới { $count } thành viên của "{ $name }"?
mdl-share = Mô hình "{ $name }" – mã tham gia: { $code }
    Người dùng Zalo: nhắn mã { $code } cho bot (hoặc /join { $code }).
mdl-share-link = Người dùng Telegram: quét mã QR hoặc mở { $link }
mdl-share-no-link = (Chưa có đường dẫn Telegram: bot chưa biết tên tài khoản của mình.)
mdl-you-lead = 👑 Bạn là trưởng mô hình "{ $name }". Yêu cầu tham gia sẽ được gửi tới bạn để duyệt.
mdl-review = 📊 Tổng kết
mdl-leader-invite = 👑 Mời trưởng mô hình
mdl-retire = 💤 Ngừng hoạt động
mdl-reactivate = ♻️ Hoạt động trở lại
mdl-review-line = #{ $id } { $name }: { $members } thành viên, { $pending } chờ duyệt; { $joins } tham gia, { $leaves } rời; { $notices } thông báo; { $tips } tin báo của thành viên
mdl-led-title = Mô hình bạn phụ trách:
mdl-manage-title = Tổng kết mô hình ({ $days } ngày qua):
mdl-manage-empty = Địa bàn của bạn chưa có mô hình nào trên bot.
mdl-create = ➕ Tạo mô hình mới
mdl-retired-done = Mô hình "{ $name }" đã ngừng hoạt động. Thành viên không nhận thông báo mới của mô hình.
mdl-reactivated-done = Mô hình "{ $name }" đã hoạt động trở lại.
mdl-leader-invite-code = Mã mời trưởng mô hình "{ $name }": { $code }
    Người được mời nhắn cho bot: /staff { $code } (dùng một lần, trong { $days } ngày).
mdl-create-area = Mô hình thuộc xã/phường nào?
mdl-create-area-type = Chọn địa bàn, hoặc gõ tên xã/phường trong tỉnh bạn phụ trách.
mdl-create-area-none = Không tìm thấy xã/phường nào thuộc địa bàn bạn phụ trách. Vui lòng gõ lại tên.
mdl-create-name = Tên mô hình ({ $min }–{ $max } ký tự), ví dụ: Camera an ninh ấp 3
mdl-create-kind = Loại mô hình?
mdl-create-description = Mô tả ngắn (tối đa { $max } ký tự), hoặc chọn "Bỏ qua".
mdl-create-policy = Người dân tham gia thế nào?
mdl-period = { $half ->
    [first] 6 tháng đầu năm
   *[second] 6 tháng cuối năm
} { $year }
mdl-verdict-keep = Duy trì
mdl-verdict-improve = Củng cố, nâng chất
mdl-verdict-retire = Ngừng hoạt động
mdl-decide-keep = ✅ Kết luận: Duy trì
mdl-decide-improve = 🔧 Kết luận: Củng cố, nâng chất
mdl-decide-retire = 💤 Kết luận: Ngừng hoạt động
mdl-decision-line = Kết luận { $period }: { $verdict }
mdl-decision-line-note = Kết luận { $period }: { $verdict } — { $note }
mdl-decision-choose = Ghi kết luận sơ kết { $period }:
mdl-decision-ask-note = Kết luận { $period }: { $verdict }. Gõ ghi chú (tối đa { $max } ký tự), hoặc chọn "Bỏ qua".
mdl-decision-note-long = Ghi chú dài quá { $max } ký tự. Vui lòng gõ ngắn hơn.
mdl-decision-recorded = Đã ghi kết luận { $period } cho "{ $name }": { $verdict }.
mdl-decision-replaced = Đã thay kết luận { $period } cho "{ $name }": { $verdict }.

## Ngày hội
cmd-festivals = Ngày hội ở địa phương
cmd-festival = Quản lý Ngày hội (cán bộ)
menu-festivals = 🎉 Ngày hội
menu-festivals-manage = 🗓 Quản lý Ngày hội
fest-unit-day = { $n } ngày
fest-unit-hour = { $n } giờ
fest-unit-minute = { $n } phút
fest-unit-second = { $n } giây
fest-details =
    🎉 { $title }
    📍 { $area }
    🕒 Từ { $start } đến { $end }
    🏛 Địa điểm: { $venue }
    📋 Chương trình: { $programme }
fest-announce-head = Trân trọng kính mời bà con tham dự Ngày hội Toàn dân bảo vệ an ninh Tổ quốc:
fest-announce-foot = Đăng ký tham gia: gõ /festivals.
fest-moved-head = ⚠️ Ngày hội đổi thời gian. Thời gian mới:
fest-moved-foot = Nếu bạn không tham gia được nữa, gõ /festivals để báo lại.
fest-cancelled-head = ⛔ Ngày hội sau đây đã bị huỷ:
fest-cancelled-foot = Xin lỗi bà con vì sự bất tiện này.
fest-reminder-head = ⏰ Nhắc lịch: còn { $left } nữa là đến Ngày hội.
fest-commend-text =
    🏅 Khen thưởng tại "{ $title }"
    Các cá nhân, tập thể sau đây được khen thưởng vì thành tích trong phong trào Toàn dân bảo vệ an ninh Tổ quốc:
    { $list }
    Xin chúc mừng!
fest-going = ✅ Tôi sẽ tham gia
fest-not-going = ❌ Không tham gia
fest-list-title = Ngày hội sắp diễn ra ở địa phương của bạn:
fest-list-empty = Chưa có Ngày hội nào sắp diễn ra ở địa phương của bạn.
fest-not-found = Không tìm thấy Ngày hội này, hoặc bạn không có quyền làm việc này.
fest-you-going = Bạn đã đăng ký tham gia.
fest-you-not-going = Bạn đã báo không tham gia.
fest-you-unanswered = Bạn có tham gia không?
fest-is-cancelled = ⛔ Ngày hội này đã bị huỷ.
fest-ics = 📅 Thêm vào lịch (.ics)
fest-ics-sent = Đây là tệp lịch: mở tệp để thêm Ngày hội vào lịch điện thoại.
fest-rsvp-going = ✅ Đã ghi nhận: bạn sẽ tham gia "{ $title }".
fest-rsvp-not-going = Đã ghi nhận: bạn không tham gia "{ $title }".
fest-create = ➕ Tạo Ngày hội
fest-manage-title = Ngày hội của địa bàn bạn:
fest-manage-empty = Địa bàn của bạn chưa có Ngày hội nào.
fest-reminders = Nhắc lịch:
fest-reminder-line = • trước { $left }: { $time } – { $status }
fest-reminder-pending = đã hẹn
fest-reminder-sent = đã gửi
fest-reminder-missed = bỏ qua (đã quá giờ)
fest-reminder-dropped = đã huỷ
fest-counts = Đăng ký: { $going } tham gia, { $notGoing } không tham gia. Nhắc lịch gửi tới: { $to }.
fest-remind-rsvp = người đã đăng ký tham gia
fest-remind-rsvp-label = Người đã đăng ký tham gia
fest-remind-area = mọi người dân của địa bàn
fest-remind-area-label = Mọi người dân của địa bàn
fest-move = 🕒 Đổi thời gian
fest-commend = 🏅 Công bố khen thưởng
fest-cancel = ⛔ Huỷ Ngày hội
fest-create-area = Ngày hội của địa bàn nào?
fest-ask-title = Tên Ngày hội (tối đa { $max } ký tự), ví dụ: Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ năm 2027
fest-ask-start = Bắt đầu lúc nào? Gõ ngày giờ theo giờ Việt Nam, ví dụ: 19/08 07:30
fest-bad-time = Không đọc được thời điểm này, hoặc thời điểm đã qua. Ví dụ đúng: 19/08 07:30
fest-past-time = Thời điểm { $time } đã qua. Hãy nhập một thời điểm sắp tới, ví dụ: 19/08 07:30
fest-ask-end = Bắt đầu { $start }. Kết thúc lúc nào? Gõ giờ (ví dụ: 11:30) hoặc ngày giờ.
fest-bad-end = Giờ kết thúc phải sau giờ bắt đầu và trong vòng 7 ngày. Ví dụ: 11:30
fest-ask-venue = Địa điểm (tối đa { $max } ký tự), ví dụ: Nhà văn hoá xã
fest-ask-programme = Chương trình (tối đa { $max } ký tự), hoặc chọn "Bỏ qua".
fest-ask-remind = Bot sẽ tự nhắc lịch trước { $offsets }. Gửi nhắc lịch tới ai?
fest-preview = Xem trước thông báo, đúng như người dân sẽ nhận (gửi tới { $count } tài khoản ở { $area }):
fest-preview-confirm = 📢 Thông báo Ngày hội
fest-preview-ask = Gửi thông báo này và tạo Ngày hội?
fest-created = ✅ Đã tạo Ngày hội #{ $id }. Thông báo #{ $broadcast } đang được gửi tới người dân của địa bàn.
fest-not-now = Không thể làm việc này với Ngày hội ở trạng thái hiện tại.
fest-invalid = Thông tin Ngày hội chưa đầy đủ hoặc không hợp lệ (tên, địa điểm, thời gian). Mời bạn tạo lại.
fest-area-unknown = Không tìm thấy địa bàn này.
fest-bad-names = Danh sách khen thưởng không hợp lệ (quá nhiều tên, hoặc có tên quá ngắn hay quá dài).
fest-moved-done = ✅ Đã đổi thời gian Ngày hội #{ $id }; nhắc lịch đã được hẹn lại. Thông báo đổi giờ gửi tới { $count } tài khoản đã nhận thông báo hoặc đã đăng ký.
fest-cancel-confirm = Huỷ "{ $title }"? Nhắc lịch sẽ bị huỷ và mọi người đã nhận thông báo hoặc đã đăng ký sẽ được báo.
fest-cancelled-done = Đã huỷ Ngày hội #{ $id }. Thông báo huỷ gửi tới { $count } tài khoản đã nhận thông báo hoặc đã đăng ký.
fest-ask-names = Gõ tên các cá nhân, tập thể được khen thưởng, mỗi tên một dòng hoặc cách nhau bởi dấu ";" (tối đa { $names } tên, mỗi tên 2–{ $name } ký tự).
fest-commend-confirm = Công bố khen thưởng { $count } cá nhân/tập thể tới người dân của địa bàn: { $list }?
fest-commend-done = ✅ Đã công bố khen thưởng { $count } cá nhân/tập thể (thông báo #{ $broadcast }).

## Web console (server texts)
cmd-web = Mở trang quản lý trên trình duyệt (cán bộ)
cmd-stats = Thống kê địa bàn (cán bộ)
console-web-link =
    🔐 Liên kết đăng nhập trang quản lý trên trình duyệt:
    { $link }
    Liên kết chỉ dùng được một lần, trong { $minutes } phút. Ai có liên kết này sẽ đăng nhập với quyền của bạn: đừng chuyển tiếp cho người khác. Gõ /web để nhận liên kết mới.
console-web-unavailable = Trang quản lý trên trình duyệt chưa được bật (máy chủ chưa cấu hình địa chỉ công khai PUBLIC_URL). Hãy báo quản trị hệ thống.
console-login-unknown = Liên kết đăng nhập này không hợp lệ. Gõ /web trong tin nhắn riêng với bot để nhận liên kết mới.
console-login-used = Liên kết đăng nhập này đã được dùng (mỗi liên kết chỉ dùng một lần). Gõ /web trong tin nhắn riêng với bot để nhận liên kết mới.
console-login-expired = Liên kết đăng nhập này đã hết hạn (sau { $minutes } phút). Gõ /web trong tin nhắn riêng với bot để nhận liên kết mới.
console-login-not-staff = Bạn không còn quyền cán bộ nên không thể đăng nhập.
console-login-title = Không đăng nhập được
console-not-built = Trang quản lý chưa được dựng trên máy chủ này (chạy: npm run build:console).

## Web console (the page's texts: console-ui-*, no variables)
console-ui-title = Trang quản lý An ninh Tổ quốc
console-ui-loading = Đang tải…
console-ui-signed-out-title = Chưa đăng nhập
console-ui-signed-out =
    Để đăng nhập, hãy gõ /web trong tin nhắn riêng với bot (Telegram hoặc Zalo). Bot gửi cho bạn một liên kết dùng một lần, có hiệu lực 10 phút. Mở liên kết đó trên trình duyệt này.
console-ui-signed-out-operator = Quản trị hệ thống: chạy npm run cli -- console-link --admin trên máy chủ.
console-ui-operator = Quản trị hệ thống
console-ui-all-areas = Toàn bộ địa bàn
console-ui-roles = Vai trò
console-ui-logout = Đăng xuất
console-ui-logged-out = Bạn đã đăng xuất.
console-ui-language = Ngôn ngữ
console-ui-nav = Mục
console-ui-nav-tips = Tin báo
console-ui-nav-broadcasts = Thông báo
console-ui-nav-models = Mô hình
console-ui-nav-festivals = Ngày hội
console-ui-nav-staff = Cán bộ
console-ui-nav-stats = Thống kê
console-ui-page-soon = Mục này chưa có trên trang quản lý. Trong lúc chờ, hãy dùng bot trong tin nhắn.
console-ui-welcome = Chọn một mục ở trên.
console-ui-error = Không tải được dữ liệu. Hãy thử tải lại trang.

## /stats: the movement's figures for an officer's areas
stats-title = 📊 Thống kê { $area }, { $days } ngày qua (từ { $from }):
stats-tips = Tin báo nhận: { $received } (khẩn cấp { $urgent }). Mới { $new }, đã tiếp nhận { $acknowledged }, đang xử lý { $in_progress }, đã xử lý xong { $resolved }, không tiếp nhận { $rejected }, trùng { $duplicate }.
stats-categories = Theo loại: { $list }.
stats-times = Thời gian đến khi cán bộ tiếp nhận (trung vị): { $ack }; đến khi xử lý xong: { $resolve }.
stats-residents = Người dân đã đăng ký: { $people } ({ $list }).
stats-models = Mô hình tự quản đang hoạt động: { $active }, { $members } thành viên.
stats-festivals = Ngày hội trong kỳ: { $held }, { $going } người báo sẽ tham dự.
stats-broadcasts = Thông báo đã gửi: { $sent }, tới { $reached } người nhận.
stats-none = chưa có
stats-minutes = { $n } phút
stats-hours = { $n } giờ
stats-days = { $n } ngày
stats-usage = Gõ /stats để xem 30 ngày qua, hoặc /stats kèm số ngày (1–{ $max }), ví dụ /stats 90.

## Web console: tips (console-ui-*, no variables)
console-ui-col-code = Mã tin
console-ui-col-area = Địa bàn
console-ui-col-category = Loại việc
console-ui-col-status = Trạng thái
console-ui-col-urgent = Mức độ
console-ui-col-filed = Thời gian gửi
console-ui-col-updated = Cập nhật
console-ui-col-description = Nội dung
console-ui-col-place = Địa điểm
console-ui-col-age = Đã chờ
console-ui-urgent = Khẩn cấp
console-ui-normal = Thường
console-ui-filters = Bộ lọc
console-ui-filter-status = Trạng thái
console-ui-filter-category = Loại việc
console-ui-filter-urgency = Mức độ
console-ui-filter-from = Từ ngày
console-ui-filter-to = Đến ngày
console-ui-filter-code = Mã tin
console-ui-filter-area = Địa bàn
console-ui-filter-sort = Sắp xếp
console-ui-any = Tất cả
console-ui-status-open = Đang mở (mới, đã tiếp nhận, đang xử lý)
console-ui-status-closed = Đã đóng (xử lý xong, không tiếp nhận, trùng)
console-ui-sort-urgent = Khẩn cấp trước
console-ui-sort-newest = Mới nhất trước
console-ui-sort-oldest = Cũ nhất trước
console-ui-export = Xuất CSV
console-ui-prev = ‹ Trang trước
console-ui-next = Trang sau ›
console-ui-page = Trang
console-ui-total = Số tin báo:
console-ui-tips-arrived = Có tin báo mới: danh sách đã được cập nhật.
console-ui-no-tips = Không có tin báo nào khớp bộ lọc.
console-ui-age-minutes = phút
console-ui-age-hours = giờ
console-ui-age-days = ngày
console-ui-overdue = Chờ tiếp nhận quá lâu
console-ui-back = ‹ Hộp tin báo
console-ui-tip-not-found = Không có tin báo này trong địa bàn của bạn.
console-ui-content = Nội dung
console-ui-place = Địa điểm
console-ui-location = Vị trí đã chia sẻ
console-ui-contact = Số điện thoại người báo để lại
console-ui-photos = Ảnh kèm theo
console-ui-photo = Ảnh
console-ui-history = Lịch sử
console-ui-thread = Trao đổi ẩn danh với người báo
console-ui-thread-empty = Chưa có trao đổi nào.
console-ui-from-citizen = Người báo
console-ui-from-officer = Cán bộ
console-ui-by-reporter = Người báo
console-ui-by-operator = Quản trị hệ thống
console-ui-by-officer = Một cán bộ
console-ui-reply = Trả lời người báo (người báo không thấy tên hay tài khoản của bạn)
console-ui-reply-send = Gửi trả lời
console-ui-reply-sent = Đã gửi trả lời tới người báo.
console-ui-reply-stored = Đã lưu trả lời vào trao đổi; người báo không còn liên lạc được qua bot.
console-ui-reporter-waits = Ứng dụng nhắn tin của người báo chưa cho phép gửi lúc này: tin sẽ đến khi người báo nhắn lại cho bot.
console-ui-reply-empty = Hãy nhập nội dung trả lời.
console-ui-reply-too-long = Nội dung trả lời quá dài.
console-ui-move-acknowledged = Tiếp nhận
console-ui-move-in_progress = Nhận xử lý
console-ui-move-resolved = Đã xử lý xong
console-ui-move-rejected = Không tiếp nhận
console-ui-move-duplicate = Trùng tin đã báo
console-ui-move-reopened = Mở lại
console-ui-move-spam = Tin rác (hạn chế người gửi)
console-ui-map = Bản đồ
console-ui-map-located = Số tin có vị trí:
console-ui-desk-assignee = Cán bộ phụ trách
console-ui-desk-nobody = Chưa giao cho ai
console-ui-desk-assign = Giao tin
console-ui-desk-assigned = Đã giao tin. Cán bộ được giao đã được báo trong bot, tin nhắn của người báo sẽ chuyển tới họ.
console-ui-desk-closed = Tin đã đóng: mở lại trước khi giao.
console-ui-desk-invalid = Nội dung trống hoặc quá dài.
console-ui-desk-canned = Câu trả lời mẫu
console-ui-desk-canned-pick = Chọn để điền vào ô trả lời
console-ui-desk-canned-save = Lưu nội dung đang soạn làm câu mẫu
console-ui-desk-canned-saved = Đã lưu câu trả lời mẫu cho cán bộ của xã.
console-ui-desk-canned-retire = Bỏ câu mẫu này
console-ui-desk-canned-retired = Đã bỏ câu trả lời mẫu.
console-ui-desk-notes = Ghi chú nội bộ
console-ui-desk-notes-hint = Chỉ cán bộ thấy ghi chú này; người báo tin không bao giờ thấy.
console-ui-desk-note = Ghi chú mới
console-ui-desk-note-save = Lưu ghi chú
console-ui-desk-note-saved = Đã lưu ghi chú nội bộ (người báo tin không được báo).
console-ui-confirm-title = Đổi trạng thái tin báo
console-ui-confirm-to = Trạng thái mới:
console-ui-note = Ghi chú gửi người báo (không bắt buộc)
console-ui-confirm = Xác nhận
console-ui-cancel = Huỷ
console-ui-moved = Đã đổi trạng thái tin báo.
console-ui-not-now = Tin báo vừa được người khác cập nhật; đây là trạng thái hiện tại.
## Web console: staff, invites, the audit log, the system (operator)
console-ui-nav-audit = Nhật ký
console-ui-nav-system = Hệ thống
console-ui-staff-forbidden = Mục này dành cho cán bộ Công an và quản trị địa bàn.
console-ui-staff-grants = Cán bộ trên địa bàn
console-ui-staff-none = Chưa có cán bộ nào trên địa bàn.
console-ui-staff-no-label = Chưa có tên hiển thị
console-ui-staff-since = Từ
console-ui-staff-revoke = Thu hồi quyền
console-ui-staff-revoke-confirm = Xác nhận thu hồi
console-ui-staff-revoked = Đã thu hồi quyền; các phiên đăng nhập của người này đã kết thúc:
console-ui-invite-new = Tạo mã mời
console-ui-invite-role = Vai trò
console-ui-invite-area = Địa bàn
console-ui-invite-days = Hiệu lực (ngày)
console-ui-invite-create = Tạo mã
console-ui-invite-code = Mã mời:
console-ui-invite-until = Dùng được đến
console-ui-invite-how = Người được mời gửi cho bot:
console-ui-invite-once = Mã chỉ hiện một lần và chỉ dùng được một lần; máy chủ không lưu mã.
console-ui-invites = Mã mời đã tạo
console-ui-invite-state = Trạng thái
console-ui-invite-state-open = Còn dùng được
console-ui-invite-state-used = Đã dùng
console-ui-invite-state-expired = Hết hạn
console-ui-invite-state-revoked = Đã thu hồi
console-ui-invites-none = Không có mã mời nào.
console-ui-invite-created = Tạo lúc
console-ui-invite-expires = hết hạn
console-ui-invite-used = đã dùng lúc
console-ui-invite-revoked = thu hồi lúc
console-ui-invite-withdraw = Thu hồi mã
console-ui-audit-forbidden = Nhật ký dành cho quản trị địa bàn (và chỉ trong địa bàn của mình).
console-ui-audit-actor = Người thực hiện
console-ui-audit-action = Hành động
console-ui-audit-any = Tất cả
console-ui-audit-area = Địa bàn
console-ui-audit-from = Từ ngày
console-ui-audit-to = Đến ngày
console-ui-audit-search = Lọc
console-ui-audit-none = Không có mục nào.
console-ui-audit-when = Thời gian
console-ui-audit-by = Người thực hiện
console-ui-audit-someone = Không hiển thị (không phải hoặc không còn là cán bộ)
console-ui-audit-more = Xem thêm
console-ui-health = Tình trạng hệ thống
console-ui-health-ready = Mọi thành phần đang hoạt động.
console-ui-health-not-ready = Có thành phần không hoạt động.
console-ui-health-postgres = Cơ sở dữ liệu PostgreSQL
console-ui-health-redis = Redis (hàng đợi)
console-ui-health-zalo_oa = Mã truy cập Zalo OA
console-ui-health-queues = Hàng đợi trong PostgreSQL
console-ui-health-queue_backend = Nơi chạy hàng đợi
console-ui-health-state-redis = Redis
console-ui-health-state-postgres = chỉ PostgreSQL (không dùng Redis)
console-ui-health-state-ok = hoạt động
console-ui-health-state-down = không trả lời
console-ui-health-state-unknown = không rõ (không trả lời kịp)
console-ui-health-state-not-connected = chưa kết nối (chạy: npm run cli -- zalo-oa connect)
console-ui-health-state-expired = đã hết hạn (sẽ gia hạn ở lần gửi tới)
console-ui-health-state-refresh-failing = gia hạn đang lỗi (chạy: npm run cli -- zalo-oa connect)
console-ui-health-state-none-usable = không còn mã dùng được (chạy: npm run cli -- zalo-oa connect)
console-ui-queues = Hàng đợi
console-ui-queues-open = Mở bảng hàng đợi (Bull Board)
## Web console: statistics and the periodic review report
console-ui-stats-area = Địa bàn
console-ui-stats-from = Từ ngày
console-ui-stats-to = Đến ngày
console-ui-stats-show = Xem
console-ui-stats-report = Báo cáo sơ kết
console-ui-stats-no-area = Không có địa bàn này trong phạm vi của bạn.
console-ui-stats-bad-period = Khoảng thời gian không hợp lệ: ngày bắt đầu phải trước ngày kết thúc, tối đa 366 ngày.
console-ui-stats-none = chưa có
console-ui-stats-minutes = phút
console-ui-stats-hours = giờ
console-ui-stats-days = ngày
console-ui-stats-received = Tin báo nhận được
console-ui-stats-handled = Tin báo đã giải quyết
console-ui-stats-urgent = Tin báo khẩn cấp
console-ui-stats-median-ack = Thời gian đến khi tiếp nhận (trung vị)
console-ui-stats-median-resolve = Thời gian đến khi xử lý xong (trung vị)
console-ui-stats-residents = Người dân đã đăng ký
console-ui-stats-models-active = Mô hình đang hoạt động
console-ui-stats-models-created = Mô hình mới thành lập
console-ui-stats-models-kept = Mô hình duy trì
console-ui-stats-models-retired = Mô hình ngừng hoạt động
console-ui-stats-members = Thành viên mô hình
console-ui-stats-members-joined = Lượt tham gia mô hình
console-ui-stats-members-left = Lượt rời mô hình
console-ui-stats-festivals-held = Ngày hội đã tổ chức
console-ui-stats-festivals-answers = Lượt trả lời mời dự
console-ui-stats-festivals-going = Lượt nhận lời tham dự
console-ui-stats-commendations = Đợt khen thưởng
console-ui-stats-commended = Lượt tập thể, cá nhân được khen
console-ui-stats-broadcasts-sent = Thông báo đã gửi
console-ui-stats-broadcasts-recipients = Lượt người nhận dự kiến
console-ui-stats-broadcasts-reached = Lượt gửi đến được
console-ui-stats-over-time = Tin báo theo thời gian và loại
console-ui-stats-chart = Biểu đồ tin báo theo thời gian, theo loại
console-ui-stats-week = Tuần từ
console-ui-stats-month = Tháng
console-ui-stats-total = Tổng
console-ui-stats-no-tips = Không có tin báo nào trong khoảng thời gian này.
console-ui-stats-back = Quay lại Thống kê
console-ui-stats-print = In báo cáo
console-ui-stats-report-title = Báo cáo sơ kết phong trào Toàn dân bảo vệ an ninh Tổ quốc
console-ui-stats-report-from = Từ ngày
console-ui-stats-report-to = đến ngày
console-ui-stats-report-made = Số liệu lập ngày
console-ui-stats-report-guarded = Số dưới 5 có thể giúp đoán ra người báo tin được ghi là "< 5".
console-ui-stats-none-in-period = Không có trong kỳ.
console-ui-stats-col-item = Nội dung
console-ui-stats-col-count = Số lượng
console-ui-stats-col-received = Tiếp nhận
console-ui-stats-col-handled = Đã giải quyết
console-ui-stats-col-members = Thành viên
console-ui-stats-col-joined = Tham gia trong kỳ
console-ui-stats-col-left = Rời trong kỳ
console-ui-stats-col-member-tips = Tin báo của thành viên
console-ui-stats-table-tips = Tin báo tiếp nhận và giải quyết
console-ui-stats-table-categories = Tin báo theo loại
console-ui-stats-table-models = Mô hình tự quản
console-ui-stats-table-model-list = Từng mô hình
console-ui-stats-table-festivals = Ngày hội và khen thưởng
console-ui-stats-table-residents = Người dân tham gia qua ứng dụng nhắn tin
console-ui-stats-table-broadcasts = Thông báo đến người dân

## Trang quản lý: sơ kết mô hình
console-ui-models-none = Địa bàn của bạn chưa có mô hình nào trên bot.
console-ui-models-window = Số người tham gia, rời, thông báo và tin báo của thành viên: tính trong
console-ui-models-days = ngày qua.
console-ui-models-active = Đang hoạt động
console-ui-models-retired = Đã ngừng hoạt động
console-ui-models-has-leader = Có trưởng mô hình
console-ui-models-no-leader = Chưa có trưởng mô hình
console-ui-models-fig-members = Thành viên
console-ui-models-fig-pending = Chờ duyệt
console-ui-models-fig-joins = Tham gia
console-ui-models-fig-leaves = Rời
console-ui-models-fig-notices = Thông báo
console-ui-models-fig-tips = Tin báo của thành viên
console-ui-models-no-decision = Chưa có kết luận sơ kết nào.
console-ui-models-half-1 = 6 tháng đầu năm
console-ui-models-half-2 = 6 tháng cuối năm
console-ui-models-an-officer = Một cán bộ
console-ui-models-decide = Ghi kết luận sơ kết
console-ui-models-period = Kỳ sơ kết
console-ui-models-replaces = Kỳ này đã có kết luận: kết luận mới sẽ thay thế.
console-ui-models-verdict = Kết luận
console-ui-models-verdict-keep = Duy trì
console-ui-models-verdict-improve = Củng cố, nâng chất
console-ui-models-verdict-retire = Ngừng hoạt động
console-ui-models-retire-warning = Mô hình sẽ ngừng hoạt động: không nhận thành viên mới, thành viên không nhận thông báo mới của mô hình.
console-ui-models-note = Ghi chú (không bắt buộc, tối đa 1000 ký tự)
console-ui-models-save = Lưu kết luận
console-ui-models-choose-verdict = Hãy chọn một kết luận.
console-ui-models-bad-decision = Không lưu được: kỳ sơ kết hoặc ghi chú không hợp lệ.
console-ui-models-recorded = Đã ghi kết luận cho kỳ
console-ui-models-replaced = Đã thay kết luận của kỳ
console-ui-models-retired-done = Mô hình đã ngừng hoạt động.
console-ui-models-invite = Mời trưởng mô hình
console-ui-models-invite-code = Mã mời trưởng mô hình (chỉ hiện một lần):
console-ui-models-invite-how = Người được mời nhắn cho bot:
console-ui-models-invite-until = dùng một lần, hết hạn
console-ui-models-poster = Tờ thông báo để in
console-ui-models-back = ‹ Danh sách mô hình
console-ui-models-not-found = Không có mô hình này trong địa bàn của bạn.
console-ui-models-print = In tờ thông báo
console-ui-models-poster-retired = Mô hình này đã ngừng hoạt động: không nhận thành viên mới.
console-ui-models-poster-title = Mời bà con tham gia mô hình
console-ui-models-poster-code = Mã tham gia
console-ui-models-poster-qr = Mã QR để tham gia trên Telegram
console-ui-models-poster-telegram = Quét mã QR bằng camera điện thoại, hoặc mở đường dẫn:
console-ui-models-poster-telegram-code = Nhắn mã tham gia ở trên cho bot.
console-ui-models-poster-zalo = Nhắn mã
console-ui-models-poster-zalo-end = cho bot trên Zalo, rồi chọn “Tham gia”.

## The console's festivals section (Ngày hội)
console-ui-festivals-new = Tạo Ngày hội mới
console-ui-festivals-none = Địa bàn của bạn chưa có Ngày hội nào.
console-ui-festivals-going = Tham gia:
console-ui-festivals-not-going = Không tham gia:
console-ui-festivals-state-scheduled = Sắp diễn ra
console-ui-festivals-state-held = Đã diễn ra
console-ui-festivals-state-cancelled = Đã huỷ
console-ui-festivals-title = Tên Ngày hội
console-ui-festivals-area = Địa bàn
console-ui-festivals-venue = Địa điểm
console-ui-festivals-time = Thời gian (giờ Việt Nam)
console-ui-festivals-day = Ngày
console-ui-festivals-start = Bắt đầu
console-ui-festivals-end = Kết thúc
console-ui-festivals-end-day = Ngày kết thúc (nếu khác ngày bắt đầu)
console-ui-festivals-programme = Chương trình, mô tả
console-ui-festivals-remind-to = Gửi nhắc lịch tới
console-ui-festivals-remind-rsvp = Người đã đăng ký tham gia
console-ui-festivals-remind-area = Mọi người dân của địa bàn
console-ui-festivals-lead-times = Bot sẽ tự nhắc lịch trước:
console-ui-festivals-preview = Xem trước thông báo
console-ui-festivals-preview-title = Xem trước thông báo, đúng như người dân sẽ nhận
console-ui-festivals-preview-to = Gửi tới
console-ui-festivals-accounts = tài khoản
console-ui-festivals-announce = Gửi thông báo và tạo Ngày hội
console-ui-festivals-back-edit = Quay lại
console-ui-festivals-back = ‹ Danh sách Ngày hội
console-ui-festivals-not-found = Không có Ngày hội này trong địa bàn của bạn.
console-ui-festivals-answers = Đăng ký tham gia
console-ui-festivals-reminders = Lịch nhắc
console-ui-festivals-no-reminders = Ngày hội này không có nhắc lịch.
console-ui-festivals-before-start = trước giờ bắt đầu
console-ui-festivals-unit-day-one = ngày
console-ui-festivals-unit-day-many = ngày
console-ui-festivals-unit-hour-one = giờ
console-ui-festivals-unit-hour-many = giờ
console-ui-festivals-unit-minute-one = phút
console-ui-festivals-unit-minute-many = phút
console-ui-festivals-unit-second-one = giây
console-ui-festivals-unit-second-many = giây
console-ui-festivals-reminder-pending = Đã hẹn
console-ui-festivals-reminder-sent = Đã gửi
console-ui-festivals-reminder-missed = Bỏ qua (đã quá giờ)
console-ui-festivals-reminder-dropped = Đã huỷ
console-ui-festivals-move = Đổi thời gian
console-ui-festivals-move-confirm = Đổi thời gian? Thông báo đổi giờ sẽ gửi đi như sau
console-ui-festivals-move-done = Đã đổi thời gian; nhắc lịch đã được hẹn lại. Thông báo đổi giờ gửi tới
console-ui-festivals-cancel = Huỷ Ngày hội
console-ui-festivals-cancel-confirm = Huỷ Ngày hội? Nhắc lịch sẽ bị huỷ và thông báo huỷ sẽ gửi đi như sau
console-ui-festivals-cancel-done = Đã huỷ Ngày hội. Thông báo huỷ gửi tới
console-ui-festivals-commendations = Khen thưởng
console-ui-festivals-no-commendations = Chưa công bố khen thưởng nào.
console-ui-festivals-commend-names = Tên các cá nhân, tập thể được khen thưởng (mỗi tên một dòng hoặc cách nhau bởi dấu ";")
console-ui-festivals-commend = Công bố khen thưởng
console-ui-festivals-commend-confirm = Công bố khen thưởng tới người dân của địa bàn?
console-ui-festivals-commended = Đã công bố khen thưởng. Số cá nhân, tập thể:
console-ui-festivals-refused-fest-invalid = Thông tin Ngày hội chưa đầy đủ hoặc không hợp lệ: tên và địa điểm từ 3 ký tự, giờ kết thúc sau giờ bắt đầu và trong vòng 7 ngày.
console-ui-festivals-refused-fest-bad-time = Thời điểm bắt đầu không hợp lệ hoặc đã qua. Hãy chọn một thời điểm sắp tới.
console-ui-festivals-refused-fest-not-now = Không thể làm việc này với Ngày hội ở trạng thái hiện tại.
console-ui-festivals-refused-fest-bad-names = Danh sách khen thưởng không hợp lệ (quá nhiều tên, hoặc có tên quá ngắn hay quá dài).
console-ui-festivals-refused-fest-area-unknown = Không tìm thấy địa bàn này.
## Web console: broadcasts (console-ui-broadcasts-*, no variables)
console-ui-broadcasts-new = Soạn thông báo mới
console-ui-broadcasts-audience = Gửi tới
console-ui-broadcasts-kind-area = Người dân một địa bàn
console-ui-broadcasts-kind-model = Thành viên một mô hình
console-ui-broadcasts-kind-festival = Người đăng ký dự ngày hội
console-ui-broadcasts-area = Địa bàn
console-ui-broadcasts-model = Mô hình
console-ui-broadcasts-festival = Ngày hội
console-ui-broadcasts-platform = Ứng dụng nhắn tin
console-ui-broadcasts-platform-all = Mọi ứng dụng
console-ui-broadcasts-language = Ngôn ngữ người nhận
console-ui-broadcasts-language-all = Mọi ngôn ngữ
console-ui-broadcasts-language-vi = Tiếng Việt
console-ui-broadcasts-language-en = Tiếng Anh
console-ui-broadcasts-recipients = Số người nhận hiện tại:
console-ui-broadcasts-counting = Đang đếm số người nhận…
console-ui-broadcasts-outside = Người nhận này nằm ngoài địa bàn của bạn.
console-ui-broadcasts-text-vi = Nội dung (tiếng Việt)
console-ui-broadcasts-text-en = Bản tiếng Anh (không bắt buộc)
console-ui-broadcasts-text-length = Mỗi bản nội dung cần từ 5 đến 3.500 ký tự.
console-ui-broadcasts-invalid = Thông báo chưa hợp lệ. Hãy kiểm tra lại nội dung và thời điểm gửi.
console-ui-broadcasts-when = Thời điểm gửi
console-ui-broadcasts-now = Gửi ngay
console-ui-broadcasts-later = Hẹn giờ
console-ui-broadcasts-time = Giờ gửi (giờ Việt Nam)
console-ui-broadcasts-bad-time = Hãy chọn một thời điểm sau ít nhất 1 phút và trong vòng 90 ngày tới.
console-ui-broadcasts-preview = Xem trước
console-ui-broadcasts-preview-title = Người dân sẽ nhận được như sau
console-ui-broadcasts-send = Gửi thông báo
console-ui-broadcasts-schedule = Hẹn giờ gửi
console-ui-broadcasts-confirm-now = Gửi thông báo ngay. Số người nhận:
console-ui-broadcasts-confirm-later = Hẹn giờ gửi thông báo. Số người nhận:
console-ui-broadcasts-confirm = Xác nhận
console-ui-broadcasts-list = Thông báo gần đây
console-ui-broadcasts-none = Chưa có thông báo nào.
console-ui-broadcasts-progress = Tiến độ gửi thông báo
console-ui-broadcasts-state-draft = Bản nháp
console-ui-broadcasts-state-scheduled = Đã hẹn giờ
console-ui-broadcasts-state-sending = Đang gửi
console-ui-broadcasts-state-paused = Tạm dừng
console-ui-broadcasts-state-done = Đã xong
console-ui-broadcasts-state-cancelled = Đã huỷ
console-ui-broadcasts-created = Tạo lúc
console-ui-broadcasts-scheduled-at = Hẹn gửi lúc
console-ui-broadcasts-started = Bắt đầu gửi
console-ui-broadcasts-finished = Kết thúc
console-ui-broadcasts-back = ‹ Danh sách thông báo
console-ui-broadcasts-not-found = Không có thông báo này trong địa bàn của bạn.
console-ui-broadcasts-pause = Tạm dừng
console-ui-broadcasts-resume = Tiếp tục gửi
console-ui-broadcasts-cancel = Huỷ gửi
console-ui-broadcasts-cancel-confirm = Huỷ thông báo này? Những người chưa nhận sẽ không nhận được nữa; không thể hoàn tác.
console-ui-broadcasts-cancel-yes = Xác nhận huỷ gửi
console-ui-broadcasts-cancel-keep = Không huỷ
console-ui-broadcasts-not-now = Thông báo vừa đổi trạng thái; đây là trạng thái hiện tại.
console-ui-broadcasts-held = tin đang chờ: tạm dừng vì hết hạn mức gửi tin, đến
console-ui-broadcasts-report = Kết quả gửi
console-ui-broadcasts-outcome = Kết quả
console-ui-broadcasts-people = Số người
console-ui-broadcasts-outcome-sent = Đã gửi
console-ui-broadcasts-outcome-blocked = Bị chặn
console-ui-broadcasts-outcome-failed = Lỗi
console-ui-broadcasts-outcome-skipped = Bỏ qua
console-ui-broadcasts-outcome-outside_window = Ngoài khung tương tác
console-ui-broadcasts-outcome-queued = Đang chờ
console-ui-broadcasts-total = Tổng

console-ui-webchat-title = Trò chuyện với Công an xã
console-ui-webchat-intro = Chào bạn! Tại đây bạn có thể báo tin cho Công an xã, theo dõi tin đã báo và nhận thông báo của xã.
console-ui-webchat-start = Bắt đầu
console-ui-webchat-placeholder = Nhập tin nhắn…
console-ui-webchat-send = Gửi
console-ui-webchat-photo = Gửi ảnh
console-ui-webchat-open-photo = Mở ảnh
console-ui-webchat-offline = Đang kết nối lại…
console-ui-webchat-slow-down = Bạn gửi hơi nhanh. Xin vui lòng chờ một phút rồi gửi tiếp, tin nhắn vừa rồi chưa được gửi.
console-ui-webchat-photo-too-large = Ảnh quá lớn, chưa được gửi. Xin chọn ảnh nhỏ hơn.
console-ui-webchat-photo-type = Chỉ gửi được ảnh JPEG, PNG hoặc WebP. Ảnh này chưa được gửi.
console-ui-webchat-send-failed = Chưa gửi được. Xin kiểm tra kết nối rồi thử lại.
console-ui-webchat-widget-open = Báo tin cho Công an xã
console-ui-webchat-widget-close = Đóng
