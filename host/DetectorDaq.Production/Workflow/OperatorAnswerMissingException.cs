namespace DetectorDaq.Production.Workflow;

/// <summary>A prompt got no answer: non-interactive and no <c>--answer KEY=VALUE</c> for it. Aborts the run.</summary>
public sealed class OperatorAnswerMissingException(string key, string question)
    : Exception($"no answer for '{key}' ({question}); give it with --answer {key}=VALUE or run interactively")
{
    /// <summary>Key of the question.</summary>
    public string Key { get; } = key;
}
