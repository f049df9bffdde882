using DetectorDaq.Production.Records;

namespace DetectorDaq.Production.Workflow;

/// <summary>A finished run: its record and the data its phases produced (for the report).</summary>
/// <param name="Record">What happened, as written to JSON.</param>
/// <param name="Data">Frames and constants.</param>
public sealed record RunResult(RunRecord Record, CalibrationData Data);
