namespace DetectorDaq.Production.Workflow;

/// <summary>An operator whose answers were given in advance (<c>--answer KEY=VALUE</c>); a question without one gets null.</summary>
public sealed class AnswersOperator(IReadOnlyDictionary<string, string> answers) : IOperator
{
    /// <summary>Parses <c>KEY=VALUE</c> pairs.</summary>
    /// <exception cref="ArgumentException">A pair has no '=' or an empty key, or a key is given twice.</exception>
    public static AnswersOperator FromPairs(IEnumerable<string> pairs)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=');
            if (split < 1)
            {
                throw new ArgumentException($"answer '{pair}' is not KEY=VALUE");
            }

            if (!answers.TryAdd(pair[..split], pair[(split + 1)..]))
            {
                throw new ArgumentException($"answer '{pair[..split]}' is given twice");
            }
        }

        return new AnswersOperator(answers);
    }

    /// <summary>The answers given, by key.</summary>
    public IReadOnlyDictionary<string, string> Answers => answers;

    /// <inheritdoc/>
    public string? Ask(string key, string question) => answers.TryGetValue(key, out var answer) ? answer : null;
}
