using System.CommandLine;
using System.Globalization;
using DetectorDaq.Calibration.Constants;
using DetectorDaq.CalibrationDb;

namespace DetectorDaq.Cli.Commands.Cal;

/// <summary><c>detdaq cal show VERSION</c>: metadata and summary statistics of one version.</summary>
internal static class CalShowCommand
{
    public static Command Create(CalStoreOptions store, TextWriter output)
    {
        var version = new Argument<long>("VERSION") { Description = "Version id (see `detdaq cal list`)." };
        var command = new Command("show", "Show one calibration version: metadata, median offset/noise/gain, bad channels by flag.") { version };
        command.SetAction(parseResult =>
        {
            using var opened = store.Open(parseResult);
            var stored = CalErrors.Guard(() => opened.Get(parseResult.GetValue(version)));
            Write(output, stored);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter output, StoredCalibration stored)
    {
        var constants = stored.Constants;
        var statistics = ConstantsStatistics.Of(constants);
        var invariant = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(invariant, $"version            {stored.VersionId}"));
        output.WriteLine($"module             {constants.ModuleSerial}");
        output.WriteLine(string.Create(invariant, $"valid from         {constants.ValidFrom:o}"));
        output.WriteLine(string.Create(invariant, $"conditions         {constants.Conditions.TemperatureCelsius} °C, {constants.Conditions.IntegrationPeriodNanoseconds} ns, range {constants.Conditions.Range}"));
        output.WriteLine(string.Create(invariant, $"layout             {constants.Rows} rows x {constants.Columns} columns x {constants.Sides} sides"));
        output.WriteLine($"station            {constants.Station}");
        output.WriteLine($"software           {constants.SoftwareVersion}");
        output.WriteLine(string.Create(invariant, $"created            {stored.CreatedAt:o}"));
        output.WriteLine(string.Create(invariant, $"nonlinearity order {constants.NonlinearityOrder}"));
        output.WriteLine(string.Create(invariant, $"lag terms          {constants.LagAmplitudes.Length}"));
        output.WriteLine(string.Create(invariant, $"median offset      {statistics.MedianOffset:G6} codes"));
        output.WriteLine(string.Create(invariant, $"median noise       {statistics.MedianNoise:G6} codes"));
        output.WriteLine(string.Create(invariant, $"median gain        {statistics.MedianGain:G6}"));
        output.WriteLine(string.Create(invariant, $"bad channels       {statistics.BadChannels} of {constants.ChannelCount}"));
        foreach (var (flag, count) in statistics.ChannelsByFlag.Where(entry => entry.Value > 0))
        {
            output.WriteLine(string.Create(invariant, $"  {flag,-18} {count}"));
        }
    }
}
