// The baseline: grammY's own webhook handler with an empty middleware, nothing stored, nothing sent.
import http from 'node:http';
import { Bot, webhookCallback } from 'grammy';

const port = Number(process.env.PORT);
const secret = process.env.TELEGRAM_WEBHOOK_SECRET!;
const bot = new Bot('123456:BENCH-token', {
  botInfo: {
    id: 123456,
    is_bot: true,
    first_name: 'bench',
    username: 'bench_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  } as never,
});
bot.use(() => {});
const handle = webhookCallback(bot, 'http', { secretToken: secret });
http
  .createServer((req, res) => {
    if (req.method === 'GET') return res.end('ok');
    void handle(req, res);
  })
  .listen(port, '127.0.0.1', () => console.log(`bare grammY webhookCallback on ${port}`));
