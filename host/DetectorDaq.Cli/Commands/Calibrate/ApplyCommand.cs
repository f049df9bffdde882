using System.CommandLine;
using DetectorDaq.Cli.Commands.Cal;
using DetectorDaq.Cli.Output;
using DetectorDaq.Files;
using DetectorDaq.Files.Constants;

namespace DetectorDaq.Cli.Commands.Calibrate;

/// <summary>
/// <c>detdaq calibrate apply --input FILE --output FILE --constants FILE.h5|VERSION [--db PATH|--postgres CONNECTION] [--log]</c>: the full
/// calibration chain (offset, nonlinearity, gain, bad channels, lag, flat field) with one module's
/// constants on every projection, written as /entry/calibrated/data with calibration_version "serial:valid_from".
/// </summary>
public static class ApplyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "Data Exchange or NeXus file of raw codes with flats.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "NeXus file to write (/entry/calibrated/data, float32).", Required = true };
        var constantsFile = new Option<string>("--constants") { Description = "Constants: a version number in the calibration database, or an HDF5 constants file (/calibration_constants, as `detdaq cal export` writes it).", Required = true };
        var minusLog = new Option<bool>("--log") { Description = "Write −ln of the normalised projections (line integrals)." };
        var store = new CalStoreOptions();
        var command = new Command("apply", "Apply calibration constants to every projection of a file.") { input, outputFile, constantsFile, minusLog, store.Database, store.Postgres };
        command.SetAction(parseResult =>
        {
            var source = parseResult.GetValue(input)!;
            var target = parseResult.GetValue(outputFile)!;
            try
            {
                var constants = ConstantsSource.Load(parseResult.GetValue(constantsFile)!, store, parseResult);
                var console = ConsoleFactory.Create(output);
                var warnings = ProgressReporter.Run(console, "calibrate", progress => CalibrationApplyService.Run(source, target, constants, parseResult.GetValue(minusLog), progress));
                foreach (var warning in warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                output.WriteLine($"wrote {target} ({constants.VersionLabel})");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is TomographyFileException or ConstantsFileException)
            {
                throw new CommandLineException(exception.Message, ExitCodes.UsageError, exception);
            }
        });
        return command;
    }
}
