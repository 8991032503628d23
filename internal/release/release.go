// Package release names the version of threatcard that this source tree is.
package release

// Version is the release of threatcard, bumped by hand for each release. The
// web app shows it; the service worker's cache name adds a hash of the built
// files to it, so that a rebuild with the same content keeps the cache and a
// changed build always reaches returning users.
const Version = "0.1.0"
