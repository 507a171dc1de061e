//go:build !unix

package main

import "time"

// processCPU is not measured off unix; the cpu-s metrics are then omitted.
func processCPU() time.Duration { return 0 }
