namespace DetectorDaq.Interfaces.Loading;

/// <summary>An interface file is malformed or inconsistent; the message names the file and the entry.</summary>
public sealed class InterfaceDefinitionException(string message, Exception? inner = null) : Exception(message, inner);
