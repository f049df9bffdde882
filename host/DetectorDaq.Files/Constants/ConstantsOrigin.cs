namespace DetectorDaq.Files.Constants;

/// <summary>The calibration-database version a constants file was exported from.</summary>
/// <param name="VersionId">Version id in the database (positive).</param>
/// <param name="CreatedAt">When the database stored the version.</param>
public sealed record ConstantsOrigin(long VersionId, DateTimeOffset CreatedAt);
