package tracing

// NewWithExporter is New with the given exporter, for tests.
var NewWithExporter = newTracing
