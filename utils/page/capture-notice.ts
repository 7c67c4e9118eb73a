import { createShadowHost } from './badge-style';

const noticeCss = `
:host{all:initial !important;position:fixed !important;right:16px !important;bottom:16px !important;z-index:2147483647 !important}
.notice{all:initial;box-sizing:border-box;display:flex;gap:10px;align-items:center;max-width:380px;padding:8px 12px;border:1px solid #6941c6;border-radius:8px;
  background:#ffffff;color:#1a1a1a;box-shadow:0 2px 8px rgba(0,0,0,.25);font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
button{all:initial;cursor:pointer;font:600 12px/1.4 system-ui,sans-serif;color:#4a2a8a;text-decoration:underline}
button:focus-visible{outline:2px solid #1a1a1a;outline-offset:2px}
`;

/** A small notice in the page corner saying what was saved; it goes by itself, and offers to turn capture off. */
export function showCaptureNotice(message: string, options: { onTurnOff: () => void; signal: AbortSignal; durationMs?: number }): HTMLElement {
  document.querySelector('[data-cape-notice]')?.remove();
  const { host, shadow } = createShadowHost('data-cape-notice', '', noticeCss);
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = message;
  const turnOff = document.createElement('button');
  turnOff.type = 'button';
  turnOff.textContent = 'Stop saving claims';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  box.append(text, turnOff, close);
  shadow.append(box);
  const remove = () => host.remove();
  turnOff.addEventListener('click', () => {
    options.onTurnOff();
    remove();
  }, { signal: options.signal });
  close.addEventListener('click', remove, { signal: options.signal });
  options.signal.addEventListener('abort', remove, { once: true });
  setTimeout(remove, options.durationMs ?? 8000);
  document.documentElement.append(host);
  return host;
}
