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
not-understood = Bot chưa hiểu ý bạn. Mời bạn chọn một mục dưới đây.
unsupported-message = Bot chưa đọc được loại tin nhắn này. Vui lòng gửi chữ hoặc chọn một mục dưới đây.
error-generic = Xin lỗi, bot gặp sự cố khi xử lý tin nhắn của bạn. Vui lòng thử lại sau ít phút.

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
consent-declined = Bot không lưu thông tin nào của bạn. Khi nào cần, bạn gõ /start để bắt đầu lại.
consent-already = Bạn đã đồng ý trước đó.

## Khu vực
area-ask = Bạn sống ở xã/phường nào? Hãy gõ tên, ví dụ: Hưng Mỹ. Có thể gõ cả tên cũ trước sáp nhập, ví dụ: Hòa Mỹ, Cái Nước.
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
    /settings – cài đặt (ngôn ngữ, khu vực, thông báo)
    /language – đổi ngôn ngữ
    /stop – dừng nhận mọi thông báo
    /mydata – xem dữ liệu bot lưu về bạn
    /deleteme – xoá dữ liệu của bạn
    Trường hợp khẩn cấp, hãy gọi ngay 113 (Công an), 114 (Cứu hỏa), 115 (Cấp cứu) hoặc 112.
help-guest = Gõ /start để bắt đầu. Trường hợp khẩn cấp, hãy gọi ngay 113 (Công an), 114 (Cứu hỏa), 115 (Cấp cứu) hoặc 112.

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
