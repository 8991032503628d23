package site

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"regexp"
)

// workerTemplate is the service worker given to go-app as
// Handler.ServiceWorkerTemplate.
//
//go:embed worker.js
var workerTemplate string

// precacheLine finds the precache list in a generated worker.
var precacheLine = regexp.MustCompile(`(?m)^const precache = (\[.*\]);$`)

// precacheList returns the URLs a generated worker precaches.
func precacheList(worker []byte) ([]string, error) {
	m := precacheLine.FindSubmatch(worker)
	if m == nil {
		return nil, fmt.Errorf("no precache list found")
	}
	var urls []string
	if err := json.Unmarshal(m[1], &urls); err != nil {
		return nil, fmt.Errorf("precache list: %w", err)
	}
	return urls, nil
}
