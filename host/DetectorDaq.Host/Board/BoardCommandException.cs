namespace DetectorDaq.Host.Board;

/// <summary>A controller refused a bring-up command; the message holds its status and reason.</summary>
public sealed class BoardCommandException(string message) : Exception(message);
