// Package rules embeds citecheck's default registry: the YAML files under
// treaties/ (and, later, resolutions/).
package rules

import "embed"

// FS holds the registry files, at paths such as "treaties/drugs.yaml".
//
//go:embed treaties resolutions
var FS embed.FS
