namespace DetectorDaq.Hil.Scenarios;

/// <summary>A scenario file that cannot be read or is not valid; the message is one line, <c>file:line:column: problem</c>.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/> at <paramref name="line"/>, <paramref name="column"/> (1-based, 0 if unknown).</summary>
    public ScenarioException(string origin, int line, int column, string problem, Exception? innerException = null)
        : base($"{origin}:{line}:{column}: {problem}", innerException)
    {
        Origin = origin;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or other origin) of the scenario text.</summary>
    public string Origin { get; }

    /// <summary>Line of the problem, 1-based, or 0 when it concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>Column of the problem, 1-based, or 0 when it concerns the whole file.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
