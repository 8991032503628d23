// threatcard's Trusted Types policy. The page's Content-Security-Policy
// requires Trusted Types for scripts, so every string given to a script sink
// (innerHTML, eval, script URLs, ...) fails unless this default policy allows
// it. It allows exactly one thing: go-app registering the app's own service
// worker. HTML and script strings have no rule here, so they stay blocked.
//
// The page loads this file without defer, so it runs before go-app's
// deferred app.js.
if (window.trustedTypes && trustedTypes.createPolicy) {
  trustedTypes.createPolicy("default", {
    createScriptURL(url) {
      const u = new URL(url, document.baseURI);
      if (u.origin === location.origin && u.pathname.endsWith("/app-worker.js") && u.search === "" && u.hash === "") {
        return url;
      }
      throw new TypeError("threatcard: script URL not allowed: " + url);
    },
  });
}
