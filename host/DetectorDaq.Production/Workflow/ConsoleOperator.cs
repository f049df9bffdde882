namespace DetectorDaq.Production.Workflow;

/// <summary>
/// An operator at a console: answers given in advance are used first, the rest are asked on
/// <paramref name="output"/> and read from <paramref name="input"/>; end of input gives null.
/// </summary>
public sealed class ConsoleOperator(TextReader input, TextWriter output, IReadOnlyDictionary<string, string>? given = null) : IOperator
{
    /// <inheritdoc/>
    public string? Ask(string key, string question)
    {
        if (given is not null && given.TryGetValue(key, out var answer))
        {
            return answer;
        }

        output.Write($"{question} [{key}]: ");
        output.Flush();
        return input.ReadLine()?.Trim();
    }
}
