// Registers the controller (filled in by the workload-controllers issue).
export {}
