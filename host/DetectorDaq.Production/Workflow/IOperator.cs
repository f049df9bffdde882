namespace DetectorDaq.Production.Workflow;

/// <summary>The person at the station, asked by prompt phases.</summary>
public interface IOperator
{
    /// <summary>Asks <paramref name="question"/>; returns the answer, or null when none can be had (non-interactive and not given).</summary>
    /// <param name="key">Stable name of the question (the <c>KEY</c> of <c>--answer KEY=VALUE</c>).</param>
    /// <param name="question">Text shown to the operator.</param>
    string? Ask(string key, string question);
}
