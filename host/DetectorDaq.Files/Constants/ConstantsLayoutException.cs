namespace DetectorDaq.Files.Constants;

/// <summary>A member of a constants group is missing, mistyped or misshaped; the message names it.</summary>
internal sealed class ConstantsLayoutException(string message) : Exception(message);
