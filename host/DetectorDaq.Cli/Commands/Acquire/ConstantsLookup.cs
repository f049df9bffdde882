using System.Net;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;
using DetectorDaq.Cli.Commands.Cal;
using DetectorDaq.Firmware.Interfaces;
using DetectorDaq.Host.Board;
using DetectorDaq.Host.Control;
using DetectorDaq.Production.Devices;
using DetectorDaq.Receiver.Topology;

namespace DetectorDaq.Cli.Commands.Acquire;

/// <summary>
/// <c>acquire --lookup</c>: each module's constants from the calibration database, found as CalCat
/// does — by the serial number its controller reports and the run's conditions (board temperature
/// from housekeeping, integration period, range) at the time of the run.
/// </summary>
internal static class ConstantsLookup
{
    /// <summary>Constants per module id; one line per module on <paramref name="output"/> says which version.</summary>
    /// <exception cref="CommandLineException">A controller does not answer, or no version matches a module.</exception>
    public static IReadOnlyDictionary<int, CalibrationConstants> Find(DetectorTopology topology, long integrationPeriodNanoseconds, ICalibrationStore store, LookupMode mode, ConditionTolerance tolerance, TimeSpan timeout, TextWriter output)
    {
        var now = DateTimeOffset.UtcNow;
        var constants = new Dictionary<int, CalibrationConstants>();
        foreach (var module in topology.Modules)
        {
            var (serial, temperature) = Identify(module, timeout);
            var ddc264 = module.Chips.Any(chip => chip.Kind == ChipKind.Ddc264);
            var conditions = new CalibrationConditions(temperature, integrationPeriodNanoseconds, ModuleRange.Name(ddc264));
            var found = CalErrors.Guard(() => store.Find(serial, conditions, now, mode, tolerance));
            output.WriteLine($"module {module.ModuleId}: {serial} at {temperature:0.0} °C → version {found.VersionId} ({found.Constants.Conditions.TemperatureCelsius:0.0} °C, valid from {found.Constants.ValidFrom:yyyy-MM-dd HH:mm:ss zzz})");
            constants[module.ModuleId] = found.Constants;
        }

        return constants;
    }

    private static (string Serial, double TemperatureCelsius) Identify(ModuleTopology module, TimeSpan timeout)
    {
        try
        {
            using var client = ControllerClient.ConnectAsync(new DnsEndPoint(module.ControllerHost, module.ControllerPort), timeout).GetAwaiter().GetResult();
            var board = new BoardService(client);
            return (board.Info().SerialNumber, board.Housekeeping().BoardTemperatureMilliCelsius / 1000.0);
        }
        catch (Exception exception) when (exception is ControllerUnreachableException or BoardCommandException)
        {
            throw new CommandLineException($"module {module.ModuleId}: {exception.Message}", ExitCodes.Failure, exception);
        }
    }
}
