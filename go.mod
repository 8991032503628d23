module github.com/threatcard/threatcard

go 1.26

require (
	github.com/maxence-charriere/go-app/v10 v10.1.11 // indirect
	github.com/pandatix/go-cvss v0.6.4 // indirect
)
