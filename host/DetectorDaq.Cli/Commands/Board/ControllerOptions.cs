using System.CommandLine;
using DetectorDaq.Host.Control;

namespace DetectorDaq.Cli.Commands.Board;

/// <summary>Options every <c>board</c> verb shares: which controller, how long to wait.</summary>
public sealed class ControllerOptions
{
    /// <summary><c>--controller HOST:PORT</c>.</summary>
    public Option<string> Controller { get; } = new("--controller") { Description = "Controller address, HOST:PORT.", Required = true };

    /// <summary><c>--timeout SECONDS</c>.</summary>
    public Option<double> Timeout { get; } = new("--timeout") { Description = "Seconds to wait for the controller.", DefaultValueFactory = _ => 5.0 };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Controller);
        command.Options.Add(Timeout);
    }

    /// <summary>Connects to the controller named on the command line.</summary>
    /// <exception cref="CommandLineException">Bad address or unreachable controller.</exception>
    public ControllerClient Connect(ParseResult parseResult)
    {
        try
        {
            var endpoint = ControllerEndpoint.Parse(parseResult.GetValue(Controller)!);
            return ControllerClient.ConnectAsync(endpoint, TimeSpan.FromSeconds(parseResult.GetValue(Timeout))).GetAwaiter().GetResult();
        }
        catch (FormatException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
        }
        catch (ControllerUnreachableException exception)
        {
            throw new CommandLineException(exception.Message, ExitCodes.Failure, exception);
        }
    }
}
