// Package release holds no code: its tests check the distribution files at
// the repository root (.goreleaser.yaml, action.yml, .pre-commit-hooks.yaml
// and docs/recipes.md) against the code they describe, so that a renamed
// variable, flag or subcommand fails `go test ./...` instead of a release
// or a user's CI run.
package release
