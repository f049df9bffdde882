using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using DetectorDaq.Hil.Controller;

namespace DetectorDaq.Cli.Commands.Hil;

/// <summary>
/// <c>detdaq hil controller --port PORT [--fault NAME] [--chips N] [--duration SECONDS]</c>: a simulated
/// controller on loopback until Ctrl+C, SIGTERM or the duration ends.
/// </summary>
public static class HilControllerCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "TCP port of the control server (0 picks a free one).", Required = true };
        var fault = new Option<string>("--fault") { Description = "Fault to inject: " + string.Join(", ", HilFaultNames.All) + ".", DefaultValueFactory = _ => "none" };
        fault.AcceptOnlyFromAmong([.. HilFaultNames.All]);
        var chips = new Option<int>("--chips") { Description = "DDC264 chips in the chain (1 to 16); 0 simulates an ADS131M08-only board.", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration") { Description = "Seconds to run; 0 runs until Ctrl+C or SIGTERM.", DefaultValueFactory = _ => 0 };
        var serial = new Option<string>("--serial") { Description = "Serial number the controller reports.", DefaultValueFactory = _ => "HIL-0001" };
        var command = new Command("controller", "Run a simulated controller (ADS131M08 + FPGA + DDC264 chain) serving the control protocol on TCP and data on UDP.")
        {
            port, fault, chips, duration, serial,
        };
        command.SetAction(parseResult =>
        {
            HilFaultNames.TryParse(parseResult.GetValue(fault)!, out var injected);
            var chipCount = parseResult.GetValue(chips);
            if (chipCount is < 0 or > 16)
            {
                throw new CommandLineException($"--chips must be 0 to 16, not {chipCount}", ExitCodes.UsageError);
            }

            var options = new SimulatedControllerOptions(parseResult.GetValue(port), chipCount, injected, parseResult.GetValue(serial)!);
            return Run(options, TimeSpan.FromSeconds(parseResult.GetValue(duration)), output);
        });
        return command;
    }

    /// <summary>Serves a simulated controller until stopped.</summary>
    public static int Run(SimulatedControllerOptions options, TimeSpan duration, TextWriter output)
    {
        SimulatedController controller;
        try
        {
            controller = new SimulatedController(options);
        }
        catch (SocketException exception)
        {
            throw new CommandLineException($"cannot listen on port {options.Port}: {exception.SocketErrorCode}", ExitCodes.Failure, exception);
        }

        using (controller)
        {
            using var stop = new ManualResetEventSlim();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Set();
            };
            Console.CancelKeyPress += onCancel;
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Set();
            });
            var board = options.Ddc264Chips == 0 ? "ADS131M08" : $"ADS131M08 + FPGA + {options.Ddc264Chips} DDC264";
            output.WriteLine($"simulated controller listening on {controller.ControlEndpoint} ({board}), fault: {HilFaultNames.NameOf(options.Fault)}");
            output.Flush();
            stop.Wait(duration > TimeSpan.Zero ? duration : Timeout.InfiniteTimeSpan);
            Console.CancelKeyPress -= onCancel;
            output.WriteLine("simulated controller stopped");
        }

        return ExitCodes.Success;
    }
}
