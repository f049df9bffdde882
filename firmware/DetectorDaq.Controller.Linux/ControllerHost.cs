using System.Runtime.InteropServices;

namespace DetectorDaq.Controller.Linux;

/// <summary>Runs a controller until SIGINT/SIGTERM; setup errors become one stderr line and exit code 1.</summary>
public sealed class ControllerHost(LinuxBoardBuilder builder, TextWriter output, TextWriter error)
{
    /// <summary>Starts the controller, serves until <paramref name="stop"/> is set, then stops it. Returns the exit code.</summary>
    public int Run(LinuxControllerOptions options, WaitHandle stop)
    {
        LinuxController controller;
        try
        {
            controller = builder.Start(options);
        }
        catch (ControllerSetupException exception)
        {
            error.WriteLine($"detdaq-controller: {exception.Message}");
            return 1;
        }

        using (controller)
        {
            output.WriteLine($"detdaq-controller: serving {options.SerialNumber} on tcp {controller.ControlEndpoint}");
            stop.WaitOne();
        }

        return 0;
    }

    /// <summary>Like <see cref="Run(LinuxControllerOptions, WaitHandle)"/>, stopping on SIGINT or SIGTERM.</summary>
    public int RunUntilSignal(LinuxControllerOptions options)
    {
        using var stop = new ManualResetEvent(false);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return Run(options, stop);
    }
}
