namespace DetectorDaq.Production.Scripts;

/// <summary>A production script that cannot be read; the message reads <c>FILE:LINE: what is wrong</c>.</summary>
public sealed class ScriptException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> at <paramref name="line"/> (1-based; 0 when unknown).</summary>
    public ScriptException(string path, int line, string problem, Exception? inner = null)
        : base($"{path}:{line}: {problem}", inner)
    {
        Path = path;
        Line = line;
        Problem = problem;
    }

    /// <summary>The script file.</summary>
    public string Path { get; }

    /// <summary>Line of the problem, 1-based; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
