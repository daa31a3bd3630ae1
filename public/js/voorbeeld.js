// The preview frame takes the height of the document inside (same origin), so the page scrolls, not the frame.
const frame = document.querySelector('[data-voorbeeld]');
const pas = () => {
  const doc = frame.contentDocument;
  if (!doc || !doc.documentElement) return;
  frame.style.height = `${doc.documentElement.scrollHeight}px`;
  frame.dataset.hoogte = 'ja';
};
frame.addEventListener('load', () => {
  pas();
  new ResizeObserver(pas).observe(frame.contentDocument.documentElement);
});
if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.URL !== 'about:blank') pas();
