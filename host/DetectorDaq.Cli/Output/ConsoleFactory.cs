using Spectre.Console;

namespace DetectorDaq.Cli.Output;

/// <summary>Spectre consoles over the writers the command line was given, so tests can read the output.</summary>
public static class ConsoleFactory
{
    /// <summary>A console writing to <paramref name="writer"/>; colours only on a real terminal.</summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        var interactive = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }
}
