export default defineContentScript({
  matches: ['https://*.cbp.dhs.gov/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.capeCompanion = 'ready';
  },
});
