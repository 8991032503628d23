// Offers the update on the page of a first visit. go-app's app.js shows
// the reload prompt when a new service worker activates on a page that a
// worker controls. The page of a first visit is not controlled (the worker
// does not claim it; see app-worker.js), so a version published while that
// page stays open would never be offered there. This file makes up for
// that case only: once a worker is active, another one installing is an
// update, and on an uncontrolled page its activation calls the same hook
// app.js calls.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.ready.then((registration) => {
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      if (!worker || navigator.serviceWorker.controller) {
        return; // a controlled page: app.js offers it
      }
      worker.addEventListener("statechange", () => {
        if (worker.state === "activated" && !navigator.serviceWorker.controller) {
          goappOnUpdate();
        }
      });
    });
  });
}
