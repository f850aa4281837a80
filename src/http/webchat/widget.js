// The web chat's widget for a commune's site: <script src="https://<service>/chat/widget.js" data-area="<code>">.
// A button in the corner opens the chat (the service's own page, in a frame) and closes it again. Styles are set
// through the DOM, which a site's Content-Security-Policy allows where inline styles are refused.
(() => {
  const script = document.currentScript;
  if (!script) return;
  const LABELS = __LABELS__;
  const base = new URL(script.src).origin;
  const area = /^\d{1,8}$/.test(script.dataset.area || '') ? script.dataset.area : '';
  const label = (script.dataset.label || '').slice(0, 60) || LABELS.open;

  const style = (el, rules) => Object.assign(el.style, rules);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  style(button, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    zIndex: '2147483646',
    padding: '12px 18px',
    border: '0',
    borderRadius: '24px',
    background: '#b71c1c',
    color: '#fff',
    font: '600 16px system-ui, sans-serif',
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    cursor: 'pointer',
  });

  let frame;
  /** The chat's frame, made at the first opening. */
  const makeFrame = () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.src = `${base}/chat?embed=1${area ? `&area=${area}` : ''}`;
      frame.title = LABELS.title;
      style(frame, {
        position: 'fixed',
        right: '16px',
        bottom: '72px',
        zIndex: '2147483647',
        width: 'min(400px, calc(100vw - 32px))',
        height: 'min(640px, calc(100vh - 96px))',
        border: '1px solid #ccc',
        borderRadius: '12px',
        background: '#fff',
        boxShadow: '0 4px 16px rgba(0,0,0,.3)',
      });
      document.body.appendChild(frame);
    }
  };
  button.addEventListener('click', () => {
    const opening = !frame || frame.hidden;
    if (opening) makeFrame();
    if (frame) frame.hidden = !opening;
    button.textContent = opening ? LABELS.close : label;
    button.setAttribute('aria-expanded', String(opening));
  });
  document.body.appendChild(button);
})();
