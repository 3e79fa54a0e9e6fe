//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package engine

func readFile(path string, check sizeCheck, limit int64, _ func(int) []byte) ([]byte, error) {
	return readFileOS(path, check, limit)
}
