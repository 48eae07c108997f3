// `npm start`: runs the Electron kiosk on the bundled demo (wired up by the kiosk work).
console.log('Marquee: the Electron kiosk is not wired up yet. Validate the demo with: npx marquee validate assets/demo/playlist.json');
