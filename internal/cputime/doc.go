// Package cputime reads the CPU time of the running process. Benchmarks
// report throughput per CPU-second beside per wall-clock second because
// the machines they run on are often shared and loaded: CPU time measures
// the work done, wall time also the wait.
package cputime
