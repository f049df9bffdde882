namespace DetectorDaq.Receiver.Topology;

/// <summary>A detector topology file that cannot be used; the message is one line naming the file, line and problem.</summary>
public sealed class TopologyException : Exception
{
    /// <summary>Creates the exception for <paramref name="origin"/> (file name or other description) at <paramref name="line"/> (1-based, 0 = whole file).</summary>
    public TopologyException(string origin, int line, string problem, Exception? innerException = null)
        : base(line > 0 ? $"{origin}:{line}: {problem}" : $"{origin}: {problem}", innerException)
    {
        Origin = origin;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file (or description) the topology came from.</summary>
    public string Origin { get; }

    /// <summary>1-based line of the problem; 0 when it concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
